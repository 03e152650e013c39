/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "acu-test-changes.h"

struct _AcuChangeLog
{
  AcuStore *store;
  AcuAreas  areas;       /* told under their detail */
  guint     told;        /* emissions of "changed", with or without detail */
  guint     detailed;    /* emissions seen by a detailed handler */
  gboolean  twice;       /* an area told twice since the last take */
};

static void
any_changed_cb (AcuStore     *store,
                AcuAreas      area,
                AcuChangeLog *log)
{
  log->told++;
}

/* Connected once per area, with the area's nick as detail */
static void
area_changed_cb (AcuStore     *store,
                 AcuAreas      area,
                 AcuChangeLog *log)
{
  log->detailed++;
  if (log->areas & area)
    log->twice = TRUE;
  log->areas |= area;
}

AcuChangeLog *
acu_change_log_new (AcuStore *store)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (ACU_TYPE_AREAS);
  AcuChangeLog *log = g_new0 (AcuChangeLog, 1);

  log->store = g_object_ref (store);
  g_signal_connect (store, "changed", G_CALLBACK (any_changed_cb), log);
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *signal = NULL;

      if (klass->values[i].value == ACU_AREA_NONE)
        continue;
      /* The detail must name the area the signal carries */
      signal = g_strdup_printf ("changed::%s", klass->values[i].value_nick);
      g_signal_connect_data (store, signal, G_CALLBACK (area_changed_cb), log, NULL, 0);
    }
  return log;
}

void
acu_change_log_free (AcuChangeLog *log)
{
  if (log == NULL)
    return;
  g_signal_handlers_disconnect_by_data (log->store, log);
  g_object_unref (log->store);
  g_free (log);
}

AcuAreas
acu_change_log_take (AcuChangeLog  *log,
                     char         **problem)
{
  AcuAreas areas = log->areas;

  *problem = NULL;
  if (log->told != log->detailed)
    *problem = g_strdup_printf ("%u emissions of AcuStore::changed, %u of them under their area's detail",
                                log->told, log->detailed);
  else if (log->twice)
    *problem = g_strdup ("an area was told twice for one write");
  log->areas = ACU_AREA_NONE;
  log->told = log->detailed = 0;
  log->twice = FALSE;
  return areas;
}

char *
acu_change_log_describe (AcuAreas areas)
{
  if (areas == ACU_AREA_NONE)
    return g_strdup ("nothing");
  return g_flags_to_string (ACU_TYPE_AREAS, areas);
}
