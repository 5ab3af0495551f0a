/* summit-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed queries for people and their invitations.
 */
#define G_LOG_DOMAIN "summit-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-people.h"

#define PERSON_COLUMNS \
  "id, uid, honorific, given_name, family_name, native_name, position, city, country," \
  " organisation, email, phone, timezone, notes, created, updated"

static SummitPerson *
person_from_row (sqlite3_stmt *stmt)
{
  SummitPerson *person = summit_person_new ();

  summit_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_person_set_field (person, i, (const char *)sqlite3_column_text (stmt, 1 + i));
  summit_person_set_times (person,
                           sqlite3_column_int64 (stmt, 1 + SUMMIT_PERSON_N_FIELDS),
                           sqlite3_column_int64 (stmt, 2 + SUMMIT_PERSON_N_FIELDS));
  return person;
}

/**
 * summit_store_list_people:
 *
 * Returns: (transfer full) (element-type SummitPerson): everyone, by family
 *   and given name, or %NULL with @error set
 */
GPtrArray *
summit_store_list_people (SummitStore  *store,
                          GError      **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " PERSON_COLUMNS " FROM person"
                               " ORDER BY family_name, given_name, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

/**
 * summit_store_lookup_person:
 *
 * Returns: the row id of the person with @uid, or 0 with @error set
 */
gint64
summit_store_lookup_person (SummitStore  *store,
                            const char   *uid,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = summit_store_prepare (store, "SELECT id FROM person WHERE uid = ?1", error);
  if (stmt == NULL)
    return 0;
  summit_stmt_bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                 _("No person with the identifier “%s”"), uid);
  return id;
}

static void
bind_person (sqlite3_stmt *stmt,
             SummitPerson *person)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_stmt_bind_text (stmt, 1 + i, summit_person_get_field (person, i));
  sqlite3_bind_int64 (stmt, 1 + SUMMIT_PERSON_N_FIELDS, summit_person_get_created (person));
  sqlite3_bind_int64 (stmt, 2 + SUMMIT_PERSON_N_FIELDS, summit_person_get_updated (person));
}

/**
 * summit_store_insert_person:
 *
 * Stores a new person, giving it a uid if it has none and the current time
 * as created/updated if unset, and sets its id.
 */
gboolean
summit_store_insert_person (SummitStore   *store,
                            SummitPerson  *person,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);

  if (*summit_person_get_uid (person) == '\0')
    {
      g_autofree char *uid = g_uuid_string_random ();
      summit_person_set_field (person, SUMMIT_PERSON_UID, uid);
    }
  if (summit_person_get_created (person) == 0)
    summit_person_set_times (person, now, now);

  stmt = summit_store_prepare (store,
                               "INSERT INTO person (uid, honorific, given_name, family_name,"
                               " native_name, position, city, country, organisation, email, phone,"
                               " timezone, notes, created, updated)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                               " ?14, ?15)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;

  summit_person_set_id (person, sqlite3_last_insert_rowid (summit_store_get_db (store)));
  return TRUE;
}

/**
 * summit_store_update_person:
 *
 * Writes every field of @person (found by its id) and stamps it updated now.
 */
gboolean
summit_store_update_person (SummitStore   *store,
                            SummitPerson  *person,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);

  summit_person_set_times (person, summit_person_get_created (person),
                           g_get_real_time () / G_USEC_PER_SEC);

  stmt = summit_store_prepare (store,
                               "UPDATE person SET uid = ?1, honorific = ?2, given_name = ?3,"
                               " family_name = ?4, native_name = ?5, position = ?6, city = ?7,"
                               " country = ?8, organisation = ?9, email = ?10, phone = ?11,"
                               " timezone = ?12, notes = ?13, created = ?14, updated = ?15"
                               " WHERE id = ?16",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 16, summit_person_get_id (person));
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (summit_store_get_db (store)) == 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                   _("This person no longer exists"));
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_get_invitation_status:
 *
 * Returns: %TRUE and sets @status if @person_id has an invitation to
 *   @edition_id; %FALSE without an error if there is none
 */
gboolean
summit_store_get_invitation_status (SummitStore             *store,
                                    gint64                   person_id,
                                    gint64                   edition_id,
                                    SummitInvitationStatus  *status,
                                    GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = summit_store_prepare (store,
                               "SELECT status FROM invitation WHERE person_id = ?1 AND edition_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, edition_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = summit_invitation_status_from_string ((const char *)sqlite3_column_text (stmt, 0),
                                                  status);
  sqlite3_reset (stmt);
  return found;
}

/**
 * summit_store_record_invitation:
 * @at: when it happened (Unix seconds), or 0 for now
 *
 * Moves @person_id's invitation to @edition_id to @status — creating it if
 * needed — and appends the change to its history. Runs in the caller's
 * transaction if there is one, otherwise in its own.
 */
typedef struct
{
  gint64                  person_id;
  gint64                  edition_id;
  SummitInvitationStatus  status;
  SummitChannel           channel;
  const char             *note;
  gint64                  at;
} RecordInvitation;

static gboolean
record_invitation_txn (SummitStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  RecordInvitation *r = user_data;
  SummitInvitationStatus old = SUMMIT_STATUS_DRAFT;
  gboolean had;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 invitation_id = 0;

  had = summit_store_get_invitation_status (store, r->person_id, r->edition_id, &old,
                                            &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (had && old == r->status)
    return TRUE;
  if (had && !summit_invitation_status_can_change (old, r->status))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("An invitation cannot go from “%s” to “%s”"),
                   summit_invitation_status_to_label (old),
                   summit_invitation_status_to_label (r->status));
      return FALSE;
    }

  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation (person_id, edition_id, status, updated)"
                               " VALUES (?1, ?2, ?3, ?4)"
                               " ON CONFLICT (person_id, edition_id)"
                               " DO UPDATE SET status = excluded.status, updated = excluded.updated"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->person_id);
  sqlite3_bind_int64 (stmt, 2, r->edition_id);
  sqlite3_bind_text (stmt, 3, summit_invitation_status_to_string (r->status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, r->at);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    invitation_id = sqlite3_column_int64 (stmt, 0);
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  if (invitation_id == 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FAILED,
                   _("The invitation could not be stored"));
      return FALSE;
    }

  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation_event (invitation_id, at, old_status,"
                               " new_status, channel, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invitation_id);
  sqlite3_bind_int64 (stmt, 2, r->at);
  if (had)
    sqlite3_bind_text (stmt, 3, summit_invitation_status_to_string (old), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, summit_invitation_status_to_string (r->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, summit_channel_to_string (r->channel), -1, SQLITE_STATIC);
  summit_stmt_bind_text (stmt, 6, r->note);
  return summit_store_step_done (store, stmt, error);
}

gboolean
summit_store_record_invitation (SummitStore             *store,
                                gint64                   person_id,
                                gint64                   edition_id,
                                SummitInvitationStatus   status,
                                SummitChannel            channel,
                                const char              *note,
                                gint64                   at,
                                GError                 **error)
{
  RecordInvitation r = { person_id, edition_id, status, channel, note, at };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (status < SUMMIT_N_STATUSES, FALSE);

  if (r.at == 0)
    r.at = g_get_real_time () / G_USEC_PER_SEC;

  return summit_store_transaction (store, record_invitation_txn, &r, error);
}
