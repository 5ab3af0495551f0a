/* test-time.c — UTC instants shown in IANA zones, across DST changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-time.h"

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
assert_in_zone (const char *iso,
                const char *zone,
                const char *expected)
{
  g_autofree char *text = summit_time_format_in_zone (utc (iso), zone);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_warsaw_spring_change (void)
{
  /* 2020-03-29: clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC. */
  assert_in_zone ("2020-03-29T00:59:00Z", "Europe/Warsaw", "01:59 Warsaw (UTC+1)");
  assert_in_zone ("2020-03-29T01:00:00Z", "Europe/Warsaw", "03:00 Warsaw (UTC+2)");
  /* Taipei has no DST: the gap to Warsaw shrinks from 7 to 6 hours. */
  assert_in_zone ("2020-03-28T12:00:00Z", "Asia/Taipei", "20:00 Taipei (UTC+8)");
  assert_in_zone ("2020-03-28T12:00:00Z", "Europe/Warsaw", "13:00 Warsaw (UTC+1)");
  assert_in_zone ("2020-03-30T12:00:00Z", "Europe/Warsaw", "14:00 Warsaw (UTC+2)");
}

static void
test_warsaw_autumn_change (void)
{
  /* 2020-10-25: back from 03:00 CEST to 02:00 CET at 01:00 UTC; 02:30 happens twice. */
  assert_in_zone ("2020-10-25T00:30:00Z", "Europe/Warsaw", "02:30 Warsaw (UTC+2)");
  assert_in_zone ("2020-10-25T01:30:00Z", "Europe/Warsaw", "02:30 Warsaw (UTC+1)");
  assert_in_zone ("2020-10-26T14:00:00Z", "Europe/Warsaw", "15:00 Warsaw (UTC+1)");
}

static void
test_offsets_and_names (void)
{
  g_autofree char *city = summit_time_zone_city ("America/Argentina/Buenos_Aires");
  g_autofree char *day = summit_time_format_day (utc ("2020-09-24T14:00:00Z"), "Asia/Taipei");
  g_autofree char *iso = summit_time_format_iso_day (utc ("2020-09-24T17:00:00Z"), "Asia/Taipei");

  g_assert_cmpstr (city, ==, "Buenos Aires");
  assert_in_zone ("2020-08-13T07:00:00Z", "Asia/Kolkata", "12:30 Kolkata (UTC+5:30)");
  assert_in_zone ("2020-08-13T07:00:00Z", "America/New_York", "03:00 New York (UTC-4)");
  assert_in_zone ("2020-08-13T07:00:00Z", "UTC", "07:00 UTC (UTC)");
  g_assert_cmpstr (day, ==, "Thursday, 24 September 2020");
  /* 17:00 UTC is already the next day in Taipei. */
  g_assert_cmpstr (iso, ==, "2020-09-25");
}

/* The files' times: UTC or with an offset; anything else is refused and
 * leaves the result alone. */
static void
test_parse_instant (void)
{
  gint64 t = 42;

  g_assert_true (summit_time_parse_instant ("2020-08-13T07:00:00Z", &t));
  g_assert_cmpint (t, ==, 1597302000);
  g_assert_true (summit_time_parse_instant ("2020-08-13T15:00:00+08:00", &t));
  g_assert_cmpint (t, ==, 1597302000);

  t = 42;
  g_assert_false (summit_time_parse_instant ("", &t));
  g_assert_false (summit_time_parse_instant ("2020-08-13", &t));
  g_assert_false (summit_time_parse_instant ("2020-02-30T07:00:00Z", &t));
  g_assert_false (summit_time_parse_instant ("yesterday", &t));
  g_assert_cmpint (t, ==, 42);
}

static void
test_unknown_zone (void)
{
  g_autoptr(GTimeZone) taipei = summit_time_zone_new ("Asia/Taipei");

  g_assert_null (summit_time_zone_new ("Mars/Olympus_Mons"));
  g_assert_null (summit_time_zone_new (""));
  g_assert_nonnull (taipei);
}

/* The one reader of "YYYY-MM-DD": real days only, in that form only. */
static void
test_parse_date (void)
{
  const char *refused[] = { "", "2020-9-24", "2020-09-24x", "20200924", "2019-02-29",
                            "2020-13-01", "2020-W39-4", "2020-268", " 2020-09-24" };
  int y = 0, m = 0, d = 0;

  g_assert_true (summit_time_parse_date ("2020-09-24", &y, &m, &d));
  g_assert_cmpint (y, ==, 2020);
  g_assert_cmpint (m, ==, 9);
  g_assert_cmpint (d, ==, 24);
  g_assert_true (summit_time_parse_date ("2020-02-29", &y, &m, &d));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (summit_time_parse_date (refused[i], &y, &m, &d));
  g_assert_false (summit_time_parse_date (NULL, &y, &m, &d));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/time/warsaw-spring-change", test_warsaw_spring_change);
  g_test_add_func ("/core/time/parse-instant", test_parse_instant);
  g_test_add_func ("/core/time/warsaw-autumn-change", test_warsaw_autumn_change);
  g_test_add_func ("/core/time/offsets-and-names", test_offsets_and_names);
  g_test_add_func ("/core/time/unknown-zone", test_unknown_zone);
  g_test_add_func ("/core/time/parse-date", test_parse_date);

  return g_test_run ();
}
