/* test-util.h — helpers shared by the core tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include "summit-store-private.h"
#include "summit-store-sqlite.h"
#include "summit-xml.h"

/* The engine the tests run on: SQLite files, or with
 * SUMMIT_TEST_ENGINE=postgresql (the suite core-pg) databases on the
 * PostgreSQL server that PGHOST, PGPORT, PGUSER and PGPASSWORD name. */
static inline gboolean
test_engine_is_server (void)
{
  return g_strcmp0 (g_getenv ("SUMMIT_TEST_ENGINE"), "postgresql") == 0;
}

/* Skips the running test on the server engine, for a test about the SQLite
 * file itself; returns %TRUE if it did. */
static inline gboolean
test_skip_on_server (void)
{
  if (!test_engine_is_server ())
    return FALSE;
  g_test_skip ("the SQLite file engine only");
  return TRUE;
}

/* Skips the running test where no test server is given; returns %TRUE if it did. */
static inline gboolean
test_skip_without_server (void)
{
  if (g_getenv ("PGHOST") != NULL)
    return FALSE;
  g_test_skip ("no PostgreSQL server: PGHOST is unset (tools/test.sh starts one)");
  return TRUE;
}

/* Whether this program made databases on the test server. */
static gboolean test_server_used;

/* A connection to the test server's maintenance database "postgres". */
static inline PGconn *
test_server_connect (void)
{
  PGconn *conn = PQconnectdb ("dbname=postgres");

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("the test server (PGHOST=%s) does not answer: %s", g_getenv ("PGHOST"),
             PQerrorMessage (conn));
  return conn;
}

static inline void
test_server_exec (PGconn     *conn,
                  const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

/* The test server's database names for the files of @dir start with this. */
static inline char *
test_server_prefix (const char *dir)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, dir, -1);

  return g_strdup_printf ("summit_test_%.20s_", hash);
}

/* The name of the test server's database standing for the file @name in @dir. */
static inline char *
test_server_database (const char *dir,
                      const char *name)
{
  g_autofree char *prefix = test_server_prefix (dir);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

  return g_strdup_printf ("%s%.20s", prefix, hash);
}

/* The location of a database of its own on the test server standing for the
 * file @name in @dir: created empty on first use, the same one for the same
 * @dir and @name (as a file would be), dropped by test_tmpdir_free(). */
static inline char *
test_server_location (const char *dir,
                      const char *name)
{
  g_autofree char *database = test_server_database (dir, name);
  const char *values[] = { database };
  PGconn *conn = test_server_connect ();
  PGresult *result;
  char *location;

  result = PQexecParams (conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, values,
                         NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  if (PQntuples (result) == 0)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", database);
      test_server_exec (conn, create);
    }
  PQclear (result);

  location = g_strdup_printf ("host=%s port=%s dbname=%s user=%s", PQhost (conn), PQport (conn),
                              database, PQuser (conn));
  PQfinish (conn);
  test_server_used = TRUE;
  return location;
}

/* Drops the test server's databases whose names start with @prefix. */
static inline void
test_server_drop_prefix (const char *prefix)
{
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  const char *values[] = { pattern };
  PGconn *conn = test_server_connect ();
  PGresult *result;

  result = PQexecParams (conn, "SELECT datname FROM pg_database WHERE datname LIKE $1", 1, NULL,
                         values, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                               PQgetvalue (result, i, 0));
      test_server_exec (conn, drop);
    }
  PQclear (result);
  PQfinish (conn);
}

/* Drops the test server's databases for the files of @dir. */
static inline void
test_server_drop (const char *dir)
{
  g_autofree char *prefix = test_server_prefix (dir);

  test_server_drop_prefix (prefix);
}

/* Where the tests keep the database @name of @dir: the file @dir/@name, or
 * on the server engine a database of the test server standing for it. */
static inline char *
test_store_location (const char *dir,
                     const char *name)
{
  if (test_engine_is_server ())
    return test_server_location (dir, name);
  return g_build_filename (dir, name, NULL);
}

/* Removes the database @name of @dir: the file and SQLite's files beside it,
 * or the test server's database standing for it (made again, empty). */
static inline void
test_store_remove (const char *dir,
                   const char *name)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (test_engine_is_server ())
    {
      g_autofree char *database = test_server_database (dir, name);

      /* dropped and made again empty, as a file not there yet */
      test_server_drop_prefix (database);
      g_free (test_server_location (dir, name));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/* What the database @name of @dir holds, to compare before and after: the
 * file's bytes (with no write-ahead log beside it), or on the server every
 * row of every table as text. */
static inline GBytes *
test_store_snapshot (const char *dir,
                     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *location = NULL;
  GString *dump;
  PGconn *conn;
  PGresult *tables;

  if (!test_engine_is_server ())
    {
      char *contents = NULL;
      gsize len = 0;

      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      return g_bytes_new_take (contents, len);
    }

  location = test_server_location (dir, name);
  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  tables = PQexec (conn, "SELECT quote_ident (table_name) FROM information_schema.tables"
                         " WHERE table_schema = current_schema () ORDER BY 1");
  g_assert_cmpint (PQresultStatus (tables), ==, PGRES_TUPLES_OK);
  dump = g_string_new (NULL);
  for (int i = 0; i < PQntuples (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT t::text FROM %s t ORDER BY 1",
                                              PQgetvalue (tables, i, 0));
      PGresult *rows = PQexec (conn, sql);

      g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
      g_string_append_printf (dump, "%s\n", PQgetvalue (tables, i, 0));
      for (int r = 0; r < PQntuples (rows); r++)
        g_string_append_printf (dump, "%s\n", PQgetvalue (rows, r, 0));
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  return g_string_free_to_bytes (dump);
}

/* A fresh temporary folder; removed (with its files) by test_tmpdir_free(). */
static inline char *
test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("summit-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_tmpdir_free (char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_chmod (path, 0600);
      g_remove (path);
    }
  if (d)
    g_dir_close (d);
  g_chmod (dir, 0700);
  g_rmdir (dir);
  if (test_server_used)
    test_server_drop (dir);
  g_free (dir);
}


static inline GBytes *
test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline void
test_write (const char *path,
            const void *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Runs sqlite3 SQL on a file through the library itself, for fixtures. */
static inline void
test_sqlite_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("fixture SQL failed: %s", errmsg);
  sqlite3_close (db);
}

/* Runs @sql on the database at @location (test_store_location()) for a
 * fixture, behind the store's back: with sqlite3 on a file, with libpq on a
 * server database. */
static inline void
test_store_exec_sql (const char *location,
                     const char *sql)
{
  PGconn *conn;

  if (!summit_store_location_is_server (location))
    {
      test_sqlite_exec (location, sql);
      return;
    }
  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  test_server_exec (conn, sql);
  PQfinish (conn);
}

/* A store on the database @name in @dir (test_store_location()): seeded as
 * on the app's first start, or empty. */
static inline SummitStore *
test_open_store (const char *dir,
                 const char *name,
                 gboolean    seeded)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_store_location (dir, name);
  SummitStore *store;

  store = seeded ? summit_store_open_and_seed (path, &error) : summit_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* Runs `summit-planner-cli --database DATABASE COMMAND FILE` as a person
 * would; %FALSE (the test skipped) where the tool is not built. */
static inline gboolean
test_run_cli_file (const char  *database,
                   const char  *command,
                   const char  *file,
                   int         *exit_status,
                   char       **err)
{
  const char *cli = g_getenv ("SUMMIT_CLI");
  const char *argv[] = { cli, "--database", database, command, file, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("summit-planner-cli is not built (SUMMIT_CLI)");
      return FALSE;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  *exit_status = WEXITSTATUS (status);
  return TRUE;
}

/* Runs `summit-planner-cli [--database DATABASE] ARGUMENTS…` (@args ends
 * with NULL), keeping what it prints in @out and @err. Returns its exit
 * status, or -1 if it died (said in the test's log). */
static inline int
test_run_cli_v (char       **out,
                char       **err,
                const char  *database,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SUMMIT_CLI");
  const char *arg;
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (char *)"--database");
      g_ptr_array_add (argv, (char *)database);
    }
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  /* Say how it died, and what it said before, in the test's log. */
  g_test_message ("%s %s died%s%s; its stderr:\n%s", cli, (char *)argv->pdata[database ? 3 : 1],
                  WIFSIGNALED (status) ? " of signal " : "",
                  WIFSIGNALED (status) ? g_strsignal (WTERMSIG (status)) : "",
                  err != NULL && *err != NULL ? *err : "");
  return -1;
}

/* test_run_cli_v() with the arguments given here, ending with NULL. */
G_GNUC_NULL_TERMINATED static inline int
test_run_cli (char       **out,
              char       **err,
              const char  *database,
              ...)
{
  va_list args;
  int status;

  va_start (args, database);
  status = test_run_cli_v (out, err, database, args);
  va_end (args);
  return status;
}

/* The one number @sql selects from @store, for assertions. */
static inline gint64
test_store_count (SummitStore *store,
                  const char  *sql)
{
  SummitStmt *stmt = summit_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_ROW);
  n = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);
  return n;
}

/* A PDF's text as `pdftotext -raw` reads it (in drawing order), with every
 * run of white space made one space, so that wrapped lines compare as one. */
static inline char *
test_read_pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}
