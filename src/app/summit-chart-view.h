/* summit-chart-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_CHART_VIEW (summit_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SummitChartView, summit_chart_view, SUMMIT, CHART_VIEW, GtkWidget)

GtkWidget        *summit_chart_view_new              (void);
void              summit_chart_view_set_model        (SummitChartView  *self,
                                                      SummitChartModel *model);
SummitChartModel *summit_chart_view_get_model        (SummitChartView  *self);
void              summit_chart_view_set_show_derived (SummitChartView  *self,
                                                      gboolean          show_derived);
gboolean          summit_chart_view_get_show_derived (SummitChartView  *self);
void              summit_chart_view_get_style        (SummitChartView  *self,
                                                      SummitChartStyle *style);

G_END_DECLS
