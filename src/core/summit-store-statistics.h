/* summit-store-statistics.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-statistics.h"
#include "summit-store.h"

G_BEGIN_DECLS

GPtrArray *summit_store_list_year_statistics (SummitStore               *store,
                                              GError                   **error);
gboolean   summit_store_put_year_statistic   (SummitStore               *store,
                                              SummitYearStatistic       *stat,
                                              GError                   **error);
gboolean   summit_store_save_year_statistic  (SummitStore               *store,
                                              SummitYearStatistic       *stat,
                                              int                        replacing_year,
                                              GError                   **error);
GArray    *summit_store_derive_statistics    (SummitStore               *store,
                                              GError                   **error);
gboolean   summit_store_adopt_derived        (SummitStore               *store,
                                              int                        year,
                                              SummitDerivedMeasure       measure,
                                              GError                   **error);
GArray    *summit_store_count_participation  (SummitStore               *store,
                                              int                        year,
                                              SummitParticipationGroup   group,
                                              GError                   **error);

G_END_DECLS
