/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The counts of food aid that the triggers of schema 5 keep
 * (0005-food.sql: food_day_count, food_household_year, food_person_year,
 * food_person_month)
 * against a recount of the services by plain SQL, after serving,
 * cancelling, merging households and after the demo; and, on rows made
 * by hand, the values worked out in the comments. */
#include "config.h"

#include <string.h>

#include <check.h>
#include <glib.h>

#include "acu-date.h"
#include "acu-demo.h"
#include "acu-food.h"
#include "acu-people.h"
#include "acu-people-private.h"
#include "acu-store-private.h"

#include "acu-test-util.h"

#define SITE      "Tiers-lieu de Lectoure"
#define PERSON    "Hélène Martin"
#define PASSWORD  "Tr3s-Secret!Gers#2026"
#define PARTNER_CCAS 1

/* The recount, by plain SQL from the services and their persons. A row
 * the triggers keep whose counts fell to 0 stays: it is left out. */
static const char *const recount_days =
  "SELECT day, mode, count (*), sum (paid_cents), coalesce (sum (value_cents), 0) "
  "FROM food_service WHERE cancelled = 0 GROUP BY day, mode";
static const char *const kept_days =
  "SELECT day, mode, services, paid_cents, value_cents FROM food_day_count "
  "WHERE services <> 0 OR paid_cents <> 0 OR value_cents <> 0";

static const char *const recount_households =
  "SELECT CAST (substr (day, 1, 4) AS INTEGER), household_id, count (*), sum (paid_cents > 0),"
  " sum (coalesce (value_cents, 0) > 0) "
  "FROM food_service WHERE cancelled = 0 GROUP BY 1, 2";
static const char *const kept_households =
  "SELECT year, household_id, services, paid_services, value_services FROM food_household_year "
  "WHERE services <> 0 OR paid_services <> 0 OR value_services <> 0";

/* A person's first snapshot of a year: no snapshot of a service not
 * cancelled comes before it that year (by day, then by service) */
static const char *const recount_persons =
  "SELECT CAST (substr (p.day, 1, 4) AS INTEGER), p.person_id, p.day, p.service_id, p.age, p.gender,"
  " p.disabled, p.third_country, p.foreign_background, p.homeless "
  "FROM food_service_person p JOIN food_service s ON s.id = p.service_id "
  "WHERE s.cancelled = 0 AND NOT EXISTS ("
  " SELECT 1 FROM food_service_person q JOIN food_service t ON t.id = q.service_id"
  " WHERE t.cancelled = 0 AND q.person_id = p.person_id AND substr (q.day, 1, 4) = substr (p.day, 1, 4)"
  "  AND (q.day < p.day OR (q.day = p.day AND q.service_id < p.service_id)))";
static const char *const recount_persons_by_month =
  "SELECT substr (p.day, 1, 7), p.person_id, p.day, p.service_id, p.age, p.gender,"
  " p.disabled, p.third_country, p.foreign_background, p.homeless "
  "FROM food_service_person p JOIN food_service s ON s.id = p.service_id "
  "WHERE s.cancelled = 0 AND NOT EXISTS ("
  " SELECT 1 FROM food_service_person q JOIN food_service t ON t.id = q.service_id"
  " WHERE t.cancelled = 0 AND q.person_id = p.person_id AND substr (q.day, 1, 7) = substr (p.day, 1, 7)"
  "  AND (q.day < p.day OR (q.day = p.day AND q.service_id < p.service_id)))";
static const char *const kept_persons_by_month =
  "SELECT month, person_id, day, service_id, age, gender, disabled, third_country, foreign_background, "
  "homeless FROM food_person_month";
static const char *const kept_persons =
  "SELECT year, person_id, day, service_id, age, gender, disabled, third_country, foreign_background, "
  "homeless FROM food_person_year";

/* The rows of @a not in @b and those of @b not in @a */
static gint64
difference (AcuStore   *store,
            const char *a,
            const char *b)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count (*) FROM (%s EXCEPT %s))"
                                          " + (SELECT count (*) FROM (%s EXCEPT %s))", a, b, b, a);

  return acu_test_query_int (store, sql);
}

static void
assert_recounted (AcuStore *store)
{
  ck_assert_int_eq (difference (store, kept_days, recount_days), 0);
  ck_assert_int_eq (difference (store, kept_households, recount_households), 0);
  ck_assert_int_eq (difference (store, kept_persons, recount_persons), 0);
  ck_assert_int_eq (difference (store, kept_persons_by_month, recount_persons_by_month), 0);
}

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  return store;
}

static void
close_store (AcuStore *store)
{
  acu_store_close (store);
  g_object_unref (store);
}

static gint64
add_person (AcuStore    *store,
            const char  *first,
            const char  *birth,
            gint64       household_id)
{
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { .first_name = first, .last_name = "Benali", .birth_date = birth,
                           .household_id = household_id };
  gint64 id = acu_person_add (store, &draft, &error);

  ck_assert_msg (id > 0, "adding %s: %s", first, error ? error->message : "");
  return id;
}

/* @sql ends with "= ": @id follows */
static gint64
query_with_id (AcuStore   *store,
               const char *sql,
               gint64      id)
{
  g_autofree char *full = g_strdup_printf ("%s%" G_GINT64_FORMAT, sql, id);

  return acu_test_query_int (store, full);
}

/* Serving through the core, twice the same day (the second despite the
 * frequency), then cancelling each in turn */
START_TEST (test_serve_and_cancel)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = acu_date_today ();
  g_autofree char *end = acu_date_add_days (today, 60);
  g_autofree char *sql = NULL;
  gint64 mother = add_person (store, "Amina", "1980-03-03", 0);
  gint64 household = query_with_id (store, "SELECT household_id FROM person WHERE id = ", mother);
  gint64 child = add_person (store, "Yanis", "2015-06-15", household);
  AcuFoodAccessDraft access = {
    .household_id = household, .partner_id = PARTNER_CCAS, .worker = "Mme Duprat",
    .start_day = today, .end_day = end, .mode = ACU_FOOD_MODE_PARCEL, .times = 1,
    .period = ACU_FOOD_PERIOD_WEEK, .right_cents = -1, .rate_bp = -1,
  };
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_PARCEL, .value_cents = 2500,
                                .paid_cents = 150 };
  gint64 first, second;

  ck_assert_msg (acu_food_access_grant (store, &access, &error) > 0, "%s", error ? error->message : "");
  first = acu_food_serve (store, &draft, NULL, &error);
  ck_assert_msg (first > 0, "%s", error ? error->message : "");
  draft.paid_cents = 0;
  draft.value_cents = -1;
  draft.override_reason = "Une urgence";
  second = acu_food_serve (store, &draft, NULL, &error);
  ck_assert_msg (second > 0, "%s", error ? error->message : "");
  assert_recounted (store);

  /* Two parcels today: 150 paid, a value of 2 500 for the first, none
   * for the second; one household that paid once; two persons, as the
   * first service saw them */
  sql = g_strdup_printf ("SELECT services * 1000000 + paid_cents * 1000 + value_cents / 100 FROM food_day_count "
                         "WHERE day = '%s' AND mode = 'parcel'", today);
  ck_assert_int_eq (acu_test_query_int (store, sql), 2 * 1000000 + 150 * 1000 + 25);
  ck_assert_int_eq (query_with_id (store, "SELECT services * 100 + paid_services * 10 + value_services "
                                   "FROM food_household_year WHERE household_id = ", household),
                    211);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year"), 2);
  ck_assert_int_eq (query_with_id (store, "SELECT count (*) FROM food_person_year WHERE service_id = ", first), 2);
  ck_assert_int_eq (query_with_id (store, "SELECT count (*) FROM food_person_year "
                                   "WHERE age = '4-14' AND homeless = 0 AND person_id = ", child), 1);

  /* The first cancelled: the second is the persons' first of the year */
  ck_assert_msg (acu_food_service_cancel (store, first, &error), "%s", error ? error->message : "");
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT sum (services) FROM food_day_count"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT sum (paid_cents) + sum (value_cents) FROM food_day_count"), 0);
  ck_assert_int_eq (query_with_id (store, "SELECT services * 100 + paid_services * 10 + value_services "
                                   "FROM food_household_year WHERE household_id = ", household),
                    100);
  ck_assert_int_eq (query_with_id (store, "SELECT count (*) FROM food_person_year WHERE service_id = ", second), 2);

  /* Both cancelled: nobody was served */
  ck_assert_msg (acu_food_service_cancel (store, second, &error), "%s", error ? error->message : "");
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT sum (services) FROM food_day_count"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT sum (services) FROM food_household_year"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year"), 0);
  close_store (g_steal_pointer (&store));
}
END_TEST

/* Rows made by hand, in no order of days: households H1 (persons 1, 2)
 * and H2 (person 3), ids 1 and 2; services (id, day, household, mode,
 * value, paid, cancelled) */
static const char *const rows_sql =
  "INSERT INTO food_service (id, day, household_id, mode, persons, value_cents, paid_cents, cancelled, created_at) "
  "VALUES "
  " (1, '2026-03-10', 1, 'grocery', 2, 1800, 360, 0, 0),"
  " (2, '2026-02-03', 1, 'parcel', 2, NULL, 0, 0, 0),"
  " (3, '2026-02-03', 2, 'parcel', 1, 900, 0, 0, 0),"
  " (4, '2026-01-20', 2, 'parcel', 1, 900, 50, 1, 0),"     /* cancelled from the start */
  " (5, '2025-12-30', 1, 'parcel', 2, 700, 0, 0, 0);"      /* the year before */
  "INSERT INTO food_service_person (service_id, person_id, day, age, gender, disabled, third_country, "
  "                                 foreign_background, homeless) VALUES "
  " (1, 1, '2026-03-10', '30-54', 'woman', NULL, NULL, NULL, 0),"
  " (1, 2, '2026-03-10', '18-29', 'man', NULL, NULL, NULL, 0),"
  " (2, 1, '2026-02-03', '30-54', 'woman', NULL, NULL, NULL, 1),"
  " (2, 2, '2026-02-03', '15-17', 'man', NULL, NULL, NULL, 1),"
  " (3, 3, '2026-02-03', '65+', 'woman', 1, 0, 0, 0),"
  " (4, 3, '2026-01-20', '55-64', 'woman', 1, 0, 0, 0),"
  " (5, 1, '2025-12-30', '30-54', 'woman', NULL, NULL, NULL, 1),"
  " (5, 2, '2025-12-30', '15-17', 'man', NULL, NULL, NULL, 1);";

START_TEST (test_rows_by_hand)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_eq (acu_household_insert_unchecked (store, 0, "2025-01-05", now, &error), 1);
  ck_assert_int_eq (acu_household_insert_unchecked (store, 0, "2025-01-05", now, &error), 2);
  ck_assert_msg (acu_store_exec (store, rows_sql, &error), "%s", error ? error->message : "");
  ck_assert (acu_store_commit (store, &error));
  assert_recounted (store);

  /* 2026-02-03: two parcels, no payment, 900 of value (S3; S2 has none) */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT services FROM food_day_count "
                                        "WHERE day = '2026-02-03' AND mode = 'parcel'"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT value_cents FROM food_day_count "
                                        "WHERE day = '2026-02-03' AND mode = 'parcel'"), 900);
  /* S4 was cancelled from the start: no count on its day */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_day_count WHERE day = '2026-01-20'"), 0);
  /* 2026: H1 twice (paid once: S1; a value once: S1), H2 once (S3) */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT services * 100 + paid_services * 10 + value_services "
                                        "FROM food_household_year WHERE year = 2026 AND household_id = 1"), 211);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT services * 100 + paid_services * 10 + value_services "
                                        "FROM food_household_year WHERE year = 2026 AND household_id = 2"), 101);
  /* Persons of 2026 as S2 saw them on 3 February, inserted after S1 of
   * March: person 2 was 15-17 and homeless; person 3 as S3 saw her (S4
   * is cancelled) */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year WHERE year = 2026"), 3);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT service_id FROM food_person_year "
                                        "WHERE year = 2026 AND person_id = 2 AND age = '15-17' AND homeless = 1"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT service_id FROM food_person_year "
                                        "WHERE year = 2026 AND person_id = 3 AND age = '65+'"), 3);
  /* By month: February 2026 has persons 1 and 2 (S2) and 3 (S3), March
   * persons 1 and 2 (S1), January nobody (S4 is cancelled) */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_month WHERE month = '2026-02'"), 3);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_month "
                                        "WHERE month = '2026-03' AND service_id = 1"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_month WHERE month = '2026-01'"), 0);
  /* 2025: persons 1 and 2 by S5 */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year "
                                        "WHERE year = 2025 AND service_id = 5"), 2);

  /* S2 cancelled: S1 of March holds persons 1 and 2 in 2026; 2025 stays */
  ck_assert (acu_store_exec (store, "UPDATE food_service SET cancelled = 1 WHERE id = 2", &error));
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year "
                                        "WHERE year = 2026 AND service_id = 1"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year "
                                        "WHERE year = 2026 AND person_id = 2 AND age = '18-29'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year WHERE year = 2025"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_month WHERE month = '2026-02'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT services FROM food_day_count "
                                        "WHERE day = '2026-02-03' AND mode = 'parcel'"), 1);

  /* S1 cancelled, which held nobody's first: persons 1 and 2 leave 2026 */
  ck_assert (acu_store_exec (store, "UPDATE food_service SET cancelled = 1 WHERE id = 1", &error));
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year WHERE year = 2026"), 1);

  /* S4 counted again (cancelled = 0): it comes before S3 for person 3 */
  ck_assert (acu_store_exec (store, "UPDATE food_service SET cancelled = 0 WHERE id = 4", &error));
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT service_id FROM food_person_year "
                                        "WHERE year = 2026 AND person_id = 3 AND age = '55-64'"), 4);

  /* H2 merged into H1: its services move; 2026 has one household served
   * (S3 and S4, 50 paid by S4) */
  ck_assert (acu_store_exec (store, "UPDATE food_service SET household_id = 1 WHERE household_id = 2", &error));
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_household_year "
                                        "WHERE year = 2026 AND services > 0"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT services * 100 + paid_services * 10 + value_services "
                                        "FROM food_household_year WHERE year = 2026 AND household_id = 1"), 212);

  /* A snapshot deleted: the person's next one of the year takes its place */
  ck_assert (acu_store_exec (store, "DELETE FROM food_service_person WHERE service_id = 4", &error));
  assert_recounted (store);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT service_id FROM food_person_year "
                                        "WHERE year = 2026 AND person_id = 3"), 3);
  close_store (g_steal_pointer (&store));
}
END_TEST

/* The demo's food aid (one household in four, two years), then some of
 * its services cancelled through the core */
START_TEST (test_demo)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  const AcuDemoOptions options = { 200, 2, 7, "2026-11-24" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  ck_assert_msg (acu_demo_fill (store, &options, NULL, NULL, NULL, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count (*) FROM food_service"), 500);
  assert_recounted (store);

  /* Every seventh service: many a person's first of the year among them */
  stmt = acu_store_prepare (store, "SELECT id FROM food_service WHERE id % 7 = 0 ORDER BY id", &error);
  ck_assert_ptr_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    ck_assert_msg (acu_food_service_cancel (store, g_array_index (ids, gint64, i), &error), "%s",
                   error ? error->message : "");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count (*) FROM food_service WHERE cancelled = 1"), 100);
  assert_recounted (store);
  close_store (g_steal_pointer (&store));
}
END_TEST

static Suite *
food_counts_suite (void)
{
  Suite *suite = suite_create ("food-counts");
  TCase *tc = acu_test_tcase_new ("food-counts", acu_test_db_setup, acu_test_db_teardown);

  tcase_add_test (tc, test_serve_and_cancel);
  tcase_add_test (tc, test_rows_by_hand);
  tcase_add_test (tc, test_demo);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (food_counts_suite ());
}
