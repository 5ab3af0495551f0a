/* summit-live.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For windows that follow a shared database: whether a change announced by
 * the store (SummitStore::changed) concerns what they show, and a save
 * retried on its own once the server that could not be reached is back.
 */
#define G_LOG_DOMAIN "summit-live"

#include "config.h"

#include "summit-live.h"

struct _SummitRetry
{
  SummitStore *store;
  GSourceFunc  func;
  gpointer     user_data;
  guint        interval_ms;
  guint        timeout;
  gulong       online_handler;
};

/**
 * summit_live_concerns:
 * @table: (nullable): the table announced, %NULL for any
 * @ids: (nullable) (element-type gint64): the rows announced, %NULL for any
 * @tables: the tables the caller shows
 * @id: the row the caller shows, or 0 for any row of @tables
 *
 * Returns: whether a change of @table and @ids may change what the caller shows
 */
gboolean
summit_live_concerns (const char         *table,
                      GArray             *ids,
                      const char * const *tables,
                      gint64              id)
{
  if (table != NULL && !g_strv_contains (tables, table))
    return FALSE;
  if (ids == NULL || id == 0)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/**
 * summit_live_should_retry:
 *
 * Returns: whether a write that failed with @error may succeed unchanged
 *   later: the server could not be reached, and nothing was written
 */
gboolean
summit_live_should_retry (const GError *error)
{
  return g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION);
}

static void
retry_fire (SummitRetry *retry)
{
  g_clear_handle_id (&retry->timeout, g_source_remove);
  g_clear_signal_handler (&retry->online_handler, retry->store);
  /* Last: it may free @retry. */
  retry->func (retry->user_data);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  SummitRetry *retry = user_data;

  retry->timeout = 0;
  retry_fire (retry);
  return G_SOURCE_REMOVE;
}

static void
retry_online_cb (SummitStore *store,
                 GParamSpec  *pspec,
                 SummitRetry *retry)
{
  if (summit_store_is_online (store))
    retry_fire (retry);
}

/**
 * summit_retry_new:
 * @interval_ms: how long to wait at most before trying again
 * @func: tries again; its return value is ignored
 *
 * Returns: (transfer full): a retry, not yet scheduled
 */
SummitRetry *
summit_retry_new (SummitStore *store,
                  guint        interval_ms,
                  GSourceFunc  func,
                  gpointer     user_data)
{
  SummitRetry *retry;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  retry = g_new0 (SummitRetry, 1);
  retry->store = g_object_ref (store);
  retry->interval_ms = interval_ms;
  retry->func = func;
  retry->user_data = user_data;
  return retry;
}

/**
 * summit_retry_schedule:
 *
 * Calls the retry's function once, when the store says it is online again
 * or after the interval, whichever comes first; again only if scheduled again.
 */
void
summit_retry_schedule (SummitRetry *retry)
{
  g_return_if_fail (retry != NULL);

  if (retry->timeout != 0)
    return;
  retry->timeout = g_timeout_add (retry->interval_ms, retry_timeout_cb, retry);
  retry->online_handler = g_signal_connect (retry->store, "notify::online",
                                            G_CALLBACK (retry_online_cb), retry);
}

gboolean
summit_retry_is_scheduled (SummitRetry *retry)
{
  g_return_val_if_fail (retry != NULL, FALSE);
  return retry->timeout != 0;
}

void
summit_retry_free (SummitRetry *retry)
{
  if (retry == NULL)
    return;
  g_clear_handle_id (&retry->timeout, g_source_remove);
  g_clear_signal_handler (&retry->online_handler, retry->store);
  g_clear_object (&retry->store);
  g_free (retry);
}
