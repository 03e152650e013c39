/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_DESK_PAGE (acu_desk_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuDeskPage, acu_desk_page, ACU, DESK_PAGE, AcuPage)

G_END_DECLS
