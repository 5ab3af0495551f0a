/* summit-store-matching.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few person columns an import matches rows by, read without the rest
 * of the record.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include "summit-store-matching.h"
#include "summit-store-private.h"

static gboolean
call_person_keys (SummitStmt  *stmt,
                  GCallback    func,
                  gpointer     user_data,
                  GError     **error)
{
  SummitPersonKeysRow row;

  row.id = summit_stmt_column_int64 (stmt, 0);
  row.given_name = summit_stmt_column_string (stmt, 1);
  row.family_name = summit_stmt_column_string (stmt, 2);
  row.native_name = summit_stmt_column_string (stmt, 3);
  row.city = summit_stmt_column_string (stmt, 4);
  row.email = summit_stmt_column_string (stmt, 5);
  return ((SummitPersonKeysFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_person_keys:
 * @func: called once per person, in the order they were stored; returns
 *   %FALSE to stop
 *
 * Reads every person's names, city and email in one pass, for matching
 * imported rows to people already known: six columns rather than the whole
 * record summit_store_foreach_person() reads, so that matching against a
 * large file stays quick.
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_person_keys (SummitStore           *store,
                                  SummitPersonKeysFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT id, given_name, family_name, native_name, city, email"
                               " FROM person ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  return summit_store_foreach_row (store, stmt, call_person_keys, (GCallback)func, user_data,
                                   error);
}
