/* summit-people-columns.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "summit-people-model.h"
#include "summit-people-selection.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PEOPLE_COLUMNS (summit_people_columns_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeopleColumns, summit_people_columns, SUMMIT, PEOPLE_COLUMNS, GObject)

SummitPeopleColumns *summit_people_columns_new     (GtkColumnView         *column_view,
                                                    SummitPeopleModel     *model,
                                                    SummitPeopleSelection *selection);
void                 summit_people_columns_sort_by (SummitPeopleColumns   *self,
                                                    guint                  column,
                                                    gboolean               descending);

G_END_DECLS
