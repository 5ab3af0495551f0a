/* summit-store-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merges an import does, record by record, inside the importer's
 * transaction: add what is new, update what differs, count what did not
 * change, so that importing a file twice changes nothing.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-invitation.h"
#include "summit-programme.h"
#include "summit-store-import.h"
#include "summit-store-private.h"

/* One statement for the common case, a new person… */
static const char insert_person_sql[] =
  "INSERT INTO person (uid, honorific, given_name, family_name,"
  " native_name, position, city, country, organisation, email, phone,"
  " timezone, notes, position_kind, letter_language, created, updated)"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
  " $14, $15, $16, $17) ON CONFLICT (uid) DO NOTHING RETURNING id";

/* … and one for someone already there. */
static const char update_person_sql[] =
  "UPDATE person SET honorific = $2, given_name = $3,"
  " family_name = $4, native_name = $5, position = $6, city = $7,"
  " country = $8, organisation = $9, email = $10, phone = $11,"
  " timezone = $12, notes = $13, position_kind = $14, letter_language = $15,"
  " updated = $16, version = version + 1"
  " WHERE uid = $1 AND (honorific, given_name, family_name,"
  " native_name, position, city, country, organisation, email,"
  " phone, timezone, notes, position_kind, letter_language) IS DISTINCT FROM ($2, $3, $4,"
  " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

/* On a server, one statement does both, so that a row needs no answer
 * before the next is sent: it returns whether it added the person, and no
 * row if nothing differed. */
static const char upsert_person_sql[] =
  "INSERT INTO person (uid, honorific, given_name, family_name,"
  " native_name, position, city, country, organisation, email, phone,"
  " timezone, notes, position_kind, letter_language, created, updated)"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
  " $14, $15, $16, $17) ON CONFLICT (uid) DO UPDATE SET honorific = excluded.honorific,"
  " given_name = excluded.given_name, family_name = excluded.family_name,"
  " native_name = excluded.native_name, position = excluded.position, city = excluded.city,"
  " country = excluded.country, organisation = excluded.organisation, email = excluded.email,"
  " phone = excluded.phone, timezone = excluded.timezone, notes = excluded.notes,"
  " position_kind = excluded.position_kind, letter_language = excluded.letter_language,"
  " updated = excluded.updated, version = person.version + 1"
  " WHERE (person.honorific, person.given_name, person.family_name, person.native_name,"
  " person.position, person.city, person.country, person.organisation, person.email,"
  " person.phone, person.timezone, person.notes, person.position_kind, person.letter_language)"
  " IS DISTINCT FROM (excluded.honorific, excluded.given_name, excluded.family_name,"
  " excluded.native_name, excluded.position, excluded.city, excluded.country,"
  " excluded.organisation, excluded.email, excluded.phone, excluded.timezone, excluded.notes,"
  " excluded.position_kind, excluded.letter_language)"
  " RETURNING xmax = 0";

struct _SummitPersonMerge
{
  SummitStore *store;
  SummitStmt  *insert;   /* on a server: the upsert */
  SummitStmt  *update;   /* on a file */

  /* rows queued on a server, whose results are still to come */
  GPtrArray   *tags;
  guint        n_done;
  SummitImportCounts *counts;
  gconstpointer failed;   /* the tag of the row whose merge failed */
};

static void
bind_person_fields (SummitStmt                 *stmt,
                    const SummitPersonMergeRow *row)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_stmt_bind_static_text (stmt, 1 + i, row->fields[i], row->lengths ? row->lengths[i] : -1);
}

/* Merges @row with the statements of @merge, which hold every parameter
 * they use on each call (so none is cleared). Returns the row's id, or 0
 * with @error set. */
static gint64
merge_person_fields (SummitPersonMerge          *merge,
                     const SummitPersonMergeRow *row,
                     SummitImportCounts         *counts,
                     GError                    **error)
{
  SummitStore *store = merge->store;
  SummitStmt *update;
  int rc;

  bind_person_fields (merge->insert, row);
  summit_stmt_bind_int64 (merge->insert, 16, row->created);
  summit_stmt_bind_int64 (merge->insert, 17, row->updated);
  rc = summit_stmt_step (merge->insert);
  if (rc == SUMMIT_STEP_ROW)
    {
      gint64 id = summit_stmt_column_int64 (merge->insert, 0);

      summit_stmt_reset (merge->insert);
      counts->added++;
      return id;
    }
  if (!summit_store_end_rows (store, merge->insert, rc, error))
    return 0;

  update = merge->update;
  bind_person_fields (update, row);
  summit_stmt_bind_int64 (update, 16, row->updated);
  if (!summit_store_step_done (store, update, error))
    return 0;
  if (summit_store_changes (store) > 0)
    counts->updated++;
  else
    counts->unchanged++;
  return -1;   /* not 0: no error; the id is not needed */
}

/**
 * summit_store_person_merge_new:
 *
 * Prepares the statements of a merge of many people (see
 * summit_store_person_merge_add()), for an import inside its transaction.
 * They belong to the merge, so that another thread may step them while the
 * store is otherwise unused.
 *
 * Returns: (transfer full): the merge, or %NULL with @error set
 */
SummitPersonMerge *
summit_store_person_merge_new (SummitStore  *store,
                               GError      **error)
{
  g_autoptr(SummitPersonMerge) merge = g_new0 (SummitPersonMerge, 1);

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  merge->store = store;
  merge->tags = g_ptr_array_new ();
  if (summit_store_is_server (store))
    {
      if ((merge->insert = summit_store_prepare_owned (store, upsert_person_sql, error)) == NULL)
        return NULL;
      return g_steal_pointer (&merge);
    }
  if ((merge->insert = summit_store_prepare_owned (store, insert_person_sql, error)) == NULL ||
      (merge->update = summit_store_prepare_owned (store, update_person_sql, error)) == NULL)
    return NULL;
  return g_steal_pointer (&merge);
}

/* The result of a queued upsert: added, updated, or no row if unchanged. */
static gboolean
person_merged_cb (SummitStore  *store,
                  SummitStmt   *stmt,
                  int           rc,
                  gpointer      user_data,
                  GError      **error)
{
  SummitPersonMerge *merge = user_data;
  gconstpointer tag = g_ptr_array_index (merge->tags, merge->n_done);

  if (++merge->n_done == merge->tags->len)
    {
      g_ptr_array_set_size (merge->tags, 0);
      merge->n_done = 0;
    }
  if (rc == SUMMIT_STEP_ROW && summit_stmt_column_int (stmt, 0))
    merge->counts->added++;
  else if (rc == SUMMIT_STEP_ROW)
    merge->counts->updated++;
  else if (rc == SUMMIT_STEP_DONE)
    merge->counts->unchanged++;
  else
    {
      merge->failed = tag;
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_person_merge_add:
 * @row: the person, checked already
 * @counts: (inout): gains one added, updated or unchanged; the same for
 *   every row of @merge
 *
 * Adds the person of @row, or — if someone with the same uid exists —
 * writes the fields that differ (stamping the person updated at
 * @row->updated), or leaves them alone. On a server the row is queued
 * (summit_store_queue()): its counts, or its failure, may come with a
 * later row or summit_store_person_merge_flush(); after a failure,
 * summit_store_person_merge_get_failed() says whose it was.
 */
gboolean
summit_store_person_merge_add (SummitPersonMerge          *merge,
                               const SummitPersonMergeRow *row,
                               SummitImportCounts         *counts,
                               GError                    **error)
{
  if (!summit_store_is_server (merge->store))
    {
      if (merge_person_fields (merge, row, counts, error) != 0)
        return TRUE;
      merge->failed = row->tag;
      return FALSE;
    }
  merge->counts = counts;
  bind_person_fields (merge->insert, row);
  summit_stmt_bind_int64 (merge->insert, 16, row->created);
  summit_stmt_bind_int64 (merge->insert, 17, row->updated);
  g_ptr_array_add (merge->tags, (gpointer)row->tag);
  return summit_store_queue (merge->store, merge->insert, person_merged_cb, merge, error);
}

/**
 * summit_store_person_merge_flush:
 *
 * Waits for the rows queued so far (see summit_store_person_merge_add()).
 */
gboolean
summit_store_person_merge_flush (SummitPersonMerge  *merge,
                                 GError            **error)
{
  return summit_store_flush_queue (merge->store, error);
}

/**
 * summit_store_person_merge_get_failed:
 *
 * Returns: the tag of the row whose merge failed, or %NULL
 */
gconstpointer
summit_store_person_merge_get_failed (SummitPersonMerge *merge)
{
  return merge->failed;
}

/* The row that merges @person, giving it its times and a uid if it has none. */
static void
person_merge_row (SummitPerson         *person,
                  SummitPersonMergeRow *row)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 created = summit_person_get_created (person);
  gint64 updated = summit_person_get_updated (person);

  if (created == 0)
    created = now;
  if (updated == 0)
    updated = MAX (created, now);
  summit_person_set_times (person, created, updated);

  if (*summit_person_get_uid (person) == '\0')
    {
      g_autofree char *uid = g_uuid_string_random ();
      summit_person_set_field (person, SUMMIT_PERSON_UID, uid);
    }

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    row->fields[i] = summit_person_get_field (person, i);
  row->created = created;
  row->updated = updated;
}

/**
 * summit_store_person_merge_add_person:
 * @person: a person; created/updated of 0 mean now, an empty uid a new one
 * @tag: given back by summit_store_person_merge_get_failed() should this
 *   person's merge fail
 *
 * summit_store_person_merge_add() for @person.
 */
gboolean
summit_store_person_merge_add_person (SummitPersonMerge   *merge,
                                      SummitPerson        *person,
                                      gconstpointer        tag,
                                      SummitImportCounts  *counts,
                                      GError             **error)
{
  SummitPersonMergeRow row = { { NULL } };

  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);

  person_merge_row (person, &row);
  row.tag = tag;
  return summit_store_person_merge_add (merge, &row, counts, error);
}

void
summit_store_person_merge_free (SummitPersonMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_pointer (&merge->insert, summit_stmt_free);
  g_clear_pointer (&merge->update, summit_stmt_free);
  g_clear_pointer (&merge->tags, g_ptr_array_unref);
  g_free (merge);
}

/**
 * summit_import_report_to_string:
 *
 * Returns: (transfer full): one sentence a person reads, such as
 *   "3 added, 1 updated, 12 unchanged"
 */
char *
summit_import_report_to_string (const SummitImportReport *report)
{
  guint added = 0, updated = 0, unchanged = 0;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < SUMMIT_IMPORT_N_KINDS; i++)
    {
      added += report->counts[i].added;
      updated += report->counts[i].updated;
      unchanged += report->counts[i].unchanged;
    }
  /* Translators: records added by an import, in "3 added, 1 updated, 12 unchanged" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", added), added);
  /* Translators: appended to "3 added": ", 1 updated" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u updated", ", %u updated", updated),
                          updated);
  /* Translators: appended to "3 added, 1 updated": ", 12 unchanged" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u unchanged", ", %u unchanged",
                                             unchanged), unchanged);
  if (report->skipped > 0)
    /* Translators: appended to "N added, N updated, N unchanged" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u invalid row skipped",
                                               ", %u invalid rows skipped", report->skipped),
                            report->skipped);
  return g_string_free (text, FALSE);
}

static void
count_change (SummitImportCounts *counts,
              SummitMergeChange   change)
{
  switch (change)
    {
    case SUMMIT_MERGE_UNCHANGED: counts->unchanged++; break;
    case SUMMIT_MERGE_ADDED: counts->added++; break;
    case SUMMIT_MERGE_UPDATED: counts->updated++; break;
    default: g_assert_not_reached ();
    }
}

/* Compares @e with the edition of the same year in the database, and gives
 * @e the row's id when nothing differs. */
static gboolean
classify_edition (SummitStore        *store,
                  SummitEdition      *e,
                  SummitMergeChange  *change,
                  GError            **error)
{
  SummitStmt *stmt;

  stmt = summit_store_prepare (store,
                               "SELECT id, (theme, host_city, host_country, timezone, format,"
                               " start_date, end_date) IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8)"
                               " FROM edition WHERE year = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  *change = SUMMIT_MERGE_ADDED;
  summit_stmt_bind_int (stmt, 1, summit_edition_get_year (e));
  summit_stmt_bind_text (stmt, 2, summit_edition_get_theme (e));
  summit_stmt_bind_text (stmt, 3, summit_edition_get_host_city (e));
  summit_stmt_bind_text (stmt, 4, summit_edition_get_host_country (e));
  summit_stmt_bind_text (stmt, 5, summit_edition_get_timezone (e));
  summit_stmt_bind_static_text (stmt, 6, summit_edition_format_to_string (summit_edition_get_format (e)), -1);
  if (summit_edition_get_start_date (e))
    summit_stmt_bind_nullable_text (stmt, 7, summit_edition_get_start_date (e));
  if (summit_edition_get_end_date (e))
    summit_stmt_bind_nullable_text (stmt, 8, summit_edition_get_end_date (e));
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    {
      if (summit_stmt_column_int (stmt, 1))
        {
          summit_edition_set_id (e, summit_stmt_column_int64 (stmt, 0));
          *change = SUMMIT_MERGE_UNCHANGED;
        }
      else
        *change = SUMMIT_MERGE_UPDATED;
    }
  summit_stmt_reset (stmt);
  return TRUE;
}

/**
 * summit_store_merge_edition:
 * @counts: (inout): gains one added, updated or unchanged
 *
 * Adds @edition, or replaces the edition of the same year if it differs.
 * Either way @edition gets the row's id.
 */
gboolean
summit_store_merge_edition (SummitStore         *store,
                            SummitEdition       *edition,
                            SummitImportCounts  *counts,
                            GError             **error)
{
  SummitMergeChange change;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);

  if (!classify_edition (store, edition, &change, error))
    return FALSE;
  count_change (counts, change);
  if (change == SUMMIT_MERGE_UNCHANGED)
    return TRUE;
  return summit_store_put_edition (store, edition, error);
}

static gboolean
invitation_classified_cb (SummitStore  *store,
                          SummitStmt   *stmt,
                          int           rc,
                          gpointer      user_data,
                          GError      **error)
{
  SummitMergeChange *change = user_data;

  if (rc == SUMMIT_STEP_ROW)
    *change = summit_stmt_column_int (stmt, 0) ? SUMMIT_MERGE_UNCHANGED : SUMMIT_MERGE_UPDATED;
  return rc == SUMMIT_STEP_ROW || rc == SUMMIT_STEP_DONE;
}

/**
 * summit_store_merge_invitation:
 * @updated: the time of last change of a new invitation
 * @change: (out): whether the invitation is new, or its status changed
 * @invitation_id: (out): the invitation's id
 *
 * Adds the invitation of @person_id to @edition_id, or gives the one there
 * @status. Its history is merged with summit_store_merge_invitation_event().
 */
gboolean
summit_store_merge_invitation (SummitStore        *store,
                               gint64              person_id,
                               gint64              edition_id,
                               const char         *status,
                               gint64              updated,
                               SummitMergeChange  *change,
                               gint64             *invitation_id,
                               GError            **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT status = $3 FROM invitation"
                               " WHERE person_id = $1 AND edition_id = $2",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  summit_stmt_bind_int64 (stmt, 2, edition_id);
  summit_stmt_bind_text (stmt, 3, status);
  /* read with the write below, in the same round trip on a server */
  *change = SUMMIT_MERGE_ADDED;
  if (!summit_store_queue (store, stmt, invitation_classified_cb, change, error))
    return FALSE;

  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation (person_id, edition_id, status, updated)"
                               " VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, edition_id)"
                               " DO UPDATE SET status = excluded.status RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  summit_stmt_bind_int64 (stmt, 2, edition_id);
  summit_stmt_bind_text (stmt, 3, status);
  summit_stmt_bind_int64 (stmt, 4, updated);
  return summit_store_step_id (store, stmt, invitation_id, error);
}

static gboolean
event_merged_cb (SummitStore  *store,
                 SummitStmt   *stmt,
                 int           rc,
                 gpointer      user_data,
                 GError      **error)
{
  SummitMergeChange *change = user_data;

  if (rc != SUMMIT_STEP_ROW && rc != SUMMIT_STEP_DONE)
    return FALSE;
  if (summit_store_changes (store) > 0 && *change == SUMMIT_MERGE_UNCHANGED)
    *change = SUMMIT_MERGE_UPDATED;
  return TRUE;
}

/**
 * summit_store_merge_invitation_event:
 * @from: (nullable): the status before, %NULL for the first event
 * @change: (inout): the invitation's; if it was unchanged, it becomes
 *   updated when the event is new. On a server the event is queued, and
 *   @change set by summit_store_touch_invitation() at the latest.
 *
 * Adds an event to an invitation's history, unless the same change at the
 * same time is there already, so that importing a file twice changes
 * nothing.
 */
gboolean
summit_store_merge_invitation_event (SummitStore        *store,
                                     gint64              invitation_id,
                                     gint64              at,
                                     const char         *from,
                                     const char         *to,
                                     const char         *channel,
                                     const char         *note,
                                     SummitMergeChange  *change,
                                     GError            **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "INSERT INTO invitation_event (invitation_id, at, old_status,"
                               " new_status, channel, note)"
                               " SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS ("
                               "  SELECT 1 FROM invitation_event WHERE invitation_id = $1"
                               "  AND at = $2 AND old_status IS NOT DISTINCT FROM $3 AND new_status = $4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  summit_stmt_bind_int64 (stmt, 2, at);
  if (from)
    summit_stmt_bind_text (stmt, 3, from);
  summit_stmt_bind_text (stmt, 4, to);
  summit_stmt_bind_text (stmt, 5, channel);
  summit_stmt_bind_text (stmt, 6, note);
  return summit_store_queue (store, stmt, event_merged_cb, change, error);
}

/**
 * summit_store_invitation_has_events:
 * @has_events: (out): whether the invitation has any history
 */
gboolean
summit_store_invitation_has_events (SummitStore  *store,
                                    gint64        invitation_id,
                                    gboolean     *has_events,
                                    GError      **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store, "SELECT 1 FROM invitation_event WHERE invitation_id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  *has_events = summit_stmt_step (stmt) == SUMMIT_STEP_ROW;
  summit_stmt_reset (stmt);
  return TRUE;
}

/**
 * summit_store_touch_invitation:
 *
 * Gives an invitation the time of its latest event as its time of last
 * change, after the events queued for it.
 */
gboolean
summit_store_touch_invitation (SummitStore  *store,
                               gint64        invitation_id,
                               GError      **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "UPDATE invitation SET updated = (SELECT max (at) FROM"
                               " invitation_event WHERE invitation_id = $1) WHERE id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  return summit_store_step_done (store, stmt, error);
}

/* The lineup of a session as "person-id:role,…", in order. */
static char *
lineup_signature (SummitPanel *panel)
{
  GString *sig = g_string_new (NULL);

  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *m = summit_panel_get_member (panel, i);
      g_string_append_printf (sig, "%s%" G_GINT64_FORMAT ":%s", i ? "," : "", m->person_id,
                              summit_role_to_string (m->role));
    }
  return g_string_free (sig, FALSE);
}

static gboolean
classify_session (SummitStore        *store,
                  SummitPanel        *p,
                  SummitMergeChange  *change,
                  GError            **error)
{
  g_autofree char *lineup = lineup_signature (p);
  SummitStmt *stmt;
  gint64 start;

  stmt = summit_store_prepare (store, SUMMIT_SQL (store,
                               "SELECT (edition_id, title, kind, start_utc, day, duration_min, room,"
                               " description, end_confirmed, room_confirmed)"
                               " IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8, $9, $11, $12)"
                               " AND coalesce ((SELECT group_concat (person_id || ':' || role, ',')"
                               "  FROM (SELECT person_id, role FROM panel_member"
                               "   WHERE panel_id = panel.id ORDER BY position)), '') = $10"
                               " FROM panel WHERE uid = $1",
                               "SELECT (edition_id, title, kind, start_utc, day, duration_min, room,"
                               " description, end_confirmed, room_confirmed)"
                               " IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8, $9, $11, $12)"
                               " AND coalesce ((SELECT string_agg (person_id || ':' || role, ','"
                               "  ORDER BY position) FROM panel_member"
                               "   WHERE panel_id = panel.id), '') = $10"
                               " FROM panel WHERE uid = $1"),
                               error);
  if (stmt == NULL)
    return FALSE;
  *change = SUMMIT_MERGE_ADDED;
  summit_stmt_bind_text (stmt, 1, summit_panel_get_uid (p));
  summit_stmt_bind_int64 (stmt, 2, summit_panel_get_edition_id (p));
  summit_stmt_bind_text (stmt, 3, summit_panel_get_title (p));
  summit_stmt_bind_static_text (stmt, 4, summit_panel_kind_to_string (summit_panel_get_kind (p)), -1);
  if (summit_panel_get_start (p, &start))
    summit_stmt_bind_int64 (stmt, 5, start);
  if (summit_panel_get_day (p))
    summit_stmt_bind_text (stmt, 6, summit_panel_get_day (p));
  summit_stmt_bind_int (stmt, 7, summit_panel_get_duration (p));
  summit_stmt_bind_text (stmt, 8, summit_panel_get_room (p));
  summit_stmt_bind_text (stmt, 9, summit_panel_get_description (p));
  summit_stmt_bind_text (stmt, 10, lineup);
  summit_stmt_bind_int (stmt, 11, summit_panel_get_end_confirmed (p));
  summit_stmt_bind_int (stmt, 12, summit_panel_get_room_confirmed (p));
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    *change = summit_stmt_column_int (stmt, 0) ? SUMMIT_MERGE_UNCHANGED : SUMMIT_MERGE_UPDATED;
  summit_stmt_reset (stmt);
  return TRUE;
}

/**
 * summit_store_merge_panel:
 * @panel: a session with a uid, validated, with its lineup
 * @counts: (inout): gains one added, updated or unchanged
 *
 * Adds @panel, or — if a session with the same uid differs at all —
 * replaces it as a whole.
 */
gboolean
summit_store_merge_panel (SummitStore         *store,
                          SummitPanel         *panel,
                          SummitImportCounts  *counts,
                          GError             **error)
{
  SummitMergeChange change;
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), FALSE);

  if (!classify_session (store, panel, &change, error))
    return FALSE;
  count_change (counts, change);
  if (change == SUMMIT_MERGE_UNCHANGED)
    return TRUE;

  stmt = summit_store_prepare (store, "DELETE FROM panel WHERE uid = $1", error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_text (stmt, 1, summit_panel_get_uid (panel));
  return summit_store_step_done (store, stmt, error) &&
         summit_store_insert_panel (store, panel, error);
}

/**
 * summit_store_merge_year_statistic:
 * @statistic: a year's figures; a count below 0 is not given
 * @counts: (inout): gains one added, updated or unchanged
 *
 * Adds the figures of a year, or replaces those there if they differ.
 */
gboolean
summit_store_merge_year_statistic (SummitStore          *store,
                                   SummitYearStatistic  *stat,
                                   SummitImportCounts   *counts,
                                   GError              **error)
{
  SummitFigureKind figure = summit_year_statistic_get_kind (stat);
  SummitMergeChange change;
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  stmt = summit_store_prepare (store,
                               "SELECT (kind, overseas_mayors, lower_bound, domestic_mayors,"
                               " countries, source) IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7)"
                               " FROM year_statistic WHERE year = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int (stmt, 1, summit_year_statistic_get_year (stat));
  summit_stmt_bind_static_text (stmt, 2, summit_figure_kind_to_string (figure), -1);
  if (figure != SUMMIT_FIGURE_MISSING)
    summit_stmt_bind_int (stmt, 3, summit_year_statistic_get_overseas (stat));
  summit_stmt_bind_int (stmt, 4, figure == SUMMIT_FIGURE_ESTIMATE &&
                             summit_year_statistic_get_lower_bound (stat));
  if (summit_year_statistic_get_domestic (stat) >= 0)
    summit_stmt_bind_int (stmt, 5, summit_year_statistic_get_domestic (stat));
  if (summit_year_statistic_get_countries (stat) >= 0)
    summit_stmt_bind_int (stmt, 6, summit_year_statistic_get_countries (stat));
  summit_stmt_bind_text (stmt, 7, summit_year_statistic_get_source (stat));
  change = SUMMIT_MERGE_ADDED;
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    change = summit_stmt_column_int (stmt, 0) ? SUMMIT_MERGE_UNCHANGED : SUMMIT_MERGE_UPDATED;
  summit_stmt_reset (stmt);

  if (change != SUMMIT_MERGE_UNCHANGED &&
      !summit_store_put_year_statistic (store, stat, error))
    return FALSE;
  count_change (counts, change);
  return TRUE;
}
