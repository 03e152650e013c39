/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_STOCK_PAGE (acu_food_stock_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodStockPage, acu_food_stock_page, ACU, FOOD_STOCK_PAGE, AcuPage)

G_END_DECLS
