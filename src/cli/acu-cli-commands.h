/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-cli.h"

G_BEGIN_DECLS

/* Each area's commands (acu-cli-AREA.c), ended by an entry whose name is NULL */
extern const AcuCliCommand acu_cli_database_commands[];
extern const AcuCliCommand acu_cli_access_commands[];
extern const AcuCliCommand acu_cli_report_commands[];
extern const AcuCliCommand acu_cli_food_commands[];

/* Every area, in the order "acuelh-cli --help" lists them; ended by NULL */
extern const AcuCliCommand * const acu_cli_areas[];

G_END_DECLS
