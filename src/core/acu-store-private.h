/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "acu-store.h"

G_BEGIN_DECLS

/* Statements and transactions (acu-store-sql.c): SQL stays in the core */
sqlite3_stmt *acu_store_prepare (AcuStore    *self,
                                 const char  *sql,
                                 GError     **error);
gboolean      acu_store_exec (AcuStore    *self,
                              const char  *sql,
                              GError     **error);
gboolean      acu_store_step_done (AcuStore      *self,
                                   sqlite3_stmt  *stmt,
                                   GError       **error);
gboolean      acu_store_begin (AcuStore  *self,
                               GError   **error);
gboolean      acu_store_commit (AcuStore  *self,
                                GError   **error);
void          acu_store_rollback (AcuStore *self);


/* For src/core modules and their tests only: the raw connection and the
 * database key. Nothing in src/ui or src/cli includes this header. */
sqlite3         *acu_store_get_db (AcuStore *self);
const AcuSecret *acu_store_peek_database_key (AcuStore *self);
const AcuSecret *acu_store_peek_confidential_key (AcuStore *self);
const char      *acu_store_get_key_path (AcuStore *self);
guint            acu_store_write_slot (AcuStore    *self,
                                       gint64       desk_person_id,
                                       const char  *person_name,
                                       AcuRole      role,
                                       const char  *password,
                                       guint        replace_slot,
                                       const char  *audit_action,
                                       GError     **error);
void             acu_store_set_identity (AcuStore   *self,
                                         gint64      person_id,
                                         const char *name,
                                         AcuRole     role,
                                         guint       slot_id,
                                         AcuSecret  *conf_key);
/* The write names the areas it changed: AcuStore::changed is emitted
 * for them once the outermost transaction commits (acu-area.h) */
void             acu_store_changed (AcuStore *self,
                                    AcuAreas  areas);
void             acu_store_set_sqlite_error (AcuStore  *self,
                                             GError   **error);

G_END_DECLS
