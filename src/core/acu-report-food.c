/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "acu-audit.h"
#include "acu-date.h"
#include "acu-goods.h"
#include "acu-report-food.h"
#include "acu-report-food-fse.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"
#include "acu-visits.h"

/* The food-aid section of the activity summary, and the yearly FSE+
 * indicators, read from the tables of schema 5 (0005-food.sql).
 *
 * Services, participation and value are sums of the counts by day that
 * the triggers of schema 5 keep (food_day_count); cancelled services
 * count nowhere. Households are counted once each: for a whole calendar
 * year from food_household_year, for another period from its services
 * (food_service_day). Persons are counted once each, as the snapshot of
 * their first service in the period says they were (food_person_year and
 * food_person_month for a whole year or month, food_service_person_day
 * otherwise):
 * a boy served at 17 in October and at 18 in November is under 18 in a
 * report of both months. Disability, nationality and background are
 * sensitive: a row for them is "not recorded" unless a coordinator turned
 * its setting on.
 *
 * Masses are read from the ledger's totals by month (goods_month, kept by
 * a trigger), never summed from the whole ledger; only the days at the
 * edges of a period that does not start or end with a month, and the
 * months that hold a correction, are read from the movements of those
 * days (goods_movement_day). A correction counts where the movement it
 * corrects counts, with the opposite sign, in the period of its own day:
 * a closed month never moves. */

/* The audit log's actions of this file (acu-audit.h) */
static const AcuAuditAction food_report_actions[] = {
  { "food-fse-export", N_("FSE+ indicators exported"), ACU_AREA_NONE },
};

const AcuAuditActions acu_audit_food_report_actions = ACU_AUDIT_ACTIONS (food_report_actions);

/* What one column counts */
typedef struct
{
  /* services that were not cancelled */
  gint64 services;
  gint64 parcels;
  gint64 baskets;
  gint64 days;
  gint64 households;
  gint64 paid_cents;
  gint64 paid_households;      /* those who paid something */
  gint64 value_cents;
  gint64 value_households;     /* those whose services had a value */
  /* persons, once each, as their first service saw them */
  gint64 persons;
  gint64 under_18;
  gint64 age_18_29;
  gint64 age_65_plus;
  gint64 women;
  gint64 disabled;
  gint64 third_country;
  gint64 foreign_background;
  gint64 homeless;
  /* access records, by household */
  gint64 access_opened;
  gint64 access_renewed;
  gint64 access_expired;
} Counts;

/* Grams that moved, by category, and the direction, reason and source
 * of the movement; a correction has those of the movement it corrects,
 * and its sign -1 takes back what that one counts */
typedef struct
{
  gint64   category_id;
  gboolean hygiene;
  int      direction;
  int      sign;
  char    *reason;
  char    *source;
  gint64   grams;
} Moved;

typedef struct
{
  AcuReportContext *ctx;
  gboolean          record_disability;
  gboolean          record_third_country;
  gboolean          record_foreign_background;
  Counts            counts[ACU_REPORT_N_COLUMNS];
  GArray           *moved[ACU_REPORT_N_COLUMNS];   /* Moved */
} Food;

static void
moved_clear (Moved *moved)
{
  g_free (moved->reason);
  g_free (moved->source);
}

static void
food_clear (Food *food)
{
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    g_clear_pointer (&food->moved[c], g_array_unref);
}

static sqlite3_stmt *
prepare_range (Food        *food,
               const char  *sql,
               const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->ctx->store, sql, error);

  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  return stmt;
}

static gboolean
finish (Food          *food,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (food->ctx->store, error);
      return FALSE;
    }
  return TRUE;
}

/* Every column of the one row of @stmt into @values, in order */
static gboolean
read_row (Food          *food,
          sqlite3_stmt  *stmt,
          gint64       **values,
          guint          n_values,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < n_values; i++)
        *values[i] = sqlite3_column_int64 (stmt, i);
      rc = sqlite3_step (stmt);
    }
  return finish (food, stmt, rc, error);
}

/* The settings that say what the site records; read once */
static gboolean
read_settings (Food    *food,
               GError **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->ctx->store,
                                          "SELECT key, value FROM setting WHERE key IN "
                                          "('record-disability', 'record-third-country', "
                                          " 'record-foreign-background')", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gboolean on = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "1") == 0;

      if (g_strcmp0 (key, "record-disability") == 0)
        food->record_disability = on;
      else if (g_strcmp0 (key, "record-third-country") == 0)
        food->record_third_country = on;
      else if (g_strcmp0 (key, "record-foreign-background") == 0)
        food->record_foreign_background = on;
    }
  return finish (food, stmt, rc, error);
}

/* The calendar year @period covers whole, or 0 */
static guint
whole_year (const AcuPeriod *period)
{
  if (strncmp (period->from, period->to, 4) != 0 || strcmp (period->from + 4, "-01-01") != 0
      || strcmp (period->to + 4, "-12-31") != 0)
    return 0;
  return (guint) g_ascii_strtoull (period->from, NULL, 10);
}

/* The calendar month @period covers whole ("YYYY-MM" into @month), or
 * FALSE */
static gboolean
whole_month (const AcuPeriod *period,
             char             month[8])
{
  guint year = (guint) g_ascii_strtoull (period->from, NULL, 10);
  guint m = (guint) g_ascii_strtoull (period->from + 5, NULL, 10);

  if (strncmp (period->from, period->to, 7) != 0 || strcmp (period->from + 7, "-01") != 0
      || !g_date_valid_dmy (1, m, year)
      || g_ascii_strtoull (period->to + 8, NULL, 10) != g_date_get_days_in_month (m, year))
    return FALSE;
  memcpy (month, period->from, 7);
  month[7] = '\0';
  return TRUE;
}

static sqlite3_stmt *
prepare_year (Food        *food,
              const char  *sql,
              guint        year,
              GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->ctx->store, sql, error);

  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int (stmt, ":year", year);
  return stmt;
}

/* The services of the period: the counts by day and mode that the
 * triggers keep; the households served, from the households of the year
 * for a whole year, from the period's services (read in the day's index
 * alone) otherwise */
static gboolean
count_services (Food     *food,
                guint     c,
                GError  **error)
{
  const AcuPeriod *period = &food->ctx->report->periods[c];
  guint year = whole_year (period);
  Counts *n = &food->counts[c];
  gint64 *sums[] = {
    &n->services, &n->parcels, &n->baskets, &n->days, &n->paid_cents, &n->value_cents,
  };
  gint64 *households[] = { &n->households, &n->paid_households, &n->value_households };
  sqlite3_stmt *stmt = prepare_range (food,
                                      "SELECT coalesce (sum (services), 0),"
                                      " coalesce (sum (CASE WHEN mode = 'parcel' THEN services END), 0),"
                                      " coalesce (sum (CASE WHEN mode = 'grocery' THEN services END), 0),"
                                      " count (DISTINCT CASE WHEN services > 0 THEN day END),"
                                      " coalesce (sum (paid_cents), 0), coalesce (sum (value_cents), 0) "
                                      "FROM food_day_count WHERE day BETWEEN :from AND :to",
                                      period->from, period->to, error);

  if (stmt == NULL || !read_row (food, stmt, sums, G_N_ELEMENTS (sums), error))
    return FALSE;
  if (year != 0)
    stmt = prepare_year (food,
                         "SELECT coalesce (sum (services > 0), 0), coalesce (sum (paid_services > 0), 0),"
                         " coalesce (sum (value_services > 0), 0) "
                         "FROM food_household_year WHERE year = :year",
                         year, error);
  else
    stmt = prepare_range (food,
                          "SELECT count (DISTINCT household_id),"
                          " count (DISTINCT CASE WHEN paid_cents > 0 THEN household_id END),"
                          " count (DISTINCT CASE WHEN value_cents > 0 THEN household_id END) "
                          "FROM food_service INDEXED BY food_service_day "
                          "WHERE day BETWEEN :from AND :to AND cancelled = 0",
                          period->from, period->to, error);
  return stmt != NULL && read_row (food, stmt, households, G_N_ELEMENTS (households), error);
}

/* What the persons' counts sum, over rows of snapshots */
#define PERSONS_COLUMNS \
  "SELECT count (*), coalesce (sum (age IN ('0-3', '4-14', '15-17')), 0)," \
  " coalesce (sum (age = '18-29'), 0), coalesce (sum (age = '65+'), 0)," \
  " coalesce (sum (gender = 'woman'), 0), coalesce (sum (disabled = 1), 0)," \
  " coalesce (sum (third_country = 1), 0)," \
  " coalesce (sum (foreign_background = 1), 0)," \
  " coalesce (sum (homeless = 1), 0) "

/* The persons served, each once, with the snapshot of their first
 * service in the period (by day, then by service): for a whole year or
 * month, the first snapshots the triggers keep; otherwise from the period's
 * snapshots, where SQLite gives the bare columns of a min() aggregate
 * from the row of that minimum. */
static gboolean
count_persons (Food     *food,
               guint     c,
               GError  **error)
{
  const AcuPeriod *period = &food->ctx->report->periods[c];
  guint year = whole_year (period);
  Counts *n = &food->counts[c];
  gint64 *values[] = {
    &n->persons, &n->under_18, &n->age_18_29, &n->age_65_plus, &n->women,
    &n->disabled, &n->third_country, &n->foreign_background, &n->homeless,
  };
  sqlite3_stmt *stmt;
  char month[8];

  if (year != 0)
    stmt = prepare_year (food, PERSONS_COLUMNS "FROM food_person_year WHERE year = :year", year, error);
  else if (whole_month (period, month))
    {
      stmt = acu_store_prepare (food->ctx->store, PERSONS_COLUMNS "FROM food_person_month WHERE month = :month",
                                error);
      if (stmt != NULL)
        acu_sql_bind_text (stmt, ":month", month);
    }
  else
    stmt = prepare_range (food,
                          PERSONS_COLUMNS
                          "FROM (SELECT min (p.day || ' ' || substr ('00000000000000000000' || p.service_id, -20)),"
                          "        p.age AS age, p.gender AS gender, p.disabled AS disabled,"
                          "        p.third_country AS third_country,"
                          "        p.foreign_background AS foreign_background, p.homeless AS homeless"
                          "      FROM food_service_person p INDEXED BY food_service_person_day"
                          "      JOIN food_service s ON s.id = p.service_id"
                          "      WHERE p.day BETWEEN :from AND :to AND s.cancelled = 0"
                          "      GROUP BY p.person_id)",
                          period->from, period->to, error);
  if (stmt == NULL)
    return FALSE;
  return read_row (food, stmt, values, G_N_ELEMENTS (values), error);
}

/* Access records opened (a first one) and renewed (one that follows
 * another) in the period, by their first day; expired: whose last day is
 * in the period and that no record follows. Counted by household. */
static gboolean
count_access (Food     *food,
              guint     c,
              GError  **error)
{
  const AcuPeriod *period = &food->ctx->report->periods[c];
  Counts *n = &food->counts[c];
  gint64 *started[] = { &n->access_opened, &n->access_renewed };
  gint64 *ended[] = { &n->access_expired };
  sqlite3_stmt *stmt;

  stmt = prepare_range (food,
                        "SELECT count (DISTINCT CASE WHEN follows_id IS NULL THEN household_id END),"
                        " count (DISTINCT CASE WHEN follows_id IS NOT NULL THEN household_id END) "
                        "FROM food_access INDEXED BY food_access_start WHERE start_day BETWEEN :from AND :to",
                        period->from, period->to, error);
  if (stmt == NULL || !read_row (food, stmt, started, G_N_ELEMENTS (started), error)
      || !acu_report_context_step (food->ctx, error))
    return FALSE;

  stmt = prepare_range (food,
                        "SELECT count (DISTINCT a.household_id) FROM food_access a INDEXED BY food_access_end "
                        "WHERE a.end_day BETWEEN :from AND :to"
                        " AND NOT EXISTS (SELECT 1 FROM food_access b WHERE b.follows_id = a.id)",
                        period->from, period->to, error);
  return stmt != NULL && read_row (food, stmt, ended, G_N_ELEMENTS (ended), error);
}

/* Goods */

static void
add_moved (GArray     *moved,
           gint64      category_id,
           const char *kind,
           int         direction,
           gboolean    correction,
           const char *reason,
           const char *source,
           gint64      grams)
{
  Moved m = {
    .category_id = category_id,
    .hygiene = g_strcmp0 (kind, "hygiene") == 0,
    .direction = correction ? -direction : direction,
    .sign = correction ? -1 : 1,
    .reason = g_strdup (reason ? reason : ""),
    .source = g_strdup (source ? source : ""),
    .grams = grams,
  };

  g_array_append_val (moved, m);
}

/* The movements of the days from @from to @to, a correction under the
 * reason and source of the movement it corrects; @corrections_only: the
 * corrections alone (their month's other movements are in goods_month) */
static gboolean
read_ledger_days (Food        *food,
                  GArray      *moved,
                  const char  *from,
                  const char  *to,
                  gboolean     corrections_only,
                  GError     **error)
{
  sqlite3_stmt *stmt = prepare_range (food,
                                      "SELECT m.category_id, c.kind, m.direction, m.reason = 'correction',"
                                      " CASE WHEN m.reason = 'correction' THEN o.reason ELSE m.reason END,"
                                      " CASE WHEN m.reason = 'correction' THEN o.source ELSE m.source END,"
                                      " sum (m.grams) "
                                      "FROM goods_movement m INDEXED BY goods_movement_day "
                                      "JOIN goods_category c ON c.id = m.category_id "
                                      "LEFT JOIN goods_movement o ON o.id = m.corrects_id "
                                      "WHERE m.day BETWEEN :from AND :to AND c.kind IN ('food', 'hygiene')"
                                      " AND (:corrections = 0 OR m.reason = 'correction') "
                                      "GROUP BY 1, 2, 3, 4, 5, 6",
                                      from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int (stmt, ":corrections", corrections_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_moved (moved, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
               sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3) != 0,
               (const char *) sqlite3_column_text (stmt, 4), (const char *) sqlite3_column_text (stmt, 5),
               sqlite3_column_int64 (stmt, 6));
  return finish (food, stmt, rc, error);
}

/* The months from @from to @to ("YYYY-MM"), whole, from the totals the
 * trigger keeps; their corrections from the ledger */
static gboolean
read_months (Food        *food,
             GArray      *moved,
             const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GPtrArray) corrected = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prepare_range (food,
                                      "SELECT g.category_id, c.kind, g.direction, g.reason, g.source, g.grams,"
                                      " g.month "
                                      "FROM goods_month g JOIN goods_category c ON c.id = g.category_id "
                                      "WHERE g.month BETWEEN :from AND :to AND c.kind IN ('food', 'hygiene')",
                                      from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (stmt, 3);
      const char *month = (const char *) sqlite3_column_text (stmt, 6);

      if (g_strcmp0 (reason, "correction") != 0)
        add_moved (moved, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                   sqlite3_column_int (stmt, 2), FALSE, reason, (const char *) sqlite3_column_text (stmt, 4),
                   sqlite3_column_int64 (stmt, 5));
      else if (month != NULL
               && (corrected->len == 0
                   || !g_str_equal (g_ptr_array_index (corrected, corrected->len - 1), month)))
        g_ptr_array_add (corrected, g_strdup (month));
    }
  if (!finish (food, stmt, rc, error))
    return FALSE;

  /* Corrections are rare: the movements of their months alone */
  for (guint i = 0; i < corrected->len; i++)
    {
      const char *month = g_ptr_array_index (corrected, i);
      g_autofree char *first = g_strconcat (month, "-01", NULL);
      g_autofree char *last = g_strconcat (month, "-31", NULL);

      /* goods_month is ordered by month: a month is listed once */
      if (!read_ledger_days (food, moved, first, last, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* The period cut into whole months, read from goods_month, and the days
 * before the first one and after the last one, read from the ledger */
static gboolean
read_goods (Food     *food,
            guint     c,
            GError  **error)
{
  const AcuPeriod *period = &food->ctx->report->periods[c];
  GArray *moved = g_array_new (FALSE, TRUE, sizeof (Moved));
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;
  GDate from, to, start, end;

  g_array_set_clear_func (moved, (GDestroyNotify) moved_clear);
  food->moved[c] = moved;
  if (!acu_date_parse (period->from, &from) || !acu_date_parse (period->to, &to))
    return TRUE;

  /* the first day of the first whole month, the last of the last one */
  start = from;
  if (g_date_get_day (&start) != 1)
    {
      g_date_set_day (&start, 1);
      g_date_add_months (&start, 1);
    }
  end = to;
  g_date_add_days (&end, 1);
  if (g_date_get_day (&end) != 1)
    g_date_set_day (&end, 1);
  g_date_subtract_days (&end, 1);

  if (g_date_compare (&start, &end) > 0)
    return read_ledger_days (food, moved, period->from, period->to, FALSE, error);

  {
    g_autofree char *a = acu_date_format (&start);
    g_autofree char *b = acu_date_format (&end);

    first_month = g_strndup (a, 7);
    last_month = g_strndup (b, 7);
  }
  if (g_date_compare (&from, &start) < 0)
    {
      g_autofree char *before = NULL;

      g_date_subtract_days (&start, 1);
      before = acu_date_format (&start);
      if (!read_ledger_days (food, moved, period->from, before, FALSE, error))
        return FALSE;
    }
  if (g_date_compare (&end, &to) < 0)
    {
      g_autofree char *after = NULL;

      g_date_add_days (&end, 1);
      after = acu_date_format (&end);
      if (!read_ledger_days (food, moved, after, period->to, FALSE, error))
        return FALSE;
    }
  return read_months (food, moved, first_month, last_month, error);
}

/* Food in: delivered, given, collected, bought or transferred in */
static gboolean
is_received (const Moved *m)
{
  static const char *const reasons[] = { "delivery", "donation", "collection", "purchase", "transfer" };

  for (guint i = 0; m->direction > 0 && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (m->reason, reasons[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_loss (const Moved *m)
{
  return m->direction < 0
         && (g_str_equal (m->reason, "expired") || g_str_equal (m->reason, "damaged")
             || g_str_equal (m->reason, "wasted"));
}

/* Grams out to households: served, less the corrections of what was
 * served */
static gint64
served_grams (const Moved *m)
{
  return g_str_equal (m->reason, "served") && m->direction < 0 ? m->sign * m->grams : 0;
}

static gboolean
count_columns (Food     *food,
               gboolean  access,
               GError  **error)
{
  AcuReportContext *ctx = food->ctx;

  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      if (!ctx->wanted[c])
        continue;
      if (!count_services (food, c, error) || !acu_report_context_step (ctx, error)
          || !count_persons (food, c, error) || !acu_report_context_step (ctx, error)
          || !read_goods (food, c, error) || !acu_report_context_step (ctx, error))
        return FALSE;
      if (access && (!count_access (food, c, error) || !acu_report_context_step (ctx, error)))
        return FALSE;
    }
  return TRUE;
}

/* Rows */

/* "Not recorded" unless the site records what the row counts */
static void
set_recorded (AcuFigure *figure,
              gboolean   recorded)
{
  if (recorded)
    return;
  figure->not_recorded = TRUE;
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    figure->values[c] = 0;
}

static void
set_counts (AcuFigureTable *table,
            const char     *key,
            const Food     *food,
            gsize           offset)
{
  AcuFigure *figure = acu_figure_table_find (table, key);

  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    if (food->ctx->wanted[c])
      figure->values[c] = G_STRUCT_MEMBER (gint64, &food->counts[c], offset);
}

static void
set_households (AcuFigure  *figure,
                const Food *food,
                gsize       offset)
{
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    if (food->ctx->wanted[c])
      figure->households[c] = G_STRUCT_MEMBER (gint64, &food->counts[c], offset);
}

#define COUNT(member) G_STRUCT_OFFSET (Counts, member)

/* The FSE+ breakdown of the persons served, rows of level 1 of @table,
 * with the same keys in the section and in the indicators (@fse: their
 * wording) */
static void
add_breakdown (AcuFigureTable *table,
               const Food     *food,
               gboolean        fse)
{
  const struct
  {
    const char *key;
    const char *label;
    const char *fse_label;
    gsize       offset;
  } rows[] = {
    { "under-18", _("Under 18"), _("Children under 18"), COUNT (under_18) },
    { "18-29", acu_age_bracket_get_label (ACU_AGE_18_29), _("Young people aged 18 to 29"), COUNT (age_18_29) },
    { "65-plus", acu_age_bracket_get_label (ACU_AGE_65_PLUS), _("Persons aged 65 and over"), COUNT (age_65_plus) },
    { "women", _("Women"), _("Women"), COUNT (women) },
    { "disability", _("Persons with a disability"), _("Persons with a disability"), COUNT (disabled) },
    { "third-country", _("Third-country nationals"), _("Third-country nationals"), COUNT (third_country) },
    { "foreign-background", _("Foreign background or minorities"),
      _("Persons with a foreign background or minorities"), COUNT (foreign_background) },
    { "homeless", _("Homeless or precariously housed"), _("Homeless or affected by housing exclusion"),
      COUNT (homeless) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AcuFigure *figure = acu_figure_table_add (table, rows[i].key, fse ? rows[i].fse_label : rows[i].label);

      figure->level = 1;
      set_counts (table, rows[i].key, food, rows[i].offset);
    }
  set_recorded (acu_figure_table_find (table, "disability"), food->record_disability);
  set_recorded (acu_figure_table_find (table, "third-country"), food->record_third_country);
  set_recorded (acu_figure_table_find (table, "foreign-background"), food->record_foreign_background);
}

/* The food and hygiene categories, in the catalogue's order, each with
 * the grams @grams_of finds in its movements; hidden ones only when
 * something moved */
static gboolean
add_category_rows (Food            *food,
                   AcuFigureTable  *table,
                   gint64         (*grams_of) (const Moved *m),
                   GError         **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->ctx->store,
                                          "SELECT id, code, label, hidden FROM goods_category "
                                          "WHERE kind IN ('food', 'hygiene') ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);
      gboolean hidden = sqlite3_column_int (stmt, 3) != 0;
      gboolean any = FALSE;
      gint64 values[ACU_REPORT_N_COLUMNS] = { 0 };
      AcuFigure *figure;

      for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
        for (guint i = 0; food->moved[c] != NULL && i < food->moved[c]->len; i++)
          {
            const Moved *m = &g_array_index (food->moved[c], Moved, i);

            if (m->category_id == id)
              values[c] += grams_of (m);
          }
      for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
        any |= values[c] != 0;
      if (hidden && !any)
        continue;
      if (label == NULL && code != NULL)
        label = acu_goods_category_default_label (code);
      figure = acu_figure_table_add (table, code, label);
      memcpy (figure->values, values, sizeof values);
    }
  return finish (food, stmt, rc, error);
}

static gint64
received_grams (const Moved *m)
{
  return is_received (m) ? m->sign * m->grams : 0;
}

static gboolean
build_section (Food              *food,
               AcuReportSection  *section,
               GError           **error)
{
  AcuFigureTable *table;
  AcuFigure *figure;

  /* Households and persons served, the FSE+ breakdown of the persons */
  table = acu_report_section_add_table (section, "served", _("Households and persons served"), ACU_FIGURE_PERSONS,
                                        ACU_CHART_NONE);
  figure = acu_figure_table_add (table, "households", _("Households served"));
  figure->kind = ACU_FIGURE_HOUSEHOLDS;
  set_counts (table, "households", food, COUNT (households));
  acu_figure_table_add (table, "persons", _("Persons served"));
  set_counts (table, "persons", food, COUNT (persons));
  add_breakdown (table, food, FALSE);

  /* Services: a household served once is one service */
  table = acu_report_section_add_table (section, "distributions", _("Distributions"), ACU_FIGURE_VISITS,
                                        ACU_CHART_NONE);
  acu_figure_table_add (table, "services", _("Households served, each time"));
  set_counts (table, "services", food, COUNT (services));
  acu_figure_table_add (table, "parcels", _("Parcels"))->level = 1;
  set_counts (table, "parcels", food, COUNT (parcels));
  acu_figure_table_add (table, "baskets", _("Grocery baskets"))->level = 1;
  set_counts (table, "baskets", food, COUNT (baskets));
  acu_figure_table_add (table, "days", _("Distribution days"))->kind = ACU_FIGURE_DAYS;
  set_counts (table, "days", food, COUNT (days));

  /* Food received, by where it came from. Deliveries are about no
   * household: a mass with no households would be null in the network's
   * file, so the table stays at the site. */
  table = acu_report_section_add_table (section, "received", _("Food received, by source"), ACU_FIGURE_GRAMS,
                                        ACU_CHART_BARS);
  table->local = TRUE;
  for (AcuFoodSource s = ACU_FOOD_SOURCE_NONE + 1; s < ACU_FOOD_N_SOURCES; s++)
    acu_figure_table_add (table, acu_food_source_to_string (s), acu_food_source_get_label (s));
  acu_figure_table_add (table, "not-stated", _("Not stated"));
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    for (guint i = 0; food->moved[c] != NULL && i < food->moved[c]->len; i++)
      {
        const Moved *m = &g_array_index (food->moved[c], Moved, i);

        if (is_received (m))
          {
            figure = acu_figure_table_find (table, m->source[0] != '\0' ? m->source : "not-stated");
            if (figure == NULL)
              figure = acu_figure_table_find (table, "not-stated");
            figure->values[c] += received_grams (m);
          }
      }
  figure = acu_figure_table_find (table, "not-stated");
  {
    gboolean any = FALSE;

    for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
      any |= figure->values[c] != 0;
    if (!any)
      g_ptr_array_remove (table->figures, figure);
  }

  /* Food out to households, by category. The households a category's
   * mass describes are those served in the period: the ledger's totals by
   * month do not say which households took which category, and reading
   * every movement of a year would cost more than the whole summary may. */
  table = acu_report_section_add_table (section, "distributed", _("Food distributed, by category"),
                                        ACU_FIGURE_GRAMS, ACU_CHART_BARS);
  if (!add_category_rows (food, table, served_grams, error))
    return FALSE;
  for (guint f = 0; f < table->figures->len; f++)
    set_households (g_ptr_array_index (table->figures, f), food, COUNT (households));

  /* Losses: about no household either, kept at the site */
  table = acu_report_section_add_table (section, "losses", _("Food lost"), ACU_FIGURE_GRAMS, ACU_CHART_NONE);
  table->local = TRUE;
  {
    const AcuGoodsReason reasons[] = { ACU_GOODS_EXPIRED, ACU_GOODS_DAMAGED, ACU_GOODS_WASTED };

    for (guint r = 0; r < G_N_ELEMENTS (reasons); r++)
      acu_figure_table_add (table, acu_goods_reason_to_string (reasons[r]), acu_goods_reason_get_label (reasons[r]));
  }
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    for (guint i = 0; food->moved[c] != NULL && i < food->moved[c]->len; i++)
      {
        const Moved *m = &g_array_index (food->moved[c], Moved, i);

        if (is_loss (m))
          acu_figure_table_find (table, m->reason)->values[c] += m->sign * m->grams;
      }

  /* Money */
  table = acu_report_section_add_table (section, "money", _("Participation and value"), ACU_FIGURE_CENTS,
                                        ACU_CHART_NONE);
  figure = acu_figure_table_add (table, "participation", _("Participation collected"));
  set_counts (table, "participation", food, COUNT (paid_cents));
  set_households (figure, food, COUNT (paid_households));
  figure = acu_figure_table_add (table, "value", _("Value of the food distributed"));
  set_counts (table, "value", food, COUNT (value_cents));
  set_households (figure, food, COUNT (value_households));

  /* Access */
  table = acu_report_section_add_table (section, "access", _("Access to food aid"), ACU_FIGURE_HOUSEHOLDS,
                                        ACU_CHART_NONE);
  acu_figure_table_add (table, "opened", _("Access opened"));
  set_counts (table, "opened", food, COUNT (access_opened));
  acu_figure_table_add (table, "renewed", _("Access renewed"));
  set_counts (table, "renewed", food, COUNT (access_renewed));
  acu_figure_table_add (table, "expired", _("Access expired"));
  set_counts (table, "expired", food, COUNT (access_expired));
  return TRUE;
}

gboolean
acu_report_food_compute (AcuReportContext  *ctx,
                         AcuReportSection  *section,
                         GError           **error)
{
  Food food = { .ctx = ctx };
  gboolean ok;

  ok = read_settings (&food, error)
       && acu_report_context_step (ctx, error)
       && count_columns (&food, TRUE, error)
       && build_section (&food, section, error);
  food_clear (&food);
  return ok;
}

/* The FSE+ indicators */

#define FSE_STEPS 3

static void
build_fse (Food             *food,
           AcuReportSection *section)
{
  AcuFigureTable *table;
  AcuFigure *figure;
  AcuFigure *food_grams;
  AcuFigure *hygiene_grams;

  table = acu_report_section_add_table (section, "indicators", _("End recipients and food distributed"),
                                        ACU_FIGURE_PERSONS, ACU_CHART_NONE);
  acu_figure_table_add (table, "end-recipients", _("End recipients"));
  set_counts (table, "end-recipients", food, COUNT (persons));
  add_breakdown (table, food, TRUE);

  acu_figure_table_add (table, "households", _("Households"))->kind = ACU_FIGURE_HOUSEHOLDS;
  set_counts (table, "households", food, COUNT (households));
  acu_figure_table_add (table, "distributions", _("Distributions"))->kind = ACU_FIGURE_VISITS;
  set_counts (table, "distributions", food, COUNT (services));

  /* Masses out to households, described by the households served (see
   * the section's table of categories) */
  food_grams = acu_figure_table_add (table, "food-distributed", _("Food distributed"));
  hygiene_grams = acu_figure_table_add (table, "hygiene-distributed", _("Hygiene products distributed"));
  food_grams->kind = hygiene_grams->kind = ACU_FIGURE_GRAMS;
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    for (guint i = 0; food->moved[c] != NULL && i < food->moved[c]->len; i++)
      {
        const Moved *m = &g_array_index (food->moved[c], Moved, i);

        (m->hygiene ? hygiene_grams : food_grams)->values[c] += served_grams (m);
      }
  set_households (food_grams, food, COUNT (households));
  set_households (hygiene_grams, food, COUNT (households));

  figure = acu_figure_table_add (table, "value", _("Value of the food distributed"));
  figure->kind = ACU_FIGURE_CENTS;
  set_counts (table, "value", food, COUNT (value_cents));
  set_households (figure, food, COUNT (value_households));
}

static gboolean
fse_compute (AcuReportContext  *ctx,
             AcuReportSection  *section,
             GError           **error)
{
  Food food = { .ctx = ctx };
  gboolean ok;

  ok = read_settings (&food, error)
       && acu_report_context_step (ctx, error)
       && count_columns (&food, FALSE, error);
  if (ok)
    build_fse (&food, section);
  food_clear (&food);
  return ok;
}

/* The indicators' own registry: one section */
static const AcuReportSectionInfo fse_sections[] = {
  { "fse-plus", N_("Food aid"), FSE_STEPS, 1, fse_compute,
    ACU_AREA_FOOD | ACU_AREA_GOODS | ACU_AREA_PEOPLE | ACU_AREA_SETTINGS },
};

AcuReport *
acu_report_food_fse_compute (AcuStore      *store,
                             guint          year,
                             GCancellable  *cancellable,
                             GError       **error)
{
  AcuReport *report;
  AcuPeriod period;

  g_return_val_if_fail (ACU_IS_STORE (store), NULL);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return NULL;
  if (year < 1901 || year > 9999)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("“%u” is not a year: write it with four digits, for example 2026."), year);
      return NULL;
    }

  acu_period_init_year (&period, year);
  report = acu_report_compute_sections (store, &period, fse_sections, G_N_ELEMENTS (fse_sections), NULL, NULL,
                                        cancellable, error);
  if (report == NULL)
    return NULL;
  report->title = g_strdup (_("FSE+ food-aid indicators"));
  report->export_action = "food-fse-export";
  return report;
}

gboolean
acu_report_food_fse_export (AcuStore         *store,
                            guint             year,
                            AcuReportFormat   format,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(AcuReport) report = NULL;

  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;
  if (format == ACU_REPORT_FORMAT_PDF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The PDF of a report is drawn by the report pages, not written here."));
      return FALSE;
    }
  if (format != ACU_REPORT_FORMAT_CSV && format != ACU_REPORT_FORMAT_JSON)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The FSE+ indicators are written as CSV, JSON or PDF."));
      return FALSE;
    }

  report = acu_report_food_fse_compute (store, year, NULL, error);
  return report != NULL && acu_report_export (store, report, format, path, error);
}
