/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_AUDIT_PAGE (acu_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuAuditPage, acu_audit_page, ACU, AUDIT_PAGE, AcuPage)

G_END_DECLS
