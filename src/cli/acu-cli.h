/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "acu-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in --help and relied on by scripts */
typedef enum
{
  ACU_CLI_EXIT_OK = 0,
  ACU_CLI_EXIT_USAGE = 1,
  ACU_CLI_EXIT_WRONG_PASSWORD = 2,
  ACU_CLI_EXIT_NOT_DATABASE = 3,
  ACU_CLI_EXIT_SCHEMA_TOO_NEW = 4,
  ACU_CLI_EXIT_KEYFILE = 5,
  ACU_CLI_EXIT_OTHER = 6,
  ACU_CLI_EXIT_FORBIDDEN = 7,
} AcuCliExit;

typedef struct _AcuCliContext AcuCliContext;
typedef struct _AcuCliCommand AcuCliCommand;

/* Runs the command once its options are checked and its database open;
 * @argv is what the options left: argv[0], then the arguments (the
 * action, if any, then the database). Returns an exit status. */
typedef int      (*AcuCliRunFunc)   (AcuCliContext  *ctx,
                                     int             argc,
                                     char          **argv);
/* Checks the command's own options before any password is read; an
 * error here is a usage error (exit 1), its message shown above the help */
typedef gboolean (*AcuCliCheckFunc) (AcuCliContext  *ctx,
                                     GError        **error);

/* How the shared code opens the database before the command runs */
typedef enum
{
  /* The command opens nothing (or makes its database itself) */
  ACU_CLI_OPEN_NONE,
  /* Whoever can unlock it: the person named by the option, with their
   * password, or the recovery code (--recovery-code-file); any role */
  ACU_CLI_OPEN_UNLOCK,
  /* The person named by the option acts, with their password, and needs
   * at least the role given (the action's role, for a command with actions) */
  ACU_CLI_OPEN_AS_ROLE,
} AcuCliOpenHow;

typedef struct
{
  AcuCliOpenHow  how;
  AcuRole        role;
  /* The option naming the person ("name" or "as"), its help, and the
   * message when it is missing; all N_() */
  const char    *option;
  const char    *option_help;
  const char    *missing;
  /* ctx->password keeps the password until the command ends (to change
   * one's own password); otherwise it is wiped as soon as the store opens */
  gboolean       keep_password;
} AcuCliOpen;

/* A word after the command: "acuelh-cli user add DB" */
typedef struct
{
  const char    *name;
  AcuRole        role;
  AcuCliRunFunc  run;
} AcuCliAction;

/* One command, declared once: the table in acu-cli-commands.c lists each
 * area's array of these, ended by an entry whose name is NULL */
struct _AcuCliCommand
{
  const char          *name;
  const char          *summary;         /* N_(): its line in "acuelh-cli --help" */
  const char          *description;     /* N_(): atop "acuelh-cli NAME --help"; NULL: the summary */
  const char          *parameter;       /* N_(): the arguments in its usage line; NULL: "DB" */
  const char          *missing_args;    /* N_(): when its arguments are missing, or too many */
  const AcuCliAction  *actions;         /* NULL, or the words its first argument may be, ended by NULL */
  const char          *unknown_action;  /* N_(): when the first argument is none of them */
  const GOptionEntry  *entries;         /* its own options (shown first), or NULL */
  AcuCliOpen           open;
  AcuCliCheckFunc      check;           /* or NULL */
  AcuCliRunFunc        run;             /* NULL when each action has its own */
};

/* What a command gets when it runs */
struct _AcuCliContext
{
  const AcuCliCommand *command;
  const AcuCliAction  *action;          /* the action given, or NULL */
  GOptionContext      *options;
  const char          *path;            /* the database: the last argument */
  char                *person;          /* the value of open.option */
  char                *password_file;   /* --password-file */
  char                *recovery_file;   /* --recovery-code-file (ACU_CLI_OPEN_UNLOCK) */
  char                *password;        /* the password that opened the store, if kept */
  AcuStore            *store;           /* open while the command runs; closed after */
};

int          acu_cli_main               (const AcuCliCommand * const *areas,
                                         int                          argc,
                                         char                       **argv);

int          acu_cli_fail               (const GError  *error);
int          acu_cli_exit_status        (const GError  *error);

char        *acu_cli_read_secret_file   (const char    *path,
                                         GError       **error);
char        *acu_cli_get_password       (const char    *password_file,
                                         gboolean       confirm,
                                         GError       **error);
void         acu_cli_secret_free        (char          *secret);

G_END_DECLS
