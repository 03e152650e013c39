/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-serve-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-food-serve-dialog.h"
#include "acu-people.h"
#include "acu-report.h"
#include "acu-ui-util.h"

/* Serving food aid in one step, for volunteers in a hurry: what the desk
 * knows of the household's access on top; what would stop the service
 * (expired, no access, too often, the other mode, over the right) said
 * before serving, with a reason to give for staff and "ask staff" for
 * volunteers (the core refuses them anyway); then a parcel, the standard
 * one of the household's size prefilled, kg by category in entries with a
 * decimal comma (grams in the core), or a grocery basket whose total, the
 * participation at the household's rate and the month's right left are
 * shown while it fills. Enter serves (the default widget), Escape closes.
 * Bad input is said next to its field and nothing is written. */

/* A piece sold: at most this many of one item on a line */
#define MAX_PIECES 999

typedef struct
{
  gint64  category_id;
  char   *item;
  gint64  price_cents;
  guint   quantity;
  gint64  grams;
} BasketEntry;

struct _AcuFoodServeDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *serve_button;
  GtkLabel            *status_label;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  GtkLabel            *warning_hint;
  GtkWidget           *override_group;
  AdwEntryRow         *override_row;
  GtkLabel            *override_error;
  GtkWidget           *mode_box;
  GtkToggleButton     *parcel_toggle;
  GtkToggleButton     *grocery_toggle;
  GtkStack            *mode_stack;
  AdwPreferencesGroup *parcel_group;
  AdwPreferencesGroup *money_group;
  AdwComboRow         *category_row;
  AdwEntryRow         *item_row;
  AdwComboRow         *unit_row;
  AdwEntryRow         *price_row;
  AdwEntryRow         *quantity_row;
  GtkLabel            *line_error;
  GtkListBox          *basket_list;
  GtkLabel            *total_label;
  GtkLabel            *right_label;
  GtkLabel            *error_label;

  GtkWidget           *from;            /* the page that asked: its toasts */
  AcuStore            *store;
  AcuPerson           *person;
  char                *name;
  AcuFoodStatus        status;
  AcuFoodHousehold     household;
  int                  rate_bp;         /* the household's participation */
  GPtrArray           *categories;      /* AcuGoodsCategory of food aid */
  GPtrArray           *weight_rows;     /* AdwActionRow, one per category */
  GPtrArray           *weight_entries;  /* GtkEntry, same order */
  AdwActionRow        *value_row;
  GtkEditable         *value_entry;
  AdwActionRow        *paid_row;
  GtkEditable         *paid_entry;
  GArray              *basket;          /* BasketEntry */
  AcuFoodWarnings      warnings;
};

G_DEFINE_FINAL_TYPE (AcuFoodServeDialog, acu_food_serve_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static gboolean
is_staff (AcuFoodServeDialog *self)
{
  return acu_store_is_identified (self->store) && acu_store_get_role (self->store) >= ACU_ROLE_STAFF;
}

static AcuFoodMode
current_mode (AcuFoodServeDialog *self)
{
  return gtk_toggle_button_get_active (self->grocery_toggle) ? ACU_FOOD_MODE_GROCERY : ACU_FOOD_MODE_PARCEL;
}

static const char *
category_label (AcuGoodsCategory *category)
{
  if (category->label != NULL)
    return category->label;
  return acu_goods_category_default_label (category->code);
}

static const char *
category_label_of (AcuFoodServeDialog *self,
                   gint64              id)
{
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      AcuGoodsCategory *category = g_ptr_array_index (self->categories, i);

      if (category->id == id)
        return category_label (category);
    }
  return "";
}

static char *
money (gint64 cents)
{
  return acu_figure_kind_format (ACU_FIGURE_CENTS, cents);
}

/* "20 %", "12,5 %" */
static char *
rate_text (int rate_bp)
{
  g_autofree char *number = acu_decimal_to_user (rate_bp, 2, 0);

  return g_strdup_printf ("%s\u00a0%%", number);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* A row's message under its title, and the row marked, or neither */
static void
row_set_error (AdwActionRow *row,
               const char   *message)
{
  g_autofree char *escaped = message ? g_markup_escape_text (message, -1) : NULL;

  adw_action_row_set_subtitle (row, escaped ? escaped : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
entry_row_set_error (AdwEntryRow *row,
                     gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* A row with a title, and an entry for an amount with its unit after it;
 * its message goes under the title (row_set_error) */
static AdwActionRow *
amount_row_new (const char   *title,
                const char   *unit,
                const char   *accessible,
                GtkEditable **entry_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unit_label = gtk_label_new (unit);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_add_css_class (unit_label, "dim-label");
  gtk_widget_set_size_request (unit_label, 24, -1);
  gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit_label);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  *entry_out = GTK_EDITABLE (entry);
  return ADW_ACTION_ROW (row);
}

/* What would stop the service */

/* The draft as far as the warnings go: who, the mode, and the basket
 * (the right left depends on it). @probe: an empty basket gets a line of
 * one cent, which moves no right: the core checks no empty basket, and
 * what stops a service is said before its first line. */
static void
draft_init (AcuFoodServeDialog  *self,
            AcuFoodServiceDraft *draft,
            GArray              *lines,
            gboolean             probe)
{
  memset (draft, 0, sizeof *draft);
  draft->person_id = acu_person_get_id (self->person);
  draft->mode = current_mode (self);
  draft->value_cents = -1;
  draft->paid_cents = -1;
  if (draft->mode == ACU_FOOD_MODE_GROCERY)
    {
      for (guint i = 0; i < self->basket->len; i++)
        {
          BasketEntry *entry = &g_array_index (self->basket, BasketEntry, i);
          AcuBasketLine line = { entry->category_id, entry->item, entry->price_cents, entry->quantity, entry->grams };

          g_array_append_val (lines, line);
        }
      if (probe && lines->len == 0 && self->categories->len > 0)
        {
          AcuBasketLine line = { ((AcuGoodsCategory *) g_ptr_array_index (self->categories, 0))->id,
                                 NULL, 1, 1, 0 };

          g_array_append_val (lines, line);
        }
      draft->lines = (const AcuBasketLine *) (gpointer) lines->data;
      draft->n_lines = lines->len;
    }
}

static void
update_warnings (AcuFoodServeDialog *self)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (AcuBasketLine));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AcuFoodServiceDraft draft;
  gboolean staff = is_staff (self);

  draft_init (self, &draft, lines, TRUE);
  self->warnings = acu_food_check (self->store, &draft, &message, &error);
  if (error != NULL)
    {
      self->warnings = ACU_FOOD_WARNING_NONE;
      show_label (self->error_label, error->message);
    }
  gtk_widget_set_visible (self->warning_box, self->warnings != ACU_FOOD_WARNING_NONE);
  gtk_label_set_label (self->warning_label, message ? message : "");
  if (staff)
    gtk_label_set_label (self->warning_hint, _("You may serve anyway: say why below. The reason is recorded."));
  else if (self->warnings == ACU_FOOD_WARNING_OVER_RIGHT)
    gtk_label_set_label (self->warning_hint, _("Take something out of the basket, or ask a staff member: "
                                               "only staff can serve past the right."));
  else
    gtk_label_set_label (self->warning_hint, _("Ask a staff member: only staff can serve despite this warning."));
  gtk_widget_set_visible (self->override_group, self->warnings != ACU_FOOD_WARNING_NONE && staff);
  /* The core refuses a volunteer then: the button says so beforehand */
  gtk_widget_set_sensitive (self->serve_button, self->warnings == ACU_FOOD_WARNING_NONE || staff);
}

/* The grocery basket */

static gint64
basket_shelf_cents (AcuFoodServeDialog *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->basket->len; i++)
    {
      BasketEntry *entry = &g_array_index (self->basket, BasketEntry, i);
      AcuBasketLine line = { entry->category_id, entry->item, entry->price_cents, entry->quantity, entry->grams };

      total += acu_basket_line_cents (&line);
    }
  return total;
}

/* The weight of the parcel as typed so far (what is not a weight yet
 * counts for nothing) */
static gint64
parcel_grams (AcuFoodServeDialog *self)
{
  gint64 total = 0, grams;

  for (guint i = 0; i < self->weight_entries->len; i++)
    if (acu_decimal_from_user (gtk_editable_get_text (g_ptr_array_index (self->weight_entries, i)), 3, &grams)
        && grams > 0)
      total += grams;
  return total;
}

/* What is given, as it fills: the parcel's weight; the basket's total,
 * its participation and the month's right */
static void
update_totals (AcuFoodServeDialog *self)
{
  gint64 shelf = basket_shelf_cents (self);
  gint64 participation = acu_food_participation (shelf, self->rate_bp);
  g_autofree char *shelf_text = money (shelf);
  g_autofree char *participation_text = money (participation);
  g_autofree char *rate = rate_text (self->rate_bp);
  g_autofree char *total = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->right_label), current_mode (self) == ACU_FOOD_MODE_GROCERY);
  if (current_mode (self) == ACU_FOOD_MODE_PARCEL)
    {
      g_autofree char *weight = acu_figure_kind_format (ACU_FIGURE_GRAMS, parcel_grams (self));

      /* Translators: the weight of the parcel being served */
      total = g_strdup_printf (_("Parcel: %s"), weight);
      gtk_label_set_label (self->total_label, total);
      return;
    }
  /* Translators: the grocery basket: its shelf total, the rate, what the household pays */
  total = g_strdup_printf (_("Basket: %s · participation at %s: %s"), shelf_text, rate, participation_text);
  gtk_label_set_label (self->total_label, total);

  gtk_widget_remove_css_class (GTK_WIDGET (self->right_label), "error");
  if (self->status.right_cents < 0)
    gtk_label_set_label (self->right_label, _("No grocery right is recorded for this household."));
  else
    {
      gint64 left = self->status.right_cents - self->status.spent_cents - participation;
      g_autofree char *right = money (self->status.right_cents);
      g_autofree char *used = money (self->status.spent_cents);
      g_autofree char *line = NULL;

      if (left >= 0)
        {
          g_autofree char *left_text = money (left);

          /* Translators: the month's grocery right, what was used before this basket, what is left after it */
          line = g_strdup_printf (_("This month: right %s · used %s · left after this basket %s"),
                                  right, used, left_text);
        }
      else
        {
          g_autofree char *over = money (-left);

          /* Translators: the month's grocery right, what was used, how far this basket goes past it */
          line = g_strdup_printf (_("This month: right %s · used %s · this basket goes %s over"),
                                  right, used, over);
          gtk_widget_add_css_class (GTK_WIDGET (self->right_label), "error");
        }
      gtk_label_set_label (self->right_label, line);
    }
}

static void remove_line_clicked_cb (GtkButton          *button,
                                    AcuFoodServeDialog *self);

static void
rebuild_basket (AcuFoodServeDialog *self)
{
  acu_list_box_clear (self->basket_list);
  for (guint i = 0; i < self->basket->len; i++)
    {
      BasketEntry *entry = &g_array_index (self->basket, BasketEntry, i);
      AcuBasketLine line = { entry->category_id, entry->item, entry->price_cents, entry->quantity, entry->grams };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      const char *category = category_label_of (self, entry->category_id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *price = money (entry->price_cents);
      g_autofree char *amount = money (acu_basket_line_cents (&line));
      g_autofree char *escaped = NULL;

      /* Translators: a line of the basket: the item, then its category */
      title = entry->item ? g_strdup_printf (_("%s — %s"), entry->item, category) : g_strdup (category);
      if (entry->grams > 0)
        {
          g_autofree char *kg = acu_decimal_to_user (entry->grams, 3, 0);

          /* Translators: a line sold by weight: "1,5 kg × 3,00 € a kg = 4,50 €" */
          subtitle = g_strdup_printf (_("%s kg × %s a kg = %s"), kg, price, amount);
        }
      else
        /* Translators: a line sold by the piece: "2 × 1,20 € = 2,40 €" */
        subtitle = g_strdup_printf (_("%u × %s = %s"), entry->quantity, price, amount);
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      g_free (escaped);
      escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_set_tooltip_text (remove, _("Take Out of the Basket"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Take Out of the Basket"), -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "acu-line", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->basket_list, row);
    }
  update_totals (self);
  update_warnings (self);
}

static gboolean
remove_line_idle_cb (gpointer data)
{
  AcuFoodServeDialog *self = data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "acu-remove-line"));

  if (index < self->basket->len)
    g_array_remove_index (self->basket, index);
  rebuild_basket (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_row));
  return G_SOURCE_REMOVE;
}

/* Removed once the click is over: the row goes with its button */
static void
remove_line_clicked_cb (GtkButton          *button,
                        AcuFoodServeDialog *self)
{
  g_object_set_data (G_OBJECT (self), "acu-remove-line", g_object_get_data (G_OBJECT (button), "acu-line"));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, remove_line_idle_cb, g_object_ref (self), g_object_unref);
}

static void
clear_line_errors (AcuFoodServeDialog *self)
{
  show_label (self->line_error, NULL);
  entry_row_set_error (self->price_row, FALSE);
  entry_row_set_error (self->quantity_row, FALSE);
}

static gboolean
sold_by_weight (AcuFoodServeDialog *self)
{
  return adw_combo_row_get_selected (self->unit_row) == 1;
}

/* Reads the line being typed into the basket; its message and nothing
 * added when a field is wrong */
static gboolean
add_line (AcuFoodServeDialog *self)
{
  guint position = adw_combo_row_get_selected (self->category_row);
  g_autofree char *item = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->item_row))));
  const char *price_text = gtk_editable_get_text (GTK_EDITABLE (self->price_row));
  const char *quantity_text = gtk_editable_get_text (GTK_EDITABLE (self->quantity_row));
  BasketEntry entry = { 0 };
  gint64 amount;

  clear_line_errors (self);
  if (self->categories == NULL || position >= self->categories->len)
    return FALSE;
  entry.category_id = ((AcuGoodsCategory *) g_ptr_array_index (self->categories, position))->id;

  if (!acu_decimal_from_user (price_text, 2, &entry.price_cents) || entry.price_cents <= 0)
    {
      show_label (self->line_error, is_blank (price_text) || !acu_decimal_from_user (price_text, 2, &amount)
                                      ? _("Type the shelf price in euros, like 2,50.")
                                      : _("The shelf price must be more than 0 €."));
      entry_row_set_error (self->price_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->price_row));
      return FALSE;
    }
  if (sold_by_weight (self))
    {
      if (!acu_decimal_from_user (quantity_text, 3, &amount) || amount <= 0
          || amount > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
        {
          show_label (self->line_error, _("Type the weight in kg, more than 0 and at most 500 kg, like 1,5."));
          entry_row_set_error (self->quantity_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->quantity_row));
          return FALSE;
        }
      entry.grams = amount;
    }
  else
    {
      if (!acu_decimal_from_user (quantity_text, 0, &amount) || amount < 1 || amount > MAX_PIECES)
        {
          show_label (self->line_error, _("Type how many pieces, from 1 to 999."));
          entry_row_set_error (self->quantity_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->quantity_row));
          return FALSE;
        }
      entry.quantity = (guint) amount;
    }
  entry.item = *item != '\0' ? g_steal_pointer (&item) : NULL;
  g_array_append_val (self->basket, entry);

  /* The next line, most often of the same category and unit */
  gtk_editable_set_text (GTK_EDITABLE (self->item_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->price_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->quantity_row), "");
  show_label (self->error_label, NULL);
  rebuild_basket (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_row));
  return TRUE;
}

static void
add_line_clicked_cb (AcuFoodServeDialog *self)
{
  add_line (self);
}

static void serve (AcuFoodServeDialog *self);

/* Enter in a field of the line: adds it; with the line empty, serves */
static void
line_activated_cb (AcuFoodServeDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->item_row)) == '\0'
      && *gtk_editable_get_text (GTK_EDITABLE (self->price_row)) == '\0'
      && *gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)) == '\0'
      && self->basket->len > 0)
    {
      if (gtk_widget_get_sensitive (self->serve_button))
        serve (self);
      return;
    }
  add_line (self);
}

static void
unit_changed_cb (AcuFoodServeDialog *self)
{
  gboolean weight = sold_by_weight (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->price_row),
                                 weight ? _("Shelf price a kg (€)") : _("Shelf price a piece (€)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->quantity_row),
                                 weight ? _("Weight (kg)") : _("Quantity"));
  clear_line_errors (self);
}

/* The mode */

static void
focus_first_field (AcuFoodServeDialog *self)
{
  if (gtk_widget_get_visible (self->override_group))
    gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
  else if (current_mode (self) == ACU_FOOD_MODE_GROCERY)
    gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
  else if (self->weight_entries->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->weight_entries, 0));
  else
    gtk_widget_grab_focus (self->serve_button);
}

static void
mode_toggled_cb (AcuFoodServeDialog *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack,
                                    current_mode (self) == ACU_FOOD_MODE_GROCERY ? "grocery" : "parcel");
  show_label (self->error_label, NULL);
  update_warnings (self);
  update_totals (self);
}

/* Serving */

/* A weight typed in kg, as grams: FALSE, with the row's message, when it
 * is not a weight a household takes */
/* "-2" or "−2": a sign acu_decimal_from_user refuses, said apart */
static gboolean
starts_negative (const char *text)
{
  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return g_str_has_prefix (text, "-") || g_str_has_prefix (text, "−");
}

static gboolean
read_grams (AdwActionRow *row,
            GtkEditable  *entry,
            gint64       *grams)
{
  const char *text = gtk_editable_get_text (entry);

  row_set_error (row, NULL);
  *grams = 0;
  if (is_blank (text))
    return TRUE;
  if (starts_negative (text))
    row_set_error (row, _("A weight cannot be negative."));
  else if (!acu_decimal_from_user (text, 3, grams))
    row_set_error (row, _("Type a weight in kg, like 1,5."));
  else if (*grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
    row_set_error (row, _("At most 500 kg for one household."));
  else
    return TRUE;
  return FALSE;
}

/* An optional amount in euros, as cents; -1 when empty */
static gboolean
read_cents (AdwActionRow *row,
            GtkEditable  *entry,
            gint64       *cents)
{
  const char *text = gtk_editable_get_text (entry);

  row_set_error (row, NULL);
  *cents = -1;
  if (is_blank (text))
    return TRUE;
  if (starts_negative (text))
    row_set_error (row, _("An amount cannot be negative."));
  else if (!acu_decimal_from_user (text, 2, cents))
    row_set_error (row, _("Type an amount in euros, like 2,50."));
  else
    return TRUE;
  return FALSE;
}

/* The parcel as typed; the first wrong field gets the focus */
static gboolean
read_parcel (AcuFoodServeDialog  *self,
             GArray              *weights,
             AcuFoodServiceDraft *draft)
{
  GtkWidget *wrong = NULL;

  for (guint i = 0; i < self->weight_entries->len; i++)
    {
      GtkEditable *entry = g_ptr_array_index (self->weight_entries, i);
      AcuFoodWeight weight = { ((AcuGoodsCategory *) g_ptr_array_index (self->categories, i))->id, 0 };

      if (!read_grams (g_ptr_array_index (self->weight_rows, i), entry, &weight.grams))
        wrong = wrong ? wrong : GTK_WIDGET (entry);
      else if (weight.grams > 0)
        g_array_append_val (weights, weight);
    }
  if (!read_cents (self->value_row, self->value_entry, &draft->value_cents))
    wrong = wrong ? wrong : GTK_WIDGET (self->value_entry);
  if (!read_cents (self->paid_row, self->paid_entry, &draft->paid_cents))
    wrong = wrong ? wrong : GTK_WIDGET (self->paid_entry);
  if (wrong != NULL)
    {
      gtk_widget_grab_focus (wrong);
      return FALSE;
    }
  if (weights->len == 0)
    {
      show_label (self->error_label, _("Type the weight of at least one category."));
      gtk_widget_grab_focus (g_ptr_array_index (self->weight_entries, 0));
      return FALSE;
    }
  draft->weights = (const AcuFoodWeight *) (gpointer) weights->data;
  draft->n_weights = weights->len;
  return TRUE;
}

static void
serve (AcuFoodServeDialog *self)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (AcuFoodWeight));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (AcuBasketLine));
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  AcuFoodServiceDraft draft;

  show_label (self->error_label, NULL);
  show_label (self->override_error, NULL);
  entry_row_set_error (self->override_row, FALSE);
  if (!acu_store_is_identified (self->store))
    return;

  /* What stops the service may have changed since the dialog opened */
  update_warnings (self);
  if (self->warnings != ACU_FOOD_WARNING_NONE && !is_staff (self))
    return;

  draft_init (self, &draft, lines, FALSE);
  if (draft.mode == ACU_FOOD_MODE_PARCEL && !read_parcel (self, weights, &draft))
    return;
  if (draft.mode == ACU_FOOD_MODE_GROCERY && draft.n_lines == 0)
    {
      show_label (self->error_label, _("Add at least one line to the basket."));
      gtk_widget_grab_focus (GTK_WIDGET (self->item_row));
      return;
    }
  if (self->warnings != ACU_FOOD_WARNING_NONE)
    {
      reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->override_row))));
      if (*reason == '\0')
        {
          show_label (self->override_error, _("Say why you serve despite the warning: the reason is recorded."));
          entry_row_set_error (self->override_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
          return;
        }
      draft.override_reason = reason;
    }

  if (acu_food_serve (self->store, &draft, NULL, &error) == 0)
    {
      if (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN))
        update_warnings (self);
      show_label (self->error_label, error->message);
      return;
    }

  /* Translators: a toast after serving; %s is the person's name */
  message = g_strdup_printf (_("Food aid served to %s."), self->name);
  if (gtk_widget_get_root (self->from) != NULL)
    acu_widget_show_toast (self->from, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
serve_clicked_cb (AcuFoodServeDialog *self)
{
  serve (self);
}

/* Reading the household */

static void
add_parcel_rows (AcuFoodServeDialog *self,
                 GArray             *preset)
{
  for (guint i = 0; i < self->categories->len; i++)
    {
      AcuGoodsCategory *category = g_ptr_array_index (self->categories, i);
      /* Translators: the name of a weight field: "Dairy, in kg" */
      g_autofree char *accessible = g_strdup_printf (_("%s, in kg"), category_label (category));
      GtkEditable *entry;
      AdwActionRow *row = amount_row_new (category_label (category), C_("unit symbol", "kg"), accessible, &entry);
      gint64 grams = 0;

      for (guint j = 0; preset != NULL && j < preset->len; j++)
        if (g_array_index (preset, AcuFoodWeight, j).category_id == category->id)
          grams = g_array_index (preset, AcuFoodWeight, j).grams;
      if (grams > 0)
        {
          g_autofree char *text = acu_decimal_to_user (grams, 3, 0);

          gtk_editable_set_text (entry, text);
        }
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_totals), self);
      adw_preferences_group_add (self->parcel_group, GTK_WIDGET (row));
      g_ptr_array_add (self->weight_rows, row);
      g_ptr_array_add (self->weight_entries, entry);
    }
}

/* Parcel or grocery: @mode when the caller says (a distribution day's);
 * else the access's, else today's distribution's, else a parcel */
static AcuFoodMode
choose_mode (AcuFoodServeDialog *self,
             AcuFoodMode         mode)
{
  g_autofree char *today = NULL;
  g_autoptr(GArray) days = NULL;
  AcuFoodMode found = ACU_FOOD_MODE_BOTH;

  if (mode != ACU_FOOD_MODE_BOTH)
    return mode;
  if (self->status.state == ACU_FOOD_ACCESS_VALID && self->status.mode != ACU_FOOD_MODE_BOTH)
    return self->status.mode;
  today = acu_date_today ();
  days = acu_food_day_list (self->store, today, today, NULL);
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      AcuFoodDay *day = &g_array_index (days, AcuFoodDay, i);

      if (day->closed)
        continue;
      found = found == ACU_FOOD_MODE_BOTH || found == day->mode ? day->mode : ACU_FOOD_MODE_PARCEL;
    }
  return found == ACU_FOOD_MODE_GROCERY ? ACU_FOOD_MODE_GROCERY : ACU_FOOD_MODE_PARCEL;
}

static gboolean
load (AcuFoodServeDialog  *self,
      gint64               person_id,
      AcuFoodMode          mode,
      GError             **error)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GArray) preset = NULL;
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *heading = NULL;
  gint64 household_id;

  self->person = acu_person_get (self->store, person_id, error);
  if (self->person == NULL)
    return FALSE;
  household_id = acu_person_get_household_id (self->person);
  self->name = acu_person_dup_display_name (self->person);
  if (!acu_food_get_status (self->store, household_id, NULL, &self->status, error)
      || !acu_food_count_household (self->store, household_id, NULL, &self->household, error)
      || (self->categories = acu_goods_category_list (self->store, ACU_GOODS_KINDS_FOOD_AID, error)) == NULL)
    return FALSE;
  /* the rate the core counts the participation at */
  self->rate_bp = self->status.rate_bp;

  adw_window_title_set_subtitle (self->window_title, self->name);
  line = acu_food_status_dup_line (&self->status);
  persons = g_strdup_printf (ngettext ("%u person", "%u persons", self->household.persons), self->household.persons);
  g_string_append_printf (status, _("Household no. %lld"), (long long) household_id);
  g_string_append_printf (status, " · %s\n%s", persons, line);
  gtk_label_set_label (self->status_label, status->str);

  /* The parcel: the standard one of the household's size, by category */
  preset = acu_food_parcel_preset (self->store, MAX (self->household.persons, 1), NULL);
  add_parcel_rows (self, preset);
  /* Translators: the standard parcel, for a household of this many persons */
  heading = g_strdup_printf (ngettext ("The standard parcel for %u person is filled in: change the weights as needed.",
                                       "The standard parcel for %u persons is filled in: change the weights as needed.",
                                       self->household.persons),
                             self->household.persons);
  adw_preferences_group_set_description (self->parcel_group, heading);
  self->value_row = amount_row_new (_("Value (optional)"), "€", _("Value of the parcel, in euros"),
                                    &self->value_entry);
  adw_preferences_group_add (self->money_group, GTK_WIDGET (self->value_row));
  self->paid_row = amount_row_new (_("Participation paid (optional)"), "€",
                                   _("Participation paid, in euros"), &self->paid_entry);
  adw_preferences_group_add (self->money_group, GTK_WIDGET (self->paid_row));

  /* The basket's lines */
  for (guint i = 0; i < self->categories->len; i++)
    gtk_string_list_append (labels, category_label (g_ptr_array_index (self->categories, i)));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  acu_combo_row_name_rows (self->category_row);
  gtk_string_list_append (units, _("By the piece"));
  gtk_string_list_append (units, _("By weight"));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));
  acu_combo_row_name_rows (self->unit_row);

  /* The day's distribution decides the mode; otherwise a switch */
  gtk_widget_set_visible (self->mode_box, mode == ACU_FOOD_MODE_BOTH);
  if (choose_mode (self, mode) == ACU_FOOD_MODE_GROCERY)
    gtk_toggle_button_set_active (self->grocery_toggle, TRUE);
  mode_toggled_cb (self);
  update_totals (self);
  return TRUE;
}

/* GObject */

static void
basket_entry_clear (gpointer data)
{
  BasketEntry *entry = data;

  g_free (entry->item);
}

static void
acu_food_serve_dialog_dispose (GObject *object)
{
  AcuFoodServeDialog *self = ACU_FOOD_SERVE_DIALOG (object);

  g_clear_object (&self->from);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->weight_rows, g_ptr_array_unref);
  g_clear_pointer (&self->weight_entries, g_ptr_array_unref);
  g_clear_pointer (&self->basket, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACU_TYPE_FOOD_SERVE_DIALOG);
  G_OBJECT_CLASS (acu_food_serve_dialog_parent_class)->dispose (object);
}

static void
acu_food_serve_dialog_class_init (AcuFoodServeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_food_serve_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-food-serve-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, serve_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, warning_box);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, warning_hint);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, override_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, override_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, override_error);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, mode_box);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, parcel_toggle);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, grocery_toggle);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, parcel_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, money_group);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, line_error);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, basket_list);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, right_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodServeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, serve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);

  /* Escape closes without serving */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acu_food_serve_dialog_init (AcuFoodServeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->weight_rows = g_ptr_array_new ();
  self->weight_entries = g_ptr_array_new ();
  self->basket = g_array_new (FALSE, TRUE, sizeof (BasketEntry));
  g_array_set_clear_func (self->basket, basket_entry_clear);
}

/* Public API */

AcuFoodServeDialog *
acu_food_serve_dialog_present (GtkWidget   *from,
                               AcuStore    *store,
                               gint64       person_id,
                               AcuFoodMode  mode)
{
  GtkRoot *root;
  AcuFoodServeDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (ACU_IS_STORE (store), NULL);

  root = gtk_widget_get_root (from);
  self = g_object_new (ACU_TYPE_FOOD_SERVE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->from = g_object_ref (from);
  self->store = g_object_ref (store);
  if (!load (self, person_id, mode, &error))
    {
      acu_widget_show_toast (from, error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (self));
  focus_first_field (self);
  return self;
}
