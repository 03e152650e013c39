/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-people.h"
#include "acu-people-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* The sensitive answers of the FSE+ indicators through the member's form
 * of the People page. With disability recorded (turned on through the
 * core), staff answer "Yes"; the file holds 1 and the form shows it again;
 * the rows of the fields still off are absent. A volunteer's form has no
 * such row, and her change of a name keeps the answer. Disability turned
 * off: the row is gone for a coordinator too, the answer stays in the
 * file. */

#define SITE          "Tiers-lieu de Condom"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"
#define STAFF         "Paul Garcia"
#define STAFF_PW      "Autre-Secret!Astarac#77"
#define VOLUNTEER     "Monique Lafitte"
#define PIN           "2580"

typedef struct
{
  const char *lang;
  const char *disability;     /* the row's title */
  const char *subtitle;       /* its reminder */
  const char *not_recorded;   /* the first answer */
  const char *yes;            /* the second */
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Disability", "Optional. Health data: only with the person’s explicit consent", "Not recorded", "Yes" },
  { "fr", "Handicap",
    "Facultatif. Donnée de santé\u00a0: seulement avec le consentement explicite de la personne",
    "Non renseigné", "Oui" },
  { "oc", "Handicap",
    "Facultatiu. Donada de santat\u00a0: sonque amb lo consentiment explicit de la persona",
    "Pas renseignat", "Òc" },
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

/* The first widget of @type under @widget, depth first */
static GtkWidget *
first_of_type (GtkWidget *widget,
               GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = first_of_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The open message dialog, or NULL */
static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
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
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), name);
}

/* Opens the member's form (Change, on the People page) */
static AdwMessageDialog *
open_form (AcuWindow *window,
           gint64     household,
           gint64     person)
{
  AcuPeoplePage *page = child (window, ACU_TYPE_WINDOW, "people_page");
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "people", household);
  ck_assert_ptr_null (find_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (page), "people.edit-member", "x", person);
  dialog = find_dialog ();
  ck_assert_ptr_nonnull (dialog);
  return dialog;
}

/* As its button does: the response, then the dialog goes */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (find_dialog () == NULL);
}

/* The label of the answer a row shows */
static const char *
answer_shown (AdwComboRow *row)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static void
set_disability_flag (AcuStore *store,
                     gboolean  on)
{
  g_autoptr(GError) error = NULL;
  AcuFoodSettings settings;

  ck_assert (acu_food_get_settings (store, &settings, &error));
  settings.record_disability = on;
  ck_assert_msg (acu_food_set_settings (store, &settings, &error), "%s", error ? error->message : "");
}

#define DISABILITY_SQL(id) \
  "SELECT coalesce (disability, 9) * 100 + coalesce (third_country, 9) * 10 + coalesce (foreign_background, 9) " \
  "FROM person WHERE id = " id

START_TEST (test_person_sensitive)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "condom.acuelh", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { .first_name = "Amina", .last_name = "Benali", .birth_date = "1990-05-12" };
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  AcuUnlockPage *unlock_page;
  AcuWindow *window;
  AcuStore *open;
  AdwMessageDialog *dialog;
  AdwComboRow *row;
  gint64 person, household;

  /* The site records disabilities; nationality and background stay off */
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
  set_disability_flag (store, TRUE);
  acu_store_close (store);
  g_clear_object (&store);
  sql = g_strdup_printf (DISABILITY_SQL ("%" G_GINT64_FORMAT), person);

  acu_settings_set_delays (settings, 3600, 7200);
  acu_settings_set_last_database (settings, path);
  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  open = acu_window_get_store (window);

  /* Staff: the disability row alone, not recorded yet, with its reminder */
  identify (window, STAFF, STAFF_PW);
  dialog = open_form (window, household, person);
  row = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "sensitive-disability"));
  ck_assert_ptr_nonnull (row);
  ck_assert_ptr_null (find_named (GTK_WIDGET (dialog), "sensitive-third-country"));
  ck_assert_ptr_null (find_named (GTK_WIDGET (dialog), "sensitive-foreign-background"));
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected->disability);
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected->subtitle);
  ck_assert_str_eq (answer_shown (row), expected->not_recorded);
  ck_assert_uint_eq (g_list_model_get_n_items (adw_combo_row_get_model (row)), 3);

  /* "Yes", saved: 1 in the file, the two others still NULL */
  adw_combo_row_set_selected (row, 1);
  ck_assert_str_eq (answer_shown (row), expected->yes);
  answer (dialog, "save");
  ck_assert_int_eq (acu_test_query_int (open, sql), 199);

  /* Opened again, the form shows it */
  dialog = open_form (window, household, person);
  row = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "sensitive-disability"));
  ck_assert_ptr_nonnull (row);
  ck_assert_uint_eq (adw_combo_row_get_selected (row), 1);
  ck_assert_str_eq (answer_shown (row), expected->yes);
  answer (dialog, "cancel");

  /* A volunteer's form has no such row; her change of a name keeps it */
  identify (window, VOLUNTEER, PIN);
  dialog = open_form (window, household, person);
  ck_assert_ptr_null (find_named (GTK_WIDGET (dialog), "sensitive-disability"));
  gtk_editable_set_text (GTK_EDITABLE (first_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "Aminata");
  answer (dialog, "save");
  ck_assert_int_eq (acu_test_query_int (open, sql), 199);
  ck_assert_int_eq (acu_test_query_int (open, "SELECT count(*) FROM person WHERE first_name = 'Aminata'"), 1);

  /* Disability turned off: a coordinator's form has no row either, and the
   * answer stays in the file */
  identify (window, COORDINATOR, COORD_PW);
  set_disability_flag (open, FALSE);
  dialog = open_form (window, household, person);
  ck_assert_ptr_null (find_named (GTK_WIDGET (dialog), "sensitive-disability"));
  answer (dialog, "save");
  ck_assert_int_eq (acu_test_query_int (open, sql), 199);

  /* On again: the answer shows again */
  set_disability_flag (open, TRUE);
  dialog = open_form (window, household, person);
  row = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "sensitive-disability"));
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (answer_shown (row), expected->yes);
  answer (dialog, "cancel");

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
  return acu_ui_test_run ("person-sensitive", test_person_sensitive, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
