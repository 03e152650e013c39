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
gboolean    acu_decimal_from_user (const char *text,
                                   guint       decimals,
                                   gint64     *value);
char       *acu_decimal_to_user (gint64   value,
                                 guint    decimals,
                                 gboolean trim);
void        acu_list_rows_bind_callbacks (GtkWidgetClass *widget_class);
void        acu_combo_row_name_rows (AdwComboRow *row);
char       *acu_household_summary (GPtrArray  *members,
                                   const char *today);

G_END_DECLS
