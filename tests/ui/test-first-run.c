/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-create-page.h"
#include "acu-desk-page.h"
#include "acu-recovery-page.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* Drives the real first-run screens under Xvfb: create a database, keep the
 * recovery code, reach the main window; close; a wrong then a right
 * password on the unlock page. Run once in French and once in Occitan
 * (ACU_TEST_LANGUAGE), checking labels against hand-written translations. */

#define SITE     "Tiers-lieu de Lectoure"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

typedef struct
{
  const char *lang;
  const char *welcome_title;
  const char *recovery_title;
  const char *home_title;
  const char *wrong_password;
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "Welcome to Acuèlh", "Recovery Code", "Reception",
    "Wrong password. Check the name and try again; mind the Caps Lock key." },
  { "fr", "Bienvenue dans Acuèlh", "Code de secours", "Accueil",
    "Mot de passe incorrect. Vérifiez le nom et réessayez ; attention à la touche Verr. Maj." },
  { "oc", "Benvenguda dins Acuèlh", "Còdi de recuperacion", "Acuèlh",
    "Senhal incorrècte. Verificatz lo nom e tornatz ensajar ; mèfi a la tòca Verr. Maj." },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

static void
click (gpointer button)
{
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
page_of (AcuWindow *window)
{
  return acu_window_get_visible_page (window);
}

START_TEST (test_create_then_unlock)
{
  AcuWindow *window = acu_window_new (acu_ui_test_app);
  AcuCreatePage *create_page;
  AcuRecoveryPage *recovery_page;
  AcuUnlockPage *unlock_page;
  g_autofree char *path = NULL;
  g_autofree char *recovery_code = NULL;
  g_autoptr(AcuStore) check_store = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *code_label, *hint_label, *error_label;

  gtk_window_present (GTK_WINDOW (window));

  /* First run: the welcome page, translated */
  ck_assert_str_eq (page_of (window), "welcome");
  ck_assert_str_eq (adw_status_page_get_title (child (window, ACU_TYPE_WINDOW, "welcome_page")),
                    expected->welcome_title);

  click (child (window, ACU_TYPE_WINDOW, "welcome_create_button"));
  ck_assert_str_eq (page_of (window), "create");
  create_page = child (window, ACU_TYPE_WINDOW, "create_page");

  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "site_row"), SITE);
  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "name_row"), PERSON);

  /* A weak password keeps Create insensitive */
  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "password_row"), "soleil");
  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "confirm_row"), "soleil");
  ck_assert (!gtk_widget_get_sensitive (child (create_page, ACU_TYPE_CREATE_PAGE, "create_button")));

  /* Strong, but the confirmation differs */
  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "password_row"), PASSWORD);
  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "confirm_row"), PASSWORD "x");
  ck_assert (!gtk_widget_get_sensitive (child (create_page, ACU_TYPE_CREATE_PAGE, "create_button")));
  hint_label = child (create_page, ACU_TYPE_CREATE_PAGE, "hint_label");
  ck_assert_str_ne (gtk_label_get_text (hint_label), "");

  gtk_editable_set_text (child (create_page, ACU_TYPE_CREATE_PAGE, "confirm_row"), PASSWORD);
  click (child (create_page, ACU_TYPE_CREATE_PAGE, "create_button"));

  /* The recovery code, shown once */
  WAIT_UNTIL (g_str_equal (page_of (window), "recovery"));
  ck_assert_str_eq (adw_window_title_get_title (child (window, ACU_TYPE_WINDOW, "locked_title")),
                    expected->recovery_title);
  recovery_page = child (window, ACU_TYPE_WINDOW, "recovery_page");
  code_label = child (recovery_page, ACU_TYPE_RECOVERY_PAGE, "code_label");
  recovery_code = g_strdup (gtk_label_get_text (code_label));
  ck_assert_int_eq (strlen (recovery_code), 35);
  ck_assert (g_regex_match_simple ("^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$", recovery_code, 0, 0));
  ck_assert (!gtk_widget_get_sensitive (child (recovery_page, ACU_TYPE_RECOVERY_PAGE, "continue_button")));
  gtk_check_button_set_active (child (recovery_page, ACU_TYPE_RECOVERY_PAGE, "kept_check"), TRUE);
  click (child (recovery_page, ACU_TYPE_RECOVERY_PAGE, "continue_button"));

  /* The main window, on the Reception page; the code is gone from the screen */
  ck_assert_str_eq (page_of (window), "reception");
  ck_assert_str_eq (gtk_label_get_text (code_label), "");
  ck_assert_str_eq (adw_window_title_get_title (child (window, ACU_TYPE_WINDOW, "page_title")),
                    expected->home_title);
  ck_assert_str_eq (acu_store_get_site_name (acu_window_get_store (window)), SITE);
  path = g_strdup (acu_store_get_path (acu_window_get_store (window)));
  ck_assert (g_str_has_prefix (path, acu_ui_test_data_dir));
  ck_assert (g_str_has_suffix (path, "/tiers-lieu-de-lectoure.acuelh"));
  {
    const char *last = acu_settings_get_last_database (acu_application_get_settings (acu_ui_test_app));
    ck_assert_str_eq (last, path);
  }

  /* The integrity check runs in a worker thread, then gives the button back */
  {
    GtkWidget *desk_page = child (window, ACU_TYPE_WINDOW, "desk_page");
    GtkWidget *check_button = child (desk_page, ACU_TYPE_DESK_PAGE, "check_button");

    click (check_button);
    ck_assert (!gtk_widget_get_sensitive (check_button));
    WAIT_UNTIL (gtk_widget_get_sensitive (check_button));
  }

  /* Close the database: back to the unlock page, no store */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  ck_assert_str_eq (page_of (window), "unlock");
  ck_assert_ptr_null (acu_window_get_store (window));

  /* What was written, read back through the core with both secrets */
  check_store = acu_store_open (path, PERSON, PASSWORD, &error);
  ck_assert_msg (check_store != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (acu_store_get_site_name (check_store), SITE);
  ck_assert_str_eq (acu_store_get_person_name (check_store), PERSON);
  ck_assert_int_eq (acu_store_get_role (check_store), ACU_ROLE_COORDINATOR);
  ck_assert (acu_store_check_integrity (check_store, &error));
  acu_store_close (check_store);
  g_clear_object (&check_store);
  check_store = acu_store_open_with_recovery_code (path, recovery_code, &error);
  ck_assert_msg (check_store != NULL, "%s", error ? error->message : "");
  acu_store_close (check_store);

  /* Unlock page: a wrong password shows the translated message */
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  error_label = child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "error_label");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), "Pas-le-bon-mot-2026!");
  click (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"));
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  ck_assert_str_eq (gtk_label_get_text (error_label), expected->wrong_password);
  ck_assert_str_eq (page_of (window), "unlock");

  /* The right one opens the desk */
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), PASSWORD);
  click (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"));
  WAIT_UNTIL (g_str_equal (page_of (window), "reception"));
  ck_assert_str_eq (acu_store_get_person_name (acu_window_get_store (window)), PERSON);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next start opens the last database at its unlock page */
  window = acu_window_new (acu_ui_test_app);
  ck_assert_str_eq (page_of (window), "unlock");
  ck_assert_str_eq (acu_unlock_page_get_database (child (window, ACU_TYPE_WINDOW, "unlock_page")), path);
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
  return acu_ui_test_run ("first-run", test_create_then_unlock, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, FALSE);
}
