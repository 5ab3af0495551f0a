/* summit-csv-import.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People in from CSV (RFC 4180), through libcsv: UTF-8 with or without a
 * byte order mark, quoted fields with commas, quotes and line breaks in
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

#include "summit-csv-private.h"
#include "summit-file.h"
#include "summit-people.h"
#include "summit-text.h"
#include "summit-time.h"

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
          g_autofree char *a = summit_csv_fold_part (value);
          g_autofree char *b = summit_csv_fold_part (known);
          keep = *a == '\0' || strcmp (a, b) == 0;
        }
      if (keep)
        summit_person_set_field (person, f, known);
    }
}

/* The person @row will update, or %NULL for a new one (or a row left out).
 * What @merge queued is written first, so that the read sees it. */
static SummitPerson *
find_existing (SummitCsvPreview   *preview,
               SummitStore        *store,
               SummitPersonMerge  *merge,
               Row                *row,
               GError            **error)
{
  const char *uid = summit_person_get_uid (row->person);
  gint64 id = row->choice;
  g_autoptr(GError) local_error = NULL;
  SummitPerson *existing;
  gboolean all_columns = TRUE;

  for (guint f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
    all_columns = all_columns && preview->has_column[f];

  if ((*uid != '\0' && all_columns) || (*uid == '\0' && id <= 0) ||
      !summit_store_person_merge_flush (merge, error))
    return NULL;
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
  g_autoptr(SummitPersonMerge) merge = NULL;
  const Row *failed;

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
  /* On a server the rows are queued, and their results read in runs. */
  else
    merge = summit_store_person_merge_new (store, &local_error);

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

      existing = find_existing (preview, store, merge, row, &local_error);
      if (existing != NULL)
        {
          fill_from_existing (preview, person, existing, row->match != SUMMIT_CSV_MATCH_UID);
          if (row->match != SUMMIT_CSV_MATCH_UID)
            local.matched++;
        }
      if (local_error == NULL)
        summit_store_person_merge_add_person (merge, person, row,
                                              &local.counts[SUMMIT_IMPORT_PEOPLE], &local_error);

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

  if (local_error == NULL && merge != NULL)
    summit_store_person_merge_flush (merge, &local_error);
  /* the row whose merge failed, which may be an earlier one than the last */
  if (local_error != NULL && merge != NULL &&
      (failed = summit_store_person_merge_get_failed (merge)) != NULL)
    g_prefix_error (&local_error, "%s:%u: ", preview->name, failed->line);
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
