/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "acu-recovery-sheet.h"
#include "acu-report-document.h"
#include "acu-date.h"
#include "acu-visits.h"
#include "acu-test-util.h"

/* PDF files hold NUL bytes: g_strstr_len would stop at the first one */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static const char *code = "7K3QD-M9XTR-ABCDE-FGHJK-MNPQR-STVWX";

START_TEST (test_sheet_saves_a_one_page_pdf)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "code.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) made = g_date_time_new_local (2026, 11, 25, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  AcuRecoverySheet sheet = { "Tiers-lieu de Lectoure", "lectoure.acuelh", code, made };
  gsize len;

  ck_assert (acu_recovery_sheet_save_pdf (&sheet, path, &error));
  ck_assert_ptr_null (error);
  ck_assert (g_file_get_contents (path, &contents, &len, NULL));
  ck_assert (len > 1000);
  ck_assert (g_str_has_prefix (contents, "%PDF-"));
  {
    GStatBuf st;

    /* The code opens the database: the file is its owner's alone */
    ck_assert_int_eq (g_stat (path, &st), 0);
    ck_assert_int_eq (st.st_mode & 0777, 0600);
  }
  /* One A4 page */
  ck_assert (contains (contents, len, "/Count 1"));
  ck_assert (contains (contents, len, "/MediaBox [ 0 0 595 842 ]"));

  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

START_TEST (test_sheet_reports_an_unwritable_path)
{
  g_autoptr(GError) error = NULL;
  AcuRecoverySheet sheet = { "Site", "site.acuelh", code, NULL };

  ck_assert (!acu_recovery_sheet_save_pdf (&sheet, "/nonexistent-folder/code.pdf", &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_FAILED));
  ck_assert (!g_file_test ("/nonexistent-folder/code.pdf", G_FILE_TEST_EXISTS));
}
END_TEST


/* The activity summary document, on a report made by hand */

/* The page count of the report below, as laid out today: the header,
 * visits and the trend on page 1; reasons and their bars on page 2;
 * weekdays with their columns and ages on page 3 */
#define HAND_MADE_PAGES 3

static AcuFigure *
add_row (AcuFigureTable *table,
         const char     *key,
         const char     *label,
         gint64          now,
         gint64          previous,
         gint64          year_before)
{
  AcuFigure *figure = acu_figure_table_add (table, key, label);

  figure->values[ACU_REPORT_NOW] = now;
  figure->values[ACU_REPORT_PREVIOUS] = previous;
  figure->values[ACU_REPORT_YEAR_BEFORE] = year_before;
  return figure;
}

/* A bars table of @n_rows rows */
static void
add_bars (AcuReportSection *section,
          const char       *id,
          guint             n_rows)
{
  AcuFigureTable *table = acu_report_section_add_table (section, id, "Visits by reason", ACU_FIGURE_VISITS,
                                                        ACU_CHART_BARS);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *key = g_strdup_printf ("reason-%u", i);
      g_autofree char *label = g_strdup_printf ("Reason number %u", i + 1);

      add_row (table, key, label, (i * 37) % 180 + 3, (i * 29) % 150, (i * 23) % 160 + 1);
    }
}

/* October 2026 in Mauvezin, with the tables of the reception section */
static AcuReport *
report_new (void)
{
  static const char *days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
  g_autoptr(GDateTime) made_at = g_date_time_new_local (2026, 11, 3, 9, 30, 0);
  AcuReport *report;
  AcuReportSection *section;
  AcuFigureTable *table;
  AcuPeriod october;

  /* the previous period is September 2026, a year before October 2025 */
  acu_period_init_month (&october, 2026, 10);
  report = acu_report_new ("Tiers-lieu de Mauvezin", &october, made_at);

  section = acu_report_add_section (report, "reception", "Reception");
  table = acu_report_section_add_table (section, "visits", "Visits", ACU_FIGURE_VISITS, ACU_CHART_NONE);
  add_row (table, "visits", "Visits", 1234, 1180, 1010);
  add_row (table, "identified", "Visits of known persons", 1000, 950, 830);
  add_row (table, "anonymous", "Anonymous visits", 234, 230, 180);

  table = acu_report_section_add_table (section, "trend", "Visits over twelve months", ACU_FIGURE_VISITS,
                                        ACU_CHART_TREND);
  table->compared = FALSE;
  for (guint i = 0; i < 12; i++)
    {
      guint month = (10 + i) % 12 + 1, year = month >= 11 ? 2025 : 2026;
      g_autofree char *key = g_strdup_printf ("%u-%02u", year, month);
      g_autofree char *day = g_strdup_printf ("%s-01", key);
      g_autofree char *label = acu_report_format_month (day);

      add_row (table, key, label, 900 + (i * 53) % 400, 0, 800 + (i * 71) % 350);
    }

  add_bars (section, "by-reason", 20);

  table = acu_report_section_add_table (section, "by-weekday", "Visits by day of the week", ACU_FIGURE_VISITS,
                                        ACU_CHART_COLUMNS);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    add_row (table, days[i], days[i], 120 + i * 31 % 90, 110, 100 + i * 17 % 70);

  table = acu_report_section_add_table (section, "by-age", "Persons by age", ACU_FIGURE_PERSONS, ACU_CHART_NONE);
  add_row (table, "under-18", "Under 18", 40, 38, 35);
  add_row (table, "0-2", "0 to 2 years", 10, 9, 8)->level = 1;
  add_row (table, "3-14", "3 to 14 years", 22, 21, 20)->level = 1;
  add_row (table, "15-17", "15 to 17 years", 8, 8, 7)->level = 1;
  add_row (table, "18-59", "18 to 59 years", 300, 290, 250);
  add_row (table, "60-plus", "60 and over", 90, 85, 80);
  return report;
}

/* A tool's output on one line, for a TAP message */
#define ONE_LINE(text) g_strdelimit (g_strdup (text), "\n", '|')

#define ASSERT_HAS(text, needle)                                             \
  ck_assert_msg (strstr ((text), (needle)) != NULL, "no “%s” in: %s", (needle), ONE_LINE (text))

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL, NULL, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdftotext"))
    {
      argv[1] = "-enc";
      argv[2] = "UTF-8";
      argv[3] = path;
      argv[4] = "-";
    }
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error),
                 "%s: %s", tool, error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s failed: %s", tool, ONE_LINE (err));
  return g_steal_pointer (&out);
}

/* The value of "@name:" in pdfinfo's output */
static char *
pdfinfo_field (const char *info,
               const char *name)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (name) + 1));
  ck_abort_msg ("no %s in pdfinfo's output: %s", name, ONE_LINE (info));
  return NULL;
}

/* No-break spaces as plain ones, whichever pdftotext gives */
static char *
plain_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202f || c == 0x00a0)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

START_TEST (test_document_pages)
{
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = acu_report_document_new (report);
  g_autoptr(AcuReport) longer = report_new ();
  g_autoptr(AcuReportDocument) longer_doc = NULL;
  AcuReportSection *section;

  ck_assert_uint_eq (acu_report_document_get_n_pages (doc), HAND_MADE_PAGES);

  section = acu_report_add_section (longer, "more", "More figures");
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("more-%u", i);

      add_bars (section, id, 10);
    }
  longer_doc = acu_report_document_new (longer);
  ck_assert_uint_gt (acu_report_document_get_n_pages (longer_doc), HAND_MADE_PAGES + 1);
}
END_TEST


START_TEST (test_document_saves_pdf)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = acu_report_document_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *size = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_page = NULL;

  ck_assert (acu_report_document_save_pdf (doc, path, &error));
  ck_assert_ptr_null (error);
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));

  info = run_tool ("pdfinfo", path);
  pages = pdfinfo_field (info, "Pages");
  ck_assert_uint_eq (g_ascii_strtoull (pages, NULL, 10), acu_report_document_get_n_pages (doc));
  title = pdfinfo_field (info, "Title");
  ck_assert_str_eq (title, "Tiers-lieu de Mauvezin — October 2026");
  size = pdfinfo_field (info, "Page size");
  ck_assert_str_eq (size, "595 x 842 pts (A4)");

  raw = run_tool ("pdftotext", path);
  text = plain_spaces (raw);
  ASSERT_HAS (text, "Tiers-lieu de Mauvezin");
  ASSERT_HAS (text, "Activity summary");
  ASSERT_HAS (text, "October 2026");
  ASSERT_HAS (text, "From 1 October 2026 to 31 October 2026");
  ASSERT_HAS (text, "September 2026");
  ASSERT_HAS (text, "October 2025");
  ASSERT_HAS (text, "1 234");
  /* 1 234 against 1 010 a year earlier */
  ASSERT_HAS (text, "+22,2 %");
  /* 20 reasons: the 12 largest, then the others together */
  ASSERT_HAS (text, "Others");
  ASSERT_HAS (text, "Made on 3 November 2026 at 09:30");
  first_page = g_strdup_printf ("Page 1 of %u", HAND_MADE_PAGES);
  last_page = g_strdup_printf ("Page %u of %u", HAND_MADE_PAGES, HAND_MADE_PAGES);
  ASSERT_HAS (text, first_page);
  ASSERT_HAS (text, last_page);

  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

/* A table longer than a page flows over several, never off the page */
START_TEST (test_document_long_table)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = NULL;
  AcuReportSection *section = acu_report_add_section (report, "places", "Places");
  AcuFigureTable *table = acu_report_section_add_table (section, "by-commune", "Visits by commune",
                                                        ACU_FIGURE_VISITS, ACU_CHART_BARS);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *label = g_strdup_printf ("Commune %u", i);

      add_row (table, NULL, label, i, i, i);
    }
  doc = acu_report_document_new (report);
  /* 150 rows of some 17 pt, then the chart: four or five pages more */
  ck_assert_uint_ge (acu_report_document_get_n_pages (doc), HAND_MADE_PAGES + 4);
  ck_assert_uint_le (acu_report_document_get_n_pages (doc), HAND_MADE_PAGES + 5);

  /* Each page it goes on over says so */
  ck_assert (acu_report_document_save_pdf (doc, path, NULL));
  raw = run_tool ("pdftotext", path);
  text = plain_spaces (raw);
  ASSERT_HAS (text, "Visits by commune (continued)");
  ASSERT_HAS (text, "Commune 149");
  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

/* Figures of every kind, each in its unit: a mass in kilograms (its
 * chart's axis too), money in euros, durations, a rate */
START_TEST (test_document_kinds)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "kinds.pdf", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = NULL;
  AcuReportSection *section = acu_report_add_section (report, "food-aid", "Food aid");
  AcuFigureTable *table;

  table = acu_report_section_add_table (section, "served", "Food served by day", ACU_FIGURE_GRAMS,
                                        ACU_CHART_COLUMNS);
  add_row (table, "tuesday", "Tuesday", 1234567, 1000000, 987654);
  add_row (table, "friday", "Friday", 850, 1049, 0);
  table = acu_report_section_add_table (section, "contributions", "Contributions", ACU_FIGURE_CENTS,
                                        ACU_CHART_BARS);
  add_row (table, "paid", "Paid", 123456, 100000, 120000);
  add_row (table, "waived", "Waived", 150, 0, 0);
  table = acu_report_section_add_table (section, "time", "Time spent helping", ACU_FIGURE_MINUTES,
                                        ACU_CHART_NONE);
  table->compared = FALSE;
  add_row (table, "help", "Help", 200, 0, 120);
  add_row (table, "short", "Short questions", 45, 0, 30);
  table = acu_report_section_add_table (section, "rates", "Procedures completed", ACU_FIGURE_RATE,
                                        ACU_CHART_NONE);
  add_row (table, "completed", "Completed", 1250, 1000, 1100);
  doc = acu_report_document_new (report);

  ck_assert (acu_report_document_save_pdf (doc, path, NULL));
  raw = run_tool ("pdftotext", path);
  text = plain_spaces (raw);
  /* kilograms to the 100 g, and the axis of their chart */
  ASSERT_HAS (text, "1 234,6 kg");
  ASSERT_HAS (text, "1 000,0 kg");
  ASSERT_HAS (text, "987,7 kg");
  ASSERT_HAS (text, "0,9 kg");
  ASSERT_HAS (text, "1 500,0 kg");
  /* euros to the cent */
  ASSERT_HAS (text, "1 234,56 €");
  ASSERT_HAS (text, "1,50 €");
  /* hours and minutes, under the heading of durations */
  ASSERT_HAS (text, "Duration");
  ASSERT_HAS (text, "3 h 20");
  /* pdftotext may drop the no-break space of "2 h" at the end of a cell */
  ck_assert_msg (strstr (text, "2 h") != NULL || strstr (text, "\n2h\n") != NULL,
                 "no “2 h” in: %s", ONE_LINE (text));
  ASSERT_HAS (text, "45 min");
  /* a rate, without a change in percent */
  ASSERT_HAS (text, "12,5 %");
  ASSERT_HAS (text, "11,0 %");
  ck_assert_msg (strstr (text, "+13,6 %") == NULL, "a change of a rate in percent");
  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

START_TEST (test_document_failed_save_keeps_the_old_file)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *folder_partial = g_strconcat (folder, ".partial", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = acu_report_document_new (report);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A folder that does not exist */
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!acu_report_document_save_pdf (doc, missing, &error));
    ACU_ASSERT_ERROR (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    ck_assert_msg (strstr (error->message, "summary.pdf") != NULL, "%s", error->message);
    ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* The partial file cannot be written (a folder has its name; root
   * would ignore a read-only folder): the old file stays as it was */
  ck_assert (g_file_set_contents (path, "%PDF-1.5 an older summary\n", -1, NULL));
  before = acu_test_file_checksum (path);
  ck_assert_int_eq (g_mkdir (partial, 0700), 0);
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!acu_report_document_save_pdf (doc, path, &error));
    ck_assert_ptr_nonnull (error);
    ck_assert (error->domain == G_FILE_ERROR);
    ck_assert_msg (strstr (error->message, "summary.pdf") != NULL, "%s", error->message);
  }
  after = acu_test_file_checksum (path);
  ck_assert_str_eq (before, after);
  ck_assert (g_file_test (partial, G_FILE_TEST_IS_DIR));
  g_rmdir (partial);

  /* Written, but the name is taken by a folder: nothing is left behind */
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!acu_report_document_save_pdf (doc, folder, &error));
    ck_assert_ptr_nonnull (error);
    ck_assert (error->domain == G_FILE_ERROR);
  }
  ck_assert (g_file_test (folder, G_FILE_TEST_IS_DIR));
  ck_assert (!g_file_test (folder_partial, G_FILE_TEST_EXISTS));
  g_rmdir (folder);

  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* A4 fits a wide area by its height, centred, on white; the rest of the
 * area is left alone */
START_TEST (test_document_draws_scaled_to_fit)
{
  g_autoptr(AcuReport) report = report_new ();
  g_autoptr(AcuReportDocument) doc = acu_report_document_new (report);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 500);
  cairo_t *cr = cairo_create (surface);
  double scale = 500 / ACU_REPORT_A4_HEIGHT;
  int left = (int) ((1000 - ACU_REPORT_A4_WIDTH * scale) / 2);
  int right = left + (int) (ACU_REPORT_A4_WIDTH * scale);
  guint inked = 0;

  acu_report_document_draw_page (doc, cr, 1, 1000, 500);
  cairo_surface_flush (surface);

  ck_assert_uint_eq (pixel (surface, left - 3, 250), 0);
  ck_assert_uint_eq (pixel (surface, right + 3, 250), 0);
  ck_assert_uint_eq (pixel (surface, left + 3, 3), 0xffffffff);
  ck_assert_uint_eq (pixel (surface, right - 3, 496), 0xffffffff);
  for (int y = 0; y < 500; y++)
    for (int x = left; x < right; x++)
      inked += pixel (surface, x, y) != 0xffffffff;
  /* Text and charts, not a blank page */
  ck_assert_uint_gt (inked, 5000);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}
END_TEST

/* The one export the window and the command line share, and the count in
 * a worker thread, on a real database */

#define SITE     "Tiers-lieu de Lectoure"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

START_TEST (test_export_and_count_in_a_thread)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "lectoure.acuelh", NULL);
  g_autofree char *pdf = g_build_filename (dir, "octobre.pdf", NULL);
  g_autofree char *refused = g_build_filename (dir, "refused.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(AcuReport) report = NULL;
  g_autoptr(AcuProgress) progress = acu_progress_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *data = NULL;
  gsize len;
  gint64 reasons[] = { 1 };
  AcuVisitDraft draft = { .day = "2025-10-07", .time = "10:00", .reason_ids = reasons, .n_reasons = 1 };
  AcuPeriod period;
  AcuFigureTable *visits;

  store = acu_store_create (path, SITE, PERSON, PASSWORD, NULL, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  /* three anonymous visits in October 2025, one in November */
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  draft.time = "11:00";
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  draft.day = "2025-10-21";
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  draft.day = "2025-11-04";
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  acu_period_init_month (&period, 2025, 10);

  /* In a worker thread, on its own connection */
  acu_report_compute_async (store, &period, progress, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = acu_report_compute_finish (result, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  ck_assert (acu_progress_get_fraction (progress) == 1.0);
  visits = acu_report_find_table (report, "reception", "visits");
  ck_assert_ptr_nonnull (visits);
  ck_assert_int_eq (acu_figure_table_find (visits, "visits")->values[ACU_REPORT_NOW], 3);
  ck_assert_int_eq (acu_figure_table_find (visits, "anonymous")->values[ACU_REPORT_NOW], 3);

  /* Recorded, then written */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'"), 0);
  ck_assert_msg (acu_report_document_export (store, report, NULL, ACU_REPORT_FORMAT_PDF, pdf, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'"), 1);
  ck_assert (g_file_get_contents (pdf, &data, &len, NULL));
  ck_assert (len > 4 && memcmp (data, "%PDF", 4) == 0);

  /* Nobody identified: refused, nothing written, nothing recorded */
  acu_store_forget_identity (store);
  ck_assert (!acu_report_document_export (store, report, NULL, ACU_REPORT_FORMAT_PDF, refused, &error));
  ck_assert (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN));
  ck_assert (!g_file_test (refused, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'"), 1);
  g_clear_error (&error);

  /* The count is refused too, from the thread */
  g_clear_object (&result);
  acu_report_compute_async (store, &period, NULL, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_ptr_null (acu_report_compute_finish (result, &error));
  ck_assert (g_error_matches (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN));

  acu_store_close (store);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

/* A sheet to sign: the rows of a distribution day's households, a
 * signature column, the headers again on each page */

static AcuReportDocument *
signing_sheet_new (guint n_rows)
{
  static const char *const columns[] = { "Household", "Name", "Persons", "Signature" };
  static const double widths[] = { 0.13, 0.45, 0.12, 0.30 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GDateTime) made = g_date_time_new_local (2026, 12, 8, 9, 5, 0);
  AcuReportSheet sheet = { "Tiers-lieu de Lectoure", "Sign-in sheet", "Tuesday 8 December 2026 · Parcel",
                           made, G_N_ELEMENTS (columns), columns, widths, rows };

  for (guint i = 1; i <= n_rows; i++)
    {
      char **cells = g_new0 (char *, 4);

      cells[0] = g_strdup_printf ("%u", 100 + i);
      cells[1] = g_strdup_printf ("Person %u", i);
      cells[2] = g_strdup_printf ("%u", 1 + i % 5);
      g_ptr_array_add (rows, cells);
    }
  return acu_report_document_new_sheet (&sheet);
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

START_TEST (test_signing_sheet)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(AcuReportDocument) empty = signing_sheet_new (0);
  g_autoptr(AcuReportDocument) short_sheet = signing_sheet_new (3);
  g_autoptr(AcuReportDocument) doc = signing_sheet_new (60);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  ck_assert_uint_eq (acu_report_document_get_n_pages (empty), 1);
  ck_assert_uint_eq (acu_report_document_get_n_pages (short_sheet), 1);
  /* Rows of 30 pt, room for a signature: about 20 under the title of
   * the first page, 22 on the next ones; 60 rows make three pages */
  ck_assert_uint_eq (acu_report_document_get_n_pages (doc), 3);

  ck_assert (acu_report_document_save_pdf (doc, path, &error));
  ck_assert_ptr_null (error);
  info = run_tool ("pdfinfo", path);
  title = pdfinfo_field (info, "Title");
  ck_assert_str_eq (title, "Sign-in sheet — Tuesday 8 December 2026 · Parcel");
  raw = run_tool ("pdftotext", path);
  text = plain_spaces (raw);
  ASSERT_HAS (text, "Tiers-lieu de Lectoure");
  ASSERT_HAS (text, "Tuesday 8 December 2026 · Parcel");
  ASSERT_HAS (text, "Person 1\n");
  ASSERT_HAS (text, "Person 60");
  ASSERT_HAS (text, "Sign-in sheet (continued)");
  ASSERT_HAS (text, "Made on 8 December 2026 at 09:05");
  ASSERT_HAS (text, "Page 3 of 3");
  /* the column headers on each page */
  ck_assert_uint_eq (count_of (text, "Signature"), 3);
  ck_assert_uint_eq (count_of (text, "Person "), 60);
  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("report");
  TCase *tcase = tcase_create ("recovery-sheet");

  tcase_add_test (tcase, test_sheet_saves_a_one_page_pdf);
  tcase_add_test (tcase, test_sheet_reports_an_unwritable_path);
  suite_add_tcase (suite, tcase);

  tcase = tcase_create ("document");
  tcase_add_test (tcase, test_document_pages);
  tcase_add_test (tcase, test_document_long_table);
  tcase_add_test (tcase, test_document_saves_pdf);
  tcase_add_test (tcase, test_document_kinds);
  tcase_add_test (tcase, test_document_failed_save_keeps_the_old_file);
  tcase_add_test (tcase, test_document_draws_scaled_to_fit);
  tcase_add_test (tcase, test_signing_sheet);
  suite_add_tcase (suite, tcase);

  tcase = tcase_create ("export");
  tcase_add_test (tcase, test_export_and_count_in_a_thread);
  suite_add_tcase (suite, tcase);
  acu_test_use_fast_kdf ();
  return acu_test_run (suite);
}
