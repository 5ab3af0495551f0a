/* summit-press-kit.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

gboolean summit_press_kit_write (SummitStore  *store,
                                 int           year,
                                 const char   *path,
                                 const char   *local_zone,
                                 GError      **error);

G_END_DECLS
