/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-goods-correct.h"
#include "acu-goods-movement-dialog.h"
#include "acu-goods-page.h"
#include "acu-goods.h"
#include "acu-report.h"
#include "acu-ui-util.h"

/* The vestiaire and the ressourcerie (DESIGN.md, the goods ledger):
 * clothes, furniture and household goods. The stock on hand of a place
 * (or of every place) by category, a category below its threshold marked
 * short, the threshold set by staff on its row; goods received, out or
 * moved between places in one form (AcuGoodsMovementDialog); the
 * movements newest first, a page at a time, corrected by staff. The
 * sidebar's badge counts the short categories. */

#define PAGE_SIZE 50

struct _AcuGoodsPage
{
  AcuPage            parent_instance;

  GtkWidget         *receive_button;
  GtkDropDown       *place_dropdown;
  GtkLabel          *error_label;
  GtkLabel          *stock_hint;
  GtkListBox        *stock_list;
  GtkLabel          *movements_hint;
  GtkStack          *movements_stack;
  GListStore        *movements;         /* AcuGoodsMovement, the pages read */

  GArray            *place_ids;         /* gint64, the dropdown's: 0 for every place */
  gboolean           loading_places;
  gboolean           complete;          /* every movement is read */
  gboolean           stale;             /* changed while not shown */
};

G_DEFINE_FINAL_TYPE (AcuGoodsPage, acu_goods_page, ACU_TYPE_PAGE)

static gboolean
role_at_least (AcuGoodsPage *self,
               AcuRole       role)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  return store != NULL && acu_store_is_identified (store) && acu_store_get_role (store) >= role;
}

static void
show_error (AcuGoodsPage *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gint64
selected_place (AcuGoodsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->place_dropdown);

  return i < self->place_ids->len ? g_array_index (self->place_ids, gint64, i) : 0;
}

/* The places, the one chosen kept; the clothing room first chosen */
static void
load_places (AcuGoodsPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  gint64 chosen = self->place_ids->len > 0 ? selected_place (self) : -1;
  guint selected = 0;

  self->loading_places = TRUE;
  g_array_set_size (self->place_ids, 0);
  if (store != NULL && acu_store_is_identified (store))
    {
      places = acu_goods_place_list (store, &error);
      if (places == NULL)
        show_error (self, error->message);
    }
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      AcuGoodsPlace *place = g_ptr_array_index (places, i);

      gtk_string_list_append (labels, place->label);
      g_array_append_val (self->place_ids, place->id);
      if (place->id == chosen || (chosen == -1 && g_strcmp0 (place->code, "vestiaire") == 0))
        selected = i;
    }
  {
    gint64 all = 0;

    gtk_string_list_append (labels, _("All places"));
    g_array_append_val (self->place_ids, all);
    if (chosen == 0)
      selected = self->place_ids->len - 1;
  }
  gtk_drop_down_set_model (self->place_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->place_dropdown, selected);
  self->loading_places = FALSE;
}

/* Stock on hand: a row a category, "Trousers · 12 pieces · 3,5 kg",
 * marked short below its threshold; staff set the threshold on the row */

static void
threshold_activate_cb (GtkEntry     *entry,
                       AcuGoodsPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  gint64 category_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "category-id"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  gint64 low = 0;

  if (store == NULL)
    return;
  if (*text != '\0' && !acu_decimal_from_user (text, 0, &low))
    {
      show_error (self, _("The threshold is a number of pieces, from 1 to 100 000, or empty for none."));
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  if (!acu_goods_category_set_low_pieces (store, category_id, low, &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  show_error (self, NULL);
  acu_page_show_toast (ACU_PAGE (self), _("Threshold saved."));
}

static GtkWidget *
stock_row_new (AcuGoodsPage        *self,
               const AcuGoodsStock *line,
               gint64               low_pieces,
               gboolean             staff)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kg = acu_figure_kind_format (ACU_FIGURE_GRAMS, line->grams);
  g_autofree char *pieces = g_strdup_printf (g_dngettext (NULL, "%lld piece", "%lld pieces", line->pieces),
                                             (long long) line->pieces);
  g_autofree char *amount = g_strdup_printf (_("%s · %s"), pieces, kg);
  g_autofree char *escaped = g_markup_escape_text (line->category, -1);
  g_autofree char *accessible = NULL;
  gboolean is_short = low_pieces > 0 && line->pieces < low_pieces;
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_set_name (row, "stock-row");
  gtk_widget_set_name (label, "stock-amount");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  if (is_short)
    {
      GtkWidget *tag = gtk_label_new (_("Short"));

      gtk_widget_set_name (tag, "stock-short");
      gtk_widget_add_css_class (tag, "acu-sidebar-badge");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (row, "acu-short");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  if (low_pieces > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (NULL, "Short below %lld piece",
                                                                "Short below %lld pieces", low_pieces),
                                                   (long long) low_pieces);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  if (staff)
    {
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *name = g_strdup_printf (_("Threshold of %s, in pieces"), line->category);

      gtk_widget_set_name (entry, "threshold");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 4);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "—");
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (entry, _("Short below this many pieces (Enter saves; empty: no threshold)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (low_pieces > 0)
        {
          g_autofree char *text = g_strdup_printf ("%lld", (long long) low_pieces);

          gtk_editable_set_text (GTK_EDITABLE (entry), text);
        }
      g_object_set_data (G_OBJECT (entry), "category-id", GSIZE_TO_POINTER ((gsize) line->category_id));
      g_signal_connect_object (entry, "activate", G_CALLBACK (threshold_activate_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
    }
  /* One name for screen readers: "Trousers: 12 pieces · 3,5 kg, short" */
  accessible = is_short ? g_strdup_printf (_("%s: %s, short"), line->category, amount)
                        : g_strdup_printf (_("%s: %s"), line->category, amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
load_stock (AcuGoodsPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) stock = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) lows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  gboolean staff = role_at_least (self, ACU_ROLE_STAFF);

  acu_list_box_clear (self->stock_list);
  if (store == NULL || !acu_store_is_identified (store))
    return;
  stock = acu_goods_stock (store, ACU_GOODS_KINDS_SECOND_HAND, selected_place (self), &error);
  if (stock == NULL || (categories = acu_goods_category_list (store, ACU_GOODS_KINDS_SECOND_HAND, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      AcuGoodsCategory *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (lows, g_memdup2 (&category->id, sizeof (gint64)),
                           g_memdup2 (&category->low_pieces, sizeof (gint64)));
    }
  for (guint i = 0; i < stock->len; i++)
    {
      AcuGoodsStock *line = g_ptr_array_index (stock, i);
      gint64 *low = g_hash_table_lookup (lows, &line->category_id);

      gtk_list_box_append (self->stock_list, stock_row_new (self, line, low ? *low : 0, staff));
    }
}

/* The movements */

static void
load_movements (AcuGoodsPage *self,
                gboolean      append)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = append ? g_list_model_get_n_items (G_LIST_MODEL (self->movements)) : 0;

  if (!append)
    {
      g_list_store_remove_all (self->movements);
      self->complete = FALSE;
    }
  if (store == NULL || !acu_store_is_identified (store) || self->complete)
    {
      gtk_stack_set_visible_child_name (self->movements_stack, shown > 0 ? "list" : "empty");
      return;
    }
  page = acu_goods_list (store, ACU_GOODS_KINDS_SECOND_HAND, NULL, NULL, shown, PAGE_SIZE, &error);
  if (page == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_list_store_splice (self->movements, shown, 0, page->pdata, page->len);
  self->complete = page->len < PAGE_SIZE;
  gtk_stack_set_visible_child_name (self->movements_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->movements)) > 0 ? "list"
                                                                                                   : "empty");
}

static void
movements_edge_reached_cb (AcuGoodsPage    *self,
                           GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    load_movements (self, TRUE);
}

/* "12/03/2026 · Trousers · +12 pieces, 3,5 kg" */
static char *
goods_title_cb (GtkListItem      *item,
                AcuGoodsMovement *movement,
                gpointer          user_data)
{
  g_autofree char *day = NULL;
  g_autofree char *kg = NULL;
  g_autofree char *amount = NULL;
  gint64 pieces;

  if (movement == NULL)
    return g_strdup ("");
  day = acu_date_to_display (acu_goods_movement_get_day (movement));
  kg = acu_figure_kind_format (ACU_FIGURE_GRAMS, acu_goods_movement_get_grams (movement));
  pieces = acu_goods_movement_get_pieces (movement);
  if (pieces > 0)
    /* Translators: pieces and weight of a movement: "12 pieces, 3,5 kg" */
    amount = g_strdup_printf (g_dngettext (NULL, "%lld piece, %s", "%lld pieces, %s", pieces), (long long) pieces, kg);
  else
    amount = g_strdup (kg);
  /* Translators: a movement of clothes or goods: "12/03/2026 · Trousers · +12 pieces, 3,5 kg" (in) or "−" (out) */
  return g_strdup_printf (acu_goods_movement_get_direction (movement) > 0 ? _("%s · %s · +%s") : _("%s · %s · −%s"),
                          day, acu_goods_movement_get_category (movement), amount);
}

/* "Donation · weight estimated · cancelled by a correction" */
static char *
goods_details_cb (GtkListItem      *item,
                  AcuGoodsMovement *movement,
                  gpointer          user_data)
{
  GString *details;

  if (movement == NULL)
    return g_strdup ("");
  details = g_string_new (acu_goods_movement_get_description (movement));
  if (acu_goods_movement_get_estimated (movement))
    g_string_append_printf (details, " · %s", _("weight estimated"));
  if (acu_goods_movement_get_corrected (movement))
    g_string_append_printf (details, " · %s", _("cancelled by a correction"));
  return g_string_free (details, FALSE);
}

static void
correct_error_cb (AcuPage    *page,
                  const char *message)
{
  show_error (ACU_GOODS_PAGE (page), message);
}

static void
movement_activated_cb (AcuGoodsPage *self,
                       guint         position)
{
  g_autoptr(AcuGoodsMovement) movement = g_list_model_get_item (G_LIST_MODEL (self->movements), position);
  g_autofree char *title = NULL;

  if (movement == NULL || !role_at_least (self, ACU_ROLE_STAFF))
    return;
  title = goods_title_cb (NULL, movement, NULL);
  acu_goods_correct_ask (ACU_PAGE (self), movement, title, correct_error_cb);
}

/* Goods in, out, moved */

static void
recorded_cb (AcuGoodsMovementDialog *dialog,
             guint                   n,
             AcuGoodsPage           *self)
{
  g_autofree char *message = g_strdup_printf (ngettext ("%u movement recorded.", "%u movements recorded.", n), n);

  show_error (self, NULL);
  acu_page_show_toast (ACU_PAGE (self), message);
}

static void
open_movement_dialog (AcuGoodsPage         *self,
                      AcuGoodsMovementKind  kind)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  AcuGoodsMovementDialog *dialog;

  if (store == NULL || !acu_store_is_identified (store))
    return;
  dialog = acu_goods_movement_dialog_new (GTK_WIDGET (self), store, kind, selected_place (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_movement_dialog (ACU_GOODS_PAGE (widget), ACU_GOODS_MOVEMENT_IN);
}

static void
out_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_movement_dialog (ACU_GOODS_PAGE (widget), ACU_GOODS_MOVEMENT_OUT);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_movement_dialog (ACU_GOODS_PAGE (widget), ACU_GOODS_MOVEMENT_TRANSFER);
}

/* AcuPage */

static void
update_for_role (AcuGoodsPage *self)
{
  gboolean staff = role_at_least (self, ACU_ROLE_STAFF);

  gtk_label_set_label (self->stock_hint,
                       staff ? _("A category is short below its threshold: type it on its row, then Enter.")
                             : _("A category is short below the threshold staff set."));
  gtk_label_set_label (self->movements_hint,
                       staff ? _("Newest first. To correct a movement, choose it: a new movement cancels it.")
                             : _("Newest first. Staff correct a movement recorded wrong."));
}

/* Read again now if shown, else when it is */
static void
reload (AcuGoodsPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  update_for_role (self);
  if (store == NULL || !acu_store_is_identified (store) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nothing of the data stays behind: it is read again when shown */
      g_list_store_remove_all (self->movements);
      acu_list_box_clear (self->stock_list);
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  show_error (self, NULL);
  load_places (self);
  load_stock (self);
  load_movements (self, FALSE);
}

static void
place_changed_cb (AcuGoodsPage *self)
{
  if (!self->loading_places)
    load_stock (self);
}

static void
acu_goods_page_map (GtkWidget *widget)
{
  AcuGoodsPage *self = ACU_GOODS_PAGE (widget);

  GTK_WIDGET_CLASS (acu_goods_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
acu_goods_page_areas_changed (AcuPage  *page,
                              AcuAreas  area)
{
  reload (ACU_GOODS_PAGE (page));
}

static void
acu_goods_page_store_changed (AcuPage  *page,
                              AcuStore *store)
{
  AcuGoodsPage *self = ACU_GOODS_PAGE (page);

  /* Another desk, another person: the clothing room first */
  g_array_set_size (self->place_ids, 0);
  reload (self);
}

/* The sidebar's badge: how many categories are short */
static guint
acu_goods_page_get_badge (AcuPage  *page,
                          char    **description)
{
  guint n = acu_goods_count_short (acu_page_get_store (page), ACU_GOODS_KINDS_SECOND_HAND, NULL);

  *description = g_strdup_printf (ngettext ("%u category short", "%u categories short", n), n);
  return n;
}

static void
acu_goods_page_activate (AcuPage *page)
{
  /* The work starts with goods received */
  gtk_widget_grab_focus (ACU_GOODS_PAGE (page)->receive_button);
}

static void
acu_goods_page_finalize (GObject *object)
{
  AcuGoodsPage *self = ACU_GOODS_PAGE (object);

  g_array_unref (self->place_ids);
  G_OBJECT_CLASS (acu_goods_page_parent_class)->finalize (object);
}

static void
acu_goods_page_class_init (AcuGoodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  object_class->finalize = acu_goods_page_finalize;
  widget_class->map = acu_goods_page_map;
  page_class->store_changed = acu_goods_page_store_changed;
  page_class->areas_changed = acu_goods_page_areas_changed;
  page_class->activate = acu_goods_page_activate;
  page_class->get_badge = acu_goods_page_get_badge;

  /* the .ui names it */
  g_type_ensure (ACU_TYPE_GOODS_MOVEMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-goods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, receive_button);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, stock_hint);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, stock_list);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, movements_hint);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, movements_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuGoodsPage, movements);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, movements_edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, movement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, goods_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, goods_details_cb);
  acu_list_rows_bind_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "goods.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "goods.out", NULL, out_action);
  gtk_widget_class_install_action (widget_class, "goods.transfer", NULL, transfer_action);
}

static void
acu_goods_page_init (AcuGoodsPage *self)
{
  self->place_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
