/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "acu-audit.h"
#include "acu-report-export.h"
#include "acu-sql-private.h"
#include "acu-store-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction report_actions[] = {
  { "report-export", N_("Report exported"), ACU_AREA_NONE },
};

const AcuAuditActions acu_audit_report_actions = ACU_AUDIT_ACTIONS (report_actions);

/* The activity summary as CSV, JSON and the network's anonymous JSON,
 * written from the AcuReport the screen and the PDF show: one set of
 * figures, several shapes. The structures are described in the header. */

#define CSV_EOL "\r\n"
#define NETWORK_THRESHOLD 5

static const char *const column_names[ACU_REPORT_N_COLUMNS] = { "period", "previous", "year_before" };

/* Formats */

static const struct
{
  AcuReportFormat  format;
  const char      *name;
  const char      *extension;
} formats[] = {
  { ACU_REPORT_FORMAT_PDF, "pdf", "pdf" },
  { ACU_REPORT_FORMAT_CSV, "csv", "csv" },
  { ACU_REPORT_FORMAT_JSON, "json", "json" },
  { ACU_REPORT_FORMAT_NETWORK_JSON, "network-json", "json" },
};

/* CSV */

/* A text field, quoted, as acu-audit.c writes them: a spreadsheet must
 * never read a label as a formula, so a leading = + - @ (or a tab or a
 * carriage return, which some spreadsheets skip) gets a ' before it.
 * Labels are one line: a line break becomes a space. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  if (text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  g_string_append_c (out, '"');
}

/* The change from @before to @now in percent, rounded half away from
 * zero to a tenth like acu_report_format_change(), as a number Calc
 * reads under a French locale: "12,5", "-3,0"; nothing when @before is 0 */
static void
append_csv_change (GString *out,
                   gint64   now,
                   gint64   before)
{
  gint64 tenths;
  guint64 magnitude;

  if (before <= 0)
    return;
  tenths = ((now - before) * 2000 / before + ((now - before) >= 0 ? 1 : -1)) / 2;
  magnitude = tenths < 0 ? (guint64) -tenths : (guint64) tenths;
  g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT,
                          tenths < 0 ? "-" : "", magnitude / 10, magnitude % 10);
}

/* A figure's value in the unit the CSV gives it (acu_figure_kind_get_unit()),
 * as Calc reads it under a French locale, exactly: a count or minutes as
 * an integer; grams as kilograms with three decimals ("12,500"); cents
 * as euros with two ("1234,56"); basis points as percent with two
 * ("12,50") */
static void
append_csv_value (GString       *out,
                  AcuFigureKind  kind,
                  gint64         value)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  const char *sign = value < 0 ? "-" : "";

  switch (kind)
    {
    case ACU_FIGURE_GRAMS:
      g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ",%03" G_GUINT64_FORMAT,
                              sign, magnitude / 1000, magnitude % 1000);
      break;
    case ACU_FIGURE_CENTS:
    case ACU_FIGURE_RATE:
      g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ",%02" G_GUINT64_FORMAT,
                              sign, magnitude / 100, magnitude % 100);
      break;
    case ACU_FIGURE_PERSONS:
    case ACU_FIGURE_HOUSEHOLDS:
    case ACU_FIGURE_VISITS:
    case ACU_FIGURE_MINUTES:
    default:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
      break;
    }
}

static const char *
not_recorded_text (void)
{
  /* Translators: in place of the figures of a row the site does not
   * record (disability, nationality: sensitive, off unless a
   * coordinator turns them on) */
  return _("Not recorded");
}

/* JSON */

static const char *
chart_to_string (AcuChart chart)
{
  switch (chart)
    {
    case ACU_CHART_BARS:    return "bars";
    case ACU_CHART_COLUMNS: return "columns";
    case ACU_CHART_TREND:   return "trend";
    case ACU_CHART_NONE:
    default:                return "none";
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_period (JsonBuilder     *builder,
            const char      *name,
            const AcuPeriod *period)
{
  g_autofree char *label = acu_period_get_label (period);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, acu_period_kind_to_string (period->kind));
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, period->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, period->to);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_end_object (builder);
}

static void
add_table (JsonBuilder          *builder,
           const AcuFigureTable *table)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", table->id);
  add_string_or_null (builder, "title", table->title);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, acu_figure_kind_to_string (table->kind));
  json_builder_set_member_name (builder, "chart");
  json_builder_add_string_value (builder, chart_to_string (table->chart));
  json_builder_set_member_name (builder, "compared");
  json_builder_add_boolean_value (builder, table->compared);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint f = 0; f < table->figures->len; f++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, f);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "key", figure->key);
      add_string_or_null (builder, "label", figure->label);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, figure->level);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, acu_figure_kind_to_string (figure->kind));
      /* Not recorded: said so, and no value that could read as 0 */
      if (figure->not_recorded)
        {
          json_builder_set_member_name (builder, "recorded");
          json_builder_add_boolean_value (builder, FALSE);
        }
      for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
        {
          json_builder_set_member_name (builder, column_names[c]);
          if (figure->not_recorded)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, figure->values[c]);
        }
      if (acu_figure_kind_has_households (figure->kind))
        {
          json_builder_set_member_name (builder, "households");
          json_builder_begin_object (builder);
          for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
            {
              json_builder_set_member_name (builder, column_names[c]);
              json_builder_add_int_value (builder, figure->households[c]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
builder_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);
  /* a text file ends with a line break */
  return g_strconcat (data, "\n", NULL);
}

/* Network JSON */

/* A count a network can sum without singling anyone out: from 1 to 4,
 * only "<5"; from 5 on, rounded to the nearest multiple of 5, so that a
 * small count cannot be found again by subtracting one row from another
 * (persons − women = men) */
static void
add_masked_count (JsonBuilder *builder,
                  gint64       count)
{
  if (count > 0 && count < NETWORK_THRESHOLD)
    json_builder_add_string_value (builder, "<5");
  else
    json_builder_add_int_value (builder, (count + NETWORK_THRESHOLD / 2) / NETWORK_THRESHOLD * NETWORK_THRESHOLD);
}

/* One key of a network table: the figures of the period under that key */
typedef struct
{
  AcuFigureKind kind;
  gboolean      mixed;       /* figures of different kinds, or several rates */
  gboolean      not_recorded; /* a figure the site does not record */
  gint64        value;
  gint64        households;
} NetworkRow;

/* A figure's value as the network sees it, by its kind. Counts of people
 * are masked. A mass, money or a duration is summed as it is, but only
 * when it describes at least five households: fewer, and it is null (a
 * sum of 0 over no household at all stays 0). A rate is null when its
 * denominator holds fewer than five households. A key that mixes kinds
 * or sums rates means nothing: null too, as a figure the site does not
 * record. A number of days counts no one: as it is. */
static void
add_network_value (JsonBuilder      *builder,
                   const NetworkRow *row)
{
  if (row->mixed || row->not_recorded)
    json_builder_add_null_value (builder);
  else if (row->kind == ACU_FIGURE_DAYS)
    json_builder_add_int_value (builder, row->value);
  else if (acu_figure_kind_is_count (row->kind))
    add_masked_count (builder, row->value);
  else if (row->kind != ACU_FIGURE_RATE && row->value == 0 && row->households == 0)
    json_builder_add_int_value (builder, 0);
  else if (row->households < NETWORK_THRESHOLD)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, row->value);
}

/* The period's values by key, in the table's order. A commune is named
 * (a public place name); an entry a coordinator added to a list is free
 * text, so those are summed under "custom". Values are summed before
 * they are masked; the households of a sum are those of its largest
 * part, never more than are known to be there (two rows may describe the
 * same household). */
static void
add_network_table (JsonBuilder          *builder,
                   const AcuFigureTable *table)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean other_kinds = FALSE;

  for (guint f = 0; f < table->figures->len; f++)
    {
      const AcuFigure *figure = g_ptr_array_index (table->figures, f);
      const char *key = figure->key;
      NetworkRow *row;

      if (key == NULL)
        key = table->places ? figure->label : "custom";
      if (key == NULL)
        continue;
      row = g_hash_table_lookup (sums, key);
      if (row == NULL)
        {
          row = g_new0 (NetworkRow, 1);
          row->kind = figure->kind;
          g_hash_table_insert (sums, (gpointer) key, row);
          g_ptr_array_add (keys, (gpointer) key);
          other_kinds |= figure->kind != table->kind;
        }
      else if (row->kind != figure->kind || figure->kind == ACU_FIGURE_RATE)
        row->mixed = TRUE;
      row->not_recorded |= figure->not_recorded;
      row->value += figure->values[ACU_REPORT_NOW];
      row->households = MAX (row->households, figure->households[ACU_REPORT_NOW]);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, acu_figure_kind_to_string (table->kind));
  if (other_kinds)
    {
      json_builder_set_member_name (builder, "row_kinds");
      json_builder_begin_object (builder);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          const NetworkRow *row = g_hash_table_lookup (sums, key);

          if (row->kind == table->kind)
            continue;
          json_builder_set_member_name (builder, key);
          json_builder_add_string_value (builder, acu_figure_kind_to_string (row->kind));
        }
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_object (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      json_builder_set_member_name (builder, key);
      add_network_value (builder, g_hash_table_lookup (sums, key));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Writing */

static gboolean
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file, the second why it failed */
               _("The report could not be written to “%s”: %s."), name, g_strerror (saved_errno));
  return FALSE;
}

/* @data into a new file at @partial, on disk before it returns; on
 * failure nothing is left at @partial */
static gboolean
write_partial (const char  *partial,
               const char  *data,
               gsize        len,
               const char  *path,
               GError     **error)
{
  int fd;
  int saved_errno;

  /* A .partial left by a crash is ours to replace; O_EXCL then refuses a
   * link planted in its place */
  if (g_unlink (partial) != 0 && errno != ENOENT)
    return set_write_error (error, errno, path);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_write_error (error, errno, path);
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          goto failed;
        }
      data += n;
      len -= n;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (partial);
  return set_write_error (error, saved_errno, path);
}

/* The audit action of @report's exports: "report-export", or its own */
static gboolean
record_export (AcuStore         *store,
               const AcuReport  *report,
               GError          **error)
{
  const char *action = report != NULL && report->export_action != NULL ? report->export_action : "report-export";
  gboolean ok;

  if (!acu_store_begin (store, error))
    return FALSE;
  ok = acu_audit_record (store, action, NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

/* Public API */

/* The names the command line and the settings use */
gboolean
acu_report_format_from_string (const char      *text,
                               AcuReportFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, text))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
acu_report_format_to_string (AcuReportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  g_return_val_if_reached (NULL);
}

const char *
acu_report_format_get_extension (AcuReportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  g_return_val_if_reached (NULL);
}

/* Every figure, for a spreadsheet; see the header for the layout */
char *
acu_report_to_csv (const AcuReport *report)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);

  /* The BOM tells Calc the file is UTF-8 */
  out = g_string_new ("\xef\xbb\xbf");

  append_csv_field (out, _("Site"));
  g_string_append_c (out, ';');
  append_csv_field (out, report->site_name);
  g_string_append (out, CSV_EOL);

  {
    const AcuPeriod *period = &report->periods[ACU_REPORT_NOW];
    g_autofree char *label = acu_period_get_label (period);

    append_csv_field (out, _("Period"));
    g_string_append_c (out, ';');
    append_csv_field (out, label);
    g_string_append_c (out, ';');
    append_csv_field (out, period->from);
    g_string_append_c (out, ';');
    append_csv_field (out, period->to);
    g_string_append (out, CSV_EOL);
  }
  g_string_append (out, CSV_EOL);

  append_csv_field (out, _("Section"));
  g_string_append_c (out, ';');
  append_csv_field (out, _("Table"));
  g_string_append_c (out, ';');
  append_csv_field (out, _("Key"));
  g_string_append_c (out, ';');
  /* Translators: a row of a table of figures, in the CSV export */
  append_csv_field (out, _("Row"));
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      g_autofree char *label = acu_period_get_label (&report->periods[c]);

      g_string_append_c (out, ';');
      append_csv_field (out, label);
    }
  g_string_append_c (out, ';');
  /* Translators: the change from one year earlier, in percent */
  append_csv_field (out, _("Change (%)"));
  g_string_append_c (out, ';');
  /* Translators: the unit of the values of a row, in the CSV export */
  append_csv_field (out, _("Unit"));
  g_string_append_c (out, ';');
  /* Translators: what a row measures, as a code, in the CSV export */
  append_csv_field (out, _("Kind"));
  g_string_append (out, CSV_EOL);

  for (guint s = 0; s < report->sections->len; s++)
    {
      const AcuReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          const AcuFigureTable *table = g_ptr_array_index (section->tables, t);

          for (guint f = 0; f < table->figures->len; f++)
            {
              const AcuFigure *figure = g_ptr_array_index (table->figures, f);

              append_csv_field (out, section->title);
              g_string_append_c (out, ';');
              append_csv_field (out, table->title);
              g_string_append_c (out, ';');
              append_csv_field (out, figure->key);
              g_string_append_c (out, ';');
              append_csv_field (out, figure->label);
              for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
                {
                  g_string_append_c (out, ';');
                  /* Words, never a 0 a sum would take in */
                  if (figure->not_recorded)
                    append_csv_field (out, not_recorded_text ());
                  else
                    append_csv_value (out, figure->kind, figure->values[c]);
                }
              g_string_append_c (out, ';');
              /* A rate's change in percent would read as points */
              if (figure->kind != ACU_FIGURE_RATE && !figure->not_recorded)
                append_csv_change (out, figure->values[ACU_REPORT_NOW], figure->values[ACU_REPORT_YEAR_BEFORE]);
              g_string_append_c (out, ';');
              append_csv_field (out, acu_figure_kind_get_unit (figure->kind));
              g_string_append_c (out, ';');
              append_csv_field (out, acu_figure_kind_to_string (figure->kind));
              g_string_append (out, CSV_EOL);
            }
        }
    }
  return g_string_free (out, FALSE);
}

/* Every figure and what it means, for another program */
char *
acu_report_to_json (const AcuReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "acuelh-report");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 3);
  add_string_or_null (builder, "site", report->site_name);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, acu_report_get_title (report));
  json_builder_set_member_name (builder, "made_at");
  if (report->made_at != NULL)
    {
      g_autofree char *made_at = g_date_time_format (report->made_at, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_add_string_value (builder, made_at);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "periods");
  json_builder_begin_object (builder);
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    add_period (builder, column_names[c], &report->periods[c]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < report->sections->len; s++)
    {
      const AcuReportSection *section = g_ptr_array_index (report->sections, s);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", section->id);
      add_string_or_null (builder, "title", section->title);
      json_builder_set_member_name (builder, "tables");
      json_builder_begin_array (builder);
      for (guint t = 0; t < section->tables->len; t++)
        add_table (builder, g_ptr_array_index (section->tables, t));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return builder_to_text (builder);
}

/* The period's figures alone, anonymous, for the network of third places */
char *
acu_report_to_network_json (const AcuReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const AcuPeriod *period;

  g_return_val_if_fail (report != NULL, NULL);

  period = &report->periods[ACU_REPORT_NOW];
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "acuelh-network");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 2);
  add_string_or_null (builder, "site", report->site_name);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, period->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, period->to);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint s = 0; s < report->sections->len; s++)
    {
      const AcuReportSection *section = g_ptr_array_index (report->sections, s);

      json_builder_set_member_name (builder, section->id);
      json_builder_begin_object (builder);
      for (guint t = 0; t < section->tables->len; t++)
        {
          const AcuFigureTable *table = g_ptr_array_index (section->tables, t);

          if (table->local)
            continue;
          json_builder_set_member_name (builder, table->id);
          add_network_table (builder, table);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return builder_to_text (builder);
}

/* Recorded when the coordinator saves or prints the drawing */
gboolean
acu_report_record_export (AcuStore  *store,
                          GError   **error)
{
  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);

  return acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) && record_export (store, NULL, error);
}

/* The same for @report: the audit action of its own document */
gboolean
acu_report_record_export_of (AcuStore         *store,
                             const AcuReport  *report,
                             GError          **error)
{
  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  return acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) && record_export (store, report, error);
}

/* The file first, under a temporary name; then the audit entry; then
 * the file's own name. A failure before the rename leaves the file at
 * @path as it was and no entry; the rename comes last because an export
 * must never go unrecorded. */
gboolean
acu_report_export (AcuStore         *store,
                   const AcuReport  *report,
                   AcuReportFormat   format,
                   const char       *path,
                   GError          **error)
{
  g_autofree char *text = NULL;
  g_autofree char *partial = NULL;

  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;

  switch (format)
    {
    case ACU_REPORT_FORMAT_CSV:
      text = acu_report_to_csv (report);
      break;
    case ACU_REPORT_FORMAT_JSON:
      text = acu_report_to_json (report);
      break;
    case ACU_REPORT_FORMAT_NETWORK_JSON:
      text = acu_report_to_network_json (report);
      break;
    case ACU_REPORT_FORMAT_PDF:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The PDF of a report is drawn by the report pages, not written here."));
      return FALSE;
    }

  /* rename() would fail on a folder only once the entry is recorded */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, EISDIR, path);

  partial = g_strconcat (path, ".partial", NULL);
  if (!write_partial (partial, text, strlen (text), path, error))
    return FALSE;
  if (!record_export (store, report, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      return set_write_error (error, saved_errno, path);
    }
  return TRUE;
}
