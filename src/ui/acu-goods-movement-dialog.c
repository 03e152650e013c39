/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-movement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-goods.h"
#include "acu-goods-lines.h"
#include "acu-goods-movement-dialog.h"
#include "acu-ui-util.h"

/* Goods in, out or moved, in one form. Food (a delivery, a collection,
 * a purchase…, or food lost) in the food store: kilograms for several
 * categories at once. Clothes and goods (donations, collections…, given
 * to a partner, recycled…, or moved from one place to another): lines of
 * pieces and weight (AcuGoodsLines) in a place. Each line is a movement
 * of the goods ledger, all written in one transaction or none
 * (acu_goods_record_many). What is typed is read first: a figure that is
 * not one is shown by its field and nothing is written; a line the core
 * refuses is shown by its field, and nothing is written either. Out
 * beyond the stock, staff give a reason and record again. */

/* The sources of food in, and the reason of their movement */
static const struct
{
  AcuFoodSource   source;
  AcuGoodsReason  reason;
} sources[] = {
  { ACU_FOOD_SOURCE_BANQUE_ALIMENTAIRE, ACU_GOODS_DELIVERY },
  { ACU_FOOD_SOURCE_FSE_PLUS, ACU_GOODS_DELIVERY },
  { ACU_FOOD_SOURCE_COLLECTION, ACU_GOODS_COLLECTION },
  { ACU_FOOD_SOURCE_PURCHASE, ACU_GOODS_PURCHASE },
  { ACU_FOOD_SOURCE_DONATION, ACU_GOODS_DONATION },
  { ACU_FOOD_SOURCE_PARTNER, ACU_GOODS_TRANSFER },
};

static const AcuGoodsReason losses[] = { ACU_GOODS_EXPIRED, ACU_GOODS_DAMAGED, ACU_GOODS_WASTED };

/* Clothes and goods in, by where they came from */
static const struct
{
  AcuFoodSource   source;
  AcuGoodsReason  reason;
} goods_sources[] = {
  { ACU_FOOD_SOURCE_DONATION, ACU_GOODS_DONATION },
  { ACU_FOOD_SOURCE_COLLECTION, ACU_GOODS_COLLECTION },
  { ACU_FOOD_SOURCE_PURCHASE, ACU_GOODS_PURCHASE },
  { ACU_FOOD_SOURCE_PARTNER, ACU_GOODS_TRANSFER },
};

static const AcuGoodsReason goods_outs[] = { ACU_GOODS_PARTNER, ACU_GOODS_RECYCLED, ACU_GOODS_WASTED,
                                             ACU_GOODS_ADJUSTMENT };

struct _AcuGoodsMovementDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *record_button;
  AdwComboRow         *source_row;
  AdwComboRow         *reason_row;
  AdwComboRow         *place_row;
  AdwComboRow         *to_place_row;
  AdwEntryRow         *day_row;
  AdwPreferencesGroup *categories_group;
  AdwPreferencesGroup *lines_group;
  AdwPreferencesGroup *forced_group;
  AdwEntryRow         *forced_row;
  AcuGoodsLines       *lines;
  AdwPreferencesGroup *lot_group;
  AdwEntryRow         *lot_row;
  AdwEntryRow         *expiry_row;
  GtkLabel            *general_error;

  AcuStore            *store;
  AcuGoodsMovementKind  kind;
  GPtrArray           *places;         /* AcuGoodsPlace */
  GPtrArray           *categories;     /* AcuGoodsCategory */
  GPtrArray           *weight_rows;    /* an AdwEntryRow per category, same order */
  GtkWidget           *error_row;      /* a message under the field it is about */
};

G_DEFINE_FINAL_TYPE (AcuGoodsMovementDialog, acu_goods_movement_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_error (AcuGoodsMovementDialog *self)
{
  acu_field_error_hide (self->error_row);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

/* @message next to @row, the field it is about (focused), or under the
 * first group */
static void
show_error (AcuGoodsMovementDialog *self,
            GtkWidget             *row,
            const char            *message)
{
  clear_error (self);
  if (row != NULL)
    {
      acu_field_error_show (self->error_row, row, message);
      gtk_widget_grab_focus (row);
      return;
    }
  gtk_label_set_label (self->general_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
}

static gboolean
is_fse_plus (AcuGoodsMovementDialog *self)
{
  guint i = adw_combo_row_get_selected (self->source_row);

  return self->kind == ACU_GOODS_MOVEMENT_FOOD_DELIVERY && i < G_N_ELEMENTS (sources)
         && sources[i].source == ACU_FOOD_SOURCE_FSE_PLUS;
}

static void
source_changed_cb (AcuGoodsMovementDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->lot_group), is_fse_plus (self));
}

/* The field a refusal is about, from what was typed */
static GtkWidget *
field_of_refusal (AcuGoodsMovementDialog *self,
                  const AcuGoodsDraft   *draft,
                  GtkWidget             *weight_row)
{
  if (draft->day != NULL && !acu_date_parse (draft->day, NULL))
    return GTK_WIDGET (self->day_row);
  if (draft->expiry != NULL && !acu_date_parse (draft->expiry, NULL))
    return GTK_WIDGET (self->expiry_row);
  if (draft->grams > ACU_GOODS_MAX_GRAMS)
    return weight_row;
  return GTK_WIDGET (self->day_row);
}

static void
record_food (AcuGoodsMovementDialog *self)
{
  g_autofree char *day = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->day_row)));
  g_autofree char *expiry = NULL;
  g_autofree char *lot = NULL;
  g_autoptr(GArray) drafts = g_array_new (FALSE, TRUE, sizeof (AcuGoodsDraft));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint source = adw_combo_row_get_selected (self->source_row);
  guint reason = adw_combo_row_get_selected (self->reason_row);
  guint refused = 0;

  clear_error (self);
  if (is_fse_plus (self))
    {
      lot = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lot_row))));
      expiry = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->expiry_row)));
    }
  for (guint i = 0; i < self->weight_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->weight_rows, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      AcuGoodsDraft draft = {
        .day = day,
        .category_id = ((AcuGoodsCategory *) g_ptr_array_index (self->categories, i))->id,
        .value_cents = -1,
        .lot = lot != NULL && *lot != '\0' ? lot : NULL,
        .expiry = expiry,
      };
      g_autofree char *clean = g_strstrip (g_strdup (text));

      if (*clean == '\0')
        continue;
      if (!acu_decimal_from_user (clean, 3, &draft.grams))
        {
          show_error (self, row, _("Type the weight in kilograms, such as 12,5."));
          return;
        }
      if (self->kind == ACU_GOODS_MOVEMENT_FOOD_DELIVERY)
        {
          draft.direction = 1;
          draft.source = sources[MIN (source, G_N_ELEMENTS (sources) - 1)].source;
          draft.reason = sources[MIN (source, G_N_ELEMENTS (sources) - 1)].reason;
        }
      else
        {
          draft.direction = -1;
          draft.source = ACU_FOOD_SOURCE_NONE;
          draft.reason = losses[MIN (reason, G_N_ELEMENTS (losses) - 1)];
        }
      g_array_append_val (drafts, draft);
      g_ptr_array_add (rows, row);
    }
  if (drafts->len == 0)
    {
      show_error (self, self->weight_rows->len > 0 ? g_ptr_array_index (self->weight_rows, 0) : NULL,
                  _("Type the weight of at least one category."));
      return;
    }

  /* All the lines or none */
  if (!acu_goods_record_many (self->store, (const AcuGoodsDraft *) drafts->data, drafts->len, &refused, &error))
    {
      show_error (self, field_of_refusal (self, &g_array_index (drafts, AcuGoodsDraft, refused),
                                          g_ptr_array_index (rows, refused)),
                  error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, drafts->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gint64
selected_place (AcuGoodsMovementDialog *self,
                AdwComboRow            *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->places == NULL || i >= self->places->len)
    return 0;
  return ((AcuGoodsPlace *) g_ptr_array_index (self->places, i))->id;
}

/* Out beyond the stock: a volunteer sees why; staff see why and give
 * the reason they record it all the same (then record again) */
static void
show_refusal (AcuGoodsMovementDialog *self,
              guint                   index,
              const GError           *error)
{
  gboolean staff = acu_store_get_role (self->store) >= ACU_ROLE_STAFF;

  if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT) && staff
      && (self->kind == ACU_GOODS_MOVEMENT_OUT || self->kind == ACU_GOODS_MOVEMENT_TRANSFER))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->forced_group), TRUE);
      acu_field_error_show (self->error_row, GTK_WIDGET (self->forced_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->forced_row));
      return;
    }
  acu_goods_lines_show_error (self->lines, index, error->message);
}

/* Clothes and goods in or out: a movement a line, in the place chosen */
static void
record_goods (AcuGoodsMovementDialog *self)
{
  g_autofree char *day = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->day_row)));
  g_autofree char *forced = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->forced_row))));
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) drafts = g_array_new (FALSE, TRUE, sizeof (AcuGoodsDraft));
  g_autoptr(GError) error = NULL;
  guint choice = adw_combo_row_get_selected (self->kind == ACU_GOODS_MOVEMENT_IN ? self->source_row
                                                                                  : self->reason_row);
  guint refused = 0;

  clear_error (self);
  acu_goods_lines_show_error (self->lines, 0, NULL);
  if (day != NULL && !acu_date_parse (day, NULL))
    {
      show_error (self, GTK_WIDGET (self->day_row), _("The date is not valid. Write it as day/month/year."));
      return;
    }
  if ((lines = acu_goods_lines_get_lines (self->lines)) == NULL)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      AcuGoodsLine *line = &g_array_index (lines, AcuGoodsLine, i);
      AcuGoodsDraft draft = {
        .day = day,
        .place_id = selected_place (self, self->place_row),
        .category_id = line->category_id,
        .pieces = line->pieces,
        .grams = line->grams,
        .value_cents = -1,
        .forced_reason = gtk_widget_get_visible (GTK_WIDGET (self->forced_group)) && *forced != '\0' ? forced : NULL,
      };

      if (self->kind == ACU_GOODS_MOVEMENT_IN)
        {
          draft.direction = 1;
          draft.source = goods_sources[MIN (choice, G_N_ELEMENTS (goods_sources) - 1)].source;
          draft.reason = goods_sources[MIN (choice, G_N_ELEMENTS (goods_sources) - 1)].reason;
        }
      else
        {
          draft.direction = -1;
          draft.reason = goods_outs[MIN (choice, G_N_ELEMENTS (goods_outs) - 1)];
        }
      g_array_append_val (drafts, draft);
    }
  if (!acu_goods_record_many (self->store, (const AcuGoodsDraft *) drafts->data, drafts->len, &refused, &error))
    {
      show_refusal (self, refused, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, drafts->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Clothes and goods from one place to another: a line */
static void
record_transfer (AcuGoodsMovementDialog *self)
{
  g_autofree char *day = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->day_row)));
  g_autofree char *forced = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->forced_row))));
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = selected_place (self, self->place_row);
  gint64 to = selected_place (self, self->to_place_row);
  AcuGoodsLine *line;

  clear_error (self);
  acu_goods_lines_show_error (self->lines, 0, NULL);
  if (day != NULL && !acu_date_parse (day, NULL))
    {
      show_error (self, GTK_WIDGET (self->day_row), _("The date is not valid. Write it as day/month/year."));
      return;
    }
  if (from == to)
    {
      show_error (self, GTK_WIDGET (self->to_place_row), _("Choose another place to move the goods to."));
      return;
    }
  if ((lines = acu_goods_lines_get_lines (self->lines)) == NULL)
    return;
  line = &g_array_index (lines, AcuGoodsLine, 0);
  if (!acu_goods_transfer (self->store, day, from, to, line->category_id, line->pieces, line->grams,
                           gtk_widget_get_visible (GTK_WIDGET (self->forced_group)) && *forced != '\0' ? forced : NULL,
                           &error))
    {
      show_refusal (self, 0, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, 2);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
record_clicked_cb (AcuGoodsMovementDialog *self)
{
  switch (self->kind)
    {
    case ACU_GOODS_MOVEMENT_FOOD_DELIVERY:
    case ACU_GOODS_MOVEMENT_FOOD_LOSS:
      record_food (self);
      break;
    case ACU_GOODS_MOVEMENT_IN:
    case ACU_GOODS_MOVEMENT_OUT:
      record_goods (self);
      break;
    case ACU_GOODS_MOVEMENT_TRANSFER:
      record_transfer (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
acu_goods_movement_dialog_dispose (GObject *object)
{
  AcuGoodsMovementDialog *self = ACU_GOODS_MOVEMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->error_row);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->weight_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACU_TYPE_GOODS_MOVEMENT_DIALOG);
  G_OBJECT_CLASS (acu_goods_movement_dialog_parent_class)->dispose (object);
}

static void
acu_goods_movement_dialog_class_init (AcuGoodsMovementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_goods_movement_dialog_dispose;

  /* Some movements were written (how many): the rest of the form, if any,
   * stays with its error */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acuelh/Acuelh/acu-goods-movement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, to_place_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, lines_group);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, forced_group);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, forced_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, lot_group);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, lot_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsMovementDialog, general_error);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acu_goods_movement_dialog_init (AcuGoodsMovementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->weight_rows = g_ptr_array_new ();
  self->error_row = acu_field_error_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->record_button));
}

/* Food: kilograms by category in the food store */
static AcuGoodsMovementDialog *
setup_food (AcuGoodsMovementDialog *self,
            AcuGoodsMovementKind    kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  if (kind == ACU_GOODS_MOVEMENT_FOOD_DELIVERY)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Record a Delivery"));
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        gtk_string_list_append (labels, acu_food_source_get_label (sources[i].source));
      adw_combo_row_set_model (self->source_row, G_LIST_MODEL (labels));
      gtk_widget_set_visible (GTK_WIDGET (self->reason_row), FALSE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Record a Loss"));
      for (guint i = 0; i < G_N_ELEMENTS (losses); i++)
        gtk_string_list_append (labels, acu_goods_reason_get_label (losses[i]));
      adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (labels));
      gtk_widget_set_visible (GTK_WIDGET (self->source_row), FALSE);
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  source_changed_cb (self);

  self->categories = acu_goods_category_list (self->store, ACU_GOODS_KINDS_FOOD_AID, &error);
  if (self->categories == NULL)
    {
      show_error (self, NULL, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), FALSE);
      return self;
    }
  for (guint i = 0; i < self->categories->len; i++)
    {
      AcuGoodsCategory *category = g_ptr_array_index (self->categories, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *unit = gtk_label_new (C_("unit symbol", "kg"));
      g_autofree char *escaped = g_markup_escape_text (category->label, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0);
      gtk_widget_add_css_class (unit, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->weight_rows, row);
    }
  /* The source is most often the usual one: the weights are the work */
  if (self->weight_rows->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->weight_rows, 0));
  return self;
}

/* Clothes and goods: a place (two for a transfer) and lines */
static AcuGoodsMovementDialog *
setup_goods (AcuGoodsMovementDialog *self,
             AcuGoodsMovementKind    kind,
             gint64                  place_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->lot_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->place_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->source_row), kind == ACU_GOODS_MOVEMENT_IN);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), kind == ACU_GOODS_MOVEMENT_OUT);
  gtk_widget_set_visible (GTK_WIDGET (self->to_place_row), kind == ACU_GOODS_MOVEMENT_TRANSFER);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->source_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->reason_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->place_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->to_place_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->day_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->forced_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("_From"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("_Why"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("_Date (31/12/2026)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->forced_row), _("Rea_son"));
  if (kind == ACU_GOODS_MOVEMENT_IN)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Receive Clothes and Goods"));
      for (guint i = 0; i < G_N_ELEMENTS (goods_sources); i++)
        gtk_string_list_append (labels, acu_food_source_get_label (goods_sources[i].source));
      adw_combo_row_set_model (self->source_row, G_LIST_MODEL (labels));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), _("_Into the place"));
    }
  else if (kind == ACU_GOODS_MOVEMENT_OUT)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Clothes and Goods Out"));
      for (guint i = 0; i < G_N_ELEMENTS (goods_outs); i++)
        gtk_string_list_append (labels, acu_goods_reason_get_label (goods_outs[i]));
      adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (labels));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), _("Out of the _place"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Move Clothes and Goods"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), _("_From the place"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_place_row), _("_To the place"));
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));

  self->lines = ACU_GOODS_LINES (acu_goods_lines_new ());
  acu_goods_lines_set_can_add (self->lines, kind != ACU_GOODS_MOVEMENT_TRANSFER);
  adw_preferences_group_add (self->lines_group, GTK_WIDGET (self->lines));
  self->places = acu_goods_place_list (self->store, &error);
  if (self->places == NULL
      || !acu_goods_lines_set_kinds (self->lines, self->store, ACU_GOODS_KINDS_SECOND_HAND, &error))
    {
      show_error (self, NULL, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), FALSE);
      return self;
    }
  for (guint i = 0; i < self->places->len; i++)
    gtk_string_list_append (places, ((AcuGoodsPlace *) g_ptr_array_index (self->places, i))->label);
  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (places));
  adw_combo_row_set_model (self->to_place_row, G_LIST_MODEL (places));
  for (guint i = 0; i < self->places->len; i++)
    if (((AcuGoodsPlace *) g_ptr_array_index (self->places, i))->id == place_id)
      adw_combo_row_set_selected (self->place_row, i);
  /* Somewhere else by default, not the food store */
  for (guint i = self->places->len; i > 0; i--)
    {
      AcuGoodsPlace *place = g_ptr_array_index (self->places, i - 1);

      if (i - 1 != adw_combo_row_get_selected (self->place_row) && g_strcmp0 (place->code, "food-store") != 0)
        adw_combo_row_set_selected (self->to_place_row, i - 1);
    }
  acu_goods_lines_grab_focus (self->lines);
  return self;
}

AcuGoodsMovementDialog *
acu_goods_movement_dialog_new (GtkWidget            *parent,
                               AcuStore             *store,
                               AcuGoodsMovementKind  kind,
                               gint64                place_id)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *today_display = acu_date_to_display (today);
  AcuGoodsMovementDialog *self;

  self = g_object_new (ACU_TYPE_GOODS_MOVEMENT_DIALOG,
                       "transient-for", GTK_WINDOW (gtk_widget_get_root (parent)),
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today_display);
  if (kind == ACU_GOODS_MOVEMENT_FOOD_DELIVERY || kind == ACU_GOODS_MOVEMENT_FOOD_LOSS)
    return setup_food (self, kind);
  return setup_goods (self, kind, place_id);
}
