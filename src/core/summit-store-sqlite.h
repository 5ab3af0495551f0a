/* summit-store-sqlite.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite connection behind a store, for the tests and benchmarks that
 * look at the file as SQLite sees it. The app itself never uses it.
 */
#pragma once

#include <sqlite3.h>

#include "summit-store.h"

G_BEGIN_DECLS

sqlite3 *summit_store_get_sqlite (SummitStore *self);

G_END_DECLS
