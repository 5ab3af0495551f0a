/* test-cli.c — summit-planner-cli as scripts and people use it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>

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
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SUMMIT_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (char *)"--database");
      g_ptr_array_add (argv, (char *)database);
    }
  va_start (args, database);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (run->status))
    {
      /* Say how it died, and what it said before, in the test's log. */
      g_test_message ("%s %s died%s%s; its stderr:\n%s", cli, (char *)argv->pdata[database ? 3 : 1],
                      WIFSIGNALED (run->status) ? " of signal " : "",
                      WIFSIGNALED (run->status) ? g_strsignal (WTERMSIG (run->status)) : "",
                      run->err);
      run->status = -1;
    }
  else
    run->status = WEXITSTATUS (run->status);
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
  g_autofree char *db = g_build_filename (tmpdir, "stats.db", NULL);
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
  g_autofree char *db = g_build_filename (tmpdir, "good.db", NULL);
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

  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autofree char *db = g_build_filename (tmpdir, "usage.db", NULL);

  run_cli (&none, db, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "no command"));

  run_cli (&unknown, db, "fly", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command"));
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
  g_autofree char *db = g_build_filename (tmpdir, "stats-csv.db", NULL);
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
  g_autofree char *db = g_build_filename (tmpdir, "guard.db", NULL);
  g_autofree char *other = g_build_filename (tmpdir, "guard-other.db", NULL);
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
  test_sqlite_exec (db, "UPDATE year_statistic SET source = '=cmd|'' /C calc''!A0'"
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
  g_autofree char *db = g_build_filename (tmpdir, "chart.db", NULL);
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

/* import FILE.csv twice: the second adds nobody; a row matching two people
 * is left out, named on stderr with their uids, and a uid column decides. */
static void
test_csv_reimport_matches (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "match.db", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "match.csv", NULL);
  g_autofree char *chosen = g_build_filename (tmpdir, "match-chosen.csv", NULL);
  g_auto(Run) created = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) third = { 0 };

  run_cli (&created, db, "stats", NULL);
  g_assert_cmpint (created.status, ==, 0);
  test_sqlite_exec (db, "INSERT INTO person (uid, given_name, family_name, city, created, updated)"
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
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/stats/csv", test_stats_csv);
  g_test_add_func ("/cli/chart", test_chart);
  g_test_add_func ("/cli/csv/formula-guard", test_csv_formula_guard);
  g_test_add_func ("/cli/csv/reimport-matches", test_csv_reimport_matches);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
