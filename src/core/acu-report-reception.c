/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-people.h"
#include "acu-report-reception.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"
#include "acu-visits.h"

/* The reception section of the activity summary: visits, persons and
 * households, by reason, partner, weekday, hour, commune, gender and age.
 *
 * Every figure is an SQL aggregate. What belongs to the visits alone is
 * summed from the counts by day that triggers keep (0004-report.sql);
 * persons are counted once per period, whatever their number of visits,
 * and households through each person's current household. */

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
  GHashTable       *household_commune_rows;
  AcuFigureTable   *household_communes;
  gint64            hour_counts[ACU_REPORT_N_COLUMNS][24];
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
  acu_sql_bind_text (stmt, ":from", period->from);
  acu_sql_bind_text (stmt, ":to", period->to);
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

/* Everything about the visits themselves, from the day counts the
 * triggers keep (0004-report.sql): a year is a few thousand rows */
static gboolean
count_days (Reception  *r,
            guint       c,
            GError    **error)
{
  sqlite3_stmt *stmt = prepare_period (r,
                                       "SELECT day, dimension, key, visits FROM visit_day_count "
                                       "WHERE day BETWEEN :from AND :to AND visits <> 0", c, error);
  AcuFigure *total = acu_figure_table_find (r->visits, "visits");
  AcuFigure *identified = acu_figure_table_find (r->visits, "identified");
  AcuFigure *anonymous = acu_figure_table_find (r->visits, "anonymous");
  AcuFigure *figure;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *dimension = (const char *) sqlite3_column_text (stmt, 1);
      const char *key = (const char *) sqlite3_column_text (stmt, 2);
      gint64 id = sqlite3_column_int64 (stmt, 2);
      gint64 n = sqlite3_column_int64 (stmt, 3);

      if (day == NULL || dimension == NULL || key == NULL)
        continue;
      if (g_str_equal (dimension, "all"))
        {
          int weekday = acu_date_get_weekday (day);

          total->values[c] += n;
          anonymous->values[c] += n;
          if (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY)
            acu_figure_table_find (r->weekdays, weekday_keys[weekday])->values[c] += n;
        }
      else if (g_str_equal (dimension, "identified"))
        {
          identified->values[c] += n;
          anonymous->values[c] -= n;
        }
      else if (g_str_equal (dimension, "hour"))
        {
          int hour = atoi (key);

          if (hour >= 0 && hour < 24)
            r->hour_counts[c][hour] += n;
        }
      else if (g_str_equal (dimension, "reason"))
        {
          if ((figure = catalogue_row (r->reason_rows, id)) != NULL)
            figure->values[c] += n;
        }
      else if (g_str_equal (dimension, "partner"))
        {
          if ((figure = catalogue_row (r->partner_rows, id)) != NULL)
            figure->values[c] += n;
        }
      else if (g_str_equal (dimension, "anon-commune"))
        {
          figure = *key == '\0' ? acu_figure_table_find (r->communes, "not-stated")
                                : catalogue_row (r->commune_rows, id);
          if (figure != NULL)
            figure->values[c] += n;
        }
      else if (g_str_equal (dimension, "anon-gender"))
        acu_figure_table_find (r->anon_genders, gender_key (acu_gender_from_string (key)))->values[c] += n;
      else if (g_str_equal (dimension, "anon-age"))
        acu_figure_table_find (r->anon_ages, age_key (acu_age_bracket_from_string (key)))->values[c] += n;
    }
  return finish (r, stmt, rc, error);
}

/* The age on the last day of the period, in whole years; a birth year
 * alone counts as born on the 1st of July. NULL when not stated. */
#define AGE_SQL \
  "CASE WHEN p.birth_date IS NULL THEN NULL ELSE max (0, " \
  "  CAST (substr (:to, 1, 4) AS INTEGER) - CAST (substr (p.birth_date, 1, 4) AS INTEGER) " \
  "  - (substr (:to, 6, 5) < CASE WHEN length (p.birth_date) = 10 THEN substr (p.birth_date, 6, 5) " \
  "                               ELSE '07-01' END)) END"

#define SELECT_PERSONS \
  "SELECT p.household_id, h.commune_id, p.gender, " AGE_SQL ", v.n FROM "
#define JOIN_PERSONS \
  " v JOIN person p INDEXED BY person_report ON p.id = v.person_id " \
  "JOIN household h INDEXED BY household_report ON h.id = p.household_id"

static gboolean
is_calendar_year (const AcuPeriod *period)
{
  return strncmp (period->from, period->to, 4) == 0
         && g_str_has_suffix (period->from, "-01-01") && g_str_has_suffix (period->to, "-12-31");
}

/* A commune's persons, households and their visits, in count_persons */
typedef struct
{
  gint64 persons;
  gint64 households;
  gint64 visits;
} CommuneCount;

static void
add_commune (Reception           *r,
             guint                c,
             const CommuneCount  *count,
             AcuFigure           *commune,
             AcuFigure           *homes)
{
  acu_figure_table_find (r->people, "persons")->values[c] += count->persons;
  acu_figure_table_find (r->people, "households")->values[c] += count->households;
  if (commune != NULL)
    commune->values[c] += count->visits;
  if (homes != NULL)
    homes->values[c] += count->households;
}

/* The persons who came in the period, once each, with their household,
 * commune, gender, age and number of visits, counted in one pass over
 * the rows (no temporary table to sort: with SQLCipher's memory security
 * a sort of tens of thousands of rows costs more than reading them). A
 * calendar year reads the visits per person and year that the triggers
 * keep; other periods group their visits by person. Communes hold whole
 * households, so the households counted by commune add up to the
 * households who came. */
static gboolean
count_persons (Reception  *r,
               guint       c,
               GError    **error)
{
  const AcuPeriod *period = &r->ctx->report->periods[c];
  AcuFigure *under_18 = acu_figure_table_find (r->ages, "under-18");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  gint64 by_gender_age[ACU_GENDER_OTHER + 1][ACU_N_AGE_BRACKETS] = { { 0 } };
  CommuneCount not_stated = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  if (is_calendar_year (period))
    stmt = prepare_period (r,
                           SELECT_PERSONS
                           "(SELECT person_id, visits AS n FROM person_year "
                           " WHERE year = CAST (substr (:from, 1, 4) AS INTEGER) AND visits > 0)"
                           JOIN_PERSONS, c, error);
  else
    stmt = prepare_period (r,
                           SELECT_PERSONS
                           "(SELECT person_id, count (*) AS n FROM visit "
                           " WHERE day BETWEEN :from AND :to AND +person_id IS NOT NULL GROUP BY person_id)"
                           JOIN_PERSONS, c, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 household_id = sqlite3_column_int64 (stmt, 0);
      gboolean stated = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 commune_id = sqlite3_column_int64 (stmt, 1);
      AcuGender gender = acu_gender_from_string ((const char *) sqlite3_column_text (stmt, 2));
      AcuAgeBracket age = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                          ? ACU_AGE_NOT_STATED : acu_age_bracket_for_age (sqlite3_column_int (stmt, 3));
      CommuneCount *count = &not_stated;

      if (stated && (count = g_hash_table_lookup (communes, &commune_id)) == NULL)
        {
          count = g_new0 (CommuneCount, 1);
          g_hash_table_insert (communes, g_memdup2 (&commune_id, sizeof commune_id), count);
        }
      count->persons++;
      count->visits += sqlite3_column_int64 (stmt, 4);
      if (!g_hash_table_contains (seen, &household_id))
        {
          g_hash_table_add (seen, g_memdup2 (&household_id, sizeof household_id));
          count->households++;
        }
      by_gender_age[gender][age]++;
    }
  if (!finish (r, stmt, rc, error))
    return FALSE;

  /* by commune: the persons' commune, and the households' */
  g_hash_table_iter_init (&iter, communes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_commune (r, c, value, catalogue_row (r->commune_rows, *(gint64 *) key),
                 catalogue_row (r->household_commune_rows, *(gint64 *) key));
  if (not_stated.persons > 0)
    add_commune (r, c, &not_stated, acu_figure_table_find (r->communes, "not-stated"),
                 acu_figure_table_find (r->household_communes, "not-stated"));

  for (guint g = 0; g <= ACU_GENDER_OTHER; g++)
    for (guint a = 0; a < ACU_N_AGE_BRACKETS; a++)
      {
        gint64 n = by_gender_age[g][a];

        if (n == 0)
          continue;
        acu_figure_table_find (r->genders, gender_key (g))->values[c] += n;
        acu_figure_table_find (r->ages, age_key (a))->values[c] += n;
        if (a >= ACU_AGE_0_3 && a <= ACU_AGE_15_17)
          under_18->values[c] += n;
      }
  return TRUE;
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

/* Visits month by month over the twelve months that end with the period,
 * and the same months one year earlier: one sum over the day counts */
static gboolean
count_trend (Reception  *r,
             GError    **error)
{
  const AcuPeriod *period = &r->ctx->report->periods[ACU_REPORT_NOW];
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  GDate first, last;
  int rc;

  acu_date_parse (period->to, &first);
  g_date_set_day (&first, 1);
  g_date_subtract_months (&first, 11);
  for (guint i = 0; i < 12; i++)
    {
      GDate month = first;
      g_autofree char *day = NULL;
      g_autofree char *label = NULL;
      char key[8];

      g_date_add_months (&month, i);
      day = acu_date_format (&month);
      label = acu_report_format_month (day);
      g_strlcpy (key, day, sizeof key);
      acu_figure_table_add (r->trend, key, label);
    }
  /* whole months, also when the period ends inside one */
  last = first;
  g_date_add_months (&last, 12);
  g_date_subtract_days (&last, 1);
  to = acu_date_format (&last);
  g_date_subtract_years (&first, 1);
  from = acu_date_format (&first);

  stmt = acu_store_prepare (r->ctx->store,
                            "SELECT substr (day, 1, 7), sum (visits) FROM visit_day_count "
                            "WHERE day BETWEEN :from AND :to AND dimension = 'all' GROUP BY 1", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);
      AcuFigure *figure = acu_figure_table_find (r->trend, month);
      char next_year[8];

      if (figure != NULL)
        {
          figure->values[ACU_REPORT_NOW] = n;
          continue;
        }
      /* one year later, the month it compares with */
      g_snprintf (next_year, sizeof next_year, "%04d%s", atoi (month) + 1, month + 4);
      figure = acu_figure_table_find (r->trend, next_year);
      if (figure != NULL)
        figure->values[ACU_REPORT_YEAR_BEFORE] = n;
    }
  return finish (r, stmt, rc, error);
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

  r->visits = acu_report_section_add_table (section, "visits", _("Visits"), ACU_FIGURE_VISITS, ACU_CHART_NONE);
  add_rows (r->visits,
            "visits", _("Visits"),
            "identified", _("Visits of known persons"),
            "anonymous", _("Anonymous visits"),
            NULL);
  r->people = acu_report_section_add_table (section, "people", _("Persons and households"), ACU_FIGURE_PERSONS,
                                            ACU_CHART_NONE);
  add_rows (r->people,
            "persons", _("Persons who came"),
            "households", _("Households who came"),
            "new-households", _("New households"),
            NULL);
  /* a table of persons, with two rows of households */
  acu_figure_table_find (r->people, "households")->kind = ACU_FIGURE_HOUSEHOLDS;
  acu_figure_table_find (r->people, "new-households")->kind = ACU_FIGURE_HOUSEHOLDS;
  r->trend = acu_report_section_add_table (section, "trend", _("Visits over twelve months"), ACU_FIGURE_VISITS,
                                           ACU_CHART_TREND);
  r->trend->compared = FALSE;
  r->weekdays = acu_report_section_add_table (section, "by-weekday", _("Visits by day of the week"),
                                              ACU_FIGURE_VISITS, ACU_CHART_COLUMNS);
  for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    acu_figure_table_add (r->weekdays, weekday_keys[d], weekday_label (d));
  r->hours = acu_report_section_add_table (section, "by-hour", _("Visits by hour of arrival"), ACU_FIGURE_VISITS,
                                           ACU_CHART_COLUMNS);
  r->reasons = acu_report_section_add_table (section, "by-reason", _("Visits by reason"), ACU_FIGURE_VISITS,
                                             ACU_CHART_BARS);
  r->partners = acu_report_section_add_table (section, "by-partner", _("Visits referred, by partner"),
                                              ACU_FIGURE_VISITS, ACU_CHART_BARS);
  r->communes = acu_report_section_add_table (section, "by-commune", _("Visits by commune"), ACU_FIGURE_VISITS,
                                              ACU_CHART_BARS);
  r->communes->places = TRUE;
  r->communes->local = TRUE;
  r->household_communes = acu_report_section_add_table (section, "households-by-commune",
                                                        _("Households who came, by commune"), ACU_FIGURE_HOUSEHOLDS,
                                                        ACU_CHART_NONE);
  r->household_communes->places = TRUE;
  r->genders = acu_report_section_add_table (section, "by-gender", _("Persons by gender"), ACU_FIGURE_PERSONS,
                                             ACU_CHART_NONE);
  r->ages = acu_report_section_add_table (section, "by-age", _("Persons by age"), ACU_FIGURE_PERSONS,
                                          ACU_CHART_NONE);
  r->anon_genders = acu_report_section_add_table (section, "anonymous-by-gender",
                                                  _("Anonymous visits by gender"), ACU_FIGURE_VISITS,
                                                  ACU_CHART_NONE);
  r->anon_ages = acu_report_section_add_table (section, "anonymous-by-age",
                                               _("Anonymous visits by age"), ACU_FIGURE_VISITS,
                                               ACU_CHART_NONE);

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
      || !add_catalogue_rows (r->communes, ctx->store, ACU_CATALOGUE_COMMUNE, r->commune_rows, error)
      || !add_catalogue_rows (r->household_communes, ctx->store, ACU_CATALOGUE_COMMUNE,
                              r->household_commune_rows, error))
    return FALSE;
  acu_figure_table_add (r->communes, "not-stated", _("Not stated"));
  acu_figure_table_add (r->household_communes, "not-stated", _("Not stated"));

  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      if (!ctx->wanted[c])
        continue;
      if (!count_days (r, c, error)
          || !count_persons (r, c, error)
          || !count_new_households (r, c, error))
        return FALSE;
    }
  if (!count_trend (r, error))
    return FALSE;

  add_hours (r);
  drop_empty_rows (r->reasons, FALSE);
  drop_empty_rows (r->partners, FALSE);
  drop_empty_rows (r->communes, TRUE);
  drop_empty_rows (r->household_communes, TRUE);
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
  g_autoptr(GHashTable) household_commune_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Reception r = {
    .ctx = ctx,
    .section = section,
    .reason_rows = reason_rows,
    .partner_rows = partner_rows,
    .commune_rows = commune_rows,
    .household_commune_rows = household_commune_rows,
  };

  return compute (&r, error);
}
