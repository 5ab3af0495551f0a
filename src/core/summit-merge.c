/* summit-merge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No lost update: the three-way merge of a record an editor saved on top of
 * a newer stored one. A field only one side changed takes that side's value;
 * a field both changed to different values is a conflict, for the person
 * saving to decide.
 */
#define G_LOG_DOMAIN "summit-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-merge.h"
#include "summit-time.h"

/**
 * summit_merge_person:
 * @base: the person as the editor loaded it
 * @mine: the editor's fields
 * @theirs: the person as stored now
 * @conflicts: (out) (element-type SummitPersonField): the fields both sides
 *   changed to different values, in field order
 *
 * Returns: (transfer full): @theirs (its id, times and version) with the
 *   fields only @mine changed taken from @mine; a conflicting field holds
 *   @theirs' value until the caller sets the one chosen
 */
SummitPerson *
summit_merge_person (SummitPerson  *base,
                     SummitPerson  *mine,
                     SummitPerson  *theirs,
                     GArray       **conflicts)
{
  SummitPerson *merged;

  g_return_val_if_fail (SUMMIT_IS_PERSON (base), NULL);
  g_return_val_if_fail (SUMMIT_IS_PERSON (mine), NULL);
  g_return_val_if_fail (SUMMIT_IS_PERSON (theirs), NULL);
  g_return_val_if_fail (conflicts != NULL, NULL);

  merged = summit_person_copy (theirs);
  *conflicts = g_array_new (FALSE, FALSE, sizeof (SummitPersonField));
  for (SummitPersonField f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
    {
      const char *b = summit_person_get_field (base, f);
      const char *m = summit_person_get_field (mine, f);
      const char *t = summit_person_get_field (theirs, f);

      if (g_str_equal (m, b) || g_str_equal (m, t))
        continue;
      if (g_str_equal (t, b))
        summit_person_set_field (merged, f, m);
      else
        g_array_append_val (*conflicts, f);
    }
  return merged;
}

static gboolean
lineups_equal (SummitPanel *a,
               SummitPanel *b)
{
  guint n = summit_panel_get_n_members (a);

  if (n != summit_panel_get_n_members (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const SummitPanelMember *ma = summit_panel_get_member (a, i);
      const SummitPanelMember *mb = summit_panel_get_member (b, i);

      if (ma->person_id != mb->person_id || ma->role != mb->role)
        return FALSE;
    }
  return TRUE;
}

/**
 * summit_session_field_equal:
 *
 * Returns: whether @a and @b hold the same @field
 */
gboolean
summit_session_field_equal (SummitPanel        *a,
                            SummitPanel        *b,
                            SummitSessionField  field)
{
  gint64 sa = 0, sb = 0;
  gboolean ha, hb;

  switch (field)
    {
    case SUMMIT_SESSION_TITLE:
      return g_strcmp0 (summit_panel_get_title (a), summit_panel_get_title (b)) == 0;
    case SUMMIT_SESSION_KIND:
      return summit_panel_get_kind (a) == summit_panel_get_kind (b);
    case SUMMIT_SESSION_TIME:
      ha = summit_panel_get_start (a, &sa);
      hb = summit_panel_get_start (b, &sb);
      if (ha || hb)
        return ha == hb && sa == sb;
      return g_strcmp0 (summit_panel_get_day (a), summit_panel_get_day (b)) == 0;
    case SUMMIT_SESSION_DURATION:
      return summit_panel_get_duration (a) == summit_panel_get_duration (b);
    case SUMMIT_SESSION_ROOM:
      return g_strcmp0 (summit_panel_get_room (a), summit_panel_get_room (b)) == 0;
    case SUMMIT_SESSION_DESCRIPTION:
      return g_strcmp0 (summit_panel_get_description (a), summit_panel_get_description (b)) == 0;
    case SUMMIT_SESSION_END_CONFIRMED:
      return !summit_panel_get_end_confirmed (a) == !summit_panel_get_end_confirmed (b);
    case SUMMIT_SESSION_ROOM_CONFIRMED:
      return !summit_panel_get_room_confirmed (a) == !summit_panel_get_room_confirmed (b);
    case SUMMIT_SESSION_LINEUP:
      return lineups_equal (a, b);
    case SUMMIT_SESSION_N_FIELDS:
    default:
      g_return_val_if_reached (TRUE);
    }
}

/**
 * summit_session_field_copy:
 *
 * Sets @field of @to to that of @from.
 */
void
summit_session_field_copy (SummitPanel        *to,
                           SummitPanel        *from,
                           SummitSessionField  field)
{
  gint64 start;

  switch (field)
    {
    case SUMMIT_SESSION_TITLE:
      summit_panel_set_title (to, summit_panel_get_title (from));
      break;
    case SUMMIT_SESSION_KIND:
      summit_panel_set_kind (to, summit_panel_get_kind (from));
      break;
    case SUMMIT_SESSION_TIME:
      if (summit_panel_get_start (from, &start))
        summit_panel_set_start (to, start);
      else
        summit_panel_unset_start (to);
      summit_panel_set_day (to, summit_panel_get_day (from));
      break;
    case SUMMIT_SESSION_DURATION:
      summit_panel_set_duration (to, summit_panel_get_duration (from));
      break;
    case SUMMIT_SESSION_ROOM:
      summit_panel_set_room (to, summit_panel_get_room (from));
      break;
    case SUMMIT_SESSION_DESCRIPTION:
      summit_panel_set_description (to, summit_panel_get_description (from));
      break;
    case SUMMIT_SESSION_END_CONFIRMED:
      summit_panel_set_end_confirmed (to, summit_panel_get_end_confirmed (from));
      break;
    case SUMMIT_SESSION_ROOM_CONFIRMED:
      summit_panel_set_room_confirmed (to, summit_panel_get_room_confirmed (from));
      break;
    case SUMMIT_SESSION_LINEUP:
      summit_panel_clear_members (to);
      for (guint i = 0; i < summit_panel_get_n_members (from); i++)
        summit_panel_append_member (to, summit_panel_get_member (from, i));
      break;
    case SUMMIT_SESSION_N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

/**
 * summit_session_copy:
 *
 * Returns: (transfer full): a new session with the id, uid, edition,
 *   version, fields and lineup of @panel
 */
SummitPanel *
summit_session_copy (SummitPanel *panel)
{
  SummitPanel *copy;

  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), NULL);

  copy = summit_panel_new ();
  summit_panel_set_id (copy, summit_panel_get_id (panel));
  summit_panel_set_uid (copy, summit_panel_get_uid (panel));
  summit_panel_set_edition_id (copy, summit_panel_get_edition_id (panel));
  summit_panel_set_version (copy, summit_panel_get_version (panel));
  for (SummitSessionField f = 0; f < SUMMIT_SESSION_N_FIELDS; f++)
    summit_session_field_copy (copy, panel, f);
  return copy;
}

/**
 * summit_merge_session:
 * @base: the session as the editor loaded it
 * @mine: the editor's session
 * @theirs: the session as stored now
 * @conflicts: (out) (element-type SummitSessionField): the fields both
 *   sides changed to different values, in field order
 *
 * Returns: (transfer full): @theirs (its id and version) with the fields
 *   only @mine changed taken from @mine; a conflicting field holds @theirs'
 *   value until the caller sets the one chosen
 */
SummitPanel *
summit_merge_session (SummitPanel  *base,
                      SummitPanel  *mine,
                      SummitPanel  *theirs,
                      GArray      **conflicts)
{
  SummitPanel *merged;

  g_return_val_if_fail (SUMMIT_IS_PANEL (base), NULL);
  g_return_val_if_fail (SUMMIT_IS_PANEL (mine), NULL);
  g_return_val_if_fail (SUMMIT_IS_PANEL (theirs), NULL);
  g_return_val_if_fail (conflicts != NULL, NULL);

  merged = summit_session_copy (theirs);
  *conflicts = g_array_new (FALSE, FALSE, sizeof (SummitSessionField));
  for (SummitSessionField f = 0; f < SUMMIT_SESSION_N_FIELDS; f++)
    {
      if (summit_session_field_equal (mine, base, f) || summit_session_field_equal (mine, theirs, f))
        continue;
      if (summit_session_field_equal (theirs, base, f))
        summit_session_field_copy (merged, mine, f);
      else
        g_array_append_val (*conflicts, f);
    }
  return merged;
}

/**
 * summit_session_field_to_label:
 *
 * Returns: (transfer none): the translated name of @field
 */
const char *
summit_session_field_to_label (SummitSessionField field)
{
  switch (field)
    {
    case SUMMIT_SESSION_TITLE: return _("Title");
    case SUMMIT_SESSION_KIND: return _("Kind");
    case SUMMIT_SESSION_TIME: return _("When");
    case SUMMIT_SESSION_DURATION: return _("Duration");
    case SUMMIT_SESSION_ROOM: return _("Room or stream");
    case SUMMIT_SESSION_DESCRIPTION: return _("Description");
    case SUMMIT_SESSION_END_CONFIRMED: return _("End confirmed");
    case SUMMIT_SESSION_ROOM_CONFIRMED: return _("Room confirmed");
    case SUMMIT_SESSION_LINEUP: return _("Lineup");
    case SUMMIT_SESSION_N_FIELDS:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * summit_session_field_describe:
 * @zone: the zone to give a time in
 *
 * Returns: (transfer full): @field of @panel as a person reads it
 */
char *
summit_session_field_describe (SummitPanel        *panel,
                               SummitSessionField  field,
                               const char         *zone)
{
  g_autoptr(GString) text = NULL;
  gint64 start;

  switch (field)
    {
    case SUMMIT_SESSION_TITLE:
      return g_strdup (summit_panel_get_title (panel));
    case SUMMIT_SESSION_KIND:
      return g_strdup (summit_panel_kind_to_label (summit_panel_get_kind (panel)));
    case SUMMIT_SESSION_TIME:
      if (summit_panel_get_start (panel, &start))
        {
          g_autofree char *day = summit_time_format_iso_day (start, zone);
          g_autofree char *clock = summit_time_format_clock (start, zone);

          return g_strdup_printf ("%s %s", day, clock);
        }
      if (summit_panel_get_day (panel) != NULL)
        return g_strdup (summit_panel_get_day (panel));
      return g_strdup (_("Time to be announced"));
    case SUMMIT_SESSION_DURATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                           summit_panel_get_duration (panel)),
                              summit_panel_get_duration (panel));
    case SUMMIT_SESSION_ROOM:
      return g_strdup (summit_panel_get_room (panel) ? summit_panel_get_room (panel) : "");
    case SUMMIT_SESSION_DESCRIPTION:
      return g_strdup (summit_panel_get_description (panel) ? summit_panel_get_description (panel)
                                                            : "");
    case SUMMIT_SESSION_END_CONFIRMED:
      return g_strdup (summit_panel_get_end_confirmed (panel) ? C_("confirmation", "Confirmed")
                                                               : C_("confirmation", "Not confirmed"));
    case SUMMIT_SESSION_ROOM_CONFIRMED:
      return g_strdup (summit_panel_get_room_confirmed (panel) ? C_("confirmation", "Confirmed")
                                                                : C_("confirmation", "Not confirmed"));
    case SUMMIT_SESSION_LINEUP:
      text = g_string_new (NULL);
      for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
        {
          const SummitPanelMember *m = summit_panel_get_member (panel, i);

          if (i > 0)
            g_string_append (text, ", ");
          /* Translators: one member of a lineup, "Mariusz Sagan (Panelist)" */
          g_string_append_printf (text, _("%s (%s)"),
                                  m->display_name ? m->display_name : "",
                                  summit_role_to_label (m->role));
        }
      if (text->len == 0)
        g_string_append (text, _("Nobody yet"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    case SUMMIT_SESSION_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
