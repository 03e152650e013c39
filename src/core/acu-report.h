/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-progress.h"
#include "acu-store.h"

G_BEGIN_DECLS

/* The activity summary: figures over a period, each beside the previous
 * period and the same period one year earlier. Each area adds its own
 * section through the registry (acu-report-sections.c); the drawing,
 * the CSV, the JSON and the network export all read the same AcuReport. */

typedef enum
{
  ACU_PERIOD_MONTH,
  ACU_PERIOD_QUARTER,
  ACU_PERIOD_YEAR,
  ACU_PERIOD_DATES,
} AcuPeriodKind;

typedef struct
{
  AcuPeriodKind kind;
  char          from[11];   /* YYYY-MM-DD, first day */
  char          to[11];     /* YYYY-MM-DD, last day, included */
} AcuPeriod;

void          acu_period_init_month (AcuPeriod *period,
                                     guint      year,
                                     guint      month);
void          acu_period_init_quarter (AcuPeriod *period,
                                       guint      year,
                                       guint      quarter);
void          acu_period_init_year (AcuPeriod *period,
                                    guint      year);
gboolean      acu_period_init_dates (AcuPeriod   *period,
                                     const char  *from,
                                     const char  *to,
                                     GError     **error);
void          acu_period_get_previous (const AcuPeriod *period,
                                       AcuPeriod       *previous);
void          acu_period_get_year_before (const AcuPeriod *period,
                                          AcuPeriod       *year_before);
void          acu_period_step (AcuPeriod *period,
                               int        steps);
const char   *acu_period_kind_to_string (AcuPeriodKind kind);
char         *acu_period_get_label (const AcuPeriod *period);

/* Dates and numbers the French way, in the reader's language */
char         *acu_report_format_date (const char *day);
char         *acu_report_format_month (const char *day);
char         *acu_report_format_count (gint64 value);
char         *acu_report_format_change (gint64 now,
                                        gint64 before);

/* What a figure measures, and so the unit of its integer value. Values
 * are integers in every kind, never floating point.
 *
 *   PERSONS, HOUSEHOLDS, VISITS  counts: "12 345"
 *   GRAMS     a mass in grams, always shown in kilograms to the 100 g,
 *             so that a column reads in one unit (no tonnes): "1 234,5 kg"
 *   CENTS     money in euro cents: "1 234,56 €"
 *   MINUTES   a duration in minutes: "45 min", "3 h 20", "3 h"
 *   RATE      a rate in basis points (1/100 of a percent: 1250 is
 *             12,5 %), shown to the tenth of a percent: "12,5 %"
 *   DAYS      a count of days (distribution days), not of people: "12"
 *
 * The drawing, the CSV, the JSON and the network export format each
 * figure by its kind; the network masks small counts of people and
 * leaves out a mass, money, a duration or a rate that describes fewer
 * than five households (see AcuFigure's households); a number of days
 * counts no one and goes as it is. */
typedef enum
{
  ACU_FIGURE_PERSONS,
  ACU_FIGURE_HOUSEHOLDS,
  ACU_FIGURE_VISITS,
  ACU_FIGURE_GRAMS,
  ACU_FIGURE_CENTS,
  ACU_FIGURE_MINUTES,
  ACU_FIGURE_RATE,
  ACU_FIGURE_DAYS,
} AcuFigureKind;

/* "persons", "households", "visits", "grams", "cents", "minutes", "rate",
 * "days" */
const char   *acu_figure_kind_to_string (AcuFigureKind kind);
/* TRUE for the counts of people: persons, households, visits */
gboolean      acu_figure_kind_is_count (AcuFigureKind kind);
/* TRUE for the kinds whose figures say how many households they describe
 * (AcuFigure's households): grams, cents, minutes, rates */
gboolean      acu_figure_kind_has_households (AcuFigureKind kind);
/* What a column of such figures shows, as a heading: "Visits", "Weight" */
const char   *acu_figure_kind_get_label (AcuFigureKind kind);
/* The unit the CSV writes the value in: "persons", "kg", "€", "min", "%",
 * "days" */
const char   *acu_figure_kind_get_unit (AcuFigureKind kind);
/* @value of @kind the French way, with its unit: see above */
char         *acu_figure_kind_format (AcuFigureKind kind,
                                      gint64        value);

typedef enum
{
  ACU_REPORT_NOW,
  ACU_REPORT_PREVIOUS,
  ACU_REPORT_YEAR_BEFORE,
  ACU_REPORT_N_COLUMNS
} AcuReportColumn;

typedef enum
{
  ACU_CHART_NONE,
  ACU_CHART_BARS,      /* one horizontal bar per row: reasons, communes */
  ACU_CHART_COLUMNS,   /* one column per row: weekdays, hours */
  ACU_CHART_TREND,     /* a line through the rows in order: months */
} AcuChart;

typedef struct
{
  char          *key;        /* stable code: "food-aid", "tuesday", "09"; NULL
                              * for an entry a coordinator added to a list */
  char          *label;      /* in the reader's language */
  guint          level;      /* 1: a part of the row above (0–3 within under 18) */
  AcuFigureKind  kind;       /* its table's, given when the row is added; a
                              * row may say otherwise (households in a
                              * table of persons) */
  gint64         values[ACU_REPORT_N_COLUMNS];
  /* GRAMS, CENTS, MINUTES: how many households the value describes (a
   * mass served to 7 households: 7); RATE: the households of its
   * denominator. Filled by the section alongside the value; unused for
   * counts. Left at 0, a value that is not 0 never leaves the site. */
  gint64         households[ACU_REPORT_N_COLUMNS];
  /* TRUE: the site does not record what the row counts (a sensitive
   * field whose setting is off, such as a disability): its values are 0
   * and mean nothing, and every output says "not recorded", never 0 */
  gboolean       not_recorded;
} AcuFigure;

typedef struct
{
  char          *id;       /* "visits", "by-reason"… */
  char          *title;
  AcuFigureKind  kind;     /* what its figures measure; each row added
                            * takes it */
  AcuChart       chart;
  gboolean       compared; /* FALSE: only ACU_REPORT_NOW means something */
  gboolean       places;   /* keys are NULL and labels are place names */
  gboolean       local;    /* kept out of the network's export: visits by
                            * place can single out someone who comes often */
  GPtrArray     *figures;  /* AcuFigure */
} AcuFigureTable;

typedef struct
{
  char      *id;       /* "reception", "people" */
  char      *title;
  GPtrArray *tables;   /* AcuFigureTable */
} AcuReportSection;

typedef struct
{
  AcuPeriod   periods[ACU_REPORT_N_COLUMNS];
  char       *site_name;
  GDateTime  *made_at;
  GPtrArray  *sections;   /* AcuReportSection */
  /* Another document made of the same figures (the FSE+ indicators):
   * its title, NULL for the activity summary; and the audit action its
   * exports record, NULL for "report-export" (a static string) */
  char       *title;
  const char *export_action;
} AcuReport;

typedef void (*AcuReportProgress) (double    fraction,
                                   gpointer  user_data);

AcuReport        *acu_report_new (const char      *site_name,
                                  const AcuPeriod *period,
                                  GDateTime       *made_at);
AcuReportSection *acu_report_add_section (AcuReport  *report,
                                          const char *id,
                                          const char *title);
/* The document's title: "Activity summary", or the report's own */
const char       *acu_report_get_title (const AcuReport *report);
/* The data areas the activity summary reads (every section's) */
AcuAreas          acu_report_get_areas (void);
AcuReport        *acu_report_compute (AcuStore           *store,
                                      const AcuPeriod    *period,
                                      AcuReportProgress   progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* The same, in a worker thread on its own read-only connection
 * (acu_store_open_reader), so that a year of figures never holds the
 * window, and from one snapshot: a visit logged meanwhile is in every
 * figure or in none. The thread sets @progress (may be NULL). */
void              acu_report_compute_async  (AcuStore            *store,
                                             const AcuPeriod     *period,
                                             AcuProgress         *progress,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
AcuReport        *acu_report_compute_finish (GAsyncResult  *result,
                                             GError       **error);
void              acu_report_free (AcuReport *report);

AcuReportSection *acu_report_find_section (const AcuReport *report,
                                           const char      *id);
AcuFigureTable   *acu_report_find_table (const AcuReport *report,
                                         const char      *section_id,
                                         const char      *table_id);
AcuFigure        *acu_figure_table_find (const AcuFigureTable *table,
                                         const char           *key);
gint64            acu_report_get_value (const AcuReport *report,
                                        const char      *section_id,
                                        const char      *table_id,
                                        const char      *key,
                                        AcuReportColumn  column);

/* For the sections (acu-report-*.c) */
AcuFigureTable   *acu_report_section_add_table (AcuReportSection *section,
                                                const char       *id,
                                                const char       *title,
                                                AcuFigureKind     kind,
                                                AcuChart          chart);
AcuFigure        *acu_figure_table_add (AcuFigureTable *table,
                                        const char     *key,
                                        const char     *label);
AcuFigure        *acu_figure_table_get (AcuFigureTable *table,
                                        const char     *key,
                                        const char     *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuReport, acu_report_free)

G_END_DECLS
