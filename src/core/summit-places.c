/* summit-places.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Countries and time zones as a person names them, in their language: country
 * names from the iso-codes package (its JSON list and the "iso_3166-1" gettext
 * domain, as GNOME reads them), zone cities from CLDR's exemplar cities
 * (unicode-cldr-core), and the search words that find either.
 */
#define G_LOG_DOMAIN "summit-places"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libintl.h>
#include <libxml/xmlreader.h>
#include <locale.h>
#include <string.h>

#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-places.h"
#include "summit-time.h"

#define ISO_DOMAIN "iso_3166-1"

typedef struct
{
  const char *name;            /* the short English name: common name, else name */
  const char *official_name;   /* nullable */
} Country;

/* Everything below is filled lazily and lives for the process; the lock
 * guards the tables, whose values are interned strings. */
G_LOCK_DEFINE_STATIC (places);
static GHashTable *countries;      /* alpha-2 → Country */
static GHashTable *translations;   /* "language\x1fmsgid" → translated name */
static GHashTable *zone_aliases;   /* IANA id → the id CLDR files use */
static GHashTable *cldr_files;     /* CLDR locale ("zh_Hant") → (zone → city), or empty */

/* Strings that live for the process, kept in a table of our own: GLib's
 * g_intern_string() would make thousands of quarks, whose blocks GLib
 * drops without freeing as the table grows (a leak to LeakSanitizer). */
static const char *
places_intern (const char *text)
{
  G_LOCK_DEFINE_STATIC (pool);
  static GHashTable *pool;
  const char *kept;

  if (text == NULL)
    return NULL;
  G_LOCK (pool);
  if (pool == NULL)
    pool = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kept = g_hash_table_lookup (pool, text);
  if (kept == NULL)
    {
      char *copy = g_strdup (text);
      g_hash_table_add (pool, copy);
      kept = copy;
    }
  G_UNLOCK (pool);
  return kept;
}

/* Auxiliary methods: country names */

static const char *
json_string (JsonObject *object,
             const char *member)
{
  const char *value = json_object_get_string_member_with_default (object, member, NULL);

  return value && *value ? places_intern (value) : NULL;
}

/* Reads iso_3166-1.json once; called with the lock held. */
static void
load_countries (void)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *list = NULL;

  if (countries != NULL)
    return;
  countries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  bindtextdomain (ISO_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");

  path = g_build_filename (ISO_CODES_JSONDIR, "iso_3166-1.json", NULL);
  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_warning ("Could not read the country names: %s", error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), "3166-1");
      if (node && JSON_NODE_HOLDS_ARRAY (node))
        list = json_node_get_array (node);
    }
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      const char *code = entry ? json_string (entry, "alpha_2") : NULL;
      Country *country;

      if (code == NULL || json_string (entry, "name") == NULL)
        continue;
      country = g_new0 (Country, 1);
      country->name = json_string (entry, "common_name");
      if (country->name == NULL)
        country->name = json_string (entry, "name");
      country->official_name = json_string (entry, "official_name");
      g_hash_table_insert (countries, (gpointer)code, country);
    }
}

/* A locale for gettext's LC_MESSAGES in @language ("pl", "zh_TW"), trying the
 * language itself and then its most usual territory ("pl" → "pl_PL"). */
static locale_t
messages_locale (const char *tag)
{
  g_autofree char *language = g_strdelimit (g_strdup (tag), "-", '_');   /* "zh-TW" too */
  g_autofree char *lang = g_strndup (language, strcspn (language, "_.@"));
  g_autofree char *upper = g_ascii_strup (lang, -1);
  g_autofree char *plain = g_strndup (language, strcspn (language, ".@"));
  char *candidates[] = {
    g_strconcat (plain, ".UTF-8", NULL),
    g_strconcat (lang, "_", upper, ".UTF-8", NULL),
    g_strdup (language),
  };
  locale_t result = (locale_t)0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (result == (locale_t)0)
        result = newlocale (LC_MESSAGES_MASK, candidates[i], (locale_t)0);
      g_free (candidates[i]);
    }
  return result;
}

/* @msgid in the iso-codes domain, in @language or the user's (NULL);
 * called with the lock held. */
static const char *
translate (const char *msgid,
           const char *language)
{
  g_autofree char *key = NULL;
  const char *found;
  locale_t locale, previous;

  if (language == NULL)
    return places_intern (dgettext (ISO_DOMAIN, msgid));
  if (g_str_equal (language, "en") || g_str_has_prefix (language, "en_")
      || g_str_equal (language, "C"))
    return msgid;

  if (translations == NULL)
    translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  key = g_strconcat (language, "\x1f", msgid, NULL);
  if ((found = g_hash_table_lookup (translations, key)) != NULL)
    return found;

  found = msgid;
  if ((locale = messages_locale (language)) != (locale_t)0)
    {
      previous = uselocale (locale);
      found = places_intern (dgettext (ISO_DOMAIN, msgid));
      uselocale (previous);
      freelocale (locale);
    }
  g_hash_table_insert (translations, g_steal_pointer (&key), (gpointer)found);
  return found;
}

/* Auxiliary methods: zone cities */

/* CLDR names a few zones by their older IANA ids ("Asia/Calcutta" for
 * "Asia/Kolkata"); bcp47/timezone.xml lists each zone's ids, CLDR's first. */
static void
load_zone_aliases (void)
{
  g_autofree char *path = NULL;
  xmlTextReaderPtr reader;

  if (zone_aliases != NULL)
    return;
  zone_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  path = g_build_filename (CLDR_DIR, "bcp47", "timezone.xml", NULL);
  reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return;
  while (xmlTextReaderRead (reader) == 1)
    {
      g_autofree char *alias = NULL;
      g_auto(GStrv) ids = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || !xmlStrEqual (xmlTextReaderConstLocalName (reader), BAD_CAST "type"))
        continue;
      alias = (char *)xmlTextReaderGetAttribute (reader, BAD_CAST "alias");
      if (alias == NULL || strchr (alias, ' ') == NULL)
        continue;
      ids = g_strsplit (alias, " ", -1);
      for (guint i = 1; ids[i]; i++)
        if (*ids[i])
          g_hash_table_replace (zone_aliases, g_strdup (ids[i]), g_strdup (ids[0]));
    }
  xmlFreeTextReader (reader);
}

/* The <exemplarCity> of every <zone> in one CLDR locale file, read once with
 * libxml2's reader; called with the lock held. */
static GHashTable *
cldr_cities (const char *cldr_locale)
{
  g_autofree char *path = NULL;
  g_autofree char *zone = NULL;
  GHashTable *cities;
  xmlTextReaderPtr reader;

  if (cldr_files == NULL)
    cldr_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_hash_table_unref);
  if ((cities = g_hash_table_lookup (cldr_files, cldr_locale)) != NULL)
    return cities;

  cities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (cldr_files, g_strdup (cldr_locale), cities);
  path = g_strconcat (CLDR_DIR G_DIR_SEPARATOR_S "main" G_DIR_SEPARATOR_S, cldr_locale, ".xml",
                      NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return cities;
  reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return cities;
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const xmlChar *name = xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlStrEqual (name, BAD_CAST "zone"))
        g_clear_pointer (&zone, xmlFree);
      /* The cities are all in <timeZoneNames>: the rest of the file is not read. */
      if (type == XML_READER_TYPE_END_ELEMENT && xmlStrEqual (name, BAD_CAST "timeZoneNames"))
        break;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (xmlStrEqual (name, BAD_CAST "zone"))
        {
          g_clear_pointer (&zone, xmlFree);
          zone = (char *)xmlTextReaderGetAttribute (reader, BAD_CAST "type");
        }
      else if (zone && xmlStrEqual (name, BAD_CAST "exemplarCity")
               && !xmlTextReaderMoveToAttribute (reader, BAD_CAST "alt"))
        {
          g_autofree char *city = (char *)xmlTextReaderReadString (reader);
          if (city && *city)
            g_hash_table_replace (cities, g_strdup (zone), (gpointer)places_intern (city));
        }
    }
  xmlFreeTextReader (reader);
  return cities;
}

/* The CLDR locales to look a city up in for one POSIX locale name, most
 * specific first: "zh_TW.UTF-8" → zh_Hant_TW, zh_Hant; "pl_PL" → pl_PL, pl. */
static void
add_cldr_locales (GPtrArray  *out,
                  const char *posix)
{
  g_autofree char *lang = g_strndup (posix, strcspn (posix, "_.@"));
  const char *rest = posix + strlen (lang);
  g_autofree char *territory = *rest == '_' ? g_strndup (rest + 1, strcspn (rest + 1, ".@")) : NULL;

  if (*lang == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
    {
      g_ptr_array_add (out, g_strdup ("en"));
      return;
    }
  if (g_str_equal (lang, "zh"))
    {
      gboolean hant = territory && (g_str_equal (territory, "TW") || g_str_equal (territory, "HK")
                                    || g_str_equal (territory, "MO"));
      if (territory)
        g_ptr_array_add (out, g_strdup_printf ("zh_%s_%s", hant ? "Hant" : "Hans", territory));
      g_ptr_array_add (out, g_strdup (hant ? "zh_Hant" : "zh"));
      return;
    }
  if (territory)
    g_ptr_array_add (out, g_strdup_printf ("%s_%s", lang, territory));
  g_ptr_array_add (out, g_steal_pointer (&lang));
}

/* The user's languages in gettext's order: LANGUAGE's list unless the
 * locale is C, then the locale of LC_MESSAGES. */
static void
user_cldr_locales (GPtrArray *out)
{
  const char *current = setlocale (LC_MESSAGES, NULL);
  const char *list = g_getenv ("LANGUAGE");

  if (current == NULL)
    current = "C";
  if (list && *list && !g_str_equal (current, "C") && !g_str_equal (current, "POSIX"))
    {
      g_auto(GStrv) names = g_strsplit (list, ":", -1);
      for (guint i = 0; names[i]; i++)
        if (*names[i])
          add_cldr_locales (out, names[i]);
    }
  add_cldr_locales (out, current);
}

/* "Asia/Taipei" → "Taipei", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
static const char *
last_part (const char *zone)
{
  const char *slash = strrchr (zone, '/');
  g_autofree char *city = g_strdup (slash ? slash + 1 : zone);

  g_strdelimit (city, "_", ' ');
  return places_intern (city);
}

/* Auxiliary methods: search words */

/* Folded text with every run of other characters than letters and digits
 * made one space, and a space at each end: " europe warsaw warszawa ". */
static char *
search_words (const char *text)
{
  g_autofree char *folded = summit_people_fold (text);
  GString *out = g_string_new (" ");

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static gboolean
has_wide (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_iswide (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Public API */

/**
 * summit_places_country_name:
 * @alpha2: an ISO 3166-1 alpha-2 code, "PL"
 * @language: (nullable): %NULL for the user's language, else a locale name
 *   such as "en", "pl" or "zh_TW"
 *
 * The country's short name from the iso-codes package ("Taiwan", not its
 * official name), translated with iso-codes' own "iso_3166-1" domain.
 *
 * Returns: (transfer none) (nullable): the name, owned by the module for the
 *   life of the process, or %NULL if @alpha2 is no ISO 3166-1 code
 */
const char *
summit_places_country_name (const char *alpha2,
                            const char *language)
{
  const char *name = NULL;
  Country *country;

  if (alpha2 == NULL)
    return NULL;
  G_LOCK (places);
  load_countries ();
  if ((country = g_hash_table_lookup (countries, alpha2)) != NULL)
    name = translate (country->name, language);
  G_UNLOCK (places);
  return name;
}

/**
 * summit_places_zone_city:
 * @zone: an IANA zone id, "Europe/Warsaw"
 * @language: (nullable): as for summit_places_country_name()
 *
 * The zone's exemplar city from CLDR ("Warszawa" in Polish, "華沙" in
 * Traditional Chinese); where CLDR has none, the id's last part with spaces
 * for underscores ("Europe/Isle_of_Man" → "Isle of Man").
 *
 * Returns: (transfer none): the city, owned by the module for the life of
 *   the process
 */
const char *
summit_places_zone_city (const char *zone,
                         const char *language)
{
  g_autoptr(GPtrArray) locales = g_ptr_array_new_with_free_func (g_free);
  const char *city = NULL;
  const char *cldr_zone;

  g_return_val_if_fail (zone != NULL, NULL);

  if (language != NULL)
    {
      g_autofree char *posix = g_strdelimit (g_strdup (language), "-", '_');   /* "zh-TW" too */
      add_cldr_locales (locales, posix);
    }
  else
    user_cldr_locales (locales);

  G_LOCK (places);
  load_zone_aliases ();
  cldr_zone = g_hash_table_lookup (zone_aliases, zone);
  for (guint i = 0; city == NULL && i < locales->len; i++)
    {
      GHashTable *cities = cldr_cities (locales->pdata[i]);
      city = g_hash_table_lookup (cities, zone);
      if (city == NULL && cldr_zone != NULL)
        city = g_hash_table_lookup (cities, cldr_zone);
    }
  if (city == NULL)
    city = last_part (zone);
  G_UNLOCK (places);
  return city;
}

/**
 * summit_places_country_keywords:
 *
 * The words that find a country: its code, its English short and official
 * names, and its names in the user's language, folded for
 * summit_places_keywords_match().
 *
 * Returns: (transfer full): the words
 */
char *
summit_places_country_keywords (const char *alpha2)
{
  g_autofree char *text = NULL;
  Country *country;

  g_return_val_if_fail (alpha2 != NULL, NULL);

  G_LOCK (places);
  load_countries ();
  country = g_hash_table_lookup (countries, alpha2);
  if (country == NULL)
    text = g_strdup (alpha2);
  else
    text = g_strjoin (" ", alpha2, country->name, translate (country->name, NULL),
                      country->official_name ? country->official_name : "",
                      country->official_name ? translate (country->official_name, NULL) : "",
                      NULL);
  G_UNLOCK (places);
  return search_words (text);
}

/**
 * summit_places_zone_keywords:
 *
 * The words that find a zone: each part of its id, and its city in English
 * and in the user's language, folded for summit_places_keywords_match().
 *
 * Returns: (transfer full): the words
 */
char *
summit_places_zone_keywords (const char *zone)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (zone != NULL, NULL);

  text = g_strjoin (" ", zone, summit_places_zone_city (zone, "en"),
                    summit_places_zone_city (zone, NULL), NULL);
  return search_words (text);
}

/**
 * summit_places_keywords_match:
 * @keywords: from summit_places_country_keywords() or _zone_keywords()
 * @query: what a person typed: "warsaw", "Polska", "asia tok", "華沙"
 *
 * Every word of @query must begin one of the @keywords, ignoring case and
 * accents; a word in Chinese or Japanese script may stand anywhere in them,
 * as those scripts put no spaces between words.
 *
 * Returns: %TRUE if @query finds the place (an empty @query finds all)
 */
gboolean
summit_places_keywords_match (const char *keywords,
                              const char *query)
{
  g_autofree char *words = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (keywords != NULL, FALSE);

  if (query == NULL)
    return TRUE;
  words = search_words (query);
  parts = g_strsplit (g_strstrip (words), " ", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *start = g_strconcat (" ", parts[i], NULL);

      if (*parts[i] == '\0')
        continue;
      if (strstr (keywords, has_wide (parts[i]) ? parts[i] : start) == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * summit_places_find_zone:
 * @query: a zone id the system knows ("Europe/Warsaw") or what finds one
 *   zone of the list ("Warsaw", "Warszawa" under Polish, "Tokyo")
 *
 * Returns: (transfer none) (nullable): the one zone @query names, or %NULL
 *   if it finds none, or several and none by its very city
 */
const char *
summit_places_find_zone (const char *query)
{
  const char * const *zones = summit_timezone_list ();
  g_autofree char *exact = NULL;
  const char *found = NULL;
  const char *by_city = NULL;
  guint n_found = 0, n_by_city = 0;

  if (query == NULL || *query == '\0')
    return NULL;
  if (summit_time_zone_is_known (query))
    return places_intern (query);

  exact = search_words (query);
  for (guint i = 0; zones[i]; i++)
    {
      g_autofree char *keywords = summit_places_zone_keywords (zones[i]);
      g_autofree char *en = NULL;
      g_autofree char *local = NULL;

      if (!summit_places_keywords_match (keywords, query))
        continue;
      found = zones[i];
      n_found++;
      en = search_words (summit_places_zone_city (zones[i], "en"));
      local = search_words (summit_places_zone_city (zones[i], NULL));
      if (g_str_equal (en, exact) || g_str_equal (local, exact))
        {
          by_city = zones[i];
          n_by_city++;
        }
    }
  if (n_found == 1)
    return found;
  return n_by_city == 1 ? by_city : NULL;
}
