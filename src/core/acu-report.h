/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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
  char    *key;        /* stable code: "food-aid", "tuesday", "09"; NULL for
                        * an entry a coordinator added to a list */
  char    *label;      /* in the reader's language */
  guint    level;      /* 1: a part of the row above (0–3 within under 18) */
  gint64   values[ACU_REPORT_N_COLUMNS];
} AcuFigure;

typedef struct
{
  char      *id;       /* "visits", "by-reason"… */
  char      *title;
  char      *unit;     /* what is counted: "visits", "persons", "households" */
  AcuChart   chart;
  gboolean   compared; /* FALSE: only ACU_REPORT_NOW means something */
  gboolean   places;   /* keys are NULL and labels are place names */
  gboolean   local;    /* kept out of the network's export: visits by
                        * place can single out someone who comes often */
  GPtrArray *figures;  /* AcuFigure */
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
} AcuReport;

typedef void (*AcuReportProgress) (double    fraction,
                                   gpointer  user_data);

/* The data areas the activity summary reads (every section's) */
AcuAreas          acu_report_get_areas (void);
AcuReport        *acu_report_compute (AcuStore           *store,
                                      const AcuPeriod    *period,
                                      AcuReportProgress   progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
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
                                                const char       *unit,
                                                AcuChart          chart);
AcuFigure        *acu_figure_table_add (AcuFigureTable *table,
                                        const char     *key,
                                        const char     *label);
AcuFigure        *acu_figure_table_get (AcuFigureTable *table,
                                        const char     *key,
                                        const char     *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuReport, acu_report_free)

G_END_DECLS
