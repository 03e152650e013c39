/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include "acu-cli-commands.h"

/* The command table: one line per area. A new command goes into its
 * area's array; a new area adds its array here. */
const AcuCliCommand * const acu_cli_areas[] = {
  acu_cli_database_commands,   /* create, check, demo */
  acu_cli_access_commands,     /* user, audit */
  acu_cli_report_commands,     /* report */
  acu_cli_food_commands,       /* food-export */
  NULL
};
