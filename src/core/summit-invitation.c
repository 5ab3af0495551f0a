/* summit-invitation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The invitation workflow: draft → invited → confirmed | declined | cancelled
 * → attended, and the channels a reply can come by.
 */
#define G_LOG_DOMAIN "summit-invitation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-invitation.h"
#include "summit-store.h"
#include "summit-text.h"

static const char * const status_names[SUMMIT_N_STATUSES] = {
  "draft", "invited", "confirmed", "declined", "cancelled", "attended",
};

static const char * const channel_names[SUMMIT_N_CHANNELS] = {
  "", "email", "letter", "phone", "in-person",
};

const char *
summit_invitation_status_to_string (SummitInvitationStatus status)
{
  g_return_val_if_fail (status < SUMMIT_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
summit_invitation_status_from_string (const char             *str,
                                      SummitInvitationStatus *status)
{
  for (guint i = 0; i < SUMMIT_N_STATUSES; i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_invitation_status_to_label:
 *
 * Returns: (transfer none): the translated word for @status
 */
const char *
summit_invitation_status_to_label (SummitInvitationStatus status)
{
  switch (status)
    {
    case SUMMIT_STATUS_DRAFT: return C_("invitation status", "Draft");
    case SUMMIT_STATUS_INVITED: return C_("invitation status", "Invited");
    case SUMMIT_STATUS_CONFIRMED: return C_("invitation status", "Confirmed");
    case SUMMIT_STATUS_DECLINED: return C_("invitation status", "Declined");
    case SUMMIT_STATUS_CANCELLED: return C_("invitation status", "Cancelled");
    case SUMMIT_STATUS_ATTENDED: return C_("invitation status", "Attended");
    case SUMMIT_N_STATUSES:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * summit_invitation_status_can_change:
 *
 * The workflow's allowed moves. Staff may also correct a mistake by moving
 * between the three answers, and any invitation may be cancelled before the
 * summit; "attended" is only reached from "confirmed".
 */
gboolean
summit_invitation_status_can_change (SummitInvitationStatus from,
                                     SummitInvitationStatus to)
{
  if (from == to)
    return FALSE;

  switch (from)
    {
    case SUMMIT_STATUS_DRAFT:
      return to == SUMMIT_STATUS_INVITED || to == SUMMIT_STATUS_CANCELLED;
    case SUMMIT_STATUS_INVITED:
      return to == SUMMIT_STATUS_CONFIRMED || to == SUMMIT_STATUS_DECLINED ||
             to == SUMMIT_STATUS_CANCELLED;
    case SUMMIT_STATUS_CONFIRMED:
      return to == SUMMIT_STATUS_DECLINED || to == SUMMIT_STATUS_CANCELLED ||
             to == SUMMIT_STATUS_ATTENDED;
    case SUMMIT_STATUS_DECLINED:
      return to == SUMMIT_STATUS_CONFIRMED || to == SUMMIT_STATUS_CANCELLED;
    case SUMMIT_STATUS_CANCELLED:
      return to == SUMMIT_STATUS_INVITED;
    case SUMMIT_STATUS_ATTENDED:
      return to == SUMMIT_STATUS_CONFIRMED;
    case SUMMIT_N_STATUSES:
    default:
      return FALSE;
    }
}

const char *
summit_channel_to_string (SummitChannel channel)
{
  g_return_val_if_fail (channel < SUMMIT_N_CHANNELS, NULL);
  return channel_names[channel];
}

gboolean
summit_channel_from_string (const char    *str,
                            SummitChannel *channel)
{
  for (guint i = 0; i < SUMMIT_N_CHANNELS; i++)
    if (g_strcmp0 (str ? str : "", channel_names[i]) == 0)
      {
        *channel = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_channel_to_label:
 *
 * Returns: (transfer none): the translated name of @channel
 */
const char *
summit_channel_to_label (SummitChannel channel)
{
  switch (channel)
    {
    case SUMMIT_CHANNEL_NONE: return C_("reply channel", "Not recorded");
    case SUMMIT_CHANNEL_EMAIL: return C_("reply channel", "Email");
    case SUMMIT_CHANNEL_LETTER: return C_("reply channel", "Letter");
    case SUMMIT_CHANNEL_PHONE: return C_("reply channel", "Phone");
    case SUMMIT_CHANNEL_IN_PERSON: return C_("reply channel", "In person");
    case SUMMIT_N_CHANNELS:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * summit_invitation_validate_event:
 * @status: the status a change moves an invitation to, as files write it
 *   ("confirmed")
 * @channel: (nullable): the channel it came by ("letter"; "" or %NULL for
 *   none)
 * @note: (nullable): what staff noted; it may hold several lines
 *
 * The one check of a change to an invitation, whichever way it comes in:
 * the editor, the people page, letters, XML import.
 *
 * Returns: %TRUE if the change may be recorded; otherwise %FALSE with
 *   @error (%SUMMIT_STORE_ERROR_INVALID) naming the field and the value
 */
gboolean
summit_invitation_validate_event (const char  *status,
                                  const char  *channel,
                                  const char  *note,
                                  GError     **error)
{
  SummitInvitationStatus s;
  SummitChannel c;

  if (!summit_invitation_status_from_string (status, &s))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("the status “%s” is not one of draft, invited, confirmed, declined, "
                     "cancelled or attended"), status ? status : "");
      return FALSE;
    }
  if (!summit_text_check_controls (channel, "channel", FALSE, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;
  if (!summit_channel_from_string (channel, &c))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("the channel “%s” is not one of email, letter, phone or in-person"),
                   channel);
      return FALSE;
    }
  return summit_text_check_controls (note, "note", TRUE, SUMMIT_STORE_ERROR,
                                     SUMMIT_STORE_ERROR_INVALID, error);
}
