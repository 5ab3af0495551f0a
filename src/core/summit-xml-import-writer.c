/* summit-xml-import-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's second thread, which checks the values of the people the
 * reader hands over and merges them into the store (see Writer in
 * summit-xml-private.h).
 */
#define G_LOG_DOMAIN "summit-xml"

#include "config.h"

#include "summit-xml-private.h"

static Batch stop_batch;

static void
batch_free (Batch *batch)
{
  g_string_chunk_free (batch->chunk);
  g_array_unref (batch->rows);
  g_free (batch);
}

/* Sets w->patterns_hold: for each attribute with a pattern, whether every
 * value of it in @batch matches, tried in one go; where not, each value
 * is matched on its own, which finds the first that does not. (PCRE gives
 * up on a list of a few thousand values — its limit on backtracking — which
 * only sends them one by one: a batch holds far fewer.) */
G_STATIC_ASSERT (BATCH_ROWS <= 256);
static void
match_batch_patterns (Writer      *w,
                      const Batch *batch)
{
  for (guint slot = 0; slot < SUMMIT_PERSON_N_ATTRIBUTES; slot++)
    {
      GRegex *list = w->checks && w->kinds[slot] >= 0 ? w->checks->fast_list[w->kinds[slot]]
                                                      : NULL;
      gboolean holds = list != NULL;

      g_string_truncate (w->list, 0);
      for (guint i = 0; i < batch->rows->len && holds; i++)
        {
          const PersonRow *row = &g_array_index (batch->rows, PersonRow, i);

          if (row->values[slot] == NULL)
            continue;
          /* XML has no such character; should a value hold it anyway, the
           * list is no list. */
          holds = memchr (row->values[slot], LIST_END, row->lengths[slot]) == NULL;
          g_string_append_len (w->list, row->values[slot], row->lengths[slot]);
          g_string_append_c (w->list, LIST_END);
        }
      w->patterns_hold[slot] = holds && g_regex_match_full (list, w->list->str, w->list->len, 0,
                                                            0, NULL, NULL);
    }
}

/* Whether @error is the database's, not the file's: busy, unwritable,
 * damaged or missing tables. */
gboolean
is_database_error (const GError *error)
{
  return error->domain == SUMMIT_STORE_ERROR &&
         (error->code == SUMMIT_STORE_ERROR_CORRUPT || error->code == SUMMIT_STORE_ERROR_IO ||
          error->code == SUMMIT_STORE_ERROR_BUSY || error->code == SUMMIT_STORE_ERROR_READ_ONLY ||
          error->code == SUMMIT_STORE_ERROR_NOT_DATABASE);
}

/* The error to stop the import with when the merge failed: the database's,
 * or the row's (the one that failed, which on a server may be an earlier
 * one of the batch). */
static GError *
merge_error (Writer          *w,
             const PersonRow *row,
             const GError    *error)
{
  const PersonRow *failed = summit_store_person_merge_get_failed (w->merge);

  if (failed != NULL)
    row = failed;
  if (is_database_error (error) || row == NULL)
    return g_error_copy (error);
  return located_error (SUMMIT_XML_ERROR_INVALID, w->name, row->tag_line, row->tag_column,
                        error->message);
}

/* Checks and writes one person; NULL, or the error to stop the import with. */
static GError *
write_row (Writer          *w,
           const PersonRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  SummitPersonMergeRow merge_row = { { NULL } };

  problem = person_row_problem (w->checks, w->kinds, w->patterns_hold, row, &merge_row.created,
                                &merge_row.updated);
  if (problem != NULL)
    {
      /* a row queued before it may have failed first */
      if (!summit_store_person_merge_flush (w->merge, &error))
        return merge_error (w, NULL, error);
      return located_error (SUMMIT_XML_ERROR_INVALID, w->name, row->tag_line, row->tag_column,
                            problem);
    }

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    merge_row.fields[i] = row->values[i] ? row->values[i] : "";
  merge_row.lengths = row->lengths;
  merge_row.tag = row;
  if (merge_row.created == 0)
    merge_row.created = w->now;
  if (merge_row.updated == 0)
    merge_row.updated = merge_row.created;
  if (!summit_store_person_merge_add (w->merge, &merge_row, &w->counts, &error))
    return merge_error (w, row, error);
  return NULL;
}

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  Batch *batch;

  while ((batch = g_async_queue_pop (w->full)) != &stop_batch)
    {
      gboolean failed;

      g_mutex_lock (&w->lock);
      failed = w->error != NULL;
      g_mutex_unlock (&w->lock);

      if (!failed)
        match_batch_patterns (w, batch);
      for (guint i = 0; i <= batch->rows->len && !failed; i++)
        {
          GError *error = NULL;
          g_autoptr(GError) flush_error = NULL;

          if (i < batch->rows->len)
            error = write_row (w, &g_array_index (batch->rows, PersonRow, i));
          /* on a server, the batch's rows were queued: their results, while
           * the rows are still there to name */
          else if (!summit_store_person_merge_flush (w->merge, &flush_error))
            error = merge_error (w, NULL, flush_error);
          if (error != NULL)
            {
              g_mutex_lock (&w->lock);
              w->error = error;
              g_mutex_unlock (&w->lock);
              failed = TRUE;
            }
        }

      /* About every 4 MB of pages (8,000 people), so that the checkpoint
       * after the commit finds the log mostly on the disk already. */
      if (!failed && ++w->n_written % WRITE_BACK_BATCHES == 0)
        summit_store_write_back (w->store);

      g_array_set_size (batch->rows, 0);
      g_string_chunk_clear (batch->chunk);
      batch->bytes = 0;
      g_async_queue_push (w->empty, batch);
      g_mutex_lock (&w->lock);
      w->pending--;
      g_cond_broadcast (&w->idle);
      g_mutex_unlock (&w->lock);
    }
  return NULL;
}

/* Starts the writer, which checks what @checks (NULL: none) says of a
 * person's values, and gives a person without times @now. */
gboolean
writer_start (Writer             *w,
              SummitStore        *store,
              const char         *name,
              const ValueChecks  *checks,
              gint64              now,
              GError            **error)
{
  GHashTable *person = checks ? g_hash_table_lookup (checks->elements, "person") : NULL;

  /* Prepared here, before the thread runs: the database is used by one
   * thread at a time. */
  if ((w->merge = summit_store_person_merge_new (store, error)) == NULL)
    return FALSE;
  w->store = store;
  w->name = name;
  w->checks = checks;
  w->now = now;
  w->list = g_string_new (NULL);
  for (guint slot = 0; slot < SUMMIT_PERSON_N_ATTRIBUTES; slot++)
    w->kinds[slot] = GPOINTER_TO_INT (person ? g_hash_table_lookup (person,
                                                                    summit_person_attribute_name (slot))
                                             : NULL) - 1;
  w->full = g_async_queue_new ();
  w->empty = g_async_queue_new ();
  g_mutex_init (&w->lock);
  g_cond_init (&w->idle);
  w->thread = g_thread_new ("summit-import", writer_thread, w);
  return TRUE;
}

/* The batch to add a row to; waits for the writer when all are in use. */
Batch *
writer_batch (Writer *w)
{
  if (w->current == NULL)
    w->current = g_async_queue_try_pop (w->empty);
  if (w->current == NULL && w->n_batches < MAX_BATCHES)
    {
      w->current = g_new0 (Batch, 1);
      w->current->chunk = g_string_chunk_new (128 * 1024);
      w->current->rows = g_array_sized_new (FALSE, FALSE, sizeof (PersonRow), BATCH_ROWS);
      w->n_batches++;
    }
  if (w->current == NULL)
    w->current = g_async_queue_pop (w->empty);
  return w->current;
}

/* Hands the current batch over; returns a copy of the writer's first
 * failure, if there was one so far. */
GError *
writer_flush (Writer *w)
{
  GError *error = NULL;

  g_mutex_lock (&w->lock);
  if (w->current != NULL && w->current->rows->len > 0)
    {
      w->pending++;
      g_async_queue_push (w->full, g_steal_pointer (&w->current));
    }
  if (w->error != NULL)
    error = g_error_copy (w->error);
  g_mutex_unlock (&w->lock);
  return error;
}

/* Hands everything over and waits until it is written. */
GError *
writer_sync (Writer *w)
{
  GError *error = NULL;

  if (w->thread == NULL)
    return NULL;
  error = writer_flush (w);
  g_clear_error (&error);
  g_mutex_lock (&w->lock);
  while (w->pending > 0)
    g_cond_wait (&w->idle, &w->lock);
  error = w->error ? g_error_copy (w->error) : NULL;
  g_mutex_unlock (&w->lock);
  return error;
}

/* Ends the thread, writing what was handed over (and no more). */
void
writer_stop (Writer *w)
{
  Batch *batch;

  if (w->thread == NULL)
    return;
  g_async_queue_push (w->full, &stop_batch);
  g_thread_join (g_steal_pointer (&w->thread));
  if (w->current != NULL)
    batch_free (g_steal_pointer (&w->current));
  while ((batch = g_async_queue_try_pop (w->empty)) != NULL)
    batch_free (batch);
  while ((batch = g_async_queue_try_pop (w->full)) != NULL)
    batch_free (batch);
  g_async_queue_unref (w->full);
  g_async_queue_unref (w->empty);
  g_clear_error (&w->error);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->idle);
  g_clear_pointer (&w->merge, summit_store_person_merge_free);
  g_string_free (g_steal_pointer (&w->list), TRUE);
}
