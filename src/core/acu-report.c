/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "acu-date.h"
#include "acu-report-private.h"
#include "acu-store-private.h"

/* Periods */

static void
set_range (AcuPeriod     *period,
           AcuPeriodKind  kind,
           const GDate   *from,
           const GDate   *to)
{
  g_autofree char *a = acu_date_format (from);
  g_autofree char *b = acu_date_format (to);

  period->kind = kind;
  g_strlcpy (period->from, a, sizeof period->from);
  g_strlcpy (period->to, b, sizeof period->to);
}

/* @months months from the first day of @month of @year */
static void
set_months (AcuPeriod     *period,
            AcuPeriodKind  kind,
            guint          year,
            guint          month,
            guint          months)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, month, year);
  to = from;
  g_date_add_months (&to, months);
  g_date_subtract_days (&to, 1);
  set_range (period, kind, &from, &to);
}

void
acu_period_init_month (AcuPeriod *period,
                       guint      year,
                       guint      month)
{
  g_return_if_fail (period != NULL && month >= 1 && month <= 12 && g_date_valid_year (year));
  set_months (period, ACU_PERIOD_MONTH, year, month, 1);
}

void
acu_period_init_quarter (AcuPeriod *period,
                         guint      year,
                         guint      quarter)
{
  g_return_if_fail (period != NULL && quarter >= 1 && quarter <= 4 && g_date_valid_year (year));
  set_months (period, ACU_PERIOD_QUARTER, year, 3 * quarter - 2, 3);
}

void
acu_period_init_year (AcuPeriod *period,
                      guint      year)
{
  g_return_if_fail (period != NULL && g_date_valid_year (year));
  set_months (period, ACU_PERIOD_YEAR, year, 1, 12);
}

/* Two dates typed by a person or given to the CLI. A whole month, quarter
 * or year is recognised as such, so that its comparisons are the
 * previous month, quarter or year. */
gboolean
acu_period_init_dates (AcuPeriod   *period,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  GDate a, b, end;
  guint day, month, year;

  g_return_val_if_fail (period != NULL, FALSE);

  if (from == NULL || !acu_date_parse (from, &a))
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-10-01."), from ? from : "");
      return FALSE;
    }
  if (to == NULL || !acu_date_parse (to, &b))
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-10-31."), to ? to : "");
      return FALSE;
    }
  if (g_date_compare (&a, &b) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The first day of the period comes after its last day."));
      return FALSE;
    }
  if (g_date_days_between (&a, &b) > 366 * 10)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("A report covers ten years at most."));
      return FALSE;
    }

  set_range (period, ACU_PERIOD_DATES, &a, &b);
  day = g_date_get_day (&a);
  month = g_date_get_month (&a);
  year = g_date_get_year (&a);
  if (day != 1)
    return TRUE;
  end = b;
  g_date_add_days (&end, 1);
  if (g_date_get_day (&end) != 1)
    return TRUE;
  if (month == 1 && g_date_get_month (&end) == 1 && g_date_get_year (&end) == year + 1)
    period->kind = ACU_PERIOD_YEAR;
  else if ((month - 1) % 3 == 0
           && (guint) g_date_get_month (&end) == (month + 2) % 12 + 1
           && g_date_days_between (&a, &b) < 93)
    period->kind = ACU_PERIOD_QUARTER;
  else if ((guint) g_date_get_month (&end) == month % 12 + 1 && g_date_days_between (&a, &b) < 31)
    period->kind = ACU_PERIOD_MONTH;
  return TRUE;
}

static void
period_dates (const AcuPeriod *period,
              GDate           *from,
              GDate           *to)
{
  acu_date_parse (period->from, from);
  acu_date_parse (period->to, to);
}

/* The period just before: the previous month, quarter or year, or as many
 * days just before two dates */
void
acu_period_get_previous (const AcuPeriod *period,
                         AcuPeriod       *previous)
{
  *previous = *period;
  acu_period_step (previous, -1);
}

void
acu_period_get_year_before (const AcuPeriod *period,
                            AcuPeriod       *year_before)
{
  GDate from, to;

  period_dates (period, &from, &to);
  if (period->kind == ACU_PERIOD_DATES)
    {
      g_date_subtract_years (&from, 1);
      g_date_subtract_years (&to, 1);
      set_range (year_before, ACU_PERIOD_DATES, &from, &to);
      return;
    }
  *year_before = *period;
  if (period->kind == ACU_PERIOD_YEAR)
    acu_period_step (year_before, -1);
  else
    acu_period_step (year_before, period->kind == ACU_PERIOD_MONTH ? -12 : -4);
}

/* Moves the period by @steps of its own length */
void
acu_period_step (AcuPeriod *period,
                 int        steps)
{
  GDate from, to;

  g_return_if_fail (period != NULL);

  period_dates (period, &from, &to);
  switch (period->kind)
    {
    case ACU_PERIOD_MONTH:
    case ACU_PERIOD_QUARTER:
    case ACU_PERIOD_YEAR:
      {
        guint months = period->kind == ACU_PERIOD_MONTH ? 1 : period->kind == ACU_PERIOD_QUARTER ? 3 : 12;

        if (steps >= 0)
          g_date_add_months (&from, months * steps);
        else
          g_date_subtract_months (&from, months * -steps);
        set_months (period, period->kind, g_date_get_year (&from), g_date_get_month (&from), months);
        return;
      }
    case ACU_PERIOD_DATES:
    default:
      {
        guint days = g_date_days_between (&from, &to) + 1;

        if (steps >= 0)
          {
            g_date_add_days (&from, days * steps);
            g_date_add_days (&to, days * steps);
          }
        else
          {
            g_date_subtract_days (&from, days * -steps);
            g_date_subtract_days (&to, days * -steps);
          }
        set_range (period, ACU_PERIOD_DATES, &from, &to);
        return;
      }
    }
}

const char *
acu_period_kind_to_string (AcuPeriodKind kind)
{
  switch (kind)
    {
    case ACU_PERIOD_MONTH:   return "month";
    case ACU_PERIOD_QUARTER: return "quarter";
    case ACU_PERIOD_YEAR:    return "year";
    case ACU_PERIOD_DATES:
    default:                 return "dates";
    }
}

/* Dates and numbers, the French way. Month names come from our own
 * catalogue, not from the C library, so that Occitan reads Occitan even
 * where the system has no such locale, and so that translators can write
 * "d'abril" where Occitan elides. */

static char *
format_month_year (guint month,
                   guint year)
{
  switch (month)
    {
    /* Translators: a month and its year, as in "January 2026" */
    case 1:  return g_strdup_printf (C_("month and year", "January %u"), year);
    case 2:  return g_strdup_printf (C_("month and year", "February %u"), year);
    case 3:  return g_strdup_printf (C_("month and year", "March %u"), year);
    case 4:  return g_strdup_printf (C_("month and year", "April %u"), year);
    case 5:  return g_strdup_printf (C_("month and year", "May %u"), year);
    case 6:  return g_strdup_printf (C_("month and year", "June %u"), year);
    case 7:  return g_strdup_printf (C_("month and year", "July %u"), year);
    case 8:  return g_strdup_printf (C_("month and year", "August %u"), year);
    case 9:  return g_strdup_printf (C_("month and year", "September %u"), year);
    case 10: return g_strdup_printf (C_("month and year", "October %u"), year);
    case 11: return g_strdup_printf (C_("month and year", "November %u"), year);
    default: return g_strdup_printf (C_("month and year", "December %u"), year);
    }
}

static char *
format_full_date (guint day,
                  guint month,
                  guint year)
{
  switch (month)
    {
    /* Translators: a day, its month and year, as in "25 January 2026":
     * the first %u is the day, the second the year */
    case 1:  return g_strdup_printf (C_("full date", "%u January %u"), day, year);
    case 2:  return g_strdup_printf (C_("full date", "%u February %u"), day, year);
    case 3:  return g_strdup_printf (C_("full date", "%u March %u"), day, year);
    case 4:  return g_strdup_printf (C_("full date", "%u April %u"), day, year);
    case 5:  return g_strdup_printf (C_("full date", "%u May %u"), day, year);
    case 6:  return g_strdup_printf (C_("full date", "%u June %u"), day, year);
    case 7:  return g_strdup_printf (C_("full date", "%u July %u"), day, year);
    case 8:  return g_strdup_printf (C_("full date", "%u August %u"), day, year);
    case 9:  return g_strdup_printf (C_("full date", "%u September %u"), day, year);
    case 10: return g_strdup_printf (C_("full date", "%u October %u"), day, year);
    case 11: return g_strdup_printf (C_("full date", "%u November %u"), day, year);
    default: return g_strdup_printf (C_("full date", "%u December %u"), day, year);
    }
}

char *
acu_report_format_date (const char *day)
{
  GDate date;

  if (day == NULL || !acu_date_parse (day, &date))
    return g_strdup (day);
  return format_full_date (g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
}

char *
acu_report_format_month (const char *day)
{
  GDate date;

  if (day == NULL || !acu_date_parse (day, &date))
    return g_strdup (day);
  return format_month_year (g_date_get_month (&date), g_date_get_year (&date));
}

char *
acu_period_get_label (const AcuPeriod *period)
{
  GDate from, to;

  g_return_val_if_fail (period != NULL, NULL);

  period_dates (period, &from, &to);
  switch (period->kind)
    {
    case ACU_PERIOD_MONTH:
      return acu_report_format_month (period->from);
    case ACU_PERIOD_QUARTER:
      switch ((g_date_get_month (&from) - 1) / 3)
        {
        /* Translators: %u is a year */
        case 0:  return g_strdup_printf (_("First quarter %u"), g_date_get_year (&from));
        case 1:  return g_strdup_printf (_("Second quarter %u"), g_date_get_year (&from));
        case 2:  return g_strdup_printf (_("Third quarter %u"), g_date_get_year (&from));
        default: return g_strdup_printf (_("Fourth quarter %u"), g_date_get_year (&from));
        }
    case ACU_PERIOD_YEAR:
      /* Translators: a whole year, as in "Year 2026" */
      return g_strdup_printf (_("Year %u"), g_date_get_year (&from));
    case ACU_PERIOD_DATES:
    default:
      {
        g_autofree char *a = acu_report_format_date (period->from);
        g_autofree char *b = acu_report_format_date (period->to);

        if (g_str_equal (period->from, period->to))
          return g_steal_pointer (&a);
        /* Translators: a period between two dates */
        return g_strdup_printf (_("From %s to %s"), a, b);
      }
    }
}

/* Thousands grouped with a narrow no-break space, as French typography
 * writes them: 12 345 */
static void
append_grouped (GString *out,
                guint64  magnitude)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, "\u202f");
      g_string_append_c (out, digits[i]);
    }
}

static guint64
magnitude_of (gint64 value)
{
  /* -G_MININT64 does not fit a gint64; it does a guint64 */
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

char *
acu_report_format_count (gint64 value)
{
  GString *out = g_string_new (value < 0 ? "−" : "");

  append_grouped (out, magnitude_of (value));
  return g_string_free (out, FALSE);
}

/* "+12,5 %", "−3,0 %", or an empty string when there is nothing to
 * compare with */
char *
acu_report_format_change (gint64 now,
                          gint64 before)
{
  gint64 tenths;
  guint64 magnitude;

  if (before <= 0)
    return g_strdup ("");
  /* rounded half away from zero, in tenths of a percent */
  tenths = ((now - before) * 2000 / before + ((now - before) >= 0 ? 1 : -1)) / 2;
  magnitude = tenths < 0 ? (guint64) -tenths : (guint64) tenths;
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT "\u00a0%%",
                          tenths > 0 ? "+" : tenths < 0 ? "−" : "",
                          magnitude / 10, magnitude % 10);
}

/* Kinds of figures */

const char *
acu_figure_kind_to_string (AcuFigureKind kind)
{
  switch (kind)
    {
    case ACU_FIGURE_PERSONS:    return "persons";
    case ACU_FIGURE_HOUSEHOLDS: return "households";
    case ACU_FIGURE_VISITS:     return "visits";
    case ACU_FIGURE_GRAMS:      return "grams";
    case ACU_FIGURE_CENTS:      return "cents";
    case ACU_FIGURE_MINUTES:    return "minutes";
    case ACU_FIGURE_RATE:       return "rate";
    case ACU_FIGURE_DAYS:       return "days";
    default:                    g_return_val_if_reached ("persons");
    }
}

gboolean
acu_figure_kind_is_count (AcuFigureKind kind)
{
  return kind == ACU_FIGURE_PERSONS || kind == ACU_FIGURE_HOUSEHOLDS || kind == ACU_FIGURE_VISITS;
}

gboolean
acu_figure_kind_has_households (AcuFigureKind kind)
{
  return kind == ACU_FIGURE_GRAMS || kind == ACU_FIGURE_CENTS || kind == ACU_FIGURE_MINUTES
         || kind == ACU_FIGURE_RATE;
}

const char *
acu_figure_kind_get_label (AcuFigureKind kind)
{
  switch (kind)
    {
    case ACU_FIGURE_PERSONS:    return _("Persons");
    case ACU_FIGURE_HOUSEHOLDS: return _("Households");
    case ACU_FIGURE_VISITS:     return _("Visits");
    /* Translators: the heading of a column of masses, in kilograms */
    case ACU_FIGURE_GRAMS:      return _("Weight");
    /* Translators: the heading of a column of sums of money */
    case ACU_FIGURE_CENTS:      return _("Amount");
    /* Translators: the heading of a column of durations */
    case ACU_FIGURE_MINUTES:    return _("Duration");
    /* Translators: the heading of a column of rates, in percent */
    case ACU_FIGURE_RATE:       return _("Rate");
    /* Translators: the heading of a column of numbers of days */
    case ACU_FIGURE_DAYS:       return _("Days");
    default:                    g_return_val_if_reached (_("Persons"));
    }
}

static const char *
unit_kilograms (void)
{
  /* Translators: the symbol of kilograms, after a mass: "12,5 kg" */
  return C_("unit symbol", "kg");
}

const char *
acu_figure_kind_get_unit (AcuFigureKind kind)
{
  switch (kind)
    {
    /* Translators: the unit of a count, in a column of the CSV export */
    case ACU_FIGURE_PERSONS:    return C_("unit", "persons");
    /* Translators: the unit of a count, in a column of the CSV export */
    case ACU_FIGURE_HOUSEHOLDS: return C_("unit", "households");
    /* Translators: the unit of a count, in a column of the CSV export */
    case ACU_FIGURE_VISITS:     return C_("unit", "visits");
    case ACU_FIGURE_GRAMS:      return unit_kilograms ();
    case ACU_FIGURE_CENTS:      return "€";
    /* Translators: the symbol of minutes, after a duration: "45 min" */
    case ACU_FIGURE_MINUTES:    return C_("unit symbol", "min");
    case ACU_FIGURE_RATE:       return "%";
    /* Translators: the unit of a number of days, in a column of the CSV export */
    case ACU_FIGURE_DAYS:       return C_("unit", "days");
    default:                    g_return_val_if_reached ("");
    }
}

/* @magnitude / @per, rounded half away from zero (on the magnitude) */
static guint64
rounded (guint64 magnitude,
         guint64 per)
{
  return magnitude / per + (magnitude % per >= (per + 1) / 2);
}

/* "1 234,5": @magnitude in units of 10^-@decimals */
static void
append_decimal (GString *out,
                guint64  magnitude,
                guint    decimals)
{
  guint64 scale = decimals == 1 ? 10 : 100;

  append_grouped (out, magnitude / scale);
  g_string_append_printf (out, ",%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % scale);
}

/* Each kind with its unit, French typography: a no-break space between
 * the number and its unit, thousands grouped by a narrow one. Rounded
 * half away from zero where the unit is coarser than the value's. */
char *
acu_figure_kind_format (AcuFigureKind kind,
                        gint64        value)
{
  guint64 magnitude = magnitude_of (value);
  GString *out = g_string_new (NULL);

  switch (kind)
    {
    case ACU_FIGURE_GRAMS:
      /* kilograms to the 100 g */
      magnitude = rounded (magnitude, 100);
      if (value < 0 && magnitude > 0)
        g_string_append (out, "−");
      append_decimal (out, magnitude, 1);
      g_string_append_printf (out, "\u00a0%s", unit_kilograms ());
      break;

    case ACU_FIGURE_CENTS:
      if (value < 0)
        g_string_append (out, "−");
      append_decimal (out, magnitude, 2);
      g_string_append (out, "\u00a0€");
      break;

    case ACU_FIGURE_MINUTES:
      if (value < 0)
        g_string_append (out, "−");
      if (magnitude < 60)
        {
          append_grouped (out, magnitude);
          g_string_append_printf (out, "\u00a0%s", C_("unit symbol", "min"));
          break;
        }
      append_grouped (out, magnitude / 60);
      /* Translators: the symbol of hours, in a duration: "3 h 20" */
      g_string_append_printf (out, "\u00a0%s", C_("unit symbol", "h"));
      if (magnitude % 60 != 0)
        g_string_append_printf (out, "\u00a0%02" G_GUINT64_FORMAT, magnitude % 60);
      break;

    case ACU_FIGURE_RATE:
      /* basis points to the tenth of a percent */
      magnitude = rounded (magnitude, 10);
      if (value < 0 && magnitude > 0)
        g_string_append (out, "−");
      append_decimal (out, magnitude, 1);
      g_string_append (out, "\u00a0%");
      break;

    case ACU_FIGURE_PERSONS:
    case ACU_FIGURE_HOUSEHOLDS:
    case ACU_FIGURE_VISITS:
    case ACU_FIGURE_DAYS:
    default:
      if (value < 0)
        g_string_append (out, "−");
      append_grouped (out, magnitude);
      break;
    }
  return g_string_free (out, FALSE);
}

/* The figures */

static void
figure_free (AcuFigure *figure)
{
  g_free (figure->key);
  g_free (figure->label);
  g_free (figure);
}

static void
figure_table_free (AcuFigureTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_ptr_array_unref (table->figures);
  g_free (table);
}

static void
section_free (AcuReportSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->tables);
  g_free (section);
}

void
acu_report_free (AcuReport *report)
{
  if (report == NULL)
    return;
  g_free (report->site_name);
  g_free (report->title);
  g_clear_pointer (&report->made_at, g_date_time_unref);
  g_clear_pointer (&report->sections, g_ptr_array_unref);
  g_free (report);
}

AcuFigureTable *
acu_report_section_add_table (AcuReportSection *section,
                              const char       *id,
                              const char       *title,
                              AcuFigureKind     kind,
                              AcuChart          chart)
{
  AcuFigureTable *table = g_new0 (AcuFigureTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->kind = kind;
  table->chart = chart;
  table->compared = TRUE;
  table->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  g_ptr_array_add (section->tables, table);
  return table;
}

AcuFigure *
acu_figure_table_add (AcuFigureTable *table,
                      const char     *key,
                      const char     *label)
{
  AcuFigure *figure = g_new0 (AcuFigure, 1);

  figure->key = g_strdup (key);
  figure->label = g_strdup (label);
  figure->kind = table->kind;
  g_ptr_array_add (table->figures, figure);
  return figure;
}

AcuFigure *
acu_figure_table_find (const AcuFigureTable *table,
                       const char           *key)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < table->figures->len; i++)
    {
      AcuFigure *figure = g_ptr_array_index (table->figures, i);

      if (g_strcmp0 (figure->key, key) == 0)
        return figure;
    }
  return NULL;
}

/* The row with @key, added at the end if it is not there yet */
AcuFigure *
acu_figure_table_get (AcuFigureTable *table,
                      const char     *key,
                      const char     *label)
{
  AcuFigure *figure = key ? acu_figure_table_find (table, key) : NULL;

  return figure ? figure : acu_figure_table_add (table, key, label);
}

AcuReportSection *
acu_report_find_section (const AcuReport *report,
                         const char      *id)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->sections->len; i++)
    {
      AcuReportSection *section = g_ptr_array_index (report->sections, i);

      if (g_str_equal (section->id, id))
        return section;
    }
  return NULL;
}

AcuFigureTable *
acu_report_find_table (const AcuReport *report,
                       const char      *section_id,
                       const char      *table_id)
{
  AcuReportSection *section = acu_report_find_section (report, section_id);

  if (section == NULL)
    return NULL;
  for (guint i = 0; i < section->tables->len; i++)
    {
      AcuFigureTable *table = g_ptr_array_index (section->tables, i);

      if (g_str_equal (table->id, table_id))
        return table;
    }
  return NULL;
}

/* -1 when there is no such figure */
gint64
acu_report_get_value (const AcuReport *report,
                      const char      *section_id,
                      const char      *table_id,
                      const char      *key,
                      AcuReportColumn  column)
{
  AcuFigureTable *table = acu_report_find_table (report, section_id, table_id);
  AcuFigure *figure = table ? acu_figure_table_find (table, key) : NULL;

  g_return_val_if_fail (column < ACU_REPORT_N_COLUMNS, -1);
  return figure ? figure->values[column] : -1;
}

/* Computing */

gboolean
acu_report_context_step (AcuReportContext  *ctx,
                         GError           **error)
{
  ctx->step++;
  if (ctx->progress != NULL && ctx->n_steps > 0)
    ctx->progress (MIN (1.0, (double) ctx->step / ctx->n_steps), ctx->user_data);
  return !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

/* Stops a long query soon after the report is cancelled */
static int
query_interrupted_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Only a coordinator reads the activity summary. The figures are computed
 * by SQL aggregates over the period; each section is registered in
 * acu-report-sections.c. Safe to call in a worker thread with a reader
 * (acu_store_open_reader()), which that thread alone uses. */
/* An empty report of @period (with its previous period and the same
 * period a year earlier), made at @made_at: acu_report_compute fills it,
 * and tests build one by hand */
AcuReport *
acu_report_new (const char      *site_name,
                const AcuPeriod *period,
                GDateTime       *made_at)
{
  AcuReport *report = g_new0 (AcuReport, 1);

  report->periods[ACU_REPORT_NOW] = *period;
  acu_period_get_previous (period, &report->periods[ACU_REPORT_PREVIOUS]);
  acu_period_get_year_before (period, &report->periods[ACU_REPORT_YEAR_BEFORE]);
  report->site_name = g_strdup (site_name);
  report->made_at = g_date_time_ref (made_at);
  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  return report;
}

AcuReportSection *
acu_report_add_section (AcuReport  *report,
                        const char *id,
                        const char *title)
{
  AcuReportSection *section = g_new0 (AcuReportSection, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_table_free);
  g_ptr_array_add (report->sections, section);
  return section;
}

const char *
acu_report_get_title (const AcuReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->title != NULL ? report->title : _("Activity summary");
}

AcuReport *
acu_report_compute (AcuStore           *store,
                    const AcuPeriod    *period,
                    AcuReportProgress   progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  const AcuReportSectionInfo *infos;
  guint n_infos;

  g_return_val_if_fail (ACU_IS_STORE (store) && period != NULL, NULL);

  infos = acu_report_list_sections (&n_infos);
  return acu_report_compute_sections (store, period, infos, n_infos, progress, user_data, cancellable, error);
}

/* The sections of @infos over @period: the activity summary's registry,
 * or another document's own (the FSE+ indicators), computed the same
 * way: by a coordinator, from one snapshot, each column once. */
AcuReport *
acu_report_compute_sections (AcuStore                    *store,
                             const AcuPeriod             *period,
                             const AcuReportSectionInfo  *infos,
                             guint                        n_infos,
                             AcuReportProgress            progress,
                             gpointer                     user_data,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  g_autoptr(AcuReport) report = NULL;
  AcuReportContext ctx = { 0 };
  guint n_wanted = 0;
  gboolean reader, ok = TRUE;

  g_return_val_if_fail (ACU_IS_STORE (store) && period != NULL, NULL);
  g_return_val_if_fail (infos != NULL || n_infos == 0, NULL);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return NULL;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    report = acu_report_new (acu_store_get_site_name (store), period, now);
  }

  ctx.store = store;
  ctx.report = report;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.user_data = user_data;
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      ctx.wanted[c] = TRUE;
      for (guint d = 0; d < c; d++)
        if (g_str_equal (report->periods[c].from, report->periods[d].from)
            && g_str_equal (report->periods[c].to, report->periods[d].to))
          ctx.wanted[c] = FALSE;
      n_wanted += ctx.wanted[c];
    }
  for (guint i = 0; i < n_infos; i++)
    ctx.n_steps += infos[i].n_steps * n_wanted + infos[i].n_steps_once;

  if (cancellable != NULL)
    sqlite3_progress_handler (acu_store_get_db (store), 10000, query_interrupted_cb, cancellable);
  /* A reader sees one snapshot of the database for the whole report, so
   * that a visit logged meanwhile is in every figure or in none (WAL) */
  reader = sqlite3_db_readonly (acu_store_get_db (store), "main") == 1;
  if (reader && !acu_store_exec (store, "BEGIN;", error))
    ok = FALSE;
  for (guint i = 0; ok && i < n_infos; i++)
    {
      AcuReportSection *section = acu_report_add_section (report, infos[i].id, _(infos[i].title));

      ok = infos[i].compute (&ctx, section, error);
    }
  if (reader)
    sqlite3_exec (acu_store_get_db (store), "COMMIT;", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (acu_store_get_db (store), 0, NULL, NULL);
  if (!ok)
    {
      /* An interrupted query says "interrupted": say "cancelled" */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      return NULL;
    }

  /* Columns with the same dates as an earlier one */
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      guint same = c;

      if (ctx.wanted[c])
        continue;
      for (guint d = 0; d < c; d++)
        if (g_str_equal (report->periods[c].from, report->periods[d].from)
            && g_str_equal (report->periods[c].to, report->periods[d].to))
          {
            same = d;
            break;
          }
      for (guint s = 0; s < report->sections->len; s++)
        {
          AcuReportSection *section = g_ptr_array_index (report->sections, s);

          for (guint t = 0; t < section->tables->len; t++)
            {
              AcuFigureTable *table = g_ptr_array_index (section->tables, t);

              if (!table->compared)
                continue;
              for (guint f = 0; f < table->figures->len; f++)
                {
                  AcuFigure *figure = g_ptr_array_index (table->figures, f);

                  figure->values[c] = figure->values[same];
                  figure->households[c] = figure->households[same];
                }
            }
        }
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&report);
}

/* In a worker thread */

typedef struct
{
  AcuStore    *reader;      /* this thread's alone; closing it wipes its key */
  AcuPeriod    period;
  AcuProgress *progress;
} ComputeTask;

static void
compute_task_free (ComputeTask *data)
{
  g_clear_object (&data->reader);
  g_clear_pointer (&data->progress, acu_progress_unref);
  g_free (data);
}

static void
compute_task_progress (double   fraction,
                       gpointer user_data)
{
  ComputeTask *data = user_data;

  if (data->progress != NULL)
    acu_progress_set_fraction (data->progress, fraction);
}

static void
compute_task_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ComputeTask *data = task_data;
  GError *error = NULL;
  AcuReport *report;

  report = acu_report_compute (data->reader, &data->period, compute_task_progress, data, cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) acu_report_free);
  else
    g_task_return_error (task, error);
}

void
acu_report_compute_async (AcuStore            *store,
                          const AcuPeriod     *period,
                          AcuProgress         *progress,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  ComputeTask *data;
  AcuStore *reader;

  g_task_set_source_tag (task, acu_report_compute_async);
  reader = acu_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (ComputeTask, 1);
  data->reader = reader;
  data->period = *period;
  data->progress = progress != NULL ? acu_progress_ref (progress) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) compute_task_free);
  g_task_run_in_thread (task, compute_task_thread);
}

AcuReport *
acu_report_compute_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == acu_report_compute_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
