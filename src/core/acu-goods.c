/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-goods-private.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"
#include "acu-visits-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction goods_actions[] = {
  { "goods-in", N_("Goods received"), ACU_AREA_GOODS },
  { "goods-out", N_("Goods out (loss, gift, recycling)"), ACU_AREA_GOODS },
  { "goods-correct", N_("Goods movement corrected"), ACU_AREA_GOODS },
  { "goods-close-month", N_("Month of the goods ledger closed"), ACU_AREA_GOODS },
  { "goods-transfer", N_("Goods moved to another place"), ACU_AREA_GOODS },
  /* a gift writes its visit too: the reception's figures and the desk change */
  { "goods-give", N_("Goods given to a household"), ACU_AREA_GOODS | ACU_AREA_VISITS },
  { "goods-gift-cancel", N_("Gift of goods cancelled"), ACU_AREA_GOODS | ACU_AREA_VISITS },
  { "goods-forced", N_("Goods out beyond the stock, forced by staff"), ACU_AREA_GOODS },
  { "goods-threshold", N_("Low-stock threshold of a category changed"), ACU_AREA_GOODS },
};

const AcuAuditActions acu_audit_goods_actions = ACU_AUDIT_ACTIONS (goods_actions);

/* Reasons and sources: their codes in the database, and labels */
static const struct
{
  const char *code;
  const char *label;
  int         direction;   /* 0: either way */
} reasons[ACU_GOODS_N_REASONS] = {
  [ACU_GOODS_DELIVERY]   = { "delivery", N_("Delivery"), 1 },
  [ACU_GOODS_DONATION]   = { "donation", N_("Donation"), 1 },
  [ACU_GOODS_COLLECTION] = { "collection", N_("Collection"), 1 },
  [ACU_GOODS_PURCHASE]   = { "purchase", N_("Purchase"), 1 },
  [ACU_GOODS_TRANSFER]   = { "transfer", N_("Transfer"), 0 },
  [ACU_GOODS_SERVED]     = { "served", N_("Served to a household"), -1 },
  [ACU_GOODS_GIVEN]      = { "given", N_("Given"), -1 },
  [ACU_GOODS_SOLD]       = { "sold", N_("Sold"), -1 },
  [ACU_GOODS_PARTNER]    = { "partner", N_("Given to a partner"), -1 },
  [ACU_GOODS_RECYCLED]   = { "recycled", N_("Recycled"), -1 },
  [ACU_GOODS_EXPIRED]    = { "expired", N_("Expired"), -1 },
  [ACU_GOODS_DAMAGED]    = { "damaged", N_("Damaged"), -1 },
  [ACU_GOODS_WASTED]     = { "wasted", N_("Thrown away"), -1 },
  [ACU_GOODS_ADJUSTMENT] = { "adjustment", N_("Inventory adjustment"), 0 },
  [ACU_GOODS_CORRECTION] = { "correction", N_("Correction"), 0 },
};

static const struct
{
  const char *code;
  const char *label;
} sources[ACU_FOOD_N_SOURCES] = {
  [ACU_FOOD_SOURCE_NONE]               = { "", N_("Not stated") },
  [ACU_FOOD_SOURCE_BANQUE_ALIMENTAIRE] = { "banque-alimentaire", N_("Banque alimentaire") },
  [ACU_FOOD_SOURCE_FSE_PLUS]           = { "fse-plus", N_("FSE+ products") },
  [ACU_FOOD_SOURCE_COLLECTION]         = { "collection", N_("Collection") },
  [ACU_FOOD_SOURCE_PURCHASE]           = { "purchase", N_("Purchase") },
  [ACU_FOOD_SOURCE_DONATION]           = { "donation", N_("Donation") },
  [ACU_FOOD_SOURCE_PARTNER]            = { "partner", N_("Transfer from a partner") },
};

static const char *const kind_codes[] = {
  "food", "hygiene", "textile", "furniture", "appliance", "other",
};

const char *
acu_goods_reason_to_string (AcuGoodsReason reason)
{
  g_return_val_if_fail (reason < ACU_GOODS_N_REASONS, NULL);
  return reasons[reason].code;
}

AcuGoodsReason
acu_goods_reason_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < ACU_GOODS_N_REASONS; i++)
    if (g_str_equal (text, reasons[i].code))
      return i;
  return ACU_GOODS_N_REASONS;
}

const char *
acu_goods_reason_get_label (AcuGoodsReason reason)
{
  g_return_val_if_fail (reason < ACU_GOODS_N_REASONS, NULL);
  return _(reasons[reason].label);
}

const char *
acu_food_source_to_string (AcuFoodSource source)
{
  g_return_val_if_fail (source < ACU_FOOD_N_SOURCES, NULL);
  return sources[source].code;
}

AcuFoodSource
acu_food_source_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < ACU_FOOD_N_SOURCES; i++)
    if (g_str_equal (text, sources[i].code))
      return i;
  return ACU_FOOD_N_SOURCES;
}

const char *
acu_food_source_get_label (AcuFoodSource source)
{
  g_return_val_if_fail (source < ACU_FOOD_N_SOURCES, NULL);
  return _(sources[source].label);
}

/* The default categories of DOMAIN.md, every kind: their labels are the
 * catalogue's (acu-catalogue.c) */
const char *
acu_goods_category_default_label (const char *code)
{
  return acu_catalogue_default_label (ACU_CATALOGUE_FOOD_CATEGORY, code);
}

static AcuGoodsKinds
kind_from_string (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (kind_codes); i++)
    if (g_str_equal (code, kind_codes[i]))
      return 1 << i;
  return ACU_GOODS_KIND_OTHER;
}

/* "kind IN ('food', 'hygiene')" for @kinds, in SQL built from constants */
static char *
kinds_sql (AcuGoodsKinds kinds)
{
  g_autoptr(GString) sql = g_string_new ("c.kind IN (''");

  for (guint i = 0; i < G_N_ELEMENTS (kind_codes); i++)
    if (kinds & (1 << i))
      g_string_append_printf (sql, ", '%s'", kind_codes[i]);
  g_string_append_c (sql, ')');
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static char *
category_label (sqlite3_stmt *stmt,
                int           code_column)
{
  const char *code = (const char *) sqlite3_column_text (stmt, code_column);
  const char *label = (const char *) sqlite3_column_text (stmt, code_column + 1);

  return g_strdup (label != NULL ? label : acu_goods_category_default_label (code));
}

void
acu_goods_category_free (AcuGoodsCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->code);
  g_free (category->label);
  g_free (category);
}

GPtrArray *
acu_goods_category_list (AcuStore       *store,
                         AcuGoodsKinds   kinds,
                         GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_goods_category_free);
  g_autofree char *where = kinds_sql (kinds);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  sql = g_strdup_printf ("SELECT c.id, c.code, c.label, c.kind, c.grams_per_piece, c.hidden, c.low_pieces "
                         "FROM goods_category c WHERE c.hidden = 0 AND %s ORDER BY c.position, c.id",
                         where);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuGoodsCategory *category = g_new0 (AcuGoodsCategory, 1);

      category->id = sqlite3_column_int64 (stmt, 0);
      category->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      category->label = category_label (stmt, 1);
      category->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
      category->grams_per_piece = sqlite3_column_int64 (stmt, 4);
      category->hidden = sqlite3_column_int (stmt, 5);
      category->low_pieces = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (list, category);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
acu_goods_get_food_place (AcuStore  *store,
                          GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT id FROM goods_place WHERE code = 'food-store'", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                         _("The food store is missing from the database."));
  return id;
}

/* The place of a movement that names none: the food store for food aid's
 * kinds, the vestiaire for the others */
static gint64
default_place (AcuStore  *store,
               gint64     category_id,
               GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store,
                                          "SELECT p.id FROM goods_place p WHERE p.code = "
                                          " (SELECT CASE WHEN c.kind IN ('food', 'hygiene') THEN 'food-store' "
                                          "  ELSE 'vestiaire' END FROM goods_category c WHERE c.id = :category)",
                                          error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":category", category_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                         _("The place of these goods is missing from the database."));
  return id;
}

void
acu_goods_place_free (AcuGoodsPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->code);
  g_free (place->label);
  g_free (place);
}

GPtrArray *
acu_goods_place_list (AcuStore  *store,
                      GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_goods_place_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store, "SELECT id, code, label FROM goods_place WHERE hidden = 0 ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuGoodsPlace *place = g_new0 (AcuGoodsPlace, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);

      place->id = sqlite3_column_int64 (stmt, 0);
      place->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      place->label = g_strdup (label != NULL ? label
                               : acu_catalogue_default_label (ACU_CATALOGUE_GOODS_PLACE, place->code));
      g_ptr_array_add (list, place);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* A place the desk may move goods to or from */
static gboolean
check_place (AcuStore  *store,
             gint64     place_id,
             GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT 1 FROM goods_place WHERE id = :id AND hidden = 0", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", place_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This place no longer exists. Choose another one."));
  return found;
}

gboolean
acu_goods_category_set_low_pieces (AcuStore  *store,
                                   gint64     category_id,
                                   gint64     low_pieces,
                                   GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error))
    return FALSE;
  if (low_pieces < 0 || low_pieces > 100000)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The threshold is a number of pieces, from 1 to 100 000, or empty for none."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  stmt = acu_store_prepare (store, "UPDATE goods_category SET low_pieces = :low WHERE id = :id", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (low_pieces > 0)
        acu_sql_bind_int64 (stmt, ":low", low_pieces);
      else
        acu_sql_bind_null (stmt, ":low");
      acu_sql_bind_int64 (stmt, ":id", category_id);
      ok = acu_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (acu_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This category no longer exists. Choose another one."));
      ok = FALSE;
    }
  ok = ok && acu_audit_record (store, "goods-threshold", "category", category_id, error);
  return acu_sql_finish (store, ok, error);
}

guint
acu_goods_count_short (AcuStore       *store,
                       AcuGoodsKinds   kinds,
                       GError        **error)
{
  g_autofree char *where = kinds_sql (kinds);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return 0;
  /* the few categories with a threshold, their stock a row a place */
  sql = g_strdup_printf ("SELECT count (*) FROM goods_category c WHERE c.hidden = 0 AND c.low_pieces IS NOT NULL "
                         "AND %s AND coalesce ((SELECT sum (s.pieces) FROM goods_stock s "
                         "                      WHERE s.category_id = c.id), 0) < c.low_pieces", where);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    acu_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  return n;
}

/* The movement record */
struct _AcuGoodsMovement
{
  GObject         parent_instance;
  gint64          id;
  char           *day;
  gint64          category_id;
  char           *category;
  int             direction;
  AcuGoodsReason  reason;
  AcuFoodSource   source;
  char           *description;
  gint64          pieces;
  gint64          grams;
  gboolean        estimated;
  gint64          value_cents;
  gint64          household_id;
  char           *lot;
  char           *expiry;
  gint64          corrects_id;
  gboolean        corrected;
};

G_DEFINE_FINAL_TYPE (AcuGoodsMovement, acu_goods_movement, G_TYPE_OBJECT)

enum
{
  MOVEMENT_PROP_0,
  MOVEMENT_PROP_ID,
  MOVEMENT_PROP_DAY,
  MOVEMENT_PROP_CATEGORY,
  MOVEMENT_PROP_DIRECTION,
  MOVEMENT_PROP_DESCRIPTION,
  MOVEMENT_PROP_GRAMS,
  MOVEMENT_PROP_ESTIMATED,
  MOVEMENT_PROP_CORRECTED,
  MOVEMENT_N_PROPS
};

static GParamSpec *movement_props[MOVEMENT_N_PROPS];

static void
acu_goods_movement_finalize (GObject *object)
{
  AcuGoodsMovement *self = ACU_GOODS_MOVEMENT (object);

  g_free (self->day);
  g_free (self->category);
  g_free (self->description);
  g_free (self->lot);
  g_free (self->expiry);
  G_OBJECT_CLASS (acu_goods_movement_parent_class)->finalize (object);
}

static void
acu_goods_movement_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AcuGoodsMovement *self = ACU_GOODS_MOVEMENT (object);

  switch (prop_id)
    {
    case MOVEMENT_PROP_ID:          g_value_set_int64 (value, self->id); break;
    case MOVEMENT_PROP_DAY:         g_value_set_string (value, self->day); break;
    case MOVEMENT_PROP_CATEGORY:    g_value_set_string (value, self->category); break;
    case MOVEMENT_PROP_DIRECTION:   g_value_set_int (value, self->direction); break;
    case MOVEMENT_PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case MOVEMENT_PROP_GRAMS:       g_value_set_int64 (value, self->grams); break;
    case MOVEMENT_PROP_ESTIMATED:   g_value_set_boolean (value, self->estimated); break;
    case MOVEMENT_PROP_CORRECTED:   g_value_set_boolean (value, self->corrected); break;
    default:                        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_goods_movement_class_init (AcuGoodsMovementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acu_goods_movement_finalize;
  object_class->get_property = acu_goods_movement_get_property;
  movement_props[MOVEMENT_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  movement_props[MOVEMENT_PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, flags);
  movement_props[MOVEMENT_PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  movement_props[MOVEMENT_PROP_DIRECTION] = g_param_spec_int ("direction", NULL, NULL, -1, 1, 1, flags);
  movement_props[MOVEMENT_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  movement_props[MOVEMENT_PROP_GRAMS] = g_param_spec_int64 ("grams", NULL, NULL, 0, G_MAXINT64, 0, flags);
  movement_props[MOVEMENT_PROP_ESTIMATED] = g_param_spec_boolean ("estimated", NULL, NULL, FALSE, flags);
  movement_props[MOVEMENT_PROP_CORRECTED] = g_param_spec_boolean ("corrected", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, MOVEMENT_N_PROPS, movement_props);
}

static void
acu_goods_movement_init (AcuGoodsMovement *self)
{
}

gint64 acu_goods_movement_get_id (AcuGoodsMovement *self) { return self->id; }
const char *acu_goods_movement_get_day (AcuGoodsMovement *self) { return self->day; }
gint64 acu_goods_movement_get_category_id (AcuGoodsMovement *self) { return self->category_id; }
const char *acu_goods_movement_get_category (AcuGoodsMovement *self) { return self->category; }
int acu_goods_movement_get_direction (AcuGoodsMovement *self) { return self->direction; }
AcuGoodsReason acu_goods_movement_get_reason (AcuGoodsMovement *self) { return self->reason; }
AcuFoodSource acu_goods_movement_get_source (AcuGoodsMovement *self) { return self->source; }
const char *acu_goods_movement_get_description (AcuGoodsMovement *self) { return self->description; }
gint64 acu_goods_movement_get_pieces (AcuGoodsMovement *self) { return self->pieces; }
gint64 acu_goods_movement_get_grams (AcuGoodsMovement *self) { return self->grams; }
gboolean acu_goods_movement_get_estimated (AcuGoodsMovement *self) { return self->estimated; }
gint64 acu_goods_movement_get_value_cents (AcuGoodsMovement *self) { return self->value_cents; }
gint64 acu_goods_movement_get_household_id (AcuGoodsMovement *self) { return self->household_id; }
const char *acu_goods_movement_get_lot (AcuGoodsMovement *self) { return self->lot; }
const char *acu_goods_movement_get_expiry (AcuGoodsMovement *self) { return self->expiry; }
gint64 acu_goods_movement_get_corrects_id (AcuGoodsMovement *self) { return self->corrects_id; }
gboolean acu_goods_movement_get_corrected (AcuGoodsMovement *self) { return self->corrected; }

static char *
describe (AcuGoodsMovement *self)
{
  if (self->corrects_id != 0)
    return g_strdup_printf (_("Correction of movement %lld"), (long long) self->corrects_id);
  if (self->reason == ACU_GOODS_SERVED && self->household_id != 0)
    return g_strdup_printf (_("Served to household %lld"), (long long) self->household_id);
  /* a source that says the reason again ("Donation · Donation") is left out */
  if (self->source != ACU_FOOD_SOURCE_NONE
      && g_strcmp0 (acu_goods_reason_get_label (self->reason), acu_food_source_get_label (self->source)) != 0)
    /* TRANSLATORS: a movement in: "Delivery · Banque alimentaire" */
    return g_strdup_printf (_("%s · %s"), acu_goods_reason_get_label (self->reason),
                            acu_food_source_get_label (self->source));
  return g_strdup (acu_goods_reason_get_label (self->reason));
}

#define MOVEMENT_COLUMNS \
  "m.id, m.day, m.category_id, c.code, c.label, m.direction, m.reason, m.source, m.pieces, m.grams, " \
  "m.estimated, m.value_cents, m.household_id, m.lot, m.expiry, m.corrects_id, " \
  "EXISTS (SELECT 1 FROM goods_movement k WHERE k.corrects_id = m.id)"

static AcuGoodsMovement *
movement_from_row (sqlite3_stmt *stmt)
{
  AcuGoodsMovement *self = g_object_new (ACU_TYPE_GOODS_MOVEMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->category_id = sqlite3_column_int64 (stmt, 2);
  self->category = category_label (stmt, 3);
  self->direction = sqlite3_column_int (stmt, 5);
  self->reason = acu_goods_reason_from_string ((const char *) sqlite3_column_text (stmt, 6));
  if (self->reason == ACU_GOODS_N_REASONS)
    self->reason = ACU_GOODS_ADJUSTMENT;
  self->source = acu_food_source_from_string ((const char *) sqlite3_column_text (stmt, 7));
  if (self->source == ACU_FOOD_N_SOURCES)
    self->source = ACU_FOOD_SOURCE_NONE;
  self->pieces = sqlite3_column_int64 (stmt, 8);
  self->grams = sqlite3_column_int64 (stmt, 9);
  self->estimated = sqlite3_column_int (stmt, 10);
  self->value_cents = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 11);
  self->household_id = sqlite3_column_int64 (stmt, 12);
  self->lot = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  self->expiry = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  self->corrects_id = sqlite3_column_int64 (stmt, 15);
  self->corrected = sqlite3_column_int (stmt, 16);
  self->description = describe (self);
  return self;
}

static AcuGoodsMovement *
get_movement (AcuStore  *store,
              gint64     id,
              GError   **error)
{
  AcuGoodsMovement *movement = NULL;
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "SELECT " MOVEMENT_COLUMNS " FROM goods_movement m "
                            "JOIN goods_category c ON c.id = m.category_id WHERE m.id = :id",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    movement = movement_from_row (stmt);
  sqlite3_reset (stmt);
  if (movement == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This movement is no longer in the ledger."));
  return movement;
}

gboolean
acu_goods_month_is_closed (AcuStore    *store,
                           const char  *month,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean closed;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  stmt = acu_store_prepare (store, "SELECT 1 FROM goods_month_closed WHERE month = :month", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":month", month);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return closed;
}

/* A day a movement may take: a real date, not in a closed month */
static gboolean
check_day (AcuStore    *store,
           const char  *day,
           GError     **error)
{
  g_autofree char *month = NULL;
  GDate date;

  if (day == NULL || !acu_date_parse (day, &date))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The date is not valid. Write it as day/month/year."));
      return FALSE;
    }
  month = g_strndup (day, 7);
  if (acu_goods_month_is_closed (store, month, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This month is closed: its movements never change. Date the movement in an open month."));
      return FALSE;
    }
  return TRUE;
}

/* The grams of @pieces of a category by its weight per piece; -1 if it has none */
static gint64
estimate_grams (AcuStore  *store,
                gint64     category_id,
                gint64     pieces)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT grams_per_piece FROM goods_category WHERE id = :id", NULL);
  gint64 grams = -1;

  if (stmt == NULL)
    return -1;
  acu_sql_bind_int64 (stmt, ":id", category_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    grams = sqlite3_column_int64 (stmt, 0) * pieces;
  sqlite3_reset (stmt);
  return grams;
}

gboolean
acu_goods_check_draft (AcuStore             *store,
                       const AcuGoodsDraft  *draft,
                       GError              **error)
{
  gint64 max = draft->household_id != 0 ? ACU_GOODS_MAX_HOUSEHOLD_GRAMS : ACU_GOODS_MAX_GRAMS;
  sqlite3_stmt *stmt;
  gboolean found;

  if (draft->reason >= ACU_GOODS_N_REASONS
      || (draft->direction != 1 && draft->direction != -1)
      || (reasons[draft->reason].direction != 0 && reasons[draft->reason].direction != draft->direction))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This kind of movement does not go that way. Choose another one."));
      return FALSE;
    }
  if (draft->source >= ACU_FOOD_N_SOURCES || (draft->source != ACU_FOOD_SOURCE_NONE && draft->direction != 1))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Only goods coming in have a source."));
      return FALSE;
    }
  if (draft->pieces < 0 || draft->grams < -1 || draft->grams > max || draft->value_cents < -1
      || draft->pieces > 1000000)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("The weight must be between 0 and %lld kg."), (long long) (max / 1000));
      return FALSE;
    }
  if (draft->grams == 0 && draft->pieces == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Give a weight or a number of pieces."));
      return FALSE;
    }
  if (draft->expiry != NULL && *draft->expiry != '\0' && !acu_date_parse (draft->expiry, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The expiry date is not valid. Write it as day/month/year."));
      return FALSE;
    }
  stmt = acu_store_prepare (store, "SELECT 1 FROM goods_category WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", draft->category_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This category no longer exists. Choose another one."));
      return FALSE;
    }
  return TRUE;
}

/* An out movement of the vestiaire's or the ressourcerie's goods beyond
 * the stock of its place: refused, unless staff give the reason they
 * force it (@forced is then TRUE). Food aid's kinds are not held to
 * their stock: kilos served are not counted back at the door. */
static gboolean
check_stock (AcuStore             *store,
             const AcuGoodsDraft  *draft,
             gint64                place_id,
             gboolean             *forced,
             GError              **error)
{
  g_autofree char *reason = NULL;
  gint64 pieces = 0, grams = 0;
  gboolean second_hand = FALSE, is_short;
  sqlite3_stmt *stmt;

  *forced = FALSE;
  if (draft->direction > 0 || draft->reason == ACU_GOODS_CORRECTION)
    return TRUE;
  stmt = acu_store_prepare (store,
                            "SELECT c.kind NOT IN ('food', 'hygiene'), coalesce (s.pieces, 0), coalesce (s.grams, 0) "
                            "FROM goods_category c LEFT JOIN goods_stock s "
                            "ON s.place_id = :place AND s.category_id = c.id WHERE c.id = :category",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":place", place_id);
  acu_sql_bind_int64 (stmt, ":category", draft->category_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      second_hand = sqlite3_column_int (stmt, 0);
      pieces = sqlite3_column_int64 (stmt, 1);
      grams = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!second_hand)
    return TRUE;
  is_short = draft->pieces > 0 ? draft->pieces > pieces : draft->grams > grams;
  if (!is_short)
    return TRUE;
  if (draft->forced_reason != NULL)
    reason = g_strstrip (g_utf8_normalize (draft->forced_reason, -1, G_NORMALIZE_NFC));
  if (acu_store_get_role (store) < ACU_ROLE_STAFF)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT,
                   g_dngettext (NULL, "Only %lld piece of this category is in stock here. Ask a staff member: only staff may record more.",
                                "Only %lld pieces of this category are in stock here. Ask a staff member: only staff may record more.",
                                pieces),
                   (long long) pieces);
      return FALSE;
    }
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT,
                   g_dngettext (NULL, "Only %lld piece of this category is in stock here. To record more all the same, give the reason.",
                                "Only %lld pieces of this category are in stock here. To record more all the same, give the reason.",
                                pieces),
                   (long long) pieces);
      return FALSE;
    }
  *forced = TRUE;
  return TRUE;
}

/* The movement of @draft, with what only the core names: the movement a
 * transfer's in pairs with, the visit of a gift, whether staff forced it */
static gint64
insert_movement (AcuStore             *store,
                 const AcuGoodsDraft  *draft,
                 const char           *day,
                 gint64                service_id,
                 gint64                corrects_id,
                 gint64                pair_id,
                 gint64                visit_id,
                 gboolean              forced,
                 GError              **error)
{
  g_autofree char *reason = NULL;
  gint64 grams = draft->grams;
  gboolean estimated = FALSE;
  gint64 place_id = draft->place_id;
  sqlite3_stmt *stmt;

  if (place_id == 0 && (place_id = default_place (store, draft->category_id, error)) == 0)
    return 0;
  if (grams < 0)
    {
      grams = estimate_grams (store, draft->category_id, draft->pieces);
      if (grams < 0)
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("This category has no weight per piece: weigh the goods."));
          return 0;
        }
      estimated = TRUE;
    }
  if (forced)
    reason = g_strstrip (g_utf8_normalize (draft->forced_reason, -1, G_NORMALIZE_NFC));
  stmt = acu_store_prepare (store,
                            "INSERT INTO goods_movement (day, place_id, category_id, direction, reason, "
                            "source, pieces, grams, estimated, value_cents, household_id, service_id, lot, "
                            "expiry, corrects_id, pair_id, visit_id, forced_reason, recorded_by, created_at) "
                            "VALUES (:day, :place, :category, :direction, :reason, :source, :pieces, :grams, "
                            ":estimated, :value, :household, :service, :lot, :expiry, :corrects, :pair, :visit, "
                            ":forced, :by, :now)",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":day", day);
  acu_sql_bind_int64 (stmt, ":place", place_id);
  acu_sql_bind_int64 (stmt, ":category", draft->category_id);
  acu_sql_bind_int (stmt, ":direction", draft->direction);
  acu_sql_bind_text (stmt, ":reason", reasons[draft->reason].code);
  acu_sql_bind_text (stmt, ":source", sources[draft->source].code);
  acu_sql_bind_int64 (stmt, ":pieces", draft->pieces);
  acu_sql_bind_int64 (stmt, ":grams", grams);
  acu_sql_bind_int (stmt, ":estimated", estimated);
  if (draft->value_cents >= 0)
    acu_sql_bind_int64 (stmt, ":value", draft->value_cents);
  else
    acu_sql_bind_null (stmt, ":value");
  acu_sql_bind_id (stmt, ":household", draft->household_id);
  acu_sql_bind_id (stmt, ":service", service_id);
  acu_sql_bind_text (stmt, ":lot", draft->lot != NULL && *draft->lot != '\0' ? draft->lot : NULL);
  acu_sql_bind_text (stmt, ":expiry", draft->expiry != NULL && *draft->expiry != '\0' ? draft->expiry : NULL);
  acu_sql_bind_id (stmt, ":corrects", corrects_id);
  acu_sql_bind_id (stmt, ":pair", pair_id);
  acu_sql_bind_id (stmt, ":visit", visit_id);
  acu_sql_bind_text (stmt, ":forced", reason);
  acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
  acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

gint64
acu_goods_insert (AcuStore             *store,
                  const AcuGoodsDraft  *draft,
                  const char           *day,
                  gint64                service_id,
                  gint64                corrects_id,
                  GError              **error)
{
  return insert_movement (store, draft, day, service_id, corrects_id, 0, 0, FALSE, error);
}

/* Inside a transaction: the stock checked, the movement written, and its
 * audit entries (@action, and goods-forced when staff forced it) */
static gint64
record_one (AcuStore             *store,
            const AcuGoodsDraft  *draft,
            const char           *day,
            gint64                pair_id,
            gint64                visit_id,
            const char           *action,
            GError              **error)
{
  gint64 place_id = draft->place_id;
  gboolean forced;
  gint64 id;

  if (place_id == 0 && (place_id = default_place (store, draft->category_id, error)) == 0)
    return 0;
  if (draft->place_id != 0 && !check_place (store, place_id, error))
    return 0;
  if (!check_stock (store, draft, place_id, &forced, error))
    return 0;
  id = insert_movement (store, draft, day, 0, 0, pair_id, visit_id, forced, error);
  if (id == 0
      || (action != NULL && !acu_audit_record (store, action, "movement", id, error))
      || (forced && !acu_audit_record (store, "goods-forced", "movement", id, error)))
    return 0;
  return id;
}

/* A draft a person may record by hand: a day not to come, not closed */
static gboolean
check_recordable (AcuStore             *store,
                  const AcuGoodsDraft  *draft,
                  const char           *today,
                  GError              **error)
{
  const char *day = draft->day != NULL ? draft->day : today;

  if (!check_day (store, day, error) || !acu_goods_check_draft (store, draft, error))
    return FALSE;
  if (strcmp (day, today) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This date is still to come: record goods on the day they move."));
      return FALSE;
    }
  if (draft->reason == ACU_GOODS_SERVED || draft->reason == ACU_GOODS_CORRECTION
      || draft->reason == ACU_GOODS_GIVEN || (draft->reason == ACU_GOODS_TRANSFER && draft->direction < 0))
    {
      /* served: through its area (acu_food_serve); given to a household:
       * acu_goods_give; from one place to another: acu_goods_transfer;
       * corrections: acu_goods_correct */
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This kind of movement is recorded by its own form."));
      return FALSE;
    }
  return TRUE;
}

/* The id of the last movement written goes to @last_id */
static gboolean
record_drafts (AcuStore             *store,
               const AcuGoodsDraft  *drafts,
               guint                 n_drafts,
               guint                *refused_index,
               gint64               *last_id,
               GError              **error)
{
  g_autofree char *today = acu_date_today ();
  gboolean ok = TRUE;
  guint i;

  g_return_val_if_fail (drafts != NULL || n_drafts == 0, FALSE);

  if (refused_index != NULL)
    *refused_index = 0;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  for (i = 0; i < n_drafts; i++)
    if (!check_recordable (store, &drafts[i], today, error))
      {
        if (refused_index != NULL)
          *refused_index = i;
        return FALSE;
      }
  if (!acu_store_begin (store, error))
    return FALSE;
  for (i = 0; ok && i < n_drafts; i++)
    {
      const AcuGoodsDraft *draft = &drafts[i];
      gint64 id = record_one (store, draft, draft->day != NULL ? draft->day : today, 0, 0,
                              draft->direction > 0 ? "goods-in" : "goods-out", error);

      ok = id != 0;
      *last_id = id;
    }
  if (!ok && refused_index != NULL)
    *refused_index = i - 1;
  return acu_sql_finish (store, ok, error);
}

gboolean
acu_goods_record_many (AcuStore             *store,
                       const AcuGoodsDraft  *drafts,
                       guint                 n_drafts,
                       guint                *refused_index,
                       GError              **error)
{
  gint64 last_id = 0;

  return record_drafts (store, drafts, n_drafts, refused_index, &last_id, error);
}

gint64
acu_goods_record (AcuStore             *store,
                  const AcuGoodsDraft  *draft,
                  GError              **error)
{
  gint64 id = 0;

  g_return_val_if_fail (draft != NULL, 0);

  return record_drafts (store, draft, 1, NULL, &id, error) ? id : 0;
}

gboolean
acu_goods_transfer (AcuStore     *store,
                    const char   *day,
                    gint64        from_place_id,
                    gint64        to_place_id,
                    gint64        category_id,
                    gint64        pieces,
                    gint64        grams,
                    const char   *forced_reason,
                    GError      **error)
{
  g_autofree char *today = acu_date_today ();
  AcuGoodsDraft out = {
    .day = day, .place_id = from_place_id, .category_id = category_id, .direction = -1,
    .reason = ACU_GOODS_TRANSFER, .pieces = pieces, .grams = grams, .value_cents = -1,
    .forced_reason = forced_reason,
  };
  AcuGoodsDraft in = out;
  gint64 out_id;
  gboolean ok;

  if (day == NULL)
    day = out.day = in.day = today;
  in.place_id = to_place_id;
  in.direction = 1;
  in.forced_reason = NULL;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !check_day (store, day, error) || !acu_goods_check_draft (store, &out, error))
    return FALSE;
  if (strcmp (day, today) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This date is still to come: record goods on the day they move."));
      return FALSE;
    }
  if (from_place_id == to_place_id)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Goods move from one place to another: choose two different places."));
      return FALSE;
    }
  if (!check_place (store, from_place_id, error) || !check_place (store, to_place_id, error)
      || !acu_store_begin (store, error))
    return FALSE;
  /* the in names its out; beyond the stock, only staff with a reason */
  out_id = record_one (store, &out, day, 0, 0, "goods-transfer", error);
  ok = out_id != 0 && record_one (store, &in, day, out_id, 0, NULL, error) != 0;
  return acu_sql_finish (store, ok, error);
}

static gint64
household_of_person (AcuStore  *store,
                     gint64     person_id,
                     GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT household_id FROM person WHERE id = :id", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This person is no longer recorded."));
  return id;
}

/* The reason of a gift's visit: clothing when a line is clothes, or
 * furniture and household goods */
static gint64
gift_reason (AcuStore            *store,
             const AcuGoodsLine  *lines,
             guint                n_lines,
             GError             **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", lines[i].category_id);
  sql = g_strdup_printf ("SELECT id FROM reason WHERE code = CASE WHEN EXISTS (SELECT 1 FROM goods_category "
                         "WHERE kind = 'textile' AND id IN (%s)) THEN 'clothing' ELSE 'furniture' END",
                         ids->str);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0 && error != NULL && *error == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED,
                         _("The reasons “Clothing” and “Furniture” are missing from the database."));
  return id;
}

gboolean
acu_goods_give (AcuStore            *store,
                gint64               person_id,
                gint64               place_id,
                const AcuGoodsLine  *lines,
                guint                n_lines,
                const char          *forced_reason,
                gint64              *visit_id,
                GError             **error)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) now = NULL;
  AcuVisitDraft visit = { 0 };
  gint64 household_id, reason_id, visit_row;
  gint64 total_grams = 0;
  gboolean ok;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);

  if (visit_id != NULL)
    *visit_id = 0;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  if (n_lines == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Nothing to give: add a line first."));
      return FALSE;
    }
  if ((household_id = household_of_person (store, person_id, error)) == 0
      || !check_day (store, today, error))
    return FALSE;
  for (guint i = 0; i < n_lines; i++)
    {
      AcuGoodsDraft draft = {
        .place_id = place_id, .category_id = lines[i].category_id, .direction = -1, .reason = ACU_GOODS_GIVEN,
        .pieces = lines[i].pieces, .grams = lines[i].grams, .value_cents = -1, .household_id = household_id,
      };

      if (lines[i].pieces <= 0)
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("Give a number of pieces, 1 or more."));
          return FALSE;
        }
      if (!acu_goods_check_draft (store, &draft, error))
        return FALSE;
      total_grams += MAX (lines[i].grams, 0);
    }
  if (total_grams > ACU_GOODS_MAX_HOUSEHOLD_GRAMS)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("A household cannot take more than 500 kg at once."));
      return FALSE;
    }
  if (place_id != 0 && !check_place (store, place_id, error))
    return FALSE;
  if ((reason_id = gift_reason (store, lines, n_lines, error)) == 0 || !acu_store_begin (store, error))
    return FALSE;

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  visit.day = today;
  visit.time = time;
  visit.person_id = person_id;
  visit.reason_ids = &reason_id;
  visit.n_reasons = 1;
  visit_row = acu_visit_insert_unchecked (store, &visit, acu_store_get_person_id (store),
                                          g_get_real_time () / G_USEC_PER_SEC, error);
  ok = visit_row != 0 && acu_audit_record (store, "visit-add", "visit", visit_row, error);
  for (guint i = 0; ok && i < n_lines; i++)
    {
      AcuGoodsDraft draft = {
        .place_id = place_id, .category_id = lines[i].category_id, .direction = -1, .reason = ACU_GOODS_GIVEN,
        .pieces = lines[i].pieces, .grams = lines[i].grams, .value_cents = -1, .household_id = household_id,
        .forced_reason = forced_reason,
      };

      ok = record_one (store, &draft, today, 0, visit_row, NULL, error) != 0;
    }
  ok = ok && acu_audit_record (store, "goods-give", "household", household_id, error);
  if (!acu_sql_finish (store, ok, error))
    return FALSE;
  if (visit_id != NULL)
    *visit_id = visit_row;
  return TRUE;
}

gboolean
acu_goods_gift_cancel (AcuStore  *store,
                       gint64     visit_id,
                       GError   **error)
{
  g_autofree char *today = acu_date_today ();
  g_autoptr(GArray) movements = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *day = NULL;
  gint64 household_id = 0, recorded_by = 0;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  stmt = acu_store_prepare (store,
                            "SELECT m.id, m.day, m.household_id, m.recorded_by FROM goods_movement m "
                            "WHERE m.visit_id = :visit AND m.reason = 'given' "
                            "AND NOT EXISTS (SELECT 1 FROM goods_movement c WHERE c.corrects_id = m.id) "
                            "ORDER BY m.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":visit", visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (movements, id);
      if (day == NULL)
        day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      household_id = sqlite3_column_int64 (stmt, 2);
      recorded_by = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (movements->len == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This gift is no longer recorded, or is cancelled already."));
      return FALSE;
    }
  if (acu_store_get_role (store) < ACU_ROLE_STAFF
      && (recorded_by != acu_store_get_person_id (store) || !g_str_equal (day, today)))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                           _("Only the person who recorded a gift may cancel it, the same day; otherwise ask a staff member."));
      return FALSE;
    }
  if (!check_day (store, today, error) || !acu_store_begin (store, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < movements->len; i++)
    ok = acu_goods_correct_unchecked (store, g_array_index (movements, gint64, i), today, error) != 0;
  if (ok)
    {
      stmt = acu_store_prepare (store, "DELETE FROM visit WHERE id = :id", error);
      ok = stmt != NULL;
      if (ok)
        {
          acu_sql_bind_int64 (stmt, ":id", visit_id);
          ok = acu_store_step_done (store, stmt, error);
        }
    }
  ok = ok && acu_audit_record (store, "visit-delete", "visit", visit_id, error)
       && acu_audit_record (store, "goods-gift-cancel", "household", household_id, error);
  return acu_sql_finish (store, ok, error);
}

GPtrArray *
acu_goods_list_household (AcuStore  *store,
                          gint64     household_id,
                          guint      offset,
                          guint      limit,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " MOVEMENT_COLUMNS " FROM goods_movement m "
                            "JOIN goods_category c ON c.id = m.category_id "
                            "WHERE m.household_id = :household AND m.reason = 'given' "
                            "ORDER BY m.day DESC, m.id DESC LIMIT :limit OFFSET :offset",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_int64 (stmt, ":limit", limit);
  acu_sql_bind_int64 (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, movement_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
acu_goods_correct_unchecked (AcuStore  *store,
                             gint64     movement_id,
                             const char *day,
                             GError   **error)
{
  g_autoptr(AcuGoodsMovement) movement = get_movement (store, movement_id, error);
  AcuGoodsDraft draft = { 0 };

  if (movement == NULL)
    return 0;
  if (movement->corrected || movement->corrects_id != 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           movement->corrected ? _("This movement is corrected already.")
                                               : _("A correction is not corrected: record the movement again."));
      return 0;
    }
  draft.category_id = movement->category_id;
  draft.direction = -movement->direction;
  draft.reason = ACU_GOODS_CORRECTION;
  draft.pieces = movement->pieces;
  draft.grams = movement->grams;
  draft.value_cents = movement->value_cents;
  draft.household_id = movement->household_id;
  {
    sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT place_id FROM goods_movement WHERE id = :id", error);

    if (stmt == NULL)
      return 0;
    acu_sql_bind_int64 (stmt, ":id", movement_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      draft.place_id = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }
  return acu_goods_insert (store, &draft, day, 0, movement_id, error);
}

gint64
acu_goods_correct (AcuStore  *store,
                   gint64     movement_id,
                   GError   **error)
{
  g_autofree char *today = acu_date_today ();
  gint64 id;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_STAFF, error)
      || !check_day (store, today, error)
      || !acu_store_begin (store, error))
    return 0;
  id = acu_goods_correct_unchecked (store, movement_id, today, error);
  ok = id != 0 && acu_audit_record (store, "goods-correct", "movement", movement_id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

GPtrArray *
acu_goods_list (AcuStore       *store,
                AcuGoodsKinds   kinds,
                const char     *from,
                const char     *to,
                guint           offset,
                guint           limit,
                GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = kinds_sql (kinds);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  sql = g_strdup_printf ("SELECT " MOVEMENT_COLUMNS " FROM goods_movement m "
                         "JOIN goods_category c ON c.id = m.category_id "
                         "WHERE m.day BETWEEN :from AND :to AND %s "
                         "ORDER BY m.day DESC, m.id DESC LIMIT :limit OFFSET :offset",
                         where);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":from", from != NULL ? from : "0000-00-00");
  acu_sql_bind_text (stmt, ":to", to != NULL ? to : "9999-99-99");
  acu_sql_bind_int64 (stmt, ":limit", limit);
  acu_sql_bind_int64 (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, movement_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
acu_goods_stock_free (AcuGoodsStock *stock)
{
  if (stock == NULL)
    return;
  g_free (stock->category);
  g_free (stock);
}

GPtrArray *
acu_goods_stock (AcuStore       *store,
                 AcuGoodsKinds   kinds,
                 gint64          place_id,
                 GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_goods_stock_free);
  g_autofree char *where = kinds_sql (kinds);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  /* A few rows a category: goods_stock is kept by the ledger's trigger */
  sql = g_strdup_printf ("SELECT c.id, c.code, c.label, "
                         "(SELECT coalesce (sum (s.pieces), 0) FROM goods_stock s "
                         " WHERE s.category_id = c.id AND (:place = 0 OR s.place_id = :place)), "
                         "(SELECT coalesce (sum (s.grams), 0) FROM goods_stock s "
                         " WHERE s.category_id = c.id AND (:place = 0 OR s.place_id = :place)) "
                         "FROM goods_category c WHERE c.hidden = 0 AND %s ORDER BY c.position, c.id",
                         where);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":place", place_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuGoodsStock *stock = g_new0 (AcuGoodsStock, 1);

      stock->category_id = sqlite3_column_int64 (stmt, 0);
      stock->category = category_label (stmt, 1);
      stock->pieces = sqlite3_column_int64 (stmt, 3);
      stock->grams = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, stock);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
acu_goods_close_month (AcuStore    *store,
                       const char  *month,
                       GError     **error)
{
  g_autofree char *first = NULL;
  g_autofree char *today = acu_date_today ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;
  first = g_strdup_printf ("%s-01", month != NULL ? month : "");
  if (month == NULL || strlen (month) != 7 || !acu_date_parse (first, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The month is not valid. Write it as month/year."));
      return FALSE;
    }
  if (strncmp (month, today, 7) >= 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Only a month that has ended can be closed."));
      return FALSE;
    }
  if (acu_goods_month_is_closed (store, month, error))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("This month is closed already."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  stmt = acu_store_prepare (store,
                            "INSERT INTO goods_month_closed (month, closed_by, closed_at) VALUES (:month, :by, :now)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      acu_sql_bind_text (stmt, ":month", month);
      acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
      acu_sql_bind_int64 (stmt, ":now", g_get_real_time () / G_USEC_PER_SEC);
      ok = acu_store_step_done (store, stmt, error);
    }
  ok = ok && acu_audit_record (store, "goods-close-month", NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}
