/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-store-async.h"
#include "acu-unlock-page.h"

/* Lists the key slots' names, asks the password (or the recovery code) and
 * opens the store in a worker thread. */

struct _AcuUnlockPage
{
  AdwBin          parent_instance;

  AdwStatusPage  *status_page;
  GtkLabel       *demo_label;
  AdwPreferencesGroup *form_group;
  AdwComboRow    *name_row;
  GtkStringList  *names;
  AdwEntryRow    *password_row;
  AdwEntryRow    *recovery_row;
  GtkLabel       *error_label;
  GtkWidget      *button_box;
  GtkSpinner     *spinner;
  GtkButton      *unlock_button;
  GtkButton      *mode_button;
  GtkButton      *other_button;

  char           *path;
  gboolean        recovery_mode;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (AcuUnlockPage, acu_unlock_page, ADW_TYPE_BIN)

enum
{
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (AcuUnlockPage *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_mode (AcuUnlockPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), !self->recovery_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), !self->recovery_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_row), self->recovery_mode);
  gtk_button_set_label (self->mode_button,
                        self->recovery_mode ? _("Use a _Password") : _("Use the _Recovery Code"));
}

static void
set_busy (AcuUnlockPage *self,
          gboolean       busy)
{
  self->busy = busy;
  /* A focused text field made insensitive misses its focus-out event */
  if (busy && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_button), !busy);
}

static void
secret_changed_cb (AcuUnlockPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->recovery_row), "error");
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AcuUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = acu_store_open_finish (result, &error);
  AdwEntryRow *row = self->recovery_mode ? self->recovery_row : self->password_row;

  set_busy (self, FALSE);
  if (store == NULL)
    {
      show_error (self, error->message);
      if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD)
          || g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (row));
        }
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->recovery_row), "");
  show_error (self, NULL);
  g_signal_emit (self, signals[UNLOCKED], 0, store);
}

static void
unlock_cb (AcuUnlockPage *self)
{
  const char *secret;
  const char *name = NULL;
  GtkStringObject *item;

  if (self->busy || self->path == NULL)
    return;

  if (self->recovery_mode)
    secret = gtk_editable_get_text (GTK_EDITABLE (self->recovery_row));
  else
    {
      secret = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
      item = adw_combo_row_get_selected_item (self->name_row);
      name = item ? gtk_string_object_get_string (item) : NULL;
      if (name == NULL)
        return;
    }
  if (*secret == '\0')
    {
      show_error (self, self->recovery_mode ? _("Type the recovery code.") : _("Type your password."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  acu_store_open_async (self->path, name, secret, self->recovery_mode, NULL,
                        open_done_cb, g_object_ref (self));
}

static void
mode_button_clicked_cb (AcuUnlockPage *self)
{
  self->recovery_mode = !self->recovery_mode;
  show_error (self, NULL);
  update_mode (self);
  acu_unlock_page_focus (self);
}

static void
acu_unlock_page_dispose (GObject *object)
{

  G_OBJECT_CLASS (acu_unlock_page_parent_class)->dispose (object);
}

static void
acu_unlock_page_finalize (GObject *object)
{
  AcuUnlockPage *self = ACU_UNLOCK_PAGE (object);

  g_free (self->path);

  G_OBJECT_CLASS (acu_unlock_page_parent_class)->finalize (object);
}

static void
acu_unlock_page_class_init (AcuUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_unlock_page_dispose;
  object_class->finalize = acu_unlock_page_finalize;

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, ACU_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, names);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, recovery_row);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, button_box);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, mode_button);
  gtk_widget_class_bind_template_child (widget_class, AcuUnlockPage, other_button);
  gtk_widget_class_bind_template_callback (widget_class, unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_button_clicked_cb);
}

static void
acu_unlock_page_init (AcuUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Reads the names from the key file; if it is missing or damaged, the page
 * says so and offers another database instead of the form. */
void
acu_unlock_page_set_database (AcuUnlockPage *self,
                              const char    *path,
                              const char    *demo_password)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) person_names = NULL;
  g_autofree char *display = NULL;
  gboolean usable;

  g_return_if_fail (ACU_IS_UNLOCK_PAGE (self));

  g_free (self->path);
  self->path = g_strdup (path);
  self->recovery_mode = FALSE;
  display = g_filename_display_name (path);
  adw_status_page_set_description (self->status_page, display);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (&error, ACU_STORE_ERROR, ACU_STORE_ERROR_NOT_FOUND,
                 _("The database “%s” does not exist. It may have been moved or renamed."), display);
  else
    person_names = acu_store_list_person_names (path, &error);

  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          (const char * const *) person_names);
  usable = person_names != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->form_group), usable);
  gtk_widget_set_visible (self->button_box, usable);
  gtk_widget_set_visible (GTK_WIDGET (self->mode_button), usable);
  gtk_widget_set_visible (GTK_WIDGET (self->other_button), !usable);
  show_error (self, error ? error->message : NULL);

  if (demo_password != NULL && usable)
    {
      /* Translators: the first %s is a password, the second the volunteers' PIN */
      g_autofree char *text = g_strdup_printf (_("Demo database, for trying Acuèlh out. Its password is: %s\n"
                                                 "The volunteers’ PIN, once the desk is open: %s"),
                                               demo_password, "2580");
      gtk_label_set_text (self->demo_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label), demo_password != NULL && usable);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->recovery_row), "");
  update_mode (self);
}

const char *
acu_unlock_page_get_database (AcuUnlockPage *self)
{
  g_return_val_if_fail (ACU_IS_UNLOCK_PAGE (self), NULL);
  return self->path;
}

void
acu_unlock_page_focus (AcuUnlockPage *self)
{
  g_return_if_fail (ACU_IS_UNLOCK_PAGE (self));

  if (self->recovery_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->recovery_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
