/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-ui-util"

#include "config.h"

#include <stdio.h>
#include <string.h>
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

/* What a person types for an amount, as an integer in units of
 * 10^-@decimals: "1,5" or "1.5" kg with 3 decimals is 1500 g, "2,50" €
 * with 2 decimals is 250 cents. Spaces, and a unit "kg" or "€" after the
 * number, are left out; a minus sign is kept, for the caller to refuse
 * with its own message. FALSE when it is not such a number (letters, more
 * decimals than the unit has, empty). No floating point on the way. */
gboolean
acu_decimal_from_user (const char *text,
                       guint       decimals,
                       gint64     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean negative = FALSE, seen_digit = FALSE, in_fraction = FALSE;
  guint fraction = 0;
  gint64 result = 0;
  const char *p;

  g_return_val_if_fail (decimals <= 6, FALSE);
  *value = 0;
  /* without spaces of any kind, nor the unit */
  for (p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (clean, g_utf8_get_char (p));
  if (g_str_has_suffix (clean->str, "kg"))
    g_string_truncate (clean, clean->len - 2);
  else if (g_str_has_suffix (clean->str, "€"))
    g_string_truncate (clean, clean->len - strlen ("€"));

  p = clean->str;
  if (g_str_has_prefix (p, "-"))
    p += 1, negative = TRUE;
  else if (g_str_has_prefix (p, "−"))
    p += strlen ("−"), negative = TRUE;
  for (; *p != '\0'; p++)
    {
      if ((*p == ',' || *p == '.') && !in_fraction)
        {
          in_fraction = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (in_fraction && ++fraction > decimals)
        return FALSE;
      /* a thousand tonnes or euros is far past any bound a caller checks */
      if (result > G_MAXINT64 / 100)
        return FALSE;
      result = result * 10 + (*p - '0');
      seen_digit = TRUE;
    }
  if (!seen_digit)
    return FALSE;
  for (; fraction < decimals; fraction++)
    result *= 10;
  *value = negative ? -result : result;
  return TRUE;
}

/* @value in units of 10^-@decimals as the desk writes it: "2,50"; with
 * @trim, no zeros after the last digit that counts ("1,5", "2") */
char *
acu_decimal_to_user (gint64   value,
                     guint    decimals,
                     gboolean trim)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  guint64 scale = 1;
  GString *text = g_string_new (value < 0 ? "−" : "");
  g_autofree char *fraction = NULL;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  g_string_append_printf (text, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (decimals == 0)
    return g_string_free (text, FALSE);
  fraction = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % scale);
  if (trim)
    {
      gsize len = strlen (fraction);

      while (len > 0 && fraction[len - 1] == '0')
        fraction[--len] = '\0';
    }
  if (*fraction != '\0')
    g_string_append_printf (text, ",%s", fraction);
  return g_string_free (text, FALSE);
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

/* Lists declared in .ui files (GtkBuilderListItemFactory) bind their rows
 * to the records' properties with <lookup>; what needs words or a format
 * goes through these closures. A page makes them callable from its .ui
 * with acu_list_rows_bind_callbacks(). The first argument is the
 * expression's "this" (the GtkListItem in a row), the last the closure's
 * data: neither is used. */

static char *
visit_title (const char    *when,
             const char    *who,
             AcuGender      anon_gender,
             AcuAgeBracket  anon_age)
{
  g_autoptr(GString) details = NULL;

  if (who != NULL)
    return g_strdup_printf ("%s  %s", when, who);
  details = g_string_new (NULL);
  if (anon_gender != ACU_GENDER_NOT_STATED)
    g_string_append (details, acu_gender_get_label (anon_gender));
  if (anon_age != ACU_AGE_NOT_STATED)
    g_string_append_printf (details, "%s%s", details->len ? ", " : "", acu_age_bracket_get_label (anon_age));
  if (details->len > 0)
    /* Translators: an anonymous visit, with what is known: "Anonymous (woman, 30 to 54 years)" */
    return g_strdup_printf (_("%s  Anonymous (%s)"), when, details->str);
  return g_strdup_printf (_("%s  Anonymous"), when);
}

/* "10:15  Jean DUPUIS", "10:20  Anonymous (Woman)" */
static char *
acu_visit_title_cb (gpointer    owner,
                    const char *time,
                    const char *person_name,
                    int         anon_gender,
                    int         anon_age,
                    gpointer    user_data)
{
  return visit_title (time ? time : "", person_name, anon_gender, anon_age);
}

/* "04/03/2025 10:15  Jean DUPUIS" */
static char *
acu_visit_dated_title_cb (gpointer    owner,
                          const char *day,
                          const char *time,
                          const char *person_name,
                          int         anon_gender,
                          int         anon_age,
                          gpointer    user_data)
{
  g_autofree char *display = acu_date_to_display (day);
  g_autofree char *when = g_strdup_printf ("%s %s", display ? display : "", time ? time : "");

  return visit_title (when, person_name, anon_gender, anon_age);
}

/* Reasons, referral and who logged it; the note on its own line */
static char *
acu_visit_subtitle_cb (gpointer    owner,
                       const char *reasons_label,
                       const char *referral_label,
                       const char *logged_by,
                       const char *note,
                       gpointer    user_data)
{
  GString *subtitle = g_string_new (reasons_label);

  if (referral_label != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("referred to"), referral_label);
  if (logged_by != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("logged by"), logged_by);
  if (note != NULL)
    g_string_append_printf (subtitle, "\n%s", note);
  return g_string_free (subtitle, FALSE);
}

/* A list's placeholder shows while it has no items */
static gboolean
acu_is_zero_cb (gpointer owner,
                guint    n,
                gpointer user_data)
{
  return n == 0;
}

/* GtkActionable:action-target is a GVariant, which a <lookup> of an int64
 * property cannot fill: a row's button takes its record's id through this */
static GVariant *
acu_int64_variant_cb (gpointer owner,
                      gint64   value,
                      gpointer user_data)
{
  return g_variant_ref_sink (g_variant_new_int64 (value));
}

static GtkWidget *
find_label (GtkWidget *widget,
            GtkWidget *after)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && child != after)
        return child;
      if ((found = find_label (child, after)) != NULL)
        return found;
    }
  return NULL;
}

/* A row's content (the GtkListItem's child), on "realize": the row that
 * holds it (GTK's list item widget) is named by the content's first label
 * and described by the second, as AdwActionRow does with its title and
 * subtitle. GTK 4.8 has no GtkListItem:accessible-label (4.12) and names
 * a row by nothing else. ("realize", as the content is given its row
 * before the factory's builder connects its signals.) */
static void
acu_row_content_realize_cb (GtkWidget *content,
                            gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_parent (content);
  GtkWidget *title, *subtitle;

  if (row == NULL)
    return;
  title = GTK_IS_LABEL (content) ? content : find_label (content, NULL);
  subtitle = title ? find_label (content, title) : NULL;
  if (title != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  if (subtitle != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL, -1);
}

/* The items of @row's list of strings (a GtkStringList), the one shown
 * in the row and those of its popover, each named after its text for
 * screen readers (acu_row_content_realize_cb): AdwComboRow's own have no
 * name in GTK 4.8 */
void
acu_combo_row_name_rows (AdwComboRow *row)
{
  static const char ui[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<signal name=\"realize\" handler=\"acu_row_content_realize_cb\"/>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>";
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (ui, sizeof ui - 1);

  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "acu_row_content_realize_cb",
                                          G_CALLBACK (acu_row_content_realize_cb));
  factory = gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
  /* the item shown in the row, and those of the popover */
  adw_combo_row_set_factory (row, factory);
}

void
acu_list_rows_bind_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, acu_visit_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, acu_visit_dated_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, acu_visit_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, acu_is_zero_cb);
  gtk_widget_class_bind_template_callback (widget_class, acu_int64_variant_cb);
  gtk_widget_class_bind_template_callback (widget_class, acu_row_content_realize_cb);
}
