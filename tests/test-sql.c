/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <check.h>
#include <glib.h>

#include "acu-audit.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"
#include "acu-test-changes.h"
#include "acu-test-util.h"

#define SITE     "Tiers-lieu de Lectoure"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

#define INSERT_ROW "INSERT INTO t (a, b, c, d, e, f) VALUES (:a, :b, :c, :d, :e, :f)"
#define INSERT_VOLUNTEER \
  "INSERT INTO desk_person (display_name, role, created_at) VALUES ('Anne Roux', 'volunteer', 0)"
#define COUNT_VOLUNTEER "SELECT count (*) FROM desk_person WHERE display_name = 'Anne Roux'"

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  return store;
}

static void
exec_ok (AcuStore   *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_exec (store, sql, &error), "%s: %s", sql, error ? error->message : "");
}

static sqlite3_stmt *
prepare_ok (AcuStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, &error);

  ck_assert_msg (stmt != NULL, "%s: %s", sql, error ? error->message : "");
  return stmt;
}

static void
step_ok (AcuStore     *store,
         sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_step_done (store, stmt, &error), "step: %s", error ? error->message : "");
}

/* Row @id of t, as text: "a|b|c|hex (d)|e|f", NULL columns as "NULL" */
static char *
read_row (AcuStore *store,
          gint64    id)
{
  sqlite3_stmt *stmt = prepare_ok (store,
                                   "SELECT ifnull (a, 'NULL') || '|' || ifnull (b, 'NULL') || '|' || "
                                   "ifnull (c, 'NULL') || '|' || CASE WHEN d IS NULL THEN 'NULL' ELSE hex (d) END || '|' || "
                                   "ifnull (e, 'NULL') || '|' || ifnull (f, 'NULL') FROM t WHERE rowid = :id");
  char *row = NULL;

  acu_sql_bind_int64 (stmt, ":id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return row;
}

START_TEST (test_sql_bind_by_name)
{
  AcuStore *store = create_store ();
  static const guint8 blob[] = { 0x01, 0x00, 0xfe };
  g_autofree char *text = g_strdup ("Lectoure");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  sqlite3_stmt *stmt;

  exec_ok (store, "CREATE TEMP TABLE t (a, b, c, d, e, f)");

  /* Bound in another order than the SQL's: each lands on its own name */
  stmt = prepare_ok (store, INSERT_ROW);
  acu_sql_bind_id (stmt, ":f", 0);
  acu_sql_bind_id (stmt, ":e", 42);
  acu_sql_bind_blob (stmt, ":d", blob, sizeof blob);
  acu_sql_bind_int (stmt, ":c", -7);
  acu_sql_bind_text (stmt, ":b", text);
  acu_sql_bind_int64 (stmt, ":a", G_GINT64_CONSTANT (5000000000));
  /* Text is copied: the buffer may change before the step */
  strcpy (text, "XXXXXXXX");
  step_ok (store, stmt);

  /* NULL text binds NULL, and so does bind_null; unbound ones are NULL */
  stmt = prepare_ok (store, INSERT_ROW);
  acu_sql_bind_text (stmt, ":b", NULL);
  acu_sql_bind_null (stmt, ":c");
  acu_sql_bind_int64 (stmt, ":e", 0);
  acu_sql_bind_text (stmt, ":f", "Auch");
  step_ok (store, stmt);

  first = read_row (store, 1);
  second = read_row (store, 2);
  ck_assert_str_eq (first, "5000000000|Lectoure|-7|0100FE|42|NULL");
  ck_assert_str_eq (second, "NULL|NULL|NULL|NULL|0|Auch");

  acu_store_close (store);
  g_object_unref (store);
}
END_TEST

static void
count_critical_cb (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        user_data)
{
  guint *count = user_data;

  if (strstr (message, "“:nowhere”") != NULL)
    (*count)++;
}

START_TEST (test_sql_bind_unknown_name)
{
  AcuStore *store = create_store ();
  g_autofree char *row = NULL;
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  guint criticals = 0;
  guint handler;
  sqlite3_stmt *stmt;

  exec_ok (store, "CREATE TEMP TABLE t (a, b, c, d, e, f)");
  handler = g_log_set_handler ("acu-sql", G_LOG_LEVEL_CRITICAL, count_critical_cb, &criticals);

  /* A name the statement does not have is said loudly, and binds nothing */
  stmt = prepare_ok (store, INSERT_ROW);
  acu_sql_bind_int (stmt, ":nowhere", 1);
  acu_sql_bind_text (stmt, ":nowhere", "x");
  acu_sql_bind_int (stmt, ":a", 1);
  step_ok (store, stmt);
  ck_assert_uint_eq (criticals, 2);
  row = read_row (store, 1);
  ck_assert_str_eq (row, "1|NULL|NULL|NULL|NULL|NULL");

  g_log_remove_handler ("acu-sql", handler);
  g_log_set_always_fatal (fatal);
  acu_store_close (store);
  g_object_unref (store);
}
END_TEST

START_TEST (test_sql_finish)
{
  AcuStore *store = create_store ();
  g_autoptr(AcuChangeLog) log = acu_change_log_new (store);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = acu_store_get_db (store);

  /* @ok FALSE: rolled back, nobody told, the transaction closed */
  ck_assert (acu_store_begin (store, &error));
  exec_ok (store, INSERT_VOLUNTEER);
  ck_assert (acu_audit_record (store, "user-added", "desk_person", 2, &error));
  ck_assert (!acu_sql_finish (store, FALSE, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_test_query_int (store, COUNT_VOLUNTEER), 0);
  ck_assert_int_ne (sqlite3_get_autocommit (db), 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);

  /* @ok TRUE: committed, told once */
  ck_assert (acu_store_begin (store, &error));
  exec_ok (store, INSERT_VOLUNTEER);
  ck_assert (acu_audit_record (store, "user-added", "desk_person", 2, &error));
  ck_assert (acu_sql_finish (store, TRUE, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_test_query_int (store, COUNT_VOLUNTEER), 1);
  ck_assert_int_ne (sqlite3_get_autocommit (db), 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);

  /* Nested: the inner rollback keeps the outer work */
  ck_assert (acu_store_begin (store, &error));
  exec_ok (store, "UPDATE desk_person SET display_name = 'Anne Roux-Petit' WHERE display_name = 'Anne Roux'");
  ck_assert (acu_store_begin (store, &error));
  exec_ok (store, INSERT_VOLUNTEER);
  ck_assert (!acu_sql_finish (store, FALSE, &error));
  ck_assert (acu_sql_finish (store, TRUE, &error));
  ck_assert_int_eq (acu_test_query_int (store, COUNT_VOLUNTEER), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM desk_person "
                                               "WHERE display_name = 'Anne Roux-Petit'"), 1);

  g_clear_pointer (&log, acu_change_log_free);
  acu_store_close (store);
  g_object_unref (store);
}
END_TEST

static Suite *
sql_suite (void)
{
  Suite *suite = suite_create ("sql");
  TCase *tc;

  tc = acu_test_tcase_new ("sql", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_sql_bind_by_name);
  tcase_add_test (tc, test_sql_bind_unknown_name);
  tcase_add_test (tc, test_sql_finish);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (sql_suite ());
}
