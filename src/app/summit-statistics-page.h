/* summit-statistics-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_STATISTICS_PAGE (summit_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (SummitStatisticsPage, summit_statistics_page, SUMMIT, STATISTICS_PAGE, GtkWidget)

void summit_statistics_page_set_store (SummitStatisticsPage *self,
                                       SummitStore          *store);

SummitStore *summit_statistics_page_get_store (SummitStatisticsPage *self);
void         summit_statistics_page_set_year  (SummitStatisticsPage *self,
                                               int                   year);
void         summit_statistics_page_refresh   (SummitStatisticsPage *self);

G_END_DECLS
