/* summit-chart-render.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "summit-chart-model.h"

G_BEGIN_DECLS

#define SUMMIT_CHART_ERROR (summit_chart_error_quark ())

typedef enum
{
  SUMMIT_CHART_ERROR_FORMAT,
  SUMMIT_CHART_ERROR_SIZE,
  SUMMIT_CHART_ERROR_DRAW,
} SummitChartError;

typedef enum
{
  SUMMIT_CHART_FORMAT_PNG,
  SUMMIT_CHART_FORMAT_SVG,
  SUMMIT_CHART_FORMAT_PDF,
} SummitChartFormat;

#define SUMMIT_CHART_MIN_SIZE 120
#define SUMMIT_CHART_MAX_SIZE 10000

typedef struct
{
  double red, green, blue, alpha;
} SummitChartColor;

/* Colours come from the caller, so that the widget follows the light or
 * dark style and an export can be printed on white. */
typedef struct
{
  SummitChartColor background;  /* alpha 0: leave the surface as it is */
  SummitChartColor foreground;  /* title, values, years */
  SummitChartColor muted;       /* axis labels, caption, "no figure" */
  SummitChartColor grid;
  SummitChartColor bar;         /* recorded figures, filled */
  SummitChartColor estimate;    /* estimates, outlined and hatched */
  SummitChartColor derived;     /* the line of counts from invitations */
  const char      *font_family;
  gboolean         show_derived;
} SummitChartStyle;

typedef struct
{
  double x, y, width, height;
} SummitChartRect;

typedef void (*SummitChartDrawFunc) (cairo_t                *cr,
                                     const SummitChartStyle *style,
                                     double                  width,
                                     double                  height,
                                     gpointer                data);

GQuark   summit_chart_error_quark        (void);
void     summit_chart_style_init         (SummitChartStyle       *style,
                                          gboolean                dark);
gboolean summit_chart_layout_bar         (SummitChartModel       *model,
                                          double                  width,
                                          double                  height,
                                          guint                   index,
                                          SummitChartRect        *column,
                                          SummitChartRect        *bar);
int      summit_chart_hit_test           (SummitChartModel       *model,
                                          double                  width,
                                          double                  height,
                                          double                  x,
                                          double                  y);
void     summit_chart_render             (cairo_t                *cr,
                                          SummitChartModel       *model,
                                          const SummitChartStyle *style,
                                          double                  width,
                                          double                  height);
gboolean summit_chart_format_from_path   (const char             *path,
                                          SummitChartFormat      *format,
                                          GError                **error);
GBytes  *summit_chart_render_to_bytes    (SummitChartModel       *model,
                                          const SummitChartStyle *style,
                                          SummitChartFormat       format,
                                          int                     width,
                                          int                     height,
                                          double                  scale,
                                          GError                **error);
gboolean summit_chart_export             (SummitChartModel       *model,
                                          const SummitChartStyle *style,
                                          const char             *path,
                                          int                     width,
                                          int                     height,
                                          GError                **error);
GBytes  *summit_chart_draw_to_bytes      (SummitChartDrawFunc     draw,
                                          gpointer                data,
                                          const char             *title,
                                          const SummitChartStyle *style,
                                          SummitChartFormat       format,
                                          int                     width,
                                          int                     height,
                                          double                  scale,
                                          GError                **error);
gboolean summit_chart_draw_export        (SummitChartDrawFunc     draw,
                                          gpointer                data,
                                          const char             *title,
                                          const SummitChartStyle *style,
                                          const char             *path,
                                          int                     width,
                                          int                     height,
                                          GError                **error);
void     summit_chart_render_shutdown    (void);

G_END_DECLS
