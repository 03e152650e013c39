/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "acu-test-util.h"
#include "acu-identify-page.h"
#include "acu-ui-test.h"

AcuApplication *acu_ui_test_app;
char           *acu_ui_test_data_dir;

gboolean
acu_ui_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets the main loop run @ms milliseconds (events to arrive, redraws) */
void
acu_ui_test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, acu_ui_test_wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

gpointer
acu_ui_test_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  /* the open desk's pages are built once a database opens */
  if (object == NULL && type == ACU_TYPE_WINDOW)
    object = acu_window_get_main_object (ACU_WINDOW (widget), name);
  ck_assert_msg (object != NULL, "no template child %s", name);
  return object;
}

static const char *
nth_label (GtkWidget *widget,
           guint     *nth)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *text;

      if (GTK_IS_LABEL (c) && (*nth)-- == 0)
        return gtk_label_get_text (GTK_LABEL (c));
      if ((text = nth_label (c, nth)) != NULL)
        return text;
    }
  return NULL;
}

GtkWidget *
acu_ui_test_nth_row (GtkListView *view,
                     guint        index)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (view));

  for (; row != NULL && index > 0; index--)
    row = gtk_widget_get_next_sibling (row);
  return row;
}

const char *
acu_ui_test_row_label (GtkListView *view,
                       guint        index,
                       guint        nth)
{
  GtkWidget *row = acu_ui_test_nth_row (view, index);

  return row ? nth_label (row, &nth) : NULL;
}

int
acu_ui_test_run (const char              *name,
                 const TTest             *test,
                 const AcuUiTestLanguage *languages,
                 guint                    n_languages,
                 gconstpointer           *expected,
                 gboolean                 fast_kdf)
{
  const char *lang = g_getenv ("ACU_TEST_LANGUAGE");
  Suite *suite;
  TCase *tcase;
  SRunner *runner;
  int failures;

  *expected = NULL;
  for (guint i = 0; i < n_languages; i++)
    if (g_strcmp0 (lang, languages[i].lang) == 0)
      *expected = languages[i].expected;
  if (*expected == NULL)
    g_error ("Set ACU_TEST_LANGUAGE to en, fr or oc");

  acu_ui_test_data_dir = acu_test_tmpdir_new ();
  g_setenv ("XDG_DATA_HOME", acu_ui_test_data_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (fast_kdf)
    acu_test_use_fast_kdf ();

  acu_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  acu_ui_test_app = acu_application_new ();
  g_application_register (G_APPLICATION (acu_ui_test_app), NULL, NULL);

  suite = suite_create (name);
  tcase = tcase_create (name);
  tcase_set_timeout (tcase, 180);
  tcase_add_test (tcase, test);
  suite_add_tcase (suite, tcase);

  runner = srunner_create (suite);
  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_SILENT);
  failures = srunner_ntests_failed (runner);
  srunner_free (runner);

  g_object_unref (acu_ui_test_app);
  acu_test_tmpdir_free (acu_ui_test_data_dir);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void
acu_ui_test_identify (AcuWindow  *window,
                      const char *name,
                      const char *secret)
{
  AcuIdentifyPage *page = acu_ui_test_child (window, ACU_TYPE_WINDOW, "identify_page");
  GtkListBox *list = acu_ui_test_child (page, ACU_TYPE_IDENTIFY_PAGE, "people_list");
  GtkListBoxRow *row;
  int i;

  for (i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      break;
  ck_assert_msg (row != NULL, "%s is not on the identify page", name);
  gtk_list_box_select_row (list, row);
  gtk_editable_set_text (acu_ui_test_child (page, ACU_TYPE_IDENTIFY_PAGE, "secret_row"), secret);
  g_signal_emit_by_name (acu_ui_test_child (page, ACU_TYPE_IDENTIFY_PAGE, "identify_button"), "clicked");
}
