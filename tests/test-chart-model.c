/* test-chart-model.c — the numbers behind the overseas-mayor chart
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "summit-chart-model.h"
#include "test-util.h"

static SummitYearStatistic *
stat_new (int              year,
          SummitFigureKind kind,
          int              overseas,
          gboolean         lower_bound,
          const char      *source)
{
  SummitYearStatistic *stat = summit_year_statistic_new (year, kind);

  summit_year_statistic_set_overseas (stat, overseas);
  summit_year_statistic_set_lower_bound (stat, lower_bound);
  summit_year_statistic_set_source (stat, source);
  return stat;
}

/* The seed's figures: 3, 5, 54, 120, no figure, over 150 expected. */
static GPtrArray *
seed_stats (void)
{
  GPtrArray *stats = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (stats, stat_new (2015, SUMMIT_FIGURE_RECORDED, 3, FALSE, "Announcement: “three”"));
  g_ptr_array_add (stats, stat_new (2016, SUMMIT_FIGURE_RECORDED, 5, FALSE, "Announcement: “five”"));
  g_ptr_array_add (stats, stat_new (2017, SUMMIT_FIGURE_RECORDED, 54, FALSE, "Announcement: “54”"));
  g_ptr_array_add (stats, stat_new (2018, SUMMIT_FIGURE_RECORDED, 120, FALSE, "Announcement: “120 in 2018”"));
  g_ptr_array_add (stats, stat_new (2019, SUMMIT_FIGURE_MISSING, -1, FALSE, "No figure for 2019"));
  g_ptr_array_add (stats, stat_new (2020, SUMMIT_FIGURE_ESTIMATE, 150, TRUE, "Announcement: “over 150”"));
  return stats;
}

static void
test_seed_series (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2015, 2020);
  const int values[] = { 3, 5, 54, 120, -1, 150 };
  const char *labels[] = { "3", "5", "54", "120", "no figure", "150+ (expected)" };

  g_assert_cmpuint (summit_chart_model_get_n_bars (model), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const SummitChartBar *bar = summit_chart_model_get_bar (model, i);

      g_assert_cmpint (bar->year, ==, 2015 + (int)i);
      g_assert_cmpint (bar->value, ==, values[i]);
      g_assert_cmpstr (bar->label, ==, labels[i]);
      g_assert_cmpint (bar->derived, ==, -1);
    }
  g_assert_cmpint (model->n_figures, ==, 5);
  g_assert_false (model->has_derived);
  g_assert_cmpstr (model->growth, ==, "3 → 150+ in five years");
  /* The bars stand in proportion to the figures, against one axis. */
  g_assert_cmpfloat_with_epsilon (summit_chart_model_get_bar (model, 3)->fraction,
                                  120.0 / model->axis_top, 1e-9);
  g_assert_cmpfloat_with_epsilon (summit_chart_model_get_bar (model, 0)->fraction * 40,
                                  summit_chart_model_get_bar (model, 3)->fraction, 1e-9);
}

static void
test_gap_is_not_zero (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2015, 2020);
  const SummitChartBar *gap = summit_chart_model_get_bar (model, 4);

  g_assert_cmpint (gap->kind, ==, SUMMIT_FIGURE_MISSING);
  g_assert_cmpint (gap->value, ==, -1);
  g_assert_cmpstr (gap->label, ==, "no figure");
  g_assert_nonnull (strstr (model->caption, "2019: no figure published."));
  g_assert_nonnull (strstr (model->description, "2019: no figure."));
  g_assert_null (strstr (model->description, "2019: 0"));
}

static void
test_year_without_row_is_gap (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = NULL;

  /* 2019 not in the table at all: still a gap, not a zero, not skipped. */
  g_ptr_array_remove_index (stats, 4);
  model = summit_chart_model_new (stats, NULL, 2015, 2020);
  g_assert_cmpuint (summit_chart_model_get_n_bars (model), ==, 6);
  g_assert_cmpint (summit_chart_model_get_bar (model, 4)->kind, ==, SUMMIT_FIGURE_MISSING);
  g_assert_cmpint (summit_chart_model_get_bar (model, 4)->year, ==, 2019);
}

static void
test_estimate (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = NULL;
  const SummitChartBar *bar;

  model = summit_chart_model_new (stats, NULL, 2015, 2020);
  bar = summit_chart_model_get_bar (model, 5);
  g_assert_cmpint (bar->kind, ==, SUMMIT_FIGURE_ESTIMATE);
  g_assert_true (bar->lower_bound);
  g_assert_nonnull (strstr (model->caption, "2020: an estimate."));
  g_assert_nonnull (strstr (model->caption, "Source: Announcement."));

  /* An estimate that is not a lower bound reads "about". */
  summit_year_statistic_set_lower_bound (g_ptr_array_index (stats, 5), FALSE);
  g_clear_pointer (&model, summit_chart_model_free);
  model = summit_chart_model_new (stats, NULL, 2015, 2020);
  g_assert_cmpstr (summit_chart_model_get_bar (model, 5)->label, ==, "about 150 (expected)");
  g_assert_cmpstr (model->growth, ==, "3 → about 150 in five years");
}

static void
test_ticks (void)
{
  const struct { int max, step, top; } cases[] = {
    { 150, 50, 150 },
    { 120, 25, 125 },
    { 54, 20, 60 },
    { 5, 1, 5 },
    { 3, 1, 3 },
    { 7, 2, 8 },
    { 1, 1, 1 },
    { 999, 200, 1000 },
    { 1000000, 200000, 1000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int step = 0, top = 0;

      summit_chart_nice_ticks (cases[i].max, 5, &step, &top);
      g_test_message ("max %d: step %d, top %d", cases[i].max, step, top);
      g_assert_cmpint (step, ==, cases[i].step);
      g_assert_cmpint (top, ==, cases[i].top);
      g_assert_cmpint (top, >=, cases[i].max);
      g_assert_cmpint (top / step, <=, 6);
    }
}

static void
test_model_ticks (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2015, 2020);
  const int expected[] = { 0, 50, 100, 150 };

  g_assert_cmpint (model->axis_top, ==, 150);
  g_assert_cmpuint (model->ticks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (model->ticks, int, i), ==, expected[i]);
}

static void
test_range_without_data (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 1995, 1999);

  g_assert_cmpuint (summit_chart_model_get_n_bars (model), ==, 5);
  g_assert_cmpint (model->n_figures, ==, 0);
  g_assert_null (model->growth);
  g_assert_cmpint (model->axis_top, >, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (summit_chart_model_get_bar (model, i)->kind, ==, SUMMIT_FIGURE_MISSING);
      g_assert_cmpfloat (summit_chart_model_get_bar (model, i)->fraction, ==, 0.0);
    }
  g_assert_nonnull (strstr (model->description, "No figures in this range."));
}

static void
test_caption_gap_ranges (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2010, 2025);

  /* Runs of missing years are said as ranges, not listed one by one. */
  g_assert_nonnull (strstr (model->caption, "2010–2014, 2019, 2021–2025: no figure published."));
}

static void
test_range_reversed_and_clamped (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2018, 2016);
  g_autoptr(SummitChartModel) wide = summit_chart_model_new (stats, NULL, 1000, 3000);

  g_assert_cmpint (model->from_year, ==, 2016);
  g_assert_cmpint (model->to_year, ==, 2018);
  g_assert_cmpstr (model->growth, ==, "5 → 120 in two years");
  g_assert_cmpint (wide->from_year, ==, 1990);
  g_assert_cmpint (wide->to_year, ==, 2100);
  g_assert_cmpuint (summit_chart_model_get_n_bars (wide), ==, 111);
}

static void
test_single_figure_has_no_growth (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2018, 2019);

  g_assert_cmpint (model->n_figures, ==, 1);
  g_assert_null (model->growth);
}

static void
test_derived_line (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(GArray) derived = g_array_new (FALSE, TRUE, sizeof (SummitDerivedFigure));
  g_autoptr(SummitChartModel) model = NULL;
  SummitDerivedFigure d = { .year = 2020, .host_country = "TW", .overseas_confirmed = 170 };

  g_array_append_val (derived, d);
  model = summit_chart_model_new (stats, derived, 2015, 2020);
  g_assert_true (model->has_derived);
  g_assert_cmpint (summit_chart_model_get_bar (model, 5)->derived, ==, 170);
  g_assert_cmpint (summit_chart_model_get_bar (model, 4)->derived, ==, -1);
  /* The axis makes room for the derived count too. */
  g_assert_cmpint (model->axis_top, >=, 170);
  g_assert_cmpfloat (summit_chart_model_get_bar (model, 5)->derived_fraction, <=, 1.0);
}

static void
test_tsv (void)
{
  g_autoptr(GPtrArray) stats = seed_stats ();
  g_autoptr(SummitChartModel) model = NULL;
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;

  summit_year_statistic_set_source (g_ptr_array_index (stats, 0), "tab\there\nnewline");
  model = summit_chart_model_new (stats, NULL, 2015, 2020);
  tsv = summit_chart_model_to_tsv (model);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[1], ==, "2015\t3\tRecorded\t\ttab here newline");
  g_assert_cmpstr (lines[5], ==, "2019\tno figure\tMissing\t\tNo figure for 2019");
  g_assert_cmpstr (lines[6], ==, "2020\t150+ (expected)\tEstimate\t\tAnnouncement: “over 150”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/model/seed-series", test_seed_series);
  g_test_add_func ("/chart/model/gap-is-not-zero", test_gap_is_not_zero);
  g_test_add_func ("/chart/model/year-without-row-is-gap", test_year_without_row_is_gap);
  g_test_add_func ("/chart/model/estimate", test_estimate);
  g_test_add_func ("/chart/model/nice-ticks", test_ticks);
  g_test_add_func ("/chart/model/seed-ticks", test_model_ticks);
  g_test_add_func ("/chart/model/range-without-data", test_range_without_data);
  g_test_add_func ("/chart/model/caption-gap-ranges", test_caption_gap_ranges);
  g_test_add_func ("/chart/model/range-reversed-and-clamped", test_range_reversed_and_clamped);
  g_test_add_func ("/chart/model/single-figure-has-no-growth", test_single_figure_has_no_growth);
  g_test_add_func ("/chart/model/derived-line", test_derived_line);
  g_test_add_func ("/chart/model/tsv", test_tsv);

  return g_test_run ();
}
