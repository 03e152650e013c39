/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-ui-util"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-ui-util.h"
#include "acu-visits.h"

/* Shows @toast in the toast overlay that holds @widget (the window's) */
void
acu_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("No toast overlay to show: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

/* gtk_list_box_remove_all () is GTK 4.12 */
void
acu_list_box_clear (GtkListBox *box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, 0)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}

void
acu_widget_show_toast (GtkWidget  *widget,
                       const char *message)
{
  acu_widget_add_toast (widget, adw_toast_new (message));
}

/* What a person types for a date, as stored: "31/12/1980" or "31.12.1980"
 * becomes "1980-12-31", a year stays a year. Anything else is returned
 * as typed, for the core to refuse with its message; NULL when empty. */
char *
acu_date_from_user (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  unsigned day, month, year;
  char sep1, sep2, tail;

  if (*clean == '\0')
    return NULL;
  if (sscanf (clean, "%2u%c%2u%c%4u%c", &day, &sep1, &month, &sep2, &year, &tail) == 5
      && (sep1 == '/' || sep1 == '.' || sep1 == '-') && sep2 == sep1 && year >= 1000)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return g_steal_pointer (&clean);
}

/* "2 adults, 1 child" */
char *
acu_household_summary (GPtrArray  *members,
                       const char *today)
{
  guint adults = 0, children = 0;
  g_autofree char *adults_text = NULL;
  g_autofree char *children_text = NULL;

  for (guint i = 0; i < members->len; i++)
    {
      int age = acu_person_get_age (g_ptr_array_index (members, i), today);

      if (age >= 0 && age < 18)
        children++;
      else
        adults++;
    }
  adults_text = g_strdup_printf (ngettext ("%u adult", "%u adults", adults), adults);
  if (children == 0)
    return g_steal_pointer (&adults_text);
  children_text = g_strdup_printf (ngettext ("%u child", "%u children", children), children);
  /* Translators: "2 adults, 3 children" */
  return g_strdup_printf (_("%s, %s"), adults_text, children_text);
}

/* A row of a visit list: time and who, then reasons, referral, note and
 * who logged it */
GtkWidget *
acu_visit_row_new (gpointer item,
                   gboolean with_day)
{
  AcuVisit *visit = ACU_VISIT (item);
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (acu_visit_get_reasons_label (visit));
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  const char *who = acu_visit_get_person_name (visit);
  g_autofree char *escaped = NULL;

  if (with_day)
    {
      g_autofree char *day = acu_date_to_display (acu_visit_get_day (visit));

      when = g_strdup_printf ("%s %s", day, acu_visit_get_time (visit));
    }
  else
    when = g_strdup (acu_visit_get_time (visit));

  if (who != NULL)
    title = g_strdup_printf ("%s  %s", when, who);
  else
    {
      g_autoptr(GString) details = g_string_new (NULL);

      if (acu_visit_get_anon_gender (visit) != ACU_GENDER_NOT_STATED)
        g_string_append (details, acu_gender_get_label (acu_visit_get_anon_gender (visit)));
      if (acu_visit_get_anon_age (visit) != ACU_AGE_NOT_STATED)
        g_string_append_printf (details, "%s%s", details->len ? ", " : "",
                                acu_age_bracket_get_label (acu_visit_get_anon_age (visit)));
      if (details->len > 0)
        /* Translators: an anonymous visit, with what is known: "Anonymous (woman, 30 to 54 years)" */
        title = g_strdup_printf (_("%s  Anonymous (%s)"), when, details->str);
      else
        title = g_strdup_printf (_("%s  Anonymous"), when);
    }
  if (acu_visit_get_referral_label (visit) != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("referred to"), acu_visit_get_referral_label (visit));
  if (acu_visit_get_logged_by (visit) != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("logged by"), acu_visit_get_logged_by (visit));
  if (acu_visit_get_note (visit) != NULL)
    g_string_append_printf (subtitle, "\n%s", acu_visit_get_note (visit));

  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}
