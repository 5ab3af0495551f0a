/* summit-store-matching.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

/* What a person is recognised by when a row comes without a uid. The
 * strings belong to the store and are valid only during the callback; none
 * is NULL. */
typedef struct
{
  gint64      id;
  const char *given_name;
  const char *family_name;
  const char *native_name;
  const char *city;
  const char *email;
} SummitPersonKeysRow;

/* Returns %FALSE to stop, with @error set if that is a failure. */
typedef gboolean (*SummitPersonKeysFunc) (const SummitPersonKeysRow  *row,
                                          gpointer                    user_data,
                                          GError                    **error);

gboolean summit_store_foreach_person_keys (SummitStore           *store,
                                           SummitPersonKeysFunc   func,
                                           gpointer               user_data,
                                           GError               **error);

G_END_DECLS
