/* summit-store-pg-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the PostgreSQL engine's own files only (summit-store-pg*.c): its
 * connection's state and what its files share.
 */
#pragma once

#include "summit-store-pg.h"

G_BEGIN_DECLS

#define PG(store) ((PgDb *)(store)->db)

/* What pg_step() returns for an error; the message and SQLSTATE are kept in the PgDb. */
#define PG_ERROR 1

/* Written to summit_meta so that we recognise our databases. */
#define APPLICATION_NAME "summit-planner"

/* The channel of the change announcements */
#define CHANNEL "summit_changes"

typedef struct
{
  PGconn     *conn;
  char       *location;      /* as given, which may hold a password */
  guint       generation;    /* raised by each reconnection: statements prepare again */
  guint       next_name;
  gint64      changes;
  char       *message;       /* of the last error */
  char        sqlstate[6];
  int         backend_pid;
  gboolean    in_transaction;  /* we began one and have not ended it */
  GArray     *queue;         /* summit_store_queue(): sent, results not read yet */
  SummitStore *queue_owner;
  SummitStoreRights rights;

  /* summit_store_watch() */
  GMainContext *context;
  PGconn     *listener;
  guint       listener_source;
  guint       retry_source;
  GCancellable *retry;
  gboolean    online;
  gboolean    watching;
} PgDb;

/* summit-store-pg.c */
gboolean summit_store_pg_exec           (SummitStore          *self,
                                         const char           *sql,
                                         GError              **error);
/* Runs @sql (no parameters); *@out is the first column of its first row,
 * %NULL for none or SQL NULL. */
gboolean summit_store_pg_query_text     (SummitStore          *self,
                                         const char           *sql,
                                         char                **out,
                                         GError              **error);

/* A new connection to @location, with the password given for it if it holds none. */
PGconn  *summit_store_pg_connect        (const char           *location,
                                         GError              **error);
/* Reconnects @db's connection if it broke outside a transaction. */
gboolean summit_store_pg_mend_connection (PgDb                *db);

/* summit-store-pg-schema.c */
gboolean summit_store_pg_check_identity (SummitStore          *self,
                                         SummitStoreOpenFlags  flags,
                                         GError              **error);
/* SummitEngine.check */
GPtrArray *summit_store_pg_check        (SummitStore          *self,
                                         GError              **error);

/* summit-store-pg-watch.c */
void     summit_store_pg_watch          (SummitStore          *self);
gboolean summit_store_pg_is_online      (SummitStore          *self);
void     summit_store_pg_stop_watching  (PgDb                 *db);

G_END_DECLS
