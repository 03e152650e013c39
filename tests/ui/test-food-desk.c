/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "acu-application.h"
#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-food-page.h"
#include "acu-food-serve-dialog.h"
#include "acu-goods.h"
#include "acu-reception-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-ui-test-keys.h"
#include "acu-unlock-page.h"
#include "acu-visits.h"
#include "acu-window.h"

/* Serving food aid at the desk, with the keyboard, as a volunteer does
 * it: the person found with four letters, Enter, Alt and the area's
 * letter, Enter. The database is read back (the visit with its food-aid
 * reason, the service, the kilos out of the ledger) and so is what the
 * page shows after (today's visits, the line of the person picked). A
 * volunteer is refused on an expired access; staff serve it with a
 * reason, after bad weights are refused next to their field. The Food
 * Aid page then shows the day's households and prints their sign-in
 * sheet. Real key presses go through the X server (XTest); run in French
 * and in Occitan. */

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
  const char *valid_line;      /* the food area's line for Jean, before */
  const char *served_line;     /* and after he is served */
  const char *expired_line;    /* the line for Marie */
  const char *expired_warning; /* the core's sentence, in the dialog */
  KeySym      serve_key;       /* the mnemonic of Serve Food Aid */
  const char *visit_details;   /* today's row of Jean's visit */
  const char *negative;        /* a weight below 0 */
  const char *too_heavy;       /* a weight over 500 kg */
  const char *expected_details; /* Jean's row on the Food Aid page */
  const char *served_today;
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Food aid: valid until 31/12/2099 · served 0 of 1 this week",
    "Food aid: valid until 31/12/2099 · served 1 of 1 this week",
    "Food aid: expired on 30/06/2020",
    "Food aid access expired on 30/06/2020.", XK_s,
    "Food aid · logged by Monique Lafitte",
    "A weight cannot be negative.", "At most 500 kg for one household.",
    "Household no. 1 · 1 person · until 31/12/2099 · served 1 of 1", "Served today" },
  { "fr", "Aide alimentaire\u00a0: valable jusqu’au 31/12/2099 · servi 0 fois sur 1 cette semaine",
    "Aide alimentaire\u00a0: valable jusqu’au 31/12/2099 · servi 1 fois sur 1 cette semaine",
    "Aide alimentaire\u00a0: expirée le 30/06/2020",
    "L’accès à l’aide alimentaire a expiré le 30/06/2020.", XK_s,
    "Aide alimentaire · noté par Monique Lafitte",
    "Un poids ne peut pas être négatif.", "Au plus 500 kg pour un foyer.",
    "Foyer n°\u00a01 · 1 personne · jusqu’au 31/12/2099 · servi 1 fois sur 1", "Servi aujourd’hui" },
  { "oc", "Ajuda alimentària : valabla fins al 31/12/2099 · servit 0 còp sus 1 aquesta setmana",
    "Ajuda alimentària : valabla fins al 31/12/2099 · servit 1 còp sus 1 aquesta setmana",
    "Ajuda alimentària : expirada lo 30/06/2020",
    "L’accès a l’ajuda alimentària expirèt lo 30/06/2020.", XK_s,
    "Ajuda alimentària · notat per Monique Lafitte",
    "Un pes pòt pas èsser negatiu.", "Al mai 500 kg per un ostal.",
    "Ostal n°\u00a01 · 1 persona · fins al 31/12/2099 · servit 1 còp sus 1", "Servit uèi" },
};

static const Expected *expected;

#define child acu_ui_test_child
#define settle acu_ui_test_settle
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

#define press acu_ui_test_press
#define type acu_ui_test_type
#define key_presses acu_ui_test_key_presses

static void
point_at (GtkWidget *window)
{
  acu_ui_test_point_at (window, 100, 100);
}

/* The serve dialog shown, or NULL */
static AcuFoodServeDialog *
serve_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ACU_IS_FOOD_SERVE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The person picked, as the areas of the desk describe them */
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

static guint
served (AcuStore *store,
        gint64    household_id)
{
  AcuFoodStatus status;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_food_get_status (store, household_id, NULL, &status, &error), "%s",
                 error ? error->message : "");
  return status.served;
}

static guint
count_action (AcuStore   *store,
              const char *action,
              const char *person)
{
  g_autoptr(GPtrArray) entries = acu_audit_list (store, NULL, NULL, 0, action, 0, 1000, NULL);
  guint n = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((AcuAuditEntry *) g_ptr_array_index (entries, i))->person, person) == 0)
      n++;
  return n;
}

/* The food movements out of the ledger today for @household_id: how
 * many, and their grams */
static void
movements_out (AcuStore *store,
               gint64    household_id,
               guint    *n,
               gint64   *grams)
{
  g_autofree char *today = acu_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = acu_goods_list (store, ACU_GOODS_KINDS_FOOD_AID, today, today, 0, 1000, &error);

  ck_assert_msg (list != NULL, "%s", error ? error->message : "");
  *n = 0;
  *grams = 0;
  for (guint i = 0; i < list->len; i++)
    {
      AcuGoodsMovement *movement = g_ptr_array_index (list, i);

      if (acu_goods_movement_get_household_id (movement) != household_id)
        continue;
      ck_assert_int_eq (acu_goods_movement_get_direction (movement), -1);
      ck_assert_int_eq (acu_goods_movement_get_reason (movement), ACU_GOODS_SERVED);
      *n += 1;
      *grams += acu_goods_movement_get_grams (movement);
    }
}

static gint64
food_aid_reason (AcuStore *store)
{
  g_autoptr(GPtrArray) reasons = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, NULL);

  for (guint i = 0; i < reasons->len; i++)
    if (g_strcmp0 (((AcuCatalogueEntry *) g_ptr_array_index (reasons, i))->code, "food-aid") == 0)
      return ((AcuCatalogueEntry *) g_ptr_array_index (reasons, i))->id;
  ck_abort_msg ("no food-aid reason");
  return 0;
}

/* The first weight of the parcel (fruit and vegetables): its entry and row */
static GtkEditable *
first_weight (AcuFoodServeDialog *dialog,
              AdwActionRow      **row)
{
  GtkWidget *group = child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "parcel_group");
  GtkWidget *action_row = find_type (group, ADW_TYPE_ACTION_ROW);

  ck_assert_ptr_nonnull (action_row);
  *row = ADW_ACTION_ROW (action_row);
  return GTK_EDITABLE (find_type (action_row, GTK_TYPE_ENTRY));
}

/* Whether the person's row shows the button of a desk action */
static gboolean
desk_button_shown (GtkWidget  *widget,
                   const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (desk_button_shown (c, action))
      return TRUE;
  return FALSE;
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
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), name);
}

START_TEST (test_food_desk)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "fleurance.acuelh", NULL);
  g_autofree char *sheet = g_build_filename (acu_ui_test_data_dir, "emargement.pdf", NULL);
  g_autofree char *today = acu_date_today ();
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { 0 };
  AcuWindow *window;
  AcuUnlockPage *unlock_page;
  AcuReceptionPage *reception;
  AcuFoodServeDialog *dialog;
  gint64 jean, marie, jean_household, marie_household;

  /* The site: a coordinator, staff, a volunteer; Jean Dupuis has food
   * aid until 2099, Marie Lefèvre's ended in 2020; a weekly parcel
   * distribution on today's day of the week */
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
  marie_household = household_of (store, marie);
  {
    AcuFoodAccessDraft access = { jean_household, 0, 0, "Mme Roques", "2020-01-01", "2099-12-31",
                                  ACU_FOOD_MODE_PARCEL, 1, ACU_FOOD_PERIOD_WEEK, -1, -1 };

    ck_assert_int_gt (acu_food_access_grant (store, &access, &error), 0);
    access.household_id = marie_household;
    access.end_day = "2020-06-30";
    ck_assert_int_gt (acu_food_access_grant (store, &access, &error), 0);
  }
  ck_assert_int_gt (acu_food_rule_add (store, acu_date_get_weekday (today), "08:00", "20:00",
                                       ACU_FOOD_MODE_PARCEL, "2020-01-06", NULL, &error), 0);
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
  identify (window, VOLUNTEER, PIN);
  reception = child (window, ACU_TYPE_WINDOW, "reception_page");
  point_at (GTK_WIDGET (window));

  /* Jean: four letters, Enter; Alt+S; Enter. Seven keys. */
  key_presses = 0;
  pick (reception, "dupu");
  ck_assert_msg (strstr (who_subtitle (reception), expected->valid_line) != NULL, "%s", who_subtitle (reception));
  /* Granting access is staff's: a volunteer can neither see nor run it */
  ck_assert (!desk_button_shown (GTK_WIDGET (reception), "desk.food-access"));
  ck_assert (desk_button_shown (GTK_WIDGET (reception), "desk.serve-food"));
  press (expected->serve_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = serve_dialog ()) != NULL);
  /* the standard parcel of one person, nothing in the way */
  ck_assert (!gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "warning_box")));
  ck_assert (gtk_widget_get_sensitive (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "serve_button")));
  point_at (GTK_WIDGET (dialog));
  press (XK_Return, 0);
  WAIT_UNTIL (serve_dialog () == NULL);
  ck_assert_uint_eq (key_presses, 7);
  ck_assert_uint_eq (served (acu_window_get_store (window), jean_household), 1);

  /* What the page shows after: today's visit, the line of the person */
  {
    GtkListView *today_view = child (reception, ACU_TYPE_RECEPTION_PAGE, "today_view");

    WAIT_UNTIL (acu_ui_test_row_label (today_view, 0, 1) != NULL);
    ck_assert_msg (g_str_has_suffix (acu_ui_test_row_label (today_view, 0, 0), "  Jean DUPUIS"), "%s",
                   acu_ui_test_row_label (today_view, 0, 0));
    ck_assert_str_eq (acu_ui_test_row_label (today_view, 0, 1), expected->visit_details);
    ck_assert_str_eq (gtk_label_get_text (child (reception, ACU_TYPE_RECEPTION_PAGE, "visits_count")), "1");
    ck_assert_msg (strstr (who_subtitle (reception), expected->served_line) != NULL, "%s",
                   who_subtitle (reception));
  }

  /* Marie, expired: the volunteer is told to ask staff, and cannot serve */
  point_at (GTK_WIDGET (window));
  press (XK_Escape, 0);
  WAIT_UNTIL (!gtk_widget_get_visible (child (reception, ACU_TYPE_RECEPTION_PAGE, "who_list")));
  pick (reception, "lefe");
  ck_assert_msg (strstr (who_subtitle (reception), expected->expired_line) != NULL, "%s", who_subtitle (reception));
  press (expected->serve_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = serve_dialog ()) != NULL);
  ck_assert (gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "warning_box")));
  ck_assert_str_eq (gtk_label_get_text (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "warning_label")),
                    expected->expired_warning);
  ck_assert (!gtk_widget_get_sensitive (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "serve_button")));
  ck_assert (!gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "override_group")));
  point_at (GTK_WIDGET (dialog));
  press (XK_Return, 0);
  settle (300);
  ck_assert_ptr_eq (serve_dialog (), dialog);
  ck_assert_uint_eq (served (acu_window_get_store (window), marie_household), 0);
  press (XK_Escape, 0);
  WAIT_UNTIL (serve_dialog () == NULL);
  ck_assert_uint_eq (served (acu_window_get_store (window), marie_household), 0);

  /* Staff serve her all the same: a reason first, weights that make sense */
  identify (window, STAFF, STAFF_PW);
  point_at (GTK_WIDGET (window));
  pick (reception, "lefe");
  ck_assert (desk_button_shown (GTK_WIDGET (reception), "desk.food-access"));
  press (expected->serve_key, XK_Alt_L);
  WAIT_UNTIL ((dialog = serve_dialog ()) != NULL);
  point_at (GTK_WIDGET (dialog));
  ck_assert (gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "override_group")));
  ck_assert (gtk_widget_get_sensitive (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "serve_button")));
  /* no reason: said next to the field, nothing written */
  press (XK_Return, 0);
  ck_assert (gtk_widget_get_visible (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "override_error")));
  ck_assert_ptr_eq (serve_dialog (), dialog);
  ck_assert_uint_eq (served (acu_window_get_store (window), marie_household), 0);
  type ("urgence");
  ck_assert_str_eq (gtk_editable_get_text (child (dialog, ACU_TYPE_FOOD_SERVE_DIALOG, "override_row")), "urgence");
  {
    AdwActionRow *row;
    GtkEditable *weight = first_weight (dialog, &row);

    /* 1,5 kg of fruit and vegetables for one person, by the standard parcel */
    ck_assert_str_eq (gtk_editable_get_text (weight), "1,5");
    gtk_editable_set_text (weight, "-2");
    press (XK_Return, 0);
    ck_assert_str_eq (adw_action_row_get_subtitle (row), expected->negative);
    ck_assert_ptr_eq (serve_dialog (), dialog);
    gtk_editable_set_text (weight, "600");
    /* Enter on a field: the default button, which clicks 250 ms later */
    press (XK_Return, 0);
    WAIT_UNTIL (g_strcmp0 (adw_action_row_get_subtitle (row), expected->too_heavy) == 0);
    ck_assert_ptr_eq (serve_dialog (), dialog);
    ck_assert_uint_eq (served (acu_window_get_store (window), marie_household), 0);
    gtk_editable_set_text (weight, "2,5");
    press (XK_Return, 0);
  }
  WAIT_UNTIL (serve_dialog () == NULL);
  ck_assert_uint_eq (served (acu_window_get_store (window), marie_household), 1);

  /* The Food Aid page, chosen in the sidebar: today's distribution, Jean
   * expected and served */
  {
    AcuFoodPage *page = child (window, ACU_TYPE_WINDOW, "food_page");
    GtkWidget *row = gtk_widget_get_first_child (child (window, ACU_TYPE_WINDOW, "sidebar"));
    GtkListView *view = child (page, ACU_TYPE_FOOD_PAGE, "expected_view");
    g_autofree char *contents = NULL;
    gsize length;

    while (row != NULL && g_strcmp0 (gtk_widget_get_name (row), "food") != 0)
      row = gtk_widget_get_next_sibling (row);
    ck_assert_ptr_nonnull (row);
    g_signal_emit_by_name (row, "activate");
    WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (page)));
    ck_assert_str_eq (acu_food_page_get_day (page), today);
    ck_assert_str_eq (gtk_label_get_text (child (page, ACU_TYPE_FOOD_PAGE, "expected_count")), "1");
    ck_assert_str_eq (gtk_label_get_text (child (page, ACU_TYPE_FOOD_PAGE, "served_count")), "1");
    WAIT_UNTIL (acu_ui_test_row_label (view, 0, 0) != NULL);
    ck_assert_str_eq (acu_ui_test_row_label (view, 0, 0), "Dupuis Jean");
    ck_assert_str_eq (acu_ui_test_row_label (view, 0, 1), expected->expected_details);
    ck_assert_str_eq (acu_ui_test_row_label (view, 0, 2), expected->served_today);
    ck_assert_ptr_null (acu_ui_test_nth_row (view, 1));

    ck_assert_uint_eq (acu_food_page_get_sheet_pages (page), 1);
    ck_assert_msg (acu_food_page_print (page, sheet, &error), "%s", error ? error->message : "");
    ck_assert (g_file_get_contents (sheet, &contents, &length, NULL));
    ck_assert (g_str_has_prefix (contents, "%PDF-"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The database, read back through the core */
  store = acu_store_open (path, COORDINATOR, COORD_PW, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  {
    g_autoptr(GPtrArray) visits = acu_visit_list_day (store, today, &error);
    gint64 reason = food_aid_reason (store);
    guint n, jean_visits = 0, marie_visits = 0;
    gint64 grams;

    /* a visit each, for food aid, by who served */
    ck_assert_uint_eq (visits->len, 2);
    for (guint i = 0; i < visits->len; i++)
      {
        AcuVisit *visit = g_ptr_array_index (visits, i);
        const gint64 *ids = acu_visit_get_reason_ids (visit, &n);

        ck_assert_uint_eq (n, 1);
        ck_assert_int_eq (ids[0], reason);
        if (acu_visit_get_person_id (visit) == jean)
          {
            jean_visits++;
            ck_assert_str_eq (acu_visit_get_logged_by (visit), VOLUNTEER);
          }
        else if (acu_visit_get_person_id (visit) == marie)
          {
            marie_visits++;
            ck_assert_str_eq (acu_visit_get_logged_by (visit), STAFF);
          }
      }
    ck_assert_uint_eq (jean_visits, 1);
    ck_assert_uint_eq (marie_visits, 1);

    /* a service each */
    ck_assert_uint_eq (served (store, jean_household), 1);
    ck_assert_uint_eq (served (store, marie_household), 1);

    /* Jean's standard parcel out of the ledger: 1,5 + 1 + 0,8 + 0,5 +
     * 0,1 + 0,3 + 0,5 + 0,2 kg in 8 categories (no baby food) */
    movements_out (store, jean_household, &n, &grams);
    ck_assert_uint_eq (n, 8);
    ck_assert_int_eq (grams, 4900);
    /* Marie's, 2,5 kg of fruit and vegetables typed instead of 1,5 */
    movements_out (store, marie_household, &n, &grams);
    ck_assert_uint_eq (n, 8);
    ck_assert_int_eq (grams, 5900);

    /* who served, and the warning overridden by staff alone */
    ck_assert_uint_eq (count_action (store, "food-serve", VOLUNTEER), 1);
    ck_assert_uint_eq (count_action (store, "food-serve", STAFF), 1);
    ck_assert_uint_eq (count_action (store, "food-override", STAFF), 1);
    /* the sign-in sheet carries names: printing it is recorded */
    ck_assert_uint_eq (count_action (store, "food-sheet", STAFF), 1);
    ck_assert_uint_eq (count_action (store, "food-override", VOLUNTEER), 0);
  }
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
  return acu_ui_test_run ("food-desk", test_food_desk, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
