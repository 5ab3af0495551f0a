/* summit-participation-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PARTICIPATION_VIEW (summit_participation_view_get_type ())
G_DECLARE_FINAL_TYPE (SummitParticipationView, summit_participation_view, SUMMIT, PARTICIPATION_VIEW, GtkWidget)

void summit_participation_view_set_store (SummitParticipationView *self,
                                          SummitStore             *store);
void summit_participation_view_set_year  (SummitParticipationView *self,
                                          int                      year);

G_END_DECLS
