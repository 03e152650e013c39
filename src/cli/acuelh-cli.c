/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acuelh-cli"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "acu-cli-commands.h"

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

  return acu_cli_main (acu_cli_areas, argc, argv);
}
