/* summit-store-import.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-person.h"
#include "summit-statistics.h"
#include "summit-store.h"

G_BEGIN_DECLS

/* What an import did, by kind of record. */
typedef enum
{
  SUMMIT_IMPORT_PEOPLE,
  SUMMIT_IMPORT_EDITIONS,
  SUMMIT_IMPORT_INVITATIONS,
  SUMMIT_IMPORT_SESSIONS,
  SUMMIT_IMPORT_STATISTICS,
  SUMMIT_IMPORT_N_KINDS
} SummitImportKind;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} SummitImportCounts;

typedef struct
{
  SummitImportCounts counts[SUMMIT_IMPORT_N_KINDS];
  guint              skipped;   /* rows left out on request (CSV) */
  guint              matched;   /* CSV rows without a uid that updated someone known */
  guint              left;      /* CSV rows left out: several people match, none chosen */
} SummitImportReport;

/* What a merge did to one record. */
typedef enum
{
  SUMMIT_MERGE_UNCHANGED,
  SUMMIT_MERGE_ADDED,
  SUMMIT_MERGE_UPDATED,
} SummitMergeChange;

/* One person to merge, as an import reads it: the fields as text (none
 * NULL, the uid not empty), their lengths in bytes (or NULL: up to the
 * nul) and the times (not 0). The strings are only read during the merge. */
typedef struct
{
  const char *fields[SUMMIT_PERSON_N_FIELDS];
  const int  *lengths;
  gint64      created;
  gint64      updated;
  gconstpointer tag;    /* summit_store_person_merge_get_failed() gives it back */
} SummitPersonMergeRow;

/* The statements of a merge of many people, prepared once for an import. */
typedef struct _SummitPersonMerge SummitPersonMerge;

char     *summit_import_report_to_string      (const SummitImportReport *report);

SummitPersonMerge *summit_store_person_merge_new (SummitStore              *store,
                                                  GError                  **error);
gboolean  summit_store_person_merge_add        (SummitPersonMerge          *merge,
                                                const SummitPersonMergeRow *row,
                                                SummitImportCounts         *counts,
                                                GError                    **error);
gboolean  summit_store_person_merge_add_person (SummitPersonMerge          *merge,
                                                SummitPerson               *person,
                                                gconstpointer               tag,
                                                SummitImportCounts         *counts,
                                                GError                    **error);
gboolean  summit_store_person_merge_flush      (SummitPersonMerge          *merge,
                                                GError                    **error);
gconstpointer summit_store_person_merge_get_failed (SummitPersonMerge      *merge);
void      summit_store_person_merge_free       (SummitPersonMerge          *merge);

gboolean  summit_store_merge_edition           (SummitStore                *store,
                                                SummitEdition              *edition,
                                                SummitImportCounts         *counts,
                                                GError                    **error);
gboolean  summit_store_merge_invitation        (SummitStore                *store,
                                                gint64                      person_id,
                                                gint64                      edition_id,
                                                const char                 *status,
                                                gint64                      updated,
                                                SummitMergeChange          *change,
                                                gint64                     *invitation_id,
                                                GError                    **error);
gboolean  summit_store_merge_invitation_event  (SummitStore                *store,
                                                gint64                      invitation_id,
                                                gint64                      at,
                                                const char                 *from,
                                                const char                 *to,
                                                const char                 *channel,
                                                const char                 *note,
                                                SummitMergeChange          *change,
                                                GError                    **error);
gboolean  summit_store_invitation_has_events   (SummitStore                *store,
                                                gint64                      invitation_id,
                                                gboolean                   *has_events,
                                                GError                    **error);
gboolean  summit_store_touch_invitation        (SummitStore                *store,
                                                gint64                      invitation_id,
                                                GError                    **error);
gboolean  summit_store_merge_panel             (SummitStore                *store,
                                                SummitPanel                *panel,
                                                SummitImportCounts         *counts,
                                                GError                    **error);
gboolean  summit_store_merge_year_statistic    (SummitStore                *store,
                                                SummitYearStatistic        *statistic,
                                                SummitImportCounts         *counts,
                                                GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitPersonMerge, summit_store_person_merge_free)

G_END_DECLS
