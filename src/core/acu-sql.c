/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-sql"

#include "config.h"

#include "acu-sql-private.h"

/* Binding by name: the SQL names each parameter once, and the code that
 * binds it says which one, so a column added to a statement cannot
 * shift the others. */

static int
parameter_index (sqlite3_stmt *stmt,
                 const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_critical ("The statement has no parameter “%s”: %s", name, sqlite3_sql (stmt));
  return index;
}

static void
check_bound (sqlite3_stmt *stmt,
             const char   *name,
             int           rc)
{
  if (rc != SQLITE_OK)
    g_critical ("Could not bind “%s” (%s): %s", name, sqlite3_errstr (rc), sqlite3_sql (stmt));
}

void
acu_sql_bind_int64 (sqlite3_stmt *stmt,
                    const char   *name,
                    gint64        value)
{
  int index = parameter_index (stmt, name);

  if (index != 0)
    check_bound (stmt, name, sqlite3_bind_int64 (stmt, index, value));
}

void
acu_sql_bind_int (sqlite3_stmt *stmt,
                  const char   *name,
                  int           value)
{
  acu_sql_bind_int64 (stmt, name, value);
}

void
acu_sql_bind_text (sqlite3_stmt *stmt,
                   const char   *name,
                   const char   *text)
{
  int index = parameter_index (stmt, name);

  if (index != 0)
    check_bound (stmt, name, text != NULL ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT)
                                          : sqlite3_bind_null (stmt, index));
}

void
acu_sql_bind_blob (sqlite3_stmt  *stmt,
                   const char    *name,
                   gconstpointer  data,
                   gsize          size)
{
  int index;

  g_return_if_fail (size <= G_MAXINT);

  index = parameter_index (stmt, name);
  if (index != 0)
    check_bound (stmt, name, sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT));
}

void
acu_sql_bind_null (sqlite3_stmt *stmt,
                   const char   *name)
{
  acu_sql_bind_text (stmt, name, NULL);
}

void
acu_sql_bind_id (sqlite3_stmt *stmt,
                 const char   *name,
                 gint64        id)
{
  if (id != 0)
    acu_sql_bind_int64 (stmt, name, id);
  else
    acu_sql_bind_null (stmt, name);
}

gboolean
acu_sql_run_for_id (AcuStore    *store,
                    const char  *sql,
                    gint64       id,
                    GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", id);
  return acu_store_step_done (store, stmt, error);
}

/* One way to end a write */
gboolean
acu_sql_finish (AcuStore  *store,
                gboolean   ok,
                GError   **error)
{
  if (!ok)
    {
      acu_store_rollback (store);
      return FALSE;
    }
  return acu_store_commit (store, error);
}
