/* summit-time.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Showing UTC instants in a given IANA zone, with GTimeZone doing all the
 * daylight-saving arithmetic.
 */
#define G_LOG_DOMAIN "summit-time"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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
 * "Asia/Taipei" → "Taipei", "America/Argentina/Buenos_Aires" → "Buenos Aires".
 *
 * Returns: (transfer full): a short name for the zone
 */
char *
summit_time_zone_city (const char *identifier)
{
  const char *slash;
  char *city;

  g_return_val_if_fail (identifier != NULL, NULL);

  slash = strrchr (identifier, '/');
  city = g_strdup (slash ? slash + 1 : identifier);
  g_strdelimit (city, "_", ' ');
  return city;
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
