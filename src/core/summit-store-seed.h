/* summit-store-seed.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

gboolean     summit_store_seed                      (SummitStore           *store,
                                                     GError               **error);
SummitStore *summit_store_open_and_seed             (const char            *path,
                                                     GError               **error);
SummitStore *summit_store_open_and_seed_with_flags  (const char            *path,
                                                     SummitStoreOpenFlags   flags,
                                                     GError               **error);
char        *summit_default_database_path           (void);

G_END_DECLS
