/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction catalogue_actions[] = {
  { "list-changed", N_("List of reasons, partners or communes changed"), ACU_AREA_CATALOGUES },
};

const AcuAuditActions acu_audit_catalogue_actions = ACU_AUDIT_ACTIONS (catalogue_actions);

typedef struct
{
  const char *code;
  const char *label;
} DefaultLabel;

/* The default entries of DOMAIN.md; the database keeps their codes */
static const DefaultLabel default_reasons[] = {
  { "food-aid", N_("Food aid") },
  { "clothing", N_("Clothing") },
  { "furniture", N_("Furniture and household goods") },
  { "digital-help", N_("Digital help") },
  { "social-worker", N_("Appointment with a social worker") },
  { "rights", N_("Information and access to rights") },
  { "paperwork", N_("Administrative help (mail, forms)") },
  { "coffee", N_("Coffee, meeting people") },
  { "workshop", N_("Workshop") },
  { "other", N_("Other") },
};

static const DefaultLabel default_partners[] = {
  { "ccas", N_("CCAS") },
  { "secours-populaire", N_("Secours populaire") },
  { "secours-catholique", N_("Secours catholique") },
  { "croix-rouge", N_("Croix-Rouge") },
  { "banque-alimentaire", N_("Banque alimentaire") },
  { "restos-du-coeur", N_("Restos du cœur") },
  { "caf", N_("CAF") },
  { "cpam", N_("CPAM") },
  { "msa", N_("MSA") },
  { "france-travail", N_("France Travail") },
  { "mission-locale", N_("Mission locale") },
  { "france-services", N_("France Services") },
  { "mds", N_("Social worker of the Département (MDS)") },
  { "housing", N_("Housing (landlord, ADIL)") },
  { "other", N_("Other") },
};

static const char *
table_name (AcuCatalogue catalogue)
{
  switch (catalogue)
    {
    case ACU_CATALOGUE_REASON:  return "reason";
    case ACU_CATALOGUE_PARTNER: return "referral_partner";
    case ACU_CATALOGUE_COMMUNE: return "commune";
    default:                    g_return_val_if_reached (NULL);
    }
}

/* The tables that refer to each catalogue: an entry they use is never deleted */
static const char *
uses_sql (AcuCatalogue catalogue)
{
  switch (catalogue)
    {
    case ACU_CATALOGUE_REASON:
      return "SELECT EXISTS (SELECT 1 FROM visit_reason WHERE reason_id = :id)";
    case ACU_CATALOGUE_PARTNER:
      return "SELECT EXISTS (SELECT 1 FROM visit WHERE referral_id = :id)";
    case ACU_CATALOGUE_COMMUNE:
      return "SELECT EXISTS (SELECT 1 FROM household WHERE commune_id = :id) "
             "OR EXISTS (SELECT 1 FROM visit WHERE anon_commune_id = :id)";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
acu_catalogue_default_label (AcuCatalogue  catalogue,
                             const char   *code)
{
  const DefaultLabel *labels = NULL;
  gsize n = 0;

  if (code == NULL)
    return NULL;
  if (catalogue == ACU_CATALOGUE_REASON)
    labels = default_reasons, n = G_N_ELEMENTS (default_reasons);
  else if (catalogue == ACU_CATALOGUE_PARTNER)
    labels = default_partners, n = G_N_ELEMENTS (default_partners);

  for (gsize i = 0; i < n; i++)
    if (g_str_equal (labels[i].code, code))
      return _(labels[i].label);
  return code;
}

static char *
label_of (AcuCatalogue   catalogue,
          sqlite3_stmt  *stmt,
          int            code_column)
{
  const char *code = (const char *) sqlite3_column_text (stmt, code_column);
  const char *label = (const char *) sqlite3_column_text (stmt, code_column + 1);

  if (label != NULL)
    return g_strdup (label);
  return g_strdup (acu_catalogue_default_label (catalogue, code));
}

void
acu_catalogue_entry_free (AcuCatalogueEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry->label);
  g_free (entry);
}

/* @sql names the catalogue's table "@T" */
static sqlite3_stmt *
prepare (AcuStore      *store,
         AcuCatalogue   catalogue,
         const char    *sql,
         GError       **error)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "@T", table_name (catalogue), 0);
  return acu_store_prepare (store, text->str, error);
}

/* Entries in their order; hidden ones only if asked (Preferences) */
GPtrArray *
acu_catalogue_list (AcuStore      *store,
                    AcuCatalogue   catalogue,
                    gboolean       include_hidden,
                    GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_catalogue_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = prepare (store, catalogue,
                  "SELECT id, code, label, position, hidden FROM @T "
                  "WHERE hidden = 0 OR :all ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int (stmt, ":all", include_hidden);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuCatalogueEntry *entry = g_new0 (AcuCatalogueEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->label = label_of (catalogue, stmt, 1);
      entry->position = sqlite3_column_int (stmt, 3);
      entry->hidden = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* The label of one entry, hidden or not; NULL if there is none */
char *
acu_catalogue_get_label (AcuStore      *store,
                         AcuCatalogue   catalogue,
                         gint64         id)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  stmt = prepare (store, catalogue, "SELECT code, label FROM @T WHERE id = :id", NULL);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = label_of (catalogue, stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

static const char *
unknown_message (AcuCatalogue catalogue)
{
  switch (catalogue)
    {
    case ACU_CATALOGUE_REASON:  return _("This reason for a visit no longer exists. Choose another one.");
    case ACU_CATALOGUE_PARTNER: return _("This partner no longer exists. Choose another one.");
    case ACU_CATALOGUE_COMMUNE: return _("This commune no longer exists. Choose another one.");
    default:                    g_return_val_if_reached (NULL);
    }
}

gboolean
acu_catalogue_exists (AcuStore      *store,
                      AcuCatalogue   catalogue,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = prepare (store, catalogue, "SELECT 1 FROM @T WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD, unknown_message (catalogue));
  return found;
}

static char *
clean_label (const char  *label,
             GError     **error)
{
  g_autofree char *clean = NULL;

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type a name."));
      return NULL;
    }
  clean = g_utf8_normalize (label, -1, G_NORMALIZE_NFC);
  g_strstrip (clean);
  if (*clean == '\0')
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type a name."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > 80)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This name is too long: 80 characters at most."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Another visible or hidden entry already reads @label (folded case) */
static gboolean
label_taken (AcuStore      *store,
             AcuCatalogue   catalogue,
             const char    *label,
             gint64         except_id,
             GError       **error)
{
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, TRUE, error);
  g_autofree char *folded = NULL;

  if (entries == NULL)
    return TRUE;
  folded = g_utf8_casefold (label, -1);
  for (guint i = 0; i < entries->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *other = g_utf8_casefold (entry->label, -1);

      if (entry->id != except_id && g_str_equal (folded, other))
        {
          g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                       entry->hidden ? _("“%s” is already in the list, hidden. Show it again instead.")
                                     : _("“%s” is already in the list."),
                       entry->label);
          return TRUE;
        }
    }
  return FALSE;
}

static gint64
insert_entry (AcuStore      *store,
              AcuCatalogue   catalogue,
              const char    *label,
              GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (store, catalogue,
                  "INSERT INTO @T (label, position) "
                  "VALUES (:label, (SELECT ifnull (max (position), 0) + 1 FROM @T))", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":label", label);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

/* Each write records its audit entry in its own transaction */
static gboolean
record_change (AcuStore      *store,
               AcuCatalogue   catalogue,
               gint64         id,
               GError       **error)
{
  return acu_audit_record (store, "list-changed", table_name (catalogue), id, error);
}

gint64
acu_catalogue_add (AcuStore      *store,
                   AcuCatalogue   catalogue,
                   const char    *label,
                   GError       **error)
{
  g_autofree char *clean = NULL;
  gint64 id;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || (clean = clean_label (label, error)) == NULL
      || label_taken (store, catalogue, clean, 0, error)
      || !acu_store_begin (store, error))
    return 0;
  id = insert_entry (store, catalogue, clean, error);
  ok = id != 0 && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

static gboolean
set_label (AcuStore      *store,
           AcuCatalogue   catalogue,
           gint64         id,
           const char    *label,
           GError       **error)
{
  sqlite3_stmt *stmt = prepare (store, catalogue, "UPDATE @T SET label = :label WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":label", label);
  acu_sql_bind_int64 (stmt, ":id", id);
  return acu_store_step_done (store, stmt, error);
}

gboolean
acu_catalogue_rename (AcuStore      *store,
                      AcuCatalogue   catalogue,
                      gint64         id,
                      const char    *label,
                      GError       **error)
{
  g_autofree char *clean = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || !acu_catalogue_exists (store, catalogue, id, error)
      || (clean = clean_label (label, error)) == NULL
      || label_taken (store, catalogue, clean, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = set_label (store, catalogue, id, clean, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

/* Positions are rewritten 1..n, with @id moved to @new_index */
static gboolean
write_positions (AcuStore      *store,
                 AcuCatalogue   catalogue,
                 gint64         id,
                 int            new_index,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, TRUE, error);
  sqlite3_stmt *stmt;
  AcuCatalogueEntry *moved = NULL;
  guint from = 0;
  int to;

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    if (((AcuCatalogueEntry *) g_ptr_array_index (entries, i))->id == id)
      moved = g_ptr_array_index (entries, from = i);
  g_assert (moved != NULL);

  to = CLAMP (new_index, 0, (int) entries->len - 1);
  g_ptr_array_steal_index (entries, from);
  g_ptr_array_insert (entries, to, moved);

  stmt = prepare (store, catalogue, "UPDATE @T SET position = :position WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (entries, i);

      acu_sql_bind_int (stmt, ":position", i + 1);
      acu_sql_bind_int64 (stmt, ":id", entry->id);
      if (!acu_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Moves an entry to @new_index among all entries, hidden ones included */
gboolean
acu_catalogue_move (AcuStore      *store,
                    AcuCatalogue   catalogue,
                    gint64         id,
                    int            new_index,
                    GError       **error)
{
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || !acu_catalogue_exists (store, catalogue, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = write_positions (store, catalogue, id, new_index, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

static gboolean
set_hidden_flag (AcuStore      *store,
                 AcuCatalogue   catalogue,
                 gint64         id,
                 gboolean       hidden,
                 GError       **error)
{
  sqlite3_stmt *stmt = prepare (store, catalogue, "UPDATE @T SET hidden = :hidden WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int (stmt, ":hidden", hidden ? 1 : 0);
  acu_sql_bind_int64 (stmt, ":id", id);
  return acu_store_step_done (store, stmt, error);
}

gboolean
acu_catalogue_set_hidden (AcuStore      *store,
                          AcuCatalogue   catalogue,
                          gint64         id,
                          gboolean       hidden,
                          GError       **error)
{
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || !acu_catalogue_exists (store, catalogue, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = set_hidden_flag (store, catalogue, id, hidden, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

static gboolean
is_used (AcuStore      *store,
         AcuCatalogue   catalogue,
         gint64         id,
         GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean used;

  stmt = acu_store_prepare (store, uses_sql (catalogue), error);
  if (stmt == NULL)
    return TRUE;
  acu_sql_bind_int64 (stmt, ":id", id);
  used = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (used)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE,
                         _("Records use this entry, so it cannot be deleted. Hide it instead: "
                           "it will no longer be offered, and past records keep it."));
  return used;
}

static gboolean
delete_entry (AcuStore      *store,
              AcuCatalogue   catalogue,
              gint64         id,
              GError       **error)
{
  sqlite3_stmt *stmt = prepare (store, catalogue, "DELETE FROM @T WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", id);
  return acu_store_step_done (store, stmt, error);
}

/* Deletes an entry no record uses; one in use may only be hidden */
gboolean
acu_catalogue_remove (AcuStore      *store,
                      AcuCatalogue   catalogue,
                      gint64         id,
                      GError       **error)
{
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error)
      || !acu_catalogue_exists (store, catalogue, id, error)
      || is_used (store, catalogue, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = delete_entry (store, catalogue, id, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}
