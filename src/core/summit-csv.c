/* summit-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People in and out as CSV (RFC 4180), through libcsv: UTF-8 with or without
 * a byte order mark, quoted fields with commas, quotes and line breaks in
 * them, CRLF or LF, header names in any order and case.
 *
 * Importing is two steps. The preview reads the whole file and lists every
 * problem by line without touching the database; the import then writes the
 * valid rows (or refuses, if there are invalid ones and skipping them was not
 * asked for) in one transaction.
 */
#define G_LOG_DOMAIN "summit-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "summit-csv.h"
#include "summit-store-people.h"
#include "summit-store-private.h"
#include "summit-file.h"
#include "summit-people.h"
#include "summit-text.h"
#include "summit-time.h"

G_DEFINE_QUARK (summit-csv-error-quark, summit_csv_error)

/* The columns: the person's text fields, then two times. */
enum
{
  COLUMN_CREATED = SUMMIT_PERSON_ATTRIBUTE_CREATED,
  COLUMN_UPDATED = SUMMIT_PERSON_ATTRIBUTE_UPDATED,
  N_COLUMNS = SUMMIT_PERSON_N_ATTRIBUTES
};

#define MAX_FIELD_LENGTH 100000
/* Beyond these a file is refused as a whole, before it costs much memory:
 * a record is read into memory whole, and all of a header's columns. */
#define MAX_RECORD_BYTES (4 * 1024 * 1024)
#define MAX_UNKNOWN_COLUMNS 64
/* libcsv is fed this much at a time, so that a limit stops it early. */
#define FEED_BYTES (64 * 1024)

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

typedef struct
{
  SummitCsvPreview *preview;
  GCancellable     *cancellable;
  GPtrArray        *fields;       /* char*, the record being read */
  GArray           *field_lens;   /* gsize */
  GArray           *columns;      /* int: header position → column, or -1 */
  GHashTable       *uids;         /* uid → line */
  guint             line;
  guint             record_line;
  gsize             record_bytes;  /* what the record being read holds in memory */
  guint             header_unknown;
  gboolean          have_header;
  GError           *error;
} Parser;

/* Auxiliary methods */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->person);
  g_clear_pointer (&row->candidates, g_array_unref);
  g_free (row);
}

static void
problem_free (gpointer data)
{
  SummitCsvProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

/* "Given name", "GIVEN_NAME", " given-name " → a column, or -1. */
static int
column_from_header (const char *header)
{
  static const struct { const char *alias; int column; } aliases[] = {
    { "first-name", SUMMIT_PERSON_GIVEN_NAME },
    { "forename", SUMMIT_PERSON_GIVEN_NAME },
    { "last-name", SUMMIT_PERSON_FAMILY_NAME },
    { "surname", SUMMIT_PERSON_FAMILY_NAME },
    { "title", SUMMIT_PERSON_HONORIFIC },
    { "organization", SUMMIT_PERSON_ORGANISATION },
    { "e-mail", SUMMIT_PERSON_EMAIL },
    { "time-zone", SUMMIT_PERSON_TIMEZONE },
    { "id", SUMMIT_PERSON_UID },
  };
  g_autofree char *down = NULL;

  down = g_utf8_strdown (header, -1);
  g_strstrip (down);
  for (char *p = down; *p; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';

  for (int c = 0; c < N_COLUMNS; c++)
    if (strcmp (down, summit_person_attribute_name (c)) == 0)
      return c;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (down, aliases[i].alias) == 0)
      return aliases[i].column;
  return -1;
}

static void
add_problem (Parser     *parser,
             guint       line,
             guint       row,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Parser     *parser,
             guint       line,
             guint       row,
             const char *format,
             ...)
{
  SummitCsvProblem *problem = g_new0 (SummitCsvProblem, 1);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (text, "\r\n", ' ');   /* a value quoted in it: still one line */

  problem->line = line;
  problem->row = row;
  /* Translators: a problem in a CSV file: "LINE: what is wrong" */
  problem->message = g_strdup_printf (_("%u: %s"), line, text);
  g_ptr_array_add (parser->preview->problems, problem);
}

static void
fail (Parser     *parser,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Parser     *parser,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (parser->error != NULL)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (text, "\r\n", ' ');
  parser->error = g_error_new (SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_INVALID, "%s:%u: %s",
                               parser->preview->name, line, text);
}

static gboolean
valid_uid (const char *uid)
{
  gsize len = strlen (uid);

  if (len < 1 || len > 64)
    return FALSE;
  for (const char *p = uid; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("._:-", *p))
      return FALSE;
  return TRUE;
}

/* A record's time, only one after 1970 (0 stands for a time
 * the row leaves out). */
static gboolean
parse_instant (const char *text,
               gint64     *out)
{
  return summit_time_parse_instant (text, out) && *out > 0;
}

/* The ' that summit_csv_needs_formula_guard() put in front on export. */
static gboolean
has_formula_guard (const char *value)
{
  return value[0] == '\'' && summit_csv_needs_formula_guard (value + 1);
}

static void
read_header (Parser *parser)
{
  gboolean seen[N_COLUMNS] = { FALSE };
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < parser->fields->len; i++)
    {
      const char *name = g_ptr_array_index (parser->fields, i);
      gsize len = g_array_index (parser->field_lens, gsize, i);
      int column;

      if (!g_utf8_validate (name, len, NULL))
        {
          fail (parser, parser->record_line, "%s",
                _("the header is not valid UTF-8; save the file as UTF-8 CSV"));
          return;
        }
      column = column_from_header (name);
      if (column >= 0 && seen[column])
        {
          fail (parser, parser->record_line, _("the column “%s” appears twice in the header"),
                summit_person_attribute_name (column));
          return;
        }
      if (column >= 0)
        seen[column] = TRUE;
      else if (*name != '\0')
        {
          g_ptr_array_add (unknown, g_strdup (name));
          add_problem (parser, parser->record_line, G_MAXUINT,
                       _("the column “%s” is not known and will be ignored"), name);
        }
      g_array_append_val (parser->columns, column);
    }

  if (!seen[SUMMIT_PERSON_GIVEN_NAME] && !seen[SUMMIT_PERSON_FAMILY_NAME] &&
      !seen[SUMMIT_PERSON_NATIVE_NAME])
    {
      fail (parser, parser->record_line, "%s",
            _("the first line must name the columns, including at least one of given-name, "
              "family-name or native-name"));
      return;
    }

  for (guint i = 0; i < unknown->len; i++)
    g_ptr_array_add (parser->preview->unknown, g_strdup (g_ptr_array_index (unknown, i)));
  parser->have_header = TRUE;
}

/* Makes @value as a spreadsheet may write it ready for @column: spaces
 * around codes and names dropped, a kind in lower case, a country in upper. */
static void
normalise_value (int   column,
                 char *value)
{
  switch (column)
    {
    case SUMMIT_PERSON_UID:
    case SUMMIT_PERSON_TIMEZONE:
    case SUMMIT_PERSON_EMAIL:
    case SUMMIT_PERSON_LETTER_LANGUAGE:
      g_strstrip (value);
      break;
    case SUMMIT_PERSON_POSITION_KIND:
      g_strstrip (value);
      for (char *p = value; *p; p++)   /* "Mayor" as a spreadsheet capitalises it */
        *p = g_ascii_tolower (*p);
      break;
    case SUMMIT_PERSON_COUNTRY:
      g_strstrip (value);
      if (strlen (value) == 2)
        for (char *p = value; *p; p++)
          *p = g_ascii_toupper (*p);
      break;
    default:
      break;
    }
}

/* A uid may be left out, but one given is a file's own: written with
 * letters, digits and . _ : -, and not twice in the file. */
static void
read_uid (Parser     *parser,
          guint       row_index,
          const char *uid)
{
  guint line = parser->record_line;
  gpointer first;

  if (*uid == '\0')
    return;
  if (!valid_uid (uid))
    add_problem (parser, line, row_index,
                 _("the uid “%s” may only hold letters, digits and . _ : - (at most 64)"), uid);
  else if ((first = g_hash_table_lookup (parser->uids, uid)) != NULL)
    add_problem (parser, line, row_index, _("the uid “%s” was already used on line %u"),
                 uid, GPOINTER_TO_UINT (first));
  else
    g_hash_table_insert (parser->uids, g_strdup (uid), GUINT_TO_POINTER (line));
}

/* Reads field @value (@len bytes) of @column into @person, or @times (the
 * created and updated columns); what cannot be read is a problem of the
 * row. Whether the person is valid is the person's own check's to say. */
static void
read_value (Parser       *parser,
            guint         row_index,
            int           column,
            char         *value,
            gsize         len,
            SummitPerson *person,
            gint64        times[2])
{
  guint line = parser->record_line;

  if (!g_utf8_validate (value, len, NULL))
    {
      add_problem (parser, line, row_index,
                   _("%s is not valid UTF-8 text; save the file as UTF-8 CSV"),
                   summit_person_attribute_name (column));
      return;
    }
  if (len > MAX_FIELD_LENGTH)
    {
      add_problem (parser, line, row_index,
                   g_dngettext (GETTEXT_PACKAGE, "%s is longer than %u character",
                                "%s is longer than %u characters", MAX_FIELD_LENGTH),
                   summit_person_attribute_name (column), MAX_FIELD_LENGTH);
      return;
    }

  if (has_formula_guard (value))
    memmove (value, value + 1, len);   /* the NUL too */
  normalise_value (column, value);

  if (column == COLUMN_CREATED || column == COLUMN_UPDATED)
    {
      if (*value && !parse_instant (value, &times[column - COLUMN_CREATED]))
        add_problem (parser, line, row_index,
                     _("%s “%s” is not a time such as 2020-08-13T07:00:00Z"),
                     summit_person_attribute_name (column), value);
      return;
    }
  if (column == SUMMIT_PERSON_UID)
    read_uid (parser, row_index, value);
  summit_person_set_field (person, column, value);
}

/* The person's own validation (summit_person_validate_field()), field by
 * field so that every problem of the row is listed, each once. */
static void
validate_person (Parser       *parser,
                 guint         row_index,
                 SummitPerson *person)
{
  g_autofree char *last = NULL;

  for (guint field = 0; field < SUMMIT_PERSON_N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;

      if (summit_person_validate_field (person, field, &error) ||
          g_strcmp0 (error->message, last) == 0)
        continue;
      add_problem (parser, parser->record_line, row_index, "%s", error->message);
      g_free (last);
      last = g_strdup (error->message);
    }
}

static void
read_row (Parser *parser)
{
  SummitCsvPreview *preview = parser->preview;
  g_autoptr(SummitPerson) person = summit_person_new ();
  guint row_index = preview->rows->len;
  guint n_problems = preview->problems->len;
  gint64 times[2] = { 0, 0 };   /* created, updated */
  gboolean empty = TRUE;
  Row *row;

  for (guint i = 0; i < parser->fields->len; i++)
    if (g_array_index (parser->field_lens, gsize, i) > 0)
      empty = FALSE;
  if (empty)
    return;   /* a blank line, or a spreadsheet's row of empty cells */

  if (parser->fields->len > parser->columns->len)
    add_problem (parser, parser->record_line, row_index,
                 g_dngettext (GETTEXT_PACKAGE, "this row has %u field, but the header has %u",
                              "this row has %u fields, but the header has %u", parser->fields->len),
                 parser->fields->len, parser->columns->len);

  for (guint i = 0; i < MIN (parser->fields->len, parser->columns->len); i++)
    {
      int column = g_array_index (parser->columns, int, i);

      if (column >= 0)
        read_value (parser, row_index, column, g_ptr_array_index (parser->fields, i),
                    g_array_index (parser->field_lens, gsize, i), person, times);
    }
  validate_person (parser, row_index, person);

  summit_person_set_times (person, times[0], times[1] ? times[1] : times[0]);

  row = g_new0 (Row, 1);
  row->line = parser->record_line;
  row->valid = preview->problems->len == n_problems;
  row->person = g_steal_pointer (&person);
  if (!row->valid)
    preview->n_invalid++;
  g_ptr_array_add (preview->rows, row);
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Parser *parser = user_data;
  const char *s = data ? data : "";

  if (parser->record_line == 0)
    {
      guint newlines = 0;

      for (gsize i = 0; i < len; i++)
        newlines += s[i] == '\n';
      parser->record_line = parser->line - newlines;
    }
  if (parser->error != NULL)
    return;
  g_ptr_array_add (parser->fields, g_strndup (s, len));
  g_array_append_val (parser->field_lens, len);
  parser->record_bytes += len + 2 * sizeof (gpointer);

  /* A header naming many columns we do not know is not one of people:
   * said as soon as it is clear, naming the first few. */
  if (!parser->have_header && len > 0 && g_utf8_validate (s, len, NULL) &&
      column_from_header (s) < 0 &&
      ++parser->header_unknown > MAX_UNKNOWN_COLUMNS)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint shown = 0;

      for (guint i = 0; i < parser->fields->len && shown < 5; i++)
        {
          const char *name = g_ptr_array_index (parser->fields, i);

          if (*name == '\0' || !g_utf8_validate (name, -1, NULL) ||
              column_from_header (name) >= 0)
            continue;
          if (shown++ > 0)
            g_string_append (names, ", ");
          g_string_append_printf (names, "“%.40s”", name);
        }
      fail (parser, parser->record_line,
            _("the header has more than %u columns that are not known (%s, …); "
              "is this a CSV file of people?"),
            MAX_UNKNOWN_COLUMNS, names->str);
    }
}

static void
record_cb (int   c,
           void *user_data)
{
  Parser *parser = user_data;

  if (parser->error == NULL && parser->fields->len > 0)
    {
      if (!parser->have_header)
        read_header (parser);
      else
        read_row (parser);
    }
  g_ptr_array_set_size (parser->fields, 0);
  g_array_set_size (parser->field_lens, 0);
  parser->record_line = 0;
  parser->record_bytes = 0;
}

static SummitCsvPreview *
preview_new (const char *name)
{
  SummitCsvPreview *preview = g_new0 (SummitCsvPreview, 1);

  preview->name = g_strdup (name);
  preview->rows = g_ptr_array_new_with_free_func (row_free);
  preview->problems = g_ptr_array_new_with_free_func (problem_free);
  preview->unknown = g_ptr_array_new_with_free_func (g_free);
  return preview;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SummitCsvProblem *pa = *(SummitCsvProblem **)a;
  const SummitCsvProblem *pb = *(SummitCsvProblem **)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* Reading CSV of people in pieces, from memory or from a file. */
typedef struct
{
  SummitCsvPreview  *preview;
  struct csv_parser  csv;
  Parser             parser;
  gboolean           started;   /* a byte order mark was looked for */
  gboolean           any;       /* anything after it */
} Reader;

static gboolean
reader_init (Reader       *reader,
             const char   *name,
             GCancellable *cancellable,
             GError      **error)
{
  if (csv_init (&reader->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, "%s", _("Out of memory"));
      return FALSE;
    }
  reader->preview = preview_new (name);
  reader->parser.preview = reader->preview;
  reader->parser.cancellable = cancellable;
  reader->parser.fields = g_ptr_array_new_with_free_func (g_free);
  reader->parser.field_lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->parser.columns = g_array_new (FALSE, FALSE, sizeof (int));
  reader->parser.uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->parser.line = 1;
  return TRUE;
}

/* Feeds @size bytes to libcsv, a line (or FEED_BYTES) at a time so that
 * every record knows where it started and an endless one is stopped early.
 * FALSE once there is an error. */
static gboolean
reader_feed (Reader     *reader,
             const char *data,
             gsize       size)
{
  Parser *parser = &reader->parser;
  const char *end = data + size;
  const char *p = data;

  if (!reader->started && size > 0)
    {
      reader->started = TRUE;
      if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    }
  reader->any = reader->any || p < end;

  while (p < end && parser->error == NULL)
    {
      const char *nl = memchr (p, '\n', MIN ((gsize)(end - p), FEED_BYTES));
      const char *stop = nl ? nl + 1 : MIN (end, p + FEED_BYTES);

      if (csv_parse (&reader->csv, p, stop - p, field_cb, record_cb, parser) !=
          (size_t)(stop - p))
        {
          fail (parser, parser->line, "%s",
                csv_error (&reader->csv) == CSV_EPARSE
                ? _("a quote in the middle of a field; a field with quotes in it must be quoted "
                    "whole, with each quote doubled")
                : _("the line could not be read"));
          break;
        }
      if (parser->error == NULL &&
          reader->csv.entry_pos + parser->record_bytes > MAX_RECORD_BYTES)
        {
          fail (parser, parser->record_line ? parser->record_line : parser->line,
                _("this record is longer than %u MB; is this a CSV file of people?"),
                MAX_RECORD_BYTES / (1024 * 1024));
          break;
        }
      p = stop;
      if (nl != NULL)
        {
          parser->line++;
          if (parser->line % 1024 == 0 &&
              g_cancellable_set_error_if_cancelled (parser->cancellable, &parser->error))
            break;
        }
    }
  return parser->error == NULL;
}

/* Frees what reading took; returns the preview, or %NULL with @error set. */
static SummitCsvPreview *
reader_finish (Reader  *reader,
               GError **error)
{
  g_autoptr(SummitCsvPreview) preview = g_steal_pointer (&reader->preview);
  Parser *parser = &reader->parser;

  if (parser->error == NULL && !reader->any)
    fail (parser, 1, "%s", _("the file is empty"));
  if (parser->error == NULL &&
      csv_fini (&reader->csv, field_cb, record_cb, parser) != 0)
    fail (parser, parser->line, "%s",
          _("the file ends inside a quoted field; a closing quote is missing"));
  if (parser->error == NULL && !parser->have_header)
    fail (parser, 1, "%s", _("the file has no header line"));

  csv_free (&reader->csv);
  for (guint i = 0; i < parser->columns->len; i++)
    {
      int column = g_array_index (parser->columns, int, i);
      if (column >= 0 && column < SUMMIT_PERSON_N_FIELDS)
        preview->has_column[column] = TRUE;
    }
  g_ptr_array_unref (parser->fields);
  g_array_unref (parser->field_lens);
  g_array_unref (parser->columns);
  g_hash_table_unref (parser->uids);

  if (parser->error != NULL)
    {
      g_propagate_error (error, parser->error);
      return NULL;
    }

  g_ptr_array_sort (preview->problems, compare_problems);   /* stable: rows stay in order */
  g_ptr_array_add (preview->unknown, NULL);
  return g_steal_pointer (&preview);
}

/* Public API */

/**
 * summit_csv_preview_bytes:
 * @name: the name to use in messages
 *
 * Reads CSV data without writing anything anywhere.
 *
 * Returns: (transfer full): the rows and every problem found, or %NULL with
 *   @error set ("NAME:LINE: what") if the data cannot be read as CSV of people
 */
SummitCsvPreview *
summit_csv_preview_bytes (GBytes        *bytes,
                          const char    *name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  {
    Reader reader = { 0 };

    if (!reader_init (&reader, name, cancellable, error))
      return NULL;
    reader_feed (&reader, data, size);
    return reader_finish (&reader, error);
  }
}

/**
 * summit_csv_preview_file:
 *
 * Like summit_csv_preview_bytes(), for a file.
 */
SummitCsvPreview *
summit_csv_preview_file (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  Reader reader = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  if ((info = summit_file_query_importable (path, cancellable, &local_error)) == NULL)
    {
      g_set_error_literal (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, local_error->message);
      return NULL;
    }
  file = g_file_new_for_path (path);

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    {
      g_set_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, "%s:1: %s", path,
                   local_error->message);
      return NULL;
    }
  if (!reader_init (&reader, path, cancellable, error))
    return NULL;

  /* Streamed, so that a refusal costs little memory, however big the file. */
  buffer = g_malloc (FEED_BYTES);
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, FEED_BYTES, &n,
                                    cancellable, &local_error))
        {
          if (reader.parser.error == NULL)
            reader.parser.error = g_error_new (SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO,
                                               "%s:%u: %s", path, reader.parser.line,
                                               local_error->message);
          break;
        }
      if (n == 0 || !reader_feed (&reader, buffer, n))
        break;
    }
  return reader_finish (&reader, error);
}

void
summit_csv_preview_free (SummitCsvPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->name);
  g_ptr_array_unref (preview->rows);
  g_ptr_array_unref (preview->problems);
  g_ptr_array_unref (preview->unknown);
  g_free (preview);
}

const char *
summit_csv_preview_get_name (SummitCsvPreview *preview)
{
  return preview->name;
}

/**
 * summit_csv_preview_get_n_rows:
 *
 * Returns: the number of data rows (blank lines and the header not counted)
 */
guint
summit_csv_preview_get_n_rows (SummitCsvPreview *preview)
{
  return preview->rows->len;
}

guint
summit_csv_preview_get_n_invalid (SummitCsvPreview *preview)
{
  return preview->n_invalid;
}

gboolean
summit_csv_preview_row_is_valid (SummitCsvPreview *preview,
                                 guint             row)
{
  g_return_val_if_fail (row < preview->rows->len, FALSE);
  return ((Row *)g_ptr_array_index (preview->rows, row))->valid;
}

guint
summit_csv_preview_row_line (SummitCsvPreview *preview,
                             guint             row)
{
  g_return_val_if_fail (row < preview->rows->len, 0);
  return ((Row *)g_ptr_array_index (preview->rows, row))->line;
}

/**
 * summit_csv_preview_get_person:
 *
 * Returns: (transfer none): the person read from @row (possibly incomplete
 *   if the row is invalid)
 */
SummitPerson *
summit_csv_preview_get_person (SummitCsvPreview *preview,
                               guint             row)
{
  g_return_val_if_fail (row < preview->rows->len, NULL);
  return ((Row *)g_ptr_array_index (preview->rows, row))->person;
}

/**
 * summit_csv_preview_get_problems:
 *
 * Returns: (transfer none) (element-type SummitCsvProblem): every problem,
 *   by line; those with row %G_MAXUINT (unknown columns) only warn
 */
GPtrArray *
summit_csv_preview_get_problems (SummitCsvPreview *preview)
{
  return preview->problems;
}

/**
 * summit_csv_preview_get_unknown_columns:
 *
 * Returns: (transfer none): the header names that were not recognised
 */
const char * const *
summit_csv_preview_get_unknown_columns (SummitCsvPreview *preview)
{
  return (const char * const *)preview->unknown->pdata;
}

/* Matching rows without a uid to people already known */

static char *
fold_part (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* The keys a person is found by: name and city, native-script name and
 * city, email — each folded, so that case and spacing do not hide them. A
 * name without a city matches the same name without one. */
static guint
match_keys (const char *given,
            const char *family,
            const char *native,
            const char *city,
            const char *email,
            char       *keys[3])
{
  g_autofree char *f_city = fold_part (city);
  g_autofree char *f_given = fold_part (given);
  g_autofree char *f_family = fold_part (family);
  g_autofree char *f_native = fold_part (native);
  g_autofree char *f_email = fold_part (email);
  guint n = 0;

  if (*f_given || *f_family)
    keys[n++] = g_strdup_printf ("n\x1f%s\x1f%s\x1f%s", f_given, f_family, f_city);
  if (*f_native)
    keys[n++] = g_strdup_printf ("h\x1f%s\x1f%s", f_native, f_city);
  if (*f_email)
    keys[n++] = g_strdup_printf ("e\x1f%s", f_email);
  return n;
}

static void
index_add (GHashTable *index,
           char       *key,
           gint64      id)
{
  GArray *ids = g_hash_table_lookup (index, key);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (index, key, ids);
    }
  else
    g_free (key);
  if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id)
    g_array_append_val (ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Everyone's keys, read in one pass: a lookup per row after that. */
static GHashTable *
build_match_index (SummitStore   *store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_array_unref);
  SummitStmt *stmt;
  guint n = 0;
  int rc;

  stmt = summit_store_prepare (store,
                               "SELECT id, given_name, family_name, native_name, city, email"
                               " FROM person ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      char *keys[3];
      guint n_keys = match_keys (summit_stmt_column_text (stmt, 1),
                                 summit_stmt_column_text (stmt, 2),
                                 summit_stmt_column_text (stmt, 3),
                                 summit_stmt_column_text (stmt, 4),
                                 summit_stmt_column_text (stmt, 5), keys);

      for (guint k = 0; k < n_keys; k++)
        index_add (index, keys[k], summit_stmt_column_int64 (stmt, 0));
      if (++n % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  summit_stmt_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SUMMIT_STEP_DONE && rc != SUMMIT_STEP_ROW)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&index);
}

/**
 * summit_csv_preview_match:
 *
 * Finds, for each valid row without a uid, the people already in @store
 * with the same given and family name (or native-script name) in the same
 * city, or the same email, ignoring case. A row that matches one person, or
 * only one by both name and email, will update them; one that matches several is left out until someone
 * chooses (summit_csv_preview_set_choice()); one that matches nobody is
 * added. A choice someone made stays while it is still one of the row's.
 * Writes nothing.
 */
gboolean
summit_csv_preview_match (SummitCsvPreview  *preview,
                          SummitStore       *store,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (preview != NULL, FALSE);
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  index = build_match_index (store, cancellable, error);
  if (index == NULL)
    return FALSE;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *row = g_ptr_array_index (preview->rows, i);
      SummitPerson *p = row->person;
      char *keys[3];
      guint n_keys;
      gint64 chosen = row->choice;
      gint64 best = 0;
      guint best_score = 0, n_best = 0;

      g_clear_pointer (&row->candidates, g_array_unref);
      row->match = SUMMIT_CSV_MATCH_NEW;
      row->choice = SUMMIT_CSV_CHOICE_ADD;
      if (!row->valid)
        continue;
      if (*summit_person_get_uid (p) != '\0')
        {
          row->match = SUMMIT_CSV_MATCH_UID;
          continue;
        }

      row->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
      n_keys = match_keys (summit_person_get_given_name (p), summit_person_get_family_name (p),
                           summit_person_get_native_name (p), summit_person_get_city (p),
                           summit_person_get_field (p, SUMMIT_PERSON_EMAIL), keys);
      g_array_set_size (found, 0);
      for (guint k = 0; k < n_keys; k++)
        {
          GArray *ids = g_hash_table_lookup (index, keys[k]);

          if (ids != NULL)
            g_array_append_vals (found, ids->data, ids->len);
          g_free (keys[k]);
        }

      /* Each person once, with how many of the keys found them. */
      g_array_sort (found, compare_ids);
      for (guint j = 0, score; j < found->len; j += score)
        {
          gint64 id = g_array_index (found, gint64, j);

          for (score = 1; j + score < found->len &&
                          g_array_index (found, gint64, j + score) == id; score++)
            ;
          g_array_append_val (row->candidates, id);
          if (score > best_score)
            {
              best_score = score;
              best = id;
              n_best = 1;
            }
          else if (score == best_score)
            n_best++;
        }

      /* One person, or the only one found by both name and email. */
      if (row->candidates->len == 1 || (best_score > 1 && n_best == 1))
        {
          row->match = SUMMIT_CSV_MATCH_ONE;
          row->choice = best;
        }
      else if (row->candidates->len > 1)
        {
          row->match = SUMMIT_CSV_MATCH_AMBIGUOUS;
          row->choice = SUMMIT_CSV_CHOICE_LEAVE;
        }

      if (row->chosen && row->match != SUMMIT_CSV_MATCH_NEW)
        {
          gboolean still = chosen == SUMMIT_CSV_CHOICE_ADD || chosen == SUMMIT_CSV_CHOICE_LEAVE;

          for (guint c = 0; c < row->candidates->len && !still; c++)
            still = g_array_index (row->candidates, gint64, c) == chosen;
          if (still)
            row->choice = chosen;
          row->chosen = still;
        }
      else
        row->chosen = FALSE;
    }
  return TRUE;
}

/**
 * summit_csv_preview_get_match:
 * @candidates: (out) (optional) (array length=n_candidates) (transfer none):
 *   the people the row may be, oldest first
 *
 * Returns: how @row meets the people known (after summit_csv_preview_match())
 */
SummitCsvMatch
summit_csv_preview_get_match (SummitCsvPreview  *preview,
                              guint              row,
                              const gint64     **candidates,
                              guint             *n_candidates)
{
  Row *r;

  g_return_val_if_fail (row < preview->rows->len, SUMMIT_CSV_MATCH_NEW);
  r = g_ptr_array_index (preview->rows, row);
  if (candidates != NULL)
    *candidates = r->candidates ? (const gint64 *)(gpointer)r->candidates->data : NULL;
  if (n_candidates != NULL)
    *n_candidates = r->candidates ? r->candidates->len : 0;
  return r->match;
}

/**
 * summit_csv_preview_get_choice:
 *
 * Returns: the person @row will update, %SUMMIT_CSV_CHOICE_ADD or
 *   %SUMMIT_CSV_CHOICE_LEAVE
 */
gint64
summit_csv_preview_get_choice (SummitCsvPreview *preview,
                               guint             row)
{
  g_return_val_if_fail (row < preview->rows->len, SUMMIT_CSV_CHOICE_ADD);
  return ((Row *)g_ptr_array_index (preview->rows, row))->choice;
}

/**
 * summit_csv_preview_set_choice:
 * @choice: one of the row's candidates, %SUMMIT_CSV_CHOICE_ADD (a new
 *   person) or %SUMMIT_CSV_CHOICE_LEAVE (leave the row out)
 *
 * Decides what a row without a uid does on import.
 */
void
summit_csv_preview_set_choice (SummitCsvPreview *preview,
                               guint             row,
                               gint64            choice)
{
  Row *r;

  g_return_if_fail (row < preview->rows->len);
  r = g_ptr_array_index (preview->rows, row);
  g_return_if_fail (r->match == SUMMIT_CSV_MATCH_ONE || r->match == SUMMIT_CSV_MATCH_AMBIGUOUS);
  r->choice = choice;
  r->chosen = TRUE;
}

/**
 * summit_csv_preview_count_matches:
 *
 * Returns: how many valid rows meet the people known as @match
 */
guint
summit_csv_preview_count_matches (SummitCsvPreview *preview,
                                  SummitCsvMatch    match)
{
  guint n = 0;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *r = g_ptr_array_index (preview->rows, i);
      n += r->valid && r->match == match;
    }
  return n;
}

/**
 * summit_csv_preview_dup_left_out:
 *
 * For tools without a way to choose: each row that several people in
 * @store match and that no one chose for, as "LINE: what" (the form of
 * #SummitCsvProblem), naming the people's uids.
 *
 * Returns: (transfer full) (element-type utf8): the lines, in row order
 */
GPtrArray *
summit_csv_preview_dup_left_out (SummitCsvPreview *preview,
                                 SummitStore      *store)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *row = g_ptr_array_index (preview->rows, i);
      g_autoptr(GPtrArray) uids = NULL;
      g_autofree char *name = NULL;
      g_autofree char *joined = NULL;

      if (!row->valid || row->match != SUMMIT_CSV_MATCH_AMBIGUOUS ||
          row->choice != SUMMIT_CSV_CHOICE_LEAVE)
        continue;
      uids = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint c = 0; c < row->candidates->len; c++)
        {
          SummitPerson *person = summit_store_get_person (store, g_array_index (row->candidates,
                                                                               gint64, c), NULL);
          if (person != NULL)
            g_ptr_array_add (uids, person);
        }
      {
        g_autoptr(GString) list = g_string_new (NULL);

        for (guint c = 0; c < uids->len; c++)
          g_string_append_printf (list, "%s%s", c ? ", " : "",
                                  summit_person_get_uid (g_ptr_array_index (uids, c)));
        joined = g_string_free (g_steal_pointer (&list), FALSE);
      }
      name = summit_person_dup_display_name (row->person);
      /* Translators: "4: Anna Nowak matches several people already known (t-1, t-2); …" */
      g_ptr_array_add (lines, g_strdup_printf (_("%u: %s matches several people already known "
                                                 "(%s); left out: put one of these in its uid "
                                                 "column to update that person"),
                                               row->line, name, joined));
    }
  return lines;
}

/**
 * summit_csv_report_matches_to_string:
 *
 * Returns: (transfer full) (nullable): what matching did, such as "2 matched
 *   people already known, 1 left out", or %NULL if no row matched anyone
 */
char *
summit_csv_report_matches_to_string (const SummitImportReport *report)
{
  g_autofree char *matched = NULL;

  if (report->matched == 0 && report->left == 0)
    return NULL;
  matched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matched a person already known",
                                          "%u matched people already known", report->matched),
                             report->matched);
  if (report->left == 0)
    return g_steal_pointer (&matched);
  /* Translators: "2 matched people already known, 1 left out (several people match)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u left out (several people match)",
                                       "%s, %u left out (several people match)", report->left),
                          matched, report->left);
}

/* Makes @person, read from a row, the update of @existing: columns the file
 * lacks keep their values; when the row was matched by name or email rather
 * than by its uid, so do blank cells and values that differ only in case. */
static void
fill_from_existing (SummitCsvPreview *preview,
                    SummitPerson     *person,
                    SummitPerson     *existing,
                    gboolean          matched)
{
  for (guint f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
    {
      const char *value = summit_person_get_field (person, f);
      const char *known = summit_person_get_field (existing, f);
      gboolean keep = f == SUMMIT_PERSON_UID || !preview->has_column[f];

      if (!keep && matched)
        {
          g_autofree char *a = fold_part (value);
          g_autofree char *b = fold_part (known);
          keep = *a == '\0' || strcmp (a, b) == 0;
        }
      if (keep)
        summit_person_set_field (person, f, known);
    }
}

/* The person @row will update, or %NULL for a new one (or a row left out). */
static SummitPerson *
find_existing (SummitCsvPreview  *preview,
               SummitStore       *store,
               Row               *row,
               GError           **error)
{
  const char *uid = summit_person_get_uid (row->person);
  gint64 id = row->choice;
  g_autoptr(GError) local_error = NULL;
  SummitPerson *existing;
  gboolean all_columns = TRUE;

  for (guint f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
    all_columns = all_columns && preview->has_column[f];

  if (*uid != '\0')
    {
      /* Only needed to keep the columns the file lacks. */
      if (all_columns)
        return NULL;
      id = summit_store_lookup_person (store, uid, &local_error);
      /* A new person, under the file's uid. */
      if (g_error_matches (local_error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND))
        return NULL;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (id <= 0)
    return NULL;
  existing = summit_store_get_person (store, id, &local_error);
  /* Deleted since the preview: added again as new. */
  if (g_error_matches (local_error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND))
    return NULL;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return existing;
}

/**
 * summit_csv_import_preview:
 * @skip_invalid: write the valid rows and leave out the others; otherwise
 *   any invalid row refuses the whole file
 * @progress: (nullable): called from this thread with the share done
 *
 * Writes the people of @preview in one transaction: a row with a uid
 * updates the person with that uid; a row without one updates the person
 * it matches or was given (summit_csv_preview_match(), run again here),
 * adds a new person, or is left out. Cancelling rolls everything back.
 */
gboolean
summit_csv_import_preview (SummitStore         *store,
                           SummitCsvPreview    *preview,
                           gboolean             skip_invalid,
                           SummitProgressFunc   progress,
                           gpointer             progress_data,
                           SummitImportReport  *report,
                           GCancellable        *cancellable,
                           GError             **error)
{
  SummitImportReport local = { { { 0 } } };
  GError *local_error = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  if (preview->n_invalid > 0 && !skip_invalid)
    {
      const SummitCsvProblem *first = NULL;

      for (guint i = 0; i < preview->problems->len && first == NULL; i++)
        if (((SummitCsvProblem *)g_ptr_array_index (preview->problems, i))->row != G_MAXUINT)
          first = g_ptr_array_index (preview->problems, i);
      g_assert (first != NULL);
      g_set_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s:%s (%u row is invalid; nothing was imported)",
                                "%s:%s (%u rows are invalid; nothing was imported)",
                                preview->n_invalid),
                   preview->name, first->message, preview->n_invalid);
      return FALSE;
    }

  if (!summit_store_begin (store, error))
    return FALSE;
  /* Matched again on this connection: the file may have been previewed on another. */
  if (!summit_csv_preview_match (preview, store, cancellable, &local_error))
    g_prefix_error (&local_error, "%s: ", preview->name);

  for (guint i = 0; i < preview->rows->len && local_error == NULL; i++)
    {
      Row *row = g_ptr_array_index (preview->rows, i);
      g_autoptr(SummitPerson) person = NULL;
      g_autoptr(SummitPerson) existing = NULL;

      if (!row->valid)
        {
          local.skipped++;
          continue;
        }
      if (row->match != SUMMIT_CSV_MATCH_UID && row->choice == SUMMIT_CSV_CHOICE_LEAVE)
        {
          local.left++;
          continue;
        }

      /* A copy: the preview stays as read, should the import be tried again. */
      person = summit_person_new ();
      for (guint f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
        summit_person_set_field (person, f, summit_person_get_field (row->person, f));
      summit_person_set_times (person, summit_person_get_created (row->person),
                               summit_person_get_updated (row->person));

      existing = find_existing (preview, store, row, &local_error);
      if (existing != NULL)
        {
          fill_from_existing (preview, person, existing, row->match != SUMMIT_CSV_MATCH_UID);
          if (row->match != SUMMIT_CSV_MATCH_UID)
            local.matched++;
        }
      if (local_error == NULL &&
          !summit_store_merge_person (store, person, &local.counts[SUMMIT_IMPORT_PEOPLE],
                                      &local_error))
        g_prefix_error (&local_error, "%s:%u: ", preview->name, row->line);

      if (local_error == NULL && i % 1024 == 1023)
        {
          if (g_cancellable_is_cancelled (cancellable))
            local_error = g_error_new (SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_CANCELLED, "%s",
                                       _("The import was cancelled; nothing was changed"));
          else if (progress != NULL)
            progress ((double)i / preview->rows->len, progress_data);
          /* About every 4 MB of pages, as the XML import does. */
          if (i % 8192 == 8191)
            summit_store_write_back (store);
        }
    }

  if (local_error == NULL && g_cancellable_is_cancelled (cancellable))
    local_error = g_error_new (SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_CANCELLED, "%s",
                               _("The import was cancelled; nothing was changed"));
  if (local_error == NULL)
    summit_store_commit (store, &local_error);
  if (local_error != NULL)
    {
      summit_store_rollback (store);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (report != NULL)
    *report = local;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/**
 * summit_csv_import_file:
 *
 * Previews and imports @path in one go (see summit_csv_import_preview()).
 */
gboolean
summit_csv_import_file (SummitStore         *store,
                        const char          *path,
                        gboolean             skip_invalid,
                        SummitImportReport  *report,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(SummitCsvPreview) preview = NULL;

  preview = summit_csv_preview_file (path, cancellable, error);
  if (preview == NULL)
    return FALSE;
  return summit_csv_import_preview (store, preview, skip_invalid, NULL, NULL, report,
                                    cancellable, error);
}

/* Appends @value (@len bytes) quoted by libcsv, with the formula guard if it
 * needs one, then "," or CRLF. Writes straight into @out's buffer: a person
 * is fifteen of these, and exports write 100,000 people in a blink. */
static void
append_field (GString    *out,
              const char *value,
              gsize       len,
              gboolean    last)
{
  /* csv_write quotes the field, doubling quotes: at most 2 len + 2 bytes;
   * then the guard and the line end. */
  gsize room = 2 * len + 5;
  gsize old = out->len;
  gboolean guard;
  char *p;

  if (value == NULL)
    value = "";
  guard = summit_csv_needs_formula_guard (value);
  if (old + room >= out->allocated_len)
    {
      g_string_set_size (out, old + room);
      g_string_truncate (out, old);
    }

  p = out->str + old;
  /* With a guard, libcsv writes '"value"' one byte further on, and its
   * opening quote becomes the guard after a new opening quote. */
  p += csv_write (p + guard, 2 * len + 2, value, len) + guard;
  if (guard)
    {
      out->str[old] = '"';
      out->str[old + 1] = '\'';
    }
  if (last)
    {
      *p++ = '\r';
      *p++ = '\n';
    }
  else
    *p++ = ',';
  *p = '\0';
  out->len = p - out->str;
}

static void
append_instant (GString *out,
                gint64   unix_time,
                gboolean last)
{
  char text[32];

  if (summit_format_instant (unix_time, text, sizeof text))
    append_field (out, text, 20, last);
  else
    append_field (out, "", 0, last);
}

/**
 * summit_csv_append_field:
 * @out: the CSV written so far
 * @value: (nullable): one field's text
 * @last: whether it ends the line
 *
 * The one writer of a CSV field besides the people export: quoted by libcsv,
 * with the formula guard where a spreadsheet would run it, then "," or, for
 * the last field, "\n" (the people export ends its lines in CRLF).
 */
void
summit_csv_append_field (GString    *out,
                         const char *value,
                         gboolean    last)
{
  g_return_if_fail (out != NULL);

  append_field (out, value, value ? strlen (value) : 0, FALSE);
  if (last)
    out->str[out->len - 1] = '\n';
}

/**
 * summit_csv_needs_formula_guard:
 * @value: a cell's text
 *
 * Spreadsheets run a cell that begins with = + - @, a tab or a carriage
 * return as a formula (OWASP "CSV injection"), also after white space and
 * in their full-width forms ＝ ＋ － ＠, which some spreadsheets read alike:
 * a file of people could then call out to the network or run a command on
 * the office's computer. Every CSV written for a spreadsheet therefore puts
 * a ' in front of such a cell, which spreadsheets show as plain text. The
 * rule, both ways:
 *
 * - export: a value made of any number of ' (none included), then any white
 *   space, then one of = + - @ ＝ ＋ － ＠ TAB CR gains one ' in front;
 * - import: a value made of one or more ' followed by one of those loses
 *   its first '.
 *
 * So our own files come back exactly as they were: "+48 58 123" leaves as
 * "'+48 58 123" and returns as "+48 58 123"; "-" stays "-"; "'=x" (a quote
 * typed on purpose) leaves as "''=x" and returns as "'=x"; "'x" and "x" are
 * written and read unchanged.
 *
 * Returns: whether @value needs the guard on export
 */
gboolean
summit_csv_needs_formula_guard (const char *value)
{
  while (*value == '\'')
    value++;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      switch (c)
        {
        case '=': case '+': case '-': case '@': case '\t': case '\r':
        case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20:   /* ＝ ＋ － ＠ */
          return TRUE;
        default:
          if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isspace (c))
            return FALSE;
        }
    }
  return FALSE;
}

typedef struct
{
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
} ExportContext;

static gboolean
export_person (const SummitPersonRow  *row,
               gpointer                user_data,
               GError                **error)
{
  ExportContext *ctx = user_data;
  GString *out = ctx->out;

  for (int c = 0; c < SUMMIT_PERSON_N_FIELDS; c++)
    append_field (out, row->fields[c], strlen (row->fields[c]), FALSE);
  append_instant (out, row->created, FALSE);
  append_instant (out, row->updated, TRUE);

  if (out->len > 192 * 1024)
    {
      gboolean ok = g_output_stream_write_all (ctx->stream, out->str, out->len, NULL,
                                               ctx->cancellable, error);
      g_string_truncate (out, 0);
      return ok;
    }
  return TRUE;
}

/**
 * summit_csv_export_stream:
 *
 * Writes everyone to @stream as CSV: UTF-8 with a byte order mark (so that
 * spreadsheets recognise it), a header line, every field quoted, CRLF line
 * ends (RFC 4180), sorted by family and given name. Does not close @stream.
 */
gboolean
summit_csv_export_stream (SummitStore   *store,
                          GOutputStream *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (256 * 1024);
  ExportContext ctx = { out, stream, cancellable };
  gboolean own_txn;
  gboolean ok;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  g_string_append (out, "\xef\xbb\xbf");
  for (int c = 0; c < N_COLUMNS; c++)
    {
      const char *name = summit_person_attribute_name (c);

      append_field (out, name, strlen (name), c == N_COLUMNS - 1);
    }

  /* One snapshot; the sort in memory. */
  if (!summit_store_begin_long_read (store, &own_txn, error))
    return FALSE;
  ok = summit_store_foreach_person (store, SUMMIT_PERSON_ORDER_NAME, export_person, &ctx, error);
  summit_store_end_long_read (store, own_txn);

  if (ok && out->len > 0)
    ok = g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
  return ok;
}

/**
 * summit_csv_export_file:
 *
 * Exports to @path, replacing it only once everything is written. A new
 * file is readable by its owner only.
 */
gboolean
summit_csv_export_file (SummitStore   *store,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SummitFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The file holds personal data: readable by its owner only. */
  writer = summit_file_writer_new (path, SUMMIT_FILE_PRIVATE, &local_error);
  if (writer == NULL)
    {
      g_set_error_literal (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (!summit_csv_export_stream (store, summit_file_writer_get_stream (writer), cancellable,
                                 &local_error))
    {
      g_set_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (!summit_file_writer_commit (writer, &local_error))
    {
      g_set_error_literal (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}
