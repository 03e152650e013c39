/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-cli-commands.h"
#include "acu-desk-people.h"

/* Who works at the desk, and what they did: user, audit. A coordinator
 * (or staff, for a PIN) named by --as unlocks with their password. */

static struct
{
  char    *name;
  char    *role_text;
  AcuRole  role;
  char    *secret_file;
  char    *since;
  char    *until;
} opts;

static const GOptionEntry user_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opts.name, N_("The person to add, remove or give a new password or PIN"), N_("PERSON") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opts.role_text, N_("volunteer, staff or coordinator"), N_("ROLE") },
  { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &opts.secret_file,
    N_("Read the person’s new password (or a volunteer’s PIN) from FILE (- for standard input)"), N_("FILE") },
  { NULL }
};

static const GOptionEntry audit_entries[] = {
  { "since", 0, 0, G_OPTION_ARG_STRING, &opts.since, N_("First day (default: the whole log)"), N_("YYYY-MM-DD") },
  { "until", 0, 0, G_OPTION_ARG_STRING, &opts.until, N_("Last day (default: today)"), N_("YYYY-MM-DD") },
  { NULL }
};

static gboolean
usage (GError     **error,
       const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
user_check (AcuCliContext  *ctx,
            GError        **error)
{
  const char *action = ctx->action->name;

  if (!g_str_equal (action, "list") && opts.name == NULL)
    return usage (error, _("--name is required."));
  if ((g_str_equal (action, "add") || g_str_equal (action, "passwd")) && opts.secret_file == NULL)
    return usage (error, _("--secret-file is required: the new password or PIN."));
  if (g_strcmp0 (opts.secret_file, "-") == 0 && g_strcmp0 (ctx->password_file, "-") == 0)
    return usage (error, _("Only one of --secret-file and --password-file can read standard input."));
  if (g_str_equal (action, "add"))
    {
      if (opts.role_text == NULL)
        return usage (error, _("--role is required: volunteer, staff or coordinator."));
      if (!acu_role_from_string (opts.role_text, &opts.role))
        return usage (error, _("The role is volunteer, staff or coordinator."));
    }
  return TRUE;
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
user_list (AcuCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = acu_desk_people_list (ctx->store, TRUE, &error);

  if (people == NULL)
    return acu_cli_fail (error);
  for (guint i = 0; i < people->len; i++)
    {
      AcuDeskPerson *person = g_ptr_array_index (people, i);

      g_print ("%s\t%s\t%s\n", person->name, acu_role_to_string (person->role), user_kind (person));
    }
  return ACU_CLI_EXIT_OK;
}

static int
user_add (AcuCliContext  *ctx,
          int             argc,
          char          **argv)
{
  g_autoptr(GError) error = NULL;
  char *secret = acu_cli_read_secret_file (opts.secret_file, &error);
  gint64 id;

  if (secret == NULL)
    return acu_cli_fail (error);
  id = acu_desk_person_add (ctx->store, opts.name, opts.role, secret, &error);
  acu_cli_secret_free (secret);
  if (id == 0)
    return acu_cli_fail (error);
  g_print (_("%s can now work at the desk, as %s.\n"), opts.name, acu_role_get_label (opts.role));
  return ACU_CLI_EXIT_OK;
}

static int
user_remove (AcuCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_find (ctx->store, opts.name, &error);

  if (id == 0 || !acu_desk_person_deactivate (ctx->store, id, &error))
    return acu_cli_fail (error);
  g_print (_("%s no longer works at the desk; their past records keep their name.\n"), opts.name);
  return ACU_CLI_EXIT_OK;
}

static int
user_passwd (AcuCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_find (ctx->store, opts.name, &error);
  char *secret;
  gboolean ok;

  if (id == 0)
    return acu_cli_fail (error);
  secret = acu_cli_read_secret_file (opts.secret_file, &error);
  if (secret == NULL)
    return acu_cli_fail (error);
  /* One's own password: the password of --as is the old one */
  if (id == acu_store_get_person_id (ctx->store))
    ok = acu_store_change_password (ctx->store, ctx->password, secret, &error);
  else
    ok = acu_desk_person_reset_secret (ctx->store, id, secret, &error);
  acu_cli_secret_free (secret);
  if (!ok)
    return acu_cli_fail (error);
  g_print (_("New password or PIN set for %s.\n"), opts.name);
  return ACU_CLI_EXIT_OK;
}

static const AcuCliAction user_actions[] = {
  { "add", ACU_ROLE_COORDINATOR, user_add },
  { "list", ACU_ROLE_COORDINATOR, user_list },
  { "remove", ACU_ROLE_COORDINATOR, user_remove },
  /* staff may give a volunteer a new PIN, and change their own password */
  { "passwd", ACU_ROLE_STAFF, user_passwd },
  { NULL }
};

static int
audit_run (AcuCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_audit_entry_free);
  guint offset = 0;

  /* Pages come newest first: gather, then print oldest first */
  for (;;)
    {
      g_autoptr(GPtrArray) page = acu_audit_list (ctx->store, opts.since, opts.until, 0, NULL, offset, 1000, &error);

      if (page == NULL)
        return acu_cli_fail (error);
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
  return ACU_CLI_EXIT_OK;
}

const AcuCliCommand acu_cli_access_commands[] = {
  {
    .name = "user",
    .summary = N_("Add, list or remove the people of the desk; set a password or PIN"),
    .description = N_("Manage the people of the desk: add, list, remove (deactivate), "
                      "set a new password or PIN"),
    /* Translators: "acuelh-cli user add|list|remove|passwd DB" */
    .parameter = N_("add|list|remove|passwd DB"),
    .missing_args = N_("Give an action (add, list, remove or passwd) and the database."),
    .actions = user_actions,
    .unknown_action = N_("The action is add, list, remove or passwd."),
    .entries = user_entries,
    .open = {
      .how = ACU_CLI_OPEN_AS_ROLE,   /* with the role of each action */
      .option = "as",
      .option_help = N_("Who does it: a coordinator (staff may reset a PIN)"),
      .missing = N_("--as is required: who does it."),
      .keep_password = TRUE,
    },
    .check = user_check,
  },
  {
    .name = "audit",
    .summary = N_("Print the audit log"),
    .description = N_("Print the audit log, oldest entry first, one a line: "
                      "date and time, who, what, which record"),
    .missing_args = N_("Give the path of the database."),
    .entries = audit_entries,
    .open = {
      .how = ACU_CLI_OPEN_AS_ROLE,
      .role = ACU_ROLE_COORDINATOR,
      .option = "as",
      .option_help = N_("Who reads it: a coordinator"),
      .missing = N_("--as is required: who reads the log."),
    },
    .run = audit_run,
  },
  { NULL }
};
