/* test-merge.c — no lost update: two people with the same database open
 * save the same record; a stale save is refused and nothing is written, and
 * the three-way merge keeps what each changed or names the fields both did
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "summit-merge.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-store-statistics.h"
#include "test-util.h"

static char *tmpdir;

/* Two people, A and B, on one database. */
typedef struct
{
  SummitStore *a;
  SummitStore *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("merge-%d.db", n++);
  g_autoptr(GError) error = NULL;

  f->a = test_open_store (tmpdir, name, TRUE);
  f->b = summit_store_open (summit_store_get_path (f->a), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->b);
  g_clear_object (&f->a);
}

static void
assert_fields (GArray    *conflicts,
               const int *expected,
               guint      n)
{
  g_assert_cmpuint (conflicts->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (conflicts, int, i), ==, expected[i]);
}

/* A save that must have been refused with @code, writing nothing. */
static void
assert_refused (gboolean   saved,
                GError   **error,
                int        code)
{
  g_assert_false (saved);
  g_assert_error (*error, SUMMIT_STORE_ERROR, code);
  g_clear_error (error);
}

/* Merge rules, record by record in memory */

static SummitPerson *
make_person (const char *email,
             const char *position)
{
  SummitPerson *p = summit_person_new ();

  summit_person_set_field (p, SUMMIT_PERSON_GIVEN_NAME, "Mariusz");
  summit_person_set_field (p, SUMMIT_PERSON_FAMILY_NAME, "Sagan");
  summit_person_set_field (p, SUMMIT_PERSON_EMAIL, email);
  summit_person_set_field (p, SUMMIT_PERSON_POSITION, position);
  return p;
}

static void
test_person_rules (void)
{
  g_autoptr(SummitPerson) base = make_person ("a@lublin.eu", "Head");
  struct {
    const char *mine_email, *theirs_email, *merged_email;
    gboolean    conflict;
  } cases[] = {
    { "a@lublin.eu", "a@lublin.eu", "a@lublin.eu", FALSE },   /* neither changed */
    { "m@lublin.eu", "a@lublin.eu", "m@lublin.eu", FALSE },   /* only mine */
    { "a@lublin.eu", "t@lublin.eu", "t@lublin.eu", FALSE },   /* only theirs */
    { "s@lublin.eu", "s@lublin.eu", "s@lublin.eu", FALSE },   /* both, the same */
    { "m@lublin.eu", "t@lublin.eu", "t@lublin.eu", TRUE },    /* both, differently */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SummitPerson) mine = make_person (cases[i].mine_email, "Head");
      g_autoptr(SummitPerson) theirs = make_person (cases[i].theirs_email, "Director");
      g_autoptr(SummitPerson) merged = NULL;
      g_autoptr(GArray) conflicts = NULL;
      const int email[] = { SUMMIT_PERSON_EMAIL };

      summit_person_set_version (theirs, 7);
      merged = summit_merge_person (base, mine, theirs, &conflicts);
      g_assert_cmpstr (summit_person_get_field (merged, SUMMIT_PERSON_EMAIL), ==,
                       cases[i].merged_email);
      /* Theirs changed the position alone: it is kept in every case. */
      g_assert_cmpstr (summit_person_get_position (merged), ==, "Director");
      g_assert_cmpint (summit_person_get_version (merged), ==, 7);
      assert_fields (conflicts, email, cases[i].conflict ? 1 : 0);
    }
}

/* Gives @panel a value of @field that differs by @variant. */
static void
change_session_field (SummitPanel        *panel,
                      SummitSessionField  field,
                      int                 variant)
{
  g_autofree char *text = g_strdup_printf ("variant %d", variant);
  SummitPanelMember member = { 0 };

  switch (field)
    {
    case SUMMIT_SESSION_TITLE: summit_panel_set_title (panel, text); break;
    case SUMMIT_SESSION_KIND: summit_panel_set_kind (panel, variant % SUMMIT_N_PANEL_KINDS); break;
    case SUMMIT_SESSION_TIME: summit_panel_set_start (panel, 1597300000 + variant * 3600); break;
    case SUMMIT_SESSION_DURATION: summit_panel_set_duration (panel, 30 + variant); break;
    case SUMMIT_SESSION_ROOM: summit_panel_set_room (panel, text); break;
    case SUMMIT_SESSION_DESCRIPTION: summit_panel_set_description (panel, text); break;
    case SUMMIT_SESSION_END_CONFIRMED: summit_panel_set_end_confirmed (panel, variant % 2); break;
    case SUMMIT_SESSION_ROOM_CONFIRMED: summit_panel_set_room_confirmed (panel, variant % 2); break;
    case SUMMIT_SESSION_LINEUP:
      member.person_id = 100 + variant;
      member.role = SUMMIT_ROLE_PANELIST;
      summit_panel_append_member (panel, &member);
      break;
    case SUMMIT_SESSION_N_FIELDS:
    default: g_assert_not_reached ();
    }
}

static SummitPanel *
make_session (void)
{
  SummitPanel *p = summit_panel_new ();

  summit_panel_set_title (p, "After the COVID-19 pandemic");
  summit_panel_set_start (p, 1597300000);
  summit_panel_set_end_confirmed (p, FALSE);
  summit_panel_set_room_confirmed (p, FALSE);
  return p;
}

static void
test_session_rules (void)
{
  g_autoptr(SummitPanel) base = make_session ();

  for (SummitSessionField f = 0; f < SUMMIT_SESSION_N_FIELDS; f++)
    {
      gboolean two_valued = f == SUMMIT_SESSION_END_CONFIRMED || f == SUMMIT_SESSION_ROOM_CONFIRMED;

      /* only mine, only theirs, both the same, both differently (which a
       * yes/no field cannot be) */
      for (int c = 0; c < (two_valued ? 3 : 4); c++)
        {
          g_autoptr(SummitPanel) mine = summit_session_copy (base);
          g_autoptr(SummitPanel) theirs = summit_session_copy (base);
          g_autoptr(SummitPanel) merged = NULL;
          g_autoptr(GArray) conflicts = NULL;
          const int field[] = { f };

          if (c != 1)
            change_session_field (mine, f, 1);
          if (c != 0)
            change_session_field (theirs, f, c == 2 ? 1 : 2);
          merged = summit_merge_session (base, mine, theirs, &conflicts);
          assert_fields (conflicts, field, c == 3 ? 1 : 0);
          g_assert_true (summit_session_field_equal (merged, c == 0 ? mine : theirs, f));
          /* Every other field stays as it was. */
          for (SummitSessionField g = 0; g < SUMMIT_SESSION_N_FIELDS; g++)
            if (g != f)
              g_assert_true (summit_session_field_equal (merged, base, g));
        }
    }
}

/* Two people on one database */

static SummitPerson *
first_person (SummitStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = summit_store_list_people (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  return summit_store_get_person (store, summit_person_get_id (g_ptr_array_index (people, 0)),
                                  &error);
}

/* A and B open the same person; @base is B's as loaded. */
static void
both_open_person (Fixture       *f,
                  SummitPerson **in_a,
                  SummitPerson **in_b,
                  SummitPerson **base)
{
  *in_a = first_person (f->a);
  *in_b = summit_store_get_person (f->b, summit_person_get_id (*in_a), NULL);
  *base = summit_person_copy (*in_b);
}

/* B's merge with the person as stored now. */
static SummitPerson *
merge_stored_person (Fixture       *f,
                     SummitPerson  *base,
                     SummitPerson  *in_b,
                     GArray       **conflicts)
{
  g_autoptr(SummitPerson) theirs = summit_store_get_person (f->b, summit_person_get_id (in_b), NULL);

  return summit_merge_person (base, in_b, theirs, conflicts);
}

static void
test_person_different_fields (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SummitPerson) in_a = NULL;
  g_autoptr(SummitPerson) in_b = NULL;
  g_autoptr(SummitPerson) base = NULL;
  g_autoptr(SummitPerson) merged = NULL;
  g_autoptr(SummitPerson) stored = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;
  gint64 version;

  both_open_person (f, &in_a, &in_b, &base);
  position = g_strdup (summit_person_get_position (in_a));
  version = summit_person_get_version (in_a);
  g_assert_cmpint (version, >=, 1);
  summit_person_set_field (in_a, SUMMIT_PERSON_EMAIL, "a.changed@example.org");
  g_assert_true (summit_store_update_person (f->a, in_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summit_person_get_version (in_a), ==, version + 1);

  /* B saves over the version it read: refused, and nothing of B's written. */
  summit_person_set_field (in_b, SUMMIT_PERSON_POSITION, "Deputy Mayor of Lublin");
  assert_refused (summit_store_update_person (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  stored = summit_store_get_person (f->a, summit_person_get_id (in_a), NULL);
  g_assert_cmpstr (summit_person_get_position (stored), ==, position);
  g_assert_cmpstr (summit_person_get_field (stored, SUMMIT_PERSON_EMAIL), ==, "a.changed@example.org");

  /* The merge keeps both, and saves over the version it merged with. */
  merged = merge_stored_person (f, base, in_b, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_true (summit_store_update_person (f->b, merged, &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = summit_store_get_person (f->a, summit_person_get_id (in_a), NULL);
  g_assert_cmpstr (summit_person_get_field (stored, SUMMIT_PERSON_EMAIL), ==, "a.changed@example.org");
  g_assert_cmpstr (summit_person_get_position (stored), ==, "Deputy Mayor of Lublin");
  g_assert_cmpint (summit_person_get_version (stored), ==, version + 2);
}

static void
test_person_same_field (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SummitPerson) in_a = NULL;
  g_autoptr(SummitPerson) in_b = NULL;
  g_autoptr(SummitPerson) base = NULL;
  g_autoptr(SummitPerson) merged = NULL;
  g_autoptr(SummitPerson) stored = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  const int email[] = { SUMMIT_PERSON_EMAIL };

  both_open_person (f, &in_a, &in_b, &base);
  summit_person_set_field (in_a, SUMMIT_PERSON_EMAIL, "from.a@example.org");
  g_assert_true (summit_store_update_person (f->a, in_a, &error));
  summit_person_set_field (in_b, SUMMIT_PERSON_EMAIL, "from.b@example.org");
  summit_person_set_field (in_b, SUMMIT_PERSON_PHONE, "+48 81 466 1000");
  assert_refused (summit_store_update_person (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);

  merged = merge_stored_person (f, base, in_b, &conflicts);
  assert_fields (conflicts, email, 1);
  /* Until B chooses, the merge holds A's email and B's phone. */
  g_assert_cmpstr (summit_person_get_field (merged, SUMMIT_PERSON_EMAIL), ==, "from.a@example.org");
  g_assert_cmpstr (summit_person_get_field (merged, SUMMIT_PERSON_PHONE), ==, "+48 81 466 1000");

  /* B chooses theirs: saved over A's version. */
  summit_person_set_field (merged, SUMMIT_PERSON_EMAIL, "from.b@example.org");
  g_assert_true (summit_store_update_person (f->b, merged, &error));
  g_assert_no_error (error);
  stored = summit_store_get_person (f->a, summit_person_get_id (in_a), NULL);
  g_assert_cmpstr (summit_person_get_field (stored, SUMMIT_PERSON_EMAIL), ==, "from.b@example.org");

  /* A, still on its old version, is refused in turn. */
  summit_person_set_field (in_a, SUMMIT_PERSON_NOTES, "late");
  assert_refused (summit_store_update_person (f->a, in_a, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
}

static void
test_person_deleted_meanwhile (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SummitPerson) in_b = first_person (f->b);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = summit_person_get_id (in_b);

  deleted = summit_store_delete_people (f->a, &id, 1, &error);
  g_assert_no_error (error);
  summit_person_set_field (in_b, SUMMIT_PERSON_NOTES, "B's note");
  assert_refused (summit_store_update_person (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_NOT_FOUND);

  /* Undo brings the person back past the version B read. */
  g_assert_true (summit_store_restore_people (f->a, deleted, &error));
  g_assert_no_error (error);
  assert_refused (summit_store_update_person (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
}

/* A person read by no editor (an import, the CLI) saves whatever the version. */
static void
test_person_unversioned (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SummitPerson) in_a = first_person (f->a);
  g_autoptr(SummitPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = summit_person_get_version (in_a);

  summit_person_set_version (in_a, 0);
  summit_person_set_field (in_a, SUMMIT_PERSON_NOTES, "from a script");
  g_assert_true (summit_store_update_person (f->a, in_a, &error));
  g_assert_no_error (error);
  stored = summit_store_get_person (f->b, summit_person_get_id (in_a), NULL);
  g_assert_cmpint (summit_person_get_version (stored), ==, version + 1);
}

static SummitPanel *
session_with_lineup (SummitStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitEdition) edition = summit_store_get_edition (store, 2020, &error);
  g_autoptr(GPtrArray) panels = NULL;

  g_assert_no_error (error);
  panels = summit_store_list_panels (store, summit_edition_get_id (edition), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < panels->len; i++)
    if (summit_panel_get_n_members (g_ptr_array_index (panels, i)) > 0)
      return g_object_ref (g_ptr_array_index (panels, i));
  g_assert_not_reached ();
}

static gint64
other_person_id (SummitStore *store,
                 SummitPanel *panel)
{
  g_autoptr(GPtrArray) people = summit_store_list_people (store, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = summit_person_get_id (g_ptr_array_index (people, i));
      gboolean member = FALSE;

      for (guint j = 0; j < summit_panel_get_n_members (panel); j++)
        member = member || summit_panel_get_member (panel, j)->person_id == id;
      if (!member)
        return id;
    }
  g_assert_not_reached ();
}

static void
test_session_title_and_lineup (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SummitPanel) in_a = session_with_lineup (f->a);
  g_autoptr(SummitPanel) in_b = summit_store_get_panel (f->b, summit_panel_get_id (in_a), NULL);
  g_autoptr(SummitPanel) base = summit_session_copy (in_b);
  g_autoptr(SummitPanel) theirs = NULL;
  g_autoptr(SummitPanel) merged = NULL;
  g_autoptr(SummitPanel) stored = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  SummitPanelMember added = { 0 };
  guint n = summit_panel_get_n_members (in_b);

  summit_panel_set_title (in_a, "A's title");
  g_assert_true (summit_store_update_panel (f->a, in_a, &error));
  g_assert_no_error (error);

  added.person_id = other_person_id (f->b, in_b);
  added.role = SUMMIT_ROLE_MODERATOR;
  summit_panel_append_member (in_b, &added);
  assert_refused (summit_store_update_panel_with_lineup (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  stored = summit_store_get_panel (f->a, summit_panel_get_id (in_a), NULL);
  g_assert_cmpuint (summit_panel_get_n_members (stored), ==, n);

  theirs = summit_store_get_panel (f->b, summit_panel_get_id (in_b), NULL);
  merged = summit_merge_session (base, in_b, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_true (summit_store_update_panel_with_lineup (f->b, merged, &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = summit_store_get_panel (f->a, summit_panel_get_id (in_a), NULL);
  g_assert_cmpstr (summit_panel_get_title (stored), ==, "A's title");
  g_assert_cmpuint (summit_panel_get_n_members (stored), ==, n + 1);
  g_assert_cmpint (summit_panel_get_member (stored, n)->person_id, ==, added.person_id);
  g_assert_cmpint (summit_panel_get_member (stored, n)->role, ==, SUMMIT_ROLE_MODERATOR);
}

static void
test_session_both_lineups (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SummitPanel) in_a = session_with_lineup (f->a);
  g_autoptr(SummitPanel) in_b = summit_store_get_panel (f->b, summit_panel_get_id (in_a), NULL);
  g_autoptr(SummitPanel) base = summit_session_copy (in_b);
  g_autoptr(SummitPanel) theirs = NULL;
  g_autoptr(SummitPanel) merged = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  const int lineup_and_room[] = { SUMMIT_SESSION_ROOM, SUMMIT_SESSION_LINEUP };

  /* A adds someone through the lineup editor's own change (no version
   * given), which still raises the session's version. */
  g_assert_true (summit_store_add_panel_member (f->a, summit_panel_get_id (in_a),
                                                other_person_id (f->a, in_a),
                                                SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_no_error (error);
  summit_panel_set_room (in_a, "Room A");
  summit_panel_set_version (in_a, 0);
  g_assert_true (summit_store_update_panel (f->a, in_a, &error));

  summit_panel_clear_members (in_b);
  summit_panel_set_room (in_b, "Room B");
  summit_panel_set_description (in_b, "B's description");
  assert_refused (summit_store_update_panel_with_lineup (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);

  theirs = summit_store_get_panel (f->b, summit_panel_get_id (in_b), NULL);
  merged = summit_merge_session (base, in_b, theirs, &conflicts);
  assert_fields (conflicts, lineup_and_room, G_N_ELEMENTS (lineup_and_room));
  g_assert_cmpstr (summit_panel_get_description (merged), ==, "B's description");
  g_assert_cmpstr (summit_panel_get_room (merged), ==, "Room A");
}

static void
test_session_lineup_change_raises_version (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(SummitPanel) in_b = session_with_lineup (f->b);
  g_autoptr(GError) error = NULL;
  const SummitPanelMember *first = summit_panel_get_member (in_b, 0);

  g_assert_true (summit_store_set_panel_member_role (f->a, summit_panel_get_id (in_b),
                                                     first->person_id,
                                                     first->role == SUMMIT_ROLE_HOST
                                                     ? SUMMIT_ROLE_SPEAKER : SUMMIT_ROLE_HOST,
                                                     0,
                                                     &error));
  g_assert_no_error (error);
  summit_panel_set_title (in_b, "B's title");
  assert_refused (summit_store_update_panel (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
}

/* The lineup editor's own changes check the version it read. */
static void
test_session_lineup_actions_check_version (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(SummitPanel) in_a = session_with_lineup (f->a);
  g_autoptr(SummitPanel) in_b = summit_store_get_panel (f->b, summit_panel_get_id (in_a), NULL);
  g_autoptr(SummitPanel) after_b = NULL;
  g_autoptr(SummitPanel) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (in_a);
  gint64 seen = summit_panel_get_version (in_a);
  gint64 first = summit_panel_get_member (in_a, 0)->person_id;
  gint64 newcomer = other_person_id (f->b, in_b);
  gint64 third;
  gint64 version;

  /* B adds a moderator while A looks at the lineup. */
  version = summit_store_add_panel_member (f->b, id, newcomer, SUMMIT_ROLE_MODERATOR,
                                           summit_panel_get_version (in_b), &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, seen + 1);
  after_b = summit_store_get_panel (f->b, id, NULL);
  third = other_person_id (f->a, after_b);

  /* Each of A's changes over the version A saw is refused, writing nothing. */
  assert_refused (summit_store_add_panel_member (f->a, id, third, SUMMIT_ROLE_PANELIST, seen,
                                                 &error) != 0,
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  assert_refused (summit_store_move_panel_member (f->a, id, newcomer, 0, seen, &error) != 0,
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  assert_refused (summit_store_remove_panel_member (f->a, id, first, seen, &error) != 0,
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  assert_refused (summit_store_set_panel_member_role (f->a, id, first, SUMMIT_ROLE_HOST, seen,
                                                      &error) != 0,
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  stored = summit_store_get_panel (f->a, id, NULL);
  g_assert_cmpint (summit_panel_get_version (stored), ==, version);
  g_assert_true (summit_session_field_equal (stored, after_b, SUMMIT_SESSION_LINEUP));

  /* Over the version now stored, each works and gives the next one. */
  version = summit_store_move_panel_member (f->a, id, newcomer, 0, version, &error);
  g_assert_no_error (error);
  version = summit_store_set_panel_member_role (f->a, id, first, SUMMIT_ROLE_HOST, version, &error);
  g_assert_no_error (error);
  version = summit_store_remove_panel_member (f->a, id, newcomer, version, &error);
  g_assert_no_error (error);
  version = summit_store_add_panel_member (f->a, id, third, SUMMIT_ROLE_SPEAKER, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, seen + 5);

  g_clear_object (&stored);
  stored = summit_store_get_panel (f->b, id, NULL);
  g_assert_cmpint (summit_panel_get_version (stored), ==, version);
  g_assert_cmpuint (summit_panel_get_n_members (stored), ==, summit_panel_get_n_members (in_a) + 1);
  g_assert_cmpint (summit_panel_get_member (stored, 0)->person_id, ==, first);
  g_assert_cmpint (summit_panel_get_member (stored, 0)->role, ==, SUMMIT_ROLE_HOST);
  g_assert_cmpint (summit_panel_get_member (stored, summit_panel_get_n_members (stored) - 1)->person_id,
                   ==, third);
}

/* A reads session @id and saves it with @title: @replaced is the session
 * as it was, @saved as that save wrote it. */
static void
save_title (Fixture      *f,
            gint64        id,
            const char   *title,
            SummitPanel **replaced,
            SummitPanel **saved)
{
  g_autoptr(SummitPanel) in_a = summit_store_get_panel (f->a, id, NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (replaced);
  g_clear_object (saved);
  *replaced = summit_session_copy (in_a);
  summit_panel_set_title (in_a, title);
  g_assert_true (summit_store_update_panel (f->a, in_a, &error));
  g_assert_no_error (error);
  *saved = g_steal_pointer (&in_a);
}

/* Undo of a session edit writes only over the version that edit wrote. */
static void
test_session_undo_only_over_own_save (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(SummitPanel) session = session_with_lineup (f->a);
  g_autoptr(SummitPanel) replaced = NULL;
  g_autoptr(SummitPanel) saved = NULL;
  g_autoptr(SummitPanel) in_b = NULL;
  g_autoptr(SummitPanel) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (session);
  const SummitPanelMember *first;

  /* B changes the room after A's save: A's undo writes nothing, and says so. */
  save_title (f, id, "A's title", &replaced, &saved);
  in_b = summit_store_get_panel (f->b, id, NULL);
  summit_panel_set_room (in_b, "Room B");
  g_assert_true (summit_store_update_panel (f->b, in_b, &error));
  g_assert_no_error (error);
  g_assert_false (summit_store_undo_panel_edit (f->a, replaced, saved, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "A's title"));
  g_clear_error (&error);
  stored = summit_store_get_panel (f->a, id, NULL);
  g_assert_cmpstr (summit_panel_get_title (stored), ==, "A's title");
  g_assert_cmpstr (summit_panel_get_room (stored), ==, "Room B");
  g_assert_cmpint (summit_panel_get_version (stored), ==, summit_panel_get_version (in_b));

  /* B changes only the lineup after A's next save: refused too. */
  save_title (f, id, "A's second title", &replaced, &saved);
  first = summit_panel_get_member (saved, 0);
  g_assert_true (summit_store_set_panel_member_role (f->b, id, first->person_id,
                                                     first->role == SUMMIT_ROLE_HOST
                                                     ? SUMMIT_ROLE_SPEAKER : SUMMIT_ROLE_HOST,
                                                     summit_panel_get_version (saved), &error) != 0);
  g_assert_no_error (error);
  g_assert_false (summit_store_undo_panel_edit (f->a, replaced, saved, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = summit_store_get_panel (f->a, id, NULL);
  g_assert_cmpstr (summit_panel_get_title (stored), ==, "A's second title");

  /* Nobody changed it since A's save: undone, the lineup as it is. */
  save_title (f, id, "A's third title", &replaced, &saved);
  g_assert_true (summit_store_undo_panel_edit (f->a, replaced, saved, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = summit_store_get_panel (f->b, id, NULL);
  g_assert_cmpstr (summit_panel_get_title (stored), ==, "A's second title");
  g_assert_cmpstr (summit_panel_get_room (stored), ==, "Room B");
  g_assert_true (summit_session_field_equal (stored, replaced, SUMMIT_SESSION_LINEUP));
  g_assert_cmpint (summit_panel_get_version (stored), ==, summit_panel_get_version (saved) + 1);

  /* Undone twice: the second is over a version it did not write. */
  g_assert_false (summit_store_undo_panel_edit (f->a, replaced, saved, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Deleted since the save: nothing written, and the message says so. */
  save_title (f, id, "A's fourth title", &replaced, &saved);
  g_assert_true (summit_store_delete_panel (f->b, id, &error));
  g_assert_false (summit_store_undo_panel_edit (f->a, replaced, saved, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "A's fourth title"));
}

/* An edit that wrote the lineup too is undone with its lineup. */
static void
test_session_undo_puts_lineup_back (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(SummitPanel) in_a = session_with_lineup (f->a);
  g_autoptr(SummitPanel) replaced = summit_session_copy (in_a);
  g_autoptr(SummitPanel) stored = NULL;
  g_autoptr(GError) error = NULL;
  SummitPanelMember added = { 0 };

  added.person_id = other_person_id (f->a, in_a);
  added.role = SUMMIT_ROLE_HOST;
  summit_panel_append_member (in_a, &added);
  summit_panel_set_description (in_a, "with a host");
  g_assert_true (summit_store_update_panel_with_lineup (f->a, in_a, &error));
  g_assert_no_error (error);

  g_assert_true (summit_store_undo_panel_edit (f->a, replaced, in_a, &error));
  g_assert_no_error (error);
  stored = summit_store_get_panel (f->b, summit_panel_get_id (in_a), NULL);
  g_assert_cmpstr (summit_panel_get_description (stored), ==, summit_panel_get_description (replaced));
  g_assert_true (summit_session_field_equal (stored, replaced, SUMMIT_SESSION_LINEUP));
}

static guint
count_sessions (SummitStore *store)
{
  g_autoptr(SummitEdition) edition = summit_store_get_edition (store, 2020, NULL);
  g_autoptr(GPtrArray) panels = summit_store_list_panels (store, summit_edition_get_id (edition), NULL);

  return panels->len;
}

/* Undo of a deletion re-creates the session with its lineup, whole or not at all. */
static void
test_session_restore_whole_or_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(SummitPanel) deleted = session_with_lineup (f->a);
  g_autoptr(SummitPanel) stored = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = summit_panel_get_member (deleted, 0)->person_id;
  guint n = count_sessions (f->a);

  g_assert_true (summit_store_delete_panel (f->a, summit_panel_get_id (deleted), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sessions (f->b), ==, n - 1);

  /* Nobody changed anything meanwhile: back, with its lineup. */
  g_assert_true (summit_store_restore_panel (f->a, deleted, &error));
  g_assert_no_error (error);
  stored = summit_store_get_panel (f->b, summit_panel_get_id (deleted), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_panel_get_uid (stored), ==, summit_panel_get_uid (deleted));
  g_assert_cmpstr (summit_panel_get_title (stored), ==, summit_panel_get_title (deleted));
  g_assert_true (summit_session_field_equal (stored, deleted, SUMMIT_SESSION_LINEUP));

  /* Deleted again; B deletes someone in its lineup: the undo writes nothing. */
  g_assert_true (summit_store_delete_panel (f->a, summit_panel_get_id (deleted), &error));
  gone = summit_store_delete_people (f->b, &person_id, 1, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_restore_panel (f->a, deleted, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, summit_panel_get_member (deleted, 0)->display_name));
  g_assert_nonnull (strstr (error->message, summit_panel_get_title (deleted)));
  g_assert_cmpuint (count_sessions (f->b), ==, n - 1);
}

static void
test_edition_and_figure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SummitEdition) in_a = summit_store_get_edition (f->a, 2020, NULL);
  g_autoptr(SummitEdition) in_b = summit_store_get_edition (f->b, 2020, NULL);
  g_autoptr(SummitEdition) stored = NULL;
  g_autoptr(GPtrArray) stats_a = summit_store_list_year_statistics (f->a, NULL);
  g_autoptr(GPtrArray) stats_b = summit_store_list_year_statistics (f->b, NULL);
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(SummitYearStatistic) moved = NULL;
  g_autoptr(GError) error = NULL;
  SummitYearStatistic *stat_a = g_ptr_array_index (stats_a, 0);
  SummitYearStatistic *stat_b = g_ptr_array_index (stats_b, 0);
  int year = summit_year_statistic_get_year (stat_a);

  summit_edition_set_theme (in_a, "A's theme");
  g_assert_true (summit_store_put_edition (f->a, in_a, &error));
  g_assert_no_error (error);
  summit_edition_set_theme (in_b, "B's theme");
  assert_refused (summit_store_put_edition (f->b, in_b, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  stored = summit_store_get_edition (f->b, 2020, NULL);
  g_assert_cmpstr (summit_edition_get_theme (stored), ==, "A's theme");

  summit_year_statistic_set_source (stat_a, "A's source");
  g_assert_true (summit_store_save_year_statistic (f->a, stat_a, year, &error));
  g_assert_no_error (error);
  summit_year_statistic_set_source (stat_b, "B's source");
  assert_refused (summit_store_save_year_statistic (f->b, stat_b, year, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);
  /* Nor may B move the year it read to another. */
  moved = summit_year_statistic_new (1999, SUMMIT_FIGURE_MISSING);
  summit_year_statistic_set_version (moved, summit_year_statistic_get_version (stat_b));
  assert_refused (summit_store_save_year_statistic (f->b, moved, year, &error),
                  &error, SUMMIT_STORE_ERROR_CONFLICT);

  stats = summit_store_list_year_statistics (f->b, NULL);
  g_assert_cmpint (summit_year_statistic_get_year (g_ptr_array_index (stats, 0)), ==, year);
  g_assert_cmpstr (summit_year_statistic_get_source (g_ptr_array_index (stats, 0)), ==, "A's source");
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/core/merge/person/each-case", test_person_rules);
  g_test_add_func ("/core/merge/session/each-field-each-case", test_session_rules);
  g_test_add ("/core/merge/store/person-different-fields-both-kept", Fixture, NULL,
              fixture_set_up, test_person_different_fields, fixture_tear_down);
  g_test_add ("/core/merge/store/person-same-field-is-a-conflict", Fixture, NULL,
              fixture_set_up, test_person_same_field, fixture_tear_down);
  g_test_add ("/core/merge/store/person-deleted-meanwhile", Fixture, NULL,
              fixture_set_up, test_person_deleted_meanwhile, fixture_tear_down);
  g_test_add ("/core/merge/store/person-without-version-saves", Fixture, NULL,
              fixture_set_up, test_person_unversioned, fixture_tear_down);
  g_test_add ("/core/merge/store/session-title-and-lineup-both-kept", Fixture, NULL,
              fixture_set_up, test_session_title_and_lineup, fixture_tear_down);
  g_test_add ("/core/merge/store/session-both-lineups-is-a-conflict", Fixture, NULL,
              fixture_set_up, test_session_both_lineups, fixture_tear_down);
  g_test_add ("/core/merge/store/session-lineup-change-raises-version", Fixture, NULL,
              fixture_set_up, test_session_lineup_change_raises_version, fixture_tear_down);
  g_test_add ("/core/merge/store/session-lineup-actions-check-version", Fixture, NULL,
              fixture_set_up, test_session_lineup_actions_check_version, fixture_tear_down);
  g_test_add ("/core/merge/store/session-undo-only-over-own-save", Fixture, NULL,
              fixture_set_up, test_session_undo_only_over_own_save, fixture_tear_down);
  g_test_add ("/core/merge/store/session-undo-puts-lineup-back", Fixture, NULL,
              fixture_set_up, test_session_undo_puts_lineup_back, fixture_tear_down);
  g_test_add ("/core/merge/store/session-restore-whole-or-nothing", Fixture, NULL,
              fixture_set_up, test_session_restore_whole_or_nothing, fixture_tear_down);
  g_test_add ("/core/merge/store/edition-and-figure-refuse-stale", Fixture, NULL,
              fixture_set_up, test_edition_and_figure, fixture_tear_down);

  rc = g_test_run ();
  test_tmpdir_free (tmpdir);
  return rc;
}
