/* summit-participation-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "summit-chart-render.h"
#include "summit-statistics.h"

G_BEGIN_DECLS

/* One country's (or continent's) bar: its invitations, the confirmed part filled. */
typedef struct
{
  SummitParticipation  row;
  char                *name;
  double               fraction;            /* invitations / axis top */
  double               confirmed_fraction;
} SummitParticipationBar;

typedef struct
{
  int                       year;
  SummitParticipationGroup  group;
  GArray                   *bars;     /* SummitParticipationBar, as the rows came */
  int                       axis_top;
  char                     *title;
  char                     *description;  /* every bar in words, for screen readers */
} SummitParticipationChart;

SummitParticipationChart *summit_participation_chart_new    (GArray                         *rows,
                                                             int                             year,
                                                             SummitParticipationGroup        group);
void                      summit_participation_chart_free   (SummitParticipationChart       *chart);
void                      summit_participation_chart_render (cairo_t                        *cr,
                                                             const SummitChartStyle         *style,
                                                             double                          width,
                                                             double                          height,
                                                             gpointer                        chart);
char                     *summit_participation_to_csv       (GArray                         *rows,
                                                             SummitParticipationGroup        group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitParticipationChart, summit_participation_chart_free)

G_END_DECLS
