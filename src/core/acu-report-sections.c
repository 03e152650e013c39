/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-report-private.h"
#include "acu-report-food.h"
#include "acu-report-reception.h"

/* Every area's section of the activity summary, in the order of the
 * document. An area adds its section here and in its own file, nothing
 * else: the drawing, CSV, JSON and network export read any section. */
static const AcuReportSectionInfo sections[] = {
  { "reception", N_("Reception"), ACU_REPORT_RECEPTION_STEPS, ACU_REPORT_RECEPTION_STEPS_ONCE,
    acu_report_reception_compute, ACU_AREA_VISITS | ACU_AREA_PEOPLE | ACU_AREA_CATALOGUES },
  { "food-aid", N_("Food aid"), ACU_REPORT_FOOD_STEPS, ACU_REPORT_FOOD_STEPS_ONCE,
    acu_report_food_compute, ACU_AREA_FOOD | ACU_AREA_GOODS | ACU_AREA_PEOPLE | ACU_AREA_SETTINGS },
};

const AcuReportSectionInfo *
acu_report_list_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/* What every section reads: the Reports page knows from it when the
 * figures it shows are stale */
AcuAreas
acu_report_get_areas (void)
{
  AcuAreas areas = ACU_AREA_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    areas |= sections[i].areas;
  return areas;
}
