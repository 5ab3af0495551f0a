/* summit-live.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

gboolean     summit_live_concerns        (const char         *table,
                                          GArray             *ids,
                                          const char * const *tables,
                                          gint64              id);
gboolean     summit_live_should_retry    (const GError       *error);

typedef struct _SummitRetry SummitRetry;

SummitRetry *summit_retry_new            (SummitStore        *store,
                                          guint               interval_ms,
                                          GSourceFunc         func,
                                          gpointer            user_data);
void         summit_retry_schedule       (SummitRetry        *retry);
gboolean     summit_retry_is_scheduled   (SummitRetry        *retry);
void         summit_retry_free           (SummitRetry        *retry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitRetry, summit_retry_free)

G_END_DECLS
