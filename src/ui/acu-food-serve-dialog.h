/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-food.h"
#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_SERVE_DIALOG (acu_food_serve_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodServeDialog, acu_food_serve_dialog, ACU, FOOD_SERVE_DIALOG, AdwWindow)

/* Opens the dialog that serves food aid today to the household of
 * @person_id, in @mode (ACU_FOOD_MODE_BOTH: as the household's access and
 * today's distribution say, with a switch). @from asks for it: its window
 * is the dialog's parent, and its toast overlay tells the service. NULL
 * when the person cannot be read (a toast says why). */
AcuFoodServeDialog *acu_food_serve_dialog_present (GtkWidget   *from,
                                                   AcuStore    *store,
                                                   gint64       person_id,
                                                   AcuFoodMode  mode);

/* The line the desk says of a household's food aid (acu-food-desk.c) */
char               *acu_food_status_dup_line (const AcuFoodStatus *status);

G_END_DECLS
