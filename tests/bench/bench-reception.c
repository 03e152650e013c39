/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "acu-date.h"
#include "acu-demo.h"
#include "acu-people.h"
#include "acu-store-private.h"
#include "acu-test-util.h"
#include "acu-visits.h"

/* The reception desk's two hot paths on a large demo database, each next
 * to its floor measured in the same run on the same connection:
 *   search   the first page of people as letters are typed, against the
 *            same indexed SQL prepared and stepped by hand;
 *   log      one visit through the core (checks, two tables, commit),
 *            against a bare prepared INSERT in its own transaction.
 * Prints "name value unit floor ratio" lines (median and p95).
 * ACUELH_BENCH_HOUSEHOLDS sets the scale (default 100000, 5 years). */

#define RUNS        200
#define PAGE        8
#define PREFIX_END  "\xf4\x8f\xbf\xbf"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
stats (double *samples,
       guint   n,
       double *median,
       double *p95)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  *median = samples[n / 2];
  *p95 = samples[MIN (n - 1, (guint) (n * 0.95))];
}

static void
report (const char *name,
        double     *samples,
        double     *floors,
        guint       n)
{
  double median, p95, floor_median, floor_p95;

  stats (samples, n, &median, &p95);
  stats (floors, n, &floor_median, &floor_p95);
  printf ("%-24s %9.3f ms  %9.3f ms  ratio %5.2f   (median)\n", name, median, floor_median, median / floor_median);
  printf ("%-24s %9.3f ms  %9.3f ms  ratio %5.2f   (p95)\n", name, p95, floor_p95, p95 / floor_p95);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The floor: the index walk of acu_people_search, for one word */
static double
floor_search (sqlite3    *db,
              const char *word)
{
  static sqlite3_stmt *stmt;
  g_autofree char *end = g_strconcat (word, PREFIX_END, NULL);
  double start = now_ms ();
  int rows = 0;

  if (stmt == NULL)
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT p.id, p.household_id, p.first_name, p.last_name, p.birth_date, "
                                         "p.gender, p.informed_on, c.label FROM person_word w "
                                         "JOIN person p ON p.id = w.person_id "
                                         "JOIN household h ON h.id = p.household_id "
                                         "LEFT JOIN commune c ON c.id = h.commune_id "
                                         "WHERE w.word >= ?1 AND w.word < ?2 "
                                         "ORDER BY w.word, w.sort_key, w.person_id LIMIT ?3",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, PAGE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 8; c++)
        (void) sqlite3_column_text (stmt, c);
      rows++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpint (rows, ==, PAGE);
  return now_ms () - start;
}

static double
core_search (AcuStore   *store,
             const char *query)
{
  double start = now_ms ();
  g_autoptr(GPtrArray) people = acu_people_search (store, query, 0, PAGE, NULL);
  double elapsed = now_ms () - start;

  g_assert_cmpuint (people->len, ==, PAGE);
  return elapsed;
}

static double
floor_insert (sqlite3 *db)
{
  static sqlite3_stmt *stmt;
  double start;

  if (stmt == NULL)
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "INSERT INTO visit (day, time, person_id, logged_by, created_at, updated_at) "
                                         "VALUES ('2020-01-01', '10:00', 1, 1, 0, 0)", -1, &stmt, NULL), ==, SQLITE_OK);
  start = now_ms ();
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return now_ms () - start;
}

static double
core_log (AcuStore *store,
          gint64    person_id)
{
  gint64 reasons[] = { 1, 2 };
  AcuVisitDraft draft = { .person_id = person_id, .reason_ids = reasons, .n_reasons = 2 };
  double start = now_ms ();
  gint64 id = acu_visit_log (store, &draft, NULL);
  double elapsed = now_ms () - start;

  g_assert_cmpint (id, >, 0);
  return elapsed;
}

int
main (int    argc,
      char **argv)
{
  const char *scale = g_getenv ("ACUELH_BENCH_HOUSEHOLDS");
  guint households = scale ? (guint) atoi (scale) : 100000;
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bench.acuelh", NULL);
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AcuDemoOptions options = { households, 5, 1, "2026-11-24" };
  const char *words[] = { "d", "du", "dup", "dupo", "dupon" };
  double samples[RUNS], floors[RUNS], start;
  AcuVisitCounts counts;
  sqlite3 *db;

  acu_test_use_fast_kdf ();
  store = acu_store_create (path, "Bench", "Bench Person", "Tr3s-Secret!Gers#2026", NULL, &error);
  g_assert_no_error (error);
  start = now_ms ();
  g_assert_true (acu_demo_fill (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (acu_visit_count (store, "2000-01-01", "2026-11-24", &counts, NULL));
  printf ("# demo data: %u households, %u visits, written in %.1f s\n",
          households, counts.visits, (now_ms () - start) / 1000.0);
  printf ("# %-22s %12s  %12s\n", "name", "core", "floor");
  db = acu_store_get_db (store);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *name = g_strdup_printf ("search-%zu-letters", strlen (words[w]));

      /* warm the caches, then alternate core and floor */
      core_search (store, words[w]);
      floor_search (db, words[w]);
      for (guint i = 0; i < RUNS; i++)
        {
          samples[i] = core_search (store, words[w]);
          floors[i] = floor_search (db, words[w]);
        }
      report (name, samples, floors, RUNS);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      samples[i] = core_log (store, 1 + i);
      floors[i] = floor_insert (db);
    }
  report ("log-visit", samples, floors, RUNS);

  acu_store_close (store);
  g_clear_object (&store);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
