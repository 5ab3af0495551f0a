/* summit-people.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-invitation.h"
#include "summit-person.h"
#include "summit-store.h"

G_BEGIN_DECLS

GPtrArray *summit_store_list_people           (SummitStore             *store,
                                               GError                 **error);
gint64     summit_store_lookup_person         (SummitStore             *store,
                                               const char              *uid,
                                               GError                 **error);
gboolean   summit_store_insert_person         (SummitStore             *store,
                                               SummitPerson            *person,
                                               GError                 **error);
gboolean   summit_store_update_person         (SummitStore             *store,
                                               SummitPerson            *person,
                                               GError                 **error);
gboolean   summit_store_get_invitation_status (SummitStore             *store,
                                               gint64                   person_id,
                                               gint64                   edition_id,
                                               SummitInvitationStatus  *status,
                                               GError                 **error);
gboolean   summit_store_record_invitation     (SummitStore             *store,
                                               gint64                   person_id,
                                               gint64                   edition_id,
                                               SummitInvitationStatus   status,
                                               SummitChannel            channel,
                                               const char              *note,
                                               gint64                   at,
                                               GError                 **error);

G_END_DECLS
