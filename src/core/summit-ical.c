/* summit-ical.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme as iCalendar, written with libical: one VEVENT a session,
 * its times given in a named zone (TZID) with that zone's VTIMEZONE, so that
 * calendars place it right across daylight-saving changes.
 */
#define G_LOG_DOMAIN "summit-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "summit-file.h"
#include "summit-ical.h"
#include "summit-panel.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-time.h"

#define PRODID "-//Summit Planner//Summit Planner " PACKAGE_VERSION "//EN"

/* Adds the VTIMEZONE of @zone to @calendar once, named plainly "Europe/Warsaw"
 * rather than with libical's own prefix. */
static gboolean
add_timezone (icalcomponent  *calendar,
              GHashTable     *added,
              const char     *zone,
              GError        **error)
{
  icaltimezone *builtin;
  icalcomponent *vtimezone;
  icalproperty *tzid;

  if (g_hash_table_contains (added, zone))
    return TRUE;

  builtin = icaltimezone_get_builtin_timezone (zone);
  if (builtin == NULL || icaltimezone_get_component (builtin) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("libical does not know the time zone “%s”"), zone);
      return FALSE;
    }
  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, zone);
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (zone));
  icalcomponent_add_component (calendar, vtimezone);
  g_hash_table_add (added, g_strdup (zone));
  return TRUE;
}

/* A DTSTART or DTEND: the wall-clock time of @instant in @zone, with TZID. */
static icalproperty *
zoned_property (icalproperty_kind  kind,
                gint64             instant,
                const char        *zone)
{
  g_autoptr(GTimeZone) tz = summit_time_zone_new (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  struct icaltimetype t = icaltime_null_time ();
  icalproperty *property;

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);
  t.is_date = 0;

  property = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart (t) : icalproperty_new_dtend (t);
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone));
  return property;
}

static icalproperty *
date_property (icalproperty_kind  kind,
               const char        *iso_day,
               int                plus_days)
{
  struct icaltimetype t = icaltime_from_string (iso_day);

  t.is_date = 1;
  if (plus_days)
    icaltime_adjust (&t, plus_days, 0, 0, 0);
  return kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart (t) : icalproperty_new_dtend (t);
}

static gboolean
has_member (SummitPanel *panel,
            gint64       person_id)
{
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    if (summit_panel_get_member (panel, i)->person_id == person_id)
      return TRUE;
  return FALSE;
}

static char *
describe (SummitPanel *panel)
{
  GString *text = g_string_new (summit_panel_get_description (panel));

  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a lineup line in a calendar event: "Panelist: Mariusz Sagan" */
      g_string_append_printf (text, _("%s: %s"), summit_role_to_label (member->role),
                              member->display_name);
    }
  if (summit_panel_end_note (panel) != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "(end not confirmed)" below a calendar event's description */
      g_string_append_printf (text, _("(%s)"), summit_panel_end_note (panel));
    }
  return g_string_free (text, FALSE);
}

/**
 * summit_ical_build:
 * @panels: (element-type SummitPanel): the sessions, with lineups
 * @person_id: only the sessions this person is in, or 0 for all
 * @zone: (nullable): the zone to give times in; %NULL for the edition's
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 */
char *
summit_ical_build (SummitEdition  *edition,
                   GPtrArray      *panels,
                   gint64          person_id,
                   const char     *zone,
                   GError        **error)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *calendar;
  char *text;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);
  g_return_val_if_fail (panels != NULL, NULL);

  if (zone == NULL || *zone == '\0')
    zone = summit_edition_get_timezone (edition);
  if (!summit_time_zone_is_known (zone))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a time zone; use a name such as Europe/Warsaw"), zone);
      return NULL;
    }

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* Translators: the name of an exported calendar, "Mayors’ Summit 2020" */
  name = g_strdup_printf (_("Mayors’ Summit %d"), summit_edition_get_year (edition));
  {
    icalproperty *calname = icalproperty_new_x (name);
    icalproperty_set_x_name (calname, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, calname);
  }

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *uid = g_strdup_printf ("%s@summitplanner.github.io", summit_panel_get_uid (panel));
      g_autofree char *description = describe (panel);
      icalcomponent *event;
      gint64 start;

      if (person_id != 0 && !has_member (panel, person_id))
        continue;

      event = icalcomponent_new_vevent ();
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event,
                                  icalproperty_new_dtstamp (icaltime_from_timet_with_zone (
                                    (time_t)(g_get_real_time () / G_USEC_PER_SEC), 0,
                                    icaltimezone_get_utc_timezone ())));
      icalcomponent_add_property (event, icalproperty_new_summary (summit_panel_get_title (panel)));
      icalcomponent_add_property (event, icalproperty_new_categories (
                                           summit_panel_kind_to_label (summit_panel_get_kind (panel))));
      if (summit_panel_get_room (panel) && *summit_panel_get_room (panel))
        {
          g_autofree char *room = summit_panel_dup_room_to_read (panel);

          icalcomponent_add_property (event, icalproperty_new_location (room));
        }
      if (*description)
        icalcomponent_add_property (event, icalproperty_new_description (description));

      if (summit_panel_get_start (panel, &start))
        {
          if (!add_timezone (calendar, zones, zone, error))
            {
              icalcomponent_free (event);
              icalcomponent_free (calendar);
              return NULL;
            }
          icalcomponent_add_property (event, zoned_property (ICAL_DTSTART_PROPERTY, start, zone));
          icalcomponent_add_property (event,
                                      zoned_property (ICAL_DTEND_PROPERTY,
                                                      start + summit_panel_get_duration (panel) * 60,
                                                      zone));
        }
      else if (summit_panel_get_day (panel) != NULL)
        {
          /* Known only by its day: an all-day event on that day. */
          icalcomponent_add_property (event, date_property (ICAL_DTSTART_PROPERTY,
                                                            summit_panel_get_day (panel), 0));
          icalcomponent_add_property (event, date_property (ICAL_DTEND_PROPERTY,
                                                            summit_panel_get_day (panel), 1));
        }
      else
        {
          icalcomponent_free (event);
          continue;
        }
      icalcomponent_add_component (calendar, event);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

/**
 * summit_store_export_ical:
 * @person_id: only this person's sessions, in their own zone; 0 for the
 *   whole programme in the edition's zone
 *
 * Writes @edition's programme to @path as iCalendar, replacing the file
 * only once everything is written.
 */
gboolean
summit_store_export_ical (SummitStore    *store,
                          SummitEdition  *edition,
                          gint64          person_id,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GPtrArray) panels = NULL;
  g_autofree char *text = NULL;
  g_autofree char *zone = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  panels = summit_store_list_panels (store, summit_edition_get_id (edition), error);
  if (panels == NULL)
    return FALSE;

  if (person_id != 0)
    for (guint i = 0; i < panels->len && zone == NULL; i++)
      {
        SummitPanel *panel = g_ptr_array_index (panels, i);

        for (guint m = 0; m < summit_panel_get_n_members (panel); m++)
          {
            const SummitPanelMember *member = summit_panel_get_member (panel, m);

            if (member->person_id == person_id && summit_time_zone_is_known (member->timezone))
              zone = g_strdup (member->timezone);
          }
      }

  text = summit_ical_build (edition, panels, person_id, zone, error);
  if (text == NULL)
    return FALSE;
  return summit_file_replace_contents (path, text, strlen (text), SUMMIT_FILE_FOLLOW_UMASK, error);
}
