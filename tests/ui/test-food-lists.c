/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-catalogue-editor.h"
#include "acu-goods-movement-dialog.h"
#include "acu-food-preferences-page.h"
#include "acu-food-stock-page.h"
#include "acu-preferences-window.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-util.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* The lists of food aid in Preferences, through the real widgets: a
 * coordinator, with the Food Stock page open behind, adds a food
 * category, gives it a weight per piece (words and too heavy first: a
 * message under its row, nothing written), renames it, and adds a fixed
 * charge to the budget lines, which have no Delete button. The stock
 * page shows the new category without being opened again, and so does
 * the form of a delivery. The database is read after each step. */

#define SITE          "Tiers-lieu de Mirande"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"

typedef struct
{
  const char *lang;
  const char *fruit;            /* the first default category, translated */
  const char *add_food;         /* the title of the row that adds one */
  const char *add_charge;
  const char *hygiene_section;  /* the subtitle of the hygiene category's row */
  const char *grams_typed;      /* the interface's message: not a number */
  const char *grams_range;      /* the core's: too heavy */
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Fruit and vegetables", "Add a food category", "Add a fixed charge",
    "Non-food: hygiene and cleaning",
    "Type the weight of one piece in whole grams, such as 500, or leave it empty if it is always weighed.",
    "The weight of one piece must be between 1 g and 50 000 g." },
  { "fr", "Fruits et légumes", "Ajouter une catégorie alimentaire", "Ajouter une charge fixe",
    "Non alimentaire\u00a0: hygiène et entretien",
    "Tapez le poids d’une pièce en grammes entiers, par exemple 500, ou laissez vide si elle est toujours pesée.",
    "Le poids d’une pièce doit être compris entre 1\u00a0g et 50\u00a0000\u00a0g." },
  { "oc", "Fruchas e legums", "Apondre una categoria alimentària", "Apondre una carga fixa",
    "Pas alimentari : igièna e entreten",
    "Picatz lo pes d’una pèça en gramas entièrs, per exemple 500, o daissatz void se es totjorn pesada.",
    "Lo pes d’una pèça deu èsser entre 1 g e 50 000 g." },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

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

static void
show_area (AcuWindow  *window,
           const char *name)
{
  g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated", sidebar_row (window, name));
  ck_assert_str_eq (acu_window_get_visible_page (window), name);
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

static guint
count_of (gpointer widget,
          GType    type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  return found->len;
}

/* The row of the entry @title in a group of Preferences, or NULL */
static AdwActionRow *
row_titled (gpointer    group,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The entry of the weight of a piece in @row */
static GtkEditable *
grams_entry (AdwActionRow *row)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect (GTK_WIDGET (row), GTK_TYPE_ENTRY, entries);
  ck_assert_uint_eq (entries->len, 1);
  ck_assert_str_eq (gtk_widget_get_name (g_ptr_array_index (entries, 0)), "grams-per-piece");
  return g_ptr_array_index (entries, 0);
}

/* The message shown under @row, or NULL */
static const char *
message_under (gpointer row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (next == NULL || g_strcmp0 (gtk_widget_get_name (next), "field-error") != 0)
    return NULL;
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  return acu_field_error_get_message (next);
}

/* The name on the @n-th card of the stock (its first label) */
static const char *
stock_card (AcuFoodStockPage *page,
            guint             n)
{
  GtkWidget *box = child (page, ACU_TYPE_FOOD_STOCK_PAGE, "stock_box");
  GtkFlowBoxChild *card = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (box), n);

  if (card == NULL)
    return NULL;
  return gtk_label_get_label (nth_of (gtk_flow_box_child_get_child (card), GTK_TYPE_LABEL, 0));
}

static void
apply_grams (AdwActionRow *row,
             const char   *text)
{
  GtkEditable *entry = grams_entry (row);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

START_TEST (test_food_lists)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "mirande.acuelh", NULL);
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  AcuPreferencesWindow *preferences;
  AcuFoodPreferencesPage *food;
  AcuCatalogueEditor *categories, *budget;
  AcuGoodsMovementDialog *movement;
  AcuFoodStockPage *stock_page;
  AcuUnlockPage *unlock_page;
  AdwActionRow *row;
  AdwEntryRow *add;
  AcuWindow *window;
  AcuStore *open;

  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  acu_store_close (store);
  g_clear_object (&store);

  acu_settings_set_delays (settings, 3600, 7200);
  acu_settings_set_last_database (settings, path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  open = acu_window_get_store (window);

  /* The stock, behind: the nine categories of migration 5 */
  show_area (window, "food-stock");
  stock_page = child (window, ACU_TYPE_WINDOW, "food_stock_page");
  ck_assert_str_eq (stock_card (stock_page, 0), expected->fruit);
  ck_assert_ptr_nonnull (stock_card (stock_page, 8));
  ck_assert_ptr_null (stock_card (stock_page, 9));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_window (ACU_TYPE_PREFERENCES_WINDOW);
  ck_assert_ptr_nonnull (preferences);
  food = child (preferences, ACU_TYPE_PREFERENCES_WINDOW, "food_page");
  categories = child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "categories_group");
  budget = child (food, ACU_TYPE_FOOD_PREFERENCES_PAGE, "budget_group");

  /* Food, then hygiene and cleaning, each section with its row to add */
  ck_assert_uint_eq (count_of (categories, ADW_TYPE_ACTION_ROW), 9);
  row = nth_of (categories, ADW_TYPE_ACTION_ROW, 0);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected->fruit);
  ck_assert_str_eq (gtk_editable_get_text (grams_entry (row)), "1000");
  ck_assert_str_eq (adw_action_row_get_subtitle (nth_of (categories, ADW_TYPE_ACTION_ROW, 8)),
                    expected->hygiene_section);
  add = nth_of (categories, ADW_TYPE_ENTRY_ROW, 0);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (add)), expected->add_food);

  /* A food category added */
  gtk_editable_set_text (GTK_EDITABLE (add), "Conserves");
  g_signal_emit_by_name (add, "apply");
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_category WHERE label = 'Conserves' AND kind = 'food' "
                                 "AND grams_per_piece IS NULL AND hidden = 0"), 1);
  ck_assert_int_eq (query (open, "SELECT count(*) FROM audit WHERE action = 'food-categories-changed'"), 1);
  WAIT_UNTIL (row_titled (categories, "Conserves") != NULL);
  row = row_titled (categories, "Conserves");
  /* last of the food section, before hygiene */
  ck_assert_ptr_eq (row, nth_of (categories, ADW_TYPE_ACTION_ROW, 8));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (nth_of (categories, ADW_TYPE_ENTRY_ROW, 0))), "");
  /* up, down, rename, delete */
  ck_assert_uint_eq (count_of (row, GTK_TYPE_BUTTON), 4);

  /* Its weight per piece: words, then too heavy, then 400 g */
  apply_grams (row, "quatre cents");
  ck_assert_str_eq (message_under (row), expected->grams_typed);
  apply_grams (row, "60000");
  ck_assert_str_eq (message_under (row), expected->grams_range);
  ck_assert_int_eq (query (open, "SELECT grams_per_piece IS NULL FROM goods_category WHERE label = 'Conserves'"), 1);
  /* (held: the rows are built again once the store tells the change) */
  g_object_ref (row);
  apply_grams (row, "400");
  ck_assert_int_eq (query (open, "SELECT grams_per_piece FROM goods_category WHERE label = 'Conserves'"), 400);
  ck_assert_ptr_null (message_under (row));
  WAIT_UNTIL (row_titled (categories, "Conserves") != row);
  g_object_unref (row);
  row = row_titled (categories, "Conserves");
  ck_assert_str_eq (gtk_editable_get_text (grams_entry (row)), "400");

  /* The stock page behind shows it already: after hygiene, by position */
  ck_assert_str_eq (stock_card (stock_page, 9), "Conserves");

  /* Renamed through its dialog */
  g_signal_emit_by_name (nth_of (row, GTK_TYPE_BUTTON, 2), "clicked");
  {
    AdwMessageDialog *dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);

    ck_assert_ptr_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Conserves et bocaux");
    adw_message_dialog_response (dialog, "rename");
  }
  ck_assert_int_eq (query (open, "SELECT count(*) FROM goods_category WHERE label = 'Conserves et bocaux'"), 1);
  ck_assert_str_eq (stock_card (stock_page, 9), "Conserves et bocaux");
  WAIT_UNTIL (row_titled (categories, "Conserves et bocaux") != NULL);

  /* A fixed charge: the second section of the budget lines; no line
   * is ever deleted, so no row has a Delete button */
  add = nth_of (budget, ADW_TYPE_ENTRY_ROW, 1);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (add)), expected->add_charge);
  ck_assert_uint_eq (count_of (nth_of (budget, ADW_TYPE_ACTION_ROW, 0), GTK_TYPE_BUTTON), 3);
  gtk_editable_set_text (GTK_EDITABLE (add), "Mutuelle");
  g_signal_emit_by_name (add, "apply");
  ck_assert_int_eq (query (open, "SELECT count(*) FROM budget_label WHERE label = 'Mutuelle' AND kind = 'charge'"),
                    1);
  WAIT_UNTIL (row_titled (budget, "Mutuelle") != NULL);
  ck_assert_ptr_eq (row_titled (budget, "Mutuelle"), nth_of (budget, ADW_TYPE_ACTION_ROW, 12));
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The form of a delivery offers it, last */
  gtk_widget_activate_action (GTK_WIDGET (stock_page), "stock.delivery", NULL);
  movement = find_window (ACU_TYPE_GOODS_MOVEMENT_DIALOG);
  ck_assert_ptr_nonnull (movement);
  {
    GtkWidget *group = child (movement, ACU_TYPE_GOODS_MOVEMENT_DIALOG, "categories_group");

    ck_assert_uint_eq (count_of (group, ADW_TYPE_ENTRY_ROW), 10);
    ck_assert_str_eq (adw_preferences_row_get_title (nth_of (group, ADW_TYPE_ENTRY_ROW, 9)), "Conserves et bocaux");
  }
  gtk_widget_activate_action (GTK_WIDGET (movement), "window.close", NULL);

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
  return acu_ui_test_run ("food-lists", test_food_lists, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
