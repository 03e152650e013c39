/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-report-private.h"

G_BEGIN_DECLS

/* The reception log, people and households */
/* steps: days, persons, new households for each column; the trend once */
#define ACU_REPORT_RECEPTION_STEPS      3
#define ACU_REPORT_RECEPTION_STEPS_ONCE 1

gboolean acu_report_reception_compute (AcuReportContext  *ctx,
                                       AcuReportSection  *section,
                                       GError           **error);

G_END_DECLS
