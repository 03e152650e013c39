/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_DESK_PAGE (acu_desk_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuDeskPage, acu_desk_page, ACU, DESK_PAGE, AdwBin)

void acu_desk_page_set_store (AcuDeskPage *self,
                              AcuStore    *store);

G_END_DECLS
