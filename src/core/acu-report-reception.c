/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-people.h"
#include "acu-report-reception.h"
#include "acu-store-private.h"
#include "acu-visits.h"

/* The reception section of the activity summary: visits, persons and
 * households, by reason, partner, weekday, hour, commune, gender and age.
 *
 * Every figure is an SQL aggregate read from indexes (0004-report.sql):
 * a year of a large site is a range of visit_day and visit_reason_day.
 * Grouping first by the index's own order (day, time) and then by hour
 * or weekday keeps SQLite from sorting every visit. Persons are counted
 * once per period, whatever their number of visits, and households
 * through each person's current household. */

typedef struct
{
  AcuReportContext *ctx;
  AcuReportSection *section;
  AcuFigureTable   *visits;
  AcuFigureTable   *trend;
  AcuFigureTable   *weekdays;
  AcuFigureTable   *hours;
  AcuFigureTable   *reasons;
  AcuFigureTable   *partners;
  AcuFigureTable   *communes;
  AcuFigureTable   *people;
  AcuFigureTable   *genders;
  AcuFigureTable   *ages;
  AcuFigureTable   *anon_genders;
  AcuFigureTable   *anon_ages;
  GHashTable       *reason_rows;    /* id → AcuFigure */
  GHashTable       *partner_rows;
  GHashTable       *commune_rows;
  gint64            hour_counts[ACU_REPORT_N_COLUMNS][24];
  GHashTable       *months[ACU_REPORT_N_COLUMNS];   /* "YYYY-MM" → visits, within the period */
} Reception;

static const char *const weekday_keys[] = {
  NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char *
weekday_label (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:    return _("Monday");
    case G_DATE_TUESDAY:   return _("Tuesday");
    case G_DATE_WEDNESDAY: return _("Wednesday");
    case G_DATE_THURSDAY:  return _("Thursday");
    case G_DATE_FRIDAY:    return _("Friday");
    case G_DATE_SATURDAY:  return _("Saturday");
    case G_DATE_SUNDAY:
    default:               return _("Sunday");
    }
}

static const char *
gender_key (AcuGender gender)
{
  return acu_gender_to_string (gender) ? acu_gender_to_string (gender) : "not-stated";
}

static const char *
age_key (AcuAgeBracket age)
{
  return acu_age_bracket_to_string (age) ? acu_age_bracket_to_string (age) : "not-stated";
}

static sqlite3_stmt *
prepare_period (Reception   *r,
                const char  *sql,
                guint        column,
                GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (r->ctx->store, sql, error);
  const AcuPeriod *period = &r->ctx->report->periods[column];

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), period->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), period->to, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
finish (Reception     *r,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (r->ctx->store, error);
      return FALSE;
    }
  return acu_report_context_step (r->ctx, error);
}

/* Rows for a catalogue, in its order; hidden entries appear only if a
 * period counts them (dropped at the end otherwise) */
static gboolean
add_catalogue_rows (AcuFigureTable  *table,
                    AcuStore        *store,
                    AcuCatalogue     catalogue,
                    GHashTable      *rows,
                    GError         **error)
{
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, TRUE, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (entries, i);
      AcuFigure *figure = acu_figure_table_add (table, entry->code, entry->label);

      /* level 2 marks a hidden entry until the end */
      figure->level = entry->hidden ? 2 : 0;
      g_hash_table_insert (rows, g_memdup2 (&entry->id, sizeof entry->id), figure);
    }
  return TRUE;
}

static AcuFigure *
catalogue_row (GHashTable *rows,
               gint64      id)
{
  return g_hash_table_lookup (rows, &id);
}

/* Visits by day and hour: totals, weekdays, hours */
static gboolean
count_days (Reception  *r,
            guint       c,
            GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT day, CAST (substr (time, 1, 2) AS INTEGER), sum (n), sum (identified) "
                                       "FROM (SELECT day, time, count (*) AS n, count (person_id) AS identified "
                                       "      FROM visit WHERE day BETWEEN :from AND :to GROUP BY day, time) "
                                       "GROUP BY 1, 2", c, error);
  AcuFigure *total = acu_figure_table_find (r->visits, "visits");
  AcuFigure *identified = acu_figure_table_find (r->visits, "identified");
  AcuFigure *anonymous = acu_figure_table_find (r->visits, "anonymous");
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      int hour = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      gint64 known = sqlite3_column_int64 (stmt, 3);
      int weekday = acu_date_get_weekday (day);

      total->values[c] += n;
      identified->values[c] += known;
      anonymous->values[c] += n - known;
      if (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY)
        acu_figure_table_find (r->weekdays, weekday_keys[weekday])->values[c] += n;
      if (hour >= 0 && hour < 24)
        r->hour_counts[c][hour] += n;
      if (day != NULL && strlen (day) == 10)
        {
          char *month = g_strndup (day, 7);
          gint64 *sum = g_hash_table_lookup (r->months[c], month);

          if (sum == NULL)
            {
              sum = g_new0 (gint64, 1);
              g_hash_table_insert (r->months[c], month, sum);
            }
          else
            g_free (month);
          *sum += n;
        }
    }
  return finish (r, stmt, rc, error);
}

static gboolean
count_reasons (Reception  *r,
               guint       c,
               GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT reason_id, sum (n) "
                                       "FROM (SELECT day, reason_id, count (*) AS n FROM visit_reason "
                                       "      WHERE day BETWEEN :from AND :to GROUP BY day, reason_id) "
                                       "GROUP BY reason_id", c, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFigure *figure = catalogue_row (r->reason_rows, sqlite3_column_int64 (stmt, 0));

      if (figure != NULL)
        figure->values[c] = sqlite3_column_int64 (stmt, 1);
    }
  return finish (r, stmt, rc, error);
}

static gboolean
count_partners (Reception  *r,
                guint       c,
                GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT referral_id, count (*) FROM visit "
                                       "WHERE day BETWEEN :from AND :to AND referral_id IS NOT NULL "
                                       "GROUP BY referral_id", c, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFigure *figure = catalogue_row (r->partner_rows, sqlite3_column_int64 (stmt, 0));

      if (figure != NULL)
        figure->values[c] = sqlite3_column_int64 (stmt, 1);
    }
  return finish (r, stmt, rc, error);
}

static AcuFigure *
commune_figure (Reception    *r,
                sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return acu_figure_table_find (r->communes, "not-stated");
  return catalogue_row (r->commune_rows, sqlite3_column_int64 (stmt, column));
}

/* Anonymous visits by commune, gender and age bracket. "+person_id"
 * keeps SQLite on the day range rather than the person index. */
static gboolean
count_anonymous (Reception  *r,
                 guint       c,
                 GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT anon_commune_id, anon_gender, anon_age, count (*) FROM visit "
                                       "WHERE day BETWEEN :from AND :to AND +person_id IS NULL "
                                       "GROUP BY 1, 2, 3", c, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuGender gender = acu_gender_from_string ((const char *) sqlite3_column_text (stmt, 1));
      AcuAgeBracket age = acu_age_bracket_from_string ((const char *) sqlite3_column_text (stmt, 2));
      gint64 n = sqlite3_column_int64 (stmt, 3);
      AcuFigure *commune = commune_figure (r, stmt, 0);

      if (commune != NULL)
        commune->values[c] += n;
      acu_figure_table_find (r->anon_genders, gender_key (gender))->values[c] += n;
      acu_figure_table_find (r->anon_ages, age_key (age))->values[c] += n;
    }
  return finish (r, stmt, rc, error);
}

/* The age on the last day of the period, in whole years; a birth year
 * alone counts as born on the 1st of July. NULL when not stated. */
#define AGE_SQL \
  "CAST (substr (:to, 1, 4) AS INTEGER) - CAST (substr (p.birth_date, 1, 4) AS INTEGER) " \
  "- (substr (:to, 6, 5) < CASE WHEN length (p.birth_date) = 10 THEN substr (p.birth_date, 6, 5) " \
  "                             ELSE '07-01' END)"

/* The persons who came in the period, once each, with their household,
 * commune, gender, age and number of visits: one pass over the visits,
 * kept in a temporary table (in memory) for the small aggregates that
 * follow. Communes hold whole households, so the households counted by
 * commune add up to the households who came. */
static gboolean
count_persons (Reception  *r,
               guint       c,
               GError    **error)
{
  AcuStore *store = r->ctx->store;
  AcuFigure *persons = acu_figure_table_find (r->people, "persons");
  AcuFigure *households = acu_figure_table_find (r->people, "households");
  AcuFigure *under_18 = acu_figure_table_find (r->ages, "under-18");
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_exec (store,
                       "CREATE TEMP TABLE IF NOT EXISTS report_person ("
                       " person_id INTEGER PRIMARY KEY, household_id INTEGER, commune_id INTEGER,"
                       " gender TEXT, age INTEGER, visits INTEGER);"
                       "DELETE FROM temp.report_person;", error))
    return FALSE;
  stmt = prepare_period (r,
                         "INSERT INTO temp.report_person "
                         "SELECT p.id, p.household_id, h.commune_id, p.gender, "
                         "  CASE WHEN p.birth_date IS NULL THEN NULL ELSE max (0, " AGE_SQL ") END, v.n "
                         "FROM (SELECT person_id, count (*) AS n FROM visit "
                         "      WHERE day BETWEEN :from AND :to AND +person_id IS NOT NULL "
                         "      GROUP BY person_id) v "
                         "JOIN person p ON p.id = v.person_id "
                         "JOIN household h ON h.id = p.household_id", c, error);
  if (stmt == NULL || !acu_store_step_done (store, stmt, error))
    return FALSE;

  stmt = acu_store_prepare (store,
                            "SELECT commune_id, count (*), count (DISTINCT household_id), sum (visits) "
                            "FROM temp.report_person GROUP BY commune_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFigure *commune = commune_figure (r, stmt, 0);

      persons->values[c] += sqlite3_column_int64 (stmt, 1);
      households->values[c] += sqlite3_column_int64 (stmt, 2);
      if (commune != NULL)
        commune->values[c] += sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }

  stmt = acu_store_prepare (store, "SELECT gender, age, count (*) FROM temp.report_person GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuGender gender = acu_gender_from_string ((const char *) sqlite3_column_text (stmt, 0));
      AcuAgeBracket age = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                          ? ACU_AGE_NOT_STATED : acu_age_bracket_for_age (sqlite3_column_int (stmt, 1));
      gint64 n = sqlite3_column_int64 (stmt, 2);

      acu_figure_table_find (r->genders, gender_key (gender))->values[c] += n;
      acu_figure_table_find (r->ages, age_key (age))->values[c] += n;
      if (age >= ACU_AGE_0_3 && age <= ACU_AGE_15_17)
        under_18->values[c] += n;
    }
  if (!finish (r, stmt, rc, error))
    return FALSE;
  return acu_store_exec (store, "DELETE FROM temp.report_person;", error);
}

static gboolean
count_new_households (Reception  *r,
                      guint       c,
                      GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT count (*) FROM household WHERE created_on BETWEEN :from AND :to",
                                       c, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      acu_figure_table_find (r->people, "new-households")->values[c] = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  return finish (r, stmt, rc, error);
}

/* Visits month by month over the twelve months that end with the
 * period, and the same months one year earlier. A month inside a period
 * already counted is summed from its days; the others are one count each
 * on the day index. */
static gboolean
count_month (Reception  *r,
             const GDate *first,
             gint64     *visits,
             GError    **error)
{
  g_autofree char *from = acu_date_format (first);
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  GDate last = *first;
  int rc;

  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  to = acu_date_format (&last);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      const AcuPeriod *period = &r->ctx->report->periods[c];

      if (r->ctx->wanted[c] && strcmp (period->from, from) <= 0 && strcmp (to, period->to) <= 0)
        {
          gint64 *sum = g_hash_table_lookup (r->months[c], (char[8]) { from[0], from[1], from[2], from[3],
                                                                        from[4], from[5], from[6], 0 });
          *visits = sum ? *sum : 0;
          return TRUE;
        }
    }

  stmt = acu_store_prepare (r->ctx->store, "SELECT count (*) FROM visit WHERE day BETWEEN :from AND :to", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *visits = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      acu_store_set_sqlite_error (r->ctx->store, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
count_trend (Reception  *r,
             GError    **error)
{
  const AcuPeriod *period = &r->ctx->report->periods[ACU_REPORT_NOW];
  GDate first;

  acu_date_parse (period->to, &first);
  g_date_set_day (&first, 1);
  g_date_subtract_months (&first, 11);
  for (guint i = 0; i < 12; i++)
    {
      GDate month = first, year_before;
      g_autofree char *day = NULL;
      g_autofree char *label = NULL;
      AcuFigure *figure;
      char key[8];

      g_date_add_months (&month, i);
      year_before = month;
      g_date_subtract_years (&year_before, 1);
      day = acu_date_format (&month);
      label = acu_report_format_month (day);
      g_strlcpy (key, day, sizeof key);
      figure = acu_figure_table_add (r->trend, key, label);
      if (!count_month (r, &month, &figure->values[ACU_REPORT_NOW], error)
          || !count_month (r, &year_before, &figure->values[ACU_REPORT_YEAR_BEFORE], error))
        return FALSE;
    }
  return acu_report_context_step (r->ctx, error);
}

static void
add_rows (AcuFigureTable *table,
          ...)
{
  va_list args;
  const char *key;

  va_start (args, table);
  while ((key = va_arg (args, const char *)) != NULL)
    acu_figure_table_add (table, key, va_arg (args, const char *));
  va_end (args);
}

static void
build_tables (Reception *r)
{
  AcuReportSection *section = r->section;
  AcuFigure *figure;

  r->visits = acu_report_section_add_table (section, "visits", _("Visits"), "visits", ACU_CHART_NONE);
  add_rows (r->visits,
            "visits", _("Visits"),
            "identified", _("Visits of known persons"),
            "anonymous", _("Anonymous visits"),
            NULL);
  r->people = acu_report_section_add_table (section, "people", _("Persons and households"), NULL, ACU_CHART_NONE);
  add_rows (r->people,
            "persons", _("Persons who came"),
            "households", _("Households who came"),
            "new-households", _("New households"),
            NULL);
  r->trend = acu_report_section_add_table (section, "trend", _("Visits over twelve months"), "visits",
                                           ACU_CHART_TREND);
  r->trend->compared = FALSE;
  r->weekdays = acu_report_section_add_table (section, "by-weekday", _("Visits by day of the week"), "visits",
                                              ACU_CHART_COLUMNS);
  for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    acu_figure_table_add (r->weekdays, weekday_keys[d], weekday_label (d));
  r->hours = acu_report_section_add_table (section, "by-hour", _("Visits by hour of arrival"), "visits",
                                           ACU_CHART_COLUMNS);
  r->reasons = acu_report_section_add_table (section, "by-reason", _("Visits by reason"), "visits",
                                             ACU_CHART_BARS);
  r->partners = acu_report_section_add_table (section, "by-partner", _("Visits referred, by partner"), "visits",
                                              ACU_CHART_BARS);
  r->communes = acu_report_section_add_table (section, "by-commune", _("Visits by commune"), "visits",
                                              ACU_CHART_BARS);
  r->communes->places = TRUE;
  r->genders = acu_report_section_add_table (section, "by-gender", _("Persons by gender"), "persons",
                                             ACU_CHART_NONE);
  r->ages = acu_report_section_add_table (section, "by-age", _("Persons by age"), "persons", ACU_CHART_NONE);
  r->anon_genders = acu_report_section_add_table (section, "anonymous-by-gender",
                                                  _("Anonymous visits by gender"), "visits", ACU_CHART_NONE);
  r->anon_ages = acu_report_section_add_table (section, "anonymous-by-age",
                                               _("Anonymous visits by age"), "visits", ACU_CHART_NONE);

  /* "not stated" last */
  for (guint i = 1; i <= ACU_GENDER_OTHER + 1; i++)
    {
      AcuGender g = i % (ACU_GENDER_OTHER + 1);

      acu_figure_table_add (r->genders, gender_key (g), acu_gender_get_label (g));
      acu_figure_table_add (r->anon_genders, gender_key (g), acu_gender_get_label (g));
    }
  for (guint i = 1; i <= ACU_N_AGE_BRACKETS; i++)
    {
      AcuAgeBracket a = i % ACU_N_AGE_BRACKETS;

      acu_figure_table_add (r->anon_ages, age_key (a), acu_age_bracket_get_label (a));
    }
  /* persons: under 18 with its three brackets inside, then the others */
  acu_figure_table_add (r->ages, "under-18", _("Under 18"));
  for (AcuAgeBracket a = ACU_AGE_0_3; a < ACU_N_AGE_BRACKETS; a++)
    {
      figure = acu_figure_table_add (r->ages, acu_age_bracket_to_string (a), acu_age_bracket_get_label (a));
      figure->level = a <= ACU_AGE_15_17 ? 1 : 0;
    }
  acu_figure_table_add (r->ages, "not-stated", acu_age_bracket_get_label (ACU_AGE_NOT_STATED));
}

static gboolean
is_empty (const AcuFigure *figure)
{
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    if (figure->values[c] != 0)
      return FALSE;
  return TRUE;
}

/* Hidden list entries nobody counted, and communes nobody came from */
static void
drop_empty_rows (AcuFigureTable *table,
                 gboolean        any_empty)
{
  for (guint i = table->figures->len; i > 0; i--)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i - 1);

      if (is_empty (figure) && (any_empty || figure->level == 2))
        g_ptr_array_remove_index (table->figures, i - 1);
      else if (figure->level == 2)
        figure->level = 0;
    }
}

static void
add_hours (Reception *r)
{
  for (guint h = 0; h < 24; h++)
    {
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      AcuFigure *figure;
      gboolean any = FALSE;

      for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
        any |= r->hour_counts[c][h] != 0;
      if (!any)
        continue;
      key = g_strdup_printf ("%02u", h);
      /* Translators: an hour of the day, as in "9 h" (9 to 10 o'clock) */
      label = g_strdup_printf (_("%u h"), h);
      figure = acu_figure_table_add (r->hours, key, label);
      for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
        figure->values[c] = r->hour_counts[c][h];
    }
}

static gboolean
compute (Reception  *r,
         GError    **error)
{
  AcuReportContext *ctx = r->ctx;

  build_tables (r);
  if (!add_catalogue_rows (r->reasons, ctx->store, ACU_CATALOGUE_REASON, r->reason_rows, error)
      || !add_catalogue_rows (r->partners, ctx->store, ACU_CATALOGUE_PARTNER, r->partner_rows, error)
      || !add_catalogue_rows (r->communes, ctx->store, ACU_CATALOGUE_COMMUNE, r->commune_rows, error))
    return FALSE;
  acu_figure_table_add (r->communes, "not-stated", _("Not stated"));

  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      if (!ctx->wanted[c])
        continue;
      if (!count_days (r, c, error)
          || !count_reasons (r, c, error)
          || !count_partners (r, c, error)
          || !count_anonymous (r, c, error)
          || !count_persons (r, c, error)
          || !count_new_households (r, c, error))
        return FALSE;
    }
  /* after the days, whose months it reuses */
  if (!count_trend (r, error))
    return FALSE;

  add_hours (r);
  drop_empty_rows (r->reasons, FALSE);
  drop_empty_rows (r->partners, FALSE);
  drop_empty_rows (r->communes, TRUE);
  return TRUE;
}

gboolean
acu_report_reception_compute (AcuReportContext  *ctx,
                              AcuReportSection  *section,
                              GError           **error)
{
  g_autoptr(GHashTable) reason_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) partner_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) commune_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Reception r = {
    .ctx = ctx,
    .section = section,
    .reason_rows = reason_rows,
    .partner_rows = partner_rows,
    .commune_rows = commune_rows,
  };
  gboolean ok;

  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    r.months[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = compute (&r, error);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    g_hash_table_unref (r.months[c]);
  return ok;
}
