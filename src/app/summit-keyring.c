/* summit-keyring.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Server passwords in the GNOME keyring (the Secret Service, through
 * libsecret), under the server's host, port, database and user; never in
 * GSettings, a file or a log.
 */
#define G_LOG_DOMAIN "summit-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "summit-keyring.h"
#include "summit-store.h"

static const SecretSchema server_schema = {
  "io.github.summitplanner.SummitPlanner.Server", SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static char *
dup_part (GHashTable *parts,
          const char *keyword,
          const char *fallback)
{
  const char *value = parts ? g_hash_table_lookup (parts, keyword) : NULL;

  return g_strdup (value != NULL && *value != '\0' ? value : fallback);
}

/* The keyring's attributes for @location: what libpq would connect to, with
 * an empty value where the location leaves a part to libpq's defaults (the
 * port: its default). */
static GHashTable *
attributes_for (const char *location)
{
  g_autoptr(GHashTable) parts = summit_store_location_parse (location);
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "host", dup_part (parts, "host", ""));
  g_hash_table_insert (attributes, "port", dup_part (parts, "port", "5432"));
  g_hash_table_insert (attributes, "database", dup_part (parts, "dbname", ""));
  g_hash_table_insert (attributes, "user", dup_part (parts, "user", ""));
  return attributes;
}

/**
 * summit_keyring_lookup_sync:
 *
 * Returns: (transfer full) (nullable): the password remembered for
 *   @location's server and user, or %NULL (with @error set if the keyring
 *   could not be asked)
 */
char *
summit_keyring_lookup_sync (const char    *location,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);
  char *secret = secret_password_lookupv_sync (&server_schema, attributes, cancellable, error);
  char *password = g_strdup (secret);

  secret_password_free (secret);
  return password;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *password = summit_keyring_lookup_sync (task_data, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, g_free);
}

/**
 * summit_keyring_lookup:
 *
 * Looks up the password remembered for @location in a worker thread; the
 * answer comes through summit_keyring_lookup_finish().
 */
void
summit_keyring_lookup (const char          *location,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, summit_keyring_lookup);
  g_task_set_task_data (task, g_strdup (location), g_free);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * summit_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL if none is
 *   remembered (or, with @error set, the keyring could not be asked)
 */
char *
summit_keyring_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * summit_keyring_store_sync:
 *
 * Remembers @password for @location's server and user, replacing the one
 * remembered before.
 *
 * Returns: %TRUE if the keyring took it
 */
gboolean
summit_keyring_store_sync (const char    *location,
                           const char    *password,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);
  g_autofree char *shown = summit_store_location_display (location);
  /* Translators: the name of a password in the keyring; %s is the server (no password) */
  g_autofree char *label = g_strdup_printf (_("Summit Planner: %s"), shown);

  return secret_password_storev_sync (&server_schema, attributes, SECRET_COLLECTION_DEFAULT, label,
                                      password, cancellable, error);
}

/**
 * summit_keyring_clear_sync:
 *
 * Forgets the password remembered for @location's server and user.
 *
 * Returns: %FALSE with @error set if the keyring could not be asked
 */
gboolean
summit_keyring_clear_sync (const char    *location,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);
  GError *local = NULL;

  /* Nothing to forget is not a failure. */
  secret_password_clearv_sync (&server_schema, attributes, cancellable, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_keyring_prepare:
 *
 * For a server @location that holds no password: gives the store the one
 * the keyring remembers, if any, so that this process's connections to it
 * (worker threads' too) use it. Blocks while the keyring answers.
 */
void
summit_keyring_prepare (const char *location)
{
  g_autoptr(GHashTable) parts = summit_store_location_parse (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (parts == NULL || g_hash_table_contains (parts, "password"))
    return;
  password = summit_keyring_lookup_sync (location, NULL, &error);
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  else if (password != NULL)
    summit_store_set_password (location, password);
}
