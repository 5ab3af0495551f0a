/* summit-places.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *summit_places_country_name     (const char *alpha2,
                                            const char *language);
const char *summit_places_zone_city        (const char *zone,
                                            const char *language);
char       *summit_places_country_keywords (const char *alpha2);
char       *summit_places_zone_keywords    (const char *zone);
gboolean    summit_places_keywords_match   (const char *keywords,
                                            const char *query);
const char *summit_places_find_zone        (const char *query);

G_END_DECLS
