/* summit-store-listing.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-invitation.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* One person as the People page lists them, with their invitation to one
 * edition. The strings belong to the store and are valid only during the
 * callback; none is NULL. */
typedef struct
{
  gint64                  id;
  const char             *given_name;
  const char             *family_name;
  const char             *native_name;
  const char             *position;
  const char             *city;
  const char             *country;
  const char             *email;
  gint64                  updated;
  gboolean                invited;  /* has an invitation to the edition, with a known status */
  SummitInvitationStatus  status;   /* if invited */
  gint64                  since;    /* if invited: when the invitation last changed */
} SummitListingRow;

/* Returns %FALSE to stop, with @error set if that is a failure. */
typedef gboolean (*SummitListingFunc) (const SummitListingRow  *row,
                                       gpointer                 user_data,
                                       GError                 **error);

gboolean summit_store_foreach_listing         (SummitStore        *store,
                                               gint64              edition_id,
                                               SummitListingFunc   func,
                                               gpointer            user_data,
                                               GError            **error);
gboolean summit_store_foreach_listing_by_name (SummitStore        *store,
                                               gint64              edition_id,
                                               guint               limit,
                                               SummitListingFunc   func,
                                               gpointer            user_data,
                                               GError            **error);
gboolean summit_store_lookup_listing          (SummitStore        *store,
                                               gint64              edition_id,
                                               gint64              person_id,
                                               SummitListingFunc   func,
                                               gpointer            user_data,
                                               GError            **error);

G_END_DECLS
