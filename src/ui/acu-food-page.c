/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-page"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-fit-list.h"
#include "acu-food.h"
#include "acu-food-page.h"
#include "acu-food-serve-dialog.h"
#include "acu-report-document.h"
#include "acu-ui-util.h"

/* Food aid: the distribution days of the coming weeks (weekly rules and
 * one-off days, closed ones too); the day chosen shows the households
 * expected, a page at a time, the served ones marked, with Serve for
 * today's; how many are expected and served; its sign-in sheet printed
 * or saved as PDF from the report drawing. Staff add a weekly
 * distribution or a one-off day, and close a day. */

#define WEEKS_SHOWN   6
#define EXPECTED_PAGE 50
#define SHEET_PAGE    500

struct _AcuFoodPage
{
  AcuPage            parent_instance;

  GtkListBox        *days_list;
  GtkWidget         *staff_box;
  GtkStack          *detail_stack;
  GtkLabel          *day_title;
  GtkLabel          *day_subtitle;
  GtkLabel          *expected_count;
  GtkLabel          *served_count;
  GtkButton         *close_button;
  GtkWidget         *serve_hint;
  GtkListView       *expected_view;
  GListStore        *expected;        /* AcuFoodExpected, the pages shown */
  GtkWidget         *more_button;

  GArray            *days;            /* AcuFoodDay, as the list shows them */
  AcuFoodDay         chosen;          /* day[0] == '\0': none */
  guint              shown;
  gboolean           stale;           /* changed while hidden: read again when shown */
  char               loaded_on[11];   /* the day the list of days starts from */
  GtkPrintOperation *printing;        /* while the print dialog is open */
  AcuReportDocument *sheet;           /* the sheet being printed */
};

G_DEFINE_FINAL_TYPE (AcuFoodPage, acu_food_page, ACU_TYPE_PAGE)

/* Helpers */

static gboolean
is_staff (AcuFoodPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));

  return store != NULL && acu_store_is_identified (store) && acu_store_get_role (store) >= ACU_ROLE_STAFF;
}

static gboolean
has_day (AcuFoodPage *self)
{
  return self->chosen.day[0] != '\0';
}

static gboolean
is_today (const char *day)
{
  g_autofree char *today = acu_date_today ();

  return g_strcmp0 (day, today) == 0;
}

static char *
capitalized (const char *text)
{
  const char *rest;
  g_autofree char *first = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  return g_strconcat (first, rest, NULL);
}

/* @day in words, by @format (a strftime format, translated) */
static char *
day_in_words (const char *day,
              const char *format)
{
  GDate date;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *text = NULL;

  if (!acu_date_parse (day, &date))
    return g_strdup (day);
  at = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  text = g_date_time_format (at, format);
  return capitalized (text);
}

/* "Parcel · 14:00–17:00" */
static char *
day_details (const AcuFoodDay *day)
{
  /* Translators: a distribution: its kind, then its hours "14:00–17:00" */
  return g_strdup_printf (_("%s · %s–%s"), acu_food_mode_get_label (day->mode), day->start_time, day->end_time);
}

static void
set_count (GtkLabel *label,
           guint     value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  gtk_label_set_label (label, text);
}

/* "14:00", "14h30", "9" as "HH:MM"; anything else as typed, for the core
 * to refuse with its message */
static char *
time_from_user (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  unsigned hours, minutes = 0;
  char sep, tail;
  int n = sscanf (clean, "%2u%c%2u%c", &hours, &sep, &minutes, &tail);

  if ((n == 1 || (n == 2 && (sep == 'h' || sep == 'H'))
       || (n == 3 && (sep == ':' || sep == 'h' || sep == 'H' || sep == '.')))
      && hours < 24 && minutes < 60)
    return g_strdup_printf ("%02u:%02u", hours, minutes);
  return g_steal_pointer (&clean);
}

/* The rows' words (acu-food-expected-row.ui) */

/* "Household no. 12 · 3 persons · until 31/03/2027 · served 0 of 1" */
static char *
food_expected_details_cb (GtkListItem *item,
                          gint64       household_id,
                          guint        persons,
                          const char  *end_day,
                          guint        served,
                          guint        times,
                          gpointer     user_data)
{
  g_autofree char *until = acu_date_to_display (end_day);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Household no. %lld"), (long long) household_id);
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%u person", "%u persons", persons), persons);
  if (until != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: until when the household's access is valid */
      g_string_append_printf (text, _("until %s"), until);
    }
  g_string_append (text, " · ");
  /* Translators: how often the household was served in its period, of how often it may be */
  g_string_append_printf (text, _("served %u of %u"), served, times);
  return g_string_free (text, FALSE);
}

static gboolean
food_not_cb (GtkListItem *item,
             gboolean     value,
             gpointer     user_data)
{
  return !value;
}

/* The day chosen */

static void
update_actions (AcuFoodPage *self)
{
  gboolean day = has_day (self);
  gboolean staff = is_staff (self);

  gtk_widget_set_visible (self->staff_box, staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.add-rule", staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.add-day", staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.close-day", staff && day);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.print", day && !self->chosen.closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.save-pdf", day && !self->chosen.closed);
  /* households are served on the day itself: a day to come says so */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "food.serve",
                                 day && !self->chosen.closed && is_today (self->chosen.day));
  gtk_widget_set_visible (self->serve_hint, day && !self->chosen.closed && !is_today (self->chosen.day));
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), staff && day);
  gtk_button_set_label (self->close_button, self->chosen.closed ? _("Open This Day _Again")
                                                                : _("_Close This Day…"));
}

/* How many of the day's households were served that day: those of
 * @rows (the page just read, from @offset), and of the other pages */
static guint
count_served (AcuFoodPage *self,
              GPtrArray   *rows,
              guint        offset,
              guint        limit)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  guint served = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->expected));

  /* the pages shown, then the rest, read without being shown */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcuFoodExpected) expected = g_list_model_get_item (G_LIST_MODEL (self->expected), i);

      served += acu_food_expected_get_served_today (expected);
    }
  if (rows->len < limit)
    return served;
  for (guint from = n;; from += SHEET_PAGE)
    {
      g_autoptr(GPtrArray) page = acu_food_day_expected (store, self->chosen.day, self->chosen.mode, from,
                                                         SHEET_PAGE, NULL);

      for (guint i = 0; page != NULL && i < page->len; i++)
        served += acu_food_expected_get_served_today (g_ptr_array_index (page, i));
      if (page == NULL || page->len < SHEET_PAGE)
        return served;
    }
}

/* Reads the households expected again, as many as shown (a page at
 * least), or @append the next page */
static void
load_expected (AcuFoodPage *self,
               gboolean     append)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint offset = append ? self->shown : 0;
  guint limit = append ? EXPECTED_PAGE : MAX (self->shown, EXPECTED_PAGE);
  guint expected = 0, served = 0;

  if (!append)
    {
      g_list_store_remove_all (self->expected);
      self->shown = 0;
    }
  if (store == NULL || !has_day (self) || self->chosen.closed)
    {
      gtk_widget_set_visible (self->more_button, FALSE);
      set_count (self->expected_count, 0);
      set_count (self->served_count, 0);
      return;
    }
  rows = acu_food_day_expected (store, self->chosen.day, self->chosen.mode, offset, limit, &error);
  if (rows == NULL)
    {
      acu_page_show_toast (ACU_PAGE (self), error->message);
      return;
    }
  g_list_store_splice (self->expected, offset, 0, rows->pdata, rows->len);
  self->shown = offset + rows->len;
  gtk_widget_set_visible (self->more_button, rows->len == limit);

  expected = acu_food_day_count_expected (store, self->chosen.day, self->chosen.mode, NULL);
  served = count_served (self, rows, offset, limit);
  set_count (self->expected_count, expected);
  set_count (self->served_count, served);
}

static void
show_day (AcuFoodPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *subtitle = NULL;

  update_actions (self);
  if (!has_day (self))
    {
      g_list_store_remove_all (self->expected);
      self->shown = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  /* Translators: a distribution day as a heading, a strftime format: "Tuesday 14 January 2027" */
  title = day_in_words (self->chosen.day, _("%A %-d %B %Y"));
  details = day_details (&self->chosen);
  if (self->chosen.closed)
    /* Translators: a distribution day closed: its kind and hours, then "closed" */
    subtitle = g_strdup_printf (_("%s · closed"), details);
  else if (is_today (self->chosen.day))
    /* Translators: today's distribution: its kind and hours, then "today" */
    subtitle = g_strdup_printf (_("%s · today"), details);
  else
    subtitle = g_steal_pointer (&details);
  gtk_label_set_label (self->day_title, title);
  gtk_label_set_label (self->day_subtitle, subtitle);
  load_expected (self, FALSE);
  gtk_stack_set_visible_child_name (self->detail_stack, "day");
}

static void
more_clicked_cb (AcuFoodPage *self)
{
  load_expected (self, TRUE);
}

/* The days */

static GtkWidget *
day_row_new (const AcuFoodDay *day)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* Translators: a distribution day in the list, a strftime format: "Tuesday 14/01" */
  g_autofree char *date = day_in_words (day->day, _("%A %d/%m"));
  g_autofree char *details = day_details (day);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *label;

  if (is_today (day->day))
    /* Translators: today's distribution in the list of days: "Today · Tuesday 14/01" */
    title = g_strdup_printf (_("Today · %s"), date);
  else
    title = g_steal_pointer (&date);
  if (day->closed)
    subtitle = g_strdup_printf (_("%s · closed"), details);
  else
    subtitle = g_steal_pointer (&details);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  if (day->closed)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* named by its words, as a screen reader says the row */
  {
    g_autofree char *name = g_strdup_printf ("%s, %s", title, subtitle);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  return row;
}

/* Reads the days of the coming weeks again; the day chosen stays chosen
 * if it is still there, else @prefer (a day), else the first */
static void
reload_days (AcuFoodPage *self,
             const char  *prefer)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *today = acu_date_today ();
  g_autofree char *until = acu_date_add_days (today, WEEKS_SHOWN * 7 - 1);
  g_autoptr(GError) error = NULL;
  AcuFoodDay previous = self->chosen;
  int select = -1;

  g_strlcpy (self->loaded_on, today, sizeof self->loaded_on);
  g_signal_handlers_block_matched (self->days_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  acu_list_box_clear (self->days_list);
  g_clear_pointer (&self->days, g_array_unref);
  if (store != NULL && acu_store_is_identified (store))
    {
      self->days = acu_food_day_list (store, today, until, &error);
      if (self->days == NULL)
        acu_page_show_toast (ACU_PAGE (self), error->message);
    }
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      AcuFoodDay *day = &g_array_index (self->days, AcuFoodDay, i);

      gtk_list_box_append (self->days_list, day_row_new (day));
      if (prefer != NULL && select < 0 && g_str_equal (day->day, prefer))
        select = i;
      if (prefer == NULL && select < 0 && g_str_equal (day->day, previous.day) && day->mode == previous.mode)
        select = i;
    }
  if (select < 0 && self->days != NULL && self->days->len > 0)
    select = 0;
  memset (&self->chosen, 0, sizeof self->chosen);
  if (select >= 0)
    {
      self->chosen = g_array_index (self->days, AcuFoodDay, select);
      gtk_list_box_select_row (self->days_list, gtk_list_box_get_row_at_index (self->days_list, select));
    }
  g_signal_handlers_unblock_matched (self->days_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  /* the same day again keeps the pages of households shown */
  if (!g_str_equal (previous.day, self->chosen.day) || previous.mode != self->chosen.mode)
    self->shown = 0;
  show_day (self);
}

static void
day_selected_cb (AcuFoodPage   *self,
                 GtkListBoxRow *row)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || self->days == NULL || (guint) index >= self->days->len)
    return;
  self->chosen = g_array_index (self->days, AcuFoodDay, index);
  self->shown = 0;
  show_day (self);
}

/* Serving */

/* A row's Serve, with its household's id: the member the row names */
static void
serve_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (widget);
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  gint64 household_id = g_variant_get_int64 (parameter);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->expected));

  if (store == NULL || !has_day (self))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcuFoodExpected) expected = g_list_model_get_item (G_LIST_MODEL (self->expected), i);

      if (acu_food_expected_get_household_id (expected) == household_id)
        {
          acu_food_serve_dialog_present (widget, store, acu_food_expected_get_person_id (expected),
                                         self->chosen.mode);
          return;
        }
    }
}

/* The sign-in sheet */

static AcuReportDocument *
sheet_new (AcuFoodPage  *self,
           GError      **error)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  static const double widths[] = { 0.13, 0.45, 0.12, 0.30 };
  const char *columns[] = {
    /* Translators: the columns of the sign-in sheet of a distribution day */
    C_("sign-in sheet", "Household"), C_("sign-in sheet", "Name"),
    C_("sign-in sheet", "Persons"), C_("sign-in sheet", "Signature"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = NULL;
  g_autofree char *details = NULL;
  g_autofree char *subtitle = NULL;
  AcuReportSheet sheet = { 0 };
  guint offset = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) page = acu_food_day_expected (store, self->chosen.day, self->chosen.mode,
                                                         offset, SHEET_PAGE, error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        {
          AcuFoodExpected *expected = g_ptr_array_index (page, i);
          char **cells = g_new0 (char *, 4);

          cells[0] = g_strdup_printf ("%lld", (long long) acu_food_expected_get_household_id (expected));
          cells[1] = g_strdup (acu_food_expected_get_name (expected));
          cells[2] = g_strdup_printf ("%u", acu_food_expected_get_persons (expected));
          g_ptr_array_add (rows, cells);
        }
      offset += page->len;
      if (page->len < SHEET_PAGE)
        break;
    }

  day = day_in_words (self->chosen.day, _("%A %-d %B %Y"));
  details = day_details (&self->chosen);
  /* Translators: under the title of the sign-in sheet: the day, the kind and hours, how many households */
  subtitle = g_strdup_printf (ngettext ("%s · %s · %u household expected", "%s · %s · %u households expected",
                                        rows->len),
                              day, details, rows->len);
  sheet.site_name = acu_store_get_site_name (store);
  sheet.title = _("Sign-in sheet");
  sheet.subtitle = subtitle;
  sheet.made_at = now;
  sheet.n_columns = G_N_ELEMENTS (columns);
  sheet.columns = columns;
  sheet.widths = widths;
  sheet.rows = rows;
  return acu_report_document_new_sheet (&sheet);
}

static void
draw_sheet_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    AcuFoodPage       *self)
{
  if (self->sheet == NULL || (guint) page >= acu_report_document_get_n_pages (self->sheet))
    return;
  acu_report_document_draw_page (self->sheet, gtk_print_context_get_cairo_context (context), page,
                                 gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
forget_printing (AcuFoodPage *self)
{
  /* the print dialog goes too; its pages are not drawn any more */
  if (self->printing != NULL)
    gtk_print_operation_cancel (self->printing);
  g_clear_object (&self->printing);
  g_clear_pointer (&self->sheet, acu_report_document_free);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AcuFoodPage             *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        acu_page_show_toast (ACU_PAGE (self), error->message);
    }
  if (self->printing == operation)
    {
      g_clear_object (&self->printing);
      g_clear_pointer (&self->sheet, acu_report_document_free);
    }
}

static char *
sheet_file_name (AcuFoodPage *self)
{
  /* Translators: the file name of a sign-in sheet; %s is the day, "2027-01-14" */
  return g_strdup_printf (_("Sign-in sheet %s.pdf"), self->chosen.day);
}

gboolean
acu_food_page_print (AcuFoodPage  *self,
                     const char   *export_path,
                     GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *title = NULL;
  GtkPrintOperationResult result;
  AcuReportDocument *sheet;

  g_return_val_if_fail (ACU_IS_FOOD_PAGE (self), FALSE);

  if (acu_page_get_store (ACU_PAGE (self)) == NULL || !has_day (self))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Choose a distribution day first."));
      return FALSE;
    }
  if ((sheet = sheet_new (self, error)) == NULL)
    return FALSE;
  if (!acu_food_record_sheet (acu_page_get_store (ACU_PAGE (self)), self->chosen.day, error))
    {
      acu_report_document_free (sheet);
      return FALSE;
    }
  forget_printing (self);
  self->sheet = sheet;

  title = sheet_file_name (self);
  operation = acu_print_operation_new (title, acu_report_document_get_n_pages (self->sheet));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_sheet_page_cb), self, 0);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  /* The dialog does not hold the window in a loop of its own: the desk
   * can lock meanwhile, which cancels it */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_set_object (&self->printing, operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      forget_printing (self);
      return FALSE;
    }
  return TRUE;
}

/* How many pages the sign-in sheet of the day chosen has */
guint
acu_food_page_get_sheet_pages (AcuFoodPage *self)
{
  g_autoptr(AcuReportDocument) sheet = NULL;

  g_return_val_if_fail (ACU_IS_FOOD_PAGE (self), 0);

  if (acu_page_get_store (ACU_PAGE (self)) == NULL || !has_day (self))
    return 0;
  sheet = sheet_new (self, NULL);
  return sheet ? acu_report_document_get_n_pages (sheet) : 0;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!acu_food_page_print (ACU_FOOD_PAGE (widget), NULL, &error))
    acu_page_show_toast (ACU_PAGE (widget), error->message);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  AcuFoodPage     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuReportDocument) sheet = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && acu_page_get_store (ACU_PAGE (self)) != NULL && has_day (self))
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL)
        acu_page_show_toast (ACU_PAGE (self), _("Choose a file on this computer."));
      else if ((sheet = sheet_new (self, &error)) == NULL
               || !acu_food_record_sheet (acu_page_get_store (ACU_PAGE (self)), self->chosen.day, &error)
               || !acu_report_document_save_pdf (sheet, path, &error))
        acu_page_show_toast (ACU_PAGE (self), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved as “%s”."), name);

          acu_page_show_toast (ACU_PAGE (self), message);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (!has_day (self))
    return;
  dialog = gtk_file_chooser_native_new (_("Save the Sign-in Sheet"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = sheet_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (dir != NULL)
    {
      folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Staff: planning the distributions */

typedef enum
{
  PLAN_RULE,
  PLAN_DAY,
} PlanKind;

typedef struct
{
  AcuFoodPage *self;
  PlanKind     kind;
  AdwComboRow *weekday;      /* rule only */
  GtkEditable *day;          /* a one-off day, or the rule's first day */
  GtkEditable *until;        /* rule only */
  GtkEditable *start;
  GtkEditable *end;
  AdwComboRow *mode;
} PlanDialog;

typedef struct
{
  guint        weekday;      /* 0 Monday */
  const char  *day;
  const char  *until;
  const char  *start;
  const char  *end;
  guint        mode;         /* 0 parcel, 1 grocery */
  const char  *error;
} PlanValues;

static void
plan_dialog_free (PlanDialog *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void open_plan_dialog (AcuFoodPage      *self,
                              PlanKind          kind,
                              const PlanValues *values);

static void
plan_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PlanDialog       *data)
{
  AcuFoodPage *self = data->self;
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autofree char *day = acu_date_from_user (gtk_editable_get_text (data->day));
  g_autofree char *until = data->until ? acu_date_from_user (gtk_editable_get_text (data->until)) : NULL;
  g_autofree char *start = time_from_user (gtk_editable_get_text (data->start));
  g_autofree char *end = time_from_user (gtk_editable_get_text (data->end));
  AcuFoodMode mode = adw_combo_row_get_selected (data->mode) == 1 ? ACU_FOOD_MODE_GROCERY : ACU_FOOD_MODE_PARCEL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "add") || store == NULL)
    return;
  if (data->kind == PLAN_RULE)
    id = acu_food_rule_add (store, adw_combo_row_get_selected (data->weekday) + 1, start, end, mode,
                            day, until, &error);
  else
    id = acu_food_day_add (store, day, start, end, mode, &error);
  if (id == 0)
    {
      /* Open again with what was typed and what is wrong */
      PlanValues values = {
        data->weekday ? adw_combo_row_get_selected (data->weekday) : 0,
        gtk_editable_get_text (data->day), data->until ? gtk_editable_get_text (data->until) : "",
        gtk_editable_get_text (data->start), gtk_editable_get_text (data->end),
        adw_combo_row_get_selected (data->mode), error->message,
      };

      open_plan_dialog (self, data->kind, &values);
      return;
    }
  acu_page_show_toast (ACU_PAGE (self), data->kind == PLAN_RULE ? _("Weekly distribution added.")
                                                                : _("Distribution day added."));
  reload_days (self, data->kind == PLAN_DAY ? day : NULL);
}

static GtkEditable *
plan_entry_row (GtkListBox *list,
                const char *title,
                const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

static AdwComboRow *
plan_combo_row (GtkListBox    *list,
                const char    *title,
                GtkStringList *labels,
                guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  acu_combo_row_name_rows (ADW_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (list, row);
  return ADW_COMBO_ROW (row);
}

static void
open_plan_dialog (AcuFoodPage      *self,
                  PlanKind          kind,
                  const PlanValues *values)
{
  PlanDialog *data = g_new0 (PlanDialog, 1);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;

  data->self = g_object_ref (self);
  data->kind = kind;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_string_list_append (modes, acu_food_mode_get_label (ACU_FOOD_MODE_PARCEL));
  gtk_string_list_append (modes, acu_food_mode_get_label (ACU_FOOD_MODE_GROCERY));
  if (kind == PLAN_RULE)
    {
      g_autoptr(GtkStringList) weekdays = gtk_string_list_new (NULL);

      /* 1 January 2024 was a Monday */
      for (int i = 0; i < 7; i++)
        {
          g_autoptr(GDateTime) at = g_date_time_new_local (2024, 1, 1 + i, 12, 0, 0);
          g_autofree char *name = g_date_time_format (at, "%A");
          g_autofree char *title = capitalized (name);

          gtk_string_list_append (weekdays, title);
        }
      data->weekday = plan_combo_row (GTK_LIST_BOX (list), _("Day of the week"), weekdays, values->weekday);
    }
  else
    data->day = plan_entry_row (GTK_LIST_BOX (list), _("Day"), values->day);
  data->start = plan_entry_row (GTK_LIST_BOX (list), _("Starts at"), values->start);
  data->end = plan_entry_row (GTK_LIST_BOX (list), _("Ends at"), values->end);
  data->mode = plan_combo_row (GTK_LIST_BOX (list), _("Kind"), modes, values->mode);
  if (kind == PLAN_RULE)
    {
      data->day = plan_entry_row (GTK_LIST_BOX (list), _("First day"), values->day);
      data->until = plan_entry_row (GTK_LIST_BOX (list), _("Last day (optional)"), values->until);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       kind == PLAN_RULE ? _("Weekly Distribution")
                                                                         : _("One-off Distribution Day"),
                                                       values->error));
  if (values->error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (dialog), "acu-has-error");
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (plan_response_cb), data,
                         (GClosureNotify) (void (*) (void)) plan_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *first = acu_date_to_display (today);
  PlanValues values = { acu_date_get_weekday (today) - 1, first, "", "14:00", "17:00", 0, NULL };

  open_plan_dialog (ACU_FOOD_PAGE (widget), PLAN_RULE, &values);
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autofree char *today = acu_date_today ();
  g_autofree char *day = acu_date_to_display (today);
  PlanValues values = { 0, day, "", "14:00", "17:00", 0, NULL };

  open_plan_dialog (ACU_FOOD_PAGE (widget), PLAN_DAY, &values);
}

static void
set_closed (AcuFoodPage *self,
            gboolean     closed)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || !has_day (self))
    return;
  if (!acu_food_day_set_closed (store, self->chosen.day, self->chosen.mode, closed, &error))
    acu_page_show_toast (ACU_PAGE (self), error->message);
  else
    acu_page_show_toast (ACU_PAGE (self), closed ? _("Distribution closed.") : _("Distribution open again."));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AcuFoodPage      *self)
{
  if (g_str_equal (response, "close"))
    set_closed (self, TRUE);
}

static void
close_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (widget);
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!has_day (self))
    return;
  if (self->chosen.closed)
    {
      set_closed (self, FALSE);
      return;
    }
  day = day_in_words (self->chosen.day, _("%A %-d %B %Y"));
  /* Translators: %s is a day, "Tuesday 14 January 2027" */
  body = g_strdup_printf (_("No household will be served at this distribution on %s. You can open it again."), day);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Close This Distribution?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("C_lose the Distribution"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undoing a service of the day: its food goes back to the stock (a
 * correction in the ledger) and its visit leaves the log */

static void
undo_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  AcuFoodPage      *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  gint64 household_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "household"));
  g_autoptr(GError) error = NULL;
  gint64 service;

  if (!g_str_equal (response, "undo") || store == NULL || !has_day (self))
    return;
  service = acu_food_service_find_on_day (store, household_id, self->chosen.day, &error);
  if (service != 0 && acu_food_service_cancel (store, service, &error))
    acu_widget_show_toast (GTK_WIDGET (self), _("Food aid cancelled"));
  else if (error != NULL)
    acu_widget_show_toast (GTK_WIDGET (self), error->message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (widget);
  AdwMessageDialog *dialog;

  if (!has_day (self))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Cancel This Food Aid?"),
                                                       _("The food goes back to the stock, and the visit it came "
                                                         "with leaves today’s list. Only the person who served it, "
                                                         "or staff, may do this.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep"), "undo", _("Cancel _Food Aid"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "household", GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (undo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* AcuPage */

static void
acu_food_page_areas_changed (AcuPage  *page,
                             AcuAreas  area)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (page);

  if (area == ACU_AREA_IDENTITY)
    {
      /* someone else: their role's buttons; nobody: nothing stays */
      forget_printing (self);
      reload_days (self, NULL);
      self->stale = FALSE;
      return;
    }
  /* food: days, services; people: names, households merged; visits: a
   * service's visit deleted. Hidden, the page reads them once shown:
   * each visit logged at the desk must not read the day's list again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (area == ACU_AREA_FOOD)
    reload_days (self, NULL);
  else
    load_expected (self, FALSE);
}

static void
acu_food_page_map (GtkWidget *widget)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (widget);

  g_autofree char *today = acu_date_today ();

  GTK_WIDGET_CLASS (acu_food_page_parent_class)->map (widget);
  /* changed while hidden, or the days have moved on since */
  if (self->stale || !g_str_equal (self->loaded_on, today))
    {
      self->stale = FALSE;
      reload_days (self, NULL);
    }
}

static void
acu_food_page_store_changed (AcuPage  *page,
                             AcuStore *store)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (page);

  forget_printing (self);
  memset (&self->chosen, 0, sizeof self->chosen);
  self->shown = 0;
  self->stale = FALSE;
  reload_days (self, NULL);
}

static void
acu_food_page_activate (AcuPage *page)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (page);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->days_list);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
acu_food_page_dispose (GObject *object)
{
  AcuFoodPage *self = ACU_FOOD_PAGE (object);

  forget_printing (self);
  g_clear_pointer (&self->days, g_array_unref);
  G_OBJECT_CLASS (acu_food_page_parent_class)->dispose (object);
}

static void
acu_food_page_class_init (AcuFoodPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcuPageClass *page_class = ACU_PAGE_CLASS (klass);

  object_class->dispose = acu_food_page_dispose;
  widget_class->map = acu_food_page_map;
  page_class->store_changed = acu_food_page_store_changed;
  page_class->areas_changed = acu_food_page_areas_changed;
  page_class->activate = acu_food_page_activate;

  /* the .ui names them */
  g_type_ensure (ACU_TYPE_FOOD_EXPECTED);
  g_type_ensure (ACU_TYPE_FIT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-food-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, days_list);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, staff_box);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, day_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, expected_count);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, served_count);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, serve_hint);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, expected_view);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, expected);
  gtk_widget_class_bind_template_child (widget_class, AcuFoodPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, food_expected_details_cb);
  gtk_widget_class_bind_template_callback (widget_class, food_not_cb);
  acu_list_rows_bind_callbacks (widget_class);

  /* Serve: a row's button, with the household's id */
  gtk_widget_class_install_action (widget_class, "food.serve", "x", serve_action);
  gtk_widget_class_install_action (widget_class, "food.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "food.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "food.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "food.add-rule", NULL, add_rule_action);
  gtk_widget_class_install_action (widget_class, "food.add-day", NULL, add_day_action);
  gtk_widget_class_install_action (widget_class, "food.close-day", NULL, close_day_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "food.print", NULL);
}

static void
acu_food_page_init (AcuFoodPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* Public API */

const char *
acu_food_page_get_day (AcuFoodPage *self)
{
  g_return_val_if_fail (ACU_IS_FOOD_PAGE (self), NULL);

  return has_day (self) ? self->chosen.day : NULL;
}

/* Chooses the first distribution of @day in the list; FALSE if none */
gboolean
acu_food_page_choose_day (AcuFoodPage *self,
                          const char  *day)
{
  g_return_val_if_fail (ACU_IS_FOOD_PAGE (self), FALSE);

  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    if (g_str_equal (g_array_index (self->days, AcuFoodDay, i).day, day))
      {
        gtk_list_box_select_row (self->days_list, gtk_list_box_get_row_at_index (self->days_list, i));
        return TRUE;
      }
  return FALSE;
}
