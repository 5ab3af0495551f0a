/* summit-store-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the store's own files only (summit-store*.c): the seam between the
 * typed queries and the database engine. Everything here that touches the
 * engine is implemented in summit-store-sqlite.c; a second engine is a
 * second such file. SQL texts use $1-style parameters.
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

/* A prepared statement of the engine. */
typedef struct _SummitStmt SummitStmt;

/* What summit_stmt_step() returns besides an engine error code (> 0). */
#define SUMMIT_STEP_ROW  (-1)
#define SUMMIT_STEP_DONE (-2)

struct _SummitStore
{
  GObject     parent_instance;

  char       *path;
  gpointer    db;           /* the engine's connection */
  GHashTable *statements;   /* SQL text → the engine's prepared statement */
  const char *journal_mode;
  guint       read_only : 1;
  guint       is_new : 1;
};

/* Fills a record of its kind from the current row of @stmt and hands it to
 * @func, a callback of that kind; returns %FALSE to stop. */
typedef gboolean (*SummitRowCall) (SummitStmt  *stmt,
                                   GCallback    func,
                                   gpointer     user_data,
                                   GError     **error);

/* The schema, one step per version (summit-store.c). */
extern const char * const summit_store_migrations[];

/* The engine (summit-store-sqlite.c). */
void          summit_store_engine_init        (SummitStore      *self);
void          summit_store_engine_close       (SummitStore      *self);
gboolean      summit_store_engine_open        (SummitStore      *self,
                                               int               version,
                                               SummitStoreOpenFlags flags,
                                               GError          **error);
gboolean      summit_store_engine_set_version (SummitStore      *self,
                                               int               version,
                                               GError          **error);

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
gint64        summit_store_changes            (SummitStore      *self);
gint64        summit_store_last_insert_id     (SummitStore      *self);
gboolean      summit_store_set_error_from_db  (SummitStore      *self,
                                               int               rc,
                                               GError          **error);
gboolean      summit_store_foreach_row        (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               SummitRowCall     call,
                                               GCallback         func,
                                               gpointer          user_data,
                                               GError          **error);
gboolean      summit_store_end_rows           (SummitStore      *self,
                                               SummitStmt       *stmt,
                                               int               rc,
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
