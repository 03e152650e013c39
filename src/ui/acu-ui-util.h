/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void acu_widget_show_toast (GtkWidget  *widget,
                            const char *message);

G_END_DECLS
