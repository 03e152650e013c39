/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>
#include <X11/keysym.h>

#include "acu-application.h"
#include "acu-desk-people.h"
#include "acu-goods.h"
#include "acu-goods-lines.h"
#include "acu-goods-movement-dialog.h"
#include "acu-goods-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-test-keys.h"
#include "acu-ui-util.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* The vestiaire and the ressourcerie through the real widgets. A
 * volunteer receives a bag of women's clothes by its weight with the
 * keyboard alone (a figure typed wrong first: a message by its field,
 * nothing written), then ten pieces of men's clothing, moves four of
 * them to the storeroom, and is refused more than the stock (the message
 * shown, nothing written). Staff set a threshold on a row of the stock:
 * the category is short, and the sidebar's badge counts it. The database
 * and the page's stock rows are read after each step. */

#define SITE          "Tiers-lieu de Vic-Fezensac"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"
#define STAFF         "Paul Garcia"
#define STAFF_PW      "Autre-Secret!Astarac#77"
#define VOLUNTEER     "Monique Lafitte"
#define PIN           "2580"

typedef struct
{
  const char *lang;
  const char *women_bag;      /* the first stock row once the bag is in */
  const char *men_after;      /* men's clothing in the clothing room after the transfer */
  const char *men_storeroom;  /* and in the storeroom */
  const char *bad_pieces;     /* the form's message for letters in the pieces */
  const char *short_refused;  /* the core's, for a volunteer, 6 pieces left */
  const char *short_tag;
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "0 pieces · 7,5\u00a0kg", "6 pieces · 3,0\u00a0kg", "4 pieces · 2,0\u00a0kg",
    "Type a number of pieces, such as 3.",
    "Only 6 pieces of this category are in stock here. Ask a staff member: only staff may record more.",
    "Short" },
  { "fr", "0 pièce · 7,5\u00a0kg", "6 pièces · 3,0\u00a0kg", "4 pièces · 2,0\u00a0kg",
    "Saisissez un nombre de pièces, par exemple 3.",
    "Il ne reste ici que 6 pièces de cette catégorie. Demandez à un salarié\u00a0: lui seul peut en sortir "
    "davantage.",
    "Stock bas" },
  { "oc", "0 pèça · 7,5\u00a0kg", "6 pèças · 3,0\u00a0kg", "4 pèças · 2,0\u00a0kg",
    "Picatz un nombre de pèças, per exemple 3.",
    "Demòra pas aquí que 6 pèças d'aquesta categoria. Demandatz a un salariat : el sol ne pòt far sortir mai.",
    "Estòc bas" },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL
#define press acu_ui_test_press
#define type acu_ui_test_type

static gint64
query (AcuStore   *store,
       const char *sql)
{
  return acu_test_query_int (store, sql);
}

static GtkListBoxRow *
sidebar_row (AcuWindow  *window,
             const char *name)
{
  GtkListBox *sidebar = child (window, ACU_TYPE_WINDOW, "sidebar");

  for (int i = 0; gtk_list_box_get_row_at_index (sidebar, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }
  return NULL;
}

/* The widgets of @type under @widget, depth first */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (found, c);
      collect (c, type, found);
    }
}

/* The first widget named @name under @widget, or NULL */
static GtkWidget *
named (gpointer    widget,
       const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
        return c;
      if ((found = named (c, name)) != NULL)
        return found;
    }
  return NULL;
}

static gpointer
nth_of (gpointer widget,
        GType    type,
        guint    n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  ck_assert_msg (n < found->len, "no %s number %u", g_type_name (type), n);
  return g_ptr_array_index (found, n);
}

/* The sidebar's badge of @name, "" when hidden */
static const char *
badge_of (AcuWindow  *window,
          const char *name)
{
  GtkWidget *badge = named (sidebar_row (window, name), "sidebar-badge");

  ck_assert_ptr_nonnull (badge);
  return gtk_widget_get_visible (badge) ? gtk_label_get_label (GTK_LABEL (badge)) : "";
}

/* The @n-th row of the stock on hand */
static GtkWidget *
stock_row (AcuGoodsPage *page,
           guint         n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (page, ACU_TYPE_GOODS_PAGE, "stock_list"), n);

  ck_assert_ptr_nonnull (row);
  return GTK_WIDGET (row);
}

static const char *
stock_amount (AcuGoodsPage *page,
              guint         n)
{
  return gtk_label_get_label (GTK_LABEL (named (stock_row (page, n), "stock-amount")));
}

/* The open window of @type, or NULL */
static gpointer
find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
identify (AcuWindow  *window,
          const char *name,
          const char *secret)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock-desk", NULL);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  acu_ui_test_identify (window, name, secret);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
}

static void
show_goods (AcuWindow *window)
{
  g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated", sidebar_row (window, "goods"));
  ck_assert_str_eq (acu_window_get_visible_page (window), "goods");
}

static AcuGoodsMovementDialog *
open_dialog (AcuGoodsPage *page,
             const char   *action)
{
  AcuGoodsMovementDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
  WAIT_UNTIL ((dialog = find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG)) != NULL);
  return dialog;
}

static AcuGoodsLines *
lines_of (AcuGoodsMovementDialog *dialog)
{
  return nth_of (dialog, ACU_TYPE_GOODS_LINES, 0);
}

/* Records what @dialog shows: it closes, else says why */
static void
record (AcuGoodsMovementDialog *dialog)
{
  g_signal_emit_by_name (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"), "clicked");
  acu_ui_test_settle (100);
  if (find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG) != NULL)
    ck_abort_msg ("not recorded: %s / %s", acu_goods_lines_get_error (lines_of (dialog)),
                  gtk_label_get_label (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "general_error")));
}

#define MEN_IN_PLACE(place) \
  "SELECT pieces FROM goods_stock s JOIN goods_category c ON c.id = s.category_id " \
  "JOIN goods_place p ON p.id = s.place_id WHERE c.code = 'clothing-men' AND p.code = '" place "'"

START_TEST (test_goods_stock)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "vic.acuelh", NULL);
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  AcuGoodsMovementDialog *dialog;
  AcuGoodsPage *page;
  AcuWindow *window;
  AcuStore *open;
  gint64 men;

  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_int_gt (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error), 0);
  ck_assert_int_gt (acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error), 0);
  acu_store_close (store);
  g_clear_object (&store);

  acu_settings_set_delays (settings, 3600, 7200);
  acu_settings_set_last_database (settings, path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_editable_set_text (child (child (window, ACU_TYPE_WINDOW, "unlock_page"), ACU_TYPE_UNLOCK_PAGE, "password_row"),
                         COORD_PW);
  g_signal_emit_by_name (child (child (window, ACU_TYPE_WINDOW, "unlock_page"), ACU_TYPE_UNLOCK_PAGE, "unlock_button"),
                         "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  open = acu_window_get_store (window);
  men = query (open, "SELECT id FROM goods_category WHERE code = 'clothing-men'");

  /* A volunteer: the page, nothing short, no threshold to set */
  identify (window, VOLUNTEER, PIN);
  show_goods (window);
  page = child (window, ACU_TYPE_WINDOW, "goods_page");
  ck_assert_str_eq (badge_of (window, "goods"), "");
  /* the clothing room first: the food store, then it */
  ck_assert_uint_eq (gtk_drop_down_get_selected (child (page, ACU_TYPE_GOODS_PAGE, "place_dropdown")), 1);
  ck_assert_ptr_null (named (stock_row (page, 0), "threshold"));

  /* A bag of women's clothes, 7,5 kg, by the keys: the first line's
   * category is women's clothing; Tab, Tab to the weight; Enter records.
   * Letters in the pieces first: a message, nothing written. */
  acu_ui_test_point_at (GTK_WIDGET (window), 100, 100);
  dialog = open_dialog (page, "goods.receive");
  acu_ui_test_point_at (GTK_WIDGET (dialog), 100, 100);
  WAIT_UNTIL (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (dialog))));
  press (XK_Tab, 0);
  type ("ab");
  press (XK_Return, 0);
  WAIT_UNTIL (acu_goods_lines_get_error (lines_of (dialog)) != NULL);
  ck_assert_str_eq (acu_goods_lines_get_error (lines_of (dialog)), expected->bad_pieces);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement"), 0);
  press (XK_BackSpace, 0);
  press (XK_BackSpace, 0);
  press (XK_Tab, 0);
  type ("7");
  press (XK_comma, 0);
  type ("5");
  press (XK_Return, 0);
  WAIT_UNTIL (find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG) == NULL);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement"), 1);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement m JOIN goods_category c ON c.id = m.category_id "
                                 "JOIN goods_place p ON p.id = m.place_id WHERE c.code = 'clothing-women' "
                                 "AND p.code = 'vestiaire' AND m.pieces = 0 AND m.grams = 7500 AND m.direction = 1 "
                                 "AND m.reason = 'donation' AND m.source = 'donation'"), 1);
  /* the page's first row says so */
  acu_ui_test_settle (300);
  ck_assert_str_eq (stock_amount (page, 0), expected->women_bag);

  /* Ten pieces of men's clothing, not weighed: estimated, 500 g a piece */
  dialog = open_dialog (page, "goods.receive");
  acu_goods_lines_set_line (lines_of (dialog), 0, men, "10", NULL);
  record (dialog);
  ck_assert_int_eq (query (open, MEN_IN_PLACE ("vestiaire")), 10);

  /* Four of them to the storeroom */
  dialog = open_dialog (page, "goods.transfer");
  ck_assert_uint_eq (adw_combo_row_get_selected (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "place_row")), 1);
  ck_assert_uint_eq (adw_combo_row_get_selected (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "to_place_row")), 2);
  acu_goods_lines_set_line (lines_of (dialog), 0, men, "4", NULL);
  record (dialog);
  ck_assert_int_eq (query (open, MEN_IN_PLACE ("vestiaire")), 6);
  ck_assert_int_eq (query (open, MEN_IN_PLACE ("storeroom")), 4);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement WHERE reason = 'transfer' AND pieces = 4"), 2);
  WAIT_UNTIL (g_strcmp0 (stock_amount (page, 1), expected->men_after) == 0);
  gtk_drop_down_set_selected (child (page, ACU_TYPE_GOODS_PAGE, "place_dropdown"), 2);
  ck_assert_str_eq (stock_amount (page, 1), expected->men_storeroom);
  gtk_drop_down_set_selected (child (page, ACU_TYPE_GOODS_PAGE, "place_dropdown"), 1);

  /* Twenty out to a partner: more than the six left; refused, nothing
   * written, and no reason to give for a volunteer */
  dialog = open_dialog (page, "goods.out");
  acu_goods_lines_set_line (lines_of (dialog), 0, men, "20", NULL);
  g_signal_emit_by_name (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"), "clicked");
  ck_assert_str_eq (acu_goods_lines_get_error (lines_of (dialog)), expected->short_refused);
  ck_assert (!gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "forced_group")));
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement WHERE direction = -1 AND reason <> 'transfer'"), 0);
  ck_assert_int_eq (query (open, MEN_IN_PLACE ("vestiaire")), 6);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Staff: men's clothing short below 8 pieces (10 in all): not short;
   * below 12, short; the badge counts it */
  identify (window, STAFF, STAFF_PW);
  show_goods (window);
  {
    GtkWidget *threshold = named (stock_row (page, 1), "threshold");

    ck_assert_ptr_nonnull (threshold);
    gtk_editable_set_text (GTK_EDITABLE (threshold), "8");
    g_signal_emit_by_name (threshold, "activate");
  }
  ck_assert_int_eq (query (open, "SELECT low_pieces FROM goods_category WHERE code = 'clothing-men'"), 8);
  acu_ui_test_settle (100);
  ck_assert_str_eq (badge_of (window, "goods"), "");
  {
    GtkWidget *threshold = named (stock_row (page, 1), "threshold");

    gtk_editable_set_text (GTK_EDITABLE (threshold), "12");
    g_signal_emit_by_name (threshold, "activate");
  }
  ck_assert_int_eq (query (open, "SELECT low_pieces FROM goods_category WHERE code = 'clothing-men'"), 12);
  WAIT_UNTIL (g_str_equal (badge_of (window, "goods"), "1"));
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (named (stock_row (page, 1), "stock-short"))), expected->short_tag);
  ck_assert_ptr_null (named (stock_row (page, 0), "stock-short"));

  /* Staff may go beyond the stock, giving the reason */
  dialog = open_dialog (page, "goods.out");
  acu_goods_lines_set_line (lines_of (dialog), 0, men, "7", NULL);
  g_signal_emit_by_name (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "record_button"), "clicked");
  ck_assert (gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "forced_group")));
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement WHERE direction = -1 AND reason <> 'transfer'"), 0);
  gtk_editable_set_text (child (dialog, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "forced_row"), "Stock not counted since May");
  record (dialog);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_movement WHERE direction = -1 AND reason = 'partner' "
                                 "AND pieces = 7 AND forced_reason = 'Stock not counted since May'"), 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

int
main (int    argc,
      char **argv)
{
  AcuUiTestLanguage languages[G_N_ELEMENTS (expected_by_lang)];

  for (guint i = 0; i < G_N_ELEMENTS (expected_by_lang); i++)
    languages[i] = (AcuUiTestLanguage) { expected_by_lang[i].lang, &expected_by_lang[i] };
  return acu_ui_test_run ("goods-stock", test_goods_stock, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
