/* summit-store-pg.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the store's own files only: the PostgreSQL engine's connection, for
 * what needs libpq beyond the seam (the bulk copy).
 */
#pragma once

#include <libpq-fe.h>

#include "summit-store-private.h"

G_BEGIN_DECLS

PGconn *summit_store_pg_get_conn (SummitStore *self);

/* Sets @error from the last result of @self's connection (or @result). */
gboolean summit_store_pg_set_error (SummitStore *self,
                                    PGresult    *result,
                                    GError     **error);

/* SummitEngine.copy_in (summit-store-pg-copy.c) */
gboolean summit_store_pg_copy_in (SummitStore         *self,
                                  const char          *table,
                                  const char * const  *columns,
                                  SummitRowSource      next,
                                  gpointer             user_data,
                                  GError             **error);

G_END_DECLS
