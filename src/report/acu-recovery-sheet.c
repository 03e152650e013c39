/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "acu-recovery-sheet.h"

/* The sheet printed at creation and kept in the safe. One drawing serves
 * the printer (GtkPrintOperation) and the PDF file. */

static double
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           double      width,
           const char *font,
           const char *markup)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return y + pango_units_to_double (h);
}

/* Shrinks the font until the code fits the frame: it must never wrap, or a
 * dash at the end of a line could be misread. Returns the bottom. */
static double
draw_code (cairo_t    *cr,
           double      x,
           double      y,
           double      width,
           const char *markup)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Monospace 18");
  double padding = 14;
  double inner = width - 2 * padding;
  double w, h;
  int pw, ph;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, &pw, &ph);
  w = pango_units_to_double (pw);
  if (w > inner)
    {
      pango_font_description_set_size (desc, pango_font_description_get_size (desc) * inner / w);
      pango_layout_set_font_description (layout, desc);
      pango_layout_get_size (layout, &pw, &ph);
      w = pango_units_to_double (pw);
    }
  h = pango_units_to_double (ph);

  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, x, y, width, h + 2 * padding);
  cairo_stroke (cr);
  cairo_move_to (cr, x + (width - w) / 2, y + padding);
  pango_cairo_show_layout (cr, layout);
  return y + h + 2 * padding;
}

void
acu_recovery_sheet_draw (const AcuRecoverySheet *sheet,
                         cairo_t                *cr,
                         double                  width,
                         double                  height)
{
  double margin = width * 0.1;
  double text_width = width - 2 * margin;
  double y = margin;
  g_autofree char *title = NULL;
  g_autofree char *site = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *code = NULL;
  g_autofree char *explain = NULL;

  g_return_if_fail (sheet != NULL && sheet->code != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  title = g_markup_printf_escaped ("<b>%s</b>", _("Acuèlh — Recovery Code"));
  y = draw_text (cr, margin, y, text_width, "Sans 20", title) + 12;

  site = g_markup_printf_escaped (_("Site: <b>%s</b>\nDatabase file: %s"),
                                  sheet->site_name ? sheet->site_name : "—",
                                  sheet->database_name ? sheet->database_name : "—");
  y = draw_text (cr, margin, y, text_width, "Sans 11", site) + 6;

  if (sheet->created != NULL)
    {
      /* Translators: a date as written on paper, e.g. 25/11/2026 */
      date = g_date_time_format (sheet->created, _("%d/%m/%Y"));
      date_line = g_markup_printf_escaped (_("Made on %s"), date);
      y = draw_text (cr, margin, y, text_width, "Sans 11", date_line) + 24;
    }

  /* The code, large, on one line, centred in a frame */
  code = g_markup_printf_escaped ("<b>%s</b>", sheet->code);
  y = draw_code (cr, margin, y, text_width, code) + 24;

  explain = g_markup_printf_escaped ("%s\n\n%s\n\n%s",
                                     _("This code opens the database if every password is lost or forgotten. "
                                       "Dashes, spaces and upper or lower case do not matter when you type it."),
                                     _("Anyone who holds this code can read the whole database. Keep this sheet "
                                       "in a safe or a locked drawer, never beside the computer."),
                                     _("If this sheet is lost, a coordinator makes a new code from the Database page: "
                                       "the old code then stops working."));
  draw_text (cr, margin, y, text_width, "Sans 11", explain);

  (void) height;
  cairo_restore (cr);
}

gboolean
acu_recovery_sheet_save_pdf (const AcuRecoverySheet  *sheet,
                             const char              *path,
                             GError                 **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create (path, ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT);
  cr = cairo_create (surface);
  acu_recovery_sheet_draw (sheet, cr, ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* The code opens the whole database: readable by its owner only */
  if (status == CAIRO_STATUS_SUCCESS)
    g_chmod (path, 0600);
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not save “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
