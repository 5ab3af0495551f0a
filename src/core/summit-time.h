/* summit-time.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SUMMIT_TIME_ERROR (summit_time_error_quark ())

typedef enum
{
  SUMMIT_TIME_ERROR_UNKNOWN_ZONE,
  SUMMIT_TIME_ERROR_BAD_DATE,
  SUMMIT_TIME_ERROR_BAD_TIME,
  SUMMIT_TIME_ERROR_SKIPPED,
} SummitTimeError;

GQuark     summit_time_error_quark   (void);

GTimeZone *summit_time_zone_new      (const char *identifier);
char      *summit_time_zone_city     (const char *identifier);
char      *summit_time_offset_label  (GDateTime  *datetime);
char      *summit_time_format_clock  (gint64      instant,
                                      const char *identifier);
char      *summit_time_format_day    (gint64      instant,
                                      const char *identifier);
char      *summit_time_format_iso_day (gint64     instant,
                                       const char *identifier);
char      *summit_time_format_in_zone (gint64     instant,
                                       const char *identifier);
gboolean   summit_time_parse_local   (const char  *date,
                                      const char  *clock,
                                      const char  *identifier,
                                      gint64      *instant,
                                      GError     **error);
gboolean   summit_time_zone_is_known (const char  *identifier);
const char * const *summit_time_zone_list (void);
gboolean   summit_time_parse_instant (const char  *text,
                                      gint64      *instant);
gboolean   summit_time_parse_date    (const char  *text,
                                      int         *year,
                                      int         *month,
                                      int         *day);
gboolean   summit_format_instant     (gint64       unix_time,
                                      char        *buf,
                                      gsize        size);

G_END_DECLS
