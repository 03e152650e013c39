/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>

#include "acu-store.h"

G_BEGIN_DECLS

/* Listens to a store's AcuStore::changed, once per area with the area's
 * detail ("changed::visits"), so that every area suite proves that each
 * core write tells the pages what it changed, and nothing more. */
typedef struct _AcuChangeLog AcuChangeLog;

AcuChangeLog *acu_change_log_new (AcuStore *store);
void          acu_change_log_free (AcuChangeLog *log);
/* The areas told since the last call, then forgets them; *@problem says
 * what was wrong (an area told without its detail, or twice), or NULL */
AcuAreas      acu_change_log_take (AcuChangeLog  *log,
                                   char         **problem);
/* "visits|audit", for messages */
char         *acu_change_log_describe (AcuAreas areas);

#define ACU_ASSERT_CHANGES(log, expected)                                   \
  G_STMT_START {                                                            \
    g_autofree char *acu_problem_ = NULL;                                   \
    AcuAreas acu_got_ = acu_change_log_take ((log), &acu_problem_);         \
    AcuAreas acu_want_ = (expected);                                        \
    g_autofree char *acu_got_text_ = acu_change_log_describe (acu_got_);    \
    g_autofree char *acu_want_text_ = acu_change_log_describe (acu_want_);  \
    ck_assert_msg (acu_problem_ == NULL, "changed: %s", acu_problem_);      \
    ck_assert_msg (acu_got_ == acu_want_, "changed: expected %s, got %s",   \
                   acu_want_text_, acu_got_text_);                          \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuChangeLog, acu_change_log_free)

G_END_DECLS
