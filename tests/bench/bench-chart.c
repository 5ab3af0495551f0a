/* bench-chart.c — how long the chart takes to redraw and to export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: prints medians. Targets (issue 5): a redraw ≤ 4 ms, a
 * 1920×1080 PNG export ≤ 50 ms. Usage: bench-chart [ROUNDS]
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "summit-xml.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static void
bench_redraw (SummitChartModel *model,
              int               width,
              int               height,
              double            scale,
              guint             rounds)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface;
  SummitChartStyle style;

  summit_chart_style_init (&style, FALSE);
  style.background.alpha = 0;   /* as in the widget */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);
      double ms;

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      summit_chart_render (cr, model, &style, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  cairo_surface_destroy (surface);
  g_print ("redraw %d×%d @%gx (%u bars): median %.2f ms over %u rounds (target ≤ 4 ms)\n",
           width, height, scale, summit_chart_model_get_n_bars (model), median (samples),
           rounds);
}

static void
bench_export (SummitChartModel  *model,
              SummitChartFormat  format,
              const char        *name,
              int                width,
              int                height,
              guint              rounds,
              const char        *target)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  SummitChartStyle style;
  gsize size = 0;

  summit_chart_style_init (&style, FALSE);
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) bytes = summit_chart_render_to_bytes (model, &style, format, width,
                                                              height, 1.0, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (bytes == NULL)
        g_error ("%s", error->message);
      size = g_bytes_get_size (bytes);
      g_array_append_val (samples, ms);
    }
  g_print ("%s export %d×%d: median %.2f ms over %u rounds, %" G_GSIZE_FORMAT " bytes%s%s\n",
           name, width, height, median (samples), rounds, size,
           target ? " " : "", target ? target : "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("summit-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(SummitChartModel) seed = NULL;
  g_autoptr(SummitChartModel) wide = NULL;
  guint rounds = argc > 1 ? (guint)atoi (argv[1]) : 200;

  setlocale (LC_ALL, "");

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);
  if ((store = summit_store_open_and_seed (path, &error)) == NULL ||
      (stats = summit_store_list_year_statistics (store, &error)) == NULL)
    g_error ("%s", error->message);

  seed = summit_chart_model_new (stats, NULL, 2015, 2020);
  wide = summit_chart_model_new (stats, NULL, 1990, 2100);

  g_print ("The seed's figures, 2015–2020; monotonic clock, one thread.\n");
  bench_redraw (seed, 800, 380, 1.0, rounds);
  bench_redraw (seed, 800, 380, 2.0, rounds);
  bench_redraw (wide, 800, 380, 1.0, rounds);
  bench_export (seed, SUMMIT_CHART_FORMAT_PNG, "PNG", 1920, 1080, MAX (10, rounds / 5),
                "(target ≤ 50 ms)");
  bench_export (seed, SUMMIT_CHART_FORMAT_SVG, "SVG", 1920, 1080, MAX (10, rounds / 5), NULL);
  bench_export (seed, SUMMIT_CHART_FORMAT_PDF, "PDF", 1920, 1080, MAX (10, rounds / 5), NULL);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_remove (path);
  g_rmdir (dir);
  g_clear_pointer (&seed, summit_chart_model_free);
  g_clear_pointer (&wide, summit_chart_model_free);
  summit_chart_render_shutdown ();
  return 0;
}
