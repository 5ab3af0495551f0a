/* summit-store-seed.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new database's first contents, and where the database is by default.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include "summit-core-resources.h"
#include "summit-store-seed.h"
#include "summit-xml.h"

#define DATA_PATH RESOURCE_BASE "/data/"

/**
 * summit_store_seed:
 *
 * Fills a new database with the facts of the public announcement
 * (data/seed.xml, built in).
 */
gboolean
summit_store_seed (SummitStore  *store,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (summit_core_get_resource (), DATA_PATH "seed.xml",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  return summit_xml_import_bytes (store, bytes, "seed.xml", NULL, NULL, error);
}

/**
 * summit_store_open_and_seed:
 *
 * Opens @path like summit_store_open(), seeding it if it was new.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SummitStore *
summit_store_open_and_seed (const char  *path,
                            GError     **error)
{
  return summit_store_open_and_seed_with_flags (path, SUMMIT_STORE_OPEN_NONE, error);
}

/**
 * summit_store_open_and_seed_with_flags:
 *
 * Opens @path like summit_store_open_with_flags(), seeding it if it was new.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SummitStore *
summit_store_open_and_seed_with_flags (const char            *path,
                                       SummitStoreOpenFlags   flags,
                                       GError               **error)
{
  g_autoptr(SummitStore) store = NULL;

  store = summit_store_open_with_flags (path, flags | SUMMIT_STORE_OPEN_HOLD_CREATION, error);
  if (store == NULL)
    return NULL;
  if (summit_store_is_new (store) && !summit_store_seed (store, error))
    {
      summit_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/**
 * summit_default_database_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/summit-planner/summit.db`
 */
char *
summit_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "summit-planner", "summit.db", NULL);
}
