/* summit-frab.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

GBytes   *summit_frab_build          (SummitEdition  *edition,
                                      GPtrArray      *panels,
                                      char          **left_out,
                                      GError        **error);
gboolean  summit_store_export_frab   (SummitStore    *store,
                                      SummitEdition  *edition,
                                      const char     *path,
                                      char          **left_out,
                                      GError        **error);

G_END_DECLS
