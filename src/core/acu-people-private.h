/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-people.h"

G_BEGIN_DECLS

/* For src/core (the demo generator) and the tests that build databases
 * by hand: no role check, no validation. Never for src/ui or src/cli:
 * every public call checks the role in the core. */
gint64        acu_people_insert_unchecked (AcuStore              *store,
                                           const AcuPersonDraft  *draft,
                                           gint64                 now,
                                           GError               **error);
gint64        acu_household_insert_unchecked (AcuStore    *store,
                                              gint64       commune_id,
                                              const char  *created_on,
                                              gint64       now,
                                              GError     **error);

/* The tables that keep records on a household (acu-household-links.c) */
extern const char *const acu_household_tables[];

G_END_DECLS
