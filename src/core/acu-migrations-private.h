/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* For acu-store.c and the tests only: the schema's history.
 *
 * A schema version is an SQL file of src/core/migrations/, a step in C, or
 * both (the SQL first), applied in one BEGIN IMMEDIATE transaction that
 * also sets PRAGMA user_version: a failed version leaves the previous
 * one. A step runs on the store's read-write connection, inside that
 * transaction; it reads and writes with acu_store_prepare/exec and sets
 * @error when it fails. */
typedef gboolean (*AcuMigrationStep) (AcuStore  *store,
                                      GError   **error);

int          acu_migrations_get_latest_version (void);

/* Applies every version newer than the database's user_version, in order */
gboolean     acu_migrations_run (AcuStore  *store,
                                 GError   **error);

/* The SQL file of @version ("0002-reception.sql") and its bytes as the
 * program carries them, or NULL when the version has none */
const char  *acu_migrations_get_sql_name (int version);
GBytes      *acu_migrations_lookup_sql (int       version,
                                        GError  **error);

/* Tests and the fixture generator only: migrate no further than @version
 * (0: no limit) */
void         acu_migrations_set_limit_for_tests (int version);
/* Tests only: one more step in C after those of @version; a version one
 * past the latest becomes a new version made of this step alone. NULL
 * removes it. */
void         acu_migrations_set_extra_step_for_tests (int               version,
                                                      AcuMigrationStep  step);

G_END_DECLS
