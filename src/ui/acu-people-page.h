/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_PEOPLE_PAGE (acu_people_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuPeoplePage, acu_people_page, ACU, PEOPLE_PAGE, AcuPage)


G_END_DECLS
