/* test-cli.c — summit-planner-cli as scripts and people use it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summit-people.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "test-util.h"

static char *tmpdir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *database,
         ...)
{
  va_list args;

  va_start (args, database);
  run->status = test_run_cli_v (&run->out, &run->err, database, args);
  va_end (args);
  if (run->status != 0)
    g_test_message ("exit %d; stderr: %s", run->status, run->err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_stats (void)
{
  g_autofree char *db = test_store_location (tmpdir, "stats.db");
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, db, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  /* A header, then one year a line, 2015 to 2020. */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[1], "2015   3 "));
  g_assert_true (g_str_has_prefix (lines[2], "2016   5 "));
  g_assert_true (g_str_has_prefix (lines[3], "2017   54 "));
  g_assert_true (g_str_has_prefix (lines[4], "2018   120 "));
  g_assert_true (g_str_has_prefix (lines[5], "2019   no figure "));
  g_assert_nonnull (strstr (lines[5], "missing"));
  g_assert_true (g_str_has_prefix (lines[6], "2020   150+ (expected) "));
  g_assert_nonnull (strstr (lines[6], "estimate"));
  g_assert_null (strstr (run.out, " 0 "));
}

static void
test_check_good (void)
{
  g_autofree char *db = test_store_location (tmpdir, "good.db");
  g_auto(Run) first = { 0 };
  g_auto(Run) run = { 0 };

  run_cli (&first, db, "stats", NULL);
  g_assert_cmpint (first.status, ==, 0);

  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "no problems found"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_damaged (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "damaged.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) run = { 0 };

  if (test_skip_on_server ())
    return;
  test_write (db, "name,city\nKo Wen-je,Taipei\n", -1);
  before = test_read_bytes (db);

  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, db));
  g_assert_nonnull (strstr (run.err, "not an SQLite file"));

  after = test_read_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_check_dangling_reference (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "dangling.db", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) run = { 0 };

  if (test_skip_on_server ())
    return;
  run_cli (&first, db, "stats", NULL);
  g_assert_cmpint (first.status, ==, 0);
  test_sqlite_exec (db, "PRAGMA foreign_keys = OFF;"
                        "INSERT INTO invitation (person_id, edition_id, status, updated)"
                        " VALUES (999, 1, 'invited', 0);");

  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "invitation"));
  g_assert_nonnull (strstr (run.err, "person"));
}

static void
test_check_missing_file (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "nowhere.db", NULL);
  g_auto(Run) run = { 0 };

  if (test_skip_on_server ())
    return;
  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* A server location reaches the store as it is (never looked for as a file,
 * never made into one), and what is printed does not show its password. */
static void
test_check_server_location (void)
{
  const char *location = "postgresql://ann:s3cret@127.0.0.1:1/summit";
  g_auto(Run) run = { 0 };

  run_cli (&run, location, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  g_assert_null (strstr (run.err, "does not exist"));
  g_assert_null (strstr (run.err, "s3cret"));
  g_assert_null (strstr (run.out, "s3cret"));
  g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autofree char *db = test_store_location (tmpdir, "usage.db");

  run_cli (&none, db, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "no command"));

  run_cli (&unknown, db, "fly", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* Every command parses its options one way, and --help lists them. */
static void
test_command_help (void)
{
  const struct { const char *command; const char *option; } cases[] = {
    { "stats", "--by" }, { "import", "--skip-invalid" }, { "chart", "--output" },
    { "press-kit", "--lang" }, { "letters", "--person" }, { "export", "--help" },
    { "schedule", "--help" }, { "check", "--help" },
  };
  g_autofree char *db = test_store_location (tmpdir, "help.db");
  g_auto(Run) main_help = { 0 };

  run_cli (&main_help, db, "--help", NULL);
  g_assert_cmpint (main_help.status, ==, 0);
  g_assert_nonnull (strstr (main_help.out, "COMMAND --help"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) help = { 0 };
      g_auto(Run) bogus = { 0 };

      run_cli (&help, db, cases[i].command, "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, cases[i].option));
      run_cli (&bogus, db, cases[i].command, "--bogus", NULL);
      g_assert_cmpint (bogus.status, ==, 2);
      g_assert_cmpuint (count_lines (bogus.err), ==, 1);
      g_assert_nonnull (strstr (bogus.err, "--bogus"));
    }
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* stats --csv and chart (issue 5) ------------------------------------------ */

typedef struct
{
  GPtrArray *rows;    /* GPtrArray of char* */
  GPtrArray *row;
} CsvRead;

static void
csv_field_cb (void   *data,
              size_t  len,
              void   *user_data)
{
  CsvRead *read = user_data;

  if (read->row == NULL)
    read->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (read->row, g_strndup (data, len));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->rows, g_steal_pointer (&read->row));
}

static void
test_stats_csv (void)
{
  g_autofree char *db = test_store_location (tmpdir, "stats-csv.db");
  g_auto(Run) run = { 0 };
  struct csv_parser parser;
  CsvRead read = { g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref), NULL };
  GPtrArray *row;

  run_cli (&run, db, "stats", "--csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* What a spreadsheet reads back: a header and the seed's six years. */
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, run.out, strlen (run.out), csv_field_cb, csv_row_cb,
                               &read), ==, strlen (run.out));
  g_assert_cmpint (csv_fini (&parser, csv_field_cb, csv_row_cb, &read), ==, 0);
  csv_free (&parser);

  g_assert_cmpuint (read.rows->len, ==, 7);
  row = g_ptr_array_index (read.rows, 0);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "year");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "overseas_mayors");
  row = g_ptr_array_index (read.rows, 4);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "2018");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "120");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Announcement: “120 in 2018”");
  /* 2019: an empty count, never 0. */
  row = g_ptr_array_index (read.rows, 5);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "missing");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "");
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "no figure");
  row = g_ptr_array_index (read.rows, 6);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "estimate");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "150+ (expected)");
  g_ptr_array_unref (read.rows);
}

/* Who came from where: the seed's 2020 invitations by country, as CSV. */
static void
test_stats_by_country (void)
{
  g_autofree char *db = test_store_location (tmpdir, "stats-by.db");
  g_auto(Run) run = { 0 };
  g_auto(Run) continent = { 0 };
  g_auto(Run) bad = { 0 };

  run_cli (&run, db, "stats", "--by", "country", "--year", "2020", "--csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "\"year\",\"country\",\"name\",\"invitations\",\"invited\",\"confirmed\",\"attended\"\n"
                   "2020,\"PL\",\"Poland\",2,2,2,0\n"
                   "2020,\"TW\",\"Taiwan\",1,1,1,0\n");

  run_cli (&continent, db, "stats", "--by", "continent", NULL);
  g_assert_cmpint (continent.status, ==, 0);
  g_assert_nonnull (strstr (continent.out, "Europe"));
  g_assert_nonnull (strstr (continent.out, "Asia"));

  run_cli (&bad, db, "stats", "--by", "planet", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "“planet”"));
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

/* The press kit says what the Statistics page says: each year's figure, kind
 * and source, 2019 as no figure (never 0), the sessions in both zones. */
static void
test_press_kit (void)
{
  g_autofree char *db = test_store_location (tmpdir, "press.db");
  g_autofree char *pdf = g_build_filename (tmpdir, "press.pdf", NULL);
  g_autofree char *pdf_pl = g_build_filename (tmpdir, "press-pl.pdf", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_pl = NULL;
  g_autofree char *fonts = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run_pl = { 0 };
  g_auto(Run) bad = { 0 };
  const char *pdffonts[] = { "pdffonts", pdf_pl, NULL };

  g_setenv ("TZ", "Europe/Warsaw", TRUE);
  run_cli (&run, db, "press-kit", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  text = test_read_pdf_text (pdf);

  store = summit_store_open (db, &error);
  g_assert_no_error (error);
  stats = summit_store_list_year_statistics (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->len, ==, 6);
  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *figure = summit_year_statistic_format_overseas (stat);
      g_autofree char *row = g_strdup_printf ("%d %s %s %s", summit_year_statistic_get_year (stat),
                                              figure,
                                              summit_figure_kind_to_label (summit_year_statistic_get_kind (stat)),
                                              summit_year_statistic_get_source (stat));
      assert_contains (text, row);
    }
  assert_contains (text, "2019 no figure Missing");
  assert_contains (text, "2019: no figure published.");
  g_assert_null (strstr (text, "2019 0"));
  assert_contains (text, "Press Kit: 2020 Mayors’ Summit Smart City Transformation and Innovation");
  assert_contains (text, "13 August 2020 – 24 September 2020");
  assert_contains (text, "2020 Poland 2 2 2 0");
  assert_contains (text, "2020-08-13 15:00 Taipei (UTC+8) 2020-08-13 09:00 Warsaw (UTC+2)");
  assert_contains (text, "2020-09-24 22:00 Taipei (UTC+8) 2020-09-24 16:00 Warsaw (UTC+2)");

  /* In Polish, when asked, whatever the user's language; fonts embedded. */
  g_setenv ("SUMMIT_PLANNER_LOCALEDIR", localedir, TRUE);
  run_cli (&run_pl, db, "press-kit", "--lang", "pl", "-o", pdf_pl, NULL);
  g_unsetenv ("SUMMIT_PLANNER_LOCALEDIR");
  g_assert_cmpint (run_pl.status, ==, 0);
  text_pl = test_read_pdf_text (pdf_pl);
  assert_contains (text_pl, "13 sierpnia 2020");
  assert_contains (text_pl, "2019 brak danych");
  g_spawn_sync (NULL, (char **)pdffonts, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &fonts, NULL,
                NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (fonts, " no "));

  run_cli (&bad, db, "press-kit", "-o", pdf, "--lang", "xx", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  assert_contains (bad.err, "“xx”");
  g_unsetenv ("TZ");
}

/* The press kit is of the edition asked for with --year, the newest without. */
static void
test_press_kit_year (void)
{
  g_autofree char *db = test_store_location (tmpdir, "press-year.db");
  g_autofree char *pdf = g_build_filename (tmpdir, "press-year.pdf", NULL);
  g_autofree char *newest = NULL;
  g_autofree char *chosen = NULL;
  g_auto(Run) seed = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_2020 = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(GError) error = NULL;

  g_setenv ("TZ", "Europe/Warsaw", TRUE);
  run_cli (&seed, db, "stats", NULL);
  g_assert_cmpint (seed.status, ==, 0);
  {
    g_autoptr(SummitStore) store = summit_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (summit_store_exec (store,
      "INSERT INTO edition (year, theme, host_city, host_country, timezone)"
      " VALUES (2021, 'Net Zero Cities', 'Warsaw', 'PL', 'Europe/Warsaw');", &error));
    g_assert_no_error (error);
  }

  run_cli (&run, db, "press-kit", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  newest = test_read_pdf_text (pdf);
  assert_contains (newest, "Press Kit: 2021 Mayors’ Summit Net Zero Cities");

  run_cli (&run_2020, db, "press-kit", "--year", "2020", "-o", pdf, NULL);
  g_assert_cmpint (run_2020.status, ==, 0);
  chosen = test_read_pdf_text (pdf);
  assert_contains (chosen, "Press Kit: 2020 Mayors’ Summit Smart City Transformation and Innovation");
  assert_contains (chosen, "2020 Poland 2 2 2 0");
  g_assert_null (strstr (chosen, "Net Zero Cities"));

  run_cli (&missing, db, "press-kit", "--year", "1999", "-o", pdf, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  assert_contains (missing.err, "1999");
  g_unsetenv ("TZ");
}

/* The line of the person "p-guard" in an exported CSV file. */
static char *
guard_line (GBytes *csv)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  const char *start = strstr (text, "\"p-guard\"");
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "\r\n");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* Text a spreadsheet would run as a formula leaves with a ' in front, from
 * stats --csv and from export FILE.csv; import FILE.csv takes it off again. */
static void
test_csv_formula_guard (void)
{
  g_autofree char *db = test_store_location (tmpdir, "guard.db");
  g_autofree char *other = test_store_location (tmpdir, "guard-other.db");
  g_autofree char *csv = g_build_filename (tmpdir, "guard.csv", NULL);
  g_autofree char *again = g_build_filename (tmpdir, "guard-again.csv", NULL);
  g_auto(Run) created = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) reexport = { 0 };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *second_line = NULL;

  run_cli (&created, db, "stats", NULL);
  g_assert_cmpint (created.status, ==, 0);
  test_store_exec_sql (db, "UPDATE year_statistic SET source = '=cmd|'' /C calc''!A0'"
                           " WHERE year = 2018;"
                           "INSERT INTO person (uid, given_name, phone, notes, created, updated)"
                           " VALUES ('p-guard', 'Ola', '+48 58 000', '@SUM(1+1)', 1, 1);");

  run_cli (&stats, db, "stats", "--csv", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_nonnull (strstr (stats.out, ",\"'=cmd|' /C calc'!A0\"\n"));

  run_cli (&export, db, "export", csv, NULL);
  g_assert_cmpint (export.status, ==, 0);
  first = test_read_bytes (csv);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "\"'+48 58 000\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "\"'@SUM(1+1)\""));

  /* Into another database and out again: the same line, so the same person
   * (the rest of the files may differ: each database was seeded when it was
   * made, and the seed's people carry that time). */
  run_cli (&import, other, "import", csv, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&reexport, other, "export", again, NULL);
  g_assert_cmpint (reexport.status, ==, 0);
  second = test_read_bytes (again);
  first_line = guard_line (first);
  second_line = guard_line (second);
  g_assert_nonnull (strstr (first_line, "\"'+48 58 000\""));
  g_assert_cmpstr (first_line, ==, second_line);
}

static void
test_chart (void)
{
  g_autofree char *db = test_store_location (tmpdir, "chart.db");
  g_autofree char *png = g_build_filename (tmpdir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "chart.pdf", NULL);
  g_autofree char *jpg = g_build_filename (tmpdir, "chart.jpg", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) sized = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) bad_range = { 0 };
  g_auto(Run) no_output = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;

  run_cli (&run, db, "chart", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  bytes = test_read_bytes (png);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The default size, 1200 × 675, from the PNG header. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(data + 16)), ==, 1200);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(data + 20)), ==, 675);

  run_cli (&sized, db, "chart", "-o", pdf, "--from", "2016", "--to", "2018",
           "--width", "800", "--height", "500", NULL);
  g_assert_cmpint (sized.status, ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = test_read_bytes (pdf);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  run_cli (&bad_format, db, "chart", "-o", jpg, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_cmpuint (count_lines (bad_format.err), ==, 1);
  g_assert_nonnull (strstr (bad_format.err, ".png, .svg or .pdf"));
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));

  run_cli (&bad_range, db, "chart", "-o", png, "--from", "2020", "--to", "1980", NULL);
  g_assert_cmpint (bad_range.status, ==, 2);
  g_assert_cmpuint (count_lines (bad_range.err), ==, 1);

  run_cli (&no_output, db, "chart", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o"));
}

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\" format-version=\"1\">\n"

/* Imports @contents (written to @name) into a fresh seeded database; it
 * must fail with exactly one line on stderr, which is returned. */
static char *
import_refused (const char *name,
                const char *contents,
                gssize      len,
                const char *database_sql)
{
  g_autofree char *db = test_store_location (tmpdir, "refused.db");
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) run = { 0 };

  test_store_remove (tmpdir, "refused.db");
  run_cli (&first, db, "stats", NULL);
  g_assert_cmpint (first.status, ==, 0);
  if (database_sql != NULL)
    test_sqlite_exec (db, database_sql);
  if (contents != NULL)
    test_write (path, contents, len);

  run_cli (&run, db, "import", path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "summit-planner-cli: "));
  g_assert_null (strstr (run.err, "encoding error"));
  g_assert_null (strstr (run.err, "I/O error"));
  g_assert_null (strstr (run.err, "internal error"));
  g_assert_null (strstr (run.err, "Did not expect"));
  g_remove (path);
  return g_strdup (run.err + strlen ("summit-planner-cli: "));
}

/* Messages a person can act on: one line each, in our words, at the line
 * that is wrong; the database blamed when it is the database. */
static void
test_import_messages (void)
{
  g_autofree char *doctype = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *loop = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *doctype_at = g_strconcat (tmpdir, "/doctype.xml:2:", NULL);
  g_autofree char *link_a = g_build_filename (tmpdir, "loop-a.xml", NULL);
  g_autofree char *link_b = g_build_filename (tmpdir, "loop-b.xml", NULL);
  g_autoptr(GString) long_value = g_string_new (XML_HEAD "  <person uid=\"a\" given-name=\"");

  doctype = import_refused ("doctype.xml",
                            "<?xml version=\"1.0\"?>\n<!DOCTYPE summit>\n"
                            "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                            " format-version=\"1\">\n\n\n\n  <person uid=\"a\" given-name=\"A\"/>\n"
                            "</summit>\n", -1, NULL);
  g_assert_true (g_str_has_prefix (doctype, doctype_at));
  g_assert_nonnull (strstr (doctype, "DOCTYPE"));

  encoding = import_refused ("euc.xml",
                             "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n"
                             "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                             " format-version=\"1\">\n"
                             "  <person uid=\"a\" given-name=\"\xff\xff\x80\x80\"/>\n</summit>\n",
                             -1, NULL);
  g_assert_nonnull (strstr (encoding, "UTF-8"));

  text = import_refused ("text.xml", XML_HEAD "  <person uid=\"a\" given-name=\"A\">hi</person>\n"
                         "</summit>\n", -1, NULL);
  g_assert_nonnull (strstr (text, "text.xml:3: <person> may not hold text"));

  for (guint i = 0; i < 11 * 1000 * 1000 / 10; i++)
    g_string_append (long_value, "xxxxxxxxxx");
  g_string_append (long_value, "\"/>\n</summit>\n");
  huge = import_refused ("huge.xml", long_value->str, long_value->len, NULL);
  g_assert_nonnull (strstr (huge, "huge.xml:3:"));
  g_assert_nonnull (strstr (huge, "longer than 10 MB"));

  g_assert_cmpint (symlink (link_b, link_a), ==, 0);
  g_assert_cmpint (symlink (link_a, link_b), ==, 0);
  loop = import_refused ("loop-a.xml", NULL, 0, NULL);
  g_assert_nonnull (strstr (loop, "symbolic links loop"));
  g_remove (link_a);
  g_remove (link_b);

  /* A file whose tables another tool dropped */
  if (test_engine_is_server ())
    return;

  tables = import_refused ("small.xml", XML_HEAD "  <edition year=\"2021\" theme=\"A\""
                           " timezone=\"UTC\">\n    <session uid=\"s\" kind=\"panel\" title=\"T\""
                           " duration=\"30\"/>\n  </edition>\n</summit>\n", -1,
                           "PRAGMA foreign_keys = OFF; DROP TABLE panel_member; DROP TABLE panel;");
  g_assert_null (strstr (tables, "small.xml"));
  g_assert_nonnull (strstr (tables, "refused.db"));
  g_assert_nonnull (strstr (tables, "no such table: panel"));
}

/* A CSV problem is printed once, on one line, and one line closes. */
static void
test_csv_problem_once (void)
{
  g_autofree char *db = test_store_location (tmpdir, "csv-once.db");
  g_autofree char *path = g_build_filename (tmpdir, "once.csv", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&first, db, "stats", NULL);
  test_write (path, "given-name,country,created\nAnna,Poland,\nBen,PL,\"2020-01-01\n12:00\"\n", -1);
  run_cli (&run, db, "import", path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[0], "once.csv:2: the country “Poland”"));
  g_assert_nonnull (strstr (lines[1], "once.csv:3: created"));
  g_assert_true (g_str_has_prefix (lines[2], "summit-planner-cli: nothing was imported"));
  g_assert_null (strstr (lines[2], "Poland"));
  g_assert_cmpstr (lines[3], ==, "");
}

/* Time zones and writers, as the command line reaches them: a zone naming
 * a FIFO is refused (not waited on); an export to a FIFO or a device is
 * refused and leaves it what it was. */
static void
test_hostile_paths (void)
{
  g_autofree char *db = test_store_location (tmpdir, "paths.db");
  g_autofree char *fifo = g_build_filename (tmpdir, "pipe.xml", NULL);
  g_autofree char *xml = g_build_filename (tmpdir, "zone.xml", NULL);
  g_autofree char *doc = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) zone = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) chart = { 0 };
  g_auto(Run) schedule = { 0 };
  GStatBuf st;

  run_cli (&first, db, "stats", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  doc = g_strdup_printf (XML_HEAD "  <person uid=\"z\" given-name=\"Z\" timezone=\"%s\"/>\n"
                         "</summit>\n", fifo);
  test_write (xml, doc, -1);

  run_cli (&zone, db, "import", xml, NULL);
  g_assert_cmpint (zone.status, ==, 1);
  g_assert_nonnull (strstr (zone.err, "is not known; use a name such as Europe/Warsaw"));

  run_cli (&export, db, "export", fifo, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpuint (count_lines (export.err), ==, 1);
  g_assert_nonnull (strstr (export.err, "named pipe"));
  run_cli (&schedule, db, "schedule", fifo, NULL);
  g_assert_cmpint (schedule.status, !=, 0);
  g_assert_nonnull (strstr (schedule.err, "named pipe"));
  run_cli (&chart, db, "chart", "-o", "/dev/null", NULL);
  g_assert_cmpint (chart.status, !=, 0);
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_remove (fifo);
  g_remove (xml);
}

/* import FILE.csv twice: the second adds nobody; a row matching two people
 * is left out, named on stderr with their uids, and a uid column decides. */
static void
test_csv_reimport_matches (void)
{
  g_autofree char *db = test_store_location (tmpdir, "match.db");
  g_autofree char *csv = g_build_filename (tmpdir, "match.csv", NULL);
  g_autofree char *chosen = g_build_filename (tmpdir, "match-chosen.csv", NULL);
  g_auto(Run) created = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) third = { 0 };

  run_cli (&created, db, "stats", NULL);
  g_assert_cmpint (created.status, ==, 0);
  test_store_exec_sql (db, "INSERT INTO person (uid, given_name, family_name, city, created, updated)"
                           " VALUES ('t-anna-1', 'Anna', 'Nowak', 'Opole', 1, 1),"
                           " ('t-anna-2', 'Anna', 'Nowak', 'Opole', 1, 1);");
  test_write (csv, "given-name,family-name,city,position\n"
                   "Zofia,Kowalska,Gdańsk,Mayor\n"
                   "Anna,Nowak,Opole,Mayor\n", -1);

  run_cli (&first, db, "import", csv, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, ": 1 added, 0 updated, 0 unchanged; 0 matched people"
                                       " already known, 1 left out (several people match)\n"));
  g_assert_nonnull (strstr (first.err, "match.csv:3: Anna Nowak matches several people already"
                                       " known (t-anna-1, t-anna-2); left out"));

  run_cli (&second, db, "import", csv, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, ": 0 added, 0 updated, 1 unchanged; 1 matched a person"
                                        " already known, 1 left out"));

  test_write (chosen, "uid,given-name,family-name,city,position\n"
                      "t-anna-2,Anna,Nowak,Opole,Mayor\n", -1);
  run_cli (&third, db, "import", chosen, NULL);
  g_assert_cmpint (third.status, ==, 0);
  g_assert_nonnull (strstr (third.out, ": 0 added, 1 updated, 0 unchanged\n"));
  g_assert_cmpstr (third.err, ==, "");
}

/* copy FROM TO (issue 13) ------------------------------------------------ */

/* Every row of every table of the SQLite file @path, ids and versions too,
 * as text, in a fixed order. */
static char *
dump_file (const char *path)
{
  const char *tables[] = { "person", "edition", "invitation", "invitation_event", "panel",
                           "panel_member", "year_statistic" };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "%s\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                   ? "(null)"
                                                   : (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* A file holding the golden fixture (tests/golden/input.xml) and nothing
 * else, as check-golden.sh makes it. */
static char *
make_golden_file (const char *name)
{
  g_autofree char *input = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "golden", "input.xml",
                                             NULL);
  char *db = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (db, &error);
  g_auto(Run) import = { 0 };

  g_assert_no_error (error);
  g_clear_object (&store);
  run_cli (&import, db, "import", input, NULL);
  g_assert_cmpint (import.status, ==, 0);
  return db;
}

/* The XML export of @database, compared with the golden one. */
static void
assert_exports_golden (const char *database,
                       const char *name)
{
  g_autofree char *xml = g_build_filename (tmpdir, name, NULL);
  g_autofree char *expected = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "golden", "expected",
                                                "all.xml", NULL);
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GBytes) want = NULL;
  g_auto(Run) export = { 0 };

  run_cli (&export, database, "export", xml, NULL);
  g_assert_cmpint (export.status, ==, 0);
  got = test_read_bytes (xml);
  want = test_read_bytes (expected);
  g_assert_true (g_bytes_equal (got, want));
}

/* A file to a server database and back: the exports of all three are the
 * golden one, byte for byte; the file back holds the same rows, ids and
 * versions as the first; the server goes on with new ids past the copied. */
static void
test_copy_to_server_and_back (void)
{
  g_autofree char *file = NULL;
  g_autofree char *server = NULL;
  g_autofree char *back = g_build_filename (tmpdir, "copy-back.db", NULL);
  g_autofree char *first_rows = NULL;
  g_autofree char *back_rows = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) there = { 0 };
  g_auto(Run) again = { 0 };
  gint64 largest;

  if (test_skip_without_server ())
    return;
  file = make_golden_file ("copy-first.db");
  server = test_server_location (tmpdir, "copy-server");
  assert_exports_golden (file, "copy-first.xml");

  run_cli (&there, NULL, "copy", file, server, NULL);
  g_assert_cmpint (there.status, ==, 0);
  g_assert_cmpstr (there.err, ==, "");
  g_assert_true (g_str_has_prefix (there.out, "Copied "));
  g_assert_nonnull (strstr (there.out, " rows from "));
  assert_exports_golden (server, "copy-server.xml");

  run_cli (&again, NULL, "copy", server, back, NULL);
  g_assert_cmpint (again.status, ==, 0);
  assert_exports_golden (back, "copy-back.xml");
  first_rows = dump_file (file);
  back_rows = dump_file (back);
  g_assert_cmpstr (first_rows, ==, back_rows);

  store = summit_store_open (server, &error);
  g_assert_no_error (error);
  largest = test_store_count (store, "SELECT max (id) FROM person");
  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, "Nowa");
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summit_person_get_id (person), >, largest);
}

/* A database that holds anything is refused as TO, untouched, in one line. */
static void
test_copy_refuses_non_empty (void)
{
  g_autofree char *from = make_golden_file ("copy-from.db");
  g_autofree char *to = test_store_location (tmpdir, "copy-full.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) seed = { 0 };
  g_auto(Run) run = { 0 };

  run_cli (&seed, to, "stats", NULL);
  g_assert_cmpint (seed.status, ==, 0);
  before = test_store_snapshot (tmpdir, "copy-full.db");

  run_cli (&run, NULL, "copy", from, to, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "already holds data"));
  after = test_store_snapshot (tmpdir, "copy-full.db");
  g_assert_true (g_bytes_equal (before, after));
}

/* A row the target refuses half-way: nothing is copied, and a file made
 * for the copy is gone again. */
static void
test_copy_all_or_nothing (void)
{
  g_autofree char *from = make_golden_file ("copy-dangling.db");
  g_autofree char *to = test_store_location (tmpdir, "copy-refused.db");
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  /* Another tool, with foreign keys off, left an invitation of nobody. */
  test_sqlite_exec (from, "PRAGMA foreign_keys = OFF;"
                          "INSERT INTO invitation (person_id, edition_id, status, updated)"
                          " VALUES (999, 1, 'invited', 0);");
  run_cli (&run, NULL, "copy", from, to, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_test_message ("%s", run.err);

  if (!test_engine_is_server ())
    {
      g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
      return;
    }
  store = summit_store_open (to, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM edition"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/cli/stats", test_stats);
  g_test_add_func ("/cli/check/good", test_check_good);
  g_test_add_func ("/cli/check/damaged", test_check_damaged);
  g_test_add_func ("/cli/check/dangling-reference", test_check_dangling_reference);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/server-location", test_check_server_location);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/stats/csv", test_stats_csv);
  g_test_add_func ("/cli/stats/by-country", test_stats_by_country);
  g_test_add_func ("/cli/press-kit/matches-statistics", test_press_kit);
  g_test_add_func ("/cli/press-kit/follows-year", test_press_kit_year);
  g_test_add_func ("/cli/chart", test_chart);
  g_test_add_func ("/cli/csv/formula-guard", test_csv_formula_guard);
  g_test_add_func ("/cli/import/messages", test_import_messages);
  g_test_add_func ("/cli/csv/problem-once", test_csv_problem_once);
  g_test_add_func ("/cli/hostile-paths", test_hostile_paths);
  g_test_add_func ("/cli/csv/reimport-matches", test_csv_reimport_matches);
  g_test_add_func ("/cli/copy/to-server-and-back", test_copy_to_server_and_back);
  g_test_add_func ("/cli/copy/refuses-non-empty", test_copy_refuses_non_empty);
  g_test_add_func ("/cli/copy/all-or-nothing", test_copy_all_or_nothing);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
