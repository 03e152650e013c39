/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-context.h"
#include "acu-create-page.h"
#include "acu-identify-page.h"
#include "acu-recovery-page.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

G_BEGIN_DECLS

/* AcuWindow over three files, as gnome-text-editor's window:
 * acu-window.c (the locked pages, the open desk and its sidebar, opening
 * and closing), acu-window-actions.c (win.* actions and their keys),
 * acu-window-idle.c (activity, the idle lock and close). */

struct _AcuWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *outer_stack;
  GtkStack             *lock_stack;
  GtkWidget            *back_button;
  AdwWindowTitle       *locked_title;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *site_title;
  AdwWindowTitle       *page_title;
  GtkListBox           *sidebar;
  GtkStack             *content_stack;
  AcuCreatePage        *create_page;
  AcuRecoveryPage      *recovery_page;
  AcuUnlockPage        *unlock_page;
  AcuIdentifyPage      *identify_page;
  gint64                last_activity;  /* monotonic µs of the last key or pointer event */
  guint                 idle_source;
  GtkWidget            *preferences;   /* while shown */
  AdwStatusPage        *welcome_page;
  GtkWidget            *welcome_create_button;
  GtkWidget            *welcome_open_button;
  GtkWidget            *welcome_demo_button;

  AcuContext           *context;
  GtkBuilder           *main_builder;   /* the open desk, once built */
  gboolean              creating_demo;
};

void          acu_window_toast            (AcuWindow  *self,
                                           const char *message);
void          acu_window_show_locked_page (AcuWindow  *self,
                                           const char *name);
void          acu_window_show_unlock      (AcuWindow  *self,
                                           const char *path);
GtkStackPage *acu_window_find_area        (AcuWindow  *self,
                                           const char *name);
void          acu_window_show_area        (AcuWindow  *self,
                                           const char *name);
gboolean      acu_window_is_our_dialog    (AcuWindow  *self,
                                           GtkWindow  *window);
void          acu_window_set_store        (AcuWindow  *self,
                                           AcuStore   *store);
void          acu_window_lock_desk        (AcuWindow  *self);
void          acu_window_close_desk       (AcuWindow  *self);

/* acu-window-actions.c */
void          acu_window_class_install_actions (GtkWidgetClass *widget_class);

/* acu-window-idle.c */
void          acu_window_watch_idle       (AcuWindow  *self);
void          acu_window_watch_dialogs    (AcuWindow  *self);

G_END_DECLS
