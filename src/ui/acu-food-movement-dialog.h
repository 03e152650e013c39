/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_MOVEMENT_DIALOG (acu_food_movement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodMovementDialog, acu_food_movement_dialog, ACU, FOOD_MOVEMENT_DIALOG, AdwWindow)

typedef enum
{
  ACU_FOOD_MOVEMENT_DELIVERY,   /* food in, by source */
  ACU_FOOD_MOVEMENT_LOSS,       /* expired, damaged, wasted */
} AcuFoodMovementKind;

/* A form over @parent's window that records food in (or lost) in the
 * food store: a date, and kilograms for several categories at once */
AcuFoodMovementDialog *acu_food_movement_dialog_new (GtkWidget           *parent,
                                                     AcuStore            *store,
                                                     AcuFoodMovementKind  kind);

G_END_DECLS
