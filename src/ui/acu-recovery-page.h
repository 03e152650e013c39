/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACU_TYPE_RECOVERY_PAGE (acu_recovery_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuRecoveryPage, acu_recovery_page, ACU, RECOVERY_PAGE, AdwBin)

void acu_recovery_page_show_code (AcuRecoveryPage *self,
                                  const char      *code,
                                  const char      *site_name,
                                  const char      *database_path);
void acu_recovery_page_forget (AcuRecoveryPage *self);

G_END_DECLS
