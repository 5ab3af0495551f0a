/* test-chart-render.c — the chart as drawn: bars in proportion, the gap
 * without a bar, the labels in the PDF's text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "summit-chart-render.h"
#include "summit-statistics.h"
#include "summit-store.h"
#include "summit-xml.h"
#include "test-util.h"

#define WIDTH 900
#define HEIGHT 560

static char *tmpdir;

/* Pure colours, so that a pixel tells what was drawn there. */
static void
test_style (SummitChartStyle *style)
{
  summit_chart_style_init (style, FALSE);
  style->background = (SummitChartColor) { 1, 1, 1, 1 };
  style->foreground = (SummitChartColor) { 0, 0, 0, 1 };
  style->muted = (SummitChartColor) { 0.5, 0.5, 0.5, 1 };
  style->grid = (SummitChartColor) { 0.9, 0.9, 0.9, 1 };
  style->bar = (SummitChartColor) { 0, 0, 1, 1 };
  style->estimate = (SummitChartColor) { 1, 0, 0, 1 };
  style->derived = (SummitChartColor) { 0, 0.6, 0, 1 };
}

/* The seed's figures, read from a freshly seeded database. */
static SummitChartModel *
seed_model (int from,
            int to)
{
  g_autofree char *path = test_store_location (tmpdir, "seed.db");
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  stats = summit_store_list_year_statistics (store, &error);
  g_assert_no_error (error);
  return summit_chart_model_new (stats, NULL, from, to);
}

typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride;
  int              width;
  int              height;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

typedef struct
{
  const guchar *data;
  gsize         len;
  gsize         pos;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (reader->pos + length > reader->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
image_load (Image  *image,
            GBytes *png)
{
  Reader reader = { NULL, 0, 0 };

  reader.data = g_bytes_get_data (png, &reader.len);
  g_assert_cmpuint (reader.len, >, 8);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
  image->surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  g_assert_cmpint (cairo_surface_status (image->surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image->surface);
  image->data = cairo_image_surface_get_data (image->surface);
  image->stride = cairo_image_surface_get_stride (image->surface);
  image->width = cairo_image_surface_get_width (image->surface);
  image->height = cairo_image_surface_get_height (image->surface);
}

static void
pixel (const Image *image,
       int          x,
       int          y,
       int         *r,
       int         *g,
       int         *b)
{
  guint32 p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, image->width);
  g_assert_cmpint (y, <, image->height);
  p = *(const guint32 *)(image->data + y * image->stride + x * 4);
  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
}

static gboolean
is_bar_blue (const Image *image, int x, int y)
{
  int r, g, b;

  pixel (image, x, y, &r, &g, &b);
  return b > 200 && r < 60 && g < 60;
}

static gboolean
is_estimate_red (const Image *image, int x, int y)
{
  int r, g, b;

  pixel (image, x, y, &r, &g, &b);
  return r > 200 && g < 140 && b < 140 && r - g > 80;
}

static gboolean
is_white (const Image *image, int x, int y)
{
  int r, g, b;

  pixel (image, x, y, &r, &g, &b);
  return r > 240 && g > 240 && b > 240;
}

/* Counts bar-coloured pixels up the bar's centre, from its foot. */
static int
measure_bar (const Image     *image,
             const SummitChartRect *bar,
             double           scale)
{
  int x = (int)((bar->x + bar->width / 2) * scale);
  int y = (int)((bar->y + bar->height) * scale) - 1;
  int n = 0;

  /* Skip the baseline drawn over the bars' feet. */
  while (y > 0 && !is_bar_blue (image, x, y) && n++ < 4 * scale)
    y--;
  n = 0;
  while (y > 0 && is_bar_blue (image, x, y))
    {
      n++;
      y--;
    }
  return n;
}

static void
check_proportions (double scale)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Image) image = { 0 };
  SummitChartStyle style;
  const int values[] = { 3, 5, 54, 120 };
  int heights[4];

  test_style (&style);
  png = summit_chart_render_to_bytes (model, &style, SUMMIT_CHART_FORMAT_PNG, WIDTH, HEIGHT,
                                      scale, &error);
  g_assert_no_error (error);
  image_load (&image, png);
  g_assert_cmpint (image.width, ==, (int)(WIDTH * scale));
  g_assert_cmpint (image.height, ==, (int)(HEIGHT * scale));

  for (guint i = 0; i < 4; i++)
    {
      SummitChartRect bar;

      g_assert_true (summit_chart_layout_bar (model, WIDTH, HEIGHT, i, NULL, &bar));
      heights[i] = measure_bar (&image, &bar, scale);
      g_test_message ("%d: %d px", values[i], heights[i]);
    }
  g_assert_cmpint (heights[3], >, 100 * scale);
  for (guint i = 0; i < 4; i++)
    {
      double expected = heights[3] * (double)values[i] / 120.0;
      /* Within two pixels (antialiased edges, the baseline). */
      g_assert_cmpfloat (fabs (heights[i] - expected), <=, 2.0 * scale);
      g_assert_cmpint (heights[i], >=, 1);
    }
  /* 54 is 18 times 3, and the picture says so. */
  g_assert_cmpfloat (fabs ((double)heights[2] / heights[3] - 54.0 / 120.0), <, 0.03);
}

static void
test_png_proportions (void)
{
  check_proportions (1.0);
}

static void
test_png_hidpi (void)
{
  check_proportions (2.0);
}

static void
test_png_gap_and_estimate (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Image) image = { 0 };
  SummitChartStyle style;
  SummitChartRect column, bar, estimate;
  int coloured = 0, red_outline = 0, white_inside = 0, inside = 0;

  test_style (&style);
  png = summit_chart_render_to_bytes (model, &style, SUMMIT_CHART_FORMAT_PNG, WIDTH, HEIGHT,
                                      1.0, &error);
  g_assert_no_error (error);
  image_load (&image, png);

  /* 2019: no bar at all — not blue, not hatched — anywhere in its column. */
  g_assert_false (summit_chart_layout_bar (model, WIDTH, HEIGHT, 4, &column, &bar));
  for (int y = (int)column.y; y < (int)(column.y + column.height) - 1; y++)
    for (int x = (int)column.x + 1; x < (int)(column.x + column.width) - 1; x++)
      coloured += is_bar_blue (&image, x, y) || is_estimate_red (&image, x, y);
  g_assert_cmpint (coloured, ==, 0);

  /* 2020: outlined and hatched, not filled; as tall as 150 on the axis. */
  g_assert_true (summit_chart_layout_bar (model, WIDTH, HEIGHT, 5, NULL, &estimate));
  g_assert_true (summit_chart_layout_bar (model, WIDTH, HEIGHT, 3, NULL, &bar));
  g_assert_cmpfloat (fabs (estimate.height / bar.height - 150.0 / 120.0), <, 0.01);
  for (int dy = 0; dy < 4; dy++)
    red_outline += is_estimate_red (&image, (int)(estimate.x + estimate.width / 2),
                                    (int)estimate.y + dy);
  g_assert_cmpint (red_outline, >, 0);
  for (int y = (int)estimate.y + 6; y < (int)(estimate.y + estimate.height) - 6; y++)
    for (int x = (int)estimate.x + 6; x < (int)(estimate.x + estimate.width) - 6; x++)
      {
        inside++;
        white_inside += is_white (&image, x, y);
        g_assert_false (is_bar_blue (&image, x, y));
      }
  g_assert_cmpint (white_inside, >, inside / 4);
  g_assert_cmpint (white_inside, <, inside);
}

static char *
pdf_text (SummitChartModel *model)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "chart.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  SummitChartStyle style;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;

  summit_chart_style_init (&style, FALSE);
  summit_chart_export (model, &style, pdf, WIDTH, HEIGHT, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };
    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                  NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
has_token (char       **tokens,
           const char  *token)
{
  for (guint i = 0; tokens[i]; i++)
    if (g_strcmp0 (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_text (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autofree char *text = pdf_text (model);
  g_auto(GStrv) tokens = NULL;

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_test_message ("%s", text);
  tokens = g_strsplit_set (text, " \n\t\f", -1);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", 2015 + i);
      g_assert_true (has_token (tokens, year));
    }
  g_assert_true (has_token (tokens, "3"));
  g_assert_true (has_token (tokens, "5"));
  g_assert_true (has_token (tokens, "54"));
  g_assert_true (has_token (tokens, "120"));
  g_assert_true (has_token (tokens, "150+"));
  g_assert_nonnull (strstr (text, "(expected)"));
  g_assert_nonnull (strstr (text, "no figure"));
  g_assert_nonnull (strstr (text, "Overseas Mayors at the Summit"));
  g_assert_nonnull (strstr (text, "in five years"));
  g_assert_nonnull (strstr (text, "Source: Announcement."));
  /* Never a zero for the gap: the only 0 is the axis's. */
  g_assert_false (has_token (tokens, "0") && strstr (text, "2019: 0") != NULL);
}

static void
test_svg (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autofree char *path = g_build_filename (tmpdir, "chart.svg", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SummitChartStyle style;
  const char *data;
  gsize len;

  summit_chart_style_init (&style, FALSE);
  g_assert_true (summit_chart_export (model, &style, path, 640, 400, &error));
  g_assert_no_error (error);
  bytes = test_read_bytes (path);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (g_strstr_len (data, len, "<svg"));
  g_assert_nonnull (g_strstr_len (data, len, "width=\"640\""));
  g_assert_nonnull (g_strstr_len (data, len, "height=\"400\""));
}

static void
test_export_refuses (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autofree char *jpg = g_build_filename (tmpdir, "chart.jpg", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "keep.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;
  SummitChartStyle style;

  summit_chart_style_init (&style, FALSE);
  g_assert_false (summit_chart_export (model, &style, jpg, 640, 400, &error));
  g_assert_error (error, SUMMIT_CHART_ERROR, SUMMIT_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A size out of range leaves an existing file as it was. */
  test_write (png, "old", 3);
  g_assert_false (summit_chart_export (model, &style, png, 20, 400, &error));
  g_assert_error (error, SUMMIT_CHART_ERROR, SUMMIT_CHART_ERROR_SIZE);
  kept = test_read_bytes (png);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "old", 3);
}

static void
test_dark_background (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Image) image = { 0 };
  SummitChartStyle style;
  int r, g, b;

  summit_chart_style_init (&style, TRUE);
  png = summit_chart_render_to_bytes (model, &style, SUMMIT_CHART_FORMAT_PNG, 400, 300, 1.0,
                                      &error);
  g_assert_no_error (error);
  image_load (&image, png);
  pixel (&image, 2, 2, &r, &g, &b);
  g_assert_cmpint (r + g + b, <, 120);
}

static void
test_hit_test (void)
{
  g_autoptr(SummitChartModel) model = seed_model (2015, 2020);
  SummitChartRect column;

  for (guint i = 0; i < 6; i++)
    {
      summit_chart_layout_bar (model, WIDTH, HEIGHT, i, &column, NULL);
      g_assert_cmpint (summit_chart_hit_test (model, WIDTH, HEIGHT,
                                              column.x + column.width / 2,
                                              column.y + column.height - 2), ==, (int)i);
    }
  g_assert_cmpint (summit_chart_hit_test (model, WIDTH, HEIGHT, 1, 1), ==, -1);
}

static void
test_empty_range (void)
{
  g_autoptr(SummitChartModel) model = seed_model (1995, 1999);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Image) image = { 0 };
  SummitChartStyle style;
  int coloured = 0;

  test_style (&style);
  png = summit_chart_render_to_bytes (model, &style, SUMMIT_CHART_FORMAT_PNG, 400, 300, 1.0,
                                      &error);
  g_assert_no_error (error);
  image_load (&image, png);
  for (int y = 0; y < image.height; y++)
    for (int x = 0; x < image.width; x++)
      coloured += is_bar_blue (&image, x, y);
  g_assert_cmpint (coloured, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/chart/render/png-bar-proportions", test_png_proportions);
  g_test_add_func ("/chart/render/png-hidpi-scale-2", test_png_hidpi);
  g_test_add_func ("/chart/render/png-gap-has-no-bar-estimate-hatched", test_png_gap_and_estimate);
  g_test_add_func ("/chart/render/pdf-text-carries-labels", test_pdf_text);
  g_test_add_func ("/chart/render/svg", test_svg);
  g_test_add_func ("/chart/render/export-refuses-bad-format-and-size", test_export_refuses);
  g_test_add_func ("/chart/render/dark-background", test_dark_background);
  g_test_add_func ("/chart/render/hit-test", test_hit_test);
  g_test_add_func ("/chart/render/empty-range-draws-no-bars", test_empty_range);

  status = g_test_run ();
  test_tmpdir_free (tmpdir);
  summit_chart_render_shutdown ();
  return status;
}
