/* summit-edition-selector.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_EDITION_SELECTOR (summit_edition_selector_get_type ())
G_DECLARE_FINAL_TYPE (SummitEditionSelector, summit_edition_selector, SUMMIT, EDITION_SELECTOR,
                      GtkBox)

void           summit_edition_selector_set_store   (SummitEditionSelector *self,
                                                    SummitStore           *store);
SummitEdition *summit_edition_selector_get_edition (SummitEditionSelector *self);
void           summit_edition_selector_refresh     (SummitEditionSelector *self);

G_END_DECLS
