/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <glib.h>

G_BEGIN_DECLS

/* The schema version the tests expect: raised with each new migration.
 * Compared with acu_store_get_latest_schema_version() in one place only,
 * test_migrations_latest in tests/test-migrations.c. */
#define ACU_TEST_SCHEMA_VERSION 7

/* A fresh temporary folder, removed with its files by acu_test_tmpdir_free */
char  *acu_test_tmpdir_new (void);
void   acu_test_tmpdir_free (char *dir);

/* SHA-256 of a file's bytes, hex; NULL if it cannot be read */
char  *acu_test_file_checksum (const char *path);

/* Fixtures for Check: the parent process owns one folder per test case
 * (an unchecked fixture); each test, run in its own child, makes a fresh
 * folder inside it. A failed assertion ends the child before its teardown,
 * so the parent's teardown removes whatever is left. */
void   acu_test_root_setup (void);
void   acu_test_root_teardown (void);
char  *acu_test_folder_new (void);

#define ACU_ASSERT_ERROR(err, dom, cod)                                     \
  G_STMT_START {                                                            \
    ck_assert_msg ((err) != NULL, "expected error %d, got none", (cod));    \
    ck_assert_msg (g_error_matches ((err), (dom), (cod)),                   \
                   "expected %s %d, got %s %d: %s",                         \
                   g_quark_to_string (dom), (cod),                          \
                   g_quark_to_string ((err)->domain), (err)->code,          \
                   (err)->message);                                         \
  } G_STMT_END

/* Runs @suite (TAP on stdout through CK_TAP_LOG_FILE_NAME=-), frees it,
 * and returns the exit status for main() */
int    acu_test_run (Suite *suite);

/* Argon2id at libsodium's minimum limits: unit tests create many slots */
void   acu_test_use_fast_kdf (void);

/* A checked fixture: a fresh folder for each test, and the path of a
 * database in it (not created) */
extern char *acu_test_dir;
extern char *acu_test_db_path;
void   acu_test_db_setup (void);
void   acu_test_db_teardown (void);

/* The first column of the first row of @sql, on the store's connection */
gint64 acu_test_query_int (gpointer    store,
                           const char *sql);

/* A test case with the root folder fixture and @setup/@teardown around
 * each test */
TCase *acu_test_tcase_new (const char  *name,
                           SFun         setup,
                           SFun         teardown);

G_END_DECLS
