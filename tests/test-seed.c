/* test-seed.c — the first-run data holds the announcement's facts exactly
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-people.h"
#include "summit-store-private.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static SummitStore *
open_seeded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_store_location (tmpdir, "seeded.db");
  SummitStore *store;

  store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  return store;
}

static SummitYearStatistic *
find_year (GPtrArray *stats,
           int        year)
{
  for (guint i = 0; i < stats->len; i++)
    if (summit_year_statistic_get_year (g_ptr_array_index (stats, i)) == year)
      return g_ptr_array_index (stats, i);
  return NULL;
}

static void
test_figures (void)
{
  g_autoptr(SummitStore) store = open_seeded ();
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;
  const struct { int year; int overseas; } recorded[] = {
    { 2015, 3 }, { 2016, 5 }, { 2017, 54 }, { 2018, 120 },
  };
  SummitYearStatistic *stat;
  g_autofree char *text_2019 = NULL;
  g_autofree char *text_2020 = NULL;

  stats = summit_store_list_year_statistics (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->len, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (recorded); i++)
    {
      stat = find_year (stats, recorded[i].year);
      g_assert_nonnull (stat);
      g_assert_cmpint (summit_year_statistic_get_kind (stat), ==, SUMMIT_FIGURE_RECORDED);
      g_assert_cmpint (summit_year_statistic_get_overseas (stat), ==, recorded[i].overseas);
      g_assert_false (summit_year_statistic_get_lower_bound (stat));
    }

  /* 2019: a gap, never a zero. */
  stat = find_year (stats, 2019);
  g_assert_nonnull (stat);
  g_assert_cmpint (summit_year_statistic_get_kind (stat), ==, SUMMIT_FIGURE_MISSING);
  g_assert_cmpint (summit_year_statistic_get_overseas (stat), ==, -1);
  text_2019 = summit_year_statistic_format_overseas (stat);
  g_assert_cmpstr (text_2019, ==, "no figure");

  /* 2020: "over 150 expected", an estimate with a lower bound. */
  stat = find_year (stats, 2020);
  g_assert_nonnull (stat);
  g_assert_cmpint (summit_year_statistic_get_kind (stat), ==, SUMMIT_FIGURE_ESTIMATE);
  g_assert_cmpint (summit_year_statistic_get_overseas (stat), ==, 150);
  g_assert_true (summit_year_statistic_get_lower_bound (stat));
  text_2020 = summit_year_statistic_format_overseas (stat);
  g_assert_cmpstr (text_2020, ==, "150+ (expected)");

  /* In the database itself, 2019 holds NULL, not 0. */
  {
    SummitStmt *stmt = summit_store_prepare (store,
                                               "SELECT overseas_mayors IS NULL FROM year_statistic"
                                               " WHERE year = 2019", NULL);
    g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_ROW);
    g_assert_cmpint (summit_stmt_column_int (stmt, 0), ==, 1);
    summit_stmt_reset (stmt);
  }
}

static void
test_people (void)
{
  g_autoptr(SummitStore) store = open_seeded ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  const struct {
    const char *name, *position, *city, *country, *timezone;
    gboolean overseas;
  } expected[] = {
    { "Bartosz Bartoszewicz", "Deputy Mayor", "Gdynia", "PL", "Europe/Warsaw", TRUE },
    { "Ko Wen-je (柯文哲)", "Mayor", "Taipei", "TW", "Asia/Taipei", FALSE },
    { "Mariusz Sagan", "Head of Strategy and Entrepreneurship Department", "Lublin", "PL",
      "Europe/Warsaw", TRUE },
  };

  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < people->len; i++)
    {
      SummitPerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = summit_person_dup_display_name (person);

      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpstr (summit_person_get_position (person), ==, expected[i].position);
      g_assert_cmpstr (summit_person_get_city (person), ==, expected[i].city);
      g_assert_cmpstr (summit_person_get_country (person), ==, expected[i].country);
      g_assert_cmpstr (summit_person_get_timezone (person), ==, expected[i].timezone);
      g_assert_cmpint (summit_person_is_overseas (person, "TW"), ==, expected[i].overseas);
    }
}

static void
test_sessions (void)
{
  g_autoptr(SummitStore) store = open_seeded ();
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GError) error = NULL;
  SummitPanel *opening, *speech, *lublin;
  gint64 start;
  char *text;

  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_edition_get_theme (edition), ==,
                   "Smart City Transformation and Innovation");
  g_assert_cmpint (summit_edition_get_format (edition), ==, SUMMIT_EDITION_ONLINE);
  g_assert_cmpstr (summit_edition_get_host_city (edition), ==, "Taipei");
  g_assert_cmpstr (summit_edition_get_host_country (edition), ==, "TW");
  g_assert_cmpstr (summit_edition_get_timezone (edition), ==, "Asia/Taipei");

  panels = summit_store_list_panels (store, summit_edition_get_id (edition), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panels->len, ==, 3);
  opening = g_ptr_array_index (panels, 0);
  speech = g_ptr_array_index (panels, 1);
  lublin = g_ptr_array_index (panels, 2);

  /* Opening: 2020-08-13 07:00 UTC = 09:00 in Warsaw (CEST) = 15:00 in Taipei. */
  g_assert_cmpint (summit_panel_get_kind (opening), ==, SUMMIT_PANEL_OPENING);
  g_assert_true (summit_panel_get_start (opening, &start));
  g_assert_cmpint (start, ==, 1597302000);
  text = summit_time_format_clock (start, "Asia/Taipei");
  g_assert_cmpstr (text, ==, "15:00");
  g_free (text);
  text = summit_time_format_clock (start, "Europe/Warsaw");
  g_assert_cmpstr (text, ==, "09:00");
  g_free (text);
  g_assert_cmpuint (summit_panel_get_n_members (opening), ==, 1);
  g_assert_cmpstr (summit_panel_get_member (opening, 0)->person_uid, ==, "seed-ko-wen-je");

  /* Gdynia's speech: "later the same day", no time given, so none stored. */
  g_assert_cmpint (summit_panel_get_kind (speech), ==, SUMMIT_PANEL_SPEECH);
  g_assert_false (summit_panel_get_start (speech, NULL));
  g_assert_cmpstr (summit_panel_get_day (speech), ==, "2020-08-13");
  g_assert_cmpstr (summit_panel_get_member (speech, 0)->display_name, ==, "Bartosz Bartoszewicz");

  /* Lublin panel: 2020-09-24 14:00 UTC = 16:00 Warsaw = 22:00 Taipei. */
  g_assert_cmpint (summit_panel_get_kind (lublin), ==, SUMMIT_PANEL_DISCUSSION);
  g_assert_true (g_str_has_prefix (summit_panel_get_title (lublin), "After the COVID-19 pandemic"));
  g_assert_true (summit_panel_get_start (lublin, &start));
  g_assert_cmpint (start, ==, 1600956000);
  text = summit_time_format_in_zone (start, "Asia/Taipei");
  g_assert_cmpstr (text, ==, "22:00 Taipei (UTC+8)");
  g_free (text);
  text = summit_time_format_in_zone (start, "Europe/Warsaw");
  g_assert_cmpstr (text, ==, "16:00 Warsaw (UTC+2)");
  g_free (text);
  g_assert_cmpstr (summit_panel_get_member (lublin, 0)->display_name, ==, "Mariusz Sagan");
  g_assert_cmpint (summit_panel_get_member (lublin, 0)->role, ==, SUMMIT_ROLE_PANELIST);
}

static void
test_reseed_changes_nothing (void)
{
  g_autoptr(SummitStore) store = open_seeded ();
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "person", "edition", "invitation", "invitation_event", "panel",
                           "panel_member", "year_statistic" };
  gint64 before[G_N_ELEMENTS (tables)];

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      SummitStmt *stmt = summit_store_prepare (store, sql, NULL);
      summit_stmt_step (stmt);
      before[i] = summit_stmt_column_int64 (stmt, 0);
      summit_stmt_reset (stmt);
      g_assert_cmpint (before[i], >, 0);
    }

  g_assert_true (summit_store_seed (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      SummitStmt *stmt = summit_store_prepare (store, sql, NULL);
      summit_stmt_step (stmt);
      g_assert_cmpint (summit_stmt_column_int64 (stmt, 0), ==, before[i]);
      summit_stmt_reset (stmt);
    }
}

static void
test_seeds_only_new_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_store_location (tmpdir, "plain.db");
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;

  store = summit_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Not new any more: opening it again must not seed it. */
  store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  people = summit_store_list_people (store, &error);
  g_assert_cmpuint (people->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/core/seed/figures", test_figures);
  g_test_add_func ("/core/seed/people", test_people);
  g_test_add_func ("/core/seed/sessions", test_sessions);
  g_test_add_func ("/core/seed/reseed-changes-nothing", test_reseed_changes_nothing);
  g_test_add_func ("/core/seed/seeds-only-new-files", test_seeds_only_new_files);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
