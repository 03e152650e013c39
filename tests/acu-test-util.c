/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-key-file.h"
#include "acu-desk-people.h"
#include "acu-store-private.h"
#include "acu-test-util.h"

char *
acu_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("acuelh-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
acu_test_tmpdir_free (char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

char *
acu_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

void
acu_test_use_fast_kdf (void)
{
  acu_key_file_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  acu_desk_people_set_pin_limits_for_tests ();
}

static char *test_root;

void
acu_test_root_setup (void)
{
  test_root = acu_test_tmpdir_new ();
}

void
acu_test_root_teardown (void)
{
  g_autoptr(GDir) dir = g_dir_open (test_root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    acu_test_tmpdir_free (g_build_filename (test_root, name, NULL));
  g_clear_pointer (&test_root, acu_test_tmpdir_free);
}

char *
acu_test_folder_new (void)
{
  char *path = g_build_filename (test_root, "test-XXXXXX", NULL);

  ck_assert_ptr_nonnull (g_mkdtemp (path));
  return path;
}

int
acu_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failures;

  srunner_run_all (runner, CK_SILENT);
  failures = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

gint64
acu_test_query_int (gpointer    store,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, &error);
  gint64 value;
  int rc;

  ck_assert_msg (stmt != NULL, "%s: %s", sql, error ? error->message : "");
  rc = sqlite3_step (stmt);
  ck_assert_msg (rc == SQLITE_ROW, "%s: no row (%d)", sql, rc);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

TCase *
acu_test_tcase_new (const char *name,
                    SFun        setup,
                    SFun        teardown)
{
  TCase *tc = tcase_create (name);

  tcase_set_timeout (tc, 120);
  tcase_add_unchecked_fixture (tc, acu_test_root_setup, acu_test_root_teardown);
  tcase_add_checked_fixture (tc, setup, teardown);
  return tc;
}

char *acu_test_dir;
char *acu_test_db_path;

void
acu_test_db_setup (void)
{
  acu_test_dir = acu_test_folder_new ();
  acu_test_db_path = g_build_filename (acu_test_dir, "lectoure.acuelh", NULL);
}

void
acu_test_db_teardown (void)
{
  g_clear_pointer (&acu_test_db_path, g_free);
  g_clear_pointer (&acu_test_dir, acu_test_tmpdir_free);
}
