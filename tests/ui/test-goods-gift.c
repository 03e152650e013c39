/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "acu-application.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-goods.h"
#include "acu-goods-gift-dialog.h"
#include "acu-reception-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-test-keys.h"
#include "acu-unlock-page.h"
#include "acu-visits.h"
#include "acu-window.h"

/* Giving clothes at the desk, with the keyboard, as a volunteer does it:
 * the person found with four letters, Enter; Alt and the area's letter;
 * Down twice to children's clothes, Tab, 3 pieces, Enter. Eleven keys.
 * The database is read back (the visit with its reason clothing, the
 * movement "given" with the household, the clothing room's stock down by
 * 3) and so is what the page shows after (the line of the person picked,
 * today's visits); then Undo, from the page's toast, takes the visit and
 * the gift back together. A volunteer asking beyond the stock is refused
 * with the core's message, and nothing is written; staff give it with a
 * reason, after an empty reason is refused. Real key presses go
 * through the X server (XTest); run in French and in Occitan. */

#define SITE         "Tiers-lieu de Fleurance"
#define COORDINATOR  "Hélène Martin"
#define COORD_PW     "Tr3s-Secret!Gers#2026"
#define STAFF        "Paul Garcia"
#define STAFF_PW     "Autre-Secret!Astarac#77"
#define VOLUNTEER    "Monique Lafitte"
#define PIN          "2580"

typedef struct
{
  const char *lang;
  KeySym      give_key;       /* the mnemonic of Give Clothes or Goods */
  const char *given_line;     /* the goods area's line for Jean, after */
  const char *visit_details;  /* today's row of Jean's visit */
  const char *undo;           /* the toast's button */
  const char *short_message;  /* 5 in stock, a volunteer asking for 9 */
  const char *pieces_error;   /* "0" pieces */
} Expected;

static const Expected expected_by_lang[] = {
  { "en", XK_c, "Given today: 3 × Clothing for children", "Clothing · logged by Monique Lafitte", "_Undo",
    "Only 5 pieces of this category are in stock here.", "Type a number of pieces, from 1 to 9999." },
  { "fr", XK_v, "Donné aujourd’hui\u00a0: 3 × Vêtements enfants", "Vêtements · noté par Monique Lafitte",
    "Ann_uler", "Il ne reste ici que 5 pièces de cette catégorie.",
    "Saisissez un nombre de pièces, de 1 à 9999." },
  { "oc", XK_v, "Donat uèi : 3 × Vestits enfants", "Vestits · notat per Monique Lafitte", "_Desfar",
    "Demòra pas aquí que 5 pèças d'aquesta categoria.", "Picatz un nombre de pèças, de 1 a 9999." },
};

static const Expected *expected;

#define child acu_ui_test_child
#define settle acu_ui_test_settle
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

#define press acu_ui_test_press
#define type acu_ui_test_type
#define key_presses acu_ui_test_key_presses

/* For screenshots (tools/shot): ACU_TEST_PAUSE=dialog or page holds the
 * screen there for 20 s */
static void
pause_at (const char *where)
{
  if (g_strcmp0 (g_getenv ("ACU_TEST_PAUSE"), where) == 0)
    settle (20000);
}

static void
point_at (GtkWidget *window)
{
  acu_ui_test_point_at (window, 100, 100);
}

/* The gift dialog shown, or NULL */
static AcuGoodsGiftDialog *
gift_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ACU_IS_GOODS_GIFT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The button labelled @label under @widget (the toast's Undo), or NULL */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0
          && gtk_widget_get_mapped (c))
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* The first visible error label of the dialog's lines, or NULL */
static const char *
line_error (AcuGoodsGiftDialog *dialog)
{
  GtkWidget *box = child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "lines_box");
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (line);

  ck_assert (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static const char *
who_subtitle (gpointer reception)
{
  return adw_action_row_get_subtitle (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_row"));
}

static void
pick (AcuReceptionPage *reception,
      const char       *letters)
{
  GtkWidget *results = child (reception, ACU_TYPE_RECEPTION_PAGE, "results_list");

  type (letters);
  WAIT_UNTIL (gtk_widget_get_visible (results));
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_list")));
}

static gint64
household_of (AcuStore *store,
              gint64    person_id)
{
  g_autoptr(AcuPerson) person = acu_person_get (store, person_id, NULL);

  ck_assert_ptr_nonnull (person);
  return acu_person_get_household_id (person);
}

static gint64
category_id (AcuStore   *store,
             const char *code)
{
  g_autoptr(GPtrArray) list = acu_goods_category_list (store, ACU_GOODS_KINDS_SECOND_HAND, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_strcmp0 (((AcuGoodsCategory *) g_ptr_array_index (list, i))->code, code) == 0)
      return ((AcuGoodsCategory *) g_ptr_array_index (list, i))->id;
  ck_abort_msg ("no category %s", code);
  return 0;
}

static gint64
place_id (AcuStore   *store,
          const char *code)
{
  g_autoptr(GPtrArray) list = acu_goods_place_list (store, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_strcmp0 (((AcuGoodsPlace *) g_ptr_array_index (list, i))->code, code) == 0)
      return ((AcuGoodsPlace *) g_ptr_array_index (list, i))->id;
  ck_abort_msg ("no place %s", code);
  return 0;
}

/* The pieces of @category in stock at @place */
static gint64
stock_of (AcuStore *store,
          gint64    place,
          gint64    category)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stock = acu_goods_stock (store, ACU_GOODS_KINDS_SECOND_HAND, place, &error);

  ck_assert_msg (stock != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < stock->len; i++)
    if (((AcuGoodsStock *) g_ptr_array_index (stock, i))->category_id == category)
      return ((AcuGoodsStock *) g_ptr_array_index (stock, i))->pieces;
  return 0;
}

static gint64
clothing_reason (AcuStore *store)
{
  g_autoptr(GPtrArray) reasons = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, NULL);

  for (guint i = 0; i < reasons->len; i++)
    if (g_strcmp0 (((AcuCatalogueEntry *) g_ptr_array_index (reasons, i))->code, "clothing") == 0)
      return ((AcuCatalogueEntry *) g_ptr_array_index (reasons, i))->id;
  ck_abort_msg ("no clothing reason");
  return 0;
}

static guint
visits_today (AcuStore *store)
{
  g_autofree char *today = acu_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = acu_visit_list_day (store, today, &error);

  ck_assert_msg (visits != NULL, "%s", error ? error->message : "");
  return visits->len;
}

START_TEST (test_goods_gift)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "fleurance.acuelh", NULL);
  g_autofree char *today = acu_date_today ();
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { 0 };
  AcuWindow *window;
  AcuUnlockPage *unlock_page;
  AcuReceptionPage *reception;
  AcuGoodsGiftDialog *dialog;
  AcuStore *desk;
  gint64 jean, marie, jean_household, children, vestiaire;

  /* The site: a coordinator and a volunteer; Jean Dupuis and Marie
   * Lefèvre; 5 pieces of children's clothes in the clothing room */
  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_int_gt (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error), 0);
  ck_assert_int_gt (acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error), 0);
  draft.first_name = "Jean";
  draft.last_name = "Dupuis";
  jean = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (jean, 0);
  draft.first_name = "Marie";
  draft.last_name = "Lefèvre";
  marie = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (marie, 0);
  jean_household = household_of (store, jean);
  children = category_id (store, "clothing-children");
  vestiaire = place_id (store, "vestiaire");
  {
    AcuGoodsDraft in = { .place_id = vestiaire, .category_id = children, .direction = 1,
                         .reason = ACU_GOODS_DONATION, .pieces = 5, .grams = -1, .value_cents = -1 };

    ck_assert_msg (acu_goods_record (store, &in, &error) > 0, "%s", error ? error->message : "");
  }
  ck_assert_int_eq (stock_of (store, vestiaire, children), 5);
  acu_store_close (store);
  g_clear_object (&store);

  /* The coordinator opens the desk; the volunteer identifies */
  acu_settings_set_last_database (acu_application_get_settings (acu_ui_test_app), path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock-desk", NULL);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  acu_ui_test_identify (window, VOLUNTEER, PIN);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  desk = acu_window_get_store (window);
  reception = child (window, ACU_TYPE_WINDOW, "reception_page");
  point_at (GTK_WIDGET (window));

  /* Jean: four letters, Enter; Alt+V; Down, Down, Tab, 3, Enter. Eleven keys. */
  key_presses = 0;
  pick (reception, "dupu");
  /* nothing given yet: the goods area says nothing */
  ck_assert_msg (strstr (who_subtitle (reception), expected->given_line) == NULL, "%s", who_subtitle (reception));
  press (expected->give_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = gift_dialog ()) != NULL);
  point_at (GTK_WIDGET (dialog));
  /* the clothing room, the first category focused */
  ck_assert_uint_eq (adw_combo_row_get_selected (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "place_row")), 1);
  press (XK_Down, 0);
  press (XK_Down, 0);
  press (XK_Tab, 0);
  type ("3");
  pause_at ("dialog");
  press (XK_Return, 0);
  WAIT_UNTIL (gift_dialog () == NULL);
  ck_assert_uint_eq (key_presses, 11);

  /* The database: the visit for clothing, the movement given, the stock */
  {
    g_autoptr(GPtrArray) visits = acu_visit_list_day (desk, today, &error);
    g_autoptr(GPtrArray) given = acu_goods_list_household (desk, jean_household, 0, 100, &error);
    AcuGoodsMovement *movement;
    const gint64 *ids;
    guint n;

    ck_assert_uint_eq (visits->len, 1);
    ck_assert_int_eq (acu_visit_get_person_id (g_ptr_array_index (visits, 0)), jean);
    ck_assert_str_eq (acu_visit_get_logged_by (g_ptr_array_index (visits, 0)), VOLUNTEER);
    ids = acu_visit_get_reason_ids (g_ptr_array_index (visits, 0), &n);
    ck_assert_uint_eq (n, 1);
    ck_assert_int_eq (ids[0], clothing_reason (desk));
    ck_assert_uint_eq (given->len, 1);
    movement = g_ptr_array_index (given, 0);
    ck_assert_int_eq (acu_goods_movement_get_reason (movement), ACU_GOODS_GIVEN);
    ck_assert_int_eq (acu_goods_movement_get_direction (movement), -1);
    ck_assert_int_eq (acu_goods_movement_get_category_id (movement), children);
    ck_assert_int_eq (acu_goods_movement_get_pieces (movement), 3);
    ck_assert_int_eq (acu_goods_movement_get_household_id (movement), jean_household);
    ck_assert_int_eq (stock_of (desk, vestiaire, children), 2);
  }

  /* What the page shows after: the line of the person, today's visit */
  {
    GtkListView *today_view = child (reception, ACU_TYPE_RECEPTION_PAGE, "today_view");

    WAIT_UNTIL (strstr (who_subtitle (reception), expected->given_line) != NULL);
    WAIT_UNTIL (acu_ui_test_row_label (today_view, 0, 1) != NULL);
    ck_assert_msg (g_str_has_suffix (acu_ui_test_row_label (today_view, 0, 0), "  Jean DUPUIS"), "%s",
                   acu_ui_test_row_label (today_view, 0, 0));
    ck_assert_str_eq (acu_ui_test_row_label (today_view, 0, 1), expected->visit_details);
    ck_assert_str_eq (gtk_label_get_text (child (reception, ACU_TYPE_RECEPTION_PAGE, "visits_count")), "1");
    pause_at ("page");
  }

  /* Undo, from the toast: the visit and the gift go, the stock is back */
  {
    GtkWidget *undo;

    WAIT_UNTIL ((undo = find_button (GTK_WIDGET (window), expected->undo)) != NULL);
    g_signal_emit_by_name (undo, "clicked");
    WAIT_UNTIL (g_str_equal (gtk_label_get_text (child (reception, ACU_TYPE_RECEPTION_PAGE, "visits_count")), "0"));
    ck_assert_uint_eq (visits_today (desk), 0);
    ck_assert_int_eq (stock_of (desk, vestiaire, children), 5);
    WAIT_UNTIL (strstr (who_subtitle (reception), expected->given_line) == NULL);
  }

  /* Marie: a volunteer asking 9 pieces of the 5 is refused, nothing written */
  point_at (GTK_WIDGET (window));
  press (XK_Escape, 0);
  WAIT_UNTIL (!gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_list")));
  pick (reception, "lefe");
  press (expected->give_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = gift_dialog ()) != NULL);
  point_at (GTK_WIDGET (dialog));
  press (XK_Down, 0);
  press (XK_Down, 0);
  press (XK_Tab, 0);
  /* 0 pieces first: said next to the line */
  type ("0");
  press (XK_Return, 0);
  WAIT_UNTIL (line_error (dialog) != NULL);
  ck_assert_str_eq (line_error (dialog), expected->pieces_error);
  ck_assert_ptr_eq (gift_dialog (), dialog);
  press (XK_BackSpace, 0);
  type ("9");
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "short_box")));
  ck_assert_msg (g_str_has_prefix (gtk_label_get_text (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "short_label")),
                                   expected->short_message),
                 "%s", gtk_label_get_text (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "short_label")));
  /* no reason to give for a volunteer: only staff may force it */
  ck_assert (!gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "reason_group")));
  ck_assert_ptr_null (line_error (dialog));
  ck_assert_ptr_eq (gift_dialog (), dialog);
  ck_assert_uint_eq (visits_today (desk), 0);
  ck_assert_int_eq (stock_of (desk, vestiaire, children), 5);
  press (XK_Escape, 0);
  WAIT_UNTIL (gift_dialog () == NULL);
  ck_assert_uint_eq (visits_today (desk), 0);
  ck_assert_int_eq (stock_of (desk, vestiaire, children), 5);
  {
    g_autoptr(GPtrArray) given = acu_goods_list_household (desk, household_of (desk, marie), 0, 100, &error);

    ck_assert_uint_eq (given->len, 0);
  }

  /* Staff give her the 9 all the same, with a reason */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock-desk", NULL);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  acu_ui_test_identify (window, STAFF, STAFF_PW);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  desk = acu_window_get_store (window);
  point_at (GTK_WIDGET (window));
  pick (reception, "lefe");
  press (expected->give_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = gift_dialog ()) != NULL);
  point_at (GTK_WIDGET (dialog));
  press (XK_Down, 0);
  press (XK_Down, 0);
  press (XK_Tab, 0);
  type ("9");
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "reason_group")));
  ck_assert (gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "short_box")));
  ck_assert_int_eq (stock_of (desk, vestiaire, children), 5);
  /* the reason has the focus: Enter with none is refused next to it */
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (dialog, ACU_TYPE_GOODS_GIFT_DIALOG, "reason_error")));
  ck_assert_ptr_eq (gift_dialog (), dialog);
  ck_assert_uint_eq (visits_today (desk), 0);
  type ("urgence");
  press (XK_Return, 0);
  WAIT_UNTIL (gift_dialog () == NULL);
  ck_assert_uint_eq (visits_today (desk), 1);
  ck_assert_int_eq (stock_of (desk, vestiaire, children), -4);
  {
    g_autoptr(GPtrArray) given = acu_goods_list_household (desk, household_of (desk, marie), 0, 100, &error);

    ck_assert_uint_eq (given->len, 1);
    ck_assert_int_eq (acu_goods_movement_get_pieces (g_ptr_array_index (given, 0)), 9);
  }

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
  return acu_ui_test_run ("goods-gift", test_goods_gift, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
