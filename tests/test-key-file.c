/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "acu-key-file.h"
#include "acu-secret.h"
#include "acu-test-util.h"

#define PASSWORD       "Tr3s-Secret!Gers#2026"
#define OTHER_PASSWORD "Autre-Mot2Passe!Auch"
#define NEW_PASSWORD   "Nouveau#Secret-2027x"
#define PERSON         "Hélène Martin"
#define RECOVERY_CODE  "0123A-BCDEF-GHJKM-NPQRS-TVWXY-Z4567"

static char *tmpdir;

static void
setup (void)
{
  tmpdir = acu_test_folder_new ();
}

static void
teardown (void)
{
  g_clear_pointer (&tmpdir, acu_test_tmpdir_free);
}

static void
assert_same_key (const AcuSecret *a,
                 const AcuSecret *b)
{
  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_nonnull (b);
  ck_assert_uint_eq (acu_secret_get_size (a), ACU_KEY_BYTES);
  ck_assert_uint_eq (acu_secret_get_size (b), ACU_KEY_BYTES);
  ck_assert_int_eq (memcmp (acu_secret_get_data (a), acu_secret_get_data (b), ACU_KEY_BYTES), 0);
}

/* A key file with Hélène's password slot and a recovery slot, saved in the
 * test folder; returns its path */
static char *
write_key_file (const AcuSecret *db_key,
                const AcuSecret *conf_key,
                guint           *password_slot,
                guint           *recovery_slot)
{
  g_autoptr(AcuKeyFile) key_file = acu_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, "site.acuelh-keys", NULL);
  guint p, r;

  p = acu_key_file_add_slot (key_file, PERSON, ACU_ROLE_COORDINATOR, ACU_SLOT_PASSWORD,
                             PASSWORD, db_key, conf_key, NULL);
  r = acu_key_file_add_slot (key_file, "Recovery code", ACU_ROLE_COORDINATOR, ACU_SLOT_RECOVERY,
                             RECOVERY_CODE, db_key, conf_key, NULL);
  ck_assert_uint_ne (p, 0);
  ck_assert_uint_ne (r, 0);
  ck_assert_uint_ne (p, r);
  ck_assert_uint_eq (acu_key_file_get_n_slots (key_file), 2);

  ck_assert (acu_key_file_save (key_file, path, &error));
  ck_assert_ptr_null (error);

  if (password_slot)
    *password_slot = p;
  if (recovery_slot)
    *recovery_slot = r;
  return path;
}

static void
assert_load_damaged (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuKeyFile) key_file = acu_key_file_load (path, &error);

  ck_assert_ptr_null (key_file);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_KEYFILE_DAMAGED);
}

/* Saving, loading, unlocking */

START_TEST (test_key_file_save_load_unlock)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) conf_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) got_db = NULL;
  g_autoptr(AcuSecret) got_conf = NULL;
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AcuKeySlot *slot;
  guint password_slot, recovery_slot;

  path = write_key_file (db_key, conf_key, &password_slot, &recovery_slot);
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (key_file);
  ck_assert_uint_eq (acu_key_file_get_n_slots (key_file), 2);

  slot = acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, PASSWORD,
                              &got_db, &got_conf, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (slot);
  ck_assert_uint_eq (acu_key_slot_get_id (slot), password_slot);
  ck_assert_str_eq (acu_key_slot_get_name (slot), PERSON);
  ck_assert_int_eq (acu_key_slot_get_role (slot), ACU_ROLE_COORDINATOR);
  ck_assert_int_eq (acu_key_slot_get_kind (slot), ACU_SLOT_PASSWORD);
  ck_assert_int_gt (acu_key_slot_get_created (slot), 0);
  assert_same_key (got_db, db_key);
  assert_same_key (got_conf, conf_key);
}
END_TEST

START_TEST (test_key_file_unlock_recovery)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) conf_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) got_db = NULL;
  g_autoptr(AcuSecret) got_conf = NULL;
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AcuKeySlot *slot;
  guint recovery_slot;

  path = write_key_file (db_key, conf_key, NULL, &recovery_slot);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  /* The recovery code does not open as a password */
  slot = acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, RECOVERY_CODE,
                              &got_db, &got_conf, &error);
  ck_assert_ptr_null (slot);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  ck_assert_ptr_null (got_db);
  g_clear_error (&error);

  /* Recovery slots are tried whatever the name */
  slot = acu_key_file_unlock (key_file, NULL, ACU_SLOT_RECOVERY, RECOVERY_CODE,
                              &got_db, &got_conf, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (slot);
  ck_assert_uint_eq (acu_key_slot_get_id (slot), recovery_slot);
  ck_assert_int_eq (acu_key_slot_get_kind (slot), ACU_SLOT_RECOVERY);
  assert_same_key (got_db, db_key);
  assert_same_key (got_conf, conf_key);
}
END_TEST

START_TEST (test_key_file_wrong_password)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) got_db = NULL;
  g_autoptr(AcuSecret) got_conf = NULL;
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AcuKeySlot *slot;

  path = write_key_file (db_key, NULL, NULL, NULL);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  slot = acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, OTHER_PASSWORD,
                              &got_db, &got_conf, &error);
  ck_assert_ptr_null (slot);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  ck_assert_ptr_null (got_db);
  ck_assert_ptr_null (got_conf);
  g_clear_error (&error);

  /* One character off */
  slot = acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, "tr3s-Secret!Gers#2026",
                              &got_db, NULL, &error);
  ck_assert_ptr_null (slot);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* The right password under someone else's name */
  slot = acu_key_file_unlock (key_file, "Paul Durand", ACU_SLOT_PASSWORD, PASSWORD,
                              &got_db, NULL, &error);
  ck_assert_ptr_null (slot);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  ck_assert_ptr_null (got_db);
}
END_TEST

START_TEST (test_key_file_name_folding)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *typed[] = { "helene martin", "HÉLÈNE MARTIN", "  Helene   Martin ", "hélène martin" };

  path = write_key_file (db_key, NULL, NULL, NULL);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(AcuSecret) got_db = NULL;
      AcuKeySlot *slot = acu_key_file_unlock (key_file, typed[i], ACU_SLOT_PASSWORD, PASSWORD,
                                              &got_db, NULL, &error);

      ck_assert_msg (slot != NULL, "\"%s\" did not open: %s", typed[i],
                     error ? error->message : "(no error)");
      ck_assert_str_eq (acu_key_slot_get_name (slot), PERSON);
      assert_same_key (got_db, db_key);
    }
}
END_TEST

START_TEST (test_key_file_slot_without_conf_key)
{
  g_autoptr(AcuKeyFile) key_file = acu_key_file_new ();
  g_autoptr(AcuKeyFile) loaded = NULL;
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) got_db = NULL;
  g_autoptr(AcuSecret) got_conf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "site.acuelh-keys", NULL);
  AcuKeySlot *slot;

  acu_key_file_add_slot (key_file, "Karim Benali", ACU_ROLE_STAFF, ACU_SLOT_PASSWORD,
                         OTHER_PASSWORD, db_key, NULL, NULL);
  ck_assert (acu_key_file_save (key_file, path, &error));
  loaded = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (loaded);

  slot = acu_key_file_unlock (loaded, "Karim Benali", ACU_SLOT_PASSWORD, OTHER_PASSWORD,
                              &got_db, &got_conf, &error);
  ck_assert_ptr_nonnull (slot);
  ck_assert_int_eq (acu_key_slot_get_role (slot), ACU_ROLE_STAFF);
  assert_same_key (got_db, db_key);
  ck_assert_ptr_null (got_conf);
}
END_TEST

START_TEST (test_key_file_rewrap)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuSecret) conf_key = acu_secret_new_random ();
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(AcuKeyFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint password_slot;

  path = write_key_file (db_key, conf_key, &password_slot, NULL);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  /* A wrong old password changes nothing */
  ck_assert (!acu_key_file_rewrap_slot (key_file, password_slot, OTHER_PASSWORD, NEW_PASSWORD, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  ck_assert_ptr_nonnull (acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, PASSWORD,
                                              NULL, NULL, &error));

  ck_assert (acu_key_file_rewrap_slot (key_file, password_slot, PASSWORD, NEW_PASSWORD, &error));
  ck_assert_ptr_null (error);
  ck_assert (acu_key_file_save (key_file, path, &error));

  reloaded = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (reloaded);

  {
    g_autoptr(AcuSecret) got_db = NULL;
    g_autoptr(AcuSecret) got_conf = NULL;
    AcuKeySlot *slot;

    slot = acu_key_file_unlock (reloaded, PERSON, ACU_SLOT_PASSWORD, PASSWORD,
                                &got_db, &got_conf, &error);
    ck_assert_ptr_null (slot);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
    g_clear_error (&error);

    slot = acu_key_file_unlock (reloaded, PERSON, ACU_SLOT_PASSWORD, NEW_PASSWORD,
                                &got_db, &got_conf, &error);
    ck_assert_ptr_null (error);
    ck_assert_ptr_nonnull (slot);
    ck_assert_uint_eq (acu_key_slot_get_id (slot), password_slot);
    /* Same keys, wrapped anew */
    assert_same_key (got_db, db_key);
    assert_same_key (got_conf, conf_key);
  }

  /* The other slot still opens */
  ck_assert_ptr_nonnull (acu_key_file_unlock (reloaded, NULL, ACU_SLOT_RECOVERY, RECOVERY_CODE,
                                              NULL, NULL, &error));
}
END_TEST

START_TEST (test_key_file_remove_slot)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(AcuKeyFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) names = NULL;
  guint password_slot, recovery_slot;

  path = write_key_file (db_key, NULL, &password_slot, &recovery_slot);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  ck_assert (acu_key_file_remove_slot (key_file, password_slot));
  ck_assert_uint_eq (acu_key_file_get_n_slots (key_file), 1);
  ck_assert_ptr_null (acu_key_file_find_slot (key_file, password_slot));
  ck_assert_ptr_nonnull (acu_key_file_find_slot (key_file, recovery_slot));
  /* Removing it twice finds nothing */
  ck_assert (!acu_key_file_remove_slot (key_file, password_slot));

  ck_assert_ptr_null (acu_key_file_unlock (key_file, PERSON, ACU_SLOT_PASSWORD, PASSWORD,
                                           NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  ck_assert (acu_key_file_save (key_file, path, &error));
  reloaded = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (reloaded);
  ck_assert_uint_eq (acu_key_file_get_n_slots (reloaded), 1);
  ck_assert_ptr_null (acu_key_file_unlock (reloaded, PERSON, ACU_SLOT_PASSWORD, PASSWORD,
                                           NULL, NULL, &error));
  g_clear_error (&error);
  ck_assert_ptr_nonnull (acu_key_file_unlock (reloaded, NULL, ACU_SLOT_RECOVERY, RECOVERY_CODE,
                                              NULL, NULL, &error));

  /* The unlock page lists password slots only: none left */
  names = acu_key_file_dup_person_names (reloaded);
  ck_assert_ptr_nonnull (names);
  ck_assert_uint_eq (g_strv_length (names), 0);
}
END_TEST

START_TEST (test_key_file_ids_not_reused)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(AcuKeyFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint password_slot, recovery_slot, added;

  path = write_key_file (db_key, NULL, &password_slot, &recovery_slot);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  /* The slot with the highest id goes, the file is saved and reloaded:
   * its id is still never given to someone else */
  ck_assert_uint_gt (recovery_slot, password_slot);
  ck_assert (acu_key_file_remove_slot (key_file, recovery_slot));
  ck_assert (acu_key_file_save (key_file, path, &error));
  reloaded = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (reloaded);

  added = acu_key_file_add_slot (reloaded, "Karim Benali", ACU_ROLE_STAFF, ACU_SLOT_PASSWORD,
                                 OTHER_PASSWORD, db_key, NULL, NULL);
  ck_assert_uint_ne (added, 0);
  ck_assert_uint_ne (added, password_slot);
  ck_assert_uint_ne (added, recovery_slot);
}
END_TEST

START_TEST (test_key_file_person_names)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autoptr(AcuKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) names = NULL;

  path = write_key_file (db_key, NULL, NULL, NULL);
  key_file = acu_key_file_load (path, &error);
  ck_assert_ptr_nonnull (key_file);

  names = acu_key_file_dup_person_names (key_file);
  ck_assert_uint_eq (g_strv_length (names), 1);
  ck_assert_str_eq (names[0], PERSON);
}
END_TEST

/* Loading what is not a key file */

START_TEST (test_key_file_load_missing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "nothing.acuelh-keys", NULL);
  g_autoptr(AcuKeyFile) key_file = acu_key_file_load (path, &error);

  ck_assert_ptr_null (key_file);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_KEYFILE_MISSING);
}
END_TEST

START_TEST (test_key_file_load_garbage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "site.acuelh-keys", NULL);

  ck_assert (g_file_set_contents (path, "this is not JSON { at all", -1, &error));
  assert_load_damaged (path);

  ck_assert (g_file_set_contents (path, "", 0, &error));
  assert_load_damaged (path);

  ck_assert (g_file_set_contents (path, "[1, 2, 3]", -1, &error));
  assert_load_damaged (path);
}
END_TEST

/* Loads the JSON of the saved file at @path, lets @edit change it, writes
 * it back */
typedef void (*JsonEdit) (JsonObject *root);

static void
rewrite_json (const char *path,
              JsonEdit    edit)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  ck_assert (json_parser_load_from_file (parser, path, &error));
  root = json_parser_get_root (parser);
  ck_assert (JSON_NODE_HOLDS_OBJECT (root));
  edit (json_node_get_object (root));

  json_generator_set_root (generator, root);
  ck_assert (json_generator_to_file (generator, path, &error));
}

static void
set_other_format (JsonObject *root)
{
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "io.github.acuelh.keys");
  json_object_set_string_member (root, "format", "org.example.keys");
}

static void
set_future_version (JsonObject *root)
{
  ck_assert_int_eq (json_object_get_int_member (root, "version"), 1);
  json_object_set_int_member (root, "version", 2);
}

static JsonObject *
first_slot_kdf (JsonObject *root)
{
  JsonArray *slots = json_object_get_array_member (root, "slots");
  JsonObject *kdf;

  ck_assert_ptr_nonnull (slots);
  ck_assert_uint_gt (json_array_get_length (slots), 0);
  kdf = json_object_get_object_member (json_array_get_object_element (slots, 0), "kdf");
  ck_assert_ptr_nonnull (kdf);
  ck_assert (json_object_has_member (kdf, "salt"));
  return kdf;
}

static void
set_short_salt (JsonObject *root)
{
  /* 8 bytes; Argon2id salts are 16 */
  json_object_set_string_member (first_slot_kdf (root), "salt", "AAAAAAAAAAA=");
}

static void
set_zero_salt (JsonObject *root)
{
  /* 16 bytes */
  json_object_set_string_member (first_slot_kdf (root), "salt", "AAAAAAAAAAAAAAAAAAAAAA==");
}

static void
set_duplicate_id (JsonObject *root)
{
  JsonArray *slots = json_object_get_array_member (root, "slots");
  JsonObject *first, *second;

  ck_assert_uint_eq (json_array_get_length (slots), 2);
  first = json_array_get_object_element (slots, 0);
  second = json_array_get_object_element (slots, 1);
  ck_assert_int_ne (json_object_get_int_member (first, "id"), json_object_get_int_member (second, "id"));
  json_object_set_int_member (second, "id", json_object_get_int_member (first, "id"));
}

static void
assert_loads (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuKeyFile) key_file = acu_key_file_load (path, &error);

  ck_assert_msg (key_file != NULL, "%s does not load: %s", path, error ? error->message : "");
  ck_assert_ptr_null (error);
}

START_TEST (test_key_file_load_wrong_format)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autofree char *path = write_key_file (db_key, NULL, NULL, NULL);

  /* The file as written loads... */
  assert_loads (path);
  /* ...the same with another program's format name does not */
  rewrite_json (path, set_other_format);
  assert_load_damaged (path);
}
END_TEST

START_TEST (test_key_file_load_future_version)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autofree char *path = write_key_file (db_key, NULL, NULL, NULL);

  g_autoptr(GError) error = NULL;
  g_autoptr(AcuKeyFile) loaded = NULL;

  assert_loads (path);
  rewrite_json (path, set_future_version);
  /* Not damaged: written by a newer Acuèlh, like a newer schema */
  loaded = acu_key_file_load (path, &error);
  ck_assert_ptr_null (loaded);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SCHEMA_TOO_NEW);
}
END_TEST

START_TEST (test_key_file_load_short_salt)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autofree char *path = write_key_file (db_key, NULL, NULL, NULL);

  /* A salt of the right length, even a poor one, loads */
  rewrite_json (path, set_zero_salt);
  assert_loads (path);
  /* A short one does not */
  rewrite_json (path, set_short_salt);
  assert_load_damaged (path);
}
END_TEST

START_TEST (test_key_file_load_duplicate_ids)
{
  g_autoptr(AcuSecret) db_key = acu_secret_new_random ();
  g_autofree char *path = write_key_file (db_key, NULL, NULL, NULL);

  assert_loads (path);
  rewrite_json (path, set_duplicate_id);
  assert_load_damaged (path);
}
END_TEST

START_TEST (test_key_file_load_empty_slots)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "site.acuelh-keys", NULL);

  ck_assert (g_file_set_contents (path,
                                  "{\"format\": \"io.github.acuelh.keys\", \"version\": 1, "
                                  "\"next_id\": 1, \"slots\": []}", -1, &error));
  assert_load_damaged (path);
}
END_TEST

/* Recovery codes */

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

START_TEST (test_recovery_code_generate)
{
  g_autofree char *a = acu_recovery_code_generate ();
  g_autofree char *b = acu_recovery_code_generate ();

  ck_assert_ptr_nonnull (a);
  ck_assert_uint_eq (strlen (a), 35);
  for (guint i = 0; i < 35; i++)
    {
      if (i % 6 == 5)
        ck_assert_msg (a[i] == '-', "%s: position %u should be a dash", a, i);
      else
        ck_assert_msg (a[i] != '\0' && strchr (crockford, a[i]) != NULL,
                       "%s: '%c' at %u is not Crockford base 32", a, a[i], i);
    }
  ck_assert_str_ne (a, b);
}
END_TEST

static void
assert_normalizes_to (const char *typed,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = acu_recovery_code_normalize (typed, &error);

  ck_assert_msg (code != NULL, "\"%s\" refused: %s", typed, error ? error->message : "");
  ck_assert_ptr_null (error);
  ck_assert_str_eq (code, expected);
}

static void
assert_normalize_refused (const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = acu_recovery_code_normalize (typed, &error);

  ck_assert_msg (code == NULL, "\"%s\" accepted as %s", typed, code);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
}

START_TEST (test_recovery_code_normalize)
{
  /* Already canonical */
  assert_normalizes_to ("ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567", "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567");
  /* Lower case, spaces */
  assert_normalizes_to ("abcde fghjk mnpqr stvwx yz012 34567", "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567");
  /* No separators at all */
  assert_normalizes_to ("ABCDEFGHJKMNPQRSTVWXYZ01234567", "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567");
  /* Badly grouped, with tabs and a new line */
  assert_normalizes_to ("ab cdef\tghjkmn-pqrs\ntvwxyz 0123 4567", "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567");
  /* O read as 0; I and L read as 1 */
  assert_normalizes_to ("o1l2i-abcde-fghjk-mnpqr-stvwx-yz789", "01121-ABCDE-FGHJK-MNPQR-STVWX-YZ789");
  assert_normalizes_to ("OOOOO-IIIII-LLLLL-ooooo-iiiii-lllll", "00000-11111-11111-00000-11111-11111");
}
END_TEST

START_TEST (test_recovery_code_normalize_refused)
{
  /* Too short: 29 characters */
  assert_normalize_refused ("ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456");
  assert_normalize_refused ("ABCDE");
  assert_normalize_refused ("");
  /* Too long: 31 characters */
  assert_normalize_refused ("ABCDE-FGHJK-MNPQR-STVWX-YZ012-345678");
  /* U is not in Crockford's alphabet */
  assert_normalize_refused ("ABCDU-FGHJK-MNPQR-STVWX-YZ012-34567");
  assert_normalize_refused ("abcdu-fghjk-mnpqr-stvwx-yz012-34567");
  /* Nor any punctuation */
  assert_normalize_refused ("ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456!");
}
END_TEST

/* Secrets */

START_TEST (test_secret_wipe)
{
  g_autoptr(AcuSecret) secret = acu_secret_new_random ();
  g_autoptr(AcuSecret) copy = NULL;

  ck_assert_uint_eq (acu_secret_get_size (secret), ACU_KEY_BYTES);
  ck_assert (!acu_secret_is_wiped (secret));

  copy = acu_secret_copy (secret);
  ck_assert_ptr_ne (acu_secret_get_data (copy), acu_secret_get_data (secret));
  ck_assert_int_eq (memcmp (acu_secret_get_data (copy), acu_secret_get_data (secret), ACU_KEY_BYTES), 0);

  acu_secret_wipe (secret);
  ck_assert (acu_secret_is_wiped (secret));
  /* The copy is a key of its own */
  ck_assert (!acu_secret_is_wiped (copy));
}
END_TEST

START_TEST (test_secret_random_differs)
{
  g_autoptr(AcuSecret) a = acu_secret_new_random ();
  g_autoptr(AcuSecret) b = acu_secret_new_random ();

  ck_assert (!acu_secret_is_wiped (a));
  ck_assert (!acu_secret_is_wiped (b));
  ck_assert_int_ne (memcmp (acu_secret_get_data (a), acu_secret_get_data (b), ACU_KEY_BYTES), 0);
}
END_TEST

START_TEST (test_secret_from_bytes)
{
  const guint8 bytes[4] = { 0x41, 0x63, 0x75, 0x45 };
  g_autoptr(AcuSecret) secret = acu_secret_new_from_bytes (bytes, sizeof bytes);
  g_autoptr(AcuSecret) zero = acu_secret_new_from_bytes (NULL, 8);

  ck_assert_uint_eq (acu_secret_get_size (secret), 4);
  ck_assert_mem_eq (acu_secret_get_data (secret), "AcuE", 4);
  ck_assert (!acu_secret_is_wiped (secret));
  ck_assert_uint_eq (acu_secret_get_size (zero), 8);
  ck_assert (acu_secret_is_wiped (zero));
}
END_TEST

/* Small helpers */

START_TEST (test_key_file_path_and_roles)
{
  g_autofree char *path = acu_key_file_path_for ("/srv/desk/lectoure.acuelh");
  AcuRole role = ACU_ROLE_VOLUNTEER;

  ck_assert_str_eq (path, "/srv/desk/lectoure.acuelh-keys");
  ck_assert_str_eq (acu_role_to_string (ACU_ROLE_VOLUNTEER), "volunteer");
  ck_assert_str_eq (acu_role_to_string (ACU_ROLE_STAFF), "staff");
  ck_assert_str_eq (acu_role_to_string (ACU_ROLE_COORDINATOR), "coordinator");
  ck_assert (acu_role_from_string ("staff", &role));
  ck_assert_int_eq (role, ACU_ROLE_STAFF);
  ck_assert (acu_role_from_string ("coordinator", &role));
  ck_assert_int_eq (role, ACU_ROLE_COORDINATOR);
  ck_assert (!acu_role_from_string ("admin", &role));
  ck_assert (!acu_role_from_string ("Staff", &role));
  ck_assert_int_eq (role, ACU_ROLE_COORDINATOR);
}
END_TEST

static Suite *
key_file_suite (void)
{
  Suite *suite = suite_create ("key-file");
  TCase *tc;

  tc = tcase_create ("slots");
  tcase_set_timeout (tc, 120);
  tcase_add_unchecked_fixture (tc, acu_test_root_setup, acu_test_root_teardown);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_key_file_save_load_unlock);
  tcase_add_test (tc, test_key_file_unlock_recovery);
  tcase_add_test (tc, test_key_file_wrong_password);
  tcase_add_test (tc, test_key_file_name_folding);
  tcase_add_test (tc, test_key_file_slot_without_conf_key);
  tcase_add_test (tc, test_key_file_rewrap);
  tcase_add_test (tc, test_key_file_remove_slot);
  tcase_add_test (tc, test_key_file_ids_not_reused);
  tcase_add_test (tc, test_key_file_person_names);
  tcase_add_test (tc, test_key_file_path_and_roles);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("load");
  tcase_set_timeout (tc, 120);
  tcase_add_unchecked_fixture (tc, acu_test_root_setup, acu_test_root_teardown);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_key_file_load_missing);
  tcase_add_test (tc, test_key_file_load_garbage);
  tcase_add_test (tc, test_key_file_load_wrong_format);
  tcase_add_test (tc, test_key_file_load_future_version);
  tcase_add_test (tc, test_key_file_load_short_salt);
  tcase_add_test (tc, test_key_file_load_empty_slots);
  tcase_add_test (tc, test_key_file_load_duplicate_ids);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("recovery-code");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_recovery_code_generate);
  tcase_add_test (tc, test_recovery_code_normalize);
  tcase_add_test (tc, test_recovery_code_normalize_refused);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("secret");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_secret_wipe);
  tcase_add_test (tc, test_secret_random_differs);
  tcase_add_test (tc, test_secret_from_bytes);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (key_file_suite ());
}
