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
SummitPanel   *summit_store_get_panel     (SummitStore    *store,
                                           gint64          panel_id,
                                           GError        **error);
gboolean       summit_panel_validate      (SummitPanel    *panel,
                                           SummitEdition  *edition,
                                           GError        **error);
gboolean       summit_store_update_panel  (SummitStore    *store,
                                           SummitPanel    *panel,
                                           GError        **error);
gboolean       summit_store_delete_panel  (SummitStore    *store,
                                           gint64          panel_id,
                                           GError        **error);
gboolean       summit_store_add_panel_member      (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   SummitRole    role,
                                                   GError      **error);
gboolean       summit_store_remove_panel_member   (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   GError      **error);
gboolean       summit_store_move_panel_member     (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   int           position,
                                                   GError      **error);
gboolean       summit_store_set_panel_member_role (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   SummitRole    role,
                                                   GError      **error);

G_END_DECLS
