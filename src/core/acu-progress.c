/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-progress"

#include "config.h"

#include "acu-progress.h"

struct _AcuProgress
{
  gint permille;
};

AcuProgress *
acu_progress_new (void)
{
  return g_atomic_rc_box_new0 (AcuProgress);
}

AcuProgress *
acu_progress_ref (AcuProgress *progress)
{
  return g_atomic_rc_box_acquire (progress);
}

void
acu_progress_unref (AcuProgress *progress)
{
  g_atomic_rc_box_release (progress);
}

void
acu_progress_set_fraction (AcuProgress *progress,
                           double       fraction)
{
  g_atomic_int_set (&progress->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

double
acu_progress_get_fraction (AcuProgress *progress)
{
  return g_atomic_int_get (&progress->permille) / 1000.0;
}
