/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint        households;
  guint        years;
  guint32      seed;
  const char  *until;       /* last day of the data, "YYYY-MM-DD"; NULL: today */
} AcuDemoOptions;

/* @fraction from 0 to 1; called from the thread that fills */
typedef void (*AcuDemoProgress) (double   fraction,
                                 gpointer user_data);

gboolean acu_demo_fill (AcuStore              *store,
                        const AcuDemoOptions  *options,
                        AcuDemoProgress        progress,
                        gpointer               user_data,
                        GCancellable          *cancellable,
                        GError               **error);

G_END_DECLS
