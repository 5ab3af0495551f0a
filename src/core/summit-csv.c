/* summit-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People out as CSV (RFC 4180), through libcsv: the fields, the guard
 * against formulas, and the export. Reading is in summit-csv-import.c.
 */
#define G_LOG_DOMAIN "summit-csv"

#include "config.h"

#include <csv.h>
#include <string.h>

#include "summit-csv.h"
#include "summit-store-people.h"
#include "summit-file.h"
#include "summit-time.h"

G_DEFINE_QUARK (summit-csv-error-quark, summit_csv_error)

/* The columns: the person's text fields, then two times. */
enum
{
  N_COLUMNS = SUMMIT_PERSON_N_ATTRIBUTES
};

/* Appends @value (@len bytes) quoted by libcsv, with the formula guard if it
 * needs one, then "," or CRLF. Writes straight into @out's buffer, as an
 * export calls it for every field of everyone. */
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
