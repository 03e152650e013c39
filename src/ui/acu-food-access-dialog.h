/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_ACCESS_DIALOG (acu_food_access_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodAccessDialog, acu_food_access_dialog, ACU, FOOD_ACCESS_DIALOG, AdwWindow)

/* A household's access to food aid, for staff and coordinators: its
 * history, granting or renewing it, and the reste-à-vivre helper. Shown
 * over @parent's window; to anyone else (the core refuses them), a toast
 * says why and nothing opens. */
void  acu_food_access_dialog_present (GtkWidget *parent,
                                      AcuStore  *store,
                                      gint64     household_id);

/* A sentence for anyone at the desk: whether the household's access is
 * valid today, until when, and what is left of its grocery right */
char *acu_food_access_dup_status (AcuStore *store,
                                  gint64    household_id);

G_END_DECLS
