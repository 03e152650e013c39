/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-page"

#include "config.h"

#include "acu-page.h"
#include "acu-ui-util.h"

typedef struct
{
  AcuContext *context;
  char       *help_id;
  gulong      store_handler;
} AcuPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AcuPage, acu_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_HELP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
context_store_changed_cb (AcuContext *context,
                          GParamSpec *pspec,
                          AcuPage    *self)
{
  AcuPageClass *klass = ACU_PAGE_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, acu_context_get_store (context));
}

static void
acu_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AcuPage *self = ACU_PAGE (object);
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_HELP_ID:
      g_value_set_string (value, priv->help_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AcuPage *self = ACU_PAGE (object);
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      acu_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_HELP_ID:
      g_free (priv->help_id);
      priv->help_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_page_dispose (GObject *object)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (ACU_PAGE (object));

  /* No store_changed here: the subclass forgets its store in its own dispose */
  if (priv->context != NULL)
    g_clear_signal_handler (&priv->store_handler, priv->context);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (acu_page_parent_class)->dispose (object);
}

static void
acu_page_finalize (GObject *object)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (ACU_PAGE (object));

  g_free (priv->help_id);

  G_OBJECT_CLASS (acu_page_parent_class)->finalize (object);
}

static void
acu_page_class_init (AcuPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acu_page_dispose;
  object_class->finalize = acu_page_finalize;
  object_class->get_property = acu_page_get_property;
  object_class->set_property = acu_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACU_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The Mallard page F1 opens while this page is shown */
  properties[PROP_HELP_ID] =
    g_param_spec_string ("help-id", NULL, NULL, "index",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acu_page_init (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  priv->help_id = g_strdup ("index");
}

AcuContext *
acu_page_get_context (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->context;
}

void
acu_page_set_context (AcuPage    *self,
                      AcuContext *context)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_if_fail (ACU_IS_PAGE (self));

  if (priv->context == context)
    return;

  if (priv->context != NULL)
    g_clear_signal_handler (&priv->store_handler, priv->context);
  g_set_object (&priv->context, context);
  if (context != NULL)
    priv->store_handler = g_signal_connect (context, "notify::store",
                                            G_CALLBACK (context_store_changed_cb), self);

  if (ACU_PAGE_GET_CLASS (self)->store_changed != NULL)
    ACU_PAGE_GET_CLASS (self)->store_changed (self, context ? acu_context_get_store (context) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

AcuStore *
acu_page_get_store (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->context ? acu_context_get_store (priv->context) : NULL;
}

const char *
acu_page_get_help_id (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->help_id;
}

void
acu_page_show_toast (AcuPage    *self,
                     const char *message)
{
  acu_widget_show_toast (GTK_WIDGET (self), message);
}
