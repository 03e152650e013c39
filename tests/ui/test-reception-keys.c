/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "acu-application.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-reception-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-test-keys.h"
#include "acu-unlock-page.h"
#include "acu-visits.h"
#include "acu-window.h"

/* The reception desk with the keyboard alone, as a volunteer uses it: real
 * key presses go through the X server (XTest) to the window under Xvfb.
 * An anonymous visit in 2 key presses, a known person found with 4
 * letters, Enter, a reason key, Enter; then the database is read back.
 * Run in French and in Occitan (ACU_TEST_LANGUAGE). */

#define SITE     "Tiers-lieu de Fleurance"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

typedef struct
{
  const char *lang;
  const char *reception_title;
  const char *first_reason;    /* the first toggle button's label */
  const char *household;       /* what the household area says, then the visits area */
  const char *first_visit;
  const char *last_visit;
  const char *no_food;         /* then the food aid area, last */
  KeySym      household_key;   /* the mnemonic of the household area's action */
  const char *known_details;   /* the subtitle of Jean Dupuis's row today */
  const char *core_title;      /* the row of the visit logged through the core */
  const char *core_details;
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Reception", "1  Food aid", "Household no. 1 · 1 adult\n", "First visit", "Last visit: ", "No food aid access", XK_h,
    "Clothing · logged by Hélène Martin",
    "00:01  Anonymous", "Coffee, meeting people · logged by Hélène Martin" },
  { "fr", "Accueil", "1  Aide alimentaire", "Foyer n°\u00A01 · 1 adulte\n", "Premier passage",
    "Dernier passage\u00A0: ", "Pas d’accès à l’aide alimentaire", XK_f,
    "Vêtements · noté par Hélène Martin",
    "00:01  Anonyme", "Café, rencontres · noté par Hélène Martin" },
  { "oc", "Acuèlh", "1  Ajuda alimentària", "Ostal n°\u00A01 · 1 adult\n", "Primièr passatge",
    "Darrièr passatge : ", "Pas d’accès a l’ajuda alimentària", XK_o,
    "Vestits · notat per Hélène Martin",
    "00:01  Anonim", "Cafè, rescontres · notat per Hélène Martin" },
};

static const Expected *expected;

#define child acu_ui_test_child
#define settle acu_ui_test_settle
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

/* The person picked, as the areas of the desk describe them */
static const char *
who_subtitle (gpointer reception)
{
  return adw_action_row_get_subtitle (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_row"));
}

#define press acu_ui_test_press
#define type acu_ui_test_type
#define key_presses acu_ui_test_key_presses

static void
point_at (GtkWidget *window)
{
  acu_ui_test_point_at (window, 200, 200);
}

/* The button of a row (or its descendants) that acts through @action */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action) == 0)
        return c;
      if ((found = find_button (c, action)) != NULL)
        return found;
    }
  return NULL;
}

static gint64
reason_id (AcuStore   *store,
           const char *code)
{
  g_autoptr(GPtrArray) reasons = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (reasons, i);

      if (g_strcmp0 (entry->code, code) == 0)
        return entry->id;
    }
  ck_abort_msg ("no reason %s", code);
  return 0;
}

static guint
visits_today (AcuWindow *window)
{
  g_autofree char *today = acu_date_today ();
  g_autoptr(GPtrArray) visits = acu_visit_list_day (acu_window_get_store (window), today, NULL);

  return visits ? visits->len : 0;
}

START_TEST (test_keyboard_visits)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "fleurance.acuelh", NULL);
  g_autofree char *today = acu_date_today ();
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  AcuWindow *window;
  AcuUnlockPage *unlock_page;
  AcuReceptionPage *reception;
  GtkListBox *results;
  AcuVisitCounts counts;
  gint64 dupuis, helene;
  AcuPersonDraft draft = { 0 };
  AcuVisit *anonymous, *known;
  guint n;
  const gint64 *ids;

  /* A database with two people, made through the core */
  store = acu_store_create (path, SITE, PERSON, PASSWORD, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  draft.first_name = "Jean";
  draft.last_name = "Dupuis";
  dupuis = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (dupuis, 0);
  draft.first_name = "Hélène";
  draft.last_name = "Dupont-Martin";
  helene = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (helene, 0);
  acu_store_close (store);
  g_clear_object (&store);

  /* Unlock it in the application */
  acu_settings_set_last_database (acu_application_get_settings (acu_ui_test_app), path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_str_eq (acu_window_get_visible_page (window), "unlock");
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), PASSWORD);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  ck_assert_str_eq (adw_window_title_get_title (child (window, ACU_TYPE_WINDOW, "page_title")),
                    expected->reception_title);

  reception = child (window, ACU_TYPE_WINDOW, "reception_page");
  {
    GtkFlowBox *reasons = child (reception, ACU_TYPE_RECEPTION_PAGE, "reasons_box");
    GtkWidget *button = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (reasons, 0));

    ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))),
                      expected->first_reason);
  }
  point_at (GTK_WIDGET (window));
  ck_assert_uint_eq (visits_today (window), 0);
  ck_assert (gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "today_placeholder")));

  /* Anonymous, food aid: "1" then Alt+A, two key presses */
  key_presses = 0;
  press (XK_1, 0);
  press (XK_a, XK_Alt_L);
  WAIT_UNTIL (visits_today (window) == 1);
  ck_assert_uint_eq (key_presses, 2);

  /* A known person: four letters, Enter to pick, "2" for clothing, Enter */
  key_presses = 0;
  results = child (reception, ACU_TYPE_RECEPTION_PAGE, "results_list");
  type ("dupu");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (results)));
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_list")));
  /* each area of the desk says its line: the household, the reception
   * log, food aid */
  ck_assert_msg (g_str_has_prefix (who_subtitle (reception), expected->household), "%s", who_subtitle (reception));
  {
    g_autofree char *lines = g_strconcat (expected->first_visit, "\n", expected->no_food, NULL);

    ck_assert_msg (g_str_has_suffix (who_subtitle (reception), lines), "%s", who_subtitle (reception));
  }
  press (XK_2, 0);
  press (XK_Return, 0);
  WAIT_UNTIL (visits_today (window) == 2);
  ck_assert_uint_eq (key_presses, 7);

  /* Accents and case folded: "helene" finds Hélène first */
  type ("helene");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (results)));
  {
    AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 0));

    ck_assert_str_eq (adw_preferences_row_get_title (row), "Hélène DUPONT-MARTIN");
  }
  press (XK_Escape, 0);
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (results)));

  /* No reason chosen: nothing is logged, a message says why */
  type ("dupont");
  press (XK_Return, 0);
  press (XK_Return, 0);
  settle (300);
  ck_assert_uint_eq (visits_today (window), 2);
  ck_assert (gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "log_error")));

  /* A write the page did not make (Undo, another page, the people of the
   * desk): the page follows the core's change notification alone */
  {
    gint64 reason = reason_id (acu_window_get_store (window), "coffee");
    AcuVisitDraft visit_draft = { .day = today, .time = "00:01", .reason_ids = &reason, .n_reasons = 1 };
    GtkListView *today_view = child (reception, ACU_TYPE_RECEPTION_PAGE, "today_view");
    GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (today_view));
    GtkToggleButton *first;

    ck_assert_int_gt (acu_visit_log (acu_window_get_store (window), &visit_draft, &error), 0);
    ck_assert_str_eq (gtk_label_get_text (child (reception, ACU_TYPE_RECEPTION_PAGE, "visits_count")), "3");
    ck_assert_str_eq (gtk_label_get_text (child (reception, ACU_TYPE_RECEPTION_PAGE, "anonymous_count")), "2");
    ck_assert_uint_eq (g_list_model_get_n_items (rows), 3);
    ck_assert (!gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "today_placeholder")));
    /* The rows drawn, latest first: Jean Dupuis (logged with the keys, at
     * the time of day), the anonymous visit, the one at 00:01 */
    WAIT_UNTIL (g_strcmp0 (acu_ui_test_row_label (today_view, 2, 0), expected->core_title) == 0);
    ck_assert_msg (g_str_has_suffix (acu_ui_test_row_label (today_view, 0, 0), "  Jean DUPUIS"), "first row: %s",
                   acu_ui_test_row_label (today_view, 0, 0));
    ck_assert_str_eq (acu_ui_test_row_label (today_view, 0, 1), expected->known_details);
    ck_assert_str_eq (acu_ui_test_row_label (today_view, 2, 1), expected->core_details);
    ck_assert_ptr_null (acu_ui_test_nth_row (today_view, 3));

    /* Its Delete button acts on that visit (its id, through the page's
     * action); the visit is then put back through the core */
    {
      g_autoptr(AcuVisit) at_0001 = g_list_model_get_item (rows, 2);
      GtkWidget *delete = find_button (acu_ui_test_nth_row (today_view, 2), "reception.delete-visit");

      ck_assert_str_eq (acu_visit_get_time (at_0001), "00:01");
      ck_assert_ptr_nonnull (delete);
      ck_assert_int_eq (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (delete))),
                        acu_visit_get_id (at_0001));
      g_signal_emit_by_name (delete, "clicked");
      WAIT_UNTIL (visits_today (window) == 2);
      ck_assert_uint_eq (g_list_model_get_n_items (rows), 2);
      WAIT_UNTIL (acu_ui_test_nth_row (today_view, 2) == NULL);
      ck_assert (acu_visit_restore (acu_window_get_store (window), at_0001, &error));
      ck_assert_uint_eq (g_list_model_get_n_items (rows), 3);
      WAIT_UNTIL (g_strcmp0 (acu_ui_test_row_label (today_view, 2, 0), expected->core_title) == 0);
    }

    /* The keyboard goes through the rows as it did through the list box:
     * Down from a row's Change button to the next row (named after its
     * title), Tab into its buttons */
    gtk_widget_grab_focus (find_button (acu_ui_test_nth_row (today_view, 0), "reception.edit-visit"));
    press (XK_Down, 0);
    ck_assert (gtk_root_get_focus (GTK_ROOT (window)) == acu_ui_test_nth_row (today_view, 1));
    press (XK_Tab, 0);
    ck_assert (gtk_root_get_focus (GTK_ROOT (window))
               == find_button (acu_ui_test_nth_row (today_view, 1), "reception.edit-visit"));
    gtk_widget_grab_focus (child (reception, ACU_TYPE_RECEPTION_PAGE, "search_entry"));

    ck_assert (acu_catalogue_rename (acu_window_get_store (window), ACU_CATALOGUE_REASON,
                                     reason_id (acu_window_get_store (window), "food-aid"), "Colis", &error));
    first = GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (
      gtk_flow_box_get_child_at_index (child (reception, ACU_TYPE_RECEPTION_PAGE, "reasons_box"), 0)));
    ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (first)))), "1  Colis");
  }

  /* Picked again: the visits area has today's visit; the household
   * area's action, Alt and its mnemonic, opens the household */
  press (XK_Escape, 0);
  type ("dupu");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (results)));
  press (XK_Return, 0);
  WAIT_UNTIL (gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_list")));
  {
    g_autofree char *display = acu_date_to_display (today);
    g_autofree char *last = g_strconcat (expected->last_visit, display, "\n", expected->no_food, NULL);

    ck_assert_msg (g_str_has_suffix (who_subtitle (reception), last), "%s", who_subtitle (reception));
  }
  press (expected->household_key, XK_Alt_L);
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (child (window, ACU_TYPE_WINDOW, "content_stack")),
                         "people") == 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The database, read back through the core */
  store = acu_store_open (path, PERSON, PASSWORD, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert (acu_visit_count (store, today, today, &counts, &error));
  ck_assert_uint_eq (counts.visits, 3);
  ck_assert_uint_eq (counts.persons, 1);
  ck_assert_uint_eq (counts.households, 1);
  ck_assert_uint_eq (counts.anonymous, 2);
  visits = acu_visit_list_day (store, today, &error);
  ck_assert_uint_eq (visits->len, 3);
  /* leave out the visit logged through the core, at 00:01 */
  for (guint i = 0; i < visits->len; i++)
    if (g_str_equal (acu_visit_get_time (g_ptr_array_index (visits, i)), "00:01"))
      g_ptr_array_remove_index (visits, i--);
  ck_assert_uint_eq (visits->len, 2);
  /* Latest first: Jean Dupuis, then the anonymous visit */
  known = g_ptr_array_index (visits, 0);
  anonymous = g_ptr_array_index (visits, 1);
  if (acu_visit_get_person_id (known) == 0)
    {
      AcuVisit *swap = known;

      known = anonymous;
      anonymous = swap;
    }
  ck_assert_int_eq (acu_visit_get_person_id (known), dupuis);
  ids = acu_visit_get_reason_ids (known, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (ids[0], reason_id (store, "clothing"));
  ck_assert_str_eq (acu_visit_get_logged_by (known), PERSON);
  ck_assert_int_eq (acu_visit_get_person_id (anonymous), 0);
  ids = acu_visit_get_reason_ids (anonymous, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (ids[0], reason_id (store, "food-aid"));
  (void) helene;
  acu_store_close (store);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  AcuUiTestLanguage languages[G_N_ELEMENTS (expected_by_lang)];

  for (guint i = 0; i < G_N_ELEMENTS (expected_by_lang); i++)
    languages[i] = (AcuUiTestLanguage) { expected_by_lang[i].lang, &expected_by_lang[i] };
  return acu_ui_test_run ("reception-keys", test_keyboard_visits, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
