/* cli.c — summit-planner-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line tool: one command a run, exit 0 on success, otherwise one
 * clear line on stderr and nothing changed.
 */
#define G_LOG_DOMAIN "summit-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "summit-xml.h"

typedef int (*CommandFunc) (const char  *database,
                            int          argc,
                            char       **argv);

static void
print_error (const char *message)
{
  g_printerr ("summit-planner-cli: %s\n", message);
}

static SummitStore *
open_store (const char *database,
            gboolean    must_exist)
{
  g_autoptr(GError) error = NULL;
  SummitStore *store;

  if (must_exist && !g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” does not exist"), database);
      print_error (message);
      return NULL;
    }

  store = summit_store_open_and_seed (database, &error);
  if (store == NULL)
    print_error (error->message);
  return store;
}

static int
command_stats (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 1)
    {
      print_error (_("stats: unexpected argument"));
      return 2;
    }
  if ((store = open_store (database, FALSE)) == NULL)
    return 1;
  if ((stats = summit_store_list_year_statistics (store, &error)) == NULL)
    {
      print_error (error->message);
      return 1;
    }

  /* Translators: the header of "summit-planner-cli stats"; keep the columns aligned */
  g_print ("%-6s %-18s %-10s %s\n", _("Year"), _("Overseas mayors"), _("Kind"), _("Source"));
  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *figure = summit_year_statistic_format_overseas (stat);

      g_print ("%-6d %-18s %-10s %s\n",
               summit_year_statistic_get_year (stat), figure,
               summit_figure_kind_to_string (summit_year_statistic_get_kind (stat)),
               summit_year_statistic_get_source (stat));
    }
  return 0;
}

static int
command_check (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 1)
    {
      print_error (_("check: unexpected argument"));
      return 2;
    }
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((problems = summit_store_check (store, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", database, error->message);
      print_error (message);
      return 1;
    }

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", database, (const char *)g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return 1;

  g_print (_("%s: no problems found\n"), database);
  return 0;
}

/* The newest edition: the one the Panels page shows. */
static SummitEdition *
current_edition (SummitStore *store,
                 const char  *database)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GError) error = NULL;

  if ((editions = summit_store_list_editions (store, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", database, error->message);
      print_error (message);
      return NULL;
    }
  if (editions->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s: there is no edition to export"), database);
      print_error (message);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (editions, 0));
}

static int
command_export (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (argc != 2)
    {
      print_error (_("export: give one file, ending in .ics, .xml or .csv"));
      return 2;
    }
  path = argv[1];
  if (!g_str_has_suffix (path, ".ics"))
    {
      g_autofree char *message = NULL;

      if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".csv"))
        message = g_strdup_printf (_("%s: exporting this format is not supported yet"), path);
      else
        message = g_strdup_printf (_("%s: unknown format; use .ics, .xml or .csv"), path);
      print_error (message);
      return 2;
    }

  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((edition = current_edition (store, database)) == NULL)
    return 1;
  if (!summit_store_export_ical (store, edition, 0, path, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);
      print_error (message);
      return 1;
    }
  return 0;
}

static int
command_schedule (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  guint skipped = 0;

  if (argc != 2)
    {
      print_error (_("schedule: give one file to write, FILE.xml"));
      return 2;
    }
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((edition = current_edition (store, database)) == NULL)
    return 1;
  if (!summit_store_export_frab (store, edition, argv[1], &skipped, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", argv[1], error->message);
      print_error (message);
      return 1;
    }
  if (skipped > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: left out %u session that has no time yet\n",
                             "%s: left out %u sessions that have no time yet\n", skipped),
                argv[1], skipped);
  return 0;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "stats", command_stats, N_("Print the yearly figures, one year a line") },
  { "check", command_check, N_("Check the database's integrity and references") },
  { "export", command_export, N_("Write the programme to FILE.ics (iCalendar)") },
  { "schedule", command_schedule, N_("Write the programme to FILE.xml as a frab schedule") },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *database = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database file (default: the one the app uses)"), N_("FILE") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_string_append (summary, _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-10s %s", commands[i].name, _(commands[i].help));

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, summary->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return 2;
    }
  if (argc < 2)
    {
      print_error (_("no command given; see --help"));
      return 2;
    }
  if (database == NULL)
    database = summit_default_database_path ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].func (database, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”; see --help"), argv[1]);
    print_error (message);
  }
  return 2;
}
