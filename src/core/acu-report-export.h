/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-report.h"

G_BEGIN_DECLS

/* The activity summary written as files, from the same AcuReport as the
 * drawing (src/report draws the PDF and the printed pages).
 *
 * CSV, for LibreOffice Calc under a French locale: UTF-8 with a BOM, ";"
 * between fields, CRLF line ends, text fields quoted (and a leading
 * = + - @ prefixed with ' so no label runs as a formula), counts as plain
 * integers, the change as a number with a decimal comma ("12,5", "-3,0"):
 *
 *   Site;<site name>
 *   Period;<label>;<from>;<to>
 *   (empty line)
 *   Section;Table;Key;Row;<period>;<previous period>;<one year earlier>;Change (%)
 *   one row per figure; Key is empty for an entry a coordinator added
 *   and for a commune
 *
 * The change compares the period with the same period one year earlier;
 * it is empty when that value is 0.
 *
 * JSON, "acuelh-report" version 1, every figure of the report:
 *
 *   { "format": "acuelh-report", "version": 1,
 *     "site": string, "made_at": ISO 8601 with its UTC offset,
 *     "periods": { "period" | "previous" | "year_before":
 *                    { "kind": "month" | "quarter" | "year" | "dates",
 *                      "from": "YYYY-MM-DD", "to": "YYYY-MM-DD",
 *                      "label": string } },
 *     "sections": [ { "id": string, "title": string,
 *                     "tables": [ { "id": string, "title": string,
 *                                   "unit": string | null,
 *                                   "chart": "none" | "bars" | "columns" | "trend",
 *                                   "compared": bool,
 *                                   "rows": [ { "key": string | null,
 *                                               "label": string, "level": int,
 *                                               "period": int, "previous": int,
 *                                               "year_before": int } ] } ] } ] }
 *
 * "compared": false, the rows are not compared with the other periods
 * ("previous" is 0), except that the trend table keeps in "year_before"
 * the same months one year earlier.
 *
 * Network JSON, "acuelh-network" version 1: anonymous aggregates of the
 * period alone, for a network of third places to sum across sites:
 *
 *   { "format": "acuelh-network", "version": 1, "site": string,
 *     "from": "YYYY-MM-DD", "to": "YYYY-MM-DD",
 *     "sections": { <section id>: { <table id>: { <row key>: count } } } }
 *
 * A row key is the figure's stable code; in a commune table, the
 * commune's name ("not-stated" stays a code); entries a coordinator added
 * to a list (free text) are summed under "custom". A count from 1 to 4 is
 * the string "<5"; 0 stays 0, and counts of 5 and more are rounded to the
 * nearest multiple of 5, so that a small count cannot be found by
 * subtracting one row from another. Tables marked local (visits by
 * commune, which could single out someone who comes often) are left out;
 * households by commune are there. No labels, no ids, no comparisons; the
 * trend table gives the period's twelve months, without the year
 * before. */

typedef enum
{
  ACU_REPORT_FORMAT_PDF,
  ACU_REPORT_FORMAT_CSV,
  ACU_REPORT_FORMAT_JSON,
  ACU_REPORT_FORMAT_NETWORK_JSON,
} AcuReportFormat;

/* "pdf", "csv", "json", "network-json" */
gboolean    acu_report_format_from_string (const char      *text,
                                           AcuReportFormat *format);
const char *acu_report_format_to_string (AcuReportFormat format);
/* "pdf", "csv", "json", "json" */
const char *acu_report_format_get_extension (AcuReportFormat format);

char       *acu_report_to_csv (const AcuReport *report);
char       *acu_report_to_json (const AcuReport *report);
char       *acu_report_to_network_json (const AcuReport *report);

/* Coordinators only. Writes "<path>.partial", then records "report-export"
 * in the audit log and gives the file its name: on failure the file at
 * @path is as it was, no ".partial" is left and no audit entry either
 * (except if the very last step, the rename, fails after the entry is
 * committed: an export is never left unrecorded). The PDF is drawn by
 * src/report: ACU_REPORT_FORMAT_PDF fails with G_IO_ERROR_NOT_SUPPORTED,
 * and whoever saves or prints the drawing calls
 * acu_report_record_export(). File errors are in G_IO_ERROR. */
gboolean    acu_report_export (AcuStore         *store,
                               const AcuReport  *report,
                               AcuReportFormat   format,
                               const char       *path,
                               GError          **error);
/* The coordinator check and the audit entry alone: for the PDF and print */
gboolean    acu_report_record_export (AcuStore  *store,
                                      GError   **error);

G_END_DECLS
