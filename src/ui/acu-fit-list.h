/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACU_TYPE_FIT_LIST (acu_fit_list_get_type ())

G_DECLARE_FINAL_TYPE (AcuFitList, acu_fit_list, ACU, FIT_LIST, GtkWidget)

G_END_DECLS
