/* summit-people-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-people-model.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PEOPLE_PAGE (summit_people_page_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeoplePage, summit_people_page, SUMMIT, PEOPLE_PAGE, GtkWidget)

void               summit_people_page_set_store   (SummitPeoplePage *self,
                                                   SummitStore      *store);
void               summit_people_page_set_edition (SummitPeoplePage *self,
                                                   SummitEdition    *edition);
SummitPeopleModel *summit_people_page_get_model   (SummitPeoplePage *self);
void               summit_people_page_sort_by     (SummitPeoplePage *self,
                                                   guint             column,
                                                   gboolean          descending);

void               summit_people_page_refresh     (SummitPeoplePage *self,
                                                   const char       *table,
                                                   GArray           *ids);
G_END_DECLS
