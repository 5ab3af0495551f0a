/* summit-store-editions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edition table: one year's summit, read and written as a SummitEdition.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-store-editions.h"
#include "summit-store-private.h"

#define EDITION_COLUMNS \
  "id, year, theme, host_city, host_country, timezone, format, start_date, end_date, version"

static SummitEdition *
edition_from_row (SummitStmt *stmt)
{
  SummitEdition *edition = summit_edition_new (summit_stmt_column_int (stmt, 1));
  SummitEditionFormat format = SUMMIT_EDITION_IN_PERSON;

  summit_edition_set_id (edition, summit_stmt_column_int64 (stmt, 0));
  summit_edition_set_theme (edition, summit_stmt_column_text (stmt, 2));
  summit_edition_set_host_city (edition, summit_stmt_column_text (stmt, 3));
  summit_edition_set_host_country (edition, summit_stmt_column_text (stmt, 4));
  summit_edition_set_timezone (edition, summit_stmt_column_text (stmt, 5));
  summit_edition_format_from_string (summit_stmt_column_text (stmt, 6), &format);
  summit_edition_set_format (edition, format);
  summit_edition_set_dates (edition,
                            summit_stmt_column_text (stmt, 7),
                            summit_stmt_column_text (stmt, 8));
  summit_edition_set_version (edition, summit_stmt_column_int64 (stmt, 9));
  return edition;
}

/**
 * summit_store_list_editions:
 *
 * Returns: (transfer full) (element-type SummitEdition): every edition,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
summit_store_list_editions (SummitStore  *store,
                            GError      **error)
{
  g_autoptr(GPtrArray) editions = g_ptr_array_new_with_free_func (g_object_unref);
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " EDITION_COLUMNS " FROM edition ORDER BY year DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (editions, edition_from_row (stmt));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&editions);
}

/**
 * summit_store_get_edition:
 *
 * Returns: (transfer full): the edition of @year, or %NULL with @error set
 *   (%SUMMIT_STORE_ERROR_NOT_FOUND if there is none)
 */
SummitEdition *
summit_store_get_edition (SummitStore  *store,
                          int           year,
                          GError      **error)
{
  SummitEdition *edition = NULL;
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " EDITION_COLUMNS " FROM edition WHERE year = $1",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int (stmt, 1, year);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    edition = edition_from_row (stmt);
  summit_stmt_reset (stmt);

  if (edition == NULL)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                 _("There is no %d edition"), year);
  return edition;
}

/**
 * summit_store_put_edition:
 *
 * Inserts @edition, or updates the edition of the same year (raising its
 * version), and sets its id and version; refuses one that
 * summit_edition_validate() does not accept. If @edition carries a version
 * (it was read from the store), only that version is overwritten: if someone
 * saved the edition since, nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT.
 */
gboolean
summit_store_put_edition (SummitStore    *store,
                          SummitEdition  *edition,
                          GError        **error)
{
  SummitStmt *stmt;
  gint64 id = 0;
  gint64 version = 0;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);

  if (!summit_edition_validate (edition, error))
    return FALSE;
  stmt = summit_store_prepare (store,
                               "INSERT INTO edition (year, theme, host_city, host_country, timezone,"
                               " format, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                               " ON CONFLICT (year) DO UPDATE SET theme = excluded.theme,"
                               " host_city = excluded.host_city, host_country = excluded.host_country,"
                               " timezone = excluded.timezone, format = excluded.format,"
                               " start_date = excluded.start_date, end_date = excluded.end_date,"
                               " version = edition.version + 1"
                               " WHERE $9 = 0 OR edition.version = $9"
                               " RETURNING id, version",
                               error);
  if (stmt == NULL)
    return FALSE;

  summit_stmt_bind_int (stmt, 1, summit_edition_get_year (edition));
  summit_stmt_bind_text (stmt, 2, summit_edition_get_theme (edition));
  summit_stmt_bind_text (stmt, 3, summit_edition_get_host_city (edition));
  summit_stmt_bind_text (stmt, 4, summit_edition_get_host_country (edition));
  summit_stmt_bind_text (stmt, 5, summit_edition_get_timezone (edition));
  summit_stmt_bind_static_text (stmt, 6, summit_edition_format_to_string (summit_edition_get_format (edition)), -1);
  if (summit_edition_get_start_date (edition))
    summit_stmt_bind_text (stmt, 7, summit_edition_get_start_date (edition));
  if (summit_edition_get_end_date (edition))
    summit_stmt_bind_text (stmt, 8, summit_edition_get_end_date (edition));

  summit_stmt_bind_int64 (stmt, 9, summit_edition_get_version (edition));

  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    {
      id = summit_stmt_column_int64 (stmt, 0);
      version = summit_stmt_column_int64 (stmt, 1);
    }
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT,
                   _("The %d edition was changed by someone else since you opened it"),
                   summit_edition_get_year (edition));
      return FALSE;
    }

  summit_edition_set_id (edition, id);
  summit_edition_set_version (edition, version);
  return TRUE;
}
