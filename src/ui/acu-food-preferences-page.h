/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_PREFERENCES_PAGE (acu_food_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodPreferencesPage, acu_food_preferences_page, ACU, FOOD_PREFERENCES_PAGE,
                      AdwPreferencesPage)

void  acu_food_preferences_page_set_store (AcuFoodPreferencesPage *self,
                                           AcuStore               *store);

G_END_DECLS
