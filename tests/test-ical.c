/* test-ical.c — the programme as iCalendar, parsed back with libical and
 * compared with the database: same sessions, same instants, named zones
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <sys/wait.h>

#include "summit-ical.h"
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

static SummitStore *
open_seeded (const char *name)
{
  return test_open_store (tmpdir, name, TRUE);
}

static icalcomponent *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical finds nothing to complain about. */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;
  return NULL;
}

static const char *
tzid_of (icalcomponent     *event,
         icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return tzid ? icalparameter_get_tzid (tzid) : NULL;
}

/* The instant an event starts, as a calendar reading the file would place it. */
static gint64
start_of (icalcomponent *event)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);

  g_assert_nonnull (start.zone);
  return (gint64)icaltime_as_timet_with_zone (start, start.zone);
}

static gint64
end_of (icalcomponent *event)
{
  struct icaltimetype end = icalcomponent_get_dtend (event);

  g_assert_nonnull (end.zone);
  return (gint64)icaltime_as_timet_with_zone (end, end.zone);
}

static void
test_whole_programme_round_trip (void)
{
  g_autoptr(SummitStore) store = open_seeded ("whole.db");
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "whole.ics", NULL);
  icalcomponent *calendar;
  icalcomponent *event;
  struct icaltimetype start;

  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_export_ical (store, edition, 0, path, &error));
  g_assert_no_error (error);

  calendar = parse_file (path);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  /* Every timed session: same title, same instants as in the database. */
  panels = summit_store_list_panels (store, summit_edition_get_id (edition), &error);
  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *uid = g_strdup_printf ("%s@summitplanner.github.io", summit_panel_get_uid (panel));
      gint64 when;

      event = find_event (calendar, uid);
      g_assert_nonnull (event);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, summit_panel_get_title (panel));
      if (summit_panel_get_start (panel, &when))
        {
          g_assert_cmpstr (tzid_of (event, ICAL_DTSTART_PROPERTY), ==, "Asia/Taipei");
          g_assert_cmpint (start_of (event), ==, when);
          g_assert_cmpint (end_of (event), ==, when + summit_panel_get_duration (panel) * 60);
        }
    }

  /* The opening reads 15:00 in Taipei, the wall-clock time in the file. */
  event = find_event (calendar, "seed-2020-opening@summitplanner.github.io");
  start = icalcomponent_get_dtstart (event);
  g_assert_cmpint (start.hour, ==, 15);
  g_assert_cmpint (start_of (event), ==, utc ("2020-08-13T07:00:00Z"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Ko Wen-je"));

  /* The Gdynia speech has a day and no time: an all-day event. */
  event = find_event (calendar, "seed-2020-gdynia-speech@summitplanner.github.io");
  start = icalcomponent_get_dtstart (event);
  g_assert_true (start.is_date);
  g_assert_cmpint (start.month, ==, 8);
  g_assert_cmpint (start.day, ==, 13);

  icalcomponent_free (calendar);
}

static void
test_one_person_in_their_zone_across_dst (void)
{
  g_autoptr(SummitStore) store = open_seeded ("person.db");
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(SummitPanel) winter = summit_panel_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "mariusz.ics", NULL);
  icalcomponent *calendar;
  icalcomponent *event;
  gint64 mariusz;
  gint64 when;

  edition = summit_store_get_edition (store, 2020, &error);
  mariusz = summit_store_lookup_person (store, "seed-mariusz-sagan", &error);
  g_assert_no_error (error);

  /* A follow-up after the October change: 10:00 CET = 09:00 UTC. */
  g_assert_true (summit_time_parse_local ("2020-10-26", "10:00", "Europe/Warsaw", &when, NULL));
  summit_panel_set_uid (winter, "test-winter");
  summit_panel_set_edition_id (winter, summit_edition_get_id (edition));
  summit_panel_set_title (winter, "Follow-up, Lublin; \"smart\" buses, trams & more");
  summit_panel_set_kind (winter, SUMMIT_PANEL_SPEECH);
  summit_panel_set_start (winter, when);
  summit_panel_set_duration (winter, 30);
  g_assert_true (summit_store_insert_panel (store, winter, &error));
  g_assert_true (summit_store_add_panel_member (store, summit_panel_get_id (winter), mariusz,
                                                SUMMIT_ROLE_SPEAKER, 0, &error));
  g_assert_no_error (error);

  g_assert_true (summit_store_export_ical (store, edition, mariusz, path, &error));
  g_assert_no_error (error);
  calendar = parse_file (path);

  /* Only his two sessions, in his own zone. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_null (find_event (calendar, "seed-2020-opening@summitplanner.github.io"));

  event = find_event (calendar, "seed-2020-lublin-panel@summitplanner.github.io");
  g_assert_cmpstr (tzid_of (event, ICAL_DTSTART_PROPERTY), ==, "Europe/Warsaw");
  g_assert_cmpint (icalcomponent_get_dtstart (event).hour, ==, 16);   /* CEST */
  g_assert_cmpint (start_of (event), ==, utc ("2020-09-24T14:00:00Z"));

  event = find_event (calendar, "test-winter@summitplanner.github.io");
  g_assert_cmpstr (tzid_of (event, ICAL_DTEND_PROPERTY), ==, "Europe/Warsaw");
  g_assert_cmpint (icalcomponent_get_dtstart (event).hour, ==, 10);   /* CET */
  g_assert_cmpint (start_of (event), ==, utc ("2020-10-26T09:00:00Z"));
  g_assert_cmpint (end_of (event), ==, utc ("2020-10-26T09:30:00Z"));
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, summit_panel_get_title (winter));

  icalcomponent_free (calendar);
}

static void
test_refuses_unknown_zone (void)
{
  g_autoptr(SummitEdition) edition = summit_edition_new (2020);
  g_autoptr(GPtrArray) panels = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  summit_edition_set_timezone (edition, "Asia/Taipei");
  text = summit_ical_build (edition, panels, 0, "Nowhere/Special", &error);
  g_assert_null (text);
  g_assert_nonnull (error);
}

static void
test_cli_export (void)
{
  g_autoptr(SummitStore) store = open_seeded ("cli.db");
  g_autofree char *database = test_store_location (tmpdir, "cli.db");
  g_autofree char *path = g_build_filename (tmpdir, "cli.ics", NULL);
  g_autofree char *txt = g_build_filename (tmpdir, "cli.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err_txt = NULL;
  icalcomponent *calendar;
  int status;

  g_clear_object (&store);
  if (!test_run_cli_file (database, "export", path, &status, &err))
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  calendar = parse_file (path);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  icalcomponent_free (calendar);

  /* The format comes from the extension; unknown ones are refused, nothing written. */
  test_run_cli_file (database, "export", txt, &status, &err_txt);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err_txt, ".ics"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/io/ical/whole-programme-round-trip", test_whole_programme_round_trip);
  g_test_add_func ("/io/ical/one-person-in-their-zone-across-dst",
                   test_one_person_in_their_zone_across_dst);
  g_test_add_func ("/io/ical/refuses-unknown-zone", test_refuses_unknown_zone);
  g_test_add_func ("/cli/export-ics", test_cli_export);

  ret = g_test_run ();
  icaltimezone_free_builtin_timezones ();
  test_tmpdir_free (tmpdir);
  return ret;
}
