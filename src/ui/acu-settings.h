/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACU_TYPE_SETTINGS (acu_settings_get_type ())

G_DECLARE_FINAL_TYPE (AcuSettings, acu_settings, ACU, SETTINGS, GObject)

AcuSettings *acu_settings_new (void);

const char  *acu_settings_get_last_database (AcuSettings *self);
void         acu_settings_set_last_database (AcuSettings *self,
                                             const char  *path);
void         acu_settings_get_window_size (AcuSettings *self,
                                           int         *width,
                                           int         *height,
                                           gboolean    *maximized);
void         acu_settings_set_window_size (AcuSettings *self,
                                           int          width,
                                           int          height,
                                           gboolean     maximized);

guint        acu_settings_get_lock_delay (AcuSettings *self);
guint        acu_settings_get_close_delay (AcuSettings *self);
void         acu_settings_set_delays (AcuSettings *self,
                                      guint        lock_delay,
                                      guint        close_delay);

G_END_DECLS
