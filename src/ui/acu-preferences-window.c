/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-catalogue-editor.h"
#include "acu-desk-people.h"
#include "acu-food-preferences-page.h"
#include "acu-preferences-window.h"

/* Preferences, for coordinators: the lists of reasons, referral partners
 * and communes (acu-catalogue-editor.c: add, rename, reorder, hide;
 * delete only what no record uses: the core refuses the rest, and
 * refuses other roles), the people of the desk, locking and the audit
 * log. Food aid's settings and lists are a page of their own
 * (acu-food-preferences-page.c). */

struct _AcuPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AcuCatalogueEditor   *reasons_group;
  AcuCatalogueEditor   *partners_group;
  AcuCatalogueEditor   *communes_group;
  AcuCatalogueEditor   *goods_categories_group;
  AcuCatalogueEditor   *goods_places_group;
  AdwPreferencesGroup  *desk_people_group;
  AcuFoodPreferencesPage *food_page;
  GtkSpinButton        *lock_spin;
  GtkSpinButton        *close_spin;
  GtkSpinButton        *retention_spin;

  AcuSettings          *settings;
  GPtrArray            *desk_rows;
  GPtrArray            *desk_people;
  gboolean              loading;

  AcuStore             *store;
};

G_DEFINE_FINAL_TYPE (AcuPreferencesWindow, acu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (AcuPreferencesWindow *self,
            const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* People of the desk */

typedef enum
{
  DESK_DIALOG_ADD,
  DESK_DIALOG_ROLE,
  DESK_DIALOG_SECRET,
} DeskDialogKind;

typedef struct
{
  AcuPreferencesWindow *self;
  DeskDialogKind        kind;
  gint64                person_id;
  AcuRole               old_role;
  GtkEditable          *name;
  AdwComboRow          *role;
  GtkEditable          *secret;
  GtkEditable          *confirm;
} DeskDialog;

static void
desk_dialog_free (DeskDialog *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static AcuRole
dialog_role (DeskDialog *data)
{
  return data->role ? (AcuRole) adw_combo_row_get_selected (data->role) : data->old_role;
}

/* A volunteer types a PIN, the others a password */
static void
update_secret_titles (DeskDialog *data)
{
  gboolean pin = dialog_role (data) == ACU_ROLE_VOLUNTEER;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->secret),
                                 pin ? _("PIN (4 to 8 digits)") : _("Password (12 characters of 4 kinds, or longer)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->confirm),
                                 pin ? _("PIN again") : _("Password again"));
}

static void
desk_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DeskDialog       *data)
{
  AcuPreferencesWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  const char *secret = gtk_editable_get_text (data->secret);
  gboolean ok;

  if (!g_str_equal (response, "ok") || self->store == NULL)
    return;
  if (g_strcmp0 (secret, gtk_editable_get_text (data->confirm)) != 0)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("The two entries are not the same. Nothing was changed.")));
      return;
    }
  switch (data->kind)
    {
    case DESK_DIALOG_ADD:
      ok = acu_desk_person_add (self->store, gtk_editable_get_text (data->name), dialog_role (data), secret,
                                &error) != 0;
      break;
    case DESK_DIALOG_ROLE:
      ok = acu_desk_person_set_role (self->store, data->person_id, dialog_role (data), secret, &error);
      break;
    case DESK_DIALOG_SECRET:
    default:
      ok = acu_desk_person_reset_secret (self->store, data->person_id, secret, &error);
      break;
    }
  if (!ok)
    show_error (self, error);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Done.")));
}

static GtkEditable *
dialog_entry (GtkListBox *list,
              GType       type,
              const char *title)
{
  GtkWidget *row = g_object_new (type, "title", title, NULL);

  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

static void
open_desk_dialog (AcuPreferencesWindow *self,
                  DeskDialogKind        kind,
                  AcuDeskPerson        *person)
{
  DeskDialog *data = g_new0 (DeskDialog, 1);
  GtkWidget *list = gtk_list_box_new ();
  AdwMessageDialog *dialog;
  const char *heading;
  g_autofree char *body = NULL;

  data->self = g_object_ref (self);
  data->kind = kind;
  data->person_id = person ? person->id : 0;
  data->old_role = person ? person->role : ACU_ROLE_VOLUNTEER;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (kind == DESK_DIALOG_ADD)
    data->name = dialog_entry (GTK_LIST_BOX (list), ADW_TYPE_ENTRY_ROW, _("Name"));
  if (kind != DESK_DIALOG_SECRET)
    {
      g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

      for (AcuRole r = ACU_ROLE_VOLUNTEER; r <= ACU_ROLE_COORDINATOR; r++)
        gtk_string_list_append (roles, acu_role_get_label (r));
      data->role = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->role), _("Role"));
      adw_combo_row_set_model (data->role, G_LIST_MODEL (roles));
      adw_combo_row_set_selected (data->role, data->old_role);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->role));
    }
  data->secret = dialog_entry (GTK_LIST_BOX (list), ADW_TYPE_PASSWORD_ENTRY_ROW, "");
  data->confirm = dialog_entry (GTK_LIST_BOX (list), ADW_TYPE_PASSWORD_ENTRY_ROW, "");
  update_secret_titles (data);
  if (data->role != NULL)
    g_signal_connect_swapped (data->role, "notify::selected", G_CALLBACK (update_secret_titles), data);

  switch (kind)
    {
    case DESK_DIALOG_ADD:
      heading = _("Add a Person of the Desk");
      body = g_strdup (_("A volunteer gets a PIN. Staff and coordinators get their own password, which opens "
                         "the database and the confidential notes: give it to them in person."));
      break;
    case DESK_DIALOG_ROLE:
      heading = _("Change the Role");
      body = g_strdup_printf (_("%s. Becoming staff or coordinator needs a password; becoming a volunteer needs a "
                                "PIN, and the password no longer opens anything."), person->name);
      break;
    case DESK_DIALOG_SECRET:
    default:
      heading = person->role == ACU_ROLE_VOLUNTEER ? _("New PIN") : _("New Password");
      body = g_strdup (person->name);
      break;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (desk_response_cb), data,
                         (GClosureNotify) (void (*) (void)) desk_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AcuDeskPerson *
desk_person_of (GtkWidget            *button,
                AcuPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  return g_ptr_array_index (self->desk_people, index);
}

static void
role_clicked_cb (GtkButton            *button,
                 AcuPreferencesWindow *self)
{
  open_desk_dialog (self, DESK_DIALOG_ROLE, desk_person_of (GTK_WIDGET (button), self));
}

static void
secret_clicked_cb (GtkButton            *button,
                   AcuPreferencesWindow *self)
{
  open_desk_dialog (self, DESK_DIALOG_SECRET, desk_person_of (GTK_WIDGET (button), self));
}

static void
deactivate_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        AcuPreferencesWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "deactivate") || self->store == NULL)
    return;
  if (!acu_desk_person_deactivate (self->store, id, &error))
    show_error (self, error);
}

static void
deactivate_clicked_cb (GtkButton            *button,
                       AcuPreferencesWindow *self)
{
  AcuDeskPerson *person = desk_person_of (GTK_WIDGET (button), self);
  g_autofree char *heading = g_strdup_printf (_("Deactivate %s?"), person->name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("They will no longer identify nor open the database; "
                                                         "their password or PIN stops working at once. Their past "
                                                         "records keep their name.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "deactivate", _("_Deactivate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "deactivate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER ((gsize) person->id));
  g_signal_connect (dialog, "response", G_CALLBACK (deactivate_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_clicked_cb (AcuPreferencesWindow *self)
{
  open_desk_dialog (self, DESK_DIALOG_ADD, NULL);
}

static GtkWidget *
desk_button (AcuPreferencesWindow *self,
             guint                 index,
             const char           *icon,
             const char           *tooltip,
             GCallback             callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
rebuild_desk_people (AcuPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->desk_rows->len; i++)
    adw_preferences_group_remove (self->desk_people_group, g_ptr_array_index (self->desk_rows, i));
  g_ptr_array_set_size (self->desk_rows, 0);
  g_clear_pointer (&self->desk_people, g_ptr_array_unref);
  if (self->store == NULL || !acu_store_is_open (self->store))
    return;
  self->desk_people = acu_desk_people_list (self->store, TRUE, &error);
  if (self->desk_people == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < self->desk_people->len; i++)
    {
      AcuDeskPerson *person = g_ptr_array_index (self->desk_people, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (person->name, -1);
      g_autofree char *subtitle = NULL;
      const char *access;

      if (!person->active)
        access = C_("access", "deactivated");
      else if (person->has_password)
        access = C_("access", "password");
      else if (person->pin_locked)
        access = C_("access", "PIN locked after three wrong tries");
      else if (person->has_pin)
        access = C_("access", "PIN");
      else
        access = C_("access", "no PIN yet");
      /* Translators: "Volunteer · PIN" */
      subtitle = g_strdup_printf (_("%s · %s"), acu_role_get_label (person->role), access);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (person->active && person->id != acu_store_get_person_id (self->store))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     desk_button (self, i, "system-users-symbolic", _("Change the Role"),
                                                  G_CALLBACK (role_clicked_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     desk_button (self, i, "dialog-password-symbolic",
                                                  person->has_password ? _("New Password") : _("New PIN"),
                                                  G_CALLBACK (secret_clicked_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     desk_button (self, i, "user-trash-symbolic", _("Deactivate"),
                                                  G_CALLBACK (deactivate_clicked_cb)));
        }
      adw_preferences_group_add (self->desk_people_group, row);
      g_ptr_array_add (self->desk_rows, row);
    }
}

static void
retention_changed_cb (AcuPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!acu_audit_set_retention_days (self->store, gtk_spin_button_get_value_as_int (self->retention_spin), &error))
    show_error (self, error);
}

static gboolean
seconds_to_minutes (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_double (to, MAX (1, g_value_get_uint (from) / 60));
  return TRUE;
}

static gboolean
minutes_to_seconds (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_double (from) * 60);
  return TRUE;
}

static void
desk_people_changed_cb (AcuStore             *store,
                        AcuAreas              area,
                        AcuPreferencesWindow *self)
{
  rebuild_desk_people (self);
}

static void
acu_preferences_window_dispose (GObject *object)
{
  AcuPreferencesWindow *self = ACU_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->desk_rows, g_ptr_array_unref);
  g_clear_pointer (&self->desk_people, g_ptr_array_unref);
  G_OBJECT_CLASS (acu_preferences_window_parent_class)->dispose (object);
}

static void
acu_preferences_window_class_init (AcuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_preferences_window_dispose;

  g_type_ensure (ACU_TYPE_CATALOGUE_EDITOR);
  g_type_ensure (ACU_TYPE_FOOD_PREFERENCES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, food_page);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, partners_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, communes_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, goods_categories_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, goods_places_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, desk_people_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, lock_spin);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, close_spin);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, add_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_changed_cb);
}

static void
acu_preferences_window_init (AcuPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->desk_rows = g_ptr_array_new ();
  acu_catalogue_editor_add_catalogue (self->reasons_group, ACU_CATALOGUE_REASON);
  acu_catalogue_editor_add_catalogue (self->partners_group, ACU_CATALOGUE_PARTNER);
  acu_catalogue_editor_add_catalogue (self->communes_group, ACU_CATALOGUE_COMMUNE);
  acu_catalogue_editor_add_catalogue (self->goods_categories_group, ACU_CATALOGUE_TEXTILE_CATEGORY);
  acu_catalogue_editor_add_catalogue (self->goods_categories_group, ACU_CATALOGUE_FURNITURE_CATEGORY);
  acu_catalogue_editor_add_catalogue (self->goods_categories_group, ACU_CATALOGUE_APPLIANCE_CATEGORY);
  acu_catalogue_editor_add_catalogue (self->goods_categories_group, ACU_CATALOGUE_OTHER_GOODS_CATEGORY);
  acu_catalogue_editor_add_catalogue (self->goods_places_group, ACU_CATALOGUE_GOODS_PLACE);
}

GtkWidget *
acu_preferences_window_new (GtkWindow   *parent,
                            AcuStore    *store,
                            AcuSettings *settings)
{
  AcuPreferencesWindow *self = g_object_new (ACU_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect (store, "changed::desk-people", G_CALLBACK (desk_people_changed_cb), self);
  acu_catalogue_editor_set_store (self->reasons_group, store);
  acu_catalogue_editor_set_store (self->partners_group, store);
  acu_catalogue_editor_set_store (self->communes_group, store);
  acu_catalogue_editor_set_store (self->goods_categories_group, store);
  acu_catalogue_editor_set_store (self->goods_places_group, store);
  desk_people_changed_cb (store, ACU_AREA_DESK_PEOPLE, self);
  acu_food_preferences_page_set_store (self->food_page, store);

  g_object_bind_property_full (settings, "lock-delay", self->lock_spin, "value",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               seconds_to_minutes, minutes_to_seconds, NULL, NULL);
  g_object_bind_property_full (settings, "close-delay", self->close_spin, "value",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               seconds_to_minutes, minutes_to_seconds, NULL, NULL);
  self->loading = TRUE;
  gtk_spin_button_set_value (self->retention_spin, acu_audit_get_retention_days (store));
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
