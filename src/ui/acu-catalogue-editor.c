/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-catalogue-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-catalogue-editor.h"
#include "acu-ui-util.h"

/* A group of Preferences that edits one or more of the core's lists
 * (acu-catalogue.h), a section each, in the order they were added: a row
 * an entry (move up and down within its section, rename, show or hide,
 * delete), the weight of a piece for the lists that have one (Enter
 * applies it), and a row to add an entry at the end of each section.
 * The core checks everything and refuses other roles than coordinators;
 * its message shows under the row it is about, and nothing changes. The
 * rows are built again after the store tells the catalogues changed, in
 * an idle: a button never removes its own row while it emits. */

struct _AcuCatalogueEditor
{
  AdwPreferencesGroup  parent_instance;

  AcuStore            *store;
  GArray              *catalogues;   /* AcuCatalogue, a section each */
  GPtrArray           *rows;         /* the rows added to the group */
  GtkWidget           *error_row;    /* a message under the row it is about */
  guint                rebuild_id;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (AcuCatalogueEditor, acu_catalogue_editor, ADW_TYPE_PREFERENCES_GROUP)

/* What a row stands for; its buttons find it on the row */
typedef struct
{
  AcuCatalogue  catalogue;
  gint64        id;           /* 0: the row that adds */
  guint         index;        /* in its section */
  guint         count;        /* entries in the section */
  gboolean      hidden;
  gint64        grams;
  char         *label;
} RowData;

static void
row_data_free (RowData *data)
{
  g_free (data->label);
  g_free (data);
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
}

static RowData *
data_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (row_of (widget)), "acu-entry");
}

static AcuCatalogueEditor *
editor_of (GtkWidget *widget)
{
  return ACU_CATALOGUE_EDITOR (gtk_widget_get_ancestor (widget, ACU_TYPE_CATALOGUE_EDITOR));
}

/* The row of an entry as built now (the rows may have been built again) */
static GtkWidget *
find_row (AcuCatalogueEditor *self,
          AcuCatalogue        catalogue,
          gint64              id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      RowData *data = g_object_get_data (g_ptr_array_index (self->rows, i), "acu-entry");

      if (data != NULL && data->catalogue == catalogue && data->id == id)
        return g_ptr_array_index (self->rows, i);
    }
  return NULL;
}

static void
clear_error (AcuCatalogueEditor *self)
{
  acu_field_error_hide (self->error_row);
}

static void
show_error (AcuCatalogueEditor *self,
            GtkWidget          *widget,
            const char         *message)
{
  GtkWidget *row = widget != NULL ? row_of (widget) : NULL;

  clear_error (self);
  if (row != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    acu_field_error_show (self->error_row, row, message);
  else
    acu_widget_show_toast (GTK_WIDGET (self), message);
}

static gboolean
can_write (AcuCatalogueEditor *self)
{
  return self->store != NULL && acu_store_is_open (self->store);
}

static void
move_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (button));
  RowData *data = data_of (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (can_write (self)
      && !acu_catalogue_move (self->store, data->catalogue, data->id, (int) data->index + GPOINTER_TO_INT (user_data),
                              &error))
    show_error (self, GTK_WIDGET (button), error->message);
}

static void
shown_changed_cb (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (toggle));
  RowData *data = data_of (GTK_WIDGET (toggle));
  g_autoptr(GError) error = NULL;
  gboolean hidden = !gtk_switch_get_active (toggle);

  if (self->loading || hidden == data->hidden || !can_write (self))
    return;
  clear_error (self);
  if (!acu_catalogue_set_hidden (self->store, data->catalogue, data->id, hidden, &error))
    {
      self->loading = TRUE;
      gtk_switch_set_active (toggle, !data->hidden);
      self->loading = FALSE;
      show_error (self, GTK_WIDGET (toggle), error->message);
    }
}

static void
delete_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (button));
  RowData *data = data_of (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (can_write (self) && !acu_catalogue_remove (self->store, data->catalogue, data->id, &error))
    show_error (self, GTK_WIDGET (button), error->message);
}

/* The weight of a piece: whole grams, or empty for none */
static void
grams_activated_cb (GtkEntry *entry,
                    gpointer  user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (entry));
  RowData *data = data_of (GTK_WIDGET (entry));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  guint64 grams = 0;

  if (!can_write (self))
    return;
  clear_error (self);
  if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &grams, NULL))
    {
      show_error (self, GTK_WIDGET (entry), _("Type the weight of one piece in whole grams, such as 500, or leave "
                                              "it empty if it is always weighed."));
      return;
    }
  if ((gint64) grams == data->grams)
    return;
  if (!acu_catalogue_set_grams_per_piece (self->store, data->catalogue, data->id, (gint64) grams, &error))
    show_error (self, GTK_WIDGET (entry), error->message);
}

typedef struct
{
  AcuCatalogueEditor *self;
  AcuCatalogue        catalogue;
  gint64              id;
} Renaming;

static void
renaming_free (Renaming *renaming)
{
  g_object_unref (renaming->self);
  g_free (renaming);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Renaming         *renaming)
{
  AcuCatalogueEditor *self = renaming->self;
  GtkEditable *text = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || !can_write (self))
    return;
  clear_error (self);
  if (!acu_catalogue_rename (self->store, renaming->catalogue, renaming->id, gtk_editable_get_text (text), &error))
    show_error (self, find_row (self, renaming->catalogue, renaming->id), error->message);
}

static void
rename_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (button));
  RowData *data = data_of (GTK_WIDGET (button));
  Renaming *renaming = g_new0 (Renaming, 1);
  GtkWidget *text = gtk_entry_new ();
  AdwMessageDialog *dialog;

  renaming->self = g_object_ref (self);
  renaming->catalogue = data->catalogue;
  renaming->id = data->id;
  gtk_editable_set_text (GTK_EDITABLE (text), data->label);
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Rename"), NULL));
  adw_message_dialog_set_extra_child (dialog, text);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), renaming,
                         (GClosureNotify) (void (*) (void)) renaming_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activated_cb (AdwEntryRow *row,
                  gpointer     user_data)
{
  AcuCatalogueEditor *self = editor_of (GTK_WIDGET (row));
  RowData *data = data_of (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  if (!can_write (self))
    return;
  clear_error (self);
  if (acu_catalogue_add (self->store, data->catalogue, gtk_editable_get_text (GTK_EDITABLE (row)), &error) == 0)
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

/* What a row says of its section, when the group has several */
static const char *
section_label (AcuCatalogue catalogue)
{
  switch (catalogue)
    {
    case ACU_CATALOGUE_BUDGET_RESOURCE:  return C_("budget line", "Resource");
    case ACU_CATALOGUE_BUDGET_CHARGE:    return C_("budget line", "Fixed charge");
    case ACU_CATALOGUE_FOOD_CATEGORY:    return C_("goods category", "Food");
    case ACU_CATALOGUE_HYGIENE_CATEGORY: return C_("goods category", "Non-food: hygiene and cleaning");
    case ACU_CATALOGUE_TEXTILE_CATEGORY: return C_("goods category", "Clothes and textiles");
    case ACU_CATALOGUE_FURNITURE_CATEGORY: return C_("goods category", "Furniture");
    case ACU_CATALOGUE_APPLIANCE_CATEGORY: return C_("goods category", "Electrical appliances");
    case ACU_CATALOGUE_OTHER_GOODS_CATEGORY: return C_("goods category", "Household goods and other");
    case ACU_CATALOGUE_GOODS_PLACE:
    case ACU_CATALOGUE_REASON:
    case ACU_CATALOGUE_PARTNER:
    case ACU_CATALOGUE_COMMUNE:
    case ACU_N_CATALOGUES:
    default:                             return NULL;
    }
}

static const char *
add_title (AcuCatalogue catalogue)
{
  switch (catalogue)
    {
    case ACU_CATALOGUE_REASON:           return _("Add a reason");
    case ACU_CATALOGUE_PARTNER:          return _("Add a partner");
    case ACU_CATALOGUE_COMMUNE:          return _("Add a commune");
    case ACU_CATALOGUE_BUDGET_RESOURCE:  return _("Add a resource");
    case ACU_CATALOGUE_BUDGET_CHARGE:    return _("Add a fixed charge");
    case ACU_CATALOGUE_FOOD_CATEGORY:    return _("Add a food category");
    case ACU_CATALOGUE_HYGIENE_CATEGORY: return _("Add a hygiene or cleaning category");
    case ACU_CATALOGUE_TEXTILE_CATEGORY: return _("Add a category of clothes or textiles");
    case ACU_CATALOGUE_FURNITURE_CATEGORY: return _("Add a furniture category");
    case ACU_CATALOGUE_APPLIANCE_CATEGORY: return _("Add a category of appliances");
    case ACU_CATALOGUE_OTHER_GOODS_CATEGORY: return _("Add a category of household goods");
    case ACU_CATALOGUE_GOODS_PLACE:      return _("Add a place");
    case ACU_N_CATALOGUES:
    default:                             g_return_val_if_reached (NULL);
    }
}

static void
add_row (AcuCatalogueEditor *self,
         GtkWidget          *row,
         RowData            *data)
{
  g_object_set_data_full (G_OBJECT (row), "acu-entry", data, (GDestroyNotify) row_data_free);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
grams_entry_new (AcuCatalogueEntry *entry)
{
  GtkWidget *text = gtk_entry_new ();

  if (entry->grams_per_piece > 0)
    {
      g_autofree char *grams = g_strdup_printf ("%" G_GINT64_FORMAT, entry->grams_per_piece);

      gtk_editable_set_text (GTK_EDITABLE (text), grams);
    }
  gtk_editable_set_width_chars (GTK_EDITABLE (text), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (text), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (text), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (text), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (text, _("Weight of a piece (g)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weight of a piece (g)"), -1);
  gtk_widget_set_name (text, "grams-per-piece");
  g_signal_connect (text, "activate", G_CALLBACK (grams_activated_cb), NULL);
  return text;
}

static void
add_section (AcuCatalogueEditor *self,
             AcuCatalogue        catalogue,
             gboolean            named)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *add;
  RowData *add_data;

  entries = acu_catalogue_list (self->store, catalogue, TRUE, &error);
  if (entries == NULL)
    {
      acu_widget_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (entries, i);
      RowData *data = g_new0 (RowData, 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (entry->label, -1);
      const char *section = named ? section_label (catalogue) : NULL;
      const char *hidden = entry->hidden ? _("Hidden: no longer offered at the desk") : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *up = row_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (move_clicked_cb), GINT_TO_POINTER (-1));
      GtkWidget *down = row_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (move_clicked_cb),
                                    GINT_TO_POINTER (1));
      GtkWidget *shown = gtk_switch_new ();

      *data = (RowData) { catalogue, entry->id, i, entries->len, entry->hidden, entry->grams_per_piece,
                          g_strdup (entry->label) };
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (section != NULL && hidden != NULL)
        /* Translators: "Resource · Hidden: no longer offered at the desk" */
        subtitle = g_strdup_printf (_("%s · %s"), section, hidden);
      else
        subtitle = g_strdup (section != NULL ? section : hidden);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (acu_catalogue_has_weights (catalogue))
        {
          GtkWidget *unit = gtk_label_new (C_("unit symbol", "g"));

          gtk_widget_add_css_class (unit, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), grams_entry_new (entry));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
        }
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < entries->len);
      gtk_switch_set_active (GTK_SWITCH (shown), !entry->hidden);
      gtk_widget_set_valign (shown, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (shown, _("Shown"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown"), -1);
      g_signal_connect (shown, "notify::active", G_CALLBACK (shown_changed_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", _("Rename"),
                                                                   G_CALLBACK (rename_clicked_cb), NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
      /* a list whose uses cannot be known is only hidden (the core says why) */
      if (acu_catalogue_can_delete (catalogue))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete"),
                                                                     G_CALLBACK (delete_clicked_cb), NULL));
      add_row (self, row, data);
    }

  add = adw_entry_row_new ();
  add_data = g_new0 (RowData, 1);
  add_data->catalogue = catalogue;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), add_title (catalogue));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (add_activated_cb), NULL);
  g_signal_connect (add, "entry-activated", G_CALLBACK (add_activated_cb), NULL);
  add_row (self, add, add_data);
}

static void
rebuild (AcuCatalogueEditor *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  clear_error (self);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->store == NULL || !acu_store_is_open (self->store))
    return;
  for (guint i = 0; i < self->catalogues->len; i++)
    add_section (self, g_array_index (self->catalogues, AcuCatalogue, i), self->catalogues->len > 1);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  AcuCatalogueEditor *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
catalogues_changed_cb (AcuStore           *store,
                       AcuAreas            area,
                       AcuCatalogueEditor *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
acu_catalogue_editor_dispose (GObject *object)
{
  AcuCatalogueEditor *self = ACU_CATALOGUE_EDITOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->error_row);
  G_OBJECT_CLASS (acu_catalogue_editor_parent_class)->dispose (object);
}

static void
acu_catalogue_editor_finalize (GObject *object)
{
  AcuCatalogueEditor *self = ACU_CATALOGUE_EDITOR (object);

  g_array_unref (self->catalogues);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (acu_catalogue_editor_parent_class)->finalize (object);
}

static void
acu_catalogue_editor_class_init (AcuCatalogueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acu_catalogue_editor_dispose;
  object_class->finalize = acu_catalogue_editor_finalize;
}

static void
acu_catalogue_editor_init (AcuCatalogueEditor *self)
{
  self->catalogues = g_array_new (FALSE, FALSE, sizeof (AcuCatalogue));
  self->rows = g_ptr_array_new ();
  self->error_row = acu_field_error_new ();
}

void
acu_catalogue_editor_add_catalogue (AcuCatalogueEditor *self,
                                    AcuCatalogue        catalogue)
{
  g_return_if_fail (ACU_IS_CATALOGUE_EDITOR (self));
  g_return_if_fail ((guint) catalogue < ACU_N_CATALOGUES);

  g_array_append_val (self->catalogues, catalogue);
  rebuild (self);
}

void
acu_catalogue_editor_set_store (AcuCatalogueEditor *self,
                                AcuStore           *store)
{
  g_return_if_fail (ACU_IS_CATALOGUE_EDITOR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "changed::catalogues", G_CALLBACK (catalogues_changed_cb), self);
  rebuild (self);
}
