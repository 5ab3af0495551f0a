/* summit-chart-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a chart model with cairo and Pango — the same code for the widget,
 * PNG, SVG, PDF and print. Recorded figures are filled bars with their value
 * on top; an estimate is outlined and hatched and says so ("150+
 * (expected)"); a year without a figure is a gap labelled "no figure", never
 * a zero bar. The layout depends only on the size and the model, so that
 * hit-testing (tooltips) and tests agree with what is drawn.
 */
#define G_LOG_DOMAIN "summit-chart-render"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <setjmp.h>

#include "summit-chart-render.h"
#include "summit-file.h"

G_DEFINE_QUARK (summit-chart-error-quark, summit_chart_error)

typedef struct
{
  double base;           /* body font size, px */
  double pad;
  double title_y, growth_y, legend_y;
  double plot_x, plot_y, plot_w, plot_h;
  double caption_y, caption_h;
  double column_w, bar_w;
  guint  label_every;    /* year labels: years divisible by this, when they would collide */
  gboolean gap_words;
} Layout;

static void
compute_layout (SummitChartModel *model,
                double            width,
                double            height,
                Layout           *l)
{
  guint n = MAX (1, model->bars->len);
  int digits = 1;
  double axis_label_w, year_w;

  for (int t = model->axis_top; t >= 10; t /= 10)
    digits++;

  l->base = CLAMP (MIN (width / 48.0, height / 30.0), 8.0, 40.0);
  l->pad = l->base * 1.2;
  l->title_y = l->pad;
  l->growth_y = l->title_y + l->base * 1.5 * 1.35;
  l->legend_y = l->growth_y + l->base * 1.1 * 1.4;
  l->caption_h = l->base * 0.85 * 1.3 * 2;
  l->caption_y = height - l->pad - l->caption_h;

  axis_label_w = digits * 0.62 * l->base + l->base * 0.7;
  l->plot_x = l->pad + axis_label_w;
  l->plot_w = MAX (1.0, width - l->pad - l->plot_x);
  /* Headroom above the plot for the tallest bar's label (two lines if wrapped). */
  l->plot_y = l->legend_y + l->base * 1.3 + l->base * 2.6;
  l->plot_h = MAX (1.0, l->caption_y - l->base * 2.0 - l->plot_y);

  l->column_w = l->plot_w / n;
  l->bar_w = l->column_w * 0.62;

  year_w = 4 * 0.62 * l->base + l->base * 0.8;
  {
    static const guint steps[] = { 1, 2, 5, 10, 20, 25, 50, 100 };
    guint needed = MAX (1, (guint)ceil (year_w / l->column_w));

    l->label_every = steps[G_N_ELEMENTS (steps) - 1];
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] >= needed)
        {
          l->label_every = steps[i];
          break;
        }
  }
  /* "no figure" in words where it fits, otherwise a hollow marker. */
  l->gap_words = l->column_w >= 4.8 * l->base;
}

/**
 * summit_chart_style_init:
 * @dark: whether the colours go on a dark background
 *
 * Fills @style with the GNOME palette's blue bars, on an opaque background
 * (for exports; the widget makes its background transparent).
 */
void
summit_chart_style_init (SummitChartStyle *style,
                         gboolean          dark)
{
  g_return_if_fail (style != NULL);

  if (dark)
    *style = (SummitChartStyle) {
      .background = { 0.118, 0.118, 0.118, 1.0 },
      .foreground = { 1.0, 1.0, 1.0, 1.0 },
      .muted = { 1.0, 1.0, 1.0, 0.7 },
      .grid = { 1.0, 1.0, 1.0, 0.15 },
      .bar = { 0.471, 0.682, 0.929, 1.0 },       /* #78aeed */
      .estimate = { 0.471, 0.682, 0.929, 1.0 },
      .derived = { 1.0, 0.639, 0.282, 1.0 },     /* #ffa348 */
    };
  else
    *style = (SummitChartStyle) {
      .background = { 1.0, 1.0, 1.0, 1.0 },
      .foreground = { 0.141, 0.122, 0.192, 1.0 }, /* #241f31 */
      .muted = { 0.141, 0.122, 0.192, 0.7 },
      .grid = { 0.141, 0.122, 0.192, 0.15 },
      .bar = { 0.110, 0.443, 0.847, 1.0 },       /* #1c71d8 */
      .estimate = { 0.110, 0.443, 0.847, 1.0 },
      .derived = { 0.776, 0.275, 0.0, 1.0 },     /* #c64600 */
    };
  style->font_family = "Sans";
  style->show_derived = TRUE;
}

static gboolean
bar_rect (SummitChartModel *model,
          const Layout     *l,
          guint             index,
          SummitChartRect  *column,
          SummitChartRect  *bar)
{
  const SummitChartBar *b = &g_array_index (model->bars, SummitChartBar, index);
  double cx = l->plot_x + l->column_w * (index + 0.5);
  double h = l->plot_h * b->fraction;

  if (column != NULL)
    *column = (SummitChartRect) { l->plot_x + l->column_w * index, l->plot_y,
                                  l->column_w, l->plot_h };
  if (bar != NULL)
    *bar = (SummitChartRect) { cx - l->bar_w / 2, l->plot_y + l->plot_h - h, l->bar_w, h };
  return b->value >= 0;
}

/**
 * summit_chart_layout_bar:
 * @column: (out) (optional): the whole column of the year, plot height
 * @bar: (out) (optional): the bar, from the baseline up to the value
 *
 * Returns: %TRUE if the year has a bar; %FALSE for a gap (and for an index
 *   out of range)
 */
gboolean
summit_chart_layout_bar (SummitChartModel *model,
                         double            width,
                         double            height,
                         guint             index,
                         SummitChartRect  *column,
                         SummitChartRect  *bar)
{
  Layout l;

  g_return_val_if_fail (model != NULL, FALSE);
  if (index >= model->bars->len)
    return FALSE;

  compute_layout (model, width, height, &l);
  return bar_rect (model, &l, index, column, bar);
}

/**
 * summit_chart_hit_test:
 *
 * Returns: the index of the year whose column holds (@x, @y) — the plot and
 *   the labels around it — or -1
 */
int
summit_chart_hit_test (SummitChartModel *model,
                       double            width,
                       double            height,
                       double            x,
                       double            y)
{
  Layout l;
  int index;

  g_return_val_if_fail (model != NULL, -1);

  compute_layout (model, width, height, &l);
  if (x < l.plot_x || x >= l.plot_x + l.plot_w ||
      y < l.plot_y - l.base * 2.6 || y > l.plot_y + l.plot_h + l.base * 1.8)
    return -1;
  index = (int)((x - l.plot_x) / l.column_w);
  return index < (int)model->bars->len ? index : -1;
}

static void
set_color (cairo_t                *cr,
           const SummitChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

/* Draws @text with its top edge at @y, aligned on @x; wraps at @wrap_width
 * if positive. Returns the height drawn. */
static double
draw_text (cairo_t                *cr,
           PangoLayout            *layout,
           const SummitChartStyle *style,
           const char             *text,
           double                  size,
           PangoWeight             weight,
           gboolean                italic,
           const SummitChartColor *color,
           double                  x,
           double                  y,
           Align                   align,
           double                  wrap_width,
           gboolean                bottom)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int w, h;
  double left;

  pango_font_description_set_family (font, style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, wrap_width > 0 ? (int)(wrap_width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, align == ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                      : align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &w, &h);

  if (wrap_width > 0)
    left = align == ALIGN_CENTER ? x - wrap_width / 2 : align == ALIGN_RIGHT ? x - wrap_width : x;
  else
    left = align == ALIGN_CENTER ? x - w / 2.0 : align == ALIGN_RIGHT ? x - w : x;

  set_color (cr, color);
  cairo_move_to (cr, left, bottom ? y - h : y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_hatched (cairo_t                *cr,
              const SummitChartColor *color,
              const SummitChartRect  *r,
              double                  line_width,
              double                  spacing)
{
  double inset = line_width / 2;

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.45);
  cairo_set_line_width (cr, line_width * 0.8);
  for (double d = -r->height; d < r->width; d += spacing)
    {
      cairo_move_to (cr, r->x + d, r->y + r->height);
      cairo_line_to (cr, r->x + d + r->height, r->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_rectangle (cr, r->x + inset, r->y + inset,
                   MAX (0, r->width - line_width), MAX (0, r->height - line_width));
  cairo_stroke (cr);
}

static void
draw_gap_marker (cairo_t                *cr,
                 const SummitChartStyle *style,
                 const Layout           *l,
                 double                  cx,
                 double                  baseline)
{
  double r = MAX (1.5, MIN (l->column_w * 0.3, l->base * 0.3));

  set_color (cr, &style->muted);
  cairo_set_line_width (cr, MAX (1.0, r * 0.4));
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, baseline - r * 2.5, r, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
draw_legend (cairo_t                *cr,
             PangoLayout            *layout,
             SummitChartModel       *model,
             const SummitChartStyle *style,
             const Layout           *l,
             double                  width)
{
  const char *labels[4] = { _("Recorded"), _("Estimate"),
                            C_("chart legend", "Confirmed mayors and deputy mayors"),
                            _("No figure") };
  gboolean shown[4] = { FALSE, FALSE, style->show_derived && model->has_derived, FALSE };
  double size = l->base * 0.85;
  double swatch = size * 1.1;
  double x = l->plot_x;

  for (guint i = 0; i < model->bars->len; i++)
    {
      const SummitChartBar *b = &g_array_index (model->bars, SummitChartBar, i);
      shown[0] |= b->kind == SUMMIT_FIGURE_RECORDED;
      shown[1] |= b->kind == SUMMIT_FIGURE_ESTIMATE;
      shown[3] |= b->kind == SUMMIT_FIGURE_MISSING && !l->gap_words;
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      SummitChartRect r = { x, l->legend_y + (size * 1.3 - swatch) / 2, swatch, swatch };
      PangoRectangle ink, logical;

      if (!shown[i])
        continue;
      if (i == 0)
        {
          set_color (cr, &style->bar);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
        }
      else if (i == 1)
        draw_hatched (cr, &style->estimate, &r, MAX (1.0, l->base * 0.1), swatch / 3);
      else if (i == 3)
        {
          set_color (cr, &style->muted);
          cairo_set_line_width (cr, MAX (1.0, swatch * 0.12));
          cairo_new_sub_path (cr);
          cairo_arc (cr, r.x + r.width / 2, r.y + r.height / 2, swatch / 3, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      else
        {
          set_color (cr, &style->derived);
          cairo_set_line_width (cr, MAX (1.5, l->base * 0.15));
          cairo_move_to (cr, r.x, r.y + r.height / 2);
          cairo_line_to (cr, r.x + r.width, r.y + r.height / 2);
          cairo_stroke (cr);
          cairo_arc (cr, r.x + r.width / 2, r.y + r.height / 2, swatch / 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      draw_text (cr, layout, style, labels[i], size, PANGO_WEIGHT_NORMAL, FALSE,
                 &style->muted, x + swatch + size * 0.4, l->legend_y, ALIGN_LEFT, -1, FALSE);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      x += swatch + size * 0.4 + logical.width + size * 1.5;
      if (x > width)
        break;
    }
}

/* Grid lines across the plot, each with its value at the left. */
static void
draw_ticks (cairo_t                *cr,
            PangoLayout            *layout,
            SummitChartModel       *model,
            const SummitChartStyle *style,
            const Layout           *l)
{
  double baseline = l->plot_y + l->plot_h;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < model->ticks->len; i++)
    {
      int tick = g_array_index (model->ticks, int, i);
      double y = baseline - l->plot_h * tick / model->axis_top;
      g_autofree char *text = g_strdup_printf ("%d", tick);

      set_color (cr, &style->grid);
      cairo_move_to (cr, l->plot_x, round (y) + 0.5);
      cairo_line_to (cr, l->plot_x + l->plot_w, round (y) + 0.5);
      cairo_stroke (cr);
      draw_text (cr, layout, style, text, l->base * 0.85, PANGO_WEIGHT_NORMAL, FALSE,
                 &style->muted, l->plot_x - l->base * 0.5, y - l->base * 0.6, ALIGN_RIGHT, -1,
                 FALSE);
    }
}

/* Bars with their values, gaps, and the years under them. */
static void
draw_bars (cairo_t                *cr,
           PangoLayout            *layout,
           SummitChartModel       *model,
           const SummitChartStyle *style,
           const Layout           *l)
{
  double baseline = l->plot_y + l->plot_h;

  for (guint i = 0; i < model->bars->len; i++)
    {
      const SummitChartBar *b = &g_array_index (model->bars, SummitChartBar, i);
      SummitChartRect r;
      double cx = l->plot_x + l->column_w * (i + 0.5);
      double label_w = MAX (l->column_w * 0.96, l->bar_w);
      g_autofree char *year = g_strdup_printf ("%d", b->year);

      bar_rect (model, l, i, NULL, &r);
      switch (b->kind)
        {
        case SUMMIT_FIGURE_RECORDED:
          set_color (cr, &style->bar);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
          draw_text (cr, layout, style, b->label, l->base, PANGO_WEIGHT_BOLD, FALSE,
                     &style->foreground, cx, r.y - l->base * 0.25, ALIGN_CENTER, label_w, TRUE);
          break;
        case SUMMIT_FIGURE_ESTIMATE:
          draw_hatched (cr, &style->estimate, &r, MAX (1.5, l->base * 0.15), l->base * 0.6);
          draw_text (cr, layout, style, b->label, l->base, PANGO_WEIGHT_BOLD, TRUE,
                     &style->foreground, cx, r.y - l->base * 0.25, ALIGN_CENTER, label_w, TRUE);
          break;
        case SUMMIT_FIGURE_MISSING:
        default:
          /* A gap, said in words; never a bar of height zero. */
          if (l->gap_words)
            draw_text (cr, layout, style, b->label, l->base * 0.9, PANGO_WEIGHT_NORMAL, TRUE,
                       &style->muted, cx, baseline - l->base * 0.4, ALIGN_CENTER, label_w, TRUE);
          else
            draw_gap_marker (cr, style, l, cx, baseline);
          break;
        }

      if (b->year % l->label_every == 0 || l->label_every == 1)
        draw_text (cr, layout, style, year, l->base * 0.95, PANGO_WEIGHT_NORMAL, FALSE,
                   &style->foreground, cx, baseline + l->base * 0.35, ALIGN_CENTER, -1, FALSE);
    }
}

/* The counts derived from invitations: a line joining consecutive years. */
static void
draw_derived (cairo_t                *cr,
              PangoLayout            *layout,
              SummitChartModel       *model,
              const SummitChartStyle *style,
              const Layout           *l)
{
  double baseline = l->plot_y + l->plot_h;
  gboolean have_previous = FALSE;
  double prev_x = 0, prev_y = 0;

  set_color (cr, &style->derived);
  cairo_set_line_width (cr, MAX (1.5, l->base * 0.15));
  for (guint i = 0; i < model->bars->len; i++)
    {
      const SummitChartBar *b = &g_array_index (model->bars, SummitChartBar, i);
      double x = l->plot_x + l->column_w * (i + 0.5);
      double y = baseline - l->plot_h * b->derived_fraction;
      g_autofree char *text = NULL;

      if (b->derived < 0)
        {
          have_previous = FALSE;
          continue;
        }
      if (have_previous)
        {
          cairo_move_to (cr, prev_x, prev_y);
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
        }
      cairo_arc (cr, x, y, l->base * 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      text = g_strdup_printf ("%d", b->derived);
      draw_text (cr, layout, style, text, l->base * 0.8, PANGO_WEIGHT_BOLD, FALSE,
                 &style->derived, x + l->base * 0.45, y - l->base * 1.2, ALIGN_LEFT, -1, FALSE);
      set_color (cr, &style->derived);
      have_previous = TRUE;
      prev_x = x;
      prev_y = y;
    }
}

/**
 * summit_chart_render:
 * @cr: where to draw, in units of @width × @height (the caller sets any
 *   device scale, so HiDPI output stays crisp)
 *
 * Draws @model: title, growth in words, legend, axis with ticks, bars with
 * their values, gaps, the optional derived line, and the source caption.
 */
void
summit_chart_render (cairo_t                *cr,
                     SummitChartModel       *model,
                     const SummitChartStyle *style,
                     double                  width,
                     double                  height)
{
  g_autoptr(PangoLayout) layout = NULL;
  Layout l;
  double baseline;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (style != NULL);

  compute_layout (model, width, height, &l);
  baseline = l.plot_y + l.plot_h;

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);

  /* Title and the growth in words. */
  draw_text (cr, layout, style, model->title, l.base * 1.5, PANGO_WEIGHT_BOLD, FALSE,
             &style->foreground, l.pad, l.title_y, ALIGN_LEFT, width - 2 * l.pad, FALSE);
  if (model->growth != NULL)
    draw_text (cr, layout, style, model->growth, l.base * 1.1, PANGO_WEIGHT_NORMAL, FALSE,
               &style->foreground, l.pad, l.growth_y, ALIGN_LEFT, width - 2 * l.pad, FALSE);
  draw_legend (cr, layout, model, style, &l, width);
  draw_ticks (cr, layout, model, style, &l);

  if (model->n_figures == 0)
    draw_text (cr, layout, style, _("No figures for these years"), l.base * 1.1,
               PANGO_WEIGHT_NORMAL, TRUE, &style->muted, l.plot_x + l.plot_w / 2,
               l.plot_y + l.plot_h / 2 - l.base, ALIGN_CENTER, l.plot_w, FALSE);

  draw_bars (cr, layout, model, style, &l);

  /* The baseline over the bars' feet. */
  set_color (cr, &style->muted);
  cairo_set_line_width (cr, MAX (1.0, l.base * 0.1));
  cairo_move_to (cr, l.plot_x, baseline);
  cairo_line_to (cr, l.plot_x + l.plot_w, baseline);
  cairo_stroke (cr);

  if (style->show_derived && model->has_derived)
    draw_derived (cr, layout, model, style, &l);

  /* The source, said once. */
  if (model->caption != NULL && *model->caption != '\0')
    {
      pango_layout_set_height (layout, (int)(l.caption_h * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      draw_text (cr, layout, style, model->caption, l.base * 0.85, PANGO_WEIGHT_NORMAL, FALSE,
                 &style->muted, l.pad, l.caption_y, ALIGN_LEFT, width - 2 * l.pad, FALSE);
    }

  cairo_restore (cr);
}

/**
 * summit_chart_format_from_path:
 *
 * Tells the export format from @path's extension: .png, .svg or .pdf.
 */
gboolean
summit_chart_format_from_path (const char         *path,
                               SummitChartFormat  *format,
                               GError            **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = SUMMIT_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = SUMMIT_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = SUMMIT_CHART_FORMAT_PDF;
  else
    {
      g_set_error (error, SUMMIT_CHART_ERROR, SUMMIT_CHART_ERROR_FORMAT,
                   _("%s: the chart can be saved as .png, .svg or .pdf"), path);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_to_array_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              size_t       length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

/* Stands in for cairo_surface_write_to_png(): too slow for issue 5's PNG figure (tests/bench).
 * A chart is flat colour: one filter ("sub") and a light zlib level suit it.
 * Only for opaque surfaces (RGB24), which need no un-premultiplying. */
static gboolean
write_png_rgb24 (cairo_surface_t *surface,
                 GByteArray      *out)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data;
  png_structp png;
  png_infop info;
  png_bytep *volatile rows = NULL;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      g_free (rows);
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }

  rows = g_new (png_bytep, height);
  for (int y = 0; y < height; y++)
    rows[y] = data + (gsize)y * stride;

  png_set_write_fn (png, out, png_write_cb, NULL);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_set_compression_level (png, 3);
  png_write_info (png, info);
  /* Pixels are native-endian 0xXXRRGGBB words. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  png_set_filler (png, 0, PNG_FILLER_AFTER);
  png_set_bgr (png);
#else
  png_set_filler (png, 0, PNG_FILLER_BEFORE);
#endif
  png_write_image (png, rows);
  png_write_end (png, NULL);

  png_destroy_write_struct (&png, &info);
  g_free (rows);
  return TRUE;
}

/**
 * summit_chart_draw_to_bytes:
 * @draw: draws the chart on the surface
 * @title: the PDF's title
 * @width: the size in points (SVG, PDF) or pixels at scale 1 (PNG)
 * @scale: for PNG, the device scale (2 for a HiDPI-sharp image twice the
 *   size); ignored for the vector formats
 *
 * Any chart as a PNG, SVG or PDF file's contents.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
summit_chart_draw_to_bytes (SummitChartDrawFunc     draw,
                            gpointer                data,
                            const char             *title,
                            const SummitChartStyle *style,
                            SummitChartFormat       format,
                            int                     width,
                            int                     height,
                            double                  scale,
                            GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (draw != NULL && style != NULL, NULL);

  if (width < SUMMIT_CHART_MIN_SIZE || height < SUMMIT_CHART_MIN_SIZE ||
      width > SUMMIT_CHART_MAX_SIZE || height > SUMMIT_CHART_MAX_SIZE ||
      scale < 1.0 || scale > 4.0 || width * scale > SUMMIT_CHART_MAX_SIZE ||
      height * scale > SUMMIT_CHART_MAX_SIZE)
    {
      g_set_error (error, SUMMIT_CHART_ERROR, SUMMIT_CHART_ERROR_SIZE,
                   _("A chart of %d × %d is not possible; use %d to %d on each side"),
                   width, height, SUMMIT_CHART_MIN_SIZE, SUMMIT_CHART_MAX_SIZE);
      return NULL;
    }

  switch (format)
    {
    case SUMMIT_CHART_FORMAT_PNG:
      /* On an opaque background, no alpha channel: a quarter less to compress. */
      surface = cairo_image_surface_create (style->background.alpha >= 1.0
                                            ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                            (int)ceil (width * scale),
                                            (int)ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    case SUMMIT_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array_cb, out, width, height);
      break;
    case SUMMIT_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_array_cb, out, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Summit Planner");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  cr = cairo_create (surface);
  draw (cr, style, width, height, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == SUMMIT_CHART_FORMAT_PNG)
    {
      if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
        status = write_png_rgb24 (surface, out) ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
      else
        status = cairo_surface_write_to_png_stream (surface, append_to_array_cb, out);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SUMMIT_CHART_ERROR, SUMMIT_CHART_ERROR_DRAW,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
draw_model (cairo_t                *cr,
            const SummitChartStyle *style,
            double                  width,
            double                  height,
            gpointer                data)
{
  summit_chart_render (cr, data, style, width, height);
}

/**
 * summit_chart_render_to_bytes:
 *
 * The overseas-mayor chart of @model, as summit_chart_draw_to_bytes().
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
summit_chart_render_to_bytes (SummitChartModel       *model,
                              const SummitChartStyle *style,
                              SummitChartFormat       format,
                              int                     width,
                              int                     height,
                              double                  scale,
                              GError                **error)
{
  g_return_val_if_fail (model != NULL, NULL);
  return summit_chart_draw_to_bytes (draw_model, model, model->title, style, format,
                                     width, height, scale, error);
}

/**
 * summit_chart_export:
 *
 * The overseas-mayor chart of @model, as summit_chart_draw_export().
 */
gboolean
summit_chart_export (SummitChartModel       *model,
                     const SummitChartStyle *style,
                     const char             *path,
                     int                     width,
                     int                     height,
                     GError                **error)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return summit_chart_draw_export (draw_model, model, model->title, style, path,
                                   width, height, error);
}

/**
 * summit_chart_draw_export:
 * @path: where to save; the format comes from the extension
 *
 * Saves the chart @draw draws as a PNG, SVG or PDF of @width × @height,
 * replacing @path atomically: on failure, an existing file is left as it was.
 */
gboolean
summit_chart_draw_export (SummitChartDrawFunc     draw,
                          gpointer                data_,
                          const char             *title,
                          const SummitChartStyle *style,
                          const char             *path,
                          int                     width,
                          int                     height,
                          GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  SummitChartFormat format;
  gsize len;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!summit_chart_format_from_path (path, &format, error))
    return FALSE;
  if ((bytes = summit_chart_draw_to_bytes (draw, data_, title, style, format, width, height,
                                           1.0, error)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  return summit_file_replace_contents (path, data, len, SUMMIT_FILE_FOLLOW_UMASK, error);
}

/**
 * summit_chart_render_shutdown:
 *
 * Drops this thread's default font map, and the fonts it loaded, so that
 * leak checkers see a clean exit. Call it at most once, at exit, after the
 * last chart is drawn; never in the app, whose toolkit shares them.
 *
 * It leaves cairo's and fontconfig's static caches alone
 * (cairo_debug_reset_static_data(), FcFini()): both assert that no font is
 * still referenced, which pango's own threads may make untrue at exit and
 * so abort. What fontconfig keeps is reachable, or suppressed in
 * tests/lsan.supp.
 */
void
summit_chart_render_shutdown (void)
{
  pango_cairo_font_map_set_default (NULL);
}
