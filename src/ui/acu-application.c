/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-application"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <glib/gi18n.h>

#include "acu-application.h"
#include "acu-window.h"

struct _AcuApplication
{
  AdwApplication  parent_instance;

  AcuSettings    *settings;
};

G_DEFINE_FINAL_TYPE (AcuApplication, acu_application, ADW_TYPE_APPLICATION)

/* The app follows the system language; ACUELH_LOCALEDIR points at the
 * build tree's catalogues when running the tests uninstalled. */
void
acu_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("ACUELH_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AcuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Acuèlh developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Acuèlh"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Acuèlh developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("The front desk of a solidarity third place"),
                         "website", "https://github.com/acuelh/acuelh",
                         "issue-url", "https://github.com/acuelh/acuelh/issues",
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AcuApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows first, so that their keys are wiped */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

/* For tests/bench: with ACUELH_BENCH_FIRST_FRAME set, the window's first
 * frame prints the time (CLOCK_MONOTONIC, µs) and the application quits */
static void
bench_first_frame_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  g_signal_handlers_disconnect_by_func (clock, bench_first_frame_cb, user_data);
  printf ("%" G_GINT64_FORMAT "\n", (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000);
  fflush (stdout);
  g_application_quit (G_APPLICATION (user_data));
}

static void
bench_window_realized_cb (GtkWidget *window,
                          gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_first_frame_cb), user_data);
}

/* The window, made on first use */
static GtkWindow *
ensure_window (AcuApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (acu_window_new (self));
      if (g_getenv ("ACUELH_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect_after (window, "realize", G_CALLBACK (bench_window_realized_cb), self);
    }
  return window;
}

static void
acu_application_activate (GApplication *app)
{
  gtk_window_present (ensure_window (ACU_APPLICATION (app)));
}

/* A file given on the command line, or double-clicked in a file manager
 * (the desktop file's %f; a second launch hands it to this instance):
 * the window opens it at its unlock page (acu_window_open_file) */
static void
acu_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window = ensure_window (ACU_APPLICATION (app));

  /* One desk, one database: the first file given */
  acu_window_open_file (ACU_WINDOW (window), files[0]);
  gtk_window_present (window);
}

static void
acu_application_startup (GApplication *app)
{
  AcuApplication *self = ACU_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *close_accels[] = { "<Control>l", NULL };
  static const char *lock_accels[] = { "<Control><Shift>l", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (acu_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.close-database", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.lock-desk", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

static void
acu_application_dispose (GObject *object)
{
  AcuApplication *self = ACU_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (acu_application_parent_class)->dispose (object);
}

static void
acu_application_class_init (AcuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = acu_application_dispose;
  app_class->activate = acu_application_activate;
  app_class->open = acu_application_open;
  app_class->startup = acu_application_startup;
}

static void
acu_application_init (AcuApplication *self)
{
  self->settings = acu_settings_new ();
}

AcuSettings *
acu_application_get_settings (AcuApplication *self)
{
  g_return_val_if_fail (ACU_IS_APPLICATION (self), NULL);
  return self->settings;
}

AcuApplication *
acu_application_new (void)
{
  AcuApplication *self = g_object_new (ACU_TYPE_APPLICATION,
                                       "application-id", APPLICATION_ID,
                                       "flags", G_APPLICATION_HANDLES_OPEN,
                                       "resource-base-path", "/io/github/acuelh/Acuelh",
                                       NULL);

  /* Translators: in "acuelh --help": "Usage: acuelh [OPTION…] [FILE]", the
   * database to open (man acuelh says FILE too) */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the database FILE at its unlock page, or the last one used."));
  return self;
}
