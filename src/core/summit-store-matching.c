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

static const char *
column_text (SummitStmt *stmt,
             int         column)
{
  const char *text = summit_stmt_column_text (stmt, column);

  return text ? text : "";
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
  g_autoptr(GError) local_error = NULL;
  SummitPersonKeysRow row;
  SummitStmt *stmt;
  gboolean go_on = TRUE;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT id, given_name, family_name, native_name, city, email"
                               " FROM person ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while (go_on && (rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      row.id = summit_stmt_column_int64 (stmt, 0);
      row.given_name = column_text (stmt, 1);
      row.family_name = column_text (stmt, 2);
      row.native_name = column_text (stmt, 3);
      row.city = column_text (stmt, 4);
      row.email = column_text (stmt, 5);
      go_on = func (&row, user_data, &local_error);
    }
  summit_store_end_rows (store, stmt, go_on ? rc : SUMMIT_STEP_DONE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
