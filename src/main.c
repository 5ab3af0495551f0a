/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "summit-planner"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "summit-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SummitApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree (tools/run.sh), translations come from build/po. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SUMMIT_PLANNER_LOCALEDIR") ? g_getenv ("SUMMIT_PLANNER_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = summit_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
