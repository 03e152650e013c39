/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points, for PDF export */
#define ACU_REPORT_A4_WIDTH  595.0
#define ACU_REPORT_A4_HEIGHT 842.0

typedef struct
{
  const char *site_name;
  const char *database_name;
  const char *code;
  GDateTime  *created;
} AcuRecoverySheet;

void     acu_recovery_sheet_draw (const AcuRecoverySheet *sheet,
                                  cairo_t                *cr,
                                  double                  width,
                                  double                  height);
gboolean acu_recovery_sheet_save_pdf (const AcuRecoverySheet  *sheet,
                                      const char              *path,
                                      GError                 **error);

G_END_DECLS
