/* test-cli.c — summit-planner-cli as scripts and people use it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
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

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
