/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-settings.h"
#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_CONTEXT (acu_context_get_type ())

G_DECLARE_FINAL_TYPE (AcuContext, acu_context, ACU, CONTEXT, GObject)

AcuContext  *acu_context_new (AcuSettings *settings);
AcuSettings *acu_context_get_settings (AcuContext *self);
AcuStore    *acu_context_get_store (AcuContext *self);
void         acu_context_set_store (AcuContext *self,
                                    AcuStore   *store);

G_END_DECLS
