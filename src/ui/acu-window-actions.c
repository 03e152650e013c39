/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-desk-people.h"
#include "acu-page.h"
#include "acu-preferences-window.h"
#include "acu-store-async.h"
#include "acu-window-private.h"
/* Actions */

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  acu_window_show_locked_page (ACU_WINDOW (widget), "create");
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  acu_window_show_locked_page (ACU_WINDOW (widget), "welcome");
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  AcuWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        acu_window_toast (self, _("Choose a file on this computer or on a USB stick."));
      else
        {
          acu_window_set_store (self, NULL);
          acu_window_show_unlock (self, path);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Acuèlh databases"));
  gtk_file_filter_add_pattern (filter, "*.acuelh");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
demo_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AcuWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = acu_store_create_finish (result, NULL, &error);
  g_autofree char *path = acu_window_dup_demo_path ();

  self->creating_demo = FALSE;
  gtk_widget_set_sensitive (self->welcome_demo_button, TRUE);
  if (store == NULL)
    {
      acu_window_toast (self, error->message);
      return;
    }
  /* Closed again: the person unlocks it as they will unlock a real one */
  acu_store_close (store);
  acu_window_show_unlock (self, path);
}

static void
demo_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  g_autofree char *path = acu_window_dup_demo_path ();

  if (self->creating_demo)
    return;
  acu_window_set_store (self, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      acu_window_show_unlock (self, path);
      return;
    }

  self->creating_demo = TRUE;
  gtk_widget_set_sensitive (self->welcome_demo_button, FALSE);
  /* The size of a village's third place: a few seconds to make */
  acu_store_create_demo_async (path, _("Demo Third Place"), "Camille Martin", ACU_DEMO_PASSWORD,
                               1500, 3, NULL, demo_created_cb, g_object_ref (self));
}

/* Coordinators only: the core refuses catalogue changes to other roles too */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  AcuStore *store = acu_context_get_store (self->context);

  if (store == NULL || self->preferences != NULL)
    return;
  self->preferences = acu_preferences_window_new (GTK_WINDOW (self), store,
                                                  acu_context_get_settings (self->context));
  g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  gtk_window_present (GTK_WINDOW (self->preferences));
}

/* From the reception page: the household of the person picked */
/* The keyboard shortcuts, built when asked for rather than with every
 * window (GtkApplication would build gtk/help-overlay.ui at once) */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/acuelh/Acuelh/acu-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* ("people", 12): an area page shows one of its records; pages never
 * call each other */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  const char *name;
  gint64 id;
  GtkStackPage *page;

  g_variant_get (parameter, "(&sx)", &name, &id);
  page = acu_window_find_area (self, name);
  if (page == NULL || !gtk_stack_page_get_visible (page))
    return;
  acu_page_show_record (ACU_PAGE (gtk_stack_page_get_child (page)), id);
  acu_window_show_area (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
close_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);

  if (acu_context_get_store (self->context) == NULL)
    return;
  acu_window_close_desk (self);
  acu_window_toast (self, _("The database is closed and its keys are wiped from memory."));
}

static void
lock_desk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  acu_window_lock_desk (ACU_WINDOW (widget));
}

static void
change_pin_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AcuWindow        *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *old_pin = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkEditable *new_pin = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (old_pin)));
  GtkEditable *confirm = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (new_pin)));
  AcuStore *store = acu_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "change") || store == NULL)
    return;
  if (g_strcmp0 (gtk_editable_get_text (new_pin), gtk_editable_get_text (confirm)) != 0)
    acu_window_toast (self, _("The two new PINs are not the same. Nothing was changed."));
  else if (!acu_desk_person_change_pin (store, gtk_editable_get_text (old_pin), gtk_editable_get_text (new_pin),
                                        &error))
    acu_window_toast (self, error->message);
  else
    acu_window_toast (self, _("Your PIN is changed."));
}

/* A volunteer changes their own PIN */
static void
change_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *placeholders[] = { N_("Current PIN"), N_("New PIN (4 to 8 digits)"), N_("New PIN again") };
  AdwMessageDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      GtkWidget *entry = gtk_password_entry_new ();

      g_object_set (entry, "placeholder-text", _(placeholders[i]), "activates-default", TRUE, NULL);
      gtk_box_append (GTK_BOX (box), entry);
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Change My PIN"), NULL));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "change");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (change_pin_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AcuWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the help: %s"), error->message);
      acu_window_toast (self, message);
    }
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcuWindow *self = ACU_WINDOW (widget);
  const char *page = acu_window_get_visible_page (self);
  const char *topic = "index";
  g_autofree char *uri = NULL;

  if (g_str_equal (page, "create"))
    topic = "create-database";
  else if (g_str_equal (page, "recovery"))
    topic = "recovery-code";
  else if (g_str_equal (page, "unlock"))
    topic = "unlock";
  else if (self->content_stack != NULL
           && g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), "main") == 0)
    topic = acu_page_get_help_id (ACU_PAGE (gtk_stack_get_visible_child (self->content_stack)));

  uri = g_strdup_printf ("help:%s/%s", APPLICATION_ID, topic);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, help_shown_cb, g_object_ref (self));
}

void
acu_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.demo-database", NULL, demo_database_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.close-database", NULL, close_database_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sx)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.lock-desk", NULL, lock_desk_action);
  gtk_widget_class_install_action (widget_class, "win.change-pin", NULL, change_pin_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
}
