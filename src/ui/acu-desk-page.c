/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-desk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-desk-page.h"
#include "acu-password.h"
#include "acu-store-async.h"

/* The Database page (AcuDeskPage): which database is open, who can unlock it, integrity
 * check, change one's password, make a new recovery code. */

struct _AcuDeskPage
{
  AcuPage              parent_instance;

  AdwActionRow        *site_row;
  AdwActionRow        *file_row;
  AdwActionRow        *created_row;
  AdwActionRow        *identified_row;
  AdwPreferencesGroup *slots_group;
  GtkButton           *check_button;
  GtkSpinner          *check_spinner;
  GtkButton           *password_button;
  GtkButton           *recovery_button;

  GPtrArray           *slot_rows;

  /* change-password dialog */
  GtkEditable         *old_entry;
  GtkEditable         *new_entry;
  GtkEditable         *confirm_entry;
  GtkLabel            *dialog_hint;
};

G_DEFINE_FINAL_TYPE (AcuDeskPage, acu_desk_page, ACU_TYPE_PAGE)

enum
{
  RECOVERY_CODE_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh_slots (AcuDeskPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) slots = NULL;

  for (guint i = 0; i < self->slot_rows->len; i++)
    adw_preferences_group_remove (self->slots_group, g_ptr_array_index (self->slot_rows, i));
  g_ptr_array_set_size (self->slot_rows, 0);

  if (store == NULL || !acu_store_is_open (store))
    return;

  slots = acu_store_list_slots (store, NULL);
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      AcuSlotInfo *info = g_ptr_array_index (slots, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (info->kind == ACU_SLOT_RECOVERY)
        {
          /* Shown in the reader's language, whatever the creator's was */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recovery Code"));
          subtitle = g_strdup (_("Printed sheet kept in the safe"));
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-password-symbolic");
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
          subtitle = g_strdup (acu_role_get_label (info->role));
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (info->is_me)
        {
          GtkWidget *label = gtk_label_new (_("You"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_preferences_group_add (self->slots_group, row);
      g_ptr_array_add (self->slot_rows, row);
    }
}

static void
refresh (AcuDeskPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *created_date = NULL;
  g_autofree char *path = NULL;
  gboolean coordinator;

  if (store == NULL || !acu_store_is_open (store))
    {
      refresh_slots (self);
      return;
    }

  adw_action_row_set_subtitle (self->site_row, acu_store_get_site_name (store));
  path = g_filename_display_name (acu_store_get_path (store));
  adw_action_row_set_subtitle (self->file_row, path);

  created = g_date_time_new_from_unix_local (acu_store_get_created (store));
  /* Translators: a date, e.g. 25/11/2026 */
  created_date = g_date_time_format (created, _("%d/%m/%Y"));
  /* Translators: "25/11/2026 by Marie Dupont" */
  created_text = g_strdup_printf (_("%s by %s"), created_date, acu_store_get_created_by (store));
  adw_action_row_set_subtitle (self->created_row, created_text);
  adw_action_row_set_subtitle (self->identified_row, acu_store_get_person_name (store));

  coordinator = acu_store_get_role (store) == ACU_ROLE_COORDINATOR
                && acu_store_has_confidential_key (store);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_button), coordinator);
  /* Who can unlock: for coordinators, who manage it */
  gtk_widget_set_visible (GTK_WIDGET (self->slots_group), coordinator);
  gtk_widget_set_visible (GTK_WIDGET (self->password_button), acu_store_get_role (store) >= ACU_ROLE_STAFF);
  refresh_slots (self);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AcuDeskPage) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), TRUE);
  gtk_spinner_set_spinning (self->check_spinner, FALSE);
  if (acu_store_check_integrity_finish (result, &error))
    acu_page_show_toast (ACU_PAGE (self), _("The database is intact."));
  else
    acu_page_show_toast (ACU_PAGE (self), error->message);
}

static void
check_button_clicked_cb (AcuDeskPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  if (store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  gtk_spinner_set_spinning (self->check_spinner, TRUE);
  acu_store_check_integrity_async (store, NULL, check_done_cb, g_object_ref (self));
}

/* Change my password */

static gboolean
password_dialog_valid (AcuDeskPage *self)
{
  const char *old = gtk_editable_get_text (self->old_entry);
  const char *new = gtk_editable_get_text (self->new_entry);
  const char *confirm = gtk_editable_get_text (self->confirm_entry);
  g_autoptr(GError) error = NULL;

  if (!acu_password_check (new, acu_store_get_person_name (acu_page_get_store (ACU_PAGE (self))), NULL, &error))
    {
      gtk_label_set_text (self->dialog_hint, *new ? error->message : _("Type the new password."));
      return FALSE;
    }
  if (g_strcmp0 (new, confirm) != 0)
    {
      gtk_label_set_text (self->dialog_hint, _("The two new passwords differ."));
      return FALSE;
    }
  if (*old == '\0')
    {
      gtk_label_set_text (self->dialog_hint, _("Type your current password."));
      return FALSE;
    }
  gtk_label_set_text (self->dialog_hint, _("Strong enough, and both entries match."));
  return TRUE;
}

static void
password_dialog_changed_cb (AdwMessageDialog *dialog)
{
  AcuDeskPage *self = g_object_get_data (G_OBJECT (dialog), "page");

  adw_message_dialog_set_response_enabled (dialog, "change", password_dialog_valid (self));
}

static void
password_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             AcuDeskPage      *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "change") == 0 && store != NULL && password_dialog_valid (self))
    {
      if (acu_store_change_password (store,
                                     gtk_editable_get_text (self->old_entry),
                                     gtk_editable_get_text (self->new_entry),
                                     &error))
        acu_page_show_toast (ACU_PAGE (self), _("Your password was changed. Use the new one from now on."));
      else
        acu_page_show_toast (ACU_PAGE (self), error->message);
    }
  self->old_entry = self->new_entry = self->confirm_entry = NULL;
  self->dialog_hint = NULL;
}

static GtkEditable *
add_password_entry (GtkBox     *box,
                    const char *placeholder,
                    GObject    *dialog)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", placeholder, NULL);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (password_dialog_changed_cb), dialog);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

static void
password_button_clicked_cb (AcuDeskPage *self)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Change My Password"),
                                   _("The new password must be long: 12 characters mixing lower case, "
                                     "upper case, digits and symbols, 14 characters of three of these "
                                     "kinds, or a sentence of 7 words."));
  g_object_set_data (G_OBJECT (dialog), "page", self);

  self->old_entry = add_password_entry (GTK_BOX (box), _("Current password"), G_OBJECT (dialog));
  self->new_entry = add_password_entry (GTK_BOX (box), _("New password"), G_OBJECT (dialog));
  self->confirm_entry = add_password_entry (GTK_BOX (box), _("New password again"), G_OBJECT (dialog));
  self->dialog_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->dialog_hint, TRUE);
  gtk_label_set_xalign (self->dialog_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->dialog_hint), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dialog_hint));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  password_dialog_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (password_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New recovery code */

static void
recovery_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             AcuDeskPage      *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (g_strcmp0 (response, "replace") != 0 || store == NULL)
    return;

  code = acu_store_replace_recovery_code (store, &error);
  if (code == NULL)
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      return;
    }
  refresh_slots (self);
  g_signal_emit (self, signals[RECOVERY_CODE_REPLACED], 0, code);
}

static void
recovery_button_clicked_cb (AcuDeskPage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Make a New Recovery Code?"),
                                   _("The current recovery code will stop working at once. "
                                     "The new code is shown only once: have a printer ready."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Make a New Code"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* AcuPage */

static void
acu_desk_page_areas_changed (AcuPage  *page,
                             AcuAreas  area)
{
  AcuStore *store = acu_page_get_store (page);

  /* the slots listed, and what the person identified may do */
  if (acu_store_is_identified (store))
    refresh (ACU_DESK_PAGE (page));
}

static void
acu_desk_page_store_changed (AcuPage  *page,
                             AcuStore *store)
{
  refresh (ACU_DESK_PAGE (page));
}

static void
acu_desk_page_dispose (GObject *object)
{
  AcuDeskPage *self = ACU_DESK_PAGE (object);

  g_clear_pointer (&self->slot_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (acu_desk_page_parent_class)->dispose (object);
}

static void
acu_desk_page_class_init (AcuDeskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  object_class->dispose = acu_desk_page_dispose;
  page_class->store_changed = acu_desk_page_store_changed;
  page_class->areas_changed = acu_desk_page_areas_changed;

  signals[RECOVERY_CODE_REPLACED] = g_signal_new ("recovery-code-replaced", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-desk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, identified_row);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, slots_group);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, password_button);
  gtk_widget_class_bind_template_child (widget_class, AcuDeskPage, recovery_button);
  gtk_widget_class_bind_template_callback (widget_class, check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recovery_button_clicked_cb);
}

static void
acu_desk_page_init (AcuDeskPage *self)
{
  self->slot_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
