/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-identify-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-desk-people.h"
#include "acu-identify-page.h"
#include "acu-store-async.h"

/* While the desk is open, whoever works at it identifies here: a
 * volunteer with their PIN, staff and coordinators with their password
 * (which also opens the confidential notes). Nothing of the data shows
 * on this page. */

struct _AcuIdentifyPage
{
  AdwBin          parent_instance;

  AdwStatusPage  *status_page;
  GtkListBox     *people_list;
  GtkListBox     *secret_list;
  AdwEntryRow    *secret_row;
  GtkLabel       *error_label;
  GtkButton      *identify_button;
  GtkSpinner     *spinner;

  AcuStore       *store;
  GPtrArray      *people;       /* AcuDeskPerson, as the rows */
  GCancellable   *cancellable;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (AcuIdentifyPage, acu_identify_page, ADW_TYPE_BIN)

enum
{
  IDENTIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AcuDeskPerson *
selected_person (AcuIdentifyPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->people_list);

  if (row == NULL || self->people == NULL)
    return NULL;
  return g_ptr_array_index (self->people, gtk_list_box_row_get_index (row));
}

static void
show_error (AcuIdentifyPage *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (AcuIdentifyPage *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identify_button),
                            !busy && *gtk_editable_get_text (GTK_EDITABLE (self->secret_row)) != '\0');
}

static void
clear_secret (AcuIdentifyPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
}

static void
secret_changed_cb (AcuIdentifyPage *self)
{
  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identify_button),
                            !self->busy && *gtk_editable_get_text (GTK_EDITABLE (self->secret_row)) != '\0');
}

static gboolean
focus_secret_cb (gpointer user_data)
{
  AcuIdentifyPage *self = user_data;

  if (gtk_widget_get_visible (GTK_WIDGET (self->secret_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
person_selected_cb (AcuIdentifyPage *self)
{
  AcuDeskPerson *person = selected_person (self);

  clear_secret (self);
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_list), person != NULL);
  if (person == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 person->role == ACU_ROLE_VOLUNTEER ? _("PIN") : _("Password"));
  /* After the click that chose the row has given it the focus */
  g_idle_add (focus_secret_cb, g_object_ref (self));
}

static void
identified (AcuIdentifyPage *self)
{
  clear_secret (self);
  gtk_list_box_unselect_all (self->people_list);
  g_signal_emit (self, signals[IDENTIFIED], 0);
}

static void
identify_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AcuIdentifyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = acu_store_identify_finish (ACU_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (!ok)
    {
      clear_secret (self);
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return;
    }
  identified (self);
}

static void
identify_cb (AcuIdentifyPage *self)
{
  AcuDeskPerson *person = selected_person (self);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(GError) error = NULL;

  if (person == NULL || self->store == NULL || self->busy || *secret == '\0')
    return;
  if (person->role != ACU_ROLE_VOLUNTEER)
    {
      /* Argon2id: about half a second, in a worker thread */
      set_busy (self, TRUE);
      acu_store_identify_async (self->store, person->id, secret, self->cancellable,
                                identify_done_cb, g_object_ref (self));
      return;
    }
  if (!acu_store_identify_with_pin (self->store, person->id, secret, &error))
    {
      clear_secret (self);
      /* A locked PIN shows at once in the list */
      if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_PIN_LOCKED))
        acu_identify_page_show (self, self->store);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      show_error (self, error->message);
      return;
    }
  identified (self);
}

static void
acu_identify_page_dispose (GObject *object)
{
  AcuIdentifyPage *self = ACU_IDENTIFY_PAGE (object);

  acu_identify_page_forget (self);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (acu_identify_page_parent_class)->dispose (object);
}

static void
acu_identify_page_class_init (AcuIdentifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_identify_page_dispose;

  signals[IDENTIFIED] = g_signal_new ("identified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-identify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, secret_list);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, identify_button);
  gtk_widget_class_bind_template_child (widget_class, AcuIdentifyPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, identify_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_changed_cb);
}

static void
acu_identify_page_init (AcuIdentifyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* The active people of the open desk, by name */
void
acu_identify_page_show (AcuIdentifyPage *self,
                        AcuStore        *store)
{
  GtkListBoxRow *row;

  g_return_if_fail (ACU_IS_IDENTIFY_PAGE (self));

  g_set_object (&self->store, store);
  while ((row = gtk_list_box_get_row_at_index (self->people_list, 0)) != NULL)
    gtk_list_box_remove (self->people_list, GTK_WIDGET (row));
  g_clear_pointer (&self->people, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_list), FALSE);
  clear_secret (self);
  if (store == NULL)
    return;

  adw_status_page_set_title (self->status_page, acu_store_get_site_name (store));
  self->people = acu_desk_people_list (store, FALSE, NULL);
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      AcuDeskPerson *person = g_ptr_array_index (self->people, i);
      GtkWidget *item = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (person->name, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), escaped);
      if (person->role == ACU_ROLE_VOLUNTEER && person->pin_locked)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (item), _("PIN locked: ask a staff member"));
      else if (person->role == ACU_ROLE_VOLUNTEER && !person->has_pin)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (item), _("No PIN yet: ask a staff member"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (item), acu_role_get_label (person->role));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (item), "avatar-default-symbolic");
      gtk_list_box_append (self->people_list, item);
    }
}

/* The desk closed: nothing stays */
void
acu_identify_page_forget (AcuIdentifyPage *self)
{
  g_return_if_fail (ACU_IS_IDENTIFY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
  acu_identify_page_show (self, NULL);
  g_clear_object (&self->store);
  show_error (self, NULL);
}
