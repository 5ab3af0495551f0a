/* summit-store-sqlite.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite engine behind the store: opening a file safely (and refusing
 * files that are not ours without touching them), the cache of prepared
 * statements, and the seam of summit-store-private.h. The only file that
 * includes <sqlite3.h>.
 */
#define G_LOG_DOMAIN "summit-store"
#define _GNU_SOURCE 1   /* sync_file_range() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixmounts.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summit-store-private.h"
#include "summit-store-sqlite.h"

#define DB(store) ((sqlite3 *)(store)->db)
#define STMT(stmt) (((SqliteStmt *)(stmt))->stmt)

typedef struct
{
  SummitStmt    parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

static gboolean sqlite_exec (SummitStore *self, const char *sql, GError **error);
static gboolean sqlite_set_error_from_db (SummitStore *self, int rc, GError **error);

static const char * const sidecar_suffixes[] = { "-wal", "-shm", "-journal" };

static gboolean
set_error_for_rc (int          rc,
                  const char  *message,
                  GError     **error)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: code = SUMMIT_STORE_ERROR_CONSTRAINT; break;
    case SQLITE_READONLY: code = SUMMIT_STORE_ERROR_READ_ONLY; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = SUMMIT_STORE_ERROR_BUSY; break;
    case SQLITE_CORRUPT: code = SUMMIT_STORE_ERROR_CORRUPT; break;
    case SQLITE_NOTADB: code = SUMMIT_STORE_ERROR_NOT_DATABASE; break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: code = SUMMIT_STORE_ERROR_IO; break;
    default: code = SUMMIT_STORE_ERROR_FAILED; break;
    }

  if (code == SUMMIT_STORE_ERROR_BUSY)
    g_set_error (error, SUMMIT_STORE_ERROR, code,
                 _("The database is busy: another program is writing to it (%s). "
                   "Nothing was changed; try again in a moment."), message);
  else
    g_set_error (error, SUMMIT_STORE_ERROR, code, "%s", message);
  return FALSE;
}

/**
 * summit_store_set_prepare_error:
 *
 * Sets @error for a statement of ours that SQLite could not prepare: unless
 * the database is busy or unreadable, its tables are not what they should
 * be ("no such table: panel"), which is the database's fault, not that of
 * the data being written (%SUMMIT_STORE_ERROR_CORRUPT).
 *
 * Returns: %FALSE
 */
static gboolean
summit_store_set_prepare_error (SummitStore  *self,
                                int           rc,
                                GError      **error)
{
  if ((rc & 0xff) != SQLITE_ERROR)
    return sqlite_set_error_from_db (self, rc, error);
  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged or incomplete (%s); check it with "
                 "“summit-planner-cli check”"),
               self->path, sqlite3_errmsg (DB (self)));
  return FALSE;
}

static gboolean
sqlite_set_error_from_db (SummitStore  *self,
                          int           rc,
                          GError      **error)
{
  return set_error_for_rc (rc, sqlite3_errmsg (DB (self)), error);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  set_error_for_rc (rc, sqlite3_errmsg (db), error);
  sqlite3_finalize (stmt);
  return FALSE;
}

static gboolean
is_network_file_system (const char *path)
{
  static const char * const network_types[] = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs",
    "afs", "ncpfs", "9p", "fuse.gvfsd-fuse", "ceph", "glusterfs", "fuse.glusterfs",
    NULL
  };
  g_autoptr(GUnixMountEntry) entry = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  const char *fs_type;

  entry = g_unix_mount_for (path, NULL);
  if (entry == NULL)
    entry = g_unix_mount_for (dir, NULL);
  if (entry == NULL)
    return FALSE;

  fs_type = g_unix_mount_get_fs_type (entry);
  return fs_type != NULL && g_strv_contains (network_types, fs_type);
}

/* Looks at the raw bytes before SQLite touches the file, so that something
 * that is not a database at all is refused without a single write.
 */
static gboolean
inspect_existing_file (const char   *path,
                       goffset       size,
                       GError      **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  g_autofree char *wal_path = NULL;
  GStatBuf wal_st;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize)sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Summit Planner database: it is not an SQLite file"), path);
      return FALSE;
    }

  if (n < (gssize)sizeof header)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is truncated"), path);
      return FALSE;
    }

  /* The page count in the header is trustworthy when "version-valid-for"
   * equals the change counter (SQLite file format §1.3.7) and no write-ahead
   * log holds pages that are not yet in the main file.
   */
  wal_path = g_strconcat (path, "-wal", NULL);
  if (g_stat (wal_path, &wal_st) != 0 || wal_st.st_size == 0)
    {
      guint32 page_size = (header[16] << 8) | header[17];
      guint32 change_counter = GUINT32_FROM_BE (*(guint32 *)(header + 24));
      guint32 valid_for = GUINT32_FROM_BE (*(guint32 *)(header + 92));
      guint32 pages = GUINT32_FROM_BE (*(guint32 *)(header + 28));

      if (page_size == 1)
        page_size = 65536;
      if (pages > 0 && valid_for == change_counter &&
          (guint64)pages * page_size > (guint64)size)
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged: the file is truncated"), path);
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens @path read-only. Unless a write-ahead log holds changes, it is
 * opened as immutable: SQLite then creates no -wal or -shm file beside it,
 * which a read-only folder could not hold and a read-only file would keep. */
static int
open_read_only (const char  *path,
                sqlite3    **db)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GStatBuf wal_st;

  if (g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0)
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static gboolean
check_quick (SummitStore  *self,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (DB (self), "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged: the database fails its integrity check"), self->path);
  return ok;
}

/* Creates @path if it is missing; refuses what is not one of our files
 * before SQLite touches it. Sets @writable. */
static gboolean
prepare_file (const char  *path,
              gboolean    *writable,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  gboolean exists;

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a database file"), path);
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a regular file"), path);
      return FALSE;
    }

  if (!exists)
    {
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      /* Leftovers of a database that was deleted without them would be
       * replayed into the new, empty file: they belong to no file now. */
      for (guint i = 0; i < G_N_ELEMENTS (sidecar_suffixes); i++)
        {
          g_autofree char *sidecar = g_strconcat (path, sidecar_suffixes[i], NULL);
          g_remove (sidecar);
        }

      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO,
                       _("Could not create “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      close (fd);
      st.st_size = 0;
      st.st_mode = S_IFREG | 0600;
    }
  else if (st.st_size > 0 && !inspect_existing_file (path, st.st_size, error))
    return FALSE;

  /* Root may write anywhere; a file or folder without write bits is still
   * meant to be read-only. SQLite writes beside the file (its journal), so
   * a read-only folder makes the database read-only too. */
  {
    GStatBuf dir_st;

    *writable = access (path, W_OK) == 0 && (st.st_mode & S_IWUSR) != 0 &&
                access (dir, W_OK) == 0 && g_stat (dir, &dir_st) == 0 &&
                (dir_st.st_mode & S_IWUSR) != 0;
  }

  return TRUE;
}

/* Reads what says whose file it is; a failure here is damage, or changes a
 * read-only folder keeps out of reach. */
static gboolean
read_identity (SummitStore  *self,
               gboolean      writable,
               gint64       *app_id,
               gint64       *user_version,
               gint64       *n_objects,
               GError      **error)
{
  const char *path = self->path;

  if (!sqlite_exec (self, "PRAGMA foreign_keys = ON", NULL) ||
      !query_int (DB (self), "PRAGMA application_id", app_id, NULL) ||
      !query_int (DB (self), "PRAGMA user_version", user_version, NULL) ||
      !query_int (DB (self), "SELECT count(*) FROM sqlite_schema", n_objects, NULL))
    {
      int code = sqlite3_errcode (DB (self));

      /* Changes still in the write-ahead log need its shared memory, which
       * a read-only folder cannot hold: not damage. */
      if (!writable && (code == SQLITE_READONLY || code == SQLITE_CANTOPEN ||
                        (code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only, and its latest changes (in its -wal file) cannot "
                         "be read without writing beside it; open it once where it may be "
                         "written"),
                       path);
          return FALSE;
        }
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), path, sqlite3_errmsg (DB (self)));
      return FALSE;
    }

  return TRUE;
}

/* Refuses another application's file or a newer version's; marks an empty one new. */
static gboolean
check_identity (SummitStore  *self,
                gboolean      writable,
                gint64        app_id,
                gint64        user_version,
                gint64        n_objects,
                GError      **error)
{
  const char *path = self->path;

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    {
      self->is_new = TRUE;
      /* Pages of 16 KiB, not SQLite's 4 KiB, while the file is still empty
       * (it cannot change later without rewriting the file): a bulk import
       * writes and checkpoints a quarter as many pages. */
      if (writable && !sqlite_exec (self, "PRAGMA page_size = 16384", error))
        return FALSE;
    }
  else if (app_id != SUMMIT_STORE_APPLICATION_ID)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Summit Planner database: it belongs to another application"),
                   path);
      return FALSE;
    }
  else if (user_version > SUMMIT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Summit Planner "
                     "(database version %d; this version knows up to %d)"),
                   path, (int)user_version, SUMMIT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_journal_mode (SummitStore  *self,
                  GError      **error)
{
  if (is_network_file_system (self->path))
    {
      /* WAL needs shared memory, which network file systems do not provide. */
      if (!sqlite_exec (self, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL",
                              error))
        return FALSE;
      self->journal_mode = "delete";
    }
  else
    {
      if (!sqlite_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                              error))
        return FALSE;
      self->journal_mode = "wal";
    }

  return TRUE;
}

/* Opens self->path; see summit_store_open_at_version(). */
static gboolean
sqlite_open (SummitStore           *self,
             int                    version,
             SummitStoreOpenFlags   flags,
             GError               **error)
{
  const char *path = self->path;
  sqlite3 *db = NULL;
  gboolean writable = FALSE;
  gint64 app_id = 0, user_version = 0, n_objects = 0;
  int rc;

  if (!prepare_file (path, &writable, error))
    return FALSE;

  if (writable)
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  else
    rc = open_read_only (path, &db);
  self->db = db;
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), error);
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);

  if (!read_identity (self, writable, &app_id, &user_version, &n_objects, error))
    return FALSE;
  if (!check_identity (self, writable, app_id, user_version, n_objects, error))
    return FALSE;

  if (!(flags & SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK) && !check_quick (self, error))
    return FALSE;

  if (!writable)
    {
      self->read_only = TRUE;
      if (self->is_new || user_version < version)
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only and needs to be set up or upgraded first"), path);
          return FALSE;
        }
      return TRUE;
    }

  return set_journal_mode (self, error) && summit_store_migrate (self, version, error);
}

/**
 * summit_store_check_integrity:
 *
 * Runs SQLite's quick_check on @path through a read-only connection of its
 * own, so it may run in a worker thread while the file is open elsewhere.
 *
 * Returns: %TRUE if the file is sound, otherwise %FALSE with @error saying
 *   that it is damaged
 */
gboolean
summit_store_check_integrity (const char  *path,
                              GError     **error)
{
  g_autoptr(SummitStore) self = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (summit_store_location_is_server (path))
    return TRUE;   /* the server keeps its pages sound itself */

  self = g_object_new (SUMMIT_TYPE_STORE, NULL);
  self->engine = &summit_engine_sqlite;
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  self->db = db;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO, _("Could not open “%s”: %s"),
                   path, DB (self) ? sqlite3_errmsg (DB (self)) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (DB (self), 5000);
  return check_quick (self, error);
}

static int
sqlite_get_schema_version (SummitStore *self)
{
  gint64 v = -1;

  query_int (DB (self), "PRAGMA user_version", &v, NULL);
  return (int)v;
}

/* summit_store_write_back(): asks the kernel to start writing to the disk what a long transaction has
 * put in the write-ahead log so far, and returns without waiting. The
 * checkpoint after the commit must have the whole log on the disk before
 * it copies it into the file (fsync), and then waits for what it copied.
 * A bulk import calls this every few megabytes, so the log is mostly
 * written by then. It changes nothing SQLite relies on, and
 * does nothing where the system lacks sync_file_range() or the file has no
 * write-ahead log. Call it from the thread using the store.
 */
static void
sqlite_write_back (SummitStore *self)
{
#if HAVE_SYNC_FILE_RANGE
  g_autofree char *wal = NULL;
  int fd;

  if (g_strcmp0 (self->journal_mode, "wal") != 0 || self->read_only)
    return;
  wal = g_strconcat (sqlite3_db_filename (DB (self), "main"), "-wal", NULL);
  fd = open (wal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return;
  /* Linux starts the write for a file opened for reading as well. */
  if (sync_file_range (fd, 0, 0, SYNC_FILE_RANGE_WRITE) != 0)
    g_debug ("Could not start writing %s: %s", wal, g_strerror (errno));
  close (fd);
#endif
}

/* SQLite reads "$1" as a named parameter numbered by first appearance;
 * "?1" is parameter 1 wherever it stands, as "$1" is in PostgreSQL. */
static char *
rewrite_parameters (const char *sql)
{
  const char *start = sql;
  GString *out = NULL;

  for (const char *p = summit_sql_next_parameter (sql); p; p = summit_sql_next_parameter (p + 1))
    {
      if (out == NULL)
        out = g_string_sized_new (strlen (sql));
      g_string_append_len (out, start, p - start);
      g_string_append_c (out, '?');
      start = p + 1;
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, start);
  return g_string_free (out, FALSE);
}

static SummitStmt *
sqlite_prepare (SummitStore  *self,
                const char   *sql,
                GError      **error)
{
  g_autofree char *rewritten = rewrite_parameters (sql);
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *result;
  int rc;

  rc = sqlite3_prepare_v3 (DB (self), rewritten ? rewritten : sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      summit_store_set_prepare_error (self, rc, error);
      return NULL;
    }
  result = g_new0 (SqliteStmt, 1);
  result->parent.engine = &summit_engine_sqlite;
  result->stmt = stmt;
  return (SummitStmt *)result;
}

static void
sqlite_stmt_free (SummitStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static gint64
sqlite_changes (SummitStore *self)
{
  return sqlite3_changes64 (DB (self));
}

static gboolean
sqlite_exec (SummitStore  *self,
             const char   *sql,
             GError      **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (DB (self), sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (rc, errmsg ? errmsg : sqlite3_errstr (rc), error);
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_in_transaction (SummitStore *self)
{
  return !sqlite3_get_autocommit (DB (self));
}

/* A read of everything: one snapshot of the file, and sorts done in memory
 * rather than through temporary files that SQLite writes and reads back
 * (SQLite allows that change outside a transaction only). */
static gboolean
sqlite_begin_long_read (SummitStore  *self,
                        GError      **error)
{
  if (!sqlite_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!sqlite_exec (self, "BEGIN", error))
    {
      sqlite_exec (self, "PRAGMA temp_store = DEFAULT", NULL);
      return FALSE;
    }
  return TRUE;
}

static void
sqlite_end_long_read (SummitStore *self)
{
  sqlite_exec (self, "ROLLBACK", NULL);
  sqlite_exec (self, "PRAGMA temp_store = DEFAULT", NULL);
}

/* summit_store_check(): SQLite's integrity check and the foreign-key check. */
static GPtrArray *
sqlite_check (SummitStore  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (DB (self), "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *msg = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (msg, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("integrity: %s"), msg));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_for_rc (rc, sqlite3_errmsg (DB (self)), error);
      return NULL;
    }

  stmt = NULL;
  rc = sqlite3_prepare_v2 (DB (self), "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("table %s, row %lld refers to a missing row in %s"),
                                        (const char *)sqlite3_column_text (stmt, 0),
                                        (long long)sqlite3_column_int64 (stmt, 1),
                                        (const char *)sqlite3_column_text (stmt, 2)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_for_rc (rc, sqlite3_errmsg (DB (self)), error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}

/* The engine's own: close, the schema version */

static void sqlite_unwatch (SummitStore *self);

static void
sqlite_close (SummitStore *self)
{
  /* The watch's statement goes before its connection. */
  sqlite_unwatch (self);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (DB (self));
      self->db = NULL;
    }
}

static gboolean
sqlite_set_version (SummitStore  *self,
                    int           version,
                    GError      **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              SUMMIT_STORE_APPLICATION_ID, version);

  return sqlite_exec (self, pragmas, error);
}

static SummitStore *
sqlite_open_reader (SummitStore  *self,
                    GError      **error)
{
  g_autoptr(SummitStore) reader = NULL;
  sqlite3 *db = NULL;
  int rc;

  reader = g_object_new (SUMMIT_TYPE_STORE, NULL);
  reader->engine = &summit_engine_sqlite;
  reader->path = g_strdup (self->path);
  reader->read_only = TRUE;
  reader->journal_mode = self->journal_mode;
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY, NULL);
  reader->db = db;
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), error);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  return g_steal_pointer (&reader);
}

sqlite3 *
summit_store_get_sqlite (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return DB (self);
}

/* The statements */

static int
sqlite_step (SummitStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  return rc == SQLITE_ROW ? SUMMIT_STEP_ROW : rc == SQLITE_DONE ? SUMMIT_STEP_DONE : rc;
}

static void
sqlite_reset (SummitStmt *stmt,
              gboolean    clear_bindings)
{
  sqlite3_reset (STMT (stmt));
  if (clear_bindings)
    sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_int64 (SummitStmt *stmt,
                   int         index,
                   gint64      value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_null (SummitStmt *stmt,
                  int         index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static void
sqlite_bind_text (SummitStmt *stmt,
                  int         index,
                  const char *text,
                  gssize      length,
                  gboolean    copy)
{
  sqlite3_bind_text (STMT (stmt), index, text, length < 0 ? -1 : (int)length,
                     copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static gboolean
sqlite_column_is_null (SummitStmt *stmt,
                       int         column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (SummitStmt *stmt,
                     int         column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static const char *
sqlite_column_text (SummitStmt *stmt,
                    int         column)
{
  return (const char *)sqlite3_column_text (STMT (stmt), column);
}

/* A file gives every right; summit_store_get_rights() says none when it is read-only. */
static SummitStoreRights
sqlite_get_rights (SummitStore *self)
{
  return SUMMIT_STORE_RIGHT_ALL;
}

static gboolean
sqlite_is_online (SummitStore *self)
{
  return TRUE;
}

/* What a watched file keeps: the source polling it, the monitors of the
 * file and its write-ahead log, and the last data_version seen. */
typedef struct
{
  SummitStore  *store;
  sqlite3_stmt *data_version;
  gint64        last;
  GSource      *source;
  GFileMonitor *monitors[2];
  GSource      *recheck;
} SqliteWatch;

#define WATCH_KEY "summit-sqlite-watch"
/* A commit is seen at once through the file's monitors; the poll is for
 * file systems that do not report changes (network shares). */
#define WATCH_INTERVAL_MS 1000

static void
sqlite_watch_free (gpointer data)
{
  SqliteWatch *watch = data;

  if (watch->source != NULL)
    g_source_destroy (watch->source);
  g_clear_pointer (&watch->source, g_source_unref);
  if (watch->recheck != NULL)
    g_source_destroy (watch->recheck);
  g_clear_pointer (&watch->recheck, g_source_unref);
  for (guint i = 0; i < G_N_ELEMENTS (watch->monitors); i++)
    if (watch->monitors[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (watch->monitors[i], watch);
        g_file_monitor_cancel (watch->monitors[i]);
        g_object_unref (watch->monitors[i]);
      }
  sqlite3_finalize (watch->data_version);
  g_free (watch);
}

/* PRAGMA data_version changes when another connection (another program, or
 * a connection of our own elsewhere) commits to the file. */
static gboolean
sqlite_read_data_version (SqliteWatch *watch,
                          gint64      *version)
{
  gboolean ok = sqlite3_step (watch->data_version) == SQLITE_ROW;

  if (ok)
    *version = sqlite3_column_int64 (watch->data_version, 0);
  sqlite3_reset (watch->data_version);
  return ok;
}

static gboolean
sqlite_watch_poll_cb (gpointer user_data)
{
  SqliteWatch *watch = user_data;
  gint64 version;

  if (sqlite_read_data_version (watch, &version) && version != watch->last)
    {
      g_debug ("%s: committed elsewhere (data_version %" G_GINT64_FORMAT ")", watch->store->path,
               version);
      watch->last = version;
      summit_store_emit_changed (watch->store, NULL, NULL);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
sqlite_watch_recheck_cb (gpointer user_data)
{
  SqliteWatch *watch = user_data;

  g_clear_pointer (&watch->recheck, g_source_unref);
  sqlite_watch_poll_cb (watch);
  return G_SOURCE_REMOVE;
}

static void
sqlite_watch_file_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  SqliteWatch *watch = user_data;

  if (event != G_FILE_MONITOR_EVENT_CHANGED && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    return;
  sqlite_watch_poll_cb (watch);
  /* The log is written before the commit is marked in its shared index,
   * which no monitor sees: look again shortly. */
  if (watch->recheck == NULL)
    {
      watch->recheck = g_timeout_source_new (30);
      g_source_set_callback (watch->recheck, sqlite_watch_recheck_cb, watch, NULL);
      g_source_attach (watch->recheck, g_main_context_get_thread_default ());
    }
}

/* Commits write the write-ahead log, or the file itself in the other
 * journal modes. */
static void
sqlite_monitor_files (SqliteWatch *watch,
                      const char  *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, wal };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      watch->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (watch->monitors[i] == NULL)
        continue;
      g_signal_connect (watch->monitors[i], "changed", G_CALLBACK (sqlite_watch_file_cb), watch);
    }
}

static void
sqlite_unwatch (SummitStore *self)
{
  g_object_set_data (G_OBJECT (self), WATCH_KEY, NULL);
}

static void
sqlite_watch (SummitStore *self)
{
  SqliteWatch *watch;

  if (self->db == NULL || g_object_get_data (G_OBJECT (self), WATCH_KEY) != NULL)
    return;
  /* for tests of a window that has not yet seen a change made elsewhere */
  if (g_strcmp0 (g_getenv ("SUMMIT_STORE_WATCH_FILE"), "0") == 0)
    return;
  watch = g_new0 (SqliteWatch, 1);
  watch->store = self;
  if (sqlite3_prepare_v2 (DB (self), "PRAGMA data_version", -1, &watch->data_version, NULL)
        != SQLITE_OK ||
      !sqlite_read_data_version (watch, &watch->last))
    {
      g_warning ("Cannot watch %s for changes: %s", self->path, sqlite3_errmsg (DB (self)));
      sqlite_watch_free (watch);
      return;
    }
  /* Holds no reference: closing the store removes it (sqlite_close). */
  watch->source = g_timeout_source_new (WATCH_INTERVAL_MS);
  g_source_set_callback (watch->source, sqlite_watch_poll_cb, watch, NULL);
  g_source_set_static_name (watch->source, "[summit] sqlite data_version");
  g_source_attach (watch->source, g_main_context_get_thread_default ());
  if (self->path != NULL && *sqlite3_db_filename (DB (self), "main") != '\0')
    sqlite_monitor_files (watch, sqlite3_db_filename (DB (self), "main"));
  g_object_set_data_full (G_OBJECT (self), WATCH_KEY, watch, sqlite_watch_free);
}

const SummitEngine summit_engine_sqlite = {
  .open = sqlite_open,
  .close = sqlite_close,
  .set_version = sqlite_set_version,
  .get_schema_version = sqlite_get_schema_version,
  .prepare = sqlite_prepare,
  .exec = sqlite_exec,
  .changes = sqlite_changes,
  .set_error_from_db = sqlite_set_error_from_db,
  .in_transaction = sqlite_in_transaction,
  .begin_sql = "BEGIN IMMEDIATE",
  .begin_long_read = sqlite_begin_long_read,
  .end_long_read = sqlite_end_long_read,
  .check = sqlite_check,
  .open_reader = sqlite_open_reader,
  .write_back = sqlite_write_back,
  .get_rights = sqlite_get_rights,
  .watch = sqlite_watch,
  .is_online = sqlite_is_online,
  .stmt_free = sqlite_stmt_free,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .bind_int64 = sqlite_bind_int64,
  .bind_null = sqlite_bind_null,
  .bind_text = sqlite_bind_text,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_text = sqlite_column_text,
};
