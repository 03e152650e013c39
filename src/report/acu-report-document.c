/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "acu-recovery-sheet.h"
#include "acu-report-document.h"

/* The activity summary, and sheets to sign, on A4 pages.
 * acu_report_document_new() lays out
 * everything once, in points, with its own Pango context: 72 dpi, no
 * hinting and no rounding of glyph positions, so that text measures the
 * same whatever it is drawn on. The result is a display list per page
 * (text layouts, rules, boxes, lines) that acu_report_document_draw_page()
 * replays on any cairo context, scaled: the PDF file, the printer and the
 * preview show the same pages, broken at the same places.
 *
 * A page is a column of strips (a heading, a table row, a chart). The
 * strips of one table (its title, header, rows and chart) form a block,
 * kept on one page; a block taller than a page flows over several, its
 * header repeated above the rows that continue it. */

#define MARGIN        50.0
#define CONTENT_WIDTH (ACU_REPORT_A4_WIDTH - 2 * MARGIN)
#define CONTENT_TOP   MARGIN
#define CONTENT_BOTTOM (ACU_REPORT_A4_HEIGHT - MARGIN - 20.0)
#define FOOTER_RULE_Y (ACU_REPORT_A4_HEIGHT - MARGIN - 8.0)

#define FAMILY        "Cantarell, Sans"

#define BLACK         0x000000
#define GREY_TEXT     0x5e5c64
#define ACCENT        0x3584e4
#define ACCENT_LIGHT  0x99c1f1
#define OTHERS        0x9a9996
#define GRID          0xdeddda
#define RULE          0xc0bfbc
#define DASHED        0x77767b

#define NUMBER_WIDTH  76.0   /* a number column of a compared table */
#define SINGLE_WIDTH  100.0  /* a number column of a table that is not */
#define CELL_PADDING  3.0
#define INDENT        14.0
#define MAX_BARS      12

typedef enum
{
  ITEM_TEXT,
  ITEM_RECT,
  ITEM_LINE,
  ITEM_PATH,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  guint32      colour;
  double       x, y;       /* text: top left; box: top left; line: start */
  double       w, h;       /* box: size; line: to (x + w, y + h) */
  double       line_width;
  gboolean     dashed;
  gboolean     dots;       /* path: a dot at each point */
  PangoLayout *layout;     /* text */
  GArray      *points;     /* path: x, y pairs */
} Item;

typedef enum
{
  STRIP_PLAIN,
  STRIP_HEADER,            /* a table's column headers */
  STRIP_ROW,               /* a table's row */
} StripKind;

typedef struct
{
  GPtrArray *items;        /* Item, at y from the strip's top */
  double     before;       /* space above, dropped at the top of a page */
  double     height;
  StripKind  kind;
} Strip;

typedef struct
{
  Strip  *strip;
  double  y;
} Placed;

struct _AcuReportDocument
{
  const AcuReport *report;   /* NULL for a sheet */
  char            *site_name;
  GDateTime       *made_at;
  char            *pdf_title;
  PangoContext    *context;
  GPtrArray       *strips;   /* Strip: every strip, owned here */
  GPtrArray       *pages;    /* GArray of Placed, one per page */
};

/* Pango */

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FAMILY);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return desc;
}

static PangoContext *
context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* 1 pt of type is 1 unit of the page */
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  return context;
}

/* @width 0: one line, as long as the text. @one_line: ellipsized at
 * @width rather than wrapped. */
static PangoLayout *
layout_new (AcuReportDocument *doc,
            const char        *text,
            double             size,
            gboolean           bold,
            double             width,
            PangoAlignment     alignment,
            gboolean           one_line)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *desc = font_new (size, bold);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (one_line)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return pango_units_to_double (h);
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return pango_units_to_double (w);
}

/* Strips */

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_pointer (&item->points, g_array_unref);
  g_free (item);
}

static void
strip_free (Strip *strip)
{
  g_ptr_array_unref (strip->items);
  g_free (strip);
}

static Strip *
strip_new (AcuReportDocument *doc,
           StripKind          kind,
           double             before)
{
  Strip *strip = g_new0 (Strip, 1);

  strip->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  strip->kind = kind;
  strip->before = before;
  g_ptr_array_add (doc->strips, strip);
  return strip;
}

static Item *
strip_add (Strip    *strip,
           ItemKind  kind,
           guint32   colour)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->colour = colour;
  g_ptr_array_add (strip->items, item);
  return item;
}

/* Takes @layout; returns its height */
static double
strip_add_text (Strip       *strip,
                PangoLayout *layout,
                double       x,
                double       y,
                guint32      colour)
{
  Item *item = strip_add (strip, ITEM_TEXT, colour);

  item->layout = layout;
  item->x = x;
  item->y = y;
  return layout_height (layout);
}

static void
strip_add_box (Strip   *strip,
               double   x,
               double   y,
               double   w,
               double   h,
               guint32  colour)
{
  Item *item = strip_add (strip, ITEM_RECT, colour);

  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
}

static void
strip_add_line (Strip    *strip,
                double    x1,
                double    y1,
                double    x2,
                double    y2,
                double    line_width,
                guint32   colour,
                gboolean  dashed)
{
  Item *item = strip_add (strip, ITEM_LINE, colour);

  item->x = x1;
  item->y = y1;
  item->w = x2 - x1;
  item->h = y2 - y1;
  item->line_width = line_width;
  item->dashed = dashed;
}

static void
strip_add_path (Strip    *strip,
                GArray   *points,
                double    line_width,
                guint32   colour,
                gboolean  dashed,
                gboolean  dots)
{
  Item *item = strip_add (strip, ITEM_PATH, colour);

  item->points = points;
  item->line_width = line_width;
  item->dashed = dashed;
  item->dots = dots;
}

/* Drawing */

static void
set_colour (cairo_t *cr,
            guint32  colour)
{
  cairo_set_source_rgb (cr,
                        ((colour >> 16) & 0xff) / 255.0,
                        ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

static void
draw_item (cairo_t    *cr,
           const Item *item,
           double      top)
{
  static const double dash[] = { 3.0, 2.0 };

  cairo_new_path (cr);
  set_colour (cr, item->colour);
  switch (item->kind)
    {
    case ITEM_TEXT:
      cairo_move_to (cr, item->x, top + item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case ITEM_RECT:
      cairo_rectangle (cr, item->x, top + item->y, item->w, item->h);
      cairo_fill (cr);
      break;

    case ITEM_LINE:
      cairo_set_line_width (cr, item->line_width);
      cairo_set_dash (cr, dash, item->dashed ? G_N_ELEMENTS (dash) : 0, 0);
      cairo_move_to (cr, item->x, top + item->y);
      cairo_rel_line_to (cr, item->w, item->h);
      cairo_stroke (cr);
      break;

    case ITEM_PATH:
      cairo_set_line_width (cr, item->line_width);
      cairo_set_dash (cr, dash, item->dashed ? G_N_ELEMENTS (dash) : 0, 0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i + 1 < item->points->len; i += 2)
        cairo_line_to (cr,
                       g_array_index (item->points, double, i),
                       top + g_array_index (item->points, double, i + 1));
      cairo_stroke (cr);
      if (item->dots)
        for (guint i = 0; i + 1 < item->points->len; i += 2)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr,
                       g_array_index (item->points, double, i),
                       top + g_array_index (item->points, double, i + 1),
                       item->line_width * 1.3, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      break;

    default:
      g_assert_not_reached ();
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Text */

static const char *
short_month (guint month)
{
  switch (month)
    {
    /* Translators: a month's short name, under a chart's axis */
    case 1:  return C_("short month", "Jan");
    case 2:  return C_("short month", "Feb");
    case 3:  return C_("short month", "Mar");
    case 4:  return C_("short month", "Apr");
    case 5:  return C_("short month", "May");
    case 6:  return C_("short month", "Jun");
    case 7:  return C_("short month", "Jul");
    case 8:  return C_("short month", "Aug");
    case 9:  return C_("short month", "Sep");
    case 10: return C_("short month", "Oct");
    case 11: return C_("short month", "Nov");
    default: return C_("short month", "Dec");
    }
}

/* The axis label of a month of the trend, from its key "YYYY-MM"; its
 * year below it under the first month and under January */
static char *
month_axis_label (const AcuFigure *figure,
                  gboolean         first)
{
  const char *key = figure->key;
  guint64 year, month;

  if (key != NULL && strlen (key) >= 7 && key[4] == '-'
      && g_ascii_string_to_unsigned (key + 5, 10, 1, 12, &month, NULL))
    {
      g_autofree char *year_text = g_strndup (key, 4);

      if ((first || month == 1) && g_ascii_string_to_unsigned (year_text, 10, 1, 9999, &year, NULL))
        return g_strdup_printf ("%s\n%" G_GUINT64_FORMAT, short_month ((guint) month), year);
      return g_strdup (short_month ((guint) month));
    }
  if (figure->label == NULL)
    return g_strdup ("");
  return g_utf8_substring (figure->label, 0, MIN (3, g_utf8_strlen (figure->label, -1)));
}

/* The header of the first page */

static GPtrArray *
header_block (AcuReportDocument *doc)
{
  const AcuReport *report = doc->report;
  GPtrArray *block = g_ptr_array_new ();
  Strip *strip = strip_new (doc, STRIP_PLAIN, 0);
  g_autofree char *period = acu_period_get_label (&report->periods[ACU_REPORT_NOW]);
  g_autofree char *previous = acu_period_get_label (&report->periods[ACU_REPORT_PREVIOUS]);
  g_autofree char *year_before = acu_period_get_label (&report->periods[ACU_REPORT_YEAR_BEFORE]);
  g_autofree char *previous_line = NULL;
  g_autofree char *year_before_line = NULL;
  g_autofree char *compared = NULL;
  double y = 0;

  g_ptr_array_add (block, strip);
  if (report->site_name != NULL && report->site_name[0] != '\0')
    y += strip_add_text (strip, layout_new (doc, report->site_name, 12, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                         0, y, BLACK) + 2;
  y += strip_add_text (strip, layout_new (doc, acu_report_get_title (report), 22, TRUE, CONTENT_WIDTH,
                                         PANGO_ALIGN_LEFT, FALSE),
                       0, y, BLACK) + 4;
  y += strip_add_text (strip, layout_new (doc, period, 15, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                       0, y, BLACK) + 1;
  /* A period of two dates is already named by them */
  if (report->periods[ACU_REPORT_NOW].kind != ACU_PERIOD_DATES)
    {
      g_autofree char *from = acu_report_format_date (report->periods[ACU_REPORT_NOW].from);
      g_autofree char *to = acu_report_format_date (report->periods[ACU_REPORT_NOW].to);
      /* Translators: a period between two dates */
      g_autofree char *dates = g_strdup_printf (_("From %s to %s"), from, to);

      y += strip_add_text (strip, layout_new (doc, dates, 10, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                           0, y, GREY_TEXT);
    }
  y += 8;
  /* Translators: the period the figures are compared with first */
  previous_line = g_strdup_printf (_("Previous period: %s"), previous);
  /* Translators: the period the figures are compared with next */
  year_before_line = g_strdup_printf (_("One year earlier: %s"), year_before);
  compared = g_strjoin ("\n", previous_line, year_before_line,
                        _("The change column compares this period with one year earlier."), NULL);
  y += strip_add_text (strip, layout_new (doc, compared, 9, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                       0, y, BLACK) + 8;
  strip_add_line (strip, 0, y, CONTENT_WIDTH, y, 1.5, ACCENT, FALSE);
  strip->height = y + 1.5;
  return block;
}

/* Tables */

typedef struct
{
  double x;
  double width;
} Column;

/* TRUE when the previous period is the year before (a year's report):
 * a compared table then shows that column once */
static gboolean
previous_is_year_before (const AcuReport *report)
{
  return g_str_equal (report->periods[ACU_REPORT_PREVIOUS].from, report->periods[ACU_REPORT_YEAR_BEFORE].from)
         && g_str_equal (report->periods[ACU_REPORT_PREVIOUS].to, report->periods[ACU_REPORT_YEAR_BEFORE].to);
}

/* Columns: label, then the numbers; returns how many */
static guint
table_columns (const AcuReport      *report,
               const AcuFigureTable *table,
               Column               *columns)
{
  guint n = !table->compared ? 3 : previous_is_year_before (report) ? 4 : 5;
  double number = table->compared ? NUMBER_WIDTH : SINGLE_WIDTH;

  columns[0].x = 0;
  columns[0].width = CONTENT_WIDTH - (n - 1) * number;
  for (guint i = 1; i < n; i++)
    {
      columns[i].x = columns[0].width + (i - 1) * number;
      columns[i].width = number;
    }
  return n;
}

/* A value as the page shows it, by its kind: "1 234", "12,5 kg",
 * "3 h 20" (acu_figure_kind_format()). French groups thousands with a
 * narrow no-break space, but Cantarell draws it so thin that "39 973"
 * reads "39973" at table sizes: the page uses a whole no-break space. */
static char *
value_text (AcuFigureKind kind,
            gint64        value)
{
  g_autofree char *text = acu_figure_kind_format (kind, value);
  g_auto(GStrv) groups = g_strsplit (text, "\u202f", -1);

  return g_strjoinv ("\u00a0", groups);
}

/* A row's value in @column, or words where the site does not record it */
static char *
figure_text (const AcuFigure *figure,
             AcuReportColumn  column)
{
  if (figure->not_recorded)
    /* Translators: in place of the figures of a row the site does not
     * record (disability, nationality: sensitive, off unless a
     * coordinator turns them on) */
    return g_strdup (_("Not recorded"));
  return value_text (figure->kind, figure->values[column]);
}

/* One line of cells; returns the strip */
static Strip *
table_line (AcuReportDocument *doc,
            StripKind          kind,
            const Column      *columns,
            guint              n_columns,
            const char       **cells,
            double             indent)
{
  Strip *strip = strip_new (doc, kind, 0);
  gboolean header = kind == STRIP_HEADER;
  double size = header ? 8.5 : 9.5;
  double height = 0, h;

  for (guint i = 0; i < n_columns; i++)
    {
      double x = columns[i].x + (i == 0 ? indent : CELL_PADDING);
      double width = columns[i].width - (i == 0 ? indent + CELL_PADDING : 2 * CELL_PADDING);
      PangoLayout *layout = layout_new (doc, cells[i], size, header, width,
                                        i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, FALSE);

      if (i > 0 && !header)
        {
          /* Figures of the same width, so that digits line up */
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      h = strip_add_text (strip, layout, x, CELL_PADDING, header ? GREY_TEXT : BLACK);
      height = MAX (height, h);
    }
  strip->height = height + 2 * CELL_PADDING;
  if (header)
    strip_add_line (strip, 0, strip->height, CONTENT_WIDTH, strip->height, 0.8, BLACK, FALSE);
  else
    strip_add_line (strip, 0, strip->height, CONTENT_WIDTH, strip->height, 0.4, RULE, FALSE);
  return strip;
}

/* Adds the table's title, header and rows to @block; returns the title
 * to show where the table goes on over a new page */
static Strip *
add_table_strips (AcuReportDocument    *doc,
                  GPtrArray            *block,
                  const AcuFigureTable *table)
{
  const AcuReport *report = doc->report;
  Column columns[5];
  guint n_columns = table_columns (report, table, columns);
  gboolean once = previous_is_year_before (report);
  g_autofree char *now = acu_period_get_label (&report->periods[ACU_REPORT_NOW]);
  g_autofree char *previous = acu_period_get_label (&report->periods[ACU_REPORT_PREVIOUS]);
  g_autofree char *year_before = acu_period_get_label (&report->periods[ACU_REPORT_YEAR_BEFORE]);
  Strip *title = strip_new (doc, STRIP_PLAIN, 16);
  Strip *continued = strip_new (doc, STRIP_PLAIN, 0);
  /* Translators: the title of a table that goes on over a new page */
  g_autofree char *continued_title = g_strdup_printf (_("%s (continued)"), table->title);

  title->height = strip_add_text (title,
                                  layout_new (doc, table->title, 11.5, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                                  0, 0, BLACK) + 4;
  g_ptr_array_add (block, title);
  continued->height = strip_add_text (continued,
                                      layout_new (doc, continued_title, 11.5, TRUE, CONTENT_WIDTH,
                                                  PANGO_ALIGN_LEFT, FALSE),
                                      0, 0, BLACK) + 4;

  /* A trend is read from its line; its months are in the CSV and JSON */
  if (table->chart == ACU_CHART_TREND)
    return continued;

  if (table->compared && once)
    {
      const char *cells[] = { "", now, year_before, C_("report column", "Change") };

      g_ptr_array_add (block, table_line (doc, STRIP_HEADER, columns, n_columns, cells, 0));
    }
  else if (table->compared)
    {
      const char *cells[] = { "", now, previous, year_before, C_("report column", "Change") };

      g_ptr_array_add (block, table_line (doc, STRIP_HEADER, columns, n_columns, cells, 0));
    }
  else
    {
      const char *cells[] = { table->chart == ACU_CHART_TREND ? _("Month") : "",
                              acu_figure_kind_get_label (table->kind), _("One year earlier") };

      g_ptr_array_add (block, table_line (doc, STRIP_HEADER, columns, n_columns, cells, 0));
    }

  for (guint i = 0; i < table->figures->len; i++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, i);
      g_autofree char *a = figure_text (figure, ACU_REPORT_NOW);
      g_autofree char *b = figure_text (figure, ACU_REPORT_PREVIOUS);
      g_autofree char *c = figure_text (figure, ACU_REPORT_YEAR_BEFORE);
      /* A rate's change in percent would read as points */
      g_autofree char *change = figure->kind == ACU_FIGURE_RATE || figure->not_recorded
                                ? g_strdup ("")
                                : acu_report_format_change (figure->values[ACU_REPORT_NOW],
                                                            figure->values[ACU_REPORT_YEAR_BEFORE]);
      double indent = figure->level > 0 ? INDENT : 0;

      if (table->compared && once)
        {
          const char *cells[] = { figure->label, a, c, change };

          g_ptr_array_add (block, table_line (doc, STRIP_ROW, columns, n_columns, cells, indent));
        }
      else if (table->compared)
        {
          const char *cells[] = { figure->label, a, b, c, change };

          g_ptr_array_add (block, table_line (doc, STRIP_ROW, columns, n_columns, cells, indent));
        }
      else
        {
          const char *cells[] = { figure->label, a, c };

          g_ptr_array_add (block, table_line (doc, STRIP_ROW, columns, n_columns, cells, indent));
        }
    }
  return continued;
}

/* Charts */

/* A round step for about @n_lines gridlines up to @max: 1, 2 or 5 × 10ⁿ */
static gint64
grid_step (gint64 max,
           guint  n_lines)
{
  gint64 raw = (max + n_lines - 1) / n_lines;
  gint64 magnitude = 1;

  if (raw <= 1)
    return 1;
  while (magnitude <= raw / 10)
    magnitude *= 10;
  if (raw <= magnitude)
    return magnitude;
  if (raw <= 2 * magnitude)
    return 2 * magnitude;
  if (raw <= 5 * magnitude)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* A round step for the gridlines of a chart of @kind: whole tenths of a
 * kilogram or of a percent, whole hours past four hours */
static gint64
kind_grid_step (AcuFigureKind kind,
                gint64        max,
                guint         n_lines)
{
  gint64 unit = 1;

  if (kind == ACU_FIGURE_GRAMS)
    unit = 100;
  else if (kind == ACU_FIGURE_RATE)
    unit = 10;
  else if (kind == ACU_FIGURE_MINUTES && max > 240)
    unit = 60;
  return grid_step ((max + unit - 1) / unit, n_lines) * unit;
}

typedef struct
{
  double x0, x1;      /* the plot, in the strip */
  double y0, y1;      /* top, bottom (the zero line) */
  gint64 top;         /* the value at y0 */
} Plot;

static double
plot_y (const Plot *plot,
        gint64      value)
{
  return plot->y1 - (double) MAX (value, 0) / plot->top * (plot->y1 - plot->y0);
}

/* Gridlines with their values on the left, up to @max, in @kind's unit;
 * the plot starts further right if a value needs the room ("1 500,00 €") */
static void
plot_grid (AcuReportDocument *doc,
           Strip             *strip,
           Plot              *plot,
           AcuFigureKind      kind,
           gint64             max)
{
  gint64 step = kind_grid_step (kind, max, 4);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();
  double widest = 0;
  guint i = 0;

  plot->top = MAX (step, (max + step - 1) / step * step);
  for (gint64 v = 0; v <= plot->top; v += step)
    {
      g_autofree char *text = value_text (kind, v);
      PangoLayout *layout = layout_new (doc, text, 7, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);

      widest = MAX (widest, layout_width (layout));
      g_ptr_array_add (layouts, layout);
    }
  plot->x0 = MAX (plot->x0, widest + 6);
  for (gint64 v = 0; v <= plot->top; v += step, i++)
    {
      double y = plot_y (plot, v);
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      strip_add_line (strip, plot->x0, y, plot->x1, y, v == 0 ? 0.8 : 0.4, v == 0 ? DASHED : GRID, FALSE);
      /* right-aligned against the plot */
      strip_add_text (strip, layout, plot->x0 - 6 - layout_width (layout), y - layout_height (layout) / 2,
                      GREY_TEXT);
    }
}

/* A legend entry at @x, @y: a box or a line, then its text; returns the
 * x after it */
static double
legend_entry (AcuReportDocument *doc,
              Strip             *strip,
              double             x,
              double             y,
              const char        *text,
              guint32            colour,
              gboolean           line,
              gboolean           dashed)
{
  PangoLayout *layout = layout_new (doc, text, 7.5, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);
  double h = layout_height (layout);
  double w = layout_width (layout);

  if (line)
    {
      strip_add_line (strip, x, y + h / 2, x + 16, y + h / 2, dashed ? 1.2 : 1.8, colour, dashed);
      x += 20;
    }
  else
    {
      strip_add_box (strip, x, y + h / 2 - 4, 8, 8, colour);
      x += 12;
    }
  strip_add_text (strip, layout, x, y, BLACK);
  return x + w + 14;
}

typedef struct
{
  const char *label;
  gint64      value;
  guint       index;
} Bar;

static int
bar_compare (gconstpointer a,
             gconstpointer b)
{
  const Bar *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* One horizontal bar per row; past MAX_BARS rows, the largest ones and
 * the rest together */
static Strip *
bars_chart (AcuReportDocument    *doc,
            const AcuFigureTable *table)
{
  const double label_width = 150, gap = 6, pitch = 15, thickness = 9;
  Strip *strip = strip_new (doc, STRIP_PLAIN, 12);
  g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  double bar_x = label_width + gap;
  double value_room = 48, bar_room;
  gint64 max = 0;
  gint64 others = 0;
  gboolean has_others = FALSE;
  guint n;

  for (guint i = 0; i < table->figures->len; i++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, i);
      Bar bar = { figure->label, figure->values[ACU_REPORT_NOW], i };

      /* A part of the row above is already counted in it */
      if (figure->level == 0)
        g_array_append_val (bars, bar);
    }
  if (bars->len > MAX_BARS)
    {
      g_array_sort (bars, bar_compare);
      for (guint i = MAX_BARS; i < bars->len; i++)
        others += g_array_index (bars, Bar, i).value;
      g_array_set_size (bars, MAX_BARS);
      has_others = TRUE;
    }
  n = bars->len + (has_others ? 1 : 0);
  for (guint i = 0; i < bars->len; i++)
    max = MAX (max, g_array_index (bars, Bar, i).value);
  max = MAX (max, others);

  /* Room after the longest bar for the widest value ("12 345,6 kg") */
  for (guint i = 0; i < n; i++)
    {
      gint64 value = i == bars->len ? others : g_array_index (bars, Bar, i).value;
      g_autofree char *text = value_text (table->kind, value);
      PangoLayout *number = layout_new (doc, text, 8, FALSE, 0, PANGO_ALIGN_LEFT, FALSE);

      value_room = MAX (value_room, layout_width (number) + 8);
      g_ptr_array_add (numbers, number);
    }
  bar_room = CONTENT_WIDTH - bar_x - value_room;

  strip_add_line (strip, bar_x, 0, bar_x, n * pitch, 0.6, DASHED, FALSE);
  for (guint i = 0; i < n; i++)
    {
      gboolean is_others = i == bars->len;
      const char *label = is_others ? _("Others") : g_array_index (bars, Bar, i).label;
      gint64 value = is_others ? others : g_array_index (bars, Bar, i).value;
      double centre = i * pitch + pitch / 2;
      double length = max > 0 ? (double) MAX (value, 0) / max * bar_room : 0;
      PangoLayout *name = layout_new (doc, label, 8, FALSE, label_width, PANGO_ALIGN_RIGHT, TRUE);
      PangoLayout *number = g_ptr_array_index (numbers, i);

      strip_add_text (strip, name, 0, centre - layout_height (name) / 2, BLACK);
      if (length > 0)
        strip_add_box (strip, bar_x, centre - thickness / 2, length, thickness, is_others ? OTHERS : ACCENT);
      strip_add_text (strip, number, bar_x + length + 4, centre - layout_height (number) / 2, BLACK);
    }
  strip->height = n * pitch + 4;
  return strip;
}

/* Columns per row (days, hours): the period's, and a lighter one beside
 * each for the same period one year earlier */
static Strip *
columns_chart (AcuReportDocument    *doc,
               const AcuFigureTable *table)
{
  const AcuReport *report = doc->report;
  Strip *strip = strip_new (doc, STRIP_PLAIN, 12);
  g_autofree char *now = acu_period_get_label (&report->periods[ACU_REPORT_NOW]);
  g_autofree char *year_before = acu_period_get_label (&report->periods[ACU_REPORT_YEAR_BEFORE]);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  Plot plot = { 40, CONTENT_WIDTH, 22, 22 + 110, 1 };
  gboolean both = table->compared;
  double x, group, width, h, label_bottom = plot.y1;
  gint64 max = 0;

  for (guint i = 0; i < table->figures->len; i++)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i);

      if (figure->level != 0)
        continue;
      g_ptr_array_add (figures, figure);
      max = MAX (max, figure->values[ACU_REPORT_NOW]);
      if (both)
        max = MAX (max, figure->values[ACU_REPORT_YEAR_BEFORE]);
    }

  x = legend_entry (doc, strip, plot.x0, 0, now, ACCENT, FALSE, FALSE);
  if (both)
    legend_entry (doc, strip, x, 0, year_before, ACCENT_LIGHT, FALSE, FALSE);
  plot_grid (doc, strip, &plot, table->kind, max);

  group = figures->len > 0 ? (plot.x1 - plot.x0) / figures->len : 0;
  width = MIN (group * (both ? 0.36 : 0.6), 22);
  for (guint i = 0; i < figures->len; i++)
    {
      const AcuFigure *figure = g_ptr_array_index (figures, i);
      double centre = plot.x0 + (i + 0.5) * group;
      double left = both ? centre - width - 0.5 : centre - width / 2;
      double y = plot_y (&plot, figure->values[ACU_REPORT_NOW]);
      PangoLayout *label = layout_new (doc, figure->label, 7.5, FALSE, group - 2, PANGO_ALIGN_CENTER, TRUE);

      strip_add_box (strip, left, y, width, plot.y1 - y, ACCENT);
      if (both)
        {
          y = plot_y (&plot, figure->values[ACU_REPORT_YEAR_BEFORE]);
          strip_add_box (strip, centre + 0.5, y, width, plot.y1 - y, ACCENT_LIGHT);
        }
      h = strip_add_text (strip, label, centre - (group - 2) / 2, plot.y1 + 4, BLACK);
      label_bottom = MAX (label_bottom, plot.y1 + 4 + h);
    }
  strip->height = label_bottom + 4;
  return strip;
}

/* A line through the months, and a dashed one for a year earlier */
static Strip *
trend_chart (AcuReportDocument    *doc,
             const AcuFigureTable *table)
{
  Strip *strip = strip_new (doc, STRIP_PLAIN, 12);
  Plot plot = { 40, CONTENT_WIDTH, 22, 22 + 120, 1 };
  GArray *line = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *earlier = g_array_new (FALSE, FALSE, sizeof (double));
  double x, group, h, label_bottom = plot.y1;
  guint n = table->figures->len;
  gint64 max = 0;

  for (guint i = 0; i < n; i++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, i);

      max = MAX (max, MAX (figure->values[ACU_REPORT_NOW], figure->values[ACU_REPORT_YEAR_BEFORE]));
    }

  x = legend_entry (doc, strip, plot.x0, 0, acu_figure_kind_get_label (table->kind), ACCENT, TRUE, FALSE);
  legend_entry (doc, strip, x, 0, _("One year earlier"), DASHED, TRUE, TRUE);
  plot_grid (doc, strip, &plot, table->kind, max);

  group = n > 0 ? (plot.x1 - plot.x0) / n : 0;
  for (guint i = 0; i < n; i++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, i);
      double centre = plot.x0 + (i + 0.5) * group;
      double y = plot_y (&plot, figure->values[ACU_REPORT_NOW]);
      double y_before = plot_y (&plot, figure->values[ACU_REPORT_YEAR_BEFORE]);
      g_autofree char *text = month_axis_label (figure, i == 0);
      PangoLayout *label = layout_new (doc, text, 7.5, FALSE, group, PANGO_ALIGN_CENTER, FALSE);

      g_array_append_val (line, centre);
      g_array_append_val (line, y);
      g_array_append_val (earlier, centre);
      g_array_append_val (earlier, y_before);
      strip_add_line (strip, centre, plot.y1, centre, plot.y1 + 2.5, 0.6, DASHED, FALSE);
      h = strip_add_text (strip, label, centre - group / 2, plot.y1 + 4, BLACK);
      label_bottom = MAX (label_bottom, plot.y1 + 4 + h);
    }
  /* The period's line over last year's */
  strip_add_path (strip, earlier, 1.2, DASHED, TRUE, FALSE);
  strip_add_path (strip, line, 1.8, ACCENT, FALSE, TRUE);
  strip->height = label_bottom + 4;
  return strip;
}

/* Pages */

static double
block_height (GPtrArray *block)
{
  double height = 0;

  for (guint i = 0; i < block->len; i++)
    {
      Strip *strip = g_ptr_array_index (block, i);

      height += strip->before + strip->height;
    }
  return height;
}

typedef struct
{
  AcuReportDocument *doc;
  GArray            *page;   /* Placed */
  double             y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (flow->doc->pages, flow->page);
  flow->y = CONTENT_TOP;
}

static void
flow_place (Flow  *flow,
            Strip *strip)
{
  Placed placed;

  if (flow->y > CONTENT_TOP)
    flow->y += strip->before;
  placed.strip = strip;
  placed.y = flow->y;
  g_array_append_val (flow->page, placed);
  flow->y += strip->height;
}

/* @continued: what to show first where the block goes on over a new
 * page, or NULL */
static void
flow_block (Flow      *flow,
            GPtrArray *block,
            Strip     *continued)
{
  double height = block_height (block);
  Strip *header = NULL;
  double lead = 0;
  guint rows = 0;

  if (flow->y + height > CONTENT_BOTTOM && height <= CONTENT_BOTTOM - CONTENT_TOP)
    flow_new_page (flow);
  else if (flow->y + height > CONTENT_BOTTOM)
    {
      /* Taller than a page: its headings and first rows together */
      for (guint i = 0; i < block->len && rows < 3; i++)
        {
          Strip *strip = g_ptr_array_index (block, i);

          lead += strip->before + strip->height;
          rows += strip->kind == STRIP_ROW;
        }
      if (flow->y > CONTENT_TOP && flow->y + lead > CONTENT_BOTTOM)
        flow_new_page (flow);
    }

  for (guint i = 0; i < block->len; i++)
    {
      Strip *strip = g_ptr_array_index (block, i);
      double before = flow->y > CONTENT_TOP ? strip->before : 0;

      if (strip->kind == STRIP_HEADER)
        header = strip;
      else if (strip->kind != STRIP_ROW)
        header = NULL;
      if (flow->y > CONTENT_TOP && flow->y + before + strip->height > CONTENT_BOTTOM)
        {
          flow_new_page (flow);
          if (i > 0 && continued != NULL)
            flow_place (flow, continued);
          /* Rows carried over: their column headers again */
          if (strip->kind == STRIP_ROW && header != NULL)
            flow_place (flow, header);
        }
      flow_place (flow, strip);
    }
}

/* Site, "made on" and the page number, under every page */
static Strip *
footer_strip (AcuReportDocument *doc,
              guint              page,
              guint              n_pages)
{
  Strip *strip = strip_new (doc, STRIP_PLAIN, 0);
  double left = CONTENT_WIDTH * 0.36, middle = CONTENT_WIDTH * 0.40, right = CONTENT_WIDTH * 0.24;
  g_autofree char *number = NULL;
  double y = 5;

  strip_add_line (strip, 0, 0, CONTENT_WIDTH, 0, 0.5, RULE, FALSE);
  strip_add_text (strip, layout_new (doc, doc->site_name, 8, FALSE, left, PANGO_ALIGN_LEFT, TRUE),
                  0, y, GREY_TEXT);
  if (doc->made_at != NULL)
    {
      g_autofree char *day = g_date_time_format (doc->made_at, "%Y-%m-%d");
      g_autofree char *hour = g_date_time_format (doc->made_at, "%H:%M");
      g_autofree char *date = acu_report_format_date (day);
      /* Translators: when the report was made: a date, then a time */
      g_autofree char *made = g_strdup_printf (_("Made on %s at %s"), date, hour);

      strip_add_text (strip, layout_new (doc, made, 8, FALSE, middle, PANGO_ALIGN_CENTER, TRUE),
                      left, y, GREY_TEXT);
    }
  /* Translators: the page number, then how many pages */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  strip_add_text (strip, layout_new (doc, number, 8, FALSE, right, PANGO_ALIGN_RIGHT, TRUE),
                  left + middle, y, GREY_TEXT);
  return strip;
}

static void
add_footers (AcuReportDocument *doc)
{
  for (guint p = 0; p < doc->pages->len; p++)
    {
      GArray *page = g_ptr_array_index (doc->pages, p);
      Placed footer = { footer_strip (doc, p, doc->pages->len), FOOTER_RULE_Y };

      g_array_append_val (page, footer);
    }
}

static void
lay_out (AcuReportDocument *doc)
{
  const AcuReport *report = doc->report;
  Flow flow = { doc, NULL, CONTENT_TOP };
  g_autoptr(GPtrArray) header = header_block (doc);

  flow_new_page (&flow);
  flow_block (&flow, header, NULL);

  for (guint s = 0; report->sections != NULL && s < report->sections->len; s++)
    {
      const AcuReportSection *section = g_ptr_array_index (report->sections, s);
      Strip *heading = strip_new (doc, STRIP_PLAIN, 24);
      double h;

      h = strip_add_text (heading,
                          layout_new (doc, section->title, 15, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                          0, 0, BLACK) + 3;
      strip_add_line (heading, 0, h, CONTENT_WIDTH, h, 0.8, ACCENT, FALSE);
      heading->height = h + 1;

      /* A section's heading stays with its first table */
      if (section->tables->len == 0)
        {
          g_autoptr(GPtrArray) block = g_ptr_array_new ();

          g_ptr_array_add (block, heading);
          flow_block (&flow, block, NULL);
        }
      for (guint t = 0; t < section->tables->len; t++)
        {
          const AcuFigureTable *table = g_ptr_array_index (section->tables, t);
          g_autoptr(GPtrArray) block = g_ptr_array_new ();
          Strip *continued;

          if (t == 0)
            g_ptr_array_add (block, heading);
          continued = add_table_strips (doc, block, table);
          if (table->figures->len > 0)
            switch (table->chart)
              {
              case ACU_CHART_BARS:
                g_ptr_array_add (block, bars_chart (doc, table));
                break;
              case ACU_CHART_COLUMNS:
                g_ptr_array_add (block, columns_chart (doc, table));
                break;
              case ACU_CHART_TREND:
                g_ptr_array_add (block, trend_chart (doc, table));
                break;
              case ACU_CHART_NONE:
              default:
                break;
              }
          flow_block (&flow, block, continued);
        }
    }

  add_footers (doc);
}

/* A sheet to sign */

/* A row of the sheet: its cells, the last one left blank to sign, tall
 * enough for a signature and the text in its middle; lines between the
 * columns */
static Strip *
sheet_line (AcuReportDocument    *doc,
            const AcuReportSheet *sheet,
            StripKind             kind,
            const char *const    *cells)
{
  Strip *strip = strip_new (doc, kind, 0);
  gboolean header = kind == STRIP_HEADER;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();
  double x = 0, height = header ? 0 : 30.0;

  for (guint i = 0; i < sheet->n_columns; i++)
    {
      double width = sheet->widths[i] * CONTENT_WIDTH - 2 * CELL_PADDING;
      const char *text = header ? sheet->columns[i] : (i + 1 < sheet->n_columns ? cells[i] : "");
      PangoLayout *layout = layout_new (doc, text, header ? 8.5 : 10, header, MAX (width, 1),
                                        PANGO_ALIGN_LEFT, FALSE);

      g_ptr_array_add (layouts, layout);
      height = MAX (height, layout_height (layout) + 2 * CELL_PADDING);
    }
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      if (i > 0)
        strip_add_line (strip, x, 0, x, height, 0.4, GRID, FALSE);
      strip_add_text (strip, layout, x + CELL_PADDING, (height - layout_height (layout)) / 2,
                      header ? GREY_TEXT : BLACK);
      x += sheet->widths[i] * CONTENT_WIDTH;
    }
  strip->height = height;
  strip_add_line (strip, 0, height, CONTENT_WIDTH, height, header ? 0.8 : 0.4, header ? BLACK : RULE, FALSE);
  return strip;
}

static void
lay_out_sheet (AcuReportDocument    *doc,
               const AcuReportSheet *sheet)
{
  Flow flow = { doc, NULL, CONTENT_TOP };
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GPtrArray) table = g_ptr_array_new ();
  Strip *strip = strip_new (doc, STRIP_PLAIN, 0);
  Strip *continued = strip_new (doc, STRIP_PLAIN, 0);
  /* Translators: the title of a table that goes on over a new page */
  g_autofree char *continued_title = g_strdup_printf (_("%s (continued)"), sheet->title);
  double y = 0;

  if (sheet->site_name != NULL && sheet->site_name[0] != '\0')
    y += strip_add_text (strip, layout_new (doc, sheet->site_name, 12, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                         0, y, BLACK) + 2;
  y += strip_add_text (strip, layout_new (doc, sheet->title, 22, TRUE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                       0, y, BLACK) + 4;
  if (sheet->subtitle != NULL)
    y += strip_add_text (strip, layout_new (doc, sheet->subtitle, 12, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, FALSE),
                         0, y, BLACK) + 8;
  strip_add_line (strip, 0, y, CONTENT_WIDTH, y, 1.5, ACCENT, FALSE);
  strip->height = y + 1.5;
  g_ptr_array_add (header, strip);
  continued->height = strip_add_text (continued,
                                      layout_new (doc, continued_title, 11.5, TRUE, CONTENT_WIDTH,
                                                  PANGO_ALIGN_LEFT, FALSE),
                                      0, 0, BLACK) + 4;

  flow_new_page (&flow);
  flow_block (&flow, header, NULL);
  g_ptr_array_add (table, sheet_line (doc, sheet, STRIP_HEADER, NULL));
  ((Strip *) g_ptr_array_index (table, 0))->before = 16;
  for (guint i = 0; i < sheet->rows->len; i++)
    g_ptr_array_add (table, sheet_line (doc, sheet, STRIP_ROW, g_ptr_array_index (sheet->rows, i)));
  flow_block (&flow, table, continued);
  add_footers (doc);
}

/* Saving */

typedef struct
{
  FILE *file;
  int   saved_errno;
} PdfSink;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Public API */

/* Lays out the pages of @report, which must outlive the document */
AcuReportDocument *
acu_report_document_new (const AcuReport *report)
{
  g_autofree char *period = NULL;
  AcuReportDocument *doc;

  g_return_val_if_fail (report != NULL, NULL);

  doc = g_new0 (AcuReportDocument, 1);
  doc->report = report;
  doc->site_name = g_strdup (report->site_name);
  doc->made_at = report->made_at ? g_date_time_ref (report->made_at) : NULL;
  period = acu_period_get_label (&report->periods[ACU_REPORT_NOW]);
  if (report->title != NULL)
    {
      g_autofree char *own = g_strdup_printf ("%s — %s", report->title, period);

      g_free (period);
      period = g_steal_pointer (&own);
    }
  if (report->site_name != NULL && report->site_name[0] != '\0')
    doc->pdf_title = g_strdup_printf ("%s — %s", report->site_name, period);
  else
    doc->pdf_title = g_strdup (period);
  doc->context = context_new ();
  doc->strips = g_ptr_array_new_with_free_func ((GDestroyNotify) strip_free);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  lay_out (doc);
  return doc;
}

/* Lays out @sheet, whose rows are copied into the pages' text */
AcuReportDocument *
acu_report_document_new_sheet (const AcuReportSheet *sheet)
{
  AcuReportDocument *doc;

  g_return_val_if_fail (sheet != NULL && sheet->title != NULL && sheet->rows != NULL, NULL);
  g_return_val_if_fail (sheet->n_columns >= 2 && sheet->columns != NULL && sheet->widths != NULL, NULL);

  doc = g_new0 (AcuReportDocument, 1);
  doc->site_name = g_strdup (sheet->site_name);
  doc->made_at = sheet->made_at ? g_date_time_ref (sheet->made_at) : NULL;
  if (sheet->subtitle != NULL)
    doc->pdf_title = g_strdup_printf ("%s — %s", sheet->title, sheet->subtitle);
  else
    doc->pdf_title = g_strdup (sheet->title);
  doc->context = context_new ();
  doc->strips = g_ptr_array_new_with_free_func ((GDestroyNotify) strip_free);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  lay_out_sheet (doc, sheet);
  return doc;
}

guint
acu_report_document_get_n_pages (AcuReportDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return doc->pages->len;
}

/* Draws @page (from 0) of A4, scaled to fit @width × @height (points or
 * pixels) and centred there, on a white page. */
void
acu_report_document_draw_page (AcuReportDocument *doc,
                               cairo_t           *cr,
                               guint              page,
                               double             width,
                               double             height)
{
  GArray *placed;
  double scale;

  g_return_if_fail (doc != NULL && cr != NULL);
  g_return_if_fail (page < doc->pages->len);

  placed = g_ptr_array_index (doc->pages, page);
  scale = MIN (width / ACU_REPORT_A4_WIDTH, height / ACU_REPORT_A4_HEIGHT);
  if (scale <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr,
                   (width - ACU_REPORT_A4_WIDTH * scale) / 2,
                   (height - ACU_REPORT_A4_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, MARGIN, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);

      for (guint j = 0; j < p->strip->items->len; j++)
        draw_item (cr, g_ptr_array_index (p->strip->items, j), p->y);
    }
  cairo_restore (cr);
}

/* Writes "@path.partial", then gives it the name @path: a failure leaves
 * any file already at @path as it was. */
gboolean
acu_report_document_save_pdf (AcuReportDocument  *doc,
                              const char         *path,
                              GError            **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  PdfSink sink = { NULL, 0 };
  int saved_errno = 0;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  /* A .partial left by a crash is ours to replace; O_EXCL then refuses a
   * link planted in its place. Readable by its owner only, as the other
   * exports. */
  if (g_unlink (partial) == 0 || errno == ENOENT)
    {
      int fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0 && (sink.file = fdopen (fd, "wb")) == NULL)
        close (fd);
    }
  if (sink.file == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      int e = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   _("Could not save “%s”: %s"), display, g_strerror (e));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &sink,
                                                 ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->pdf_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Acuèlh");
  cr = cairo_create (surface);
  for (guint i = 0; i < doc->pages->len; i++)
    {
      acu_report_document_draw_page (doc, cr, i, ACU_REPORT_A4_WIDTH, ACU_REPORT_A4_HEIGHT);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    saved_errno = sink.saved_errno;
  else if (fflush (sink.file) != 0 || g_fsync (fileno (sink.file)) != 0)
    saved_errno = errno;
  if (fclose (sink.file) != 0 && status == CAIRO_STATUS_SUCCESS && saved_errno == 0)
    saved_errno = errno;
  if (status == CAIRO_STATUS_SUCCESS && saved_errno == 0 && g_rename (partial, path) != 0)
    saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (partial);
      if (saved_errno != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Could not save “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
acu_report_document_free (AcuReportDocument *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->pages);
  g_ptr_array_unref (doc->strips);
  g_clear_object (&doc->context);
  g_free (doc->site_name);
  g_clear_pointer (&doc->made_at, g_date_time_unref);
  g_free (doc->pdf_title);
  g_free (doc);
}

gboolean
acu_report_document_export (AcuStore           *store,
                            const AcuReport    *report,
                            AcuReportDocument  *doc,
                            AcuReportFormat     format,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(AcuReportDocument) own = NULL;

  if (format != ACU_REPORT_FORMAT_PDF)
    return acu_report_export (store, report, format, path, error);
  if (!acu_report_record_export_of (store, report, error))
    return FALSE;
  if (doc == NULL)
    doc = own = acu_report_document_new (report);
  return acu_report_document_save_pdf (doc, path, error);
}
