/* summit-people.h
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

/* Everything a delete removed, so that Undo can put it back as it was. */
typedef struct _SummitDeletedPerson SummitDeletedPerson;

/* The reference lists a person's validation uses */
gboolean     summit_country_is_known             (const char              *code);
const char  *summit_country_get_name             (const char              *code);
const char * const *summit_country_list_codes    (void);
const char * const *summit_timezone_list         (void);

/* People */
GPtrArray *summit_store_list_people              (SummitStore             *store,
                                                  GError                 **error);
SummitPerson *summit_store_get_person            (SummitStore             *store,
                                                  gint64                   person_id,
                                                  GError                 **error);
gint64     summit_store_lookup_person            (SummitStore             *store,
                                                  const char              *uid,
                                                  GError                 **error);
gboolean   summit_store_insert_person            (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
gboolean   summit_store_update_person            (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
GArray    *summit_store_find_duplicates          (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
GPtrArray *summit_store_list_person_panels       (SummitStore             *store,
                                                  gint64                   person_id,
                                                  GError                 **error);
GPtrArray *summit_store_delete_people            (SummitStore             *store,
                                                  const gint64            *person_ids,
                                                  guint                    n_ids,
                                                  GError                 **error);
gboolean   summit_store_restore_people           (SummitStore             *store,
                                                  GPtrArray               *deleted,
                                                  GError                 **error);
gint64     summit_deleted_person_get_id          (SummitDeletedPerson     *deleted);
SummitPerson *summit_deleted_person_get_person   (SummitDeletedPerson     *deleted);
void       summit_deleted_person_free            (SummitDeletedPerson     *deleted);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitDeletedPerson, summit_deleted_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitInvitationEvent, summit_invitation_event_free)

G_END_DECLS
