/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-audit.h"
#include "acu-demo.h"
#include "acu-desk-people.h"
#include "acu-report.h"
#include "acu-report-document.h"
#include "acu-report-export.h"
#include "acu-store.h"

/* Exit codes, documented in --help and relied on by scripts */
enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_WRONG_PASSWORD = 2,
  EXIT_NOT_DATABASE = 3,
  EXIT_SCHEMA_TOO_NEW = 4,
  EXIT_KEYFILE = 5,
  EXIT_OTHER = 6,
  EXIT_FORBIDDEN = 7,
};

typedef int (*CommandFunc) (int argc, char **argv);

static int
exit_code_for_error (const GError *error)
{
  if (error->domain != ACU_STORE_ERROR)
    return EXIT_OTHER;

  switch ((AcuStoreError) error->code)
    {
    case ACU_STORE_ERROR_WRONG_PASSWORD:
    case ACU_STORE_ERROR_PIN_LOCKED:
      return EXIT_WRONG_PASSWORD;
    case ACU_STORE_ERROR_FORBIDDEN:
      return EXIT_FORBIDDEN;
    case ACU_STORE_ERROR_NOT_FOUND:
    case ACU_STORE_ERROR_NOT_ACUELH:
    case ACU_STORE_ERROR_DAMAGED:
      return EXIT_NOT_DATABASE;
    case ACU_STORE_ERROR_SCHEMA_TOO_NEW:
      return EXIT_SCHEMA_TOO_NEW;
    case ACU_STORE_ERROR_KEYFILE_MISSING:
    case ACU_STORE_ERROR_KEYFILE_DAMAGED:
      return EXIT_KEYFILE;
    case ACU_STORE_ERROR_INVALID:
    case ACU_STORE_ERROR_WEAK_PASSWORD:
    case ACU_STORE_ERROR_EXISTS:
    case ACU_STORE_ERROR_NO_RECORD:
    case ACU_STORE_ERROR_IN_USE:
      return EXIT_USAGE;
    case ACU_STORE_ERROR_FAILED:
    case ACU_STORE_ERROR_NO_CIPHER:
    case ACU_STORE_ERROR_LAST_SLOT:
    default:
      return EXIT_OTHER;
    }
}

static int
fail (const GError *error)
{
  g_printerr ("acuelh-cli: %s\n", error->message);
  return exit_code_for_error (error);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("acuelh-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

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

/* Reading secrets: every copy is wiped before it is freed */

#define SECRET_MAX 1024

static void
secret_free (char *secret)
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
      secret_free (secret);
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The password is not valid UTF-8 text."));
      return NULL;
    }
  return secret;
}

static char *
read_secret_file (const char  *path,
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

static char *
get_password (const char  *password_file,
              gboolean     confirm,
              GError     **error)
{
  char *first;
  char *second;
  gboolean same;

  if (password_file != NULL)
    return read_secret_file (password_file, error);

  first = prompt_secret (_("Password: "), error);
  if (first == NULL)
    return NULL;
  if (*first == '\0')
    {
      secret_free (first);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No password was given."));
      return NULL;
    }
  if (!confirm || !isatty (STDIN_FILENO))
    return first;

  second = prompt_secret (_("Password again: "), error);
  same = second != NULL && g_strcmp0 (first, second) == 0;
  secret_free (second);
  if (!same)
    {
      secret_free (first);
      g_clear_error (error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The two passwords differ."));
      return NULL;
    }
  return first;
}

/* Commands */

static void
print_progress (double   fraction,
                gpointer user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%3d %%", (int) (fraction * 100));
}

/* The database and its key file, after a failed demo fill */
static void
remove_created (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-keys" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* create, and demo: create then fill with demo data */
static int
create_database (int       argc,
                 char    **argv,
                 gboolean  demo)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *site = NULL;
  g_autofree char *name = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *recovery_code = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *until = NULL;
  int households = 1500, years = 3;
  gint64 seed = 1;
  char *password;
  GOptionEntry entries[] = {
    { "site", 0, 0, G_OPTION_ARG_STRING, &site, N_("Name of the site"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Your name (the first coordinator)"), N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  GOptionEntry demo_entries[] = {
    { "households", 0, 0, G_OPTION_ARG_INT, &households, N_("Number of households (default 1500)"), N_("HOUSEHOLDS") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of visits (default 3)"), N_("YEARS") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed: the same seed makes the same data (default 1)"), N_("SEED") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day of the data (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  g_set_prgname (demo ? "acuelh-cli demo" : "acuelh-cli create");
  /* Translators: the placeholder for the database file in "acuelh-cli create DB" */
  context = g_option_context_new (_("DB"));
  g_option_context_set_summary (context, demo ? _("Create an encrypted database filled with demo data")
                                              : _("Create an encrypted database and its key file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (demo)
    g_option_context_add_main_entries (context, demo_entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_codes_description ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Give the path of the database to create."));
  if (site == NULL || name == NULL)
    return usage_error (context, _("--site and --name are required."));
  if (demo && (households < 1 || households > 1000000 || years < 1 || years > 20
               || seed < 0 || seed > G_MAXUINT32))
    return usage_error (context, _("Demo data needs from 1 to 1,000,000 households, from 1 to 20 years, "
                                   "and a seed from 0 to 4,294,967,295."));

  password = get_password (password_file, TRUE, &error);
  if (password == NULL)
    {
      g_printerr ("acuelh-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  store = acu_store_create (argv[1], site, name, password, &recovery_code, &error);
  secret_free (password);
  if (store == NULL)
    return fail (error);

  if (demo)
    {
      AcuDemoOptions options = { households, years, (guint32) seed, until };

      if (!acu_demo_fill (store, &options, print_progress, NULL, NULL, &error))
        {
          sodium_memzero (recovery_code, strlen (recovery_code));
          acu_store_close (store);
          remove_created (argv[1]);
          if (isatty (STDERR_FILENO))
            g_printerr ("\n");
          return fail (error);
        }
      if (isatty (STDERR_FILENO))
        g_printerr ("\n");
    }

  key_path = acu_key_file_path_for (argv[1]);
  g_print (_("Created the database %s and its key file %s.\n"), argv[1], key_path);
  g_print (_("Keep both files together, and back them up together.\n"));
  g_print (_("The recovery code below opens the database if every password is lost. "
             "Print it and keep it in a safe place: it will not be shown again.\n"));
  g_print ("%s\n", recovery_code);
  sodium_memzero (recovery_code, strlen (recovery_code));
  acu_store_close (store);
  return EXIT_OK;
}

static int
command_create (int    argc,
                char **argv)
{
  return create_database (argc, argv, FALSE);
}

static int
command_demo (int    argc,
              char **argv)
{
  return create_database (argc, argv, TRUE);
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *recovery_file = NULL;
  char *secret;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Whose key slot to unlock with"), N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE (- for standard input)"), N_("FILE") },
    { "recovery-code-file", 0, 0, G_OPTION_ARG_FILENAME, &recovery_file,
      N_("Unlock with the recovery code read from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };

  g_set_prgname ("acuelh-cli check");
  /* Translators: the placeholder for the database file in "acuelh-cli check DB" */
  context = g_option_context_new (_("DB"));
  g_option_context_set_summary (context, _("Unlock a database and check its integrity"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_codes_description ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Give the path of the database to check."));
  if (recovery_file != NULL && (name != NULL || password_file != NULL))
    return usage_error (context, _("Use either --recovery-code-file, or --name with a password."));
  if (recovery_file == NULL && name == NULL)
    return usage_error (context, _("--name is required (or --recovery-code-file)."));

  if (recovery_file != NULL)
    secret = read_secret_file (recovery_file, &error);
  else
    secret = get_password (password_file, FALSE, &error);
  if (secret == NULL)
    {
      g_printerr ("acuelh-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (recovery_file != NULL)
    store = acu_store_open_with_recovery_code (argv[1], secret, &error);
  else
    store = acu_store_open (argv[1], name, secret, &error);
  secret_free (secret);
  if (store == NULL)
    return fail (error);

  if (!acu_store_check_integrity (store, &error))
    return fail (error);

  g_print (_("%s: the database of “%s” is intact (schema version %d), unlocked by %s.\n"),
           argv[1], acu_store_get_site_name (store),
           acu_store_get_schema_version (store), acu_store_get_person_name (store));
  acu_store_close (store);
  return EXIT_OK;
}

/* user and audit: a coordinator (or staff, for a PIN) named by --as
 * unlocks with their password, as check does */
static AcuStore *
open_as (const char  *path,
         const char  *as,
         const char  *password_file,
         char       **kept_password,
         GError     **error)
{
  char *password = get_password (password_file, FALSE, error);
  AcuStore *store;

  if (password == NULL)
    return NULL;
  store = acu_store_open (path, as, password, error);
  if (kept_password != NULL && store != NULL)
    *kept_password = password;
  else
    secret_free (password);
  return store;
}

/* Codes, like the roles beside them, for scripts to read */
static const char *
user_kind (const AcuDeskPerson *person)
{
  if (!person->active)
    return "deactivated";
  if (person->has_password)
    return "password";
  if (person->pin_locked)
    return "pin-locked";
  if (person->has_pin)
    return "pin";
  return "no-pin";
}

static int
command_user (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *as = NULL;
  g_autofree char *password_file = NULL;
  const char *action;
  char *as_password = NULL;
  int status = EXIT_OK;
  AcuRole role = ACU_ROLE_VOLUNTEER;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person to add, remove or give a new password or PIN"), N_("PERSON") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("volunteer, staff or coordinator"), N_("ROLE") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file,
      N_("Read the person’s new password (or a volunteer’s PIN) from FILE (- for standard input)"), N_("FILE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("Who does it: a coordinator (staff may reset a PIN)"), N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password of --as from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };

  g_set_prgname ("acuelh-cli user");
  /* Translators: "acuelh-cli user add|list|remove|passwd DB" */
  context = g_option_context_new (_("add|list|remove|passwd DB"));
  g_option_context_set_summary (context, _("Manage the people of the desk: add, list, remove (deactivate), "
                                           "set a new password or PIN"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_codes_description ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, _("Give an action (add, list, remove or passwd) and the database."));
  action = argv[1];
  if (!g_str_equal (action, "add") && !g_str_equal (action, "list")
      && !g_str_equal (action, "remove") && !g_str_equal (action, "passwd"))
    return usage_error (context, _("The action is add, list, remove or passwd."));
  if (as == NULL)
    return usage_error (context, _("--as is required: who does it."));
  if (!g_str_equal (action, "list") && name == NULL)
    return usage_error (context, _("--name is required."));
  if ((g_str_equal (action, "add") || g_str_equal (action, "passwd")) && secret_file == NULL)
    return usage_error (context, _("--secret-file is required: the new password or PIN."));
  if (g_strcmp0 (secret_file, "-") == 0 && g_strcmp0 (password_file, "-") == 0)
    return usage_error (context, _("Only one of --secret-file and --password-file can read standard input."));
  if (g_str_equal (action, "add"))
    {
      if (role_text == NULL)
        return usage_error (context, _("--role is required: volunteer, staff or coordinator."));
      if (!acu_role_from_string (role_text, &role))
        return usage_error (context, _("The role is volunteer, staff or coordinator."));
    }

  store = open_as (argv[2], as, password_file, &as_password, &error);
  if (store == NULL)
    { status = fail (error); goto out; }

  if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) people = acu_desk_people_list (store, TRUE, &error);

      if (people == NULL)
        { status = fail (error); goto out; }
      for (guint i = 0; i < people->len; i++)
        {
          AcuDeskPerson *person = g_ptr_array_index (people, i);

          g_print ("%s\t%s\t%s\n", person->name, acu_role_to_string (person->role), user_kind (person));
        }
    }
  else if (g_str_equal (action, "add"))
    {
      char *secret = read_secret_file (secret_file, &error);
      gint64 id;

      if (secret == NULL)
        { status = fail (error); goto out; }
      id = acu_desk_person_add (store, name, role, secret, &error);
      secret_free (secret);
      if (id == 0)
        { status = fail (error); goto out; }
      g_print (_("%s can now work at the desk, as %s.\n"), name, acu_role_get_label (role));
    }
  else
    {
      gint64 id = acu_desk_person_find (store, name, &error);

      if (id == 0)
        { status = fail (error); goto out; }
      if (g_str_equal (action, "remove"))
        {
          if (!acu_desk_person_deactivate (store, id, &error))
            { status = fail (error); goto out; }
          g_print (_("%s no longer works at the desk; their past records keep their name.\n"), name);
        }
      else
        {
          char *secret = read_secret_file (secret_file, &error);
          gboolean ok;

          if (secret == NULL)
            { status = fail (error); goto out; }
          /* One's own password: the password of --as is the old one */
          if (id == acu_store_get_person_id (store))
            ok = acu_store_change_password (store, as_password, secret, &error);
          else
            ok = acu_desk_person_reset_secret (store, id, secret, &error);
          secret_free (secret);
          if (!ok)
            { status = fail (error); goto out; }
          g_print (_("New password or PIN set for %s.\n"), name);
        }
    }
out:
  secret_free (as_password);
  if (store != NULL)
    acu_store_close (store);
  return status;
}

static int
command_audit (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *as = NULL;
  g_autofree char *password_file = NULL;
  guint offset = 0;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("First day (default: the whole log)"), N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day (default: today)"), N_("YYYY-MM-DD") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("Who reads it: a coordinator"), N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password of --as from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };

  g_set_prgname ("acuelh-cli audit");
  context = g_option_context_new (_("DB"));
  g_option_context_set_summary (context, _("Print the audit log, oldest entry first, one a line: "
                                           "date and time, who, what, which record"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_codes_description ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Give the path of the database."));
  if (as == NULL)
    return usage_error (context, _("--as is required: who reads the log."));

  store = open_as (argv[1], as, password_file, NULL, &error);
  if (store == NULL)
    return fail (error);

  /* Pages come newest first: gather, then print oldest first */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_audit_entry_free);

    for (;;)
      {
        g_autoptr(GPtrArray) page = acu_audit_list (store, since, until, 0, NULL, offset, 1000, &error);

        if (page == NULL)
          return fail (error);
        for (guint i = 0; i < page->len; i++)
          g_ptr_array_add (all, g_steal_pointer (&g_ptr_array_index (page, i)));
        offset += page->len;
        if (page->len < 1000)
          break;
      }
    for (guint i = all->len; i > 0; i--)
      {
        AcuAuditEntry *entry = g_ptr_array_index (all, i - 1);
        g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (entry->at);
        g_autofree char *when = g_date_time_format (at, "%Y-%m-%d %H:%M:%S");

        g_print ("%s\t%s\t%s\t%s\n", when, entry->person ? entry->person : "—",
                 entry->action, entry->object ? entry->object : "");
      }
  }
  acu_store_close (store);
  return EXIT_OK;
}

/* report: the activity summary over two dates, as the Reports page
 * saves it; the same figures, the same drawing */
static int
command_report (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autoptr(AcuReport) report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autofree char *password_file = NULL;
  AcuReportFormat format;
  AcuPeriod period;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("pdf, csv, json, or network-json (anonymous figures for the network of third places)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Who makes the report: a coordinator"), N_("PERSON") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };

  g_set_prgname ("acuelh-cli report");
  context = g_option_context_new (_("DB"));
  g_option_context_set_summary (context, _("Write the activity summary of a period: the same figures and the "
                                           "same pages as the Reports page. A whole month, quarter or year is "
                                           "compared with the previous one and with the same period one year "
                                           "earlier."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_codes_description ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("Give the path of the database."));
  if (from == NULL || to == NULL)
    return usage_error (context, _("--from and --to are required: the first and last days of the period."));
  if (format_text == NULL || !acu_report_format_from_string (format_text, &format))
    return usage_error (context, _("--format must be pdf, csv, json or network-json."));
  if (output == NULL)
    return usage_error (context, _("--output is required: the file to write."));
  if (name == NULL)
    return usage_error (context, _("--name is required: who makes the report."));
  if (!acu_period_init_dates (&period, from, to, &error))
    return usage_error (context, error->message);

  store = open_as (argv[1], name, password_file, NULL, &error);
  if (store == NULL)
    return fail (error);
  report = acu_report_compute (store, &period, NULL, NULL, NULL, &error);
  if (report == NULL)
    return fail (error);

  if (format == ACU_REPORT_FORMAT_PDF)
    {
      g_autoptr(AcuReportDocument) document = acu_report_document_new (report);

      /* recorded first: an export is never left unrecorded */
      if (!acu_report_record_export (store, &error)
          || !acu_report_document_save_pdf (document, output, &error))
        return fail (error);
    }
  else if (!acu_report_export (store, report, format, output, &error))
    return fail (error);

  acu_store_close (store);
  return EXIT_OK;
}

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "create", command_create, N_("Create an encrypted database and its key file") },
  { "check", command_check, N_("Unlock a database and check its integrity") },
  { "demo", command_demo, N_("Create an encrypted database filled with demo data") },
  { "user", command_user, N_("Add, list or remove the people of the desk; set a password or PIN") },
  { "audit", command_audit, N_("Print the audit log") },
  { "report", command_report, N_("Write the activity summary of a period as PDF, CSV or JSON") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: acuelh-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n\n", _("Run “acuelh-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", exit_codes_description ());
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ACUELH_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Names are UTF-8 whatever the terminal says: under the C locale of a
   * bare root shell, GOption would refuse "Hélène" */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("acuelh-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  g_printerr (_("acuelh-cli: unknown command “%s”.\n\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}
