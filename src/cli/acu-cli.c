/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-cli.h"

/* What every command shares: the help, parsing the options, reading a
 * password, opening the database, and the exit status of an error. The
 * commands themselves are in acu-cli-AREA.c, listed in acu-cli-commands.c. */

static const char *
exit_codes_description (void)
{
  return _("Exit status:\n"
           "  0  success\n"
           "  1  usage error or invalid input\n"
           "  2  wrong password or recovery code\n"
           "  3  not an Acuèlh database, or damaged\n"
           "  4  database written by a newer version of Acuèlh\n"
           "  5  key file missing or damaged\n"
           "  6  any other failure (disk full, permissions…)\n"
           "  7  not allowed for the role of the person named by --as");
}

int
acu_cli_exit_status (const GError *error)
{
  if (error->domain != ACU_STORE_ERROR)
    return ACU_CLI_EXIT_OTHER;

  switch ((AcuStoreError) error->code)
    {
    case ACU_STORE_ERROR_WRONG_PASSWORD:
    case ACU_STORE_ERROR_PIN_LOCKED:
      return ACU_CLI_EXIT_WRONG_PASSWORD;
    case ACU_STORE_ERROR_FORBIDDEN:
      return ACU_CLI_EXIT_FORBIDDEN;
    case ACU_STORE_ERROR_NOT_FOUND:
    case ACU_STORE_ERROR_NOT_ACUELH:
    case ACU_STORE_ERROR_DAMAGED:
      return ACU_CLI_EXIT_NOT_DATABASE;
    case ACU_STORE_ERROR_SCHEMA_TOO_NEW:
      return ACU_CLI_EXIT_SCHEMA_TOO_NEW;
    case ACU_STORE_ERROR_KEYFILE_MISSING:
    case ACU_STORE_ERROR_KEYFILE_DAMAGED:
      return ACU_CLI_EXIT_KEYFILE;
    case ACU_STORE_ERROR_INVALID:
    case ACU_STORE_ERROR_WEAK_PASSWORD:
    case ACU_STORE_ERROR_EXISTS:
    case ACU_STORE_ERROR_NO_RECORD:
    case ACU_STORE_ERROR_IN_USE:
      return ACU_CLI_EXIT_USAGE;
    case ACU_STORE_ERROR_FAILED:
    case ACU_STORE_ERROR_NO_CIPHER:
    case ACU_STORE_ERROR_LAST_SLOT:
    default:
      return ACU_CLI_EXIT_OTHER;
    }
}

/* Prints the error and returns its exit status */
int
acu_cli_fail (const GError *error)
{
  g_printerr ("acuelh-cli: %s\n", error->message);
  return acu_cli_exit_status (error);
}

static int
usage_error (GOptionContext *options,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (options, TRUE, NULL);

  g_printerr ("acuelh-cli: %s\n\n%s", message, help);
  return ACU_CLI_EXIT_USAGE;
}

/* Reading secrets: every copy is wiped before it is freed */

#define SECRET_MAX 1024

void
acu_cli_secret_free (char *secret)
{
  if (secret != NULL)
    sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

static void
strip_line_end (char *line)
{
  gsize len = strlen (line);

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';
}

/* The first line of @fd, without stdio's buffer keeping a copy */
static char *
read_line (int fd)
{
  char *line = g_malloc0 (SECRET_MAX + 1);
  gsize len = 0;
  char c;

  while (len < SECRET_MAX && read (fd, &c, 1) == 1 && c != '\n')
    line[len++] = c;
  strip_line_end (line);
  return line;
}

/* Names and passwords are UTF-8: a Latin-1 terminal's "é" is refused
 * here rather than turned into a password no other screen can type */
static char *
validated (char    *secret,
           GError **error)
{
  if (!g_utf8_validate (secret, -1, NULL))
    {
      acu_cli_secret_free (secret);
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The password is not valid UTF-8 text."));
      return NULL;
    }
  return secret;
}

/* The first line of the file at @path, or of standard input for "-" */
char *
acu_cli_read_secret_file (const char  *path,
                          GError     **error)
{
  char *secret;

  if (g_strcmp0 (path, "-") == 0)
    secret = read_line (STDIN_FILENO);
  else
    {
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      secret = read_line (fd);
      close (fd);
    }

  return validated (secret, error);
}

/* Asks without echo on a terminal; reads a line otherwise */
static char *
prompt_secret (const char  *prompt,
               GError     **error)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *secret;

  if (tty)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  secret = read_line (STDIN_FILENO);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  return validated (secret, error);
}

/* From @password_file if given, else asked for (twice on a terminal
 * if @confirm) */
char *
acu_cli_get_password (const char  *password_file,
                      gboolean     confirm,
                      GError     **error)
{
  char *first;
  char *second;
  gboolean same;

  if (password_file != NULL)
    return acu_cli_read_secret_file (password_file, error);

  first = prompt_secret (_("Password: "), error);
  if (first == NULL)
    return NULL;
  if (*first == '\0')
    {
      acu_cli_secret_free (first);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No password was given."));
      return NULL;
    }
  if (!confirm || !isatty (STDIN_FILENO))
    return first;

  second = prompt_secret (_("Password again: "), error);
  same = second != NULL && g_strcmp0 (first, second) == 0;
  acu_cli_secret_free (second);
  if (!same)
    {
      acu_cli_secret_free (first);
      g_clear_error (error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The two passwords differ."));
      return NULL;
    }
  return first;
}

/* Opening the database */

/* Whoever can unlock it, with a password or the recovery code. A secret
 * that cannot be read is a usage error here (exit 1), where the commands
 * that act as someone report it by its error (exit 6), as they always did. */
static int
open_unlock (AcuCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  if (ctx->recovery_file != NULL)
    secret = acu_cli_read_secret_file (ctx->recovery_file, &error);
  else
    secret = acu_cli_get_password (ctx->password_file, FALSE, &error);
  if (secret == NULL)
    {
      g_printerr ("acuelh-cli: %s\n", error->message);
      return ACU_CLI_EXIT_USAGE;
    }

  if (ctx->recovery_file != NULL)
    ctx->store = acu_store_open_with_recovery_code (ctx->path, secret, &error);
  else
    ctx->store = acu_store_open (ctx->path, ctx->person, secret, &error);
  acu_cli_secret_free (secret);
  if (ctx->store == NULL)
    return acu_cli_fail (error);
  return ACU_CLI_EXIT_OK;
}

/* The person named acts, with at least the role the command needs */
static int
open_as_role (AcuCliContext *ctx,
              AcuRole        role)
{
  g_autoptr(GError) error = NULL;
  char *password = acu_cli_get_password (ctx->password_file, FALSE, &error);

  if (password == NULL)
    return acu_cli_fail (error);
  ctx->store = acu_store_open (ctx->path, ctx->person, password, &error);
  if (ctx->store != NULL && ctx->command->open.keep_password)
    ctx->password = password;
  else
    acu_cli_secret_free (password);
  if (ctx->store == NULL)
    return acu_cli_fail (error);
  /* The core checks the role of every call again */
  if (!acu_store_require_role (ctx->store, role, &error))
    return acu_cli_fail (error);
  return ACU_CLI_EXIT_OK;
}

/* Usage errors of the options that open the database */
static const char *
check_open_options (AcuCliContext *ctx)
{
  const AcuCliOpen *open = &ctx->command->open;

  switch (open->how)
    {
    case ACU_CLI_OPEN_UNLOCK:
      if (ctx->recovery_file != NULL && (ctx->person != NULL || ctx->password_file != NULL))
        return _("Use either --recovery-code-file, or --name with a password.");
      if (ctx->recovery_file == NULL && ctx->person == NULL)
        return _(open->missing);
      return NULL;
    case ACU_CLI_OPEN_AS_ROLE:
      return ctx->person == NULL ? _(open->missing) : NULL;
    case ACU_CLI_OPEN_NONE:
    default:
      return NULL;
    }
}

/* Running a command */

/* The options the shared code adds to a command that opens its database,
 * ended by an entry whose long_name is NULL; @ctx receives their values
 * (NULL: for the manual) */
static void
fill_open_entries (const AcuCliOpen *open,
                   AcuCliContext    *ctx,
                   GOptionEntry      entries[4])
{
  GOptionEntry open_entries[] = {
    { open->option, 0, 0, G_OPTION_ARG_STRING, ctx ? &ctx->person : NULL, open->option_help, N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, ctx ? &ctx->password_file : NULL,
      g_strcmp0 (open->option, "as") == 0
        ? N_("Read the password of --as from FILE (- for standard input)")
        : N_("Read the password from the first line of FILE (- for standard input)"),
      N_("FILE") },
    { "recovery-code-file", 0, 0, G_OPTION_ARG_FILENAME, ctx ? &ctx->recovery_file : NULL,
      N_("Unlock with the recovery code read from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };

  /* Only those who unlock may bring the recovery code: the list ends before it */
  if (open->how != ACU_CLI_OPEN_UNLOCK)
    open_entries[2].long_name = NULL;
  if (open->how == ACU_CLI_OPEN_NONE)
    open_entries[0].long_name = NULL;
  memcpy (entries, open_entries, sizeof open_entries);
}

static int
run_command (const AcuCliCommand *command,
             int                  argc,
             char               **argv)
{
  AcuCliContext ctx = { .command = command };
  const AcuCliOpen *open = &command->open;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strconcat ("acuelh-cli ", command->name, NULL);
  int n_args = command->actions != NULL ? 2 : 1;
  AcuCliRunFunc run = command->run;
  AcuRole role = open->role;
  const char *parameter;
  const char *message;
  GOptionEntry open_entries[4];
  int status;

  fill_open_entries (open, &ctx, open_entries);

  if (command->parameter != NULL)
    parameter = _(command->parameter);
  else
    /* Translators: the placeholder for the database file, as in "acuelh-cli check DB" */
    parameter = _("DB");

  g_set_prgname (prgname);
  ctx.options = g_option_context_new (parameter);
  g_option_context_set_summary (ctx.options, _(command->description != NULL ? command->description
                                                                             : command->summary));
  if (command->entries != NULL)
    g_option_context_add_main_entries (ctx.options, command->entries, GETTEXT_PACKAGE);
  if (open->how != ACU_CLI_OPEN_NONE)
    g_option_context_add_main_entries (ctx.options, open_entries, GETTEXT_PACKAGE);
  g_option_context_set_description (ctx.options, exit_codes_description ());

  if (!g_option_context_parse (ctx.options, &argc, &argv, &error))
    {
      status = usage_error (ctx.options, error->message);
      goto out;
    }
  if (argc != n_args + 1)
    {
      status = usage_error (ctx.options, _(command->missing_args));
      goto out;
    }
  if (command->actions != NULL)
    {
      for (const AcuCliAction *action = command->actions; action->name != NULL; action++)
        if (g_str_equal (argv[1], action->name))
          ctx.action = action;
      if (ctx.action == NULL)
        {
          status = usage_error (ctx.options, _(command->unknown_action));
          goto out;
        }
      run = ctx.action->run;
      role = ctx.action->role;
    }
  ctx.path = argv[argc - 1];

  message = check_open_options (&ctx);
  if (message != NULL)
    {
      status = usage_error (ctx.options, message);
      goto out;
    }
  if (command->check != NULL && !command->check (&ctx, &error))
    {
      status = usage_error (ctx.options, error->message);
      goto out;
    }

  if (open->how == ACU_CLI_OPEN_UNLOCK)
    status = open_unlock (&ctx);
  else if (open->how == ACU_CLI_OPEN_AS_ROLE)
    status = open_as_role (&ctx, role);
  else
    status = ACU_CLI_EXIT_OK;
  if (status == ACU_CLI_EXIT_OK)
    status = run (&ctx, argc, argv);

out:
  acu_cli_secret_free (ctx.password);
  if (ctx.store != NULL)
    acu_store_close (ctx.store);
  g_clear_object (&ctx.store);
  g_free (ctx.person);
  g_free (ctx.password_file);
  g_free (ctx.recovery_file);
  g_option_context_free (ctx.options);
  return status;
}

static void
print_help (const AcuCliCommand * const *areas,
            FILE                        *out)
{
  fprintf (out, "%s\n\n", _("Usage: acuelh-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; areas[i] != NULL; i++)
    for (const AcuCliCommand *command = areas[i]; command->name != NULL; command++)
      fprintf (out, "  %-8s %s\n", command->name, _(command->summary));
  fprintf (out, "\n%s\n\n", _("Run “acuelh-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", exit_codes_description ());
}

/* The manual's generated parts, in scdoc(5), in the language of the
 * environment: man/meson.build puts them in the pages, so that the
 * manual lists what the table holds, as --help does. Hidden options:
 * "acuelh-cli --man-commands", "acuelh-cli --man-exit-status". */

static void
man_append (GString    *out,
            const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '*' || *p == '_')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
man_append_options (GString            *out,
                    const GOptionEntry *entries)
{
  for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
    {
      if (e->flags & G_OPTION_FLAG_HIDDEN)
        continue;
      if (e->short_name != 0)
        g_string_append_printf (out, "*-%c*, ", e->short_name);
      g_string_append (out, "*--");
      man_append (out, e->long_name);
      g_string_append (out, "*");
      if (e->arg != G_OPTION_ARG_NONE && e->arg_description != NULL)
        {
          g_string_append (out, " _");
          man_append (out, _(e->arg_description));
          g_string_append (out, "_");
        }
      g_string_append (out, "\n\t");
      man_append (out, _(e->description));
      g_string_append (out, "\n\n");
    }
}

static void
print_man_commands (const AcuCliCommand * const *areas)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *usage = _("Usage: acuelh-cli COMMAND [OPTION…]");
  /* "[OPTION…]" as the help says it, in its language */
  const char *any_option = strrchr (usage, '[') ? strrchr (usage, '[') : "[OPTION…]";

  for (guint i = 0; areas[i] != NULL; i++)
    for (const AcuCliCommand *command = areas[i]; command->name != NULL; command++)
      {
        GOptionEntry open_entries[4];

        g_string_append (out, "## ");
        man_append (out, command->name);
        g_string_append (out, "\n\n*acuelh-cli ");
        man_append (out, command->name);
        g_string_append (out, "* ");
        man_append (out, any_option);
        g_string_append (out, " ");
        man_append (out, command->parameter != NULL ? _(command->parameter) : _("DB"));
        g_string_append (out, "\n\n");
        man_append (out, _(command->description != NULL ? command->description : command->summary));
        g_string_append (out, "\n\n");
        man_append_options (out, command->entries);
        fill_open_entries (&command->open, NULL, open_entries);
        man_append_options (out, open_entries);
      }
  fputs (out->str, stdout);
}

/* The lines "  N  meaning" of the help's exit statuses, as a list */
static void
print_man_exit_status (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (exit_codes_description (), "\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      const char *meaning = line;

      while (g_ascii_isdigit (*meaning))
        meaning++;
      if (meaning == line)
        continue;
      g_string_append_printf (out, "*%.*s*\n\t", (int) (meaning - line), line);
      while (g_ascii_isspace (*meaning))
        meaning++;
      man_append (out, meaning);
      g_string_append (out, "\n\n");
    }
  fputs (out->str, stdout);
}

/* Runs the command named by argv[1], found in @areas: a NULL-ended list
 * of arrays of commands, each array ended by a command whose name is NULL */
int
acu_cli_main (const AcuCliCommand * const *areas,
              int                          argc,
              char                       **argv)
{
  if (argc < 2)
    {
      print_help (areas, stderr);
      return ACU_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (areas, stdout);
      return ACU_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--man-commands"))
    {
      print_man_commands (areas);
      return ACU_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--man-exit-status"))
    {
      print_man_exit_status ();
      return ACU_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("acuelh-cli %s\n", PACKAGE_VERSION);
      return ACU_CLI_EXIT_OK;
    }

  for (guint i = 0; areas[i] != NULL; i++)
    for (const AcuCliCommand *command = areas[i]; command->name != NULL; command++)
      if (g_str_equal (argv[1], command->name))
        return run_command (command, argc - 1, argv + 1);

  g_printerr (_("acuelh-cli: unknown command “%s”.\n\n"), argv[1]);
  print_help (areas, stderr);
  return ACU_CLI_EXIT_USAGE;
}
