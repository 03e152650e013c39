/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* For src/core modules and their tests only: the raw connection and the
 * database key. Nothing in src/ui or src/cli includes this header. */
sqlite3         *acu_store_get_db (AcuStore *self);
const AcuSecret *acu_store_peek_database_key (AcuStore *self);
/* Tests only: migrate no further than @version (0: no limit) */
void             acu_store_set_schema_limit_for_tests (int version);
void             acu_store_set_sqlite_error (AcuStore  *self,
                                             GError   **error);

G_END_DECLS
