/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-date.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"

/* The audit log: who (the person identified at the desk), when, what
 * (an action and the ids it touched), never the data itself. Kept for
 * the retention setting (365 days by default), then purged. */

static const AcuAuditAction log_actions[] = {
  { "export", N_("Export"), ACU_AREA_NONE },
  { "audit-retention", N_("Audit log retention changed"), ACU_AREA_SETTINGS },
};

const AcuAuditActions acu_audit_log_actions = ACU_AUDIT_ACTIONS (log_actions);

/* Every area's actions, in the order the Audit Log page offers them.
 * A new area adds its own line. */
static const AcuAuditActions *const registry[] = {
  &acu_audit_access_actions,
  &acu_audit_catalogue_actions,
  &acu_audit_visits_actions,
  &acu_audit_people_actions,
  &acu_audit_confidential_actions,
  &acu_audit_report_actions,
  &acu_audit_food_actions,
  &acu_audit_goods_actions,
  &acu_audit_food_report_actions,
  &acu_audit_log_actions,
};

const AcuAuditAction *
acu_audit_action_lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
    for (guint j = 0; j < registry[i]->n_actions; j++)
      if (g_strcmp0 (registry[i]->actions[j].code, code) == 0)
        return &registry[i]->actions[j];
  return NULL;
}

const char *
acu_audit_action_get_label (const char *code)
{
  const AcuAuditAction *action = acu_audit_action_lookup (code);

  return action != NULL ? _(action->label) : code;
}

/* The action codes, NULL-terminated, in a stable order */
const char *const *
acu_audit_list_actions (void)
{
  static const char **codes;

  if (g_once_init_enter (&codes))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
        for (guint j = 0; j < registry[i]->n_actions; j++)
          g_ptr_array_add (list, (gpointer) registry[i]->actions[j].code);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&codes, (const char **) g_ptr_array_free (list, FALSE));
    }
  return codes;
}

/* "household 12" → "household no. 12", in the reader's language */
char *
acu_audit_object_get_label (const char *object)
{
  const char *space;
  long long id;

  if (object == NULL)
    return NULL;
  space = strchr (object, ' ');
  if (space == NULL)
    return g_strdup (object);
  id = g_ascii_strtoll (space + 1, NULL, 10);
  if (g_str_has_prefix (object, "household "))
    return g_strdup_printf (_("household no. %lld"), id);
  if (g_str_has_prefix (object, "person "))
    return g_strdup_printf (_("person no. %lld"), id);
  if (g_str_has_prefix (object, "visit "))
    return g_strdup_printf (_("visit no. %lld"), id);
  if (g_str_has_prefix (object, "desk_person "))
    return g_strdup_printf (_("person of the desk no. %lld"), id);
  if (g_str_has_prefix (object, "reason ") || g_str_has_prefix (object, "referral_partner ")
      || g_str_has_prefix (object, "commune ") || g_str_has_prefix (object, "budget_label ")
      || g_str_has_prefix (object, "goods_category "))
    /* Translators: an entry of the lists of Preferences (reasons, partners, food categories…) */
    return g_strdup_printf (_("list entry no. %lld"), id);
  if (g_str_has_prefix (object, "food_day ") && id > 10000000)
    /* Translators: a distribution day in the audit log; day/month/year */
    return g_strdup_printf (_("distribution of %02lld/%02lld/%04lld"), id % 100, (id / 100) % 100, id / 10000);
  if (g_str_has_prefix (object, "movement "))
    /* Translators: a movement of goods in or out of the stock */
    return g_strdup_printf (_("movement no. %lld"), id);
  if (g_str_has_prefix (object, "audit "))
    /* Translators: an export of the audit log, with the number of entries exported */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld entry", "%lld entries", id), id);
  return g_strdup (object);
}

void
acu_audit_entry_free (AcuAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->person);
  g_free (entry->action);
  g_free (entry->object);
  g_free (entry);
}

gboolean
acu_audit_record (AcuStore    *store,
                  const char  *action,
                  const char  *object_kind,
                  gint64       object_id,
                  GError     **error)
{
  return acu_audit_record_as (store, acu_store_get_person_id (store), action, object_kind, object_id, error);
}

/* For what happens while nobody is identified: a wrong PIN is recorded
 * as the person who tried */
gboolean
acu_audit_record_as (AcuStore    *store,
                     gint64       person,
                     const char  *action,
                     const char  *object_kind,
                     gint64       object_id,
                     GError     **error)
{
  const AcuAuditAction *declared = acu_audit_action_lookup (action);
  sqlite3_stmt *stmt;
  g_autofree char *object = NULL;

  /* Every action is declared by its area's module, with the areas it
   * changes: an undeclared one is a programmer's error, refused with a
   * message all the same, so that the write is rolled back */
  if (declared == NULL)
    {
      g_critical ("Audit action “%s” is declared by no area", action);
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("This change could not be recorded in the audit log, so it was not made."));
      return FALSE;
    }

  if (object_kind != NULL)
    object = g_strdup_printf ("%s %" G_GINT64_FORMAT, object_kind, object_id);
  stmt = acu_store_prepare (store,
                            "INSERT INTO audit (at, person_id, action, object) VALUES (:at, :person, :action, :object)",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":at", g_get_real_time () / G_USEC_PER_SEC);
  acu_sql_bind_id (stmt, ":person", person);
  acu_sql_bind_text (stmt, ":action", action);
  acu_sql_bind_text (stmt, ":object", object);
  if (!acu_store_step_done (store, stmt, error))
    return FALSE;
  /* told once the write's transaction commits, forgotten if it rolls back */
  acu_store_changed (store, declared->areas | ACU_AREA_AUDIT);
  return TRUE;
}

/* Local civil day → the UTC second it starts */
static gint64
day_start (const char *day,
           gboolean    next)
{
  GDate date;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;

  acu_date_parse (day, &date);
  if (next)
    g_date_add_days (&date, 1);
  start = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (start);
}

static gboolean
check_days (const char  *since,
            const char  *until,
            GError     **error)
{
  if ((since != NULL && !acu_date_parse (since, NULL)) || (until != NULL && !acu_date_parse (until, NULL)))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The start or the end of the period is not a date."));
      return FALSE;
    }
  return TRUE;
}

/* A page of entries from @since to @until (days, both included, NULL for
 * no bound), newest first, filtered by person and action if given */
GPtrArray *
acu_audit_list (AcuStore    *store,
                const char  *since,
                const char  *until,
                gint64       person_id,
                const char  *action,
                guint        offset,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) || !check_days (since, until, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT a.id, a.at, p.display_name, a.action, a.object FROM audit a "
                            "LEFT JOIN desk_person p ON p.id = a.person_id "
                            "WHERE a.at >= :from AND a.at < :to "
                            "AND (:person = 0 OR a.person_id = :person) AND (:action IS NULL OR a.action = :action) "
                            "ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":from", since ? day_start (since, FALSE) : G_MININT64);
  acu_sql_bind_int64 (stmt, ":to", until ? day_start (until, TRUE) : G_MAXINT64);
  acu_sql_bind_int64 (stmt, ":person", person_id);
  acu_sql_bind_text (stmt, ":action", action);
  acu_sql_bind_int (stmt, ":limit", limit);
  acu_sql_bind_int (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuAuditEntry *entry = g_new0 (AcuAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->person = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->object = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static char *
csv_field (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");

  /* A spreadsheet must never read a name as a formula */
  if (text != NULL && strchr ("=+-@", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* CSV as LibreOffice opens it under a French locale: UTF-8, ";" between
 * fields, local date and time. The export is itself recorded. */
gboolean
acu_audit_export_csv (AcuStore       *store,
                      const char     *since,
                      const char     *until,
                      GOutputStream  *out,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint offset = 0;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) || !check_days (since, until, error))
    return FALSE;

  {
    g_autofree char *h1 = csv_field (_("Date"));
    g_autofree char *h2 = csv_field (_("Time"));
    g_autofree char *h3 = csv_field (_("Who"));
    g_autofree char *h4 = csv_field (_("What"));
    g_autofree char *h5 = csv_field (_("Record"));

    g_string_append_printf (text, "%s;%s;%s;%s;%s\r\n", h1, h2, h3, h4, h5);
  }
  for (;;)
    {
      g_autoptr(GPtrArray) page = acu_audit_list (store, since, until, 0, NULL, offset, 500, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          AcuAuditEntry *entry = g_ptr_array_index (page, i);
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (entry->at);
          g_autofree char *day = g_date_time_format (at, "%d/%m/%Y");
          g_autofree char *time = g_date_time_format (at, "%H:%M:%S");
          g_autofree char *who = csv_field (entry->person);
          g_autofree char *what = csv_field (acu_audit_action_get_label (entry->action));
          g_autofree char *label = acu_audit_object_get_label (entry->object);
          g_autofree char *object = csv_field (label);

          g_string_append_printf (text, "%s;%s;%s;%s;%s\r\n", day, time, who, what, object);
        }
      offset += page->len;
      if (page->len < 500)
        break;
    }
  if (!g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error))
    return FALSE;
  return acu_audit_record (store, "export", "audit", offset, error);
}

int
acu_audit_get_retention_days (AcuStore *store)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT value FROM setting WHERE key = 'audit-retention-days'", NULL);
  int days = 365;

  if (stmt == NULL)
    return days;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    days = atoi ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return days > 0 ? days : 365;
}

static gboolean
write_retention_days (AcuStore  *store,
                      int        days,
                      GError   **error)
{
  g_autofree char *value = g_strdup_printf ("%d", days);
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store, "INSERT OR REPLACE INTO setting (key, value) VALUES ('audit-retention-days', :v)",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":v", value);
  return acu_store_step_done (store, stmt, error);
}

/* CNIL: an access log is kept from 6 months to 1 year; a site may keep it
 * from 30 days to 3 years */
gboolean
acu_audit_set_retention_days (AcuStore  *store,
                              int        days,
                              GError   **error)
{
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;
  if (days < 30 || days > 3 * 366)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Keep the audit log from 30 days to 3 years (the CNIL advises 6 months to 1 year)."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = write_retention_days (store, days, error)
       && acu_audit_record (store, "audit-retention", NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

/* Deletes the entries older than the retention; the number deleted, or
 * -1 on error. The store runs it when it opens. */
int
acu_audit_purge (AcuStore  *store,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - (gint64) acu_audit_get_retention_days (store) * 86400;

  stmt = acu_store_prepare (store, "DELETE FROM audit WHERE at < :limit", error);
  if (stmt == NULL)
    return -1;
  acu_sql_bind_int64 (stmt, ":limit", limit);
  if (!acu_store_step_done (store, stmt, error))
    return -1;
  if (sqlite3_changes (acu_store_get_db (store)) > 0)
    acu_store_changed (store, ACU_AREA_AUDIT);
  return sqlite3_changes (acu_store_get_db (store));
}
