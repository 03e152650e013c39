/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-create-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-create-page.h"
#include "acu-password.h"
#include "acu-store-async.h"

/* First run: site name, the first coordinator's name and password (CNIL
 * rule and libpwquality, with live feedback), where the file goes. */

struct _AcuCreatePage
{
  AdwBin         parent_instance;

  AdwEntryRow   *site_row;
  AdwEntryRow   *name_row;
  AdwEntryRow   *password_row;
  AdwEntryRow   *confirm_row;
  GtkLevelBar   *strength_bar;
  GtkLabel      *hint_label;
  AdwActionRow  *location_row;
  GtkLabel      *error_label;
  GtkSpinner    *spinner;
  GtkButton     *create_button;

  char          *folder;      /* where the database goes */
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (AcuCreatePage, acu_create_page, ADW_TYPE_BIN)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
file_name_for_site (const char *site)
{
  g_autofree char *ascii = g_str_to_ascii (site, NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "acuelh");
  g_string_append (name, ".acuelh");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
database_path (AcuCreatePage *self)
{
  g_autofree char *file = file_name_for_site (gtk_editable_get_text (GTK_EDITABLE (self->site_row)));

  return g_build_filename (self->folder, file, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Live feedback; returns whether the form can be submitted */
static gboolean
validate (AcuCreatePage *self)
{
  const char *site = gtk_editable_get_text (GTK_EDITABLE (self->site_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (self);
  g_autofree char *display = g_filename_display_name (path);
  double strength = 0;
  gboolean password_ok, confirm_ok;

  adw_action_row_set_subtitle (self->location_row, display);

  password_ok = acu_password_check (password, name, &strength, &error);
  gtk_level_bar_set_value (self->strength_bar, strength);
  confirm_ok = password_ok && g_strcmp0 (password, confirm) == 0;

  if (!password_ok)
    gtk_label_set_text (self->hint_label, error->message);
  else if (*confirm == '\0')
    gtk_label_set_text (self->hint_label, _("Strong enough. Type it again below to confirm it."));
  else if (!confirm_ok)
    gtk_label_set_text (self->hint_label, _("The two passwords differ."));
  else
    gtk_label_set_text (self->hint_label, _("Strong enough, and both entries match."));

  set_row_error (self->password_row, *password != '\0' && !password_ok);
  set_row_error (self->confirm_row, *confirm != '\0' && !confirm_ok);

  return !is_blank (site) && !is_blank (name) && password_ok && confirm_ok;
}

static void
update (AcuCreatePage *self)
{
  gboolean ok = validate (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), ok && !self->busy);
}

static void
field_changed_cb (AcuCreatePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

static void
set_busy (AcuCreatePage *self,
          gboolean       busy)
{
  self->busy = busy;
  /* A focused text field made insensitive misses its focus-out event */
  if (busy && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->site_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !busy);
  update (self);
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AcuCreatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *code = NULL;

  store = acu_store_create_finish (result, &code, &error);
  set_busy (self, FALSE);
  if (store == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, store, code);
}

static void
create_button_clicked_cb (AcuCreatePage *self)
{
  g_autofree char *path = NULL;

  if (self->busy || !validate (self))
    return;

  path = database_path (self);
  set_busy (self, TRUE);
  acu_store_create_async (path,
                          gtk_editable_get_text (GTK_EDITABLE (self->site_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                          NULL, create_done_cb, g_object_ref (self));
}

static void
entry_activated_cb (AcuCreatePage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    create_button_clicked_cb (self);
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  AcuCreatePage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_free (self->folder);
      self->folder = g_file_get_path (folder);
      update (self);
    }
  g_object_unref (dialog);
}

static void
location_button_clicked_cb (AcuCreatePage *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) current = g_file_new_for_path (self->folder);

  dialog = gtk_file_chooser_native_new (_("Choose a Folder for the Database"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), current, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
acu_create_page_finalize (GObject *object)
{
  AcuCreatePage *self = ACU_CREATE_PAGE (object);

  g_free (self->folder);

  G_OBJECT_CLASS (acu_create_page_parent_class)->finalize (object);
}

static void
acu_create_page_dispose (GObject *object)
{

  G_OBJECT_CLASS (acu_create_page_parent_class)->dispose (object);
}

static void
acu_create_page_class_init (AcuCreatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_create_page_dispose;
  object_class->finalize = acu_create_page_finalize;

  /**
   * AcuCreatePage::created:
   * @store: the new, open store
   * @recovery_code: to show once
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   ACU_TYPE_STORE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-create-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, site_row);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, password_row);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, location_row);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AcuCreatePage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_button_clicked_cb);
}

static void
acu_create_page_init (AcuCreatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder = g_build_filename (g_get_user_data_dir (), "acuelh", NULL);
  update (self);
}

void
acu_create_page_reset (AcuCreatePage *self)
{
  g_return_if_fail (ACU_IS_CREATE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->site_row));
  update (self);
}
