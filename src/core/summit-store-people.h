/* summit-store-people.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-person.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* Everything a delete removed, so that Undo can put it back as it was. */
typedef struct _SummitDeletedPerson SummitDeletedPerson;

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

/* People */
GPtrArray *summit_store_list_people              (SummitStore             *store,
                                                  GError                 **error);
SummitPerson *summit_store_get_person            (SummitStore             *store,
                                                  gint64                   person_id,
                                                  GError                 **error);
gint64     summit_store_lookup_person            (SummitStore             *store,
                                                  const char              *uid,
                                                  GError                 **error);
gboolean   summit_store_insert_person            (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
gboolean   summit_store_update_person            (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
GArray    *summit_store_find_duplicates          (SummitStore             *store,
                                                  SummitPerson            *person,
                                                  GError                 **error);
GPtrArray *summit_store_list_letter_recipients   (SummitStore             *store,
                                                  SummitEdition           *edition,
                                                  GError                 **error);
GPtrArray *summit_store_list_person_panels       (SummitStore             *store,
                                                  gint64                   person_id,
                                                  GError                 **error);
GPtrArray *summit_store_delete_people            (SummitStore             *store,
                                                  const gint64            *person_ids,
                                                  guint                    n_ids,
                                                  GError                 **error);
gboolean   summit_store_restore_people           (SummitStore             *store,
                                                  GPtrArray               *deleted,
                                                  GError                 **error);
gint64     summit_deleted_person_get_id          (SummitDeletedPerson     *deleted);
SummitPerson *summit_deleted_person_get_person   (SummitDeletedPerson     *deleted);
void       summit_deleted_person_free            (SummitDeletedPerson     *deleted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitDeletedPerson, summit_deleted_person_free)

G_END_DECLS
