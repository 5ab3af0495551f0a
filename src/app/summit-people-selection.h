/* summit-people-selection.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "summit-people-model.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PEOPLE_ROW (summit_people_row_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeopleRow, summit_people_row, SUMMIT, PEOPLE_ROW, GObject)

SummitPeopleItem *summit_people_row_get_item (SummitPeopleRow *self);

#define SUMMIT_TYPE_PEOPLE_SELECTION (summit_people_selection_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeopleSelection, summit_people_selection, SUMMIT, PEOPLE_SELECTION,
                      GObject)

SummitPeopleSelection *summit_people_selection_new            (GListModel            *model);
void                   summit_people_selection_set_first_rows (SummitPeopleSelection *self,
                                                               guint                  n_rows);

G_END_DECLS
