/* summit-store-pg.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine's connection, for the store's own files that need
 * libpq beyond the seam (the bulk copy in summit-store-pg-copy.c).
 */
#pragma once

#include <libpq-fe.h>

#include "summit-store-private.h"

G_BEGIN_DECLS

PGconn   *summit_store_pg_get_conn (SummitStore         *self);
gboolean  summit_store_pg_copy_in  (SummitStore         *self,
                                    const char          *table,
                                    const char * const  *columns,
                                    SummitRowSource      next,
                                    gpointer             user_data,
                                    GError             **error);

G_END_DECLS
