/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "acu-store-private.h"

G_BEGIN_DECLS

/* AcuStore is one class over several files, by concern (as
 * gnome-text-editor's window): acu-store.c (opening, creating, closing,
 * the reader), acu-store-sql.c (statements, transactions, change
 * notifications), acu-store-identity.c (who is at the desk, roles),
 * acu-store-slots.c (key slots), acu-store-integrity.c, and
 * acu-store-async.c (the same work in worker threads). Only those files
 * include this header. */

struct _AcuStore
{
  GObject      parent_instance;

  char        *path;
  char        *key_path;
  sqlite3     *db;
  GHashTable  *statements;   /* sql → sqlite3_stmt */
  guint        transaction_depth;
  GArray      *changes;      /* AcuAreas written, one entry per open transaction level */

  AcuKeyFile  *key_file;
  AcuSecret   *db_key;
  AcuSecret   *conf_key;     /* NULL unless the slot holds it */
  guint        slot_id;
  AcuSlotKind  slot_kind;

  /* Who is identified at the desk: at first the person who opened it;
   * then whoever identifies with a PIN or a password. slot_id, slot_kind
   * and conf_key follow that person (a volunteer has neither slot nor
   * confidential key); db_key stays while the database is open. */
  gboolean     identified;
  char        *person_name;
  gint64       person_id;    /* desk_person.id; 0 with the recovery code */
  AcuRole      role;
  char        *site_name;
  char        *created_by;
  gint64       created;
  int          schema_version;
};

sqlite3 *acu_store_open_keyed           (const char       *path,
                                         const AcuSecret  *db_key,
                                         int               flags,
                                         GError          **error);
void     acu_store_set_sqlite_open_error (const char  *path,
                                          sqlite3     *db,
                                          int          rc,
                                          GError     **error);
void     acu_store_set_unreadable_error (const char  *path,
                                         GError     **error);
/* Trimmed and NFC, or NULL when empty: names of the site and of people */
char    *acu_store_normalize_name       (const char *text);
void     acu_store_emit_area            (AcuStore *self,
                                         AcuAreas  area);

G_END_DECLS
