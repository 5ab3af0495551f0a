/* bench-io.c — how fast people go in and out, against sqlite3's own .import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes 100,000 people (about 50 MB of XML), then times, each a few times
 * and printing the median:
 *   - XML export and CSV export of the database;
 *   - XML import into a new database, and — in the same run — `sqlite3`'s
 *     own `.import` of the same rows as CSV into a new database: into a
 *     bare table (no index, no constraint: the baseline of the target), and
 *     also into the app's real `person` table (a database made by
 *     summit_store_open(), so the same schema, constraints and indices:
 *     `.import` into a temporary table, then one INSERT … SELECT turning the
 *     times back into numbers), which is the work the XML import does;
 *   - the peak memory growth of the XML import (VmHWM after, minus VmRSS
 *     before, with the peak reset through /proc/self/clear_refs), each run
 *     in a fresh child process.
 * Targets (issue 6): XML import ≤ 1.5 × sqlite3 .import, memory growth
 * ≤ 50 MB, XML export ≤ 0.5 s, CSV export ≤ 0.25 s. Not a test: it prints
 * figures and never fails on speed.
 *
 *   build/tests/bench/bench-io [N_PEOPLE] [RUNS]
 *
 * With BENCH_IO_KEEP=1 in the environment the temporary folder (source.db,
 * people.xml, people.csv) is kept and its path printed, for profiling an
 * import or export alone, e.g. `perf record -g build/src/summit-planner-cli
 * --database /tmp/x.db import DIR/people.xml`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "summit-csv.h"
#include "summit-store-private.h"
#include "summit-xml.h"

static char *tmpdir;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*)(const void *, const void *))compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* A field of /proc/self/status, in kB. */
static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], field))
      return g_ascii_strtoll (lines[i] + strlen (field) + 1, NULL, 10);
  return -1;
}

static void
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static SummitStore *
new_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  SummitStore *store;

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  store = summit_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
fill (SummitStore *store,
      guint        n)
{
  static const char *cities[] = { "Gdynia", "Lublin", "Taipei", "Osaka", "Lyon", "Porto" };
  static const char *countries[] = { "PL", "PL", "TW", "JP", "FR", "PT" };
  static const char *zones[] = { "Europe/Warsaw", "Europe/Warsaw", "Asia/Taipei", "Asia/Tokyo",
                                 "Europe/Paris", "Europe/Lisbon" };
  g_autoptr(GError) error = NULL;
  SummitStmt *stmt;

  summit_store_begin (store, &error);
  g_assert_no_error (error);
  stmt = summit_store_prepare (store,
                               "INSERT INTO person (uid, honorific, given_name, family_name,"
                               " native_name, position, city, country, organisation, email, phone,"
                               " timezone, notes, created, updated) VALUES ($1, 'Dr.', $2, $3, $4,"
                               " 'Deputy Mayor for Smart City Development', $5, $6, $7, $8,"
                               " '+48 58 000 00 00', $9, $10, 1500000000 + $11, 1600000000 + $11)",
                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("bench-%08u-4c1d-9e2f-a1b2c3d4e5f6", i);
      g_autofree char *given = g_strdup_printf ("Given%u", i);
      g_autofree char *family = g_strdup_printf ("Family%u", i % 9973);
      g_autofree char *org = g_strdup_printf ("%s City Hall, Department %u", cities[i % 6], i % 40);
      g_autofree char *email = g_strdup_printf ("given%u.family@city%u.example.org", i, i % 500);
      g_autofree char *notes =
        g_strdup_printf ("Met at the %u summit; interested in mobility, energy & open data. "
                         "Prefers letters; assistant answers the phone. Reference %u.",
                         2015 + i % 6, i);

      summit_stmt_reset (stmt);
      summit_stmt_bind_nullable_text (stmt, 1, uid);
      summit_stmt_bind_nullable_text (stmt, 2, given);
      summit_stmt_bind_nullable_text (stmt, 3, family);
      summit_stmt_bind_static_text (stmt, 4, i % 3 ? "" : "王小明", -1);
      summit_stmt_bind_static_text (stmt, 5, cities[i % 6], -1);
      summit_stmt_bind_static_text (stmt, 6, countries[i % 6], -1);
      summit_stmt_bind_nullable_text (stmt, 7, org);
      summit_stmt_bind_nullable_text (stmt, 8, email);
      summit_stmt_bind_static_text (stmt, 9, zones[i % 6], -1);
      summit_stmt_bind_nullable_text (stmt, 10, notes);
      summit_stmt_bind_int (stmt, 11, i);
      g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_DONE);
    }
  summit_stmt_reset (stmt);
  summit_store_commit (store, &error);
  g_assert_no_error (error);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 5;
  g_autoptr(SummitStore) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree double *xml_export = g_new0 (double, runs);
  g_autofree double *csv_export = g_new0 (double, runs);
  g_autofree double *xml_replace = g_new0 (double, runs);
  g_autofree double *csv_replace = g_new0 (double, runs);
  g_autofree double *xml_import = g_new0 (double, runs);
  g_autofree double *csv_import = g_new0 (double, runs);
  g_autofree double *sqlite_import = g_new0 (double, runs);
  g_autofree double *sqlite_real_import = g_new0 (double, runs);
  g_autofree double *growth = g_new0 (double, runs);
  double t, sq;

  tmpdir = g_dir_make_tmp ("summit-bench-XXXXXX", &error);
  g_assert_no_error (error);
  xml = g_build_filename (tmpdir, "people.xml", NULL);
  csv = g_build_filename (tmpdir, "people.csv", NULL);

  source = new_store ("source.db");
  fill (source, n);

  /* Into a new file each time; then once more over it, which GLib follows
   * with an fsync before the rename (so that a crash cannot leave an empty
   * file where the old export was): that is the disk's time, shown apart. */
  for (guint r = 0; r < runs; r++)
    {
      g_remove (xml);
      t = now ();
      summit_xml_export_file (source, xml, NULL, NULL, NULL, &error);
      xml_export[r] = now () - t;
      g_assert_no_error (error);
      t = now ();
      summit_xml_export_file (source, xml, NULL, NULL, NULL, &error);
      xml_replace[r] = now () - t;
      g_assert_no_error (error);

      g_remove (csv);
      t = now ();
      summit_csv_export_file (source, csv, NULL, &error);
      csv_export[r] = now () - t;
      g_assert_no_error (error);
      t = now ();
      summit_csv_export_file (source, csv, NULL, &error);
      csv_replace[r] = now () - t;
      g_assert_no_error (error);
    }

  for (guint r = 0; r < runs; r++)
    {
      SummitImportReport report;
      gint64 before;

      /* In a fresh child process, so that memory freed by earlier runs
       * cannot hide the import's peak; the child reports through a pipe. */
      {
        int fds[2];
        pid_t pid;
        double result[2] = { 0 };

        g_assert_cmpint (pipe (fds), ==, 0);
        pid = fork ();
        g_assert_cmpint (pid, >=, 0);
        if (pid == 0)
          {
            g_autoptr(SummitStore) target = new_store ("target.db");

            close (fds[0]);
            before = status_kb ("VmRSS:");
            reset_peak ();
            t = now ();
            summit_xml_import_file (target, xml, &report, NULL, &error);
            result[0] = now () - t;
            result[1] = (status_kb ("VmHWM:") - before) / 1024.0;
            if (error != NULL || report.counts[SUMMIT_IMPORT_PEOPLE].added != n)
              result[0] = -1;
            if (write (fds[1], result, sizeof result) != sizeof result)
              _exit (1);
            _exit (0);
          }
        close (fds[1]);
        g_assert_cmpint (read (fds[0], result, sizeof result), ==, sizeof result);
        close (fds[0]);
        waitpid (pid, NULL, 0);
        g_assert_cmpfloat (result[0], >=, 0);
        xml_import[r] = result[0];
        growth[r] = result[1];
      }
      {
        g_autoptr(SummitStore) target = new_store ("target.db");

        t = now ();
        summit_csv_import_file (target, csv, FALSE, &report, NULL, &error);
        csv_import[r] = now () - t;
        g_assert_no_error (error);
        g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, n);
      }

      /* sqlite3's own .import of the same rows, into a new file. */
      if (sqlite3 != NULL)
        {
          g_autofree char *db = g_build_filename (tmpdir, "sqlite3.db", NULL);
          g_autofree char *import = g_strdup_printf (".import --csv --skip 1 %s person", csv);
          const char *args[] = {
            sqlite3, db,
            "CREATE TABLE person (uid TEXT, honorific TEXT, given_name TEXT, family_name TEXT,"
            " native_name TEXT, position TEXT, city TEXT, country TEXT, organisation TEXT,"
            " email TEXT, phone TEXT, timezone TEXT, notes TEXT, position_kind TEXT,"
            " letter_language TEXT, created TEXT, updated TEXT)",
            import, NULL
          };
          int status;

          g_remove (db);
          t = now ();
          g_spawn_sync (NULL, (char **)args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                        &status, &error);
          sqlite_import[r] = now () - t;
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
        }

      /* And into the real table. */
      if (sqlite3 != NULL)
        {
          g_autofree char *db = g_build_filename (tmpdir, "sqlite3-real.db", NULL);
          g_autofree char *import = g_strdup_printf (".import --csv --skip 1 %s bare", csv);
          const char *args[] = {
            sqlite3, db,
            "PRAGMA synchronous = NORMAL",   /* as the store has it */
            "CREATE TEMP TABLE bare (uid TEXT, honorific TEXT, given_name TEXT,"
            " family_name TEXT, native_name TEXT, position TEXT, city TEXT, country TEXT,"
            " organisation TEXT, email TEXT, phone TEXT, timezone TEXT, notes TEXT,"
            " position_kind TEXT, letter_language TEXT, created TEXT, updated TEXT)",
            import,
            "INSERT INTO person (uid, honorific, given_name, family_name, native_name, position,"
            " city, country, organisation, email, phone, timezone, notes, position_kind,"
            " letter_language, created, updated)"
            " SELECT uid, honorific, given_name, family_name, native_name, position, city,"
            " country, organisation, email, phone, timezone, notes, position_kind, letter_language,"
            " unixepoch (created), unixepoch (updated) FROM bare",
            NULL
          };
          int status;

          g_object_unref (new_store ("sqlite3-real.db"));   /* the schema, then closed */
          t = now ();
          g_spawn_sync (NULL, (char **)args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                        &status, &error);
          sqlite_real_import[r] = now () - t;
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
        }
    }

  g_print ("bench-io: %u people, XML %.1f MB, CSV %.1f MB, %u runs, medians\n", n,
           file_size (xml) / 1e6, file_size (csv) / 1e6, runs);
  g_print ("  XML export             %7.3f s   (target <= 0.5 s)\n", median (xml_export, runs));
  g_print ("  CSV export             %7.3f s   (target <= 0.25 s)\n", median (csv_export, runs));
  g_print ("  XML export over the old file (with fsync) %7.3f s\n", median (xml_replace, runs));
  g_print ("  CSV export over the old file (with fsync) %7.3f s\n", median (csv_replace, runs));
  t = median (xml_import, runs);
  g_print ("  XML import             %7.3f s\n", t);
  g_print ("  CSV import             %7.3f s\n", median (csv_import, runs));
  if (sqlite3 != NULL)
    {
      sq = median (sqlite_import, runs);
      g_print ("  sqlite3 .import (CSV)  %7.3f s\n", sq);
      g_print ("  XML import / sqlite3   %7.2f x   (target <= 1.5 x)\n", t / sq);
      sq = median (sqlite_real_import, runs);
      g_print ("  sqlite3 .import into the real person table (schema, indices) %7.3f s\n", sq);
      g_print ("  XML import / that      %7.2f x\n", t / sq);
    }
  else
    g_print ("  sqlite3 .import        (sqlite3 not installed)\n");
  g_print ("  XML import peak memory growth %6.1f MB   (target <= 50 MB)\n", median (growth, runs));

  if (g_getenv ("BENCH_IO_KEEP") != NULL)
    {
      g_print ("  files kept in %s\n", tmpdir);
      g_free (tmpdir);
      return 0;
    }

  {
    GDir *dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_remove (path);
      }
    if (dir)
      g_dir_close (dir);
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }
  return 0;
}
