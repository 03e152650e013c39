/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-application.h"
#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_WINDOW (acu_window_get_type ())

/* The password of the demo database, shown on its unlock page */
#define ACU_DEMO_PASSWORD "Acuelh-Demo-2026!"

G_DECLARE_FINAL_TYPE (AcuWindow, acu_window, ACU, WINDOW, AdwApplicationWindow)

AcuWindow  *acu_window_new (AcuApplication *application);
AcuStore   *acu_window_get_store (AcuWindow *self);
void        acu_window_open_file (AcuWindow *self,
                                  GFile     *file);
const char *acu_window_get_visible_page (AcuWindow *self);
char       *acu_window_dup_demo_path (void);
GObject    *acu_window_get_main_object (AcuWindow  *self,
                                        const char *id);

G_END_DECLS
