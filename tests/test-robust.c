/* test-robust.c — imports and exports under unlucky conditions, through summit-planner-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A process killed in the middle of an import, a disk that fills up, two
 * imports at once, a database another program holds locked: the database
 * holds the old data or the new, never something between, passes the
 * integrity and foreign-key checks, and no half-written export is left.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "test-util.h"

#define PEOPLE 20000
#define SEEDED 3

static char *tmpdir;

typedef struct
{
  int      status;      /* exit status, or -1 if killed */
  gboolean killed;      /* by this test's SIGKILL */
  char    *out;
  char    *err;
  gint64   usec;        /* from start to exit */
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* The limit on the size of a file the child may write; 0 for none. */
static rlim_t child_fsize_limit;

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { child_fsize_limit, child_fsize_limit };

  /* Past the limit, write() fails with EFBIG instead of the process being killed. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static GSubprocess *
cli_spawn (rlim_t      fsize_limit,
           const char *database,
           const char *command,
           const char *file)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  if (fsize_limit > 0)
    {
      child_fsize_limit = fsize_limit;
      g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
    }
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SUMMIT_CLI"),
                                         "--database", database, command, file, NULL);
  g_assert_no_error (error);
  return process;
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *)data = TRUE;
  g_main_context_wakeup (NULL);
}

/* Waits for @process to end; kills it with SIGKILL if it still runs after
 * @kill_after_usec (0: never). */
static void
cli_finish (GSubprocess *process,
            gint64       start,
            gint64       kill_after_usec,
            Result      *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  gboolean exited = FALSE;

  memset (result, 0, sizeof *result);
  g_subprocess_wait_async (process, NULL, exited_cb, &exited);
  while (!exited)
    {
      if (kill_after_usec > 0 && g_get_monotonic_time () - start >= kill_after_usec)
        {
          g_subprocess_force_exit (process);
          result->killed = TRUE;
          kill_after_usec = 0;
        }
      /* Wakes up at least every millisecond while a kill is pending. */
      if (kill_after_usec > 0)
        {
          g_autoptr(GSource) tick = g_timeout_source_new (1);
          g_source_set_dummy_callback (tick);
          g_source_attach (tick, NULL);
          g_main_context_iteration (NULL, TRUE);
          g_source_destroy (tick);
        }
      else
        g_main_context_iteration (NULL, TRUE);
    }
  result->usec = g_get_monotonic_time () - start;
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  result->out = g_strndup (g_bytes_get_data (out, NULL) ?: "", g_bytes_get_size (out));
  result->err = g_strndup (g_bytes_get_data (err, NULL) ?: "", g_bytes_get_size (err));
  if (g_subprocess_get_if_exited (process))
    {
      result->status = g_subprocess_get_exit_status (process);
      result->killed = FALSE;   /* it ended before the kill landed */
    }
  else
    {
      result->status = -1;
      if (!result->killed)
        g_test_message ("the CLI died of signal %d; its stderr:\n%s",
                        g_subprocess_get_term_sig (process), result->err);
    }
}

static void
cli_run (Result     *result,
         rlim_t      fsize_limit,
         const char *database,
         const char *command,
         const char *file)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) process = cli_spawn (fsize_limit, database, command, file);

  cli_finish (process, start, 0, result);
}

/* A CSV of @n people whose names start with @prefix. */
static char *
write_people (const char *name,
              const char *prefix,
              guint       n)
{
  g_autoptr(GString) csv = g_string_new ("given_name,family_name,city,country\n");
  char *path = g_build_filename (tmpdir, name, NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s%05u,Family%05u,Gdańsk,PL\n", prefix, i, i);
  test_write (path, csv->str, csv->len);
  return path;
}

/* A new database holding the seed (SEEDED people), closed. */
static char *
new_database (const char *name)
{
  g_autofree char *wal = NULL;
  g_auto(Result) result = { 0 };
  char *path = g_build_filename (tmpdir, name, NULL);

  g_remove (path);
  cli_run (&result, 0, path, "stats", NULL);
  g_assert_cmpint (result.status, ==, 0);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return path;
}

static gint64
count_people (const char *database)
{
  g_autofree char *uri = g_strconcat ("file:", database, "?mode=ro", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM person", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* `summit-planner-cli check`: integrity and foreign keys. */
static void
assert_database_sound (const char *database)
{
  g_auto(Result) result = { 0 };

  cli_run (&result, 0, database, "check", NULL);
  if (result.status != 0)
    g_test_message ("check said:\n%s%s", result.out, result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "no problems found"));
}

static void
assert_one_line (const char *text)
{
  g_assert_cmpstr (text, !=, "");
  g_assert_nonnull (strchr (text, '\n'));
  g_assert_cmpstr (strchr (text, '\n') + 1, ==, "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The names in @dir, sorted, as one string. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
test_kill_during_import (void)
{
  g_autofree char *csv = write_people ("kill.csv", "Given", PEOPLE);
  g_autofree char *pristine = new_database ("kill-pristine.db");
  g_autofree char *database = g_build_filename (tmpdir, "kill.db", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database, "-shm", NULL);
  g_autoptr(GBytes) seeded = test_read_bytes (pristine);
  g_auto(Result) whole = { 0 };
  guint interrupted = 0;

  /* How long a whole import takes here: the kills are spread over it. */
  test_write (database, g_bytes_get_data (seeded, NULL), g_bytes_get_size (seeded));
  cli_run (&whole, 0, database, "import", csv);
  g_assert_cmpint (whole.status, ==, 0);
  g_assert_cmpint (count_people (database), ==, SEEDED + PEOPLE);
  g_test_message ("a whole import of %d people took %" G_GINT64_FORMAT " ms",
                  PEOPLE, whole.usec / 1000);

  for (guint k = 1; k <= 8; k++)
    {
      g_auto(Result) result = { 0 };
      gint64 start, n;
      g_autoptr(GSubprocess) process = NULL;

      g_remove (wal);
      g_remove (shm);
      test_write (database, g_bytes_get_data (seeded, NULL), g_bytes_get_size (seeded));
      start = g_get_monotonic_time ();
      process = cli_spawn (0, database, "import", csv);
      cli_finish (process, start, whole.usec * k / 8, &result);

      n = count_people (database);
      g_test_message ("killed at %u/8 of the import: %s, %" G_GINT64_FORMAT " people",
                      k, result.killed ? "killed" : "had ended", n);
      if (result.killed)
        {
          g_assert_true (n == SEEDED || n == SEEDED + PEOPLE);
          if (n == SEEDED)
            interrupted++;
        }
      else
        {
          g_assert_cmpint (result.status, ==, 0);
          g_assert_cmpint (n, ==, SEEDED + PEOPLE);
        }
      assert_database_sound (database);
    }
  /* At least one kill landed while the import was under way. */
  g_assert_cmpuint (interrupted, >, 0);

  /* What a kill left behind does not stand in the way of the next import. */
  {
    g_auto(Result) again = { 0 };

    cli_run (&again, 0, database, "import", csv);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpint (count_people (database), ==, SEEDED + PEOPLE);
    assert_database_sound (database);
  }
}

static void
test_full_disk_during_import (void)
{
  g_autofree char *csv = write_people ("full.csv", "Given", PEOPLE);
  g_autofree char *database = new_database ("full-import.db");
  g_autoptr(GBytes) before = test_read_bytes (database);
  g_autoptr(GBytes) after = NULL;
  g_auto(Result) result = { 0 };

  /* Room for the log to start, not for 20,000 people (about 4 MB). */
  cli_run (&result, g_bytes_get_size (before) + 256 * 1024, database, "import", csv);
  g_test_message ("with the disk full: status %d, stderr: %s", result.status, result.err);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_null (strstr (result.err, "CRITICAL"));

  g_assert_cmpint (count_people (database), ==, SEEDED);
  assert_database_sound (database);
  after = test_read_bytes (database);
  g_assert_true (g_bytes_equal (before, after));

  /* With room again, the same import goes through. */
  {
    g_auto(Result) again = { 0 };

    cli_run (&again, 0, database, "import", csv);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpint (count_people (database), ==, SEEDED + PEOPLE);
  }
}

static void
test_full_disk_during_export (void)
{
  g_autofree char *csv = write_people ("export.csv", "Given", PEOPLE);
  g_autofree char *database = new_database ("full-export.db");
  char *outdir = test_tmpdir_new ();
  /* (A calendar is smaller than the database's shared-memory file, so a
   * file size limit cannot fill the disk under it alone.) */
  const char *formats[] = { "xml", "csv" };
  g_auto(Result) imported = { 0 };

  cli_run (&imported, 0, database, "import", csv);
  g_assert_cmpint (imported.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("people.%s", formats[i]);
      g_autofree char *fresh = g_build_filename (outdir, name, NULL);
      g_autofree char *kept_name = g_strdup_printf ("kept.%s", formats[i]);
      g_autofree char *kept = g_build_filename (outdir, kept_name, NULL);
      g_autofree char *listing = NULL;
      g_autofree char *listing_after = NULL;
      g_autoptr(GBytes) old = NULL;
      g_autoptr(GBytes) now = NULL;
      g_auto(Result) result = { 0 };
      g_auto(Result) replaced = { 0 };
      rlim_t limit = 64 * 1024;

      /* A new file: refused, nothing left behind. */
      listing = list_dir (outdir);
      cli_run (&result, limit, database, "export", fresh);
      g_test_message ("export %s with the disk full: status %d, stderr: %s",
                      formats[i], result.status, result.err);
      g_assert_cmpint (result.status, ==, 1);
      /* (libxml2's own "I/O error" line may come first: issue 14, item 7.) */
      g_assert_nonnull (strstr (result.err, fresh));
      listing_after = list_dir (outdir);
      g_assert_cmpstr (listing_after, ==, listing);

      /* An existing file: left whole. */
      test_write (kept, "the previous export\n", -1);
      old = test_read_bytes (kept);
      g_free (listing);
      listing = list_dir (outdir);
      cli_run (&replaced, limit, database, "export", kept);
      g_assert_cmpint (replaced.status, ==, 1);
      now = test_read_bytes (kept);
      g_assert_true (g_bytes_equal (old, now));
      g_free (listing_after);
      listing_after = list_dir (outdir);
      g_assert_cmpstr (listing_after, ==, listing);
    }
  assert_database_sound (database);
  test_tmpdir_free (outdir);
}

/* Runs the shell @script with a small tmpfs of @size mounted on $1, in a
 * mount namespace of its own (so it goes with the script), then the
 * arguments. FALSE (and the test skipped) where the machine does not allow
 * it; the script exits 99 when the mount fails. */
static gboolean
run_on_small_filesystem (const char  *size,
                         const char  *script,
                         const char **args,
                         char       **out_err)
{
  g_autofree char *mnt = test_tmpdir_new ();
  g_autofree char *full = g_strdup_printf ("mount -t tmpfs -o size=%s tmpfs \"$1\" 2>/dev/null "
                                           "|| exit 99\n%s", size, script);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)"unshare");
  g_ptr_array_add (argv, (char *)"--mount");
  g_ptr_array_add (argv, (char *)"sh");
  g_ptr_array_add (argv, (char *)"-c");
  g_ptr_array_add (argv, full);
  g_ptr_array_add (argv, (char *)"sh");
  g_ptr_array_add (argv, mnt);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, out_err, &status, &error))
    {
      g_test_skip_printf ("no unshare here: %s; RLIMIT_FSIZE stands in", error->message);
      test_tmpdir_free (g_steal_pointer (&mnt));
      return FALSE;
    }
  test_tmpdir_free (g_steal_pointer (&mnt));
  if (!WIFEXITED (status) || WEXITSTATUS (status) == 99 ||
      (WEXITSTATUS (status) == 1 && strstr (*out_err, "unshare:") != NULL))
    {
      g_test_skip_printf ("this machine does not allow a private tmpfs (%s); "
                          "RLIMIT_FSIZE stands in", *out_err);
      return FALSE;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return TRUE;
}

static void
test_full_filesystem_during_import (void)
{
  g_autofree char *csv = write_people ("tmpfs.csv", "Given", PEOPLE);
  g_autofree char *database = new_database ("tmpfs-import.db");
  g_autofree char *out = test_tmpdir_new ();
  g_autofree char *after = g_build_filename (out, "summit.db", NULL);
  g_autofree char *status_file = g_build_filename (out, "status", NULL);
  g_autofree char *status = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cli_err = NULL;
  g_autofree char *err_file = g_build_filename (out, "stderr", NULL);
  g_autoptr(GBytes) before = test_read_bytes (database);
  g_autoptr(GBytes) now = NULL;
  /* The database on a file system with room for the log to start, not for
   * 20,000 people; what is left there is copied out to be looked at. */
  const char *script =
    "cp \"$2\" \"$1/summit.db\" || exit 98\n"
    "\"$5\" --database \"$1/summit.db\" import \"$3\" 2>\"$4/stderr\"\n"
    "echo $? >\"$4/status\"\n"
    "cp -a \"$1/.\" \"$4/\"\n";
  const char *args[] = { database, csv, out, g_getenv ("SUMMIT_CLI"), NULL };

  if (run_on_small_filesystem ("640k", script, args, &err))
    {
      g_file_get_contents (status_file, &status, NULL, NULL);
      g_file_get_contents (err_file, &cli_err, NULL, NULL);
      g_test_message ("with the file system full: status %s, stderr: %s", status, cli_err);
      g_assert_cmpstr (status, ==, "1\n");
      assert_one_line (cli_err);
      g_assert_cmpint (count_people (after), ==, SEEDED);
      assert_database_sound (after);
      now = test_read_bytes (after);
      g_assert_true (g_bytes_equal (before, now));
    }
  test_tmpdir_free (g_steal_pointer (&out));
}

static void
test_full_filesystem_during_export (void)
{
  g_autofree char *csv = write_people ("tmpfs-export.csv", "Given", PEOPLE);
  g_autofree char *database = new_database ("tmpfs-export.db");
  g_autofree char *out = test_tmpdir_new ();
  g_autofree char *listing_file = g_build_filename (out, "listing", NULL);
  g_autofree char *status_file = g_build_filename (out, "status", NULL);
  g_auto(Result) imported = { 0 };
  /* Exports onto a full file system: each refused, nothing left there. */
  const char *script =
    "for format in xml csv; do\n"
    "  \"$4\" --database \"$2\" export \"$1/people.$format\" 2>>\"$3/stderr\"\n"
    "  echo $? >>\"$3/status\"\n"
    "done\n"
    "ls -A \"$1\" >\"$3/listing\"\n";
  const char *args[] = { database, out, g_getenv ("SUMMIT_CLI"), NULL };
  g_autofree char *err = NULL;

  cli_run (&imported, 0, database, "import", csv);
  g_assert_cmpint (imported.status, ==, 0);
  if (run_on_small_filesystem ("64k", script, args, &err))
    {
      g_autofree char *status = NULL;
      g_autofree char *listing = NULL;

      g_file_get_contents (status_file, &status, NULL, NULL);
      g_file_get_contents (listing_file, &listing, NULL, NULL);
      g_test_message ("exports onto a full file system: statuses %s, left: %s", status, listing);
      g_assert_cmpstr (status, ==, "1\n1\n");
      g_assert_cmpstr (listing, ==, "");
    }
  test_tmpdir_free (g_steal_pointer (&out));
}

static void
test_two_imports_at_once (void)
{
  g_autofree char *first = write_people ("first.csv", "First", PEOPLE / 2);
  g_autofree char *second = write_people ("second.csv", "Second", PEOPLE / 2);
  g_autofree char *database = new_database ("twice.db");
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) a = cli_spawn (0, database, "import", first);
  g_autoptr(GSubprocess) b = cli_spawn (0, database, "import", second);
  g_auto(Result) ra = { 0 };
  g_auto(Result) rb = { 0 };

  cli_finish (a, start, 0, &ra);
  cli_finish (b, start, 0, &rb);
  g_test_message ("two imports at once: %d (%s) and %d (%s)",
                  ra.status, ra.err, rb.status, rb.err);
  /* The second waits for the first's transaction, then goes through. */
  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);
  g_assert_cmpint (count_people (database), ==, SEEDED + PEOPLE);
  assert_database_sound (database);
}

static void
test_busy_database (void)
{
  g_autofree char *csv = write_people ("busy.csv", "Given", 100);
  g_autofree char *database = new_database ("busy.db");
  g_auto(Result) result = { 0 };
  g_auto(Result) again = { 0 };
  sqlite3 *other = NULL;

  /* Another program holds the write lock for as long as the import waits. */
  g_assert_cmpint (sqlite3_open (database, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "UPDATE person SET notes = 'held' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  cli_run (&result, 0, database, "import", csv);
  g_test_message ("import while another program writes: status %d, stderr: %s",
                  result.status, result.err);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "busy"));
  g_assert_nonnull (strstr (result.err, "Nothing was changed"));

  /* The other program's work is not lost either. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (count_people (database), ==, SEEDED);

  cli_run (&again, 0, database, "import", csv);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpint (count_people (database), ==, SEEDED + 100);
  assert_database_sound (database);
  {
    g_autofree char *uri = g_strconcat ("file:", database, "?mode=ro", NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT notes FROM person WHERE id = 1", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "held");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/robust/import/kill-9", test_kill_during_import);
  g_test_add_func ("/robust/import/full-disk", test_full_disk_during_import);
  g_test_add_func ("/robust/export/full-disk", test_full_disk_during_export);
  g_test_add_func ("/robust/import/full-filesystem", test_full_filesystem_during_import);
  g_test_add_func ("/robust/export/full-filesystem", test_full_filesystem_during_export);
  g_test_add_func ("/robust/import/two-at-once", test_two_imports_at_once);
  g_test_add_func ("/robust/import/busy-database", test_busy_database);

  status = g_test_run ();
  test_tmpdir_free (tmpdir);
  return status;
}
