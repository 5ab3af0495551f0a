/* summit-store-invitations.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-invitation.h"
#include "summit-person.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* One entry of an invitation's append-only history. */
typedef struct
{
  gint64                  id;
  int                     year;
  gint64                  at;
  gboolean                has_old;
  SummitInvitationStatus  old_status;
  SummitInvitationStatus  new_status;
  SummitChannel           channel;
  char                   *note;
} SummitInvitationEvent;

/* An invitation still waiting for an answer. */
typedef struct
{
  gint64 person_id;
  gint64 since;
} SummitAwaitingReply;

/* The status a change starts from when the person saw no invitation. */
#define SUMMIT_INVITATION_NONE (-1)

/* Invitations */
gboolean   summit_store_get_invitation_status    (SummitStore             *store,
                                                  gint64                   person_id,
                                                  gint64                   edition_id,
                                                  SummitInvitationStatus  *status,
                                                  GError                 **error);
gboolean   summit_store_record_invitation        (SummitStore             *store,
                                                  gint64                   person_id,
                                                  gint64                   edition_id,
                                                  SummitInvitationStatus   status,
                                                  SummitChannel            channel,
                                                  const char              *note,
                                                  gint64                   at,
                                                  GError                 **error);
gboolean   summit_store_change_invitation        (SummitStore             *store,
                                                  gint64                   person_id,
                                                  gint64                   edition_id,
                                                  int                      seen,
                                                  SummitInvitationStatus   status,
                                                  SummitChannel            channel,
                                                  const char              *note,
                                                  gint64                   at,
                                                  GError                 **error);
gboolean   summit_store_change_invitations       (SummitStore             *store,
                                                  const gint64            *person_ids,
                                                  const int               *seen,
                                                  guint                    n_ids,
                                                  gint64                   edition_id,
                                                  SummitInvitationStatus   status,
                                                  SummitChannel            channel,
                                                  const char              *note,
                                                  gint64                   at,
                                                  GError                 **error);
gboolean   summit_store_record_invitations       (SummitStore             *store,
                                                  const gint64            *person_ids,
                                                  guint                    n_ids,
                                                  gint64                   edition_id,
                                                  SummitInvitationStatus   status,
                                                  SummitChannel            channel,
                                                  const char              *note,
                                                  gint64                   at,
                                                  GError                 **error);
gboolean   summit_store_undo_invited             (SummitStore             *store,
                                                  const gint64            *person_ids,
                                                  guint                    n_ids,
                                                  gint64                   edition_id,
                                                  GError                 **error);
gboolean   summit_store_count_statuses           (SummitStore             *store,
                                                  gint64                   edition_id,
                                                  guint                    counts[SUMMIT_N_STATUSES],
                                                  GError                 **error);
GArray    *summit_store_list_awaiting_reply      (SummitStore             *store,
                                                  gint64                   edition_id,
                                                  int                      days,
                                                  gint64                   now,
                                                  GError                 **error);
GPtrArray *summit_store_list_invitation_history  (SummitStore             *store,
                                                  gint64                   person_id,
                                                  gint64                   edition_id,
                                                  GError                 **error);
void       summit_invitation_event_free          (SummitInvitationEvent   *event);

/* Editions */
gboolean   summit_store_create_edition           (SummitStore             *store,
                                                  SummitEdition           *edition,
                                                  gboolean                 carry_over,
                                                  guint                   *n_carried,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitInvitationEvent, summit_invitation_event_free)

G_END_DECLS
