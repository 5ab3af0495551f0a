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

#include "summit-csv.h"
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

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *down = g_ascii_strdown (path, -1);

  return g_str_has_suffix (down, extension);
}

/* import FILE [--skip-invalid]: XML or CSV, by the file's extension. */
static int
command_import (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SummitImportReport report = { { { 0 } } };
  const char *path = NULL;
  gboolean skip_invalid = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--skip-invalid") == 0)
        skip_invalid = TRUE;
      else if (path == NULL)
        path = argv[i];
      else
        {
          print_error (_("import: give one file"));
          return 2;
        }
    }
  if (path == NULL)
    {
      print_error (_("import: which file? (summit-planner-cli import FILE.xml|FILE.csv)"));
      return 2;
    }
  if (!has_extension (path, ".xml") && !has_extension (path, ".csv"))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: can import .xml (Summit Planner) or .csv (people) files"), path);
      print_error (message);
      return 2;
    }
  if ((store = open_store (database, FALSE)) == NULL)
    return 1;

  if (has_extension (path, ".xml"))
    summit_xml_import_file (store, path, &report, NULL, &error);
  else
    {
      g_autoptr(SummitCsvPreview) preview = summit_csv_preview_file (path, NULL, &error);

      if (preview != NULL && summit_csv_preview_get_n_invalid (preview) > 0 && !skip_invalid)
        {
          GPtrArray *problems = summit_csv_preview_get_problems (preview);

          /* Every problem, one a line, so that all can be fixed in one go. */
          for (guint i = 0; i < problems->len; i++)
            {
              const SummitCsvProblem *problem = g_ptr_array_index (problems, i);
              g_printerr ("%s:%s\n", path, problem->message);
            }
        }
      if (preview != NULL)
        summit_csv_import_preview (store, preview, skip_invalid, NULL, NULL, &report, NULL,
                                   &error);
    }

  if (error != NULL)
    {
      print_error (error->message);
      if (g_error_matches (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_ROWS))
        print_error (_("fix the rows above, or import the valid ones with --skip-invalid"));
      return 1;
    }

  summary = summit_import_report_to_string (&report);
  /* Translators: FILE: "3 added, 1 updated, 12 unchanged" */
  g_print (_("%s: %s\n"), path, summary);
  return 0;
}

/* export FILE: XML (everything) or CSV (people), by the file's extension. */
static int
command_export (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (argc != 2)
    {
      print_error (_("export: give one file (summit-planner-cli export FILE.xml|FILE.csv)"));
      return 2;
    }
  path = argv[1];

  if (has_extension (path, ".ics"))
    {
      /* iCalendar export is another module's; it plugs in here. */
      g_autofree char *message =
        g_strdup_printf (_("%s: iCalendar export is not supported by this version"), path);
      print_error (message);
      return 2;
    }
  if (!has_extension (path, ".xml") && !has_extension (path, ".csv"))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: can export .xml (everything) or .csv (people)"), path);
      print_error (message);
      return 2;
    }
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;

  if (has_extension (path, ".xml"))
    summit_xml_export_file (store, path, NULL, NULL, NULL, &error);
  else
    summit_csv_export_file (store, path, NULL, &error);
  if (error != NULL)
    {
      print_error (error->message);
      return 1;
    }
  return 0;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "import", command_import, N_("Import FILE.xml (merge) or FILE.csv (people; --skip-invalid)") },
  { "export", command_export, N_("Export everything to FILE.xml, or people to FILE.csv") },
  { "stats", command_stats, N_("Print the yearly figures, one year a line") },
  { "check", command_check, N_("Check the database's integrity and references") },
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
