/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <X11/Xlib.h>

G_BEGIN_DECLS

/* Real key presses through the X server (XTest), for the tests that count
 * the keys of a desk task. Each press is counted in acu_ui_test_key_presses. */
extern guint acu_ui_test_key_presses;

/* One key press and release, with @modifier held if not 0 */
void  acu_ui_test_press (KeySym keysym,
                         KeySym modifier);
/* One press a letter of @letters */
void  acu_ui_test_type (const char *letters);
/* Without a window manager, X gives the keyboard to the window under the
 * pointer: the pointer goes over @window, at (@x, @y) */
void  acu_ui_test_point_at (GtkWidget *window,
                            int        x,
                            int        y);

G_END_DECLS
