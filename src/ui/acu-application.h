/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-settings.h"

G_BEGIN_DECLS

#define ACU_TYPE_APPLICATION (acu_application_get_type ())

G_DECLARE_FINAL_TYPE (AcuApplication, acu_application, ACU, APPLICATION, AdwApplication)

AcuApplication *acu_application_new (void);
void            acu_application_setup_i18n (void);
AcuSettings    *acu_application_get_settings (AcuApplication *self);

G_END_DECLS
