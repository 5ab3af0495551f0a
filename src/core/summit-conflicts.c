/* summit-conflicts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is wrong with a programme, found again from scratch on every change:
 * people and rooms booked twice, members whose invitation does not stand,
 * panels with no moderator, and sessions in the middle of a member's night.
 */
#define G_LOG_DOMAIN "summit-conflicts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-conflicts.h"
#include "summit-invitation.h"
#include "summit-programme.h"
#include "summit-time.h"

/* The night, in a member's own zone: from 22:00 to 07:00. */
#define NIGHT_STARTS_MIN (22 * 60)
#define NIGHT_ENDS_MIN   (7 * 60)

void
summit_conflict_free (SummitConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->message);
  g_free (conflict);
}

/**
 * summit_conflict_kind_to_label:
 *
 * Returns: (transfer none): a short translated name for the kind of conflict
 */
const char *
summit_conflict_kind_to_label (SummitConflictKind kind)
{
  switch (kind)
    {
    case SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED: return _("Double-booked");
    case SUMMIT_CONFLICT_ROOM_OVERLAP: return _("Room taken");
    case SUMMIT_CONFLICT_INVITATION_DECLINED: return _("Declined");
    case SUMMIT_CONFLICT_INVITATION_CANCELLED: return _("Cancelled");
    case SUMMIT_CONFLICT_INVITATION_NOT_SENT: return _("Not invited yet");
    case SUMMIT_CONFLICT_NO_MODERATOR: return _("No moderator");
    case SUMMIT_CONFLICT_NIGHT_FOR_MEMBER: return _("At night");
    case SUMMIT_N_CONFLICT_KINDS:
    default: break;
    }
  g_return_val_if_reached ("");
}

static void
add (GPtrArray          *conflicts,
     SummitConflictKind  kind,
     gboolean            soft,
     gint64              panel_id,
     gint64              other_panel_id,
     gint64              person_id,
     char               *message)
{
  SummitConflict *conflict = g_new0 (SummitConflict, 1);

  conflict->kind = kind;
  conflict->soft = soft;
  conflict->panel_id = panel_id;
  conflict->other_panel_id = other_panel_id;
  conflict->person_id = person_id;
  conflict->message = message;
  g_ptr_array_add (conflicts, conflict);
}

static gboolean
same_room (SummitPanel *a,
           SummitPanel *b)
{
  g_autofree char *room_a = g_utf8_casefold (summit_panel_get_room (a) ? summit_panel_get_room (a) : "", -1);
  g_autofree char *room_b = g_utf8_casefold (summit_panel_get_room (b) ? summit_panel_get_room (b) : "", -1);

  g_strstrip (room_a);
  g_strstrip (room_b);
  return *room_a != '\0' && g_strcmp0 (room_a, room_b) == 0;
}

static const SummitPanelMember *
find_member (SummitPanel *panel,
             gint64       person_id)
{
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    if (summit_panel_get_member (panel, i)->person_id == person_id)
      return summit_panel_get_member (panel, i);
  return NULL;
}

static void
unref_zone (gpointer zone)
{
  if (zone != NULL)
    g_time_zone_unref (zone);
}

/* The zones of one computation, each read once from the system's database. */
static GTimeZone *
zone_for (GHashTable *zones,
          const char *identifier)
{
  GTimeZone *tz = g_hash_table_lookup (zones, identifier);

  if (tz == NULL && !g_hash_table_contains (zones, identifier))
    {
      tz = summit_time_zone_new (identifier);
      g_hash_table_insert (zones, g_strdup (identifier), tz);
    }
  return tz;
}

/* The first minute of the session that falls in the member's night, if any. */
static gboolean
night_minute (SummitPanel *panel,
              GTimeZone   *tz,
              gint64      *at)
{
  gint64 start;
  int duration = summit_panel_get_duration (panel);

  if (tz == NULL || !summit_panel_get_start (panel, &start))
    return FALSE;

  /* Every quarter hour and the last minute: zones are offset by whole quarters. */
  for (int minute = 0; minute < duration + 15; minute += 15)
    {
      gint64 instant = start + MIN (minute, duration - 1) * 60;
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);
      gint64 local = instant + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
      int of_day = (int)(((local % 86400) + 86400) % 86400) / 60;

      if (of_day >= NIGHT_STARTS_MIN || of_day < NIGHT_ENDS_MIN)
        {
          *at = instant;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  guint  index;
  gint64 start;
  gint64 end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

/* For each session, the sessions it overlaps (as indices into @panels, in
 * programme order): sorted by start, each one only meets the few that start
 * before it ends. */
static GPtrArray *
find_overlaps (GPtrArray *panels)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GPtrArray *overlaps = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      Span span = { i, 0, 0 };

      g_ptr_array_add (overlaps, g_array_new (FALSE, FALSE, sizeof (guint)));
      if (!summit_panel_get_start (panel, &span.start))
        continue;
      span.end = span.start + summit_panel_get_duration (panel) * 60;
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (guint a = 0; a < spans->len; a++)
    {
      const Span *x = &g_array_index (spans, Span, a);

      for (guint b = a + 1; b < spans->len; b++)
        {
          const Span *y = &g_array_index (spans, Span, b);

          if (y->start >= x->end)
            break;
          g_array_append_val (g_ptr_array_index (overlaps, x->index), y->index);
          g_array_append_val (g_ptr_array_index (overlaps, y->index), x->index);
        }
    }
  for (guint i = 0; i < overlaps->len; i++)
    g_array_sort (g_ptr_array_index (overlaps, i), compare_uints);
  return overlaps;
}

/**
 * summit_conflicts_find:
 * @edition: the edition the sessions belong to
 * @panels: (element-type SummitPanel): its sessions, with their lineups
 * @statuses: (nullable): person id (a #gint64 key) → #SummitInvitationStatus
 *   (stored with GINT_TO_POINTER (status + 1)); a member missing from it has
 *   no invitation
 *
 * Returns: (transfer full) (element-type SummitConflict): every conflict, in
 *   programme order; hard ones and soft ones together
 */
GPtrArray *
summit_conflicts_find (SummitEdition *edition,
                       GPtrArray     *panels,
                       GHashTable    *statuses)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)summit_conflict_free);
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GPtrArray) overlapping = NULL;

  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), conflicts);
  g_return_val_if_fail (panels != NULL, conflicts);

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_zone);
  overlapping = find_overlaps (panels);

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      gint64 panel_id = summit_panel_get_id (panel);
      const char *title = summit_panel_get_title (panel);
      gboolean has_moderator = FALSE;

      GArray *others = g_ptr_array_index (overlapping, i);

      for (guint k = 0; k < others->len; k++)
        {
          SummitPanel *other = g_ptr_array_index (panels, g_array_index (others, guint, k));

          if (same_room (panel, other))
            add (conflicts, SUMMIT_CONFLICT_ROOM_OVERLAP, FALSE, panel_id,
                 summit_panel_get_id (other), 0,
                 /* Translators: two sessions at the same time in one room or stream */
                 g_strdup_printf (_("“%s” overlaps “%s” in %s"), title,
                                  summit_panel_get_title (other), summit_panel_get_room (panel)));
          for (guint m = 0; m < summit_panel_get_n_members (panel); m++)
            {
              const SummitPanelMember *member = summit_panel_get_member (panel, m);

              if (find_member (other, member->person_id) != NULL)
                add (conflicts, SUMMIT_CONFLICT_PERSON_DOUBLE_BOOKED, FALSE, panel_id,
                     summit_panel_get_id (other), member->person_id,
                     /* Translators: one person in two sessions at the same time */
                     g_strdup_printf (_("%s is also in “%s” at the same time"),
                                      member->display_name, summit_panel_get_title (other)));
            }
        }

      for (guint m = 0; m < summit_panel_get_n_members (panel); m++)
        {
          const SummitPanelMember *member = summit_panel_get_member (panel, m);
          gpointer value = NULL;
          int status = -1;
          gint64 at;

          if (member->role == SUMMIT_ROLE_MODERATOR)
            has_moderator = TRUE;

          if (statuses != NULL && g_hash_table_lookup_extended (statuses, &member->person_id,
                                                                NULL, &value))
            status = GPOINTER_TO_INT (value) - 1;

          if (status == SUMMIT_STATUS_DECLINED)
            add (conflicts, SUMMIT_CONFLICT_INVITATION_DECLINED, FALSE, panel_id, 0,
                 member->person_id,
                 g_strdup_printf (_("%s declined the invitation to this edition"),
                                  member->display_name));
          else if (status == SUMMIT_STATUS_CANCELLED)
            add (conflicts, SUMMIT_CONFLICT_INVITATION_CANCELLED, FALSE, panel_id, 0,
                 member->person_id,
                 g_strdup_printf (_("%s’s invitation was cancelled"), member->display_name));
          else if (status == -1 || status == SUMMIT_STATUS_DRAFT)
            add (conflicts, SUMMIT_CONFLICT_INVITATION_NOT_SENT, FALSE, panel_id, 0,
                 member->person_id,
                 g_strdup_printf (_("%s has not been sent an invitation yet"),
                                  member->display_name));

          if (member->timezone != NULL && *member->timezone != '\0'
              && night_minute (panel, zone_for (zones, member->timezone), &at))
            {
              g_autofree char *clock = summit_time_format_clock (at, member->timezone);
              g_autofree char *city = (member->city && *member->city)
                                      ? g_strdup (member->city)
                                      : summit_time_zone_city (member->timezone);

              add (conflicts, SUMMIT_CONFLICT_NIGHT_FOR_MEMBER, TRUE, panel_id, 0,
                   member->person_id,
                   /* Translators: "Mariusz Sagan: 23:00 in Lublin, at night" */
                   g_strdup_printf (_("%s: %s in %s, at night"), member->display_name, clock,
                                    city));
            }
        }

      if (summit_panel_get_kind (panel) == SUMMIT_PANEL_DISCUSSION && !has_moderator)
        add (conflicts, SUMMIT_CONFLICT_NO_MODERATOR, FALSE, panel_id, 0, 0,
             g_strdup_printf (_("“%s” has no moderator"), title));
    }

  return conflicts;
}

/**
 * summit_store_list_conflicts:
 *
 * Reads @edition's programme and invitations and finds their conflicts.
 *
 * Returns: (transfer full) (element-type SummitConflict): the conflicts, or
 *   %NULL with @error set
 */
GPtrArray *
summit_store_list_conflicts (SummitStore    *store,
                             SummitEdition  *edition,
                             GError        **error)
{
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GHashTable) statuses = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);

  panels = summit_store_list_panels (store, summit_edition_get_id (edition), error);
  if (panels == NULL)
    return NULL;
  statuses = summit_store_invitation_statuses (store, summit_edition_get_id (edition), error);
  if (statuses == NULL)
    return NULL;
  return summit_conflicts_find (edition, panels, statuses);
}
