/* summit-chart-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers behind the overseas-mayor chart, and nothing else: one bar per
 * year of the range, a year without a figure kept as a gap (never a zero),
 * estimates kept as estimates, an axis with round ticks, the growth said in
 * words. The renderer only scales and draws what this prepares.
 */
#define G_LOG_DOMAIN "summit-chart-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "summit-chart-model.h"

#define MAX_TICKS 5

static void
bar_clear (gpointer data)
{
  SummitChartBar *bar = data;

  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->source, g_free);
}

/**
 * summit_chart_nice_ticks:
 * @max_value: the largest value to show
 * @max_ticks: about how many intervals the axis may have
 * @step: (out): the distance between ticks: 1, 2, 2.5 or 5 times a power of
 *   ten, and never less than 1 (the figures are counts)
 * @top: (out): the axis top, the first multiple of @step at or above @max_value
 */
void
summit_chart_nice_ticks (int  max_value,
                         int  max_ticks,
                         int *step,
                         int *top)
{
  double raw, magnitude, residual, nice;

  g_return_if_fail (step != NULL && top != NULL);

  if (max_ticks < 1)
    max_ticks = 1;
  if (max_value <= 0)
    {
      /* Nothing to show: a plain axis 0..5 rather than a division by zero. */
      *step = 1;
      *top = 5;
      return;
    }

  raw = (double)max_value / max_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1.0)
    nice = 1.0;
  else if (residual <= 2.0)
    nice = 2.0;
  else if (residual <= 2.5 && magnitude >= 10.0)
    nice = 2.5;
  else if (residual <= 5.0)
    nice = 5.0;
  else
    nice = 10.0;

  *step = MAX (1, (int)llround (nice * magnitude));
  *top = ((max_value + *step - 1) / *step) * *step;
}

static char *
format_value (const SummitChartBar *bar,
              gboolean              with_kind)
{
  switch (bar->kind)
    {
    case SUMMIT_FIGURE_RECORDED:
      return g_strdup_printf ("%d", bar->value);
    case SUMMIT_FIGURE_ESTIMATE:
      if (with_kind)
        return bar->lower_bound
          ? g_strdup_printf (_("%d+ (expected)"), bar->value)
          : g_strdup_printf (_("about %d (expected)"), bar->value);
      return bar->lower_bound
        ? g_strdup_printf (C_("lower bound", "%d+"), bar->value)
        : g_strdup_printf (_("about %d"), bar->value);
    case SUMMIT_FIGURE_MISSING:
    default:
      return g_strdup (_("no figure"));
    }
}

static char *
format_span (int years)
{
  static const char * const words[] = {
    NULL,
    N_("in one year"), N_("in two years"), N_("in three years"), N_("in four years"),
    N_("in five years"), N_("in six years"), N_("in seven years"), N_("in eight years"),
    N_("in nine years"), N_("in ten years"),
  };

  if (years > 0 && years < (int)G_N_ELEMENTS (words))
    return g_strdup (_(words[years]));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d year", "in %d years", years),
                          years);
}

/* The part of a source before its first colon ("Announcement: “…”"), which
 * names where the figure comes from; the whole text if it has no colon. */
static char *
source_origin (const char *source)
{
  const char *colon = strchr (source, ':');

  if (colon != NULL && colon > source)
    return g_strstrip (g_strndup (source, colon - source));
  return g_strstrip (g_strdup (source));
}

static char *
build_caption (SummitChartModel *self)
{
  g_autoptr(GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autoptr(GString) estimates = g_string_new (NULL);
  g_autoptr(GString) gaps = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const SummitChartBar *bar = &g_array_index (self->bars, SummitChartBar, i);
      g_autofree char *year = g_strdup_printf ("%d", bar->year);

      if (bar->kind == SUMMIT_FIGURE_MISSING)
        {
          /* Runs of years as ranges: "1990–2014, 2019". */
          gboolean prev_gap = i > 0 && g_array_index (self->bars, SummitChartBar, i - 1).kind
                                         == SUMMIT_FIGURE_MISSING;
          gboolean next_gap = i + 1 < self->bars->len &&
                              g_array_index (self->bars, SummitChartBar, i + 1).kind
                                == SUMMIT_FIGURE_MISSING;

          if (!prev_gap)
            g_string_append_printf (gaps, "%s%s", gaps->len ? ", " : "", year);
          else if (!next_gap)
            g_string_append_printf (gaps, "–%s", year);
          continue;
        }
      if (bar->kind == SUMMIT_FIGURE_ESTIMATE)
        g_string_append_printf (estimates, "%s%s", estimates->len ? ", " : "", year);
      if (bar->source != NULL && *bar->source != '\0')
        {
          char *origin = source_origin (bar->source);
          gboolean seen = FALSE;

          for (guint j = 0; j < origins->len && !seen; j++)
            seen = g_strcmp0 (g_ptr_array_index (origins, j), origin) == 0;
          if (seen || *origin == '\0')
            g_free (origin);
          else
            g_ptr_array_add (origins, origin);
        }
    }

  if (origins->len > 0)
    {
      g_ptr_array_add (origins, NULL);
      g_autofree char *joined = g_strjoinv ("; ", (char **)origins->pdata);
      /* Translators: the chart's caption, e.g. "Source: Announcement." */
      g_string_append_printf (caption, _("Source: %s."), joined);
    }
  if (estimates->len > 0)
    /* Translators: the chart's caption, e.g. "2020: an estimate." */
    {
      g_string_append (caption, caption->len ? " " : "");
      g_string_append_printf (caption, _("%s: an estimate."), estimates->str);
    }
  if (gaps->len > 0)
    /* Translators: the chart's caption, e.g. "2019: no figure published." */
    {
      g_string_append (caption, caption->len ? " " : "");
      g_string_append_printf (caption, _("%s: no figure published."), gaps->str);
    }
  return g_string_free (g_steal_pointer (&caption), FALSE);
}

/**
 * summit_chart_model_new:
 * @stats: (element-type SummitYearStatistic): the recorded figures
 * @derived: (element-type SummitDerivedFigure) (nullable): figures derived
 *   from the invitations; the line shows overseas mayors confirmed
 * @from_year: the first year shown
 * @to_year: the last year shown (swapped with @from_year if smaller)
 *
 * Returns: (transfer full): the chart's numbers, one bar per year in the
 *   range whether or not it has a figure
 */
SummitChartModel *
summit_chart_model_new (GPtrArray *stats,
                        GArray    *derived,
                        int        from_year,
                        int        to_year)
{
  g_autoptr(SummitChartModel) self = g_new0 (SummitChartModel, 1);
  g_autoptr(GString) description = g_string_new (NULL);
  const SummitChartBar *first = NULL, *last = NULL;
  int max_value = 0, step, top;

  g_return_val_if_fail (stats != NULL, NULL);

  if (from_year > to_year)
    {
      int tmp = from_year;
      from_year = to_year;
      to_year = tmp;
    }
  from_year = CLAMP (from_year, SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
  to_year = CLAMP (to_year, SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);

  self->from_year = from_year;
  self->to_year = to_year;
  self->bars = g_array_sized_new (FALSE, TRUE, sizeof (SummitChartBar), to_year - from_year + 1);
  g_array_set_clear_func (self->bars, bar_clear);
  self->ticks = g_array_new (FALSE, TRUE, sizeof (int));

  for (int year = from_year; year <= to_year; year++)
    {
      SummitChartBar bar = { year, SUMMIT_FIGURE_MISSING, -1, FALSE, -1, 0, 0, NULL, NULL };

      for (guint i = 0; i < stats->len; i++)
        {
          SummitYearStatistic *stat = g_ptr_array_index (stats, i);

          if (summit_year_statistic_get_year (stat) != year)
            continue;
          bar.kind = summit_year_statistic_get_kind (stat);
          bar.value = summit_year_statistic_get_overseas (stat);
          if (bar.value < 0)
            bar.kind = SUMMIT_FIGURE_MISSING;
          bar.lower_bound = summit_year_statistic_get_lower_bound (stat);
          bar.source = g_strdup (summit_year_statistic_get_source (stat));
          break;
        }
      for (guint i = 0; derived != NULL && i < derived->len; i++)
        {
          const SummitDerivedFigure *d = &g_array_index (derived, SummitDerivedFigure, i);

          if (d->year == year)
            {
              bar.derived = d->overseas_confirmed;
              self->has_derived = TRUE;
              max_value = MAX (max_value, bar.derived);
            }
        }
      if (bar.source == NULL)
        bar.source = g_strdup ("");
      bar.label = format_value (&bar, TRUE);
      if (bar.value >= 0)
        {
          max_value = MAX (max_value, bar.value);
          self->n_figures++;
        }
      g_array_append_val (self->bars, bar);
    }

  summit_chart_nice_ticks (max_value, MAX_TICKS, &step, &top);
  self->axis_top = top;
  for (int t = 0; t <= top; t += step)
    g_array_append_val (self->ticks, t);

  for (guint i = 0; i < self->bars->len; i++)
    {
      SummitChartBar *bar = &g_array_index (self->bars, SummitChartBar, i);

      bar->fraction = bar->value > 0 ? (double)bar->value / top : 0.0;
      bar->derived_fraction = bar->derived > 0 ? (double)bar->derived / top : 0.0;
      if (bar->value >= 0)
        {
          if (first == NULL)
            first = bar;
          last = bar;
        }
    }

  /* Translators: the chart's title */
  self->title = g_strdup (_("Overseas Mayors at the Summit"));

  if (first != NULL && last != NULL && first != last)
    {
      g_autofree char *from = format_value (first, FALSE);
      g_autofree char *to = format_value (last, FALSE);
      g_autofree char *span = format_span (last->year - first->year);

      /* Translators: the growth in words, e.g. "3 → 150+ in five years" */
      self->growth = g_strdup_printf (C_("growth", "%s → %s %s"), from, to, span);
    }

  self->caption = build_caption (self);

  /* Translators: for screen readers, e.g. "Overseas mayors per year, 2015 to 2020." */
  g_string_append_printf (description, _("Overseas mayors per year, %d to %d."),
                          from_year, to_year);
  if (self->n_figures == 0)
    g_string_append_printf (description, " %s", _("No figures in this range."));
  for (guint i = 0; i < self->bars->len; i++)
    {
      const SummitChartBar *bar = &g_array_index (self->bars, SummitChartBar, i);
      g_string_append_printf (description, " %d: %s.", bar->year, bar->label);
    }
  if (self->growth != NULL)
    g_string_append_printf (description, " %s.", self->growth);
  self->description = g_string_free (g_steal_pointer (&description), FALSE);

  return g_steal_pointer (&self);
}

void
summit_chart_model_free (SummitChartModel *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_free (self->title);
  g_free (self->growth);
  g_free (self->caption);
  g_free (self->description);
  g_free (self);
}

guint
summit_chart_model_get_n_bars (SummitChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bars->len;
}

/**
 * summit_chart_model_get_bar:
 *
 * Returns: (transfer none): the bar at @index, oldest year first
 */
const SummitChartBar *
summit_chart_model_get_bar (SummitChartModel *self,
                            guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return &g_array_index (self->bars, SummitChartBar, index);
}

static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/**
 * summit_chart_model_to_tsv:
 *
 * The data table as tab-separated text, for pasting into a spreadsheet.
 *
 * Returns: (transfer full): one header line, then one line a year
 */
char *
summit_chart_model_to_tsv (SummitChartModel *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\n", _("Year"), _("Overseas mayors"),
                          _("Kind"), _("Confirmed overseas mayors and deputy mayors"), _("Source"));
  for (guint i = 0; i < self->bars->len; i++)
    {
      const SummitChartBar *bar = &g_array_index (self->bars, SummitChartBar, i);

      g_string_append_printf (out, "%d\t", bar->year);
      append_cell (out, bar->label);
      g_string_append_printf (out, "\t%s\t", summit_figure_kind_to_label (bar->kind));
      if (bar->derived >= 0)
        g_string_append_printf (out, "%d", bar->derived);
      g_string_append_c (out, '\t');
      append_cell (out, bar->source);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
