/* summit-store-pg.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine behind the store, for team mode: a whole office on
 * one server database. The only file that includes <libpq-fe.h>.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "summit-store-pg.h"
#include "summit-store-private.h"

/* Passwords given for a location, kept in memory only. */
static GMutex passwords_lock;
static GHashTable *passwords;

/**
 * summit_store_location_is_server:
 * @location: what --database says
 *
 * Returns: %TRUE for a libpq connection URI or a key=value connection
 *   string that libpq understands; %FALSE for anything else (a file path)
 */
gboolean
summit_store_location_is_server (const char *location)
{
  PQconninfoOption *options;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* "host=… dbname=…": a keyword, then "="; a path never starts so */
  if (!g_ascii_isalpha (location[0]) || strchr (location, '=') == NULL ||
      (strchr (location, '/') != NULL && strchr (location, '/') < strchr (location, '=')))
    return FALSE;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/**
 * summit_store_location_display:
 * @location: a file path or a server location
 *
 * Returns: (transfer full): @location to show a person or write in a log:
 *   a server location without its password; a path as it is
 */
char *
summit_store_location_display (const char *location)
{
  PQconninfoOption *options;
  GString *out;

  g_return_val_if_fail (location != NULL, NULL);

  if (!summit_store_location_is_server (location))
    return g_strdup (location);
  if (g_str_has_prefix (location, "postgres"))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED,
                                         NULL);
      /* without the query too: it may hold password=… */
      return uri ? g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_user (uri),
                               g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                               NULL, NULL)
                 : g_strdup ("postgresql://");
    }

  options = PQconninfoParse (location, NULL);
  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s=%s", o->keyword, o->val);
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

void
summit_store_set_password (const char *location,
                           const char *password)
{
  g_return_if_fail (location != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (location), g_strdup (password));
  else
    g_hash_table_remove (passwords, location);
  g_mutex_unlock (&passwords_lock);
}

static char *
dup_password (const char *location)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, location));
  g_mutex_unlock (&passwords_lock);
  return password;
}

static gboolean
pg_open (SummitStore           *self,
         int                    version,
         SummitStoreOpenFlags   flags,
         GError               **error)
{
  g_autofree char *password = dup_password (self->path);

  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
               _("Could not connect to “%s”"), self->path);
  return FALSE;
}

const SummitEngine summit_engine_pg = {
  .open = pg_open,
};

/* For the store's files that need libpq beyond the seam (summit-store-pg.h). */
PGconn *
summit_store_pg_get_conn (SummitStore *self)
{
  return self->db;
}
