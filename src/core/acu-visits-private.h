/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-visits.h"

G_BEGIN_DECLS

/* For src/core (the demo generator) and the tests that build databases
 * by hand: no role check, no validation. Never for src/ui or src/cli:
 * every public call checks the role in the core. */
gint64         acu_visit_insert_unchecked (AcuStore             *store,
                                           const AcuVisitDraft  *draft,
                                           gint64                logged_by,
                                           gint64                now,
                                           GError              **error);

G_END_DECLS
