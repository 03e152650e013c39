/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <gio/gio.h>

#include "bench.h"

/* Start-up to the first frame, as a person sees it: each program runs
 * under its own dbus-run-session (as tests/ui do) on an X server, prints
 * the time of its first frame (ACUELH_BENCH_FIRST_FRAME) and quits. Its
 * peak memory is the ru_maxrss wait4() gives for dbus-run-session, which
 * waits for the program: the largest of the processes it waited for. */

#define FRAME_TIMEOUT_MS 60000

static GSubprocess *xvfb;
static char *display;

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* An Xvfb of our own, unless DISPLAY names a server */
gboolean
bench_display_start (GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  char number[32] = { 0 };
  gsize len = 0;
  int fds[2];

  if (g_getenv ("DISPLAY") != NULL && *g_getenv ("DISPLAY") != '\0')
    {
      display = g_strdup (g_getenv ("DISPLAY"));
      return TRUE;
    }

  if (pipe (fds) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "pipe: %s", g_strerror (errno));
      return FALSE;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  xvfb = g_subprocess_launcher_spawn (launcher, error, "Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24",
                                      "-nolisten", "tcp", NULL);
  g_clear_object (&launcher);   /* closes our copy of the write end */
  if (xvfb == NULL)
    {
      close (fds[0]);
      return FALSE;
    }
  /* Xvfb writes its display number once it accepts connections */
  while (len < sizeof number - 1)
    {
      ssize_t n = read (fds[0], number + len, sizeof number - 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += n;
      if (memchr (number, '\n', len) != NULL)
        break;
    }
  close (fds[0]);
  g_strstrip (number);
  if (*number == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Xvfb did not start");
      bench_display_stop ();
      return FALSE;
    }
  display = g_strdup_printf (":%s", number);
  return TRUE;
}

void
bench_display_stop (void)
{
  if (xvfb != NULL)
    {
      g_subprocess_send_signal (xvfb, SIGTERM);
      g_subprocess_wait (xvfb, NULL, NULL);
      g_clear_object (&xvfb);
    }
  g_clear_pointer (&display, g_free);
}

/* The same environment for both programs: this one's, without the test
 * suites' malloc and GLib debugging, on the X server above */
static char **
child_environment (void)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "MALLOC_CHECK_");
  env = g_environ_unsetenv (env, "MALLOC_PERTURB_");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DISPLAY", display, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "ACUELH_BENCH_FIRST_FRAME", "1", TRUE);
  return env;
}

/* The first line the program prints: its first frame's time, in µs */
static gboolean
read_first_line (int      fd,
                 GString *line)
{
  double deadline = bench_now_ms () + FRAME_TIMEOUT_MS;
  char buf[256];

  while (strchr (line->str, '\n') == NULL)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      int left = (int) (deadline - bench_now_ms ());
      ssize_t n;

      if (left <= 0 || poll (&pfd, 1, left) <= 0)
        return FALSE;
      n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (line, buf, n);
    }
  return TRUE;
}

gboolean
bench_first_frame (const char  *program,
                   const char  *argument,
                   double      *ms,
                   double      *peak_rss_mib,
                   GError     **error)
{
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GString) line = g_string_new (NULL);
  const char *argv[] = { dbus_run_session, "--", program, argument, NULL };
  struct rusage usage;
  double start;
  gint64 frame_us;
  gboolean ok;
  GPid pid;
  int out, status;

  if (dbus_run_session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "dbus-run-session not found");
      return FALSE;
    }
  start = bench_now_ms ();
  /* stderr: dbus-daemon's complaints about its fd limit, run as root */
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out, NULL, error))
    return FALSE;
  ok = read_first_line (out, line);
  close (out);
  if (!ok)
    kill (pid, SIGTERM);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  if (!ok || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s drew no frame (exit status %d)",
                   program, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return FALSE;
    }
  frame_us = g_ascii_strtoll (line->str, NULL, 10);
  *ms = frame_us / 1e3 - start;
  *peak_rss_mib = usage.ru_maxrss / 1024.0;
  return TRUE;
}
