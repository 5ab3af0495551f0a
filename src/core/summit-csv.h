/* summit-csv.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "summit-person.h"
#include "summit-store.h"
#include "summit-xml.h"

G_BEGIN_DECLS

#define SUMMIT_CSV_ERROR (summit_csv_error_quark ())

typedef enum
{
  SUMMIT_CSV_ERROR_INVALID,     /* the file as a whole cannot be read as CSV of people */
  SUMMIT_CSV_ERROR_ROWS,        /* some rows are invalid and skipping them was not asked for */
  SUMMIT_CSV_ERROR_IO,
  SUMMIT_CSV_ERROR_CANCELLED,
} SummitCsvError;

/* One problem, found before anything is written. */
typedef struct
{
  guint  line;      /* where the row starts in the file, from 1 */
  guint  row;       /* the data row it belongs to, or G_MAXUINT for the file as a whole */
  char  *message;   /* "LINE: what", without the file name */
} SummitCsvProblem;

typedef struct _SummitCsvPreview SummitCsvPreview;

/* How a row meets the people already in the database. */
typedef enum
{
  SUMMIT_CSV_MATCH_NEW,        /* no uid and nobody like them: added */
  SUMMIT_CSV_MATCH_UID,        /* a uid: that person updated, or added under it */
  SUMMIT_CSV_MATCH_ONE,        /* no uid; one person with the same name and city, or email */
  SUMMIT_CSV_MATCH_AMBIGUOUS,  /* no uid; several such people: someone chooses */
} SummitCsvMatch;

/* What to do with a row without a uid: a person's id, or one of these. */
#define SUMMIT_CSV_CHOICE_ADD   0
#define SUMMIT_CSV_CHOICE_LEAVE (-1)

GQuark            summit_csv_error_quark              (void);

SummitCsvPreview *summit_csv_preview_file             (const char          *path,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
SummitCsvPreview *summit_csv_preview_bytes            (GBytes              *bytes,
                                                       const char          *name,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void              summit_csv_preview_free             (SummitCsvPreview    *preview);
const char       *summit_csv_preview_get_name         (SummitCsvPreview    *preview);
guint             summit_csv_preview_get_n_rows       (SummitCsvPreview    *preview);
guint             summit_csv_preview_get_n_invalid    (SummitCsvPreview    *preview);
gboolean          summit_csv_preview_row_is_valid     (SummitCsvPreview    *preview,
                                                       guint                row);
guint             summit_csv_preview_row_line         (SummitCsvPreview    *preview,
                                                       guint                row);
SummitPerson     *summit_csv_preview_get_person       (SummitCsvPreview    *preview,
                                                       guint                row);
GPtrArray        *summit_csv_preview_get_problems     (SummitCsvPreview    *preview);
const char * const *
                  summit_csv_preview_get_unknown_columns (SummitCsvPreview *preview);

gboolean          summit_csv_preview_match            (SummitCsvPreview    *preview,
                                                       SummitStore         *store,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
SummitCsvMatch    summit_csv_preview_get_match        (SummitCsvPreview    *preview,
                                                       guint                row,
                                                       const gint64       **candidates,
                                                       guint               *n_candidates);
gint64            summit_csv_preview_get_choice       (SummitCsvPreview    *preview,
                                                       guint                row);
void              summit_csv_preview_set_choice       (SummitCsvPreview    *preview,
                                                       guint                row,
                                                       gint64               choice);
guint             summit_csv_preview_count_matches    (SummitCsvPreview    *preview,
                                                       SummitCsvMatch       match);
GPtrArray        *summit_csv_preview_dup_left_out     (SummitCsvPreview    *preview,
                                                       SummitStore         *store);
char             *summit_csv_report_matches_to_string (const SummitImportReport *report);

gboolean          summit_csv_import_preview           (SummitStore         *store,
                                                       SummitCsvPreview    *preview,
                                                       gboolean             skip_invalid,
                                                       SummitProgressFunc   progress,
                                                       gpointer             progress_data,
                                                       SummitImportReport  *report,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean          summit_csv_import_file              (SummitStore         *store,
                                                       const char          *path,
                                                       gboolean             skip_invalid,
                                                       SummitImportReport  *report,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean          summit_csv_export_stream            (SummitStore         *store,
                                                       GOutputStream       *stream,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
gboolean          summit_csv_export_file              (SummitStore         *store,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

gboolean          summit_csv_needs_formula_guard      (const char          *value);
void              summit_csv_append_field             (GString             *out,
                                                       const char          *value,
                                                       gboolean             last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitCsvPreview, summit_csv_preview_free)

G_END_DECLS
