/* summit-store-pg-watch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine's watch (summit_store_watch()): a listening
 * connection that turns other connections' announcements into "changed",
 * and that says whether the server answers, retrying while it does not.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib-unix.h>
#include <stdlib.h>

#include "summit-store-pg-private.h"

/* Watching: other connections' announcements, and whether the server answers */

typedef struct
{
  GWeakRef  store;
  char     *table;
  GArray   *ids;
} Announcement;

static void
set_online (SummitStore *self,
            gboolean     online)
{
  PgDb *db = PG (self);

  if (db->online == online)
    return;
  db->online = online;
  summit_store_notify_online (self);
}

static void
announce (SummitStore *self,
          const char  *payload)
{
  g_auto(GStrv) parts = g_strsplit (payload, " ", 3);
  g_autoptr(GArray) ids = NULL;

  if (g_strv_length (parts) != 3)
    return;
  /* our own changes are on screen already */
  if (atoi (parts[1]) == PG (self)->backend_pid)
    return;
  if (!g_str_equal (parts[2], "*"))
    {
      g_auto(GStrv) numbers = g_strsplit (parts[2], ",", -1);

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_strv_length (numbers));
      for (guint i = 0; numbers[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (numbers[i], NULL, 10);
          g_array_append_val (ids, id);
        }
    }
  summit_store_emit_changed (self, g_str_equal (parts[0], "*") ? NULL : parts[0], ids);
}

static gboolean start_listening (SummitStore *self);

static gboolean
retry_cb (gpointer user_data)
{
  SummitStore *self = user_data;

  if (!start_listening (self))
    return G_SOURCE_CONTINUE;
  PG (self)->retry_source = 0;
  return G_SOURCE_REMOVE;
}

static void
lost_server (SummitStore *self)
{
  PgDb *db = PG (self);

  if (db->listener_source != 0)
    g_source_remove (db->listener_source);
  db->listener_source = 0;
  g_clear_pointer (&db->listener, PQfinish);
  set_online (self, FALSE);
  if (db->retry_source == 0)
    {
      GSource *source = g_timeout_source_new (1000);

      g_source_set_callback (source, retry_cb, self, NULL);
      g_source_set_name (source, "summit-store-retry");
      db->retry_source = g_source_attach (source, db->context);
      g_source_unref (source);
    }
}

static gboolean
listener_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  SummitStore *self = user_data;
  PgDb *db = PG (self);
  PGnotify *notify;

  if (!PQconsumeInput (db->listener) || PQstatus (db->listener) != CONNECTION_OK)
    {
      db->listener_source = 0;
      lost_server (self);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (db->listener)) != NULL)
    {
      announce (self, notify->extra);
      PQfreemem (notify);
    }
  return G_SOURCE_CONTINUE;
}

/* Connects the listener; %FALSE while the server does not answer. */
static gboolean
start_listening (SummitStore *self)
{
  PgDb *db = PG (self);
  gboolean was_offline = !db->online;
  PGresult *result;
  GSource *source;

  db->listener = summit_store_pg_connect (db->location, NULL);
  if (db->listener == NULL)
    return FALSE;
  result = PQexec (db->listener, "LISTEN " CHANNEL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      PQclear (result);
      g_clear_pointer (&db->listener, PQfinish);
      return FALSE;
    }
  PQclear (result);
  PQsetnonblocking (db->listener, TRUE);

  source = g_unix_fd_source_new (PQsocket (db->listener), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (source, (GSourceFunc)(GCallback)listener_cb, self, NULL);
  g_source_set_name (source, "summit-store-listener");
  db->listener_source = g_source_attach (source, db->context);
  g_source_unref (source);

  if (was_offline)
    {
      /* what others did meanwhile is unknown: everything may have changed */
      summit_store_pg_mend_connection (db);
      set_online (self, TRUE);
      summit_store_emit_changed (self, NULL, NULL);
    }
  return TRUE;
}

void
summit_store_pg_watch (SummitStore *self)
{
  PgDb *db = PG (self);

  if (db->watching)
    return;
  db->watching = TRUE;
  db->context = g_main_context_ref_thread_default ();
  if (!start_listening (self))
    lost_server (self);
}

void
summit_store_pg_stop_watching (PgDb *db)
{
  if (db->listener_source != 0)
    g_source_destroy (g_main_context_find_source_by_id (db->context, db->listener_source));
  if (db->retry_source != 0)
    g_source_destroy (g_main_context_find_source_by_id (db->context, db->retry_source));
  db->listener_source = db->retry_source = 0;
  g_clear_pointer (&db->listener, PQfinish);
  g_clear_pointer (&db->context, g_main_context_unref);
}

gboolean
summit_store_pg_is_online (SummitStore *self)
{
  return PG (self)->online;
}
