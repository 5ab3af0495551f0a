/* summit-store-invitations.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The invitation and invitation_event tables: statuses, their append-only
 * history, and carrying invitations over to a new edition.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "summit-programme.h"
#include "summit-store-invitations.h"
#include "summit-store-people.h"
#include "summit-store-private.h"

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
  SummitStmt *stmt;
  gboolean found = FALSE;

  stmt = summit_store_prepare (store,
                               "SELECT status FROM invitation WHERE person_id = $1 AND edition_id = $2",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  summit_stmt_bind_int64 (stmt, 2, edition_id);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    found = summit_invitation_status_from_string (summit_stmt_column_text (stmt, 0),
                                                  status);
  summit_stmt_reset (stmt);
  return found;
}

/* What a change of status starts from: the status the person saw, or
 * SUMMIT_INVITATION_NONE, or (for callers that showed nobody anything)
 * whatever the invitation's status is now. */
#define SEEN_CURRENT (-2)

typedef struct
{
  gint64                  person_id;
  gint64                  edition_id;
  int                     seen;
  SummitInvitationStatus  status;
  SummitChannel           channel;
  const char             *note;
  gint64                  at;
} RecordInvitation;

static gboolean
append_event (SummitStore       *store,
              RecordInvitation  *r,
              gint64             invitation_id,
              int                old_status,
              GError           **error)
{
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation_event (invitation_id, at, old_status,"
                               " new_status, channel, note) VALUES ($1, $2, $3, $4, $5, $6)",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  summit_stmt_bind_int64 (stmt, 2, r->at);
  if (old_status >= 0)
    summit_stmt_bind_static_text (stmt, 3, summit_invitation_status_to_string (old_status), -1);
  else
    summit_stmt_bind_null (stmt, 3);
  summit_stmt_bind_static_text (stmt, 4, summit_invitation_status_to_string (r->status), -1);
  summit_stmt_bind_static_text (stmt, 5, summit_channel_to_string (r->channel), -1);
  summit_stmt_bind_text (stmt, 6, r->note);
  return summit_store_step_done (store, stmt, error);
}

/* The id of the invitation the statement changed (its only column), or 0. */
static gint64
step_returning_id (SummitStore  *store,
                   SummitStmt   *stmt,
                   GError      **error)
{
  gint64 id = 0;

  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    id = summit_stmt_column_int64 (stmt, 0);
  if (!summit_store_step_done (store, stmt, error))
    return -1;
  return id;
}

/* A reply in the status the invitation already has: only its channel and
 * note are news. Appended to the history under the status the invitation
 * has now, whoever changed it, so it never conflicts. */
static gboolean
append_note (SummitStore       *store,
             RecordInvitation  *r,
             GError           **error)
{
  SummitStmt *stmt;
  gint64 id = 0;
  SummitInvitationStatus current = r->status;

  if (r->channel == SUMMIT_CHANNEL_NONE && (r->note == NULL || *r->note == '\0'))
    return TRUE;

  /* Setting the status to itself holds the row until the commit, so that the
   * event follows any change being committed meanwhile. */
  stmt = summit_store_prepare (store,
                               "UPDATE invitation SET status = status"
                               " WHERE person_id = $1 AND edition_id = $2 RETURNING id, status",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, r->person_id);
  summit_stmt_bind_int64 (stmt, 2, r->edition_id);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    {
      id = summit_stmt_column_int64 (stmt, 0);
      summit_invitation_status_from_string (summit_stmt_column_text (stmt, 1), &current);
    }
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                   _("There is no such invitation any more"));
      return FALSE;
    }
  r->status = current;
  return append_event (store, r, id, current, error);
}

/* The invitation was not in the status @r started from: someone else
 * changed it meanwhile. Their change stands; ours is refused and says whose
 * and what, unless they made the very same move (then ours is a reply in
 * that status). */
static gboolean
changed_meanwhile (SummitStore       *store,
                   RecordInvitation  *r,
                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SummitPerson) person = NULL;
  g_autofree char *name = NULL;
  SummitInvitationStatus current;

  if (!summit_store_get_invitation_status (store, r->person_id, r->edition_id, &current,
                                           &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                     _("There is no such invitation any more"));
      return FALSE;
    }
  if (current == r->status)
    return append_note (store, r, error);

  person = summit_store_get_person (store, r->person_id, NULL);
  name = person ? summit_person_dup_display_name (person) : g_strdup ("?");
  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT,
               /* Translators: "Jane Doe was marked Declined by someone else a moment
                * ago; not changed to Confirmed": a name, then two statuses */
               _("%s was marked %s by someone else a moment ago; not changed to %s"),
               name, summit_invitation_status_to_label (current),
               summit_invitation_status_to_label (r->status));
  return FALSE;
}

static gboolean
record_invitation_txn (SummitStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  RecordInvitation *r = user_data;
  SummitStmt *stmt;
  gint64 invitation_id;
  int seen = r->seen;

  if (!summit_invitation_validate_event (summit_invitation_status_to_string (r->status),
                                         r->channel < SUMMIT_N_CHANNELS
                                         ? summit_channel_to_string (r->channel) : "?",
                                         r->note, error))
    return FALSE;

  if (seen == SEEN_CURRENT)
    {
      g_autoptr(GError) local_error = NULL;
      SummitInvitationStatus old;

      if (summit_store_get_invitation_status (store, r->person_id, r->edition_id, &old,
                                              &local_error))
        seen = old;
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        seen = SUMMIT_INVITATION_NONE;
      if (seen == (int)r->status)
        return TRUE;
    }

  if (seen == (int)r->status)
    return append_note (store, r, error);
  if (seen != SUMMIT_INVITATION_NONE && !summit_invitation_status_can_change (seen, r->status))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("An invitation cannot go from “%s” to “%s”"),
                   summit_invitation_status_to_label (seen),
                   summit_invitation_status_to_label (r->status));
      return FALSE;
    }

  /* Written only if the invitation is still as the person saw it. */
  if (seen == SUMMIT_INVITATION_NONE)
    stmt = summit_store_prepare (store,
                                 "INSERT INTO invitation (person_id, edition_id, status, updated)"
                                 " VALUES ($1, $2, $3, $4)"
                                 " ON CONFLICT (person_id, edition_id) DO NOTHING RETURNING id",
                                 error);
  else
    stmt = summit_store_prepare (store,
                                 "UPDATE invitation SET status = $3, updated = $4,"
                                 " version = version + 1"
                                 " WHERE person_id = $1 AND edition_id = $2 AND status = $5"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, r->person_id);
  summit_stmt_bind_int64 (stmt, 2, r->edition_id);
  summit_stmt_bind_static_text (stmt, 3, summit_invitation_status_to_string (r->status), -1);
  summit_stmt_bind_int64 (stmt, 4, r->at);
  if (seen != SUMMIT_INVITATION_NONE)
    summit_stmt_bind_static_text (stmt, 5, summit_invitation_status_to_string (seen), -1);
  invitation_id = step_returning_id (store, stmt, error);
  if (invitation_id < 0)
    return FALSE;
  if (invitation_id == 0)
    return changed_meanwhile (store, r, error);
  return append_event (store, r, invitation_id, seen, error);
}

static gboolean
record_one (SummitStore             *store,
            gint64                   person_id,
            gint64                   edition_id,
            int                      seen,
            SummitInvitationStatus   status,
            SummitChannel            channel,
            const char              *note,
            gint64                   at,
            GError                 **error)
{
  RecordInvitation r = { person_id, edition_id, seen, status, channel, note, at };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (status < SUMMIT_N_STATUSES, FALSE);

  if (r.at == 0)
    r.at = g_get_real_time () / G_USEC_PER_SEC;

  return summit_store_transaction (store, record_invitation_txn, &r, error);
}

/**
 * summit_store_change_invitation:
 * @seen: the status the person saw (a #SummitInvitationStatus), or
 *   %SUMMIT_INVITATION_NONE if they saw no invitation
 * @at: when it happened (Unix seconds), or 0 for now
 *
 * Moves @person_id's invitation to @edition_id from @seen to @status —
 * creating it if @seen is %SUMMIT_INVITATION_NONE — and appends the change
 * to its history. If someone else changed it meanwhile, nothing is written
 * and %SUMMIT_STORE_ERROR_CONFLICT says who is now in which status, unless
 * they moved it to @status too: then @channel and @note join the history
 * as a reply in that status. @status equal to @seen only adds @channel and
 * @note to the history (if any), and never conflicts. Runs in the caller's
 * transaction if there is one, otherwise in its own.
 */
gboolean
summit_store_change_invitation (SummitStore             *store,
                                gint64                   person_id,
                                gint64                   edition_id,
                                int                      seen,
                                SummitInvitationStatus   status,
                                SummitChannel            channel,
                                const char              *note,
                                gint64                   at,
                                GError                 **error)
{
  g_return_val_if_fail (seen >= SUMMIT_INVITATION_NONE && seen < SUMMIT_N_STATUSES, FALSE);
  return record_one (store, person_id, edition_id, seen, status, channel, note, at, error);
}

/**
 * summit_store_record_invitation:
 * @at: when it happened (Unix seconds), or 0 for now
 *
 * Moves @person_id's invitation to @edition_id to @status from whatever
 * status it has now — creating it if needed — and appends the change to its
 * history; nothing if it is at @status already. For imports and tools that
 * showed nobody a status; a person's change goes through
 * summit_store_change_invitation(). Runs in the caller's transaction if
 * there is one, otherwise in its own.
 */
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
  return record_one (store, person_id, edition_id, SEEN_CURRENT, status, channel, note, at,
                     error);
}

typedef struct
{
  const gint64 *person_ids;
  guint         n_ids;
  gint64        edition_id;
  gint64        at;
} UndoInvited;

static gboolean
undo_invited_txn (SummitStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  UndoInvited *u = user_data;
  /* Translators: a note in the invitation history */
  const char *note = _("Undone: the letter was not sent after all");

  for (guint i = 0; i < u->n_ids; i++)
    {
      RecordInvitation r = { u->person_ids[i], u->edition_id, SUMMIT_STATUS_INVITED,
                             SUMMIT_STATUS_DRAFT, SUMMIT_CHANNEL_LETTER, note, u->at };
      SummitStmt *stmt;
      gint64 id;

      /* Only those still invited: anything since is kept. The history
       * keeps both moves. */
      stmt = summit_store_prepare (store,
                                   "UPDATE invitation SET status = 'draft', updated = $3,"
                                   " version = version + 1"
                                   " WHERE person_id = $1 AND edition_id = $2 AND status = 'invited'"
                                   " RETURNING id",
                                   error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, u->person_ids[i]);
      summit_stmt_bind_int64 (stmt, 2, u->edition_id);
      summit_stmt_bind_int64 (stmt, 3, u->at);
      id = step_returning_id (store, stmt, error);
      if (id < 0)
        return FALSE;
      if (id > 0 && !append_event (store, &r, id, SUMMIT_STATUS_INVITED, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_undo_invited:
 *
 * Undoes marking @person_ids' drafts invited (letters prepared but not
 * sent): those still invited go back to draft, in one transaction, with
 * an event that says so. The workflow allows no such move otherwise.
 */
gboolean
summit_store_undo_invited (SummitStore   *store,
                           const gint64  *person_ids,
                           guint          n_ids,
                           gint64         edition_id,
                           GError       **error)
{
  UndoInvited u = { person_ids, n_ids, edition_id, g_get_real_time () / G_USEC_PER_SEC };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  return summit_store_transaction (store, undo_invited_txn, &u, error);
}

/* More invitation queries */

typedef struct
{
  const gint64            *ids;
  const int               *seen;   /* one for each of ids, or NULL: as they are now */
  guint                    n_ids;
  gint64                   edition_id;
  SummitInvitationStatus   status;
  SummitChannel            channel;
  const char              *note;
  gint64                   at;
} RecordMany;

static gboolean
record_many_txn (SummitStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  RecordMany *m = user_data;

  for (guint i = 0; i < m->n_ids; i++)
    {
      RecordInvitation r = { m->ids[i], m->edition_id, m->seen ? m->seen[i] : SEEN_CURRENT,
                             m->status, m->channel, m->note, m->at };

      if (r.seen == (int)r.status)
        continue;
      if (!record_invitation_txn (store, &r, error))
        {
          g_autoptr(GError) lookup_error = NULL;
          g_autoptr(SummitPerson) person = NULL;

          /* A conflict names the person already. */
          if (g_error_matches (*error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
            return FALSE;
          person = summit_store_get_person (store, m->ids[i], &lookup_error);
          if (person != NULL)
            {
              g_autofree char *name = summit_person_dup_display_name (person);
              /* Translators: %s is a person's name, then why the change was refused */
              g_prefix_error (error, _("%s: "), name);
            }
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
record_many (SummitStore             *store,
             RecordMany              *m,
             GError                 **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (m->status < SUMMIT_N_STATUSES, FALSE);

  if (m->at == 0)
    m->at = g_get_real_time () / G_USEC_PER_SEC;
  return summit_store_transaction (store, record_many_txn, m, error);
}

/**
 * summit_store_record_invitations:
 *
 * Moves the invitations of all @person_ids to @status in one transaction:
 * if any of them cannot make the move, none changes and @error names who.
 * People already at @status are left as they are. For imports and tools;
 * a person's change goes through summit_store_change_invitations().
 */
gboolean
summit_store_record_invitations (SummitStore             *store,
                                 const gint64            *person_ids,
                                 guint                    n_ids,
                                 gint64                   edition_id,
                                 SummitInvitationStatus   status,
                                 SummitChannel            channel,
                                 const char              *note,
                                 gint64                   at,
                                 GError                 **error)
{
  RecordMany m = { person_ids, NULL, n_ids, edition_id, status, channel, note, at };

  return record_many (store, &m, error);
}

/**
 * summit_store_change_invitations:
 * @seen: (array length=n_ids): the status each person was seen in, or
 *   %SUMMIT_INVITATION_NONE
 *
 * summit_store_change_invitation() for all @person_ids in one transaction:
 * if any of them cannot make the move, or was changed by someone else
 * meanwhile, none changes and @error names who. People seen at @status
 * are left as they are.
 */
gboolean
summit_store_change_invitations (SummitStore             *store,
                                 const gint64            *person_ids,
                                 const int               *seen,
                                 guint                    n_ids,
                                 gint64                   edition_id,
                                 SummitInvitationStatus   status,
                                 SummitChannel            channel,
                                 const char              *note,
                                 gint64                   at,
                                 GError                 **error)
{
  RecordMany m = { person_ids, seen, n_ids, edition_id, status, channel, note, at };

  g_return_val_if_fail (seen != NULL || n_ids == 0, FALSE);
  return record_many (store, &m, error);
}

/**
 * summit_store_count_statuses:
 * @counts: (out caller-allocates): how many invitations to @edition_id are
 *   at each status
 */
gboolean
summit_store_count_statuses (SummitStore  *store,
                             gint64        edition_id,
                             guint         counts[SUMMIT_N_STATUSES],
                             GError      **error)
{
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  memset (counts, 0, sizeof (guint) * SUMMIT_N_STATUSES);
  stmt = summit_store_prepare (store,
                               "SELECT status, count(*) FROM invitation WHERE edition_id = $1"
                               " GROUP BY status",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitInvitationStatus status;

      if (summit_invitation_status_from_string (summit_stmt_column_text (stmt, 0),
                                                &status))
        counts[status] = summit_stmt_column_int (stmt, 1);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return FALSE;
  return TRUE;
}

/**
 * summit_store_list_awaiting_reply:
 * @days: how long without an answer counts as awaiting
 * @now: the current time (Unix seconds), or 0 for now
 *
 * The people invited to @edition_id who have not answered for more than
 * @days days, oldest invitation first: the list staff chase every morning.
 *
 * Returns: (transfer full) (element-type SummitAwaitingReply): or %NULL
 *   with @error set
 */
GArray *
summit_store_list_awaiting_reply (SummitStore  *store,
                                  gint64        edition_id,
                                  int           days,
                                  gint64        now,
                                  GError      **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (SummitAwaitingReply));
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  stmt = summit_store_prepare (store,
                               "SELECT person_id, updated FROM invitation"
                               " WHERE edition_id = $1 AND status = 'invited' AND updated < $2"
                               " ORDER BY updated, person_id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, edition_id);
  summit_stmt_bind_int64 (stmt, 2, now - (gint64)days * 86400);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitAwaitingReply a = { summit_stmt_column_int64 (stmt, 0), summit_stmt_column_int64 (stmt, 1) };
      g_array_append_val (result, a);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

void
summit_invitation_event_free (SummitInvitationEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->note);
  g_free (event);
}

/**
 * summit_store_list_invitation_history:
 * @edition_id: one edition, or 0 for all of them
 *
 * Returns: (transfer full) (element-type SummitInvitationEvent): every
 *   change to @person_id's invitations, oldest first, or %NULL with @error set
 */
GPtrArray *
summit_store_list_invitation_history (SummitStore  *store,
                                      gint64        person_id,
                                      gint64        edition_id,
                                      GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify)summit_invitation_event_free);
  stmt = summit_store_prepare (store,
                               "SELECT e.id, ed.year, e.at, e.old_status, e.new_status, e.channel,"
                               " e.note FROM invitation_event e"
                               " JOIN invitation i ON i.id = e.invitation_id"
                               " JOIN edition ed ON ed.id = i.edition_id"
                               " WHERE i.person_id = $1 AND ($2 = 0 OR i.edition_id = $2)"
                               " ORDER BY e.at, e.id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  summit_stmt_bind_int64 (stmt, 2, edition_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitInvitationEvent *ev = g_new0 (SummitInvitationEvent, 1);

      ev->id = summit_stmt_column_int64 (stmt, 0);
      ev->year = summit_stmt_column_int (stmt, 1);
      ev->at = summit_stmt_column_int64 (stmt, 2);
      ev->has_old = summit_invitation_status_from_string (
          summit_stmt_column_text (stmt, 3), &ev->old_status);
      summit_invitation_status_from_string (summit_stmt_column_text (stmt, 4),
                                            &ev->new_status);
      summit_channel_from_string (summit_stmt_column_text (stmt, 5), &ev->channel);
      ev->note = g_strdup (summit_stmt_column_text (stmt, 6));
      if (ev->note == NULL)
        ev->note = g_strdup ("");
      g_ptr_array_add (events, ev);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&events);
}

/* Editions */

typedef struct
{
  SummitEdition *edition;
  gboolean       carry_over;
  guint          n_carried;
} CreateEdition;

static gboolean
create_edition_txn (SummitStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  CreateEdition *c = user_data;
  SummitStmt *stmt;
  gint64 previous_id = 0;
  int previous_year = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *note = NULL;

  stmt = summit_store_prepare (store, "SELECT 1 FROM edition WHERE year = $1", error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int (stmt, 1, summit_edition_get_year (c->edition));
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    {
      summit_stmt_reset (stmt);
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONSTRAINT,
                   _("There is already a %d edition"), summit_edition_get_year (c->edition));
      return FALSE;
    }
  summit_stmt_reset (stmt);

  if (!summit_store_put_edition (store, c->edition, error))
    return FALSE;
  if (!c->carry_over)
    return TRUE;

  stmt = summit_store_prepare (store,
                               "SELECT id, year FROM edition WHERE year < $1"
                               " ORDER BY year DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int (stmt, 1, summit_edition_get_year (c->edition));
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    {
      previous_id = summit_stmt_column_int64 (stmt, 0);
      previous_year = summit_stmt_column_int (stmt, 1);
    }
  summit_stmt_reset (stmt);
  if (previous_id == 0)
    return TRUE;

  /* Everyone invited last time, whatever they answered — except those whose
   * invitation was cancelled or never sent — starts this year as a draft. */
  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation (person_id, edition_id, status, updated)"
                               " SELECT person_id, $1, 'draft', $3 FROM invitation"
                               " WHERE edition_id = $2 AND status NOT IN ('draft', 'cancelled')",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, summit_edition_get_id (c->edition));
  summit_stmt_bind_int64 (stmt, 2, previous_id);
  summit_stmt_bind_int64 (stmt, 3, now);
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;
  c->n_carried = summit_store_changes (store);

  /* Translators: a note in the invitation history; %d is a year */
  note = g_strdup_printf (_("Carried over from %d"), previous_year);
  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation_event (invitation_id, at, old_status,"
                               " new_status, channel, note)"
                               " SELECT id, $2, NULL, 'draft', '', $3 FROM invitation"
                               " WHERE edition_id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, summit_edition_get_id (c->edition));
  summit_stmt_bind_int64 (stmt, 2, now);
  summit_stmt_bind_static_text (stmt, 3, note, -1);
  return summit_store_step_done (store, stmt, error);
}

/**
 * summit_store_create_edition:
 * @carry_over: start everyone invited to the previous edition off as a draft
 * @n_carried: (out) (optional): how many were carried over
 *
 * Creates a new edition (refusing a year that exists), in one transaction.
 */
gboolean
summit_store_create_edition (SummitStore    *store,
                             SummitEdition  *edition,
                             gboolean        carry_over,
                             guint          *n_carried,
                             GError        **error)
{
  CreateEdition c = { edition, carry_over, 0 };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);

  if (!summit_store_transaction (store, create_edition_txn, &c, error))
    return FALSE;
  if (n_carried)
    *n_carried = c.n_carried;
  return TRUE;
}

