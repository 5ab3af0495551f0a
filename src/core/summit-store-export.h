/* summit-store-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-store.h"

G_BEGIN_DECLS

/* Rows for long reads (exports), read in the order files list them. The
 * strings belong to the store and are valid only during the callback; a
 * string is NULL where the database holds none. Each callback returns
 * %FALSE to stop, with @error set if that is a failure. */

typedef struct
{
  gint64      id;
  const char *year;
  const char *theme;
  const char *host_city;
  const char *host_country;
  const char *timezone;
  const char *format;
  const char *start_date;
  const char *end_date;
} SummitEditionRow;

typedef struct
{
  gint64      id;
  const char *person_uid;
  const char *status;
} SummitInvitationRow;

typedef struct
{
  gint64      at;
  const char *from;
  const char *to;
  const char *channel;
  const char *note;
} SummitInvitationEventRow;

typedef struct
{
  gint64      id;
  const char *uid;
  const char *kind;
  const char *title;
  gboolean    has_start;
  gint64      start;        /* UTC, if has_start */
  const char *day;
  gint64      duration;     /* minutes */
  const char *room;
  const char *description;
  gboolean    end_confirmed;
  gboolean    room_confirmed;
} SummitSessionRow;

typedef struct
{
  const char *person_uid;
  const char *role;
} SummitSessionMemberRow;

typedef struct
{
  const char *year;
  const char *kind;
  const char *overseas_mayors;
  gboolean    lower_bound;
  const char *domestic_mayors;
  const char *countries;
  const char *source;
} SummitStatisticRow;

typedef gboolean (*SummitEditionRowFunc)         (const SummitEditionRow          *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);
typedef gboolean (*SummitInvitationRowFunc)      (const SummitInvitationRow       *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);
typedef gboolean (*SummitInvitationEventRowFunc) (const SummitInvitationEventRow  *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);
typedef gboolean (*SummitSessionRowFunc)         (const SummitSessionRow          *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);
typedef gboolean (*SummitSessionMemberRowFunc)   (const SummitSessionMemberRow    *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);
typedef gboolean (*SummitStatisticRowFunc)       (const SummitStatisticRow        *row,
                                                  gpointer                         user_data,
                                                  GError                         **error);

gint64   summit_store_count_export_rows          (SummitStore                   *store);
gboolean summit_store_foreach_edition            (SummitStore                   *store,
                                                  SummitEditionRowFunc           func,
                                                  gpointer                       user_data,
                                                  GError                       **error);
gboolean summit_store_foreach_invitation         (SummitStore                   *store,
                                                  gint64                         edition_id,
                                                  SummitInvitationRowFunc        func,
                                                  gpointer                       user_data,
                                                  GError                       **error);
gboolean summit_store_foreach_invitation_event   (SummitStore                   *store,
                                                  gint64                         invitation_id,
                                                  SummitInvitationEventRowFunc   func,
                                                  gpointer                       user_data,
                                                  GError                       **error);
gboolean summit_store_foreach_session            (SummitStore                   *store,
                                                  gint64                         edition_id,
                                                  SummitSessionRowFunc           func,
                                                  gpointer                       user_data,
                                                  GError                       **error);
gboolean summit_store_foreach_session_member     (SummitStore                   *store,
                                                  gint64                         panel_id,
                                                  SummitSessionMemberRowFunc     func,
                                                  gpointer                       user_data,
                                                  GError                       **error);
gboolean summit_store_foreach_statistic          (SummitStore                   *store,
                                                  SummitStatisticRowFunc         func,
                                                  gpointer                       user_data,
                                                  GError                       **error);

G_END_DECLS
