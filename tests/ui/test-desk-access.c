/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-audit.h"
#include "acu-confidential.h"
#include "acu-desk-people.h"
#include "acu-identify-page.h"
#include "acu-people.h"
#include "acu-people-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-unlock-page.h"
#include "acu-visits.h"
#include "acu-window.h"

/* Who may see what, through the real widgets: the desk is opened, a
 * volunteer identifies with their PIN and sees that a confidential note
 * exists but not its text; idle, the desk locks by itself (the delay
 * shortened to 2 s); a staff member identifies with their password and
 * reads it. The audit log is read back after. */

#define SITE          "Tiers-lieu de Mirande"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"
#define STAFF         "Paul Garcia"
#define STAFF_PW      "Autre-Secret!Astarac#77"
#define VOLUNTEER     "Monique Lafitte"
#define PIN           "2580"
#define NOTE          "Dette de loyer ; dossier FSL déposé le 3 novembre."

typedef struct
{
  const char *lang;
  const char *volunteer_notice;   /* the confidential group's description for a volunteer */
  const char *pin_title;          /* the secret row's title for a volunteer */
  const char *person_details;     /* under her name in the list of people */
  const char *visit_details;      /* under her visit in the household's visits */
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Only staff and coordinators identified with their password can read them.", "PIN",
    "Household no. 1", "Food aid · logged by Hélène Martin" },
  { "fr", "Seules les personnes salariées ou coordinatrices identifiées par leur mot de passe peuvent les lire.",
    "Code PIN", "Foyer n°\u00a01", "Aide alimentaire · noté par Hélène Martin" },
  { "oc", "Sonque lo personal e los coordinators identificats amb lor senhal las pòdon legir.", "Còdi PIN",
    "Ostal n°\u00a01", "Ajuda alimentària · notat per Hélène Martin" },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button under @widget, depth first */
static GtkWidget *
first_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c))
        return c;
      if ((found = first_button (c)) != NULL)
        return found;
    }
  return NULL;
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

START_TEST (test_desk_access)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "mirande.acuelh", NULL);
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { .first_name = "Jeanne", .last_name = "Sempé" };
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  AcuWindow *window;
  AcuUnlockPage *unlock_page;
  AcuPeoplePage *people_page;
  GtkWidget *text_row;
  gint64 person, household;

  /* The site: a coordinator, a staff member, a volunteer; a household
   * with a confidential note */
  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_int_gt (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error), 0);
  ck_assert_int_gt (acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error), 0);
  person = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (person, 0);
  {
    g_autoptr(AcuPerson) p = acu_person_get (store, person, NULL);
    household = acu_person_get_household_id (p);
  }
  ck_assert_int_gt (acu_confidential_add (store, household, NOTE, &error), 0);
  {
    gint64 food_aid = 1;   /* the first default reason */
    AcuVisitDraft visit = { .day = "2025-03-04", .time = "14:30", .person_id = person,
                            .reason_ids = &food_aid, .n_reasons = 1 };

    ck_assert_int_gt (acu_visit_log (store, &visit, &error), 0);
  }
  acu_store_close (store);
  g_clear_object (&store);

  /* The desk locks after 2 idle seconds in this test */
  acu_settings_set_delays (settings, 2, 3600);
  acu_settings_set_last_database (settings, path);

  /* The coordinator opens the desk */
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));

  /* Idle: back to the identify page, nobody identified */
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  ck_assert (!acu_store_is_identified (acu_window_get_store (window)));

  /* The volunteer identifies with a PIN: a wrong one first */
  acu_ui_test_identify (window, VOLUNTEER, "1357");
  ck_assert_str_eq (adw_preferences_row_get_title (child (child (window, ACU_TYPE_WINDOW, "identify_page"),
                                                          ACU_TYPE_IDENTIFY_PAGE, "secret_row")),
                    expected->pin_title);
  ck_assert_str_eq (acu_window_get_visible_page (window), "identify");
  ck_assert (gtk_widget_get_visible (child (child (window, ACU_TYPE_WINDOW, "identify_page"),
                                            ACU_TYPE_IDENTIFY_PAGE, "error_label")));
  acu_ui_test_identify (window, VOLUNTEER, PIN);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), VOLUNTEER);

  /* The household: the note exists, its text is not shown and cannot be asked for */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "people", household);
  people_page = child (window, ACU_TYPE_WINDOW, "people_page");
  ck_assert_str_eq (adw_preferences_group_get_description (child (people_page, ACU_TYPE_PEOPLE_PAGE,
                                                                  "confidential_group")),
                    expected->volunteer_notice);
  ck_assert (!gtk_widget_get_visible (child (people_page, ACU_TYPE_PEOPLE_PAGE, "confidential_buttons")));
  ck_assert_ptr_null (find_named (GTK_WIDGET (window), "confidential-text"));
  ck_assert_ptr_null (acu_confidential_read (acu_window_get_store (window), household, &error));
  /* The page's lists, their rows declared in its .ui: everyone by name (she
   * alone), and the household's visits */
  {
    GtkListView *people = child (people_page, ACU_TYPE_PEOPLE_PAGE, "people_view");
    GtkListView *visits = child (people_page, ACU_TYPE_PEOPLE_PAGE, "visits_view");

    ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (people))), 1);
    ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (visits))), 1);
    WAIT_UNTIL (acu_ui_test_row_label (people, 0, 0) != NULL && acu_ui_test_row_label (visits, 0, 0) != NULL);
    ck_assert_str_eq (acu_ui_test_row_label (people, 0, 0), "Jeanne SEMPÉ");
    ck_assert_str_eq (acu_ui_test_row_label (people, 0, 1), expected->person_details);
    ck_assert_str_eq (acu_ui_test_row_label (visits, 0, 0), "04/03/2025 14:30  Jeanne SEMPÉ");
    ck_assert_str_eq (acu_ui_test_row_label (visits, 0, 1), expected->visit_details);
  }
  /* Her row among the members: her name, and Change acts on her id */
  {
    GtkListView *members = child (people_page, ACU_TYPE_PEOPLE_PAGE, "members_view");
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (members));
    GtkWidget *change;

    WAIT_UNTIL (acu_ui_test_row_label (members, 0, 0) != NULL);
    ck_assert_str_eq (acu_ui_test_row_label (members, 0, 0), "Jeanne SEMPÉ");
    ck_assert_ptr_null (gtk_widget_get_next_sibling (row));
    change = first_button (row);
    ck_assert_ptr_nonnull (change);
    ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (change)), "people.edit-member");
    ck_assert_int_eq (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (change))), person);
  }
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Idle again: locked */
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  ck_assert_ptr_null (find_named (GTK_WIDGET (window), "confidential-text"));

  /* Staff identify with their password (Argon2id in a thread) and read it */
  acu_settings_set_delays (settings, 3600, 7200);
  acu_ui_test_identify (window, STAFF, STAFF_PW);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), STAFF);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "people", household);
  ck_assert (gtk_widget_get_visible (child (people_page, ACU_TYPE_PEOPLE_PAGE, "confidential_buttons")));
  g_signal_emit_by_name (child (people_page, ACU_TYPE_PEOPLE_PAGE, "read_confidential_button"), "clicked");
  text_row = find_named (GTK_WIDGET (window), "confidential-text");
  ck_assert_ptr_nonnull (text_row);
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (text_row)),
                    "Dette de loyer ; dossier FSL déposé le 3 novembre.");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The audit log tells who did what */
  store = acu_store_open (path, COORDINATOR, COORD_PW, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (count_action (store, "pin-failure", VOLUNTEER), 1);
  ck_assert_uint_eq (count_action (store, "pin-identified", VOLUNTEER), 1);
  ck_assert_uint_eq (count_action (store, "password-identified", STAFF), 1);
  ck_assert_uint_eq (count_action (store, "confidential-read", STAFF), 1);
  ck_assert_uint_eq (count_action (store, "confidential-read", VOLUNTEER), 0);
  ck_assert_uint_eq (count_action (store, "desk-lock", COORDINATOR), 1);
  ck_assert_uint_eq (count_action (store, "desk-lock", VOLUNTEER), 1);
  ck_assert_uint_eq (count_action (store, "desk-close", STAFF), 1);
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
  return acu_ui_test_run ("desk-access", test_desk_access, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
