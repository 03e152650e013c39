/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-core-resources.h"
#include "acu-migrations-private.h"
#include "acu-store-private.h"

#define MIGRATIONS_PATH "/io/github/acuelh/Acuelh/core/migrations"

typedef struct
{
  int               version;
  const char       *sql;     /* a file of src/core/migrations/, or NULL */
  AcuMigrationStep  step;    /* run after the SQL, or NULL */
} Migration;

/* The schema's history, one line per version, in order. A released
 * version never changes: its SQL file is listed with its SHA-256 in
 * src/core/migrations/MANIFEST (tests/test-migrations.c compares them),
 * and a database of it is kept in tests/fixtures/. A change to the schema
 * or to the data is a new line. See HACKING.md, "How to add a migration". */
static const Migration registry[] = {
  { 1, "0001-initial.sql", NULL },
  { 2, "0002-reception.sql", NULL },
  { 3, "0003-access.sql", NULL },
  { 4, "0004-report.sql", NULL },
  { 5, "0005-food.sql", NULL },
  { 6, "0006-food-expected.sql", NULL },
  { 7, "0007-goods.sql", NULL },
};

/* Tests make databases of an earlier version, and add steps in C */
static int limit_for_tests;
static int extra_version_for_tests;
static AcuMigrationStep extra_step_for_tests;

/* The registry and the files the program carries agree: numbered from 1
 * without gaps, each file of the resource folder on the line of its
 * number. A mismatch is the developer's mistake, caught by any test. */
static void
ensure_registry (void)
{
  static gsize checked = 0;
  g_auto(GStrv) names = NULL;

  if (!g_once_init_enter (&checked))
    return;

  acu_core_register_resource ();
  for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
    {
      const Migration *m = &registry[i];

      if (m->version != (int) i + 1)
        g_error ("Migrations must be numbered 1, 2, 3... without gaps: line %u is version %d", i + 1, m->version);
      if (m->sql == NULL && m->step == NULL)
        g_error ("Migration %d has neither an SQL file nor a step", m->version);
    }

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  if (names == NULL)
    g_error ("No migrations in the resources: see acu-core.gresource.xml");
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 version = g_ascii_strtoll (names[i], &end, 10);

      if (version <= 0 || end == names[i] || *end != '-' || !g_str_has_suffix (names[i], ".sql"))
        g_error ("Badly named migration %s", names[i]);
      if (version > (gint64) G_N_ELEMENTS (registry)
          || g_strcmp0 (registry[version - 1].sql, names[i]) != 0)
        g_error ("Migration %s is not on line %" G_GINT64_FORMAT " of the registry in acu-migrations.c",
                 names[i], version);
    }
  for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
    if (registry[i].sql != NULL && !g_strv_contains ((const char *const *) names, registry[i].sql))
      g_error ("Migration %s is not in acu-core.gresource.xml", registry[i].sql);

  g_once_init_leave (&checked, 1);
}

int
acu_migrations_get_latest_version (void)
{
  int latest = G_N_ELEMENTS (registry);

  ensure_registry ();
  if (extra_step_for_tests != NULL && extra_version_for_tests == latest + 1)
    latest++;
  if (limit_for_tests > 0 && limit_for_tests < latest)
    latest = limit_for_tests;
  return latest;
}

const char *
acu_migrations_get_sql_name (int version)
{
  ensure_registry ();
  if (version < 1 || version > (int) G_N_ELEMENTS (registry))
    return NULL;
  return registry[version - 1].sql;
}

GBytes *
acu_migrations_lookup_sql (int       version,
                           GError  **error)
{
  const char *name = acu_migrations_get_sql_name (version);
  g_autofree char *path = NULL;

  if (name == NULL)
    return NULL;
  path = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  return g_resources_lookup_data (path, 0, error);
}

void
acu_migrations_set_limit_for_tests (int version)
{
  limit_for_tests = version;
}

void
acu_migrations_set_extra_step_for_tests (int               version,
                                         AcuMigrationStep  step)
{
  g_return_if_fail (step == NULL || (version >= 1 && version <= (int) G_N_ELEMENTS (registry) + 1));

  extra_version_for_tests = step != NULL ? version : 0;
  extra_step_for_tests = step;
}

static gboolean
read_user_version (AcuStore  *store,
                   int       *version,
                   GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "PRAGMA user_version;", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      acu_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
run_step (AcuStore          *store,
          int                version,
          AcuMigrationStep   step,
          GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (step (store, &local_error))
    return TRUE;
  if (local_error == NULL)
    {
      g_critical ("The step of migration %d failed without saying why", version);
      acu_store_set_sqlite_error (store, &local_error);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The SQL, the step in C, then the new user_version: one transaction */
static gboolean
apply (AcuStore  *store,
       int        version,
       GError   **error)
{
  const Migration *m = version <= (int) G_N_ELEMENTS (registry) ? &registry[version - 1] : NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version);
  gboolean ok;

  if (m != NULL && m->sql != NULL)
    {
      bytes = acu_migrations_lookup_sql (version, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  if (!acu_store_begin (store, error))
    return FALSE;
  ok = (sql == NULL || acu_store_exec (store, sql, &local_error))
       && (m == NULL || m->step == NULL || run_step (store, version, m->step, &local_error))
       && (extra_version_for_tests != version || extra_step_for_tests == NULL
           || run_step (store, version, extra_step_for_tests, &local_error))
       && acu_store_exec (store, bump, &local_error);
  if (!ok)
    {
      acu_store_rollback (store);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not update the database to version %d: "), version);
      return FALSE;
    }
  return acu_store_commit (store, error);
}

/* Each version in BEGIN IMMEDIATE with user_version set in the same
 * transaction, as gom does: a failed version leaves the previous one. A
 * database newer than the program was refused before it got here. */
gboolean
acu_migrations_run (AcuStore  *store,
                    GError   **error)
{
  int latest = acu_migrations_get_latest_version ();
  int current = 0;

  if (!read_user_version (store, &current, error))
    return FALSE;
  for (int version = current + 1; version <= latest; version++)
    if (!apply (store, version, error))
      return FALSE;
  return TRUE;
}
