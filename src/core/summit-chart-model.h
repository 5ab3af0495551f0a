/* summit-chart-model.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "summit-statistics.h"

G_BEGIN_DECLS

typedef struct
{
  int               year;
  SummitFigureKind  kind;
  int               value;        /* overseas mayors; -1 for a year with no figure */
  gboolean          lower_bound;  /* an estimate that is a lower bound ("150+") */
  int               derived;      /* derived from invitations; -1: none */
  double            fraction;     /* value / axis top, 0..1; 0 for a gap */
  double            derived_fraction;
  char             *label;        /* "120", "150+ (expected)", "no figure" */
  char             *source;
} SummitChartBar;

typedef struct
{
  int        from_year;
  int        to_year;
  GArray    *bars;        /* SummitChartBar, one per year from_year..to_year */
  GArray    *ticks;       /* int, 0..axis_top */
  int        axis_top;
  int        n_figures;   /* bars with a value */
  gboolean   has_derived;
  char      *title;
  char      *growth;      /* "3 → 150+ in five years", or NULL */
  char      *caption;     /* the source, said once */
  char      *description; /* for screen readers: every year in words */
} SummitChartModel;

void              summit_chart_nice_ticks   (int               max_value,
                                             int               max_ticks,
                                             int              *step,
                                             int              *top);

SummitChartModel *summit_chart_model_new    (GPtrArray        *stats,
                                             GArray           *derived,
                                             int               from_year,
                                             int               to_year);
void              summit_chart_model_free   (SummitChartModel *model);
const SummitChartBar *summit_chart_model_get_bar (SummitChartModel *model,
                                                  guint             index);
guint             summit_chart_model_get_n_bars (SummitChartModel *model);
char             *summit_chart_model_to_tsv (SummitChartModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitChartModel, summit_chart_model_free)

G_END_DECLS
