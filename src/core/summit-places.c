/* summit-places.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STAND-IN on branch i15 for engineer i16b's module (see summit-places.h):
 * country names are the English iso-codes names the people module already
 * loads, translated through the "iso_3166-1" gettext domain in the asked
 * language; zone cities are the id's last part.
 */
#define G_LOG_DOMAIN "summit-places"

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "summit-language.h"
#include "summit-people.h"
#include "summit-places.h"
#include "summit-time.h"

static GHashTable *
interned (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
  return table;
}

static const char *
keep (const char *kind,
      const char *key,
      const char *language,
      char       *value)
{
  static GMutex lock;
  g_autofree char *id = g_strdup_printf ("%s\x1f%s\x1f%s", kind, key, language ? language : "");
  const char *kept;

  g_mutex_lock (&lock);
  if ((kept = g_hash_table_lookup (interned (), id)) == NULL)
    {
      kept = value;
      g_hash_table_insert (interned (), g_steal_pointer (&id), value);
      value = NULL;
    }
  g_mutex_unlock (&lock);
  g_free (value);
  return kept;
}

const char *
summit_places_country_name (const char *alpha2,
                            const char *language)
{
  const char *english = summit_country_get_name (alpha2);
  g_autoptr(SummitLanguageScope) scope = NULL;

  if (english == NULL)
    return NULL;
  if (language != NULL)
    scope = summit_language_scope_new (language);
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  return keep ("country", alpha2, language, g_strdup (dgettext ("iso_3166-1", english)));
}

const char *
summit_places_zone_city (const char *zone,
                         const char *language)
{
  if (zone == NULL || *zone == '\0')
    return NULL;
  return keep ("zone", zone, language, summit_time_zone_city (zone));
}
