/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_RECEPTION_PAGE (acu_reception_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuReceptionPage, acu_reception_page, ACU, RECEPTION_PAGE, AcuPage)


G_END_DECLS
