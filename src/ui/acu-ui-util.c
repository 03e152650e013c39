/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-ui-util"

#include "config.h"

#include "acu-ui-util.h"

/* Shows @message in the toast overlay that holds @widget (the window's) */
void
acu_widget_show_toast (GtkWidget  *widget,
                       const char *message)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("No toast overlay to show: %s", message);
}
