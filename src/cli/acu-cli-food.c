/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acu-cli-commands.h"
#include "acu-report-document.h"
#include "acu-report-export.h"
#include "acu-report-food-fse.h"

/* food-export: the yearly FSE+ indicators of food aid, as CSV, JSON or
 * the printed page in PDF; the same figures and drawing as the window */

static struct
{
  char            *year_text;
  char            *format_text;
  char            *output;
  guint            year;
  AcuReportFormat  format;
} opts;

static const GOptionEntry food_export_entries[] = {
  { "year", 0, 0, G_OPTION_ARG_STRING, &opts.year_text, N_("The year of the indicators"), N_("YYYY") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opts.format_text, N_("csv, json or pdf"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("The file to write"), N_("FILE") },
  { NULL }
};

static gboolean
food_export_check (AcuCliContext  *ctx,
                   GError        **error)
{
  const char *message = NULL;
  guint64 year = 0;

  if (opts.year_text == NULL)
    message = _("--year is required: the year of the indicators, such as 2026.");
  else if (strlen (opts.year_text) != 4
           || !g_ascii_string_to_unsigned (opts.year_text, 10, 1901, 9999, &year, NULL))
    message = _("--year must be a year of four digits, such as 2026.");
  else if (opts.format_text == NULL
           || !acu_report_format_from_string (opts.format_text, &opts.format)
           || opts.format == ACU_REPORT_FORMAT_NETWORK_JSON)
    message = _("--format must be csv, json or pdf.");
  else if (opts.output == NULL)
    message = _("--output is required: the file to write.");
  if (message != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
      return FALSE;
    }
  opts.year = (guint) year;
  return TRUE;
}

static int
food_export_run (AcuCliContext  *ctx,
                 int             argc,
                 char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;

  report = acu_report_food_fse_compute (ctx->store, opts.year, NULL, &error);
  if (report == NULL)
    return acu_cli_fail (error);
  /* One export for every format, as the window saves it */
  if (!acu_report_document_export (ctx->store, report, NULL, opts.format, opts.output, &error))
    return acu_cli_fail (error);
  return ACU_CLI_EXIT_OK;
}

const AcuCliCommand acu_cli_food_commands[] = {
  {
    .name = "food-export",
    .summary = N_("Write the FSE+ food-aid indicators of a year as CSV, JSON or PDF"),
    .description = N_("Write the yearly FSE+ indicators of food aid: end recipients and "
                      "their breakdown, households, distributions, food distributed and "
                      "its value, beside the year before. The figures are those of the "
                      "food-aid section of the activity summary."),
    .missing_args = N_("Give the path of the database."),
    .entries = food_export_entries,
    .open = {
      .how = ACU_CLI_OPEN_AS_ROLE,
      .role = ACU_ROLE_COORDINATOR,
      .option = "name",
      .option_help = N_("Who makes the export: a coordinator"),
      .missing = N_("--name is required: who makes the export."),
    },
    .check = food_export_check,
    .run = food_export_run,
  },
  { NULL }
};
