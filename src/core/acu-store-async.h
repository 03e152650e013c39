/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-store.h"

G_BEGIN_DECLS

/* Argon2id takes about half a second by design: unlocking and creating run
 * in a worker thread so that the window stays responsive. The store made
 * there is then used on the main thread only. */

void      acu_store_create_async (const char          *path,
                                  const char          *site_name,
                                  const char          *person_name,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
void      acu_store_create_demo_async (const char          *path,
                                       const char          *site_name,
                                       const char          *person_name,
                                       const char          *password,
                                       guint                households,
                                       guint                years,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
AcuStore *acu_store_create_finish (GAsyncResult  *result,
                                   char         **recovery_code,
                                   GError       **error);

void      acu_store_open_async (const char          *path,
                                const char          *person_name,
                                const char          *password,
                                gboolean             is_recovery_code,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
AcuStore *acu_store_open_finish (GAsyncResult  *result,
                                 GError       **error);

/* Reads every page: on its own connection, in a worker thread */
void      acu_store_check_integrity_async (AcuStore            *store,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  acu_store_check_integrity_finish (GAsyncResult  *result,
                                            GError       **error);

/* Identifying with a password at an open desk: Argon2id in a worker
 * thread, the store touched on the main thread only */
void      acu_store_identify_async (AcuStore            *store,
                                    gint64               person_id,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean  acu_store_identify_finish (AcuStore      *store,
                                     GAsyncResult  *result,
                                     GError       **error);

G_END_DECLS
