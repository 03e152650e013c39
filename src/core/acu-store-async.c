/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-demo.h"
#include "acu-desk-people.h"
#include "acu-store-async.h"

typedef struct
{
  char     *path;
  char     *site_name;
  char     *person_name;
  char     *secret;
  gboolean  is_recovery_code;
  char     *recovery_code;
  guint     demo_households;  /* 0: no demo data */
  guint     demo_years;
} StoreTaskData;

static void
store_task_data_free (gpointer data)
{
  StoreTaskData *d = data;

  g_free (d->path);
  g_free (d->site_name);
  g_free (d->person_name);
  if (d->secret != NULL)
    sodium_memzero (d->secret, strlen (d->secret));
  g_free (d->secret);
  g_free (d->recovery_code);
  g_free (d);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  StoreTaskData *d = task_data;
  GError *error = NULL;
  AcuStore *store;

  store = acu_store_create (d->path, d->site_name, d->person_name, d->secret,
                            &d->recovery_code, &error);
  if (store != NULL && d->demo_households > 0)
    {
      AcuDemoOptions options = { d->demo_households, d->demo_years, 1, NULL };

      if (!acu_demo_fill (store, &options, NULL, NULL, cancellable, &error))
        {
          g_autofree char *key_path = acu_key_file_path_for (d->path);
          const char *suffixes[] = { "", "-wal", "-shm" };

          /* A half-filled demo is no use: start again next time */
          acu_store_close (store);
          g_clear_object (&store);
          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (d->path, suffixes[i], NULL);

              g_unlink (file);
            }
          g_unlink (key_path);
        }
    }
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Creates a database and, with @households > 0, fills it with demo data
 * (acu_demo_fill), in a worker thread */
void
acu_store_create_demo_async (const char          *path,
                             const char          *site_name,
                             const char          *person_name,
                             const char          *password,
                             guint                households,
                             guint                years,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  StoreTaskData *d = g_new0 (StoreTaskData, 1);

  d->path = g_strdup (path);
  d->site_name = g_strdup (site_name);
  d->person_name = g_strdup (person_name);
  d->secret = g_strdup (password);
  d->demo_households = households;
  d->demo_years = years;
  g_task_set_task_data (task, d, store_task_data_free);
  g_task_set_source_tag (task, acu_store_create_async);
  g_task_run_in_thread (task, create_thread);
}

void
acu_store_create_async (const char          *path,
                        const char          *site_name,
                        const char          *person_name,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  acu_store_create_demo_async (path, site_name, person_name, password, 0, 0,
                               cancellable, callback, user_data);
}

AcuStore *
acu_store_create_finish (GAsyncResult  *result,
                         char         **recovery_code,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  AcuStore *store = g_task_propagate_pointer (task, error);

  if (store != NULL && recovery_code != NULL)
    {
      StoreTaskData *d = g_task_get_task_data (task);

      *recovery_code = g_steal_pointer (&d->recovery_code);
    }
  return store;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StoreTaskData *d = task_data;
  GError *error = NULL;
  AcuStore *store;

  if (d->is_recovery_code)
    store = acu_store_open_with_recovery_code (d->path, d->secret, &error);
  else
    store = acu_store_open (d->path, d->person_name, d->secret, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
acu_store_open_async (const char          *path,
                      const char          *person_name,
                      const char          *password,
                      gboolean             is_recovery_code,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  StoreTaskData *d = g_new0 (StoreTaskData, 1);

  d->path = g_strdup (path);
  d->person_name = g_strdup (person_name);
  d->secret = g_strdup (password);
  d->is_recovery_code = is_recovery_code;
  g_task_set_task_data (task, d, store_task_data_free);
  g_task_set_source_tag (task, acu_store_open_async);
  g_task_run_in_thread (task, open_thread);
}

AcuStore *
acu_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (acu_integrity_check_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
acu_store_check_integrity_async (AcuStore            *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, acu_store_new_integrity_check (store),
                        (GDestroyNotify) acu_integrity_check_free);
  g_task_set_source_tag (task, acu_store_check_integrity_async);
  g_task_run_in_thread (task, check_thread);
}

gboolean
acu_store_check_integrity_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  AcuIdentityCheck *check;
  char             *password;
} IdentifyData;

static void
identify_data_free (gpointer data)
{
  IdentifyData *d = data;

  acu_identity_check_free (d->check);
  if (d->password != NULL)
    sodium_memzero (d->password, strlen (d->password));
  g_free (d->password);
  g_free (d);
}

static void
identify_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  IdentifyData *d = task_data;
  GError *error = NULL;

  if (acu_identity_check_run (d->check, d->password, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
acu_store_identify_async (AcuStore            *store,
                          gint64               person_id,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  IdentifyData *d;
  AcuIdentityCheck *check = acu_store_new_identity_check (store, person_id, &error);

  g_task_set_source_tag (task, acu_store_identify_async);
  if (check == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  d = g_new0 (IdentifyData, 1);
  d->check = check;
  d->password = g_strdup (password);
  g_task_set_task_data (task, d, identify_data_free);
  g_task_run_in_thread (task, identify_thread);
}

/* On the main thread: the keys are this database's, the person is now
 * identified */
gboolean
acu_store_identify_finish (AcuStore      *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  GTask *task = G_TASK (result);
  IdentifyData *d = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  return acu_store_apply_identity_check (store, d->check, error);
}
