/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        acu_widget_show_toast (GtkWidget  *widget,
                                   const char *message);
void        acu_widget_add_toast (GtkWidget *widget,
                                  AdwToast  *toast);
void        acu_list_box_clear (GtkListBox *box);
char       *acu_date_from_user (const char *text);
void        acu_list_rows_bind_callbacks (GtkWidgetClass *widget_class);
void        acu_combo_row_name_rows (AdwComboRow *row);
char       *acu_household_summary (GPtrArray  *members,
                                   const char *today);
gboolean    acu_decimal_from_user (const char *text,
                                   guint       decimals,
                                   gint64     *value);
GtkWidget  *acu_field_error_new (void);
void        acu_field_error_show (GtkWidget  *error_row,
                                  GtkWidget  *field,
                                  const char *message);
void        acu_field_error_hide (GtkWidget *error_row);
const char *acu_field_error_get_message (GtkWidget *error_row);
char       *acu_decimal_to_user (gint64 value,
                                 guint  decimals,
                                 guint  min_decimals);

/* A print operation for a document drawn by src/report: A4, the whole
 * page (the drawing has its own margins), in points, @n_pages pages */
GtkPrintOperation *acu_print_operation_new (const char *job_name,
                                            guint       n_pages);

G_END_DECLS
