/* summit-store-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the store's own files only (summit-store*.c): the seam between the
 * typed queries and the database engines. The seam's functions dispatch to
 * the engine of the store (SummitEngine). SQL texts use $1-style parameters
 * and, where the engines differ, SUMMIT_SQL().
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

typedef struct _SummitEngine SummitEngine;

/* Fills @values (one a column; NULL for SQL NULL; valid until the next call)
 * with the next row and returns %TRUE; returns %FALSE at the end, or with
 * @error set. */
typedef gboolean (*SummitRowSource) (gpointer      user_data,
                                     const char  **values,
                                     GError      **error);

/* A prepared statement of an engine; each engine's own statement begins
 * with this. */
typedef struct _SummitStmt
{
  const SummitEngine *engine;
} SummitStmt;

/* What summit_stmt_step() returns besides an engine error code (> 0). */
#define SUMMIT_STEP_ROW  (-1)
#define SUMMIT_STEP_DONE (-2)

/* Reads the result of a statement run by summit_store_queue(): @rc is what
 * summit_stmt_step() gave, a row (whose columns can be read) or done; or an
 * engine error, with @error set already, which the function may add to
 * (say which record failed) before it returns %FALSE. Returns %FALSE with
 * @error set to stop. */
typedef gboolean (*SummitQueuedFunc) (SummitStore  *store,
                                      SummitStmt   *stmt,
                                      int           rc,
                                      gpointer      user_data,
                                      GError      **error);

struct _SummitStore
{
  GObject     parent_instance;

  const SummitEngine *engine;
  char       *path;         /* a file, or a server location without its password */
  gpointer    db;           /* the engine's connection */
  GHashTable *statements;   /* SQL text → SummitStmt */
  const char *journal_mode;
  guint       read_only : 1;
  guint       is_new : 1;
  guint       holding_creation : 1;  /* see SUMMIT_STORE_OPEN_HOLD_CREATION */
};

/* An engine: SQLite (summit-store-sqlite.c) or PostgreSQL (summit-store-pg.c). */
struct _SummitEngine
{
  gboolean    (*open)               (SummitStore *self, int version, SummitStoreOpenFlags flags,
                                     GError **error);
  void        (*close)              (SummitStore *self);
  gboolean    (*set_version)        (SummitStore *self, int version, GError **error);
  int         (*get_schema_version) (SummitStore *self);
  SummitStmt *(*prepare)            (SummitStore *self, const char *sql, GError **error);
  gboolean    (*exec)               (SummitStore *self, const char *sql, GError **error);
  gint64      (*changes)            (SummitStore *self);
  gboolean    (*set_error_from_db)  (SummitStore *self, int rc, GError **error);
  gboolean    (*in_transaction)     (SummitStore *self);
  const char   *begin_sql;          /* starts a transaction that will write */
  /* a snapshot for a long read, outside any transaction; %FALSE with @error */
  gboolean    (*begin_long_read)    (SummitStore *self, GError **error);
  void        (*end_long_read)      (SummitStore *self);
  GPtrArray  *(*check)              (SummitStore *self, GError **error);
  SummitStore *(*open_reader)       (SummitStore *self, GError **error);
  void        (*write_back)         (SummitStore *self);
  SummitStoreRights (*get_rights)   (SummitStore *self);
  void        (*watch)              (SummitStore *self);
  gboolean    (*is_online)          (SummitStore *self);

  void        (*stmt_free)          (SummitStmt *stmt);
  int         (*step)               (SummitStmt *stmt);
  void        (*reset)              (SummitStmt *stmt, gboolean clear_bindings);
  void        (*bind_int64)         (SummitStmt *stmt, int index, gint64 value);
  void        (*bind_null)          (SummitStmt *stmt, int index);
  /* @copy: the engine keeps a copy of @text; otherwise @text stays until the reset */
  void        (*bind_text)          (SummitStmt *stmt, int index, const char *text, gssize length,
                                     gboolean copy);
  gboolean    (*column_is_null)     (SummitStmt *stmt, int column);
  gint64      (*column_int64)       (SummitStmt *stmt, int column);
  const char *(*column_text)        (SummitStmt *stmt, int column);

  /* optional: writes the rows of @next into @columns of @table in bulk,
   * inside the current transaction (summit_store_copy()) */
  gboolean    (*copy_in)            (SummitStore *self, const char *table,
                                     const char * const *columns, SummitRowSource next,
                                     gpointer user_data, GError **error);
  /* optional: summit_store_queue(), summit_store_flush_queue() */
  gboolean    (*queue)              (SummitStore *self, SummitStmt *stmt, SummitQueuedFunc done,
                                     gpointer user_data, GError **error);
  gboolean    (*flush_queue)        (SummitStore *self, GError **error);
};

extern const SummitEngine summit_engine_sqlite;
extern const SummitEngine summit_engine_pg;

/* Chooses the SQL text of the engine of @store where the two spell a
 * statement differently. */
#define SUMMIT_SQL(store, sqlite_sql, pg_sql) \
  (summit_store_is_server (store) ? (pg_sql) : (sqlite_sql))

/* Where a session without a time sorts: at the last second of its day */
#define SUMMIT_SQL_DAY_END_SQLITE "unixepoch (day, '+1 day', '-1 second')"
#define SUMMIT_SQL_DAY_END_PG "(extract (epoch FROM CAST (day AS date) + 1)::bigint - 1)"

/* Fills a record of its kind from the current row of @stmt and hands it to
 * @func, a callback of that kind; returns %FALSE to stop. */
typedef gboolean (*SummitRowCall) (SummitStmt  *stmt,
                                   GCallback    func,
                                   gpointer     user_data,
                                   GError     **error);

/* The schema, one step per version (summit-store.c). */
extern const char * const summit_store_migrations[];

/* The seam (summit-store.c), the same for every engine. */
SummitStmt   *summit_store_prepare            (SummitStore      *self,
                                               const char       *sql,
                                               GError          **error);
SummitStmt   *summit_store_prepare_owned      (SummitStore      *self,
                                               const char       *sql,
                                               GError          **error);
void          summit_stmt_free                (SummitStmt       *stmt);
gboolean      summit_store_exec               (SummitStore      *self,
                                               const char       *sql,
                                               GError          **error);
gboolean      summit_store_step_done          (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               GError          **error);
gboolean      summit_store_step_id            (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               gint64           *id,
                                               GError          **error);
gint64        summit_store_changes            (SummitStore      *self);
gboolean      summit_store_set_error_from_db  (SummitStore      *self,
                                               int               rc,
                                               GError          **error);
gboolean      summit_store_foreach_row        (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               SummitRowCall     call,
                                               GCallback         func,
                                               gpointer          user_data,
                                               GError          **error);
/* For the engines: the next $N parameter of @sql outside quotes, or NULL. */
const char   *summit_sql_next_parameter       (const char       *sql);
/* For the engines: tells those watching the store. */
void          summit_store_emit_changed       (SummitStore      *self,
                                               const char       *table,
                                               GArray           *ids);
void          summit_store_notify_online      (SummitStore      *self);
gboolean      summit_store_end_rows           (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               int               rc,
                                               GError          **error);
/* No lost update: steps a save ending in "RETURNING version" to its end and
 * gives the row's new version, or 0 if no row matched (@error unset). */
gboolean      summit_store_step_version       (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               gint64           *version,
                                               GError          **error);
/* After a save of row @id of @table matched no row: %SUMMIT_STORE_ERROR_CONFLICT
 * with @changed if the row is still there (saved by someone else since it
 * was read), otherwise %SUMMIT_STORE_ERROR_NOT_FOUND with @gone. Returns %FALSE. */
gboolean      summit_store_refuse_stale       (SummitStore      *self,
                                               const char       *table,
                                               gint64            id,
                                               const char       *changed,
                                               const char       *gone,
                                               GError          **error);
/* Runs @stmt as bound and hands its result to @done: on a file at once; on
 * a server it is sent without waiting, and its result read with the next
 * statement that is not queued, or at a flush or commit, so that a run of
 * them costs one round trip. @stmt may be bound anew when this returns.
 * %FALSE with @error if this or an earlier queued statement failed. */
gboolean      summit_store_queue              (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               SummitQueuedFunc  done,
                                               gpointer          user_data,
                                               GError          **error);
/* Reads the results of everything queued. */
gboolean      summit_store_flush_queue        (SummitStore      *self,
                                               GError          **error);

int           summit_stmt_step                (SummitStmt       *stmt);
void          summit_stmt_reset               (SummitStmt       *stmt);
void          summit_stmt_bind_int64          (SummitStmt       *stmt,
                                               int               index,
                                               gint64            value);
void          summit_stmt_bind_int            (SummitStmt       *stmt,
                                               int               index,
                                               int               value);
void          summit_stmt_bind_null           (SummitStmt       *stmt,
                                               int               index);
/* "" for NULL */
void          summit_stmt_bind_text           (SummitStmt       *stmt,
                                               int               index,
                                               const char       *text);
/* SQL NULL for NULL */
void          summit_stmt_bind_nullable_text  (SummitStmt       *stmt,
                                               int               index,
                                               const char       *text);
/* @text must stay unchanged until the statement is stepped and reset. */
void          summit_stmt_bind_static_text    (SummitStmt       *stmt,
                                               int               index,
                                               const char       *text,
                                               gssize            length);

gboolean      summit_stmt_column_is_null      (SummitStmt       *stmt,
                                               int               column);
gint64        summit_stmt_column_int64        (SummitStmt       *stmt,
                                               int               column);
int           summit_stmt_column_int          (SummitStmt       *stmt,
                                               int               column);
/* NULL for SQL NULL; valid until the next step or reset */
const char   *summit_stmt_column_text         (SummitStmt       *stmt,
                                               int               column);
/* "" for SQL NULL; valid until the next step or reset */
const char   *summit_stmt_column_string       (SummitStmt       *stmt,
                                               int               column);

G_END_DECLS
