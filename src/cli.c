/* cli.c — summit-planner-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line tool: one command a run, exit 0 on success, otherwise one
 * clear line on stderr and nothing changed.
 */
#define G_LOG_DOMAIN "summit-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"
#include "summit-csv.h"
#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-language.h"
#include "summit-participation-chart.h"
#include "summit-letters.h"
#include "summit-people.h"
#include "summit-press-kit.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "summit-store-copy.h"
#include "summit-time.h"
#include "summit-xml.h"

/* The database as messages name it: a server location without its password. */
static char *shown_database;

typedef int (*CommandFunc) (const char  *database,
                            int          argc,
                            char       **argv);

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

/* One line on stderr, as DESIGN.md asks of every failure. */
static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("summit-planner-cli: %s\n", message);
}

static SummitStore *
open_store (const char *database,
            gboolean    must_exist)
{
  g_autoptr(GError) error = NULL;
  SummitStore *store;

  if (must_exist && !summit_store_location_is_server (database) &&
      !g_file_test (database, G_FILE_TEST_EXISTS))
    {
      print_error (_("“%s” does not exist"), database);
      return NULL;
    }

  store = summit_store_open_and_seed (database, &error);
  if (store == NULL)
    print_error ("%s", error->message);
  return store;
}

/* Pads by display columns, not bytes: "柯" is three bytes and two columns wide. */
static void
append_padded (GString    *line,
               const char *text,
               int         columns)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  g_string_append (line, text);
  for (; width < columns; width++)
    g_string_append_c (line, ' ');
  g_string_append_c (line, ' ');
}

/* A count, which needs no quoting; an unknown count is an empty field. */
static void
append_csv_count (GString  *out,
                  int       count,
                  gboolean  last)
{
  if (count >= 0)
    g_string_append_printf (out, "%d", count);
  g_string_append_c (out, last ? '\n' : ',');
}

static void
print_stats_csv (GPtrArray *stats)
{
  const char *header[] = { "year", "kind", "overseas_mayors", "lower_bound", "domestic_mayors",
                           "countries", "figure", "source" };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    summit_csv_append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *figure = summit_year_statistic_format_overseas (stat);

      append_csv_count (out, summit_year_statistic_get_year (stat), FALSE);
      summit_csv_append_field (out, summit_figure_kind_to_string (summit_year_statistic_get_kind (stat)),
                               FALSE);
      append_csv_count (out, summit_year_statistic_get_overseas (stat), FALSE);
      summit_csv_append_field (out, summit_year_statistic_get_lower_bound (stat) ? "1" : "0", FALSE);
      append_csv_count (out, summit_year_statistic_get_domestic (stat), FALSE);
      append_csv_count (out, summit_year_statistic_get_countries (stat), FALSE);
      summit_csv_append_field (out, figure, FALSE);
      summit_csv_append_field (out, summit_year_statistic_get_source (stat), TRUE);
    }
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

static void
print_participation (GArray                   *rows,
                     SummitParticipationGroup  group,
                     gboolean                  csv)
{
  g_autoptr(GString) header = g_string_new (NULL);

  if (csv)
    {
      /* The same CSV as the Statistics page exports beside its chart. */
      g_autofree char *text = summit_participation_to_csv (rows, group);

      fputs (text, stdout);
      fflush (stdout);
      return;
    }

  /* Translators: column headings of "summit-planner-cli stats --by"; they
   * count every invitation, those sent (not drafts), those confirmed
   * (attended included) and those attended */
  append_padded (header, _("Year"), 6);
  append_padded (header, group == SUMMIT_PARTICIPATION_BY_COUNTRY ? _("Country") : _("Continent"), 24);
  append_padded (header, _("Invitations"), 12);
  append_padded (header, _("Invited"), 10);
  append_padded (header, _("Confirmed"), 10);
  g_string_append (header, _("Attended"));
  g_print ("%s\n", header->str);

  for (guint i = 0; i < rows->len; i++)
    {
      const SummitParticipation *row = &g_array_index (rows, SummitParticipation, i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *year = g_strdup_printf ("%d", row->year);
      g_autofree char *invitations = g_strdup_printf ("%d", row->invitations);
      g_autofree char *invited = g_strdup_printf ("%d", row->invited);
      g_autofree char *confirmed = g_strdup_printf ("%d", row->confirmed);

      append_padded (line, year, 6);
      append_padded (line, summit_participation_get_name (row, group, NULL), 24);
      append_padded (line, invitations, 12);
      append_padded (line, invited, 10);
      append_padded (line, confirmed, 10);
      g_string_append_printf (line, "%d", row->attended);
      g_print ("%s\n", line->str);
    }
  fflush (stdout);
}

/* Parses a command's options and leaves its other arguments in @argv (after
 * the command's name); --help prints them. Fewer than @min_args or more
 * than @max_args other arguments is a usage error, said with @usage.
 * %FALSE: a usage error, said. */
static gboolean
parse_command_options (const char    *command,
                       const char    *parameters,
                       GOptionEntry  *entries,
                       int            min_args,
                       int            max_args,
                       const char    *usage,
                       int           *argc,
                       char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s: %s", command, error->message);
      return FALSE;
    }
  if (*argc - 1 < min_args || *argc - 1 > max_args)
    {
      print_error ("%s", usage);
      return FALSE;
    }
  return TRUE;
}

static int
command_stats (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *by = NULL;
  gboolean csv = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Count the invitations by country or by continent"), N_("country|continent") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only this edition (with --by)"), N_("YEAR") },
    { NULL }
  };

  if (!parse_command_options ("stats", NULL, entries, 0, 0,
                              _("stats: unexpected argument; the options are --csv, --by and --year"),
                              &argc, &argv))
    return 2;
  if (by != NULL && g_strcmp0 (by, "country") != 0 && g_strcmp0 (by, "continent") != 0)
    {
      print_error (_("stats: --by takes “country” or “continent”, not “%s”"), by);
      return 2;
    }
  if (year != 0 && (by == NULL || year < SUMMIT_STATISTICS_MIN_YEAR || year > SUMMIT_STATISTICS_MAX_YEAR))
    {
      print_error (_("stats: --year goes with --by and is between %d and %d"),
                   SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
      return 2;
    }
  if ((store = open_store (database, FALSE)) == NULL)
    return 1;
  if (by != NULL)
    {
      SummitParticipationGroup group = g_strcmp0 (by, "country") == 0
        ? SUMMIT_PARTICIPATION_BY_COUNTRY : SUMMIT_PARTICIPATION_BY_CONTINENT;
      g_autoptr(GArray) rows = summit_store_count_participation (store, year, group, &error);

      if (rows == NULL)
        {
          print_error ("%s", error->message);
          return 1;
        }
      print_participation (rows, group, csv);
      return 0;
    }
  if ((stats = summit_store_list_year_statistics (store, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return 1;
    }
  if (csv)
    {
      print_stats_csv (stats);
      return 0;
    }

  {
    g_autoptr(GString) header = g_string_new (NULL);

    /* Translators: column headings of "summit-planner-cli stats" */
    append_padded (header, _("Year"), 6);
    append_padded (header, _("Overseas mayors"), 18);
    append_padded (header, _("Kind"), 10);
    g_string_append (header, _("Source"));
    g_print ("%s\n", header->str);
  }
  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *figure = summit_year_statistic_format_overseas (stat);
      g_autofree char *year_text = g_strdup_printf ("%d", summit_year_statistic_get_year (stat));
      g_autoptr(GString) line = g_string_new (NULL);

      append_padded (line, year_text, 6);
      append_padded (line, figure, 18);
      append_padded (line, summit_figure_kind_to_string (summit_year_statistic_get_kind (stat)), 10);
      g_string_append (line, summit_year_statistic_get_source (stat));
      g_print ("%s\n", line->str);
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

  if (!parse_command_options ("check", NULL, NULL, 0, 0, _("check: unexpected argument"),
                              &argc, &argv))
    return 2;
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((problems = summit_store_check (store, &error)) == NULL)
    {
      print_error ("%s: %s", shown_database, error->message);
      return 1;
    }

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", shown_database, (const char *)g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return 1;

  g_print (_("%s: no problems found\n"), shown_database);
  return 0;
}

static int
command_chart (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GArray) derived = NULL;
  g_autoptr(SummitChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  SummitChartFormat format;
  SummitChartStyle style;
  int from = 2015, to = 2020, width = 1200, height = 675;
  gboolean dark = FALSE, with_derived = FALSE, ok;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to save the chart; .png, .svg or .pdf"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("First year (default 2015)"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("Last year (default 2020)"), N_("YEAR") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels or points (default 1200)"),
      N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height (default 675)"), N_("H") },
    { "derived", 0, 0, G_OPTION_ARG_NONE, &with_derived,
      N_("Add the line of overseas mayors confirmed in the invitations"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { NULL }
  };

  if (!parse_command_options ("chart", _("-o FILE.{png,svg,pdf}"), entries, 0, 0,
                              _("chart: unexpected argument; give the file with -o"),
                              &argc, &argv))
    return 2;
  if (output == NULL)
    {
      print_error (_("chart: say where to save it with -o FILE.png, .svg or .pdf"));
      return 2;
    }
  if (!summit_chart_format_from_path (output, &format, &error))
    {
      print_error ("%s", error->message);
      return 2;
    }
  if (from < SUMMIT_STATISTICS_MIN_YEAR || from > SUMMIT_STATISTICS_MAX_YEAR ||
      to < SUMMIT_STATISTICS_MIN_YEAR || to > SUMMIT_STATISTICS_MAX_YEAR || from > to)
    {
      print_error (_("chart: the years must run from %d to %d,"
                     " --from before --to"),
                   SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
      return 2;
    }

  if ((store = open_store (database, FALSE)) == NULL)
    return 1;
  if ((stats = summit_store_list_year_statistics (store, &error)) == NULL ||
      (with_derived && (derived = summit_store_derive_statistics (store, &error)) == NULL))
    {
      print_error ("%s", error->message);
      return 1;
    }

  model = summit_chart_model_new (stats, derived, from, to);
  summit_chart_style_init (&style, dark);
  ok = summit_chart_export (model, &style, output, width, height, &error);
  summit_chart_render_shutdown ();
  if (!ok)
    {
      print_error ("%s", error->message);
      return 1;
    }
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
  gboolean listed = FALSE;
  g_autofree char *matches = NULL;
  SummitImportReport report = { { { 0 } } };
  const char *path = NULL;
  gboolean skip_invalid = FALSE;
  GOptionEntry entries[] = {
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows of a CSV file and leave out the others"), NULL },
    { NULL }
  };

  if (!parse_command_options ("import", _("FILE.xml|FILE.csv"), entries, 0, 1,
                              _("import: give one file"), &argc, &argv))
    return 2;
  path = argc == 2 ? argv[1] : NULL;
  if (path == NULL)
    {
      print_error (_("import: which file? (summit-planner-cli import FILE.xml|FILE.csv)"));
      return 2;
    }
  if (!has_extension (path, ".xml") && !has_extension (path, ".csv"))
    {
      print_error (_("%s: can import .xml (Summit Planner) or .csv (people) files"), path);
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
          listed = TRUE;
        }
      if (preview != NULL &&
          summit_csv_import_preview (store, preview, skip_invalid, NULL, NULL, &report, NULL,
                                     &error))
        {
          g_autoptr(GPtrArray) left = summit_csv_preview_dup_left_out (preview, store);

          for (guint i = 0; i < left->len; i++)
            g_printerr ("%s:%s\n", path, (char *)g_ptr_array_index (left, i));
        }
    }

  if (error != NULL)
    {
      /* The rows' problems are listed above, each once: one line to end. */
      if (listed && g_error_matches (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_ROWS))
        print_error (_("nothing was imported: fix the rows above, or import the valid ones "
                       "with --skip-invalid"));
      else
        print_error ("%s", error->message);
      return 1;
    }

  summary = summit_import_report_to_string (&report);
  matches = summit_csv_report_matches_to_string (&report);
  if (matches != NULL)
    {
      g_autofree char *counts = g_steal_pointer (&summary);
      /* Translators: "3 added, 1 updated, 12 unchanged" and "2 matched people already known" */
      summary = g_strdup_printf (_("%s; %s"), counts, matches);
    }
  /* Translators: FILE: "3 added, 1 updated, 12 unchanged" */
  g_print (_("%s: %s\n"), path, summary);
  return 0;
}

/* export FILE.xml (everything) or FILE.csv (people). */
static int
export_data (const char *database,
             const char *path)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = open_store (database, TRUE)) == NULL)
    return 1;

  if (has_extension (path, ".xml"))
    summit_xml_export_file (store, path, NULL, NULL, NULL, &error);
  else
    summit_csv_export_file (store, path, NULL, &error);
  if (error != NULL)
    {
      print_error ("%s", error->message);
      return 1;
    }
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
      print_error ("%s: %s", shown_database, error->message);
      return NULL;
    }
  if (editions->len == 0)
    {
      print_error (_("%s: there is no edition to export"), shown_database);
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

  if (!parse_command_options ("export", _("FILE.ics|FILE.xml|FILE.csv"), NULL, 1, 1,
                              _("export: give one file, ending in .ics, .xml or .csv"),
                              &argc, &argv))
    return 2;
  path = argv[1];
  if (has_extension (path, ".xml") || has_extension (path, ".csv"))
    return export_data (database, path);
  if (!has_extension (path, ".ics"))
    {
      print_error (_("%s: unknown format; use .ics (programme), .xml (everything) or "
                     ".csv (people)"), path);
      return 2;
    }

  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((edition = current_edition (store, database)) == NULL)
    return 1;
  if (!summit_store_export_ical (store, edition, 0, path, &error))
    {
      print_error ("%s: %s", path, error->message);
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
  g_autofree char *left_out = NULL;

  if (!parse_command_options ("schedule", _("FILE.xml"), NULL, 1, 1,
                              _("schedule: give one file to write, FILE.xml"), &argc, &argv))
    return 2;
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if ((edition = current_edition (store, database)) == NULL)
    return 1;
  if (!summit_store_export_frab (store, edition, argv[1], &left_out, &error))
    {
      print_error ("%s: %s", argv[1], error->message);
      return 1;
    }
  if (left_out != NULL)
    g_printerr ("%s: %s\n", argv[1], left_out);
  return 0;
}

/* The zone of the person running the tool, for a document's second times. */
static char *
local_zone_identifier (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);

  return summit_time_zone_is_known (id) ? g_strdup (id) : NULL;
}

/* press-kit -o FILE.pdf [--year Y] [--lang pl|zh_TW|en] */
static int
command_press_kit (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitLanguageScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *zone = local_zone_identifier ();
  int year = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to save the press kit"),
      N_("FILE.pdf") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The edition (default: the newest)"), N_("YEAR") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Its language: pl, zh_TW or en"),
      N_("LANGUAGE") },
    { NULL }
  };

  if (!parse_command_options ("press-kit", _("-o FILE.pdf"), entries, 0, 0,
                              _("press-kit: say where to save it with -o FILE.pdf"), &argc, &argv))
    return 2;
  if (output == NULL || !has_extension (output, ".pdf"))
    {
      print_error (_("press-kit: say where to save it with -o FILE.pdf"));
      return 2;
    }
  if (lang != NULL && !summit_language_is_known (lang))
    {
      print_error (_("press-kit: --lang takes pl, zh_TW or en, not “%s”"), lang);
      return 2;
    }
  if ((store = open_store (database, FALSE)) == NULL)
    return 1;
  if (lang != NULL)
    scope = summit_language_scope_new (lang);
  if (!summit_press_kit_write (store, year, output, zone, &error))
    {
      g_clear_pointer (&scope, summit_language_scope_free);
      print_error ("%s", error->message);
      return 1;
    }
  return 0;
}

/* letters [--year Y] [--person UID]... [--mark-invited] -o DIR|FILE.pdf */
static int
command_letters (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) drafts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree int *seen = NULL;
  g_auto(GStrv) uids = NULL;
  gboolean mark_invited = FALSE, one_file;
  int year = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("A folder (a PDF a person) or FILE.pdf (a letter a page)"), N_("FOLDER|FILE.pdf") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The edition (default: the newest)"), N_("YEAR") },
    { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &uids,
      N_("Write to this person (repeat; default: everyone draft or invited)"), N_("UID") },
    { "mark-invited", 0, 0, G_OPTION_ARG_NONE, &mark_invited,
      N_("Mark draft invitations as invited by letter"), NULL },
    { NULL }
  };

  if (!parse_command_options ("letters", _("-o FOLDER|FILE.pdf"), entries, 0, 0,
                              _("letters: say where to save them with -o FOLDER or -o FILE.pdf"),
                              &argc, &argv))
    return 2;
  if (output == NULL)
    {
      print_error (_("letters: say where to save them with -o FOLDER or -o FILE.pdf"));
      return 2;
    }
  one_file = has_extension (output, ".pdf");
  if ((store = open_store (database, TRUE)) == NULL)
    return 1;
  if (year != 0)
    edition = summit_store_get_edition (store, year, &error);
  else
    edition = current_edition (store, database);
  if (edition == NULL)
    {
      if (error != NULL)
        print_error ("%s", error->message);
      else if (year != 0)
        print_error (_("letters: there is no %d edition"), year);
      return 1;
    }

  if (uids != NULL)
    {
      people = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; uids[i] != NULL; i++)
        {
          gint64 id = summit_store_lookup_person (store, uids[i], &error);
          SummitPerson *person = id > 0 ? summit_store_get_person (store, id, &error) : NULL;

          if (person == NULL)
            {
              if (error != NULL)
                print_error ("%s", error->message);
              else
                print_error (_("letters: nobody has the id “%s”"), uids[i]);
              return 1;
            }
          g_ptr_array_add (people, person);
        }
    }
  else if ((people = summit_store_list_letter_recipients (store, edition, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return 1;
    }

  if (!one_file && g_mkdir_with_parents (output, 0755) != 0)
    {
      print_error (_("%s: cannot make the folder: %s"), output, g_strerror (errno));
      return 1;
    }
  if (!summit_letters_write (store, edition, people, output, one_file, NULL, NULL, &error))
    {
      print_error ("%s", error->message);
      return 1;
    }

  if (mark_invited)
    {
      for (guint i = 0; i < people->len; i++)
        {
          gint64 id = summit_person_get_id (g_ptr_array_index (people, i));
          SummitInvitationStatus status;

          if (summit_store_get_invitation_status (store, id, summit_edition_get_id (edition),
                                                  &status, NULL) &&
              status == SUMMIT_STATUS_DRAFT)
            g_array_append_val (drafts, id);
        }
      seen = g_new (int, MAX (drafts->len, 1));
      for (guint i = 0; i < drafts->len; i++)
        seen[i] = SUMMIT_STATUS_DRAFT;
      if (drafts->len > 0 &&
          !summit_store_change_invitations (store, (gint64 *)(gpointer)drafts->data, seen,
                                            drafts->len, summit_edition_get_id (edition),
                                            SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_LETTER, NULL, 0,
                                            &error))
        {
          print_error ("%s", error->message);
          return 1;
        }
    }
  return 0;
}

/* What copy shows of its progress. */
typedef struct
{
  gint64 done;
  int    shown;     /* the last tenth said */
} CopyProgress;

/* Copies of this many rows or more say how far they are, on stderr. */
#define COPY_PROGRESS_ROWS 10000

static void
copy_progress_cb (gint64   done,
                  gint64   total,
                  gpointer user_data)
{
  CopyProgress *progress = user_data;
  int tenth = total > 0 ? (int)(done * 10 / total) : 10;

  progress->done = done;
  if (total < COPY_PROGRESS_ROWS || tenth == progress->shown)
    return;
  progress->shown = tenth;
  /* Translators: how much of a copy is done, e.g. "copy: 40%" */
  g_printerr (_("copy: %d%%"), tenth * 10);
  g_printerr (isatty (STDERR_FILENO) && tenth < 10 ? "\r" : "\n");
}

/* copy FROM TO: every table of a database (a file or a server) into a new
 * or empty one; a file made for it goes again if the copy fails. */
static int
command_copy (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(SummitStore) from = NULL;
  g_autoptr(SummitStore) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_shown = NULL;
  g_autofree char *to_shown = NULL;
  CopyProgress progress = { 0, 0 };
  gboolean made_file;

  if (!parse_command_options ("copy", _("FROM TO"), NULL, 2, 2,
                              _("copy: give the database to copy and the one to copy it to "
                                "(summit-planner-cli copy FROM TO)"), &argc, &argv))
    return 2;
  if (!summit_store_location_is_server (argv[1]) && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      print_error (_("“%s” does not exist"), argv[1]);
      return 1;
    }
  made_file = !summit_store_location_is_server (argv[2]) &&
              !g_file_test (argv[2], G_FILE_TEST_EXISTS);

  if ((from = summit_store_open (argv[1], &error)) == NULL ||
      (to = summit_store_open (argv[2], &error)) == NULL ||
      !summit_store_copy (from, to, copy_progress_cb, &progress, &error))
    {
      print_error ("%s", error->message);
      g_clear_object (&to);
      if (made_file)
        {
          static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (argv[2], suffixes[i], NULL);
              g_remove (file);
            }
        }
      return 1;
    }

  from_shown = summit_store_location_display (argv[1]);
  to_shown = summit_store_location_display (argv[2]);
  g_print (ngettext ("Copied %d row from “%s” to “%s”\n", "Copied %d rows from “%s” to “%s”\n",
                     (gulong)progress.done),
           (int)progress.done, from_shown, to_shown);
  return 0;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "stats", command_stats, N_("Print the yearly figures, one year a line (--csv: as CSV;"
                                " --by country|continent [--year Y]: who was invited from where)") },
  { "letters", command_letters, N_("Write invitation letters: [--year Y] [--person UID]... -o FOLDER|FILE.pdf") },
  { "press-kit", command_press_kit, N_("Save the press kit: -o FILE.pdf [--year Y] [--lang pl|zh_TW|en]") },
  { "chart", command_chart, N_("Save the overseas-mayor chart: -o FILE.{png,svg,pdf}") },
  { "check", command_check, N_("Check the database's integrity and references") },
  { "import", command_import, N_("Import FILE.xml (merge) or FILE.csv (people; --skip-invalid)") },
  { "export", command_export, N_("Export the programme to FILE.ics, everything to FILE.xml, or people to FILE.csv") },
  { "schedule", command_schedule, N_("Write the programme to FILE.xml as a frab schedule") },
  { "copy", command_copy, N_("Copy every table of database FROM (a file or a server) into "
                             "the new or empty database TO") },
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
      N_("The database file, or a server as postgresql://USER@HOST/DATABASE (default: the file "
         "the app uses)"), N_("LOCATION") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Run from the build tree (tools/run.sh), translations come from build/po. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SUMMIT_PLANNER_LOCALEDIR") ? g_getenv ("SUMMIT_PLANNER_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_string_append (summary, _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-10s %s", commands[i].name, _(commands[i].help));

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context, _("Each command lists its own options with "
                                                 "“summit-planner-cli COMMAND --help”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return 2;
    }
  if (argc < 2)
    {
      print_error (_("no command given; see --help"));
      return 2;
    }
  if (database == NULL)
    database = summit_default_database_path ();
  shown_database = summit_store_location_display (database);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].func (database, argc - 1, argv + 1);

  print_error (_("unknown command “%s”; see --help"), argv[1]);
  return 2;
}
