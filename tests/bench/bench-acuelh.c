/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "acu-demo.h"
#include "acu-desk-people.h"
#include "acu-key-file.h"
#include "acu-people.h"
#include "acu-report.h"
#include "acu-secret.h"
#include "acu-store-private.h"
#include "acu-test-util.h"
#include "acu-visits.h"
#include "bench.h"
#include "bench-food.h"

/* Acuèlh's benchmarks (tests/bench/README.md). Each line times a core
 * call, or the application, next to its floor: the least work that gives
 * the same answer, measured in the same run, in alternation, on the same
 * connection. At two scales of demo data, each generated once per run in
 * a temporary folder:
 *   bulk-insert   the demo generator's write path, against a bare
 *                 prepared INSERT loop of the same rows in one transaction
 *   search-N      the first page of a search as letters are typed,
 *                 against the same indexed SQL stepped by hand
 *   log-visit     acu_visit_log, against a bare INSERT in a transaction
 *   report-month  the activity summary of a month and of a year, against
 *   report-year   its aggregate queries stepped by hand
 *   food-…        food aid: serving, a day's expected households, the
 *                 stock (bench-food.c)
 *   open          unlocking (Argon2id at MODERATE, key slots, checks),
 *                 against Argon2id alone and a raw-key open
 *   startup       the application's first frame (its unlock page) under
 *                 an X server, against a minimal AdwApplicationWindow;
 *   peak-rss      and the peak memory of both
 * Prints "name value unit floor ratio" lines, a summary, and the JSON. */

#define SEARCH_RUNS   200
#define LOG_RUNS      200
#define REPORT_RUNS   20
#define OPEN_RUNS     5
#define STARTUP_RUNS  10
#define PAGE          8
#define PREFIX_END    "\xf4\x8f\xbf\xbf"
#define FLOOR_CHUNK   25000   /* rows between two samples of the floor */

#define SITE_NAME     "Bench"
#define PERSON_NAME   "Bench Person"
#define PASSWORD      "Tr3s-Secret!Gers#2026"
#define DEMO_UNTIL    "2026-11-24"

typedef struct
{
  const char *name;
  guint       households;
} ScaleInfo;

static const ScaleInfo scale_infos[] = {
  { "site", 1500 },
  { "stress", 100000 },
};

typedef struct
{
  const char  *name;
  guint        households;
  char        *dir;
  char        *path;
  AcuStore    *store;
  char        *key_hex;     /* the raw database key, for the floor of open */
} Scale;

static char **only_lines;

static gboolean
wanted (const char *what)
{
  return only_lines == NULL || g_strv_contains ((const char * const *) only_lines, what);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-keys", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Bulk insert: the demo generator, against the same rows by hand */

/* The generator commits every 500 households (acu-demo.c), then every
 * week of food aid */
#define DEMO_HOUSEHOLDS_PER_COMMIT 500

typedef struct
{
  sqlite3 *db;
  double   last_ms;
  int      last_changes;
  GArray  *rates;
  guint    batches;       /* the households' commits */
  double   food_ms;       /* then the food aid's weeks */
  int      food_changes;
} FillProgress;

/* Called after each commit of the generator: the rows it wrote since the
 * last one, whatever the table. The line compares the households' commits
 * with their rows; the weeks of food aid are counted apart. */
static void
fill_progress_cb (double   fraction,
                  gpointer user_data)
{
  FillProgress *progress = user_data;
  double now = bench_now_ms ();
  int changes = sqlite3_total_changes (progress->db);
  double rate = (changes - progress->last_changes) / ((now - progress->last_ms) / 1e3);

  if (progress->rates->len < progress->batches)
    g_array_append_val (progress->rates, rate);
  else
    {
      progress->food_ms += now - progress->last_ms;
      progress->food_changes += changes - progress->last_changes;
    }
  progress->last_ms = now;
  progress->last_changes = changes;
}

typedef struct
{
  int type;
  union
  {
    gint64      i;
    double      d;
    const char *s;
  } v;
} Cell;

typedef struct
{
  char   *table;
  int     n_columns;
  GArray *cells;   /* Cell, row after row */
} TableRows;

static void
table_rows_free (TableRows *rows)
{
  g_free (rows->table);
  g_array_unref (rows->cells);
  g_free (rows);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableRows, table_rows_free)

/* Every row of a table, in memory, so that the floor only writes */
static TableRows *
load_rows (sqlite3      *db,
           GStringChunk *strings,
           const char   *table,
           const char   *where_order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s %s", table, where_order);
  TableRows *rows = g_new0 (TableRows, 1);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rows->table = g_strdup (table);
  rows->n_columns = sqlite3_column_count (stmt);
  rows->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < rows->n_columns; c++)
      {
        Cell cell = { sqlite3_column_type (stmt, c), { 0 } };

        switch (cell.type)
          {
          case SQLITE_INTEGER:
            cell.v.i = sqlite3_column_int64 (stmt, c);
            break;
          case SQLITE_FLOAT:
            cell.v.d = sqlite3_column_double (stmt, c);
            break;
          case SQLITE_TEXT:
            cell.v.s = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, c));
            break;
          case SQLITE_NULL:
            break;
          default:
            g_error ("%s: a column that is neither a number nor text", table);
          }
        g_array_append_val (rows->cells, cell);
      }
  sqlite3_finalize (stmt);
  return rows;
}

/* Rates count sqlite3_total_changes(), as the generator's do: the rows
 * inserted, and those the triggers insert and update */
typedef struct
{
  sqlite3 *db;
  double   last_ms;
  int      last_changes;
  guint    rows;
  GArray  *rates;
} FloorClock;

static void
floor_clock_sample (FloorClock *clock)
{
  double now = bench_now_ms ();
  int changes = sqlite3_total_changes (clock->db);
  double rate = (changes - clock->last_changes) / ((now - clock->last_ms) / 1e3);

  g_array_append_val (clock->rates, rate);
  clock->last_ms = now;
  clock->last_changes = changes;
}

/* Inserts @rows with one prepared statement; a sample every FLOOR_CHUNK
 * rows when @clock is given */
static void
insert_rows (sqlite3    *db,
             TableRows  *rows,
             FloorClock *clock)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_rows = rows->cells->len / rows->n_columns;
  sqlite3_stmt *stmt = NULL;

  g_string_printf (sql, "INSERT INTO %s VALUES (", rows->table);
  for (int c = 0; c < rows->n_columns; c++)
    g_string_append (sql, c == 0 ? "?" : ", ?");
  g_string_append (sql, ")");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint r = 0; r < n_rows; r++)
    {
      const Cell *cells = &g_array_index (rows->cells, Cell, r * rows->n_columns);
      int rc;

      for (int c = 0; c < rows->n_columns; c++)
        switch (cells[c].type)
          {
          case SQLITE_INTEGER:
            sqlite3_bind_int64 (stmt, c + 1, cells[c].v.i);
            break;
          case SQLITE_FLOAT:
            sqlite3_bind_double (stmt, c + 1, cells[c].v.d);
            break;
          case SQLITE_TEXT:
            sqlite3_bind_text (stmt, c + 1, cells[c].v.s, -1, SQLITE_STATIC);
            break;
          default:
            sqlite3_bind_null (stmt, c + 1);
            break;
          }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        g_error ("%s: %s", sql->str, sqlite3_errmsg (db));
      sqlite3_reset (stmt);

      if (clock != NULL && ++clock->rows % FLOOR_CHUNK == 0)
        floor_clock_sample (clock);
    }
  sqlite3_finalize (stmt);
}

/* The tables the generator writes with its households, parents first, in
 * the order of their keys as the generator wrote them (the households'
 * housing and food access records come with them; the weeks of food aid
 * after them are not in the line) */
static const struct
{
  const char *table;
  const char *order;   /* or where and order */
} bulk_tables[] = {
  { "household", "ORDER BY id" },
  { "person", "ORDER BY id" },
  { "person_word", "ORDER BY person_id" },
  { "visit", "WHERE id NOT IN (SELECT visit_id FROM food_service) ORDER BY id" },
  { "visit_reason", "WHERE visit_id NOT IN (SELECT visit_id FROM food_service) ORDER BY visit_id" },
  { "food_access", "ORDER BY id" },
};

/* The floor: the same rows, read beforehand, written by a bare prepared
 * INSERT loop in one transaction into a new database of the same schema
 * and pragmas (made by the core, so that its catalogues and desk people
 * match) */
static GArray *
floor_bulk_insert (Scale  *scale,
                   guint  *n_rows,
                   double *seconds)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64 * 1024);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);
  g_autofree char *path = g_build_filename (scale->dir, "floor.acuelh", NULL);
  g_autoptr(TableRows) desk = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *source = acu_store_get_db (scale->store);
  FloorClock clock = { 0 };
  double start;
  int changes;
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_tables); i++)
    g_ptr_array_add (tables, load_rows (source, strings, bulk_tables[i].table, bulk_tables[i].order));
  desk = load_rows (source, strings, "desk_person", "WHERE id > 1 ORDER BY id");

  acu_key_file_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  store = acu_store_create (path, SITE_NAME, PERSON_NAME, PASSWORD, NULL, &error);
  acu_key_file_set_kdf_limits (crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
  g_assert_no_error (error);
  db = acu_store_get_db (store);
  exec_sql (db, "BEGIN IMMEDIATE");
  insert_rows (db, desk, NULL);
  exec_sql (db, "COMMIT");

  clock.db = db;
  clock.rates = g_array_new (FALSE, FALSE, sizeof (double));
  clock.last_changes = changes = sqlite3_total_changes (db);
  start = clock.last_ms = bench_now_ms ();
  exec_sql (db, "BEGIN IMMEDIATE");
  for (guint i = 0; i < tables->len; i++)
    insert_rows (db, g_ptr_array_index (tables, i), &clock);
  exec_sql (db, "COMMIT");
  /* The rows after the last whole chunk, and the commit */
  floor_clock_sample (&clock);
  *n_rows = sqlite3_total_changes (db) - changes;
  *seconds = (bench_now_ms () - start) / 1e3;

  acu_store_close (store);
  g_clear_object (&store);
  remove_database (path);
  return clock.rates;
}

static void
fill (Scale *scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) floor_rates = NULL;
  AcuDemoOptions options = { scale->households, 5, 1, DEMO_UNTIL };
  FillProgress progress = { acu_store_get_db (scale->store), 0, 0, NULL, 0, 0, 0 };
  sqlite3 *db = acu_store_get_db (scale->store);
  int changes = sqlite3_total_changes (db);
  double start, seconds, floor_seconds;
  guint persons, visits, floor_rows;
  int rows;
  BenchLine *line;

  progress.rates = g_array_new (FALSE, FALSE, sizeof (double));
  progress.batches = (scale->households + DEMO_HOUSEHOLDS_PER_COMMIT - 1) / DEMO_HOUSEHOLDS_PER_COMMIT;
  progress.last_changes = changes;
  start = progress.last_ms = bench_now_ms ();
  g_assert_true (acu_demo_fill (scale->store, &options, fill_progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  seconds = (bench_now_ms () - start) / 1e3;
  rows = sqlite3_total_changes (db) - changes;

  persons = query_int (db, "SELECT count(*) FROM person");
  visits = query_int (db, "SELECT count(*) FROM visit");
  bench_add_scale (scale->name, scale->households, persons, visits, seconds);
  printf ("# %s: %u households, %u persons, %u visits: the demo generator changed %d rows in %.1f s "
          "(%.0f rows/s)\n", scale->name, scale->households, persons, visits, rows, seconds, rows / seconds);
  printf ("# %s: of which the weeks of food aid changed %d rows in %.1f s (%.0f rows/s)\n", scale->name,
          progress.food_changes, progress.food_ms / 1e3, progress.food_changes / (progress.food_ms / 1e3));

  if (!wanted ("bulk"))
    {
      g_array_unref (progress.rates);
      return;
    }
  floor_rates = floor_bulk_insert (scale, &floor_rows, &floor_seconds);
  printf ("# %s: the floor wrote the same rows: %u rows changed in %.1f s (%.0f rows/s)\n",
          scale->name, floor_rows, floor_seconds, floor_rows / floor_seconds);
  line = bench_add_line (scale->name, "bulk-insert", "rows/s", BENCH_RATE,
                         (double *) progress.rates->data, progress.rates->len,
                         (double *) floor_rates->data, floor_rates->len);
  bench_line_set_target (line, "≥ 0.5× floor", line->ratio >= 0.5);
  bench_print_line (line);
  g_array_unref (progress.rates);
}

/* Search: the first page as letters are typed */

#define SEARCH_SQL \
  "SELECT p.id, p.household_id, p.first_name, p.last_name, p.birth_date, p.gender, p.informed_on, c.label " \
  "FROM person_word w JOIN person p ON p.id = w.person_id " \
  "JOIN household h ON h.id = p.household_id LEFT JOIN commune c ON c.id = h.commune_id " \
  "WHERE w.word >= ?1 AND w.word < ?2 " \
  "AND NOT EXISTS (SELECT 1 FROM person_word d WHERE d.person_id = w.person_id " \
  "AND d.word >= ?1 AND d.word < w.word) " \
  "ORDER BY w.word, w.sort_key, w.person_id LIMIT ?3 OFFSET ?4"

/* The floor: acu_people_search's SQL for one word, stepped by hand */
static double
floor_search (sqlite3_stmt *stmt,
              const char   *word,
              gint64       *ids)
{
  g_autofree char *end = g_strconcat (word, PREFIX_END, NULL);
  double start = bench_now_ms ();
  int rows = 0;

  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, PAGE);
  sqlite3_bind_int (stmt, 4, 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (ids != NULL)
        ids[rows] = sqlite3_column_int64 (stmt, 0);
      for (int c = 0; c < 8; c++)
        (void) sqlite3_column_text (stmt, c);
      rows++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpint (rows, ==, PAGE);
  return bench_now_ms () - start;
}

static double
core_search (AcuStore   *store,
             const char *query,
             gint64     *ids)
{
  double start = bench_now_ms ();
  g_autoptr(GPtrArray) people = acu_people_search (store, query, 0, PAGE, NULL);
  double elapsed = bench_now_ms () - start;

  g_assert_nonnull (people);
  g_assert_cmpuint (people->len, ==, PAGE);
  for (guint i = 0; ids != NULL && i < people->len; i++)
    ids[i] = acu_person_get_id (g_ptr_array_index (people, i));
  return elapsed;
}

static void
search (Scale *scale)
{
  const char *words[] = { "d", "du", "dup", "dupo", "dupon" };
  double samples[SEARCH_RUNS], floors[SEARCH_RUNS];
  sqlite3 *db = acu_store_get_db (scale->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, SEARCH_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *name = g_strdup_printf ("search-%zu-letter%s", strlen (words[w]), w == 0 ? "" : "s");
      gint64 core_ids[PAGE], floor_ids[PAGE];
      BenchLine *line;

      /* The same answer, and warm caches; then core and floor in turn */
      core_search (scale->store, words[w], core_ids);
      floor_search (stmt, words[w], floor_ids);
      g_assert_cmpmem (core_ids, sizeof core_ids, floor_ids, sizeof floor_ids);
      for (guint i = 0; i < SEARCH_RUNS; i++)
        {
          samples[i] = core_search (scale->store, words[w], NULL);
          floors[i] = floor_search (stmt, words[w], NULL);
        }
      line = bench_add_line (scale->name, name, "ms", BENCH_TIME, samples, SEARCH_RUNS, floors, SEARCH_RUNS);
      bench_line_set_target (line, "≤ 1.5× floor, p95 < 5 ms", line->ratio <= 1.5 && line->p95 < 5);
      bench_print_line (line);
    }
  sqlite3_finalize (stmt);
}

/* The activity summary: every figure of a month and of a year, each
 * beside the previous period and the same period a year earlier */

#define MAX_ID 4096   /* catalogue ids: reasons, partners, communes */

typedef struct
{
  gint64 visits;
  gint64 identified;
  gint64 weekdays[8];         /* GDateWeekday */
  gint64 hours[24];
  gint64 reasons[MAX_ID];
  gint64 partners[MAX_ID];
  gint64 communes[MAX_ID];    /* 0: not stated */
  gint64 anon_genders[4];
  gint64 anon_ages[8];
  gint64 persons;
  gint64 households;
  gint64 genders[4];
  gint64 ages[8];
  gint64 new_households;
  /* food aid (acu-report-food.c) */
  gint64 food_services;
  gint64 food_parcels;
  gint64 food_days;
  gint64 food_paid_cents;
  gint64 food_value_cents;
  gint64 food_households;
  gint64 food_persons;
  gint64 food_under_18;
  gint64 food_women;
} FloorColumn;

typedef struct
{
  sqlite3      *db;
  AcuPeriod     periods[ACU_REPORT_N_COLUMNS];
  gboolean      wanted[ACU_REPORT_N_COLUMNS];
  sqlite3_stmt *days;
  sqlite3_stmt *persons_of_year;
  sqlite3_stmt *persons_of_days;
  sqlite3_stmt *last_household;
  sqlite3_stmt *clear;
  sqlite3_stmt *new_households;
  sqlite3_stmt *trend;
  sqlite3_stmt *food_days;
  sqlite3_stmt *food_households_of_year;
  sqlite3_stmt *food_households_of_days;
  sqlite3_stmt *food_persons_of_year;
  sqlite3_stmt *food_persons_of_month;
  sqlite3_stmt *food_persons_of_days;
  FloorColumn   columns[ACU_REPORT_N_COLUMNS];
  gint64        months[12][2];  /* the trend: now, a year before */
} FloorReport;

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* acu-report-reception.c's queries, with positional parameters; the
 * persons who came are counted as they are read, their households marked
 * in a bit array */
#define FLOOR_AGE \
  "CASE WHEN p.birth_date IS NULL THEN NULL ELSE max (0, " \
  "  CAST (substr (?2, 1, 4) AS INTEGER) - CAST (substr (p.birth_date, 1, 4) AS INTEGER) " \
  "  - (substr (?2, 6, 5) < CASE WHEN length (p.birth_date) = 10 THEN substr (p.birth_date, 6, 5) " \
  "                             ELSE '07-01' END)) END"
#define FLOOR_SELECT_PERSONS \
  "SELECT p.household_id, h.commune_id, p.gender, " FLOOR_AGE ", v.n FROM "
#define FLOOR_JOIN_PERSONS \
  " v JOIN person p INDEXED BY person_report ON p.id = v.person_id " \
  "JOIN household h INDEXED BY household_report ON h.id = p.household_id"

static void
floor_report_init (FloorReport     *f,
                   sqlite3         *db,
                   const AcuPeriod *period)
{
  memset (f, 0, sizeof *f);
  f->db = db;
  f->periods[ACU_REPORT_NOW] = *period;
  acu_period_get_previous (period, &f->periods[ACU_REPORT_PREVIOUS]);
  acu_period_get_year_before (period, &f->periods[ACU_REPORT_YEAR_BEFORE]);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      f->wanted[c] = TRUE;
      for (guint d = 0; d < c; d++)
        if (g_str_equal (f->periods[c].from, f->periods[d].from) && g_str_equal (f->periods[c].to, f->periods[d].to))
          f->wanted[c] = FALSE;
    }
  f->days = prepare (db, "SELECT day, dimension, key, visits FROM visit_day_count "
                         "WHERE day BETWEEN ?1 AND ?2 AND visits <> 0");
  f->persons_of_year = prepare (db, FLOOR_SELECT_PERSONS
                                    "(SELECT person_id, visits AS n FROM person_year "
                                    " WHERE year = CAST (substr (?1, 1, 4) AS INTEGER) AND visits > 0)"
                                    FLOOR_JOIN_PERSONS);
  f->persons_of_days = prepare (db, FLOOR_SELECT_PERSONS
                                    "(SELECT person_id, count (*) AS n FROM visit "
                                    " WHERE day BETWEEN ?1 AND ?2 AND +person_id IS NOT NULL GROUP BY person_id)"
                                    FLOOR_JOIN_PERSONS);
  f->last_household = prepare (db, "SELECT max (id) FROM household");
  f->new_households = prepare (db, "SELECT count (*) FROM household WHERE created_on BETWEEN ?1 AND ?2");
  f->trend = prepare (db, "SELECT substr (day, 1, 7), sum (visits) FROM visit_day_count "
                          "WHERE day BETWEEN ?1 AND ?2 AND dimension = 'all' GROUP BY 1");
  /* acu-report-food.c's counts of services and persons, from the tables
   * the triggers keep for a calendar year, from the services otherwise */
  f->food_days = prepare (db, "SELECT coalesce (sum (services), 0),"
                              " coalesce (sum (CASE WHEN mode = 'parcel' THEN services END), 0),"
                              " count (DISTINCT CASE WHEN services > 0 THEN day END),"
                              " coalesce (sum (paid_cents), 0), coalesce (sum (value_cents), 0) "
                              "FROM food_day_count WHERE day BETWEEN ?1 AND ?2");
  f->food_households_of_year = prepare (db, "SELECT count (*) FROM food_household_year "
                                            "WHERE year = CAST (substr (?1, 1, 4) AS INTEGER) AND services > 0");
  f->food_households_of_days = prepare (db, "SELECT count (DISTINCT household_id) FROM food_service "
                                            "INDEXED BY food_service_day "
                                            "WHERE day BETWEEN ?1 AND ?2 AND cancelled = 0");
#define FLOOR_FOOD_PERSONS \
  "SELECT count (*), coalesce (sum (age IN ('0-3', '4-14', '15-17')), 0)," \
  " coalesce (sum (gender = 'woman'), 0) FROM "
  f->food_persons_of_year = prepare (db, FLOOR_FOOD_PERSONS "food_person_year "
                                         "WHERE year = CAST (substr (?1, 1, 4) AS INTEGER)");
  f->food_persons_of_month = prepare (db, FLOOR_FOOD_PERSONS "food_person_month "
                                          "WHERE month = substr (?1, 1, 7) AND ?2 IS NOT NULL");
  f->food_persons_of_days = prepare (db, FLOOR_FOOD_PERSONS
                                         "(SELECT min (p.day || ' ' || substr ('00000000000000000000' || p.service_id, -20)),"
                                         "   p.age AS age, p.gender AS gender"
                                         " FROM food_service_person p INDEXED BY food_service_person_day"
                                         " JOIN food_service s ON s.id = p.service_id"
                                         " WHERE p.day BETWEEN ?1 AND ?2 AND s.cancelled = 0 GROUP BY p.person_id)");
}

static void
floor_report_clear (FloorReport *f)
{
  sqlite3_stmt *stmts[] = { f->days, f->persons_of_year, f->persons_of_days, f->last_household, f->new_households, f->trend, f->food_days,
                            f->food_households_of_year, f->food_households_of_days, f->food_persons_of_year,
                            f->food_persons_of_month, f->food_persons_of_days };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    sqlite3_finalize (stmts[i]);
}

/* Sakamoto's method: 1 Monday … 7 Sunday, as GDateWeekday */
static int
weekday_of (const char *day)
{
  static const int offsets[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
  int y = atoi (day), m = atoi (day + 5), d = atoi (day + 8);
  int w;

  if (m < 3)
    y--;
  w = (y + y / 4 - y / 100 + y / 400 + offsets[m - 1] + d) % 7;
  return w == 0 ? 7 : w;
}

/* Months since year 0: "2026-10-…" is 2026 × 12 + 9 */
static int
month_index (const char *day)
{
  return atoi (day) * 12 + atoi (day + 5) - 1;
}

static int
gender_index (const char *gender)
{
  if (gender == NULL || *gender == '\0')
    return 3;
  return gender[0] == 'w' ? 0 : gender[0] == 'm' ? 1 : 2;
}

static int
age_index (const char *age)
{
  static const char *const brackets[] = { "0-3", "4-14", "15-17", "18-29", "30-54", "55-64", "65+" };

  for (guint i = 0; age != NULL && i < G_N_ELEMENTS (brackets); i++)
    if (strcmp (age, brackets[i]) == 0)
      return i + 1;
  return 0;
}

static gint64
id_of (sqlite3_stmt *stmt,
       int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  g_assert_cmpint (id, <, MAX_ID);
  return id;
}

static void
bind_period (sqlite3_stmt    *stmt,
             const AcuPeriod *period)
{
  sqlite3_bind_text (stmt, 1, period->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, period->to, -1, SQLITE_STATIC);
}

static gboolean
is_calendar_year (const AcuPeriod *period)
{
  return strncmp (period->from, period->to, 4) == 0
         && strcmp (period->from + 4, "-01-01") == 0 && strcmp (period->to + 4, "-12-31") == 0;
}

static gboolean
is_calendar_month (const AcuPeriod *period)
{
  AcuPeriod month;

  acu_period_init_month (&month, atoi (period->from), atoi (period->from + 5));
  return strcmp (month.from, period->from) == 0 && strcmp (month.to, period->to) == 0;
}

static void
floor_column (FloorReport *f,
              guint        c)
{
  const AcuPeriod *period = &f->periods[c];
  FloorColumn *col = &f->columns[c];
  g_autofree guint8 *seen = NULL;
  sqlite3_stmt *persons;

  /* The visits, from the counts by day */
  bind_period (f->days, period);
  while (sqlite3_step (f->days) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (f->days, 0);
      const char *dimension = (const char *) sqlite3_column_text (f->days, 1);
      const char *key = (const char *) sqlite3_column_text (f->days, 2);
      gint64 n = sqlite3_column_int64 (f->days, 3);

      if (strcmp (dimension, "all") == 0)
        {
          col->visits += n;
          col->weekdays[weekday_of (day)] += n;
        }
      else if (strcmp (dimension, "identified") == 0)
        col->identified += n;
      else if (strcmp (dimension, "hour") == 0)
        col->hours[atoi (key) % 24] += n;
      else if (strcmp (dimension, "reason") == 0)
        col->reasons[id_of (f->days, 2)] += n;
      else if (strcmp (dimension, "partner") == 0)
        col->partners[id_of (f->days, 2)] += n;
      else if (strcmp (dimension, "anon-commune") == 0)
        col->communes[id_of (f->days, 2)] += n;
      else if (strcmp (dimension, "anon-gender") == 0)
        col->anon_genders[gender_index (key)] += n;
      else if (strcmp (dimension, "anon-age") == 0)
        col->anon_ages[age_index (key)] += n;
    }
  sqlite3_reset (f->days);

  /* The persons who came, once each */
  persons = is_calendar_year (period) ? f->persons_of_year : f->persons_of_days;
  g_assert_cmpint (sqlite3_step (f->last_household), ==, SQLITE_ROW);
  seen = g_malloc0 (sqlite3_column_int64 (f->last_household, 0) / 8 + 1);
  sqlite3_reset (f->last_household);
  bind_period (persons, period);
  while (sqlite3_step (persons) == SQLITE_ROW)
    {
      gint64 household = sqlite3_column_int64 (persons, 0);

      col->persons++;
      if ((seen[household / 8] & (1 << (household % 8))) == 0)
        {
          seen[household / 8] |= 1 << (household % 8);
          col->households++;
        }
      col->communes[id_of (persons, 1)] += sqlite3_column_int64 (persons, 4);
      col->genders[gender_index ((const char *) sqlite3_column_text (persons, 2))]++;
      col->ages[sqlite3_column_type (persons, 3) == SQLITE_NULL
                ? 0 : acu_age_bracket_for_age (sqlite3_column_int (persons, 3))]++;
    }
  sqlite3_reset (persons);

  bind_period (f->new_households, period);
  g_assert_cmpint (sqlite3_step (f->new_households), ==, SQLITE_ROW);
  col->new_households = sqlite3_column_int64 (f->new_households, 0);
  sqlite3_reset (f->new_households);

  /* Food aid */
  bind_period (f->food_days, period);
  g_assert_cmpint (sqlite3_step (f->food_days), ==, SQLITE_ROW);
  col->food_services = sqlite3_column_int64 (f->food_days, 0);
  col->food_parcels = sqlite3_column_int64 (f->food_days, 1);
  col->food_days = sqlite3_column_int64 (f->food_days, 2);
  col->food_paid_cents = sqlite3_column_int64 (f->food_days, 3);
  col->food_value_cents = sqlite3_column_int64 (f->food_days, 4);
  sqlite3_reset (f->food_days);
  persons = is_calendar_year (period) ? f->food_households_of_year : f->food_households_of_days;
  bind_period (persons, period);
  g_assert_cmpint (sqlite3_step (persons), ==, SQLITE_ROW);
  col->food_households = sqlite3_column_int64 (persons, 0);
  sqlite3_reset (persons);
  persons = is_calendar_year (period) ? f->food_persons_of_year
            : is_calendar_month (period) ? f->food_persons_of_month : f->food_persons_of_days;
  bind_period (persons, period);
  g_assert_cmpint (sqlite3_step (persons), ==, SQLITE_ROW);
  col->food_persons = sqlite3_column_int64 (persons, 0);
  col->food_under_18 = sqlite3_column_int64 (persons, 1);
  col->food_women = sqlite3_column_int64 (persons, 2);
  sqlite3_reset (persons);
}

/* The twelve months that end with the period's, and a year before: one
 * sum over the counts by day, whole months */
static void
floor_trend (FloorReport *f)
{
  int last = month_index (f->periods[ACU_REPORT_NOW].to);
  int first = last - 23;
  char from[11], to[11];

  g_snprintf (from, sizeof from, "%04d-%02d-01", first / 12, first % 12 + 1);
  g_snprintf (to, sizeof to, "%04d-%02d-31", last / 12, last % 12 + 1);
  sqlite3_bind_text (f->trend, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (f->trend, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (f->trend) == SQLITE_ROW)
    {
      int month = month_index ((const char *) sqlite3_column_text (f->trend, 0));
      gint64 n = sqlite3_column_int64 (f->trend, 1);

      if (month > last - 12)
        f->months[month - (last - 11)][0] = n;
      else
        f->months[month - first][1] = n;
    }
  sqlite3_reset (f->trend);
}

static double
floor_report (FloorReport *f)
{
  double start = bench_now_ms ();

  memset (f->columns, 0, sizeof f->columns);
  memset (f->months, 0, sizeof f->months);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    if (f->wanted[c])
      floor_column (f, c);
  floor_trend (f);
  return bench_now_ms () - start;
}

static double
core_report (AcuStore        *store,
             const AcuPeriod *period,
             AcuReport      **out)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now_ms ();
  g_autoptr(AcuReport) report = acu_report_compute (store, period, NULL, NULL, NULL, &error);
  double elapsed = bench_now_ms () - start;

  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&report);
  return elapsed;
}

static gint64
table_sum (const AcuReport *report,
           const char      *table_id,
           AcuReportColumn  column)
{
  AcuFigureTable *table = acu_report_find_table (report, "reception", table_id);
  gint64 sum = 0;

  g_assert_nonnull (table);
  for (guint i = 0; i < table->figures->len; i++)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i);

      if (figure->level == 0)
        sum += figure->values[column];
    }
  return sum;
}

static gint64
array_sum (const gint64 *values,
           guint         n)
{
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  return sum;
}

/* The floor gives the same numbers as the report: every total, and
 * every table's sum, in each column */
static void
check_same_figures (const AcuReport   *report,
                    const FloorReport *f)
{
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      const FloorColumn *col;
      guint w = c;

      /* a column with the dates of an earlier one is that column */
      while (!f->wanted[w])
        w--;
      col = &f->columns[w];
      g_assert_cmpint (acu_report_get_value (report, "reception", "visits", "visits", c), ==, col->visits);
      g_assert_cmpint (acu_report_get_value (report, "reception", "visits", "identified", c), ==, col->identified);
      g_assert_cmpint (acu_report_get_value (report, "reception", "people", "persons", c), ==, col->persons);
      g_assert_cmpint (acu_report_get_value (report, "reception", "people", "households", c), ==, col->households);
      g_assert_cmpint (acu_report_get_value (report, "reception", "people", "new-households", c), ==,
                       col->new_households);
      g_assert_cmpint (acu_report_get_value (report, "reception", "by-weekday", "saturday", c), ==,
                       col->weekdays[G_DATE_SATURDAY]);
      g_assert_cmpint (acu_report_get_value (report, "reception", "by-hour", "09", c), ==, col->hours[9]);
      g_assert_cmpint (table_sum (report, "by-reason", c), ==, array_sum (col->reasons, MAX_ID));
      g_assert_cmpint (table_sum (report, "by-partner", c), ==, array_sum (col->partners, MAX_ID));
      g_assert_cmpint (table_sum (report, "by-commune", c), ==, array_sum (col->communes, MAX_ID));
      g_assert_cmpint (table_sum (report, "by-gender", c), ==, array_sum (col->genders, 4));
      g_assert_cmpint (table_sum (report, "by-age", c), ==, array_sum (col->ages, 8));
      g_assert_cmpint (table_sum (report, "anonymous-by-gender", c), ==, array_sum (col->anon_genders, 4));
      g_assert_cmpint (table_sum (report, "anonymous-by-age", c), ==, array_sum (col->anon_ages, 8));
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "distributions", "services", c), ==,
                       col->food_services);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "distributions", "parcels", c), ==,
                       col->food_parcels);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "distributions", "days", c), ==, col->food_days);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "money", "participation", c), ==,
                       col->food_paid_cents);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "money", "value", c), ==, col->food_value_cents);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "served", "households", c), ==,
                       col->food_households);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "served", "persons", c), ==, col->food_persons);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "served", "under-18", c), ==, col->food_under_18);
      g_assert_cmpint (acu_report_get_value (report, "food-aid", "served", "women", c), ==, col->food_women);
    }
  for (guint i = 0; i < 12; i++)
    {
      AcuFigureTable *trend = acu_report_find_table (report, "reception", "trend");
      AcuFigure *month = g_ptr_array_index (trend->figures, i);

      g_assert_cmpint (month->values[ACU_REPORT_NOW], ==, f->months[i][0]);
      g_assert_cmpint (month->values[ACU_REPORT_YEAR_BEFORE], ==, f->months[i][1]);
    }
}

static void
report_line (Scale           *scale,
             const char      *name,
             const AcuPeriod *period)
{
  double samples[REPORT_RUNS], floors[REPORT_RUNS];
  g_autoptr(AcuReport) report = NULL;
  FloorReport *f = g_new0 (FloorReport, 1);
  BenchLine *line;

  floor_report_init (f, acu_store_get_db (scale->store), period);
  /* The same numbers, and warm caches; then core and floor in turn */
  core_report (scale->store, period, &report);
  floor_report (f);
  check_same_figures (report, f);
  for (guint i = 0; i < REPORT_RUNS; i++)
    {
      samples[i] = core_report (scale->store, period, NULL);
      floors[i] = floor_report (f);
    }
  floor_report_clear (f);
  g_free (f);
  line = bench_add_line (scale->name, name, "ms", BENCH_TIME, samples, REPORT_RUNS, floors, REPORT_RUNS);
  bench_line_set_target (line, "≤ 3× floor, p95 < 500 ms", line->ratio <= 3 && line->p95 < 500);
  bench_print_line (line);
}

static void
report_figures (Scale *scale)
{
  AcuPeriod period;

  /* The demo data ends on 2026-11-24: the last whole month, the last
   * whole year */
  acu_period_init_month (&period, 2026, 10);
  report_line (scale, "report-month", &period);
  acu_period_init_year (&period, 2025);
  report_line (scale, "report-year", &period);
}

/* Logging a visit */

static double
floor_log (sqlite3_stmt *stmt,
           sqlite3      *db)
{
  double start = bench_now_ms ();

  exec_sql (db, "BEGIN IMMEDIATE");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  exec_sql (db, "COMMIT");
  return bench_now_ms () - start;
}

static double
core_log (AcuStore *store,
          gint64    person_id)
{
  gint64 reasons[] = { 1, 2 };
  AcuVisitDraft draft = { .person_id = person_id, .reason_ids = reasons, .n_reasons = 2 };
  double start = bench_now_ms ();
  gint64 id = acu_visit_log (store, &draft, NULL);
  double elapsed = bench_now_ms () - start;

  g_assert_cmpint (id, >, 0);
  return elapsed;
}

static void
log_visit (Scale *scale)
{
  double samples[LOG_RUNS], floors[LOG_RUNS];
  sqlite3 *db = acu_store_get_db (scale->store);
  sqlite3_stmt *stmt = NULL;
  BenchLine *line;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO visit (day, time, person_id, logged_by, created_at, updated_at) "
                                       "VALUES ('2020-01-01', '10:00', 1, 1, 0, 0)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < LOG_RUNS; i++)
    {
      samples[i] = core_log (scale->store, 1 + i);
      floors[i] = floor_log (stmt, db);
    }
  sqlite3_finalize (stmt);
  line = bench_add_line (scale->name, "log-visit", "ms", BENCH_TIME, samples, LOG_RUNS, floors, LOG_RUNS);
  bench_line_set_target (line, "≤ 2× floor", line->ratio <= 2);
  bench_print_line (line);
}

/* Opening: what a person waits for after typing the password */

typedef struct
{
  guint64 opslimit;
  gsize   memlimit;
  guint8  salt[crypto_pwhash_SALTBYTES];
} Kdf;

/* The Argon2id limits and salt of the person's slot, from the key file */
static void
read_kdf (const char *db_path,
          Kdf        *kdf)
{
  g_autofree char *key_path = acu_key_file_path_for (db_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *slots;

  json_parser_load_from_file (parser, key_path, &error);
  g_assert_no_error (error);
  slots = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      JsonObject *params = json_object_get_object_member (slot, "kdf");
      g_autofree guchar *salt = NULL;
      gsize len;

      if (!g_str_equal (json_object_get_string_member (slot, "name"), PERSON_NAME)
          || !g_str_equal (json_object_get_string_member (slot, "kind"), "password"))
        continue;
      kdf->opslimit = json_object_get_int_member (params, "opslimit");
      kdf->memlimit = json_object_get_int_member (params, "memlimit");
      salt = g_base64_decode (json_object_get_string_member (params, "salt"), &len);
      g_assert_cmpuint (len, ==, sizeof kdf->salt);
      memcpy (kdf->salt, salt, len);
      return;
    }
  g_error ("no password slot for %s", PERSON_NAME);
}

/* The floor: Argon2id at the slot's limits, then a raw-key open that
 * reads sqlite_master */
static double
floor_open (const char *path,
            const char *key_hex,
            const Kdf  *kdf)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA key = \"x'%s'\"; PRAGMA cipher_page_size = 4096;", key_hex);
  double start = bench_now_ms ();
  guint8 key[crypto_secretbox_KEYBYTES];
  sqlite3 *db = NULL;
  double elapsed;

  g_assert_cmpint (crypto_pwhash (key, sizeof key, PASSWORD, strlen (PASSWORD), kdf->salt,
                                  kdf->opslimit, kdf->memlimit, crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec_sql (db, pragmas);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master"), >, 0);
  sqlite3_close (db);
  elapsed = bench_now_ms () - start;
  sodium_memzero (key, sizeof key);
  return elapsed;
}

static double
core_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now_ms ();
  g_autoptr(AcuStore) store = acu_store_open (path, PERSON_NAME, PASSWORD, &error);
  double elapsed = bench_now_ms () - start;

  g_assert_no_error (error);
  acu_store_close (store);
  return elapsed;
}

static void
open_store (Scale *scale)
{
  double samples[OPEN_RUNS], floors[OPEN_RUNS];
  Kdf kdf;
  BenchLine *line;

  read_kdf (scale->path, &kdf);
  core_open (scale->path);
  floor_open (scale->path, scale->key_hex, &kdf);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      samples[i] = core_open (scale->path);
      floors[i] = floor_open (scale->path, scale->key_hex, &kdf);
    }
  line = bench_add_line (scale->name, "open", "ms", BENCH_TIME, samples, OPEN_RUNS, floors, OPEN_RUNS);
  bench_print_line (line);
}

/* Start-up to the first frame, and peak memory */

static void
startup (Scale *scale)
{
  const char *app = g_getenv ("ACUELH_BENCH_APP");
  const char *minimal = g_getenv ("ACUELH_BENCH_MINIMAL");
  double samples[STARTUP_RUNS], floors[STARTUP_RUNS];
  double rss[STARTUP_RUNS], floor_rss[STARTUP_RUNS];
  g_autoptr(GError) error = NULL;
  double ms, mib;
  BenchLine *line;

  if (app == NULL || minimal == NULL)
    {
      printf ("# %s: no start-up line: ACUELH_BENCH_APP and ACUELH_BENCH_MINIMAL name the programs\n",
              scale->name);
      return;
    }
  /* Once each for the file cache, then in turn */
  if (!bench_first_frame (app, scale->path, &ms, &mib, &error)
      || !bench_first_frame (minimal, NULL, &ms, &mib, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < STARTUP_RUNS; i++)
    if (!bench_first_frame (app, scale->path, &samples[i], &rss[i], &error)
        || !bench_first_frame (minimal, NULL, &floors[i], &floor_rss[i], &error))
      g_error ("%s", error->message);

  line = bench_add_line (scale->name, "startup", "ms", BENCH_TIME, samples, STARTUP_RUNS, floors, STARTUP_RUNS);
  bench_line_set_target (line, "≤ 1.5× minimal window", line->ratio <= 1.5);
  bench_print_line (line);
  line = bench_add_line (scale->name, "peak-rss", "MiB", BENCH_TIME, rss, STARTUP_RUNS, floor_rss, STARTUP_RUNS);
  bench_line_set_target (line, "≤ 1.5× minimal + 30 MiB", line->median <= 1.5 * line->floor_median + 30);
  bench_print_line (line);
}

/* One scale: its database, every line, then nothing left behind */
static void
run_scale (const ScaleInfo *info)
{
  g_autoptr(GError) error = NULL;
  Scale scale = { info->name, info->households, NULL, NULL, NULL, NULL };
  const char *households = g_getenv ("ACUELH_BENCH_HOUSEHOLDS");
  const AcuSecret *key;

  /* For experiments: another size for the stress scale */
  if (households != NULL && g_str_equal (info->name, "stress"))
    scale.households = (guint) g_ascii_strtoull (households, NULL, 10);

  printf ("# %s scale: %u households, 5 years of demo data until %s\n", info->name, scale.households, DEMO_UNTIL);
  fflush (stdout);
  scale.dir = acu_test_tmpdir_new ();
  scale.path = g_build_filename (scale.dir, "bench.acuelh", NULL);

  /* The person's slot at MODERATE, as a real one; the demo volunteers'
   * PINs at the minimum, since they are not what is measured */
  acu_key_file_set_kdf_limits (crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
  acu_desk_people_set_pin_limits_for_tests ();
  scale.store = acu_store_create (scale.path, SITE_NAME, PERSON_NAME, PASSWORD, NULL, &error);
  g_assert_no_error (error);
  key = acu_store_peek_database_key (scale.store);
  scale.key_hex = g_malloc0 (2 * acu_secret_get_size (key) + 1);
  sodium_bin2hex (scale.key_hex, 2 * acu_secret_get_size (key) + 1,
                  acu_secret_get_data (key), acu_secret_get_size (key));

  fill (&scale);
  if (wanted ("search"))
    search (&scale);
  if (wanted ("report"))
    report_figures (&scale);
  if (wanted ("log"))
    log_visit (&scale);
  if (wanted ("food"))
    bench_food (scale.name, scale.store);
  acu_store_close (scale.store);
  g_clear_object (&scale.store);

  if (wanted ("open"))
    open_store (&scale);
  if (wanted ("startup"))
    startup (&scale);

  sodium_memzero (scale.key_hex, strlen (scale.key_hex));
  g_free (scale.key_hex);
  g_free (scale.path);
  acu_test_tmpdir_free (scale.dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *scale = g_strdup (g_getenv ("ACUELH_BENCH_SCALE"));
  g_autofree char *only = g_strdup (g_getenv ("ACUELH_BENCH_ONLY"));
  g_autofree char *json = g_strdup (g_getenv ("ACUELH_BENCH_JSON"));
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean display = FALSE;
  GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_STRING, &scale, "site, stress or both (ACUELH_BENCH_SCALE; both)", "SCALE" },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &only,
      "Lines to run, comma-separated: bulk,search,report,log,food,open,startup (ACUELH_BENCH_ONLY; all)", "LINES" },
    { "json", 'j', 0, G_OPTION_ARG_FILENAME, &json, "Where to write the results (ACUELH_BENCH_JSON; ./bench.json)",
      "FILE" },
    { NULL }
  };

  /* Line by line, also into a file or a pipe */
  setvbuf (stdout, NULL, _IOLBF, 0);
  context = g_option_context_new ("— Acuèlh's benchmarks, each next to its floor");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (scale == NULL || *scale == '\0')
    {
      g_free (scale);
      scale = g_strdup ("both");
    }
  if (!g_str_equal (scale, "site") && !g_str_equal (scale, "stress") && !g_str_equal (scale, "both"))
    {
      g_printerr ("--scale: site, stress or both\n");
      return 2;
    }
  if (only != NULL && *only != '\0')
    only_lines = g_strsplit (only, ",", -1);
  if (json == NULL || *json == '\0')
    {
      g_free (json);
      json = g_strdup ("bench.json");
    }

  g_assert_true (acu_crypto_init ());
  if (wanted ("startup"))
    {
      if (!bench_display_start (&error))
        g_error ("No X server for the start-up line: %s", error->message);
      display = TRUE;
    }

  printf ("# Acuèlh benchmarks: %d cores, %s build; name value unit floor ratio\n",
          g_get_num_processors (), g_getenv ("ACUELH_BENCH_BUILD_TYPE") ? g_getenv ("ACUELH_BENCH_BUILD_TYPE") : "a");
  for (guint i = 0; i < G_N_ELEMENTS (scale_infos); i++)
    if (g_str_equal (scale, "both") || g_str_equal (scale, scale_infos[i].name))
      run_scale (&scale_infos[i]);

  if (display)
    bench_display_stop ();
  bench_print_summary ();
  if (!bench_write_json (json, g_getenv ("ACUELH_BENCH_BUILD_TYPE"), &error))
    g_error ("%s: %s", json, error->message);
  printf ("# written to %s\n", json);
  g_strfreev (only_lines);
  return 0;
}
