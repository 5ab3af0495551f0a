/* summit-continents.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SUMMIT_CLDR_SUPPLEMENTAL "/usr/share/unicode/cldr/common/supplemental/supplementalData.xml"

const char *summit_continent_of_country (const char *alpha2);
const char *summit_continent_name       (const char *code);

G_END_DECLS
