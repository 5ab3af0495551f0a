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
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summit-places.h"
#include "summit-time.h"

typedef struct
{
  GHashTable  *set;    /* identifier → itself */
  const char **sorted; /* the same, sorted, NULL-terminated */
} ZoneList;

/* Adds the names of the zones and links that tzdata's compact source
 * (tzdata.zi) declares: "Z Europe/Warsaw 1:24 …" and "L Europe/Warsaw
 * Europe/Sarajevo". */
static void
read_tzdata_zi (const char *path,
                GHashTable *set)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      const char *name = NULL;

      if (lines[i][0] != 'Z' && lines[i][0] != 'L')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      if (words[0][0] == 'Z' && words[0][1] == '\0' && g_strv_length (words) >= 2)
        name = words[1];
      else if (words[0][0] == 'L' && words[0][1] == '\0' && g_strv_length (words) >= 3)
        name = words[2];
      if (name != NULL && *name != '\0' && !g_hash_table_contains (set, name))
        g_hash_table_add (set, g_strdup (name));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The system's time zone names, read once: the only identifiers ever
 * handed to GTimeZone, which would otherwise read any path it is given. */
static const ZoneList *
zone_list (void)
{
  static ZoneList *list = NULL;

  if (g_once_init_enter (&list))
    {
      ZoneList *l = g_new0 (ZoneList, 1);
      const char *tzdir = g_getenv ("TZDIR");
      g_autofree char *path = NULL;
      GHashTableIter iter;
      gpointer name;
      guint n = 0;

      if (tzdir == NULL || !g_path_is_absolute (tzdir))
        tzdir = "/usr/share/zoneinfo";
      path = g_build_filename (tzdir, "tzdata.zi", NULL);
      l->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      read_tzdata_zi (path, l->set);
      /* GLib knows UTC without any file. */
      if (!g_hash_table_contains (l->set, "UTC"))
        g_hash_table_add (l->set, g_strdup ("UTC"));

      l->sorted = g_new0 (const char *, g_hash_table_size (l->set) + 1);
      g_hash_table_iter_init (&iter, l->set);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        l->sorted[n++] = name;
      qsort (l->sorted, n, sizeof (char *), compare_names);
      g_once_init_leave (&list, l);
    }
  return list;
}

/**
 * summit_time_zone_list:
 *
 * Returns: (transfer none) (array zero-terminated=1): the identifiers of
 *   every zone and link in the system's time zone database, sorted
 *   ("Africa/Abidjan" … "Zulu"); they live as long as the process
 */
const char * const *
summit_time_zone_list (void)
{
  return (const char * const *)zone_list ()->sorted;
}

/**
 * summit_time_zone_new:
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL if @identifier is
 *   not a name in the system's zone list (see summit_time_zone_is_known())
 */
GTimeZone *
summit_time_zone_new (const char *identifier)
{
  if (!summit_time_zone_is_known (identifier))
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

/* Whether the time of day in ISO 8601 @text has 60 seconds (a leap second),
 * which GDateTime silently reads as :59. */
static gboolean
names_leap_second (const char *text)
{
  const char *t = strpbrk (text, "Tt ");

  if (t == NULL)
    return FALSE;
  t++;
  /* "23:59:60" or "235960" */
  if (t[0] && t[1] && t[2] == ':' && t[3] && t[4] && t[5] == ':')
    return t[6] == '6' && t[7] == '0';
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isdigit (t[i]))
      return FALSE;
  return t[4] == '6' && t[5] == '0';
}

/**
 * summit_time_parse_instant:
 * @text: a time as the files write it, "2020-08-13T07:00:00Z"
 * @instant: (out): the instant, Unix seconds
 *
 * Reads an ISO 8601 time (GDateTime's reading of it), as the XML and CSV
 * files give a record's times. A leap second (23:59:60) is refused rather
 * than stored as another time.
 *
 * Returns: %FALSE, and @instant untouched, if @text is no such time
 */
gboolean
summit_time_parse_instant (const char *text,
                           gint64     *instant)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if ((dt = g_date_time_new_from_iso8601 (text, NULL)) == NULL || names_leap_second (text))
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
 * Returns: %TRUE if @identifier is a name in the system's zone list
 *   ("Europe/Warsaw", "UTC"), %FALSE for anything else: a path, a POSIX
 *   TZ rule, an empty string
 */
gboolean
summit_time_zone_is_known (const char *identifier)
{
  return identifier != NULL && *identifier != '\0' &&
         g_hash_table_contains (zone_list ()->set, identifier);
}

/**
 * summit_format_instant:
 * @buf: (out caller-allocates): at least 21 bytes
 *
 * Writes @unix_time as "2020-08-13T07:00:00Z" (UTC), the form the files
 * use. Stands in for g_date_time_format(), too slow for issue 6's CSV export
 * figure (tests/bench/README.md): exports write two of these per person.
 *
 * Returns: %FALSE if the time is outside years 1–9999
 */
gboolean
summit_format_instant (gint64  unix_time,
                       char   *buf,
                       gsize   size)
{
  time_t t = (time_t)unix_time;
  struct tm tm;

  int year;

  if (size < 21 || gmtime_r (&t, &tm) == NULL || tm.tm_year + 1900 < 1 ||
      tm.tm_year + 1900 > 9999)
    return FALSE;

  /* Digit by digit, without printf's format parsing. */
  year = tm.tm_year + 1900;
  buf[0] = '0' + year / 1000;
  buf[1] = '0' + year / 100 % 10;
  buf[2] = '0' + year / 10 % 10;
  buf[3] = '0' + year % 10;
  buf[4] = '-';
  buf[5] = '0' + (tm.tm_mon + 1) / 10;
  buf[6] = '0' + (tm.tm_mon + 1) % 10;
  buf[7] = '-';
  buf[8] = '0' + tm.tm_mday / 10;
  buf[9] = '0' + tm.tm_mday % 10;
  buf[10] = 'T';
  buf[11] = '0' + tm.tm_hour / 10;
  buf[12] = '0' + tm.tm_hour % 10;
  buf[13] = ':';
  buf[14] = '0' + tm.tm_min / 10;
  buf[15] = '0' + tm.tm_min % 10;
  buf[16] = ':';
  buf[17] = '0' + tm.tm_sec / 10;
  buf[18] = '0' + tm.tm_sec % 10;
  buf[19] = 'Z';
  buf[20] = '\0';
  return TRUE;
}
