/* summit-time.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

G_END_DECLS
