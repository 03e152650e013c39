/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_GOODS_PAGE (acu_goods_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuGoodsPage, acu_goods_page, ACU, GOODS_PAGE, AcuPage)

G_END_DECLS
