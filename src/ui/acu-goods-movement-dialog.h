/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_GOODS_MOVEMENT_DIALOG (acu_goods_movement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AcuGoodsMovementDialog, acu_goods_movement_dialog, ACU, GOODS_MOVEMENT_DIALOG, AdwWindow)

typedef enum
{
  ACU_GOODS_MOVEMENT_FOOD_DELIVERY,   /* food in, by source, kilograms by category */
  ACU_GOODS_MOVEMENT_FOOD_LOSS,       /* food expired, damaged, wasted */
  ACU_GOODS_MOVEMENT_IN,              /* clothes and goods in: donation, collection, purchase, partner */
  ACU_GOODS_MOVEMENT_OUT,             /* clothes and goods out: partner, recycled, wasted, adjustment */
  ACU_GOODS_MOVEMENT_TRANSFER,        /* clothes and goods from one place to another */
} AcuGoodsMovementKind;

/* A form over @parent's window that records goods in, out or moved: a
 * date, and for food kilograms by category in the food store, for clothes
 * and goods lines of pieces and weight in a place, @place_id first (0:
 * the first place) */
AcuGoodsMovementDialog *acu_goods_movement_dialog_new (GtkWidget            *parent,
                                                       AcuStore             *store,
                                                       AcuGoodsMovementKind  kind,
                                                       gint64                place_id);

G_END_DECLS
