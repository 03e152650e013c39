/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "acu-audit.h"
#include "acu-desk-people.h"
#include "acu-people.h"
#include "acu-people-private.h"
#include "acu-report.h"
#include "acu-report-document.h"
#include "acu-report-export.h"
#include "acu-report-food-fse.h"
#include "acu-store-private.h"
#include "acu-store.h"
#include "acu-test-util.h"

/* The food-aid section of the activity summary and the FSE+ indicators
 * (acu-report-food.c) on a small database made by hand with plain SQL in
 * the tables of schema 5: four households, nine persons, eleven services
 * from August to November 2026 and one in October 2025, deliveries,
 * losses, corrections and access records. Every expected number below
 * was counted by hand from the tables of this file, never by running the
 * code; the comment beside each one says which rows make it. */

#define SITE             "Tiers-lieu de Lectoure"
#define COORDINATOR      "Hélène Martin"
#define PASSWORD         "Tr3s-Secret!Gers#2026"
#define VOLUNTEER        "Louise Dupré"
#define PIN              "2580"
#define STAFF            "Karim Benali"
#define STAFF_PASSWORD   "Autre-Mot2Passe!Auch"
#define COORDINATOR_ID   1

#define NOW              ACU_REPORT_NOW
#define PREVIOUS         ACU_REPORT_PREVIOUS
#define YEAR_BEFORE      ACU_REPORT_YEAR_BEFORE

#define BOM              "\xef\xbb\xbf"

/* H1 … H4 and P1 … P9: ids 1 … 4 and 1 … 9 in a new database.
 *
 *   H1  P1 woman 30-54, P2 man: 17 in September and on 6 October, 18 on
 *       20 October; P3 girl 4-14
 *   H2  P4 woman 65+ (homeless in August and on 6 October, housed on 27
 *       October), P5 man 65+ (housed in August, homeless in October)
 *   H3  P6 woman 18-29 (a disability, third-country national), P7 child
 *       0-3, gender other (third-country national, foreign background)
 *   H4  P8 man 30-54, P9 woman 55-64 */
static const struct
{
  const char *first_name;
  guint       household;
} persons[] = {
  { NULL, 0 },
  { "Marie", 1 }, { "Paul", 1 }, { "Léa", 1 },
  { "Fatima", 2 }, { "Ahmed", 2 },
  { "Awa", 3 }, { "Moussa", 3 },
  { "Jean", 4 }, { "Rose", 4 },
};

/* The food tables, by hand. Services (id, day, household, mode, persons,
 * value, paid, cancelled) and the persons served with their snapshot. */
static const char *const food_sql =
  "INSERT INTO food_service (id, day, household_id, mode, persons, value_cents, paid_cents, cancelled, created_at) "
  "VALUES "
  /* October 2026, the month reported on (NOW) */
  " (1, '2026-10-06', 1, 'parcel', 3, 2500, 0, 0, 0),"     /* S1 */
  " (2, '2026-10-06', 2, 'grocery', 2, 1800, 360, 0, 0),"  /* S2 */
  " (3, '2026-10-13', 3, 'parcel', 2, NULL, 0, 0, 0),"     /* S3: no value */
  " (4, '2026-10-20', 1, 'parcel', 3, 2500, 0, 0, 0),"     /* S4 */
  " (5, '2026-10-20', 4, 'grocery', 2, 2000, 400, 1, 0),"  /* S5: cancelled */
  " (6, '2026-10-27', 2, 'grocery', 2, 1500, 300, 0, 0),"  /* S6 */
  /* September 2026 (PREVIOUS) */
  " (7, '2026-09-29', 1, 'parcel', 2, 2000, 100, 0, 0),"   /* T1 */
  " (8, '2026-09-15', 4, 'parcel', 2, NULL, 0, 0, 0),"     /* T2 */
  /* October 2025 (YEAR_BEFORE) */
  " (9, '2025-10-14', 3, 'parcel', 1, 1000, 0, 0, 0),"     /* U1 */
  /* Outside the three months, inside the year 2026 */
  " (10, '2026-11-03', 1, 'parcel', 3, 2500, 0, 0, 0),"    /* W1 */
  " (11, '2026-08-31', 2, 'grocery', 2, 1200, 240, 0, 0);" /* W2 */

  "INSERT INTO food_service_person (service_id, person_id, day, age, gender, disabled, third_country, "
  "                                 foreign_background, homeless) VALUES "
  " (1, 1, '2026-10-06', '30-54', 'woman', NULL, NULL, NULL, 0),"
  " (1, 2, '2026-10-06', '15-17', 'man', NULL, NULL, NULL, 0),"
  " (1, 3, '2026-10-06', '4-14', 'woman', NULL, NULL, NULL, 0),"
  " (2, 4, '2026-10-06', '65+', 'woman', NULL, NULL, NULL, 1),"
  " (2, 5, '2026-10-06', '65+', 'man', NULL, NULL, NULL, 1),"
  " (3, 6, '2026-10-13', '18-29', 'woman', 1, 1, 0, 0),"
  " (3, 7, '2026-10-13', '0-3', 'other', 0, 1, 1, 0),"
  " (4, 1, '2026-10-20', '30-54', 'woman', NULL, NULL, NULL, 0),"
  " (4, 2, '2026-10-20', '18-29', 'man', NULL, NULL, NULL, 0),"
  " (4, 3, '2026-10-20', '4-14', 'woman', NULL, NULL, NULL, 0),"
  " (5, 8, '2026-10-20', '30-54', 'man', NULL, NULL, NULL, 0),"
  " (5, 9, '2026-10-20', '55-64', 'woman', NULL, NULL, NULL, 0),"
  " (6, 4, '2026-10-27', '65+', 'woman', NULL, NULL, NULL, 0),"
  " (6, 5, '2026-10-27', '65+', 'man', NULL, NULL, NULL, 1),"
  " (7, 1, '2026-09-29', '30-54', 'woman', NULL, NULL, NULL, 0),"
  " (7, 2, '2026-09-29', '15-17', 'man', NULL, NULL, NULL, 0),"
  " (8, 8, '2026-09-15', '30-54', 'man', NULL, NULL, NULL, 0),"
  " (8, 9, '2026-09-15', '55-64', 'woman', NULL, NULL, NULL, 0),"
  " (9, 6, '2025-10-14', '18-29', 'woman', NULL, NULL, NULL, 0),"
  " (10, 1, '2026-11-03', '30-54', 'woman', NULL, NULL, NULL, 0),"
  " (10, 2, '2026-11-03', '18-29', 'man', NULL, NULL, NULL, 0),"
  " (10, 3, '2026-11-03', '4-14', 'woman', NULL, NULL, NULL, 0),"
  " (11, 4, '2026-08-31', '65+', 'woman', NULL, NULL, NULL, 1),"
  " (11, 5, '2026-08-31', '65+', 'man', NULL, NULL, NULL, 0);"

  /* Access records: (id, household, follows, start, end) */
  "INSERT INTO food_access (id, household_id, follows_id, start_day, end_day, mode, times, period, rate_bp, "
  "                         created_at) VALUES "
  " (1, 1, NULL, '2026-04-01', '2026-09-30', 'parcel', 1, 'week', 0, 0),"    /* A1: renewed by A2 */
  " (2, 1, 1, '2026-10-01', '2027-03-31', 'parcel', 1, 'week', 0, 0),"       /* A2: renewed in October */
  " (3, 2, NULL, '2026-10-05', '2027-01-04', 'grocery', 1, 'week', 2000, 0)," /* A3: opened in October */
  " (4, 3, NULL, '2026-07-15', '2026-10-14', 'parcel', 2, 'month', 0, 0),"   /* A4: expires in October */
  " (5, 4, NULL, '2026-09-10', '2026-12-09', 'both', 1, 'week', 2000, 0),"   /* A5: opened in September */
  " (6, 3, NULL, '2025-10-01', '2025-10-31', 'parcel', 1, 'week', 0, 0);"    /* A6: opened and expired October 2025 */

  /* A textile category: its goods are no food */
  "INSERT INTO goods_category (id, code, position, kind) VALUES (100, 'test-clothes', 100, 'textile');"

  /* The ledger (id, day, category, direction, reason, source, grams,
   * corrects). Categories: 1 fruit and vegetables, 2 starchy, 3 dairy,
   * 6 sweet and salty, 8 baby food, 9 hygiene. */
  "INSERT INTO goods_movement (id, day, place_id, category_id, direction, reason, source, grams, corrects_id, "
  "                            created_at) VALUES "
  /* October 2026 in */
  " (1, '2026-10-02', 1, 2, 1, 'delivery', 'banque-alimentaire', 120000, NULL, 0),"
  " (2, '2026-10-02', 1, 3, 1, 'delivery', 'banque-alimentaire', 30000, NULL, 0),"
  " (3, '2026-10-05', 1, 1, 1, 'collection', 'collection', 45500, NULL, 0),"
  " (4, '2026-10-09', 1, 9, 1, 'purchase', 'purchase', 8000, NULL, 0),"
  " (5, '2026-10-10', 1, 3, -1, 'correction', '', 30000, 2, 0),"      /* takes back M2 */
  " (6, '2026-10-12', 1, 6, 1, 'donation', '', 2000, NULL, 0),"       /* no source */
  " (7, '2026-10-03', 1, 100, 1, 'donation', '', 5000, NULL, 0),"     /* clothes */
  /* October 2026 served */
  " (10, '2026-10-06', 1, 2, -1, 'served', '', 3000, NULL, 0),"       /* S1 */
  " (11, '2026-10-06', 1, 1, -1, 'served', '', 4500, NULL, 0),"       /* S1 */
  " (12, '2026-10-06', 1, 3, -1, 'served', '', 1600, NULL, 0),"       /* S2 */
  " (13, '2026-10-13', 1, 2, -1, 'served', '', 2000, NULL, 0),"       /* S3 */
  " (14, '2026-10-13', 1, 8, -1, 'served', '', 1200, NULL, 0),"       /* S3 */
  " (15, '2026-10-20', 1, 2, -1, 'served', '', 3000, NULL, 0),"       /* S4 */
  " (16, '2026-10-20', 1, 9, -1, 'served', '', 600, NULL, 0),"        /* S4 */
  " (17, '2026-10-20', 1, 2, -1, 'served', '', 2000, NULL, 0),"       /* S5 */
  " (18, '2026-10-21', 1, 2, 1, 'correction', '', 2000, 17, 0),"      /* S5 cancelled: takes back M17 */
  " (19, '2026-10-27', 1, 3, -1, 'served', '', 1400, NULL, 0),"       /* S6 */
  " (20, '2026-10-01', 1, 1, 1, 'correction', '', 3000, 32, 0),"      /* takes back M32, of September */
  " (21, '2026-10-03', 1, 100, -1, 'given', '', 1000, NULL, 0),"      /* clothes */
  /* October 2026 lost */
  " (25, '2026-10-15', 1, 3, -1, 'expired', '', 2500, NULL, 0),"
  " (26, '2026-10-16', 1, 1, -1, 'damaged', '', 1200, NULL, 0),"
  " (27, '2026-10-30', 1, 1, -1, 'wasted', '', 800, NULL, 0),"
  /* September 2026 */
  " (30, '2026-09-01', 1, 2, 1, 'delivery', 'fse-plus', 50000, NULL, 0),"
  " (31, '2026-09-15', 1, 2, -1, 'served', '', 2000, NULL, 0),"       /* T2 */
  " (32, '2026-09-29', 1, 1, -1, 'served', '', 3000, NULL, 0),"       /* T1, taken back in October */
  " (33, '2026-09-29', 1, 2, -1, 'served', '', 2500, NULL, 0),"       /* T1 */
  /* October 2025 */
  " (40, '2025-10-01', 1, 2, 1, 'delivery', 'banque-alimentaire', 20000, NULL, 0),"
  " (41, '2025-10-14', 1, 2, -1, 'served', '', 1000, NULL, 0),"       /* U1 */
  /* Outside the three months, inside 2026 */
  " (50, '2026-11-03', 1, 2, -1, 'served', '', 3000, NULL, 0),"       /* W1 */
  " (51, '2026-08-31', 1, 9, -1, 'served', '', 400, NULL, 0);";       /* W2 */

static AcuStore *store;

/* The database */

static void
food_setup (void)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  acu_test_db_setup ();
  store = acu_store_create (acu_test_db_path, SITE, COORDINATOR, PASSWORD, NULL, &error);
  ck_assert_msg (store != NULL, "create: %s", error ? error->message : "");

  ck_assert_msg (acu_store_begin (store, &error), "begin: %s", error ? error->message : "");
  for (guint h = 1; h <= 4; h++)
    ck_assert_int_eq (acu_household_insert_unchecked (store, 0, "2026-01-05", now, &error), h);
  for (guint p = 1; p < G_N_ELEMENTS (persons); p++)
    {
      AcuPersonDraft draft = {
        .first_name = persons[p].first_name,
        .last_name = "Test",
        .household_id = persons[p].household,
      };

      ck_assert_int_eq (acu_people_insert_unchecked (store, &draft, now, &error), p);
    }
  ck_assert_msg (acu_store_exec (store, food_sql, &error), "food: %s", error ? error->message : "");
  ck_assert_msg (acu_store_commit (store, &error), "commit: %s", error ? error->message : "");

  /* The fixture is what the comments say */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service"), 11);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (DISTINCT person_id) FROM food_service_person"), 9);
  /* the trigger's totals by month */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_month WHERE month = '2026-10' "
                                               "AND category_id = 2 AND reason = 'served'"), 10000);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT value FROM setting WHERE key = 'record-disability'"), 0);
}

static void
food_teardown (void)
{
  if (store != NULL)
    {
      acu_store_close (store);
      g_clear_object (&store);
    }
  acu_test_db_teardown ();
}

static void
set_recording (const char *key,
               gboolean    on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE setting SET value = '%d' WHERE key = '%s'", on ? 1 : 0, key);

  ck_assert_msg (acu_store_exec (store, sql, &error), "%s", error ? error->message : "");
}

static AcuReport *
compute (const AcuPeriod *period)
{
  g_autoptr(GError) error = NULL;
  AcuReport *report = acu_report_compute (store, period, NULL, NULL, NULL, &error);

  ck_assert_msg (report != NULL, "report: %s", error ? error->message : "");
  return report;
}

static AcuReport *
compute_october (void)
{
  AcuPeriod period;

  acu_period_init_month (&period, 2026, 10);
  return compute (&period);
}

static AcuReport *
compute_dates (const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  AcuPeriod period;

  ck_assert (acu_period_init_dates (&period, from, to, &error));
  return compute (&period);
}

static AcuFigure *
get_figure (const AcuReport *report,
            const char      *section,
            const char      *table_id,
            const char      *key)
{
  AcuFigureTable *table = acu_report_find_table (report, section, table_id);
  AcuFigure *figure;

  ck_assert_msg (table != NULL, "no table %s / %s", section, table_id);
  figure = acu_figure_table_find (table, key);
  ck_assert_msg (figure != NULL, "no row %s in %s / %s", key, section, table_id);
  return figure;
}

/* A row of the food-aid section: the period, the previous one, a year
 * earlier */
#define ASSERT_ROW(report, table, key, now, previous, year_before)                                     \
  G_STMT_START {                                                                                      \
    AcuFigure *f_ = get_figure ((report), "food-aid", (table), (key));                                \
    const gint64 want_[] = { (now), (previous), (year_before) };                                      \
    for (guint c_ = 0; c_ < ACU_REPORT_N_COLUMNS; c_++)                                               \
      ck_assert_msg (f_->values[c_] == want_[c_], "%s / %s, column %u: %" G_GINT64_FORMAT             \
                     ", expected %" G_GINT64_FORMAT, (table), (key), c_, f_->values[c_], want_[c_]);   \
    ck_assert (!f_->not_recorded);                                                                    \
  } G_STMT_END

#define ASSERT_HOUSEHOLDS(report, table, key, now, previous, year_before)                              \
  G_STMT_START {                                                                                      \
    AcuFigure *f_ = get_figure ((report), "food-aid", (table), (key));                                \
    const gint64 want_[] = { (now), (previous), (year_before) };                                      \
    for (guint c_ = 0; c_ < ACU_REPORT_N_COLUMNS; c_++)                                               \
      ck_assert_msg (f_->households[c_] == want_[c_], "%s / %s, households of column %u: %"           \
                     G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, (table), (key), c_,               \
                     f_->households[c_], want_[c_]);                                                   \
  } G_STMT_END

#define ASSERT_NOT_RECORDED(report, section, table, key)                                               \
  G_STMT_START {                                                                                      \
    AcuFigure *f_ = get_figure ((report), (section), (table), (key));                                 \
    ck_assert_msg (f_->not_recorded, "%s is recorded", (key));                                        \
    for (guint c_ = 0; c_ < ACU_REPORT_N_COLUMNS; c_++)                                               \
      ck_assert_int_eq (f_->values[c_], 0);                                                           \
  } G_STMT_END

/* 1. The section of a month */

START_TEST (test_month_served)
{
  g_autoptr(AcuReport) report = compute_october ();
  AcuReportSection *section = acu_report_find_section (report, "food-aid");

  ck_assert_ptr_nonnull (section);
  ck_assert_str_eq (section->title, "Food aid");
  /* after the reception's */
  ck_assert_str_eq (((AcuReportSection *) g_ptr_array_index (report->sections, 0))->id, "reception");

  /* October: H1 (S1, S4), H2 (S2, S6), H3 (S3); H4 only in the
   * cancelled S5 / September: H1 (T1), H4 (T2) / October 2025: H3 (U1) */
  ASSERT_ROW (report, "served", "households", 3, 2, 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "households")->kind, ACU_FIGURE_HOUSEHOLDS);
  /* P1 … P7 (P8 and P9 only in S5) / P1, P2, P8, P9 / P6 */
  ASSERT_ROW (report, "served", "persons", 7, 4, 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "persons")->kind, ACU_FIGURE_PERSONS);
  /* P2 (15-17 on 6 October, his first service, though 18-29 on the
   * 20th), P3 (4-14), P7 (0-3) / P2 / none */
  ASSERT_ROW (report, "served", "under-18", 3, 1, 0);
  /* P6 alone: P2's first service in October says 15-17 / none / P6 */
  ASSERT_ROW (report, "served", "18-29", 1, 0, 1);
  /* P4, P5 / none / none */
  ASSERT_ROW (report, "served", "65-plus", 2, 0, 0);
  /* P1, P3, P4, P6 (P7 is "other") / P1, P9 / P6 */
  ASSERT_ROW (report, "served", "women", 4, 2, 1);
  /* P4 and P5 homeless on 6 October (P4 housed on the 27th counts as
   * her first service says) / none / none */
  ASSERT_ROW (report, "served", "homeless", 2, 0, 0);
  ck_assert_uint_eq (get_figure (report, "food-aid", "served", "under-18")->level, 1);
  ck_assert_uint_eq (get_figure (report, "food-aid", "served", "persons")->level, 0);

  /* Sensitive: off in a new database, so not recorded, never 0 */
  ASSERT_NOT_RECORDED (report, "food-aid", "served", "disability");
  ASSERT_NOT_RECORDED (report, "food-aid", "served", "third-country");
  ASSERT_NOT_RECORDED (report, "food-aid", "served", "foreign-background");
}
END_TEST

START_TEST (test_month_distributions)
{
  g_autoptr(AcuReport) report = compute_october ();

  /* S1, S2, S3, S4, S6 (S5 cancelled) / T1, T2 / U1 */
  ASSERT_ROW (report, "distributions", "services", 5, 2, 1);
  /* S1, S3, S4 / T1, T2 / U1 */
  ASSERT_ROW (report, "distributions", "parcels", 3, 2, 1);
  /* S2, S6 / none / none */
  ASSERT_ROW (report, "distributions", "baskets", 2, 0, 0);
  /* 6, 13, 20 (S4), 27 October / 15 and 29 September / 14 October 2025 */
  ASSERT_ROW (report, "distributions", "days", 4, 2, 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "distributions", "days")->kind, ACU_FIGURE_DAYS);
  ck_assert_int_eq (get_figure (report, "food-aid", "distributions", "services")->kind, ACU_FIGURE_VISITS);

  /* Paid: S2 360 + S6 300 (S5's 400 cancelled) / T1 100 / none */
  ASSERT_ROW (report, "money", "participation", 660, 100, 0);
  /* by H2 / H1 / none */
  ASSERT_HOUSEHOLDS (report, "money", "participation", 1, 1, 0);
  /* S1 2500 + S2 1800 + S4 2500 + S6 1500 (S3 has none) / T1 2000 / U1 1000 */
  ASSERT_ROW (report, "money", "value", 8300, 2000, 1000);
  /* H1, H2 / H1 / H3 */
  ASSERT_HOUSEHOLDS (report, "money", "value", 2, 1, 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "money", "value")->kind, ACU_FIGURE_CENTS);
}
END_TEST

START_TEST (test_month_goods)
{
  g_autoptr(AcuReport) report = compute_october ();
  AcuFigureTable *received = acu_report_find_table (report, "food-aid", "received");

  /* Received: M1 120000 + M2 30000 − M5 30000 (the correction of M2,
   * though M5 itself has no source) / none / M40 20000 */
  ASSERT_ROW (report, "received", "banque-alimentaire", 120000, 0, 20000);
  /* M3 / none / none */
  ASSERT_ROW (report, "received", "collection", 45500, 0, 0);
  /* M4, hygiene products / none / none */
  ASSERT_ROW (report, "received", "purchase", 8000, 0, 0);
  /* none / M30 / none */
  ASSERT_ROW (report, "received", "fse-plus", 0, 50000, 0);
  /* M6, a donation of sweet and salty products without a source (the
   * clothes of M7 are no food) */
  ASSERT_ROW (report, "received", "not-stated", 2000, 0, 0);
  ck_assert (received->local);
  ck_assert_int_eq (received->kind, ACU_FIGURE_GRAMS);

  /* Distributed. Fruit and vegetables: M11 4500 − M20 3000 (taken back
   * on 1 October from the September service T1) / M32 3000 / none */
  ASSERT_ROW (report, "distributed", "fruit-vegetables", 1500, 3000, 0);
  /* Starchy: M10 3000 + M13 2000 + M15 3000 + M17 2000 − M18 2000 / M31
   * 2000 + M33 2500 / M41 1000 */
  ASSERT_ROW (report, "distributed", "starchy", 8000, 4500, 1000);
  /* Dairy: M12 1600 + M19 1400 */
  ASSERT_ROW (report, "distributed", "dairy", 3000, 0, 0);
  ASSERT_ROW (report, "distributed", "baby-food", 1200, 0, 0);
  ASSERT_ROW (report, "distributed", "hygiene", 600, 0, 0);
  ASSERT_ROW (report, "distributed", "fats", 0, 0, 0);
  /* each mass describes the households served: 3 / 2 / 1 */
  ASSERT_HOUSEHOLDS (report, "distributed", "starchy", 3, 2, 1);
  ASSERT_HOUSEHOLDS (report, "distributed", "fats", 3, 2, 1);
  /* the nine categories of food and hygiene, never the clothes */
  ck_assert_uint_eq (acu_report_find_table (report, "food-aid", "distributed")->figures->len, 9);
  ck_assert_ptr_null (acu_figure_table_find (acu_report_find_table (report, "food-aid", "distributed"),
                                             "test-clothes"));

  /* Losses: M25, M26, M27 */
  ASSERT_ROW (report, "losses", "expired", 2500, 0, 0);
  ASSERT_ROW (report, "losses", "damaged", 1200, 0, 0);
  ASSERT_ROW (report, "losses", "wasted", 800, 0, 0);
  ck_assert (acu_report_find_table (report, "food-aid", "losses")->local);
}
END_TEST

START_TEST (test_month_access)
{
  g_autoptr(AcuReport) report = compute_october ();

  /* Opened: A3 (H2) / A5 (H4) / A6 (H3) */
  ASSERT_ROW (report, "access", "opened", 1, 1, 1);
  /* Renewed: A2 follows A1 (H1) / none / none */
  ASSERT_ROW (report, "access", "renewed", 1, 0, 0);
  /* Expired: A4 ends on 14 October, nothing follows it / A1 ends on 30
   * September but A2 follows it / A6 */
  ASSERT_ROW (report, "access", "expired", 1, 0, 1);
  ck_assert_int_eq (acu_report_find_table (report, "food-aid", "access")->kind, ACU_FIGURE_HOUSEHOLDS);
}
END_TEST

/* The sensitive rows once a coordinator turned two of them on */
START_TEST (test_month_recorded)
{
  g_autoptr(AcuReport) report = NULL;

  set_recording ("record-disability", TRUE);
  set_recording ("record-third-country", TRUE);
  report = compute_october ();

  /* P6 / none / none: U1's P6 has NULL, not recorded then */
  ASSERT_ROW (report, "served", "disability", 1, 0, 0);
  /* P6, P7 / none / none */
  ASSERT_ROW (report, "served", "third-country", 2, 0, 0);
  /* still off */
  ASSERT_NOT_RECORDED (report, "food-aid", "served", "foreign-background");

  g_clear_pointer (&report, acu_report_free);
  set_recording ("record-foreign-background", TRUE);
  report = compute_october ();
  /* P7 */
  ASSERT_ROW (report, "served", "foreign-background", 1, 0, 0);
}
END_TEST

/* 2. Periods that do not start or end with a month: the edges from the
 * ledger, the whole months from their totals */

START_TEST (test_dates_goods)
{
  g_autoptr(AcuReport) report = NULL;

  /* 20 September to 31 October: the days of September from the ledger
   * (M32, M33 on the 29th), October whole */
  report = compute_dates ("2026-09-20", "2026-10-31");
  /* M32 3000 + (October) 1500 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "fruit-vegetables")->values[NOW], 4500);
  /* M33 2500 + 8000 (M31 on the 15th is before) */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "starchy")->values[NOW], 10500);
  /* nothing from September 1 (M30) */
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "fse-plus")->values[NOW], 0);
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "banque-alimentaire")->values[NOW], 120000);
  /* the persons of T1 and of October: P1 … P7; P2 first on 29 September */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "persons")->values[NOW], 7);
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "under-18")->values[NOW], 3);
  g_clear_pointer (&report, acu_report_free);

  /* 1 to 15 October: no whole month, every day from the ledger */
  report = compute_dates ("2026-10-01", "2026-10-15");
  /* M11 4500 − M20 3000 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "fruit-vegetables")->values[NOW], 1500);
  /* M10 3000 + M13 2000 (S4 and S5 on the 20th are later) */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "starchy")->values[NOW], 5000);
  /* M12 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "dairy")->values[NOW], 1600);
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "hygiene")->values[NOW], 0);
  /* M1 + M2 − M5 */
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "banque-alimentaire")->values[NOW], 120000);
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "not-stated")->values[NOW], 2000);
  /* M25 on the 15th; M26 on the 16th is later */
  ck_assert_int_eq (get_figure (report, "food-aid", "losses", "expired")->values[NOW], 2500);
  ck_assert_int_eq (get_figure (report, "food-aid", "losses", "damaged")->values[NOW], 0);
  /* S1, S2, S3 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributions", "services")->values[NOW], 3);
  /* the fifteen days before, 16 to 30 September: T1 on the 29th (T2 on
   * the 15th is before); M33 (M31 is before) */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributions", "services")->values[PREVIOUS], 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "starchy")->values[PREVIOUS], 2500);
  g_clear_pointer (&report, acu_report_free);

  /* September whole and 1 to 9 October */
  report = compute_dates ("2026-09-01", "2026-10-09");
  /* M32 3000 (September) + M11 4500 − M20 3000 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "fruit-vegetables")->values[NOW], 4500);
  /* M31 2000 + M33 2500 + M10 3000 */
  ck_assert_int_eq (get_figure (report, "food-aid", "distributed", "starchy")->values[NOW], 7500);
  /* M30 */
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "fse-plus")->values[NOW], 50000);
  /* M1 + M2; M5 on the 10th is later */
  ck_assert_int_eq (get_figure (report, "food-aid", "received", "banque-alimentaire")->values[NOW], 150000);
}
END_TEST

/* The whole year: P2 is under 18 (29 September), P5 not homeless (31
 * August, his first service in 2026) */
START_TEST (test_year_section)
{
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod year;

  acu_period_init_year (&year, 2026);
  report = compute (&year);
  /* P1 … P9 */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "persons")->values[NOW], 9);
  /* P4 (W2) */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "homeless")->values[NOW], 1);
  /* P2, P3, P7 */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "under-18")->values[NOW], 3);
  /* P6 */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "18-29")->values[NOW], 1);
  /* 2025: P6 */
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "persons")->values[PREVIOUS], 1);
  ck_assert_int_eq (get_figure (report, "food-aid", "served", "persons")->values[YEAR_BEFORE], 1);
}
END_TEST

/* 3. The FSE+ indicators */

static AcuReport *
compute_fse (guint year)
{
  g_autoptr(GError) error = NULL;
  AcuReport *report = acu_report_food_fse_compute (store, year, NULL, &error);

  ck_assert_msg (report != NULL, "FSE+: %s", error ? error->message : "");
  return report;
}

#define ASSERT_FSE(report, key, year, year_before)                                                     \
  G_STMT_START {                                                                                      \
    AcuFigure *f_ = get_figure ((report), "fse-plus", "indicators", (key));                           \
    ck_assert_msg (f_->values[NOW] == (year) && f_->values[YEAR_BEFORE] == (year_before),             \
                   "%s: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT, (key), f_->values[NOW],          \
                   f_->values[YEAR_BEFORE]);                                                          \
    ck_assert (!f_->not_recorded);                                                                    \
  } G_STMT_END

START_TEST (test_fse_figures)
{
  g_autoptr(AcuReport) report = compute_fse (2026);
  AcuFigureTable *table = acu_report_find_table (report, "fse-plus", "indicators");
  static const char *const keys[] = {
    "end-recipients", "under-18", "18-29", "65-plus", "women", "disability", "third-country",
    "foreign-background", "homeless", "households", "distributions", "food-distributed",
    "hygiene-distributed", "value",
  };

  ck_assert_str_eq (acu_report_get_title (report), "FSE+ food-aid indicators");
  ck_assert_str_eq (report->export_action, "food-fse-export");
  ck_assert_str_eq (report->periods[NOW].from, "2026-01-01");
  ck_assert_str_eq (report->periods[NOW].to, "2026-12-31");
  ck_assert_str_eq (report->periods[YEAR_BEFORE].from, "2025-01-01");
  ck_assert_uint_eq (report->sections->len, 1);
  ck_assert_ptr_nonnull (table);
  ck_assert_uint_eq (table->figures->len, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    ck_assert_str_eq (((AcuFigure *) g_ptr_array_index (table->figures, i))->key, keys[i]);

  /* 2026: P1 … P9 / 2025: P6 */
  ASSERT_FSE (report, "end-recipients", 9, 1);
  /* P2 (15-17 on 29 September, his first service of the year), P3, P7 */
  ASSERT_FSE (report, "under-18", 3, 0);
  /* P6 / P6 */
  ASSERT_FSE (report, "18-29", 1, 1);
  /* P4, P5 */
  ASSERT_FSE (report, "65-plus", 2, 0);
  /* P1, P3, P4, P6, P9 / P6 */
  ASSERT_FSE (report, "women", 5, 1);
  /* P4 on 31 August; P5 was housed then */
  ASSERT_FSE (report, "homeless", 1, 0);
  /* H1 … H4 / H3 */
  ASSERT_FSE (report, "households", 4, 1);
  /* W2, T2, T1, S1, S2, S3, S4, S6, W1 (not S5) / U1 */
  ASSERT_FSE (report, "distributions", 9, 1);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "distributions")->kind, ACU_FIGURE_VISITS);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "households")->kind, ACU_FIGURE_HOUSEHOLDS);
  /* Food served in 2026: September M31 2000 + M32 3000 + M33 2500;
   * October 1500 + 8000 + 3000 + 1200 (test_month_goods); November M50
   * 3000: 24200 / M41 1000 */
  ASSERT_FSE (report, "food-distributed", 24200, 1000);
  /* M16 600 + M51 400 / none */
  ASSERT_FSE (report, "hygiene-distributed", 1000, 0);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "food-distributed")->kind, ACU_FIGURE_GRAMS);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "food-distributed")->households[NOW], 4);
  /* W2 1200 + T1 2000 + S1 2500 + S2 1800 + S4 2500 + S6 1500 + W1 2500
   * (T2, S3 none; S5 cancelled) / U1 1000 */
  ASSERT_FSE (report, "value", 14000, 1000);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "value")->kind, ACU_FIGURE_CENTS);
  /* H1, H2 / H3 */
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "value")->households[NOW], 2);
  ck_assert_int_eq (get_figure (report, "fse-plus", "indicators", "value")->households[YEAR_BEFORE], 1);

  ASSERT_NOT_RECORDED (report, "fse-plus", "indicators", "disability");
  ASSERT_NOT_RECORDED (report, "fse-plus", "indicators", "third-country");
  ASSERT_NOT_RECORDED (report, "fse-plus", "indicators", "foreign-background");

  g_clear_pointer (&report, acu_report_free);
  set_recording ("record-disability", TRUE);
  set_recording ("record-third-country", TRUE);
  set_recording ("record-foreign-background", TRUE);
  report = compute_fse (2026);
  /* P6 / U1's P6 was not recorded */
  ASSERT_FSE (report, "disability", 1, 0);
  /* P6, P7 */
  ASSERT_FSE (report, "third-country", 2, 0);
  /* P7 */
  ASSERT_FSE (report, "foreign-background", 1, 0);
}
END_TEST

START_TEST (test_fse_bad_year)
{
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (acu_report_food_fse_compute (store, 1900, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_ptr_null (acu_report_food_fse_compute (store, 10000, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
}
END_TEST

/* CSV, split the way Calc reads it */

static GPtrArray *
csv_fields (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        {
          g_string_append_c (field, '"');
          p++;
        }
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ';' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          if (*p == '\0')
            break;
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  return fields;
}

/* The line of @key in the CSV's table rows (the key is the third field) */
static GPtrArray *
csv_row (char       **lines,
         const char  *key)
{
  for (guint i = 4; lines[i] != NULL; i++)
    {
      GPtrArray *fields = csv_fields (lines[i]);

      if (fields->len > 2 && g_str_equal (g_ptr_array_index (fields, 2), key))
        return fields;
      g_ptr_array_unref (fields);
    }
  ck_abort_msg ("no line for %s", key);
  return NULL;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, NULL), "cannot read %s", path);
  return contents;
}

static gint64
exports_recorded (void)
{
  return acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'food-fse-export'");
}

START_TEST (test_fse_csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (acu_test_dir, "fse.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) row = NULL;

  ck_assert_msg (acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_CSV, path, &error),
                 "export: %s", error ? error->message : "");
  ck_assert_int_eq (exports_recorded (), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'"), 0);
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *partial = g_strconcat (path, ".partial", NULL);

    ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  csv = read_file (path);
  ck_assert (g_str_has_prefix (csv, BOM));
  lines = g_strsplit (csv + strlen (BOM), "\r\n", -1);
  header = csv_fields (lines[3]);
  ck_assert_str_eq (g_ptr_array_index (header, 4), "Year 2026");
  ck_assert_str_eq (g_ptr_array_index (header, 6), "Year 2025");

  /* Section;Table;Key;Row;2026;2025;2025;Change;Unit;Kind */
  row = csv_row (lines, "end-recipients");
  ck_assert_str_eq (g_ptr_array_index (row, 0), "Food aid");
  ck_assert_str_eq (g_ptr_array_index (row, 4), "9");
  ck_assert_str_eq (g_ptr_array_index (row, 6), "1");
  /* (9 − 1) / 1 */
  ck_assert_str_eq (g_ptr_array_index (row, 7), "800,0");
  ck_assert_str_eq (g_ptr_array_index (row, 8), "persons");
  g_clear_pointer (&row, g_ptr_array_unref);

  row = csv_row (lines, "food-distributed");
  /* 24200 g, 1000 g */
  ck_assert_str_eq (g_ptr_array_index (row, 4), "24,200");
  ck_assert_str_eq (g_ptr_array_index (row, 6), "1,000");
  ck_assert_str_eq (g_ptr_array_index (row, 8), "kg");
  ck_assert_str_eq (g_ptr_array_index (row, 9), "grams");
  g_clear_pointer (&row, g_ptr_array_unref);

  row = csv_row (lines, "value");
  ck_assert_str_eq (g_ptr_array_index (row, 4), "140,00");
  ck_assert_str_eq (g_ptr_array_index (row, 9), "cents");
  g_clear_pointer (&row, g_ptr_array_unref);

  row = csv_row (lines, "distributions");
  ck_assert_str_eq (g_ptr_array_index (row, 4), "9");
  ck_assert_str_eq (g_ptr_array_index (row, 9), "visits");
  g_clear_pointer (&row, g_ptr_array_unref);

  /* Not recorded: said in words, no number, no change */
  row = csv_row (lines, "disability");
  for (guint c = 4; c <= 6; c++)
    ck_assert_str_eq (g_ptr_array_index (row, c), "Not recorded");
  ck_assert_str_eq (g_ptr_array_index (row, 7), "");
  ck_assert (strstr (csv, "\"disability\";\"Persons with a disability\";\"Not recorded\";") != NULL);
  g_clear_pointer (&row, g_ptr_array_unref);

  row = csv_row (lines, "homeless");
  ck_assert_str_eq (g_ptr_array_index (row, 4), "1");
  ck_assert_str_eq (g_ptr_array_index (row, 6), "0");
}
END_TEST

START_TEST (test_fse_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (acu_test_dir, "fse.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *section, *table;
  JsonArray *rows;
  guint n_seen = 0;

  ck_assert_msg (acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_JSON, path, &error),
                 "export: %s", error ? error->message : "");
  ck_assert_int_eq (exports_recorded (), 1);
  text = read_file (path);
  ck_assert (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "acuelh-report");
  ck_assert_int_eq (json_object_get_int_member (root, "version"), 3);
  ck_assert_str_eq (json_object_get_string_member (root, "title"), "FSE+ food-aid indicators");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (
                      json_object_get_object_member (root, "periods"), "period"), "from"), "2026-01-01");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (root, "sections")), 1);
  section = json_array_get_object_element (json_object_get_array_member (root, "sections"), 0);
  ck_assert_str_eq (json_object_get_string_member (section, "id"), "fse-plus");
  table = json_array_get_object_element (json_object_get_array_member (section, "tables"), 0);
  ck_assert_str_eq (json_object_get_string_member (table, "id"), "indicators");
  rows = json_object_get_array_member (table, "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *key = json_object_get_string_member (row, "key");

      if (g_str_equal (key, "end-recipients"))
        {
          ck_assert_int_eq (json_object_get_int_member (row, "period"), 9);
          ck_assert_int_eq (json_object_get_int_member (row, "year_before"), 1);
          ck_assert (!json_object_has_member (row, "recorded"));
          ck_assert (!json_object_has_member (row, "households"));
          n_seen++;
        }
      else if (g_str_equal (key, "third-country"))
        {
          /* not recorded: false, and null values rather than 0 */
          ck_assert (json_object_has_member (row, "recorded"));
          ck_assert (!json_object_get_boolean_member (row, "recorded"));
          ck_assert (json_object_get_null_member (row, "period"));
          ck_assert (json_object_get_null_member (row, "previous"));
          ck_assert (json_object_get_null_member (row, "year_before"));
          n_seen++;
        }
      else if (g_str_equal (key, "food-distributed"))
        {
          ck_assert_str_eq (json_object_get_string_member (row, "kind"), "grams");
          ck_assert_int_eq (json_object_get_int_member (row, "period"), 24200);
          /* H1 … H4 served in 2026 */
          ck_assert_int_eq (json_object_get_int_member (json_object_get_object_member (row, "households"),
                                                        "period"), 4);
          n_seen++;
        }
    }
  ck_assert_uint_eq (n_seen, 3);
}
END_TEST

/* The summary's own files say "not recorded" too; the network's file
 * neither 0 nor the site's deliveries */
START_TEST (test_summary_files)
{
  g_autoptr(AcuReport) report = compute_october ();
  g_autofree char *csv = acu_report_to_csv (report);
  g_autofree char *json = acu_report_to_json (report);
  g_autofree char *network = acu_report_to_network_json (report);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *food, *served, *distributions, *distributed;

  ck_assert (strstr (csv, "\"foreign-background\";\"Foreign background or minorities\";\"Not recorded\";"
                          "\"Not recorded\";\"Not recorded\";;") != NULL);
  ck_assert (strstr (csv, "\"days\";\"Distribution days\";4;2;1;300,0;\"days\";\"days\"") != NULL);
  ck_assert (strstr (json, "\"recorded\" : false") != NULL);

  ck_assert (json_parser_load_from_data (parser, network, -1, NULL));
  food = json_object_get_object_member (json_object_get_object_member (
           json_node_get_object (json_parser_get_root (parser)), "sections"), "food-aid");
  ck_assert_ptr_nonnull (food);
  /* deliveries and losses stay at the site */
  ck_assert (!json_object_has_member (food, "received"));
  ck_assert (!json_object_has_member (food, "losses"));
  served = json_object_get_object_member (json_object_get_object_member (food, "served"), "rows");
  /* 7 persons: 5; 3 under 18: "<5"; not recorded: null */
  ck_assert_int_eq (json_object_get_int_member (served, "persons"), 5);
  ck_assert_str_eq (json_object_get_string_member (served, "under-18"), "<5");
  ck_assert (json_object_get_null_member (served, "disability"));
  distributions = json_object_get_object_member (json_object_get_object_member (food, "distributions"), "rows");
  /* 5 services; 4 days as they are */
  ck_assert_int_eq (json_object_get_int_member (distributions, "services"), 5);
  ck_assert_int_eq (json_object_get_int_member (distributions, "days"), 4);
  /* 8 kg of starchy foods to 3 households: null; nothing at all: 0 */
  distributed = json_object_get_object_member (json_object_get_object_member (food, "distributed"), "rows");
  ck_assert (json_object_get_null_member (distributed, "starchy"));
  ck_assert_int_eq (json_object_get_int_member (distributed, "fats"), 0);
}
END_TEST

/* 4. The printed page, through the summary's drawing */

START_TEST (test_fse_pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = compute_fse (2026);
  g_autofree char *path = g_build_filename (acu_test_dir, "fse.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;

  ck_assert_msg (acu_report_document_export (store, report, NULL, ACU_REPORT_FORMAT_PDF, path, &error),
                 "PDF: %s", error ? error->message : "");
  ck_assert_int_eq (exports_recorded (), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'"), 0);
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                           NULL, &out, NULL, &status, NULL));
  ck_assert (g_spawn_check_wait_status (status, NULL));
  ck_assert_msg (strstr (out, "FSE+ food-aid indicators") != NULL, "%s", out);
  ck_assert (strstr (out, "Year 2026") != NULL);
  ck_assert (strstr (out, "End recipients") != NULL);
  ck_assert (strstr (out, "Not recorded") != NULL);
  /* 24,2 kg and 140,00 € */
  ck_assert_msg (strstr (out, "24,2\u00a0kg") != NULL || strstr (out, "24,2 kg") != NULL, "%s", out);
  ck_assert (strstr (out, "140,00") != NULL);
  /* The previous year is the year before: named in the heading
   * ("Previous period", "One year earlier") and in one column only */
  {
    guint n = 0;

    for (const char *p = strstr (out, "Year 2025"); p != NULL; p = strstr (p + 1, "Year 2025"))
      n++;
    ck_assert_msg (n == 3, "\"Year 2025\" %u times: %s", n, out);
  }
}
END_TEST

/* 5. Who may */

START_TEST (test_volunteer_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (acu_test_dir, "fse.csv", NULL);
  gint64 id = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  ck_assert_msg (acu_store_identify_with_pin (store, id, PIN, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);

  ck_assert_ptr_null (acu_report_food_fse_compute (store, 2026, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_CSV, path, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (exports_recorded (), 0);
}
END_TEST

START_TEST (test_staff_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (acu_test_dir, "fse.json", NULL);
  gint64 id = acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  ck_assert_msg (acu_store_identify_with_password (store, id, STAFF_PASSWORD, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_STAFF);

  ck_assert (!acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_JSON, path, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (exports_recorded (), 0);
}
END_TEST

/* Formats the indicators are not written in here, and a file that
 * cannot be written: nothing recorded */
START_TEST (test_fse_export_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (acu_test_dir, "fse.pdf", NULL);
  g_autofree char *net = g_build_filename (acu_test_dir, "fse-net.json", NULL);
  g_autofree char *missing = g_build_filename (acu_test_dir, "no-folder", "fse.csv", NULL);

  ck_assert (!acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_PDF, pdf, &error));
  ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (!acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_NETWORK_JSON, net, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_report_food_fse_export (store, 2026, ACU_REPORT_FORMAT_CSV, missing, &error));
  ck_assert (error != NULL && error->domain == G_IO_ERROR);
  ck_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (net, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (exports_recorded (), 0);
}
END_TEST

/* The section names what it reads: a change there makes a report stale */
START_TEST (test_areas)
{
  AcuAreas areas = acu_report_get_areas ();

  ck_assert (areas & ACU_AREA_FOOD);
  ck_assert (areas & ACU_AREA_GOODS);
  ck_assert (areas & ACU_AREA_PEOPLE);
  ck_assert_str_ne (acu_audit_action_get_label ("food-fse-export"), "food-fse-export");
}
END_TEST

static Suite *
food_report_suite (void)
{
  Suite *suite = suite_create ("food-report");
  TCase *tc;

  tc = acu_test_tcase_new ("section", food_setup, food_teardown);
  tcase_add_test (tc, test_month_served);
  tcase_add_test (tc, test_month_distributions);
  tcase_add_test (tc, test_month_goods);
  tcase_add_test (tc, test_month_access);
  tcase_add_test (tc, test_month_recorded);
  tcase_add_test (tc, test_dates_goods);
  tcase_add_test (tc, test_year_section);
  tcase_add_test (tc, test_summary_files);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("fse", food_setup, food_teardown);
  tcase_add_test (tc, test_fse_figures);
  tcase_add_test (tc, test_fse_bad_year);
  tcase_add_test (tc, test_fse_csv);
  tcase_add_test (tc, test_fse_json);
  tcase_add_test (tc, test_fse_pdf);
  tcase_add_test (tc, test_fse_export_refused);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("access", food_setup, food_teardown);
  tcase_add_test (tc, test_volunteer_refused);
  tcase_add_test (tc, test_staff_refused);
  tcase_add_test (tc, test_areas);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (food_report_suite ());
}
