/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-cli-commands.h"
#include "acu-report.h"
#include "acu-report-document.h"
#include "acu-report-export.h"

/* report: the activity summary over two dates, as the Reports page
 * saves it; the same figures, the same drawing */

static struct
{
  char            *from;
  char            *to;
  char            *format_text;
  char            *output;
  AcuReportFormat  format;
  AcuPeriod        period;
} opts;

static const GOptionEntry report_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &opts.from, N_("First day of the period"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opts.to, N_("Last day of the period"), N_("YYYY-MM-DD") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opts.format_text,
    N_("pdf, csv, json, or network-json (anonymous figures for the network of third places)"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output, N_("The file to write"), N_("FILE") },
  { NULL }
};

static gboolean
report_check (AcuCliContext  *ctx,
              GError        **error)
{
  const char *message = NULL;

  if (opts.from == NULL || opts.to == NULL)
    message = _("--from and --to are required: the first and last days of the period.");
  else if (opts.format_text == NULL || !acu_report_format_from_string (opts.format_text, &opts.format))
    message = _("--format must be pdf, csv, json or network-json.");
  else if (opts.output == NULL)
    message = _("--output is required: the file to write.");
  if (message != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
      return FALSE;
    }
  return acu_period_init_dates (&opts.period, opts.from, opts.to, error);
}

static int
report_run (AcuCliContext  *ctx,
            int             argc,
            char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReport) report = NULL;

  report = acu_report_compute (ctx->store, &opts.period, NULL, NULL, NULL, &error);
  if (report == NULL)
    return acu_cli_fail (error);

  if (!acu_report_document_export (ctx->store, report, NULL, opts.format, opts.output, &error))
    return acu_cli_fail (error);

  return ACU_CLI_EXIT_OK;
}

const AcuCliCommand acu_cli_report_commands[] = {
  {
    .name = "report",
    .summary = N_("Write the activity summary of a period as PDF, CSV or JSON"),
    .description = N_("Write the activity summary of a period: the same figures and the "
                      "same pages as the Reports page. A whole month, quarter or year is "
                      "compared with the previous one and with the same period one year "
                      "earlier."),
    .missing_args = N_("Give the path of the database."),
    .entries = report_entries,
    .open = {
      .how = ACU_CLI_OPEN_AS_ROLE,
      .role = ACU_ROLE_COORDINATOR,
      .option = "name",
      .option_help = N_("Who makes the report: a coordinator"),
      .missing = N_("--name is required: who makes the report."),
    },
    .check = report_check,
    .run = report_run,
  },
  { NULL }
};
