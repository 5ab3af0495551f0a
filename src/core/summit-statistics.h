/* summit-statistics.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "summit-store.h"

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_FIGURE_RECORDED,
  SUMMIT_FIGURE_ESTIMATE,
  SUMMIT_FIGURE_MISSING,
} SummitFigureKind;

#define SUMMIT_TYPE_YEAR_STATISTIC (summit_year_statistic_get_type ())
G_DECLARE_FINAL_TYPE (SummitYearStatistic, summit_year_statistic, SUMMIT, YEAR_STATISTIC, GObject)

SummitYearStatistic *summit_year_statistic_new                (int                   year,
                                                               SummitFigureKind      kind);
int                  summit_year_statistic_get_year           (SummitYearStatistic *self);
SummitFigureKind     summit_year_statistic_get_kind           (SummitYearStatistic *self);
void                 summit_year_statistic_set_kind           (SummitYearStatistic *self,
                                                               SummitFigureKind      kind);
int                  summit_year_statistic_get_overseas       (SummitYearStatistic *self);
void                 summit_year_statistic_set_overseas       (SummitYearStatistic *self,
                                                               int                   count);
gboolean             summit_year_statistic_get_lower_bound    (SummitYearStatistic *self);
void                 summit_year_statistic_set_lower_bound    (SummitYearStatistic *self,
                                                               gboolean              lower_bound);
int                  summit_year_statistic_get_domestic       (SummitYearStatistic *self);
void                 summit_year_statistic_set_domestic       (SummitYearStatistic *self,
                                                               int                   count);
int                  summit_year_statistic_get_countries      (SummitYearStatistic *self);
void                 summit_year_statistic_set_countries      (SummitYearStatistic *self,
                                                               int                   count);
const char          *summit_year_statistic_get_source         (SummitYearStatistic *self);
void                 summit_year_statistic_set_source         (SummitYearStatistic *self,
                                                               const char           *source);
char                *summit_year_statistic_format_overseas    (SummitYearStatistic *self);

const char          *summit_figure_kind_to_string             (SummitFigureKind      kind);
gboolean             summit_figure_kind_from_string           (const char           *str,
                                                               SummitFigureKind     *kind);
const char          *summit_figure_kind_to_label              (SummitFigureKind      kind);

GPtrArray           *summit_store_list_year_statistics        (SummitStore          *store,
                                                               GError              **error);
gboolean             summit_store_put_year_statistic          (SummitStore          *store,
                                                               SummitYearStatistic  *stat,
                                                               GError              **error);

G_END_DECLS
