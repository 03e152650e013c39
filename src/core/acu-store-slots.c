/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-audit.h"
#include "acu-fold.h"
#include "acu-password.h"
#include "acu-sql-private.h"
#include "acu-store-internal.h"

/* Key slots */

GPtrArray *
acu_store_list_slots (AcuStore  *self,
                      GError   **error)
{
  GPtrArray *slots;

  g_return_val_if_fail (ACU_IS_STORE (self) && self->key_file != NULL, NULL);

  /* who can unlock the database: staff see it, coordinators manage it */
  if (!acu_store_require_role (self, ACU_ROLE_STAFF, error))
    return NULL;
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_slot_info_free);
  for (guint i = 0; i < acu_key_file_get_n_slots (self->key_file); i++)
    {
      AcuKeySlot *slot = acu_key_file_get_slot (self->key_file, i);
      AcuSlotInfo *info = g_new0 (AcuSlotInfo, 1);

      info->slot_id = acu_key_slot_get_id (slot);
      info->name = g_strdup (acu_key_slot_get_name (slot));
      info->role = acu_key_slot_get_role (slot);
      info->kind = acu_key_slot_get_kind (slot);
      info->is_me = info->slot_id == self->slot_id;
      g_ptr_array_add (slots, info);
    }
  return slots;
}

static gboolean
require_coordinator (AcuStore  *self,
                     GError   **error)
{
  if (self->db == NULL || self->role != ACU_ROLE_COORDINATOR || self->conf_key == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Only a coordinator may change who can unlock the database."));
      return FALSE;
    }
  return TRUE;
}

/* Every change starts from the key file as it is on disk (another window
 * or the command line may have changed it) and is adopted only once it is
 * safely written: a failure leaves the file and this store as they were. */
static AcuKeyFile *
reload_key_file (AcuStore  *self,
                 GError   **error)
{
  return acu_key_file_load (self->key_path, error);
}

static void
adopt_key_file (AcuStore   *self,
                AcuKeyFile *key_file)
{
  acu_key_file_free (self->key_file);
  self->key_file = key_file;
}

static guint
count_password_slots (AcuKeyFile *key_file)
{
  guint n = 0;

  for (guint i = 0; i < acu_key_file_get_n_slots (key_file); i++)
    if (acu_key_slot_get_kind (acu_key_file_get_slot (key_file, i)) == ACU_SLOT_PASSWORD)
      n++;
  return n;
}

static gboolean
set_desk_person_slot (AcuStore  *self,
                      guint      slot_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  /* Past records keep the person's name: the row stays, inactive */
  stmt = acu_store_prepare (self, "UPDATE desk_person SET active = 0, key_slot = NULL WHERE key_slot = :slot", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int (stmt, ":slot", slot_id);
  return acu_store_step_done (self, stmt, error);
}

/* Writes a password slot for a person of the desk: a new row when
 * @desk_person_id is 0, else that row gets the slot (a volunteer who
 * becomes staff keeps their past records). @replace_slot, if not 0, is
 * removed in the same write (a coordinator sets a new password for
 * someone who forgot theirs). The key file is written inside the
 * database transaction: both change, or neither. */
guint
acu_store_write_slot (AcuStore    *self,
                      gint64       desk_person_id,
                      const char  *person_name,
                      AcuRole      role,
                      const char  *password,
                      guint        replace_slot,
                      const char  *audit_action,
                      GError     **error)
{
  g_autofree char *person = acu_store_normalize_name (person_name);
  g_autofree char *folded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AcuKeyFile) fresh = NULL;
  sqlite3_stmt *stmt;
  guint slot_id;

  g_return_val_if_fail (ACU_IS_STORE (self), 0);

  if (!require_coordinator (self, error))
    return 0;
  if (person == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the person’s name."));
      return 0;
    }
  if (role == ACU_ROLE_VOLUNTEER)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Volunteers identify with a PIN at an open desk; they do not unlock the database."));
      return 0;
    }
  if (!acu_password_check (password, person, NULL, &local_error))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD, local_error->message);
      return 0;
    }

  fresh = reload_key_file (self, error);
  if (fresh == NULL)
    return 0;
  if (replace_slot != 0 && !acu_key_file_remove_slot (fresh, replace_slot))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This key slot no longer exists."));
      return 0;
    }
  folded = acu_fold (person);
  {
    g_auto(GStrv) names = acu_key_file_dup_person_names (fresh);

    for (guint i = 0; names[i]; i++)
      {
        g_autofree char *other = acu_fold (names[i]);

        if (g_strcmp0 (other, folded) == 0)
          {
            g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                         _("“%s” can already unlock the database. Choose another name."), person);
            return 0;
          }
      }
  }

  slot_id = acu_key_file_add_slot (fresh, person, role, ACU_SLOT_PASSWORD, password,
                                   self->db_key, self->conf_key, error);
  if (slot_id == 0 || !acu_store_begin (self, error))
    return 0;
  if (desk_person_id == 0)
    stmt = acu_store_prepare (self,
                              "INSERT INTO desk_person (display_name, role, key_slot, created_at) "
                              "VALUES (:name, :role, :slot, :now)", error);
  else
    stmt = acu_store_prepare (self,
                              "UPDATE desk_person SET role = :role, key_slot = :slot, pin_hash = NULL, "
                              "pin_failures = 0, active = 1 WHERE id = :id", error);
  if (stmt == NULL)
    {
      acu_store_rollback (self);
      return 0;
    }
  if (desk_person_id == 0)
    {
      acu_sql_bind_text (stmt, ":name", person);
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
    }
  else
    acu_sql_bind_int64 (stmt, ":id", desk_person_id);
  acu_sql_bind_text (stmt, ":role", acu_role_to_string (role));
  acu_sql_bind_int (stmt, ":slot", slot_id);
  if (!acu_store_step_done (self, stmt, error))
    {
      acu_store_rollback (self);
      return 0;
    }
  if (desk_person_id == 0)
    desk_person_id = sqlite3_last_insert_rowid (self->db);
  /* Recorded in the same transaction, which the key file joins last */
  if (!acu_audit_record (self, audit_action, "desk_person", desk_person_id, error)
      || !acu_key_file_save (fresh, self->key_path, error))
    {
      acu_store_rollback (self);
      return 0;
    }
  /* The key file on disk is the truth from now on: adopted before the
   * commit tells the pages, so that they read the new slots */
  adopt_key_file (self, g_steal_pointer (&fresh));
  if (!acu_store_commit (self, error))
    return 0;
  return slot_id;
}

guint
acu_store_add_slot (AcuStore    *self,
                    const char  *person_name,
                    AcuRole      role,
                    const char  *password,
                    GError     **error)
{
  return acu_store_write_slot (self, 0, person_name, role, password, 0, "user-added", error);
}

gboolean
acu_store_remove_slot (AcuStore  *self,
                       guint      slot_id,
                       GError   **error)
{
  g_autoptr(AcuKeyFile) fresh = NULL;
  AcuKeySlot *slot;

  g_return_val_if_fail (ACU_IS_STORE (self), FALSE);

  if (!require_coordinator (self, error))
    return FALSE;
  if (slot_id == self->slot_id)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("You cannot remove the key slot you unlocked with. Ask another coordinator."));
      return FALSE;
    }

  fresh = reload_key_file (self, error);
  if (fresh == NULL)
    return FALSE;
  slot = acu_key_file_find_slot (fresh, slot_id);
  if (slot == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This key slot no longer exists."));
      return FALSE;
    }
  if (acu_key_slot_get_kind (slot) == ACU_SLOT_PASSWORD && count_password_slots (fresh) <= 1)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_LAST_SLOT,
                           _("This is the last password that opens the database; it cannot be removed."));
      return FALSE;
    }
  acu_key_file_remove_slot (fresh, slot_id);

  /* The key file is written inside the transaction: if it cannot be,
   * the person stays active in the database too */
  if (!acu_store_begin (self, error))
    return FALSE;
  if (!set_desk_person_slot (self, slot_id, error)
      || !acu_key_file_save (fresh, self->key_path, error))
    {
      acu_store_rollback (self);
      return FALSE;
    }
  /* adopted before the commit tells the pages (see acu_store_write_slot) */
  adopt_key_file (self, g_steal_pointer (&fresh));
  acu_store_changed (self, ACU_AREA_DESK_PEOPLE);
  return acu_store_commit (self, error);
}

gboolean
acu_store_change_password (AcuStore    *self,
                           const char  *old_password,
                           const char  *new_password,
                           GError     **error)
{
  g_autoptr(AcuKeyFile) fresh = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACU_IS_STORE (self) && self->key_file != NULL, FALSE);

  if (self->slot_kind != ACU_SLOT_PASSWORD)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Unlocked with the recovery code: there is no personal password to change."));
      return FALSE;
    }
  if (!acu_password_check (new_password, self->person_name, NULL, &local_error))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD, local_error->message);
      return FALSE;
    }

  fresh = reload_key_file (self, error);
  if (fresh == NULL
      || !acu_key_file_rewrap_slot (fresh, self->slot_id, old_password, new_password, error)
      || !acu_key_file_save (fresh, self->key_path, error))
    return FALSE;

  adopt_key_file (self, g_steal_pointer (&fresh));
  if (self->schema_version >= 3)
    acu_audit_record (self, "password-changed", "desk_person", self->person_id, NULL);
  return TRUE;
}

/* Makes a new recovery code; the old one stops working. */
char *
acu_store_replace_recovery_code (AcuStore  *self,
                                 GError   **error)
{
  g_autoptr(AcuKeyFile) fresh = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (ACU_IS_STORE (self), NULL);

  if (!require_coordinator (self, error))
    return NULL;
  fresh = reload_key_file (self, error);
  if (fresh == NULL)
    return NULL;

  for (guint i = acu_key_file_get_n_slots (fresh); i > 0; i--)
    {
      AcuKeySlot *slot = acu_key_file_get_slot (fresh, i - 1);

      if (acu_key_slot_get_kind (slot) == ACU_SLOT_RECOVERY)
        acu_key_file_remove_slot (fresh, acu_key_slot_get_id (slot));
    }

  code = acu_recovery_code_generate ();
  if (acu_key_file_add_slot (fresh, "recovery", ACU_ROLE_COORDINATOR, ACU_SLOT_RECOVERY,
                             code, self->db_key, self->conf_key, error) == 0
      || !acu_key_file_save (fresh, self->key_path, error))
    {
      sodium_memzero (code, strlen (code));
      return NULL;
    }

  adopt_key_file (self, g_steal_pointer (&fresh));
  if (self->schema_version >= 3)
    acu_audit_record (self, "recovery-code-replaced", NULL, 0, NULL);
  return g_steal_pointer (&code);
}
