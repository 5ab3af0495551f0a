/* test-conflicts.c — every kind of conflict is raised when it appears and
 * cleared when it is fixed, recomputed from the database each time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-conflicts.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

typedef struct
{
  SummitStore   *store;
  SummitEdition *edition;
  gint64         ko, bartosz, mariusz;
  gint64         lublin_panel;
} Fixture;

static gint64
warsaw (const char *date,
        const char *clock)
{
  gint64 instant = 0;

  g_assert_true (summit_time_parse_local (date, clock, "Europe/Warsaw", &instant, NULL));
  return instant;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  static int n;

  name = g_strdup_printf ("conflicts-%d.db", n++);
  path = test_store_location (tmpdir, name);
  f->store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  f->edition = summit_store_get_edition (f->store, 2020, &error);
  f->ko = summit_store_lookup_person (f->store, "seed-ko-wen-je", &error);
  f->bartosz = summit_store_lookup_person (f->store, "seed-bartosz-bartoszewicz", &error);
  f->mariusz = summit_store_lookup_person (f->store, "seed-mariusz-sagan", &error);
  panels = summit_store_list_panels (f->store, summit_edition_get_id (f->edition), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < panels->len; i++)
    if (g_strcmp0 (summit_panel_get_uid (g_ptr_array_index (panels, i)), "seed-2020-lublin-panel") == 0)
      f->lublin_panel = summit_panel_get_id (g_ptr_array_index (panels, i));
  g_assert_cmpint (f->lublin_panel, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->edition);
  g_clear_object (&f->store);
}

static GPtrArray *
conflicts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = summit_store_list_conflicts (f->store, f->edition, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* How many conflicts of @kind about @panel_id (and @person_id, if not 0). */
static guint
count (Fixture            *f,
       SummitConflictKind  kind,
       gint64              panel_id,
       gint64              person_id)
{
  g_autoptr(GPtrArray) found = conflicts (f);
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      SummitConflict *c = g_ptr_array_index (found, i);

      if (c->kind == kind && c->panel_id == panel_id && (person_id == 0 || c->person_id == person_id))
        {
          g_assert_nonnull (c->message);
          g_assert_cmpstr (c->message, !=, "");
          g_assert_cmpint (c->soft, ==, kind == SUMMIT_CONFLICT_NIGHT_FOR_MEMBER);
          n++;
        }
    }
  return n;
}

static SummitPanel *
add_session (Fixture         *f,
             const char      *title,
             SummitPanelKind  kind,
             gint64           start,
             int              minutes,
             const char      *room)
{
  g_autoptr(GError) error = NULL;
  SummitPanel *panel = summit_panel_new ();

  summit_panel_set_edition_id (panel, summit_edition_get_id (f->edition));
  summit_panel_set_title (panel, title);
  summit_panel_set_kind (panel, kind);
  summit_panel_set_start (panel, start);
  summit_panel_set_duration (panel, minutes);
  summit_panel_set_room (panel, room);
  g_assert_true (summit_store_insert_panel (f->store, panel, &error));
  g_assert_no_error (error);
  return panel;
}

static void
move_to (Fixture     *f,
         SummitPanel *panel,
         gint64       start)
{
  g_autoptr(GError) error = NULL;

  summit_panel_set_start (panel, start);
  g_assert_true (summit_store_update_panel (f->store, panel, &error));
  g_assert_no_error (error);
}

static void
test_seed_has_only_missing_moderator (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) found = conflicts (f);

  /* The seed's Lublin panel lists a panelist and no moderator: that is all. */
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NO_MODERATOR, f->lublin_panel, 0), ==, 1);
}

static void
test_person_double_booked (Fixture       *f,
                           gconstpointer  data)
{
  /* Mariusz is on the Lublin panel, 16:00–17:30 Warsaw time on 24 September. */
  g_autoptr(SummitPanel) other = add_session (f, "Smart energy", SUMMIT_PANEL_SPEECH,
                                              warsaw ("2020-09-24", "17:00"), 30, "Studio B");
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (other);

  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, id, 0), ==, 0);
  g_assert_true (summit_store_add_panel_member (f->store, id, f->mariusz, SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_no_error (error);
  /* Flagged on both sessions. */
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, id, f->mariusz), ==, 1);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, f->lublin_panel, f->mariusz), ==, 1);

  /* Starting right when the panel ends is no overlap. */
  move_to (f, other, warsaw ("2020-09-24", "17:30"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, id, 0), ==, 0);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, f->lublin_panel, 0), ==, 0);

  move_to (f, other, warsaw ("2020-09-24", "15:45"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, id, f->mariusz), ==, 1);
  g_assert_true (summit_store_remove_panel_member (f->store, id, f->mariusz, 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, id, 0), ==, 0);
}

static void
test_room_overlap (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SummitPanel) other = add_session (f, "Smart water", SUMMIT_PANEL_SPEECH,
                                              warsaw ("2020-09-24", "16:30"), 30, "online STREAM ");
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (other);

  /* "Online stream", written differently, is the same stream. */
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_ROOM_OVERLAP, id, 0), ==, 1);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_ROOM_OVERLAP, f->lublin_panel, 0), ==, 1);

  summit_panel_set_room (other, "Studio B");
  g_assert_true (summit_store_update_panel (f->store, other, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_ROOM_OVERLAP, id, 0), ==, 0);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_ROOM_OVERLAP, f->lublin_panel, 0), ==, 0);
}

static void
test_invitation_states (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 edition = summit_edition_get_id (f->edition);
  gint64 pid;

  summit_person_set_field (person, SUMMIT_PERSON_UID, "test-lin");
  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, "Mei");
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, "Lin");
  g_assert_true (summit_store_insert_person (f->store, person, &error));
  pid = summit_person_get_id (person);
  g_assert_true (summit_store_add_panel_member (f->store, f->lublin_panel, pid, SUMMIT_ROLE_PANELIST, 0,
                                                &error));
  g_assert_no_error (error);

  /* No invitation at all, then a draft: not sent. */
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_NOT_SENT, f->lublin_panel, pid), ==, 1);
  g_assert_true (summit_store_record_invitation (f->store, pid, edition, SUMMIT_STATUS_DRAFT,
                                                 SUMMIT_CHANNEL_NONE, "", 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_NOT_SENT, f->lublin_panel, pid), ==, 1);

  /* Sent and waiting for an answer: fine. */
  g_assert_true (summit_store_record_invitation (f->store, pid, edition, SUMMIT_STATUS_INVITED,
                                                 SUMMIT_CHANNEL_EMAIL, "", 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_NOT_SENT, f->lublin_panel, pid), ==, 0);

  g_assert_true (summit_store_record_invitation (f->store, pid, edition, SUMMIT_STATUS_DECLINED,
                                                 SUMMIT_CHANNEL_LETTER, "", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_DECLINED, f->lublin_panel, pid), ==, 1);

  g_assert_true (summit_store_record_invitation (f->store, pid, edition, SUMMIT_STATUS_CONFIRMED,
                                                 SUMMIT_CHANNEL_PHONE, "", 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_DECLINED, f->lublin_panel, pid), ==, 0);

  g_assert_true (summit_store_record_invitation (f->store, pid, edition, SUMMIT_STATUS_CANCELLED,
                                                 SUMMIT_CHANNEL_EMAIL, "", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_CANCELLED, f->lublin_panel, pid), ==, 1);

  g_assert_true (summit_store_remove_panel_member (f->store, f->lublin_panel, pid, 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_INVITATION_CANCELLED, f->lublin_panel, 0), ==, 0);
}

static void
test_no_moderator (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPanel) speech = add_session (f, "Greetings", SUMMIT_PANEL_SPEECH,
                                               warsaw ("2020-08-13", "10:00"), 30, "");

  /* A speech needs no moderator; a panel discussion does. */
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NO_MODERATOR, summit_panel_get_id (speech), 0), ==, 0);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NO_MODERATOR, f->lublin_panel, 0), ==, 1);
  g_assert_true (summit_store_add_panel_member (f->store, f->lublin_panel, f->bartosz,
                                                SUMMIT_ROLE_PANELIST, 0, &error));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NO_MODERATOR, f->lublin_panel, 0), ==, 1);
  g_assert_true (summit_store_set_panel_member_role (f->store, f->lublin_panel, f->bartosz,
                                                     SUMMIT_ROLE_MODERATOR, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NO_MODERATOR, f->lublin_panel, 0), ==, 0);
}

static void
test_night_for_member (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPanel) late = add_session (f, "Night owls", SUMMIT_PANEL_SPEECH,
                                             warsaw ("2020-09-10", "21:30"), 60, "Studio B");
  gint64 id = summit_panel_get_id (late);

  g_assert_true (summit_store_add_panel_member (f->store, id, f->mariusz, SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_true (summit_store_add_panel_member (f->store, id, f->ko, SUMMIT_ROLE_HOST, 0, &error));
  g_assert_no_error (error);
  /* 21:30–22:30 in Lublin runs into the night; it is 03:30 next morning in Taipei. */
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->mariusz), ==, 1);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->ko), ==, 1);

  /* 21:00–21:59 in Lublin is evening there, but 03:00 in Taipei. */
  summit_panel_set_duration (late, 59);
  move_to (f, late, warsaw ("2020-09-10", "21:00"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->mariusz), ==, 0);
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->ko), ==, 1);

  /* 09:00 in Lublin is 15:00 in Taipei: nobody's night. */
  move_to (f, late, warsaw ("2020-09-10", "09:00"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, 0), ==, 0);

  /* 06:30 CET after the October change (07:30 would have been CEST's 06:30). */
  move_to (f, late, warsaw ("2020-10-26", "06:30"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->mariusz), ==, 1);
  move_to (f, late, warsaw ("2020-10-26", "07:00"));
  g_assert_cmpuint (count (f, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, id, f->mariusz), ==, 0);
}

static void
test_pure_function_without_statuses (void)
{
  g_autoptr(SummitEdition) edition = summit_edition_new (2020);
  g_autoptr(GPtrArray) panels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = NULL;
  SummitPanel *a = summit_panel_new ();
  SummitPanelMember member = { 7, SUMMIT_ROLE_MODERATOR, (char *)"p7", (char *)"Ada", (char *)"",
                                (char *)"Mars/Olympus_Mons" };

  summit_edition_set_timezone (edition, "Asia/Taipei");
  summit_panel_set_id (a, 1);
  summit_panel_set_title (a, "Unscheduled");
  summit_panel_set_kind (a, SUMMIT_PANEL_DISCUSSION);
  summit_panel_set_day (a, "2020-08-13");
  summit_panel_append_member (a, &member);
  g_ptr_array_add (panels, a);

  /* No time and a zone nobody knows: only the missing invitation can be said. */
  found = summit_conflicts_find (edition, panels, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((SummitConflict *)g_ptr_array_index (found, 0))->kind, ==,
                   SUMMIT_CONFLICT_INVITATION_NOT_SENT);
  for (int k = 0; k < SUMMIT_N_CONFLICT_KINDS; k++)
    g_assert_cmpstr (summit_conflict_kind_to_label (k), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/conflicts/seed-has-only-missing-moderator", test_seed_has_only_missing_moderator);
  ADD ("/core/conflicts/person-double-booked", test_person_double_booked);
  ADD ("/core/conflicts/room-overlap", test_room_overlap);
  ADD ("/core/conflicts/invitation-declined-cancelled-not-sent", test_invitation_states);
  ADD ("/core/conflicts/panel-without-moderator", test_no_moderator);
  ADD ("/core/conflicts/night-for-member", test_night_for_member);
#undef ADD
  g_test_add_func ("/core/conflicts/pure-without-statuses", test_pure_function_without_statuses);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
