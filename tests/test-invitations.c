/* test-invitations.c — two staff changing invitations at once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stores on one database stand for two people's windows: each change
 * starts from the status its person saw, so nobody's change is silently
 * undone, and every reply stays in the history.
 */
#include "config.h"

#include "summit-people.h"
#include "summit-store-editions.h"
#include "summit-store-seed.h"
#include "test-util.h"

typedef struct
{
  char          *dir;
  SummitStore   *a;         /* staff A's window */
  SummitStore   *b;         /* staff B's window, on the same database */
  gint64         edition;   /* 2020 */
  gint64         jane;
  gint64         jan;
  gint64         lin;
} Fixture;

static gint64
add_person (SummitStore *store,
            const char  *given,
            const char  *family)
{
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "PL");
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  return summit_person_get_id (person);
}

/* Two stores on one database: a SQLite file, or in the suite core-pg a
 * database of the test server (test-util.h). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autofree char *location = NULL;

  f->dir = test_tmpdir_new ();
  f->a = test_open_store (f->dir, "team.db", TRUE);
  location = test_store_location (f->dir, "team.db");
  f->b = summit_store_open (location, &error);
  g_assert_no_error (error);
  edition = summit_store_get_edition (f->a, 2020, &error);
  g_assert_no_error (error);
  f->edition = summit_edition_get_id (edition);
  f->jane = add_person (f->a, "Jane", "Doe");
  f->jan = add_person (f->a, "Jan", "Kowalski");
  f->lin = add_person (f->a, "Lin", "Chen");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  test_tmpdir_free (f->dir);
}

static SummitInvitationStatus
status_of (SummitStore *store,
           Fixture     *f,
           gint64       person_id)
{
  SummitInvitationStatus status = SUMMIT_N_STATUSES;
  g_autoptr(GError) error = NULL;

  g_assert_true (summit_store_get_invitation_status (store, person_id, f->edition, &status,
                                                     &error));
  g_assert_no_error (error);
  return status;
}

static gint64
count_events (Fixture *f)
{
  return test_store_count (f->a, "SELECT count(*) FROM invitation_event");
}

static void
invite (Fixture *f,
        gint64   person_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (summit_store_change_invitation (f->a, person_id, f->edition,
                                                 SUMMIT_INVITATION_NONE, SUMMIT_STATUS_INVITED,
                                                 SUMMIT_CHANNEL_EMAIL, NULL, 0, &error));
  g_assert_no_error (error);
}

/* The last entry of @person_id's history says what the status is. */
static SummitInvitationEvent *
last_event (Fixture    *f,
            gint64      person_id,
            GPtrArray **history)
{
  g_autoptr(GError) error = NULL;

  *history = summit_store_list_invitation_history (f->a, person_id, f->edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*history)->len, >, 0);
  return g_ptr_array_index (*history, (*history)->len - 1);
}

static void
test_declined_meanwhile (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 before;

  invite (f, f->jane);
  /* Both see Jane invited; B records her letter declining first. */
  g_assert_true (summit_store_change_invitation (f->b, f->jane, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_DECLINED,
                                                 SUMMIT_CHANNEL_LETTER, NULL, 0, &error));
  g_assert_no_error (error);
  before = count_events (f);

  g_assert_false (summit_store_change_invitation (f->a, f->jane, f->edition,
                                                  SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED,
                                                  SUMMIT_CHANNEL_PHONE, "Said yes", 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Jane Doe was marked Declined by someone else a moment ago;"
                   " not changed to Confirmed");
  /* B's answer stands, and nothing of A's was written. */
  g_assert_cmpint (status_of (f->a, f, f->jane), ==, SUMMIT_STATUS_DECLINED);
  g_assert_cmpint (count_events (f), ==, before);
  g_assert_cmpint (last_event (f, f->jane, &history)->new_status, ==, SUMMIT_STATUS_DECLINED);
}

static void
test_both_invite_new (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;

  /* Neither saw an invitation; B makes one first. */
  g_assert_true (summit_store_change_invitation (f->b, f->jan, f->edition,
                                                 SUMMIT_INVITATION_NONE, SUMMIT_STATUS_INVITED,
                                                 SUMMIT_CHANNEL_EMAIL, NULL, 0, &error));
  g_assert_false (summit_store_change_invitation (f->a, f->jan, f->edition,
                                                  SUMMIT_INVITATION_NONE, SUMMIT_STATUS_DRAFT,
                                                  SUMMIT_CHANNEL_NONE, NULL, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Jan Kowalski"));
  g_assert_cmpint (status_of (f->a, f, f->jan), ==, SUMMIT_STATUS_INVITED);
  g_clear_error (&error);
  history = summit_store_list_invitation_history (f->a, f->jan, f->edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
}

static void
test_same_reply_twice (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  SummitInvitationEvent *ev;

  invite (f, f->jane);
  /* Both record Jane's yes at once, one from her email, one from her call. */
  g_assert_true (summit_store_change_invitation (f->b, f->jane, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED,
                                                 SUMMIT_CHANNEL_EMAIL, "Email of 3 July", 0,
                                                 &error));
  g_assert_true (summit_store_change_invitation (f->a, f->jane, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED,
                                                 SUMMIT_CHANNEL_PHONE, "Called back", 0, &error));
  g_assert_no_error (error);

  ev = last_event (f, f->jane, &history);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((SummitInvitationEvent *)g_ptr_array_index (history, 1))->note, ==,
                   "Email of 3 July");
  g_assert_cmpstr (ev->note, ==, "Called back");
  g_assert_cmpint (ev->channel, ==, SUMMIT_CHANNEL_PHONE);
  g_assert_cmpint (ev->old_status, ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (ev->new_status, ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (status_of (f->a, f, f->jane), ==, SUMMIT_STATUS_CONFIRMED);
}

static void
test_note_never_conflicts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  SummitInvitationEvent *ev;
  gint64 before;

  invite (f, f->jane);
  g_assert_true (summit_store_change_invitation (f->b, f->jane, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_DECLINED,
                                                 SUMMIT_CHANNEL_LETTER, NULL, 0, &error));
  /* A still sees her invited and only notes a call: it joins the history
   * under the status she has now. */
  g_assert_true (summit_store_change_invitation (f->a, f->jane, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_INVITED,
                                                 SUMMIT_CHANNEL_PHONE, "Left a message", 0,
                                                 &error));
  g_assert_no_error (error);
  ev = last_event (f, f->jane, &history);
  g_assert_cmpstr (ev->note, ==, "Left a message");
  g_assert_cmpint (ev->old_status, ==, SUMMIT_STATUS_DECLINED);
  g_assert_cmpint (ev->new_status, ==, SUMMIT_STATUS_DECLINED);
  g_assert_cmpint (status_of (f->a, f, f->jane), ==, SUMMIT_STATUS_DECLINED);

  /* Nothing to say, nothing written. */
  before = count_events (f);
  g_assert_true (summit_store_change_invitation (f->a, f->jane, f->edition,
                                                 SUMMIT_STATUS_DECLINED, SUMMIT_STATUS_DECLINED,
                                                 SUMMIT_CHANNEL_NONE, "", 0, &error));
  g_assert_cmpint (count_events (f), ==, before);
}

static void
test_bulk_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[3] = { f->jane, f->jan, f->lin };
  int seen[3] = { SUMMIT_STATUS_INVITED, SUMMIT_STATUS_INVITED, SUMMIT_STATUS_INVITED };
  gint64 before;

  for (guint i = 0; i < 3; i++)
    invite (f, ids[i]);
  g_assert_true (summit_store_change_invitation (f->b, f->lin, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_DECLINED,
                                                 SUMMIT_CHANNEL_EMAIL, NULL, 0, &error));
  before = count_events (f);

  /* A marks all three confirmed as seen: Lin's refusal stops all of it. */
  g_assert_false (summit_store_change_invitations (f->a, ids, seen, 3, f->edition,
                                                   SUMMIT_STATUS_CONFIRMED, SUMMIT_CHANNEL_NONE,
                                                   NULL, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Lin Chen was marked Declined by someone else a moment ago;"
                   " not changed to Confirmed");
  g_clear_error (&error);
  g_assert_cmpint (status_of (f->a, f, f->jane), ==, SUMMIT_STATUS_INVITED);
  g_assert_cmpint (status_of (f->a, f, f->jan), ==, SUMMIT_STATUS_INVITED);
  g_assert_cmpint (count_events (f), ==, before);

  /* Seen as they are now, it goes through; someone seen at the status
   * already is left alone. */
  seen[2] = SUMMIT_STATUS_DECLINED;
  g_assert_true (summit_store_change_invitations (f->a, ids, seen, 2, f->edition,
                                                  SUMMIT_STATUS_CONFIRMED, SUMMIT_CHANNEL_NONE,
                                                  NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f), ==, before + 2);
  seen[0] = seen[1] = SUMMIT_STATUS_CONFIRMED;
  g_assert_true (summit_store_change_invitations (f->a, ids, seen, 2, f->edition,
                                                  SUMMIT_STATUS_CONFIRMED, SUMMIT_CHANNEL_EMAIL,
                                                  NULL, 0, &error));
  g_assert_cmpint (count_events (f), ==, before + 2);
}

static void
test_version_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 ids[2] = { f->jane, f->jan };
  const char *version_sql = "SELECT version FROM invitation WHERE person_id = $1";
  SummitStmt *stmt;
  gint64 version;

  g_assert_true (summit_store_change_invitations (f->a, ids,
                                                  (int[]){ SUMMIT_INVITATION_NONE,
                                                           SUMMIT_INVITATION_NONE },
                                                  2, f->edition, SUMMIT_STATUS_DRAFT,
                                                  SUMMIT_CHANNEL_NONE, NULL, 0, &error));
  g_assert_true (summit_store_change_invitations (f->a, ids,
                                                  (int[]){ SUMMIT_STATUS_DRAFT,
                                                           SUMMIT_STATUS_DRAFT },
                                                  2, f->edition, SUMMIT_STATUS_INVITED,
                                                  SUMMIT_CHANNEL_LETTER, NULL, 0, &error));
  g_assert_no_error (error);
  /* Jan answers before the letters are undone: his answer is kept. */
  g_assert_true (summit_store_change_invitation (f->b, f->jan, f->edition,
                                                 SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED,
                                                 SUMMIT_CHANNEL_PHONE, NULL, 0, &error));
  g_assert_true (summit_store_undo_invited (f->a, ids, 2, f->edition, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f->a, f, f->jane), ==, SUMMIT_STATUS_DRAFT);
  g_assert_cmpint (status_of (f->a, f, f->jan), ==, SUMMIT_STATUS_CONFIRMED);
  g_assert_cmpint (last_event (f, f->jane, &history)->new_status, ==, SUMMIT_STATUS_DRAFT);
  g_clear_pointer (&history, g_ptr_array_unref);
  g_assert_cmpint (last_event (f, f->jan, &history)->new_status, ==, SUMMIT_STATUS_CONFIRMED);

  /* Each change of status raises the invitation's version. */
  stmt = summit_store_prepare (f->a, version_sql, &error);
  g_assert_nonnull (stmt);
  summit_stmt_bind_int64 (stmt, 1, f->jane);
  g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_ROW);
  version = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);
  g_assert_cmpint (version, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/invitations/declined-meanwhile-is-told-not-done", test_declined_meanwhile);
  ADD ("/invitations/both-invite-someone-new", test_both_invite_new);
  ADD ("/invitations/same-reply-twice-both-in-history", test_same_reply_twice);
  ADD ("/invitations/note-never-conflicts", test_note_never_conflicts);
  ADD ("/invitations/bulk-conflict-changes-nobody", test_bulk_all_or_nothing);
  ADD ("/invitations/undo-keeps-answers-and-versions", test_version_and_undo);
#undef ADD

  return g_test_run ();
}
