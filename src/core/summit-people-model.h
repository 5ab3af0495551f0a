/* summit-people-model.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "summit-invitation.h"
#include "summit-store.h"

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_PEOPLE_SORT_NAME,
  SUMMIT_PEOPLE_SORT_POSITION,
  SUMMIT_PEOPLE_SORT_CITY,
  SUMMIT_PEOPLE_SORT_COUNTRY,
  SUMMIT_PEOPLE_SORT_OVERSEAS,
  SUMMIT_PEOPLE_SORT_STATUS,
  SUMMIT_PEOPLE_SORT_CHANGED,
  SUMMIT_PEOPLE_N_SORTS
} SummitPeopleSort;

/* Status filter values besides the SummitInvitationStatus ones */
#define SUMMIT_PEOPLE_STATUS_ANY  (-2)
#define SUMMIT_PEOPLE_STATUS_NONE (-1)

typedef enum
{
  SUMMIT_PEOPLE_EVERYWHERE,
  SUMMIT_PEOPLE_OVERSEAS,
  SUMMIT_PEOPLE_DOMESTIC,
} SummitPeopleOrigin;

#define SUMMIT_TYPE_PEOPLE_ITEM (summit_people_item_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeopleItem, summit_people_item, SUMMIT, PEOPLE_ITEM, GObject)

#define SUMMIT_TYPE_PEOPLE_MODEL (summit_people_model_get_type ())
G_DECLARE_FINAL_TYPE (SummitPeopleModel, summit_people_model, SUMMIT, PEOPLE_MODEL, GObject)

gint64      summit_people_item_get_id        (SummitPeopleItem *self);
const char *summit_people_item_get_name      (SummitPeopleItem *self);
const char *summit_people_item_get_position  (SummitPeopleItem *self);
const char *summit_people_item_get_city      (SummitPeopleItem *self);
const char *summit_people_item_get_country   (SummitPeopleItem *self);
gboolean    summit_people_item_is_overseas   (SummitPeopleItem *self);
gboolean    summit_people_item_get_status    (SummitPeopleItem *self,
                                              SummitInvitationStatus *status);
gint64      summit_people_item_get_changed   (SummitPeopleItem *self);
gint64      summit_people_item_get_since     (SummitPeopleItem *self);

SummitPeopleModel *summit_people_model_new                 (void);
void        summit_people_model_wait_for_jobs       (guint               timeout_ms);
void        summit_people_model_load                (SummitPeopleModel  *self,
                                                     SummitStore        *store,
                                                     gint64              edition_id,
                                                     const char         *host_country,
                                                     guint               first_rows);
void        summit_people_model_continue_loading    (SummitPeopleModel  *self);
void        summit_people_model_refresh             (SummitPeopleModel  *self,
                                                     const gint64       *person_ids,
                                                     guint               n_ids);
void        summit_people_model_refresh_all         (SummitPeopleModel  *self);
void        summit_people_model_set_search          (SummitPeopleModel  *self,
                                                     const char         *text);
void        summit_people_model_set_status_filter   (SummitPeopleModel  *self,
                                                     int                 status);
void        summit_people_model_set_country_filter  (SummitPeopleModel  *self,
                                                     const char         *country);
void        summit_people_model_set_origin_filter   (SummitPeopleModel  *self,
                                                     SummitPeopleOrigin  origin);
void        summit_people_model_set_awaiting_reply  (SummitPeopleModel  *self,
                                                     gboolean            awaiting,
                                                     int                 days);
void        summit_people_model_set_sort            (SummitPeopleModel  *self,
                                                     SummitPeopleSort    sort,
                                                     gboolean            descending);
gint64      summit_people_model_get_id              (SummitPeopleModel  *self,
                                                     guint               position);
int         summit_people_model_get_status          (SummitPeopleModel  *self,
                                                     guint               position);
GArray     *summit_people_model_find_positions      (SummitPeopleModel  *self,
                                                     const gint64       *person_ids,
                                                     guint               n_ids);
gboolean    summit_people_model_is_busy             (SummitPeopleModel  *self);
guint       summit_people_model_get_n_people        (SummitPeopleModel  *self);
void        summit_people_model_get_counts          (SummitPeopleModel  *self,
                                                     guint               counts[SUMMIT_N_STATUSES]);
GStrv       summit_people_model_dup_countries       (SummitPeopleModel  *self);
char       *summit_people_fold                      (const char         *text);

G_END_DECLS
