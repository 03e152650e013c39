/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-audit.h"
#include "acu-demo.h"
#include "acu-identify-page.h"
#include "acu-report.h"
#include "acu-reports-page.h"
#include "acu-store.h"
#include "acu-store-private.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-unlock-page.h"
#include "acu-visits.h"
#include "acu-window.h"

/* The Reports page through the real widgets: a coordinator opens the
 * desk, goes to Reports, steps to October 2026, and the figures shown are
 * those counted directly in the database; the pages print to a PDF file
 * through GtkPrintOperation and save as CSV, each export recorded in the
 * audit log. A volunteer who identifies next sees no Reports page and no
 * figure is left in it. */

#define SITE          "Tiers-lieu de Vic-Fezensac"
#define COORDINATOR   "Hélène Martin"
#define COORD_PW      "Tr3s-Secret!Gers#2026"
#define VOLUNTEER     "Monique Lafitte"   /* one of the demo's volunteers */
#define PIN           "2580"

typedef struct
{
  const char *lang;
  const char *period;      /* October 2026 as the period's label */
  const char *reports;     /* the sidebar row's title */
} Expected;

static const Expected expected_by_lang[] = {
  { "en", "October 2026", "Reports" },
  { "fr", "octobre 2026", "Rapports" },
  { "oc", "octobre de 2026", "Rapòrts" },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

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

static gint64
query (AcuStore   *store,
       const char *sql)
{
  return acu_test_query_int (store, sql);
}

static guint
count_exports (AcuStore *store)
{
  return query (store, "SELECT count(*) FROM audit WHERE action = 'report-export'");
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &out, NULL, &status, NULL));
  line = out ? strstr (out, "Pages:") : NULL;
  return line ? atoi (line + strlen ("Pages:")) : -1;
}

START_TEST (test_reports)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, "vic.acuelh", NULL);
  g_autofree char *printed = g_build_filename (acu_ui_test_data_dir, "printed.pdf", NULL);
  g_autofree char *csv = g_build_filename (acu_ui_test_data_dir, "october.csv", NULL);
  g_autofree char *csv_text = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuDemoOptions options = { .households = 60, .years = 2, .seed = 7, .until = "2026-11-20" };
  AcuSettings *settings = acu_application_get_settings (acu_ui_test_app);
  const AcuReport *report;
  AcuReportsPage *page;
  AcuUnlockPage *unlock_page;
  AcuWindow *window;
  AcuPeriod october;
  gint64 visits, anonymous, persons, households;

  store = acu_store_create (path, SITE, COORDINATOR, COORD_PW, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_msg (acu_demo_fill (store, &options, NULL, NULL, NULL, &error), "%s", error ? error->message : "");

  /* The right answers, counted directly in the database */
  visits = query (store, "SELECT count(*) FROM visit WHERE day BETWEEN '2026-10-01' AND '2026-10-31'");
  anonymous = query (store, "SELECT count(*) FROM visit WHERE day BETWEEN '2026-10-01' AND '2026-10-31' "
                            "AND person_id IS NULL");
  persons = query (store, "SELECT count(DISTINCT person_id) FROM visit "
                          "WHERE day BETWEEN '2026-10-01' AND '2026-10-31'");
  households = query (store, "SELECT count(DISTINCT p.household_id) FROM visit v JOIN person p ON p.id = v.person_id "
                             "WHERE v.day BETWEEN '2026-10-01' AND '2026-10-31'");
  ck_assert_int_gt (visits, 0);
  acu_store_close (store);
  g_clear_object (&store);

  acu_settings_set_delays (settings, 3600, 3600);
  acu_settings_set_last_database (settings, path);

  window = acu_window_new (acu_ui_test_app);
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), COORD_PW);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));

  /* The coordinator goes to Reports: last month is counted */
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (sidebar_row (window, "reports"))));
  g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated", sidebar_row (window, "reports"));
  ck_assert_str_eq (acu_window_get_visible_page (window), "reports");
  page = child (window, ACU_TYPE_WINDOW, "reports_page");
  WAIT_UNTIL (acu_reports_page_get_report (page) != NULL);

  /* The kind stays a month; the arrows step to October 2026 */
  acu_period_init_month (&october, 2026, 10);
  acu_reports_page_set_period (page, &october);
  WAIT_UNTIL (acu_reports_page_get_report (page) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "reports.next", NULL);
  WAIT_UNTIL (acu_reports_page_get_report (page) != NULL);
  ck_assert_str_eq (acu_reports_page_get_report (page)->periods[ACU_REPORT_NOW].from, "2026-11-01");
  gtk_widget_activate_action (GTK_WIDGET (page), "reports.previous", NULL);
  WAIT_UNTIL (acu_reports_page_get_report (page) != NULL);
  ck_assert_str_eq (gtk_label_get_label (child (page, ACU_TYPE_REPORTS_PAGE, "period_label")), expected->period);

  report = acu_reports_page_get_report (page);
  ck_assert_str_eq (report->periods[ACU_REPORT_NOW].to, "2026-10-31");
  ck_assert_str_eq (report->periods[ACU_REPORT_PREVIOUS].from, "2026-09-01");
  ck_assert_str_eq (report->periods[ACU_REPORT_YEAR_BEFORE].from, "2025-10-01");
  ck_assert_int_eq (acu_report_get_value (report, "reception", "visits", "visits", ACU_REPORT_NOW), visits);
  ck_assert_int_eq (acu_report_get_value (report, "reception", "visits", "anonymous", ACU_REPORT_NOW), anonymous);
  ck_assert_int_eq (acu_report_get_value (report, "reception", "people", "persons", ACU_REPORT_NOW), persons);
  ck_assert_int_eq (acu_report_get_value (report, "reception", "people", "households", ACU_REPORT_NOW), households);

  /* The preview shows every page */
  ck_assert_uint_ge (acu_reports_page_get_n_pages (page), 2);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (child (page, ACU_TYPE_REPORTS_PAGE, "content_stack")), "preview");
  {
    GtkWidget *box = child (page, ACU_TYPE_REPORTS_PAGE, "pages_box");
    guint n = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
      n++;
    ck_assert_uint_eq (n, acu_reports_page_get_n_pages (page));
  }

  /* Printed through GtkPrintOperation into a PDF file: the same pages */
  ck_assert_msg (acu_reports_page_print (page, printed, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (pdf_pages (printed), (int) acu_reports_page_get_n_pages (page));

  /* Saved as CSV, as the Export menu does after its file dialog */
  ck_assert_msg (acu_reports_page_save (page, ACU_REPORT_FORMAT_CSV, csv, &error), "%s",
                 error ? error->message : "");
  ck_assert (g_file_get_contents (csv, &csv_text, NULL, NULL));
  {
    /* "Section";"Table";"visits";"Visits";N;… */
    g_autofree char *total = g_strdup_printf ("\";%" G_GINT64_FORMAT ";", visits);
    const char *line = strstr (csv_text, ";\"visits\";\"");
    const char *end = line ? strchr (line, '\n') : NULL;

    ck_assert_msg (line != NULL && end != NULL, "no visits row in the CSV");
    ck_assert_msg (g_strstr_len (line, end - line, total) != NULL, "no total %s in the CSV", total);
  }
  ck_assert_uint_eq (count_exports (acu_window_get_store (window)), 2);

  /* The FSE+ indicators of the year, from the Export menu: a CSV whose
   * rows are the programme's indicators */
  {
    g_autofree char *fse = g_build_filename (acu_ui_test_data_dir, "fse.csv", NULL);
    g_autofree char *fse_text = NULL;

    ck_assert_msg (acu_reports_page_save_fse (page, ACU_REPORT_FORMAT_CSV, fse, &error), "%s",
                   error ? error->message : "");
    ck_assert (g_file_get_contents (fse, &fse_text, NULL, NULL));
    ck_assert_msg (strstr (fse_text, "\"end-recipients\"") != NULL, "no end recipients in %s", fse_text);
    ck_assert_msg (strstr (fse_text, "\"under-18\"") != NULL, "no under 18 in %s", fse_text);
  }

  /* A visit of October logged elsewhere (the page does nothing): the
   * report's sections read visits, so the figures are stale and Reports
   * counts them again when it is shown */
  {
    gint64 reason = 1;
    AcuVisitDraft draft = { .day = "2026-10-15", .time = "10:00", .reason_ids = &reason, .n_reasons = 1 };

    ck_assert_int_gt (acu_visit_log (acu_window_get_store (window), &draft, &error), 0);
    g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated",
                           sidebar_row (window, "reception"));
    g_signal_emit_by_name (child (window, ACU_TYPE_WINDOW, "sidebar"), "row-activated",
                           sidebar_row (window, "reports"));
    WAIT_UNTIL (acu_reports_page_get_report (page) != NULL
                && acu_report_get_value (acu_reports_page_get_report (page), "reception", "visits", "anonymous",
                                         ACU_REPORT_NOW) == anonymous + 1);
    ck_assert_int_eq (acu_report_get_value (acu_reports_page_get_report (page), "reception", "visits", "visits",
                                            ACU_REPORT_NOW), visits + 1);
  }

  /* A two-dates period typed wrong says so and keeps the report */
  gtk_drop_down_set_selected (child (page, ACU_TYPE_REPORTS_PAGE, "kind_dropdown"), ACU_PERIOD_DATES);
  gtk_editable_set_text (child (page, ACU_TYPE_REPORTS_PAGE, "from_entry"), "31/10/2026");
  gtk_editable_set_text (child (page, ACU_TYPE_REPORTS_PAGE, "to_entry"), "01/10/2026");
  g_signal_emit_by_name (child (page, ACU_TYPE_REPORTS_PAGE, "to_entry"), "activate");
  ck_assert (gtk_widget_get_visible (child (page, ACU_TYPE_REPORTS_PAGE, "error_label")));
  ck_assert_ptr_nonnull (acu_reports_page_get_report (page));

  /* A volunteer comes to the desk: no Reports, no figures left behind */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock-desk", NULL);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "identify"));
  ck_assert_ptr_null (acu_reports_page_get_report (page));
  ck_assert_uint_eq (acu_reports_page_get_n_pages (page), 0);
  acu_ui_test_identify (window, VOLUNTEER, PIN);
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (sidebar_row (window, "reports"))));
  ck_assert_ptr_null (acu_reports_page_get_report (page));
  /* and the core refuses the figures and the exports anyway */
  ck_assert (!acu_reports_page_save (page, ACU_REPORT_FORMAT_CSV, csv, &error));
  g_clear_error (&error);
  ck_assert_ptr_null (acu_report_compute (acu_window_get_store (window), &october, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN));
  g_clear_error (&error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-database", NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  store = acu_store_open (path, COORDINATOR, COORD_PW, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (count_exports (store), 2);
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
  return acu_ui_test_run ("reports", test_reports, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
