/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACU_TYPE_CREATE_PAGE (acu_create_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuCreatePage, acu_create_page, ACU, CREATE_PAGE, AdwBin)

void acu_create_page_reset (AcuCreatePage *self);

G_END_DECLS
