/* summit-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SQLite file everything lives in: opening it safely (and refusing
 * files that are not ours without touching them), migrations, transactions
 * and a cache of prepared statements that the typed queries share.
 */
#define G_LOG_DOMAIN "summit-store"
#define _GNU_SOURCE 1   /* sync_file_range() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixmounts.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summit-store.h"

struct _SummitStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* sql → sqlite3_stmt */
  const char *journal_mode;
  guint       read_only : 1;
  guint       is_new : 1;
};

G_DEFINE_FINAL_TYPE (SummitStore, summit_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (summit-store-error-quark, summit_store_error)

/* Each entry moves the schema from version i to i + 1; keep them append-only. */
static const char * const migrations[] = {
  /* 0 → 1: the whole model of DESIGN.md */
  "CREATE TABLE person ("
  "  id           INTEGER PRIMARY KEY,"
  "  uid          TEXT NOT NULL UNIQUE CHECK (length (uid) BETWEEN 1 AND 64),"
  "  honorific    TEXT NOT NULL DEFAULT '',"
  "  given_name   TEXT NOT NULL DEFAULT '',"
  "  family_name  TEXT NOT NULL DEFAULT '',"
  "  native_name  TEXT NOT NULL DEFAULT '',"
  "  position     TEXT NOT NULL DEFAULT '',"
  "  city         TEXT NOT NULL DEFAULT '',"
  "  country      TEXT NOT NULL DEFAULT ''"
  "               CHECK (country = '' OR (length (country) = 2 AND country GLOB '[A-Z][A-Z]')),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  email        TEXT NOT NULL DEFAULT '',"
  "  phone        TEXT NOT NULL DEFAULT '',"
  "  timezone     TEXT NOT NULL DEFAULT '',"
  "  notes        TEXT NOT NULL DEFAULT '',"
  "  created      INTEGER NOT NULL,"
  "  updated      INTEGER NOT NULL,"
  "  CHECK (given_name <> '' OR family_name <> '' OR native_name <> '')"
  ") STRICT;"
  "CREATE INDEX person_by_name ON person (family_name, given_name);"
  "CREATE INDEX person_by_city ON person (city);"

  "CREATE TABLE edition ("
  "  id           INTEGER PRIMARY KEY,"
  "  year         INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1990 AND 2100),"
  "  theme        TEXT NOT NULL DEFAULT '',"
  "  host_city    TEXT NOT NULL DEFAULT '',"
  "  host_country TEXT NOT NULL DEFAULT '' CHECK (host_country = '' OR host_country GLOB '[A-Z][A-Z]'),"
  "  timezone     TEXT NOT NULL DEFAULT 'UTC',"
  "  format       TEXT NOT NULL DEFAULT 'in-person'"
  "               CHECK (format IN ('in-person', 'online', 'hybrid')),"
  "  start_date   TEXT CHECK (start_date IS NULL OR date (start_date) = start_date),"
  "  end_date     TEXT CHECK (end_date IS NULL OR date (end_date) = end_date),"
  "  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)"
  ") STRICT;"

  "CREATE TABLE invitation ("
  "  id           INTEGER PRIMARY KEY,"
  "  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  edition_id   INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,"
  "  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN"
  "               ('draft', 'invited', 'confirmed', 'declined', 'cancelled', 'attended')),"
  "  updated      INTEGER NOT NULL,"
  "  UNIQUE (person_id, edition_id)"
  ") STRICT;"
  "CREATE INDEX invitation_by_edition ON invitation (edition_id, status);"

  "CREATE TABLE invitation_event ("
  "  id            INTEGER PRIMARY KEY,"
  "  invitation_id INTEGER NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,"
  "  at            INTEGER NOT NULL,"
  "  old_status    TEXT,"
  "  new_status    TEXT NOT NULL,"
  "  channel       TEXT NOT NULL DEFAULT ''"
  "                CHECK (channel IN ('', 'email', 'letter', 'phone', 'in-person')),"
  "  note          TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX invitation_event_by_invitation ON invitation_event (invitation_id, at);"
  "CREATE TRIGGER invitation_event_append_only BEFORE UPDATE ON invitation_event"
  "  BEGIN SELECT RAISE (ABORT, 'invitation history is append-only'); END;"

  "CREATE TABLE panel ("
  "  id           INTEGER PRIMARY KEY,"
  "  uid          TEXT NOT NULL UNIQUE CHECK (length (uid) BETWEEN 1 AND 64),"
  "  edition_id   INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,"
  "  title        TEXT NOT NULL CHECK (title <> ''),"
  "  kind         TEXT NOT NULL CHECK (kind IN ('opening', 'keynote', 'speech', 'panel')),"
  "  start_utc    INTEGER,"
  "  day          TEXT CHECK (day IS NULL OR date (day) = day),"
  "  duration_min INTEGER NOT NULL DEFAULT 60 CHECK (duration_min BETWEEN 1 AND 1440),"
  "  room         TEXT NOT NULL DEFAULT '',"
  "  description  TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX panel_by_edition ON panel (edition_id, start_utc);"

  "CREATE TABLE panel_member ("
  "  panel_id     INTEGER NOT NULL REFERENCES panel (id) ON DELETE CASCADE,"
  "  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  role         TEXT NOT NULL CHECK (role IN ('moderator', 'panelist', 'speaker', 'host')),"
  "  position     INTEGER NOT NULL CHECK (position >= 0),"
  "  PRIMARY KEY (panel_id, person_id)"
  ") STRICT;"
  "CREATE INDEX panel_member_by_person ON panel_member (person_id);"

  "CREATE TABLE year_statistic ("
  "  year            INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('recorded', 'estimate', 'missing')),"
  "  overseas_mayors INTEGER CHECK (overseas_mayors >= 0),"
  "  lower_bound     INTEGER NOT NULL DEFAULT 0 CHECK (lower_bound IN (0, 1)),"
  "  domestic_mayors INTEGER CHECK (domestic_mayors >= 0),"
  "  countries       INTEGER CHECK (countries >= 0),"
  "  source          TEXT NOT NULL DEFAULT '',"
  "  CHECK ((kind = 'missing') = (overseas_mayors IS NULL)),"
  "  CHECK (lower_bound = 0 OR kind = 'estimate')"
  ") STRICT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SUMMIT_STORE_SCHEMA_VERSION);

static const char * const sidecar_suffixes[] = { "-wal", "-shm", "-journal" };

static void
summit_store_finalize (GObject *object)
{
  SummitStore *self = (SummitStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (summit_store_parent_class)->finalize (object);
}

static void
summit_store_class_init (SummitStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_store_finalize;
}

static void
summit_store_init (SummitStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
  self->journal_mode = "delete";
}

/* Auxiliary methods */

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

gboolean
summit_store_set_error_from_db (SummitStore  *self,
                                int           rc,
                                GError      **error)
{
  return set_error_for_rc (rc, sqlite3_errmsg (self->db), error);
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

static gboolean
check_quick (SummitStore  *self,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged: the database fails its integrity check"), self->path);
  return ok;
}

static gboolean
run_migration (SummitStore  *self,
               int           from,
               GError      **error)
{
  g_autofree char *pragmas = NULL;

  g_assert (from >= 0 && from < (int)G_N_ELEMENTS (migrations));

  if (!summit_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             SUMMIT_STORE_APPLICATION_ID, from + 1);
  if (!summit_store_exec (self, migrations[from], error) ||
      !summit_store_exec (self, pragmas, error) ||
      !summit_store_exec (self, "COMMIT", error))
    {
      summit_store_rollback (self);
      g_prefix_error (error, _("Could not upgrade the database to version %d: "), from + 1);
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * summit_store_open_at_version:
 * @path: the database file; created (mode 0600) if it does not exist
 * @version: the schema version to migrate to, normally %SUMMIT_STORE_SCHEMA_VERSION
 *
 * Opens @path, refusing without writing anything a file that is not an
 * SQLite database, is damaged, belongs to another application or was made by
 * a newer version. A file without write permission opens read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
static SummitStore *
open_full (const char            *path,
           int                    version,
           SummitStoreOpenFlags   flags,
           GError               **error)
{
  g_autoptr(SummitStore) self = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gboolean exists;
  gboolean writable;
  gint64 app_id = 0, user_version = 0, n_objects = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= SUMMIT_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (SUMMIT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a database file"), path);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a regular file"), path);
      return NULL;
    }

  if (!exists)
    {
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
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
          return NULL;
        }
      close (fd);
      st.st_size = 0;
      st.st_mode = S_IFREG | 0600;
    }
  else if (st.st_size > 0 && !inspect_existing_file (path, st.st_size, error))
    return NULL;

  /* Root may write anywhere; a file without write bits is still meant to be read-only. */
  writable = access (path, W_OK) == 0 && access (dir, W_OK) == 0 && (st.st_mode & S_IWUSR) != 0;

  rc = sqlite3_open_v2 (path, &self->db,
                        writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (rc, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), error);
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (!summit_store_exec (self, "PRAGMA foreign_keys = ON", NULL) ||
      !query_int (self->db, "PRAGMA application_id", &app_id, NULL) ||
      !query_int (self->db, "PRAGMA user_version", &user_version, NULL) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_objects, NULL))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    {
      self->is_new = TRUE;
      /* Pages of 16 KiB, not SQLite's 4 KiB, while the file is still empty
       * (it cannot change later without rewriting the file): a bulk import
       * writes and checkpoints a quarter as many pages. */
      if (writable && !summit_store_exec (self, "PRAGMA page_size = 16384", error))
        return NULL;
    }
  else if (app_id != SUMMIT_STORE_APPLICATION_ID)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Summit Planner database: it belongs to another application"),
                   path);
      return NULL;
    }
  else if (user_version > SUMMIT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Summit Planner "
                     "(database version %d; this version knows up to %d)"),
                   path, (int)user_version, SUMMIT_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!(flags & SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK) && !check_quick (self, error))
    return NULL;

  if (!writable)
    {
      self->read_only = TRUE;
      if (self->is_new || user_version < version)
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only and needs to be set up or upgraded first"), path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (is_network_file_system (path))
    {
      /* WAL needs shared memory, which network file systems do not provide. */
      if (!summit_store_exec (self, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL",
                              error))
        return NULL;
      self->journal_mode = "delete";
    }
  else
    {
      if (!summit_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                              error))
        return NULL;
      self->journal_mode = "wal";
    }

  if (!summit_store_migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

SummitStore *
summit_store_open_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  return open_full (path, version, SUMMIT_STORE_OPEN_NONE, error);
}

/**
 * summit_store_open_with_flags:
 *
 * Like summit_store_open(); with %SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK the
 * page-by-page check is left to summit_store_check_integrity(), so that a
 * window can show its first frame without reading the whole file first. The
 * checks that need no more than the header (not SQLite, truncated, another
 * application's, too new) still refuse the file here.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SummitStore *
summit_store_open_with_flags (const char            *path,
                              SummitStoreOpenFlags   flags,
                              GError               **error)
{
  return open_full (path, SUMMIT_STORE_SCHEMA_VERSION, flags, error);
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
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  self = g_object_new (SUMMIT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_IO, _("Could not open “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, 5000);
  return check_quick (self, error);
}

/**
 * summit_store_open:
 * @path: the database file
 *
 * Opens @path at the current schema version; see summit_store_open_at_version().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SummitStore *
summit_store_open (const char  *path,
                   GError     **error)
{
  return summit_store_open_at_version (path, SUMMIT_STORE_SCHEMA_VERSION, error);
}

/**
 * summit_store_migrate:
 * @target: the schema version wanted
 *
 * Runs each missing migration step in a transaction of its own.
 */
gboolean
summit_store_migrate (SummitStore  *self,
                      int           target,
                      GError      **error)
{
  int current;

  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (target <= SUMMIT_STORE_SCHEMA_VERSION, FALSE);

  current = summit_store_get_schema_version (self);
  if (current < target && self->read_only)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only and cannot be upgraded"), self->path);
      return FALSE;
    }

  for (int v = current; v < target; v++)
    if (!run_migration (self, v, error))
      return FALSE;

  return TRUE;
}

int
summit_store_get_schema_version (SummitStore *self)
{
  gint64 v = -1;

  g_return_val_if_fail (SUMMIT_IS_STORE (self), -1);

  query_int (self->db, "PRAGMA user_version", &v, NULL);
  return (int)v;
}

const char *
summit_store_get_path (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->path;
}

gboolean
summit_store_is_read_only (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), TRUE);
  return self->read_only;
}

/**
 * summit_store_is_new:
 *
 * Returns: %TRUE if the file was created (or was empty) when it was opened,
 *   so the caller may want to seed it
 */
gboolean
summit_store_is_new (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return self->is_new;
}

const char *
summit_store_get_journal_mode (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->journal_mode;
}

/**
 * summit_store_write_back:
 *
 * Asks the kernel to start writing to the disk what a long transaction has
 * put in the write-ahead log so far, and returns without waiting. The
 * checkpoint after the commit must have the whole log on the disk before
 * it copies it into the file (fsync), and then waits for what it copied.
 * A bulk import calls this every few megabytes, so the log is mostly
 * written by then. It changes nothing SQLite relies on, and
 * does nothing where the system lacks sync_file_range() or the file has no
 * write-ahead log. Call it from the thread using the store.
 */
void
summit_store_write_back (SummitStore *self)
{
#if HAVE_SYNC_FILE_RANGE
  g_autofree char *wal = NULL;
  int fd;

  g_return_if_fail (SUMMIT_IS_STORE (self));

  if (g_strcmp0 (self->journal_mode, "wal") != 0 || self->read_only)
    return;
  wal = g_strconcat (sqlite3_db_filename (self->db, "main"), "-wal", NULL);
  fd = open (wal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return;
  /* Linux starts the write for a file opened for reading as well. */
  if (sync_file_range (fd, 0, 0, SYNC_FILE_RANGE_WRITE) != 0)
    g_debug ("Could not start writing %s: %s", wal, g_strerror (errno));
  close (fd);
#else
  g_return_if_fail (SUMMIT_IS_STORE (self));
#endif
}

/**
 * summit_store_get_db:
 *
 * Returns: (transfer none): the connection, for the typed queries of the core
 */
sqlite3 *
summit_store_get_db (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->db;
}

/**
 * summit_store_prepare:
 * @sql: one SQL statement
 *
 * Returns: (transfer none): a cached statement, reset and with its bindings
 *   cleared; the store keeps ownership. Do not use the same SQL re-entrantly.
 */
sqlite3_stmt *
summit_store_prepare (SummitStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      summit_store_set_error_from_db (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * summit_store_step_done:
 *
 * Steps a statement that returns no rows and resets it.
 */
gboolean
summit_store_step_done (SummitStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      summit_store_set_error_from_db (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
summit_store_exec (SummitStore  *self,
                   const char   *sql,
                   GError      **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (rc, errmsg ? errmsg : sqlite3_errstr (rc), error);
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

gboolean
summit_store_begin (SummitStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; changes cannot be saved"), self->path);
      return FALSE;
    }
  return summit_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
summit_store_commit (SummitStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return summit_store_exec (self, "COMMIT", error);
}

void
summit_store_rollback (SummitStore *self)
{
  g_return_if_fail (SUMMIT_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    summit_store_exec (self, "ROLLBACK", NULL);
}

gboolean
summit_store_in_transaction (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return !sqlite3_get_autocommit (self->db);
}

/**
 * summit_store_begin_long_read:
 * @owned: (out): whether this started a transaction, to give to
 *   summit_store_end_long_read()
 *
 * Starts a read of everything (an export): one snapshot of the file, and
 * sorts done in memory (the people's text, for the length of the read: 45 MB
 * at 100,000 people) rather than through temporary files that SQLite writes
 * and reads back, a third of an export's time. Inside a caller's
 * transaction it joins it, and sorts as before: SQLite allows the change
 * outside a transaction only.
 */
gboolean
summit_store_begin_long_read (SummitStore  *self,
                              gboolean     *owned,
                              GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);

  *owned = !summit_store_in_transaction (self);
  if (!*owned)
    return TRUE;
  if (!summit_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!summit_store_exec (self, "BEGIN", error))
    {
      summit_store_exec (self, "PRAGMA temp_store = DEFAULT", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_end_long_read:
 * @owned: what summit_store_begin_long_read() said
 */
void
summit_store_end_long_read (SummitStore *self,
                            gboolean     owned)
{
  g_return_if_fail (SUMMIT_IS_STORE (self));

  if (!owned)
    return;
  summit_store_rollback (self);
  summit_store_exec (self, "PRAGMA temp_store = DEFAULT", NULL);
}

/**
 * summit_store_transaction:
 * @func: the work; returns %FALSE with an error to roll everything back
 *
 * Runs @func inside one `BEGIN IMMEDIATE … COMMIT`: all of it is written or
 * none of it. Nested calls join the outer transaction.
 */
gboolean
summit_store_transaction (SummitStore      *self,
                          SummitStoreFunc   func,
                          gpointer          user_data,
                          GError          **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (summit_store_in_transaction (self))
    return func (self, user_data, error);

  if (!summit_store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error) || !summit_store_commit (self, error))
    {
      summit_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_check:
 *
 * Runs SQLite's integrity check and the foreign-key check.
 *
 * Returns: (transfer full) (element-type utf8): the problems found, empty
 *   when all is well, or %NULL with @error set if the checks could not run
 */
GPtrArray *
summit_store_check (SummitStore  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
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
      set_error_for_rc (rc, sqlite3_errmsg (self->db), error);
      return NULL;
    }

  stmt = NULL;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
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
      set_error_for_rc (rc, sqlite3_errmsg (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}

void
summit_stmt_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

/**
 * summit_stmt_dup_text:
 *
 * Returns: (transfer full): the column as a string, "" for NULL
 */
char *
summit_stmt_dup_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return g_strdup (text ? text : "");
}
