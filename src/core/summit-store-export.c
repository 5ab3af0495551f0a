/* summit-store-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The long reads of an export: editions with their invitations (and
 * history) and sessions (and lineups), and yearly figures, in the order
 * the files list them. People are read by summit_store_foreach_person().
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include "summit-store-export.h"
#include "summit-store-private.h"

/**
 * summit_store_count_export_rows:
 *
 * Returns: the number of people, invitations and sessions: the steps of an
 *   export's progress; 0 if the count failed
 */
gint64
summit_store_count_export_rows (SummitStore *store)
{
  SummitStmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), 0);

  stmt = summit_store_prepare (store,
                               "SELECT (SELECT count(*) FROM person)"
                               " + (SELECT count(*) FROM invitation)"
                               " + (SELECT count(*) FROM panel)",
                               NULL);
  if (stmt == NULL)
    return 0;
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    n = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);
  return n;
}

static gboolean
call_edition (SummitStmt  *stmt,
              GCallback    func,
              gpointer     user_data,
              GError     **error)
{
  SummitEditionRow row = {
    .id = summit_stmt_column_int64 (stmt, 0),
    .year = summit_stmt_column_text (stmt, 1),
    .theme = summit_stmt_column_text (stmt, 2),
    .host_city = summit_stmt_column_text (stmt, 3),
    .host_country = summit_stmt_column_text (stmt, 4),
    .timezone = summit_stmt_column_text (stmt, 5),
    .format = summit_stmt_column_text (stmt, 6),
    .start_date = summit_stmt_column_text (stmt, 7),
    .end_date = summit_stmt_column_text (stmt, 8),
  };

  return ((SummitEditionRowFunc)func) (&row, user_data, error);
}

static gboolean
collect_id (SummitStmt  *stmt,
            GCallback    func,
            gpointer     user_data,
            GError     **error)
{
  gint64 id = summit_stmt_column_int64 (stmt, 0);

  g_array_append_val ((GArray *)user_data, id);
  return TRUE;
}

/**
 * summit_store_foreach_edition:
 * @func: called once per edition, by year; it may read the edition's
 *   invitations and sessions
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_edition (SummitStore           *store,
                              SummitEditionRowFunc   func,
                              gpointer               user_data,
                              GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT id, year, theme, host_city, host_country, timezone, format,"
                               " start_date, end_date FROM edition ORDER BY year",
                               error);
  /* Editions are few: collect them first, as their contents need the same
   * cached statements. */
  if (stmt == NULL || !summit_store_foreach_row (store, stmt, collect_id, NULL, ids, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean go_on = TRUE;
      int rc;

      stmt = summit_store_prepare (store,
                                   "SELECT id, year, theme, host_city, host_country, timezone,"
                                   " format, start_date, end_date FROM edition WHERE id = $1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
        go_on = call_edition (stmt, (GCallback)func, user_data, &local_error);
      else if (rc != SUMMIT_STEP_DONE)
        summit_store_set_error_from_db (store, rc, &local_error);
      summit_stmt_reset (stmt);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!go_on)
        break;
    }
  return TRUE;
}

static gboolean
call_invitation (SummitStmt  *stmt,
                 GCallback    func,
                 gpointer     user_data,
                 GError     **error)
{
  SummitInvitationRow row = {
    .id = summit_stmt_column_int64 (stmt, 0),
    .person_uid = summit_stmt_column_text (stmt, 1),
    .status = summit_stmt_column_text (stmt, 2),
  };

  return ((SummitInvitationRowFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_invitation:
 * @func: called once per invitation to @edition_id, by the person's uid
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_invitation (SummitStore              *store,
                                 gint64                    edition_id,
                                 SummitInvitationRowFunc   func,
                                 gpointer                  user_data,
                                 GError                  **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT i.id, p.uid, i.status FROM invitation i"
                               " JOIN person p ON p.id = i.person_id"
                               " WHERE i.edition_id = $1 ORDER BY p.uid",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  return summit_store_foreach_row (store, stmt, call_invitation, (GCallback)func, user_data,
                                   error);
}

static gboolean
call_invitation_event (SummitStmt  *stmt,
                       GCallback    func,
                       gpointer     user_data,
                       GError     **error)
{
  SummitInvitationEventRow row = {
    .at = summit_stmt_column_int64 (stmt, 0),
    .from = summit_stmt_column_text (stmt, 1),
    .to = summit_stmt_column_text (stmt, 2),
    .channel = summit_stmt_column_text (stmt, 3),
    .note = summit_stmt_column_text (stmt, 4),
  };

  return ((SummitInvitationEventRowFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_invitation_event:
 * @func: called once per event of the invitation's history, oldest first
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_invitation_event (SummitStore                   *store,
                                       gint64                         invitation_id,
                                       SummitInvitationEventRowFunc   func,
                                       gpointer                       user_data,
                                       GError                       **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT at, old_status, new_status, channel, note"
                               " FROM invitation_event WHERE invitation_id = $1"
                               " ORDER BY at, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  return summit_store_foreach_row (store, stmt, call_invitation_event, (GCallback)func, user_data,
                                   error);
}

static gboolean
call_session (SummitStmt  *stmt,
              GCallback    func,
              gpointer     user_data,
              GError     **error)
{
  SummitSessionRow row = {
    .id = summit_stmt_column_int64 (stmt, 0),
    .uid = summit_stmt_column_text (stmt, 1),
    .kind = summit_stmt_column_text (stmt, 2),
    .title = summit_stmt_column_text (stmt, 3),
    .has_start = !summit_stmt_column_is_null (stmt, 4),
    .start = summit_stmt_column_int64 (stmt, 4),
    .day = summit_stmt_column_text (stmt, 5),
    .duration = summit_stmt_column_int64 (stmt, 6),
    .room = summit_stmt_column_text (stmt, 7),
    .description = summit_stmt_column_text (stmt, 8),
    .end_confirmed = summit_stmt_column_int (stmt, 9) != 0,
    .room_confirmed = summit_stmt_column_int (stmt, 10) != 0,
  };

  return ((SummitSessionRowFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_session:
 * @func: called once per session of @edition_id, by start (a session
 *   without a time at the end of its day), then uid
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_session (SummitStore           *store,
                              gint64                 edition_id,
                              SummitSessionRowFunc   func,
                              gpointer               user_data,
                              GError               **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               SUMMIT_SQL (store,
                               "SELECT id, uid, kind, title, start_utc, day, duration_min, room,"
                               " description, end_confirmed, room_confirmed FROM panel"
                               " WHERE edition_id = $1"
                               " ORDER BY coalesce (start_utc, " SUMMIT_SQL_DAY_END_SQLITE "), uid",
                               "SELECT id, uid, kind, title, start_utc, day, duration_min, room,"
                               " description, end_confirmed, room_confirmed FROM panel"
                               " WHERE edition_id = $1"
                               " ORDER BY coalesce (start_utc, " SUMMIT_SQL_DAY_END_PG ") NULLS FIRST, uid"),
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  return summit_store_foreach_row (store, stmt, call_session, (GCallback)func, user_data,
                                   error);
}

static gboolean
call_session_member (SummitStmt  *stmt,
                     GCallback    func,
                     gpointer     user_data,
                     GError     **error)
{
  SummitSessionMemberRow row = {
    .person_uid = summit_stmt_column_text (stmt, 0),
    .role = summit_stmt_column_text (stmt, 1),
  };

  return ((SummitSessionMemberRowFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_session_member:
 * @func: called once per member of the session's lineup, in order
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_session_member (SummitStore                 *store,
                                     gint64                       panel_id,
                                     SummitSessionMemberRowFunc   func,
                                     gpointer                     user_data,
                                     GError                     **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT p.uid, m.role FROM panel_member m"
                               " JOIN person p ON p.id = m.person_id"
                               " WHERE m.panel_id = $1 ORDER BY m.position",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, panel_id);
  return summit_store_foreach_row (store, stmt, call_session_member, (GCallback)func, user_data,
                                   error);
}

static gboolean
call_statistic (SummitStmt  *stmt,
                GCallback    func,
                gpointer     user_data,
                GError     **error)
{
  SummitStatisticRow row = {
    .year = summit_stmt_column_text (stmt, 0),
    .kind = summit_stmt_column_text (stmt, 1),
    .overseas_mayors = summit_stmt_column_text (stmt, 2),
    .lower_bound = summit_stmt_column_int (stmt, 3) != 0,
    .domestic_mayors = summit_stmt_column_text (stmt, 4),
    .countries = summit_stmt_column_text (stmt, 5),
    .source = summit_stmt_column_text (stmt, 6),
  };

  return ((SummitStatisticRowFunc)func) (&row, user_data, error);
}

/**
 * summit_store_foreach_statistic:
 * @func: called once per year with figures, by year
 *
 * Returns: %FALSE with @error set if the read or @func failed
 */
gboolean
summit_store_foreach_statistic (SummitStore             *store,
                                SummitStatisticRowFunc   func,
                                gpointer                 user_data,
                                GError                 **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT year, kind, overseas_mayors, lower_bound, domestic_mayors,"
                               " countries, source FROM year_statistic ORDER BY year",
                               error);
  if (stmt == NULL)
    return FALSE;
  return summit_store_foreach_row (store, stmt, call_statistic, (GCallback)func, user_data,
                                   error);
}
