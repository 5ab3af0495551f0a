/* summit-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one database everything lives in: the schema and its migrations,
 * opening, transactions. The engine behind it is summit-store-sqlite.c; the
 * typed queries are in summit-store-*.c, one file per group of tables.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-store-private.h"

G_DEFINE_FINAL_TYPE (SummitStore, summit_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (summit-store-error-quark, summit_store_error)

enum {
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Each entry moves the schema from version i to i + 1; keep them append-only. */
const char * const summit_store_migrations[SUMMIT_STORE_SCHEMA_VERSION] = {
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

  /* 1 → 2: whether a session's end and room were given rather than planning
   * defaults (sessions of version 1 never said, so they are not confirmed);
   * a person's position kind ('' until set: taken from the position's wording);
   * the language of a person's letters ('' for their country's) */
  "ALTER TABLE panel ADD COLUMN end_confirmed INTEGER NOT NULL DEFAULT 0"
  "  CHECK (end_confirmed IN (0, 1));"
  "ALTER TABLE panel ADD COLUMN room_confirmed INTEGER NOT NULL DEFAULT 0"
  "  CHECK (room_confirmed IN (0, 1));"
  "ALTER TABLE person ADD COLUMN position_kind TEXT NOT NULL DEFAULT ''"
  "  CHECK (position_kind IN ('', 'mayor', 'deputy-mayor', 'official'));"
  "ALTER TABLE person ADD COLUMN letter_language TEXT NOT NULL DEFAULT ''"
  "  CHECK (letter_language IN ('', 'en', 'pl', 'zh_TW'));",

  /* 2 → 3: a version on every row a person edits, raised by each save, so
   * that a save of a row someone else changed meanwhile is noticed (a
   * session's version covers its lineup) */
  "ALTER TABLE person ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE invitation ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE edition ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE panel ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE year_statistic ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",
};




/* Auxiliary methods */

static void
summit_store_finalize (GObject *object)
{
  SummitStore *self = (SummitStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->engine != NULL)
    self->engine->close (self);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (summit_store_parent_class)->finalize (object);
}

static void
summit_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SummitStore *self = SUMMIT_STORE (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, summit_store_is_online (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_store_class_init (SummitStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_store_finalize;
  object_class->get_property = summit_store_get_property;

  /**
   * SummitStore:online:
   *
   * Whether the server answers; always %TRUE for a file.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SummitStore::changed:
   * @table: (nullable): the table that changed ("person", "invitation",
   *   "invitation_event", "edition", "panel", "panel_member",
   *   "year_statistic"), or %NULL for anything
   * @ids: (nullable) (element-type gint64): the ids of the rows that changed
   *   (person_id for invitations and their events, panel_id for lineups,
   *   the year for yearly figures), or %NULL for many or unknown rows
   *
   * Another connection committed a change; emitted in the main context of
   * the thread that called summit_store_watch().
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_POINTER);
}

static void
summit_store_init (SummitStore *self)
{
  self->journal_mode = "delete";
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)summit_stmt_free);
}

static gboolean
run_migration (SummitStore  *self,
               int           from,
               GError      **error)
{
  if (!summit_store_exec (self, self->engine->begin_sql, error))
    return FALSE;

  if (!summit_store_exec (self, summit_store_migrations[from], error) ||
      !self->engine->set_version (self, from + 1, error) ||
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

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= SUMMIT_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (SUMMIT_TYPE_STORE, NULL);
  self->engine = summit_store_location_is_server (path) ? &summit_engine_pg : &summit_engine_sqlite;
  self->path = g_strdup (path);
  if (!self->engine->open (self, version, flags, error))
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
  if (self->holding_creation)
    {
      /* the transaction that created the schema becomes this one */
      self->holding_creation = FALSE;
      return TRUE;
    }
  return summit_store_exec (self, self->engine->begin_sql, error);
}

gboolean
summit_store_commit (SummitStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return summit_store_exec (self, "COMMIT", error);
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
 * summit_store_end_rows:
 * @rc: what the last summit_stmt_step() of a read returned
 *
 * Ends a read of rows: resets @stmt, and sets @error unless the read got to
 * its end.
 *
 * Returns: %TRUE if every row was read
 */
gboolean
summit_store_end_rows (SummitStore  *self,
                       SummitStmt   *stmt,
                       int           rc,
                       GError      **error)
{
  if (rc != SUMMIT_STEP_DONE)
    summit_store_set_error_from_db (self, rc, error);
  summit_stmt_reset (stmt);
  return rc == SUMMIT_STEP_DONE;
}

/**
 * summit_store_foreach_row:
 * @stmt: a read, bound already
 * @call: fills a record from a row and hands it to @func
 *
 * Steps @stmt to its end, or until @call returns %FALSE.
 *
 * Returns: %FALSE with @error set if the read or @call failed
 */
gboolean
summit_store_foreach_row (SummitStore    *self,
                          SummitStmt     *stmt,
                          SummitRowCall   call,
                          GCallback       func,
                          gpointer        user_data,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean go_on = TRUE;
  int rc;

  while (go_on && (rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    go_on = call (stmt, func, user_data, &local_error);
  summit_store_end_rows (self, stmt, go_on ? rc : SUMMIT_STEP_DONE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_sql_next_parameter:
 * @sql: SQL text, or a place in it outside quotes
 *
 * Returns: the next "$N" parameter of @sql outside quoted text, or %NULL
 */
const char *
summit_sql_next_parameter (const char *sql)
{
  char quote = 0;

  for (const char *p = sql; *p; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '\'' || *p == '"')
        quote = *p;
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        return p;
    }
  return NULL;
}

/* The seam: each call goes to the engine of the store */

/**
 * summit_store_prepare:
 * @sql: one SQL statement, with $1-style parameters
 *
 * Returns: (transfer none): a cached statement, reset and with its bindings
 *   cleared; the store keeps ownership. Do not use the same SQL re-entrantly.
 */
SummitStmt *
summit_store_prepare (SummitStore  *self,
                      const char   *sql,
                      GError      **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      stmt->engine->reset (stmt, TRUE);
      return stmt;
    }

  stmt = self->engine->prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * summit_store_prepare_owned:
 *
 * Returns: (transfer full): a statement of the caller's own, for one that
 *   must run beside the cached one of the same SQL; free with summit_stmt_free()
 */
SummitStmt *
summit_store_prepare_owned (SummitStore  *self,
                            const char   *sql,
                            GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->engine->prepare (self, sql, error);
}

void
summit_stmt_free (SummitStmt *stmt)
{
  if (stmt != NULL)
    stmt->engine->stmt_free (stmt);
}

/**
 * summit_store_step_done:
 *
 * Steps a statement that returns no rows and resets it.
 */
gboolean
summit_store_step_done (SummitStore  *self,
                        SummitStmt   *stmt,
                        GError      **error)
{
  int rc = stmt->engine->step (stmt);

  if (rc != SUMMIT_STEP_DONE && rc != SUMMIT_STEP_ROW)
    {
      summit_store_set_error_from_db (self, rc, error);
      stmt->engine->reset (stmt, FALSE);
      return FALSE;
    }
  stmt->engine->reset (stmt, FALSE);
  return TRUE;
}

/**
 * summit_store_step_id:
 * @id: (out): the first column of the row @stmt returned, or 0 if none
 *
 * Steps a statement that returns at most one row (an INSERT … RETURNING id)
 * once, and resets it. After an error it does not step again: a server
 * would answer that the transaction is aborted instead of what went wrong.
 */
gboolean
summit_store_step_id (SummitStore  *self,
                      SummitStmt   *stmt,
                      gint64       *id,
                      GError      **error)
{
  int rc = stmt->engine->step (stmt);

  *id = rc == SUMMIT_STEP_ROW ? stmt->engine->column_int64 (stmt, 0) : 0;
  if (rc != SUMMIT_STEP_ROW && rc != SUMMIT_STEP_DONE)
    summit_store_set_error_from_db (self, rc, error);
  stmt->engine->reset (stmt, FALSE);
  return rc == SUMMIT_STEP_ROW || rc == SUMMIT_STEP_DONE;
}

gint64
summit_store_changes (SummitStore *self)
{
  return self->engine->changes (self);
}

gboolean
summit_store_exec (SummitStore  *self,
                   const char   *sql,
                   GError      **error)
{
  return self->engine->exec (self, sql, error);
}

gboolean
summit_store_queue (SummitStore       *self,
                    SummitStmt        *stmt,
                    SummitQueuedFunc   done,
                    gpointer           user_data,
                    GError           **error)
{
  int rc;
  gboolean ok;

  if (self->engine->queue != NULL)
    return self->engine->queue (self, stmt, done, user_data, error);
  rc = stmt->engine->step (stmt);
  if (rc != SUMMIT_STEP_ROW && rc != SUMMIT_STEP_DONE)
    summit_store_set_error_from_db (self, rc, error);
  ok = done (self, stmt, rc, user_data, error);
  stmt->engine->reset (stmt, FALSE);
  return ok;
}

gboolean
summit_store_flush_queue (SummitStore  *self,
                          GError      **error)
{
  return self->engine->flush_queue == NULL || self->engine->flush_queue (self, error);
}

gboolean
summit_store_set_error_from_db (SummitStore  *self,
                                int           rc,
                                GError      **error)
{
  return self->engine->set_error_from_db (self, rc, error);
}

void
summit_store_rollback (SummitStore *self)
{
  g_return_if_fail (SUMMIT_IS_STORE (self));

  if (self->engine->in_transaction (self))
    summit_store_exec (self, "ROLLBACK", NULL);
}

gboolean
summit_store_in_transaction (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return self->engine->in_transaction (self);
}

int
summit_store_get_schema_version (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), -1);
  return self->engine->get_schema_version (self);
}

/**
 * summit_store_begin_long_read:
 * @owned: (out): whether this started a transaction, to give to
 *   summit_store_end_long_read()
 *
 * Starts a read of everything (an export): one snapshot of the data. Inside
 * a caller's transaction it joins it.
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
  return self->engine->begin_long_read (self, error);
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

  if (owned)
    self->engine->end_long_read (self);
}

/**
 * summit_store_check:
 *
 * Runs the engine's integrity checks.
 *
 * Returns: (transfer full) (element-type utf8): the problems found, empty
 *   when all is well, or %NULL with @error set if the checks could not run
 */
GPtrArray *
summit_store_check (SummitStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->engine->check (self, error);
}

/**
 * summit_store_open_reader:
 *
 * Opens a read-only connection of its own to the database of @self, for a
 * worker thread; summit_store_begin_long_read() on it takes one snapshot.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
SummitStore *
summit_store_open_reader (SummitStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), NULL);
  return self->engine->open_reader (self, error);
}

/**
 * summit_store_write_back:
 *
 * Lets the engine start writing to the disk what a long transaction has
 * written so far (see the SQLite engine); call it from the thread using the
 * store.
 */
void
summit_store_write_back (SummitStore *self)
{
  g_return_if_fail (SUMMIT_IS_STORE (self));
  if (self->engine->write_back != NULL)
    self->engine->write_back (self);
}

gboolean
summit_store_is_server (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return self->engine == &summit_engine_pg;
}

SummitStoreRights
summit_store_get_rights (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), SUMMIT_STORE_RIGHT_NONE);
  if (self->read_only)
    return SUMMIT_STORE_RIGHT_NONE;
  return self->engine->get_rights (self);
}

void
summit_store_watch (SummitStore *self)
{
  g_return_if_fail (SUMMIT_IS_STORE (self));
  self->engine->watch (self);
}

gboolean
summit_store_is_online (SummitStore *self)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (self), FALSE);
  return self->engine->is_online (self);
}

/* For the engines: tells the watchers */
void
summit_store_emit_changed (SummitStore *self,
                           const char  *table,
                           GArray      *ids)
{
  g_signal_emit (self, signals[CHANGED], 0, table, ids);
}

void
summit_store_notify_online (SummitStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/* The statements */

int
summit_stmt_step (SummitStmt *stmt)
{
  return stmt->engine->step (stmt);
}

void
summit_stmt_reset (SummitStmt *stmt)
{
  stmt->engine->reset (stmt, FALSE);
}

void
summit_stmt_bind_int64 (SummitStmt *stmt,
                        int         index,
                        gint64      value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
summit_stmt_bind_int (SummitStmt *stmt,
                      int         index,
                      int         value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
summit_stmt_bind_null (SummitStmt *stmt,
                       int         index)
{
  stmt->engine->bind_null (stmt, index);
}

void
summit_stmt_bind_text (SummitStmt *stmt,
                       int         index,
                       const char *text)
{
  stmt->engine->bind_text (stmt, index, text ? text : "", -1, TRUE);
}

void
summit_stmt_bind_nullable_text (SummitStmt *stmt,
                                int         index,
                                const char *text)
{
  if (text == NULL)
    stmt->engine->bind_null (stmt, index);
  else
    stmt->engine->bind_text (stmt, index, text, -1, TRUE);
}

void
summit_stmt_bind_static_text (SummitStmt *stmt,
                              int         index,
                              const char *text,
                              gssize      length)
{
  stmt->engine->bind_text (stmt, index, text, length, FALSE);
}

gboolean
summit_stmt_column_is_null (SummitStmt *stmt,
                            int         column)
{
  return stmt->engine->column_is_null (stmt, column);
}

gint64
summit_stmt_column_int64 (SummitStmt *stmt,
                          int         column)
{
  return stmt->engine->column_int64 (stmt, column);
}

int
summit_stmt_column_int (SummitStmt *stmt,
                        int         column)
{
  return (int)stmt->engine->column_int64 (stmt, column);
}

const char *
summit_stmt_column_text (SummitStmt *stmt,
                         int         column)
{
  return stmt->engine->column_text (stmt, column);
}

const char *
summit_stmt_column_string (SummitStmt *stmt,
                           int         column)
{
  const char *text = stmt->engine->column_text (stmt, column);
  return text ? text : "";
}

gboolean
summit_store_step_version (SummitStore  *self,
                           SummitStmt   *stmt,
                           gint64       *version,
                           GError      **error)
{
  int rc;

  *version = 0;
  if ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      *version = summit_stmt_column_int64 (stmt, 0);
      rc = summit_stmt_step (stmt);
    }
  if (rc != SUMMIT_STEP_DONE)
    {
      *version = 0;
      summit_store_set_error_from_db (self, rc, error);
    }
  summit_stmt_reset (stmt);
  return rc == SUMMIT_STEP_DONE;
}

gboolean
summit_store_refuse_stale (SummitStore  *self,
                           const char   *table,
                           gint64        id,
                           const char   *changed,
                           const char   *gone,
                           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = $1", table);
  SummitStmt *stmt;
  int rc;

  stmt = summit_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, id);
  rc = summit_stmt_step (stmt);
  summit_stmt_reset (stmt);
  if (rc == SUMMIT_STEP_ROW)
    g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT, changed);
  else if (rc == SUMMIT_STEP_DONE)
    g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND, gone);
  else
    summit_store_set_error_from_db (self, rc, error);
  return FALSE;
}
