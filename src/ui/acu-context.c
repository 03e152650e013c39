/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-context"

#include "config.h"

#include "acu-context.h"

/* What the window shares with its pages, instead of globals: the settings
 * and the open store (NULL while locked). Pages watch notify::store. */

struct _AcuContext
{
  GObject      parent_instance;

  AcuSettings *settings;
  AcuStore    *store;
};

G_DEFINE_FINAL_TYPE (AcuContext, acu_context, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
acu_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AcuContext *self = ACU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AcuContext *self = ACU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      acu_context_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_context_dispose (GObject *object)
{
  AcuContext *self = ACU_CONTEXT (object);

  acu_context_set_store (self, NULL);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (acu_context_parent_class)->dispose (object);
}

static void
acu_context_class_init (AcuContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acu_context_dispose;
  object_class->get_property = acu_context_get_property;
  object_class->set_property = acu_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, ACU_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ACU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acu_context_init (AcuContext *self)
{
}

AcuContext *
acu_context_new (AcuSettings *settings)
{
  g_return_val_if_fail (ACU_IS_SETTINGS (settings), NULL);
  return g_object_new (ACU_TYPE_CONTEXT, "settings", settings, NULL);
}

AcuSettings *
acu_context_get_settings (AcuContext *self)
{
  g_return_val_if_fail (ACU_IS_CONTEXT (self), NULL);
  return self->settings;
}

AcuStore *
acu_context_get_store (AcuContext *self)
{
  g_return_val_if_fail (ACU_IS_CONTEXT (self), NULL);
  return self->store;
}

/* Replacing or clearing the store closes the previous one, which wipes
 * its keys; pages are told through notify::store. */
void
acu_context_set_store (AcuContext *self,
                       AcuStore   *store)
{
  g_autoptr(AcuStore) old = NULL;

  g_return_if_fail (ACU_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || ACU_IS_STORE (store));

  if (self->store == store)
    return;

  old = g_steal_pointer (&self->store);
  if (store != NULL)
    self->store = g_object_ref (store);
  if (self->store != NULL && self->settings != NULL)
    acu_settings_set_last_database (self->settings, acu_store_get_path (self->store));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  if (old != NULL)
    acu_store_close (old);
}
