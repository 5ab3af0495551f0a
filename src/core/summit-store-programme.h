/* summit-store-programme.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-panel.h"
#include "summit-store.h"

G_BEGIN_DECLS

GPtrArray     *summit_store_list_panels   (SummitStore    *store,
                                           gint64          edition_id,
                                           GError        **error);
gboolean       summit_store_insert_panel  (SummitStore    *store,
                                           SummitPanel    *panel,
                                           GError        **error);
SummitPanel   *summit_store_get_panel     (SummitStore    *store,
                                           gint64          panel_id,
                                           GError        **error);
gboolean       summit_store_update_panel  (SummitStore    *store,
                                           SummitPanel    *panel,
                                           GError        **error);
gboolean       summit_store_update_panel_with_lineup (SummitStore *store,
                                                      SummitPanel *panel,
                                                      GError     **error);
gboolean       summit_store_delete_panel  (SummitStore    *store,
                                           gint64          panel_id,
                                           GError        **error);
gboolean       summit_store_restore_panel (SummitStore    *store,
                                           SummitPanel    *deleted,
                                           GError        **error);
gboolean       summit_store_undo_panel_edit (SummitStore *store,
                                             SummitPanel *replaced,
                                             SummitPanel *saved,
                                             GError     **error);
gint64         summit_store_add_panel_member      (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   SummitRole    role,
                                                   gint64        expected_version,
                                                   GError      **error);
gint64         summit_store_remove_panel_member   (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   gint64        expected_version,
                                                   GError      **error);
gint64         summit_store_move_panel_member     (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   int           position,
                                                   gint64        expected_version,
                                                   GError      **error);
gint64         summit_store_set_panel_member_role (SummitStore  *store,
                                                   gint64        panel_id,
                                                   gint64        person_id,
                                                   SummitRole    role,
                                                   gint64        expected_version,
                                                   GError      **error);
GHashTable    *summit_store_invitation_statuses   (SummitStore  *store,
                                                   gint64        edition_id,
                                                   GError      **error);

G_END_DECLS
