/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-report.h"

G_BEGIN_DECLS

/* What a section's compute function receives: the store (a reader in a
 * worker thread, or the desk's own connection), the report with its three
 * periods, and which of them to compute: a column whose dates equal an
 * earlier column's (the previous period of a year is the year before) is
 * computed once and copied by acu_report_compute(). */
typedef struct
{
  AcuStore          *store;
  AcuReport         *report;
  GCancellable      *cancellable;
  gboolean           wanted[ACU_REPORT_N_COLUMNS];
  AcuReportProgress  progress;
  gpointer           user_data;
  guint              step;
  guint              n_steps;
} AcuReportContext;

/* One query done: reports progress; FALSE with an error once cancelled */
gboolean acu_report_context_step (AcuReportContext  *ctx,
                                  GError           **error);

typedef gboolean (*AcuReportSectionFunc) (AcuReportContext  *ctx,
                                          AcuReportSection  *section,
                                          GError           **error);

typedef struct
{
  const char           *id;
  const char           *title;     /* N_() */
  guint                 n_steps;        /* steps per column computed, for the progress */
  guint                 n_steps_once;   /* and steps for the whole report */
  AcuReportSectionFunc  compute;
  AcuAreas              areas;          /* the data it reads: a change there makes a report stale */
} AcuReportSectionInfo;

/* The registry (acu-report-sections.c) */
const AcuReportSectionInfo *acu_report_list_sections (guint *n_sections);

/* A report of the sections of @infos, computed as acu_report_compute()
 * computes the activity summary's registry (coordinators only): for a
 * document of its own made of the same figures, such as the FSE+
 * indicators (acu-report-food.c) */
AcuReport *acu_report_compute_sections (AcuStore                    *store,
                                        const AcuPeriod             *period,
                                        const AcuReportSectionInfo  *infos,
                                        guint                        n_infos,
                                        AcuReportProgress            progress,
                                        gpointer                     user_data,
                                        GCancellable                *cancellable,
                                        GError                     **error);

G_END_DECLS
