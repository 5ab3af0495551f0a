/* summit-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference lists a person's validation uses (ISO 3166 countries, IANA
 * time zones). The queries are in summit-store-people.c and
 * summit-store-invitations.c; the validation is in summit-person.c.
 */
#define G_LOG_DOMAIN "summit-people"

#include "config.h"

#include <string.h>

#include "summit-people.h"

/* Reference lists */

typedef struct
{
  GHashTable *countries;   /* code → name, both interned in names */
  GPtrArray  *codes;       /* sorted by code, NULL-terminated */
  GPtrArray  *timezones;   /* sorted, NULL-terminated */
} ReferenceLists;

static char *
tzdata_path (const char *name)
{
  const char *dir = g_getenv ("TZDIR");

  return g_build_filename (dir && *dir ? dir : "/usr/share/zoneinfo", name, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The ISO 3166 country list and the IANA zone list, as the system's tzdata
 * ships them (iso3166.tab, zone1970.tab): the same data GTimeZone reads.
 */
static ReferenceLists *
reference_lists (void)
{
  static gsize once = 0;
  static ReferenceLists lists;

  if (g_once_init_enter (&once))
    {
      g_autofree char *iso = tzdata_path ("iso3166.tab");
      g_autofree char *zones = tzdata_path ("zone1970.tab");
      g_autofree char *contents = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      lists.countries = g_hash_table_new (g_str_hash, g_str_equal);
      lists.codes = g_ptr_array_new ();
      lists.timezones = g_ptr_array_new ();

      if (g_file_get_contents (iso, &contents, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              g_auto(GStrv) cols = NULL;

              if (lines[i][0] == '#' || lines[i][0] == '\0')
                continue;
              cols = g_strsplit (lines[i], "\t", 2);
              if (cols[0] && cols[1] && strlen (cols[0]) == 2)
                {
                  const char *code = g_intern_string (cols[0]);
                  g_hash_table_insert (lists.countries, (gpointer)code,
                                       (gpointer)g_intern_string (cols[1]));
                  g_ptr_array_add (lists.codes, (gpointer)code);
                }
            }
        }
      else
        g_warning ("Could not read %s: countries cannot be checked", iso);
      g_clear_pointer (&contents, g_free);

      if (g_file_get_contents (zones, &contents, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            {
              g_auto(GStrv) cols = NULL;

              if (lines[i][0] == '#' || lines[i][0] == '\0')
                continue;
              cols = g_strsplit (lines[i], "\t", 4);
              if (g_strv_length (cols) >= 3 && !g_hash_table_contains (seen, cols[2]))
                {
                  const char *zone = g_intern_string (cols[2]);
                  g_hash_table_add (seen, (gpointer)zone);
                  g_ptr_array_add (lists.timezones, (gpointer)zone);
                }
            }
        }
      g_ptr_array_add (lists.timezones, (gpointer)g_intern_static_string ("UTC"));

      g_ptr_array_sort (lists.codes, compare_strings);
      g_ptr_array_sort (lists.timezones, compare_strings);
      g_ptr_array_add (lists.codes, NULL);
      g_ptr_array_add (lists.timezones, NULL);
      g_once_init_leave (&once, 1);
    }
  return &lists;
}

/**
 * summit_country_list_codes:
 *
 * Returns: (transfer none): the ISO 3166-1 alpha-2 codes, sorted
 */
const char * const *
summit_country_list_codes (void)
{
  return (const char * const *)reference_lists ()->codes->pdata;
}

/**
 * summit_country_get_name:
 *
 * Returns: (transfer none) (nullable): the English name of @code, or %NULL
 *   if it is not an ISO 3166 country
 */
const char *
summit_country_get_name (const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (reference_lists ()->countries, code);
}

gboolean
summit_country_is_known (const char *code)
{
  return summit_country_get_name (code) != NULL;
}

/**
 * summit_timezone_list:
 *
 * Returns: (transfer none): the IANA time zone identifiers, sorted
 */
const char * const *
summit_timezone_list (void)
{
  return (const char * const *)reference_lists ()->timezones->pdata;
}
