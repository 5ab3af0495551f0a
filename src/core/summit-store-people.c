/* summit-store-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person table: reading, writing and merging people.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include "summit-store-people.h"
#include "summit-store-private.h"

/* The fields in SummitPersonField order, then created and updated. */
#define PERSON_COLUMNS \
  "uid, honorific, given_name, family_name, native_name, position, city, country," \
  " organisation, email, phone, timezone, notes, position_kind, letter_language," \
  " created, updated, id"

/**
 * summit_store_foreach_person:
 * @order: the order of the calls
 * @func: called once per person; returns %FALSE to stop
 *
 * Reads every person in one pass, for an export or an index. Call it inside
 * summit_store_begin_long_read() for one snapshot of the whole file.
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_person (SummitStore          *store,
                             SummitPersonOrder     order,
                             SummitPersonRowFunc   func,
                             gpointer              user_data,
                             GError              **error)
{
  static const char * const sql[] = {
    [SUMMIT_PERSON_ORDER_ID] = "SELECT " PERSON_COLUMNS " FROM person ORDER BY id",
    /* "+family_name": sorting the rows themselves is faster than walking
     * person_by_name and fetching each row from wherever it is. */
    [SUMMIT_PERSON_ORDER_NAME] = "SELECT " PERSON_COLUMNS " FROM person"
                                 " ORDER BY +family_name, given_name, uid",
  };
  g_autoptr(GError) local_error = NULL;
  SummitPersonRow row;
  SummitStmt *stmt;
  gboolean go_on = TRUE;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (order < G_N_ELEMENTS (sql), FALSE);

  stmt = summit_store_prepare (store, sql[order], error);
  if (stmt == NULL)
    return FALSE;

  while (go_on && (rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      for (int i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
        {
          const char *text = summit_stmt_column_text (stmt, i);
          row.fields[i] = text ? text : "";
        }
      row.created = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS);
      row.updated = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 1);
      row.id = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 2);
      go_on = func (&row, user_data, &local_error);
    }
  if (go_on && rc != SUMMIT_STEP_DONE)
    summit_store_set_error_from_db (store, rc, &local_error);
  summit_stmt_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
