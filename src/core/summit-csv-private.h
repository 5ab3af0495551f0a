/* summit-csv-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the CSV reader's files only: a preview's rows, as read and matched.
 */
#pragma once

#include "summit-csv.h"

G_BEGIN_DECLS

typedef struct
{
  guint           line;
  gboolean        valid;
  SummitPerson   *person;
  SummitCsvMatch  match;
  GArray         *candidates;   /* gint64: people it may be, when it has no uid */
  gint64          choice;       /* a person's id, or SUMMIT_CSV_CHOICE_ADD or _LEAVE */
  gboolean        chosen;       /* by someone, not by the matching */
} Row;

struct _SummitCsvPreview
{
  char      *name;
  GPtrArray *rows;        /* Row */
  GPtrArray *problems;    /* SummitCsvProblem */
  GPtrArray *unknown;     /* char*, NULL-terminated */
  guint      n_invalid;
  gboolean   has_column[SUMMIT_PERSON_N_FIELDS];
};

char *summit_csv_fold_part (const char *text);

G_END_DECLS
