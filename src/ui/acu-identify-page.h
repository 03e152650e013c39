/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_IDENTIFY_PAGE (acu_identify_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuIdentifyPage, acu_identify_page, ACU, IDENTIFY_PAGE, AdwBin)

void acu_identify_page_show (AcuIdentifyPage *self,
                             AcuStore        *store);
void acu_identify_page_forget (AcuIdentifyPage *self);

G_END_DECLS
