/* summit-store-programme.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel and panel_member tables: an edition's sessions and their
 * lineups, read and written as SummitPanels; and the invitation statuses the
 * programme's conflicts are found with.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-invitation.h"
#include "summit-merge.h"
#include "summit-person.h"
#include "summit-store-private.h"
#include "summit-store-programme.h"

#define PANEL_COLUMNS \
  "id, uid, title, kind, start_utc, day, duration_min, room, description, edition_id," \
  " end_confirmed, room_confirmed, version"

static SummitPanel *
panel_from_row (SummitStmt *stmt)
{
  SummitPanel *panel = summit_panel_new ();
  SummitPanelKind kind = SUMMIT_PANEL_DISCUSSION;

  summit_panel_set_id (panel, summit_stmt_column_int64 (stmt, 0));
  summit_panel_set_uid (panel, summit_stmt_column_text (stmt, 1));
  summit_panel_set_title (panel, summit_stmt_column_text (stmt, 2));
  summit_panel_kind_from_string (summit_stmt_column_text (stmt, 3), &kind);
  summit_panel_set_kind (panel, kind);
  if (!summit_stmt_column_is_null (stmt, 4))
    summit_panel_set_start (panel, summit_stmt_column_int64 (stmt, 4));
  summit_panel_set_day (panel, summit_stmt_column_text (stmt, 5));
  summit_panel_set_duration (panel, summit_stmt_column_int (stmt, 6));
  summit_panel_set_room (panel, summit_stmt_column_text (stmt, 7));
  summit_panel_set_description (panel, summit_stmt_column_text (stmt, 8));
  summit_panel_set_edition_id (panel, summit_stmt_column_int64 (stmt, 9));
  summit_panel_set_end_confirmed (panel, summit_stmt_column_int (stmt, 10));
  summit_panel_set_room_confirmed (panel, summit_stmt_column_int (stmt, 11));
  summit_panel_set_version (panel, summit_stmt_column_int64 (stmt, 12));
  return panel;
}

static gboolean
load_members (SummitStore  *store,
              SummitPanel  *panel,
              GError      **error)
{
  SummitStmt *stmt;
  int rc;

  stmt = summit_store_prepare (store,
                               "SELECT m.person_id, m.role, p.uid, p.given_name, p.family_name,"
                               " p.native_name, p.city, p.timezone"
                               " FROM panel_member m JOIN person p ON p.id = m.person_id"
                               " WHERE m.panel_id = $1 ORDER BY m.position",
                               error);
  if (stmt == NULL)
    return FALSE;

  summit_stmt_bind_int64 (stmt, 1, summit_panel_get_id (panel));
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitPanelMember member = { 0 };
      g_autoptr(SummitPerson) person = summit_person_new ();
      g_autofree char *display_name = NULL;

      summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME,
                               summit_stmt_column_text (stmt, 3));
      summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME,
                               summit_stmt_column_text (stmt, 4));
      summit_person_set_field (person, SUMMIT_PERSON_NATIVE_NAME,
                               summit_stmt_column_text (stmt, 5));
      display_name = summit_person_dup_display_name (person);

      member.person_id = summit_stmt_column_int64 (stmt, 0);
      summit_role_from_string (summit_stmt_column_text (stmt, 1), &member.role);
      member.person_uid = (char *)summit_stmt_column_text (stmt, 2);
      member.display_name = display_name;
      member.city = (char *)summit_stmt_column_text (stmt, 6);
      member.timezone = (char *)summit_stmt_column_text (stmt, 7);
      summit_panel_append_member (panel, &member);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return FALSE;
  return TRUE;
}

static GPtrArray *
read_panels (SummitStore  *store,
             gint64        edition_id,
             GError      **error)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new_with_free_func (g_object_unref);
  SummitStmt *stmt;
  int rc;

  stmt = summit_store_prepare (store,
                               SUMMIT_SQL (store,
                               "SELECT " PANEL_COLUMNS " FROM panel WHERE edition_id = $1"
                               " ORDER BY coalesce (start_utc, " SUMMIT_SQL_DAY_END_SQLITE "), id",
                               "SELECT " PANEL_COLUMNS " FROM panel WHERE edition_id = $1"
                               " ORDER BY coalesce (start_utc, " SUMMIT_SQL_DAY_END_PG ") NULLS FIRST, id"),
                               error);
  if (stmt == NULL)
    return NULL;

  summit_stmt_bind_int64 (stmt, 1, edition_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (panels, panel_from_row (stmt));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;

  for (guint i = 0; i < panels->len; i++)
    if (!load_members (store, g_ptr_array_index (panels, i), error))
      return NULL;

  return g_steal_pointer (&panels);
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
  GPtrArray *panels;
  gboolean owned;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  /* The sessions and every lineup from one snapshot of the file. */
  if (!summit_store_begin_long_read (store, &owned, error))
    return NULL;
  panels = read_panels (store, edition_id, error);
  summit_store_end_long_read (store, owned);
  return panels;
}

/* Steps a statement that must change a row; @not_found (untranslated) is the
 * error if there was none to change. */
static gboolean
step_changing_some (SummitStore  *store,
                    SummitStmt   *stmt,
                    const char   *not_found,
                    GError      **error)
{
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  if (summit_store_changes (store) == 0)
    {
      g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND, _(not_found));
      return FALSE;
    }
  return TRUE;
}

/* Binds a session's title, kind, start, day, duration, room, description and
 * whether its end and room are confirmed to the nine parameters from @first on. */
static void
bind_panel_fields (SummitStmt *stmt,
                   int           first,
                   SummitPanel  *panel)
{
  gint64 start;

  summit_stmt_bind_text (stmt, first, summit_panel_get_title (panel));
  summit_stmt_bind_static_text (stmt, first + 1, summit_panel_kind_to_string (summit_panel_get_kind (panel)), -1);
  if (summit_panel_get_start (panel, &start))
    summit_stmt_bind_int64 (stmt, first + 2, start);
  if (summit_panel_get_day (panel))
    summit_stmt_bind_text (stmt, first + 3, summit_panel_get_day (panel));
  summit_stmt_bind_int (stmt, first + 4, summit_panel_get_duration (panel));
  summit_stmt_bind_text (stmt, first + 5, summit_panel_get_room (panel));
  summit_stmt_bind_text (stmt, first + 6, summit_panel_get_description (panel));
  summit_stmt_bind_int (stmt, first + 7, summit_panel_get_end_confirmed (panel));
  summit_stmt_bind_int (stmt, first + 8, summit_panel_get_room_confirmed (panel));
}

/* Writes the lineup of @panel, in the order of its members, where it has none. */
static gboolean
insert_lineup (SummitStore  *store,
               SummitPanel  *panel,
               GError      **error)
{
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "INSERT INTO panel_member (panel_id, person_id, role, position)"
                               " VALUES ($1, $2, $3, $4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);

      summit_stmt_reset (stmt);
      summit_stmt_bind_int64 (stmt, 1, summit_panel_get_id (panel));
      summit_stmt_bind_int64 (stmt, 2, member->person_id);
      summit_stmt_bind_static_text (stmt, 3, summit_role_to_string (member->role), -1);
      summit_stmt_bind_int (stmt, 4, i);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
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
  SummitStmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = summit_store_prepare (store,
                               "INSERT INTO panel (uid, edition_id, title, kind, start_utc, day,"
                               " duration_min, room, description, end_confirmed, room_confirmed)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;

  summit_stmt_bind_text (stmt, 1, summit_panel_get_uid (panel));
  summit_stmt_bind_int64 (stmt, 2, summit_panel_get_edition_id (panel));
  bind_panel_fields (stmt, 3, panel);
  if ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      id = summit_stmt_column_int64 (stmt, 0);
      rc = summit_stmt_step (stmt);
    }
  if (rc != SUMMIT_STEP_DONE)
    summit_store_set_error_from_db (store, rc, error);
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    return FALSE;
  summit_panel_set_id (panel, id);
  return insert_lineup (store, panel, error);
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

/* Re-creates a deleted session, its lineup whole or nothing. */
static gboolean
restore_panel_txn (SummitStore  *store,
                   gpointer      user_data,
                   GError      **error)
{
  SummitPanel *panel = user_data;
  SummitStmt *stmt;

  stmt = summit_store_prepare (store, "SELECT 1 FROM person WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);
      int rc;

      summit_stmt_reset (stmt);
      summit_stmt_bind_int64 (stmt, 1, member->person_id);
      rc = summit_stmt_step (stmt);
      summit_stmt_reset (stmt);
      if (rc == SUMMIT_STEP_DONE)
        {
          /* Translators: a person's name, then a session's title */
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                       _("Not undone: %s, in the lineup of “%s”, was deleted meanwhile"),
                       member->display_name, summit_panel_get_title (panel));
          return FALSE;
        }
      if (rc != SUMMIT_STEP_ROW)
        {
          summit_store_set_error_from_db (store, rc, error);
          return FALSE;
        }
    }
  return insert_panel_txn (store, panel, error);
}

/**
 * summit_store_restore_panel:
 * @deleted: a session as read before summit_store_delete_panel()
 *
 * Undoes the deletion of a session: stores it again with its lineup (under
 * a new id, which @deleted then carries), in one transaction. If someone
 * in its lineup has been deleted since, nothing is written and @error
 * (%SUMMIT_STORE_ERROR_NOT_FOUND) names them.
 */
gboolean
summit_store_restore_panel (SummitStore  *store,
                            SummitPanel  *deleted,
                            GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (deleted), FALSE);

  return summit_store_transaction (store, restore_panel_txn, deleted, error);
}

/**
 * summit_store_get_panel:
 *
 * Returns: (transfer full): the session @panel_id with its lineup, or %NULL
 *   with @error set (%SUMMIT_STORE_ERROR_NOT_FOUND if there is none)
 */
SummitPanel *
summit_store_get_panel (SummitStore  *store,
                        gint64        panel_id,
                        GError      **error)
{
  g_autoptr(SummitPanel) panel = NULL;
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store, "SELECT " PANEL_COLUMNS " FROM panel WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, panel_id);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    panel = panel_from_row (stmt);
  summit_stmt_reset (stmt);

  if (panel == NULL)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                   _("The session no longer exists; it may have been deleted"));
      return NULL;
    }
  if (!load_members (store, panel, error))
    return NULL;
  return g_steal_pointer (&panel);
}

typedef struct
{
  SummitPanel *panel;
  gboolean     lineup;    /* its lineup too, as a whole */
  gint64       version;   /* out: the version written */
} PanelSave;

static gboolean
update_panel_txn (SummitStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  PanelSave *save = user_data;
  SummitPanel *panel = save->panel;
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "UPDATE panel SET title = $2, kind = $3, start_utc = $4, day = $5,"
                               " duration_min = $6, room = $7, description = $8,"
                               " end_confirmed = $9, room_confirmed = $10, version = version + 1"
                               " WHERE id = $1 AND ($11 = 0 OR version = $11) RETURNING version",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, summit_panel_get_id (panel));
  bind_panel_fields (stmt, 2, panel);
  summit_stmt_bind_int64 (stmt, 11, summit_panel_get_version (panel));
  if (!summit_store_step_version (store, stmt, &save->version, error))
    return FALSE;
  if (save->version == 0)
    return summit_store_refuse_stale (store, "panel", summit_panel_get_id (panel),
                                      _("This session was changed by someone else since you opened it"),
                                      _("The session no longer exists; it may have been deleted"),
                                      error);
  if (!save->lineup)
    return TRUE;

  stmt = summit_store_prepare (store, "DELETE FROM panel_member WHERE panel_id = $1", error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, summit_panel_get_id (panel));
  return summit_store_step_done (store, stmt, error) && insert_lineup (store, panel, error);
}

static gboolean
save_panel (SummitStore  *store,
            SummitPanel  *panel,
            gboolean      lineup,
            GError      **error)
{
  PanelSave save = { panel, lineup, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), FALSE);

  if (!summit_store_transaction (store, update_panel_txn, &save, error))
    return FALSE;
  summit_panel_set_version (panel, save.version);
  return TRUE;
}

/**
 * summit_store_update_panel:
 *
 * Stores a session's title, kind, time, duration, room and description (not
 * its lineup), in one transaction, and raises its version. If @panel
 * carries a version (it was read from the store), only that version is
 * overwritten: if someone changed the session or its lineup since, nothing
 * is written and @error is %SUMMIT_STORE_ERROR_CONFLICT. On success @panel
 * carries the new version.
 */
gboolean
summit_store_update_panel (SummitStore  *store,
                           SummitPanel  *panel,
                           GError      **error)
{
  return save_panel (store, panel, FALSE, error);
}

/**
 * summit_store_update_panel_with_lineup:
 *
 * As summit_store_update_panel(), and replaces the session's lineup with
 * the members of @panel in their order, in the same transaction.
 */
gboolean
summit_store_update_panel_with_lineup (SummitStore  *store,
                                       SummitPanel  *panel,
                                       GError      **error)
{
  return save_panel (store, panel, TRUE, error);
}

/**
 * summit_store_undo_panel_edit:
 * @replaced: the session as it was before the save being undone
 * @saved: the session as that save wrote it, carrying the version it produced
 *
 * Undoes a session editor's save: puts back the fields of @replaced, and
 * its lineup if the save changed that, in one transaction, but only over
 * the version @saved carries. If someone changed the session (or its
 * lineup) since that save, nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT; if it was deleted since,
 * %SUMMIT_STORE_ERROR_NOT_FOUND; either message names the session.
 *
 * Returns: whether the save was undone
 */
gboolean
summit_store_undo_panel_edit (SummitStore  *store,
                              SummitPanel  *replaced,
                              SummitPanel  *saved,
                              GError      **error)
{
  g_autoptr(SummitPanel) back = NULL;
  g_autoptr(GError) local = NULL;
  gboolean lineup;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (replaced), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (saved), FALSE);
  g_return_val_if_fail (summit_panel_get_id (replaced) == summit_panel_get_id (saved), FALSE);
  /* 0 would write whatever is stored now */
  g_return_val_if_fail (summit_panel_get_version (saved) > 0, FALSE);

  back = summit_session_copy (replaced);
  summit_panel_set_version (back, summit_panel_get_version (saved));
  lineup = !summit_session_field_equal (replaced, saved, SUMMIT_SESSION_LINEUP);
  if (save_panel (store, back, lineup, &local))
    return TRUE;

  if (g_error_matches (local, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT,
                 _("Not undone: someone changed “%s” since you saved it"),
                 summit_panel_get_title (saved));
  else if (g_error_matches (local, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                 _("Not undone: someone deleted “%s” since you saved it"),
                 summit_panel_get_title (saved));
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

typedef struct
{
  gint64      panel_id;
  gint64      person_id;
  SummitRole  role;
  int         position;
  gint64      expected;   /* the session's version the caller saw; 0: unchecked */
  gint64      version;    /* out: the session's version written */
} MemberChange;

static gboolean
delete_panel_txn (SummitStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  MemberChange *change = user_data;
  SummitStmt *stmt;

  stmt = summit_store_prepare (store, "DELETE FROM panel WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, change->panel_id);
  return summit_store_step_done (store, stmt, error);
}

/**
 * summit_store_delete_panel:
 *
 * Deletes a session and its lineup (the people stay).
 */
gboolean
summit_store_delete_panel (SummitStore  *store,
                           gint64        panel_id,
                           GError      **error)
{
  MemberChange change = { panel_id, 0, 0, 0, 0, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  return summit_store_transaction (store, delete_panel_txn, &change, error);
}

/* A lineup change is a change of its session: raises the session's version,
 * first, so that it holds the session's row until the commit. If the caller
 * saw another version than the stored one, refuses with
 * %SUMMIT_STORE_ERROR_CONFLICT (or NOT_FOUND if the session is gone). */
static gboolean
bump_panel_version (SummitStore   *store,
                    MemberChange  *change,
                    GError       **error)
{
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "UPDATE panel SET version = version + 1"
                               " WHERE id = $1 AND ($2 = 0 OR version = $2) RETURNING version",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, change->panel_id);
  summit_stmt_bind_int64 (stmt, 2, change->expected);
  if (!summit_store_step_version (store, stmt, &change->version, error))
    return FALSE;
  if (change->version == 0)
    return summit_store_refuse_stale (store, "panel", change->panel_id,
                                      _("This session was changed by someone else since you opened it"),
                                      _("The session no longer exists; it may have been deleted"),
                                      error);
  return TRUE;
}

/* Runs @txn (which raises the session's version first) as one transaction;
 * returns the version written, or 0. */
static gint64
change_lineup (SummitStore      *store,
               SummitStoreFunc   txn,
               MemberChange     *change,
               GError          **error)
{
  if (!summit_store_transaction (store, txn, change, error))
    return 0;
  return change->version;
}

/* Positions 0..n-1 in the current order, so that moves have no gaps to skip. */
static GArray *
lineup_ids (SummitStore  *store,
            gint64        panel_id,
            GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SummitStmt *stmt;
  int rc;

  /* ties in the order they were added */
  stmt = summit_store_prepare (store, SUMMIT_SQL (store,
                               "SELECT person_id FROM panel_member WHERE panel_id = $1"
                               " ORDER BY position, rowid",
                               "SELECT person_id FROM panel_member WHERE panel_id = $1"
                               " ORDER BY position, ctid"),
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, panel_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      gint64 id = summit_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
write_positions (SummitStore  *store,
                 gint64        panel_id,
                 GArray       *ids,
                 GError      **error)
{
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "UPDATE panel_member SET position = $3"
                               " WHERE panel_id = $1 AND person_id = $2",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      summit_stmt_reset (stmt);
      summit_stmt_bind_int64 (stmt, 1, panel_id);
      summit_stmt_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      summit_stmt_bind_int (stmt, 3, (int)i);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_member_txn (SummitStore  *store,
                gpointer      user_data,
                GError      **error)
{
  MemberChange *change = user_data;
  g_autoptr(GArray) ids = NULL;
  SummitStmt *stmt;

  if (!bump_panel_version (store, change, error))
    return FALSE;
  if ((ids = lineup_ids (store, change->panel_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == change->person_id)
      {
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                     _("This person is already in the session’s lineup"));
        return FALSE;
      }

  stmt = summit_store_prepare (store,
                               "INSERT INTO panel_member (panel_id, person_id, role, position)"
                               " VALUES ($1, $2, $3, $4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, change->panel_id);
  summit_stmt_bind_int64 (stmt, 2, change->person_id);
  summit_stmt_bind_static_text (stmt, 3, summit_role_to_string (change->role), -1);
  summit_stmt_bind_int (stmt, 4, (int)ids->len);
  return summit_store_step_done (store, stmt, error);
}

/**
 * summit_store_add_panel_member:
 * @expected_version: the session's version the caller's lineup was read
 *   at, or 0 to change it whatever it is now (import and scripts)
 *
 * Adds @person_id at the end of the lineup of @panel_id, with @role, in one
 * transaction that raises the session's version.
 * If the session's version is no longer @expected_version, someone changed
 * it (or its lineup) since: nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT.
 *
 * Returns: the session's new version, or 0 with @error set
 */
gint64
summit_store_add_panel_member (SummitStore  *store,
                               gint64        panel_id,
                               gint64        person_id,
                               SummitRole    role,
                               gint64        expected_version,
                               GError      **error)
{
  MemberChange change = { panel_id, person_id, role, 0, expected_version, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), 0);
  g_return_val_if_fail (role < SUMMIT_N_ROLES, 0);
  return change_lineup (store, add_member_txn, &change, error);
}

static gboolean
remove_member_txn (SummitStore  *store,
                   gpointer      user_data,
                   GError      **error)
{
  MemberChange *change = user_data;
  g_autoptr(GArray) ids = NULL;
  SummitStmt *stmt;

  if (!bump_panel_version (store, change, error))
    return FALSE;
  stmt = summit_store_prepare (store,
                               "DELETE FROM panel_member WHERE panel_id = $1 AND person_id = $2",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, change->panel_id);
  summit_stmt_bind_int64 (stmt, 2, change->person_id);
  if (!step_changing_some (store, stmt, N_("This person is not in the session’s lineup"), error))
    return FALSE;
  if ((ids = lineup_ids (store, change->panel_id, error)) == NULL)
    return FALSE;
  return write_positions (store, change->panel_id, ids, error);
}

/**
 * summit_store_remove_panel_member:
 * @expected_version: the session's version the caller's lineup was read
 *   at, or 0 to change it whatever it is now (import and scripts)
 *
 * Takes @person_id out of the lineup of @panel_id; the others close up.
 * If the session's version is no longer @expected_version, someone changed
 * it (or its lineup) since: nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT.
 *
 * Returns: the session's new version, or 0 with @error set
 */
gint64
summit_store_remove_panel_member (SummitStore  *store,
                                  gint64        panel_id,
                                  gint64        person_id,
                                  gint64        expected_version,
                                  GError      **error)
{
  MemberChange change = { panel_id, person_id, 0, 0, expected_version, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), 0);
  return change_lineup (store, remove_member_txn, &change, error);
}

static gboolean
move_member_txn (SummitStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  MemberChange *change = user_data;
  g_autoptr(GArray) ids = NULL;
  guint from = G_MAXUINT;
  guint to;

  if (!bump_panel_version (store, change, error))
    return FALSE;
  if ((ids = lineup_ids (store, change->panel_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == change->person_id)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                   _("This person is not in the session’s lineup"));
      return FALSE;
    }
  to = (guint)CLAMP (change->position, 0, (int)ids->len - 1);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, to, change->person_id);
  return write_positions (store, change->panel_id, ids, error);
}

/**
 * summit_store_move_panel_member:
 * @position: the new place in the lineup, from 0; clamped to the lineup
 * @expected_version: the session's version the caller's lineup was read
 *   at, or 0 to change it whatever it is now (import and scripts)
 *
 * Moves @person_id within the lineup of @panel_id; the others shift.
 * If the session's version is no longer @expected_version, someone changed
 * it (or its lineup) since: nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT.
 *
 * Returns: the session's new version, or 0 with @error set
 */
gint64
summit_store_move_panel_member (SummitStore  *store,
                                gint64        panel_id,
                                gint64        person_id,
                                int           position,
                                gint64        expected_version,
                                GError      **error)
{
  MemberChange change = { panel_id, person_id, 0, position, expected_version, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), 0);
  return change_lineup (store, move_member_txn, &change, error);
}

static gboolean
set_role_txn (SummitStore  *store,
              gpointer      user_data,
              GError      **error)
{
  MemberChange *change = user_data;
  SummitStmt *stmt;

  if (!bump_panel_version (store, change, error))
    return FALSE;
  stmt = summit_store_prepare (store,
                               "UPDATE panel_member SET role = $3 WHERE panel_id = $1 AND person_id = $2",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, change->panel_id);
  summit_stmt_bind_int64 (stmt, 2, change->person_id);
  summit_stmt_bind_static_text (stmt, 3, summit_role_to_string (change->role), -1);
  return step_changing_some (store, stmt, N_("This person is not in the session’s lineup"),
                             error);
}

/**
 * summit_store_set_panel_member_role:
 * @expected_version: the session's version the caller's lineup was read
 *   at, or 0 to change it whatever it is now (import and scripts)
 *
 * Gives @person_id the role @role in the lineup of @panel_id.
 * If the session's version is no longer @expected_version, someone changed
 * it (or its lineup) since: nothing is written and @error is
 * %SUMMIT_STORE_ERROR_CONFLICT.
 *
 * Returns: the session's new version, or 0 with @error set
 */
gint64
summit_store_set_panel_member_role (SummitStore  *store,
                                    gint64        panel_id,
                                    gint64        person_id,
                                    SummitRole    role,
                                    gint64        expected_version,
                                    GError      **error)
{
  MemberChange change = { panel_id, person_id, role, 0, expected_version, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), 0);
  g_return_val_if_fail (role < SUMMIT_N_ROLES, 0);
  return change_lineup (store, set_role_txn, &change, error);
}

/**
 * summit_store_invitation_statuses:
 *
 * Returns: (transfer full): person id → status + 1, for summit_conflicts_find()
 */
GHashTable *
summit_store_invitation_statuses (SummitStore  *store,
                                  gint64        edition_id,
                                  GError      **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT person_id, status FROM invitation WHERE edition_id = $1",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitInvitationStatus status;

      if (summit_invitation_status_from_string (summit_stmt_column_text (stmt, 1), &status))
        g_hash_table_insert (statuses, g_memdup2 (&(gint64){ summit_stmt_column_int64 (stmt, 0) },
                                                  sizeof (gint64)),
                             GINT_TO_POINTER ((int)status + 1));
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&statuses);
}
