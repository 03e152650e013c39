/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far long work in a worker thread has gone (a report, later an
 * import or a backup): the thread sets it, the window reads it on a
 * timer. Reference-counted and atomic, so neither side outlives the
 * other's memory and no widget crosses threads. */
typedef struct _AcuProgress AcuProgress;

AcuProgress *acu_progress_new          (void);
AcuProgress *acu_progress_ref          (AcuProgress *progress);
void         acu_progress_unref        (AcuProgress *progress);
void         acu_progress_set_fraction (AcuProgress *progress,
                                        double       fraction);
double       acu_progress_get_fraction (AcuProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuProgress, acu_progress_unref)

G_END_DECLS
