/* summit-store-editions.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

GPtrArray     *summit_store_list_editions (SummitStore    *store,
                                           GError        **error);
SummitEdition *summit_store_get_edition   (SummitStore    *store,
                                           int             year,
                                           GError        **error);
gboolean       summit_store_put_edition   (SummitStore    *store,
                                           SummitEdition  *edition,
                                           GError        **error);

G_END_DECLS
