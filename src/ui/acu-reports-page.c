/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-reports-page"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-report-document.h"
#include "acu-report-food-fse.h"
#include "acu-report-export.h"
#include "acu-reports-page.h"
#include "acu-ui-util.h"

/* The activity summary, for coordinators: choose a period, see its pages
 * as they will print, print them, save them as PDF, export the figures.
 * The figures are counted in a worker thread on a reader connection, so
 * that a year of a large site leaves the window responsive. */

/* Points of A4 shown as pixels: the page at its printed size */
#define PREVIEW_SCALE 1.0

struct _AcuReportsPage
{
  AcuPage             parent_instance;

  GtkDropDown        *kind_dropdown;
  GtkRevealer        *dates_revealer;
  GtkLabel           *period_label;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *error_label;
  GtkStack           *content_stack;
  GtkProgressBar     *progress_bar;
  GtkBox             *pages_box;
  AdwStatusPage      *failed_status;

  AcuPeriod           period;
  AcuReport          *report;
  AcuReportDocument  *document;
  GCancellable       *cancellable;
  AcuProgress        *progress;       /* shared with the running count */
  guint               progress_source;
  GtkPrintOperation  *printing;       /* while the print dialog is open */
  gboolean            stale;          /* the figures changed since they were counted */
  gboolean            setting_kind;
};

G_DEFINE_FINAL_TYPE (AcuReportsPage, acu_reports_page, ACU_TYPE_PAGE)

static gboolean
is_coordinator (AcuReportsPage *self)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  return store != NULL && acu_store_is_open (store) && acu_store_is_identified (store)
         && acu_store_get_role (store) == ACU_ROLE_COORDINATOR;
}

static void
update_actions (AcuReportsPage *self)
{
  gboolean shown = self->document != NULL;
  gboolean computing = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-fse", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", computing);
}

static void
show_period (AcuReportsPage *self)
{
  g_autofree char *label = acu_period_get_label (&self->period);

  gtk_label_set_label (self->period_label, label);
}

static void
clear_pages (AcuReportsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
}

/* Forget the figures: on a lock, a change of person, a closed database */
static void
forget_report (AcuReportsPage *self)
{
  /* the print dialog goes too; its pages are not drawn any more */
  if (self->printing != NULL)
    gtk_print_operation_cancel (self->printing);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, acu_progress_unref);
  clear_pages (self);
  g_clear_pointer (&self->document, acu_report_document_free);
  g_clear_pointer (&self->report, acu_report_free);
  update_actions (self);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (user_data);
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "acu-page"));

  if (self->document != NULL && page < acu_report_document_get_n_pages (self->document))
    acu_report_document_draw_page (self->document, cr, page, width, height);
}

static void
show_pages (AcuReportsPage *self)
{
  guint n = acu_report_document_get_n_pages (self->document);

  clear_pages (self);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      g_object_set_data (G_OBJECT (area), "acu-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (ACU_REPORT_A4_WIDTH * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (ACU_REPORT_A4_HEIGHT * PREVIEW_SCALE));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
      gtk_widget_add_css_class (area, "acu-report-page");
      /* Tab moves from page to page, and the preview scrolls along */
      gtk_widget_set_focusable (area, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, area);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "preview");
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (user_data);

  if (self->progress != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, acu_progress_get_fraction (self->progress));
  /* a report of a month is there before anyone sees a progress bar */
  gtk_stack_set_visible_child_name (self->content_stack, "progress");
  return G_SOURCE_CONTINUE;
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AcuReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AcuReport *report;

  report = acu_report_compute_finish (result, &error);
  /* a newer count, a lock or a closed database came in between */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&report, acu_report_free);
      return;
    }
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, acu_progress_unref);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->stale = TRUE;
          adw_status_page_set_title (self->failed_status, _("Counting Stopped"));
          adw_status_page_set_description (self->failed_status, NULL);
        }
      else
        {
          self->stale = TRUE;
          adw_status_page_set_title (self->failed_status, _("The Figures Could Not Be Counted"));
          adw_status_page_set_description (self->failed_status, error->message);
        }
      gtk_stack_set_visible_child_name (self->content_stack, "failed");
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->document, acu_report_document_free);
  g_clear_pointer (&self->report, acu_report_free);
  self->report = report;
  self->document = acu_report_document_new (self->report);
  show_pages (self);
  update_actions (self);
}

static void
compute (AcuReportsPage *self)
{
  forget_report (self);
  show_period (self);
  if (!is_coordinator (self))
    return;

  /* a change from now on is not in this count's snapshot: stale again */
  self->stale = FALSE;
  self->progress = acu_progress_new ();
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_source = g_timeout_add (150, progress_tick_cb, self);
  acu_report_compute_async (acu_page_get_store (ACU_PAGE (self)), &self->period, self->progress,
                            self->cancellable, compute_done_cb, g_object_ref (self));
  update_actions (self);
}

/* The period */

static void
set_kind (AcuReportsPage *self,
          AcuPeriodKind   kind)
{
  self->setting_kind = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  self->setting_kind = FALSE;
  gtk_revealer_set_reveal_child (self->dates_revealer, kind == ACU_PERIOD_DATES);
}

static void
kind_changed_cb (AcuReportsPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  GDate from;
  guint year, month;

  if (self->setting_kind || kind == GTK_INVALID_LIST_POSITION)
    return;
  acu_date_parse (self->period.from, &from);
  year = g_date_get_year (&from);
  month = g_date_get_month (&from);
  switch ((AcuPeriodKind) kind)
    {
    case ACU_PERIOD_MONTH:
      acu_period_init_month (&self->period, year, month);
      break;
    case ACU_PERIOD_QUARTER:
      acu_period_init_quarter (&self->period, year, (month - 1) / 3 + 1);
      break;
    case ACU_PERIOD_YEAR:
      acu_period_init_year (&self->period, year);
      break;
    case ACU_PERIOD_DATES:
    default:
      {
        g_autofree char *a = acu_date_to_display (self->period.from);
        g_autofree char *b = acu_date_to_display (self->period.to);

        gtk_editable_set_text (GTK_EDITABLE (self->from_entry), a);
        gtk_editable_set_text (GTK_EDITABLE (self->to_entry), b);
        gtk_revealer_set_reveal_child (self->dates_revealer, TRUE);
        gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
        return;
      }
    }
  gtk_revealer_set_reveal_child (self->dates_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  compute (self);
}

static void
dates_activate_cb (AcuReportsPage *self)
{
  g_autofree char *from = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  g_autofree char *to = acu_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  g_autoptr(GError) error = NULL;
  AcuPeriod period;

  if (from == NULL || to == NULL || !acu_date_parse (from, NULL) || !acu_date_parse (to, NULL))
    {
      gtk_label_set_label (self->error_label, _("Type both days as 31/12/2026."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (!acu_period_init_dates (&period, from, to, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* a whole month, quarter or year typed as dates is one, as in the CLI */
  self->period = period;
  set_kind (self, period.kind);
  compute (self);
}

static void
step_period (AcuReportsPage *self,
             int             steps)
{
  /* two dates move by their own length */
  acu_period_step (&self->period, steps);
  compute (self);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_period (ACU_REPORTS_PAGE (widget), -1);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step_period (ACU_REPORTS_PAGE (widget), 1);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  compute (ACU_REPORTS_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Printing and saving: the same drawing as the preview */

static void
draw_print_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    AcuReportsPage    *self)
{
  if (self->document == NULL || (guint) page >= acu_report_document_get_n_pages (self->document))
    return;
  acu_report_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page,
                                 gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AcuReportsPage          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        acu_page_show_toast (ACU_PAGE (self), error->message);
    }
  if (self->printing == operation)
    g_clear_object (&self->printing);
}

static char *
document_title (AcuReportsPage *self)
{
  g_autofree char *period = acu_period_get_label (&self->report->periods[ACU_REPORT_NOW]);

  /* Translators: the title of a printed activity summary: site, period */
  return g_strdup_printf (_("%s – Activity summary – %s"), self->report->site_name, period);
}

/* With @export_path, prints to that PDF file without a dialog (as the
 * print dialog's "Print to File" would) */
gboolean
acu_reports_page_print (AcuReportsPage  *self,
                        const char      *export_path,
                        GError         **error)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *title = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (ACU_IS_REPORTS_PAGE (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("There is no report to print yet."));
      return FALSE;
    }
  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return FALSE;

  title = document_title (self);
  operation = acu_print_operation_new (title, acu_report_document_get_n_pages (self->document));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_print_page_cb), self, 0);
  /* Recorded before the pages go out: an export is never unrecorded */
  if (!acu_report_record_export (store, error))
    return FALSE;
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  /* The dialog does not hold the window in a loop of its own: the desk
   * can lock meanwhile, which cancels it (forget_report) */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_set_object (&self->printing, operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_clear_object (&self->printing);
      return FALSE;
    }
  return TRUE;
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!acu_reports_page_print (ACU_REPORTS_PAGE (widget), NULL, &error))
    acu_page_show_toast (ACU_PAGE (widget), error->message);
}

gboolean
acu_reports_page_save (AcuReportsPage   *self,
                       AcuReportFormat   format,
                       const char       *path,
                       GError          **error)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_return_val_if_fail (ACU_IS_REPORTS_PAGE (self), FALSE);

  if (self->report == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("There is no report to save yet."));
      return FALSE;
    }
  return acu_report_document_export (store, self->report, self->document, format, path, error);
}

/* The FSE+ indicators of the year of the period shown: a document of
 * their own, from the same figures and drawing as the summary */
gboolean
acu_reports_page_save_fse (AcuReportsPage   *self,
                           AcuReportFormat   format,
                           const char       *path,
                           GError          **error)
{
  AcuStore *store = acu_page_get_store (ACU_PAGE (self));
  g_autoptr(AcuReport) report = NULL;

  g_return_val_if_fail (ACU_IS_REPORTS_PAGE (self), FALSE);

  if (self->report == NULL || store == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("There is no report to save yet."));
      return FALSE;
    }
  report = acu_report_food_fse_compute (store, (guint) atoi (self->report->periods[ACU_REPORT_NOW].from),
                                        NULL, error);
  return report != NULL && acu_report_document_export (store, report, NULL, format, path, error);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  AcuReportsPage  *self)
{
  AcuReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "acu-format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      guint fse_year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "acu-fse-year"));

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL)
        acu_page_show_toast (ACU_PAGE (self), _("Choose a file on this computer."));
      else if (fse_year != 0 ? !acu_reports_page_save_fse (self, format, path, &error)
                             : !acu_reports_page_save (self, format, path, &error))
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
ask_file (AcuReportsPage  *self,
          AcuReportFormat  format,
          guint            fse_year)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->report == NULL)
    return;
  dialog = gtk_file_chooser_native_new (format == ACU_REPORT_FORMAT_PDF ? _("Save the Activity Summary")
                                                                        : _("Export the Figures"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  period = acu_period_get_label (&self->report->periods[ACU_REPORT_NOW]);
  /* Translators: file name of a saved report; %s is the period, %s the file's extension */
  if (fse_year != 0)
    /* Translators: file name of the FSE+ indicators; %u is the year, %s the file's extension */
    name = g_strdup_printf (_("FSE+ indicators %u.%s"), fse_year, acu_report_format_get_extension (format));
  else
    name = g_strdup_printf (format == ACU_REPORT_FORMAT_NETWORK_JSON ? _("Network figures %s.%s")
                                                                     : _("Activity summary %s.%s"),
                            period, acu_report_format_get_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (dir != NULL)
    {
      folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  switch (format)
    {
    case ACU_REPORT_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case ACU_REPORT_FORMAT_CSV:
      gtk_file_filter_set_name (filter, _("Spreadsheet tables (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case ACU_REPORT_FORMAT_JSON:
    case ACU_REPORT_FORMAT_NETWORK_JSON:
    default:
      gtk_file_filter_set_name (filter, _("JSON files"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "acu-format", GINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (dialog), "acu-fse-year", GUINT_TO_POINTER (fse_year));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask_file (ACU_REPORTS_PAGE (widget), ACU_REPORT_FORMAT_PDF, 0);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AcuReportFormat format;

  if (acu_report_format_from_string (g_variant_get_string (parameter, NULL), &format))
    ask_file (ACU_REPORTS_PAGE (widget), format, 0);
}

/* The FSE+ indicators of the year of the period shown */
static void
export_fse_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (widget);
  AcuReportFormat format;

  if (self->report != NULL && acu_report_format_from_string (g_variant_get_string (parameter, NULL), &format))
    ask_file (self, format, (guint) atoi (self->report->periods[ACU_REPORT_NOW].from));
}

/* The store */

/* AcuPage: the areas are the report's own (acu_report_get_areas) */
static void
acu_reports_page_areas_changed (AcuPage  *page,
                                AcuAreas  area)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (page);

  if (area == ACU_AREA_IDENTITY)
    {
      /* whoever comes next sees nothing of the last person's report */
      forget_report (self);
      self->stale = TRUE;
      if (is_coordinator (self) && gtk_widget_get_mapped (GTK_WIDGET (self)))
        compute (self);
      return;
    }
  self->stale = TRUE;
}

static void
acu_reports_page_map (GtkWidget *widget)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (acu_reports_page_parent_class)->map (widget);
  if (self->cancellable == NULL && (self->stale || self->report == NULL))
    compute (self);
}

/* The month before this one: the one a coordinator prints */
static void
default_period (AcuReportsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_month = g_date_time_add_months (now, -1);

  acu_period_init_month (&self->period, g_date_time_get_year (last_month), g_date_time_get_month (last_month));
  set_kind (self, ACU_PERIOD_MONTH);
  show_period (self);
}

static void
acu_reports_page_store_changed (AcuPage  *page,
                                AcuStore *store)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (page);

  forget_report (self);
  default_period (self);
  self->stale = TRUE;
}

static void
acu_reports_page_dispose (GObject *object)
{
  AcuReportsPage *self = ACU_REPORTS_PAGE (object);

  forget_report (self);
  g_clear_object (&self->printing);
  G_OBJECT_CLASS (acu_reports_page_parent_class)->dispose (object);
}

static void
acu_reports_page_class_init (AcuReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_reports_page_dispose;
  widget_class->map = acu_reports_page_map;
  ACU_PAGE_CLASS (klass)->store_changed = acu_reports_page_store_changed;
  ACU_PAGE_CLASS (klass)->areas_changed = acu_reports_page_areas_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, dates_revealer);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, AcuReportsPage, failed_status);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_activate_cb);

  gtk_widget_class_install_action (widget_class, "reports.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "reports.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, save_pdf_activated);
  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "reports.export-fse", "s", export_fse_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "reports.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "reports.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reports.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "reports.export", "s", "csv");
}

static void
acu_reports_page_init (AcuReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* stale when what any section reads changes */
  g_object_set (self, "areas", acu_report_get_areas () | ACU_AREA_IDENTITY, NULL);
  default_period (self);
  update_actions (self);
}

/* For the UI tests */
const AcuReport *
acu_reports_page_get_report (AcuReportsPage *self)
{
  g_return_val_if_fail (ACU_IS_REPORTS_PAGE (self), NULL);
  return self->cancellable == NULL ? self->report : NULL;
}

guint
acu_reports_page_get_n_pages (AcuReportsPage *self)
{
  g_return_val_if_fail (ACU_IS_REPORTS_PAGE (self), 0);
  return self->document ? acu_report_document_get_n_pages (self->document) : 0;
}

void
acu_reports_page_set_period (AcuReportsPage  *self,
                             const AcuPeriod *period)
{
  g_return_if_fail (ACU_IS_REPORTS_PAGE (self) && period != NULL);
  self->period = *period;
  set_kind (self, period->kind);
  compute (self);
}
