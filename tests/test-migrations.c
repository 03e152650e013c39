/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema's history: released migration files never change (their
 * SHA-256 in src/core/migrations/MANIFEST), a step in C runs inside its
 * version's transaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "acu-migrations-private.h"
#include "acu-store-private.h"
#include "acu-test-util.h"

#define MIGRATIONS_DIR ACU_TEST_SOURCE_DIR "/src/core/migrations"
#define MANIFEST_PATH  MIGRATIONS_DIR "/MANIFEST"

#define SITE     "Épicerie solidaire de Lectoure"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

/* Helpers */

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  return store;
}

static void
close_store (AcuStore *store)
{
  acu_store_close (store);
  g_object_unref (store);
}

static AcuStore *
open_store (const char *path,
            const char *person,
            const char *password)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_open (path, person, password, &error);

  ck_assert_msg (store != NULL, "open failed: %s", error ? error->message : "(no error)");
  return store;
}

static gboolean
table_exists (AcuStore   *store,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                                          name);

  return acu_test_query_int (store, sql) == 1;
}

static char *
query_text (AcuStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, &error);
  char *value;

  ck_assert_msg (stmt != NULL, "%s: %s", sql, error ? error->message : "");
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_ROW, "%s: no row", sql);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* The schema as sqlite_master holds it, one object a line, spaces and
 * quotes aside (SQLite versions quote a renamed table differently) */
static char *
describe_schema (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[\\s\"]+", 0, 0, NULL);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name", &error);
  ck_assert_ptr_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *flat = g_regex_replace_literal (spaces, sql ? sql : "", -1, 0, " ", 0, NULL);

      g_string_append_printf (out, "%s %s on %s: %s\n", sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2), flat);
    }
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

/* Manifest */

typedef struct
{
  int   version;
  char *name;
  char *sha256;
} ManifestLine;

static void
manifest_line_free (gpointer data)
{
  ManifestLine *line = data;

  g_free (line->name);
  g_free (line->sha256);
  g_free (line);
}

/* "VERSION  NAME  SHA256" a line; # starts a comment */
static GPtrArray *
read_manifest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *manifest = g_ptr_array_new_with_free_func (manifest_line_free);

  ck_assert_msg (g_file_get_contents (MANIFEST_PATH, &contents, NULL, &error),
                 "%s", error ? error->message : "");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      ManifestLine *line;
      char *end = NULL;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      ck_assert_msg (g_strv_length (fields) == 3, "MANIFEST line %u: “%s” is not “version name sha256”",
                     i + 1, lines[i]);
      line = g_new0 (ManifestLine, 1);
      line->version = g_ascii_strtoll (fields[0], &end, 10);
      ck_assert_msg (*end == '\0' && line->version > 0, "MANIFEST line %u: “%s” is not a version", i + 1, fields[0]);
      line->name = g_strdup (fields[1]);
      line->sha256 = g_ascii_strdown (fields[2], -1);
      g_ptr_array_add (manifest, line);
    }
  return manifest;
}

static const ManifestLine *
manifest_find (GPtrArray  *manifest,
               const char *name)
{
  for (guint i = 0; i < manifest->len; i++)
    {
      const ManifestLine *line = g_ptr_array_index (manifest, i);

      if (g_str_equal (line->name, name))
        return line;
    }
  return NULL;
}

/* The one place that ties the tests' schema version to the program's:
 * a new migration raises ACU_TEST_SCHEMA_VERSION, and needs the fixture
 * of the version before it (test_migrations_fixture_data) */
START_TEST (test_migrations_latest)
{
  ck_assert_msg (acu_store_get_latest_schema_version () == ACU_TEST_SCHEMA_VERSION,
                 "the program migrates to version %d, the tests expect %d: raise ACU_TEST_SCHEMA_VERSION "
                 "in tests/acu-test-util.h (HACKING.md, “How to add a migration”)",
                 acu_store_get_latest_schema_version (), ACU_TEST_SCHEMA_VERSION);
}
END_TEST

/* Every SQL file the program carries is in the manifest, with the same
 * bytes */
START_TEST (test_migrations_manifest)
{
  g_autoptr(GPtrArray) manifest = read_manifest ();
  int latest = acu_store_get_latest_schema_version ();
  guint with_sql = 0;

  for (int version = 1; version <= latest; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sum = NULL;
      const char *name = acu_migrations_get_sql_name (version);
      const ManifestLine *line;

      if (name == NULL)
        continue;
      with_sql++;
      bytes = acu_migrations_lookup_sql (version, &error);
      ck_assert_msg (bytes != NULL, "%s: %s", name, error ? error->message : "");
      sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      line = manifest_find (manifest, name);
      ck_assert_msg (line != NULL,
                     "%s has no line in src/core/migrations/MANIFEST: add “%d  %s  %s” in the commit "
                     "that adds the file (HACKING.md, “How to add a migration”)",
                     name, version, name, sum);
      ck_assert_msg (line->version == version, "MANIFEST gives %s the version %d, the program %d",
                     name, line->version, version);
      ck_assert_msg (g_str_equal (line->sha256, sum),
                     "%s is not the file that was released (SHA-256 %s, MANIFEST says %s): "
                     "released migrations are never edited: add a new one",
                     name, sum, line->sha256);
    }
  /* and nothing more: a line whose file went away is a lost version */
  ck_assert_msg (manifest->len == with_sql,
                 "MANIFEST lists %u migrations, the program carries %u SQL files: "
                 "a released migration is never removed", manifest->len, with_sql);
  ck_assert_uint_ge (with_sql, 4);
}
END_TEST

/* A file of src/core/migrations/ that the program does not carry (left
 * out of acu-core.gresource.xml or of the registry) is caught too */
START_TEST (test_migrations_manifest_files)
{
  g_autoptr(GPtrArray) manifest = read_manifest ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (MIGRATIONS_DIR, 0, &error);
  const char *name;
  guint files = 0;

  ck_assert_msg (dir != NULL, "%s", error ? error->message : "");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".sql"))
        continue;
      files++;
      ck_assert_msg (manifest_find (manifest, name) != NULL,
                     "src/core/migrations/%s has no line in MANIFEST (HACKING.md, “How to add a migration”)", name);
    }
  ck_assert_uint_eq (files, manifest->len);
}
END_TEST

/* Steps in C */

static int step_runs;

/* Runs inside the transaction of version 4, after its SQL, before the
 * new version is written */
static gboolean
step_checks_transaction (AcuStore  *store,
                         GError   **error)
{
  step_runs++;
  ck_assert_msg (!sqlite3_get_autocommit (acu_store_get_db (store)), "the step runs outside a transaction");
  ck_assert (table_exists (store, "visit_day_count"));
  ck_assert_int_eq (acu_test_query_int (store, "PRAGMA user_version"), 3);
  return acu_store_exec (store, "UPDATE site SET name = 'Site relu par le pas en C'", error);
}

static gboolean
step_fails (AcuStore  *store,
            GError   **error)
{
  step_runs++;
  ck_assert (acu_store_exec (store, "UPDATE site SET name = 'Jamais écrit'", NULL));
  g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED, "the step refuses");
  return FALSE;
}

static gboolean
step_alone (AcuStore  *store,
            GError   **error)
{
  step_runs++;
  ck_assert_int_eq (acu_test_query_int (store, "PRAGMA user_version"), ACU_TEST_SCHEMA_VERSION);
  return acu_store_exec (store, "INSERT INTO setting (key, value) VALUES ('from-a-step', 'yes')", error);
}

/* A database of version 3, made by today's migrations */
static void
make_version_3 (void)
{
  acu_migrations_set_limit_for_tests (3);
  close_store (create_store ());
  acu_migrations_set_limit_for_tests (0);
}

START_TEST (test_migrations_step_in_transaction)
{
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *site = NULL;

  make_version_3 ();
  acu_migrations_set_extra_step_for_tests (4, step_checks_transaction);
  step_runs = 0;
  store = open_store (acu_test_db_path, PERSON, PASSWORD);
  ck_assert_int_eq (step_runs, 1);
  ck_assert_int_eq (acu_store_get_schema_version (store), 4);
  site = query_text (store, "SELECT name FROM site");
  ck_assert_str_eq (site, "Site relu par le pas en C");
  close_store (g_steal_pointer (&store));

  /* Never twice */
  store = open_store (acu_test_db_path, PERSON, PASSWORD);
  ck_assert_int_eq (step_runs, 1);
  acu_migrations_set_extra_step_for_tests (4, NULL);
}
END_TEST

/* A failed step takes its version's SQL with it, and its own writes */
START_TEST (test_migrations_step_failure_rolls_back)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *site = NULL;

  make_version_3 ();
  acu_migrations_set_extra_step_for_tests (4, step_fails);
  step_runs = 0;
  store = acu_store_open (acu_test_db_path, PERSON, PASSWORD, &error);
  ck_assert_ptr_null (store);
  ck_assert_int_eq (step_runs, 1);
  /* The step's own error, with the version it stopped at */
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED);
  ck_assert_msg (strstr (error->message, "version 4") && strstr (error->message, "the step refuses"),
                 "%s", error->message);

  /* Still version 3, as version 3 made it */
  acu_migrations_set_extra_step_for_tests (4, NULL);
  acu_migrations_set_limit_for_tests (3);
  store = open_store (acu_test_db_path, PERSON, PASSWORD);
  ck_assert_int_eq (acu_test_query_int (store, "PRAGMA user_version"), 3);
  ck_assert (!table_exists (store, "visit_day_count"));
  ck_assert (!table_exists (store, "person_year"));
  ck_assert (!table_exists (store, "visit_reason_new"));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM sqlite_master "
                                               "WHERE name = 'visit_reason' AND sql LIKE '%day%'"), 0);
  site = query_text (store, "SELECT name FROM site");
  ck_assert_str_eq (site, SITE);
  before = describe_schema (store);
  close_store (g_steal_pointer (&store));

  /* and it migrates once the step is mended */
  acu_migrations_set_limit_for_tests (0);
  store = open_store (acu_test_db_path, PERSON, PASSWORD);
  ck_assert_int_eq (acu_store_get_schema_version (store), 4);
  after = describe_schema (store);
  ck_assert_str_ne (before, after);
}
END_TEST

/* A version may be a step in C alone; a database it made is then newer
 * than a program without it */
START_TEST (test_migrations_step_alone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *value = NULL;

  acu_migrations_set_extra_step_for_tests (ACU_TEST_SCHEMA_VERSION + 1, step_alone);
  ck_assert_int_eq (acu_store_get_latest_schema_version (), ACU_TEST_SCHEMA_VERSION + 1);
  ck_assert_ptr_null (acu_migrations_get_sql_name (ACU_TEST_SCHEMA_VERSION + 1));
  step_runs = 0;
  store = create_store ();
  ck_assert_int_eq (step_runs, 1);
  ck_assert_int_eq (acu_store_get_schema_version (store), ACU_TEST_SCHEMA_VERSION + 1);
  value = query_text (store, "SELECT value FROM setting WHERE key = 'from-a-step'");
  ck_assert_str_eq (value, "yes");
  close_store (g_steal_pointer (&store));

  acu_migrations_set_extra_step_for_tests (ACU_TEST_SCHEMA_VERSION + 1, NULL);
  ck_assert_int_eq (acu_store_get_latest_schema_version (), ACU_TEST_SCHEMA_VERSION);
  store = acu_store_open (acu_test_db_path, PERSON, PASSWORD, &error);
  ck_assert_ptr_null (store);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SCHEMA_TOO_NEW);
}
END_TEST

static Suite *
migrations_suite (void)
{
  Suite *suite = suite_create ("migrations");
  TCase *tc;

  tc = tcase_create ("history");
  tcase_add_test (tc, test_migrations_latest);
  tcase_add_test (tc, test_migrations_manifest);
  tcase_add_test (tc, test_migrations_manifest_files);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("steps", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_migrations_step_in_transaction);
  tcase_add_test (tc, test_migrations_step_failure_rolls_back);
  tcase_add_test (tc, test_migrations_step_alone);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (migrations_suite ());
}
