/* summit-frab.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme as a frab (pentabarf) schedule XML, the format that
 * conference apps such as Giggity and ConfClerk read: days, rooms in each
 * day, events in each room, times in the edition's zone with their offset.
 * Written with libxml2's xmlTextWriter.
 */
#define G_LOG_DOMAIN "summit-frab"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "summit-file.h"
#include "summit-frab.h"
#include "summit-panel.h"
#include "summit-programme.h"
#include "summit-time.h"

typedef struct
{
  char      *date;    /* 2020-08-13, in the edition's zone */
  GPtrArray *rooms;   /* of char*, in order of first appearance */
  GPtrArray *panels;  /* of SummitPanel, borrowed, in programme order */
} Day;

static void
day_free (Day *day)
{
  g_free (day->date);
  g_ptr_array_unref (day->rooms);
  g_ptr_array_unref (day->panels);
  g_free (day);
}

static char *
iso_in_zone (GDateTime *local)
{
  /* xs:dateTime with the zone's offset: 2020-08-13T15:00:00+08:00 */
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
slug_for (SummitEdition *edition,
          SummitPanel   *panel)
{
  g_autofree char *ascii = g_str_to_ascii (summit_panel_get_title (panel), "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  g_string_append_printf (slug, "summit%d-%" G_GINT64_FORMAT "-", summit_edition_get_year (edition),
                          summit_panel_get_id (panel));
  for (const char *p = ascii; *p && slug->len < 80; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = slug->str[slug->len - 1] != '-';
    }
  return g_string_free (slug, FALSE);
}

#define CHECK(call) G_STMT_START { if ((call) < 0) goto failed; } G_STMT_END

static int
write_event (xmlTextWriterPtr  writer,
             SummitEdition    *edition,
             SummitPanel      *panel,
             GTimeZone        *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, summit_panel_get_id (panel));
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *slug = slug_for (edition, panel);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *room = summit_panel_get_room (panel) ? summit_panel_get_room (panel) : "";
  int minutes = summit_panel_get_duration (panel);
  gint64 instant;

  summit_panel_get_start (panel, &instant);
  utc = g_date_time_new_from_unix_utc (instant);
  local = g_date_time_to_timezone (utc, tz);
  date = iso_in_zone (local);
  start = g_date_time_format (local, "%H:%M");
  duration = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "event"));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST id));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST summit_panel_get_uid (panel)));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "date", BAD_CAST date));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "start", BAD_CAST start));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "duration", BAD_CAST duration));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "room", BAD_CAST room));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "slug", BAD_CAST slug));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "title", BAD_CAST summit_panel_get_title (panel)));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "subtitle", BAD_CAST ""));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "track",
                                    BAD_CAST summit_panel_kind_to_label (summit_panel_get_kind (panel))));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "type",
                                    BAD_CAST summit_panel_kind_to_string (summit_panel_get_kind (panel))));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "language", BAD_CAST "en"));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "abstract",
                                    BAD_CAST (summit_panel_get_description (panel)
                                              ? summit_panel_get_description (panel) : "")));
  /* A duration or room above that is a planning default: said where people read. */
  if (summit_panel_end_note (panel) != NULL)
    g_string_append_printf (notes, _("(%s)"), summit_panel_end_note (panel));
  if (*room != '\0' && !summit_panel_get_room_confirmed (panel))
    {
      g_autofree char *room_to_read = summit_panel_dup_room_to_read (panel);

      g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", room_to_read);
    }
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "description", BAD_CAST notes->str));
  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "persons"));
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);
      g_autofree char *person_id = g_strdup_printf ("%" G_GINT64_FORMAT, member->person_id);

      CHECK (xmlTextWriterStartElement (writer, BAD_CAST "person"));
      CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST person_id));
      CHECK (xmlTextWriterWriteString (writer, BAD_CAST member->display_name));
      CHECK (xmlTextWriterEndElement (writer));
    }
  CHECK (xmlTextWriterEndElement (writer));  /* persons */
  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "links"));
  CHECK (xmlTextWriterEndElement (writer));
  CHECK (xmlTextWriterEndElement (writer));  /* event */
  return 0;

failed:
  return -1;
}

/* "Left out 1 session that has no time yet (a schedule needs one): “…”" */
static char *
describe_left_out (GPtrArray *untimed)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < untimed->len; i++)
    {
      if (i > 0)
        g_string_append (titles, _(", "));
      /* Translators: a session's title, quoted */
      g_string_append_printf (titles, _("“%s”"), summit_panel_get_title (g_ptr_array_index (untimed, i)));
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Left out %u session that has no time yet (a schedule needs one): %s",
                                       "Left out %u sessions that have no time yet (a schedule needs one): %s",
                                       untimed->len),
                          untimed->len, titles->str);
}

/* Sorts @panels into days (in the edition's time zone, in order of first
 * appearance), each with its rooms; the sessions without a time go to @untimed. */
static GPtrArray *
group_by_day (GPtrArray  *panels,
              const char *zone,
              GPtrArray  *untimed)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify)day_free);

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *date = NULL;
      const char *room = summit_panel_get_room (panel) ? summit_panel_get_room (panel) : "";
      Day *day = NULL;
      gint64 start;
      guint index;

      if (!summit_panel_get_start (panel, &start))
        {
          g_ptr_array_add (untimed, panel);
          continue;
        }
      date = summit_time_format_iso_day (start, zone);
      for (guint d = 0; d < days->len; d++)
        if (g_strcmp0 (((Day *)g_ptr_array_index (days, d))->date, date) == 0)
          day = g_ptr_array_index (days, d);
      if (day == NULL)
        {
          day = g_new0 (Day, 1);
          day->date = g_steal_pointer (&date);
          day->rooms = g_ptr_array_new_with_free_func (g_free);
          day->panels = g_ptr_array_new ();
          g_ptr_array_add (days, day);
        }
      if (!g_ptr_array_find_with_equal_func (day->rooms, room, g_str_equal, &index))
        g_ptr_array_add (day->rooms, g_strdup (room));
      g_ptr_array_add (day->panels, panel);
    }
  return days;
}

/* The <conference> element: the edition's title, dates and number of days. */
static int
write_conference (xmlTextWriterPtr  writer,
                  SummitEdition    *edition,
                  guint             n_days)
{
  const char *first = summit_edition_get_start_date (edition);
  const char *last = summit_edition_get_end_date (edition);
  g_autofree char *title = NULL;
  g_autofree char *acronym = NULL;
  g_autofree char *days = NULL;

  title = g_strdup_printf ("%s %d: %s", _("Mayors’ Summit"), summit_edition_get_year (edition),
                           summit_edition_get_theme (edition) ? summit_edition_get_theme (edition) : "");
  acronym = g_strdup_printf ("summit%d", summit_edition_get_year (edition));
  days = g_strdup_printf ("%u", n_days);

  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "conference"));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "title", BAD_CAST title));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "acronym", BAD_CAST acronym));
  if (first != NULL)
    CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "start", BAD_CAST first));
  if (last != NULL)
    CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "end", BAD_CAST last));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "days", BAD_CAST days));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "timeslot_duration", BAD_CAST "00:15"));
  CHECK (xmlTextWriterEndElement (writer));  /* conference */
  return 0;

failed:
  return -1;
}

/* One <day> (the @index-th, from 1) with its rooms and their events. */
static int
write_day (xmlTextWriterPtr  writer,
           SummitEdition    *edition,
           const Day        *day,
           guint             index,
           GTimeZone        *tz)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *number = g_strdup_printf ("%u", index);
  g_autofree char *day_start = NULL;
  g_autofree char *day_end = NULL;
  int y, m, dd;

  if (!summit_time_parse_date (day->date, &y, &m, &dd))
    return -1;
  midnight = g_date_time_new (tz, y, m, dd, 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  day_start = iso_in_zone (midnight);
  day_end = iso_in_zone (next);

  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "day"));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "index", BAD_CAST number));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "date", BAD_CAST day->date));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "start", BAD_CAST day_start));
  CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "end", BAD_CAST day_end));
  for (guint r = 0; r < day->rooms->len; r++)
    {
      const char *room = g_ptr_array_index (day->rooms, r);

      CHECK (xmlTextWriterStartElement (writer, BAD_CAST "room"));
      CHECK (xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST room));
      for (guint p = 0; p < day->panels->len; p++)
        {
          SummitPanel *panel = g_ptr_array_index (day->panels, p);

          if (g_strcmp0 (summit_panel_get_room (panel) ? summit_panel_get_room (panel) : "", room) == 0)
            CHECK (write_event (writer, edition, panel, tz));
        }
      CHECK (xmlTextWriterEndElement (writer));  /* room */
    }
  CHECK (xmlTextWriterEndElement (writer));  /* day */
  return 0;

failed:
  return -1;
}

/**
 * summit_frab_build:
 * @panels: (element-type SummitPanel): the sessions in programme order
 * @left_out: (out) (optional) (nullable): which sessions were left out and
 *   why, in a sentence for the planner; %NULL if none was
 *
 * Returns: (transfer full): the schedule XML, or %NULL with @error set
 */
GBytes *
summit_frab_build (SummitEdition  *edition,
                   GPtrArray      *panels,
                   char          **left_out,
                   GError        **error)
{
  g_autoptr(GPtrArray) untimed = g_ptr_array_new ();
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  xmlBufferPtr buffer = NULL;
  xmlTextWriterPtr writer = NULL;
  const char *zone = summit_edition_get_timezone (edition);
  GBytes *bytes = NULL;

  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);
  g_return_val_if_fail (panels != NULL, NULL);

  if ((tz = summit_time_zone_new (zone)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The edition’s time zone “%s” is not a time zone"), zone);
      return NULL;
    }
  days = group_by_day (panels, zone, untimed);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  if (writer == NULL)
    goto failed;
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");

  CHECK (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  CHECK (xmlTextWriterStartElement (writer, BAD_CAST "schedule"));
  CHECK (xmlTextWriterWriteElement (writer, BAD_CAST "version", BAD_CAST PACKAGE_VERSION));
  CHECK (write_conference (writer, edition, days->len));
  for (guint d = 0; d < days->len; d++)
    CHECK (write_day (writer, edition, g_ptr_array_index (days, d), d + 1, tz));
  CHECK (xmlTextWriterEndElement (writer));  /* schedule */
  CHECK (xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer);
  writer = NULL;

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  if (left_out)
    *left_out = untimed->len > 0 ? describe_left_out (untimed) : NULL;
  return bytes;

failed:
  if (writer)
    xmlFreeTextWriter (writer);
  if (buffer)
    xmlBufferFree (buffer);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the schedule XML"));
  return NULL;
}

/**
 * summit_store_export_frab:
 * @left_out: (out) (optional) (nullable): as for summit_frab_build()
 *
 * Writes @edition's timed sessions to @path as a frab schedule, replacing
 * the file only once everything is written.
 */
gboolean
summit_store_export_frab (SummitStore    *store,
                          SummitEdition  *edition,
                          const char     *path,
                          char          **left_out,
                          GError        **error)
{
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), FALSE);

  panels = summit_store_list_panels (store, summit_edition_get_id (edition), error);
  if (panels == NULL)
    return FALSE;
  bytes = summit_frab_build (edition, panels, left_out, error);
  if (bytes == NULL)
    return FALSE;
  return summit_file_replace_contents (path, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), SUMMIT_FILE_FOLLOW_UMASK, error);
}
