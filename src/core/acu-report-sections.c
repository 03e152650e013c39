/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-report-private.h"
#include "acu-report-reception.h"

/* Every area's section of the activity summary, in the order of the
 * document. An area adds its section here and in its own file, nothing
 * else: the drawing, CSV, JSON and network export read any section. */
static const AcuReportSectionInfo sections[] = {
  { "reception", N_("Reception"), ACU_REPORT_RECEPTION_STEPS, ACU_REPORT_RECEPTION_STEPS_ONCE,
    acu_report_reception_compute },
};

const AcuReportSectionInfo *
acu_report_list_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}
