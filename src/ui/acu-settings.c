/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-settings"

#include "config.h"

#include "acu-settings.h"

/* The application's GSettings, as typed properties that widgets bind to.
 * GSettings stays out of src/core; pages read this object, never the
 * schema's keys. */

struct _AcuSettings
{
  GObject    parent_instance;

  GSettings *settings;
  char      *last_database;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  guint      lock_delay;
  guint      close_delay;
};

G_DEFINE_FINAL_TYPE (AcuSettings, acu_settings, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LAST_DATABASE,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_LOCK_DELAY,
  PROP_CLOSE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
acu_settings_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AcuSettings *self = ACU_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_LAST_DATABASE:
      g_value_set_string (value, self->last_database);
      break;
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_LOCK_DELAY:
      g_value_set_uint (value, self->lock_delay);
      break;
    case PROP_CLOSE_DELAY:
      g_value_set_uint (value, self->close_delay);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (AcuSettings *self,
         int         *field,
         int          value,
         guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_uint (AcuSettings *self,
          guint       *field,
          guint        value,
          guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
acu_settings_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AcuSettings *self = ACU_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_LAST_DATABASE:
      acu_settings_set_last_database (self, g_value_get_string (value));
      break;
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_MAXIMIZED:
      set_int (self, &self->window_maximized, g_value_get_boolean (value), prop_id);
      break;
    case PROP_LOCK_DELAY:
      set_uint (self, &self->lock_delay, g_value_get_uint (value), prop_id);
      break;
    case PROP_CLOSE_DELAY:
      set_uint (self, &self->close_delay, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_settings_finalize (GObject *object)
{
  AcuSettings *self = ACU_SETTINGS (object);

  g_clear_object (&self->settings);
  g_free (self->last_database);

  G_OBJECT_CLASS (acu_settings_parent_class)->finalize (object);
}

static void
acu_settings_class_init (AcuSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acu_settings_finalize;
  object_class->get_property = acu_settings_get_property;
  object_class->set_property = acu_settings_set_property;

  properties[PROP_LAST_DATABASE] =
    g_param_spec_string ("last-database", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, -1, G_MAXINT, 1000,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, -1, G_MAXINT, 700,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCK_DELAY] =
    g_param_spec_uint ("lock-delay", NULL, NULL, 1, 86400, 300,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLOSE_DELAY] =
    g_param_spec_uint ("close-delay", NULL, NULL, 1, 604800, 3600,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acu_settings_init (AcuSettings *self)
{
  self->last_database = g_strdup ("");
  self->settings = g_settings_new (APPLICATION_ID);

  for (guint i = PROP_LAST_DATABASE; i < N_PROPS; i++)
    g_settings_bind (self->settings, g_param_spec_get_name (properties[i]),
                     self, g_param_spec_get_name (properties[i]), G_SETTINGS_BIND_DEFAULT);
}

AcuSettings *
acu_settings_new (void)
{
  return g_object_new (ACU_TYPE_SETTINGS, NULL);
}

/* Idle seconds before the desk locks (back to identifying), and closes */
guint
acu_settings_get_lock_delay (AcuSettings *self)
{
  g_return_val_if_fail (ACU_IS_SETTINGS (self), 300);
  return self->lock_delay;
}

guint
acu_settings_get_close_delay (AcuSettings *self)
{
  g_return_val_if_fail (ACU_IS_SETTINGS (self), 3600);
  return self->close_delay;
}

void
acu_settings_set_delays (AcuSettings *self,
                         guint        lock_delay,
                         guint        close_delay)
{
  g_return_if_fail (ACU_IS_SETTINGS (self));
  g_object_set (self, "lock-delay", lock_delay, "close-delay", close_delay, NULL);
}

const char *
acu_settings_get_last_database (AcuSettings *self)
{
  g_return_val_if_fail (ACU_IS_SETTINGS (self), NULL);
  return self->last_database;
}

void
acu_settings_set_last_database (AcuSettings *self,
                                const char  *path)
{
  g_return_if_fail (ACU_IS_SETTINGS (self));

  if (path == NULL)
    path = "";
  if (g_strcmp0 (self->last_database, path) == 0)
    return;
  g_free (self->last_database);
  self->last_database = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DATABASE]);
}

void
acu_settings_get_window_size (AcuSettings *self,
                              int         *width,
                              int         *height,
                              gboolean    *maximized)
{
  g_return_if_fail (ACU_IS_SETTINGS (self));

  *width = self->window_width;
  *height = self->window_height;
  *maximized = self->window_maximized;
}

void
acu_settings_set_window_size (AcuSettings *self,
                              int          width,
                              int          height,
                              gboolean     maximized)
{
  g_return_if_fail (ACU_IS_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, &self->window_width, width, PROP_WINDOW_WIDTH);
  set_int (self, &self->window_height, height, PROP_WINDOW_HEIGHT);
  set_int (self, &self->window_maximized, maximized, PROP_WINDOW_MAXIMIZED);
  g_object_thaw_notify (G_OBJECT (self));
}
