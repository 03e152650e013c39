/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* The goods ledger (DESIGN.md): food, clothes, furniture and household
 * goods move through one ledger of movements. A movement is never changed
 * or deleted: a correction is a new movement, and a closed month takes
 * none. Stock on hand and the months' totals are kept by triggers. */

/* The kinds of categories; food aid uses FOOD and HYGIENE */
typedef enum
{
  ACU_GOODS_KIND_FOOD      = 1 << 0,
  ACU_GOODS_KIND_HYGIENE   = 1 << 1,
  ACU_GOODS_KIND_TEXTILE   = 1 << 2,
  ACU_GOODS_KIND_FURNITURE = 1 << 3,
  ACU_GOODS_KIND_APPLIANCE = 1 << 4,
  ACU_GOODS_KIND_OTHER     = 1 << 5,
} AcuGoodsKinds;

#define ACU_GOODS_KINDS_FOOD_AID (ACU_GOODS_KIND_FOOD | ACU_GOODS_KIND_HYGIENE)
/* The vestiaire and the ressourcerie: clothes, furniture, household goods */
#define ACU_GOODS_KINDS_SECOND_HAND (ACU_GOODS_KIND_TEXTILE | ACU_GOODS_KIND_FURNITURE | \
                                     ACU_GOODS_KIND_APPLIANCE | ACU_GOODS_KIND_OTHER)

typedef enum
{
  /* in */
  ACU_GOODS_DELIVERY,
  ACU_GOODS_DONATION,
  ACU_GOODS_COLLECTION,
  ACU_GOODS_PURCHASE,
  ACU_GOODS_TRANSFER,
  /* out */
  ACU_GOODS_SERVED,
  ACU_GOODS_GIVEN,
  ACU_GOODS_SOLD,
  ACU_GOODS_PARTNER,
  ACU_GOODS_RECYCLED,
  ACU_GOODS_EXPIRED,
  ACU_GOODS_DAMAGED,
  ACU_GOODS_WASTED,
  /* either way */
  ACU_GOODS_ADJUSTMENT,
  ACU_GOODS_CORRECTION,
  ACU_GOODS_N_REASONS
} AcuGoodsReason;

/* Where food in came from */
typedef enum
{
  ACU_FOOD_SOURCE_NONE,
  ACU_FOOD_SOURCE_BANQUE_ALIMENTAIRE,
  ACU_FOOD_SOURCE_FSE_PLUS,
  ACU_FOOD_SOURCE_COLLECTION,
  ACU_FOOD_SOURCE_PURCHASE,
  ACU_FOOD_SOURCE_DONATION,
  ACU_FOOD_SOURCE_PARTNER,
  ACU_FOOD_N_SOURCES
} AcuFoodSource;

const char     *acu_goods_reason_to_string (AcuGoodsReason reason);
AcuGoodsReason  acu_goods_reason_from_string (const char *text);   /* ACU_GOODS_N_REASONS if unknown */
const char     *acu_goods_reason_get_label (AcuGoodsReason reason);
const char     *acu_food_source_to_string (AcuFoodSource source);
AcuFoodSource   acu_food_source_from_string (const char *text);     /* ACU_FOOD_N_SOURCES if unknown */
const char     *acu_food_source_get_label (AcuFoodSource source);

/* The heaviest movement a household can take at once: 500 kg */
#define ACU_GOODS_MAX_HOUSEHOLD_GRAMS 500000
/* The heaviest movement of all (a lorry): 40 t */
#define ACU_GOODS_MAX_GRAMS 40000000

typedef struct
{
  gint64    id;
  char     *code;              /* NULL for categories added at the desk */
  char     *label;
  AcuGoodsKinds kind;
  gint64    grams_per_piece;   /* 0: none */
  gboolean  hidden;
  gint64    low_pieces;        /* short below this many pieces; 0: no threshold */
} AcuGoodsCategory;

void        acu_goods_category_free (AcuGoodsCategory *category);
/* Volunteers and up; @kinds filters; hidden categories left out */
GPtrArray  *acu_goods_category_list (AcuStore       *store,
                                     AcuGoodsKinds   kinds,
                                     GError        **error);
const char *acu_goods_category_default_label (const char *code);
/* The food store, the place food aid uses */
gint64      acu_goods_get_food_place (AcuStore  *store,
                                      GError   **error);
/* Staff and up: the stock below which a category is short; 0: none */
gboolean    acu_goods_category_set_low_pieces (AcuStore  *store,
                                               gint64     category_id,
                                               gint64     low_pieces,
                                               GError   **error);
/* Volunteers and up: how many categories of @kinds are short (every place
 * together), for the sidebar's badge */
guint       acu_goods_count_short (AcuStore       *store,
                                   AcuGoodsKinds   kinds,
                                   GError        **error);

typedef struct
{
  gint64    id;
  char     *code;              /* NULL for places added at the desk */
  char     *label;
} AcuGoodsPlace;

void        acu_goods_place_free (AcuGoodsPlace *place);
/* Volunteers and up: the places shown (hidden ones left out), in order */
GPtrArray  *acu_goods_place_list (AcuStore  *store,
                                  GError   **error);

typedef struct
{
  const char     *day;            /* NULL: today */
  gint64          place_id;       /* 0: the food store */
  gint64          category_id;
  int             direction;      /* +1 in, -1 out */
  AcuGoodsReason  reason;
  AcuFoodSource   source;         /* food in only */
  gint64          pieces;
  gint64          grams;          /* -1: estimated from the pieces */
  gint64          value_cents;    /* -1: not known */
  gint64          household_id;   /* 0: none */
  const char     *lot;
  const char     *expiry;         /* YYYY-MM-DD or NULL */
  /* An out movement beyond the stock on hand of its place is refused
   * (ACU_STORE_ERROR_SHORT), unless staff give the reason they force it */
  const char     *forced_reason;
} AcuGoodsDraft;

/* A movement, as the ledger's list shows it (properties for .ui factories) */
#define ACU_TYPE_GOODS_MOVEMENT (acu_goods_movement_get_type ())
G_DECLARE_FINAL_TYPE (AcuGoodsMovement, acu_goods_movement, ACU, GOODS_MOVEMENT, GObject)

gint64          acu_goods_movement_get_id (AcuGoodsMovement *self);
const char     *acu_goods_movement_get_day (AcuGoodsMovement *self);
gint64          acu_goods_movement_get_category_id (AcuGoodsMovement *self);
const char     *acu_goods_movement_get_category (AcuGoodsMovement *self);    /* its label */
int             acu_goods_movement_get_direction (AcuGoodsMovement *self);  /* +1 in, -1 out */
AcuGoodsReason  acu_goods_movement_get_reason (AcuGoodsMovement *self);
AcuFoodSource   acu_goods_movement_get_source (AcuGoodsMovement *self);
/* "Delivery · Banque alimentaire", "Served to household 12"… */
const char     *acu_goods_movement_get_description (AcuGoodsMovement *self);
gint64          acu_goods_movement_get_pieces (AcuGoodsMovement *self);
gint64          acu_goods_movement_get_grams (AcuGoodsMovement *self);
gboolean        acu_goods_movement_get_estimated (AcuGoodsMovement *self);
gint64          acu_goods_movement_get_value_cents (AcuGoodsMovement *self); /* -1: not known */
gint64          acu_goods_movement_get_household_id (AcuGoodsMovement *self);
const char     *acu_goods_movement_get_lot (AcuGoodsMovement *self);
const char     *acu_goods_movement_get_expiry (AcuGoodsMovement *self);
gint64          acu_goods_movement_get_corrects_id (AcuGoodsMovement *self);
gboolean        acu_goods_movement_get_corrected (AcuGoodsMovement *self);  /* a later movement corrects it */

/* Volunteers and up. Goods in and losses; what a household takes goes
 * through its area (food aid: acu_food_serve). */
gint64      acu_goods_record (AcuStore             *store,
                              const AcuGoodsDraft  *draft,
                              GError              **error);
/* Volunteers and up: several movements (a delivery of several
 * categories) in one transaction, all or none. On a refusal,
 * @refused_index (if not NULL) says which draft. */
gboolean    acu_goods_record_many (AcuStore             *store,
                                   const AcuGoodsDraft  *drafts,
                                   guint                 n_drafts,
                                   guint                *refused_index,
                                   GError              **error);
/* Volunteers and up: @pieces (and @grams, -1: estimated) of a category
 * out of one place and into another, as two movements, in one
 * transaction; refused beyond the stock of @from_place unless staff give
 * @forced_reason (as for any movement out) */
gboolean    acu_goods_transfer (AcuStore     *store,
                                const char   *day,
                                gint64        from_place_id,
                                gint64        to_place_id,
                                gint64        category_id,
                                gint64        pieces,
                                gint64        grams,
                                const char   *forced_reason,
                                GError      **error);

/* A gift to a household, from the reception page: a line a category */
typedef struct
{
  gint64  category_id;
  gint64  pieces;
  gint64  grams;          /* -1: estimated from the pieces */
} AcuGoodsLine;

/* Volunteers and up: @person_id came and their household was given
 * @lines out of @place_id (0: the vestiaire), today: the visit (its
 * reason clothing, or furniture and household goods when no line is
 * clothing) and a movement "given" a line, in one transaction. Lines
 * beyond the stock are refused unless staff give @forced_reason. The
 * visit's id goes to @visit_id. */
gboolean    acu_goods_give (AcuStore            *store,
                            gint64               person_id,
                            gint64               place_id,
                            const AcuGoodsLine  *lines,
                            guint                n_lines,
                            const char          *forced_reason,
                            gint64              *visit_id,
                            GError             **error);
/* Volunteers the same day for a gift they recorded, staff always: the
 * gift of @visit_id corrected (a movement back a line) and its visit
 * deleted */
gboolean    acu_goods_gift_cancel (AcuStore  *store,
                                   gint64     visit_id,
                                   GError   **error);
/* Volunteers and up: what @household_id was given (newest first, a page) */
GPtrArray  *acu_goods_list_household (AcuStore  *store,
                                      gint64     household_id,
                                      guint      offset,
                                      guint      limit,
                                      GError   **error);

/* Staff and up: a movement that cancels @movement_id, dated today */
gint64      acu_goods_correct (AcuStore  *store,
                               gint64     movement_id,
                               GError   **error);
/* Newest first, a page at a time; @kinds filters */
GPtrArray  *acu_goods_list (AcuStore       *store,
                            AcuGoodsKinds   kinds,
                            const char     *from,
                            const char     *to,
                            guint           offset,
                            guint           limit,
                            GError        **error);

typedef struct
{
  gint64  category_id;
  char   *category;
  gint64  pieces;
  gint64  grams;
} AcuGoodsStock;

void        acu_goods_stock_free (AcuGoodsStock *stock);
/* Stock on hand by category, every place together (place_id 0) or one;
 * a row per category of @kinds, in the catalogue's order */
GPtrArray  *acu_goods_stock (AcuStore       *store,
                             AcuGoodsKinds   kinds,
                             gint64          place_id,
                             GError        **error);

/* Coordinators: a closed month ("YYYY-MM") takes no movement */
gboolean    acu_goods_close_month (AcuStore    *store,
                                   const char  *month,
                                   GError     **error);
gboolean    acu_goods_month_is_closed (AcuStore    *store,
                                       const char  *month,
                                       GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuGoodsCategory, acu_goods_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuGoodsStock, acu_goods_stock_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuGoodsPlace, acu_goods_place_free)

G_END_DECLS
