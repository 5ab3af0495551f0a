/* summit-merge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-panel.h"
#include "summit-person.h"

G_BEGIN_DECLS

/* What a session editor changes, each merged as a whole. */
typedef enum
{
  SUMMIT_SESSION_TITLE,
  SUMMIT_SESSION_KIND,
  SUMMIT_SESSION_TIME,            /* the start, or only the day */
  SUMMIT_SESSION_DURATION,
  SUMMIT_SESSION_ROOM,
  SUMMIT_SESSION_DESCRIPTION,
  SUMMIT_SESSION_END_CONFIRMED,
  SUMMIT_SESSION_ROOM_CONFIRMED,
  SUMMIT_SESSION_LINEUP,          /* the members, their order and roles */
  SUMMIT_SESSION_N_FIELDS
} SummitSessionField;

SummitPerson *summit_merge_person              (SummitPerson        *base,
                                                SummitPerson        *mine,
                                                SummitPerson        *theirs,
                                                GArray             **conflicts);
SummitPanel  *summit_merge_session             (SummitPanel         *base,
                                                SummitPanel         *mine,
                                                SummitPanel         *theirs,
                                                GArray             **conflicts);
SummitPanel  *summit_session_copy              (SummitPanel         *panel);
gboolean      summit_session_field_equal       (SummitPanel         *a,
                                                SummitPanel         *b,
                                                SummitSessionField   field);
void          summit_session_field_copy        (SummitPanel         *to,
                                                SummitPanel         *from,
                                                SummitSessionField   field);
const char   *summit_session_field_to_label    (SummitSessionField   field);
char         *summit_session_field_describe    (SummitPanel         *panel,
                                                SummitSessionField   field,
                                                const char          *zone);

G_END_DECLS
