/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema's history: released migration files never change (their
 * SHA-256 in src/core/migrations/MANIFEST), a step in C runs inside its
 * version's transaction, and a real database of every earlier version
 * (tests/fixtures/, made once by tests/fixtures/make-fixtures.c) opens,
 * migrates and keeps its data. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "acu-confidential.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-migrations-private.h"
#include "acu-people.h"
#include "acu-store-private.h"
#include "acu-test-util.h"

#define MIGRATIONS_DIR ACU_TEST_SOURCE_DIR "/src/core/migrations"
#define MANIFEST_PATH  MIGRATIONS_DIR "/MANIFEST"
#define FIXTURES_DIR   ACU_TEST_SOURCE_DIR "/tests/fixtures"

/* The fixtures' site, person and password (tests/fixtures/README.md) */
#define FIXTURE_SITE     "Tiers-lieu de Lectoure"
#define FIXTURE_PERSON   "Hélène Martin"
#define FIXTURE_PASSWORD "Fixture#Lectoure-2025"
#define FIXTURE_PIN      "4821"
#define FIXTURE_NOTE     "Dossier FSL déposé le 4 mars ; relance prévue en avril."

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

/* The first line of @a that @b lacks, cut short; NULL if none */
static char *
first_line_missing (const char *a,
                    const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i] != NULL; i++)
    if (*la[i] != '\0' && !g_strv_contains ((const char *const *) lb, la[i]))
      return g_utf8_substring (la[i], 0, MIN (g_utf8_strlen (la[i], -1), 160));
  return NULL;
}

/* What one schema has that the other has not */
static char *
describe_difference (const char *kept,
                     const char *today)
{
  g_autofree char *only_kept = first_line_missing (kept, today);
  g_autofree char *only_today = first_line_missing (today, kept);

  return g_strdup_printf ("only in the fixture: “%s”; only in today's: “%s”",
                          only_kept ? only_kept : "nothing", only_today ? only_today : "nothing");
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
  ck_assert_int_eq (acu_store_get_schema_version (store), ACU_TEST_SCHEMA_VERSION);
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
  ck_assert_int_eq (acu_store_get_schema_version (store), ACU_TEST_SCHEMA_VERSION);
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

/* Fixtures */

static char *
fixture_path (int version)
{
  return g_strdup_printf (FIXTURES_DIR "/schema-%d.acuelh", version);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  ck_assert_msg (g_file_get_contents (from, &contents, &len, &error), "%s", error ? error->message : "");
  ck_assert_msg (g_file_set_contents (to, contents, len, &error), "%s", error ? error->message : "");
}

/* Opening migrates: the committed file is copied first, with its key
 * file, and is left as it was */
static char *
copy_fixture (int version)
{
  g_autofree char *from = fixture_path (version);
  g_autofree char *from_keys = g_strconcat (from, "-keys", NULL);
  g_autofree char *name = g_path_get_basename (from);
  char *to = g_build_filename (acu_test_dir, name, NULL);
  g_autofree char *to_keys = g_strconcat (to, "-keys", NULL);

  ck_assert_msg (g_file_test (from, G_FILE_TEST_IS_REGULAR),
                 "tests/fixtures/schema-%d.acuelh is missing: every version before the newest keeps a database "
                 "made by “make-fixtures %d” (HACKING.md, “How to add a migration”)", version, version);
  ck_assert_msg (g_file_test (from_keys, G_FILE_TEST_IS_REGULAR),
                 "tests/fixtures/schema-%d.acuelh-keys is missing", version);
  copy_file (from, to);
  copy_file (from_keys, to_keys);
  return to;
}

/* The fixture has the schema today's migrations build at its version:
 * an edited released file is caught here too, even with its MANIFEST
 * line changed along */
START_TEST (test_migrations_fixture_schema)
{
  int version = _i;
  g_autofree char *path = copy_fixture (version);
  g_autofree char *original = fixture_path (version);
  g_autofree char *sum_before = acu_test_file_checksum (original);
  g_autofree char *sum_after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *today = NULL;
  g_autofree char *difference = NULL;
  AcuStore *store;

  acu_migrations_set_limit_for_tests (version);
  store = open_store (path, FIXTURE_PERSON, FIXTURE_PASSWORD);
  ck_assert_int_eq (acu_test_query_int (store, "PRAGMA user_version"), version);
  kept = describe_schema (store);
  close_store (store);

  store = create_store ();
  today = describe_schema (store);
  close_store (store);
  acu_migrations_set_limit_for_tests (0);

  difference = describe_difference (kept, today);
  ck_assert_msg (g_str_equal (kept, today),
                 "tests/fixtures/schema-%d.acuelh differs from the schema migrations 1 to %d build today: %s. "
                 "Released migrations are never edited: add a new one.", version, version, difference);

  sum_after = acu_test_file_checksum (original);
  ck_assert_str_eq (sum_before, sum_after);
}
END_TEST

static void
assert_count (AcuStore   *store,
              gint64      expected,
              const char *sql)
{
  gint64 value = acu_test_query_int (store, sql);

  ck_assert_msg (value == expected, "%s: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, sql, value, expected);
}

static void
assert_text (AcuStore   *store,
             const char *expected,
             const char *sql)
{
  g_autofree char *value = query_text (store, sql);

  ck_assert_msg (g_strcmp0 (value, expected) == 0, "%s: “%s”, expected “%s”", sql, value, expected);
}

static void
assert_search (AcuStore   *store,
               const char *query,
               guint       n,
               gint64      first_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = acu_people_search (store, query, 0, 10, &error);

  ck_assert_msg (found != NULL, "%s", error ? error->message : "");
  ck_assert_msg (found->len == n, "“%s” finds %u persons, expected %u", query, found->len, n);
  if (n > 0)
    ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (found, 0)), first_id);
}

/* What make-fixtures.c wrote: version 1, the people of the desk */
static void
check_desk_people (AcuStore *store,
                   int       version)
{
  assert_text (store, FIXTURE_SITE, "SELECT name FROM site");
  assert_text (store, FIXTURE_PERSON, "SELECT created_by FROM site");
  assert_count (store, 4, "SELECT count(*) FROM desk_person");
  assert_text (store, "Jean Dupuy", "SELECT display_name FROM desk_person WHERE id = 2 AND role = 'volunteer'");
  assert_text (store, "Karim Benali", "SELECT display_name FROM desk_person WHERE id = 3 AND role = 'staff'");
  assert_count (store, 0, "SELECT active FROM desk_person WHERE display_name = 'Paul Durand'");
  assert_count (store, 1, "SELECT count(*) FROM desk_person WHERE key_slot IS NOT NULL");
  /* 3 gives every person a PIN column; only Jean Dupuy had one */
  assert_count (store, version >= 3 ? 1 : 0, "SELECT count(*) FROM desk_person WHERE pin_hash IS NOT NULL");
  assert_count (store, 0, "SELECT sum (pin_failures) FROM desk_person");
}

/* Version 2: lists, people, visits; 3: who wrote them */
static void
check_people (AcuStore *store,
              int       version)
{
  if (version < 2)
    {
      /* The lists as migration 2 writes them, nothing else */
      assert_count (store, 10, "SELECT count(*) FROM reason");
      assert_count (store, 30, "SELECT count(*) FROM commune");
      assert_count (store, 0, "SELECT count(*) FROM reason WHERE hidden = 1");
      assert_count (store, 0, "SELECT count(*) FROM household");
      assert_count (store, 0, "SELECT count(*) FROM person");
      assert_count (store, 0, "SELECT count(*) FROM visit");
      return;
    }

  assert_count (store, 11, "SELECT count(*) FROM reason");
  assert_text (store, "Jardin partagé", "SELECT label FROM reason WHERE id = 11 AND code IS NULL");
  assert_text (store, "workshop", "SELECT code FROM reason WHERE hidden = 1");
  assert_text (store, "Secours populaire du Gers", "SELECT label FROM referral_partner WHERE id = 2");
  assert_count (store, 15, "SELECT count(*) FROM referral_partner");
  assert_count (store, 31, "SELECT count(*) FROM commune");
  assert_text (store, "Terraube", "SELECT label FROM commune WHERE id = 31");

  assert_count (store, 3, "SELECT count(*) FROM household");
  assert_text (store, "12 rue Nationale", "SELECT address FROM household WHERE id = 1");
  assert_count (store, 31, "SELECT commune_id FROM household WHERE id = 3");
  assert_count (store, 5, "SELECT count(*) FROM person");
  assert_count (store, 2, "SELECT count(*) FROM person WHERE household_id = 2");
  assert_text (store, "Łukasz", "SELECT first_name FROM person WHERE id = 3");
  assert_text (store, "Nguyễn", "SELECT last_name FROM person WHERE id = 4");
  assert_text (store, "1955", "SELECT birth_date FROM person WHERE id = 2");
  assert_count (store, version >= 3 ? 5 : 0, "SELECT count(*) FROM person WHERE created_by = 1");
  assert_count (store, version >= 3 ? 3 : 0, "SELECT count(*) FROM household WHERE created_by = 1");

  /* Search reads person_word: 2 + 2 + 2 + 3 + 4 words */
  assert_count (store, 13, "SELECT count(*) FROM person_word");
  assert_search (store, "nguy", 1, 4);
  assert_search (store, "lukasz", 1, 3);
  assert_search (store, "mart", 1, 5);
  assert_search (store, "sempe", 2, 1);
}

/* Version 2's visits, and the counts version 4 keeps of them: counted by
 * hand from write_visits () in make-fixtures.c */
static void
check_visits (AcuStore *store,
              int       version)
{
  if (version < 2)
    {
      assert_count (store, 0, "SELECT count(*) FROM visit_day_count");
      assert_count (store, 0, "SELECT count(*) FROM person_year");
      return;
    }

  assert_count (store, 8, "SELECT count(*) FROM visit");
  assert_count (store, 2, "SELECT count(*) FROM visit WHERE person_id IS NULL");
  assert_count (store, 10, "SELECT count(*) FROM visit_reason");
  /* 4: a visit's reasons carry its day */
  assert_count (store, 0, "SELECT count(*) FROM visit_reason WHERE day IS NULL");
  assert_count (store, 2, "SELECT count(*) FROM visit_reason WHERE day = '2025-12-31'");
  assert_count (store, 4, "SELECT count(*) FROM visit_reason WHERE day = '2025-03-04'");

  /* 33 rows: all 4, identified 4, hour 6, reason 10, partner 3, and 2
   * each for the anonymous commune, gender and age */
  assert_count (store, 33, "SELECT count(*) FROM visit_day_count");
  assert_count (store, 8, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'all'");
  assert_count (store, 3, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'all'");
  assert_count (store, 2, "SELECT visits FROM visit_day_count WHERE day = '2025-03-06' AND dimension = 'all'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-12-31' AND dimension = 'all'");
  assert_count (store, 2, "SELECT visits FROM visit_day_count WHERE day = '2026-01-08' AND dimension = 'all'");
  assert_count (store, 2, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'identified'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-06' AND dimension = 'identified'");
  assert_count (store, 6, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'identified'");
  assert_count (store, 2, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'hour' "
                          "AND key = '14'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'hour' "
                          "AND key = '09'");
  assert_count (store, 2, "SELECT visits FROM visit_day_count WHERE day = '2025-03-06' AND dimension = 'hour' "
                          "AND key = '10'");
  assert_count (store, 6, "SELECT count(*) FROM visit_day_count WHERE dimension = 'hour'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'reason' "
                          "AND key = 1");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2026-01-08' AND dimension = 'reason' "
                          "AND key = 11");
  assert_count (store, 3, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'reason' AND key = 1");
  assert_count (store, 2, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'reason' AND key = 8");
  assert_count (store, 10, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'reason'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' AND dimension = 'partner' "
                          "AND key = 1");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-12-31' AND dimension = 'partner' "
                          "AND key = 7");
  assert_count (store, 3, "SELECT sum (visits) FROM visit_day_count WHERE dimension = 'partner'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' "
                          "AND dimension = 'anon-commune' AND key = 12");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-06' "
                          "AND dimension = 'anon-commune' AND key = ''");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' "
                          "AND dimension = 'anon-gender' AND key = 'woman'");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-06' "
                          "AND dimension = 'anon-gender' AND key = ''");
  assert_count (store, 1, "SELECT visits FROM visit_day_count WHERE day = '2025-03-04' "
                          "AND dimension = 'anon-age' AND key = '65+'");

  /* Jeanne Sempé came twice in 2025 and once in 2026 */
  assert_count (store, 5, "SELECT count(*) FROM person_year");
  assert_count (store, 2, "SELECT visits FROM person_year WHERE year = 2025 AND person_id = 1");
  assert_count (store, 1, "SELECT visits FROM person_year WHERE year = 2026 AND person_id = 1");
  assert_count (store, 1, "SELECT visits FROM person_year WHERE year = 2025 AND person_id = 3");
  assert_count (store, 1, "SELECT visits FROM person_year WHERE year = 2025 AND person_id = 4");
  assert_count (store, 1, "SELECT visits FROM person_year WHERE year = 2026 AND person_id = 5");
  assert_count (store, 3, "SELECT count(*) FROM person_year WHERE year = 2025");
}

/* Version 3: the audit log, the confidential note, a PIN */
static void
check_access (AcuStore *store,
              int       version)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;

  if (version < 3)
    {
      /* Made by migration 3: this opening alone, the default retention */
      assert_count (store, 1, "SELECT count(*) FROM audit");
      assert_count (store, 1, "SELECT count(*) FROM audit WHERE action = 'desk-open'");
      assert_count (store, 365, "SELECT value FROM setting WHERE key = 'audit-retention-days'");
      assert_count (store, 0, "SELECT count(*) FROM confidential_note");
      return;
    }

  /* Made: opened, 3 entries, a note written, closed; then this opening */
  assert_count (store, 7, "SELECT count(*) FROM audit");
  assert_count (store, 2, "SELECT count(*) FROM audit WHERE action = 'desk-open'");
  assert_count (store, 1, "SELECT count(*) FROM audit WHERE action = 'desk-close'");
  assert_count (store, 1, "SELECT count(*) FROM audit WHERE action = 'confidential-write' "
                          "AND object = 'household 1' AND person_id = 1");
  assert_count (store, 2, "SELECT person_id FROM audit WHERE action = 'person-add' AND object = 'person 3' "
                          "AND at = 1741093200");
  assert_count (store, 36500, "SELECT value FROM setting WHERE key = 'audit-retention-days'");

  assert_count (store, 1, "SELECT count(*) FROM confidential_note WHERE household_id = 1 AND written_by = 1");
  notes = acu_confidential_read (store, 1, &error);
  ck_assert_msg (notes != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_strv_length (notes), 1);
  ck_assert_str_eq (notes[0], FIXTURE_NOTE);

  /* Last: Jean Dupuy's PIN identifies him, and the coordinator is gone */
  ck_assert_msg (acu_store_identify_with_pin (store, 2, FIXTURE_PIN, &error), "%s", error ? error->message : "");
  ck_assert_str_eq (acu_store_get_person_name (store), "Jean Dupuy");
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);
}

/* Version 5's food aid (write_food () in make-fixtures.c), the goods of
 * version 7, and the name
 * version 6 lists each access record under: the household's first member
 * by name, folded */
static void
check_food (AcuStore *store,
            int       version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parcel = NULL;
  g_autoptr(GPtrArray) grocery = NULL;
  AcuFoodExpected *row;

  /* Migration 5's nine categories of food aid, migration 7's fourteen of
   * clothes and goods, and the three places, whatever the version */
  assert_count (store, 23, "SELECT count(*) FROM goods_category");
  assert_count (store, 14, "SELECT count(*) FROM goods_category WHERE kind NOT IN ('food', 'hygiene')");
  assert_text (store, "vestiaire", "SELECT code FROM goods_place WHERE id = 2");
  assert_count (store, 3, "SELECT count(*) FROM goods_place");

  if (version < 5)
    {
      assert_count (store, 0, "SELECT count(*) FROM food_access");
      assert_count (store, 0, "SELECT count(*) FROM goods_movement");
      assert_count (store, 0, "SELECT count(*) FROM goods_stock");
      return;
    }

  assert_count (store, 3, "SELECT count(*) FROM food_access");
  assert_text (store, "sempe jeanne", "SELECT sort_key FROM food_access WHERE id = 1");
  assert_text (store, "sempe jeanne", "SELECT sort_key FROM food_access WHERE id = 2");
  assert_text (store, "nguyen thi lan", "SELECT sort_key FROM food_access WHERE id = 3");
  assert_text (store, "precarious", "SELECT housing FROM household WHERE id = 2");

  /* 120 kg of starchy food in, 6 kg out; 40 kg of dairy in, 3 kg out */
  assert_count (store, 4, "SELECT count(*) FROM goods_movement");
  assert_count (store, 114000, "SELECT grams FROM goods_stock WHERE category_id = 2");
  assert_count (store, 37000, "SELECT grams FROM goods_stock WHERE category_id = 3");
  assert_count (store, 1, "SELECT services FROM food_day_count WHERE day = '2026-01-13' AND mode = 'parcel'");
  assert_count (store, 200, "SELECT paid_cents FROM food_day_count WHERE day = '2026-01-13'");
  assert_count (store, 2, "SELECT count(*) FROM food_person_year WHERE year = 2026");

  /* The day's lists, from the index version 6 made */
  parcel = acu_food_day_expected (store, "2026-01-13", ACU_FOOD_MODE_PARCEL, 0, 10, &error);
  ck_assert_msg (parcel != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (parcel->len, 1);
  row = g_ptr_array_index (parcel, 0);
  ck_assert_int_eq (acu_food_expected_get_household_id (row), 1);
  ck_assert_int_eq (acu_food_expected_get_person_id (row), 1);
  ck_assert_uint_eq (acu_food_expected_get_served (row), 1);
  ck_assert (acu_food_expected_get_served_today (row));
  grocery = acu_food_day_expected (store, "2026-01-13", ACU_FOOD_MODE_GROCERY, 0, 10, &error);
  ck_assert_msg (grocery != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (grocery->len, 1);
  ck_assert_int_eq (acu_food_expected_get_person_id (g_ptr_array_index (grocery, 0)), 4);
}

/* Each fixture (_i is its version) opens with its password, reaches the
 * newest version, passes the integrity check and keeps its data. Every
 * version but the newest must have one: adding a migration without the
 * database of the version before it fails here. */
START_TEST (test_migrations_fixture_data)
{
  g_autoptr(GError) error = NULL;
  int version = _i;
  g_autofree char *original = fixture_path (version);
  g_autofree char *path = copy_fixture (version);
  g_autofree char *sum_before = acu_test_file_checksum (original);
  g_autofree char *sum_after = NULL;
  g_autoptr(AcuStore) store = NULL;

  store = open_store (path, FIXTURE_PERSON, FIXTURE_PASSWORD);
  ck_assert_int_eq (acu_store_get_schema_version (store), ACU_TEST_SCHEMA_VERSION);
  assert_count (store, ACU_TEST_SCHEMA_VERSION, "PRAGMA user_version");
  ck_assert_msg (acu_store_check_integrity (store, &error), "%s", error ? error->message : "");
  ck_assert_str_eq (acu_store_get_site_name (store), FIXTURE_SITE);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_COORDINATOR);

  check_desk_people (store, version);
  check_people (store, version);
  check_visits (store, version);
  check_food (store, version);
  check_access (store, version);
  close_store (g_steal_pointer (&store));

  /* Migrated once: it opens again as it is */
  store = open_store (path, FIXTURE_PERSON, FIXTURE_PASSWORD);
  ck_assert_int_eq (acu_store_get_schema_version (store), ACU_TEST_SCHEMA_VERSION);

  sum_after = acu_test_file_checksum (original);
  ck_assert_str_eq (sum_before, sum_after);
}
END_TEST

static Suite *
migrations_suite (void)
{
  Suite *suite = suite_create ("migrations");
  g_autofree char *newest = fixture_path (acu_store_get_latest_schema_version ());
  int fixtures_end;
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

  /* Versions 1 to the one before the newest must have a fixture; the
   * newest is checked too once its fixture is made */
  fixtures_end = acu_store_get_latest_schema_version () + (g_file_test (newest, G_FILE_TEST_EXISTS) ? 1 : 0);
  tc = acu_test_tcase_new ("fixtures", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_loop_test (tc, test_migrations_fixture_schema, 1, fixtures_end);
  tcase_add_loop_test (tc, test_migrations_fixture_data, 1, fixtures_end);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (migrations_suite ());
}
