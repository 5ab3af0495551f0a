/* summit-store-people.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-person.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* One person as stored, for long reads (exports, indexes). The strings
 * belong to the store and are valid only during the callback; none is NULL. */
typedef struct
{
  gint64      id;
  const char *fields[SUMMIT_PERSON_N_FIELDS];
  gint64      created;
  gint64      updated;
} SummitPersonRow;

/* Returns %FALSE to stop, with @error set if that is a failure. */
typedef gboolean (*SummitPersonRowFunc) (const SummitPersonRow  *row,
                                         gpointer                user_data,
                                         GError                **error);

typedef enum
{
  SUMMIT_PERSON_ORDER_ID,     /* as stored */
  SUMMIT_PERSON_ORDER_NAME,   /* family name, given name, uid: as exported */
} SummitPersonOrder;

gboolean summit_store_foreach_person (SummitStore          *store,
                                      SummitPersonOrder     order,
                                      SummitPersonRowFunc   func,
                                      gpointer              user_data,
                                      GError              **error);

G_END_DECLS
