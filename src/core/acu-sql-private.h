/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "acu-store-private.h"

G_BEGIN_DECLS

/* For src/core modules only: how statements bind and how writes end.
 *
 * Parameters are bound by the name the SQL gives them (":household"),
 * never by position. A name the statement does not have is a
 * programmer error: g_critical, nothing bound. Text and blobs are
 * copied, so they need not outlive the call. */
void     acu_sql_bind_int64 (sqlite3_stmt  *stmt,
                             const char    *name,
                             gint64         value);
void     acu_sql_bind_int   (sqlite3_stmt  *stmt,
                             const char    *name,
                             int            value);
/* NULL binds NULL */
void     acu_sql_bind_text  (sqlite3_stmt  *stmt,
                             const char    *name,
                             const char    *text);
void     acu_sql_bind_blob  (sqlite3_stmt  *stmt,
                             const char    *name,
                             gconstpointer  data,
                             gsize          size);
void     acu_sql_bind_null  (sqlite3_stmt  *stmt,
                             const char    *name);
/* An optional reference: 0 binds NULL */
void     acu_sql_bind_id    (sqlite3_stmt  *stmt,
                             const char    *name,
                             gint64         id);

/* Prepares @sql, a write with one parameter :id, binds @id and runs it */
gboolean acu_sql_run_for_id (AcuStore    *store,
                             const char  *sql,
                             gint64       id,
                             GError     **error);

/* Ends a write begun with acu_store_begin(): commits when @ok, rolls
 * back otherwise (@error is then the failed step's). Returns whether it
 * committed: a failed commit has rolled back already. Every write reads
 *
 *   if (!acu_store_begin (store, error))
 *     return FALSE;
 *   ok = step_a (…) && step_b (…) && acu_audit_record (…);
 *   return acu_sql_finish (store, ok, error);
 */
gboolean acu_sql_finish (AcuStore  *store,
                         gboolean   ok,
                         GError   **error);

G_END_DECLS
