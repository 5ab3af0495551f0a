/* summit-xml-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the XML import's own files: the checks of values taken out of the
 * schema (summit-xml-schema.c), a person as read (summit-xml.c), and the
 * thread that writes people (summit-xml-import-writer.c).
 */
#pragma once

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlregexp.h>

#include "summit-invitation.h"
#include "summit-store-import.h"
#include "summit-xml.h"

G_BEGIN_DECLS

/* Values checked here rather than by libxml2.
 *
 * libxml2 2.9 checks a datatype parameter (<param name="pattern">,
 * "maxLength", …) by building it anew for every value: it compiles the
 * regular expression of a pattern each time, for each of the fifteen values
 * of every person, whereas the structure — which elements and attributes,
 * in which order, which fixed values — is cheap to validate.
 *
 * So load_schema() hands libxml2 the schema with the parameters of the five
 * defines below replaced by <text/>, and import checks every attribute that
 * refers to one of them with the same parameters: lengths in characters, and
 * the pattern compiled once by libxml2's own regular expression engine (the
 * one its schema code uses, compiled per value there) or, where PCRE reads
 * the pattern alike, by GLib's (see translate_pattern()). Together they
 * accept exactly the language of data/summit-planner.rng, which stays the
 * format as published. The defines are read from the schema itself (which element,
 * which attribute, which limits); if the schema ever says anything these
 * checks do not implement, nothing is replaced and libxml2 checks it all.
 * tests/test-xml.c holds the values that prove both ways agree. */
typedef enum
{
  VALUE_UID,        /* minLength, maxLength, pattern [A-Za-z0-9._:\-]+ */
  VALUE_TEXT,       /* maxLength (characters) */
  VALUE_COUNTRY,    /* pattern [A-Z][A-Z] */
  VALUE_INSTANT,    /* pattern 0000-00-00T00:00:00Z, digits in place of 0 */
  VALUE_DAY,        /* pattern 0000-00-00 */
  N_VALUE_KINDS
} ValueKind;

typedef struct
{
  gint64 min_length[N_VALUE_KINDS];   /* in characters; -1: none */
  gint64 max_length[N_VALUE_KINDS];
  xmlRegexpPtr pattern[N_VALUE_KINDS]; /* the schema's, compiled once by libxml2 */
  GRegex *fast_pattern[N_VALUE_KINDS]; /* the same, where PCRE reads it alike; or NULL */
  GRegex *fast_list[N_VALUE_KINDS];    /* …for values each followed by LIST_END */
  GHashTable *elements;               /* element name → (attribute name → ValueKind + 1) */
} ValueChecks;

void          value_checks_free  (ValueChecks        *checks);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ValueChecks, value_checks_free)

/* A character no value holds (XML forbids it), which ends each value of a
 * list matched in one go with a fast_list pattern. */
#define LIST_END '\x01'

gboolean      value_is_valid     (const ValueChecks  *checks,
                                  ValueKind           kind,
                                  const char         *value,
                                  gboolean            pattern_holds);
char         *value_problem      (const ValueChecks  *checks,
                                  ValueKind           kind,
                                  const char         *name,
                                  const char         *value);
xmlRelaxNGPtr load_schema        (gboolean            streamline,
                                  ValueChecks       **checks,
                                  GError            **error);

/* A person's attributes as the file gives them (SUMMIT_PERSON_N_ATTRIBUTES:
 * the fields, then the two times), as text. */
typedef struct
{
  const char *values[SUMMIT_PERSON_N_ATTRIBUTES];   /* NULL: absent */
  int         lengths[SUMMIT_PERSON_N_ATTRIBUTES];  /* in bytes */
  guint8      order[SUMMIT_PERSON_N_ATTRIBUTES];    /* the attributes present, in the file's order */
  guint8      n_present;
  int         line;          /* the parser's position after the start tag… */
  int         column;
  int         tag_line;      /* …and where the tag starts, as where() says */
  int         tag_column;
} PersonRow;

char     *person_row_problem (const ValueChecks *checks,
                              const int         *kinds,
                              const gboolean    *patterns_hold,
                              const PersonRow   *row,
                              gint64            *created,
                              gint64            *updated);
GError   *located_error      (int                code,
                              const char        *name,
                              int                line,
                              int                column,
                              const char        *message);
/* Whether @error is the database's, not the file's: busy, unwritable,
 * damaged or missing tables. */
gboolean  is_database_error  (const GError      *error);

/* People are written by a second thread.
 *
 * Reading and validating people and inserting them each take about half of
 * an import; on two cores they overlap. The reader (the
 * importing thread) parses, validates the structure and hands people over
 * in batches, their attributes as the file has them; the writer checks
 * their values (ValueChecks, and the times as times) and inserts them into
 * the same transaction, in file order. Parsing is the larger share, so the
 * writer takes whatever can move. Anything else in the file — editions,
 * invitations, sessions, figures, which look people up — waits until the
 * writer has caught up, so that the database is only ever used by one
 * thread at a time. The first problem in the file is the one reported: the
 * writer's, if it finds one, comes before anything the reader has found
 * since (import_reader() waits for it). The commit, or the rollback, comes
 * after the writer has finished and the whole file has been validated: all
 * or nothing, as before. */

/* A batch is handed over at 256 people or 512 kB of text, whichever comes
 * first, and at most four are in flight: that bounds the memory an import
 * takes, even for people with 100,000-character notes. */
#define BATCH_ROWS 256
#define BATCH_BYTES (512 * 1024)
#define MAX_BATCHES 4
#define WRITE_BACK_BATCHES 32

typedef struct
{
  GStringChunk *chunk;   /* the rows' text */
  gsize         bytes;   /* in chunk */
  GArray       *rows;    /* PersonRow */
} Batch;

typedef struct
{
  SummitStore        *store;
  const char         *name;
  GThread            *thread;
  GAsyncQueue        *full;       /* Batch*: to write; &stop_batch ends the thread */
  GAsyncQueue        *empty;      /* Batch*: written, to fill again */
  guint               n_batches;
  Batch              *current;    /* being filled by the reader */
  GMutex              lock;
  GCond               idle;
  guint               pending;    /* batches handed over and not yet written */
  GError             *error;      /* the first failure, as FILE:LINE:COL: reason */
  SummitImportCounts  counts;     /* the writer's, until it is joined */
  SummitPersonMerge  *merge;      /* prepared once for the whole import */
  const ValueChecks  *checks;     /* NULL: libxml2 checked the values */
  int                 kinds[SUMMIT_PERSON_N_ATTRIBUTES];   /* ValueKind of each attribute, or -1 */
  gboolean            patterns_hold[SUMMIT_PERSON_N_ATTRIBUTES];   /* for every row of the batch */
  GString            *list;       /* values matched in one go */
  gint64              now;        /* a time the file leaves out */
  guint               n_written;  /* batches */
} Writer;

gboolean writer_start (Writer             *w,
                       SummitStore        *store,
                       const char         *name,
                       const ValueChecks  *checks,
                       gint64              now,
                       GError            **error);
Batch   *writer_batch (Writer             *w);
GError  *writer_flush (Writer             *w);
GError  *writer_sync  (Writer             *w);
void     writer_stop  (Writer             *w);

/* An import in progress (summit-xml.c). */
typedef struct
{
  SummitStore         *store;
  xmlTextReaderPtr     reader;
  const char          *name;
  GCancellable        *cancellable;
  SummitImportReport  *report;

  /* The first problem: libxml2's or ours. */
  GError              *error;

  SummitEdition       *edition;
  SummitPanel         *panel;
  gint64               invitation_id;
  SummitMergeChange    invitation_change;
  SummitInvitationStatus invitation_status;
  guint                invitation_events;
  gboolean             root_closed;
  GHashTable          *seen;          /* "kind:key" → line of its first occurrence */
  GBytes              *bytes;         /* the data, or NULL: the file @name */
  gboolean             quiet;         /* libxml2's errors are not the import's */
  gint64               now;
  const ValueChecks   *checks;        /* NULL: libxml2 checks every value itself */
  GHashTable          *interned_checks;   /* ValueChecks' elements, by interned names */
  GHashTable          *person_checks;     /* those of <person>, by text and by address */
  GHashTable          *person_interned;
  Writer               writer;

  /* Names as the reader's dictionary holds them: attribute names are
   * compared by address first (see person_slot()). */
  const xmlChar       *slot_names[SUMMIT_PERSON_N_ATTRIBUTES];
} ImportContext;

void     fail_at             (ImportContext  *ctx,
                              int             code,
                              int             line,
                              int             column,
                              const char     *format,
                              ...) G_GNUC_PRINTF (5, 6);
/* Called by libxml2 with each of its errors (summit-xml-errors.c). */
void     structured_error_cb (void           *user_data,
                              xmlErrorPtr     error);
gboolean find_doctype        (ImportContext  *ctx,
                              int            *line,
                              int            *column);

G_END_DECLS
