/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACU_TYPE_UNLOCK_PAGE (acu_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuUnlockPage, acu_unlock_page, ACU, UNLOCK_PAGE, AdwBin)

void        acu_unlock_page_set_database (AcuUnlockPage *self,
                                          const char    *path,
                                          const char    *demo_password);
const char *acu_unlock_page_get_database (AcuUnlockPage *self);
void        acu_unlock_page_focus (AcuUnlockPage *self);

G_END_DECLS
