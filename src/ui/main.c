/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "acu-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AcuApplication) app = NULL;

  acu_application_setup_i18n ();
  app = acu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
