/* summit-invitation.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_STATUS_DRAFT,
  SUMMIT_STATUS_INVITED,
  SUMMIT_STATUS_CONFIRMED,
  SUMMIT_STATUS_DECLINED,
  SUMMIT_STATUS_CANCELLED,
  SUMMIT_STATUS_ATTENDED,
  SUMMIT_N_STATUSES
} SummitInvitationStatus;

typedef enum
{
  SUMMIT_CHANNEL_NONE,
  SUMMIT_CHANNEL_EMAIL,
  SUMMIT_CHANNEL_LETTER,
  SUMMIT_CHANNEL_PHONE,
  SUMMIT_CHANNEL_IN_PERSON,
  SUMMIT_N_CHANNELS
} SummitChannel;

const char *summit_invitation_status_to_string   (SummitInvitationStatus  status);
gboolean    summit_invitation_status_from_string (const char             *str,
                                                  SummitInvitationStatus *status);
const char *summit_invitation_status_to_label    (SummitInvitationStatus  status);
gboolean    summit_invitation_status_can_change  (SummitInvitationStatus  from,
                                                  SummitInvitationStatus  to);
const char *summit_channel_to_string             (SummitChannel           channel);
gboolean    summit_channel_from_string           (const char             *str,
                                                  SummitChannel          *channel);
const char *summit_channel_to_label              (SummitChannel           channel);
gboolean    summit_invitation_validate_event     (const char             *status,
                                                  const char             *channel,
                                                  const char             *note,
                                                  GError                **error);

G_END_DECLS
