/* summit-people-rows.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the people model only: its rows, how they are read, sorted and
 * filtered (summit-people-rows.c), for its list and worker (summit-people-model.c).
 */
#pragma once

#include "summit-people-model.h"

G_BEGIN_DECLS

/* One person as listed; never changed once built. */
typedef struct
{
  gint64      id;
  gint64      changed;
  gint64      since;
  const char *name;
  const char *position;
  const char *city;
  const char *key;       /* folded: sort name SEP position SEP city SEP country SEP email, native */
  guint16     position_off;
  guint16     city_off;
  char        country[3];
  const char *country_sort;   /* collation key of the country's name as shown */
  gint8       status;    /* SummitInvitationStatus, or -1 for none */
  guint8      overseas;
  guint32     index;     /* its place in its storage, to mark it in a byte map */
} Row;

/* Owns the rows and their strings; shared by every row set made from it. */
typedef struct
{
  GStringChunk *chunk;
  GPtrArray    *rows;
} Storage;

/* An immutable set of rows, ordered by id. */
typedef struct
{
  Storage   *storage;
  GPtrArray *rows;
  guint      counts[SUMMIT_N_STATUSES];
  GStrv      countries;
  guint      n_indices; /* above every row's index */
  gboolean   provisional;
} RowSet;

/* A row set in one sort order. */
typedef struct
{
  RowSet           *set;
  SummitPeopleSort  sort;
  gboolean          descending;
  gboolean          awaiting;
  GPtrArray        *rows;
  guint32          *indices;   /* rows' indices, in the same order */
} Sorted;

/* What to show: the search and the filters. */
typedef struct
{
  char     *search;      /* folded */
  int       status;
  char      country[3];
  int       origin;
  gboolean  awaiting;
  gint64    cutoff;
} Params;

Storage   *summit_people_storage_ref     (Storage            *storage);
void       summit_people_storage_unref   (Storage            *storage);
RowSet    *summit_people_row_set_ref     (RowSet             *set);
void       summit_people_row_set_unref   (RowSet             *set);
void       summit_people_sorted_unref    (Sorted             *sorted);

RowSet    *summit_people_rows_load       (SummitStore        *store,
                                          gint64              edition_id,
                                          const char         *host_country,
                                          GError            **error);
RowSet    *summit_people_rows_load_first (SummitStore        *store,
                                          gint64              edition_id,
                                          const char         *host_country,
                                          guint               limit);
RowSet    *summit_people_rows_reread     (RowSet             *set,
                                          SummitStore        *store,
                                          gint64              edition_id,
                                          const char         *host_country,
                                          const gint64       *person_ids,
                                          guint               n_ids);
GArray    *summit_people_rows_differ     (RowSet             *before,
                                          RowSet             *after);

Sorted    *summit_people_sort_rows       (RowSet             *set,
                                          GPtrArray          *from,
                                          SummitPeopleSort    sort,
                                          gboolean            descending,
                                          gboolean            awaiting);
GPtrArray *summit_people_filter_rows     (GPtrArray          *rows,
                                          const Params       *params);
GPtrArray *summit_people_filter_sorted   (RowSet             *set,
                                          Sorted             *sorted,
                                          const Params       *params);

GPtrArray *summit_people_place_changed   (RowSet             *old,
                                          RowSet             *set,
                                          const gint64       *ids,
                                          guint               n_ids,
                                          Sorted            **by_name,
                                          Sorted            **sorted,
                                          GPtrArray          *visible,
                                          const Params       *params);

void       summit_people_params_clear    (Params             *params);
void       summit_people_params_copy     (Params             *dest,
                                          const Params       *src);
gboolean   summit_people_params_equal    (const Params       *a,
                                          const Params       *b);
gboolean   summit_people_params_narrow   (const Params       *before,
                                          const Params       *now);

G_END_DECLS
