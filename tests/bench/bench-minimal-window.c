/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-minimal-window"

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <adwaita.h>

/* The floor of the start-up line (bench-acuelh): an AdwApplication that
 * opens an empty AdwApplicationWindow at the size Acuèlh's window opens
 * at. With ACUELH_BENCH_FIRST_FRAME set, its first frame prints the time
 * (CLOCK_MONOTONIC, µs) and it quits, as src/ui/acu-application.c does. */

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, user_data);
  printf ("%" G_GINT64_FORMAT "\n", (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000);
  fflush (stdout);
  g_application_quit (G_APPLICATION (user_data));
}

static void
window_realized_cb (GtkWidget *window,
                    gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), user_data);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  /* The default of the window-width and window-height settings */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  if (g_getenv ("ACUELH_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_after (window, "realize", G_CALLBACK (window_realized_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.acuelh.Acuelh.BenchMinimal",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
