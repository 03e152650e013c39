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

/* A message next to the field it is about. In a form of boxed lists
 * (AdwPreferencesGroup), the message is a row of its own inserted just
 * under the field's row; the field takes the "error" class and is
 * described by the message for screen readers. A form keeps one error
 * row (acu_field_error_new, a reference it owns) and moves it. */
GtkWidget *
acu_field_error_new (void)
{
  /* an AdwPreferencesRow, as the groups' lists want theirs */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (row, "field-error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return g_object_ref_sink (row);
}

void
acu_field_error_hide (GtkWidget *error_row)
{
  GtkWidget *parent = gtk_widget_get_parent (error_row);
  GtkWidget *field = g_object_get_data (G_OBJECT (error_row), "field");

  if (field != NULL)
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      g_object_set_data (G_OBJECT (error_row), "field", NULL);
    }
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), error_row);
}

void
acu_field_error_show (GtkWidget  *error_row,
                      GtkWidget  *field,
                      const char *message)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  GtkWidget *list = gtk_widget_get_parent (field);

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (field) && GTK_IS_LIST_BOX (list));

  acu_field_error_hide (error_row);
  gtk_label_set_label (GTK_LABEL (label), message);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_row), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_list_box_insert (GTK_LIST_BOX (list), error_row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  g_object_set_data_full (G_OBJECT (error_row), "field", g_object_ref (field), g_object_unref);
}

/* The message shown, or NULL when the row is not in a form */
const char *
acu_field_error_get_message (GtkWidget *error_row)
{
  if (gtk_widget_get_parent (error_row) == NULL)
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))));
}

/* What a person types for an amount, as an integer in units of
 * 10^-@decimals: "1 250,5" with 2 decimals is 125050 (euros to cents),
 * "12,5" with 3 decimals 12500 (kilograms to grams), "20" with 2 is 2000
 * (a percentage to basis points). A comma or a dot before the decimals,
 * spaces between thousands, a trailing "€", "kg" or "%" are accepted.
 * FALSE for anything else: a sign, letters, more decimals than asked,
 * more than 12 digits. Empty text is FALSE too, with *value = -1. */
gboolean
acu_decimal_from_user (const char *text,
                       guint       decimals,
                       gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  const char *p = clean;
  gssize separator = -1;
  gint64 result = 0;

  *value = -1;
  if (*clean == '\0')
    return FALSE;
  for (const char *suffix[] = { "€", "kg", "%", NULL }, **s = suffix; *s != NULL; s++)
    if (g_str_has_suffix (clean, *s))
      {
        clean[strlen (clean) - strlen (*s)] = '\0';
        g_strchomp (clean);
        break;
      }
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if ((c == ',' || c == '.') && separator < 0 && digits->len > 0)
        separator = digits->len;
      else if (!(c == ' ' || c == 0x00a0 || c == 0x202f) || separator >= 0)
        return FALSE;
    }
  if (digits->len == 0 || digits->len > 12 || (separator >= 0 && (gsize) separator == digits->len)
      || (separator >= 0 && digits->len - separator > decimals))
    return FALSE;
  for (gsize i = 0; i < digits->len; i++)
    result = result * 10 + (digits->str[i] - '0');
  for (gsize i = separator >= 0 ? digits->len - separator : 0; i < decimals; i++)
    result *= 10;
  *value = result;
  return TRUE;
}

/* The other way, for a field to edit, with at least @min_decimals:
 * 125000 with 2 decimals, 2 at least, is "1250,00" (money); 12500 with
 * 3 decimals, 0 at least, "12,5" (kilograms); 2000 with 2, 0 at least,
 * "20" (a percentage) */
char *
acu_decimal_to_user (gint64 value,
                     guint  decimals,
                     guint  min_decimals)
{
  g_autofree char *fraction = NULL;
  gint64 scale = 1;
  gsize len;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  fraction = g_strdup_printf ("%0*" G_GINT64_FORMAT, (int) decimals, ABS (value) % scale);
  len = strlen (fraction);
  while (len > min_decimals && fraction[len - 1] == '0')
    fraction[--len] = '\0';
  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%s", value < 0 ? "−" : "", ABS (value) / scale,
                          len > 0 ? "," : "", fraction);
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

GtkPrintOperation *
acu_print_operation_new (const char *job_name,
                         guint       n_pages)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, n_pages);
  gtk_print_operation_set_job_name (operation, job_name);
  return operation;
}
