/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "acu-cli-commands.h"
#include "acu-demo.h"
#include "acu-store.h"

/* The database itself: create, check, demo */

static struct
{
  char   *site;
  char   *name;
  char   *password_file;
  int     households;
  int     years;
  gint64  seed;
  char   *until;
} opts = { .households = 1500, .years = 3, .seed = 1 };

#define CREATE_ENTRIES \
  { "site", 0, 0, G_OPTION_ARG_STRING, &opts.site, N_("Name of the site"), N_("NAME") }, \
  { "name", 0, 0, G_OPTION_ARG_STRING, &opts.name, N_("Your name (the first coordinator)"), N_("PERSON") }, \
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opts.password_file, \
    N_("Read the password from the first line of FILE (- for standard input)"), N_("FILE") }

static const GOptionEntry create_entries[] = {
  CREATE_ENTRIES,
  { NULL }
};

static const GOptionEntry demo_entries[] = {
  CREATE_ENTRIES,
  { "households", 0, 0, G_OPTION_ARG_INT, &opts.households, N_("Number of households (default 1500)"), N_("HOUSEHOLDS") },
  { "years", 0, 0, G_OPTION_ARG_INT, &opts.years, N_("Years of visits (default 3)"), N_("YEARS") },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opts.seed, N_("Seed: the same seed makes the same data (default 1)"), N_("SEED") },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opts.until, N_("Last day of the data (default today)"), N_("YYYY-MM-DD") },
  { NULL }
};

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

static gboolean
create_check (AcuCliContext  *ctx,
              GError        **error)
{
  if (opts.site == NULL || opts.name == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--site and --name are required."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
demo_check (AcuCliContext  *ctx,
            GError        **error)
{
  if (!create_check (ctx, error))
    return FALSE;
  if (opts.households < 1 || opts.households > 1000000 || opts.years < 1 || opts.years > 20
      || opts.seed < 0 || opts.seed > G_MAXUINT32)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Demo data needs from 1 to 1,000,000 households, from 1 to 20 years, "
                             "and a seed from 0 to 4,294,967,295."));
      return FALSE;
    }
  return TRUE;
}

/* create, and demo: create then fill with demo data */
static int
create_database (AcuCliContext *ctx,
                 gboolean       demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = NULL;
  g_autofree char *recovery_code = NULL;
  g_autofree char *key_path = NULL;
  char *password;

  password = acu_cli_get_password (opts.password_file, TRUE, &error);
  if (password == NULL)
    {
      g_printerr ("acuelh-cli: %s\n", error->message);
      return ACU_CLI_EXIT_USAGE;
    }

  store = acu_store_create (ctx->path, opts.site, opts.name, password, &recovery_code, &error);
  acu_cli_secret_free (password);
  if (store == NULL)
    return acu_cli_fail (error);

  if (demo)
    {
      AcuDemoOptions options = { opts.households, opts.years, (guint32) opts.seed, opts.until };

      if (!acu_demo_fill (store, &options, print_progress, NULL, NULL, &error))
        {
          sodium_memzero (recovery_code, strlen (recovery_code));
          acu_store_close (store);
          remove_created (ctx->path);
          if (isatty (STDERR_FILENO))
            g_printerr ("\n");
          return acu_cli_fail (error);
        }
      if (isatty (STDERR_FILENO))
        g_printerr ("\n");
    }

  key_path = acu_key_file_path_for (ctx->path);
  g_print (_("Created the database %s and its key file %s.\n"), ctx->path, key_path);
  g_print (_("Keep both files together, and back them up together.\n"));
  g_print (_("The recovery code below opens the database if every password is lost. "
             "Print it and keep it in a safe place: it will not be shown again.\n"));
  g_print ("%s\n", recovery_code);
  sodium_memzero (recovery_code, strlen (recovery_code));
  acu_store_close (store);
  return ACU_CLI_EXIT_OK;
}

static int
create_run (AcuCliContext  *ctx,
            int             argc,
            char          **argv)
{
  return create_database (ctx, FALSE);
}

static int
demo_run (AcuCliContext  *ctx,
          int             argc,
          char          **argv)
{
  return create_database (ctx, TRUE);
}

/* Opened by the shared code: a password or the recovery code */
static int
check_run (AcuCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;

  if (!acu_store_check_integrity (ctx->store, &error))
    return acu_cli_fail (error);

  g_print (_("%s: the database of “%s” is intact (schema version %d), unlocked by %s.\n"),
           ctx->path, acu_store_get_site_name (ctx->store),
           acu_store_get_schema_version (ctx->store), acu_store_get_person_name (ctx->store));
  return ACU_CLI_EXIT_OK;
}

const AcuCliCommand acu_cli_database_commands[] = {
  {
    .name = "create",
    .summary = N_("Create an encrypted database and its key file"),
    .missing_args = N_("Give the path of the database to create."),
    .entries = create_entries,
    .check = create_check,
    .run = create_run,
  },
  {
    .name = "check",
    .summary = N_("Unlock a database and check its integrity"),
    .missing_args = N_("Give the path of the database to check."),
    .open = {
      .how = ACU_CLI_OPEN_UNLOCK,
      .option = "name",
      .option_help = N_("Whose key slot to unlock with"),
      .missing = N_("--name is required (or --recovery-code-file)."),
    },
    .run = check_run,
  },
  {
    .name = "demo",
    .summary = N_("Create an encrypted database filled with demo data"),
    .missing_args = N_("Give the path of the database to create."),
    .entries = demo_entries,
    .check = demo_check,
    .run = demo_run,
  },
  { NULL }
};
