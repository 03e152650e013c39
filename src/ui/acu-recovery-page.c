/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-recovery-page"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "acu-recovery-page.h"
#include "acu-recovery-sheet.h"
#include "acu-ui-util.h"

/* The recovery code, shown once after creating a database (or making a
 * new code), with Print and Save as PDF, and a confirmation it was kept. */

struct _AcuRecoveryPage
{
  AdwBin          parent_instance;

  GtkLabel       *code_label;
  GtkCheckButton *kept_check;
  GtkButton      *continue_button;

  char           *code;
  char           *site_name;
  char           *database_path;
  GDateTime      *made;
};

G_DEFINE_FINAL_TYPE (AcuRecoveryPage, acu_recovery_page, ADW_TYPE_BIN)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_sheet (AcuRecoveryPage  *self,
            AcuRecoverySheet *sheet,
            char            **basename)
{
  *basename = self->database_path ? g_filename_display_basename (self->database_path) : NULL;
  sheet->site_name = self->site_name;
  sheet->database_name = *basename;
  sheet->code = self->code;
  sheet->created = self->made;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  AcuRecoveryPage *self = user_data;
  AcuRecoverySheet sheet = { 0 };
  g_autofree char *basename = NULL;

  fill_sheet (self, &sheet, &basename);
  acu_recovery_sheet_draw (&sheet, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
}

static void
print_button_clicked_cb (AcuRecoveryPage *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Acuèlh recovery code"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);
      acu_widget_show_toast (GTK_WIDGET (self), message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    acu_widget_show_toast (GTK_WIDGET (self), _("Sent to the printer."));
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  AcuRecoveryPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *basename = NULL;
      g_autoptr(GError) error = NULL;
      AcuRecoverySheet sheet = { 0 };

      fill_sheet (self, &sheet, &basename);
      if (path == NULL)
        acu_widget_show_toast (GTK_WIDGET (self), _("Choose a folder on this computer or on a USB stick."));
      else if (!acu_recovery_sheet_save_pdf (&sheet, path, &error))
        acu_widget_show_toast (GTK_WIDGET (self), error->message);
      else
        acu_widget_show_toast (GTK_WIDGET (self), _("Saved. Print it, then keep the paper in a safe place."));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_button_clicked_cb (AcuRecoveryPage *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Save the Recovery Code"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: file name of the saved recovery code sheet */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("acuelh-recovery-code.pdf"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
continue_button_clicked_cb (AcuRecoveryPage *self)
{
  if (!gtk_check_button_get_active (self->kept_check))
    return;
  g_signal_emit (self, signals[DONE], 0);
}

static void
acu_recovery_page_dispose (GObject *object)
{
  AcuRecoveryPage *self = ACU_RECOVERY_PAGE (object);

  acu_recovery_page_forget (self);

  G_OBJECT_CLASS (acu_recovery_page_parent_class)->dispose (object);
}

static void
acu_recovery_page_class_init (AcuRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acu_recovery_page_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuRecoveryPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, AcuRecoveryPage, kept_check);
  gtk_widget_class_bind_template_child (widget_class, AcuRecoveryPage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_button_clicked_cb);
}

static void
acu_recovery_page_init (AcuRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
acu_recovery_page_show_code (AcuRecoveryPage *self,
                             const char      *code,
                             const char      *site_name,
                             const char      *database_path)
{
  g_return_if_fail (ACU_IS_RECOVERY_PAGE (self));

  acu_recovery_page_forget (self);
  self->code = g_strdup (code);
  self->site_name = g_strdup (site_name);
  self->database_path = g_strdup (database_path);
  self->made = g_date_time_new_now_local ();
  gtk_label_set_text (self->code_label, code);
  gtk_check_button_set_active (self->kept_check, FALSE);
}

/* Once kept, the code leaves memory and the screen */
void
acu_recovery_page_forget (AcuRecoveryPage *self)
{
  if (self->code != NULL)
    sodium_memzero (self->code, strlen (self->code));
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->site_name, g_free);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->made, g_date_time_unref);
  if (self->code_label != NULL)
    gtk_label_set_text (self->code_label, "");
}
