/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-stock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-goods-movement-dialog.h"
#include "acu-food-stock-page.h"
#include "acu-goods-correct.h"
#include "acu-goods.h"
#include "acu-report.h"
#include "acu-ui-util.h"

/* The food store (DESIGN.md, the goods ledger): stock on hand by food
 * category, read from the rows the ledger's trigger keeps; deliveries
 * and losses recorded in one form; the movements newest first, a page at
 * a time as the list scrolls; a movement corrected by staff (a new
 * movement cancels it), a month closed by a coordinator. */

#define PAGE_SIZE 50

struct _AcuFoodStockPage
{
  AcuPage            parent_instance;

  GtkFlowBox        *stock_box;
  GtkLabel          *error_label;
  GtkLabel          *movements_hint;
  GtkWidget         *delivery_button;
  GtkWidget         *close_month_button;
  GtkStack          *movements_stack;
  GtkListView       *movements_view;
  GListStore        *movements;         /* AcuGoodsMovement, the pages read */

  gboolean           complete;          /* every movement is read */
  gboolean           stale;             /* changed while not shown */
};

G_DEFINE_FINAL_TYPE (AcuFoodStockPage, acu_food_stock_page, ACU_TYPE_PAGE)

static gboolean
role_at_least (AcuFoodStockPage *self,
               AcuRole           role)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  return store != NULL && acu_store_is_identified (store) && acu_store_get_role (store) >= role;
}

static void
show_error (AcuFoodStockPage *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Stock on hand: a card a category, "Fruit and vegetables / 123,4 kg" */
static void
clear_stock (AcuFoodStockPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stock_box))) != NULL)
    gtk_flow_box_remove (self->stock_box, child);
}

static void
load_stock (AcuFoodStockPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) stock = NULL;
  g_autoptr(GError) error = NULL;

  clear_stock (self);
  if (store == NULL || !acu_store_is_identified (store))
    return;
  stock = acu_goods_stock (store, ACU_GOODS_KINDS_FOOD_AID, 0, &error);
  if (stock == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < stock->len; i++)
    {
      AcuGoodsStock *line = g_ptr_array_index (stock, i);
      g_autofree char *kg = acu_figure_kind_format (ACU_FIGURE_GRAMS, line->grams);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (line->category);
      GtkWidget *amount = gtk_label_new (kg);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "acu-stock-card");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, line->category);
      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (amount), 0);
      gtk_widget_add_css_class (amount, "title-3");
      if (line->grams < 0)
        gtk_widget_add_css_class (amount, "error");
      gtk_widget_set_name (amount, "stock-amount");
      gtk_box_append (GTK_BOX (card), name);
      gtk_box_append (GTK_BOX (card), amount);
      gtk_flow_box_append (self->stock_box, card);
      {
        /* One name for screen readers: "Dairy: 12,5 kg" */
        g_autofree char *label = g_strdup_printf (_("%s: %s"), line->category, kg);

        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
    }
}

/* The movements */

static void
load_movements (AcuFoodStockPage *self,
                gboolean          append)
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
  page = acu_goods_list (store, ACU_GOODS_KINDS_FOOD_AID, NULL, NULL, shown, PAGE_SIZE, &error);
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
movements_edge_reached_cb (AcuFoodStockPage *self,
                           GtkPositionType   position)
{
  if (position == GTK_POS_BOTTOM)
    load_movements (self, TRUE);
}

/* "12/03/2026 · Fruit and vegetables · +120,5 kg" */
static char *
goods_title_cb (GtkListItem      *item,
                AcuGoodsMovement *movement,
                gpointer          user_data)
{
  g_autofree char *day = NULL;
  g_autofree char *kg = NULL;

  if (movement == NULL)
    return g_strdup ("");
  day = acu_date_to_display (acu_goods_movement_get_day (movement));
  kg = acu_figure_kind_format (ACU_FIGURE_GRAMS, acu_goods_movement_get_grams (movement));
  /* Translators: a movement of the food store: "12/03/2026 · Dairy · +12,5 kg" (in) or "− 12,5 kg" (out) */
  return g_strdup_printf (acu_goods_movement_get_direction (movement) > 0 ? _("%s · %s · +%s") : _("%s · %s · −%s"),
                          day, acu_goods_movement_get_category (movement), kg);
}

/* "Delivery · FSE+ products · lot L-2026-14, expires 30/04/2026 · corrected" */
static char *
goods_details_cb (GtkListItem      *item,
                  AcuGoodsMovement *movement,
                  gpointer          user_data)
{
  GString *details;
  const char *lot, *expiry;

  if (movement == NULL)
    return g_strdup ("");
  details = g_string_new (acu_goods_movement_get_description (movement));
  lot = acu_goods_movement_get_lot (movement);
  expiry = acu_goods_movement_get_expiry (movement);
  if (lot != NULL)
    g_string_append_printf (details, " · %s %s", _("lot"), lot);
  if (expiry != NULL)
    {
      g_autofree char *display = acu_date_to_display (expiry);

      g_string_append_printf (details, " · %s %s", _("expires"), display);
    }
  if (acu_goods_movement_get_estimated (movement))
    g_string_append_printf (details, " · %s", _("weight estimated"));
  if (acu_goods_movement_get_corrected (movement))
    g_string_append_printf (details, " · %s", _("cancelled by a correction"));
  return g_string_free (details, FALSE);
}

/* A correction, confirmed: staff only (the core refuses the others) */

static void
correct_error_cb (AcuPage    *page,
                  const char *message)
{
  show_error (ACU_FOOD_STOCK_PAGE (page), message);
}

static void
movement_activated_cb (AcuFoodStockPage *self,
                       guint             position)
{
  g_autoptr(AcuGoodsMovement) movement = g_list_model_get_item (G_LIST_MODEL (self->movements), position);
  g_autofree char *title = NULL;

  if (movement == NULL || !role_at_least (self, ACU_ROLE_STAFF))
    return;
  title = goods_title_cb (NULL, movement, NULL);
  acu_goods_correct_ask (ACU_PAGE (self), movement, title, correct_error_cb);
}

/* Deliveries and losses */

static void
recorded_cb (AcuGoodsMovementDialog *dialog,
             guint                  n,
             AcuFoodStockPage      *self)
{
  g_autofree char *message = g_strdup_printf (ngettext ("%u movement recorded.", "%u movements recorded.", n), n);

  show_error (self, NULL);
  acu_page_show_toast (ACU_PAGE (self), message);
}

static void
open_movement_dialog (AcuFoodStockPage    *self,
                      AcuGoodsMovementKind  kind)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  AcuGoodsMovementDialog *dialog;

  if (store == NULL || !acu_store_is_identified (store))
    return;
  dialog = acu_goods_movement_dialog_new (GTK_WIDGET (self), store, kind, 0);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delivery_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_movement_dialog (ACU_FOOD_STOCK_PAGE (widget), ACU_GOODS_MOVEMENT_FOOD_DELIVERY);
}

static void
loss_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_movement_dialog (ACU_FOOD_STOCK_PAGE (widget), ACU_GOODS_MOVEMENT_FOOD_LOSS);
}

/* Closing a month, confirmed: coordinators only */

static void
close_month_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AcuFoodStockPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  GtkDropDown *months = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GStrv codes = g_object_get_data (G_OBJECT (dialog), "months");
  guint selected = gtk_drop_down_get_selected (months);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "close") || store == NULL || selected >= g_strv_length (codes))
    return;
  if (!acu_goods_close_month (store, codes[selected], &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  {
    GtkStringObject *label = gtk_drop_down_get_selected_item (months);
    g_autofree char *message = g_strdup_printf (_("%s is closed: its movements will never change."),
                                                gtk_string_object_get_string (label));

    acu_page_show_toast (ACU_PAGE (self), message);
  }
}

static void
close_month_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcuFoodStockPage *self = ACU_FOOD_STOCK_PAGE (widget);
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  AdwMessageDialog *dialog;
  GtkWidget *months;

  if (store == NULL || !role_at_least (self, ACU_ROLE_COORDINATOR))
    return;
  /* The twelve months before this one, the last first */
  for (int back = 1; back <= 12; back++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (now, -back);
      g_autofree char *code = g_date_time_format (month, "%Y-%m");
      g_autofree char *name = NULL;
      AcuPeriod period;

      acu_period_init_month (&period, g_date_time_get_year (month), g_date_time_get_month (month));
      name = acu_period_get_label (&period);
      if (acu_goods_month_is_closed (store, code, NULL))
        {
          g_autofree char *closed = g_strdup_printf (_("%s (closed)"), name);

          gtk_string_list_append (labels, closed);
        }
      else
        gtk_string_list_append (labels, name);
      g_ptr_array_add (codes, g_steal_pointer (&code));
    }
  g_ptr_array_add (codes, NULL);
  months = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (months), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Close a Month?"),
                                                       _("Its movements will never change: no delivery, loss or "
                                                         "correction can be dated in it afterwards. Close a month "
                                                         "once its stock is counted and its figures reported.")));
  adw_message_dialog_set_extra_child (dialog, months);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("_Close the Month"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "months", g_ptr_array_free (codes, FALSE), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_month_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* AcuPage */

static void
update_for_role (AcuFoodStockPage *self)
{
  gboolean staff = role_at_least (self, ACU_ROLE_STAFF);

  gtk_widget_set_visible (self->close_month_button, role_at_least (self, ACU_ROLE_COORDINATOR));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stock.close-month", role_at_least (self, ACU_ROLE_COORDINATOR));
  gtk_label_set_label (self->movements_hint,
                       staff ? _("Newest first. To correct a movement, choose it: a new movement cancels it.")
                             : _("Newest first. Staff correct a movement recorded wrong."));
}

/* Read again now if shown, else when it is (every service at the desk
 * changes the stock) */
static void
reload (AcuFoodStockPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  update_for_role (self);
  if (store == NULL || !acu_store_is_identified (store) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nothing of the data stays behind: it is read again when shown */
      g_list_store_remove_all (self->movements);
      clear_stock (self);
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  show_error (self, NULL);
  load_stock (self);
  load_movements (self, FALSE);
}

static void
acu_food_stock_page_map (GtkWidget *widget)
{
  AcuFoodStockPage *self = ACU_FOOD_STOCK_PAGE (widget);

  GTK_WIDGET_CLASS (acu_food_stock_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
acu_food_stock_page_areas_changed (AcuPage  *page,
                                   AcuAreas  area)
{
  reload (ACU_FOOD_STOCK_PAGE (page));
}

static void
acu_food_stock_page_store_changed (AcuPage  *page,
                                   AcuStore *store)
{
  reload (ACU_FOOD_STOCK_PAGE (page));
}

static void
acu_food_stock_page_activate (AcuPage *page)
{
  /* The work starts with food received */
  gtk_widget_grab_focus (ACU_FOOD_STOCK_PAGE (page)->delivery_button);
}

static void
acu_food_stock_page_class_init (AcuFoodStockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  widget_class->map = acu_food_stock_page_map;
  page_class->store_changed = acu_food_stock_page_store_changed;
  page_class->areas_changed = acu_food_stock_page_areas_changed;
  page_class->activate = acu_food_stock_page_activate;

  /* the .ui names it */
  g_type_ensure (ACU_TYPE_GOODS_MOVEMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-food-stock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, stock_box);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, movements_hint);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, delivery_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, close_month_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, movements_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, movements_view);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodStockPage, movements);
  gtk_widget_class_bind_template_callback (widget_class, movements_edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, movement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, goods_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, goods_details_cb);
  acu_list_rows_bind_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "stock.delivery", NULL, delivery_action);
  gtk_widget_class_install_action (widget_class, "stock.loss", NULL, loss_action);
  gtk_widget_class_install_action (widget_class, "stock.close-month", NULL, close_month_action);
}

static void
acu_food_stock_page_init (AcuFoodStockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
