/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-lines"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-goods-lines.h"
#include "acu-ui-util.h"

/* Lines of goods in a form (the movement dialog, the gift dialog): a row
 * a line, its category, its pieces and its weight if known, and a button
 * that removes it; a button adds one. A header row names the columns,
 * and its mnemonics go to the first line. What is typed is read by
 * acu_goods_lines_get_lines(): a line not understood is shown by its
 * field, and no line is returned. */

struct _AcuGoodsLines
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget           *header;
  GtkWidget           *add_button;
  GtkWidget           *category_label;
  GtkWidget           *pieces_label;
  GtkWidget           *kg_label;
  GtkSizeGroup        *sizes[4];        /* category, pieces, kg, remove */
  GtkStringList       *labels;          /* the categories' labels */
  GPtrArray           *categories;      /* AcuGoodsCategory */
  GPtrArray           *rows;            /* the lines' rows, in order */
  GPtrArray           *read_rows;       /* the rows of the last lines read */
  GtkWidget           *error_row;
};

G_DEFINE_FINAL_TYPE (AcuGoodsLines, acu_goods_lines, ADW_TYPE_BIN)

#define LINE_CATEGORY "acu-line-category"
#define LINE_PIECES   "acu-line-pieces"
#define LINE_KG       "acu-line-kg"
#define LINE_REMOVE   "acu-line-remove"

static GtkWidget *
line_part (GtkWidget  *row,
           const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

/* The header's mnemonics go to the first line; the last line stays */
static void
update_lines (AcuGoodsLines *self)
{
  GtkWidget *first = self->rows->len > 0 ? g_ptr_array_index (self->rows, 0) : NULL;

  gtk_label_set_mnemonic_widget (GTK_LABEL (self->category_label), first ? line_part (first, LINE_CATEGORY) : NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->pieces_label), first ? line_part (first, LINE_PIECES) : NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->kg_label), first ? line_part (first, LINE_KG) : NULL);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (line_part (g_ptr_array_index (self->rows, i), LINE_REMOVE), self->rows->len > 1);
}

static void
remove_clicked_cb (GtkButton     *button,
                   AcuGoodsLines *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint index;

  if (row == NULL || self->rows->len <= 1 || !g_ptr_array_find (self->rows, row, &index))
    return;
  acu_field_error_hide (self->error_row);
  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (self->group, row);
  update_lines (self);
  gtk_widget_grab_focus (line_part (g_ptr_array_index (self->rows, MIN (index, self->rows->len - 1)), LINE_CATEGORY));
}

static GtkWidget *
entry_new (const char *placeholder,
           const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return entry;
}

static GtkWidget *
add_line (AcuGoodsLines *self)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *category = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->labels)), NULL);
  GtkWidget *pieces = entry_new (_("pieces"), _("Pieces"));
  GtkWidget *kg = entry_new (C_("unit symbol", "kg"), _("Weight in kilograms"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (category, TRUE);
  gtk_widget_set_valign (category, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (category), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove the line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the line"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  gtk_size_group_add_widget (self->sizes[0], category);
  gtk_size_group_add_widget (self->sizes[1], pieces);
  gtk_size_group_add_widget (self->sizes[2], kg);
  gtk_size_group_add_widget (self->sizes[3], remove);
  gtk_box_append (GTK_BOX (box), category);
  gtk_box_append (GTK_BOX (box), pieces);
  gtk_box_append (GTK_BOX (box), kg);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), LINE_CATEGORY, category);
  g_object_set_data (G_OBJECT (row), LINE_PIECES, pieces);
  g_object_set_data (G_OBJECT (row), LINE_KG, kg);
  g_object_set_data (G_OBJECT (row), LINE_REMOVE, remove);

  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
  update_lines (self);
  return row;
}

static void
add_clicked_cb (AcuGoodsLines *self)
{
  GtkWidget *row = add_line (self);

  gtk_widget_grab_focus (line_part (row, LINE_CATEGORY));
}

static void
clear_lines (AcuGoodsLines *self)
{
  acu_field_error_hide (self->error_row);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->read_rows, 0);
}

gboolean
acu_goods_lines_set_kinds (AcuGoodsLines  *self,
                           AcuStore       *store,
                           AcuGoodsKinds   kinds,
                           GError        **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (ACU_IS_GOODS_LINES (self), FALSE);

  clear_lines (self);
  categories = acu_goods_category_list (store, kinds, error);
  if (categories == NULL)
    return FALSE;
  for (guint i = 0; i < categories->len; i++)
    gtk_string_list_append (labels, ((AcuGoodsCategory *) g_ptr_array_index (categories, i))->label);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_steal_pointer (&categories);
  g_set_object (&self->labels, labels);
  add_line (self);
  return TRUE;
}

static GArray *
fail (AcuGoodsLines *self,
      GtkWidget     *row,
      GtkWidget     *field,
      const char    *message)
{
  acu_field_error_show (self->error_row, row, message);
  gtk_widget_grab_focus (field);
  return NULL;
}

GArray *
acu_goods_lines_get_lines (AcuGoodsLines *self)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (AcuGoodsLine));

  g_return_val_if_fail (ACU_IS_GOODS_LINES (self), NULL);

  acu_field_error_hide (self->error_row);
  g_ptr_array_set_size (self->read_rows, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *pieces_entry = line_part (row, LINE_PIECES);
      GtkWidget *kg_entry = line_part (row, LINE_KG);
      g_autofree char *pieces = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pieces_entry))));
      g_autofree char *kg = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (kg_entry))));
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (line_part (row, LINE_CATEGORY)));
      AcuGoodsLine line = { 0, 0, -1 };

      if (*pieces == '\0' && *kg == '\0')
        continue;
      if (self->categories == NULL || selected >= self->categories->len)
        return fail (self, row, line_part (row, LINE_CATEGORY), _("Choose a category."));
      line.category_id = ((AcuGoodsCategory *) g_ptr_array_index (self->categories, selected))->id;
      if (*pieces != '\0' && !acu_decimal_from_user (pieces, 0, &line.pieces))
        return fail (self, row, pieces_entry, _("Type a number of pieces, such as 3."));
      if (*kg != '\0' && !acu_decimal_from_user (kg, 3, &line.grams))
        return fail (self, row, kg_entry, _("Type the weight in kilograms, such as 12,5."));
      if (line.pieces == 0 && line.grams <= 0)
        return fail (self, row, pieces_entry, _("Type a number of pieces, or the weight."));
      g_array_append_val (lines, line);
      g_ptr_array_add (self->read_rows, row);
    }
  if (lines->len == 0 && self->rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, 0);

      return fail (self, row, line_part (row, LINE_PIECES), _("Type the pieces or the weight of at least one line."));
    }
  return g_steal_pointer (&lines);
}

void
acu_goods_lines_show_error (AcuGoodsLines *self,
                            guint          index,
                            const char    *message)
{
  GtkWidget *row;

  g_return_if_fail (ACU_IS_GOODS_LINES (self));

  if (message == NULL)
    {
      acu_field_error_hide (self->error_row);
      return;
    }
  if (index < self->read_rows->len)
    row = g_ptr_array_index (self->read_rows, index);
  else if (self->rows->len > 0)
    row = g_ptr_array_index (self->rows, 0);
  else
    return;
  fail (self, row, line_part (row, LINE_PIECES), message);
}

void
acu_goods_lines_set_can_add (AcuGoodsLines *self,
                             gboolean       can_add)
{
  g_return_if_fail (ACU_IS_GOODS_LINES (self));

  gtk_widget_set_visible (self->add_button, can_add);
}

const char *
acu_goods_lines_get_error (AcuGoodsLines *self)
{
  g_return_val_if_fail (ACU_IS_GOODS_LINES (self), NULL);

  return acu_field_error_get_message (self->error_row);
}

void
acu_goods_lines_grab_focus (AcuGoodsLines *self)
{
  g_return_if_fail (ACU_IS_GOODS_LINES (self));

  if (self->rows->len > 0)
    gtk_widget_grab_focus (line_part (g_ptr_array_index (self->rows, 0), LINE_CATEGORY));
}

void
acu_goods_lines_set_line (AcuGoodsLines *self,
                          guint          index,
                          gint64         category_id,
                          const char    *pieces,
                          const char    *kg)
{
  GtkWidget *row;

  g_return_if_fail (ACU_IS_GOODS_LINES (self));

  while (self->rows->len <= index)
    add_line (self);
  row = g_ptr_array_index (self->rows, index);
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    if (((AcuGoodsCategory *) g_ptr_array_index (self->categories, i))->id == category_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (line_part (row, LINE_CATEGORY)), i);
  gtk_editable_set_text (GTK_EDITABLE (line_part (row, LINE_PIECES)), pieces ? pieces : "");
  gtk_editable_set_text (GTK_EDITABLE (line_part (row, LINE_KG)), kg ? kg : "");
}

static void
acu_goods_lines_dispose (GObject *object)
{
  AcuGoodsLines *self = ACU_GOODS_LINES (object);

  g_clear_object (&self->error_row);
  g_clear_object (&self->labels);
  for (guint i = 0; i < G_N_ELEMENTS (self->sizes); i++)
    g_clear_object (&self->sizes[i]);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->read_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (acu_goods_lines_parent_class)->dispose (object);
}

static void
acu_goods_lines_class_init (AcuGoodsLinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acu_goods_lines_dispose;
}

static GtkWidget *
header_label (AcuGoodsLines *self,
              const char    *text,
              guint          size,
              float          xalign)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_size_group_add_widget (self->sizes[size], label);
  return label;
}

static void
acu_goods_lines_init (AcuGoodsLines *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a Line"));
  GtkWidget *spacer = gtk_label_new (NULL);

  self->rows = g_ptr_array_new ();
  self->read_rows = g_ptr_array_new ();
  self->labels = gtk_string_list_new (NULL);
  self->error_row = acu_field_error_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->sizes); i++)
    self->sizes[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Goods"));
  adw_preferences_group_set_description (self->group,
                                         _("A line a category: its pieces, and its weight if it was weighed "
                                           "(otherwise it is estimated)."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_END);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->group, add);
  self->add_button = add;

  self->header = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->header), FALSE);
  gtk_widget_set_focusable (self->header, FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 0);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  self->category_label = header_label (self, _("Ca_tegory"), 0, 0.0);
  gtk_widget_set_hexpand (self->category_label, TRUE);
  self->pieces_label = header_label (self, _("_Pieces"), 1, 1.0);
  self->kg_label = header_label (self, _("_Weight (kg)"), 2, 1.0);
  gtk_size_group_add_widget (self->sizes[3], spacer);
  gtk_box_append (GTK_BOX (box), self->category_label);
  gtk_box_append (GTK_BOX (box), self->pieces_label);
  gtk_box_append (GTK_BOX (box), self->kg_label);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->header), box);
  adw_preferences_group_add (self->group, self->header);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

GtkWidget *
acu_goods_lines_new (void)
{
  return g_object_new (ACU_TYPE_GOODS_LINES, NULL);
}
