/* summit-programme.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed queries for editions and their programme of sessions and lineups.
 */
#define G_LOG_DOMAIN "summit-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-person.h"
#include "summit-programme.h"

#define EDITION_COLUMNS \
  "id, year, theme, host_city, host_country, timezone, format, start_date, end_date"

static SummitEdition *
edition_from_row (sqlite3_stmt *stmt)
{
  SummitEdition *edition = summit_edition_new (sqlite3_column_int (stmt, 1));
  SummitEditionFormat format = SUMMIT_EDITION_IN_PERSON;

  summit_edition_set_id (edition, sqlite3_column_int64 (stmt, 0));
  summit_edition_set_theme (edition, (const char *)sqlite3_column_text (stmt, 2));
  summit_edition_set_host_city (edition, (const char *)sqlite3_column_text (stmt, 3));
  summit_edition_set_host_country (edition, (const char *)sqlite3_column_text (stmt, 4));
  summit_edition_set_timezone (edition, (const char *)sqlite3_column_text (stmt, 5));
  summit_edition_format_from_string ((const char *)sqlite3_column_text (stmt, 6), &format);
  summit_edition_set_format (edition, format);
  summit_edition_set_dates (edition,
                            (const char *)sqlite3_column_text (stmt, 7),
                            (const char *)sqlite3_column_text (stmt, 8));
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " EDITION_COLUMNS " FROM edition ORDER BY year DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (editions, edition_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " EDITION_COLUMNS " FROM edition WHERE year = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    edition = edition_from_row (stmt);
  sqlite3_reset (stmt);

  if (edition == NULL)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                 _("There is no %d edition"), year);
  return edition;
}

/**
 * summit_store_put_edition:
 *
 * Inserts @edition, or updates the edition of the same year, and sets its id.
 */
gboolean
summit_store_put_edition (SummitStore    *store,
                          SummitEdition  *edition,
                          GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);

  stmt = summit_store_prepare (store,
                               "INSERT INTO edition (year, theme, host_city, host_country, timezone,"
                               " format, start_date, end_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                               " ON CONFLICT (year) DO UPDATE SET theme = excluded.theme,"
                               " host_city = excluded.host_city, host_country = excluded.host_country,"
                               " timezone = excluded.timezone, format = excluded.format,"
                               " start_date = excluded.start_date, end_date = excluded.end_date"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, summit_edition_get_year (edition));
  summit_stmt_bind_text (stmt, 2, summit_edition_get_theme (edition));
  summit_stmt_bind_text (stmt, 3, summit_edition_get_host_city (edition));
  summit_stmt_bind_text (stmt, 4, summit_edition_get_host_country (edition));
  summit_stmt_bind_text (stmt, 5, summit_edition_get_timezone (edition));
  sqlite3_bind_text (stmt, 6, summit_edition_format_to_string (summit_edition_get_format (edition)),
                     -1, SQLITE_STATIC);
  if (summit_edition_get_start_date (edition))
    summit_stmt_bind_text (stmt, 7, summit_edition_get_start_date (edition));
  if (summit_edition_get_end_date (edition))
    summit_stmt_bind_text (stmt, 8, summit_edition_get_end_date (edition));

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;

  summit_edition_set_id (edition, id);
  return TRUE;
}

static gboolean
load_members (SummitStore  *store,
              SummitPanel  *panel,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = summit_store_prepare (store,
                               "SELECT m.person_id, m.role, p.uid, p.given_name, p.family_name,"
                               " p.native_name, p.city, p.timezone"
                               " FROM panel_member m JOIN person p ON p.id = m.person_id"
                               " WHERE m.panel_id = ?1 ORDER BY m.position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, summit_panel_get_id (panel));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SummitPanelMember member = { 0 };
      g_autoptr(SummitPerson) person = summit_person_new ();
      g_autofree char *display_name = NULL;

      summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME,
                               (const char *)sqlite3_column_text (stmt, 3));
      summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME,
                               (const char *)sqlite3_column_text (stmt, 4));
      summit_person_set_field (person, SUMMIT_PERSON_NATIVE_NAME,
                               (const char *)sqlite3_column_text (stmt, 5));
      display_name = summit_person_dup_display_name (person);

      member.person_id = sqlite3_column_int64 (stmt, 0);
      summit_role_from_string ((const char *)sqlite3_column_text (stmt, 1), &member.role);
      member.person_uid = (char *)sqlite3_column_text (stmt, 2);
      member.display_name = display_name;
      member.city = (char *)sqlite3_column_text (stmt, 6);
      member.timezone = (char *)sqlite3_column_text (stmt, 7);
      summit_panel_append_member (panel, &member);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return summit_store_set_error_from_db (store, rc, error);
  return TRUE;
}

/**
 * summit_store_list_panels:
 *
 * Returns: (transfer full) (element-type SummitPanel): the sessions of
 *   @edition_id with their lineups, in programme order (sessions known only
 *   by their day after the timed ones of that day), or %NULL with @error set
 */
GPtrArray *
summit_store_list_panels (SummitStore  *store,
                          gint64        edition_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT id, uid, title, kind, start_utc, day, duration_min, room,"
                               " description FROM panel WHERE edition_id = ?1"
                               " ORDER BY coalesce (start_utc, unixepoch (day, '+1 day', '-1 second')),"
                               " id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, edition_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SummitPanel *panel = summit_panel_new ();
      SummitPanelKind kind = SUMMIT_PANEL_DISCUSSION;

      summit_panel_set_id (panel, sqlite3_column_int64 (stmt, 0));
      summit_panel_set_uid (panel, (const char *)sqlite3_column_text (stmt, 1));
      summit_panel_set_edition_id (panel, edition_id);
      summit_panel_set_title (panel, (const char *)sqlite3_column_text (stmt, 2));
      summit_panel_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &kind);
      summit_panel_set_kind (panel, kind);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        summit_panel_set_start (panel, sqlite3_column_int64 (stmt, 4));
      summit_panel_set_day (panel, (const char *)sqlite3_column_text (stmt, 5));
      summit_panel_set_duration (panel, sqlite3_column_int (stmt, 6));
      summit_panel_set_room (panel, (const char *)sqlite3_column_text (stmt, 7));
      summit_panel_set_description (panel, (const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (panels, panel);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < panels->len; i++)
    if (!load_members (store, g_ptr_array_index (panels, i), error))
      return NULL;

  return g_steal_pointer (&panels);
}

/**
 * summit_store_insert_panel:
 *
 * Stores a new session and its lineup (in the order of its members) and
 * sets its id. Runs in the caller's transaction if there is one.
 */
static gboolean
insert_panel_txn (SummitStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  SummitPanel *panel = user_data;
  sqlite3_stmt *stmt;
  gint64 start;

  stmt = summit_store_prepare (store,
                               "INSERT INTO panel (uid, edition_id, title, kind, start_utc, day,"
                               " duration_min, room, description)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (stmt == NULL)
    return FALSE;

  summit_stmt_bind_text (stmt, 1, summit_panel_get_uid (panel));
  sqlite3_bind_int64 (stmt, 2, summit_panel_get_edition_id (panel));
  summit_stmt_bind_text (stmt, 3, summit_panel_get_title (panel));
  sqlite3_bind_text (stmt, 4, summit_panel_kind_to_string (summit_panel_get_kind (panel)), -1,
                     SQLITE_STATIC);
  if (summit_panel_get_start (panel, &start))
    sqlite3_bind_int64 (stmt, 5, start);
  if (summit_panel_get_day (panel))
    summit_stmt_bind_text (stmt, 6, summit_panel_get_day (panel));
  sqlite3_bind_int (stmt, 7, summit_panel_get_duration (panel));
  summit_stmt_bind_text (stmt, 8, summit_panel_get_room (panel));
  summit_stmt_bind_text (stmt, 9, summit_panel_get_description (panel));
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  summit_panel_set_id (panel, sqlite3_last_insert_rowid (summit_store_get_db (store)));

  stmt = summit_store_prepare (store,
                               "INSERT INTO panel_member (panel_id, person_id, role, position)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, summit_panel_get_id (panel));
      sqlite3_bind_int64 (stmt, 2, member->person_id);
      sqlite3_bind_text (stmt, 3, summit_role_to_string (member->role), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, i);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
summit_store_insert_panel (SummitStore  *store,
                           SummitPanel  *panel,
                           GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), FALSE);

  return summit_store_transaction (store, insert_panel_txn, panel, error);
}
