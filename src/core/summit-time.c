/* summit-time.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Showing UTC instants in a given IANA zone, with GTimeZone doing all the
 * daylight-saving arithmetic.
 */
#define G_LOG_DOMAIN "summit-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "summit-places.h"
#include "summit-time.h"

/**
 * summit_time_zone_new:
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL if @identifier is
 *   not a zone GTimeZone knows
 */
GTimeZone *
summit_time_zone_new (const char *identifier)
{
  if (identifier == NULL || *identifier == '\0')
    return NULL;
  return g_time_zone_new_identifier (identifier);
}

/**
 * summit_time_zone_city:
 *
 * The zone's city in the user's language: "Asia/Taipei" → "Taipei", in
 * Polish "Tajpej" (summit_places_zone_city()).
 *
 * Returns: (transfer full): a short name for the zone
 */
char *
summit_time_zone_city (const char *identifier)
{
  g_return_val_if_fail (identifier != NULL, NULL);

  return g_strdup (summit_places_zone_city (identifier, NULL));
}

/**
 * summit_time_offset_label:
 *
 * Returns: (transfer full): the UTC offset at @datetime: "UTC+8", "UTC+5:30", "UTC"
 */
char *
summit_time_offset_label (GDateTime *datetime)
{
  gint64 offset = g_date_time_get_utc_offset (datetime) / G_TIME_SPAN_SECOND;
  int hours = (int)(ABS (offset) / 3600);
  int minutes = (int)(ABS (offset) % 3600) / 60;
  char sign = offset < 0 ? '-' : '+';

  if (offset == 0)
    return g_strdup ("UTC");
  if (minutes == 0)
    return g_strdup_printf ("UTC%c%d", sign, hours);
  return g_strdup_printf ("UTC%c%d:%02d", sign, hours, minutes);
}

static GDateTime *
in_zone (gint64      instant,
         const char *identifier)
{
  g_autoptr(GTimeZone) tz = summit_time_zone_new (identifier);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  if (utc == NULL)
    return NULL;
  if (tz == NULL)
    return g_date_time_ref (utc);
  return g_date_time_to_timezone (utc, tz);
}

/**
 * summit_time_format_clock:
 *
 * Returns: (transfer full): the 24-hour wall-clock time of @instant in the
 *   zone, "15:00"
 */
char *
summit_time_format_clock (gint64      instant,
                          const char *identifier)
{
  g_autoptr(GDateTime) dt = in_zone (instant, identifier);

  return dt ? g_date_time_format (dt, "%H:%M") : g_strdup ("");
}

/**
 * summit_time_format_day:
 *
 * Returns: (transfer full): the day of @instant in the zone, in the user's
 *   language: "Thursday, 13 August 2020"
 */
char *
summit_time_format_day (gint64      instant,
                        const char *identifier)
{
  g_autoptr(GDateTime) dt = in_zone (instant, identifier);

  /* Translators: a day in a programme, see strftime(3): "Thursday, 13 August 2020" */
  return dt ? g_date_time_format (dt, _("%A, %-d %B %Y")) : g_strdup ("");
}

/**
 * summit_time_format_iso_day:
 *
 * Returns: (transfer full): the day of @instant in the zone, "2020-08-13"
 */
char *
summit_time_format_iso_day (gint64      instant,
                            const char *identifier)
{
  g_autoptr(GDateTime) dt = in_zone (instant, identifier);

  return dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/**
 * summit_time_format_in_zone:
 *
 * Returns: (transfer full): "15:00 Taipei (UTC+8)"
 */
char *
summit_time_format_in_zone (gint64      instant,
                            const char *identifier)
{
  g_autoptr(GDateTime) dt = in_zone (instant, identifier);
  g_autofree char *clock = NULL;
  g_autofree char *city = NULL;
  g_autofree char *offset = NULL;

  if (dt == NULL)
    return g_strdup ("");
  clock = g_date_time_format (dt, "%H:%M");
  city = summit_time_zone_city (identifier ? identifier : "UTC");
  offset = summit_time_offset_label (dt);
  /* Translators: a time in a zone: "15:00 Taipei (UTC+8)" */
  return g_strdup_printf (_("%s %s (%s)"), clock, city, offset);
}

G_DEFINE_QUARK (summit-time-error-quark, summit_time_error)

static gint64
utc_offset_at (GTimeZone *tz,
               gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, tz);

  return g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND;
}

/**
 * summit_time_parse_instant:
 * @text: a time as the files write it, "2020-08-13T07:00:00Z"
 * @instant: (out): the instant, Unix seconds
 *
 * Reads an ISO 8601 time (GDateTime's reading of it), as the XML and CSV
 * files give a record's times.
 *
 * Returns: %FALSE, and @instant untouched, if @text is no such time
 */
gboolean
summit_time_parse_instant (const char *text,
                           gint64     *instant)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if ((dt = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;
  *instant = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * summit_time_parse_date:
 * @text: a calendar day written as ISO 8601's "2020-09-24"
 * @year: (out): the year
 * @month: (out): the month, 1–12
 * @day: (out): the day of the month
 *
 * The one reader of the "YYYY-MM-DD" days of files, the CLI and the editors;
 * GDateTime decides what is a valid day.
 *
 * Returns: %TRUE if @text is exactly such a day, which exists
 */
gboolean
summit_time_parse_date (const char *text,
                        int        *year,
                        int        *month,
                        int        *day)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (year != NULL && month != NULL && day != NULL, FALSE);

  /* GDateTime also reads week and ordinal dates; a day here is only this form. */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  if ((midnight = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return FALSE;
  g_date_time_get_ymd (midnight, year, month, day);
  return TRUE;
}

/**
 * summit_time_parse_local:
 * @date: a day, "2020-09-24"
 * @clock: a wall-clock time, "22:00" (or "22:00:00")
 * @identifier: the IANA zone the time was read in, "Asia/Taipei"
 * @instant: (out): the UTC instant, Unix seconds
 *
 * Turns a wall-clock time entered in any zone into a UTC instant, with
 * GTimeZone deciding which offset applies on that day. A time that the
 * clocks skip when daylight-saving time starts is refused; a time that
 * happens twice when it ends is taken at its first occurrence.
 *
 * Returns: %TRUE on success, %FALSE with @error set (%SUMMIT_TIME_ERROR)
 */
gboolean
summit_time_parse_local (const char  *date,
                         const char  *clock,
                         const char  *identifier,
                         gint64      *instant,
                         GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  int year, month, day, hour, minute, second = 0;
  char tail;
  gboolean found;
  gint64 local;

  g_return_val_if_fail (instant != NULL, FALSE);

  if (!summit_time_zone_is_known (identifier))
    {
      g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_UNKNOWN_ZONE,
                   _("“%s” is not a time zone; use a name such as Europe/Warsaw"),
                   identifier ? identifier : "");
      return FALSE;
    }
  tz = summit_time_zone_new (identifier);

  if (!summit_time_parse_date (date, &year, &month, &day))
    {
      g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_BAD_DATE,
                   _("“%s” is not a date; write it as 2020-09-24"), date ? date : "");
      return FALSE;
    }
  if (clock == NULL
      || (sscanf (clock, "%2d:%2d%c", &hour, &minute, &tail) != 2
          && sscanf (clock, "%2d:%2d:%2d%c", &hour, &minute, &second, &tail) != 3)
      || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    {
      g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_BAD_TIME,
                   _("“%s” is not a time of day; write it as 22:00"), clock ? clock : "");
      return FALSE;
    }

  /* The wall-clock time as if it were UTC; the zone's offset is then taken
   * off, once we know which offset holds at that local time. */
  {
    g_autoptr(GDateTime) naive = g_date_time_new_utc (year, month, day, hour, minute, second);
    if (naive == NULL)
      {
        g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_BAD_DATE,
                     _("“%s” is not a date; write it as 2020-09-24"), date);
        return FALSE;
      }
    local = g_date_time_to_unix (naive);
  }

  /* The offset in force a day before and a day after (zones change at most
   * once in two days); a candidate holds if the instant it gives has that very
   * offset. Two hold in the hour that happens twice: take the earlier. */
  found = FALSE;
  for (guint i = 0; i < 2; i++)
    {
      gint64 probe = local + (i == 0 ? -86400 : 86400);
      gint64 offset = utc_offset_at (tz, probe);
      gint64 candidate = local - offset;

      if (utc_offset_at (tz, candidate) == offset && (!found || candidate < *instant))
        {
          *instant = candidate;
          found = TRUE;
        }
    }
  if (!found)
    {
      g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_SKIPPED,
                   _("%s on %s does not exist in %s: the clocks skip that hour"), clock, date,
                   identifier);
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_time_zone_is_known:
 *
 * Returns: %TRUE if @identifier names a zone in the system's database
 *   ("Europe/Warsaw", "UTC"), %FALSE for anything else
 */
gboolean
summit_time_zone_is_known (const char *identifier)
{
  g_autoptr(GTimeZone) tz = summit_time_zone_new (identifier);

  return tz != NULL && g_strcmp0 (g_time_zone_get_identifier (tz), identifier) == 0;
}
