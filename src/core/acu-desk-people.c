/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-desk-people"

#include "config.h"

#include <sodium.h>
#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-desk-people.h"
#include "acu-fold.h"
#include "acu-key-file.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction access_actions[] = {
  { "desk-open", N_("Opened the desk"), ACU_AREA_NONE },
  { "desk-close", N_("Closed the desk"), ACU_AREA_NONE },
  { "desk-lock", N_("Desk locked"), ACU_AREA_NONE },
  { "password-identified", N_("Identified with a password"), ACU_AREA_NONE },
  { "pin-identified", N_("Identified with a PIN"), ACU_AREA_NONE },
  { "pin-failure", N_("Wrong PIN"), ACU_AREA_DESK_PEOPLE },
  { "pin-locked", N_("PIN locked after three wrong tries"), ACU_AREA_DESK_PEOPLE },
  { "pin-changed", N_("PIN changed"), ACU_AREA_DESK_PEOPLE },
  { "password-changed", N_("Password changed"), ACU_AREA_DESK_PEOPLE },
  { "recovery-code-replaced", N_("New recovery code made"), ACU_AREA_DESK_PEOPLE },
  { "user-added", N_("Person of the desk added"), ACU_AREA_DESK_PEOPLE },
  { "user-role", N_("Role changed"), ACU_AREA_DESK_PEOPLE },
  { "user-deactivated", N_("Person of the desk deactivated"), ACU_AREA_DESK_PEOPLE },
};

const AcuAuditActions acu_audit_access_actions = ACU_AUDIT_ACTIONS (access_actions);

/* People of the desk, their PINs, and identifying at an open desk. A PIN
 * is stored as a crypto_pwhash_str hash inside the encrypted database and
 * locks after three wrong tries; it never unlocks the database nor the
 * confidential key. */

static unsigned long long pin_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t pin_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void
acu_desk_people_set_pin_limits_for_tests (void)
{
  pin_opslimit = crypto_pwhash_OPSLIMIT_MIN;
  pin_memlimit = crypto_pwhash_MEMLIMIT_MIN;
}

void
acu_desk_person_free (AcuDeskPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person);
}

#define PERSON_COLUMNS "id, display_name, role, active, key_slot, pin_hash IS NOT NULL, pin_failures"

static AcuDeskPerson *
person_from_row (sqlite3_stmt *stmt)
{
  AcuDeskPerson *person = g_new0 (AcuDeskPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  if (!acu_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &person->role))
    person->role = ACU_ROLE_VOLUNTEER;
  person->active = sqlite3_column_int (stmt, 3);
  person->slot_id = sqlite3_column_int (stmt, 4);
  person->has_password = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  person->has_pin = sqlite3_column_int (stmt, 5);
  person->pin_locked = sqlite3_column_int (stmt, 6) >= ACU_PIN_MAX_FAILURES;
  return person;
}

/* The people who may identify (active ones), by name; with
 * @include_inactive, everyone, for coordinators. The list of active names
 * is what the identification screen shows, so it needs nobody identified. */
GPtrArray *
acu_desk_people_list (AcuStore  *store,
                      gboolean   include_inactive,
                      GError   **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_desk_person_free);
  sqlite3_stmt *stmt;
  int rc;

  if (include_inactive && !acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " PERSON_COLUMNS " FROM desk_person WHERE active = 1 OR :all "
                            "ORDER BY active DESC, display_name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int (stmt, ":all", include_inactive);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

AcuDeskPerson *
acu_desk_person_get (AcuStore  *store,
                     gint64     person_id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  AcuDeskPerson *person = NULL;

  stmt = acu_store_prepare (store, "SELECT " PERSON_COLUMNS " FROM desk_person WHERE id = :id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = person_from_row (stmt);
  sqlite3_reset (stmt);
  if (person == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This person no longer works at the desk."));
  return person;
}

/* An active person by name, accents and case folded; 0 if none */
gint64
acu_desk_person_find (AcuStore    *store,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) people = acu_desk_people_list (store, FALSE, error);
  g_autofree char *folded = name ? acu_fold (name) : NULL;

  if (people == NULL || folded == NULL)
    return 0;
  for (guint i = 0; i < people->len; i++)
    {
      AcuDeskPerson *person = g_ptr_array_index (people, i);
      g_autofree char *other = acu_fold (person->name);

      if (g_str_equal (other, folded))
        return person->id;
    }
  g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
               _("Nobody called “%s” works at the desk."), name);
  return 0;
}

/* 4 to 8 digits, not all the same, not a run like 1234 or 9876 */
gboolean
acu_pin_check (const char  *pin,
               GError     **error)
{
  gsize len = pin ? strlen (pin) : 0;
  gboolean same = TRUE, up = TRUE, down = TRUE;

  if (len < 4 || len > 8)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD,
                           _("A PIN has 4 to 8 digits."));
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD,
                             _("A PIN is made of digits only."));
        return FALSE;
      }
  for (gsize i = 1; i < len; i++)
    {
      same &= pin[i] == pin[0];
      up &= pin[i] == pin[i - 1] + 1;
      down &= pin[i] == pin[i - 1] - 1;
    }
  if (same || up || down)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD,
                           _("This PIN is too easy to guess (the same digit, or digits in a row). Choose another one."));
      return FALSE;
    }
  return TRUE;
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (hash, pin, strlen (pin), pin_opslimit, pin_memlimit) != 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("Not enough memory to protect the PIN."));
      return NULL;
    }
  return g_strdup (hash);
}

static gboolean
write_pin (AcuStore    *store,
           gint64       person_id,
           const char  *pin,
           GError     **error)
{
  g_autofree char *hash = hash_pin (pin, error);
  sqlite3_stmt *stmt;

  if (hash == NULL)
    return FALSE;
  stmt = acu_store_prepare (store, "UPDATE desk_person SET pin_hash = :hash, pin_failures = 0 WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":hash", hash);
  acu_sql_bind_int64 (stmt, ":id", person_id);
  return acu_store_step_done (store, stmt, error);
}

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the person’s name."));
      return NULL;
    }
  clean = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_strstrip (clean);
  if (*clean == '\0')
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the person’s name."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gint64
insert_volunteer (AcuStore    *store,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "INSERT INTO desk_person (display_name, role, created_at) VALUES (:name, 'volunteer', :now)",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":name", name);
  acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

/* Adds a person of the desk: staff and coordinators with their own
 * password (a key slot), volunteers with a PIN. Coordinators only. */
gint64
acu_desk_person_add (AcuStore    *store,
                     const char  *name,
                     AcuRole      role,
                     const char  *secret,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || (clean = clean_name (name, error)) == NULL)
    return 0;
  if (acu_desk_person_find (store, clean, &local_error) != 0)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("“%s” already works at the desk. Choose another name."), clean);
      return 0;
    }

  if (role != ACU_ROLE_VOLUNTEER)
    {
      guint slot_id = acu_store_add_slot (store, clean, role, secret, error);

      if (slot_id == 0)
        return 0;
      stmt = acu_store_prepare (store, "SELECT id FROM desk_person WHERE key_slot = :slot", error);
      if (stmt == NULL)
        return 0;
      acu_sql_bind_int64 (stmt, ":slot", slot_id);
      id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      return id;
    }

  if (!acu_pin_check (secret, error) || !acu_store_begin (store, error))
    return 0;
  id = insert_volunteer (store, clean, error);
  ok = id != 0
       && write_pin (store, id, secret, error)
       && acu_audit_record (store, "user-added", "desk_person", id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

static gboolean
is_me (AcuStore  *store,
       gint64     person_id,
       GError   **error)
{
  if (person_id == acu_store_get_person_id (store))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("You cannot change your own role or access. Ask another coordinator."));
      return TRUE;
    }
  return FALSE;
}

static gboolean
set_role_row (AcuStore  *store,
              gint64     person_id,
              AcuRole    role,
              GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "UPDATE desk_person SET role = :role WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":role", acu_role_to_string (role));
  acu_sql_bind_int64 (stmt, ":id", person_id);
  return acu_store_step_done (store, stmt, error);
}

/* Changes a role. Between staff and coordinator the key slot stays; a
 * volunteer who becomes staff needs a password (@secret), staff who
 * become volunteers need a PIN (@secret) and lose their key slot. */
gboolean
acu_desk_person_set_role (AcuStore    *store,
                          gint64       person_id,
                          AcuRole      role,
                          const char  *secret,
                          GError     **error)
{
  g_autoptr(AcuDeskPerson) person = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || (person = acu_desk_person_get (store, person_id, error)) == NULL
      || is_me (store, person_id, error))
    return FALSE;
  if (!person->active)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This person no longer works at the desk."));
      return FALSE;
    }
  if (person->role == role)
    return TRUE;

  if (person->role != ACU_ROLE_VOLUNTEER && role != ACU_ROLE_VOLUNTEER)
    {
      /* The slot's role in the key file is informative; the database's rules */
      if (!acu_store_begin (store, error))
        return FALSE;
      ok = set_role_row (store, person_id, role, error)
           && acu_audit_record (store, "user-role", "desk_person", person_id, error);
      return acu_sql_finish (store, ok, error);
    }

  if (role == ACU_ROLE_VOLUNTEER)
    {
      /* The key slot goes: that password no longer opens anything */
      if (!acu_pin_check (secret, error) || !acu_store_remove_slot (store, person->slot_id, error))
        return FALSE;
      if (!acu_store_begin (store, error))
        return FALSE;
      ok = acu_sql_run_for_id (store, "UPDATE desk_person SET active = 1, role = 'volunteer' WHERE id = :id",
                               person_id, error)
           && write_pin (store, person_id, secret, error)
           && acu_audit_record (store, "user-role", "desk_person", person_id, error);
      return acu_sql_finish (store, ok, error);
    }

  /* A volunteer becomes staff or coordinator: a key slot for their own
   * row (their past records stay theirs); the PIN goes */
  return acu_store_write_slot (store, person_id, person->name, role, secret, 0, "user-role", error) != 0;
}

/* A person leaves: their key slot is removed (that password no longer
 * opens the database), their PIN no longer works; past records keep
 * their name */
gboolean
acu_desk_person_deactivate (AcuStore  *store,
                            gint64     person_id,
                            GError   **error)
{
  g_autoptr(AcuDeskPerson) person = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || (person = acu_desk_person_get (store, person_id, error)) == NULL
      || is_me (store, person_id, error))
    return FALSE;
  if (!person->active)
    return TRUE;
  if (!acu_store_begin (store, error))
    return FALSE;
  /* the key file joins the transaction last: a slot removed means the
   * person is inactive too */
  ok = acu_sql_run_for_id (store, "UPDATE desk_person SET active = 0, pin_hash = NULL WHERE id = :id",
                           person_id, error)
       && acu_audit_record (store, "user-deactivated", "desk_person", person_id, error)
       && (!person->has_password || acu_store_remove_slot (store, person->slot_id, error));
  return acu_sql_finish (store, ok, error);
}

/* A new PIN for a volunteer (also unlocks a PIN locked by three wrong
 * tries; staff may do it), or a new password for staff or a coordinator
 * (coordinators only: the slot is made again with the new password) */
gboolean
acu_desk_person_reset_secret (AcuStore    *store,
                              gint64       person_id,
                              const char  *secret,
                              GError     **error)
{
  g_autoptr(AcuDeskPerson) person = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || (person = acu_desk_person_get (store, person_id, error)) == NULL)
    return FALSE;
  if (!person->active)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This person no longer works at the desk."));
      return FALSE;
    }

  if (person->role == ACU_ROLE_VOLUNTEER)
    {
      if (!acu_pin_check (secret, error) || !acu_store_begin (store, error))
        return FALSE;
      ok = write_pin (store, person_id, secret, error)
           && acu_audit_record (store, "pin-changed", "desk_person", person_id, error);
      return acu_sql_finish (store, ok, error);
    }

  /* Staff or coordinator: a coordinator makes their slot again with the
   * new password, in one write of the key file */
  if (is_me (store, person_id, error)
      || !acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || acu_store_write_slot (store, person_id, person->name, person->role, secret, person->slot_id,
                               "password-changed", error) == 0)
    return FALSE;
  return TRUE;
}

static gboolean
verify_pin (const char *hash,
            const char *pin)
{
  return hash != NULL && pin != NULL
         && crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

/* A volunteer changes their own PIN */
gboolean
acu_desk_person_change_pin (AcuStore    *store,
                            const char  *old_pin,
                            const char  *new_pin,
                            GError     **error)
{
  gint64 me = acu_store_get_person_id (store);
  sqlite3_stmt *stmt;
  g_autofree char *hash = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  stmt = acu_store_prepare (store, "SELECT pin_hash FROM desk_person WHERE id = :id AND active = 1", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", me);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (hash == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("You identify with a password, not a PIN."));
      return FALSE;
    }
  if (!verify_pin (hash, old_pin))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("The current PIN is wrong."));
      return FALSE;
    }
  if (!acu_pin_check (new_pin, error) || !acu_store_begin (store, error))
    return FALSE;
  ok = write_pin (store, me, new_pin, error)
       && acu_audit_record (store, "pin-changed", "desk_person", me, error);
  return acu_sql_finish (store, ok, error);
}

/* Identifying */

static gboolean
write_failures (AcuStore  *store,
                gint64     person_id,
                int        failures,
                GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "UPDATE desk_person SET pin_failures = :n WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int (stmt, ":n", failures);
  acu_sql_bind_int64 (stmt, ":id", person_id);
  return acu_store_step_done (store, stmt, error);
}

static gboolean
count_failure (AcuStore  *store,
               gint64     person_id,
               int        failures,
               GError   **error)
{
  gboolean ok;

  /* Recorded as the person who tried */
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = write_failures (store, person_id, failures, error)
       && acu_audit_record_as (store, person_id, "pin-failure", "desk_person", person_id, error)
       && (failures < ACU_PIN_MAX_FAILURES
           || acu_audit_record_as (store, person_id, "pin-locked", "desk_person", person_id, error));
  return acu_sql_finish (store, ok, error);
}

/* A volunteer identifies with their PIN while the desk is open. Whoever
 * was identified before is forgotten, with the confidential key. Three
 * wrong PINs in a row lock it until a staff member sets a new one. */
gboolean
acu_store_identify_with_pin (AcuStore    *store,
                             gint64       person_id,
                             const char  *pin,
                             GError     **error)
{
  g_autoptr(AcuDeskPerson) person = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  int failures = 0;
  gboolean ok;

  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);

  if (!acu_store_is_open (store))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED, _("The database is closed."));
      return FALSE;
    }
  /* Whatever happens next, the person identified before is gone, with
   * the confidential key */
  acu_store_forget_identity (store);
  person = acu_desk_person_get (store, person_id, error);
  if (person == NULL)
    return FALSE;
  if (!person->active)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("This person no longer works at the desk."));
      return FALSE;
    }
  if (person->role != ACU_ROLE_VOLUNTEER)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Staff and coordinators identify with their password."));
      return FALSE;
    }
  stmt = acu_store_prepare (store, "SELECT pin_hash, pin_failures FROM desk_person WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      failures = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (hash == NULL || failures >= ACU_PIN_MAX_FAILURES)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_PIN_LOCKED,
                           hash == NULL ? _("This person has no PIN. Ask a staff member to set one.")
                                        : _("This PIN is locked after three wrong tries. Ask a staff member to set a new one."));
      return FALSE;
    }
  if (!verify_pin (hash, pin))
    {
      failures++;
      if (!count_failure (store, person_id, failures, error))
        return FALSE;
      if (failures >= ACU_PIN_MAX_FAILURES)
        g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_PIN_LOCKED,
                             _("Wrong PIN, three times: this PIN is now locked. Ask a staff member to set a new one."));
      else
        g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                     g_dngettext (GETTEXT_PACKAGE, "Wrong PIN. %d more try before it locks.",
                                  "Wrong PIN. %d more tries before it locks.", ACU_PIN_MAX_FAILURES - failures),
                     ACU_PIN_MAX_FAILURES - failures);
      return FALSE;
    }

  /* Recorded first: identified only once the record is written */
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = write_failures (store, person_id, 0, error)
       && acu_audit_record_as (store, person_id, "pin-identified", "desk_person", person_id, error);
  if (!acu_sql_finish (store, ok, error))
    return FALSE;
  acu_store_set_identity (store, person->id, person->name, ACU_ROLE_VOLUNTEER, 0, NULL);
  return TRUE;
}

struct _AcuIdentityCheck
{
  char        *key_path;
  char        *name;
  gint64       person_id;
  AcuRole      role;
  guint        slot_id;
  AcuSecret   *db_key;
  AcuSecret   *conf_key;
};

void
acu_identity_check_free (AcuIdentityCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->key_path);
  g_free (check->name);
  g_clear_pointer (&check->db_key, acu_secret_free);
  g_clear_pointer (&check->conf_key, acu_secret_free);
  g_free (check);
}

/* Main thread: who wants to identify with a password */
AcuIdentityCheck *
acu_store_new_identity_check (AcuStore  *store,
                              gint64     person_id,
                              GError   **error)
{
  g_autoptr(AcuDeskPerson) person = NULL;
  AcuIdentityCheck *check;

  if (!acu_store_is_open (store))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED, _("The database is closed."));
      return NULL;
    }
  /* Whoever was identified is gone, with the confidential key, whatever
   * the password turns out to be */
  acu_store_forget_identity (store);
  person = acu_desk_person_get (store, person_id, error);
  if (person == NULL)
    return NULL;
  if (!person->active || !person->has_password)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           person->active ? _("Volunteers identify with their PIN.")
                                          : _("This person no longer works at the desk."));
      return NULL;
    }
  check = g_new0 (AcuIdentityCheck, 1);
  check->key_path = g_strdup (acu_store_get_key_path (store));
  check->name = g_strdup (person->name);
  check->person_id = person->id;
  check->role = person->role;
  check->slot_id = person->slot_id;
  return check;
}

/* Any thread: Argon2id on the person's own key slot */
gboolean
acu_identity_check_run (AcuIdentityCheck  *check,
                        const char        *password,
                        GError           **error)
{
  g_autoptr(AcuKeyFile) key_file = acu_key_file_load (check->key_path, error);
  AcuKeySlot *slot;

  if (key_file == NULL)
    return FALSE;
  slot = acu_key_file_find_slot (key_file, check->slot_id);
  if (slot == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("This person can no longer unlock the database."));
      return FALSE;
    }
  slot = acu_key_file_unlock (key_file, acu_key_slot_get_name (slot), ACU_SLOT_PASSWORD, password,
                              &check->db_key, &check->conf_key, error);
  if (slot == NULL)
    return FALSE;
  /* Only the person's own slot: the key file is plain JSON, and a slot
   * renamed after someone else must not lend them its keys */
  if (acu_key_slot_get_id (slot) != check->slot_id)
    {
      g_clear_pointer (&check->db_key, acu_secret_free);
      g_clear_pointer (&check->conf_key, acu_secret_free);
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("Wrong password. Check the name and try again; mind the Caps Lock key."));
      return FALSE;
    }
  return TRUE;
}

/* Main thread: the keys opened are this database's; the person is now
 * identified, with the confidential key their slot holds */
gboolean
acu_store_apply_identity_check (AcuStore          *store,
                                AcuIdentityCheck  *check,
                                GError           **error)
{
  const AcuSecret *db_key = acu_store_peek_database_key (store);

  if (check->db_key == NULL || db_key == NULL
      || acu_secret_get_size (check->db_key) != acu_secret_get_size (db_key)
      || sodium_memcmp (acu_secret_get_data (check->db_key), acu_secret_get_data (db_key),
                        acu_secret_get_size (db_key)) != 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                           _("This password does not open this database."));
      return FALSE;
    }
  acu_store_forget_identity (store);
  if (!acu_audit_record_as (store, check->person_id, "password-identified", "desk_person", check->person_id, error))
    return FALSE;
  acu_store_set_identity (store, check->person_id, check->name, check->role, check->slot_id,
                          g_steal_pointer (&check->conf_key));
  return TRUE;
}

gboolean
acu_store_identify_with_password (AcuStore    *store,
                                  gint64       person_id,
                                  const char  *password,
                                  GError     **error)
{
  g_autoptr(AcuIdentityCheck) check = acu_store_new_identity_check (store, person_id, error);

  return check != NULL
         && acu_identity_check_run (check, password, error)
         && acu_store_apply_identity_check (store, check, error);
}
