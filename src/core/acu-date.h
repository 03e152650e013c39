/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Civil dates are "YYYY-MM-DD" text, as stored */
gboolean  acu_date_parse (const char *text,
                          GDate      *date);
char     *acu_date_format (const GDate *date);
char     *acu_date_today (void);
char     *acu_date_add_days (const char *day,
                             int         days);
int       acu_date_compare (const char *a,
                            const char *b);
int       acu_date_get_weekday (const char *day);
char     *acu_date_to_display (const char *day);

G_END_DECLS
