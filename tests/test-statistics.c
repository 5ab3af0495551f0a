/* test-statistics.c — yearly figures: what is refused and why, figures
 * derived from the invitations, and adopting them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "summit-continents.h"
#include "summit-participation-chart.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static SummitStore *
seeded_store (const char *name)
{
  g_autofree char *path = test_store_location (tmpdir, name);
  g_autoptr(GError) error = NULL;
  SummitStore *store = summit_store_open_and_seed (path, &error);

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
test_parse_count (void)
{
  const struct { const char *text; int code; int value; } cases[] = {
    { "120", -1, 120 },
    { " 54 ", -1, 54 },
    { "0", -1, 0 },
    { "-3", SUMMIT_STATISTICS_ERROR_NEGATIVE, 0 },
    { "-0.5", SUMMIT_STATISTICS_ERROR_NEGATIVE, 0 },
    { "12.5", SUMMIT_STATISTICS_ERROR_NOT_INTEGER, 0 },
    { "1e3", SUMMIT_STATISTICS_ERROR_NOT_INTEGER, 0 },
    { "150+", SUMMIT_STATISTICS_ERROR_NOT_INTEGER, 0 },
    { "twelve", SUMMIT_STATISTICS_ERROR_NOT_INTEGER, 0 },
    { "99999999999", SUMMIT_STATISTICS_ERROR_TOO_LARGE, 0 },
    { "", SUMMIT_STATISTICS_ERROR_NEEDS_FIGURE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int count = -7;
      gboolean ok = summit_statistics_parse_count (cases[i].text, "Overseas mayors", TRUE,
                                                   &count, &error);

      g_test_message ("%s → %s", cases[i].text, error ? error->message : "ok");
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (count, ==, cases[i].value);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SUMMIT_STATISTICS_ERROR, cases[i].code);
          /* The reason names the field and what was typed. */
          g_assert_nonnull (strstr (error->message, "Overseas mayors"));
          g_assert_cmpint (count, ==, -7);
        }
    }
}

static void
test_parse_optional_count (void)
{
  g_autoptr(GError) error = NULL;
  int count = 0;

  g_assert_true (summit_statistics_parse_count ("  ", "Countries", FALSE, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, -1);
}

static void
test_parse_year (void)
{
  g_autoptr(GError) error = NULL;
  int year = 0;

  g_assert_true (summit_statistics_parse_year ("2021", &year, &error));
  g_assert_cmpint (year, ==, 2021);
  g_assert_true (summit_statistics_parse_year ("1990", &year, NULL));
  g_assert_true (summit_statistics_parse_year ("2100", &year, NULL));

  g_assert_false (summit_statistics_parse_year ("1989", &year, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE);
  g_assert_nonnull (strstr (error->message, "1990–2100"));
  g_clear_error (&error);
  g_assert_false (summit_statistics_parse_year ("2101", &year, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE);
  g_clear_error (&error);
  g_assert_false (summit_statistics_parse_year ("2020.5", &year, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NOT_INTEGER);
  g_clear_error (&error);
  g_assert_false (summit_statistics_parse_year ("", &year, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE);
}

static void
test_save_refuses_duplicate_year (void)
{
  g_autoptr(SummitStore) store = seeded_store ("duplicate.db");
  g_autoptr(SummitYearStatistic) stat = summit_year_statistic_new (2018, SUMMIT_FIGURE_RECORDED);
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  summit_year_statistic_set_overseas (stat, 999);
  g_assert_false (summit_store_save_year_statistic (store, stat, 0, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_DUPLICATE_YEAR);
  g_assert_nonnull (strstr (error->message, "2018 is already in the table"));
  g_clear_error (&error);

  /* Moving 2017's row onto 2018 is refused too. */
  g_assert_false (summit_store_save_year_statistic (store, stat, 2017, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_DUPLICATE_YEAR);

  stats = summit_store_list_year_statistics (store, NULL);
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2018)), ==, 120);
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2017)), ==, 54);
}

static void
test_save_edits_and_adds (void)
{
  g_autoptr(SummitStore) store = seeded_store ("edit.db");
  g_autoptr(SummitYearStatistic) edit = summit_year_statistic_new (2018, SUMMIT_FIGURE_RECORDED);
  g_autoptr(SummitYearStatistic) added = summit_year_statistic_new (2021, SUMMIT_FIGURE_ESTIMATE);
  g_autoptr(SummitYearStatistic) moved = summit_year_statistic_new (2014, SUMMIT_FIGURE_RECORDED);
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  summit_year_statistic_set_overseas (edit, 121);
  summit_year_statistic_set_source (edit, "Corrected");
  g_assert_true (summit_store_save_year_statistic (store, edit, 2018, &error));
  g_assert_no_error (error);

  summit_year_statistic_set_overseas (added, 200);
  summit_year_statistic_set_lower_bound (added, TRUE);
  g_assert_true (summit_store_save_year_statistic (store, added, 0, &error));
  g_assert_no_error (error);

  /* The 2015 row was entered under the wrong year: moving it keeps one row. */
  summit_year_statistic_set_overseas (moved, 3);
  g_assert_true (summit_store_save_year_statistic (store, moved, 2015, &error));
  g_assert_no_error (error);

  stats = summit_store_list_year_statistics (store, NULL);
  g_assert_cmpuint (stats->len, ==, 7);
  g_assert_null (find_year (stats, 2015));
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2014)), ==, 3);
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2018)), ==, 121);
  g_assert_cmpstr (summit_year_statistic_get_source (find_year (stats, 2018)), ==, "Corrected");
  g_assert_true (summit_year_statistic_get_lower_bound (find_year (stats, 2021)));
}

static void
test_save_refuses_bad_figures (void)
{
  g_autoptr(SummitStore) store = seeded_store ("bad.db");
  g_autoptr(SummitYearStatistic) negative = summit_year_statistic_new (2021, SUMMIT_FIGURE_RECORDED);
  g_autoptr(SummitYearStatistic) early = summit_year_statistic_new (1989, SUMMIT_FIGURE_RECORDED);
  g_autoptr(SummitYearStatistic) empty = summit_year_statistic_new (2022, SUMMIT_FIGURE_ESTIMATE);
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  summit_year_statistic_set_overseas (negative, 10);
  summit_year_statistic_set_domestic (negative, -5);
  g_assert_false (summit_store_save_year_statistic (store, negative, 0, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEGATIVE);
  g_clear_error (&error);

  summit_year_statistic_set_overseas (early, 10);
  g_assert_false (summit_store_save_year_statistic (store, early, 0, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE);
  g_clear_error (&error);

  g_assert_false (summit_store_save_year_statistic (store, empty, 0, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEEDS_FIGURE);

  stats = summit_store_list_year_statistics (store, NULL);
  g_assert_cmpuint (stats->len, ==, 6);
}

/* The one rule for who counts as a mayor, and the kinds the wording suggests. */
static void
test_mayor (void)
{
  g_assert_true (summit_position_kind_counts_as_mayor (SUMMIT_POSITION_MAYOR));
  g_assert_true (summit_position_kind_counts_as_mayor (SUMMIT_POSITION_DEPUTY_MAYOR));
  g_assert_false (summit_position_kind_counts_as_mayor (SUMMIT_POSITION_OFFICIAL));

  g_assert_cmpint (summit_position_kind_guess ("Mayor"), ==, SUMMIT_POSITION_MAYOR);
  g_assert_cmpint (summit_position_kind_guess ("LORD MAYOR"), ==, SUMMIT_POSITION_MAYOR);
  g_assert_cmpint (summit_position_kind_guess ("Deputy Mayor"), ==, SUMMIT_POSITION_DEPUTY_MAYOR);
  g_assert_cmpint (summit_position_kind_guess ("vice-mayor of Kaohsiung"), ==,
                   SUMMIT_POSITION_DEPUTY_MAYOR);
  g_assert_cmpint (summit_position_kind_guess ("Head of Strategy and Entrepreneurship Department"),
                   ==, SUMMIT_POSITION_OFFICIAL);
  g_assert_cmpint (summit_position_kind_guess (""), ==, SUMMIT_POSITION_OFFICIAL);
  g_assert_cmpint (summit_position_kind_guess (NULL), ==, SUMMIT_POSITION_OFFICIAL);

  /* A kind in the record wins over the wording; none falls back to it. */
  g_assert_cmpint (summit_position_kind_resolve ("official", "Deputy Mayor"), ==,
                   SUMMIT_POSITION_OFFICIAL);
  g_assert_cmpint (summit_position_kind_resolve ("mayor", "President of Taipei City"), ==,
                   SUMMIT_POSITION_MAYOR);
  g_assert_cmpint (summit_position_kind_resolve ("", "Deputy Mayor"), ==,
                   SUMMIT_POSITION_DEPUTY_MAYOR);
}

static const SummitDerivedFigure *
derived_year (GArray *derived,
              int     year)
{
  for (guint i = 0; i < derived->len; i++)
    if (g_array_index (derived, SummitDerivedFigure, i).year == year)
      return &g_array_index (derived, SummitDerivedFigure, i);
  return NULL;
}

static void
test_derived_from_seed (void)
{
  g_autoptr(SummitStore) store = seeded_store ("derived.db");
  g_autoptr(GArray) derived = NULL;
  g_autoptr(GError) error = NULL;
  const SummitDerivedFigure *d;

  derived = summit_store_derive_statistics (store, &error);
  g_assert_no_error (error);
  /* Only 2020 has invitations. */
  g_assert_cmpuint (derived->len, ==, 1);
  d = derived_year (derived, 2020);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->host_country, ==, "TW");
  g_assert_cmpint (d->invitations, ==, 3);
  /* Bartoszewicz, Deputy Mayor of Gdynia (PL): overseas. Ko, Mayor of Taipei
   * (TW): domestic. Sagan is not a mayor. All three confirmed, none attended. */
  g_assert_cmpint (d->overseas_confirmed, ==, 1);
  g_assert_cmpint (d->domestic_confirmed, ==, 1);
  g_assert_cmpint (d->overseas_attended, ==, 0);
  g_assert_cmpint (d->domestic_attended, ==, 0);
  g_assert_cmpint (d->unknown_confirmed, ==, 0);
  g_assert_cmpint (d->others_confirmed, ==, 1);
  /* …and says so. */
  {
    g_autofree char *text = summit_derived_figure_describe (d);

    g_assert_cmpstr (text, ==, "2020, from 3 invitations: 2 mayors or deputy mayors confirmed "
                               "(1 overseas, 1 domestic, 0 of unknown country), against host "
                               "country TW; 1 official or other confirmed, not counted.");
  }

  /* The record's kind decides, not the wording: Sagan made a mayor counts. */
  g_assert_true (summit_store_exec (store,
    "UPDATE person SET position_kind = 'mayor' WHERE uid = 'seed-mariusz-sagan';", &error));
  g_clear_pointer (&derived, g_array_unref);
  derived = summit_store_derive_statistics (store, &error);
  g_assert_no_error (error);
  d = derived_year (derived, 2020);
  g_assert_cmpint (d->overseas_confirmed, ==, 2);
  g_assert_cmpint (d->others_confirmed, ==, 0);
}

static void
test_derived_counts_statuses (void)
{
  g_autoptr(SummitStore) store = seeded_store ("statuses.db");
  g_autoptr(GArray) derived = NULL;
  g_autoptr(GError) error = NULL;
  const SummitDerivedFigure *d;

  /* Gdynia's deputy mayor attended; Taipei's mayor declined; a mayor with
   * no country confirmed. */
  g_assert_true (summit_store_exec (store,
    "UPDATE invitation SET status = 'attended' WHERE person_id ="
    " (SELECT id FROM person WHERE uid = 'seed-bartosz-bartoszewicz');"
    "UPDATE invitation SET status = 'declined' WHERE person_id ="
    " (SELECT id FROM person WHERE uid = 'seed-ko-wen-je');"
    "INSERT INTO person (uid, given_name, position, country, created, updated)"
    " VALUES ('x', 'Anon', 'mayor', '', 0, 0);"
    "INSERT INTO invitation (person_id, edition_id, status, updated)"
    " SELECT p.id, e.id, 'confirmed', 0 FROM person p, edition e WHERE p.uid = 'x';",
    &error));
  g_assert_no_error (error);

  derived = summit_store_derive_statistics (store, &error);
  g_assert_no_error (error);
  d = derived_year (derived, 2020);
  g_assert_cmpint (d->invitations, ==, 4);
  g_assert_cmpint (d->overseas_confirmed, ==, 1);   /* attended counts as confirmed */
  g_assert_cmpint (d->overseas_attended, ==, 1);
  g_assert_cmpint (d->domestic_confirmed, ==, 0);
  g_assert_cmpint (d->unknown_confirmed, ==, 1);
}

static void
test_adopt (void)
{
  g_autoptr(SummitStore) store = seeded_store ("adopt.db");
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;
  SummitYearStatistic *stat;
  const char *source;

  g_assert_true (summit_store_adopt_derived (store, 2020, SUMMIT_DERIVED_CONFIRMED, &error));
  g_assert_no_error (error);

  stats = summit_store_list_year_statistics (store, &error);
  stat = find_year (stats, 2020);
  g_assert_cmpint (summit_year_statistic_get_kind (stat), ==, SUMMIT_FIGURE_RECORDED);
  g_assert_cmpint (summit_year_statistic_get_overseas (stat), ==, 1);
  g_assert_cmpint (summit_year_statistic_get_domestic (stat), ==, 1);
  g_assert_false (summit_year_statistic_get_lower_bound (stat));
  source = summit_year_statistic_get_source (stat);
  g_test_message ("%s", source);
  /* The source says where the figure came from, and what it replaced. */
  g_assert_true (g_str_has_prefix (source, "Derived from the invitations on "));
  g_assert_nonnull (strstr (source, "1 overseas mayor or deputy mayor and 1 domestic mayor or deputy mayor confirmed."));
  g_assert_nonnull (strstr (source, "Replaces 150+ (expected) (Announcement:"));
  /* Other years untouched. */
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2018)), ==, 120);
}

static void
test_adopt_without_invitations (void)
{
  g_autoptr(SummitStore) store = seeded_store ("adopt-none.db");
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (summit_store_adopt_derived (store, 2018, SUMMIT_DERIVED_ATTENDED, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NO_DERIVED);
  stats = summit_store_list_year_statistics (store, NULL);
  g_assert_cmpint (summit_year_statistic_get_overseas (find_year (stats, 2018)), ==, 120);
  g_assert_cmpstr (summit_year_statistic_get_source (find_year (stats, 2018)), ==,
                   "Announcement: “120 in 2018”");
}

static void
test_participation_by_country_and_continent (void)
{
  g_autoptr(SummitStore) store = seeded_store ("participation.db");
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GArray) continents = NULL;
  g_autoptr(GError) error = NULL;
  const SummitParticipation *row;

  /* Gdynia attended; a US mayor still a draft; a Kenyan declined; someone
   * with no country was invited. */
  g_assert_true (summit_store_exec (store,
    "UPDATE invitation SET status = 'attended' WHERE person_id ="
    " (SELECT id FROM person WHERE uid = 'seed-bartosz-bartoszewicz');"
    "INSERT INTO person (uid, given_name, position, country, created, updated) VALUES"
    " ('us', 'A', 'Mayor', 'US', 0, 0), ('ke', 'B', 'Mayor', 'KE', 0, 0),"
    " ('none', 'C', 'Mayor', '', 0, 0);"
    "INSERT INTO invitation (person_id, edition_id, status, updated)"
    " SELECT p.id, e.id, CASE p.uid WHEN 'us' THEN 'draft' WHEN 'ke' THEN 'declined'"
    " ELSE 'invited' END, 0 FROM person p, edition e WHERE p.uid IN ('us', 'ke', 'none');",
    &error));
  g_assert_no_error (error);

  countries = summit_store_count_participation (store, 2020, SUMMIT_PARTICIPATION_BY_COUNTRY,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (countries->len, ==, 5);
  row = &g_array_index (countries, SummitParticipation, 0);
  g_assert_cmpstr (row->key, ==, "PL");
  g_assert_cmpint (row->invitations, ==, 2);
  g_assert_cmpint (row->invited, ==, 2);
  g_assert_cmpint (row->confirmed, ==, 2);  /* attended counts as confirmed */
  g_assert_cmpint (row->attended, ==, 1);
  row = &g_array_index (countries, SummitParticipation, 4);
  g_assert_cmpstr (row->key, ==, "");       /* unknown last */
  g_assert_cmpint (row->invited, ==, 1);
  for (guint i = 0; i < countries->len; i++)
    {
      row = &g_array_index (countries, SummitParticipation, i);
      if (g_str_equal (row->key, "US"))
        {
          g_assert_cmpint (row->invitations, ==, 1);
          g_assert_cmpint (row->invited, ==, 0);  /* a draft is not sent */
        }
      if (g_str_equal (row->key, "KE"))
        g_assert_cmpint (row->confirmed, ==, 0);
    }

  /* Continents from CLDR: PL Europe 150, TW Asia 142, US Americas 019, KE Africa 002. */
  continents = summit_store_count_participation (store, 0, SUMMIT_PARTICIPATION_BY_CONTINENT,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (continents->len, ==, 5);
  g_assert_cmpstr (g_array_index (continents, SummitParticipation, 0).key, ==, "150");
  g_assert_cmpint (g_array_index (continents, SummitParticipation, 0).invitations, ==, 2);
  g_assert_cmpstr (summit_continent_of_country ("TW"), ==, "142");
  g_assert_cmpstr (summit_continent_of_country ("US"), ==, "019");
  g_assert_cmpstr (summit_continent_of_country ("KE"), ==, "002");
  g_assert_cmpstr (summit_continent_of_country ("NZ"), ==, "009");
  g_assert_null (summit_continent_of_country ("EU"));
  g_assert_null (summit_continent_of_country ("ZZ"));

  /* Another year has none. */
  g_array_unref (g_steal_pointer (&countries));
  countries = summit_store_count_participation (store, 2019, SUMMIT_PARTICIPATION_BY_COUNTRY,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (countries->len, ==, 0);
}

/* The second chart draws exactly the rows its CSV export holds. */
static void
test_participation_chart_matches_csv (void)
{
  g_autoptr(SummitStore) store = seeded_store ("participation-chart.db");
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SummitParticipationChart) chart = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "participation.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  SummitChartStyle style;

  rows = summit_store_count_participation (store, 2020, SUMMIT_PARTICIPATION_BY_COUNTRY, &error);
  g_assert_no_error (error);
  chart = summit_participation_chart_new (rows, 2020, SUMMIT_PARTICIPATION_BY_COUNTRY);
  csv = summit_participation_to_csv (rows, SUMMIT_PARTICIPATION_BY_COUNTRY);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (chart->bars->len, ==, 2);
  g_assert_cmpuint (g_strv_length (lines), ==, chart->bars->len + 2);  /* header, trailing "" */
  g_assert_cmpstr (lines[0], ==, "\"year\",\"country\",\"name\",\"invitations\",\"invited\","
                                 "\"confirmed\",\"attended\"");
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const SummitParticipationBar *bar = &g_array_index (chart->bars, SummitParticipationBar, i);
      g_autofree char *expected = g_strdup_printf ("2020,\"%s\",\"%s\",%d,%d,%d,%d", bar->row.key,
                                                   bar->name, bar->row.invitations, bar->row.invited,
                                                   bar->row.confirmed, bar->row.attended);
      g_assert_cmpstr (lines[i + 1], ==, expected);
    }
  g_assert_cmpstr (lines[1], ==, "2020,\"PL\",\"Poland\",2,2,2,0");
  g_assert_cmpstr (lines[2], ==, "2020,\"TW\",\"Taiwan\",1,1,1,0");

  /* And the drawing says it too. */
  summit_chart_style_init (&style, FALSE);
  pdf = summit_chart_draw_to_bytes (summit_participation_chart_render, chart, chart->title, &style,
                                    SUMMIT_CHART_FORMAT_PDF, 800, 300, 1.0, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  text = test_read_pdf_text (path);
  g_assert_nonnull (strstr (text, "Invitations by Country, 2020"));
  g_assert_nonnull (strstr (text, "Poland"));
  g_assert_nonnull (strstr (text, "2 (2 confirmed)"));
  g_assert_nonnull (strstr (text, "Taiwan"));
  g_assert_nonnull (strstr (text, "1 (1 confirmed)"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/statistics/parse-count-refuses-with-reason", test_parse_count);
  g_test_add_func ("/statistics/parse-optional-count", test_parse_optional_count);
  g_test_add_func ("/statistics/parse-year-1990-2100", test_parse_year);
  g_test_add_func ("/statistics/save-refuses-duplicate-year", test_save_refuses_duplicate_year);
  g_test_add_func ("/statistics/save-edits-and-adds", test_save_edits_and_adds);
  g_test_add_func ("/statistics/save-refuses-bad-figures", test_save_refuses_bad_figures);
  g_test_add_func ("/statistics/mayor-rule-is-the-position-kind", test_mayor);
  g_test_add_func ("/statistics/derived-from-seed", test_derived_from_seed);
  g_test_add_func ("/statistics/derived-counts-statuses", test_derived_counts_statuses);
  g_test_add_func ("/statistics/adopt-derived-says-so", test_adopt);
  g_test_add_func ("/statistics/adopt-without-invitations", test_adopt_without_invitations);
  g_test_add_func ("/statistics/participation-by-country-and-continent",
                   test_participation_by_country_and_continent);
  g_test_add_func ("/statistics/participation-chart-matches-csv",
                   test_participation_chart_matches_csv);

  status = g_test_run ();
  test_tmpdir_free (tmpdir);
  return status;
}
