/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-date"

#include "config.h"

#include <stdio.h>

#include "acu-date.h"

/* Strict "YYYY-MM-DD" with a real day of the calendar */
gboolean
acu_date_parse (const char *text,
                GDate      *date)
{
  unsigned year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  /* Digits only: sscanf's %u would also take a space or a sign */
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
acu_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Today at the desk, in local time */
char *
acu_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
acu_date_add_days (const char *day,
                   int         days)
{
  GDate date;

  if (!acu_date_parse (day, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return acu_date_format (&date);
}

/* ISO text sorts as dates do */
int
acu_date_compare (const char *a,
                  const char *b)
{
  return g_strcmp0 (a, b);
}

/* 1 = Monday ... 7 = Sunday, 0 if @day is not a date */
int
acu_date_get_weekday (const char *day)
{
  GDate date;

  if (!acu_date_parse (day, &date))
    return 0;
  return g_date_get_weekday (&date);
}

/* "25/11/2026", the French way; a year alone stays a year */
char *
acu_date_to_display (const char *day)
{
  if (day == NULL)
    return NULL;
  if (strlen (day) == 10)
    return g_strdup_printf ("%.2s/%.2s/%.4s", day + 8, day + 5, day);
  return g_strdup (day);
}
