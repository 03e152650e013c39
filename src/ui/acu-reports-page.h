/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"
#include "acu-report.h"
#include "acu-report-export.h"

G_BEGIN_DECLS

#define ACU_TYPE_REPORTS_PAGE (acu_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuReportsPage, acu_reports_page, ACU, REPORTS_PAGE, AcuPage)

void             acu_reports_page_set_period (AcuReportsPage  *self,
                                              const AcuPeriod *period);
const AcuReport *acu_reports_page_get_report (AcuReportsPage *self);
guint            acu_reports_page_get_n_pages (AcuReportsPage *self);
gboolean         acu_reports_page_print (AcuReportsPage  *self,
                                         const char      *export_path,
                                         GError         **error);
gboolean         acu_reports_page_save (AcuReportsPage   *self,
                                        AcuReportFormat   format,
                                        const char       *path,
                                        GError          **error);
/* The FSE+ indicators of the year of the period shown */
gboolean         acu_reports_page_save_fse (AcuReportsPage   *self,
                                            AcuReportFormat   format,
                                            const char       *path,
                                            GError          **error);

G_END_DECLS
