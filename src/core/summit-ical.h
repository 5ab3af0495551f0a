/* summit-ical.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

char     *summit_ical_build         (SummitEdition  *edition,
                                     GPtrArray      *panels,
                                     gint64          person_id,
                                     const char     *zone,
                                     GError        **error);
gboolean  summit_store_export_ical  (SummitStore    *store,
                                     SummitEdition  *edition,
                                     gint64          person_id,
                                     const char     *path,
                                     GError        **error);

G_END_DECLS
