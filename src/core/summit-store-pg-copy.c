/* summit-store-pg-copy.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine's bulk path (SummitEngine.copy_in): rows sent with
 * COPY … FROM STDIN as CSV, for summit_store_copy().
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <csv.h>
#include <string.h>

#include "summit-store-pg.h"

/* Rows are sent in pieces of about this many bytes. */
#define PIECE_BYTES (256 * 1024)

/* Appends @value quoted by libcsv (an empty text stays "", so that it is
 * not read as NULL), or nothing for NULL: COPY's CSV NULL is an unquoted
 * empty field. */
static void
append_field (GString    *out,
              const char *value)
{
  gsize len, old;

  if (value == NULL)
    return;
  len = strlen (value);
  old = out->len;
  /* csv_write doubles quotes and adds two: at most 2 len + 2 bytes */
  g_string_set_size (out, old + 2 * len + 2);
  g_string_truncate (out, old + csv_write (out->str + old, 2 * len + 2, value, len));
}

/* Ends the COPY, saying @failure (why it stops) or, with %NULL, that all
 * was sent; %TRUE if the server took every row. */
static gboolean
end_copy (SummitStore  *self,
          const char   *failure,
          GError      **error)
{
  PGconn *conn = summit_store_pg_get_conn (self);
  PGresult *result;
  gboolean ok = PQputCopyEnd (conn, failure) == 1;

  if (!ok)
    summit_store_pg_set_error (self, NULL, error);
  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = summit_store_pg_set_error (self, result, error);
      PQclear (result);
    }
  return ok;
}

/**
 * summit_store_pg_copy_in:
 * @columns: (array zero-terminated=1): the columns @next fills, in order
 *
 * SummitEngine.copy_in: sends the rows of @next into @table with one COPY,
 * inside the current transaction.
 */
gboolean
summit_store_pg_copy_in (SummitStore         *self,
                         const char          *table,
                         const char * const  *columns,
                         SummitRowSource      next,
                         gpointer             user_data,
                         GError             **error)
{
  PGconn *conn = summit_store_pg_get_conn (self);
  guint n_columns = g_strv_length ((char **)columns);
  g_autofree const char **values = g_new0 (const char *, n_columns);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) piece = g_string_sized_new (PIECE_BYTES + 4096);
  g_autoptr(GError) local_error = NULL;
  gboolean sent = TRUE;
  PGresult *result;

  g_string_printf (sql, "COPY \"%s\" (", table);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") FROM STDIN (FORMAT csv)");

  result = PQexec (conn, sql->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      summit_store_pg_set_error (self, result, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);

  while (sent && next (user_data, values, &local_error))
    {
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (piece, ',');
          append_field (piece, values[i]);
        }
      g_string_append_c (piece, '\n');
      if (piece->len >= PIECE_BYTES)
        {
          sent = PQputCopyData (conn, piece->str, piece->len) == 1;
          g_string_truncate (piece, 0);
        }
    }
  if (sent && piece->len > 0)
    sent = PQputCopyData (conn, piece->str, piece->len) == 1;

  if (local_error != NULL)
    {
      end_copy (self, local_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!sent)
    return summit_store_pg_set_error (self, NULL, error);
  return end_copy (self, NULL, error);
}
