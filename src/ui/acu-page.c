/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-page"

#include "config.h"

#include "acu-page.h"
#include "acu-ui-util.h"

typedef struct
{
  AcuContext *context;
  AcuStore   *store;          /* the context's, while open: to disconnect */
  gulong      context_handler;
  gulong      changed_handler;
  char       *title;
  char       *icon_name;
  AcuRole     required_role;
  char       *help_id;
  AcuAreas    areas;
  guint       badge;
  char       *badge_description;
} AcuPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AcuPage, acu_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_REQUIRED_ROLE,
  PROP_HELP_ID,
  PROP_AREAS,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The badge of the page's sidebar row, from its get_badge (if any) */
void
acu_page_update_badge (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);
  AcuPageClass *klass = ACU_PAGE_GET_CLASS (self);
  g_autofree char *description = NULL;
  guint badge = 0;

  g_return_if_fail (ACU_IS_PAGE (self));

  if (klass->get_badge == NULL)
    return;
  if (priv->store != NULL && acu_store_is_identified (priv->store)
      && acu_store_get_role (priv->store) >= priv->required_role)
    badge = klass->get_badge (self, &description);
  if (badge == 0)
    g_clear_pointer (&description, g_free);
  if (g_strcmp0 (description, priv->badge_description) != 0)
    {
      g_free (priv->badge_description);
      priv->badge_description = g_steal_pointer (&description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_DESCRIPTION]);
    }
  if (badge != priv->badge)
    {
      priv->badge = badge;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
    }
}

static void
store_area_changed_cb (AcuStore *store,
                       AcuAreas  area,
                       AcuPage  *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);
  AcuPageClass *klass = ACU_PAGE_GET_CLASS (self);

  if ((priv->areas & area) == 0)
    return;
  if (klass->areas_changed != NULL)
    klass->areas_changed (self, area);
  acu_page_update_badge (self);
}

/* Follows the context's store: one handler on the open store, for every page */
static void
follow_store (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);
  AcuStore *store = priv->context ? acu_context_get_store (priv->context) : NULL;
  AcuPageClass *klass = ACU_PAGE_GET_CLASS (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_handler, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (store_area_changed_cb), self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, store);
  acu_page_update_badge (self);
}

static void
context_store_changed_cb (AcuContext *context,
                          GParamSpec *pspec,
                          AcuPage    *self)
{
  follow_store (self);
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
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_REQUIRED_ROLE:
      g_value_set_enum (value, priv->required_role);
      break;
    case PROP_HELP_ID:
      g_value_set_string (value, priv->help_id);
      break;
    case PROP_AREAS:
      g_value_set_flags (value, priv->areas);
      break;
    case PROP_BADGE:
      g_value_set_uint (value, priv->badge);
      break;
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, priv->badge_description);
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

  /* All but the context are the page's own description, set once in
   * its template */
  switch (prop_id)
    {
    case PROP_CONTEXT:
      acu_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;
    case PROP_REQUIRED_ROLE:
      priv->required_role = g_value_get_enum (value);
      break;
    case PROP_HELP_ID:
      g_free (priv->help_id);
  g_free (priv->badge_description);
      priv->help_id = g_value_dup_string (value);
      break;
    case PROP_AREAS:
      priv->areas = g_value_get_flags (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_page_dispose (GObject *object)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (ACU_PAGE (object));

  /* No store_changed here: the subclass forgets what it shows in its own dispose */
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_handler, priv->store);
  g_clear_object (&priv->store);
  if (priv->context != NULL)
    g_clear_signal_handler (&priv->context_handler, priv->context);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (acu_page_parent_class)->dispose (object);
}

static void
acu_page_finalize (GObject *object)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (ACU_PAGE (object));

  g_free (priv->title);
  g_free (priv->icon_name);
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
  /* The sidebar row and the header bar's title */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whoever is identified with a lower role does not see the page (and
   * the core refuses its calls anyway) */
  properties[PROP_REQUIRED_ROLE] =
    g_param_spec_enum ("required-role", NULL, NULL, ACU_TYPE_ROLE, ACU_ROLE_VOLUNTEER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The Mallard page F1 opens while this page is shown */
  properties[PROP_HELP_ID] =
    g_param_spec_string ("help-id", NULL, NULL, "index",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The data areas the page shows: areas_changed is called for them */
  properties[PROP_AREAS] =
    g_param_spec_flags ("areas", NULL, NULL, ACU_TYPE_AREAS, ACU_AREA_NONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A count on the page's sidebar row (get_badge), 0: none */
  properties[PROP_BADGE] =
    g_param_spec_uint ("badge", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the count means, for screen readers: "3 categories short" */
  properties[PROP_BADGE_DESCRIPTION] =
    g_param_spec_string ("badge-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acu_page_init (AcuPage *self)
{
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
    g_clear_signal_handler (&priv->context_handler, priv->context);
  g_set_object (&priv->context, context);
  if (context != NULL)
    priv->context_handler = g_signal_connect (context, "notify::store",
                                              G_CALLBACK (context_store_changed_cb), self);
  follow_store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* The open store, or NULL while the desk is closed */
AcuStore *
acu_page_get_store (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->store;
}

const char *
acu_page_get_title (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->title;
}

const char *
acu_page_get_icon_name (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->icon_name;
}

AcuRole
acu_page_get_required_role (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), ACU_ROLE_COORDINATOR);
  return priv->required_role;
}

const char *
acu_page_get_help_id (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->help_id;
}

AcuAreas
acu_page_get_areas (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), ACU_AREA_NONE);
  return priv->areas;
}

/* Whether the person identified may use the page */
gboolean
acu_page_is_allowed (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), FALSE);
  return priv->store != NULL && acu_store_is_identified (priv->store)
         && acu_store_get_role (priv->store) >= priv->required_role;
}

void
acu_page_activate (AcuPage *self)
{
  g_return_if_fail (ACU_IS_PAGE (self));

  if (ACU_PAGE_GET_CLASS (self)->activate != NULL)
    ACU_PAGE_GET_CLASS (self)->activate (self);
}

void
acu_page_show_record (AcuPage *self,
                      gint64   id)
{
  g_return_if_fail (ACU_IS_PAGE (self));

  if (ACU_PAGE_GET_CLASS (self)->show_record != NULL)
    ACU_PAGE_GET_CLASS (self)->show_record (self, id);
}

void
acu_page_show_toast (AcuPage    *self,
                     const char *message)
{
  acu_widget_show_toast (GTK_WIDGET (self), message);
}

guint
acu_page_get_badge (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), 0);
  return priv->badge;
}

const char *
acu_page_get_badge_description (AcuPage *self)
{
  AcuPagePrivate *priv = acu_page_get_instance_private (self);

  g_return_val_if_fail (ACU_IS_PAGE (self), NULL);
  return priv->badge_description;
}
