/* summit-store-copy.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies every table of one database into another, new or empty one (a
 * SQLite file to a server database and back), all or nothing, keeping ids
 * and versions.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "summit-store-copy.h"
#include "summit-store-private.h"

/* Every table, each after the tables it refers to. */
static const char * const tables[] = {
  "person", "edition", "invitation", "invitation_event", "panel", "panel_member", "year_statistic",
};

/* Reports progress every this many rows. */
#define PROGRESS_STEP 1000

typedef struct
{
  SummitStore             *from;
  SummitStore             *to;
  SummitStmt              *select;
  guint                    n_columns;
  gint64                   done;
  gint64                   total;
  SummitStoreCopyProgress  progress;
  gpointer                 user_data;
} Copy;

typedef struct
{
  GPtrArray *names;      /* char *, in the table's order */
  GArray    *integer;    /* gboolean, whether each column holds integers */
} Columns;

static void
columns_clear (Columns *columns)
{
  g_clear_pointer (&columns->names, g_ptr_array_unref);
  g_clear_pointer (&columns->integer, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Columns, columns_clear)

/* Reads the names and kinds of the columns of @table in @store. */
static gboolean
list_columns (SummitStore  *store,
              const char   *table,
              Columns      *columns,
              GError      **error)
{
  SummitStmt *stmt;
  int rc;

  stmt = summit_store_prepare (store, SUMMIT_SQL (store,
    "SELECT name, type FROM pragma_table_info ($1) ORDER BY cid",
    "SELECT column_name, data_type FROM information_schema.columns"
    " WHERE table_schema = current_schema () AND table_name = $1 ORDER BY ordinal_position"),
    error);
  if (stmt == NULL)
    return FALSE;

  columns->names = g_ptr_array_new_with_free_func (g_free);
  columns->integer = g_array_new (FALSE, FALSE, sizeof (gboolean));
  summit_stmt_bind_text (stmt, 1, table);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      g_autofree char *type = g_ascii_strdown (summit_stmt_column_string (stmt, 1), -1);
      gboolean integer = strstr (type, "int") != NULL;

      g_ptr_array_add (columns->names, g_strdup (summit_stmt_column_string (stmt, 0)));
      g_array_append_val (columns->integer, integer);
    }
  return summit_store_end_rows (store, stmt, rc, error);
}

/* The column names, quoted, between commas; or @numbered, as many $1-style
 * parameters. */
static char *
join_columns (GPtrArray  *names,
              gboolean    numbered)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      if (numbered)
        g_string_append_printf (out, "$%u", i + 1);
      else
        g_string_append_printf (out, "\"%s\"", (char *)g_ptr_array_index (names, i));
    }
  return g_string_free (out, FALSE);
}

/* SummitRowSource: the next row of the table being read. */
static gboolean
next_row (gpointer      user_data,
          const char  **values,
          GError      **error)
{
  Copy *copy = user_data;
  int rc = summit_stmt_step (copy->select);

  if (rc != SUMMIT_STEP_ROW)
    {
      if (rc != SUMMIT_STEP_DONE)
        summit_store_set_error_from_db (copy->from, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < copy->n_columns; i++)
    values[i] = summit_stmt_column_text (copy->select, i);
  if (copy->progress != NULL && ++copy->done % PROGRESS_STEP == 0)
    copy->progress (copy->done, copy->total, copy->user_data);
  return TRUE;
}

/* Writes the rows of @copy's read with one prepared INSERT a row: the way
 * for an engine without a bulk path (a SQLite file is fast this way). */
static gboolean
insert_rows (Copy        *copy,
             const char  *table,
             Columns     *columns,
             GError     **error)
{
  g_autofree char *names = join_columns (columns->names, FALSE);
  g_autofree char *params = join_columns (columns->names, TRUE);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", table, names,
                                          params);
  g_autofree const char **values = g_new0 (const char *, copy->n_columns);
  g_autoptr(GError) local_error = NULL;
  SummitStmt *insert = summit_store_prepare_owned (copy->to, sql, error);
  gboolean ok = insert != NULL;

  while (ok && next_row (copy, values, &local_error))
    {
      for (guint i = 0; i < copy->n_columns; i++)
        if (values[i] == NULL)
          summit_stmt_bind_null (insert, i + 1);
        else if (g_array_index (columns->integer, gboolean, i))
          summit_stmt_bind_int64 (insert, i + 1, g_ascii_strtoll (values[i], NULL, 10));
        else
          summit_stmt_bind_static_text (insert, i + 1, values[i], -1);
      ok = summit_store_step_done (copy->to, insert, error);
    }
  summit_stmt_free (insert);
  if (ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  return ok;
}

/* The number of rows of @table in @store. */
static gboolean
count_table (SummitStore  *store,
             const char   *table,
             gint64       *n,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  SummitStmt *stmt = summit_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = summit_stmt_step (stmt)) != SUMMIT_STEP_ROW)
    return summit_store_end_rows (store, stmt, rc, error);
  *n = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);
  return TRUE;
}

/* Refuses, with @error set, a target that holds any row already. */
static gboolean
check_empty (SummitStore  *to,
             GError      **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gint64 n = 0;

      if (!count_table (to, tables[t], &n, error))
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("“%s” already holds data; copy only into a new or empty database. "
                         "Nothing was copied."), summit_store_get_path (to));
          return FALSE;
        }
    }
  return TRUE;
}

/* The number of rows of every table of @store, for the progress. */
static gboolean
count_rows (SummitStore  *store,
            gint64       *total,
            GError      **error)
{
  *total = 0;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gint64 n = 0;

      if (!count_table (store, tables[t], &n, error))
        return FALSE;
      *total += n;
    }
  return TRUE;
}

/* Sets the server's identity sequence of @table past its largest id, so
 * that the next row added gets a new one. */
static gboolean
set_sequence (SummitStore  *to,
              const char   *table,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT setval (pg_get_serial_sequence ($1, 'id')::regclass, max (id)) FROM \"%s\"", table);
  SummitStmt *stmt = summit_store_prepare (to, sql, error);

  if (stmt == NULL)
    return FALSE;
  summit_stmt_bind_text (stmt, 1, table);
  return summit_store_step_done (to, stmt, error);
}

static gboolean
copy_table (Copy        *copy,
            const char  *table,
            GError     **error)
{
  g_auto(Columns) columns = { NULL, NULL };
  g_auto(Columns) target = { NULL, NULL };
  g_autofree char *names = NULL;
  g_autofree char *sql = NULL;
  gboolean ok;

  if (!list_columns (copy->from, table, &columns, error) ||
      !list_columns (copy->to, table, &target, error))
    return FALSE;
  for (guint i = 0; i < MAX (columns.names->len, target.names->len); i++)
    if (i >= columns.names->len || i >= target.names->len ||
        strcmp (g_ptr_array_index (columns.names, i), g_ptr_array_index (target.names, i)) != 0)
      {
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                     _("The table “%s” has other columns in “%s” than in “%s”. Nothing was "
                       "copied."), table, summit_store_get_path (copy->from),
                     summit_store_get_path (copy->to));
        return FALSE;
      }

  names = join_columns (columns.names, FALSE);
  sql = g_strdup_printf ("SELECT %s FROM \"%s\"", names, table);
  copy->select = summit_store_prepare_owned (copy->from, sql, error);
  if (copy->select == NULL)
    return FALSE;
  copy->n_columns = columns.names->len;

  if (copy->to->engine->copy_in != NULL)
    {
      g_ptr_array_add (columns.names, NULL);
      ok = copy->to->engine->copy_in (copy->to, table, (const char * const *)columns.names->pdata,
                                      next_row, copy, error);
      g_ptr_array_remove_index (columns.names, columns.names->len - 1);
    }
  else
    ok = insert_rows (copy, table, &columns, error);
  g_clear_pointer (&copy->select, summit_stmt_free);

  if (ok && summit_store_is_server (copy->to) &&
      g_ptr_array_find_with_equal_func (columns.names, "id", g_str_equal, NULL))
    ok = set_sequence (copy->to, table, error);
  return ok;
}

/* SummitStoreFunc: the whole copy, inside the target's transaction. */
static gboolean
copy_tables (SummitStore  *to,
             gpointer      user_data,
             GError      **error)
{
  Copy *copy = user_data;

  if (!check_empty (to, error))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (!copy_table (copy, tables[t], error))
      return FALSE;
  if (copy->progress != NULL)
    copy->progress (copy->done, copy->total, copy->user_data);
  return TRUE;
}

/**
 * summit_store_copy:
 * @from: the database to copy
 * @to: a new or empty database of the same schema version (a file or a
 *   server database)
 * @progress: (nullable): called now and then with the rows copied so far
 *
 * Copies every row of every table of @from into @to, keeping ids and
 * versions, in one transaction of @to: all of it or, on any error, nothing.
 * @to must hold no row at all; otherwise it is refused untouched. On a
 * server, the identity sequences then go on from the largest id copied.
 *
 * Returns: %TRUE if everything was copied; %FALSE with @error set, and @to
 *   as it was
 */
gboolean
summit_store_copy (SummitStore              *from,
                   SummitStore              *to,
                   SummitStoreCopyProgress   progress,
                   gpointer                  user_data,
                   GError                  **error)
{
  Copy copy = { from, to, NULL, 0, 0, 0, progress, user_data };
  gboolean owned = FALSE;
  gboolean ok;

  g_return_val_if_fail (SUMMIT_IS_STORE (from), FALSE);
  g_return_val_if_fail (SUMMIT_IS_STORE (to), FALSE);

  if (summit_store_get_schema_version (from) != summit_store_get_schema_version (to))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("“%s” and “%s” are of different versions. Nothing was copied."),
                   summit_store_get_path (from), summit_store_get_path (to));
      return FALSE;
    }

  /* one snapshot of @from */
  if (!summit_store_begin_long_read (from, &owned, error))
    return FALSE;
  ok = (progress == NULL || count_rows (from, &copy.total, error)) &&
       summit_store_transaction (to, copy_tables, &copy, error);
  summit_store_end_long_read (from, owned);
  return ok;
}
