/* summit-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "summit-edition.h"

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_PANEL_OPENING,
  SUMMIT_PANEL_KEYNOTE,
  SUMMIT_PANEL_SPEECH,
  SUMMIT_PANEL_DISCUSSION,
  SUMMIT_N_PANEL_KINDS
} SummitPanelKind;

typedef enum
{
  SUMMIT_ROLE_MODERATOR,
  SUMMIT_ROLE_PANELIST,
  SUMMIT_ROLE_SPEAKER,
  SUMMIT_ROLE_HOST,
  SUMMIT_N_ROLES
} SummitRole;

typedef struct
{
  gint64      person_id;
  SummitRole  role;
  /* Filled in by queries that join the person, for display. */
  char       *person_uid;
  char       *display_name;
  char       *city;
  char       *timezone;
} SummitPanelMember;

#define SUMMIT_TYPE_PANEL (summit_panel_get_type ())

/* Minutes a session lasts when nobody has said how long. */
#define SUMMIT_PANEL_DEFAULT_DURATION 60
G_DECLARE_FINAL_TYPE (SummitPanel, summit_panel, SUMMIT, PANEL, GObject)

SummitPanel     *summit_panel_new              (void);
gint64           summit_panel_get_id           (SummitPanel     *self);
void             summit_panel_set_id           (SummitPanel     *self,
                                                gint64           id);
gint64           summit_panel_get_version      (SummitPanel     *self);
void             summit_panel_set_version      (SummitPanel     *self,
                                                gint64           version);
const char      *summit_panel_get_uid          (SummitPanel     *self);
void             summit_panel_set_uid          (SummitPanel     *self,
                                                const char      *uid);
gint64           summit_panel_get_edition_id   (SummitPanel     *self);
void             summit_panel_set_edition_id   (SummitPanel     *self,
                                                gint64           edition_id);
const char      *summit_panel_get_title        (SummitPanel     *self);
void             summit_panel_set_title        (SummitPanel     *self,
                                                const char      *title);
SummitPanelKind  summit_panel_get_kind         (SummitPanel     *self);
void             summit_panel_set_kind         (SummitPanel     *self,
                                                SummitPanelKind  kind);
gboolean         summit_panel_get_start        (SummitPanel     *self,
                                                gint64          *start_utc);
void             summit_panel_set_start        (SummitPanel     *self,
                                                gint64           start_utc);
void             summit_panel_unset_start      (SummitPanel     *self);
const char      *summit_panel_get_day          (SummitPanel     *self);
void             summit_panel_set_day          (SummitPanel     *self,
                                                const char      *day);
int              summit_panel_get_duration     (SummitPanel     *self);
void             summit_panel_set_duration     (SummitPanel     *self,
                                                int              minutes);
gboolean         summit_panel_get_end_confirmed (SummitPanel    *self);
void             summit_panel_set_end_confirmed (SummitPanel    *self,
                                                 gboolean        confirmed);
const char      *summit_panel_end_note         (SummitPanel     *self);
gboolean         summit_panel_get_room_confirmed (SummitPanel   *self);
void             summit_panel_set_room_confirmed (SummitPanel   *self,
                                                  gboolean       confirmed);
char            *summit_panel_dup_room_to_read (SummitPanel     *self);
const char      *summit_panel_get_room         (SummitPanel     *self);
void             summit_panel_set_room         (SummitPanel     *self,
                                                const char      *room);
const char      *summit_panel_get_description  (SummitPanel     *self);
void             summit_panel_set_description  (SummitPanel     *self,
                                                const char      *description);
guint            summit_panel_get_n_members    (SummitPanel     *self);
const SummitPanelMember *
                 summit_panel_get_member       (SummitPanel     *self,
                                                guint            position);
void             summit_panel_append_member    (SummitPanel     *self,
                                                const SummitPanelMember *member);
void             summit_panel_clear_members    (SummitPanel     *self);

const char      *summit_panel_kind_to_string   (SummitPanelKind  kind);
gboolean         summit_panel_kind_from_string (const char      *str,
                                                SummitPanelKind *kind);
const char      *summit_panel_kind_to_label    (SummitPanelKind  kind);
const char      *summit_role_to_string         (SummitRole       role);
gboolean         summit_role_from_string       (const char      *str,
                                                SummitRole      *role);
const char      *summit_role_to_label          (SummitRole       role);

gboolean         summit_panel_validate         (SummitPanel     *panel,
                                                SummitEdition   *edition,
                                                GError         **error);

G_END_DECLS
