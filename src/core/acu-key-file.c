/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-key-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "acu-fold.h"
#include "acu-key-file.h"

/* The key-slot sidecar file (DESIGN.md, "Encryption at rest"): like LUKS,
 * each slot wraps the database key (and, for staff and coordinators, the
 * confidential-notes key) with a key derived from one person's password by
 * Argon2id. The secretbox MAC tells a wrong password from a damaged
 * database, which SQLCipher cannot do. */

#define KEY_FILE_FORMAT  "io.github.acuelh.keys"
#define KEY_FILE_VERSION 1
#define RECOVERY_GROUPS  6
#define RECOVERY_GROUP   5
#define RECOVERY_LENGTH  (RECOVERY_GROUPS * RECOVERY_GROUP)
/* A key file is a few KiB; anything larger, or nested deeper than the
 * format, is refused before parsing (json-glib recurses on nesting) */
#define KEY_FILE_MAX_SIZE  (64 * 1024)
#define KEY_FILE_MAX_DEPTH 8
/* Argon2id bounds accepted from a file: at most libsodium's SENSITIVE
 * limits, so that a forged slot cannot ask for minutes or gigabytes */
#define KDF_MAX_OPSLIMIT   crypto_pwhash_OPSLIMIT_SENSITIVE
#define KDF_MAX_MEMLIMIT   crypto_pwhash_MEMLIMIT_SENSITIVE

/* Crockford's base 32: no I, L, O, U, so nothing is misread on paper */
static const char recovery_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

struct _AcuKeySlot
{
  guint        id;
  char        *name;
  AcuRole      role;
  AcuSlotKind  kind;
  gint64       created;
  guint64      opslimit;
  gsize        memlimit;
  guint8       salt[crypto_pwhash_SALTBYTES];
  GBytes      *db_wrapped;   /* nonce + secretbox */
  GBytes      *conf_wrapped; /* nullable */
};

struct _AcuKeyFile
{
  guint      next_id;
  GPtrArray *slots;
};

static guint64 kdf_opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
static gsize   kdf_memlimit = crypto_pwhash_MEMLIMIT_MODERATE;

static void
acu_key_slot_free (AcuKeySlot *slot)
{
  g_free (slot->name);
  g_clear_pointer (&slot->db_wrapped, g_bytes_unref);
  g_clear_pointer (&slot->conf_wrapped, g_bytes_unref);
  g_free (slot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuKeySlot, acu_key_slot_free)

static const char * const role_names[] = { "volunteer", "staff", "coordinator" };

const char *
acu_role_to_string (AcuRole role)
{
  g_return_val_if_fail (role <= ACU_ROLE_COORDINATOR, NULL);
  return role_names[role];
}

gboolean
acu_role_from_string (const char *text,
                      AcuRole    *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

G_DEFINE_ENUM_TYPE (AcuRole, acu_role,
                    G_DEFINE_ENUM_VALUE (ACU_ROLE_VOLUNTEER, "volunteer"),
                    G_DEFINE_ENUM_VALUE (ACU_ROLE_STAFF, "staff"),
                    G_DEFINE_ENUM_VALUE (ACU_ROLE_COORDINATOR, "coordinator"))

const char *
acu_role_get_label (AcuRole role)
{
  switch (role)
    {
    case ACU_ROLE_VOLUNTEER:   return _("Volunteer");
    case ACU_ROLE_STAFF:       return _("Staff");
    case ACU_ROLE_COORDINATOR: return _("Coordinator");
    default:                   g_return_val_if_reached (NULL);
    }
}

/* For tests only: Argon2id at MODERATE limits takes ~0.5 s and 256 MiB. */
void
acu_key_file_set_kdf_limits (guint64 opslimit,
                             gsize   memlimit)
{
  kdf_opslimit = opslimit;
  kdf_memlimit = memlimit;
}

char *
acu_key_file_path_for (const char *database_path)
{
  return g_strconcat (database_path, "-keys", NULL);
}

AcuKeyFile *
acu_key_file_new (void)
{
  AcuKeyFile *self = g_new0 (AcuKeyFile, 1);

  self->next_id = 1;
  self->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_key_slot_free);
  return self;
}

void
acu_key_file_free (AcuKeyFile *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->slots);
  g_free (self);
}

static gboolean
derive_wrapping_key (const AcuKeySlot  *slot,
                     const char        *secret,
                     AcuSecret        **out,
                     GError           **error)
{
  g_autoptr(AcuSecret) key = acu_secret_new_from_bytes (NULL, crypto_secretbox_KEYBYTES);
  g_autofree char *normalized = NULL;
  int rc;

  /* "é" typed as one character or as e + accent is the same password */
  normalized = g_utf8_validate (secret, -1, NULL) ? g_utf8_normalize (secret, -1, G_NORMALIZE_NFC) : NULL;
  if (normalized == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The password is not valid text."));
      return FALSE;
    }

  rc = crypto_pwhash ((guint8 *) acu_secret_get_data (key), acu_secret_get_size (key),
                      normalized, strlen (normalized), slot->salt,
                      slot->opslimit, slot->memlimit,
                      crypto_pwhash_ALG_ARGON2ID13);
  sodium_memzero (normalized, strlen (normalized));
  if (rc != 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("Not enough memory to check the password. Close other applications and try again."));
      return FALSE;
    }
  *out = g_steal_pointer (&key);
  return TRUE;
}

static GBytes *
wrap (const AcuSecret *wrapping_key,
      const AcuSecret *key)
{
  gsize len = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + acu_secret_get_size (key);
  guint8 *buf = g_malloc (len);

  randombytes_buf (buf, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (buf + crypto_secretbox_NONCEBYTES,
                         acu_secret_get_data (key), acu_secret_get_size (key),
                         buf, acu_secret_get_data (wrapping_key));
  return g_bytes_new_take (buf, len);
}

static AcuSecret *
unwrap (const AcuSecret *wrapping_key,
        GBytes          *wrapped)
{
  gsize len;
  const guint8 *buf = g_bytes_get_data (wrapped, &len);
  g_autoptr(AcuSecret) key = NULL;

  if (len != crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + ACU_KEY_BYTES)
    return NULL;

  key = acu_secret_new_from_bytes (NULL, ACU_KEY_BYTES);
  if (crypto_secretbox_open_easy ((guint8 *) acu_secret_get_data (key),
                                  buf + crypto_secretbox_NONCEBYTES,
                                  len - crypto_secretbox_NONCEBYTES,
                                  buf, acu_secret_get_data (wrapping_key)) != 0)
    return NULL;

  return g_steal_pointer (&key);
}

static gboolean
fill_slot_keys (AcuKeySlot       *slot,
                const char       *secret,
                const AcuSecret  *db_key,
                const AcuSecret  *conf_key,
                GError          **error)
{
  g_autoptr(AcuSecret) wrapping_key = NULL;

  slot->opslimit = kdf_opslimit;
  slot->memlimit = kdf_memlimit;
  randombytes_buf (slot->salt, sizeof slot->salt);

  if (!derive_wrapping_key (slot, secret, &wrapping_key, error))
    return FALSE;

  g_clear_pointer (&slot->db_wrapped, g_bytes_unref);
  g_clear_pointer (&slot->conf_wrapped, g_bytes_unref);
  slot->db_wrapped = wrap (wrapping_key, db_key);
  if (conf_key != NULL)
    slot->conf_wrapped = wrap (wrapping_key, conf_key);
  return TRUE;
}

/* Returns the new slot's id, or 0 with @error set */
guint
acu_key_file_add_slot (AcuKeyFile       *self,
                       const char       *name,
                       AcuRole           role,
                       AcuSlotKind       kind,
                       const char       *secret,
                       const AcuSecret  *db_key,
                       const AcuSecret  *conf_key,
                       GError          **error)
{
  g_autoptr(AcuKeySlot) slot = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL && secret != NULL && db_key != NULL, 0);

  if (self->next_id >= G_MAXINT)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("The key file holds no more room for new people."));
      return 0;
    }

  slot = g_new0 (AcuKeySlot, 1);
  slot->id = self->next_id;
  slot->name = g_strdup (name);
  slot->role = role;
  slot->kind = kind;
  slot->created = g_get_real_time () / G_USEC_PER_SEC;
  if (!fill_slot_keys (slot, secret, db_key, conf_key, error))
    return 0;

  self->next_id++;
  g_ptr_array_add (self->slots, slot);
  return g_steal_pointer (&slot)->id;
}

guint
acu_key_file_get_n_slots (AcuKeyFile *self)
{
  return self->slots->len;
}

AcuKeySlot *
acu_key_file_get_slot (AcuKeyFile *self,
                       guint       index)
{
  g_return_val_if_fail (index < self->slots->len, NULL);
  return g_ptr_array_index (self->slots, index);
}

AcuKeySlot *
acu_key_file_find_slot (AcuKeyFile *self,
                        guint       slot_id)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      AcuKeySlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->id == slot_id)
        return slot;
    }
  return NULL;
}

/* The names offered on the unlock page: password slots only */
GStrv
acu_key_file_dup_person_names (AcuKeyFile *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->slots->len; i++)
    {
      AcuKeySlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->kind == ACU_SLOT_PASSWORD)
        g_strv_builder_add (builder, slot->name);
    }
  return g_strv_builder_end (builder);
}

gboolean
acu_key_file_remove_slot (AcuKeyFile *self,
                          guint       slot_id)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      AcuKeySlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->id == slot_id)
        {
          g_ptr_array_remove_index (self->slots, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_wrong_secret_error (AcuSlotKind   kind,
                        GError      **error)
{
  if (kind == ACU_SLOT_RECOVERY)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                         _("This recovery code does not open this database. Check each group of characters."));
  else
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD,
                         _("Wrong password. Check the name and try again; mind the Caps Lock key."));
}

/* Tries the slots of @kind whose display name folds like @name (any name
 * when NULL). Returns the slot that opened, with its keys. */
AcuKeySlot *
acu_key_file_unlock (AcuKeyFile  *self,
                     const char  *name,
                     AcuSlotKind  kind,
                     const char  *secret,
                     AcuSecret  **db_key,
                     AcuSecret  **conf_key,
                     GError     **error)
{
  g_autofree char *folded_name = name ? acu_fold (name) : NULL;

  g_return_val_if_fail (self != NULL && secret != NULL, NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      AcuKeySlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(AcuSecret) wrapping_key = NULL;
      g_autoptr(AcuSecret) db = NULL;

      if (slot->kind != kind)
        continue;
      if (folded_name != NULL)
        {
          g_autofree char *folded = acu_fold (slot->name);

          if (g_strcmp0 (folded, folded_name) != 0)
            continue;
        }

      if (!derive_wrapping_key (slot, secret, &wrapping_key, error))
        return NULL;

      db = unwrap (wrapping_key, slot->db_wrapped);
      if (db == NULL)
        continue;

      if (conf_key != NULL)
        *conf_key = slot->conf_wrapped ? unwrap (wrapping_key, slot->conf_wrapped) : NULL;
      if (db_key != NULL)
        *db_key = g_steal_pointer (&db);
      return slot;
    }

  set_wrong_secret_error (kind, error);
  return NULL;
}

gboolean
acu_key_file_rewrap_slot (AcuKeyFile  *self,
                          guint        slot_id,
                          const char  *old_secret,
                          const char  *new_secret,
                          GError     **error)
{
  AcuKeySlot *slot = acu_key_file_find_slot (self, slot_id);
  g_autoptr(AcuSecret) wrapping_key = NULL;
  g_autoptr(AcuSecret) db = NULL;
  g_autoptr(AcuSecret) conf = NULL;

  if (slot == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This key slot no longer exists."));
      return FALSE;
    }

  if (!derive_wrapping_key (slot, old_secret, &wrapping_key, error))
    return FALSE;
  db = unwrap (wrapping_key, slot->db_wrapped);
  if (db == NULL)
    {
      set_wrong_secret_error (slot->kind, error);
      return FALSE;
    }
  if (slot->conf_wrapped != NULL)
    conf = unwrap (wrapping_key, slot->conf_wrapped);

  return fill_slot_keys (slot, new_secret, db, conf, error);
}

guint
acu_key_slot_get_id (const AcuKeySlot *slot)
{
  return slot->id;
}

const char *
acu_key_slot_get_name (const AcuKeySlot *slot)
{
  return slot->name;
}

AcuRole
acu_key_slot_get_role (const AcuKeySlot *slot)
{
  return slot->role;
}

AcuSlotKind
acu_key_slot_get_kind (const AcuKeySlot *slot)
{
  return slot->kind;
}

gint64
acu_key_slot_get_created (const AcuKeySlot *slot)
{
  return slot->created;
}

/* Serialisation */

static void
add_base64 (JsonBuilder  *builder,
            const char   *member,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *text = g_base64_encode (data, len);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_wrapped (JsonBuilder *builder,
             const char  *member,
             GBytes      *wrapped)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (wrapped, &len);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_base64 (builder, "nonce", data, crypto_secretbox_NONCEBYTES);
  add_base64 (builder, "box", data + crypto_secretbox_NONCEBYTES, len - crypto_secretbox_NONCEBYTES);
  json_builder_end_object (builder);
}

gboolean
acu_key_file_save (AcuKeyFile  *self,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, KEY_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, KEY_FILE_VERSION);
  json_builder_set_member_name (builder, "next_id");
  json_builder_add_int_value (builder, self->next_id);
  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->slots->len; i++)
    {
      AcuKeySlot *slot = g_ptr_array_index (self->slots, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, slot->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, slot->name);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, acu_role_to_string (slot->role));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, slot->kind == ACU_SLOT_RECOVERY ? "recovery" : "password");
      json_builder_set_member_name (builder, "created");
      json_builder_add_int_value (builder, slot->created);

      json_builder_set_member_name (builder, "kdf");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "algorithm");
      json_builder_add_string_value (builder, "argon2id13");
      json_builder_set_member_name (builder, "opslimit");
      json_builder_add_int_value (builder, slot->opslimit);
      json_builder_set_member_name (builder, "memlimit");
      json_builder_add_int_value (builder, slot->memlimit);
      add_base64 (builder, "salt", slot->salt, sizeof slot->salt);
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "keys");
      json_builder_begin_object (builder);
      add_wrapped (builder, "db", slot->db_wrapped);
      if (slot->conf_wrapped != NULL)
        add_wrapped (builder, "conf", slot->conf_wrapped);
      json_builder_end_object (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  /* Written to a temporary file then renamed: never half a key file */
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                   _("Could not write the key file: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int_member (JsonObject *object,
                const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

/* Deeper nesting than the format's is refused before json-glib sees it */
static gboolean
nesting_is_shallow (const char *text,
                    gsize       len)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > KEY_FILE_MAX_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }
  return TRUE;
}

static gboolean
read_base64 (JsonObject *object,
             const char *member,
             guint8     *out,
             gsize       len)
{
  const char *text = get_string_member (object, member);
  g_autofree guint8 *data = NULL;
  gsize data_len = 0;

  if (text == NULL)
    return FALSE;
  data = g_base64_decode (text, &data_len);
  if (data_len != len)
    return FALSE;
  memcpy (out, data, len);
  return TRUE;
}

static GBytes *
read_wrapped (JsonObject *keys,
              const char *member)
{
  JsonObject *object;
  guint8 buf[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + ACU_KEY_BYTES];

  object = get_object_member (keys, member);
  if (object == NULL
      || !read_base64 (object, "nonce", buf, crypto_secretbox_NONCEBYTES)
      || !read_base64 (object, "box", buf + crypto_secretbox_NONCEBYTES,
                       sizeof buf - crypto_secretbox_NONCEBYTES))
    return NULL;
  return g_bytes_new (buf, sizeof buf);
}

static AcuKeySlot *
read_slot (JsonNode *node)
{
  g_autoptr(AcuKeySlot) slot = g_new0 (AcuKeySlot, 1);
  JsonObject *object, *kdf, *keys;
  const char *kind, *name;
  gint64 id, ops, mem;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);

  id = get_int_member (object, "id");
  name = get_string_member (object, "name");
  kind = get_string_member (object, "kind");
  slot->created = MAX (get_int_member (object, "created"), 0);
  if (id <= 0 || id >= G_MAXINT || name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL)
      || !acu_role_from_string (get_string_member (object, "role"), &slot->role))
    return NULL;
  slot->id = id;
  slot->name = g_strdup (name);

  if (g_strcmp0 (kind, "password") == 0)
    slot->kind = ACU_SLOT_PASSWORD;
  else if (g_strcmp0 (kind, "recovery") == 0)
    slot->kind = ACU_SLOT_RECOVERY;
  else
    return NULL;

  kdf = get_object_member (object, "kdf");
  keys = get_object_member (object, "keys");
  if (kdf == NULL || keys == NULL
      || g_strcmp0 (get_string_member (kdf, "algorithm"), "argon2id13") != 0)
    return NULL;

  ops = get_int_member (kdf, "opslimit");
  mem = get_int_member (kdf, "memlimit");
  if (ops < (gint64) crypto_pwhash_OPSLIMIT_MIN || ops > (gint64) KDF_MAX_OPSLIMIT
      || mem < (gint64) crypto_pwhash_MEMLIMIT_MIN || mem > (gint64) KDF_MAX_MEMLIMIT)
    return NULL;
  slot->opslimit = ops;
  slot->memlimit = mem;

  if (!read_base64 (kdf, "salt", slot->salt, sizeof slot->salt))
    return NULL;
  slot->db_wrapped = read_wrapped (keys, "db");
  if (slot->db_wrapped == NULL)
    return NULL;
  slot->conf_wrapped = read_wrapped (keys, "conf");
  if (json_object_has_member (keys, "conf") && slot->conf_wrapped == NULL)
    return NULL;

  return g_steal_pointer (&slot);
}

AcuKeyFile *
acu_key_file_load (const char  *path,
                   GError     **error)
{
  g_autoptr(AcuKeyFile) self = acu_key_file_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  gsize len;
  JsonNode *root;
  JsonObject *object;
  JsonArray *slots;
  gint64 version, next_id;
  guint max_id = 0;

  if (!g_file_get_contents (path, &text, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_KEYFILE_MISSING,
                     _("The key file “%s” is missing. It must stay beside the database, "
                       "with the same name followed by “-keys”: put it back from a copy or a backup."),
                     display);
      else
        g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_KEYFILE_MISSING,
                     _("The key file “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }

  if (len > KEY_FILE_MAX_SIZE
      || !nesting_is_shallow (text, len)
      || !json_parser_load_from_data (parser, text, len, NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root))
    goto damaged;

  object = json_node_get_object (root);
  if (g_strcmp0 (get_string_member (object, "format"), KEY_FILE_FORMAT) != 0)
    goto damaged;
  version = get_int_member (object, "version");
  if (version > KEY_FILE_VERSION)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("The key file “%s” was written by a newer version of Acuèlh. Update Acuèlh to open it."),
                   display);
      return NULL;
    }
  if (version != KEY_FILE_VERSION || (slots = get_array_member (object, "slots")) == NULL)
    goto damaged;

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      AcuKeySlot *slot = read_slot (json_array_get_element (slots, i));

      if (slot == NULL || acu_key_file_find_slot (self, slot->id) != NULL)
        {
          g_clear_pointer (&slot, acu_key_slot_free);
          goto damaged;
        }
      max_id = MAX (max_id, slot->id);
      g_ptr_array_add (self->slots, slot);
    }
  if (self->slots->len == 0)
    goto damaged;

  next_id = get_int_member (object, "next_id");
  if (next_id >= G_MAXINT)
    goto damaged;
  self->next_id = MAX (next_id, (gint64) max_id + 1);
  return g_steal_pointer (&self);

damaged:
  g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_KEYFILE_DAMAGED,
               _("The key file “%s” is damaged. Put back a copy from a backup."), display);
  return NULL;
}

/* Recovery codes */

char *
acu_recovery_code_generate (void)
{
  GString *code = g_string_sized_new (RECOVERY_LENGTH + RECOVERY_GROUPS);

  for (guint i = 0; i < RECOVERY_LENGTH; i++)
    {
      if (i > 0 && i % RECOVERY_GROUP == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, recovery_alphabet[randombytes_uniform (32)]);
    }
  return g_string_free (code, FALSE);
}

/* Accepts what a person types from the paper: any case, spaces or dashes,
 * O for 0 and I or L for 1. Returns the canonical grouped form. */
char *
acu_recovery_code_normalize (const char  *text,
                             GError     **error)
{
  GString *code = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t' || c == '\n')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (recovery_alphabet, c) == NULL || c == '\0')
        goto invalid;
      if (code->len == RECOVERY_LENGTH + RECOVERY_GROUPS - 1)
        goto invalid;
      if (code->len > 0 && (code->len + 1) % (RECOVERY_GROUP + 1) == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, c);
    }
  if (code->len != RECOVERY_LENGTH + RECOVERY_GROUPS - 1)
    goto invalid;

  return g_string_free (code, FALSE);

invalid:
  g_string_free (code, TRUE);
  g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
               _("A recovery code has %d letters and digits, in groups of %d."),
               RECOVERY_LENGTH, RECOVERY_GROUP);
  return NULL;
}
