/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-confidential"

#include "config.h"

#include <sodium.h>
#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-confidential.h"
#include "acu-people.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction confidential_actions[] = {
  { "confidential-write", N_("Confidential note written"), ACU_AREA_CONFIDENTIAL },
  { "confidential-read", N_("Confidential notes read"), ACU_AREA_NONE },
};

const AcuAuditActions acu_audit_confidential_actions = ACU_AUDIT_ACTIONS (confidential_actions);

/* Confidential text is sealed with crypto_secretbox under the
 * confidential key, a key only staff and coordinator key slots hold and
 * only their password opens. The database key (which every open desk
 * holds) does not reveal it; a PIN never brings the key into memory. */

#define MAX_NOTE_LENGTH 4000

void
acu_confidential_note_free (AcuConfidentialNote *note)
{
  if (note == NULL)
    return;
  g_free (note->written_by);
  g_free (note);
}

static const AcuSecret *
require_key (AcuStore  *store,
             GError   **error)
{
  const AcuSecret *key;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error))
    return NULL;
  key = acu_store_peek_confidential_key (store);
  if (key == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                         _("Confidential notes open only with a staff or coordinator password."));
  return key;
}

static gint64
insert_note (AcuStore      *store,
             gint64         household_id,
             const guint8  *nonce,
             const guint8  *sealed,
             gsize          sealed_size,
             GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "INSERT INTO confidential_note (household_id, nonce, ciphertext, written_by, written_at) "
                            "VALUES (:household, :nonce, :text, :by, :at)", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_blob (stmt, ":nonce", nonce, crypto_secretbox_NONCEBYTES);
  acu_sql_bind_blob (stmt, ":text", sealed, sealed_size);
  acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
  acu_sql_bind_int64 (stmt, ":at", g_get_real_time () / G_USEC_PER_SEC);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

gint64
acu_confidential_add (AcuStore    *store,
                      gint64       household_id,
                      const char  *text,
                      GError     **error)
{
  const AcuSecret *key = require_key (store, error);
  g_autofree char *clean = NULL;
  g_autofree guint8 *sealed = NULL;
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  gsize clean_size = 0;
  gsize len;
  gint64 id;
  gboolean ok;

  if (key == NULL || !acu_household_exists (store, household_id, error))
    return 0;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The text contains characters that are not valid. Type it again."));
      return 0;
    }
  clean = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  /* The whole buffer is wiped below, whatever stripping moves */
  clean_size = strlen (clean);
  g_strstrip (clean);
  if (*clean == '\0')
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the note first."));
      return 0;
    }
  if (g_utf8_strlen (clean, -1) > MAX_NOTE_LENGTH)
    {
      sodium_memzero (clean, clean_size);
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("The note is too long: %d characters at most."), MAX_NOTE_LENGTH);
      return 0;
    }

  len = strlen (clean);
  sealed = g_malloc (len + crypto_secretbox_MACBYTES);
  randombytes_buf (nonce, sizeof nonce);
  crypto_secretbox_easy (sealed, (const guint8 *) clean, len, nonce, acu_secret_get_data (key));
  sodium_memzero (clean, clean_size);

  if (!acu_store_begin (store, error))
    return 0;
  id = insert_note (store, household_id, nonce, sealed, len + crypto_secretbox_MACBYTES, error);
  ok = id != 0 && acu_audit_record (store, "confidential-write", "household", household_id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

/* That notes exist, who wrote them and when: any role may know it */
GPtrArray *
acu_confidential_list (AcuStore  *store,
                       gint64     household_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_confidential_note_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT n.id, p.display_name, n.written_at FROM confidential_note n "
                            "LEFT JOIN desk_person p ON p.id = n.written_by "
                            "WHERE n.household_id = :id ORDER BY n.written_at DESC, n.id DESC", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuConfidentialNote *note = g_new0 (AcuConfidentialNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->written_by = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      note->written_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (notes, note);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/* The texts of a household's notes, newest first, in the order of
 * acu_confidential_list (); reading is recorded in the audit log */
GStrv
acu_confidential_read (AcuStore  *store,
                       gint64     household_id,
                       GError   **error)
{
  const AcuSecret *key = require_key (store, error);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (key == NULL || !acu_household_exists (store, household_id, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT nonce, ciphertext FROM confidential_note "
                            "WHERE household_id = :id ORDER BY written_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *nonce = sqlite3_column_blob (stmt, 0);
      const guint8 *sealed = sqlite3_column_blob (stmt, 1);
      int nonce_len = sqlite3_column_bytes (stmt, 0);
      int sealed_len = sqlite3_column_bytes (stmt, 1);
      g_autofree char *plain = NULL;

      if (nonce_len != crypto_secretbox_NONCEBYTES || sealed_len < (int) crypto_secretbox_MACBYTES)
        break;
      plain = g_malloc0 (sealed_len - crypto_secretbox_MACBYTES + 1);
      if (crypto_secretbox_open_easy ((guint8 *) plain, sealed, sealed_len, nonce, acu_secret_get_data (key)) != 0)
        break;
      g_strv_builder_add (texts, plain);
      sodium_memzero (plain, sealed_len - crypto_secretbox_MACBYTES);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                           _("A confidential note could not be read: it is damaged, or was sealed with another key."));
      return NULL;
    }
  if (!acu_audit_record (store, "confidential-read", "household", household_id, error))
    return NULL;
  return g_strv_builder_end (texts);
}
