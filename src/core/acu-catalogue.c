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
  { "budget-lines-changed", N_("List of budget lines changed"), ACU_AREA_CATALOGUES },
  /* the stock and the ledger's movements show the categories' names */
  { "food-categories-changed", N_("List of food-aid categories changed"), ACU_AREA_CATALOGUES | ACU_AREA_GOODS },
  { "goods-categories-changed", N_("List of categories of clothes and goods changed"), ACU_AREA_CATALOGUES | ACU_AREA_GOODS },
  { "goods-places-changed", N_("List of places of goods changed"), ACU_AREA_CATALOGUES | ACU_AREA_GOODS },
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

/* The lines of the reste-à-vivre helper, both kinds */
static const DefaultLabel default_budget_labels[] = {
  { "wages", N_("Wages") },
  { "rsa", N_("RSA") },
  { "caf", N_("CAF benefits") },
  { "pension", N_("Pensions") },
  { "unemployment", N_("Unemployment benefit") },
  { "other-resource", N_("Other resources") },
  { "rent", N_("Rent") },
  { "energy", N_("Energy") },
  { "insurance", N_("Insurance") },
  { "loans", N_("Loans") },
  { "water", N_("Water") },
  { "other-charge", N_("Other charges") },
};

/* The one category tree of goods, every kind */
static const DefaultLabel default_goods_categories[] = {
  { "fruit-vegetables", N_("Fruit and vegetables") },
  { "starchy", N_("Starchy foods") },
  { "dairy", N_("Dairy products") },
  { "meat-fish-eggs", N_("Meat, fish, eggs") },
  { "fats", N_("Fats") },
  { "sweet-salty", N_("Sweet and salty products") },
  { "drinks", N_("Drinks") },
  { "baby-food", N_("Baby food") },
  { "hygiene", N_("Hygiene and cleaning") },
  /* the vestiaire and the ressourcerie (schema 7) */
  { "clothing-women", N_("Clothing for women") },
  { "clothing-men", N_("Clothing for men") },
  { "clothing-children", N_("Clothing for children") },
  { "clothing-babies", N_("Clothing for babies") },
  { "shoes", N_("Shoes") },
  { "linen", N_("Household linen") },
  { "furniture", N_("Furniture") },
  /* Translators: household appliances, electrical and electronic (DEEE in French) */
  { "appliances", N_("Electrical appliances") },
  { "dishes", N_("Dishes and kitchen") },
  { "books", N_("Books and media") },
  { "toys", N_("Toys") },
  { "childcare", N_("Childcare equipment") },
  { "decoration", N_("Decoration") },
  { "goods-other", N_("Other goods") },
};

/* Where goods are kept */
static const DefaultLabel default_goods_places[] = {
  { "food-store", N_("Food store") },
  /* Translators: the clothing room of a charity (vestiaire in French) */
  { "vestiaire", N_("Clothing room") },
  { "storeroom", N_("Storeroom") },
};

#define DEFAULTS(array) (array), G_N_ELEMENTS (array)

/* A catalogue: a table of entries with a code or a label, a position and
 * a hidden flag, or the rows of such a table of one kind. Another list
 * (the vestiaire's categories) is one more line here. */
typedef struct
{
  const char         *table;
  const char         *kind;        /* the value of the table's kind column; NULL: every row */
  AcuRole             read_role;
  AcuRole             write_role;
  const char         *action;      /* the audit action of every write */
  const DefaultLabel *defaults;
  gsize               n_defaults;
  /* TRUE if any record uses entry :id; NULL when its uses cannot be
   * known, and its entries are then hidden, never deleted */
  const char         *uses_sql;
  /* run before an unused entry is deleted: rows that only stand for it */
  const char         *release_sql;
  const char         *unknown;     /* N_(): the entry is gone */
  gboolean            weighs;      /* its entries have a weight per piece */
} CatalogueInfo;

/* A category is used by the ledger (each movement keeps a row of
 * goods_stock, read first: a few rows a category), a grocery basket, a
 * standard parcel that gives it a weight, or a sub-category. A parcel
 * preset of 0 g is no use: it goes with the category. */
#define CATEGORY_USES_SQL                                                        \
  "SELECT EXISTS (SELECT 1 FROM goods_stock WHERE category_id = :id) "           \
  "OR EXISTS (SELECT 1 FROM goods_movement WHERE category_id = :id) "            \
  "OR EXISTS (SELECT 1 FROM food_basket_line WHERE category_id = :id) "          \
  "OR EXISTS (SELECT 1 FROM food_parcel_preset WHERE category_id = :id AND grams > 0) " \
  "OR EXISTS (SELECT 1 FROM goods_category WHERE parent_id = :id)"
#define CATEGORY_RELEASE_SQL "DELETE FROM food_parcel_preset WHERE category_id = :id"

static const CatalogueInfo catalogues[ACU_N_CATALOGUES] = {
  [ACU_CATALOGUE_REASON] = {
    "reason", NULL, ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "list-changed", DEFAULTS (default_reasons),
    "SELECT EXISTS (SELECT 1 FROM visit_reason WHERE reason_id = :id)", NULL,
    N_("This reason for a visit no longer exists. Choose another one."), FALSE },
  [ACU_CATALOGUE_PARTNER] = {
    "referral_partner", NULL, ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "list-changed",
    DEFAULTS (default_partners),
    "SELECT EXISTS (SELECT 1 FROM visit WHERE referral_id = :id) "
    "OR EXISTS (SELECT 1 FROM food_access WHERE partner_id = :id)", NULL,
    N_("This partner no longer exists. Choose another one."), FALSE },
  [ACU_CATALOGUE_COMMUNE] = {
    "commune", NULL, ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "list-changed", NULL, 0,
    "SELECT EXISTS (SELECT 1 FROM household WHERE commune_id = :id) "
    "OR EXISTS (SELECT 1 FROM visit WHERE anon_commune_id = :id)", NULL,
    N_("This commune no longer exists. Choose another one."), FALSE },
  /* Budgets name their lines' ids inside the sealed text: no query sees
   * them, and an id deleted could be given again to another line */
  [ACU_CATALOGUE_BUDGET_RESOURCE] = {
    "budget_label", "resource", ACU_ROLE_STAFF, ACU_ROLE_COORDINATOR, "budget-lines-changed",
    DEFAULTS (default_budget_labels), NULL, NULL,
    N_("This kind of resource or charge no longer exists. Choose another one."), FALSE },
  [ACU_CATALOGUE_BUDGET_CHARGE] = {
    "budget_label", "charge", ACU_ROLE_STAFF, ACU_ROLE_COORDINATOR, "budget-lines-changed",
    DEFAULTS (default_budget_labels), NULL, NULL,
    N_("This kind of resource or charge no longer exists. Choose another one."), FALSE },
  [ACU_CATALOGUE_FOOD_CATEGORY] = {
    "goods_category", "food", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "food-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  [ACU_CATALOGUE_HYGIENE_CATEGORY] = {
    "goods_category", "hygiene", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "food-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  /* the vestiaire and the ressourcerie (schema 7) */
  [ACU_CATALOGUE_TEXTILE_CATEGORY] = {
    "goods_category", "textile", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "goods-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  [ACU_CATALOGUE_FURNITURE_CATEGORY] = {
    "goods_category", "furniture", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "goods-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  [ACU_CATALOGUE_APPLIANCE_CATEGORY] = {
    "goods_category", "appliance", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "goods-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  [ACU_CATALOGUE_OTHER_GOODS_CATEGORY] = {
    "goods_category", "other", ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "goods-categories-changed",
    DEFAULTS (default_goods_categories), CATEGORY_USES_SQL, CATEGORY_RELEASE_SQL,
    N_("This category no longer exists. Choose another one."), TRUE },
  /* a place holds stock while goods_stock has a row for it */
  [ACU_CATALOGUE_GOODS_PLACE] = {
    "goods_place", NULL, ACU_ROLE_VOLUNTEER, ACU_ROLE_COORDINATOR, "goods-places-changed",
    DEFAULTS (default_goods_places),
    "SELECT EXISTS (SELECT 1 FROM goods_stock WHERE place_id = :id) "
    "OR EXISTS (SELECT 1 FROM goods_movement WHERE place_id = :id)", NULL,
    N_("This place no longer exists. Choose another one."), FALSE },
};

static const CatalogueInfo *
info_of (AcuCatalogue catalogue)
{
  g_return_val_if_fail ((guint) catalogue < ACU_N_CATALOGUES, &catalogues[ACU_CATALOGUE_REASON]);
  return &catalogues[catalogue];
}

gboolean
acu_catalogue_has_weights (AcuCatalogue catalogue)
{
  return info_of (catalogue)->weighs;
}

gboolean
acu_catalogue_can_delete (AcuCatalogue catalogue)
{
  return info_of (catalogue)->uses_sql != NULL;
}

const char *
acu_catalogue_default_label (AcuCatalogue  catalogue,
                             const char   *code)
{
  const CatalogueInfo *info = info_of (catalogue);

  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < info->n_defaults; i++)
    if (g_str_equal (info->defaults[i].code, code))
      return _(info->defaults[i].label);
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

/* @sql names the catalogue's table "@T", its rows "@K" (" AND kind =
 * 'food'", or nothing), the kind's column and value "@C" and "@V" for an
 * insert (", kind", ", 'food'"), and the weight per piece "@W"; the
 * kinds are constants of the table above */
static sqlite3_stmt *
prepare (AcuStore      *store,
         AcuCatalogue   catalogue,
         const char    *sql,
         GError       **error)
{
  const CatalogueInfo *info = info_of (catalogue);
  g_autoptr(GString) text = g_string_new (sql);
  g_autofree char *rows = info->kind != NULL ? g_strdup_printf (" AND kind = '%s'", info->kind) : g_strdup ("");
  g_autofree char *value = info->kind != NULL ? g_strdup_printf (", '%s'", info->kind) : g_strdup ("");

  g_string_replace (text, "@T", info->table, 0);
  g_string_replace (text, "@K", rows, 0);
  g_string_replace (text, "@C", info->kind != NULL ? ", kind" : "", 0);
  g_string_replace (text, "@V", value, 0);
  g_string_replace (text, "@W", info->weighs ? "grams_per_piece" : "NULL", 0);
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

  if (!acu_store_require_role (store, info_of (catalogue)->read_role, error))
    return NULL;
  stmt = prepare (store, catalogue,
                  "SELECT id, code, label, position, hidden, @W FROM @T "
                  "WHERE (hidden = 0 OR :all) @K ORDER BY position, id", error);
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
      entry->grams_per_piece = sqlite3_column_int64 (stmt, 5);
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

  stmt = prepare (store, catalogue, "SELECT code, label FROM @T WHERE id = :id @K", NULL);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = label_of (catalogue, stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

gboolean
acu_catalogue_exists (AcuStore      *store,
                      AcuCatalogue   catalogue,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = prepare (store, catalogue, "SELECT 1 FROM @T WHERE id = :id @K", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD, _(info_of (catalogue)->unknown));
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

/* A new entry comes last of the whole table, after every kind */
static gint64
insert_entry (AcuStore      *store,
              AcuCatalogue   catalogue,
              const char    *label,
              GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (store, catalogue,
                  "INSERT INTO @T (label, position@C) "
                  "VALUES (:label, (SELECT ifnull (max (position), 0) + 1 FROM @T)@V)", error);
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
  const CatalogueInfo *info = info_of (catalogue);

  return acu_audit_record (store, info->action, info->table, id, error);
}

/* The role that may write, and the entry (0: none yet) */
static gboolean
may_write (AcuStore      *store,
           AcuCatalogue   catalogue,
           gint64         id,
           GError       **error)
{
  return acu_store_require_role (store, info_of (catalogue)->write_role, error)
         && (id == 0 || acu_catalogue_exists (store, catalogue, id, error));
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

  if (!may_write (store, catalogue, 0, error)
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

  if (!may_write (store, catalogue, id, error)
      || (clean = clean_label (label, error)) == NULL
      || label_taken (store, catalogue, clean, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = set_label (store, catalogue, id, clean, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

/* The catalogue's entries are put in their new order in the places they
 * held among the whole table's rows (other kinds stay where they are),
 * and the table's positions are rewritten 1..n */
static gboolean
write_positions (AcuStore      *store,
                 AcuCatalogue   catalogue,
                 gint64         id,
                 int            new_index,
                 GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint from = G_MAXUINT;
  gint64 moved;
  int rc, to;

  /* "(1 AND kind = 'food')": whether the row is of this catalogue */
  stmt = prepare (store, catalogue, "SELECT id, (1 @K) FROM @T ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      if (sqlite3_column_int (stmt, 1))
        {
          if (row == id)
            from = mine->len;
          g_array_append_val (slots, rows->len);
          g_array_append_val (mine, row);
        }
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  g_assert (from != G_MAXUINT);

  to = CLAMP (new_index, 0, (int) mine->len - 1);
  moved = g_array_index (mine, gint64, from);
  g_array_remove_index (mine, from);
  g_array_insert_val (mine, to, moved);
  for (guint i = 0; i < mine->len; i++)
    g_array_index (rows, gint64, g_array_index (slots, guint, i)) = g_array_index (mine, gint64, i);

  stmt = prepare (store, catalogue, "UPDATE @T SET position = :position WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      acu_sql_bind_int (stmt, ":position", i + 1);
      acu_sql_bind_int64 (stmt, ":id", g_array_index (rows, gint64, i));
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

  if (!may_write (store, catalogue, id, error)
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

  if (!may_write (store, catalogue, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = set_hidden_flag (store, catalogue, id, hidden, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

static gboolean
set_grams (AcuStore      *store,
           AcuCatalogue   catalogue,
           gint64         id,
           gint64         grams,
           GError       **error)
{
  sqlite3_stmt *stmt = prepare (store, catalogue, "UPDATE @T SET grams_per_piece = :grams WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_id (stmt, ":grams", grams);
  acu_sql_bind_int64 (stmt, ":id", id);
  return acu_store_step_done (store, stmt, error);
}

/* What one piece of a category weighs, for what is counted by the piece;
 * 0: nothing, such goods are weighed */
gboolean
acu_catalogue_set_grams_per_piece (AcuStore      *store,
                                   AcuCatalogue   catalogue,
                                   gint64         id,
                                   gint64         grams,
                                   GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (acu_catalogue_has_weights (catalogue), FALSE);

  if (!may_write (store, catalogue, id, error))
    return FALSE;
  if (grams < 0 || grams > ACU_CATALOGUE_MAX_GRAMS_PER_PIECE)
    {
      /* ACU_CATALOGUE_MAX_GRAMS_PER_PIECE */
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The weight of one piece must be between 1 g and 50 000 g."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = set_grams (store, catalogue, id, grams, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}

static gboolean
is_used (AcuStore      *store,
         AcuCatalogue   catalogue,
         gint64         id,
         GError       **error)
{
  const char *sql = info_of (catalogue)->uses_sql;
  sqlite3_stmt *stmt;
  gboolean used;

  if (sql == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE,
                           _("Budgets sealed with the confidential key may use this line, so it cannot be "
                             "deleted. Hide it instead: it will no longer be offered, and the budgets that use "
                             "it keep it."));
      return TRUE;
    }
  stmt = acu_store_prepare (store, sql, error);
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
  const char *release = info_of (catalogue)->release_sql;
  sqlite3_stmt *stmt;

  if (release != NULL && !acu_sql_run_for_id (store, release, id, error))
    return FALSE;
  stmt = prepare (store, catalogue, "DELETE FROM @T WHERE id = :id", error);
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

  if (!may_write (store, catalogue, id, error)
      || is_used (store, catalogue, id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = delete_entry (store, catalogue, id, error)
       && record_change (store, catalogue, id, error);
  return acu_sql_finish (store, ok, error);
}
