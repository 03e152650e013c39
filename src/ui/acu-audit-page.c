/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit-page.h"
#include "acu-audit.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-ui-util.h"

/* The audit log, for coordinators: who did what and when, filtered by
 * person, action and day, a page at a time; exported as CSV */

#define PAGE_SIZE 100

struct _AcuAuditPage
{
  AcuPage       parent_instance;

  GtkLabel     *retention_label;
  GtkDropDown  *person_dropdown;
  GtkDropDown  *action_dropdown;
  GtkEntry     *since_entry;
  GtkLabel     *error_label;
  GtkListBox   *entries_list;
  GtkButton    *more_button;

  GPtrArray    *people;      /* AcuDeskPerson, after "everyone" in the dropdown */
  guint         shown;
  gboolean      rebuilding;
};

G_DEFINE_FINAL_TYPE (AcuAuditPage, acu_audit_page, ACU_TYPE_PAGE)

static gboolean
read_filters (AcuAuditPage  *self,
              char         **since,
              gint64        *person,
              const char   **action)
{
  guint p = gtk_drop_down_get_selected (self->person_dropdown);
  guint a = gtk_drop_down_get_selected (self->action_dropdown);
  const char *const *actions = acu_audit_list_actions ();

  *since = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->since_entry)));
  *person = (self->people && p > 0 && p <= self->people->len)
            ? ((AcuDeskPerson *) g_ptr_array_index (self->people, p - 1))->id : 0;
  *action = (a > 0 && a <= g_strv_length ((char **) actions)) ? actions[a - 1] : NULL;
  if (*since != NULL && !acu_date_parse (*since, NULL))
    {
      gtk_label_set_label (self->error_label, _("Type the first day as 31/12/2026, or leave it empty."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_clear_pointer (since, g_free);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  return TRUE;
}

static void
load_entries (AcuAuditPage *self,
              gboolean      append)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *since = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  gint64 person;

  if (!append)
    {
      acu_list_box_clear (self->entries_list);
      self->shown = 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  if (store == NULL || !acu_store_is_identified (store)
      || acu_store_get_role (store) != ACU_ROLE_COORDINATOR
      || !read_filters (self, &since, &person, &action))
    return;

  entries = acu_audit_list (store, since, NULL, person, action, self->shown, PAGE_SIZE, &error);
  if (entries == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      AcuAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (entry->at);
      g_autofree char *when = g_date_time_format (at, "%d/%m/%Y %H:%M:%S");
      g_autofree char *title = g_strdup_printf ("%s  %s", when, entry->person ? entry->person : "—");
      g_autofree char *object = acu_audit_object_get_label (entry->object);
      g_autofree char *subtitle = object
                                  ? g_strdup_printf ("%s · %s", acu_audit_action_get_label (entry->action), object)
                                  : g_strdup (acu_audit_action_get_label (entry->action));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
      gtk_list_box_append (self->entries_list, row);
    }
  self->shown += entries->len;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), entries->len == PAGE_SIZE);
}

static void
filter_changed_cb (AcuAuditPage *self)
{
  if (!self->rebuilding)
    load_entries (self, FALSE);
}

static void
more_clicked_cb (AcuAuditPage *self)
{
  load_entries (self, TRUE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    AcuAuditPage    *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  const char *action;
  gint64 person;

  if (response != GTK_RESPONSE_ACCEPT || store == NULL)
    goto done;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (!read_filters (self, &since, &person, &action))
    goto done;
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  if (out == NULL
      || !acu_audit_export_csv (store, since, NULL, G_OUTPUT_STREAM (out), NULL, &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      goto done;
    }
  acu_page_show_toast (ACU_PAGE (self), _("The audit log is exported."));
  load_entries (self, FALSE);

done:
  g_object_unref (dialog);
}

static void
export_clicked_cb (AcuAuditPage *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "audit-%Y-%m-%d.csv");

  dialog = gtk_file_chooser_native_new (_("Export the Audit Log"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
rebuild_filters (AcuAuditPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  const char *const *codes = acu_audit_list_actions ();
  g_autofree char *retention = NULL;
  gboolean coordinator = store != NULL && acu_store_is_identified (store)
                         && acu_store_get_role (store) == ACU_ROLE_COORDINATOR;

  self->rebuilding = TRUE;
  g_clear_pointer (&self->people, g_ptr_array_unref);
  if (coordinator)
    self->people = acu_desk_people_list (store, TRUE, NULL);
  gtk_string_list_append (people, _("Everyone"));
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    gtk_string_list_append (people, ((AcuDeskPerson *) g_ptr_array_index (self->people, i))->name);
  gtk_string_list_append (actions, _("Every action"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (actions, acu_audit_action_get_label (codes[i]));
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (people));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (actions));
  if (coordinator)
    retention = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Who opened the desk, identified, read confidential notes, changed or "
                                              "exported what: never the data itself. Entries are kept %d day.",
                                              "Who opened the desk, identified, read confidential notes, changed or "
                                              "exported what: never the data itself. Entries are kept %d days.",
                                              acu_audit_get_retention_days (store)),
                                 acu_audit_get_retention_days (store));
  gtk_label_set_label (self->retention_label, retention ? retention : "");
  self->rebuilding = FALSE;
}

static void
acu_audit_page_areas_changed (AcuPage  *page,
                              AcuAreas  area)
{
  AcuAuditPage *self = ACU_AUDIT_PAGE (page);

  /* the people of the desk filter, the retention line */
  if (area == ACU_AREA_IDENTITY || area == ACU_AREA_DESK_PEOPLE || area == ACU_AREA_SETTINGS)
    rebuild_filters (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || area == ACU_AREA_IDENTITY)
    load_entries (self, FALSE);
}

static void
acu_audit_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (acu_audit_page_parent_class)->map (widget);
  load_entries (ACU_AUDIT_PAGE (widget), FALSE);
}

static void
acu_audit_page_store_changed (AcuPage  *page,
                              AcuStore *store)
{
  AcuAuditPage *self = ACU_AUDIT_PAGE (page);

  rebuild_filters (self);
  load_entries (self, FALSE);
}

static void
acu_audit_page_dispose (GObject *object)
{
  AcuAuditPage *self = ACU_AUDIT_PAGE (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (acu_audit_page_parent_class)->dispose (object);
}

static void
acu_audit_page_class_init (AcuAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_audit_page_dispose;
  widget_class->map = acu_audit_page_map;
  ACU_PAGE_CLASS (klass)->store_changed = acu_audit_page_store_changed;
  ACU_PAGE_CLASS (klass)->areas_changed = acu_audit_page_areas_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, retention_label);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, AcuAuditPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
acu_audit_page_init (AcuAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
