/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-store-internal.h"

/* Integrity check: reads every page, so it runs on its own read-only
 * connection, in any thread, with copies of the path and the key (the
 * store may be closed meanwhile; WAL lets it read while the desk writes). */
struct _AcuIntegrityCheck
{
  char      *path;
  AcuSecret *db_key;
};

AcuIntegrityCheck *
acu_store_new_integrity_check (AcuStore *self)
{
  AcuIntegrityCheck *check;

  g_return_val_if_fail (ACU_IS_STORE (self) && self->db_key != NULL, NULL);

  check = g_new0 (AcuIntegrityCheck, 1);
  check->path = g_strdup (self->path);
  check->db_key = acu_secret_copy (self->db_key);
  return check;
}

void
acu_integrity_check_free (AcuIntegrityCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->path);
  acu_secret_free (check->db_key);
  g_free (check);
}

gboolean
acu_integrity_check_run (AcuIntegrityCheck  *check,
                         GError            **error)
{
  g_autofree char *first = NULL;
  g_autofree char *display = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (check != NULL, FALSE);

  db = acu_store_open_keyed (check->path, check->db_key, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  display = g_filename_display_basename (check->path);

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_ROW)
    {
      acu_store_set_sqlite_open_error (check->path, db, rc, error);
      goto out;
    }
  if (g_strcmp0 (first, "ok") != 0)
    {
      g_debug ("integrity_check: %s", first);
      acu_store_set_unreadable_error (check->path, error);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                 _("The database “%s” is damaged: some records point to records that no longer exist. "
                   "Restore it from a backup."), display);
  else if (rc != SQLITE_DONE)
    acu_store_set_sqlite_open_error (check->path, db, rc, error);
  else
    ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

gboolean
acu_store_check_integrity (AcuStore  *self,
                           GError   **error)
{
  g_autoptr(AcuIntegrityCheck) check = NULL;

  g_return_val_if_fail (ACU_IS_STORE (self) && self->db != NULL, FALSE);

  check = acu_store_new_integrity_check (self);
  return acu_integrity_check_run (check, error);
}
