/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <gio/gio.h>
#include <glib.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-people.h"
#include "acu-report.h"
#include "acu-people-private.h"
#include "acu-visits-private.h"
#include "acu-store-private.h"
#include "acu-store.h"
#include "acu-visits.h"
#include "acu-test-util.h"

/* The figures of the activity summary (acu-report-reception.c) on a small
 * database made by hand: six households, twelve persons, thirty-five
 * visits. Every expected number below was counted by hand from the tables
 * of the fixture, never by running the code; the comment beside each one
 * says which visits, persons or households make it. */

#define SITE             "Tiers-lieu de Lectoure"
#define COORDINATOR      "Hélène Martin"
#define PASSWORD         "Tr3s-Secret!Gers#2026"
#define VOLUNTEER        "Louise Dupré"
#define PIN              "2580"
#define STAFF            "Karim Benali"
#define STAFF_PASSWORD   "Autre-Mot2Passe!Auch"

/* The creator's row is the first of desk_person */
#define COORDINATOR_ID   1

/* Ids of the default entries, in the order the migration inserts them */
#define R_FOOD_AID       1
#define R_CLOTHING       2
#define R_FURNITURE      3
#define R_DIGITAL_HELP   4
#define R_SOCIAL_WORKER  5
#define R_RIGHTS         6
#define R_PAPERWORK      7
#define R_COFFEE         8
#define R_WORKSHOP       9
#define R_OTHER          10

#define P_CCAS           1
#define P_SECOURS_POP    2
#define P_CAF            7
#define P_FRANCE_TRAVAIL 10
#define P_MDS            13

#define C_AUCH           2
#define C_CONDOM         6
#define C_FLEURANCE      8
#define C_LECTOURE       12
#define C_MARCIAC        14

#define WOMAN            ACU_GENDER_WOMAN
#define MAN              ACU_GENDER_MAN
#define OTHER            ACU_GENDER_OTHER
#define NO_GENDER        ACU_GENDER_NOT_STATED
#define NO_AGE           ACU_AGE_NOT_STATED

#define NOW              ACU_REPORT_NOW
#define PREVIOUS         ACU_REPORT_PREVIOUS
#define YEAR_BEFORE      ACU_REPORT_YEAR_BEFORE


/* The database */

/* H1 … H6: commune (0: none) and the day the household was made */
static const struct
{
  gint64      commune_id;
  const char *created_on;
} households[] = {
  { 0, NULL },
  /* H1 */ { C_LECTOURE, "2024-03-10" },
  /* H2 */ { C_AUCH,     "2025-06-01" },
  /* H3 */ { C_MARCIAC,  "2026-10-06" },   /* new in the reported month */
  /* H4 */ { 0,          "2025-01-15" },   /* no commune */
  /* H5 */ { C_LECTOURE, "2026-09-15" },   /* new in the previous month */
  /* H6 */ { C_FLEURANCE, "2025-10-06" },  /* new one year before */
};

/* P1 … P12. Ages: on 2026-10-31 (NOW), 2026-09-30 (PREVIOUS),
 * 2025-10-31 (YEAR_BEFORE) */
static const struct
{
  const char *first_name;
  const char *last_name;
  const char *birth_date;
  AcuGender   gender;
  guint       household;
} persons[] = {
  { NULL, NULL, NULL, 0, 0 },
  /* P1:  46 / 46 / 45 */
  { "Marie",  "Durand", "1980-05-12", WOMAN,     1 },
  /* P2:  17 on 2026-10-31, 18 the next day / 17 / 16 */
  { "Paul",   "Durand", "2008-11-01", MAN,       1 },
  /* P3:  a year alone, born on 1 July 1961: 65 / 65 / 64 */
  { "Fatima", "Benali", "1961",       WOMAN,     2 },
  /* P4:  no birth date */
  { "Ahmed",  "Benali", NULL,         MAN,       2 },
  /* P5:  3 */
  { "Camille", "Petit", "2023-02-14", OTHER,     3 },
  /* P6:  11 */
  { "Léa",    "Petit",  "2015-08-20", WOMAN,     3 },
  /* P7:  27, gender not stated */
  { "Sam",    "Petit",  "1999-03-03", NO_GENDER, 3 },
  /* P8:  30 on the very last day of October 2026 / 29 / 29 */
  { "Jean",   "Moreau", "1996-10-31", MAN,       4 },
  /* P9:  70 / 70 / 69 */
  { "Rose",   "Moreau", "1955-12-25", WOMAN,     4 },
  /* P10: 16 / 16 */
  { "Lucas",  "Roux",   "2010-01-05", MAN,       5 },
  /* P11: 56 / 56 / 55 */
  { "Inès",   "Garcia", "1970-07-07", WOMAN,     6 },
  /* P12: 62 in October 2025; moves from H6 to H2 after his visits */
  { "Hugo",   "Garcia", "1962-11-15", MAN,       6 },
};

typedef struct
{
  const char    *day;
  const char    *time;
  guint          person;     /* 0: anonymous */
  gint64         reasons[2]; /* the second one 0: one reason */
  gint64         partner;
  AcuGender      anon_gender;
  AcuAgeBracket  anon_age;
  gint64         anon_commune;
} Visit;

static const Visit visits[] = {
  /* October 2026, the reported month (NOW): 17 visits */
  /* V1  */ { "2026-10-06", "09:15",  1, { R_FOOD_AID, 0 },           0, 0, 0, 0 },                   /* Tuesday */
  /* V2  */ { "2026-10-06", "09:40",  2, { R_FOOD_AID, R_CLOTHING },  P_CCAS, 0, 0, 0 },              /* Tuesday */
  /* V3  */ { "2026-10-08", "10:05",  1, { R_COFFEE, 0 },             0, 0, 0, 0 },                   /* Thursday */
  /* V4  */ { "2026-10-13", "14:30",  1, { R_FOOD_AID, 0 },           0, 0, 0, 0 },                   /* Tuesday */
  /* V5  */ { "2026-10-13", "14:45",  3, { R_RIGHTS, R_PAPERWORK },   P_CAF, 0, 0, 0 },               /* Tuesday */
  /* V6  */ { "2026-10-15", "10:20",  5, { R_CLOTHING, 0 },           0, 0, 0, 0 },                   /* Thursday */
  /* V7  */ { "2026-10-15", "10:20",  6, { R_CLOTHING, 0 },           0, 0, 0, 0 },                   /* Thursday */
  /* V8  */ { "2026-10-20", "09:05",  8, { R_DIGITAL_HELP, 0 },       P_FRANCE_TRAVAIL, 0, 0, 0 },    /* Tuesday */
  /* V9  */ { "2026-10-22", "14:10",  9, { R_FOOD_AID, 0 },           0, 0, 0, 0 },                   /* Thursday */
  /* V10 */ { "2026-10-27", "09:30", 10, { R_WORKSHOP, 0 },           0, 0, 0, 0 },                   /* Tuesday */
  /* V11 */ { "2026-10-31", "10:00",  2, { R_COFFEE, 0 },             0, 0, 0, 0 },                   /* Saturday */
  /* V12 */ { "2026-10-01", "09:00",  0, { R_FOOD_AID, R_RIGHTS },    P_CCAS, WOMAN, ACU_AGE_30_54, C_AUCH },  /* Thursday */
  /* V13 */ { "2026-10-20", "14:00",  0, { R_COFFEE, 0 },             0, NO_GENDER, NO_AGE, 0 },      /* Tuesday */
  /* V14 */ { "2026-10-27", "10:30",  0, { R_DIGITAL_HELP, 0 },       0, MAN, ACU_AGE_65_PLUS, C_LECTOURE },   /* Tuesday */
  /* V15 */ { "2026-10-29", "14:50",  0, { R_OTHER, 0 },              0, OTHER, NO_AGE, C_MARCIAC },  /* Thursday */
  /* V16 */ { "2026-10-08", "14:05",  7, { R_DIGITAL_HELP, R_COFFEE }, 0, 0, 0, 0 },                  /* Thursday */
  /* V17 */ { "2026-10-22", "09:55",  4, { R_PAPERWORK, 0 },          0, 0, 0, 0 },                   /* Thursday */

  /* September 2026 (PREVIOUS): 7 visits */
  /* S1 */ { "2026-09-01", "09:10",  1, { R_FOOD_AID, 0 },            0, 0, 0, 0 },                   /* Tuesday */
  /* S2 */ { "2026-09-08", "09:20",  8, { R_DIGITAL_HELP, 0 },        0, 0, 0, 0 },                   /* Tuesday */
  /* S3 */ { "2026-09-08", "14:00",  4, { R_PAPERWORK, 0 },           P_CAF, 0, 0, 0 },               /* Tuesday */
  /* S4 */ { "2026-09-15", "10:00", 10, { R_FOOD_AID, R_WORKSHOP },   0, 0, 0, 0 },                   /* Tuesday */
  /* S5 */ { "2026-09-17", "14:20", 10, { R_FOOD_AID, 0 },            0, 0, 0, 0 },                   /* Thursday */
  /* S6 */ { "2026-09-30", "10:40",  0, { R_CLOTHING, 0 },            0, WOMAN, ACU_AGE_18_29, 0 },   /* Wednesday */
  /* S7 */ { "2026-09-24", "09:50", 11, { R_COFFEE, 0 },              0, 0, 0, 0 },                   /* Thursday */

  /* October 2025 (YEAR_BEFORE): 7 visits, all on Thursdays */
  /* Y1 */ { "2025-10-02", "09:30",  1, { R_FOOD_AID, 0 },            0, 0, 0, 0 },
  /* Y2 */ { "2025-10-02", "09:45",  3, { R_FOOD_AID, R_RIGHTS },     0, 0, 0, 0 },
  /* Y3 */ { "2025-10-09", "14:15", 12, { R_FURNITURE, 0 },           P_SECOURS_POP, 0, 0, 0 },
  /* Y4 */ { "2025-10-16", "10:10",  8, { R_OTHER, 0 },               0, 0, 0, 0 },
  /* Y5 */ { "2025-10-16", "10:30",  0, { R_FOOD_AID, 0 },            0, MAN, ACU_AGE_55_64, C_CONDOM },
  /* Y6 */ { "2025-10-23", "14:40",  4, { R_CLOTHING, 0 },            0, 0, 0, 0 },
  /* Y7 */ { "2025-10-30", "09:05",  9, { R_COFFEE, 0 },              0, 0, 0, 0 },

  /* Outside the three months: none of them counts there */
  /* O1 */ { "2026-11-02", "09:00",  1, { R_FOOD_AID, R_SOCIAL_WORKER }, P_MDS, 0, 0, 0 },          /* Monday */
  /* O2 */ { "2025-09-30", "14:00",  3, { R_FOOD_AID, 0 },            0, 0, 0, 0 },                   /* Tuesday */
  /* O3 */ { "2026-06-30", "10:00",  3, { R_RIGHTS, 0 },              0, 0, 0, 0 },                   /* Tuesday */
  /* O4 */ { "2025-12-04", "09:30",  0, { R_COFFEE, 0 },              0, NO_GENDER, NO_AGE, 0 },      /* Thursday */
};

/* After the visits: P12 moves from H6 to H2, and three reasons are
 * hidden: furniture (used only in October 2025), social worker (used only
 * on 2026-11-02, outside every column) and workshop (used in October and
 * September 2026). */

static AcuStore *store;
static gint64 household_ids[G_N_ELEMENTS (households)];
static gint64 person_ids[G_N_ELEMENTS (persons)];


/* Helpers */

static void
check_catalogue_label (AcuCatalogue  catalogue,
                       gint64        id,
                       const char   *label)
{
  g_autofree char *found = acu_catalogue_get_label (store, catalogue, id);

  ck_assert_msg (g_strcmp0 (found, label) == 0, "entry %" G_GINT64_FORMAT ": expected %s, found %s",
                 id, label, found ? found : "(none)");
}

static void
fill_database (void)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  ck_assert_msg (acu_store_begin (store, &error), "begin: %s", error ? error->message : "");
  for (guint h = 1; h < G_N_ELEMENTS (households); h++)
    {
      household_ids[h] = acu_household_insert_unchecked (store, households[h].commune_id,
                                                         households[h].created_on, now, &error);
      ck_assert_msg (household_ids[h] > 0, "household %u: %s", h, error ? error->message : "");
    }
  for (guint p = 1; p < G_N_ELEMENTS (persons); p++)
    {
      AcuPersonDraft draft = {
        .first_name = persons[p].first_name,
        .last_name = persons[p].last_name,
        .birth_date = persons[p].birth_date,
        .gender = persons[p].gender,
        .household_id = household_ids[persons[p].household],
      };

      person_ids[p] = acu_people_insert_unchecked (store, &draft, now, &error);
      ck_assert_msg (person_ids[p] > 0, "person %u: %s", p, error ? error->message : "");
    }
  for (guint v = 0; v < G_N_ELEMENTS (visits); v++)
    {
      const Visit *visit = &visits[v];
      AcuVisitDraft draft = {
        .day = visit->day,
        .time = visit->time,
        .person_id = visit->person ? person_ids[visit->person] : 0,
        .reason_ids = visit->reasons,
        .n_reasons = visit->reasons[1] != 0 ? 2 : 1,
        .referral_id = visit->partner,
        .anon_gender = visit->anon_gender,
        .anon_age = visit->anon_age,
        .anon_commune_id = visit->anon_commune,
      };

      ck_assert_msg (acu_visit_insert_unchecked (store, &draft, COORDINATOR_ID, now, &error) > 0,
                     "visit %u on %s: %s", v, visit->day, error ? error->message : "");
    }
  ck_assert_msg (acu_store_commit (store, &error), "commit: %s", error ? error->message : "");

  ck_assert_msg (acu_person_move (store, person_ids[12], household_ids[2], NULL, &error),
                 "move: %s", error ? error->message : "");
  ck_assert_msg (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, R_FURNITURE, TRUE, &error)
                 && acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, R_SOCIAL_WORKER, TRUE, &error)
                 && acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, R_WORKSHOP, TRUE, &error),
                 "hide: %s", error ? error->message : "");
}

static void
figures_setup (void)
{
  g_autoptr(GError) error = NULL;

  acu_test_db_setup ();
  store = acu_store_create (acu_test_db_path, SITE, COORDINATOR, PASSWORD, NULL, &error);
  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  ck_assert_int_eq (acu_store_get_person_id (store), COORDINATOR_ID);

  /* The ids above are those of the seeded lists */
  check_catalogue_label (ACU_CATALOGUE_COMMUNE, C_AUCH, "Auch");
  check_catalogue_label (ACU_CATALOGUE_COMMUNE, C_CONDOM, "Condom");
  check_catalogue_label (ACU_CATALOGUE_COMMUNE, C_FLEURANCE, "Fleurance");
  check_catalogue_label (ACU_CATALOGUE_COMMUNE, C_LECTOURE, "Lectoure");
  check_catalogue_label (ACU_CATALOGUE_COMMUNE, C_MARCIAC, "Marciac");
  check_catalogue_label (ACU_CATALOGUE_PARTNER, P_CAF, "CAF");
  check_catalogue_label (ACU_CATALOGUE_PARTNER, P_CCAS, "CCAS");

  fill_database ();
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM household"), 6);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM person"), 12);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 35);
}

static void
figures_teardown (void)
{
  if (store != NULL)
    {
      acu_store_close (store);
      g_clear_object (&store);
    }
  acu_test_db_teardown ();
}

static AcuReport *
compute (const AcuPeriod *period)
{
  g_autoptr(GError) error = NULL;
  AcuReport *report = acu_report_compute (store, period, NULL, NULL, NULL, &error);

  ck_assert_msg (report != NULL, "report from %s to %s: %s", period->from, period->to,
                 error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  return report;
}

static AcuReport *
compute_month (guint year,
               guint month)
{
  AcuPeriod period;

  acu_period_init_month (&period, year, month);
  return compute (&period);
}

static AcuFigureTable *
get_table (const AcuReport *report,
           const char      *table_id)
{
  AcuFigureTable *table = acu_report_find_table (report, "reception", table_id);

  ck_assert_msg (table != NULL, "no table %s", table_id);
  return table;
}

static const char *const column_names[] = { "now", "previous", "year before" };

/* The three columns of one row, with the caller's line in the message */
#define ASSERT_ROW(report, table, key, now, previous, year_before) \
  assert_row (__LINE__, report, table, key, now, previous, year_before)

static void
assert_row (int              line,
            const AcuReport *report,
            const char      *table_id,
            const char      *key,
            gint64           now,
            gint64           previous,
            gint64           year_before)
{
  const gint64 expected[ACU_REPORT_N_COLUMNS] = { now, previous, year_before };

  ck_assert_msg (acu_figure_table_find (get_table (report, table_id), key) != NULL,
                 "line %d: %s has no row %s", line, table_id, key);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      gint64 value = acu_report_get_value (report, "reception", table_id, key, c);

      ck_assert_msg (value == expected[c],
                     "line %d: %s / %s, %s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                     line, table_id, key, column_names[c], expected[c], value);
    }
}

/* One column only (tables that are not compared, or tests about one
 * column) */
#define ASSERT_VALUE(report, table, key, column, value) \
  assert_value (__LINE__, report, table, key, column, value)

static void
assert_value (int              line,
              const AcuReport *report,
              const char      *table_id,
              const char      *key,
              AcuReportColumn  column,
              gint64           expected)
{
  gint64 value;

  get_table (report, table_id);
  value = acu_report_get_value (report, "reception", table_id, key, column);
  ck_assert_msg (value == expected,
                 "line %d: %s / %s, %s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                 line, table_id, key, column_names[column], expected, value);
}

/* Communes have no key: their row is found by its label */
static AcuFigure *
find_place (const AcuReport *report,
            const char      *label)
{
  AcuFigureTable *table = get_table (report, "by-commune");

  for (guint i = 0; i < table->figures->len; i++)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i);

      if (g_strcmp0 (figure->label, label) == 0)
        return figure;
    }
  return NULL;
}

#define ASSERT_PLACE(report, label, now, previous, year_before) \
  assert_place (__LINE__, report, label, now, previous, year_before)

static void
assert_place (int              line,
              const AcuReport *report,
              const char      *label,
              gint64           now,
              gint64           previous,
              gint64           year_before)
{
  const gint64 expected[ACU_REPORT_N_COLUMNS] = { now, previous, year_before };
  AcuFigure *figure = find_place (report, label);

  ck_assert_msg (figure != NULL, "line %d: no commune %s", line, label);
  ck_assert_msg (figure->key == NULL, "line %d: commune %s has a key", line, label);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    ck_assert_msg (figure->values[c] == expected[c],
                   "line %d: %s, %s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                   line, label, column_names[c], expected[c], figure->values[c]);
}

static void
assert_period (const AcuPeriod *period,
               AcuPeriodKind    kind,
               const char      *from,
               const char      *to)
{
  ck_assert_msg (period->kind == kind, "period %s..%s: kind %s, expected %s", period->from, period->to,
                 acu_period_kind_to_string (period->kind), acu_period_kind_to_string (kind));
  ck_assert_str_eq (period->from, from);
  ck_assert_str_eq (period->to, to);
}


/* 1. October 2026: totals, persons and households */

START_TEST (test_month_periods)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  assert_period (&report->periods[NOW], ACU_PERIOD_MONTH, "2026-10-01", "2026-10-31");
  assert_period (&report->periods[PREVIOUS], ACU_PERIOD_MONTH, "2026-09-01", "2026-09-30");
  assert_period (&report->periods[YEAR_BEFORE], ACU_PERIOD_MONTH, "2025-10-01", "2025-10-31");
  ck_assert_str_eq (report->site_name, SITE);
}
END_TEST

START_TEST (test_month_visits)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  /* V1–V17 / S1–S7 / Y1–Y7; O1 (2026-11-02) and O2 (2025-09-30) nowhere */
  ASSERT_ROW (report, "visits", "visits", 17, 7, 7);
  /* V1–V11, V16, V17 / S1–S5, S7 / Y1–Y4, Y6, Y7 */
  ASSERT_ROW (report, "visits", "identified", 13, 6, 6);
  /* V12–V15 / S6 / Y5 */
  ASSERT_ROW (report, "visits", "anonymous", 4, 1, 1);
}
END_TEST

START_TEST (test_month_people)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  /* NOW: P1 (3 visits), P2 (2), P3, P4, P5, P6, P7, P8, P9, P10 = 10.
   * PREVIOUS: P1, P4, P8, P10 (2 visits), P11 = 5.
   * YEAR_BEFORE: P1, P3, P4, P8, P9, P12 = 6. */
  ASSERT_ROW (report, "people", "persons", 10, 5, 6);
  /* Through each person's current household.
   * NOW: H1 (P1, P2), H2 (P3, P4), H3 (P5, P6, P7), H4 (P8, P9), H5 (P10) = 5.
   * PREVIOUS: H1 (P1), H2 (P4), H4 (P8), H5 (P10), H6 (P11) = 5.
   * YEAR_BEFORE: H1 (P1), H2 (P3, P4, and P12 who has moved there from
   * H6), H4 (P8, P9) = 3; counting P12 in his former H6 would say 4. */
  ASSERT_ROW (report, "people", "households", 5, 5, 3);
  /* created_on: H3 2026-10-06 / H5 2026-09-15 / H6 2025-10-06 */
  ASSERT_ROW (report, "people", "new-households", 1, 1, 1);
}
END_TEST

/* Each table says what it counts, and so how it is written and masked */
START_TEST (test_month_kinds)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  static const struct
  {
    const char    *table;
    AcuFigureKind  kind;
  } tables[] = {
    { "visits", ACU_FIGURE_VISITS },
    { "people", ACU_FIGURE_PERSONS },
    { "trend", ACU_FIGURE_VISITS },
    { "by-weekday", ACU_FIGURE_VISITS },
    { "by-hour", ACU_FIGURE_VISITS },
    { "by-reason", ACU_FIGURE_VISITS },
    { "by-partner", ACU_FIGURE_VISITS },
    { "by-commune", ACU_FIGURE_VISITS },
    { "households-by-commune", ACU_FIGURE_HOUSEHOLDS },
    { "by-gender", ACU_FIGURE_PERSONS },
    { "by-age", ACU_FIGURE_PERSONS },
    { "anonymous-by-gender", ACU_FIGURE_VISITS },
    { "anonymous-by-age", ACU_FIGURE_VISITS },
  };
  AcuReportSection *section = acu_report_find_section (report, "reception");

  ck_assert_uint_eq (section->tables->len, G_N_ELEMENTS (tables));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      AcuFigureTable *table = get_table (report, tables[i].table);

      ck_assert_msg (table->kind == tables[i].kind, "%s: kind %d", tables[i].table, table->kind);
      /* every row its table's kind, but the households among persons */
      for (guint f = 0; f < table->figures->len; f++)
        {
          AcuFigure *figure = g_ptr_array_index (table->figures, f);
          gboolean of_households = g_str_equal (tables[i].table, "people")
                                && (g_strcmp0 (figure->key, "households") == 0
                                    || g_strcmp0 (figure->key, "new-households") == 0);

          ck_assert_msg (figure->kind == (of_households ? ACU_FIGURE_HOUSEHOLDS : tables[i].kind),
                         "%s / %s: kind %d", tables[i].table, figure->key, figure->kind);
        }
    }
  ck_assert_int_eq (acu_figure_table_find (get_table (report, "people"), "persons")->kind, ACU_FIGURE_PERSONS);
  ck_assert_int_eq (acu_figure_table_find (get_table (report, "people"), "households")->kind,
                    ACU_FIGURE_HOUSEHOLDS);
}
END_TEST

/* 2. By reason and by partner */

START_TEST (test_month_by_reason)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  AcuFigureTable *table = get_table (report, "by-reason");

  /* A visit with two reasons counts once for each.
   * NOW: V1, V2, V4, V9, V12 / S1, S4, S5 / Y1, Y2, Y5 */
  ASSERT_ROW (report, "by-reason", "food-aid", 5, 3, 3);
  /* V2, V6, V7 / S6 / Y6 */
  ASSERT_ROW (report, "by-reason", "clothing", 3, 1, 1);
  /* hidden, used by Y3 alone: still shown */
  ASSERT_ROW (report, "by-reason", "furniture", 0, 0, 1);
  /* V8, V14, V16 / S2 / none */
  ASSERT_ROW (report, "by-reason", "digital-help", 3, 1, 0);
  /* V5, V12 / none / Y2 */
  ASSERT_ROW (report, "by-reason", "rights", 2, 0, 1);
  /* V5, V17 / S3 / none */
  ASSERT_ROW (report, "by-reason", "paperwork", 2, 1, 0);
  /* V3, V11, V13, V16 / S7 / Y7 */
  ASSERT_ROW (report, "by-reason", "coffee", 4, 1, 1);
  /* hidden, used by V10 and S4: shown */
  ASSERT_ROW (report, "by-reason", "workshop", 1, 1, 0);
  /* V15 / none / Y4 */
  ASSERT_ROW (report, "by-reason", "other", 1, 0, 1);

  /* Hidden, and used only by O1 (2026-11-02): no row */
  ck_assert_ptr_null (acu_figure_table_find (table, "social-worker"));
  ck_assert_int_eq (acu_report_get_value (report, "reception", "by-reason", "social-worker", NOW), -1);
  /* the ten reasons but that one */
  ck_assert_uint_eq (table->figures->len, 9);
  ck_assert_uint_eq (table->chart, ACU_CHART_BARS);
}
END_TEST

START_TEST (test_month_by_partner)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  AcuFigureTable *table = get_table (report, "by-partner");

  /* V2, V12 */
  ASSERT_ROW (report, "by-partner", "ccas", 2, 0, 0);
  /* V5 / S3 */
  ASSERT_ROW (report, "by-partner", "caf", 1, 1, 0);
  /* V8 */
  ASSERT_ROW (report, "by-partner", "france-travail", 1, 0, 0);
  /* Y3 */
  ASSERT_ROW (report, "by-partner", "secours-populaire", 0, 0, 1);
  /* O1 only, on 2026-11-02 */
  ASSERT_ROW (report, "by-partner", "mds", 0, 0, 0);
  /* nobody: a visible entry keeps its row */
  ASSERT_ROW (report, "by-partner", "cpam", 0, 0, 0);
  ck_assert_uint_eq (table->figures->len, 15);
}
END_TEST

/* 3. By weekday and hour */

START_TEST (test_month_by_weekday)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  ck_assert_uint_eq (get_table (report, "by-weekday")->figures->len, 7);
  /* only O1, outside */
  ASSERT_ROW (report, "by-weekday", "monday", 0, 0, 0);
  /* 2026-10-06 (V1, V2), 10-13 (V4, V5), 10-20 (V8, V13), 10-27 (V10, V14)
   * / 09-01 (S1), 09-08 (S2, S3), 09-15 (S4) / none */
  ASSERT_ROW (report, "by-weekday", "tuesday", 8, 4, 0);
  /* 2026-09-30 (S6) */
  ASSERT_ROW (report, "by-weekday", "wednesday", 0, 1, 0);
  /* 2026-10-01 (V12), 10-08 (V3, V16), 10-15 (V6, V7), 10-22 (V9, V17),
   * 10-29 (V15) / 09-17 (S5), 09-24 (S7) / every visit of October 2025 */
  ASSERT_ROW (report, "by-weekday", "thursday", 8, 2, 7);
  ASSERT_ROW (report, "by-weekday", "friday", 0, 0, 0);
  /* 2026-10-31 (V11) */
  ASSERT_ROW (report, "by-weekday", "saturday", 1, 0, 0);
  ASSERT_ROW (report, "by-weekday", "sunday", 0, 0, 0);
}
END_TEST

START_TEST (test_month_by_hour)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  AcuFigureTable *table = get_table (report, "by-hour");

  /* V1, V2, V8, V10, V12, V17 / S1, S2, S7 / Y1, Y2, Y7 */
  ASSERT_ROW (report, "by-hour", "09", 6, 3, 3);
  /* V3, V6, V7 (the same minute), V11, V14 / S4, S6 / Y4, Y5 */
  ASSERT_ROW (report, "by-hour", "10", 5, 2, 2);
  /* V4, V5, V9, V13, V15, V16 / S3, S5 / Y3, Y6 */
  ASSERT_ROW (report, "by-hour", "14", 6, 2, 2);
  /* only the hours someone came */
  ck_assert_uint_eq (table->figures->len, 3);
  ck_assert_int_eq (acu_report_get_value (report, "reception", "by-hour", "11", NOW), -1);
}
END_TEST

/* 4. By commune: identified visits through the household's commune,
 * anonymous visits through their own */

START_TEST (test_month_by_commune)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  AcuFigureTable *table = get_table (report, "by-commune");
  static const char *const order[] = { "Auch", "Condom", "Fleurance", "Lectoure", "Marciac" };

  ck_assert (table->places);
  /* Auch: H2 (V5 P3, V17 P4) + V12 anonymous / H2 (S3 P4) / H2 (Y2 P3,
   * Y6 P4, Y3 P12 who now lives in H2) */
  ASSERT_PLACE (report, "Auch", 3, 1, 3);
  /* Y5 anonymous */
  ASSERT_PLACE (report, "Condom", 0, 0, 1);
  /* H6 (S7 P11); P12's Y3 went with him to Auch */
  ASSERT_PLACE (report, "Fleurance", 0, 1, 0);
  /* Lectoure: H1 (V1, V3, V4 P1; V2, V11 P2) + H5 (V10 P10) + V14
   * anonymous / H1 (S1) + H5 (S4, S5) / H1 (Y1) */
  ASSERT_PLACE (report, "Lectoure", 7, 3, 1);
  /* H3 (V6 P5, V7 P6, V16 P7) + V15 anonymous */
  ASSERT_PLACE (report, "Marciac", 4, 0, 0);
  /* H4 has no commune: V8 P8, V9 P9 + V13 anonymous without commune /
   * S2 P8 + S6 anonymous / Y4 P8, Y7 P9 */
  ASSERT_ROW (report, "by-commune", "not-stated", 3, 2, 2);

  /* Communes nobody came from have no row; "not stated" comes last */
  ck_assert_ptr_null (find_place (report, "Aignan"));
  ck_assert_ptr_null (find_place (report, "Vic-Fezensac"));
  ck_assert_uint_eq (table->figures->len, 6);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    ck_assert_str_eq (((AcuFigure *) g_ptr_array_index (table->figures, i))->label, order[i]);
  ck_assert_str_eq (((AcuFigure *) g_ptr_array_index (table->figures, 5))->key, "not-stated");

  /* Households who came, by the commune of each household: H1 and H5 in
   * Lectoure, H2 in Auch, H3 in Marciac, H4 without, H6 in Fleurance.
   * NOW: H1–H5 / PREVIOUS: H1, H2, H4, H5, H6 / YEAR_BEFORE: H1, H2, H4 */
  {
    AcuFigureTable *homes = get_table (report, "households-by-commune");
    static const struct { const char *label; gint64 values[3]; } expected[] = {
      { "Auch", { 1, 1, 1 } },
      { "Fleurance", { 0, 1, 0 } },
      { "Lectoure", { 2, 2, 1 } },
      { "Marciac", { 1, 0, 0 } },
      { "Not stated", { 1, 1, 1 } },
    };

    ck_assert (homes->places);
    ck_assert (!homes->local);
    ck_assert (table->local);
    ck_assert_uint_eq (homes->figures->len, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        AcuFigure *figure = g_ptr_array_index (homes->figures, i);

        ck_assert_str_eq (figure->label, expected[i].label);
        for (guint c = 0; c < 3; c++)
          ck_assert_int_eq (figure->values[c], expected[i].values[c]);
      }
  }
}
END_TEST

/* 5. Persons by gender and age, anonymous visits by gender and age */

START_TEST (test_month_by_gender)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  /* Persons, once each: NOW P1, P3, P6, P9 / P1, P11 / P1, P3, P9 */
  ASSERT_ROW (report, "by-gender", "woman", 4, 2, 3);
  /* P2, P4, P8, P10 / P4, P8, P10 / P4, P8, P12 */
  ASSERT_ROW (report, "by-gender", "man", 4, 3, 3);
  /* P5 */
  ASSERT_ROW (report, "by-gender", "other", 1, 0, 0);
  /* P7 */
  ASSERT_ROW (report, "by-gender", "not-stated", 1, 0, 0);
}
END_TEST

START_TEST (test_month_by_age)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  /* Ages on the last day of each period (2026-10-31, 2026-09-30,
   * 2025-10-31) of the persons counted above.
   * P5 is 3 */
  ASSERT_ROW (report, "by-age", "0-3", 1, 0, 0);
  /* P6 is 11 */
  ASSERT_ROW (report, "by-age", "4-14", 1, 0, 0);
  /* P2 is 17 on 2026-10-31 (18 on 11-01), P10 is 16 / P10 / none */
  ASSERT_ROW (report, "by-age", "15-17", 2, 1, 0);
  ASSERT_ROW (report, "by-age", "under-18", 1 + 1 + 2, 1, 0);
  /* P7 is 27 / P8 is 29 on 2026-09-30 / P8 is 29 */
  ASSERT_ROW (report, "by-age", "18-29", 1, 1, 1);
  /* P1 46, P8 30 on his birthday 2026-10-31 / P1 46 / P1 45 */
  ASSERT_ROW (report, "by-age", "30-54", 2, 1, 1);
  /* none / P11 56 / P3 64 (born in 1961, counted on 1 July), P12 62 */
  ASSERT_ROW (report, "by-age", "55-64", 0, 1, 2);
  /* P3 65, P9 70 / none / P9 69 */
  ASSERT_ROW (report, "by-age", "65+", 2, 0, 1);
  /* P4 has no birth date, and came in each period */
  ASSERT_ROW (report, "by-age", "not-stated", 1, 1, 1);

  ck_assert_uint_eq (acu_figure_table_find (get_table (report, "by-age"), "0-3")->level, 1);
  ck_assert_uint_eq (acu_figure_table_find (get_table (report, "by-age"), "18-29")->level, 0);
}
END_TEST

START_TEST (test_month_anonymous)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);

  /* Anonymous visits: V12 woman 30-54 Auch, V13 nothing stated, V14 man
   * 65+ Lectoure, V15 other, age not stated, Marciac / S6 woman 18-29 /
   * Y5 man 55-64 Condom */
  ASSERT_ROW (report, "anonymous-by-gender", "woman", 1, 1, 0);
  ASSERT_ROW (report, "anonymous-by-gender", "man", 1, 0, 1);
  ASSERT_ROW (report, "anonymous-by-gender", "other", 1, 0, 0);
  ASSERT_ROW (report, "anonymous-by-gender", "not-stated", 1, 0, 0);

  ASSERT_ROW (report, "anonymous-by-age", "0-3", 0, 0, 0);
  ASSERT_ROW (report, "anonymous-by-age", "4-14", 0, 0, 0);
  ASSERT_ROW (report, "anonymous-by-age", "15-17", 0, 0, 0);
  ASSERT_ROW (report, "anonymous-by-age", "18-29", 0, 1, 0);
  ASSERT_ROW (report, "anonymous-by-age", "30-54", 1, 0, 0);
  ASSERT_ROW (report, "anonymous-by-age", "55-64", 0, 0, 1);
  ASSERT_ROW (report, "anonymous-by-age", "65+", 1, 0, 0);
  /* V13, V15 */
  ASSERT_ROW (report, "anonymous-by-age", "not-stated", 2, 0, 0);
}
END_TEST

/* 6. Twelve months */

START_TEST (test_month_trend)
{
  g_autoptr(AcuReport) report = compute_month (2026, 10);
  AcuFigureTable *table = get_table (report, "trend");
  static const struct
  {
    const char *key;
    gint64      now;
    gint64      year_before;
  } months[] = {
    { "2025-11", 0, 0 },
    { "2025-12", 1, 0 },    /* O4 on 2025-12-04 */
    { "2026-01", 0, 0 },
    { "2026-02", 0, 0 },
    { "2026-03", 0, 0 },
    { "2026-04", 0, 0 },
    { "2026-05", 0, 0 },
    { "2026-06", 1, 0 },    /* O3 on 2026-06-30 */
    { "2026-07", 0, 0 },
    { "2026-08", 0, 0 },
    { "2026-09", 7, 1 },    /* S1–S7; O2 on 2025-09-30 */
    { "2026-10", 17, 7 },   /* V1–V17; Y1–Y7. O1 (November) nowhere */
  };

  ck_assert (!table->compared);
  ck_assert_uint_eq (table->figures->len, G_N_ELEMENTS (months));
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i);

      ck_assert_str_eq (figure->key, months[i].key);
      ck_assert_msg (figure->values[NOW] == months[i].now, "%s: expected %" G_GINT64_FORMAT
                     ", got %" G_GINT64_FORMAT, months[i].key, months[i].now, figure->values[NOW]);
      ck_assert_msg (figure->values[YEAR_BEFORE] == months[i].year_before,
                     "%s one year before: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                     months[i].key, months[i].year_before, figure->values[YEAR_BEFORE]);
    }
}
END_TEST

/* 7. Other periods */

START_TEST (test_quarter)
{
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period, previous, year_before;

  acu_period_init_quarter (&period, 2026, 4);
  acu_period_get_previous (&period, &previous);
  acu_period_get_year_before (&period, &year_before);
  assert_period (&period, ACU_PERIOD_QUARTER, "2026-10-01", "2026-12-31");
  assert_period (&previous, ACU_PERIOD_QUARTER, "2026-07-01", "2026-09-30");
  assert_period (&year_before, ACU_PERIOD_QUARTER, "2025-10-01", "2025-12-31");

  report = compute (&period);
  assert_period (&report->periods[PREVIOUS], ACU_PERIOD_QUARTER, "2026-07-01", "2026-09-30");
  assert_period (&report->periods[YEAR_BEFORE], ACU_PERIOD_QUARTER, "2025-10-01", "2025-12-31");
  /* V1–V17 + O1 (November) / S1–S7 (O3 is in June) / Y1–Y7 + O4 (December) */
  ASSERT_ROW (report, "visits", "visits", 18, 7, 8);
  ASSERT_ROW (report, "visits", "anonymous", 4, 1, 2);
  /* P1 came again in November: still 10 persons / 5 / 6 */
  ASSERT_ROW (report, "people", "persons", 10, 5, 6);
  /* O1 adds Monday and the social worker, hidden but now used */
  ASSERT_ROW (report, "by-weekday", "monday", 1, 0, 0);
  ASSERT_ROW (report, "by-reason", "social-worker", 1, 0, 0);
  ASSERT_ROW (report, "by-partner", "mds", 1, 0, 0);
  /* The trend ends with the quarter: 2026-01 … 2026-12 */
  ck_assert_uint_eq (get_table (report, "trend")->figures->len, 12);
  ck_assert_str_eq (((AcuFigure *) g_ptr_array_index (get_table (report, "trend")->figures, 0))->key, "2026-01");
  ASSERT_VALUE (report, "trend", "2026-11", NOW, 1);           /* O1 */
  ASSERT_VALUE (report, "trend", "2026-12", YEAR_BEFORE, 1);   /* O4, 2025-12-04 */
}
END_TEST

START_TEST (test_year)
{
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period;

  acu_period_init_year (&period, 2026);
  report = compute (&period);
  assert_period (&report->periods[NOW], ACU_PERIOD_YEAR, "2026-01-01", "2026-12-31");
  assert_period (&report->periods[PREVIOUS], ACU_PERIOD_YEAR, "2025-01-01", "2025-12-31");
  assert_period (&report->periods[YEAR_BEFORE], ACU_PERIOD_YEAR, "2025-01-01", "2025-12-31");

  /* 2026: V1–V17, S1–S7, O1, O3 = 26; 2025: Y1–Y7, O2, O4 = 9 */
  ASSERT_ROW (report, "visits", "visits", 26, 9, 9);
  /* 2026: P1–P11; 2025: P1, P3, P4, P8, P9, P12 */
  ASSERT_ROW (report, "people", "persons", 11, 6, 6);
  /* 2026: H1–H6; 2025: H1, H2, H4 */
  ASSERT_ROW (report, "people", "households", 6, 3, 3);
  /* 2026: H3, H5; 2025: H2, H4, H6 */
  ASSERT_ROW (report, "people", "new-households", 2, 3, 3);
  /* On 2026-12-31 P2 is 18, and P7 27 / on 2025-12-31 P8 is 29 */
  ASSERT_ROW (report, "by-age", "18-29", 2, 1, 1);
  ASSERT_ROW (report, "by-age", "15-17", 1, 0, 0);
  /* P11 56 / P3 64, P12 63 */
  ASSERT_ROW (report, "by-age", "55-64", 1, 2, 2);
  /* the trend's year before is 2025 */
  ASSERT_VALUE (report, "trend", "2026-09", YEAR_BEFORE, 1);   /* O2 */
  ASSERT_VALUE (report, "trend", "2026-10", YEAR_BEFORE, 7);

  /* The previous year is the year before: both columns alike everywhere */
  for (guint s = 0; s < report->sections->len; s++)
    {
      AcuReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          AcuFigureTable *table = g_ptr_array_index (section->tables, t);

          if (!table->compared)
            continue;
          for (guint f = 0; f < table->figures->len; f++)
            {
              AcuFigure *figure = g_ptr_array_index (table->figures, f);

              ck_assert_msg (figure->values[PREVIOUS] == figure->values[YEAR_BEFORE],
                             "%s / %s: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT, table->id,
                             figure->label, figure->values[PREVIOUS], figure->values[YEAR_BEFORE]);
            }
        }
    }
}
END_TEST

START_TEST (test_dates_month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period, previous;

  ck_assert_msg (acu_period_init_dates (&period, "2026-10-01", "2026-10-31", &error), "%s",
                 error ? error->message : "");
  assert_period (&period, ACU_PERIOD_MONTH, "2026-10-01", "2026-10-31");
  acu_period_get_previous (&period, &previous);
  assert_period (&previous, ACU_PERIOD_MONTH, "2026-09-01", "2026-09-30");

  report = compute (&period);
  ASSERT_ROW (report, "visits", "visits", 17, 7, 7);

  /* A whole quarter, a whole year, a December */
  ck_assert (acu_period_init_dates (&period, "2026-10-01", "2026-12-31", &error));
  assert_period (&period, ACU_PERIOD_QUARTER, "2026-10-01", "2026-12-31");
  acu_period_get_previous (&period, &previous);
  assert_period (&previous, ACU_PERIOD_QUARTER, "2026-07-01", "2026-09-30");
  ck_assert (acu_period_init_dates (&period, "2026-01-01", "2026-12-31", &error));
  assert_period (&period, ACU_PERIOD_YEAR, "2026-01-01", "2026-12-31");
  ck_assert (acu_period_init_dates (&period, "2026-12-01", "2026-12-31", &error));
  assert_period (&period, ACU_PERIOD_MONTH, "2026-12-01", "2026-12-31");
  acu_period_get_previous (&period, &previous);
  assert_period (&previous, ACU_PERIOD_MONTH, "2026-11-01", "2026-11-30");
  /* Two months are only dates */
  ck_assert (acu_period_init_dates (&period, "2026-09-01", "2026-10-31", &error));
  assert_period (&period, ACU_PERIOD_DATES, "2026-09-01", "2026-10-31");
  acu_period_get_previous (&period, &previous);
  /* 61 days before */
  assert_period (&previous, ACU_PERIOD_DATES, "2026-07-02", "2026-08-31");
}
END_TEST

START_TEST (test_dates_week)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period, previous, year_before;

  ck_assert_msg (acu_period_init_dates (&period, "2026-10-05", "2026-10-11", &error), "%s",
                 error ? error->message : "");
  assert_period (&period, ACU_PERIOD_DATES, "2026-10-05", "2026-10-11");
  acu_period_get_previous (&period, &previous);
  assert_period (&previous, ACU_PERIOD_DATES, "2026-09-28", "2026-10-04");
  acu_period_get_year_before (&period, &year_before);
  assert_period (&year_before, ACU_PERIOD_DATES, "2025-10-05", "2025-10-11");

  report = compute (&period);
  /* V1, V2 (10-06), V3, V16 (10-08) / S6 (09-30), V12 (10-01) / Y3 (2025-10-09) */
  ASSERT_ROW (report, "visits", "visits", 4, 2, 1);
  ASSERT_ROW (report, "visits", "anonymous", 0, 2, 0);
  /* P1, P2, P7 / nobody / P12 */
  ASSERT_ROW (report, "people", "persons", 3, 0, 1);
  /* H1, H3 / none / H2 (P12's household now) */
  ASSERT_ROW (report, "people", "households", 2, 0, 1);
  /* H3 made on 2026-10-06 / none / H6 on 2025-10-06 */
  ASSERT_ROW (report, "people", "new-households", 1, 0, 1);
  /* The trend still runs over whole months, 2025-11 … 2026-10: the row
   * "October 2026" holds all of October 2026 (V1–V17), as its year-before
   * value holds all of October 2025 (Y1–Y7), not the week alone */
  ASSERT_VALUE (report, "trend", "2026-10", NOW, 17);
  ASSERT_VALUE (report, "trend", "2026-10", YEAR_BEFORE, 7);
}
END_TEST

START_TEST (test_dates_invalid)
{
  AcuPeriod period;
  struct
  {
    const char *from;
    const char *to;
  } bad[] = {
    { "2026-13-01", "2026-12-31" },   /* no 13th month */
    { "2026-10-01", "2026-13-01" },
    { "2026-02-30", "2026-03-31" },   /* no 30 February */
    { "2026-10-31", "2026-10-01" },   /* from after to */
    { "1/10/2026", "2026-10-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!acu_period_init_dates (&period, bad[i].from, bad[i].to, &error),
                     "%s..%s accepted", bad[i].from, bad[i].to);
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
    }
}
END_TEST

/* A birth year alone counts as born on 1 July: P3 (1961) is 64 on
 * 2026-06-30 and 65 from 2026-07-01. O3 is her visit on 2026-06-30. */
START_TEST (test_year_only_birth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) june = compute_month (2026, 6);
  g_autoptr(AcuReport) to_july = NULL;
  AcuPeriod period;

  ASSERT_VALUE (june, "people", "persons", NOW, 1);
  ASSERT_VALUE (june, "by-age", "55-64", NOW, 1);
  ASSERT_VALUE (june, "by-age", "65+", NOW, 0);
  /* H2 was made on 2025-06-01 */
  ASSERT_ROW (june, "people", "new-households", 0, 0, 1);

  ck_assert (acu_period_init_dates (&period, "2026-06-25", "2026-07-01", &error));
  to_july = compute (&period);
  ASSERT_VALUE (to_july, "people", "persons", NOW, 1);
  ASSERT_VALUE (to_july, "by-age", "55-64", NOW, 0);
  ASSERT_VALUE (to_july, "by-age", "65+", NOW, 1);
}
END_TEST

/* Visits of today are changed and deleted at the desk: the figures of
 * today follow. Only today's column is checked: the fixture has no visit
 * after 2026-11-02, but yesterday or today one year ago may have some. */

static gint64
log_today (const AcuVisitDraft *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_visit_log (store, draft, &error);

  ck_assert_msg (id > 0, "logging a visit: %s", error ? error->message : "");
  return id;
}

static void
update_today (gint64               id,
              const AcuVisitDraft *draft)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_visit_update (store, id, draft, &error), "changing a visit: %s",
                 error ? error->message : "");
}

START_TEST (test_today_changed)
{
  static const char *const weekdays[] = {
    NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;
  g_autoptr(AcuVisit) deleted = NULL;
  g_autofree char *today = acu_date_today ();
  const gint64 food[] = { R_FOOD_AID };
  const gint64 coffee[] = { R_COFFEE };
  const gint64 clothing_food[] = { R_CLOTHING, R_FOOD_AID };
  const gint64 rights[] = { R_RIGHTS };
  const gint64 paperwork_coffee[] = { R_PAPERWORK, R_COFFEE };
  AcuPeriod period;
  gint64 t1, t2, t3, t4;

  if (strcmp (today, "2026-11-02") <= 0)
    return;

  /* T1: anonymous woman 18-29 from Lectoure, food aid, CCAS, 09:10 */
  t1 = log_today (&(AcuVisitDraft) { .time = "09:10", .reason_ids = food, .n_reasons = 1,
                                     .referral_id = P_CCAS, .anon_gender = WOMAN,
                                     .anon_age = ACU_AGE_18_29, .anon_commune_id = C_LECTOURE });
  /* T2: P1, coffee, 10:00 */
  t2 = log_today (&(AcuVisitDraft) { .time = "10:00", .person_id = person_ids[1], .reason_ids = coffee,
                                     .n_reasons = 1 });
  /* T3: P2, clothing and food aid, 14:00 */
  t3 = log_today (&(AcuVisitDraft) { .time = "14:00", .person_id = person_ids[2],
                                     .reason_ids = clothing_food, .n_reasons = 2 });
  /* T4: P1 again, food aid, 16:00 */
  t4 = log_today (&(AcuVisitDraft) { .time = "16:00", .person_id = person_ids[1], .reason_ids = food,
                                     .n_reasons = 1 });

  /* T1 was P3 (H2, Auch) for rights, at 11:30, no partner */
  update_today (t1, &(AcuVisitDraft) { .time = "11:30", .person_id = person_ids[3], .reason_ids = rights,
                                       .n_reasons = 1 });
  /* T2 was an anonymous man of 65+ without commune, for paperwork and
   * coffee, sent by the CAF, at 09:45 */
  update_today (t2, &(AcuVisitDraft) { .time = "09:45", .reason_ids = paperwork_coffee, .n_reasons = 2,
                                       .referral_id = P_CAF, .anon_gender = MAN,
                                       .anon_age = ACU_AGE_65_PLUS });
  /* T3 deleted; T4 deleted and restored */
  ck_assert_msg (acu_visit_delete (store, t3, &error), "%s", error ? error->message : "");
  deleted = acu_visit_get (store, t4, &error);
  ck_assert_ptr_nonnull (deleted);
  ck_assert_msg (acu_visit_delete (store, t4, &error), "%s", error ? error->message : "");
  ck_assert_msg (acu_visit_restore (store, deleted, &error), "%s", error ? error->message : "");

  ck_assert (acu_period_init_dates (&period, today, today, &error));
  report = compute (&period);
  /* T1, T2, T4 */
  ASSERT_VALUE (report, "visits", "visits", NOW, 3);
  /* T1 (P3), T4 (P1) */
  ASSERT_VALUE (report, "visits", "identified", NOW, 2);
  /* T2 */
  ASSERT_VALUE (report, "visits", "anonymous", NOW, 1);
  /* P1 (H1), P3 (H2) */
  ASSERT_VALUE (report, "people", "persons", NOW, 2);
  ASSERT_VALUE (report, "people", "households", NOW, 2);
  ASSERT_VALUE (report, "by-weekday", weekdays[acu_date_get_weekday (today)], NOW, 3);
  /* T2 at 09:45, T1 at 11:30, T4 at 16:00; nothing left at 10 or 14 */
  ASSERT_VALUE (report, "by-hour", "09", NOW, 1);
  ASSERT_VALUE (report, "by-hour", "11", NOW, 1);
  ASSERT_VALUE (report, "by-hour", "16", NOW, 1);
  /* no row (-1), or a row of other columns */
  ck_assert_int_le (acu_report_get_value (report, "reception", "by-hour", "10", NOW), 0);
  ck_assert_int_le (acu_report_get_value (report, "reception", "by-hour", "14", NOW), 0);
  /* T4 / T1 / T2 and T2 / none (T3 deleted, T1 changed) */
  ASSERT_VALUE (report, "by-reason", "food-aid", NOW, 1);
  ASSERT_VALUE (report, "by-reason", "rights", NOW, 1);
  ASSERT_VALUE (report, "by-reason", "paperwork", NOW, 1);
  ASSERT_VALUE (report, "by-reason", "coffee", NOW, 1);
  ASSERT_VALUE (report, "by-reason", "clothing", NOW, 0);
  /* T2 / none any more */
  ASSERT_VALUE (report, "by-partner", "caf", NOW, 1);
  ASSERT_VALUE (report, "by-partner", "ccas", NOW, 0);
  /* T4 (P1 of H1) / T1 (P3 of H2) / T2 */
  ck_assert_int_eq (find_place (report, "Lectoure")->values[NOW], 1);
  ck_assert_int_eq (find_place (report, "Auch")->values[NOW], 1);
  ASSERT_VALUE (report, "by-commune", "not-stated", NOW, 1);
  /* T2 */
  ASSERT_VALUE (report, "anonymous-by-gender", "man", NOW, 1);
  ASSERT_VALUE (report, "anonymous-by-gender", "woman", NOW, 0);
  ASSERT_VALUE (report, "anonymous-by-age", "65+", NOW, 1);
  ASSERT_VALUE (report, "anonymous-by-age", "18-29", NOW, 0);
  /* P3 65 (born in 1961, after 1 July 2026), P1 46 */
  ASSERT_VALUE (report, "by-age", "65+", NOW, 1);
  ASSERT_VALUE (report, "by-age", "30-54", NOW, 1);
}
END_TEST

/* 8. Who may read it; cancelling */

START_TEST (test_volunteer_forbidden)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period;
  gint64 volunteer = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);
  gint64 staff = acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD, &error);

  ck_assert_msg (volunteer > 0 && staff > 0, "%s", error ? error->message : "");
  acu_period_init_month (&period, 2026, 10);

  ck_assert_msg (acu_store_identify_with_pin (store, volunteer, PIN, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (acu_store_get_person_id (store), volunteer);
  report = acu_report_compute (store, &period, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (report);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Staff neither */
  ck_assert_msg (acu_store_identify_with_password (store, staff, STAFF_PASSWORD, &error), "%s",
                 error ? error->message : "");
  report = acu_report_compute (store, &period, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (report);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Nobody */
  acu_store_forget_identity (store);
  report = acu_report_compute (store, &period, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (report);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* The coordinator again */
  ck_assert_msg (acu_store_identify_with_password (store, COORDINATOR_ID, PASSWORD, &error), "%s",
                 error ? error->message : "");
  report = compute (&period);
  ASSERT_ROW (report, "visits", "visits", 17, 7, 7);
}
END_TEST

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

START_TEST (test_cancelled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period;

  acu_period_init_month (&period, 2026, 10);
  g_cancellable_cancel (cancellable);
  report = acu_report_compute (store, &period, NULL, NULL, cancellable, &error);
  ck_assert_ptr_null (report);
  ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Nothing left behind: the next report is whole, and says how far it
   * went, up to the end */
  report = acu_report_compute (store, &period, progress_cb, fractions, NULL, NULL);
  ck_assert_ptr_nonnull (report);
  ASSERT_ROW (report, "visits", "visits", 17, 7, 7);
  ASSERT_ROW (report, "people", "persons", 10, 5, 6);
  ck_assert_uint_gt (fractions->len, 1);
  for (guint i = 1; i < fractions->len; i++)
    ck_assert (g_array_index (fractions, double, i) >= g_array_index (fractions, double, i - 1));
  ck_assert (g_array_index (fractions, double, fractions->len - 1) == 1.0);
}
END_TEST

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled while it runs, from the first step on */
START_TEST (test_cancelled_midway)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AcuReport) report = NULL;
  AcuPeriod period;

  acu_period_init_quarter (&period, 2026, 4);
  report = acu_report_compute (store, &period, cancel_cb, cancellable, cancellable, &error);
  ck_assert_ptr_null (report);
  ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  report = compute (&period);
  ASSERT_ROW (report, "visits", "visits", 18, 7, 8);
  ASSERT_ROW (report, "people", "persons", 10, 5, 6);
}
END_TEST

static gpointer
compute_in_thread (gpointer user_data)
{
  AcuStore *reader = user_data;
  AcuPeriod period;

  acu_period_init_month (&period, 2026, 10);
  return acu_report_compute (reader, &period, NULL, NULL, NULL, NULL);
}

/* A worker thread, on its own read-only connection, finds the same
 * figures as the desk */
START_TEST (test_reader_thread)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) desk = compute_month (2026, 10);
  g_autoptr(AcuReport) report = NULL;
  AcuStore *reader = acu_store_open_reader (store, &error);
  GThread *thread;

  ck_assert_msg (reader != NULL, "%s", error ? error->message : "");
  thread = g_thread_new ("report", compute_in_thread, reader);
  report = g_thread_join (thread);
  acu_store_close (reader);
  g_object_unref (reader);

  ck_assert_ptr_nonnull (report);
  ASSERT_ROW (report, "visits", "visits", 17, 7, 7);
  ASSERT_ROW (report, "people", "households", 5, 5, 3);
  ASSERT_ROW (report, "by-age", "under-18", 4, 1, 0);
  ck_assert_uint_eq (report->sections->len, desk->sections->len);
  for (guint s = 0; s < desk->sections->len; s++)
    {
      AcuReportSection *a = g_ptr_array_index (desk->sections, s);
      AcuReportSection *b = g_ptr_array_index (report->sections, s);

      ck_assert_uint_eq (a->tables->len, b->tables->len);
      for (guint t = 0; t < a->tables->len; t++)
        {
          AcuFigureTable *ta = g_ptr_array_index (a->tables, t);
          AcuFigureTable *tb = g_ptr_array_index (b->tables, t);

          ck_assert_str_eq (ta->id, tb->id);
          ck_assert_uint_eq (ta->figures->len, tb->figures->len);
          for (guint f = 0; f < ta->figures->len; f++)
            {
              AcuFigure *fa = g_ptr_array_index (ta->figures, f);
              AcuFigure *fb = g_ptr_array_index (tb->figures, f);

              ck_assert_str_eq (fa->label, fb->label);
              for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
                ck_assert_msg (fa->values[c] == fb->values[c], "%s / %s, %s", ta->id, fa->label, column_names[c]);
            }
        }
    }
}
END_TEST

/* 9. Numbers the French way */

START_TEST (test_format_count)
{
  static const struct
  {
    gint64      value;
    const char *text;
  } cases[] = {
    { 1234567, "1\u202f234\u202f567" },
    { 0, "0" },
    { -12, "\u221212" },
    { 999, "999" },
    { 1000, "1\u202f000" },
    { -12345, "\u221212\u202f345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = acu_report_format_count (cases[i].value);

      ck_assert_str_eq (text, cases[i].text);
    }
}
END_TEST

/* Every kind in its unit; no-break spaces before units (U+00A0), narrow
 * ones between thousands (U+202F) */
START_TEST (test_format_kind)
{
  static const struct
  {
    AcuFigureKind  kind;
    gint64         value;
    const char    *text;
  } cases[] = {
    { ACU_FIGURE_PERSONS, 12345, "12\u202f345" },
    { ACU_FIGURE_HOUSEHOLDS, 7, "7" },
    { ACU_FIGURE_VISITS, -12, "\u221212" },
    /* grams, in kilograms to the 100 g, half away from zero */
    { ACU_FIGURE_GRAMS, 1234500, "1\u202f234,5\u00a0kg" },
    { ACU_FIGURE_GRAMS, 12500, "12,5\u00a0kg" },
    { ACU_FIGURE_GRAMS, 3000, "3,0\u00a0kg" },
    { ACU_FIGURE_GRAMS, 0, "0,0\u00a0kg" },
    { ACU_FIGURE_GRAMS, 49, "0,0\u00a0kg" },
    { ACU_FIGURE_GRAMS, 50, "0,1\u00a0kg" },
    { ACU_FIGURE_GRAMS, 1049, "1,0\u00a0kg" },
    { ACU_FIGURE_GRAMS, 20345649, "20\u202f345,6\u00a0kg" },
    { ACU_FIGURE_GRAMS, -1550, "\u22121,6\u00a0kg" },
    { ACU_FIGURE_GRAMS, -40, "0,0\u00a0kg" },
    /* cents, in euros */
    { ACU_FIGURE_CENTS, 123456, "1\u202f234,56\u00a0€" },
    { ACU_FIGURE_CENTS, 5, "0,05\u00a0€" },
    { ACU_FIGURE_CENTS, 100, "1,00\u00a0€" },
    { ACU_FIGURE_CENTS, -250, "\u22122,50\u00a0€" },
    /* minutes: minutes under an hour, then hours and minutes */
    { ACU_FIGURE_MINUTES, 45, "45\u00a0min" },
    { ACU_FIGURE_MINUTES, 0, "0\u00a0min" },
    { ACU_FIGURE_MINUTES, 59, "59\u00a0min" },
    { ACU_FIGURE_MINUTES, 60, "1\u00a0h" },
    { ACU_FIGURE_MINUTES, 200, "3\u00a0h\u00a020" },
    { ACU_FIGURE_MINUTES, 185, "3\u00a0h\u00a005" },
    { ACU_FIGURE_MINUTES, 74100, "1\u202f235\u00a0h" },
    /* basis points, in percent to the tenth */
    { ACU_FIGURE_RATE, 1250, "12,5\u00a0%" },
    { ACU_FIGURE_RATE, 10000, "100,0\u00a0%" },
    { ACU_FIGURE_RATE, 3333, "33,3\u00a0%" },
    { ACU_FIGURE_RATE, 6667, "66,7\u00a0%" },
    { ACU_FIGURE_RATE, 5, "0,1\u00a0%" },
    { ACU_FIGURE_RATE, 4, "0,0\u00a0%" },
    /* days, a count */
    { ACU_FIGURE_DAYS, 12, "12" },
    { ACU_FIGURE_DAYS, 1234, "1\u202f234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = acu_figure_kind_format (cases[i].kind, cases[i].value);

      ck_assert_msg (g_str_equal (text, cases[i].text), "%u: %s, not %s", i, text, cases[i].text);
    }

  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_PERSONS), "persons");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_HOUSEHOLDS), "households");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_VISITS), "visits");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_GRAMS), "grams");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_CENTS), "cents");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_MINUTES), "minutes");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_RATE), "rate");
  ck_assert_str_eq (acu_figure_kind_to_string (ACU_FIGURE_DAYS), "days");
  ck_assert (acu_figure_kind_is_count (ACU_FIGURE_PERSONS));
  ck_assert (acu_figure_kind_is_count (ACU_FIGURE_HOUSEHOLDS));
  ck_assert (acu_figure_kind_is_count (ACU_FIGURE_VISITS));
  ck_assert (!acu_figure_kind_is_count (ACU_FIGURE_GRAMS));
  ck_assert (!acu_figure_kind_is_count (ACU_FIGURE_CENTS));
  ck_assert (!acu_figure_kind_is_count (ACU_FIGURE_MINUTES));
  ck_assert (!acu_figure_kind_is_count (ACU_FIGURE_RATE));
  /* days count no one */
  ck_assert (!acu_figure_kind_is_count (ACU_FIGURE_DAYS));
  /* what describes households: masses, money, durations, rates */
  ck_assert (acu_figure_kind_has_households (ACU_FIGURE_GRAMS));
  ck_assert (acu_figure_kind_has_households (ACU_FIGURE_CENTS));
  ck_assert (acu_figure_kind_has_households (ACU_FIGURE_MINUTES));
  ck_assert (acu_figure_kind_has_households (ACU_FIGURE_RATE));
  ck_assert (!acu_figure_kind_has_households (ACU_FIGURE_PERSONS));
  ck_assert (!acu_figure_kind_has_households (ACU_FIGURE_DAYS));
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_GRAMS), "kg");
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_CENTS), "€");
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_MINUTES), "min");
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_RATE), "%");
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_VISITS), "visits");
  ck_assert_str_eq (acu_figure_kind_get_unit (ACU_FIGURE_DAYS), "days");
  ck_assert_str_eq (acu_figure_kind_get_label (ACU_FIGURE_GRAMS), "Weight");
  ck_assert_str_eq (acu_figure_kind_get_label (ACU_FIGURE_HOUSEHOLDS), "Households");
}
END_TEST

START_TEST (test_format_change)
{
  static const struct
  {
    gint64      now;
    gint64      before;
    const char *text;
  } cases[] = {
    { 110, 100, "+10,0\u00a0%" },
    { 95, 100, "\u22125,0\u00a0%" },
    { 1, 0, "" },               /* nothing to compare with */
    { 100, 100, "0,0\u00a0%" },
    { 1, 3, "\u221266,7\u00a0%" },
    { 17, 7, "+142,9\u00a0%" },  /* 142.857… */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = acu_report_format_change (cases[i].now, cases[i].before);

      ck_assert_str_eq (text, cases[i].text);
    }
}
END_TEST

static Suite *
figures_suite (void)
{
  Suite *suite = suite_create ("figures");
  TCase *tc;

  tc = acu_test_tcase_new ("month", figures_setup, figures_teardown);
  tcase_add_test (tc, test_month_periods);
  tcase_add_test (tc, test_month_visits);
  tcase_add_test (tc, test_month_kinds);
  tcase_add_test (tc, test_month_people);
  tcase_add_test (tc, test_month_by_reason);
  tcase_add_test (tc, test_month_by_partner);
  tcase_add_test (tc, test_month_by_weekday);
  tcase_add_test (tc, test_month_by_hour);
  tcase_add_test (tc, test_month_by_commune);
  tcase_add_test (tc, test_month_by_gender);
  tcase_add_test (tc, test_month_by_age);
  tcase_add_test (tc, test_month_anonymous);
  tcase_add_test (tc, test_month_trend);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("periods", figures_setup, figures_teardown);
  tcase_add_test (tc, test_quarter);
  tcase_add_test (tc, test_year);
  tcase_add_test (tc, test_dates_month);
  tcase_add_test (tc, test_dates_week);
  tcase_add_test (tc, test_year_only_birth);
  tcase_add_test (tc, test_today_changed);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("access", figures_setup, figures_teardown);
  tcase_add_test (tc, test_volunteer_forbidden);
  tcase_add_test (tc, test_cancelled);
  tcase_add_test (tc, test_cancelled_midway);
  tcase_add_test (tc, test_reader_thread);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("format");
  tcase_add_test (tc, test_dates_invalid);
  tcase_add_test (tc, test_format_count);
  tcase_add_test (tc, test_format_kind);
  tcase_add_test (tc, test_format_change);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (figures_suite ());
}
