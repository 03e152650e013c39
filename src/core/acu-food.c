/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-food.h"
#include "acu-goods-private.h"
#include "acu-people.h"
#include "acu-secret.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"
#include "acu-visits-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction food_actions[] = {
  { "food-access", N_("Food aid access granted"), ACU_AREA_FOOD },
  { "food-serve", N_("Food aid served"), ACU_AREA_FOOD | ACU_AREA_GOODS | ACU_AREA_VISITS },
  /* staff served despite a warning: the reason is in the service */
  { "food-override", N_("Food aid served despite a warning"), ACU_AREA_FOOD },
  { "food-cancel", N_("Food aid cancelled"), ACU_AREA_FOOD | ACU_AREA_GOODS | ACU_AREA_VISITS },
  { "food-budget-write", N_("Resources and charges written"), ACU_AREA_FOOD },
  { "food-budget-read", N_("Resources and charges read"), ACU_AREA_NONE },
  { "food-days", N_("Distribution days changed"), ACU_AREA_FOOD },
  { "food-settings", N_("Food aid settings changed"), ACU_AREA_FOOD | ACU_AREA_SETTINGS },
  /* the names of a day's expected households went out on paper or in a PDF */
  { "food-sheet", N_("Sign-in sheet of a distribution printed"), ACU_AREA_NONE },
};

const AcuAuditActions acu_audit_food_actions = ACU_AUDIT_ACTIONS (food_actions);

static const char *const mode_codes[] = { "parcel", "grocery", "both" };

const char *
acu_food_mode_to_string (AcuFoodMode mode)
{
  g_return_val_if_fail (mode <= ACU_FOOD_MODE_BOTH, NULL);
  return mode_codes[mode];
}

AcuFoodMode
acu_food_mode_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (mode_codes); i++)
    if (g_str_equal (text, mode_codes[i]))
      return i;
  return ACU_FOOD_MODE_PARCEL;
}

const char *
acu_food_mode_get_label (AcuFoodMode mode)
{
  switch (mode)
    {
    case ACU_FOOD_MODE_PARCEL:  return _("Parcel");
    case ACU_FOOD_MODE_GROCERY: return _("Solidarity grocery");
    case ACU_FOOD_MODE_BOTH:    return _("Parcel and grocery");
    default:                    g_return_val_if_reached (NULL);
    }
}

char *
acu_food_frequency_dup_label (guint         times,
                              AcuFoodPeriod period)
{
  if (times == 1)
    return g_strdup (period == ACU_FOOD_PERIOD_WEEK ? _("Once a week") : _("Once a month"));
  if (times == 2 && period == ACU_FOOD_PERIOD_MONTH)
    return g_strdup (_("Twice a month"));
  if (period == ACU_FOOD_PERIOD_WEEK)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a week", "%u times a week", times), times);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time a month", "%u times a month", times), times);
}

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, message);
}

static gboolean
is_day (const char *day)
{
  return day != NULL && acu_date_parse (day, NULL);
}

/* Settings */

static gboolean
read_setting (AcuStore    *store,
              const char  *key,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT value FROM setting WHERE key = :key", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":key", key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal (key, "food-scale"))
        *value = g_strcmp0 (text, "oecd") == 0 ? ACU_FOOD_SCALE_OECD : ACU_FOOD_SCALE_DEFAULT;
      else
        *value = g_ascii_strtoll (text, NULL, 10);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
acu_food_get_settings (AcuStore         *store,
                       AcuFoodSettings  *settings,
                       GError          **error)
{
  gint64 v[9] = { 2000, 3000, 500, 2000, ACU_FOOD_SCALE_DEFAULT, 800, 0, 0, 0 };
  static const char *const keys[9] = {
    "food-right-single-cents", "food-right-couple-cents", "food-right-child-cents", "food-rate-bp",
    "food-scale", "food-threshold-cents", "record-disability", "record-third-country",
    "record-foreign-background",
  };

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!read_setting (store, keys[i], &v[i], error))
      return FALSE;
  settings->right_single_cents = v[0];
  settings->right_couple_cents = v[1];
  settings->right_child_cents = v[2];
  settings->rate_bp = (int) v[3];
  settings->scale = (AcuFoodScale) v[4];
  settings->threshold_cents = v[5];
  settings->record_disability = v[6] != 0;
  settings->record_third_country = v[7] != 0;
  settings->record_foreign_background = v[8] != 0;
  return TRUE;
}

static gboolean
write_setting (AcuStore    *store,
               const char  *key,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "INSERT OR REPLACE INTO setting (key, value) VALUES (:key, :value)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":key", key);
  acu_sql_bind_text (stmt, ":value", value);
  return acu_store_step_done (store, stmt, error);
}

#define MAX_RIGHT_CENTS 100000   /* 1 000 € a month */

gboolean
acu_food_set_settings (AcuStore               *store,
                       const AcuFoodSettings  *s,
                       GError                **error)
{
  char buf[9][32];
  static const char *const keys[9] = {
    "food-right-single-cents", "food-right-couple-cents", "food-right-child-cents", "food-rate-bp",
    "food-scale", "food-threshold-cents", "record-disability", "record-third-country",
    "record-foreign-background",
  };
  gboolean ok = TRUE;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;
  if (s->right_single_cents < 0 || s->right_couple_cents < 0 || s->right_child_cents < 0
      || s->right_single_cents > MAX_RIGHT_CENTS || s->right_couple_cents > MAX_RIGHT_CENTS
      || s->right_child_cents > MAX_RIGHT_CENTS)
    {
      set_invalid (error, _("A grocery right must be between 0 and 1 000 € a month."));
      return FALSE;
    }
  if (s->rate_bp < 0 || s->rate_bp > 10000)
    {
      set_invalid (error, _("The participation rate must be between 0 and 100 %."));
      return FALSE;
    }
  if (s->threshold_cents < 0 || s->threshold_cents > 10000)
    {
      set_invalid (error, _("The threshold must be between 0 and 100 € a share a day."));
      return FALSE;
    }
  g_snprintf (buf[0], 32, "%" G_GINT64_FORMAT, s->right_single_cents);
  g_snprintf (buf[1], 32, "%" G_GINT64_FORMAT, s->right_couple_cents);
  g_snprintf (buf[2], 32, "%" G_GINT64_FORMAT, s->right_child_cents);
  g_snprintf (buf[3], 32, "%d", s->rate_bp);
  g_strlcpy (buf[4], s->scale == ACU_FOOD_SCALE_OECD ? "oecd" : "default", 32);
  g_snprintf (buf[5], 32, "%" G_GINT64_FORMAT, s->threshold_cents);
  g_strlcpy (buf[6], s->record_disability ? "1" : "0", 32);
  g_strlcpy (buf[7], s->record_third_country ? "1" : "0", 32);
  g_strlcpy (buf[8], s->record_foreign_background ? "1" : "0", 32);
  if (!acu_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (keys); i++)
    ok = write_setting (store, keys[i], buf[i], error);
  ok = ok && acu_audit_record (store, "food-settings", NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

/* Households */

/* A person's age on @day from "YYYY-MM-DD" or "YYYY" (born on 1 July, as
 * the reports count it); -1 if not stated */
static int
age_on (const char *birth,
        const char *day)
{
  int age;

  if (birth == NULL || strlen (birth) < 4 || day == NULL)
    return -1;
  age = atoi (day) - atoi (birth);
  if (strcmp (day + 5, strlen (birth) == 10 ? birth + 5 : "07-01") < 0)
    age--;
  return MAX (age, 0);
}

/* Members born by @day: a day in the past counts the household as it was */
#define BORN_BY_DAY "(p.birth_date IS NULL OR substr (p.birth_date, 1, 4) <= substr (:day, 1, 4) " \
                    " AND (length (p.birth_date) < 10 OR p.birth_date <= :day))"

gboolean
acu_food_count_household (AcuStore          *store,
                          gint64             household_id,
                          const char        *day,
                          AcuFoodHousehold  *out,
                          GError           **error)
{
  g_autofree char *today = acu_date_today ();
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  if (day == NULL)
    day = today;
  stmt = acu_store_prepare (store, "SELECT p.birth_date FROM person p WHERE p.household_id = :household AND "
                            BORN_BY_DAY, error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_text (stmt, ":day", day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int age = age_on ((const char *) sqlite3_column_text (stmt, 0), day);

      out->persons++;
      if (age >= 0 && age < 18)
        out->children++;
      else
        out->adults++;
      if (age >= 0 && age < 14)
        out->under_14++;
      else
        out->over_14++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (out->persons == 0)
    {
      set_invalid (error, _("This household has no member: add a person to it first."));
      return FALSE;
    }
  return TRUE;
}

gint64
acu_food_right_by_rule (const AcuFoodSettings   *settings,
                        const AcuFoodHousehold  *household)
{
  gint64 base = household->adults >= 2 ? settings->right_couple_cents : settings->right_single_cents;

  return base + settings->right_child_cents * household->children;
}

/* Access records */

void
acu_food_access_free (AcuFoodAccess *access)
{
  if (access == NULL)
    return;
  g_free (access->partner);
  g_free (access->worker);
  g_free (access);
}

#define ACCESS_COLUMNS \
  "id, household_id, follows_id, partner_id, worker, start_day, end_day, mode, times, period, " \
  "right_cents, right_by_hand, rate_bp, created_at"

static AcuFoodAccess *
access_from_row (AcuStore     *store,
                 sqlite3_stmt *stmt)
{
  AcuFoodAccess *access = g_new0 (AcuFoodAccess, 1);

  access->id = sqlite3_column_int64 (stmt, 0);
  access->household_id = sqlite3_column_int64 (stmt, 1);
  access->follows_id = sqlite3_column_int64 (stmt, 2);
  access->partner_id = sqlite3_column_int64 (stmt, 3);
  access->worker = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_strlcpy (access->start_day, (const char *) sqlite3_column_text (stmt, 5), sizeof access->start_day);
  g_strlcpy (access->end_day, (const char *) sqlite3_column_text (stmt, 6), sizeof access->end_day);
  access->mode = acu_food_mode_from_string ((const char *) sqlite3_column_text (stmt, 7));
  access->times = sqlite3_column_int (stmt, 8);
  access->period = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 9), "week") == 0
                   ? ACU_FOOD_PERIOD_WEEK : ACU_FOOD_PERIOD_MONTH;
  access->right_cents = sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 10);
  access->right_by_hand = sqlite3_column_int (stmt, 11);
  access->rate_bp = sqlite3_column_int (stmt, 12);
  access->created_at = sqlite3_column_int64 (stmt, 13);
  return access;
}

static void
fill_partners (AcuStore  *store,
               GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      AcuFoodAccess *access = g_ptr_array_index (list, i);

      if (access->partner_id != 0)
        access->partner = acu_catalogue_get_label (store, ACU_CATALOGUE_PARTNER, access->partner_id);
    }
}

GPtrArray *
acu_food_access_list (AcuStore  *store,
                      gint64     household_id,
                      GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_food_access_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !acu_household_exists (store, household_id, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " ACCESS_COLUMNS " FROM food_access WHERE household_id = :household "
                            "ORDER BY start_day DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, access_from_row (store, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  fill_partners (store, list);
  return g_steal_pointer (&list);
}

/* The household's last record, or NULL (no error) */
static AcuFoodAccess *
last_access (AcuStore  *store,
             gint64     household_id,
             GError   **error)
{
  sqlite3_stmt *stmt;
  AcuFoodAccess *access = NULL;

  stmt = acu_store_prepare (store,
                            "SELECT " ACCESS_COLUMNS " FROM food_access WHERE household_id = :household "
                            "AND id NOT IN (SELECT follows_id FROM food_access "
                            "               WHERE household_id = :household AND follows_id IS NOT NULL) "
                            "ORDER BY end_day DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    access = access_from_row (store, stmt);
  sqlite3_reset (stmt);
  return access;
}

gint64
acu_food_access_grant (AcuStore                  *store,
                       const AcuFoodAccessDraft  *draft,
                       GError                   **error)
{
  g_autoptr(AcuFoodAccess) last = NULL;
  AcuFoodSettings settings;
  AcuFoodHousehold household;
  g_autofree char *worker = NULL;
  gint64 right = -1;
  gboolean by_hand = FALSE;
  int rate;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (draft != NULL, 0);

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !acu_household_exists (store, draft->household_id, error)
      || !acu_food_get_settings (store, &settings, error))
    return 0;
  if (!is_day (draft->start_day))
    {
      set_invalid (error, _("The start date is not valid. Write it as day/month/year."));
      return 0;
    }
  if (!is_day (draft->end_day))
    {
      set_invalid (error, _("The end date is not valid. Write it as day/month/year."));
      return 0;
    }
  if (strcmp (draft->end_day, draft->start_day) < 0)
    {
      set_invalid (error, _("The end date comes before the start date."));
      return 0;
    }
  if (draft->mode > ACU_FOOD_MODE_BOTH || draft->period > ACU_FOOD_PERIOD_MONTH)
    {
      set_invalid (error, _("Choose parcel, grocery or both."));
      return 0;
    }
  if (draft->times < 1 || draft->times > (draft->period == ACU_FOOD_PERIOD_WEEK ? 7u : 31u))
    {
      set_invalid (error, _("The frequency must be at least once, and at most once a day."));
      return 0;
    }
  rate = draft->rate_bp < 0 ? settings.rate_bp : draft->rate_bp;
  if (rate > 10000)
    {
      set_invalid (error, _("The participation rate must be between 0 and 100 %."));
      return 0;
    }
  if (draft->partner_id != 0 && !acu_catalogue_exists (store, ACU_CATALOGUE_PARTNER, draft->partner_id, error))
    return 0;
  if (!acu_food_count_household (store, draft->household_id, draft->start_day, &household, error))
    return 0;
  if (draft->mode != ACU_FOOD_MODE_PARCEL)
    {
      if (draft->right_cents < -1 || draft->right_cents > MAX_RIGHT_CENTS)
        {
          set_invalid (error, _("A grocery right must be between 0 and 1 000 € a month."));
          return 0;
        }
      right = draft->right_cents >= 0 ? draft->right_cents : acu_food_right_by_rule (&settings, &household);
      by_hand = draft->right_cents >= 0 && draft->right_cents != acu_food_right_by_rule (&settings, &household);
    }
  last = last_access (store, draft->household_id, error);
  if (draft->follows_id != 0 && (last == NULL || last->id != draft->follows_id))
    {
      set_invalid (error, _("Only the household's last access can be renewed."));
      return 0;
    }
  if (draft->worker != NULL)
    {
      worker = g_strstrip (g_utf8_normalize (draft->worker, -1, G_NORMALIZE_NFC));
      if (worker != NULL && *worker == '\0')
        g_clear_pointer (&worker, g_free);
    }

  if (!acu_store_begin (store, error))
    return 0;
  stmt = acu_store_prepare (store,
                            "INSERT INTO food_access (household_id, follows_id, partner_id, worker, start_day, "
                            "end_day, mode, times, period, right_cents, right_by_hand, rate_bp, created_by, "
                            "created_at) VALUES (:household, :follows, :partner, :worker, :start, :end, :mode, "
                            ":times, :period, :right, :by_hand, :rate, :by, :now)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_int64 (stmt, ":household", draft->household_id);
      acu_sql_bind_id (stmt, ":follows", draft->follows_id);
      acu_sql_bind_id (stmt, ":partner", draft->partner_id);
      acu_sql_bind_text (stmt, ":worker", worker);
      acu_sql_bind_text (stmt, ":start", draft->start_day);
      acu_sql_bind_text (stmt, ":end", draft->end_day);
      acu_sql_bind_text (stmt, ":mode", mode_codes[draft->mode]);
      acu_sql_bind_int (stmt, ":times", draft->times);
      acu_sql_bind_text (stmt, ":period", draft->period == ACU_FOOD_PERIOD_WEEK ? "week" : "month");
      if (right >= 0)
        acu_sql_bind_int64 (stmt, ":right", right);
      else
        acu_sql_bind_null (stmt, ":right");
      acu_sql_bind_int (stmt, ":by_hand", by_hand);
      acu_sql_bind_int (stmt, ":rate", rate);
      acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
      ok = acu_store_step_done (store, stmt, error);
      id = sqlite3_last_insert_rowid (acu_store_get_db (store));
    }
  ok = ok && acu_audit_record (store, "food-access", "household", draft->household_id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

/* Periods */

/* The first and last day of the week (Monday to Sunday) or month of @day */
static void
period_bounds (const char    *day,
               AcuFoodPeriod  period,
               char           first[11],
               char           last[11])
{
  GDate date;

  if (!acu_date_parse (day, &date))
    {
      g_strlcpy (first, "0000-00-00", 11);
      g_strlcpy (last, "0000-00-00", 11);
      return;
    }
  if (period == ACU_FOOD_PERIOD_WEEK)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_date_subtract_days (&date, g_date_get_weekday (&date) - 1);
      a = acu_date_format (&date);
      g_date_add_days (&date, 6);
      b = acu_date_format (&date);
      g_strlcpy (first, a, 11);
      g_strlcpy (last, b, 11);
    }
  else
    {
      g_snprintf (first, 11, "%.7s-01", day);
      g_snprintf (last, 11, "%.7s-%02u", day,
                  g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
    }
}

static gint64
query_int (AcuStore     *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  gint64 value = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    acu_store_set_sqlite_error (store, error);
  return value;
}

static guint
count_served (AcuStore    *store,
              gint64       household_id,
              const char  *first,
              const char  *last,
              GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store,
                                          "SELECT count (*) FROM food_service WHERE household_id = :household "
                                          "AND day BETWEEN :first AND :last AND cancelled = 0",
                                          error);

  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_text (stmt, ":first", first);
  acu_sql_bind_text (stmt, ":last", last);
  return (guint) query_int (store, stmt, error);
}

static gint64
grocery_spent (AcuStore    *store,
               gint64       household_id,
               const char  *day,
               GError     **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;

  period_bounds (day, ACU_FOOD_PERIOD_MONTH, first, last);
  stmt = acu_store_prepare (store,
                            "SELECT coalesce (sum (paid_cents), 0) FROM food_service WHERE household_id = :household "
                            "AND day BETWEEN :first AND :last AND mode = 'grocery' AND cancelled = 0",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_text (stmt, ":first", first);
  acu_sql_bind_text (stmt, ":last", last);
  return query_int (store, stmt, error);
}

gboolean
acu_food_get_status (AcuStore       *store,
                     gint64          household_id,
                     const char     *day,
                     AcuFoodStatus  *status,
                     GError        **error)
{
  g_autofree char *today = acu_date_today ();
  g_autoptr(AcuFoodAccess) access = NULL;
  g_autoptr(GError) local = NULL;
  char first[11], last[11];
  sqlite3_stmt *stmt;

  memset (status, 0, sizeof *status);
  status->right_cents = -1;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  if (day == NULL)
    day = today;
  /* The record that applies: the one covering the day that ends last;
   * otherwise the last one begun before it (expired); otherwise one to come */
  stmt = acu_store_prepare (store,
                            "SELECT " ACCESS_COLUMNS " FROM food_access WHERE household_id = :household "
                            "ORDER BY (start_day <= :day AND end_day >= :day) DESC, (start_day <= :day) DESC, "
                            "CASE WHEN start_day <= :day THEN end_day END DESC, start_day, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_text (stmt, ":day", day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    access = access_from_row (store, stmt);
  sqlite3_reset (stmt);

  stmt = acu_store_prepare (store,
                            "SELECT max (day) FROM food_service WHERE household_id = :household AND cancelled = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    g_strlcpy (status->last_served, (const char *) sqlite3_column_text (stmt, 0), sizeof status->last_served);
  sqlite3_reset (stmt);

  if (access == NULL)
    return TRUE;
  status->access_id = access->id;
  g_strlcpy (status->start_day, access->start_day, sizeof status->start_day);
  g_strlcpy (status->end_day, access->end_day, sizeof status->end_day);
  status->mode = access->mode;
  status->times = access->times;
  status->period = access->period;
  status->rate_bp = access->rate_bp;
  if (strcmp (access->start_day, day) > 0)
    status->state = ACU_FOOD_ACCESS_NOT_YET;
  else if (strcmp (access->end_day, day) < 0)
    status->state = ACU_FOOD_ACCESS_EXPIRED;
  else
    status->state = ACU_FOOD_ACCESS_VALID;
  period_bounds (day, access->period, first, last);
  status->served = count_served (store, household_id, first, last, &local);
  if (local == NULL && access->right_cents >= 0)
    {
      status->right_cents = access->right_cents;
      status->spent_cents = grocery_spent (store, household_id, day, &local);
      status->left_cents = MAX (0, status->right_cents - status->spent_cents);
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* Reste à vivre */

void
acu_budget_label_free (AcuBudgetLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->code);
  g_free (label->label);
  g_free (label);
}

/* Every label, hidden ones too: a budget written before a label was
 * hidden keeps its line. Their default labels are the catalogue's
 * (acu-catalogue.c), as coordinators edit them in Preferences. */
GPtrArray *
acu_food_budget_labels (AcuStore  *store,
                        GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_budget_label_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT id, code, label, kind, hidden FROM budget_label ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuBudgetLabel *label = g_new0 (AcuBudgetLabel, 1);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);

      label->id = sqlite3_column_int64 (stmt, 0);
      label->code = g_strdup (code);
      label->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "charge") == 0
                    ? ACU_BUDGET_CHARGE : ACU_BUDGET_RESOURCE;
      label->label = g_strdup (text != NULL ? text
                               : acu_catalogue_default_label (label->kind == ACU_BUDGET_CHARGE
                                                              ? ACU_CATALOGUE_BUDGET_CHARGE
                                                              : ACU_CATALOGUE_BUDGET_RESOURCE, code));
      label->hidden = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (list, label);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static const AcuSecret *
require_key (AcuStore  *store,
             GError   **error)
{
  const AcuSecret *key;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error))
    return NULL;
  key = acu_store_peek_confidential_key (store);
  if (key == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                         _("Resources and charges open only with a staff or coordinator password."));
  return key;
}

#define MAX_BUDGET_LINES 64
#define MAX_LINE_CENTS 10000000   /* 100 000 € a month */
/* A line sealed: label id and cents, 8 bytes each, little-endian */
#define LINE_BYTES 16

/* The household's number is the additional data of the seal: lines
 * moved to another household in the file do not open there */
static void
household_ad (gint64  household_id,
              guint8  ad[8])
{
  guint64 v = (guint64) household_id;

  for (int i = 0; i < 8; i++)
    ad[i] = (v >> (8 * i)) & 0xff;
}

static gboolean
check_lines (AcuStore             *store,
             const AcuBudgetLine  *lines,
             guint                 n_lines,
             GError              **error)
{
  if (n_lines > MAX_BUDGET_LINES)
    {
      set_invalid (error, _("Too many lines: 64 at most."));
      return FALSE;
    }
  for (guint i = 0; i < n_lines; i++)
    {
      sqlite3_stmt *stmt;
      gboolean found;

      if (lines[i].cents < 0 || lines[i].cents > MAX_LINE_CENTS)
        {
          set_invalid (error, _("An amount must be between 0 and 100 000 € a month."));
          return FALSE;
        }
      stmt = acu_store_prepare (store, "SELECT 1 FROM budget_label WHERE id = :id", error);
      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":id", lines[i].label_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                               _("This kind of resource or charge no longer exists. Choose another one."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
acu_food_budget_save (AcuStore             *store,
                      gint64               household_id,
                      const AcuBudgetLine *lines,
                      guint                n_lines,
                      GError             **error)
{
  const AcuSecret *key = require_key (store, error);
  gsize plain_len = 1 + (gsize) n_lines * LINE_BYTES;
  g_autofree guint8 *plain = NULL;
  g_autofree guint8 *sealed = NULL;
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8 ad[8];
  unsigned long long sealed_len = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (key == NULL || !acu_household_exists (store, household_id, error)
      || !check_lines (store, lines, n_lines, error))
    return FALSE;
  plain = g_malloc0 (plain_len);
  plain[0] = 1;   /* format version */
  for (guint i = 0; i < n_lines; i++)
    for (int b = 0; b < 8; b++)
      {
        plain[1 + i * LINE_BYTES + b] = ((guint64) lines[i].label_id >> (8 * b)) & 0xff;
        plain[1 + i * LINE_BYTES + 8 + b] = ((guint64) lines[i].cents >> (8 * b)) & 0xff;
      }
  sealed = g_malloc (plain_len + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  randombytes_buf (nonce, sizeof nonce);
  household_ad (household_id, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed, &sealed_len, plain, plain_len, ad, sizeof ad, NULL, nonce,
                                              acu_secret_get_data (key));
  sodium_memzero (plain, plain_len);

  if (!acu_store_begin (store, error))
    return FALSE;
  stmt = acu_store_prepare (store,
                            "INSERT INTO food_budget (household_id, nonce, ciphertext, written_by, written_at) "
                            "VALUES (:household, :nonce, :sealed, :by, :now)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_int64 (stmt, ":household", household_id);
      acu_sql_bind_blob (stmt, ":nonce", nonce, sizeof nonce);
      acu_sql_bind_blob (stmt, ":sealed", sealed, sealed_len);
      acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
      ok = acu_store_step_done (store, stmt, error);
    }
  ok = ok && acu_audit_record (store, "food-budget-write", "household", household_id, error);
  return acu_sql_finish (store, ok, error);
}

GArray *
acu_food_budget_read (AcuStore  *store,
                      gint64     household_id,
                      GError   **error)
{
  const AcuSecret *key = require_key (store, error);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (AcuBudgetLine));
  sqlite3_stmt *stmt;
  gboolean damaged = FALSE;

  if (key == NULL || !acu_household_exists (store, household_id, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT nonce, ciphertext FROM food_budget WHERE household_id = :household "
                            "ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const guint8 *nonce = sqlite3_column_blob (stmt, 0);
      const guint8 *sealed = sqlite3_column_blob (stmt, 1);
      int nonce_len = sqlite3_column_bytes (stmt, 0);
      int sealed_len = sqlite3_column_bytes (stmt, 1);
      unsigned long long plain_len = 0;
      g_autofree guint8 *plain = NULL;
      guint8 ad[8];

      household_ad (household_id, ad);
      damaged = nonce_len != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
                || sealed_len < (int) crypto_aead_xchacha20poly1305_ietf_ABYTES + 1;
      if (!damaged)
        {
          plain = g_malloc0 (sealed_len);
          damaged = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_len, NULL, sealed, sealed_len,
                                                                ad, sizeof ad, nonce,
                                                                acu_secret_get_data (key)) != 0
                    || plain_len < 1 || plain[0] != 1 || (plain_len - 1) % LINE_BYTES != 0;
        }
      for (gsize i = 0; !damaged && i < (plain_len - 1) / LINE_BYTES; i++)
        {
          AcuBudgetLine line = { 0 };
          guint64 id = 0, cents = 0;

          for (int b = 0; b < 8; b++)
            {
              id |= (guint64) plain[1 + i * LINE_BYTES + b] << (8 * b);
              cents |= (guint64) plain[1 + i * LINE_BYTES + 8 + b] << (8 * b);
            }
          line.label_id = (gint64) id;
          line.cents = (gint64) cents;
          g_array_append_val (lines, line);
        }
      if (plain != NULL)
        sodium_memzero (plain, sealed_len);
    }
  sqlite3_reset (stmt);
  if (damaged)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                           _("The resources and charges could not be read: they are damaged, or were sealed with another key."));
      return NULL;
    }
  if (!acu_audit_record (store, "food-budget-read", "household", household_id, error))
    return NULL;
  return g_steal_pointer (&lines);
}

gboolean
acu_food_reste_a_vivre (AcuStore             *store,
                        gint64               household_id,
                        const AcuBudgetLine *lines,
                        guint                n_lines,
                        AcuResteAVivre      *out,
                        GError             **error)
{
  AcuFoodSettings settings;
  AcuFoodHousehold household;
  gint64 left;
  gint64 denominator;

  memset (out, 0, sizeof *out);
  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !check_lines (store, lines, n_lines, error)
      || !acu_food_get_settings (store, &settings, error)
      || !acu_food_count_household (store, household_id, NULL, &household, error))
    return FALSE;
  for (guint i = 0; i < n_lines; i++)
    {
      sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT kind FROM budget_label WHERE id = :id", error);
      gboolean charge;

      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":id", lines[i].label_id);
      charge = sqlite3_step (stmt) == SQLITE_ROW
               && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "charge") == 0;
      sqlite3_reset (stmt);
      if (charge)
        out->charges_cents += lines[i].cents;
      else
        out->resources_cents += lines[i].cents;
    }
  out->scale = settings.scale;
  if (settings.scale == ACU_FOOD_SCALE_OECD)
    /* 1 for the first adult, 0.5 for each other person 14 or over, 0.3 under 14 */
    out->shares_x100 = 100 + 50 * (household.over_14 > 0 ? household.over_14 - 1 : 0)
                       + 30 * (household.over_14 > 0 ? household.under_14 : MAX (household.under_14, 1) - 1);
  else
    /* 1 a person, and 0.5 more for a single parent */
    out->shares_x100 = 100 * household.persons
                       + (household.adults == 1 && household.children > 0 ? 50 : 0);
  left = out->resources_cents - out->charges_cents;
  /* ÷ shares ÷ 30 days, rounded half away from zero, in integers */
  denominator = (gint64) out->shares_x100 * 30;
  out->per_day_cents = (left * 100 * 2 + (left >= 0 ? denominator : -denominator)) / (2 * denominator);
  out->threshold_cents = settings.threshold_cents;
  out->below = out->per_day_cents < settings.threshold_cents;
  return TRUE;
}

/* Distribution days */

static gboolean
is_time (const char *text)
{
  return text != NULL && strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && atoi (text) < 24 && atoi (text + 3) < 60;
}

static gboolean
check_hours (const char  *start,
             const char  *end,
             GError     **error)
{
  if (!is_time (start) || !is_time (end))
    {
      set_invalid (error, _("The time is not valid. Write it as 14:00."));
      return FALSE;
    }
  if (strcmp (end, start) <= 0)
    {
      set_invalid (error, _("The distribution ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_day_mode (AcuFoodMode   mode,
                GError      **error)
{
  if (mode != ACU_FOOD_MODE_PARCEL && mode != ACU_FOOD_MODE_GROCERY)
    {
      set_invalid (error, _("A distribution gives parcels or runs the grocery: choose one."));
      return FALSE;
    }
  return TRUE;
}

gint64
acu_food_rule_add (AcuStore     *store,
                   int           weekday,
                   const char   *start_time,
                   const char   *end_time,
                   AcuFoodMode   mode,
                   const char   *from_day,
                   const char   *until_day,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !check_hours (start_time, end_time, error)
      || !check_day_mode (mode, error))
    return 0;
  if (weekday < 1 || weekday > 7)
    {
      set_invalid (error, _("Choose a day of the week."));
      return 0;
    }
  if (!is_day (from_day) || (until_day != NULL && *until_day != '\0' && !is_day (until_day)))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return 0;
    }
  if (until_day != NULL && *until_day != '\0' && strcmp (until_day, from_day) < 0)
    {
      set_invalid (error, _("The end date comes before the start date."));
      return 0;
    }
  if (!acu_store_begin (store, error))
    return 0;
  stmt = acu_store_prepare (store,
                            "INSERT INTO food_rule (weekday, start_time, end_time, mode, from_day, until_day, "
                            "created_at) VALUES (:weekday, :start, :end, :mode, :from, :until, :now)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_int (stmt, ":weekday", weekday);
      acu_sql_bind_text (stmt, ":start", start_time);
      acu_sql_bind_text (stmt, ":end", end_time);
      acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
      acu_sql_bind_text (stmt, ":from", from_day);
      acu_sql_bind_text (stmt, ":until", until_day != NULL && *until_day != '\0' ? until_day : NULL);
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
      ok = acu_store_step_done (store, stmt, error);
      id = sqlite3_last_insert_rowid (acu_store_get_db (store));
    }
  ok = ok && acu_audit_record (store, "food-days", NULL, 0, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

gboolean
acu_food_rule_end (AcuStore    *store,
                   gint64       rule_id,
                   const char  *until_day,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *from = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error))
    return FALSE;
  stmt = acu_store_prepare (store, "SELECT from_day FROM food_rule WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", rule_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    from = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (from == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This weekly distribution no longer exists."));
      return FALSE;
    }
  if (!is_day (until_day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return FALSE;
    }
  if (strcmp (until_day, from) < 0)
    {
      set_invalid (error, _("The end date comes before the start date."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  stmt = acu_store_prepare (store, "UPDATE food_rule SET until_day = :until WHERE id = :id", error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_text (stmt, ":until", until_day);
      acu_sql_bind_int64 (stmt, ":id", rule_id);
      ok = acu_store_step_done (store, stmt, error);
    }
  ok = ok && acu_audit_record (store, "food-days", NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

GArray *
acu_food_rule_list (AcuStore  *store,
                    GError   **error)
{
  g_autoptr(GArray) rules = g_array_new (FALSE, TRUE, sizeof (AcuFoodRule));
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT id, weekday, start_time, end_time, mode, from_day, until_day FROM food_rule "
                            "ORDER BY weekday, start_time, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFoodRule rule = { 0 };

      rule.id = sqlite3_column_int64 (stmt, 0);
      rule.weekday = sqlite3_column_int (stmt, 1);
      g_strlcpy (rule.start_time, (const char *) sqlite3_column_text (stmt, 2), sizeof rule.start_time);
      g_strlcpy (rule.end_time, (const char *) sqlite3_column_text (stmt, 3), sizeof rule.end_time);
      rule.mode = acu_food_mode_from_string ((const char *) sqlite3_column_text (stmt, 4));
      g_strlcpy (rule.from_day, (const char *) sqlite3_column_text (stmt, 5), sizeof rule.from_day);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        g_strlcpy (rule.until_day, (const char *) sqlite3_column_text (stmt, 6), sizeof rule.until_day);
      g_array_append_val (rules, rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/* The row of (@day, @mode), made from the rule of that day when there is
 * one; 0 and no error if there is neither */
static gint64
day_row (AcuStore     *store,
         const char   *day,
         AcuFoodMode   mode,
         gboolean      create,
         GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = acu_store_prepare (store, "SELECT id FROM food_day WHERE day = :day AND mode = :mode", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  id = query_int (store, stmt, error);
  if (id != 0 || !create)
    return id;
  stmt = acu_store_prepare (store,
                            "INSERT INTO food_day (day, start_time, end_time, mode, rule_id) "
                            "SELECT :day, start_time, end_time, mode, id FROM food_rule "
                            "WHERE weekday = :weekday AND mode = :mode AND from_day <= :day "
                            "AND (until_day IS NULL OR until_day >= :day) ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_int (stmt, ":weekday", acu_date_get_weekday (day));
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  if (sqlite3_changes (acu_store_get_db (store)) == 0)
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

gint64
acu_food_day_add (AcuStore     *store,
                  const char   *day,
                  const char   *start_time,
                  const char   *end_time,
                  AcuFoodMode   mode,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !check_hours (start_time, end_time, error)
      || !check_day_mode (mode, error))
    return 0;
  if (!is_day (day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return 0;
    }
  if (!acu_store_begin (store, error))
    return 0;
  id = day_row (store, day, mode, FALSE, error);
  if (id != 0)
    {
      acu_store_rollback (store);
      set_invalid (error, _("There is a distribution of this kind on that day already."));
      return 0;
    }
  stmt = acu_store_prepare (store,
                            "INSERT INTO food_day (day, start_time, end_time, mode) VALUES (:day, :start, :end, :mode)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_text (stmt, ":day", day);
      acu_sql_bind_text (stmt, ":start", start_time);
      acu_sql_bind_text (stmt, ":end", end_time);
      acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
      ok = acu_store_step_done (store, stmt, error);
      id = sqlite3_last_insert_rowid (acu_store_get_db (store));
    }
  ok = ok && acu_audit_record (store, "food-days", NULL, 0, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

gboolean
acu_food_day_set_closed (AcuStore     *store,
                         const char   *day,
                         AcuFoodMode   mode,
                         gboolean      closed,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !check_day_mode (mode, error))
    return FALSE;
  if (!is_day (day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  id = day_row (store, day, mode, TRUE, error);
  if (id == 0)
    {
      acu_store_rollback (store);
      if (error == NULL || *error == NULL)
        set_invalid (error, _("There is no distribution of this kind on that day."));
      return FALSE;
    }
  stmt = acu_store_prepare (store, "UPDATE food_day SET closed = :closed WHERE id = :id", error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_int (stmt, ":closed", closed ? 1 : 0);
      acu_sql_bind_int64 (stmt, ":id", id);
      ok = acu_store_step_done (store, stmt, error);
    }
  ok = ok && acu_audit_record (store, "food-days", NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

static gint
compare_days (gconstpointer a,
              gconstpointer b)
{
  const AcuFoodDay *x = a;
  const AcuFoodDay *y = b;
  int c = strcmp (x->day, y->day);

  if (c == 0)
    c = strcmp (x->start_time, y->start_time);
  return c != 0 ? c : (int) x->mode - (int) y->mode;
}

#define MAX_DAY_RANGE 400

GArray *
acu_food_day_list (AcuStore    *store,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (AcuFoodDay));
  g_autoptr(GArray) rules = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate date, last;
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  if (!acu_date_parse (from, &date) || !acu_date_parse (to, &last) || g_date_compare (&date, &last) > 0
      || g_date_days_between (&date, &last) > MAX_DAY_RANGE)
    {
      set_invalid (error, _("The period is not valid."));
      return NULL;
    }
  stmt = acu_store_prepare (store,
                            "SELECT id, day, start_time, end_time, mode, rule_id, closed FROM food_day "
                            "WHERE day BETWEEN :from AND :to",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFoodDay day = { 0 };

      day.id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (day.day, (const char *) sqlite3_column_text (stmt, 1), sizeof day.day);
      g_strlcpy (day.start_time, (const char *) sqlite3_column_text (stmt, 2), sizeof day.start_time);
      g_strlcpy (day.end_time, (const char *) sqlite3_column_text (stmt, 3), sizeof day.end_time);
      day.mode = acu_food_mode_from_string ((const char *) sqlite3_column_text (stmt, 4));
      day.rule_id = sqlite3_column_int64 (stmt, 5);
      day.closed = sqlite3_column_int (stmt, 6);
      g_array_append_val (days, day);
      g_hash_table_add (seen, g_strdup_printf ("%s %d", day.day, day.mode));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  rules = acu_food_rule_list (store, error);
  if (rules == NULL)
    return NULL;
  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      g_autofree char *text = acu_date_format (&date);
      int weekday = g_date_get_weekday (&date);

      for (guint i = 0; i < rules->len; i++)
        {
          const AcuFoodRule *rule = &g_array_index (rules, AcuFoodRule, i);
          g_autofree char *key = NULL;
          AcuFoodDay day = { 0 };

          if (rule->weekday != weekday || strcmp (text, rule->from_day) < 0
              || (rule->until_day[0] != '\0' && strcmp (text, rule->until_day) > 0))
            continue;
          key = g_strdup_printf ("%s %d", text, rule->mode);
          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          g_strlcpy (day.day, text, sizeof day.day);
          memcpy (day.start_time, rule->start_time, sizeof day.start_time);
          memcpy (day.end_time, rule->end_time, sizeof day.end_time);
          day.mode = rule->mode;
          day.rule_id = rule->id;
          g_array_append_val (days, day);
        }
    }
  g_array_sort (days, compare_days);
  return g_steal_pointer (&days);
}

/* The households expected */

struct _AcuFoodExpected
{
  GObject        parent_instance;
  gint64         household_id;
  gint64         person_id;
  char          *name;
  guint          persons;
  char          *end_day;
  guint          served;
  guint          times;
  gboolean       served_today;
};

G_DEFINE_FINAL_TYPE (AcuFoodExpected, acu_food_expected, G_TYPE_OBJECT)

enum
{
  EXPECTED_PROP_0,
  EXPECTED_PROP_HOUSEHOLD_ID,
  EXPECTED_PROP_PERSON_ID,
  EXPECTED_PROP_NAME,
  EXPECTED_PROP_PERSONS,
  EXPECTED_PROP_END_DAY,
  EXPECTED_PROP_SERVED,
  EXPECTED_PROP_TIMES,
  EXPECTED_PROP_SERVED_TODAY,
  EXPECTED_N_PROPS
};

static GParamSpec *expected_props[EXPECTED_N_PROPS];

static void
acu_food_expected_finalize (GObject *object)
{
  AcuFoodExpected *self = ACU_FOOD_EXPECTED (object);

  g_free (self->name);
  g_free (self->end_day);
  G_OBJECT_CLASS (acu_food_expected_parent_class)->finalize (object);
}

static void
acu_food_expected_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AcuFoodExpected *self = ACU_FOOD_EXPECTED (object);

  switch (prop_id)
    {
    case EXPECTED_PROP_HOUSEHOLD_ID: g_value_set_int64 (value, self->household_id); break;
    case EXPECTED_PROP_PERSON_ID:    g_value_set_int64 (value, self->person_id); break;
    case EXPECTED_PROP_NAME:         g_value_set_string (value, self->name); break;
    case EXPECTED_PROP_PERSONS:      g_value_set_uint (value, self->persons); break;
    case EXPECTED_PROP_END_DAY:      g_value_set_string (value, self->end_day); break;
    case EXPECTED_PROP_SERVED:       g_value_set_uint (value, self->served); break;
    case EXPECTED_PROP_TIMES:        g_value_set_uint (value, self->times); break;
    case EXPECTED_PROP_SERVED_TODAY: g_value_set_boolean (value, self->served_today); break;
    default:                         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_food_expected_class_init (AcuFoodExpectedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acu_food_expected_finalize;
  object_class->get_property = acu_food_expected_get_property;
  expected_props[EXPECTED_PROP_HOUSEHOLD_ID] = g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  expected_props[EXPECTED_PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  expected_props[EXPECTED_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  expected_props[EXPECTED_PROP_PERSONS] = g_param_spec_uint ("persons", NULL, NULL, 0, G_MAXUINT, 0, flags);
  expected_props[EXPECTED_PROP_END_DAY] = g_param_spec_string ("end-day", NULL, NULL, NULL, flags);
  expected_props[EXPECTED_PROP_SERVED] = g_param_spec_uint ("served", NULL, NULL, 0, G_MAXUINT, 0, flags);
  expected_props[EXPECTED_PROP_TIMES] = g_param_spec_uint ("times", NULL, NULL, 0, G_MAXUINT, 0, flags);
  expected_props[EXPECTED_PROP_SERVED_TODAY] = g_param_spec_boolean ("served-today", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, EXPECTED_N_PROPS, expected_props);
}

static void
acu_food_expected_init (AcuFoodExpected *self)
{
}

gint64 acu_food_expected_get_household_id (AcuFoodExpected *self) { return self->household_id; }
gint64 acu_food_expected_get_person_id (AcuFoodExpected *self) { return self->person_id; }
const char *acu_food_expected_get_name (AcuFoodExpected *self) { return self->name; }
guint acu_food_expected_get_persons (AcuFoodExpected *self) { return self->persons; }
const char *acu_food_expected_get_end_day (AcuFoodExpected *self) { return self->end_day; }
guint acu_food_expected_get_served (AcuFoodExpected *self) { return self->served; }
guint acu_food_expected_get_times (AcuFoodExpected *self) { return self->times; }
gboolean acu_food_expected_get_served_today (AcuFoodExpected *self) { return self->served_today; }

/* The records valid on :day for :mode, one a household (the one ending last) */
#define EXPECTED_WHERE \
  "WHERE a.end_day >= :day AND a.start_day <= :day " \
  "AND a.mode IN (:mode, 'both') " \
  "AND NOT EXISTS (SELECT 1 FROM food_access b WHERE b.household_id = a.household_id " \
  "  AND b.end_day >= :day AND b.start_day <= :day AND b.mode IN (:mode, 'both') " \
  "  AND (b.end_day > a.end_day OR (b.end_day = a.end_day AND b.id > a.id))) "

GPtrArray *
acu_food_day_expected (AcuStore     *store,
                       const char   *day,
                       AcuFoodMode   mode,
                       guint         offset,
                       guint         limit,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  char week_first[11], week_last[11], month_first[11], month_last[11];
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error) || !check_day_mode (mode, error))
    return NULL;
  if (!is_day (day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return NULL;
    }
  period_bounds (day, ACU_FOOD_PERIOD_WEEK, week_first, week_last);
  period_bounds (day, ACU_FOOD_PERIOD_MONTH, month_first, month_last);
  /* The records in the name order of their household (food_access.sort_key,
   * kept by triggers: 0006-food-expected.sql), read from the index that
   * also holds the days and the mode, so that a page reads about as many
   * entries as it shows over the share of records valid that day. The
   * record that applies is the valid one ending last; the person shown is
   * the household's first by name. */
  stmt = acu_store_prepare (store,
                            "SELECT a.household_id, e.id, e.first_name, e.last_name, "
                            " (SELECT count (*) FROM person m WHERE m.household_id = a.household_id), "
                            " a.end_day, a.times, "
                            " (SELECT count (*) FROM food_service s WHERE s.household_id = a.household_id "
                            "  AND s.cancelled = 0 AND s.day BETWEEN "
                            "  CASE a.period WHEN 'week' THEN :week_first ELSE :month_first END AND "
                            "  CASE a.period WHEN 'week' THEN :week_last ELSE :month_last END), "
                            " EXISTS (SELECT 1 FROM food_service s WHERE s.household_id = a.household_id "
                            "  AND s.cancelled = 0 AND s.day = :day) "
                            "FROM (SELECT a.id, a.household_id, a.sort_key FROM food_access a INDEXED BY food_access_sort "
                            EXPECTED_WHERE
                            "      ORDER BY a.sort_key, a.household_id LIMIT :limit OFFSET :offset) x "
                            "JOIN food_access a ON a.id = x.id "
                            "LEFT JOIN person e ON e.id = (SELECT q.id FROM person q WHERE q.household_id = a.household_id "
                            "                             ORDER BY q.sort_key, q.id LIMIT 1) "
                            "ORDER BY x.sort_key, x.household_id",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  acu_sql_bind_text (stmt, ":week_first", week_first);
  acu_sql_bind_text (stmt, ":week_last", week_last);
  acu_sql_bind_text (stmt, ":month_first", month_first);
  acu_sql_bind_text (stmt, ":month_last", month_last);
  acu_sql_bind_int64 (stmt, ":limit", limit);
  acu_sql_bind_int64 (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFoodExpected *expected = g_object_new (ACU_TYPE_FOOD_EXPECTED, NULL);

      expected->household_id = sqlite3_column_int64 (stmt, 0);
      expected->person_id = sqlite3_column_int64 (stmt, 1);
      /* TRANSLATORS: a person's name, last name then first name, in a list sorted by name */
      expected->name = g_strdup_printf (C_("sorted name", "%2$s %1$s"),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3));
      expected->persons = sqlite3_column_int (stmt, 4);
      expected->end_day = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      expected->times = sqlite3_column_int (stmt, 6);
      expected->served = sqlite3_column_int (stmt, 7);
      expected->served_today = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (list, expected);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

guint
acu_food_day_count_expected (AcuStore     *store,
                             const char   *day,
                             AcuFoodMode   mode,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error) || !check_day_mode (mode, error))
    return 0;
  if (!is_day (day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return 0;
    }
  stmt = acu_store_prepare (store, "SELECT count (*) FROM food_access a " EXPECTED_WHERE, error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  return (guint) query_int (store, stmt, error);
}

/* Serving */

gint64
acu_basket_line_cents (const AcuBasketLine *line)
{
  if (line->grams > 0)
    return (line->price_cents * line->grams + 500) / 1000;
  return line->price_cents * (gint64) line->quantity;
}

gint64
acu_food_participation (gint64 shelf_cents,
                        int    rate_bp)
{
  return (shelf_cents * rate_bp + 5000) / 10000;
}

GArray *
acu_food_parcel_preset (AcuStore  *store,
                        guint      persons,
                        GError   **error)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, TRUE, sizeof (AcuFoodWeight));
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT p.category_id, p.grams FROM food_parcel_preset p "
                            "JOIN goods_category c ON c.id = p.category_id "
                            "WHERE p.persons = :persons AND c.hidden = 0 ORDER BY c.position, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int (stmt, ":persons", CLAMP (persons, 1, 6));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuFoodWeight weight = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (weights, weight);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&weights);
}

static gint64
household_of_person (AcuStore  *store,
                     gint64     person_id,
                     GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT household_id FROM person WHERE id = :id", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  id = query_int (store, stmt, error);
  if (id == 0 && error != NULL && *error == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This person is no longer in the database."));
  return id;
}

/* The draft's input, before any warning: weights, prices, amounts */
static gboolean
check_service_input (AcuStore                   *store,
                     const AcuFoodServiceDraft  *draft,
                     const char                 *day,
                     gboolean                    serving,
                     gint64                     *shelf_cents,
                     GError                    **error)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *month = NULL;
  gint64 total_grams = 0;

  *shelf_cents = 0;
  if (!is_day (day) || strcmp (day, today) > 0)
    {
      set_invalid (error, _("Food aid is served today or on a past day."));
      return FALSE;
    }
  month = g_strndup (day, 7);
  if (acu_goods_month_is_closed (store, month, NULL))
    {
      set_invalid (error, _("This month is closed: its movements never change."));
      return FALSE;
    }
  if (draft->mode != ACU_FOOD_MODE_PARCEL && draft->mode != ACU_FOOD_MODE_GROCERY)
    {
      set_invalid (error, _("Choose a parcel or the grocery."));
      return FALSE;
    }
  if (draft->value_cents < -1 || draft->value_cents > MAX_LINE_CENTS
      || (draft->mode == ACU_FOOD_MODE_PARCEL && (draft->paid_cents < -1 || draft->paid_cents > MAX_RIGHT_CENTS)))
    {
      set_invalid (error, _("An amount must be 0 or more, and not absurd."));
      return FALSE;
    }
  if (draft->mode == ACU_FOOD_MODE_PARCEL)
    for (guint i = 0; i < draft->n_weights; i++)
      {
        if (draft->weights[i].grams < 0 || draft->weights[i].grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
          {
            set_invalid (error, _("A weight must be between 0 and 500 kg."));
            return FALSE;
          }
        total_grams += draft->weights[i].grams;
      }
  else
    {
      if (draft->n_lines == 0 && serving)
        {
          set_invalid (error, _("The basket is empty: add a line first."));
          return FALSE;
        }
      for (guint i = 0; i < draft->n_lines; i++)
        {
          const AcuBasketLine *line = &draft->lines[i];

          if (line->price_cents <= 0 || line->price_cents > MAX_LINE_CENTS)
            {
              set_invalid (error, _("A price must be more than 0."));
              return FALSE;
            }
          if ((line->quantity == 0) == (line->grams <= 0) || line->quantity > 1000
              || line->grams < 0 || line->grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
            {
              set_invalid (error, _("Give a quantity, or a weight between 0 and 500 kg."));
              return FALSE;
            }
          total_grams += MAX (line->grams, 0);
          *shelf_cents += acu_basket_line_cents (line);
        }
    }
  if (total_grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
    {
      set_invalid (error, _("A household cannot take more than 500 kg at once."));
      return FALSE;
    }
  return TRUE;
}

static AcuFoodWarnings
warnings_of (const AcuFoodStatus  *status,
             AcuFoodMode           mode,
             gint64                paid_cents,
             GString              *message)
{
  AcuFoodWarnings warnings = ACU_FOOD_WARNING_NONE;
  g_autofree char *end = status->end_day[0] != '\0' ? acu_date_to_display (status->end_day) : NULL;
  g_autofree char *start = status->start_day[0] != '\0' ? acu_date_to_display (status->start_day) : NULL;

  switch (status->state)
    {
    case ACU_FOOD_ACCESS_NONE:
      warnings |= ACU_FOOD_WARNING_NO_ACCESS;
      g_string_append (message, _("This household has no food aid access."));
      return warnings;
    case ACU_FOOD_ACCESS_EXPIRED:
      warnings |= ACU_FOOD_WARNING_EXPIRED;
      g_string_append_printf (message, _("Food aid access expired on %s."), end);
      break;
    case ACU_FOOD_ACCESS_NOT_YET:
      warnings |= ACU_FOOD_WARNING_EXPIRED;
      g_string_append_printf (message, _("Food aid access starts on %s."), start);
      break;
    case ACU_FOOD_ACCESS_VALID:
    default:
      break;
    }
  if (status->mode != ACU_FOOD_MODE_BOTH && status->mode != mode)
    {
      warnings |= ACU_FOOD_WARNING_MODE;
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, status->mode == ACU_FOOD_MODE_PARCEL
                                ? _("The access is for parcels, not the grocery.")
                                : _("The access is for the grocery, not parcels."));
    }
  if (status->times > 0 && status->served >= status->times)
    {
      g_autofree char *frequency = acu_food_frequency_dup_label (status->times, status->period);

      warnings |= ACU_FOOD_WARNING_FREQUENCY;
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append_printf (message, _("Served already as often as the access allows (%s)."), frequency);
    }
  if (mode == ACU_FOOD_MODE_GROCERY && status->right_cents >= 0 && paid_cents > status->left_cents)
    {
      warnings |= ACU_FOOD_WARNING_OVER_RIGHT;
      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append (message, _("The basket passes what is left of the month's right."));
    }
  return warnings;
}

/* The warnings of @draft, its household and what it pays */
static AcuFoodWarnings
check_service (AcuStore                   *store,
               const AcuFoodServiceDraft  *draft,
               const char                 *day,
               gint64                     *household_id,
               AcuFoodStatus              *status,
               gint64                     *shelf_cents,
               gint64                     *paid_cents,
               gboolean                    serving,
               char                      **message,
               GError                    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  AcuFoodWarnings warnings;
  sqlite3_stmt *stmt;
  gboolean closed;

  if (message != NULL)
    *message = NULL;
  *household_id = household_of_person (store, draft->person_id, error);
  if (*household_id == 0
      || !check_service_input (store, draft, day, serving, shelf_cents, error)
      || !acu_food_get_status (store, *household_id, day, status, error))
    return ACU_FOOD_WARNING_NONE;
  if (status->access_id == 0)
    {
      /* no access: a basket served all the same pays the default rate */
      AcuFoodSettings settings;

      if (!acu_food_get_settings (store, &settings, error))
        return ACU_FOOD_WARNING_NONE;
      status->rate_bp = settings.rate_bp;
    }
  if (draft->mode == ACU_FOOD_MODE_GROCERY)
    *paid_cents = acu_food_participation (*shelf_cents, status->rate_bp);
  else
    *paid_cents = MAX (draft->paid_cents, 0);
  warnings = warnings_of (status, draft->mode, *paid_cents, text);
  stmt = acu_store_prepare (store, "SELECT 1 FROM food_day WHERE day = :day AND mode = :mode AND closed = 1", error);
  if (stmt == NULL)
    return ACU_FOOD_WARNING_NONE;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_text (stmt, ":mode", mode_codes[draft->mode]);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (closed)
    {
      warnings |= ACU_FOOD_WARNING_CLOSED;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("The distribution of this day is closed."));
    }
  if (message != NULL && text->len > 0)
    *message = g_strdup (text->str);
  return warnings;
}

AcuFoodWarnings
acu_food_check (AcuStore                   *store,
                const AcuFoodServiceDraft  *draft,
                char                      **message,
                GError                    **error)
{
  g_autofree char *today = acu_date_today ();
  AcuFoodStatus status;
  gint64 household_id, shelf, paid;

  g_return_val_if_fail (draft != NULL, ACU_FOOD_WARNING_NONE);

  if (message != NULL)
    *message = NULL;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return ACU_FOOD_WARNING_NONE;
  return check_service (store, draft, draft->day != NULL ? draft->day : today, &household_id, &status,
                        &shelf, &paid, FALSE, message, error);
}

static gint64
food_aid_reason (AcuStore  *store,
                 GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT id FROM reason WHERE code = 'food-aid'", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  id = query_int (store, stmt, error);
  if (id == 0 && error != NULL && *error == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                         _("The reason “Food aid” is missing from the database."));
  return id;
}

/* The household's members as they are on @day, under the service.
 * "homeless" is the FSE+ indicator's "homeless or affected by housing
 * exclusion": no home, or a precarious one (hosted, shelter, hotel…). */
static gboolean
insert_snapshot (AcuStore    *store,
                 gint64       service_id,
                 gint64       household_id,
                 const char  *day,
                 GError     **error)
{
  AcuFoodSettings settings;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (gint64));
  sqlite3_stmt *read, *write;
  int rc;

  if (!acu_food_get_settings (store, &settings, error))
    return FALSE;
  read = acu_store_prepare (store,
                            "SELECT p.id, p.birth_date, p.gender, p.disability, p.third_country, "
                            "p.foreign_background, coalesce (h.housing IN ('homeless', 'precarious'), 0) "
                            "FROM person p JOIN household h ON h.id = p.household_id "
                            "WHERE p.household_id = :household AND " BORN_BY_DAY,
                            error);
  if (read == NULL)
    return FALSE;
  acu_sql_bind_int64 (read, ":household", household_id);
  acu_sql_bind_text (read, ":day", day);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      int age = age_on ((const char *) sqlite3_column_text (read, 1), day);
      const char *bracket = acu_age_bracket_to_string (acu_age_bracket_for_age (age));

      write = acu_store_prepare (store,
                                 "INSERT INTO food_service_person (service_id, person_id, day, age, gender, "
                                 "disabled, third_country, foreign_background, homeless) VALUES (:service, "
                                 ":person, :day, :age, :gender, :disabled, :third, :background, :homeless)",
                                 error);
      if (write == NULL)
        break;
      acu_sql_bind_int64 (write, ":service", service_id);
      acu_sql_bind_int64 (write, ":person", sqlite3_column_int64 (read, 0));
      acu_sql_bind_text (write, ":day", day);
      acu_sql_bind_text (write, ":age", bracket != NULL ? bracket : "");
      acu_sql_bind_text (write, ":gender", (const char *) sqlite3_column_text (read, 2));
      /* sensitive: kept only while the coordinator records it */
      if (settings.record_disability && sqlite3_column_type (read, 3) != SQLITE_NULL)
        acu_sql_bind_int (write, ":disabled", sqlite3_column_int (read, 3));
      else
        acu_sql_bind_null (write, ":disabled");
      if (settings.record_third_country && sqlite3_column_type (read, 4) != SQLITE_NULL)
        acu_sql_bind_int (write, ":third", sqlite3_column_int (read, 4));
      else
        acu_sql_bind_null (write, ":third");
      if (settings.record_foreign_background && sqlite3_column_type (read, 5) != SQLITE_NULL)
        acu_sql_bind_int (write, ":background", sqlite3_column_int (read, 5));
      else
        acu_sql_bind_null (write, ":background");
      acu_sql_bind_int (write, ":homeless", sqlite3_column_int (read, 6));
      if (!acu_store_step_done (store, write, error))
        break;
    }
  if (rc == SQLITE_ROW)
    {
      sqlite3_reset (read);
      return FALSE;
    }
  sqlite3_reset (read);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_out (AcuStore    *store,
            gint64       service_id,
            gint64       household_id,
            const char  *day,
            gint64       category_id,
            gint64       pieces,
            gint64       grams,
            GError     **error)
{
  AcuGoodsDraft out = { 0 };

  if (pieces == 0 && grams == 0)
    return TRUE;
  /* Counted by the piece and not weighed: estimated by the category */
  if (pieces > 0 && grams == 0)
    grams = -1;
  out.category_id = category_id;
  out.direction = -1;
  out.reason = ACU_GOODS_SERVED;
  out.pieces = pieces;
  out.grams = grams;
  out.value_cents = -1;
  out.household_id = household_id;
  return acu_goods_check_draft (store, &out, error)
         && acu_goods_insert (store, &out, day, service_id, 0, error) != 0;
}

static gboolean
insert_lines (AcuStore                   *store,
              gint64                      service_id,
              gint64                      household_id,
              const char                 *day,
              const AcuFoodServiceDraft  *draft,
              GError                    **error)
{
  g_autoptr(GHashTable) grams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) pieces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (draft->mode == ACU_FOOD_MODE_PARCEL)
    {
      for (guint i = 0; i < draft->n_weights; i++)
        if (!insert_out (store, service_id, household_id, day, draft->weights[i].category_id, 0,
                         draft->weights[i].grams, error))
          return FALSE;
      return TRUE;
    }
  for (guint i = 0; i < draft->n_lines; i++)
    {
      const AcuBasketLine *line = &draft->lines[i];
      g_autofree char *item = line->item != NULL ? g_strstrip (g_strdup (line->item)) : NULL;
      sqlite3_stmt *stmt;
      gint64 *g, *p;

      stmt = acu_store_prepare (store,
                                "INSERT INTO food_basket_line (service_id, category_id, item, price_cents, quantity, "
                                "grams, line_cents) VALUES (:service, :category, :item, :price, :quantity, :grams, "
                                ":cents)",
                                error);
      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":service", service_id);
      acu_sql_bind_int64 (stmt, ":category", line->category_id);
      acu_sql_bind_text (stmt, ":item", item != NULL && *item != '\0' ? item : NULL);
      acu_sql_bind_int64 (stmt, ":price", line->price_cents);
      if (line->quantity > 0)
        acu_sql_bind_int64 (stmt, ":quantity", line->quantity);
      else
        acu_sql_bind_null (stmt, ":quantity");
      if (line->grams > 0)
        acu_sql_bind_int64 (stmt, ":grams", line->grams);
      else
        acu_sql_bind_null (stmt, ":grams");
      acu_sql_bind_int64 (stmt, ":cents", acu_basket_line_cents (line));
      if (!acu_store_step_done (store, stmt, error))
        return FALSE;
      g = g_hash_table_lookup (grams, &line->category_id);
      p = g_hash_table_lookup (pieces, &line->category_id);
      if (g == NULL)
        {
          g = g_new0 (gint64, 1);
          p = g_new0 (gint64, 1);
          g_hash_table_insert (grams, g_memdup2 (&line->category_id, sizeof (gint64)), g);
          g_hash_table_insert (pieces, g_memdup2 (&line->category_id, sizeof (gint64)), p);
          g_array_append_val (order, line->category_id);
        }
      *g += MAX (line->grams, 0);
      *p += line->quantity;
    }
  /* One movement out a category */
  for (guint i = 0; i < order->len; i++)
    {
      gint64 category = g_array_index (order, gint64, i);

      if (!insert_out (store, service_id, household_id, day, category,
                       *(gint64 *) g_hash_table_lookup (pieces, &category),
                       *(gint64 *) g_hash_table_lookup (grams, &category), error))
        return FALSE;
    }
  return TRUE;
}

gint64
acu_food_serve (AcuStore                   *store,
                const AcuFoodServiceDraft  *draft,
                gint64                     *visit_id,
                GError                    **error)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *message = NULL;
  g_autofree char *override = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) now = NULL;
  AcuFoodStatus status;
  AcuFoodWarnings warnings;
  AcuVisitDraft visit = { 0 };
  AcuFoodHousehold members;
  gint64 household_id = 0, shelf = 0, paid = 0, reason_id, service_id = 0, visit_row = 0, day_id = 0;
  const char *day;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (draft != NULL, 0);

  if (visit_id != NULL)
    *visit_id = 0;
  day = draft->day != NULL ? draft->day : today;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return 0;
  warnings = check_service (store, draft, day, &household_id, &status, &shelf, &paid, TRUE, &message, error);
  if (household_id == 0 || (error != NULL && *error != NULL))
    return 0;
  if (draft->override_reason != NULL)
    {
      override = g_strstrip (g_utf8_normalize (draft->override_reason, -1, G_NORMALIZE_NFC));
      if (override != NULL && *override == '\0')
        g_clear_pointer (&override, g_free);
    }
  if (warnings != ACU_FOOD_WARNING_NONE)
    {
      if (acu_store_get_role (store) < ACU_ROLE_STAFF)
        {
          g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                       _("%s Ask a staff member: only staff may serve despite this."), message);
          return 0;
        }
      if (override == NULL)
        {
          g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                       _("%s To serve all the same, give the reason."), message);
          return 0;
        }
    }
  else
    g_clear_pointer (&override, g_free);
  if ((reason_id = food_aid_reason (store, error)) == 0)
    return 0;

  if (!acu_store_begin (store, error))
    return 0;
  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  visit.day = day;
  visit.time = time;
  visit.person_id = draft->person_id;
  visit.reason_ids = &reason_id;
  visit.n_reasons = 1;
  visit_row = acu_visit_insert_unchecked (store, &visit, acu_store_get_person_id (store),
                                          g_get_real_time () / G_USEC_PER_SEC, error);
  ok = visit_row != 0;
  if (ok)
    {
      g_autoptr(GError) local = NULL;

      day_id = day_row (store, day, draft->mode, TRUE, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  /* the persons served: the household as it is on the day */
  ok = ok && acu_food_count_household (store, household_id, day, &members, error);
  if (ok)
    {
      stmt = acu_store_prepare (store,
                                "INSERT INTO food_service (day, household_id, mode, food_day_id, access_id, visit_id, "
                                "persons, value_cents, shelf_cents, paid_cents, override_reason, served_by, "
                                "created_at) VALUES (:day, :household, :mode, :food_day, :access, :visit, :persons, "
                                ":value, :shelf, :paid, :override, :by, :now)",
                                error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      acu_sql_bind_text (stmt, ":day", day);
      acu_sql_bind_int64 (stmt, ":household", household_id);
      acu_sql_bind_text (stmt, ":mode", mode_codes[draft->mode]);
      acu_sql_bind_id (stmt, ":food_day", day_id);
      acu_sql_bind_id (stmt, ":access", status.access_id);
      acu_sql_bind_int64 (stmt, ":visit", visit_row);
      acu_sql_bind_int (stmt, ":persons", members.persons);
      if (draft->value_cents >= 0)
        acu_sql_bind_int64 (stmt, ":value", draft->value_cents);
      else if (draft->mode == ACU_FOOD_MODE_GROCERY)
        acu_sql_bind_int64 (stmt, ":value", shelf);
      else
        acu_sql_bind_null (stmt, ":value");
      acu_sql_bind_int64 (stmt, ":shelf", shelf);
      acu_sql_bind_int64 (stmt, ":paid", paid);
      acu_sql_bind_text (stmt, ":override", override);
      acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
      ok = acu_store_step_done (store, stmt, error);
      service_id = sqlite3_last_insert_rowid (acu_store_get_db (store));
    }
  ok = ok && insert_snapshot (store, service_id, household_id, day, error);
  ok = ok && insert_lines (store, service_id, household_id, day, draft, error)
       && acu_audit_record (store, "visit-add", "visit", visit_row, error)
       && acu_audit_record (store, "food-serve", "household", household_id, error)
       && (override == NULL || acu_audit_record (store, "food-override", "household", household_id, error));
  if (!acu_sql_finish (store, ok, error))
    return 0;
  if (visit_id != NULL)
    *visit_id = visit_row;
  return service_id;
}

gint64
acu_food_service_find (AcuStore  *store,
                       gint64     visit_id,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return 0;
  stmt = acu_store_prepare (store, "SELECT id FROM food_service WHERE visit_id = :visit AND cancelled = 0", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":visit", visit_id);
  return query_int (store, stmt, error);
}

gboolean
acu_food_service_cancel (AcuStore  *store,
                         gint64     service_id,
                         GError   **error)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *day = NULL;
  g_autoptr(GArray) movements = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 served_by = 0, visit_id = 0, household_id = 0;
  gboolean cancelled = FALSE;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  stmt = acu_store_prepare (store,
                            "SELECT day, served_by, visit_id, household_id, cancelled FROM food_service WHERE id = :id",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      served_by = sqlite3_column_int64 (stmt, 1);
      visit_id = sqlite3_column_int64 (stmt, 2);
      household_id = sqlite3_column_int64 (stmt, 3);
      cancelled = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (day == NULL || cancelled)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This food aid is no longer recorded, or is cancelled already."));
      return FALSE;
    }
  if (acu_store_get_role (store) < ACU_ROLE_STAFF
      && (served_by != acu_store_get_person_id (store) || !g_str_equal (day, today)))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                           _("Only the person who served it may cancel food aid, the same day; otherwise ask a staff member."));
      return FALSE;
    }
  stmt = acu_store_prepare (store, "SELECT id FROM goods_movement WHERE service_id = :id ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (movements, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = TRUE;
  /* The corrections are dated today: a closed month keeps its figures */
  for (guint i = 0; ok && i < movements->len; i++)
    ok = acu_goods_correct_unchecked (store, g_array_index (movements, gint64, i), today, error) != 0;
  ok = ok && acu_sql_run_for_id (store, "UPDATE food_service SET cancelled = 1 WHERE id = :id", service_id, error)
       && (visit_id == 0 || acu_sql_run_for_id (store, "DELETE FROM visit WHERE id = :id", visit_id, error))
       && acu_audit_record (store, "food-cancel", "household", household_id, error);
  return acu_sql_finish (store, ok, error);
}

gint64
acu_food_service_find_on_day (AcuStore    *store,
                              gint64       household_id,
                              const char  *day,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return 0;
  stmt = acu_store_prepare (store,
                            "SELECT max (id) FROM food_service WHERE household_id = :household AND day = :day "
                            "AND cancelled = 0",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_text (stmt, ":day", day);
  return query_int (store, stmt, error);
}

gboolean
acu_food_record_sheet (AcuStore    *store,
                       const char  *day,
                       GError     **error)
{
  g_autofree char *number = NULL;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  if (!is_day (day))
    {
      set_invalid (error, _("The date is not valid. Write it as day/month/year."));
      return FALSE;
    }
  /* the day as a number, "20261208", for the audit's "kind id" objects */
  number = g_strdup_printf ("%.4s%.2s%.2s", day, day + 5, day + 8);
  return acu_audit_record (store, "food-sheet", "food_day", g_ascii_strtoll (number, NULL, 10), error);
}
