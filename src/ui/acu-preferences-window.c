/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-catalogue.h"
#include "acu-preferences-window.h"

/* Preferences, for coordinators: the lists of reasons, referral partners
 * and communes. Add, rename, reorder, hide; delete only what no record
 * uses (the core refuses the rest, and refuses other roles). */

#define N_CATALOGUES 3

typedef struct
{
  AcuPreferencesWindow *self;
  AcuCatalogue          catalogue;
  AdwPreferencesGroup  *group;
  GPtrArray            *rows;      /* the rows added to the group */
  GPtrArray            *entries;   /* AcuCatalogueEntry, same order */
} CatalogueGroup;

struct _AcuPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *reasons_group;
  AdwPreferencesGroup  *partners_group;
  AdwPreferencesGroup  *communes_group;

  AcuStore             *store;
  gulong                changed_handler;
  CatalogueGroup        groups[N_CATALOGUES];
};

G_DEFINE_FINAL_TYPE (AcuPreferencesWindow, acu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild_group (CatalogueGroup *group);

static void
show_error (AcuPreferencesWindow *self,
            const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static AcuCatalogueEntry *
entry_of (GtkWidget      *button,
          CatalogueGroup **group)
{
  *group = g_object_get_data (G_OBJECT (button), "group");
  return g_ptr_array_index ((*group)->entries, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
move_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  CatalogueGroup *group;
  AcuCatalogueEntry *entry = entry_of (GTK_WIDGET (button), &group);
  int index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  if (!acu_catalogue_move (group->self->store, group->catalogue, entry->id, index + delta, &error))
    show_error (group->self, error);
}

static void
shown_changed_cb (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  CatalogueGroup *group;
  AcuCatalogueEntry *entry = entry_of (GTK_WIDGET (toggle), &group);
  g_autoptr(GError) error = NULL;
  gboolean hidden = !gtk_switch_get_active (toggle);

  if (hidden == entry->hidden)
    return;
  if (!acu_catalogue_set_hidden (group->self->store, group->catalogue, entry->id, hidden, &error))
    show_error (group->self, error);
}

static void
delete_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  CatalogueGroup *group;
  AcuCatalogueEntry *entry = entry_of (GTK_WIDGET (button), &group);
  g_autoptr(GError) error = NULL;

  if (!acu_catalogue_remove (group->self->store, group->catalogue, entry->id, &error))
    show_error (group->self, error);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *button)
{
  CatalogueGroup *group;
  AcuCatalogueEntry *entry = entry_of (button, &group);
  GtkEditable *text = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "rename")
      && !acu_catalogue_rename (group->self->store, group->catalogue, entry->id,
                                gtk_editable_get_text (text), &error))
    show_error (group->self, error);
}

static void
rename_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  CatalogueGroup *group;
  AcuCatalogueEntry *entry = entry_of (GTK_WIDGET (button), &group);
  GtkWidget *text = gtk_entry_new ();
  AdwMessageDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (text), entry->label);
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (group->self), _("Rename"), NULL));
  adw_message_dialog_set_extra_child (dialog, text);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The rows are rebuilt after a change: the dialog keeps its button */
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), button, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (CatalogueGroup *group,
            guint           index,
            const char     *icon,
            const char     *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "group", group);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  return button;
}

static void
add_activated_cb (AdwEntryRow    *row,
                  CatalogueGroup *group)
{
  g_autoptr(GError) error = NULL;

  if (acu_catalogue_add (group->self->store, group->catalogue,
                         gtk_editable_get_text (GTK_EDITABLE (row)), &error) == 0)
    {
      show_error (group->self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
rebuild_group (CatalogueGroup *group)
{
  AcuPreferencesWindow *self = group->self;
  g_autoptr(GError) error = NULL;
  GtkWidget *add;
  const char *add_title;

  for (guint i = 0; i < group->rows->len; i++)
    adw_preferences_group_remove (group->group, g_ptr_array_index (group->rows, i));
  g_ptr_array_set_size (group->rows, 0);
  g_clear_pointer (&group->entries, g_ptr_array_unref);
  if (self->store == NULL || !acu_store_is_open (self->store))
    return;

  group->entries = acu_catalogue_list (self->store, group->catalogue, TRUE, &error);
  if (group->entries == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < group->entries->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (group->entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (entry->label, -1);
      GtkWidget *up = row_button (group, i, "go-up-symbolic", _("Move Up"));
      GtkWidget *down = row_button (group, i, "go-down-symbolic", _("Move Down"));
      GtkWidget *rename = row_button (group, i, "document-edit-symbolic", _("Rename"));
      GtkWidget *remove = row_button (group, i, "user-trash-symbolic", _("Delete"));
      GtkWidget *shown = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (entry->hidden)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Hidden: no longer offered at the desk"));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < group->entries->len);
      gtk_switch_set_active (GTK_SWITCH (shown), !entry->hidden);
      gtk_widget_set_valign (shown, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (shown, _("Shown"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown"), -1);
      g_object_set_data (G_OBJECT (shown), "group", group);
      g_object_set_data (G_OBJECT (shown), "index", GUINT_TO_POINTER (i));
      g_signal_connect (up, "clicked", G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (-1));
      g_signal_connect (down, "clicked", G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (1));
      g_signal_connect (rename, "clicked", G_CALLBACK (rename_clicked_cb), NULL);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), NULL);
      g_signal_connect (shown, "notify::active", G_CALLBACK (shown_changed_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (group->group, row);
      g_ptr_array_add (group->rows, row);
    }

  switch (group->catalogue)
    {
    case ACU_CATALOGUE_REASON:  add_title = _("Add a reason"); break;
    case ACU_CATALOGUE_PARTNER: add_title = _("Add a partner"); break;
    case ACU_CATALOGUE_COMMUNE:
    default:                    add_title = _("Add a commune"); break;
    }
  add = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), add_title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (add_activated_cb), group);
  g_signal_connect (add, "entry-activated", G_CALLBACK (add_activated_cb), group);
  adw_preferences_group_add (group->group, add);
  g_ptr_array_add (group->rows, add);
}

static void
store_changed_cb (AcuStore             *store,
                  const char           *what,
                  AcuPreferencesWindow *self)
{
  for (guint i = 0; i < N_CATALOGUES; i++)
    rebuild_group (&self->groups[i]);
}

static void
acu_preferences_window_dispose (GObject *object)
{
  AcuPreferencesWindow *self = ACU_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_CATALOGUES; i++)
    {
      g_clear_pointer (&self->groups[i].rows, g_ptr_array_unref);
      g_clear_pointer (&self->groups[i].entries, g_ptr_array_unref);
    }
  G_OBJECT_CLASS (acu_preferences_window_parent_class)->dispose (object);
}

static void
acu_preferences_window_class_init (AcuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, partners_group);
  gtk_widget_class_bind_template_child (widget_class, AcuPreferencesWindow, communes_group);
}

static void
acu_preferences_window_init (AcuPreferencesWindow *self)
{
  AdwPreferencesGroup *groups[N_CATALOGUES];

  gtk_widget_init_template (GTK_WIDGET (self));
  groups[0] = self->reasons_group;
  groups[1] = self->partners_group;
  groups[2] = self->communes_group;
  for (guint i = 0; i < N_CATALOGUES; i++)
    {
      self->groups[i].self = self;
      self->groups[i].catalogue = (AcuCatalogue) i;
      self->groups[i].group = groups[i];
      self->groups[i].rows = g_ptr_array_new ();
    }
}

GtkWidget *
acu_preferences_window_new (GtkWindow *parent,
                            AcuStore  *store)
{
  AcuPreferencesWindow *self = g_object_new (ACU_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "changed::catalogues", G_CALLBACK (store_changed_cb), self);
  store_changed_cb (store, "catalogues", self);
  return GTK_WIDGET (self);
}
