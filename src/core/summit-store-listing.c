/* summit-store-listing.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People page's reads: every person with their invitation to one
 * edition, as one record each.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include "summit-store-listing.h"
#include "summit-store-private.h"

#define LISTING_SQL \
  "SELECT p.id, p.given_name, p.family_name, p.native_name, p.position, p.city, p.country," \
  " p.email, p.updated, i.status, i.updated" \
  " FROM person p LEFT JOIN invitation i ON i.person_id = p.id AND i.edition_id = $1"

static const char *
column_text (SummitStmt *stmt,
             int         column)
{
  const char *text = summit_stmt_column_text (stmt, column);

  return text ? text : "";
}

/* Hands @func one record per row of @stmt, a LISTING_SQL query with its
 * parameters bound, then resets it. */
static gboolean
foreach_row (SummitStore        *store,
             SummitStmt         *stmt,
             SummitListingFunc   func,
             gpointer            user_data,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  SummitListingRow row;
  gboolean go_on = TRUE;
  int rc;

  while (go_on && (rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      row.id = summit_stmt_column_int64 (stmt, 0);
      row.given_name = column_text (stmt, 1);
      row.family_name = column_text (stmt, 2);
      row.native_name = column_text (stmt, 3);
      row.position = column_text (stmt, 4);
      row.city = column_text (stmt, 5);
      row.country = column_text (stmt, 6);
      row.email = column_text (stmt, 7);
      row.updated = summit_stmt_column_int64 (stmt, 8);
      row.invited = !summit_stmt_column_is_null (stmt, 9) &&
                    summit_invitation_status_from_string (column_text (stmt, 9), &row.status);
      if (!row.invited)
        row.status = 0;
      row.since = row.invited ? summit_stmt_column_int64 (stmt, 10) : 0;
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

/* Runs @sql, LISTING_SQL with more, for @edition_id and, if not NULL,
 * @second as $2. */
static gboolean
read_listing (SummitStore        *store,
              const char         *sql,
              gint64              edition_id,
              const gint64       *second,
              SummitListingFunc   func,
              gpointer            user_data,
              GError            **error)
{
  SummitStmt *stmt = summit_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  if (second != NULL)
    summit_stmt_bind_int64 (stmt, 2, *second);
  return foreach_row (store, stmt, func, user_data, error);
}

/**
 * summit_store_foreach_listing:
 * @edition_id: whose invitations to read
 * @func: called once per person, by id; returns %FALSE to stop
 *
 * Reads everyone with their invitation to @edition_id, in one pass.
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_listing (SummitStore        *store,
                              gint64              edition_id,
                              SummitListingFunc   func,
                              gpointer            user_data,
                              GError            **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  return read_listing (store, LISTING_SQL " ORDER BY p.id", edition_id, NULL,
                       func, user_data, error);
}

/**
 * summit_store_foreach_listing_by_name:
 * @limit: how many people to read at most
 * @func: called once per person, by family name, given name and id
 *
 * Reads the first @limit people by name, with their invitation to
 * @edition_id: what a list shows first.
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_listing_by_name (SummitStore        *store,
                                      gint64              edition_id,
                                      guint               limit,
                                      SummitListingFunc   func,
                                      gpointer            user_data,
                                      GError            **error)
{
  gint64 count = limit;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  return read_listing (store, LISTING_SQL " ORDER BY p.family_name, p.given_name, p.id LIMIT $2",
                       edition_id, &count, func, user_data, error);
}

/**
 * summit_store_lookup_listing:
 * @func: called once if @person_id exists
 *
 * Reads one person with their invitation to @edition_id.
 *
 * Returns: %FALSE with @error set if the read or @func failed; %TRUE
 *   without calling @func if there is no such person
 */
gboolean
summit_store_lookup_listing (SummitStore        *store,
                             gint64              edition_id,
                             gint64              person_id,
                             SummitListingFunc   func,
                             gpointer            user_data,
                             GError            **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  return read_listing (store, LISTING_SQL " WHERE p.id = $2", edition_id, &person_id,
                       func, user_data, error);
}
