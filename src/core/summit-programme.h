/* summit-programme.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-panel.h"
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
GPtrArray     *summit_store_list_panels   (SummitStore    *store,
                                           gint64          edition_id,
                                           GError        **error);
gboolean       summit_store_insert_panel  (SummitStore    *store,
                                           SummitPanel    *panel,
                                           GError        **error);

G_END_DECLS
