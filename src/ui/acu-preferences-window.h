/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-settings.h"
#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_PREFERENCES_WINDOW (acu_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AcuPreferencesWindow, acu_preferences_window, ACU, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *acu_preferences_window_new (GtkWindow   *parent,
                                       AcuStore    *store,
                                       AcuSettings *settings);

G_END_DECLS
