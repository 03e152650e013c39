/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-report.h"
#include "acu-report-export.h"

G_BEGIN_DECLS

/* The yearly FSE+ indicators of food aid (Regulation (EU) 2021/1057,
 * Annex III, DOMAIN.md): end recipients and their breakdown, households,
 * distributions, food distributed and its value, counted as the food-aid
 * section of the activity summary counts them (acu-report-food.c).
 *
 * The indicators are an AcuReport of their own: one section "fse-plus",
 * one table "indicators", the year beside the year before, its title
 * "FSE+ food-aid indicators" and its exports recorded in the audit log
 * as "food-fse-export". So the same code writes them as the summary:
 * acu_report_export() for CSV and JSON (acu-report-export.h describes
 * the files), and src/report's acu_report_document_export() for the PDF
 * and the printed page. The rows (keys):
 *
 *   end-recipients       persons served, each once
 *     under-18, 18-29, 65-plus, women,
 *     disability, third-country, foreign-background
 *                        (those three "not recorded" unless their setting
 *                        is on), homeless       of whom (level 1)
 *   households           households served
 *   distributions        services (a household served once), kind visits
 *   food-distributed     grams of food out to households
 *   hygiene-distributed  grams of hygiene products out to households
 *   value                their value in cents, where it was given */

/* Coordinators only. @year from 1901 to 9999. */
AcuReport *acu_report_food_fse_compute (AcuStore      *store,
                                        guint          year,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Coordinators only: the indicators of @year as CSV or JSON at @path,
 * written as acu_report_export() writes (a partial file renamed, the
 * export recorded). The PDF is drawn by src/report: compute, then
 * acu_report_document_export(). */
gboolean   acu_report_food_fse_export (AcuStore         *store,
                                       guint             year,
                                       AcuReportFormat   format,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS
