/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-gift-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-goods.h"
#include "acu-goods-gift-dialog.h"
#include "acu-people.h"
#include "acu-ui-util.h"

/* Giving clothes or goods from the reception page, keyboard first: the
 * first line's category has the focus (Up and Down choose it), Tab goes
 * to its pieces and its kg (optional: estimated from the pieces when
 * empty), Ctrl+N adds a line, Enter gives (the default widget), Escape
 * closes. The place is the clothing room unless another is chosen. Bad
 * input is said next to its line and nothing is written; a gift beyond
 * the stock is refused with the core's message, and staff may give it
 * all the same with a reason. On success the page says so in a toast
 * whose Undo cancels the gift and its visit together. */

/* At most this many pieces on a line */
#define MAX_PIECES 9999

typedef struct
{
  GtkWidget   *box;
  GtkDropDown *category;
  GtkEditable *pieces;
  GtkEditable *kg;
  GtkLabel    *error;
} GiftLine;

struct _AcuGoodsGiftDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *give_button;
  GtkWidget           *short_box;
  GtkLabel            *short_label;
  GtkWidget           *reason_group;
  AdwEntryRow         *reason_row;
  GtkLabel            *reason_error;
  GtkBox              *lines_box;
  AdwComboRow         *place_row;
  GtkLabel            *error_label;

  GtkWidget           *from;            /* the page that asked: its toasts */
  AcuStore            *store;
  AcuPerson           *person;
  GPtrArray           *categories;      /* AcuGoodsCategory of second-hand goods */
  GPtrArray           *places;          /* AcuGoodsPlace */
  GPtrArray           *lines;           /* GiftLine */
};

G_DEFINE_FINAL_TYPE (AcuGoodsGiftDialog, acu_goods_gift_dialog, ADW_TYPE_WINDOW)

static gboolean
is_staff (AcuGoodsGiftDialog *self)
{
  return acu_store_is_identified (self->store) && acu_store_get_role (self->store) >= ACU_ROLE_STAFF;
}

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The lines */

/* Up and Down choose the category without opening its list */
static gboolean
category_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkDropDown           *category)
{
  guint selected = gtk_drop_down_get_selected (category);
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (category));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && selected + 1 < n)
    gtk_drop_down_set_selected (category, selected + 1);
  else if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (category, selected - 1);
  else
    return FALSE;
  return TRUE;
}

static GtkEditable *
number_entry_new (const char *placeholder,
                  int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  return GTK_EDITABLE (entry);
}

static void
remove_line_clicked_cb (GtkButton          *button,
                        AcuGoodsGiftDialog *self)
{
  GiftLine *line = g_object_get_data (G_OBJECT (button), "acu-gift-line");

  if (self->lines->len <= 1)
    return;
  gtk_box_remove (self->lines_box, line->box);
  g_ptr_array_remove (self->lines, line);
  gtk_widget_grab_focus (GTK_WIDGET (((GiftLine *) g_ptr_array_index (self->lines, 0))->category));
}

static GiftLine *
add_line (AcuGoodsGiftDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GiftLine *line = g_new0 (GiftLine, 1);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kg_unit = gtk_label_new (C_("unit symbol", "kg"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkEventController *keys = gtk_event_controller_key_new ();

  for (guint i = 0; i < self->categories->len; i++)
    gtk_string_list_append (labels, ((AcuGoodsCategory *) g_ptr_array_index (self->categories, i))->label);
  line->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  line->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (line->category), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->category), _("Category (Up and Down choose it)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->category), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"), -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (category_key_pressed_cb), line->category);
  gtk_widget_add_controller (GTK_WIDGET (line->category), keys);
  line->pieces = number_entry_new (_("Pieces"), 6);
  line->kg = number_entry_new (_("kg (optional)"), 8);
  gtk_widget_add_css_class (kg_unit, "dim-label");
  gtk_widget_set_tooltip_text (remove, _("Remove this line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this line"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "acu-gift-line", line);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (line->category));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (line->pieces));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (line->kg));
  gtk_box_append (GTK_BOX (row), kg_unit);
  gtk_box_append (GTK_BOX (row), remove);
  line->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (line->error, 0);
  gtk_label_set_wrap (line->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (line->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (line->error), FALSE);
  gtk_box_append (GTK_BOX (line->box), row);
  gtk_box_append (GTK_BOX (line->box), GTK_WIDGET (line->error));
  gtk_box_append (self->lines_box, line->box);
  g_ptr_array_add (self->lines, line);
  return line;
}

static void
add_line_clicked_cb (AcuGoodsGiftDialog *self)
{
  GiftLine *line = add_line (self);

  gtk_widget_grab_focus (GTK_WIDGET (line->category));
}

/* A line as the core takes it: FALSE, with its message, when it is wrong;
 * *empty when nothing was typed on it */
static gboolean
read_line (GiftLine     *line,
           AcuGoodsLine *out,
           gboolean     *empty)
{
  const char *pieces = gtk_editable_get_text (line->pieces);
  const char *kg = gtk_editable_get_text (line->kg);
  g_autofree char *pieces_text = g_strstrip (g_strdup (pieces));
  g_autofree char *kg_text = g_strstrip (g_strdup (kg));
  guint64 number;

  show_label (line->error, NULL);
  *empty = *pieces_text == '\0' && *kg_text == '\0';
  if (*empty)
    return TRUE;
  if (!g_ascii_string_to_unsigned (pieces_text, 10, 1, MAX_PIECES, &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Type a number of pieces, from 1 to %d."), MAX_PIECES);

      show_label (line->error, message);
      gtk_widget_grab_focus (GTK_WIDGET (line->pieces));
      return FALSE;
    }
  out->pieces = (gint64) number;
  out->grams = -1;
  if (*kg_text != '\0')
    {
      if (!acu_decimal_from_user (kg_text, 3, &out->grams) || out->grams <= 0)
        {
          show_label (line->error, _("Type the weight in kg, as 2,5, or leave it empty."));
          gtk_widget_grab_focus (GTK_WIDGET (line->kg));
          return FALSE;
        }
      if (out->grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
        {
          show_label (line->error, _("At most 500 kg for one household."));
          gtk_widget_grab_focus (GTK_WIDGET (line->kg));
          return FALSE;
        }
    }
  return TRUE;
}

/* Undo, from the page's toast: the gift and its visit go together */

typedef struct
{
  GtkWidget *page;
  AcuStore  *store;
  gint64     visit_id;
} GiftUndo;

static void
gift_undo_free (gpointer  data,
                GClosure *closure)
{
  GiftUndo *undo = data;

  g_object_unref (undo->page);
  g_object_unref (undo->store);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 GiftUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!acu_goods_gift_cancel (undo->store, undo->visit_id, &error))
    acu_widget_show_toast (undo->page, error->message);
}

static void
toast_given (AcuGoodsGiftDialog *self,
             gint64              visit_id)
{
  /* Translators: a toast after a gift; %s is the household's (last) name */
  g_autofree char *message = g_strdup_printf (_("Given to the %s household"),
                                              acu_person_get_last_name (self->person));
  AdwToast *toast = adw_toast_new (message);
  GiftUndo *undo = g_new0 (GiftUndo, 1);

  undo->page = g_object_ref (self->from);
  undo->store = g_object_ref (self->store);
  undo->visit_id = visit_id;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo, gift_undo_free, 0);
  acu_widget_add_toast (self->from, toast);
}

/* Giving */

static void
say_short (AcuGoodsGiftDialog *self,
           const char         *message)
{
  gtk_label_set_label (self->short_label, message);
  gtk_widget_set_visible (self->short_box, TRUE);
  gtk_widget_set_visible (self->reason_group, is_staff (self));
  if (is_staff (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
give (AcuGoodsGiftDialog *self)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (AcuGoodsLine));
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  AcuGoodsPlace *place;
  guint selected;
  gint64 visit_id = 0;
  gboolean wrong = FALSE;

  show_label (self->error_label, NULL);
  show_label (self->reason_error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
  if (!acu_store_is_identified (self->store))
    return;

  for (guint i = 0; i < self->lines->len; i++)
    {
      GiftLine *line = g_ptr_array_index (self->lines, i);
      AcuGoodsLine out = { 0 };
      gboolean empty;
      guint category = gtk_drop_down_get_selected (line->category);

      if (!read_line (line, &out, &empty))
        wrong = TRUE;
      else if (!empty && !wrong && category < self->categories->len)
        {
          out.category_id = ((AcuGoodsCategory *) g_ptr_array_index (self->categories, category))->id;
          g_array_append_val (lines, out);
        }
    }
  if (wrong)
    return;
  if (lines->len == 0)
    {
      GiftLine *first = g_ptr_array_index (self->lines, 0);

      show_label (first->error, _("Type how many pieces are given."));
      gtk_widget_grab_focus (GTK_WIDGET (first->pieces));
      return;
    }

  if (gtk_widget_get_visible (self->reason_group))
    {
      reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
      if (*reason == '\0')
        {
          show_label (self->reason_error, _("Say why you give beyond the stock: the reason is recorded."));
          gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return;
        }
    }

  selected = adw_combo_row_get_selected (self->place_row);
  place = selected < self->places->len ? g_ptr_array_index (self->places, selected) : NULL;
  if (!acu_goods_give (self->store, acu_person_get_id (self->person), place ? place->id : 0,
                       (const AcuGoodsLine *) (gpointer) lines->data, lines->len, reason, &visit_id, &error))
    {
      if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT))
        say_short (self, error->message);
      else
        show_label (self->error_label, error->message);
      return;
    }

  if (gtk_widget_get_root (self->from) != NULL)
    toast_given (self, visit_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
give_clicked_cb (AcuGoodsGiftDialog *self)
{
  give (self);
}

/* Reading the household */

static gboolean
load (AcuGoodsGiftDialog  *self,
      gint64               person_id,
      GError             **error)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  guint vestiaire = 0;

  self->person = acu_person_get (self->store, person_id, error);
  if (self->person == NULL
      || (self->categories = acu_goods_category_list (self->store, ACU_GOODS_KINDS_SECOND_HAND, error)) == NULL
      || (self->places = acu_goods_place_list (self->store, error)) == NULL)
    return FALSE;

  name = acu_person_dup_display_name (self->person);
  /* Translators: the dialog's subtitle: the person, then their household's number */
  subtitle = g_strdup_printf (_("%s · household no. %lld"), name,
                              (long long) acu_person_get_household_id (self->person));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint i = 0; i < self->places->len; i++)
    {
      AcuGoodsPlace *place = g_ptr_array_index (self->places, i);

      gtk_string_list_append (places, place->label);
      if (g_strcmp0 (place->code, "vestiaire") == 0)
        vestiaire = i;
    }
  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (places));
  acu_combo_row_name_rows (self->place_row);
  adw_combo_row_set_selected (self->place_row, vestiaire);
  add_line (self);
  return TRUE;
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_line_clicked_cb (ACU_GOODS_GIFT_DIALOG (widget));
}

/* GObject */

static void
acu_goods_gift_dialog_dispose (GObject *object)
{
  AcuGoodsGiftDialog *self = ACU_GOODS_GIFT_DIALOG (object);

  g_clear_object (&self->from);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACU_TYPE_GOODS_GIFT_DIALOG);
  G_OBJECT_CLASS (acu_goods_gift_dialog_parent_class)->dispose (object);
}

static void
acu_goods_gift_dialog_class_init (AcuGoodsGiftDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_goods_gift_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-goods-gift-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, give_button);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, short_box);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, short_label);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, reason_error);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, lines_box);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsGiftDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, give_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);

  /* Escape closes without giving; Ctrl+N adds a line */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "gift.add-line", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "gift.add-line", NULL);
}

static void
acu_goods_gift_dialog_init (AcuGoodsGiftDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

AcuGoodsGiftDialog *
acu_goods_gift_dialog_present (GtkWidget *from,
                               AcuStore  *store,
                               gint64     person_id)
{
  GtkRoot *root;
  AcuGoodsGiftDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (ACU_IS_STORE (store), NULL);

  root = gtk_widget_get_root (from);
  self = g_object_new (ACU_TYPE_GOODS_GIFT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->from = g_object_ref (from);
  self->store = g_object_ref (store);
  if (!load (self, person_id, &error))
    {
      acu_widget_show_toast (from, error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (((GiftLine *) g_ptr_array_index (self->lines, 0))->category));
  return self;
}
