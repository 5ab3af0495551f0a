/* test-programme.c — sessions and their lineups: times typed in any zone,
 * edits, deletion, lineup order and roles that persist
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-people.h"
#include "summit-programme.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
assert_parses (const char *date,
               const char *clock,
               const char *zone,
               const char *expected_utc)
{
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;

  g_assert_true (summit_time_parse_local (date, clock, zone, &instant, &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, utc (expected_utc));
}

static void
assert_refused (const char *date,
                const char *clock,
                const char *zone,
                int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 instant = 42;

  g_assert_false (summit_time_parse_local (date, clock, zone, &instant, &error));
  g_assert_error (error, SUMMIT_TIME_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_parse_in_any_zone (void)
{
  /* The seed's panel: 22:00 in Taipei is 16:00 in Warsaw is 14:00 UTC. */
  assert_parses ("2020-09-24", "22:00", "Asia/Taipei", "2020-09-24T14:00:00Z");
  assert_parses ("2020-09-24", "16:00", "Europe/Warsaw", "2020-09-24T14:00:00Z");
  assert_parses ("2020-08-13", "09:00", "Europe/Warsaw", "2020-08-13T07:00:00Z");
  assert_parses ("2020-08-13", "12:30:00", "Asia/Kolkata", "2020-08-13T07:00:00Z");
  assert_parses ("2020-08-12", "23:00", "America/Los_Angeles", "2020-08-13T06:00:00Z");
}

static void
test_parse_warsaw_march (void)
{
  /* 2020-03-29: 02:00 CET jumps to 03:00 CEST. */
  assert_parses ("2020-03-28", "12:00", "Europe/Warsaw", "2020-03-28T11:00:00Z");
  assert_parses ("2020-03-29", "01:59", "Europe/Warsaw", "2020-03-29T00:59:00Z");
  assert_parses ("2020-03-29", "03:00", "Europe/Warsaw", "2020-03-29T01:00:00Z");
  assert_parses ("2020-03-29", "12:00", "Europe/Warsaw", "2020-03-29T10:00:00Z");
  /* 02:30 never happens that night. */
  assert_refused ("2020-03-29", "02:30", "Europe/Warsaw", SUMMIT_TIME_ERROR_SKIPPED);
  /* Taipei keeps UTC+8 on both sides. */
  assert_parses ("2020-03-28", "20:00", "Asia/Taipei", "2020-03-28T12:00:00Z");
  assert_parses ("2020-03-30", "20:00", "Asia/Taipei", "2020-03-30T12:00:00Z");
}

static void
test_parse_warsaw_october (void)
{
  /* 2020-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice. */
  assert_parses ("2020-10-24", "12:00", "Europe/Warsaw", "2020-10-24T10:00:00Z");
  assert_parses ("2020-10-25", "01:30", "Europe/Warsaw", "2020-10-24T23:30:00Z");
  assert_parses ("2020-10-25", "02:30", "Europe/Warsaw", "2020-10-25T00:30:00Z");
  assert_parses ("2020-10-25", "03:00", "Europe/Warsaw", "2020-10-25T02:00:00Z");
  assert_parses ("2020-10-25", "12:00", "Europe/Warsaw", "2020-10-25T11:00:00Z");
}

static void
test_parse_refuses_bad_input (void)
{
  assert_refused ("2020-09-24", "22:00", "Mars/Olympus_Mons", SUMMIT_TIME_ERROR_UNKNOWN_ZONE);
  assert_refused ("2020-09-24", "22:00", "", SUMMIT_TIME_ERROR_UNKNOWN_ZONE);
  assert_refused ("2020-09-24", "22:00", NULL, SUMMIT_TIME_ERROR_UNKNOWN_ZONE);
  assert_refused ("2020-02-30", "22:00", "Asia/Taipei", SUMMIT_TIME_ERROR_BAD_DATE);
  assert_refused ("24/09/2020", "22:00", "Asia/Taipei", SUMMIT_TIME_ERROR_BAD_DATE);
  assert_refused ("2020-09-24", "25:00", "Asia/Taipei", SUMMIT_TIME_ERROR_BAD_TIME);
  assert_refused ("2020-09-24", "10pm", "Asia/Taipei", SUMMIT_TIME_ERROR_BAD_TIME);
  assert_refused ("2020-09-24", "22:00x", "Asia/Taipei", SUMMIT_TIME_ERROR_BAD_TIME);
  g_assert_true (summit_time_zone_is_known ("Europe/Warsaw"));
  g_assert_false (summit_time_zone_is_known ("Europe/Lublin"));
}

typedef struct
{
  char          *path;
  SummitStore   *store;
  SummitEdition *edition;
  gint64         ko, bartosz, mariusz;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  static int n;

  name = g_strdup_printf ("programme-%d.db", n++);
  f->path = test_store_location (tmpdir, name);
  f->store = summit_store_open_and_seed (f->path, &error);
  g_assert_no_error (error);
  f->edition = summit_store_get_edition (f->store, 2020, &error);
  g_assert_no_error (error);
  f->ko = summit_store_lookup_person (f->store, "seed-ko-wen-je", &error);
  f->bartosz = summit_store_lookup_person (f->store, "seed-bartosz-bartoszewicz", &error);
  f->mariusz = summit_store_lookup_person (f->store, "seed-mariusz-sagan", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->edition);
  g_clear_object (&f->store);
  g_free (f->path);
}

static SummitPanel *
new_panel (Fixture    *f,
           const char *title,
           const char *start_iso)
{
  g_autoptr(GError) error = NULL;
  SummitPanel *panel = summit_panel_new ();

  summit_panel_set_edition_id (panel, summit_edition_get_id (f->edition));
  summit_panel_set_title (panel, title);
  summit_panel_set_kind (panel, SUMMIT_PANEL_DISCUSSION);
  summit_panel_set_start (panel, utc (start_iso));
  summit_panel_set_duration (panel, 60);
  summit_panel_set_room (panel, "Studio B");
  g_assert_true (summit_store_insert_panel (f->store, panel, &error));
  g_assert_no_error (error);
  return panel;
}

static void
test_update_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SummitPanel) panel = new_panel (f, "Draft title", "2020-09-01T08:00:00Z");
  g_autoptr(SummitPanel) read = NULL;
  g_autoptr(SummitPanel) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  summit_panel_set_title (panel, "Smart mobility");
  summit_panel_set_kind (panel, SUMMIT_PANEL_KEYNOTE);
  summit_panel_set_start (panel, utc ("2020-09-02T09:30:00Z"));
  summit_panel_set_duration (panel, 45);
  summit_panel_set_room (panel, "Online stream");
  summit_panel_set_description (panel, "Buses & trams <live>");
  g_assert_true (summit_store_update_panel (f->store, panel, &error));
  g_assert_no_error (error);

  read = summit_store_get_panel (f->store, summit_panel_get_id (panel), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_panel_get_title (read), ==, "Smart mobility");
  g_assert_cmpint (summit_panel_get_kind (read), ==, SUMMIT_PANEL_KEYNOTE);
  g_assert_true (summit_panel_get_start (read, &start));
  g_assert_cmpint (start, ==, utc ("2020-09-02T09:30:00Z"));
  g_assert_cmpint (summit_panel_get_duration (read), ==, 45);
  g_assert_cmpstr (summit_panel_get_room (read), ==, "Online stream");
  g_assert_cmpstr (summit_panel_get_description (read), ==, "Buses & trams <live>");
  g_assert_cmpint (summit_panel_get_edition_id (read), ==, summit_edition_get_id (f->edition));

  g_assert_true (summit_store_add_panel_member (f->store, summit_panel_get_id (panel), f->ko,
                                                SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_true (summit_store_delete_panel (f->store, summit_panel_get_id (panel), &error));
  g_assert_no_error (error);
  gone = summit_store_get_panel (f->store, summit_panel_get_id (panel), &error);
  g_assert_null (gone);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The person stays; updating the deleted session says it is gone. */
  g_assert_cmpint (summit_store_lookup_person (f->store, "seed-ko-wen-je", &error), ==, f->ko);
  g_assert_false (summit_store_update_panel (f->store, panel, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
}

static void
assert_lineup (SummitStore *store,
               gint64       panel_id,
               const gint64 *ids,
               const SummitRole *roles,
               guint        n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPanel) panel = summit_store_get_panel (store, panel_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (summit_panel_get_n_members (panel), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (summit_panel_get_member (panel, i)->person_id, ==, ids[i]);
      g_assert_cmpint (summit_panel_get_member (panel, i)->role, ==, roles[i]);
    }
}

static void
test_lineup_order_persists (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SummitPanel) panel = new_panel (f, "Cities after COVID-19", "2020-09-01T08:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (panel);

  g_assert_true (summit_store_add_panel_member (f->store, id, f->mariusz, SUMMIT_ROLE_MODERATOR, 0, &error));
  g_assert_true (summit_store_add_panel_member (f->store, id, f->ko, SUMMIT_ROLE_PANELIST, 0, &error));
  g_assert_true (summit_store_add_panel_member (f->store, id, f->bartosz, SUMMIT_ROLE_PANELIST, 0, &error));
  g_assert_no_error (error);
  assert_lineup (f->store, id, (gint64[]){ f->mariusz, f->ko, f->bartosz },
                 (SummitRole[]){ SUMMIT_ROLE_MODERATOR, SUMMIT_ROLE_PANELIST, SUMMIT_ROLE_PANELIST }, 3);

  /* Alt+Down on the moderator, then Bartosz to the top. */
  g_assert_true (summit_store_move_panel_member (f->store, id, f->mariusz, 1, 0, &error));
  g_assert_true (summit_store_move_panel_member (f->store, id, f->bartosz, 0, 0, &error));
  g_assert_true (summit_store_set_panel_member_role (f->store, id, f->ko, SUMMIT_ROLE_HOST, 0, &error));
  g_assert_no_error (error);

  /* Closed and opened again: the order and roles are on disk. */
  g_clear_object (&f->store);
  f->store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  assert_lineup (f->store, id, (gint64[]){ f->bartosz, f->ko, f->mariusz },
                 (SummitRole[]){ SUMMIT_ROLE_PANELIST, SUMMIT_ROLE_HOST, SUMMIT_ROLE_MODERATOR }, 3);

  /* Moves past either end stay in the lineup. */
  g_assert_true (summit_store_move_panel_member (f->store, id, f->bartosz, -1, 0, &error));
  g_assert_true (summit_store_move_panel_member (f->store, id, f->ko, 99, 0, &error));
  assert_lineup (f->store, id, (gint64[]){ f->bartosz, f->mariusz, f->ko },
                 (SummitRole[]){ SUMMIT_ROLE_PANELIST, SUMMIT_ROLE_MODERATOR, SUMMIT_ROLE_HOST }, 3);

  /* Removing closes the gap; a later add goes to the end. */
  g_assert_true (summit_store_remove_panel_member (f->store, id, f->bartosz, 0, &error));
  g_assert_true (summit_store_add_panel_member (f->store, id, f->bartosz, SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_no_error (error);
  assert_lineup (f->store, id, (gint64[]){ f->mariusz, f->ko, f->bartosz },
                 (SummitRole[]){ SUMMIT_ROLE_MODERATOR, SUMMIT_ROLE_HOST, SUMMIT_ROLE_SPEAKER }, 3);
}

static void
test_lineup_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SummitPanel) panel = new_panel (f, "Open data", "2020-09-01T08:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 id = summit_panel_get_id (panel);

  g_assert_true (summit_store_add_panel_member (f->store, id, f->ko, SUMMIT_ROLE_PANELIST, 0, &error));
  g_assert_false (summit_store_add_panel_member (f->store, id, f->ko, SUMMIT_ROLE_MODERATOR, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (summit_store_remove_panel_member (f->store, id, f->bartosz, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (summit_store_move_panel_member (f->store, id, f->bartosz, 0, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (summit_store_add_panel_member (f->store, 9999, f->ko, SUMMIT_ROLE_PANELIST, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nothing changed by the refusals. */
  assert_lineup (f->store, id, (gint64[]){ f->ko }, (SummitRole[]){ SUMMIT_ROLE_PANELIST }, 1);
}

static guint
count_panels (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panels = summit_store_list_panels (f->store, summit_edition_get_id (f->edition),
                                                          &error);

  g_assert_no_error (error);
  return panels->len;
}

static void
test_insert_whole_or_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SummitPanel) first = new_panel (f, "Open data", "2020-09-01T08:00:00Z");
  g_autoptr(SummitPanel) panel = summit_panel_new ();
  g_autoptr(SummitPanel) twin = summit_panel_new ();
  g_autoptr(SummitPanel) stranger = summit_panel_new ();
  g_autoptr(SummitPanel) read = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  /* A new session with its lineup gets an id of its own, and both are stored. */
  summit_panel_set_edition_id (panel, summit_edition_get_id (f->edition));
  summit_panel_set_title (panel, "Smart mobility");
  summit_panel_set_start (panel, utc ("2020-09-02T08:00:00Z"));
  summit_panel_set_duration (panel, 60);
  summit_panel_append_member (panel, &(SummitPanelMember){ .person_id = f->mariusz,
                                                           .role = SUMMIT_ROLE_MODERATOR });
  summit_panel_append_member (panel, &(SummitPanelMember){ .person_id = f->ko,
                                                           .role = SUMMIT_ROLE_PANELIST });
  g_assert_true (summit_store_insert_panel (f->store, panel, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summit_panel_get_id (panel), >, 0);
  g_assert_cmpint (summit_panel_get_id (panel), !=, summit_panel_get_id (first));
  read = summit_store_get_panel (f->store, summit_panel_get_id (panel), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_panel_get_title (read), ==, "Smart mobility");
  assert_lineup (f->store, summit_panel_get_id (panel), (gint64[]){ f->mariusz, f->ko },
                 (SummitRole[]){ SUMMIT_ROLE_MODERATOR, SUMMIT_ROLE_PANELIST }, 2);
  before = count_panels (f);

  /* The same uid twice is refused, and the copy gets no id. */
  summit_panel_set_uid (twin, summit_panel_get_uid (panel));
  summit_panel_set_edition_id (twin, summit_edition_get_id (f->edition));
  summit_panel_set_title (twin, "Copy");
  summit_panel_set_duration (twin, 30);
  g_assert_false (summit_store_insert_panel (f->store, twin, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (summit_panel_get_id (twin), ==, 0);

  /* A lineup naming nobody stored leaves no session behind. */
  summit_panel_set_edition_id (stranger, summit_edition_get_id (f->edition));
  summit_panel_set_title (stranger, "Nobody's panel");
  summit_panel_set_duration (stranger, 30);
  summit_panel_append_member (stranger, &(SummitPanelMember){ .person_id = 999999,
                                                              .role = SUMMIT_ROLE_SPEAKER });
  g_assert_false (summit_store_insert_panel (f->store, stranger, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (count_panels (f), ==, before);
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SummitPanel) panel = summit_panel_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  summit_panel_set_title (panel, "Closing");
  summit_panel_set_kind (panel, SUMMIT_PANEL_SPEECH);
  summit_panel_set_duration (panel, 30);
  /* 24 September, 23:30 in Taipei: the last day of the edition. */
  g_assert_true (summit_time_parse_local ("2020-09-24", "23:30", "Asia/Taipei", &start, NULL));
  summit_panel_set_start (panel, start);
  g_assert_true (summit_panel_validate (panel, f->edition, &error));
  g_assert_no_error (error);

  /* 25 September 00:30 in Taipei is still the 24th in Warsaw, but outside. */
  g_assert_true (summit_time_parse_local ("2020-09-24", "18:30", "Europe/Warsaw", &start, NULL));
  summit_panel_set_start (panel, start);
  g_assert_false (summit_panel_validate (panel, f->edition, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (summit_time_parse_local ("2020-08-12", "15:00", "Asia/Taipei", &start, NULL));
  summit_panel_set_start (panel, start);
  g_assert_false (summit_panel_validate (panel, f->edition, &error));
  g_clear_error (&error);

  summit_panel_set_start (panel, utc ("2020-09-01T08:00:00Z"));
  summit_panel_set_duration (panel, 0);
  g_assert_false (summit_panel_validate (panel, f->edition, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  summit_panel_set_duration (panel, 30);
  summit_panel_set_title (panel, "   ");
  g_assert_false (summit_panel_validate (panel, f->edition, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A session known only by its day is checked by that day. */
  summit_panel_set_title (panel, "Closing");
  summit_panel_unset_start (panel);
  summit_panel_set_day (panel, "2020-10-01");
  g_assert_false (summit_panel_validate (panel, f->edition, &error));
  g_clear_error (&error);
  summit_panel_set_day (panel, "2020-08-13");
  g_assert_true (summit_panel_validate (panel, f->edition, &error));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/core/time/parse-in-any-zone", test_parse_in_any_zone);
  g_test_add_func ("/core/time/parse-warsaw-march-change", test_parse_warsaw_march);
  g_test_add_func ("/core/time/parse-warsaw-october-change", test_parse_warsaw_october);
  g_test_add_func ("/core/time/parse-refuses-bad-input", test_parse_refuses_bad_input);
  g_test_add ("/core/programme/update-and-delete", Fixture, NULL,
              fixture_set_up, test_update_and_delete, fixture_tear_down);
  g_test_add ("/core/programme/lineup-order-persists", Fixture, NULL,
              fixture_set_up, test_lineup_order_persists, fixture_tear_down);
  g_test_add ("/core/programme/lineup-refusals-change-nothing", Fixture, NULL,
              fixture_set_up, test_lineup_refusals, fixture_tear_down);
  g_test_add ("/core/programme/insert-whole-or-nothing", Fixture, NULL,
              fixture_set_up, test_insert_whole_or_nothing, fixture_tear_down);
  g_test_add ("/core/programme/validate", Fixture, NULL,
              fixture_set_up, test_validate, fixture_tear_down);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
