/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-goods.h"
#include "acu-page.h"

G_BEGIN_DECLS

/* A page's way of showing a refusal (NULL: none) */
typedef void (*AcuGoodsCorrectError) (AcuPage    *page,
                                      const char *message);

/* Staff: asks whether to correct @movement (@title names it), then
 * corrects it (a new movement cancels it) and says so in a toast; a
 * movement corrected already, a correction, or a refusal go to
 * @show_error. The food stock page and the goods page share it. */
void  acu_goods_correct_ask (AcuPage              *page,
                             AcuGoodsMovement     *movement,
                             const char           *title,
                             AcuGoodsCorrectError  show_error);

G_END_DECLS
