/* summit-store-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person table: reading and writing people, deleting them and Undo.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-people.h"
#include "summit-store-people.h"
#include "summit-store-private.h"

/* The fields in SummitPersonField order, then created, updated, id, version. */
#define PERSON_COLUMNS \
  "uid, honorific, given_name, family_name, native_name, position, city, country," \
  " organisation, email, phone, timezone, notes, position_kind, letter_language," \
  " created, updated, id, version"

static gboolean
call_person (SummitStmt  *stmt,
             GCallback    func,
             gpointer     user_data,
             GError     **error)
{
  SummitPersonRow row;

  for (int i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    row.fields[i] = summit_stmt_column_string (stmt, i);
  row.created = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS);
  row.updated = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 1);
  row.id = summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 2);
  return ((SummitPersonRowFunc)func) (&row, user_data, error);
}

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
     * person_by_name and fetching each row from wherever it is (SQLite). */
    [SUMMIT_PERSON_ORDER_NAME] = "SELECT " PERSON_COLUMNS " FROM person"
                                 " ORDER BY +family_name, given_name, uid",
  };
  static const char * const pg_sql[] = {
    [SUMMIT_PERSON_ORDER_ID] = "SELECT " PERSON_COLUMNS " FROM person ORDER BY id",
    [SUMMIT_PERSON_ORDER_NAME] = "SELECT " PERSON_COLUMNS " FROM person"
                                 " ORDER BY family_name, given_name, uid",
  };
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (order < G_N_ELEMENTS (sql), FALSE);

  stmt = summit_store_prepare (store, SUMMIT_SQL (store, sql[order], pg_sql[order]), error);
  if (stmt == NULL)
    return FALSE;
  return summit_store_foreach_row (store, stmt, call_person, (GCallback)func, user_data, error);
}

static SummitPerson *
person_from_row (SummitStmt *stmt)
{
  SummitPerson *person = summit_person_new ();

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_person_set_field (person, i, summit_stmt_column_text (stmt, i));
  summit_person_set_times (person,
                           summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS),
                           summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 1));
  summit_person_set_id (person, summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 2));
  summit_person_set_version (person, summit_stmt_column_int64 (stmt, SUMMIT_PERSON_N_FIELDS + 3));
  return person;
}

/* Steps the prepared and bound @stmt to its end, a person per row. */
static GPtrArray *
read_people (SummitStore  *store,
             SummitStmt   *stmt,
             GError      **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&people);
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
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " PERSON_COLUMNS " FROM person"
                               " ORDER BY family_name, given_name, id",
                               error);
  if (stmt == NULL)
    return NULL;
  return read_people (store, stmt, error);
}

/**
 * summit_store_list_letter_recipients:
 *
 * Returns: (transfer full) (element-type SummitPerson): everyone whose
 *   invitation to @edition is a draft or invited, by family and given name,
 *   or %NULL with @error set
 */
GPtrArray *
summit_store_list_letter_recipients (SummitStore    *store,
                                     SummitEdition  *edition,
                                     GError        **error)
{
  SummitStmt *stmt;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " PERSON_COLUMNS " FROM person WHERE id IN"
                               " (SELECT person_id FROM invitation WHERE edition_id = $1"
                               "  AND status IN ('draft', 'invited'))"
                               " ORDER BY family_name, given_name, id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, summit_edition_get_id (edition));
  return read_people (store, stmt, error);
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
  SummitStmt *stmt;
  gint64 id = 0;

  stmt = summit_store_prepare (store, "SELECT id FROM person WHERE uid = $1", error);
  if (stmt == NULL)
    return 0;
  summit_stmt_bind_text (stmt, 1, uid);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    id = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);

  if (id == 0)
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                 _("No person with the identifier “%s”"), uid);
  return id;
}

static void
bind_person (SummitStmt *stmt,
             SummitPerson *person)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_stmt_bind_text (stmt, 1 + i, summit_person_get_field (person, i));
  summit_stmt_bind_int64 (stmt, 1 + SUMMIT_PERSON_N_FIELDS, summit_person_get_created (person));
  summit_stmt_bind_int64 (stmt, 2 + SUMMIT_PERSON_N_FIELDS, summit_person_get_updated (person));
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
  SummitStmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);

  if (!summit_person_validate (person, NULL, error))
    return FALSE;

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
                               " timezone, notes, position_kind, letter_language, created, updated)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                               " $14, $15, $16, $17) RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  rc = summit_stmt_step (stmt);
  if (rc == SUMMIT_STEP_ROW)
    summit_person_set_id (person, summit_stmt_column_int64 (stmt, 0));
  else
    summit_store_set_error_from_db (store, rc, error);
  summit_stmt_reset (stmt);
  return rc == SUMMIT_STEP_ROW;
}

/**
 * summit_store_update_person:
 *
 * Writes every field of @person (found by its id), stamps it updated now
 * and raises its version. If @person carries a version (it was read from
 * the store), only that version is overwritten: if someone saved the person
 * since, nothing is written and @error is %SUMMIT_STORE_ERROR_CONFLICT. On
 * success @person carries the new version.
 */
gboolean
summit_store_update_person (SummitStore   *store,
                            SummitPerson  *person,
                            GError       **error)
{
  SummitStmt *stmt;
  gint64 version;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);

  if (!summit_person_validate (person, NULL, error))
    return FALSE;

  summit_person_set_times (person, summit_person_get_created (person),
                           g_get_real_time () / G_USEC_PER_SEC);

  stmt = summit_store_prepare (store,
                               "UPDATE person SET uid = $1, honorific = $2, given_name = $3,"
                               " family_name = $4, native_name = $5, position = $6, city = $7,"
                               " country = $8, organisation = $9, email = $10, phone = $11,"
                               " timezone = $12, notes = $13, position_kind = $14, letter_language = $15,"
                               " created = $16, updated = $17, version = version + 1"
                               " WHERE id = $18 AND ($19 = 0 OR version = $19) RETURNING version",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  summit_stmt_bind_int64 (stmt, 18, summit_person_get_id (person));
  summit_stmt_bind_int64 (stmt, 19, summit_person_get_version (person));
  if (!summit_store_step_version (store, stmt, &version, error))
    return FALSE;

  if (version == 0)
    return summit_store_refuse_stale (store, "person", summit_person_get_id (person),
                                      _("This person was changed by someone else since you opened it"),
                                      _("This person no longer exists"), error);
  summit_person_set_version (person, version);
  return TRUE;
}

/**
 * summit_store_get_person:
 *
 * Returns: (transfer full): the person with row id @person_id, or %NULL
 *   with @error set
 */
SummitPerson *
summit_store_get_person (SummitStore  *store,
                         gint64        person_id,
                         GError      **error)
{
  SummitStmt *stmt;
  SummitPerson *person = NULL;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store, "SELECT " PERSON_COLUMNS " FROM person WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  rc = summit_stmt_step (stmt);
  if (rc == SUMMIT_STEP_ROW)
    person = person_from_row (stmt);
  summit_stmt_reset (stmt);

  if (person == NULL)
    {
      if (rc == SUMMIT_STEP_DONE)
        g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND,
                             _("This person no longer exists"));
      else
        summit_store_set_error_from_db (store, rc, error);
    }
  return person;
}

/**
 * summit_store_find_duplicates:
 *
 * Likely duplicates of @person: others with the same given and family name
 * (or the same native-script name) in the same city, ignoring case.
 *
 * Returns: (transfer full) (element-type gint64): their row ids, oldest
 *   first, or %NULL with @error set
 */
GArray *
summit_store_find_duplicates (SummitStore   *store,
                              SummitPerson  *person,
                              GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *given = g_strstrip (g_strdup (summit_person_get_given_name (person)));
  g_autofree char *family = g_strstrip (g_strdup (summit_person_get_family_name (person)));
  g_autofree char *native = g_strstrip (g_strdup (summit_person_get_native_name (person)));
  g_autofree char *city = g_strstrip (g_strdup (summit_person_get_city (person)));
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (SUMMIT_IS_PERSON (person), NULL);

  if (*city == '\0' || (*given == '\0' && *family == '\0' && *native == '\0'))
    return g_steal_pointer (&ids);

  stmt = summit_store_prepare (store, SUMMIT_SQL (store,
    "SELECT id FROM person WHERE id <> $1 AND city = $2 COLLATE NOCASE"
    " AND (($3 || $4 <> '' AND given_name = $3 COLLATE NOCASE"
    "       AND family_name = $4 COLLATE NOCASE)"
    "      OR ($5 <> '' AND native_name = $5))"
    " ORDER BY id",
    "SELECT id FROM person WHERE id <> $1 AND lower (city) = lower ($2)"
    " AND (($3 || $4 <> '' AND lower (given_name) = lower ($3)"
    "       AND lower (family_name) = lower ($4))"
    "      OR ($5 <> '' AND native_name = $5))"
    " ORDER BY id"),
    error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, summit_person_get_id (person));
  summit_stmt_bind_nullable_text (stmt, 2, city);
  summit_stmt_bind_nullable_text (stmt, 3, given);
  summit_stmt_bind_nullable_text (stmt, 4, family);
  summit_stmt_bind_nullable_text (stmt, 5, native);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      gint64 id = summit_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/**
 * summit_store_list_person_panels:
 *
 * Returns: (transfer full) (element-type utf8): "2020: Official opening"
 *   for each panel @person_id sits on, or %NULL with @error set
 */
GPtrArray *
summit_store_list_person_panels (SummitStore  *store,
                                 gint64        person_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT e.year, p.title FROM panel_member m"
                               " JOIN panel p ON p.id = m.panel_id"
                               " JOIN edition e ON e.id = p.edition_id"
                               " WHERE m.person_id = $1 ORDER BY e.year, p.start_utc IS NOT NULL, p.start_utc, p.id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (titles, g_strdup_printf ("%d: %s", summit_stmt_column_int (stmt, 0),
                                              summit_stmt_column_text (stmt, 1)));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&titles);
}

/* Delete and undo */

typedef struct
{
  gint64 id;
  gint64 edition_id;
  char   status[16];
  gint64 updated;
} SavedInvitation;

typedef struct
{
  gint64  id;
  gint64  invitation_id;
  gint64  at;
  char   *old_status;
  char   *new_status;
  char   *channel;
  char   *note;
} SavedEvent;

typedef struct
{
  gint64  panel_id;
  char   *role;
  gint64  position;
} SavedMember;

struct _SummitDeletedPerson
{
  SummitPerson *person;
  GArray       *invitations;   /* SavedInvitation */
  GArray       *events;        /* SavedEvent */
  GArray       *members;       /* SavedMember */
};

static void
saved_event_clear (gpointer data)
{
  SavedEvent *e = data;

  g_free (e->old_status);
  g_free (e->new_status);
  g_free (e->channel);
  g_free (e->note);
}

static void
saved_member_clear (gpointer data)
{
  g_free (((SavedMember *)data)->role);
}

void
summit_deleted_person_free (SummitDeletedPerson *deleted)
{
  if (deleted == NULL)
    return;
  g_clear_object (&deleted->person);
  g_clear_pointer (&deleted->invitations, g_array_unref);
  g_clear_pointer (&deleted->events, g_array_unref);
  g_clear_pointer (&deleted->members, g_array_unref);
  g_free (deleted);
}

gint64
summit_deleted_person_get_id (SummitDeletedPerson *deleted)
{
  return summit_person_get_id (deleted->person);
}

/**
 * summit_deleted_person_get_person:
 *
 * Returns: (transfer none): the person as it was before the delete
 */
SummitPerson *
summit_deleted_person_get_person (SummitDeletedPerson *deleted)
{
  return deleted->person;
}

static char *
dup_column (SummitStmt *stmt,
            int           column)
{
  if (summit_stmt_column_is_null (stmt, column))
    return NULL;
  return g_strdup (summit_stmt_column_text (stmt, column));
}

static SummitDeletedPerson *
save_person (SummitStore  *store,
             gint64        person_id,
             GError      **error)
{
  g_autoptr(SummitDeletedPerson) saved = g_new0 (SummitDeletedPerson, 1);
  SummitStmt *stmt;
  int rc;

  saved->person = summit_store_get_person (store, person_id, error);
  if (saved->person == NULL)
    return NULL;
  saved->invitations = g_array_new (FALSE, TRUE, sizeof (SavedInvitation));
  saved->events = g_array_new (FALSE, TRUE, sizeof (SavedEvent));
  g_array_set_clear_func (saved->events, saved_event_clear);
  saved->members = g_array_new (FALSE, TRUE, sizeof (SavedMember));
  g_array_set_clear_func (saved->members, saved_member_clear);

  stmt = summit_store_prepare (store,
                               "SELECT id, edition_id, status, updated FROM invitation"
                               " WHERE person_id = $1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SavedInvitation inv = { 0 };

      inv.id = summit_stmt_column_int64 (stmt, 0);
      inv.edition_id = summit_stmt_column_int64 (stmt, 1);
      g_strlcpy (inv.status, summit_stmt_column_text (stmt, 2), sizeof inv.status);
      inv.updated = summit_stmt_column_int64 (stmt, 3);
      g_array_append_val (saved->invitations, inv);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;

  stmt = summit_store_prepare (store,
                               "SELECT e.id, e.invitation_id, e.at, e.old_status, e.new_status,"
                               " e.channel, e.note FROM invitation_event e"
                               " JOIN invitation i ON i.id = e.invitation_id"
                               " WHERE i.person_id = $1 ORDER BY e.id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SavedEvent ev = { 0 };

      ev.id = summit_stmt_column_int64 (stmt, 0);
      ev.invitation_id = summit_stmt_column_int64 (stmt, 1);
      ev.at = summit_stmt_column_int64 (stmt, 2);
      ev.old_status = dup_column (stmt, 3);
      ev.new_status = dup_column (stmt, 4);
      ev.channel = dup_column (stmt, 5);
      ev.note = dup_column (stmt, 6);
      g_array_append_val (saved->events, ev);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;

  stmt = summit_store_prepare (store,
                               "SELECT panel_id, role, position FROM panel_member"
                               " WHERE person_id = $1 ORDER BY panel_id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SavedMember m = { 0 };

      m.panel_id = summit_stmt_column_int64 (stmt, 0);
      m.role = dup_column (stmt, 1);
      m.position = summit_stmt_column_int64 (stmt, 2);
      g_array_append_val (saved->members, m);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&saved);
}

typedef struct
{
  const gint64 *ids;
  guint         n_ids;
  GPtrArray    *deleted;
} DeletePeople;

static gboolean
delete_people_txn (SummitStore  *store,
                   gpointer      user_data,
                   GError      **error)
{
  DeletePeople *d = user_data;

  for (guint i = 0; i < d->n_ids; i++)
    {
      SummitDeletedPerson *saved = save_person (store, d->ids[i], error);
      SummitStmt *stmt;

      if (saved == NULL)
        return FALSE;
      g_ptr_array_add (d->deleted, saved);

      /* A panel seat would block the delete (ON DELETE RESTRICT): the caller
       * has named the panels to the person, so free the seat; Undo restores it.
       * Each lineup changes, and so does its session's version. */
      stmt = summit_store_prepare (store,
                                   "UPDATE panel SET version = version + 1 WHERE id IN"
                                   " (SELECT panel_id FROM panel_member WHERE person_id = $1)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, d->ids[i]);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;

      stmt = summit_store_prepare (store, "DELETE FROM panel_member WHERE person_id = $1", error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, d->ids[i]);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;

      stmt = summit_store_prepare (store, "DELETE FROM person WHERE id = $1", error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, d->ids[i]);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * summit_store_delete_people:
 *
 * Deletes the people @person_ids with their invitations, history and panel
 * seats, all or none in one transaction.
 *
 * Returns: (transfer full) (element-type SummitDeletedPerson): what was
 *   deleted, to give to summit_store_restore_people() for Undo, or %NULL
 *   with @error set (and nothing deleted)
 */
GPtrArray *
summit_store_delete_people (SummitStore   *store,
                            const gint64  *person_ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr(GPtrArray) deleted = NULL;
  DeletePeople d;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (person_ids != NULL || n_ids == 0, NULL);

  deleted = g_ptr_array_new_with_free_func ((GDestroyNotify)summit_deleted_person_free);
  d = (DeletePeople) { person_ids, n_ids, deleted };
  if (!summit_store_transaction (store, delete_people_txn, &d, error))
    return NULL;
  return g_steal_pointer (&deleted);
}

static gboolean
restore_people_txn (SummitStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  GPtrArray *deleted = user_data;

  for (guint i = 0; i < deleted->len; i++)
    {
      SummitDeletedPerson *saved = g_ptr_array_index (deleted, i);
      SummitPerson *person = saved->person;
      SummitStmt *stmt;

      stmt = summit_store_prepare (store,
                                   "INSERT INTO person (uid, honorific, given_name, family_name,"
                                   " native_name, position, city, country, organisation, email,"
                                   " phone, timezone, notes, position_kind, letter_language,"
                                   " created, updated, id, version)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                                   " $13, $14, $15, $16, $17, $18, $19)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      bind_person (stmt, person);
      summit_stmt_bind_int64 (stmt, 18, summit_person_get_id (person));
      /* Past the deleted version, so that an editor still open on it cannot overwrite. */
      summit_stmt_bind_int64 (stmt, 19, summit_person_get_version (person) + 1);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;

      for (guint j = 0; j < saved->invitations->len; j++)
        {
          SavedInvitation *inv = &g_array_index (saved->invitations, SavedInvitation, j);

          stmt = summit_store_prepare (store,
                                       "INSERT INTO invitation (id, person_id, edition_id, status,"
                                       " updated) VALUES ($1, $2, $3, $4, $5)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          summit_stmt_bind_int64 (stmt, 1, inv->id);
          summit_stmt_bind_int64 (stmt, 2, summit_person_get_id (person));
          summit_stmt_bind_int64 (stmt, 3, inv->edition_id);
          summit_stmt_bind_static_text (stmt, 4, inv->status, -1);
          summit_stmt_bind_int64 (stmt, 5, inv->updated);
          if (!summit_store_step_done (store, stmt, error))
            return FALSE;
        }

      for (guint j = 0; j < saved->events->len; j++)
        {
          SavedEvent *ev = &g_array_index (saved->events, SavedEvent, j);

          stmt = summit_store_prepare (store,
                                       "INSERT INTO invitation_event (id, invitation_id, at,"
                                       " old_status, new_status, channel, note)"
                                       " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          summit_stmt_bind_int64 (stmt, 1, ev->id);
          summit_stmt_bind_int64 (stmt, 2, ev->invitation_id);
          summit_stmt_bind_int64 (stmt, 3, ev->at);
          if (ev->old_status)
            summit_stmt_bind_static_text (stmt, 4, ev->old_status, -1);
          summit_stmt_bind_static_text (stmt, 5, ev->new_status, -1);
          summit_stmt_bind_static_text (stmt, 6, ev->channel ? ev->channel : "", -1);
          summit_stmt_bind_static_text (stmt, 7, ev->note ? ev->note : "", -1);
          if (!summit_store_step_done (store, stmt, error))
            return FALSE;
        }

      for (guint j = 0; j < saved->members->len; j++)
        {
          SavedMember *m = &g_array_index (saved->members, SavedMember, j);

          stmt = summit_store_prepare (store,
                                       "INSERT INTO panel_member (panel_id, person_id, role,"
                                       " position) VALUES ($1, $2, $3, $4)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          summit_stmt_bind_int64 (stmt, 1, m->panel_id);
          summit_stmt_bind_int64 (stmt, 2, summit_person_get_id (person));
          summit_stmt_bind_static_text (stmt, 3, m->role, -1);
          summit_stmt_bind_int64 (stmt, 4, m->position);
          if (!summit_store_step_done (store, stmt, error))
            return FALSE;

          stmt = summit_store_prepare (store,
                                       "UPDATE panel SET version = version + 1 WHERE id = $1",
                                       error);
          if (stmt == NULL)
            return FALSE;
          summit_stmt_bind_int64 (stmt, 1, m->panel_id);
          if (!summit_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * summit_store_restore_people:
 * @deleted: (element-type SummitDeletedPerson): from summit_store_delete_people()
 *
 * Undoes a delete: puts the people back with the same ids, invitations,
 * history and panel seats, in one transaction.
 */
gboolean
summit_store_restore_people (SummitStore  *store,
                             GPtrArray    *deleted,
                             GError      **error)
{
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (deleted != NULL, FALSE);

  if (!summit_store_transaction (store, restore_people_txn, deleted, error))
    {
      g_prefix_error (error, _("Could not undo the delete: "));
      return FALSE;
    }
  return TRUE;
}
