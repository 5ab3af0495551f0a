/* summit-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed queries for people and their invitations.
 */
#define G_LOG_DOMAIN "summit-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "summit-language.h"
#include "summit-store-private.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-text.h"
#include "summit-time.h"

#define PERSON_COLUMNS \
  "id, uid, honorific, given_name, family_name, native_name, position, city, country," \
  " organisation, email, phone, timezone, notes, position_kind, letter_language, created, updated"

static SummitPerson *
person_from_row (SummitStmt *stmt)
{
  SummitPerson *person = summit_person_new ();

  summit_person_set_id (person, summit_stmt_column_int64 (stmt, 0));
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_person_set_field (person, i, summit_stmt_column_text (stmt, 1 + i));
  summit_person_set_times (person,
                           summit_stmt_column_int64 (stmt, 1 + SUMMIT_PERSON_N_FIELDS),
                           summit_stmt_column_int64 (stmt, 2 + SUMMIT_PERSON_N_FIELDS));
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
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT " PERSON_COLUMNS " FROM person"
                               " ORDER BY family_name, given_name, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  summit_stmt_reset (stmt);

  if (rc != SUMMIT_STEP_DONE)
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
                               " $14, $15, $16, $17)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;

  summit_person_set_id (person, summit_store_last_insert_id (store));
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
  SummitStmt *stmt;

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
                               " created = $16, updated = $17 WHERE id = $18",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  summit_stmt_bind_int64 (stmt, 18, summit_person_get_id (person));
  if (!summit_store_step_done (store, stmt, error))
    return FALSE;

  if (summit_store_changes (store) == 0)
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
  SummitStmt *stmt;
  gint64 invitation_id = 0;

  if (!summit_invitation_validate_event (summit_invitation_status_to_string (r->status),
                                         r->channel < SUMMIT_N_CHANNELS
                                         ? summit_channel_to_string (r->channel) : "?",
                                         r->note, error))
    return FALSE;

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
                               " VALUES ($1, $2, $3, $4)"
                               " ON CONFLICT (person_id, edition_id)"
                               " DO UPDATE SET status = excluded.status, updated = excluded.updated"
                               " RETURNING id",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, r->person_id);
  summit_stmt_bind_int64 (stmt, 2, r->edition_id);
  summit_stmt_bind_static_text (stmt, 3, summit_invitation_status_to_string (r->status), -1);
  summit_stmt_bind_int64 (stmt, 4, r->at);
  if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
    invitation_id = summit_stmt_column_int64 (stmt, 0);
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
                               " new_status, channel, note) VALUES ($1, $2, $3, $4, $5, $6)",
                               error);
  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_int64 (stmt, 1, invitation_id);
  summit_stmt_bind_int64 (stmt, 2, r->at);
  if (had)
    summit_stmt_bind_static_text (stmt, 3, summit_invitation_status_to_string (old), -1);
  else
    summit_stmt_bind_null (stmt, 3);
  summit_stmt_bind_static_text (stmt, 4, summit_invitation_status_to_string (r->status), -1);
  summit_stmt_bind_static_text (stmt, 5, summit_channel_to_string (r->channel), -1);
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

/* Validation */

typedef struct
{
  GHashTable *countries;   /* code → name, both interned in names */
  GPtrArray  *codes;       /* sorted by code, NULL-terminated */
  GPtrArray  *timezones;   /* sorted, NULL-terminated */
} ReferenceLists;

static char *
tzdata_path (const char *name)
{
  const char *dir = g_getenv ("TZDIR");

  return g_build_filename (dir && *dir ? dir : "/usr/share/zoneinfo", name, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The ISO 3166 country list and the IANA zone list, as the system's tzdata
 * ships them (iso3166.tab, zone1970.tab): the same data GTimeZone reads.
 */
static ReferenceLists *
reference_lists (void)
{
  static gsize once = 0;
  static ReferenceLists lists;

  if (g_once_init_enter (&once))
    {
      g_autofree char *iso = tzdata_path ("iso3166.tab");
      g_autofree char *zones = tzdata_path ("zone1970.tab");
      g_autofree char *contents = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      lists.countries = g_hash_table_new (g_str_hash, g_str_equal);
      lists.codes = g_ptr_array_new ();
      lists.timezones = g_ptr_array_new ();

      if (g_file_get_contents (iso, &contents, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              g_auto(GStrv) cols = NULL;

              if (lines[i][0] == '#' || lines[i][0] == '\0')
                continue;
              cols = g_strsplit (lines[i], "\t", 2);
              if (cols[0] && cols[1] && strlen (cols[0]) == 2)
                {
                  const char *code = g_intern_string (cols[0]);
                  g_hash_table_insert (lists.countries, (gpointer)code,
                                       (gpointer)g_intern_string (cols[1]));
                  g_ptr_array_add (lists.codes, (gpointer)code);
                }
            }
        }
      else
        g_warning ("Could not read %s: countries cannot be checked", iso);
      g_clear_pointer (&contents, g_free);

      if (g_file_get_contents (zones, &contents, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              g_auto(GStrv) cols = NULL;

              if (lines[i][0] == '#' || lines[i][0] == '\0')
                continue;
              cols = g_strsplit (lines[i], "\t", 4);
              if (g_strv_length (cols) >= 3 && !g_hash_table_contains (seen, cols[2]))
                {
                  const char *zone = g_intern_string (cols[2]);
                  g_hash_table_add (seen, (gpointer)zone);
                  g_ptr_array_add (lists.timezones, (gpointer)zone);
                }
            }
        }
      g_ptr_array_add (lists.timezones, (gpointer)g_intern_static_string ("UTC"));

      g_ptr_array_sort (lists.codes, compare_strings);
      g_ptr_array_sort (lists.timezones, compare_strings);
      g_ptr_array_add (lists.codes, NULL);
      g_ptr_array_add (lists.timezones, NULL);
      g_once_init_leave (&once, 1);
    }
  return &lists;
}

/**
 * summit_country_list_codes:
 *
 * Returns: (transfer none): the ISO 3166-1 alpha-2 codes, sorted
 */
const char * const *
summit_country_list_codes (void)
{
  return (const char * const *)reference_lists ()->codes->pdata;
}

/**
 * summit_country_get_name:
 *
 * Returns: (transfer none) (nullable): the English name of @code, or %NULL
 *   if it is not an ISO 3166 country
 */
const char *
summit_country_get_name (const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (reference_lists ()->countries, code);
}

gboolean
summit_country_is_known (const char *code)
{
  return summit_country_get_name (code) != NULL;
}

/**
 * summit_timezone_list:
 *
 * Returns: (transfer none): the IANA time zone identifiers, sorted
 */
const char * const *
summit_timezone_list (void)
{
  return (const char * const *)reference_lists ()->timezones->pdata;
}

/* More people queries */

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

  stmt = summit_store_prepare (store,
                               "SELECT id FROM person WHERE id <> $1 AND city = $2 COLLATE NOCASE"
                               " AND (($3 || $4 <> '' AND given_name = $3 COLLATE NOCASE"
                               "       AND family_name = $4 COLLATE NOCASE)"
                               "      OR ($5 <> '' AND native_name = $5))"
                               " ORDER BY id",
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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
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
                               " WHERE m.person_id = $1 ORDER BY e.year, p.start_utc, p.id",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int64 (stmt, 1, person_id);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    g_ptr_array_add (titles, g_strdup_printf ("%d: %s", summit_stmt_column_int (stmt, 0),
                                              summit_stmt_column_text (stmt, 1)));
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&titles);
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
      SummitStmt *stmt;

      /* Only those still invited: anything since is kept. The history
       * keeps both moves. */
      stmt = summit_store_prepare (store,
                                   "INSERT INTO invitation_event (invitation_id, at, old_status,"
                                   " new_status, channel, note)"
                                   " SELECT id, $3, 'invited', 'draft', 'letter', $4 FROM invitation"
                                   " WHERE person_id = $1 AND edition_id = $2 AND status = 'invited'",
                                   error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, u->person_ids[i]);
      summit_stmt_bind_int64 (stmt, 2, u->edition_id);
      summit_stmt_bind_int64 (stmt, 3, u->at);
      summit_stmt_bind_text (stmt, 4, note);
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;

      stmt = summit_store_prepare (store,
                                   "UPDATE invitation SET status = 'draft', updated = $3"
                                   " WHERE person_id = $1 AND edition_id = $2 AND status = 'invited'",
                                   error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int64 (stmt, 1, u->person_ids[i]);
      summit_stmt_bind_int64 (stmt, 2, u->edition_id);
      summit_stmt_bind_int64 (stmt, 3, u->at);
      if (!summit_store_step_done (store, stmt, error))
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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }

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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }

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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }

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
       * has named the panels to the person, so free the seat; Undo restores it. */
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
                                   " created, updated, id)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                                   " $13, $14, $15, $16, $17, $18)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      bind_person (stmt, person);
      summit_stmt_bind_int64 (stmt, 18, summit_person_get_id (person));
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

/* More invitation queries */

typedef struct
{
  const gint64            *ids;
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
      RecordInvitation r = { m->ids[i], m->edition_id, m->status, m->channel, m->note, m->at };

      if (!record_invitation_txn (store, &r, error))
        {
          g_autoptr(GError) lookup_error = NULL;
          g_autoptr(SummitPerson) person = summit_store_get_person (store, m->ids[i],
                                                                    &lookup_error);
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

/**
 * summit_store_record_invitations:
 *
 * Moves the invitations of all @person_ids to @status in one transaction:
 * if any of them cannot make the move, none changes and @error names who.
 * People already at @status are left as they are.
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
  RecordMany m = { person_ids, n_ids, edition_id, status, channel, note, at };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (status < SUMMIT_N_STATUSES, FALSE);

  if (m.at == 0)
    m.at = g_get_real_time () / G_USEC_PER_SEC;
  return summit_store_transaction (store, record_many_txn, &m, error);
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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    return summit_store_set_error_from_db (store, rc, error);
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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
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
  summit_stmt_reset (stmt);
  if (rc != SUMMIT_STEP_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
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
