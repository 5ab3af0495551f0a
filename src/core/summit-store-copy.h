/* summit-store-copy.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

/* How far a copy is: @done of @total rows. */
typedef void (*SummitStoreCopyProgress) (gint64   done,
                                         gint64   total,
                                         gpointer user_data);

gboolean summit_store_copy (SummitStore              *from,
                            SummitStore              *to,
                            SummitStoreCopyProgress   progress,
                            gpointer                  user_data,
                            GError                  **error);

G_END_DECLS
