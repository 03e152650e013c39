/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "acu-ui-test.h"
#include "acu-ui-test-keys.h"

guint acu_ui_test_key_presses;

static Display *
xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

void
acu_ui_test_press (KeySym keysym,
                   KeySym modifier)
{
  Display *dpy = xdisplay ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);
  KeyCode mod = modifier ? XKeysymToKeycode (dpy, modifier) : 0;

  ck_assert_msg (code != 0, "no key code for keysym %lu", keysym);
  if (mod)
    XTestFakeKeyEvent (dpy, mod, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (mod)
    XTestFakeKeyEvent (dpy, mod, False, CurrentTime);
  XFlush (dpy);
  acu_ui_test_key_presses++;
  acu_ui_test_settle (150);
}

void
acu_ui_test_type (const char *letters)
{
  for (const char *p = letters; *p; p++)
    acu_ui_test_press (XStringToKeysym ((char[]) { *p, '\0' }), 0);
}

void
acu_ui_test_point_at (GtkWidget *window,
                      int        x,
                      int        y)
{
  Display *dpy = xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Window xwindow = gdk_x11_surface_get_xid (surface);

  XWarpPointer (dpy, None, xwindow, 0, 0, 0, 0, x, y);
  XSetInputFocus (dpy, xwindow, RevertToPointerRoot, CurrentTime);
  XFlush (dpy);
  acu_ui_test_settle (300);
}
