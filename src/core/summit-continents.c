/* summit-continents.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which continent a country is in, from CLDR's territory containment (the UN
 * M49 regions, package unicode-cldr-core): a country's region is climbed up
 * to the one the world (001) contains directly — Africa 002, Americas 019,
 * Asia 142, Europe 150, Oceania 009.
 */
#define G_LOG_DOMAIN "summit-continents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "summit-continents.h"

/* child region or country → its parent region, interned strings */
static GHashTable *
containment (void)
{
  static GHashTable *parents;

  if (g_once_init_enter (&parents))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
      const char *path = g_getenv ("SUMMIT_CLDR_SUPPLEMENTAL");
      xmlTextReaderPtr reader;

      reader = xmlReaderForFile (path ? path : SUMMIT_CLDR_SUPPLEMENTAL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      while (reader != NULL && xmlTextReaderRead (reader) == 1)
        {
          const char *name = (const char *)xmlTextReaderConstLocalName (reader);
          g_autofree xmlChar *type = NULL, *contains = NULL, *status = NULL, *grouping = NULL;
          g_auto(GStrv) children = NULL;

          if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
            continue;
          /* Everything after the containment table is of no use here. */
          if (strcmp (name, "languageData") == 0)
            break;
          if (strcmp (name, "group") != 0)
            continue;
          type = xmlTextReaderGetAttribute (reader, BAD_CAST "type");
          contains = xmlTextReaderGetAttribute (reader, BAD_CAST "contains");
          status = xmlTextReaderGetAttribute (reader, BAD_CAST "status");
          grouping = xmlTextReaderGetAttribute (reader, BAD_CAST "grouping");
          /* Only the strict tree: not EU/UN groupings nor deprecated codes. */
          if (type == NULL || contains == NULL || status != NULL || grouping != NULL)
            continue;
          children = g_strsplit ((const char *)contains, " ", -1);
          for (guint i = 0; children[i] != NULL; i++)
            if (*children[i] != '\0')
              g_hash_table_insert (table, (gpointer)g_intern_string (children[i]),
                                   (gpointer)g_intern_string ((const char *)type));
        }
      if (reader == NULL)
        g_warning ("Cannot read the CLDR regions from %s; continents will be unknown",
                   path ? path : SUMMIT_CLDR_SUPPLEMENTAL);
      xmlFreeTextReader (reader);
      g_once_init_leave (&parents, table);
    }
  return parents;
}

/**
 * summit_continent_of_country:
 *
 * Returns: (transfer none) (nullable): the M49 code of @alpha2's continent,
 *   "150" for PL, or %NULL when CLDR does not place it
 */
const char *
summit_continent_of_country (const char *alpha2)
{
  GHashTable *parents = containment ();
  const char *region;

  if (alpha2 == NULL || *alpha2 == '\0')
    return NULL;
  region = g_hash_table_lookup (parents, alpha2);
  for (int depth = 0; region != NULL && depth < 8; depth++)
    {
      const char *up = g_hash_table_lookup (parents, region);

      if (g_strcmp0 (up, "001") == 0)
        return region;
      region = up;
    }
  return NULL;
}

/**
 * summit_continent_name:
 *
 * Returns: (transfer none): the translated name of the continent @code
 */
const char *
summit_continent_name (const char *code)
{
  if (g_strcmp0 (code, "002") == 0)
    return C_("continent", "Africa");
  if (g_strcmp0 (code, "019") == 0)
    return C_("continent", "Americas");
  if (g_strcmp0 (code, "142") == 0)
    return C_("continent", "Asia");
  if (g_strcmp0 (code, "150") == 0)
    return C_("continent", "Europe");
  if (g_strcmp0 (code, "009") == 0)
    return C_("continent", "Oceania");
  return C_("continent", "Unknown");
}
