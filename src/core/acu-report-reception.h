/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-report-private.h"

G_BEGIN_DECLS

/* The reception log, people and households */
#define ACU_REPORT_RECEPTION_STEPS 4

gboolean acu_report_reception_compute (AcuReportContext  *ctx,
                                       AcuReportSection  *section,
                                       GError           **error);

G_END_DECLS
