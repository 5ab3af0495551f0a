/* summit-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's validation and the reference lists it uses (ISO 3166 countries,
 * IANA time zones). The queries are in summit-store-people.c and
 * summit-store-invitations.c.
 */
#define G_LOG_DOMAIN "summit-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "summit-language.h"
#include "summit-people.h"
#include "summit-text.h"
#include "summit-time.h"

/* Validation */

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

/**
 * summit_email_is_valid:
 *
 * A practical check of the address syntax: one "@", something before it,
 * a domain with a dot after it, no spaces.
 */
gboolean
summit_email_is_valid (const char *email)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+"
                                    "@[\\w\\x{80}-\\x{10FFFF}-]+(\\.[\\w\\x{80}-\\x{10FFFF}-]+)+$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  return email != NULL && g_utf8_validate (email, -1, NULL) &&
         g_regex_match (regex, email, 0, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * summit_person_validate_field:
 *
 * Checks one field of @person as a person would: a name is required (any of
 * given, family or native-script name), the email must look like one, the
 * country must be an ISO 3166 code and the time zone one GTimeZone knows;
 * no field holds a control character (notes may hold tabs and line feeds).
 * Empty optional fields are fine.
 *
 * Returns: %TRUE if @field is acceptable; otherwise %FALSE with @error
 *   saying why, in words for the person typing
 */
gboolean
summit_person_validate_field (SummitPerson       *person,
                              SummitPersonField   field,
                              GError            **error)
{
  const char *value;

  g_return_val_if_fail (SUMMIT_IS_PERSON (person), FALSE);
  g_return_val_if_fail (field < SUMMIT_PERSON_N_FIELDS, FALSE);

  value = summit_person_get_field (person, field);
  if (!summit_text_check_controls (value, summit_person_attribute_name (field),
                                   field == SUMMIT_PERSON_NOTES, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;

  switch (field)
    {
    case SUMMIT_PERSON_GIVEN_NAME:
    case SUMMIT_PERSON_FAMILY_NAME:
    case SUMMIT_PERSON_NATIVE_NAME:
      if (is_blank (summit_person_get_given_name (person)) &&
          is_blank (summit_person_get_family_name (person)) &&
          is_blank (summit_person_get_native_name (person)))
        {
          g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                               _("A name is required: enter a given, family or native-script name"));
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_EMAIL:
      if (*value != '\0' && !summit_email_is_valid (value))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("“%s” is not an email address (expected name@example.org)"), value);
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_COUNTRY:
      if (*value != '\0' && !summit_country_is_known (value))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("“%s” is not an ISO 3166 country code (such as PL or TW)"), value);
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_TIMEZONE:
      if (*value != '\0' && !summit_time_zone_is_known (value))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("“%s” is not a known time zone (such as Europe/Warsaw)"), value);
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_POSITION_KIND:
      {
        SummitPositionKind kind;

        if (*value != '\0' && !summit_position_kind_from_string (value, &kind))
          {
            g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                         _("“%s” is not a position kind (mayor, deputy-mayor or official)"), value);
            return FALSE;
          }
        return TRUE;
      }

    case SUMMIT_PERSON_LETTER_LANGUAGE:
      if (*value != '\0' && !summit_language_is_known (value))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("“%s” is not a letter language (en, pl or zh_TW)"), value);
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_UID:
    case SUMMIT_PERSON_HONORIFIC:
    case SUMMIT_PERSON_POSITION:
    case SUMMIT_PERSON_CITY:
    case SUMMIT_PERSON_ORGANISATION:
    case SUMMIT_PERSON_PHONE:
    case SUMMIT_PERSON_NOTES:
    case SUMMIT_PERSON_N_FIELDS:
    default:
      return TRUE;
    }
}

/**
 * summit_person_validate:
 * @bad_field: (out) (optional): the first field that is not acceptable
 *
 * Returns: %TRUE if every field of @person is acceptable
 */
gboolean
summit_person_validate (SummitPerson       *person,
                        SummitPersonField  *bad_field,
                        GError            **error)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    if (!summit_person_validate_field (person, i, error))
      {
        if (bad_field)
          *bad_field = i;
        return FALSE;
      }
  return TRUE;
}
