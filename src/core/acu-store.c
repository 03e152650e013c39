/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-audit.h"
#include "acu-fold.h"
#include "acu-migrations-private.h"
#include "acu-password.h"
#include "acu-sql-private.h"
#include "acu-store-internal.h"

/* "AcuE": written in the SQLite header so that another program's database
 * is told apart from ours */
#define ACU_APPLICATION_ID 0x41637545
#define PAGE_SIZE_PRAGMA   "PRAGMA cipher_page_size = 4096;"


G_DEFINE_FINAL_TYPE (AcuStore, acu_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* For acu_store_changed (acu-store-sql.c) */
void
acu_store_emit_area (AcuStore *self,
                     AcuAreas  area)
{
  g_signal_emit (self, signals[CHANGED], acu_area_get_detail (area), area);
}

G_DEFINE_QUARK (acu-store-error-quark, acu_store_error)

void
acu_slot_info_free (AcuSlotInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

void
acu_store_set_sqlite_error (AcuStore  *self,
                            GError   **error)
{
  /* The schema's own rules (RAISE in a trigger) say "acu:RULE": each has
   * its message for the person, here, one line a rule */
  static const struct
  {
    const char    *rule;
    AcuStoreError  code;
    const char    *message;
  } rules[] = {
    { "acu:goods-month-closed", ACU_STORE_ERROR_INVALID,
      N_("This month is closed: its movements never change.") },
    { "acu:goods-never-change", ACU_STORE_ERROR_INVALID,
      N_("A movement of goods never changes: record a correction instead.") },
    { "acu:food-aid-visit", ACU_STORE_ERROR_IN_USE,
      N_("Food aid was served with this visit: cancel the food aid on the Food Aid page, and the visit goes with it.") },
    { "acu:goods-gift-visit", ACU_STORE_ERROR_IN_USE,
      N_("Goods were given with this visit: cancel the gift, and the visit goes with it.") },
  };
  const char *text = self->db ? sqlite3_errmsg (self->db) : NULL;

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (text, rules[i].rule))
      {
        g_set_error_literal (error, ACU_STORE_ERROR, rules[i].code, _(rules[i].message));
        return;
      }
  g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
               _("The database reported an error: %s"),
               self->db ? sqlite3_errmsg (self->db) : "—");
}

/* Migrations (acu-migrations.c) */

int
acu_store_get_latest_schema_version (void)
{
  return acu_migrations_get_latest_version ();
}

static int
read_int_pragma (AcuStore   *self,
                 const char *sql,
                 int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return value;
}

/* Every newer version, each in its own transaction (acu-migrations.c) */
static gboolean
migrate (AcuStore  *self,
         GError   **error)
{
  if (!acu_migrations_run (self, error))
    return FALSE;
  self->schema_version = read_int_pragma (self, "PRAGMA user_version;", NULL);
  return TRUE;
}

/* Opening */

static gboolean
file_has_plain_sqlite_header (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char header[16] = { 0 };
  gsize n = 0;

  if (in == NULL)
    return FALSE;
  g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n, NULL, NULL);
  return n == sizeof header && memcmp (header, "SQLite format 3", 16) == 0;
}

void
acu_store_set_unreadable_error (const char  *path,
                                GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  GStatBuf st;

  if (file_has_plain_sqlite_header (path))
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NOT_ACUELH,
                 _("“%s” is not an Acuèlh database: it is not encrypted. Choose the file ending in “.acuelh”."),
                 display);
  else if (g_stat (path, &st) == 0 && st.st_size == 0)
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                 _("The database “%s” is damaged: the file is empty. Restore it from a backup."),
                 display);
  else if (g_stat (path, &st) == 0 && st.st_size < 4096)
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                 _("The database “%s” is damaged: the file is incomplete. Restore it from a backup."),
                 display);
  else
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                 _("The database “%s” is damaged or does not belong with this key file. "
                   "Restore both files from a backup."),
                 display);
}

/* Only unreadable content means damage: a lock, a permission or a full
 * disk gets its own message, never the advice to restore a backup */
void
acu_store_set_sqlite_open_error (const char  *path,
                                 sqlite3     *db,
                                 int          rc,
                                 GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
    case SQLITE_RANGE:
      acu_store_set_unreadable_error (path, error);
      break;
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_SHORT_READ)
        acu_store_set_unreadable_error (path, error);
      else
        g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                     _("Could not read “%s”: %s"), display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program (another Acuèlh window, a backup?). "
                     "Close it and try again."), display);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("Acuèlh may not read and write “%s” or its folder: %s"),
                   display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
}

/* Opens and keys a connection. Nothing is read yet: with a wrong key,
 * SQLCipher only fails at the first read. */
sqlite3 *
acu_store_open_keyed (const char       *path,
                      const AcuSecret  *db_key,
                      int               flags,
                      GError          **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *hex = g_malloc0 (2 * ACU_KEY_BYTES + 1);
  g_autofree char *key_pragma = NULL;
  const char *cipher = NULL;
  gboolean cipher4;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (path, db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  /* Raw key: SQLCipher's own PBKDF2 is skipped, Argon2id is the defence */
  sodium_bin2hex (hex, 2 * ACU_KEY_BYTES + 1, acu_secret_get_data (db_key), ACU_KEY_BYTES);
  key_pragma = g_strdup_printf ("PRAGMA key = \"x'%s'\";", hex);
  rc = sqlite3_exec (db, key_pragma, NULL, NULL, NULL);
  sodium_memzero (hex, 2 * ACU_KEY_BYTES);
  sodium_memzero (key_pragma, strlen (key_pragma));
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (path, db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* Linked by mistake against plain SQLite, PRAGMA key is silently
   * ignored and the file would be written in clear */
  if (sqlite3_prepare_v2 (db, "PRAGMA cipher_version;", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    cipher = (const char *) sqlite3_column_text (stmt, 0);
  if (cipher == NULL || *cipher == '\0')
    {
      sqlite3_finalize (stmt);
      sqlite3_close_v2 (db);
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_CIPHER,
                           _("This copy of Acuèlh was built without encryption (SQLCipher) and refuses to run."));
      return NULL;
    }
  cipher4 = g_str_has_prefix (cipher, "4.");
  sqlite3_finalize (stmt);

  /* SQLCipher 3 keeps no settings in the file: the same on every open.
   * SQLCipher 4 (newer distributions) reads our files in its version 3
   * compatibility mode, and wipes its own memory when asked to. */
  if (cipher4)
    sqlite3_exec (db, "PRAGMA cipher_compatibility = 3; PRAGMA cipher_memory_security = ON;", NULL, NULL, NULL);
  rc = sqlite3_exec (db, PAGE_SIZE_PRAGMA, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (path, db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

static gboolean
load_site (AcuStore  *self,
           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = acu_store_prepare (self, "SELECT name, created_at, created_by FROM site WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      acu_store_set_sqlite_open_error (self->path, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }
  g_free (self->site_name);
  self->site_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  self->created = sqlite3_column_int64 (stmt, 1);
  g_free (self->created_by);
  self->created_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return TRUE;
}

/* The role recorded in the database is the authority: the key file is
 * plain JSON that anyone with the files could edit. */
static gboolean
load_identity (AcuStore  *self,
               GError   **error)
{
  sqlite3_stmt *stmt;
  const char *role;

  stmt = acu_store_prepare (self,
                            "SELECT role, id FROM desk_person WHERE key_slot = :slot AND active = 1", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int (stmt, ":slot", self->slot_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      role = (const char *) sqlite3_column_text (stmt, 0);
      if (!acu_role_from_string (role, &self->role))
        self->role = ACU_ROLE_VOLUNTEER;
      self->person_id = sqlite3_column_int64 (stmt, 1);
      self->identified = TRUE;
    }
  else if (self->slot_kind == ACU_SLOT_RECOVERY)
    {
      self->role = ACU_ROLE_COORDINATOR; /* the recovery code stands for the site */
      self->identified = TRUE;
    }
  else
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("This person can no longer unlock the database."));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Checks, on a read-only connection, that this is an Acuèlh database this
 * program can read and that the person may open it. A read-only
 * connection writes nothing, not even the WAL checkpoint a read-write one
 * makes when it closes: a failed open leaves every file as it was. */
static gboolean
verify (AcuStore  *self,
        GError   **error)
{
  g_autofree char *display = g_filename_display_basename (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  int rc = SQLITE_OK;
  int app_id, version;
  gboolean ok = FALSE;

  self->db = acu_store_open_keyed (self->path, self->db_key, SQLITE_OPEN_READONLY, error);
  if (self->db == NULL)
    return FALSE;

  /* The first read tells whether the key fits the file */
  read_int_pragma (self, "SELECT count(*) FROM sqlite_master;", &rc);
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (self->path, self->db, rc, error);
      goto out;
    }

  app_id = read_int_pragma (self, "PRAGMA application_id;", &rc);
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (self->path, self->db, rc, error);
      goto out;
    }
  if (app_id != ACU_APPLICATION_ID)
    {
      GStatBuf st;

      if (g_stat (self->path, &st) == 0 && st.st_size == 0)
        acu_store_set_unreadable_error (self->path, error);
      else
        g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NOT_ACUELH,
                     _("“%s” is not an Acuèlh database."), display);
      goto out;
    }

  version = read_int_pragma (self, "PRAGMA user_version;", &rc);
  if (rc != SQLITE_OK)
    {
      acu_store_set_sqlite_open_error (self->path, self->db, rc, error);
      goto out;
    }
  if (version > acu_store_get_latest_schema_version ())
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("The database “%s” was written by a newer version of Acuèlh "
                     "(database version %d, this program knows up to %d). Update Acuèlh to open it."),
                   display, version, acu_store_get_latest_schema_version ());
      goto out;
    }

  ok = load_site (self, error) && load_identity (self, error);

out:
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  /* A read-only connection to a WAL database makes empty side files and
   * leaves them; remove those it made, never frames another wrote */
  if (!had_wal)
    g_unlink (wal);
  if (!had_shm)
    g_unlink (shm);
  return ok;
}

/* The read-write connection, once verified: WAL, pragmas, migrations */
static gboolean
open_read_write (AcuStore  *self,
                 GError   **error)
{
  self->db = acu_store_open_keyed (self->path, self->db_key, SQLITE_OPEN_READWRITE, error);
  if (self->db == NULL)
    return FALSE;

  /* WAL + FULL: a committed visit survives a power cut (DESIGN.md) */
  return acu_store_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA cache_size = -8192;"
                         "PRAGMA temp_store = MEMORY;",
                         error)
         && migrate (self, error);
}

/* Old audit entries go, and the opening is recorded */
static gboolean
record_opening (AcuStore  *self,
                GError   **error)
{
  /* A test database held at an earlier schema has no audit log */
  if (self->schema_version < 3)
    return TRUE;
  if (!acu_store_begin (self, error))
    return FALSE;
  if (acu_audit_purge (self, error) < 0 || !acu_audit_record (self, "desk-open", NULL, 0, error))
    {
      acu_store_rollback (self);
      return FALSE;
    }
  return acu_store_commit (self, error);
}

static AcuStore *
open_with_slot (const char   *path,
                const char   *person_name,
                AcuSlotKind   kind,
                const char   *secret,
                GError      **error)
{
  g_autoptr(AcuStore) self = NULL;
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autofree char *key_path = acu_key_file_path_for (path);
  g_autofree char *display = g_filename_display_basename (path);
  AcuKeySlot *slot;

  if (!acu_crypto_init ())
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("The encryption library could not start."));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist. It may have been moved or renamed."), display);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NOT_ACUELH,
                   _("“%s” is not an Acuèlh database."), display);
      return NULL;
    }

  key_file = acu_key_file_load (key_path, error);
  if (key_file == NULL)
    return NULL;

  self = g_object_new (ACU_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->key_path = g_steal_pointer (&key_path);

  slot = acu_key_file_unlock (key_file, person_name, kind, secret,
                              &self->db_key, &self->conf_key, error);
  if (slot == NULL)
    return NULL;

  self->slot_id = acu_key_slot_get_id (slot);
  self->slot_kind = kind;
  self->person_name = g_strdup (kind == ACU_SLOT_RECOVERY ? _("Recovery code") : acu_key_slot_get_name (slot));
  self->key_file = g_steal_pointer (&key_file);

  if (!verify (self, error) || !open_read_write (self, error) || !record_opening (self, error))
    {
      acu_store_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

AcuStore *
acu_store_open (const char  *path,
                const char  *person_name,
                const char  *password,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (person_name != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  return open_with_slot (path, person_name, ACU_SLOT_PASSWORD, password, error);
}

AcuStore *
acu_store_open_with_recovery_code (const char  *path,
                                   const char  *recovery_code,
                                   GError     **error)
{
  g_autofree char *code = NULL;
  AcuStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (recovery_code != NULL, NULL);

  code = acu_recovery_code_normalize (recovery_code, error);
  if (code == NULL)
    return NULL;
  store = open_with_slot (path, NULL, ACU_SLOT_RECOVERY, code, error);
  sodium_memzero (code, strlen (code));
  return store;
}

GStrv
acu_store_list_person_names (const char  *path,
                             GError     **error)
{
  g_autofree char *key_path = acu_key_file_path_for (path);
  g_autoptr(AcuKeyFile) key_file = acu_key_file_load (key_path, error);

  if (key_file == NULL)
    return NULL;
  return acu_key_file_dup_person_names (key_file);
}

/* Creating */

char *
acu_store_normalize_name (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  stripped = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_strstrip (stripped);
  if (*stripped == '\0')
    return NULL;
  return g_steal_pointer (&stripped);
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
insert_first_records (AcuStore   *self,
                      const char *site_name,
                      const char *person_name,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  stmt = acu_store_prepare (self,
                            "INSERT INTO site (id, name, created_at, created_by) "
                            "VALUES (1, :name, :now, :person)", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":name", site_name);
  acu_sql_bind_int64 (stmt, ":now", now);
  acu_sql_bind_text (stmt, ":person", person_name);
  if (!acu_store_step_done (self, stmt, error))
    return FALSE;

  stmt = acu_store_prepare (self,
                            "INSERT INTO desk_person (display_name, role, key_slot, created_at) "
                            "VALUES (:name, 'coordinator', :slot, :now)", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":name", person_name);
  acu_sql_bind_int (stmt, ":slot", self->slot_id);
  acu_sql_bind_int64 (stmt, ":now", now);
  return acu_store_step_done (self, stmt, error);
}

/* Makes the database under NAME.partial, closes it, writes the key file,
 * and only then gives the database its name: a crash at any point leaves
 * either no database or a complete one with its key file. */
static gboolean
build_partial (AcuStore    *self,
               const char  *site,
               const char  *person,
               GError     **error)
{
  g_autofree char *app_id_pragma = g_strdup_printf ("PRAGMA application_id = %d;", ACU_APPLICATION_ID);
  int fd;

  /* Reserved with O_EXCL and mode 0600: never another process's file,
   * never readable by others */
  remove_database_files (self->path);
  fd = g_open (self->path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!open_read_write (self, error)
      || !acu_store_exec (self, app_id_pragma, error)
      || !acu_store_begin (self, error))
    return FALSE;
  if (!insert_first_records (self, site, person, error))
    {
      acu_store_rollback (self);
      return FALSE;
    }
  if (!acu_store_commit (self, error))
    return FALSE;

  /* Closing the last connection checkpoints the WAL into the file */
  g_hash_table_remove_all (self->statements);
  if (sqlite3_close (self->db) != SQLITE_OK)
    {
      acu_store_set_sqlite_error (self, error);
      return FALSE;
    }
  self->db = NULL;
  return TRUE;
}

static gboolean
give_name (const char  *partial,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  /* link() refuses to replace a file that appeared meanwhile; rename()
   * would overwrite it. Filesystems without hard links (a FAT USB stick)
   * fall back to rename after one more check. */
  if (link (partial, path) == 0)
    g_unlink (partial);
  else if (errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS) || g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ACU_STORE_ERROR, saved_errno == EEXIST ? ACU_STORE_ERROR_EXISTS : ACU_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

AcuStore *
acu_store_create (const char  *path,
                  const char  *site_name,
                  const char  *person_name,
                  const char  *password,
                  char       **recovery_code,
                  GError     **error)
{
  g_autoptr(AcuStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *site = acu_store_normalize_name (site_name);
  g_autofree char *person = acu_store_normalize_name (person_name);
  g_autofree char *key_path = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *code = NULL;
  g_autofree char *dir = NULL;
  gboolean key_file_written = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (site == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Type the name of the site."));
      return NULL;
    }
  if (person == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Type your name."));
      return NULL;
    }
  if (!acu_password_check (password, person, NULL, &local_error))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD, local_error->message);
      return NULL;
    }
  if (!acu_crypto_init ())
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("The encryption library could not start."));
      return NULL;
    }

  key_path = acu_key_file_path_for (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name; an existing database is never overwritten."),
                   display);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  partial = g_strconcat (path, ".partial", NULL);
  self = g_object_new (ACU_TYPE_STORE, NULL);
  self->path = g_strdup (partial);
  self->key_path = g_strdup (key_path);
  self->db_key = acu_secret_new_random ();
  self->conf_key = acu_secret_new_random ();
  self->key_file = acu_key_file_new ();
  self->person_name = g_strdup (person);
  self->role = ACU_ROLE_COORDINATOR;
  self->slot_kind = ACU_SLOT_PASSWORD;

  self->slot_id = acu_key_file_add_slot (self->key_file, person, ACU_ROLE_COORDINATOR,
                                         ACU_SLOT_PASSWORD, password,
                                         self->db_key, self->conf_key, error);
  if (self->slot_id == 0)
    goto failed;
  code = acu_recovery_code_generate ();
  /* The recovery slot's name is not shown: the interface names it */
  if (acu_key_file_add_slot (self->key_file, "recovery", ACU_ROLE_COORDINATOR,
                             ACU_SLOT_RECOVERY, code, self->db_key, self->conf_key, error) == 0)
    goto failed;

  if (!build_partial (self, site, person, error)
      || !(key_file_written = acu_key_file_save (self->key_file, key_path, error))
      || !give_name (partial, path, error))
    goto failed;

  g_free (self->path);
  self->path = g_strdup (path);
  if (!open_read_write (self, error) || !load_site (self, error)
      || !load_identity (self, error) || !record_opening (self, error))
    goto failed;

  if (recovery_code != NULL)
    *recovery_code = g_steal_pointer (&code);
  return g_steal_pointer (&self);

failed:
  acu_store_close (self);
  remove_database_files (partial);
  if (key_file_written && !g_file_test (path, G_FILE_TEST_EXISTS))
    g_unlink (key_path);
  if (code != NULL)
    sodium_memzero (code, strlen (code));
  return NULL;
}

/* State */

gboolean
acu_store_is_open (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), FALSE);
  return self->db != NULL;
}

/* Closes the connection and wipes every key held in memory */
void
acu_store_close (AcuStore *self)
{
  g_return_if_fail (ACU_IS_STORE (self));

  /* Recorded while the database can still be written */
  if (self->db != NULL && self->transaction_depth == 0 && self->schema_version >= 3
      && !sqlite3_db_readonly (self->db, "main"))
    acu_audit_record (self, "desk-close", NULL, 0, NULL);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->db_key, acu_secret_free);
  g_clear_pointer (&self->conf_key, acu_secret_free);
  g_clear_pointer (&self->key_file, acu_key_file_free);
  self->transaction_depth = 0;
  self->identified = FALSE;
}

/* A second, read-only connection for long reads (a report over years)
 * in a worker thread: the same database key and the same person
 * identified, no confidential key, a larger page cache. The reader
 * belongs to the thread that uses it; closing it wipes its key. */
AcuStore *
acu_store_open_reader (AcuStore  *self,
                       GError   **error)
{
  g_autoptr(AcuStore) reader = NULL;

  g_return_val_if_fail (ACU_IS_STORE (self), NULL);

  if (!acu_store_is_identified (self))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                           _("Nobody is identified at the desk."));
      return NULL;
    }

  reader = g_object_new (ACU_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->db = acu_store_open_keyed (self->path, self->db_key, SQLITE_OPEN_READONLY, error);
  if (reader->db == NULL)
    return NULL;
  /* About 64 MiB: a year of a large site's report indexes stay decrypted
   * in memory between the queries of one report */
  sqlite3_exec (reader->db, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;", NULL, NULL, NULL);
  reader->identified = TRUE;
  reader->person_name = g_strdup (self->person_name);
  reader->person_id = self->person_id;
  reader->role = self->role;
  reader->site_name = g_strdup (self->site_name);
  reader->created_by = g_strdup (self->created_by);
  reader->created = self->created;
  reader->schema_version = self->schema_version;
  return g_steal_pointer (&reader);
}

const AcuSecret *
acu_store_peek_database_key (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), NULL);
  return self->db_key;
}

const char *
acu_store_get_path (AcuStore *self)
{
  return self->path;
}

const char *
acu_store_get_site_name (AcuStore *self)
{
  return self->site_name;
}

gint64
acu_store_get_person_id (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), 0);
  return self->person_id;
}

gboolean
acu_store_is_identified (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), FALSE);
  return self->db != NULL && self->identified;
}

const char *
acu_store_get_key_path (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), NULL);
  return self->key_path;
}

const char *
acu_store_get_person_name (AcuStore *self)
{
  return self->person_name;
}

AcuRole
acu_store_get_role (AcuStore *self)
{
  return self->role;
}

gboolean
acu_store_has_confidential_key (AcuStore *self)
{
  return self->conf_key != NULL;
}

int
acu_store_get_schema_version (AcuStore *self)
{
  return self->schema_version;
}

gint64
acu_store_get_created (AcuStore *self)
{
  return self->created;
}

const char *
acu_store_get_created_by (AcuStore *self)
{
  return self->created_by;
}

/* GObject */

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
acu_store_finalize (GObject *object)
{
  AcuStore *self = ACU_STORE (object);

  acu_store_close (self);
  g_hash_table_unref (self->statements);
  g_array_unref (self->changes);
  g_free (self->path);
  g_free (self->key_path);
  g_free (self->person_name);
  g_free (self->site_name);
  g_free (self->created_by);

  G_OBJECT_CLASS (acu_store_parent_class)->finalize (object);
}

static void
acu_store_class_init (AcuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /**
   * AcuStore::changed:
   * @area: the one #AcuAreas value that changed; its nick ("visits",
   *   "people", …) is the signal's detail
   *
   * Emitted by the core write itself once its transaction is committed
   * (never by the interface), once per area, so that every page showing
   * that area refreshes itself; pages never talk to each other.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, ACU_TYPE_AREAS);

  object_class->finalize = acu_store_finalize;
}

static void
acu_store_init (AcuStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->changes = g_array_new (FALSE, TRUE, sizeof (AcuAreas));
}
