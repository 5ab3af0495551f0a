/* summit-conflicts.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-store-programme.h"

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED,
  SUMMIT_CONFLICT_ROOM_OVERLAP,
  SUMMIT_CONFLICT_INVITATION_DECLINED,
  SUMMIT_CONFLICT_INVITATION_CANCELLED,
  SUMMIT_CONFLICT_INVITATION_NOT_SENT,
  SUMMIT_CONFLICT_NO_MODERATOR,
  SUMMIT_CONFLICT_NIGHT_FOR_MEMBER,
  SUMMIT_N_CONFLICT_KINDS
} SummitConflictKind;

typedef struct
{
  SummitConflictKind  kind;
  gboolean            soft;            /* worth a look, not an error */
  gint64              panel_id;
  gint64              other_panel_id;  /* 0 unless two sessions clash */
  gint64              person_id;       /* 0 unless it is about one person */
  char               *message;         /* for people, translated */
} SummitConflict;

void        summit_conflict_free          (SummitConflict *conflict);
const char *summit_conflict_kind_to_label (SummitConflictKind kind);
GPtrArray  *summit_conflicts_find         (SummitEdition  *edition,
                                           GPtrArray      *panels,
                                           GHashTable     *statuses);
GPtrArray  *summit_store_list_conflicts   (SummitStore    *store,
                                           SummitEdition  *edition,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitConflict, summit_conflict_free)

G_END_DECLS
