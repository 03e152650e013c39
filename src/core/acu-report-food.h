/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-report-private.h"

G_BEGIN_DECLS

/* The food-aid section of the activity summary (for the registry of
 * acu-report-sections.c; the FSE+ indicators are in acu-report-food-fse.h) */
/* steps: services, persons, goods, access opened and renewed, access
 * expired for each column; the settings and categories once */
#define ACU_REPORT_FOOD_STEPS      5
#define ACU_REPORT_FOOD_STEPS_ONCE 1

gboolean acu_report_food_compute (AcuReportContext  *ctx,
                                  AcuReportSection  *section,
                                  GError           **error);

G_END_DECLS
