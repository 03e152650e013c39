/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-store-internal.h"

/* Statements and transactions */

sqlite3 *
acu_store_get_db (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), NULL);
  return self->db;
}

/* Returns a cached statement, reset and with its bindings cleared. The
 * store owns it. */
sqlite3_stmt *
acu_store_prepare (AcuStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACU_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      acu_store_set_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
acu_store_step_done (AcuStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
acu_store_exec (AcuStore    *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  g_return_val_if_fail (ACU_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), message ? message : "—");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Nested calls become savepoints */
gboolean
acu_store_begin (AcuStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE;");
  else
    sql = g_strdup_printf ("SAVEPOINT acu_%u;", self->transaction_depth);

  if (!acu_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  g_array_set_size (self->changes, self->transaction_depth);
  return TRUE;
}

gboolean
acu_store_commit (AcuStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;
  AcuAreas changes;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT;");
  else
    sql = g_strdup_printf ("RELEASE acu_%u;", self->transaction_depth - 1);

  if (!acu_store_exec (self, sql, error))
    {
      acu_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  /* A savepoint's areas go to the enclosing level; the outermost
   * commit tells the pages */
  changes = g_array_index (self->changes, AcuAreas, self->transaction_depth);
  g_array_set_size (self->changes, self->transaction_depth);
  acu_store_changed (self, changes);
  return TRUE;
}

void
acu_store_rollback (AcuStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK;");
  else
    sql = g_strdup_printf ("ROLLBACK TO acu_%u; RELEASE acu_%u;",
                           self->transaction_depth - 1, self->transaction_depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->transaction_depth--;
  /* What was rolled back never happened: nobody is told */
  g_array_set_size (self->changes, self->transaction_depth);
}

/* A write names the areas it changed; the store tells the pages once
 * the outermost transaction commits, or at once outside a transaction */
void
acu_store_changed (AcuStore *self,
                   AcuAreas  areas)
{
  g_return_if_fail (ACU_IS_STORE (self));

  if (self->transaction_depth > 0)
    {
      g_array_index (self->changes, AcuAreas, self->transaction_depth - 1) |= areas;
      return;
    }
  for (guint bit = 1; areas != 0 && bit != 0; bit <<= 1)
    if (areas & bit)
      {
        areas &= ~bit;
        acu_store_emit_area (self, (AcuAreas) bit);
      }
}
