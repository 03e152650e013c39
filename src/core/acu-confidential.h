/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* A household's confidential notes (social situation): anyone identified
 * sees that they exist, by whom and when; only staff and coordinators
 * identified with their password read or write the text. */
typedef struct
{
  gint64  id;
  char   *written_by;
  gint64  written_at;    /* UTC Unix seconds */
} AcuConfidentialNote;

void        acu_confidential_note_free (AcuConfidentialNote *note);

gint64      acu_confidential_add (AcuStore    *store,
                                  gint64       household_id,
                                  const char  *text,
                                  GError     **error);
GPtrArray  *acu_confidential_list (AcuStore  *store,
                                   gint64     household_id,
                                   GError   **error);
GStrv       acu_confidential_read (AcuStore  *store,
                                   gint64     household_id,
                                   GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuConfidentialNote, acu_confidential_note_free)

G_END_DECLS
