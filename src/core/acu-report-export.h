/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-report.h"

G_BEGIN_DECLS

/* The activity summary written as files, from the same AcuReport as the
 * drawing (src/report draws the PDF and the printed pages). Every figure
 * has a kind (AcuFigureKind, acu-report.h): a count of persons,
 * households or visits, a mass in grams, money in cents, a duration in
 * minutes, or a rate in basis points; each format writes it by its kind.
 *
 * CSV, for LibreOffice Calc under a French locale: UTF-8 with a BOM, ";"
 * between fields, CRLF line ends, text fields quoted (and a leading
 * = + - @ prefixed with ' so no label runs as a formula):
 *
 *   Site;<site name>
 *   Period;<label>;<from>;<to>
 *   (empty line)
 *   Section;Table;Key;Row;<period>;<previous period>;<one year earlier>;Change (%);Unit;Kind
 *   one row per figure; Key is empty for an entry a coordinator added
 *   and for a commune
 *
 * The three values are numbers Calc reads, exactly, in the row's Unit
 * (acu_figure_kind_get_unit(), translated):
 *
 *   Kind                          Unit                    value
 *   persons, households, visits   persons, households…    integer: 1234
 *   grams                         kg                      3 decimals: 1234,500
 *   cents                         €                       2 decimals: 1234,56
 *   minutes                       min                     integer: 200
 *   rate                          %                       2 decimals: 12,50
 *   days                          days                    integer: 12
 *
 * with a decimal comma and "-" before a negative value. A row the site
 * does not record (AcuFigure's not_recorded) has the quoted words "Not
 * recorded" (translated) in place of its three values, never a number.
 * Kind is the stable code of acu_figure_kind_to_string(). The change
 * compares the period with the same period one year earlier, in percent
 * with a decimal comma ("12,5", "-3,0"); it is empty when that value is
 * 0, for a rate (a change of a rate in percent would read as points),
 * and for a row not recorded.
 *
 * JSON, "acuelh-report" version 3, every figure of the report:
 *
 *   { "format": "acuelh-report", "version": 3,
 *     "site": string, "title": string (the document's, translated),
 *     "made_at": ISO 8601 with its UTC offset,
 *     "periods": { "period" | "previous" | "year_before":
 *                    { "kind": "month" | "quarter" | "year" | "dates",
 *                      "from": "YYYY-MM-DD", "to": "YYYY-MM-DD",
 *                      "label": string } },
 *     "sections": [ { "id": string, "title": string,
 *                     "tables": [ { "id": string, "title": string,
 *                                   "kind": <kind>,
 *                                   "chart": "none" | "bars" | "columns" | "trend",
 *                                   "compared": bool,
 *                                   "rows": [ { "key": string | null,
 *                                               "label": string, "level": int,
 *                                               "kind": <kind>,
 *                                               "recorded": false (only when not),
 *                                               "period": int | null,
 *                                               "previous": int | null,
 *                                               "year_before": int | null,
 *                                               "households": { "period": int,
 *                                                               "previous": int,
 *                                                               "year_before": int } } ] } ] } ] }
 *
 *   <kind>: "persons" | "households" | "visits" | "grams" | "cents" |
 *           "minutes" | "rate" | "days"
 *
 * Values are the integers of the report in their kind's unit: grams,
 * cents, minutes, basis points (1250 is 12,5 %), days. A row's kind is
 * its table's, except where the row says otherwise (the households in
 * the table of persons). "households" is there for grams, cents, minutes
 * and rates only: the households each value describes (for a rate, those
 * of its denominator). A row the site does not record (a sensitive field
 * whose setting is off) has "recorded": false and null values; other
 * rows have no "recorded". "compared": false, the rows are not compared
 * with the other periods ("previous" is 0), except that the trend table
 * keeps in "year_before" the same months one year earlier. Version 2
 * had no "title", no "recorded" and no "days": its values were always
 * integers. Version 1 had a table "unit" ("visits", "persons",
 * "households" or null) instead of the kinds, and no "households".
 *
 * Network JSON, "acuelh-network" version 2: anonymous aggregates of the
 * period alone, for a network of third places to sum across sites:
 *
 *   { "format": "acuelh-network", "version": 2, "site": string,
 *     "from": "YYYY-MM-DD", "to": "YYYY-MM-DD",
 *     "sections": { <section id>:
 *                     { <table id>: { "kind": <kind>,
 *                                     "row_kinds": { <row key>: <kind> },
 *                                     "rows": { <row key>: value } } } } }
 *
 * "row_kinds" is there only when some rows are not of the table's kind,
 * and lists those. A row key is the figure's stable code; in a commune
 * table, the commune's name ("not-stated" stays a code); entries a
 * coordinator added to a list (free text) are summed under "custom". A
 * value is by its row's kind:
 *
 * - a count of persons, households or visits: from 1 to 4, the string
 *   "<5"; 0 stays 0, and counts of 5 and more are rounded to the nearest
 *   multiple of 5, so that a small count cannot be found by subtracting
 *   one row from another;
 * - grams, cents, minutes: the integer sum, not rounded, but null when it
 *   describes fewer than 5 households (a sum of 0 over no household is
 *   0): 3 kg served to 7 households is 3000, 2 kg served to 3 households
 *   is null. Summed rows count the households of their largest part;
 * - a rate, in basis points: null when its denominator holds fewer than 5
 *   households;
 * - a number of days (distribution days): as it is, it counts no one;
 * - null also for a key that would sum figures of different kinds, or
 *   several rates, and for a row the site does not record.
 *
 * Tables marked local (visits by commune, which could single out someone
 * who comes often) are left out; households by commune are there. No
 * labels, no ids, no comparisons; the trend table gives the period's
 * twelve months, without the year before. Version 1 had, for each table,
 * the object of "rows" alone, and counts only. */

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
 * (or the report's own export_action) in the audit log and gives the file its name: on failure the file at
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
/* The coordinator check and the audit entry alone: for the PDF and print
 * of the activity summary ("report-export") */
gboolean    acu_report_record_export (AcuStore  *store,
                                      GError   **error);
/* The same for @report, whose own document may record its own action
 * (AcuReport's export_action: the FSE+ indicators) */
gboolean    acu_report_record_export_of (AcuStore         *store,
                                         const AcuReport  *report,
                                         GError          **error);

G_END_DECLS
