/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-window-private.h"

/* The idle lock: idle for the lock delay, the desk goes back to "Who Is
 * at the Desk?"; for the close delay, the database closes and its keys
 * are wiped (GSettings lock-delay, close-delay) */

/* Every second: idle long enough, the desk locks, then closes */
static gboolean
idle_check_cb (gpointer user_data)
{
  AcuWindow *self = user_data;
  AcuStore *store = acu_context_get_store (self->context);
  AcuSettings *settings = acu_context_get_settings (self->context);
  gint64 idle;

  if (store == NULL)
    return G_SOURCE_CONTINUE;
  acu_window_watch_dialogs (self);
  idle = (g_get_monotonic_time () - self->last_activity) / G_USEC_PER_SEC;
  if (idle >= acu_settings_get_close_delay (settings))
    {
      acu_window_close_desk (self);
      acu_window_toast (self, _("The desk was idle: it is closed and its keys are wiped from memory."));
    }
  else if (idle >= acu_settings_get_lock_delay (settings) && acu_store_is_identified (store))
    acu_window_lock_desk (self);
  return G_SOURCE_CONTINUE;
}

static void
activity_cb (AcuWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* Notes the key press and lets it go on to its widget */
static gboolean
key_activity_cb (AcuWindow *self)
{
  activity_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static void
watch_activity (AcuWindow *self,
                GtkWidget *widget)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "motion", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
}

/* Typing in a dialog counts as activity too */
void
acu_window_watch_dialogs (AcuWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (acu_window_is_our_dialog (self, l->data) && g_object_get_data (l->data, "acu-watched") == NULL)
      {
        g_object_set_data (l->data, "acu-watched", GINT_TO_POINTER (1));
        watch_activity (self, l->data);
      }
}

/* Any key, click or pointer move keeps the desk awake; checked every second */
void
acu_window_watch_idle (AcuWindow *self)
{
  watch_activity (self, GTK_WIDGET (self));
  self->last_activity = g_get_monotonic_time ();
  self->idle_source = g_timeout_add_seconds (1, idle_check_cb, self);
}
