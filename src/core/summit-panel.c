/* summit-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session of an edition's programme — opening, keynote, speech or panel
 * discussion — with its start as a UTC instant and its ordered lineup.
 */
#define G_LOG_DOMAIN "summit-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-panel.h"
#include "summit-store.h"
#include "summit-text.h"
#include "summit-time.h"

struct _SummitPanel
{
  GObject          parent_instance;

  gint64           id;
  gint64           edition_id;
  gint64           start_utc;
  gint64           version;   /* as read from the store (covers the lineup); 0 for none */
  SummitPanelKind  kind;
  int              duration;
  guint            has_start : 1;
  guint            end_confirmed : 1;
  guint            room_confirmed : 1;
  char            *uid;
  char            *title;
  char            *day;
  char            *room;
  char            *description;
  GArray          *members;   /* of SummitPanelMember */
};

G_DEFINE_FINAL_TYPE (SummitPanel, summit_panel, G_TYPE_OBJECT)

static const char * const kind_names[SUMMIT_N_PANEL_KINDS] = {
  "opening", "keynote", "speech", "panel",
};

static const char * const role_names[SUMMIT_N_ROLES] = {
  "moderator", "panelist", "speaker", "host",
};

static void
clear_member (gpointer data)
{
  SummitPanelMember *member = data;

  g_clear_pointer (&member->person_uid, g_free);
  g_clear_pointer (&member->display_name, g_free);
  g_clear_pointer (&member->city, g_free);
  g_clear_pointer (&member->timezone, g_free);
}

static void
summit_panel_finalize (GObject *object)
{
  SummitPanel *self = (SummitPanel *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->members, g_array_unref);

  G_OBJECT_CLASS (summit_panel_parent_class)->finalize (object);
}

static void
summit_panel_class_init (SummitPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_panel_finalize;
}

static void
summit_panel_init (SummitPanel *self)
{
  self->uid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->room = g_strdup ("");
  self->description = g_strdup ("");
  self->duration = SUMMIT_PANEL_DEFAULT_DURATION;
  self->kind = SUMMIT_PANEL_DISCUSSION;
  self->members = g_array_new (FALSE, TRUE, sizeof (SummitPanelMember));
  g_array_set_clear_func (self->members, clear_member);
}

/**
 * summit_panel_new:
 *
 * Returns: (transfer full): an empty panel discussion with a fresh uid
 */
SummitPanel *
summit_panel_new (void)
{
  return g_object_new (SUMMIT_TYPE_PANEL, NULL);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

gint64
summit_panel_get_id (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), 0);
  return self->id;
}

void
summit_panel_set_id (SummitPanel *self,
                     gint64       id)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->id = id;
}

/**
 * summit_panel_get_version:
 *
 * Returns: the version of the stored session (and lineup) this was read
 *   from, or 0 if it was not read from the store
 */
gint64
summit_panel_get_version (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), 0);
  return self->version;
}

void
summit_panel_set_version (SummitPanel *self,
                          gint64       version)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->version = version;
}

const char *
summit_panel_get_uid (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  return self->uid;
}

void
summit_panel_set_uid (SummitPanel *self,
                      const char  *uid)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  g_return_if_fail (uid != NULL && *uid != '\0');
  replace_string (&self->uid, uid);
}

gint64
summit_panel_get_edition_id (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), 0);
  return self->edition_id;
}

void
summit_panel_set_edition_id (SummitPanel *self,
                             gint64       edition_id)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->edition_id = edition_id;
}

const char *
summit_panel_get_title (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  return self->title;
}

void
summit_panel_set_title (SummitPanel *self,
                        const char  *title)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  replace_string (&self->title, title);
}

SummitPanelKind
summit_panel_get_kind (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), SUMMIT_PANEL_DISCUSSION);
  return self->kind;
}

void
summit_panel_set_kind (SummitPanel     *self,
                       SummitPanelKind  kind)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  g_return_if_fail (kind < SUMMIT_N_PANEL_KINDS);
  self->kind = kind;
}

/**
 * summit_panel_get_start:
 * @start_utc: (out) (optional): the start as Unix seconds, UTC
 *
 * Returns: %TRUE if the session has a start time
 */
gboolean
summit_panel_get_start (SummitPanel *self,
                        gint64      *start_utc)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), FALSE);

  if (start_utc != NULL)
    *start_utc = self->start_utc;
  return self->has_start;
}

void
summit_panel_set_start (SummitPanel *self,
                        gint64       start_utc)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->start_utc = start_utc;
  self->has_start = TRUE;
}

void
summit_panel_unset_start (SummitPanel *self)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->start_utc = 0;
  self->has_start = FALSE;
}

/**
 * summit_panel_get_day:
 *
 * Returns: (nullable): the day (ISO 8601, in the edition's zone) of a session
 *   whose time is not yet known
 */
const char *
summit_panel_get_day (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  return self->day;
}

void
summit_panel_set_day (SummitPanel *self,
                      const char  *day)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  g_free (self->day);
  self->day = (day && *day) ? g_strdup (day) : NULL;
}

int
summit_panel_get_duration (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), 0);
  return self->duration;
}

void
summit_panel_set_duration (SummitPanel *self,
                           int          minutes)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->duration = minutes;
}

/**
 * summit_panel_get_end_confirmed:
 *
 * Returns: %TRUE if the session's end was given, %FALSE if its duration is
 *   a planning default still to be confirmed
 */
gboolean
summit_panel_get_end_confirmed (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), FALSE);
  return self->end_confirmed;
}

void
summit_panel_set_end_confirmed (SummitPanel *self,
                                gboolean     confirmed)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->end_confirmed = !!confirmed;
}

/**
 * summit_panel_end_note:
 *
 * Returns: (transfer none) (nullable): "end not confirmed" for a timed
 *   session whose end is a planning default, to print beside its times;
 *   %NULL if the end was given or the session has no time yet
 */
const char *
summit_panel_end_note (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);

  if (!self->has_start || self->end_confirmed)
    return NULL;
  return _("end not confirmed");
}

/**
 * summit_panel_get_room_confirmed:
 *
 * Returns: %TRUE if the session's room or stream was given, %FALSE if it is
 *   a planning default still to be confirmed
 */
gboolean
summit_panel_get_room_confirmed (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), FALSE);
  return self->room_confirmed;
}

void
summit_panel_set_room_confirmed (SummitPanel *self,
                                 gboolean     confirmed)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  self->room_confirmed = !!confirmed;
}

/**
 * summit_panel_dup_room_to_read:
 *
 * Returns: (transfer full): the room or stream as a person should read it,
 *   "Online stream (not confirmed)" where it is a planning default; "" if
 *   there is none
 */
char *
summit_panel_dup_room_to_read (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);

  if (self->room == NULL || *self->room == '\0')
    return g_strdup ("");
  if (self->room_confirmed)
    return g_strdup (self->room);
  /* Translators: a room or stream that is a planning default: "Online stream (not confirmed)" */
  return g_strdup_printf (_("%s (not confirmed)"), self->room);
}

const char *
summit_panel_get_room (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  return self->room;
}

void
summit_panel_set_room (SummitPanel *self,
                       const char  *room)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  replace_string (&self->room, room);
}

const char *
summit_panel_get_description (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  return self->description;
}

void
summit_panel_set_description (SummitPanel *self,
                              const char  *description)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  replace_string (&self->description, description);
}

guint
summit_panel_get_n_members (SummitPanel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), 0);
  return self->members->len;
}

/**
 * summit_panel_get_member:
 *
 * Returns: (transfer none): the member at @position in the lineup
 */
const SummitPanelMember *
summit_panel_get_member (SummitPanel *self,
                         guint        position)
{
  g_return_val_if_fail (SUMMIT_IS_PANEL (self), NULL);
  g_return_val_if_fail (position < self->members->len, NULL);
  return &g_array_index (self->members, SummitPanelMember, position);
}

/**
 * summit_panel_append_member:
 *
 * Appends a copy of @member to the end of the lineup.
 */
void
summit_panel_append_member (SummitPanel             *self,
                            const SummitPanelMember *member)
{
  SummitPanelMember copy;

  g_return_if_fail (SUMMIT_IS_PANEL (self));
  g_return_if_fail (member != NULL);

  copy.person_id = member->person_id;
  copy.role = member->role;
  copy.person_uid = g_strdup (member->person_uid);
  copy.display_name = g_strdup (member->display_name);
  copy.city = g_strdup (member->city);
  copy.timezone = g_strdup (member->timezone);
  g_array_append_val (self->members, copy);
}

void
summit_panel_clear_members (SummitPanel *self)
{
  g_return_if_fail (SUMMIT_IS_PANEL (self));
  g_array_set_size (self->members, 0);
}

const char *
summit_panel_kind_to_string (SummitPanelKind kind)
{
  g_return_val_if_fail (kind < SUMMIT_N_PANEL_KINDS, NULL);
  return kind_names[kind];
}

gboolean
summit_panel_kind_from_string (const char      *str,
                               SummitPanelKind *kind)
{
  for (guint i = 0; i < SUMMIT_N_PANEL_KINDS; i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_panel_kind_to_label:
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
summit_panel_kind_to_label (SummitPanelKind kind)
{
  switch (kind)
    {
    case SUMMIT_PANEL_OPENING: return C_("session kind", "Opening");
    case SUMMIT_PANEL_KEYNOTE: return C_("session kind", "Keynote");
    case SUMMIT_PANEL_SPEECH: return C_("session kind", "Speech");
    case SUMMIT_PANEL_DISCUSSION: return C_("session kind", "Panel discussion");
    case SUMMIT_N_PANEL_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
summit_role_to_string (SummitRole role)
{
  g_return_val_if_fail (role < SUMMIT_N_ROLES, NULL);
  return role_names[role];
}

gboolean
summit_role_from_string (const char *str,
                         SummitRole *role)
{
  for (guint i = 0; i < SUMMIT_N_ROLES; i++)
    if (g_strcmp0 (str, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_role_to_label:
 *
 * Returns: (transfer none): the translated name of @role
 */
const char *
summit_role_to_label (SummitRole role)
{
  switch (role)
    {
    case SUMMIT_ROLE_MODERATOR: return C_("lineup role", "Moderator");
    case SUMMIT_ROLE_PANELIST: return C_("lineup role", "Panelist");
    case SUMMIT_ROLE_SPEAKER: return C_("lineup role", "Speaker");
    case SUMMIT_ROLE_HOST: return C_("lineup role", "Host");
    case SUMMIT_N_ROLES:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * summit_panel_validate:
 * @edition: (nullable): the edition, whose dates and zone bound the session
 *
 * Checks a session before it is stored: a title, no control characters
 * (the description may hold several lines), a positive duration that
 * ends the same or the next day, and a start within the edition's dates (read
 * in the edition's zone).
 *
 * Returns: %TRUE if @panel may be saved, %FALSE with @error set
 *   (%SUMMIT_STORE_ERROR_INVALID) saying what to change
 */
gboolean
summit_panel_validate (SummitPanel    *panel,
                       SummitEdition  *edition,
                       GError        **error)
{
  const char *title = summit_panel_get_title (panel);
  g_autofree char *stripped = NULL;
  g_autofree char *day = NULL;
  gint64 start;

  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), FALSE);

  if (!summit_text_check_controls (title, "title", FALSE, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (summit_panel_get_room (panel), "room", FALSE,
                                   SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (summit_panel_get_description (panel), "description", TRUE,
                                   SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (title ? title : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("A session needs a title"));
      return FALSE;
    }
  if (summit_panel_get_duration (panel) <= 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("The session ends before it starts: give it a positive duration"));
      return FALSE;
    }
  if (summit_panel_get_duration (panel) > 24 * 60)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("A session lasts at most 24 hours"));
      return FALSE;
    }

  if (summit_panel_get_start (panel, &start))
    day = summit_time_format_iso_day (start, edition ? summit_edition_get_timezone (edition) : "UTC");
  else if (summit_panel_get_day (panel) != NULL)
    day = g_strdup (summit_panel_get_day (panel));

  if (edition != NULL && day != NULL)
    {
      const char *first = summit_edition_get_start_date (edition);
      const char *last = summit_edition_get_end_date (edition);

      if ((first != NULL && g_strcmp0 (day, first) < 0) || (last != NULL && g_strcmp0 (day, last) > 0))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("The session falls on %s (%s time), outside the %d edition’s dates, %s to %s"),
                       day, summit_edition_get_timezone (edition), summit_edition_get_year (edition),
                       first ? first : "…", last ? last : "…");
          return FALSE;
        }
    }
  return TRUE;
}
