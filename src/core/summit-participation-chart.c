/* summit-participation-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who was invited from where, one edition: a horizontal bar a country (or
 * continent), as long as its invitations, the confirmed part filled. The
 * bars are the rows summit_store_count_participation() gives, so the chart
 * and the CSV export (summit_participation_to_csv()) say the same.
 */
#define G_LOG_DOMAIN "summit-participation-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "summit-chart-model.h"
#include "summit-csv.h"
#include "summit-participation-chart.h"

static void
clear_bar (gpointer data)
{
  g_free (((SummitParticipationBar *)data)->name);
}

/**
 * summit_participation_chart_new:
 * @rows: (element-type SummitParticipation): as summit_store_count_participation()
 *   gives them; only @year's are drawn
 *
 * Returns: (transfer full): the chart's numbers
 */
SummitParticipationChart *
summit_participation_chart_new (GArray                   *rows,
                                int                       year,
                                SummitParticipationGroup  group)
{
  SummitParticipationChart *chart = g_new0 (SummitParticipationChart, 1);
  g_autoptr(GString) description = g_string_new (NULL);
  int max = 0, step = 1;

  chart->year = year;
  chart->group = group;
  chart->bars = g_array_new (FALSE, TRUE, sizeof (SummitParticipationBar));
  g_array_set_clear_func (chart->bars, clear_bar);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const SummitParticipation *row = &g_array_index (rows, SummitParticipation, i);
      SummitParticipationBar bar = { .row = *row };

      if (row->year != year)
        continue;
      bar.name = g_strdup (summit_participation_get_name (row, group, NULL));
      max = MAX (max, row->invitations);
      g_array_append_val (chart->bars, bar);
    }
  summit_chart_nice_ticks (MAX (max, 1), 5, &step, &chart->axis_top);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      SummitParticipationBar *bar = &g_array_index (chart->bars, SummitParticipationBar, i);

      bar->fraction = (double)bar->row.invitations / chart->axis_top;
      bar->confirmed_fraction = (double)bar->row.confirmed / chart->axis_top;
      /* Translators: read by screen readers: "Poland: 2 invitations, 2 confirmed. " */
      g_string_append_printf (description, _("%s: %d invitations, %d confirmed. "),
                              bar->name, bar->row.invitations, bar->row.confirmed);
    }
  chart->title = g_strdup_printf (group == SUMMIT_PARTICIPATION_BY_COUNTRY
                                  /* Translators: the second chart's title, with the year */
                                  ? _("Invitations by Country, %d")
                                  : _("Invitations by Continent, %d"), year);
  chart->description = g_string_free (g_steal_pointer (&description), FALSE);
  return chart;
}

void
summit_participation_chart_free (SummitParticipationChart *chart)
{
  if (chart == NULL)
    return;
  g_array_unref (chart->bars);
  g_free (chart->title);
  g_free (chart->description);
  g_free (chart);
}

static void
set_color (cairo_t                *cr,
           const SummitChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
show_text (cairo_t                *cr,
           PangoLayout            *layout,
           const char             *text,
           double                  x,
           double                  y,
           double                  width,
           PangoAlignment          alignment)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y - (double)h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * summit_participation_chart_render:
 * @chart: (type SummitParticipationChart): what to draw
 *
 * Draws @chart in a @width × @height box; a #SummitChartDrawFunc.
 */
void
summit_participation_chart_render (cairo_t                *cr,
                                   const SummitChartStyle *style,
                                   double                  width,
                                   double                  height,
                                   gpointer                data)
{
  SummitParticipationChart *chart = data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  double top = 40, label_width = MIN (160, width * 0.3), right = 0;
  double plot, row_height;

  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, 13 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  set_color (cr, &style->foreground);
  show_text (cr, layout, chart->title, 8, 14, width - 16, PANGO_ALIGN_LEFT);

  pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  set_color (cr, &style->muted);
  /* Translators: the legend of the second chart */
  show_text (cr, layout, _("Bar: invitations · filled: confirmed"), 8, 30, width - 16,
             PANGO_ALIGN_LEFT);

  if (chart->bars->len == 0)
    {
      show_text (cr, layout, _("No invitations in this edition yet."), 8, height / 2, width - 16,
                 PANGO_ALIGN_CENTER);
      pango_font_description_free (font);
      return;
    }

  row_height = MIN (28, (height - top - 8) / chart->bars->len);
  pango_font_description_set_absolute_size (font, MIN (11, row_height * 0.6) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  /* Room at the right for the longest value, so that no value is cut. */
  pango_layout_set_width (layout, -1);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const SummitParticipationBar *bar = &g_array_index (chart->bars, SummitParticipationBar, i);
      g_autofree char *value = g_strdup_printf (_("%d (%d confirmed)"), bar->row.invitations,
                                                bar->row.confirmed);
      int w, h;

      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      right = MAX (right, w + 14);
    }
  right = MIN (right, width * 0.4);
  plot = MAX (10, width - label_width - right - 16);
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const SummitParticipationBar *bar = &g_array_index (chart->bars, SummitParticipationBar, i);
      double y = top + i * row_height, mid = y + row_height / 2;
      double x0 = 8 + label_width + 8, bar_h = row_height * 0.64;
      g_autofree char *value = NULL;

      set_color (cr, &style->foreground);
      show_text (cr, layout, bar->name, 8, mid, label_width, PANGO_ALIGN_RIGHT);

      cairo_rectangle (cr, x0, mid - bar_h / 2, plot * bar->fraction, bar_h);
      set_color (cr, &style->grid);
      cairo_fill_preserve (cr);
      set_color (cr, &style->bar);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_rectangle (cr, x0, mid - bar_h / 2, plot * bar->confirmed_fraction, bar_h);
      cairo_fill (cr);

      /* Translators: a bar's value: invitations, then confirmed, "2 (2 confirmed)" */
      value = g_strdup_printf (_("%d (%d confirmed)"), bar->row.invitations, bar->row.confirmed);
      set_color (cr, &style->foreground);
      show_text (cr, layout, value, x0 + plot * bar->fraction + 6, mid, right + 8, PANGO_ALIGN_LEFT);
    }
  pango_font_description_free (font);
}

/**
 * summit_participation_to_csv:
 * @rows: (element-type SummitParticipation): as summit_store_count_participation()
 *   gives them
 *
 * Returns: (transfer full): the rows as CSV with a header line, the counts
 *   the chart draws
 */
char *
summit_participation_to_csv (GArray                   *rows,
                             SummitParticipationGroup  group)
{
  const char *header[] = { "year", group == SUMMIT_PARTICIPATION_BY_COUNTRY ? "country" : "continent",
                           "name", "invitations", "invited", "confirmed", "attended" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    summit_csv_append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      const SummitParticipation *row = &g_array_index (rows, SummitParticipation, i);

      g_string_append_printf (out, "%d,", row->year);
      summit_csv_append_field (out, row->key, FALSE);
      summit_csv_append_field (out, summit_participation_get_name (row, group, NULL), FALSE);
      g_string_append_printf (out, "%d,%d,%d,%d\n", row->invitations, row->invited,
                              row->confirmed, row->attended);
    }
  return g_string_free (out, FALSE);
}
