/* summit-places.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STAND-IN on branch i15 for engineer i16b's module of the same name: the
 * same two functions, kept minimal. At merge the lead keeps i16b's files.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *summit_places_country_name (const char *alpha2,
                                        const char *language);
const char *summit_places_zone_city    (const char *zone,
                                        const char *language);

G_END_DECLS
