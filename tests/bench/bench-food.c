/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Food aid at the scale of the demo data (tests/bench/README.md):
 *   food-serve      checking a person's access and serving a parcel, with
 *                   its visit and its movements, committed; floor: one
 *                   committed single-row insert (the cost of a durable
 *                   commit, which nothing that writes can go under)
 *   food-expected   the first page (50) of a distribution day's expected
 *                   households; target < 5 ms
 *   food-stock      stock on hand by food category; target < 1 ms; floor:
 *                   the same rows summed from goods_stock by hand */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "acu-date.h"
#include "acu-food.h"
#include "acu-goods.h"
#include "acu-store-private.h"

#include "bench.h"
#include "bench-food.h"

#define SERVE_RUNS    40
#define READ_RUNS     200
#define EXPECTED_PAGE 50

static gint64
first_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* One committed single-row insert, on the store's own connection */
static double
floor_commit (sqlite3 *db)
{
  double start = bench_now_ms ();

  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit (at, action) VALUES (0, 'bench')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return bench_now_ms () - start;
}

static void
serve (const char *scale,
       AcuStore   *store)
{
  sqlite3 *db = acu_store_get_db (store);
  g_autofree char *today = acu_date_today ();
  g_autoptr(GArray) preset = NULL;
  double samples[SERVE_RUNS], floors[SERVE_RUNS];
  sqlite3_stmt *people = NULL;
  BenchLine *line;
  guint n = 0;
  gint64 pages_serve = 0, pages_floor = 0;

  preset = acu_food_parcel_preset (store, 3, NULL);
  g_assert_nonnull (preset);
  /* One member of each of the first households, served today whatever
   * their access says (the coordinator overrides): checking the access
   * is part of what is measured */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT min (id) FROM person GROUP BY household_id LIMIT 40",
                                       -1, &people, NULL), ==, SQLITE_OK);
  while (n < SERVE_RUNS && sqlite3_step (people) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      AcuFoodServiceDraft draft = {
        .day = today, .person_id = sqlite3_column_int64 (people, 0), .mode = ACU_FOOD_MODE_PARCEL,
        .weights = (const AcuFoodWeight *) preset->data, .n_weights = preset->len,
        .value_cents = -1, .paid_cents = -1, .override_reason = "bench",
      };
      double start = bench_now_ms ();
      g_autofree char *message = NULL;
      int before, written, high;

      sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_WRITE, &before, &high, 0);
      acu_food_check (store, &draft, &message, &error);
      g_assert_no_error (error);
      g_assert_cmpint (acu_food_serve (store, &draft, NULL, &error), >, 0);
      g_assert_no_error (error);
      samples[n] = bench_now_ms () - start;
      sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_WRITE, &written, &high, 0);
      pages_serve += written - before;
      floors[n] = floor_commit (db);
      sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_WRITE, &before, &high, 0);
      pages_floor += before - written;
      n++;
    }
  sqlite3_finalize (people);
  g_assert_cmpuint (n, ==, SERVE_RUNS);
  /* What a commit costs is mostly its pages, each encrypted and written
   * to the WAL: a serve writes its visit, the service, a snapshot row a
   * person and a movement a category, with their indexes and the counts
   * the triggers keep; the floor one row and its table's last page */
  printf ("# %s: pages written by a commit: serve %.1f, floor %.1f (mean of %u)\n", scale,
          (double) pages_serve / n, (double) pages_floor / n, n);
  line = bench_add_line (scale, "food-serve", "ms", BENCH_TIME, samples, n, floors, n);
  bench_line_set_target (line, "≤ 2× floor", line->ratio <= 2.0);
  bench_print_line (line);
}

/* The Tuesday with the most households expected, among the last ones */
static char *
busy_day (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *day = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT day FROM food_service GROUP BY day "
                                           "ORDER BY day DESC LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return day != NULL ? day : acu_date_today ();
}

static void
expected (const char *scale,
          AcuStore   *store)
{
  sqlite3 *db = acu_store_get_db (store);
  g_autofree char *day = busy_day (db);
  double samples[READ_RUNS], floors[READ_RUNS];
  sqlite3_stmt *floor = NULL;
  BenchLine *line;
  guint total;

  /* The floor: 50 valid records read from the index on their end, with
   * no name and no count of services */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT household_id FROM food_access WHERE end_day >= ?1 "
                                           "AND start_day <= ?1 LIMIT 50", -1, &floor, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (floor, 1, day, -1, SQLITE_TRANSIENT);

  total = acu_food_day_count_expected (store, day, ACU_FOOD_MODE_PARCEL, NULL);
  printf ("# %s: %u households expected for parcels on %s\n", scale, total, day);
  for (guint i = 0; i < READ_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      double start = bench_now_ms ();

      page = acu_food_day_expected (store, day, ACU_FOOD_MODE_PARCEL, 0, EXPECTED_PAGE, &error);
      samples[i] = bench_now_ms () - start;
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (total, EXPECTED_PAGE));
      start = bench_now_ms ();
      while (sqlite3_step (floor) == SQLITE_ROW)
        ;
      sqlite3_reset (floor);
      floors[i] = bench_now_ms () - start;
    }
  sqlite3_finalize (floor);
  line = bench_add_line (scale, "food-expected", "ms", BENCH_TIME, samples, READ_RUNS, floors, READ_RUNS);
  bench_line_set_target (line, "p95 < 5 ms", line->p95 < 5);
  bench_print_line (line);
}

static void
stock (const char *scale,
       AcuStore   *store)
{
  sqlite3 *db = acu_store_get_db (store);
  double samples[READ_RUNS], floors[READ_RUNS];
  sqlite3_stmt *floor = NULL;
  BenchLine *line;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT category_id, sum (grams) FROM goods_stock "
                                           "GROUP BY category_id", -1, &floor, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < READ_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      double start = bench_now_ms ();

      rows = acu_goods_stock (store, ACU_GOODS_KINDS_FOOD_AID, 0, &error);
      samples[i] = bench_now_ms () - start;
      g_assert_no_error (error);
      start = bench_now_ms ();
      while (sqlite3_step (floor) == SQLITE_ROW)
        ;
      sqlite3_reset (floor);
      floors[i] = bench_now_ms () - start;
    }
  sqlite3_finalize (floor);
  printf ("# %s: %" G_GINT64_FORMAT " movements in the ledger\n", scale,
          first_int (db, "SELECT count (*) FROM goods_movement"));
  line = bench_add_line (scale, "food-stock", "ms", BENCH_TIME, samples, READ_RUNS, floors, READ_RUNS);
  bench_line_set_target (line, "p95 < 1 ms", line->p95 < 1);
  bench_print_line (line);
}

void
bench_food (const char *scale,
            AcuStore   *store)
{
  expected (scale, store);
  stock (scale, store);
  serve (scale, store);
}
