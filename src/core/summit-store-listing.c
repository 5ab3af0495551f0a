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

/* Hands @func the record of the current row of a LISTING_SQL query. */
static gboolean
call_listing (SummitStmt  *stmt,
              GCallback    func,
              gpointer     user_data,
              GError     **error)
{
  SummitListingRow row;

  row.id = summit_stmt_column_int64 (stmt, 0);
  row.given_name = summit_stmt_column_string (stmt, 1);
  row.family_name = summit_stmt_column_string (stmt, 2);
  row.native_name = summit_stmt_column_string (stmt, 3);
  row.position = summit_stmt_column_string (stmt, 4);
  row.city = summit_stmt_column_string (stmt, 5);
  row.country = summit_stmt_column_string (stmt, 6);
  row.email = summit_stmt_column_string (stmt, 7);
  row.updated = summit_stmt_column_int64 (stmt, 8);
  row.invited = !summit_stmt_column_is_null (stmt, 9) &&
                summit_invitation_status_from_string (summit_stmt_column_string (stmt, 9),
                                                      &row.status);
  if (!row.invited)
    row.status = 0;
  row.since = row.invited ? summit_stmt_column_int64 (stmt, 10) : 0;
  return ((SummitListingFunc)func) (&row, user_data, error);
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
  return summit_store_foreach_row (store, stmt, call_listing, (GCallback)func, user_data,
                                   error);
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
