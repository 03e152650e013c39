/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "acu-recovery-sheet.h"   /* ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT */
#include "acu-report.h"
#include "acu-report-export.h"

G_BEGIN_DECLS

/* The activity summary as A4 pages: laid out once, then drawn the same
 * way on a PDF surface, a printer's cairo context or a screen preview.
 * The layout uses its own Pango context (no hinting, no rounding of glyph
 * positions, 72 dpi), so the pages break at the same places whatever the
 * target and its scale. Use a document from one thread at a time. */

typedef struct _AcuReportDocument AcuReportDocument;

/* A list to sign (the sign-in sheet of a distribution day) on the same
 * pages: a title and a line under it, then a table whose last column is
 * left blank, a row tall enough for each signature; its column headers
 * again on every page. */
typedef struct
{
  const char        *site_name;
  const char        *title;
  const char        *subtitle;     /* or NULL */
  GDateTime         *made_at;      /* or NULL */
  guint              n_columns;    /* 2 or more */
  const char *const *columns;      /* the headers; the last column is signed */
  const double      *widths;       /* each column's share of the width, together 1 */
  GPtrArray         *rows;         /* char ** of n_columns − 1 cells each */
} AcuReportSheet;

AcuReportDocument *acu_report_document_new (const AcuReport *report);
AcuReportDocument *acu_report_document_new_sheet (const AcuReportSheet *sheet);
guint              acu_report_document_get_n_pages (AcuReportDocument *doc);
void               acu_report_document_draw_page (AcuReportDocument *doc,
                                                  cairo_t           *cr,
                                                  guint              page,
                                                  double             width,
                                                  double             height);
gboolean           acu_report_document_save_pdf (AcuReportDocument  *doc,
                                                 const char         *path,
                                                 GError            **error);
void               acu_report_document_free (AcuReportDocument *doc);

/* The one export of the activity summary, for the window and the command
 * line alike: recorded in the audit log first (an export is never left
 * unrecorded), then written in @format to @path, the PDF from @doc's
 * drawing (made from @report when @doc is NULL), the others by
 * acu_report_export(). Coordinators only. */
gboolean           acu_report_document_export (AcuStore           *store,
                                               const AcuReport    *report,
                                               AcuReportDocument  *doc,
                                               AcuReportFormat     format,
                                               const char         *path,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuReportDocument, acu_report_document_free)

G_END_DECLS
