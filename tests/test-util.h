/* test-util.h — helpers shared by the core tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include "summit-store-private.h"
#include "summit-store-sqlite.h"
#include "summit-xml.h"

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

/* A store on the file @name in @dir: seeded as on the app's first start, or empty. */
static inline SummitStore *
test_open_store (const char *dir,
                 const char *name,
                 gboolean    seeded)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
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
