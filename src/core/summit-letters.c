/* summit-letters.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invitation letters, each in its guest's language: Polish for PL,
 * Traditional Chinese for TW, English otherwise. The wording is a template
 * per language, data/letters/letter-LANG.ini in the GResource; this file
 * only chooses the template's lines and fills in their {placeholders}.
 */
#define G_LOG_DOMAIN "summit-letters"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "summit-core-resources.h"
#include "summit-document.h"
#include "summit-language.h"
#include "summit-letters.h"
#include "summit-people.h"
#include "summit-places.h"
#include "summit-programme.h"
#include "summit-time.h"

#define TEMPLATE_PATH "/io/github/summitplanner/SummitPlanner/data/letters/letter-%s.ini"

G_DEFINE_QUARK (summit-letters-error-quark, summit_letters_error)

typedef struct
{
  const char *language;
  GKeyFile   *keys;
} Template;

static GKeyFile *
load_template (const char  *language,
               GError     **error)
{
  g_autofree char *path = g_strdup_printf (TEMPLATE_PATH, language);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (summit_core_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keys, bytes, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, SUMMIT_LETTERS_ERROR, SUMMIT_LETTERS_ERROR_TEMPLATE,
                   /* Translators: %s: a language code; then why */
                   _("The letter template for “%s” cannot be read: %s"), language,
                   local_error ? local_error->message : _("it is missing"));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static char *
template_text (GKeyFile   *keys,
               const char *group,
               const char *key)
{
  char *value = g_key_file_get_string (keys, group, key, NULL);

  return value ? value : g_strdup ("");
}

/* Replaces each {name} in @text by its value in @vars; unknown names stay. */
static char *
expand (const char *text,
        GHashTable *vars)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = g_hash_table_lookup (vars, name);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
expand_key (GKeyFile   *keys,
            const char *key,
            GHashTable *vars)
{
  g_autofree char *line = template_text (keys, "Letter", key);

  return expand (line, vars);
}

/* "male", "female", or NULL when the honorific does not say. */
static const char *
gender_of (GKeyFile     *keys,
           SummitPerson *person)
{
  const char *genders[] = { "male", "female" };
  g_autofree char *honorific = g_utf8_casefold (summit_person_get_field (person, SUMMIT_PERSON_HONORIFIC), -1);

  g_strstrip (honorific);
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (keys, "Honorifics", genders[i], NULL, NULL);

      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        if (*honorific != '\0' && g_strcmp0 (honorific, words[j]) == 0)
          return genders[i];
    }
  return NULL;
}

/* The template's position class, "mayor", matched in [Positions]' order. */
static char *
position_class (GKeyFile     *keys,
                SummitPerson *person)
{
  g_autofree char *position = g_utf8_casefold (summit_person_get_field (person, SUMMIT_PERSON_POSITION), -1);
  g_auto(GStrv) order = g_key_file_get_string_list (keys, "Positions", "order", NULL, NULL);

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (keys, "Positions", order[i], NULL, NULL);

      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        if (*words[j] != '\0' && strstr (position, words[j]) != NULL)
          return g_strdup (order[i]);
    }
  return NULL;
}

static char *
full_name (SummitPerson *person)
{
  const char *given = summit_person_get_field (person, SUMMIT_PERSON_GIVEN_NAME);
  const char *family = summit_person_get_field (person, SUMMIT_PERSON_FAMILY_NAME);

  if (*given == '\0' || *family == '\0')
    return g_strconcat (given, family, NULL);
  return g_strdup_printf ("%s %s", given, family);
}

/* What the letter knows of its guest, by placeholder name. */
static GHashTable *
person_vars (GKeyFile     *keys,
             SummitPerson *person,
             const char   *language)
{
  GHashTable *vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *native = summit_person_get_field (person, SUMMIT_PERSON_NATIVE_NAME);
  const char *honorific = summit_person_get_field (person, SUMMIT_PERSON_HONORIFIC);
  const char *family = summit_person_get_field (person, SUMMIT_PERSON_FAMILY_NAME);
  const char *gender = gender_of (keys, person);
  const char *country = summit_places_country_name (summit_person_get_field (person, SUMMIT_PERSON_COUNTRY),
                                                    language);
  g_autofree char *name = full_name (person);

  g_hash_table_insert (vars, "name", g_strdup (*native ? native : name));
  g_hash_table_insert (vars, "full_name", g_strdup (name));
  g_hash_table_insert (vars, "native_name", g_strdup (native));
  g_hash_table_insert (vars, "honorific", g_strdup (honorific));
  g_hash_table_insert (vars, "given_name", g_strdup (summit_person_get_field (person, SUMMIT_PERSON_GIVEN_NAME)));
  g_hash_table_insert (vars, "family_name", g_strdup (*family ? family : name));
  g_hash_table_insert (vars, "addressee", *honorific && *family
                                          ? g_strdup_printf ("%s %s", honorific, family)
                                          : g_strdup (name));
  g_hash_table_insert (vars, "addressee_acc",
                       template_text (keys, "Addressee", gender ? gender : "default"));
  g_hash_table_insert (vars, "position", g_strdup (summit_person_get_field (person, SUMMIT_PERSON_POSITION)));
  g_hash_table_insert (vars, "city", g_strdup (summit_person_get_field (person, SUMMIT_PERSON_CITY)));
  g_hash_table_insert (vars, "organisation", g_strdup (summit_person_get_field (person, SUMMIT_PERSON_ORGANISATION)));
  g_hash_table_insert (vars, "country", g_strdup (country ? country : ""));
  return vars;
}

static char *
salutation (GKeyFile     *keys,
            SummitPerson *person,
            GHashTable   *vars)
{
  g_autofree char *class = position_class (keys, person);
  const char *gender = gender_of (keys, person);
  g_autofree char *tries[4] = { NULL };

  tries[0] = class && gender ? g_strdup_printf ("%s-%s", class, gender) : NULL;
  tries[1] = g_strdup (class);
  tries[2] = gender ? g_strdup_printf ("default-%s", gender) : NULL;
  tries[3] = g_strdup ("default");
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autofree char *line = NULL;

      if (tries[i] == NULL ||
          (line = g_key_file_get_string (keys, "Salutations", tries[i], NULL)) == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (tries); j++)
        g_clear_pointer (&tries[j], g_free);
      return expand (line, vars);
    }
  for (guint j = 0; j < G_N_ELEMENTS (tries); j++)
    g_clear_pointer (&tries[j], g_free);
  return g_strdup ("");
}

/**
 * summit_letters_language:
 *
 * Returns: (transfer none): the language of @person's letter by their
 *   country: "pl", "zh_TW" or "en" (the person's letter-language field may
 *   override it)
 */
const char *
summit_letters_language (SummitPerson *person)
{
  return summit_language_for_country (summit_person_get_field (person, SUMMIT_PERSON_COUNTRY));
}

/**
 * summit_letters_salutation:
 *
 * Returns: (transfer full) (nullable): how the letter in @language greets
 *   @person, "Szanowny Panie Prezydencie,"; %NULL with @error set
 */
char *
summit_letters_salutation (SummitPerson  *person,
                           const char    *language,
                           GError       **error)
{
  g_autoptr(GKeyFile) keys = load_template (language, error);
  g_autoptr(GHashTable) vars = NULL;

  if (keys == NULL)
    return NULL;
  vars = person_vars (keys, person, language);
  return salutation (keys, person, vars);
}

/**
 * summit_letters_file_name:
 *
 * Returns: (transfer full): "letter-2020-seed-ko-wen-je.pdf", safe as a file name
 */
char *
summit_letters_file_name (SummitPerson  *person,
                          SummitEdition *edition)
{
  g_autofree char *uid = g_strdup (summit_person_get_field (person, SUMMIT_PERSON_UID));

  g_strcanon (uid, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  return g_strdup_printf ("letter-%d-%s.pdf", summit_edition_get_year (edition), uid);
}

static void
add_session_lines (GPtrArray     *lines,
                   GKeyFile      *keys,
                   SummitPerson  *person,
                   SummitEdition *edition,
                   GPtrArray     *panels,
                   const char    *language)
{
  const char *host_zone = summit_edition_get_timezone (edition);
  const char *guest_zone = summit_person_get_field (person, SUMMIT_PERSON_TIMEZONE);
  g_autofree char *date_format = template_text (keys, "Letter", "date-format");
  g_autofree char *line_template = template_text (keys, "Letter", "session");

  if (!summit_time_zone_is_known (guest_zone))
    guest_zone = host_zone;

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autoptr(GHashTable) vars = NULL;
      g_autoptr(GTimeZone) guest_tz = NULL;
      g_autoptr(GTimeZone) host_tz = NULL;
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) guest = NULL;
      g_autoptr(GDateTime) host = NULL;
      const SummitPanelMember *member = NULL;
      gint64 start;

      for (guint j = 0; j < summit_panel_get_n_members (panel); j++)
        if (summit_panel_get_member (panel, j)->person_id == summit_person_get_id (person))
          member = summit_panel_get_member (panel, j);
      if (member == NULL || !summit_panel_get_start (panel, &start))
        continue;

      if ((guest_tz = summit_time_zone_new (guest_zone)) == NULL)
        guest_tz = g_time_zone_new_utc ();
      if ((host_tz = summit_time_zone_new (host_zone)) == NULL)
        host_tz = g_time_zone_new_utc ();
      utc = g_date_time_new_from_unix_utc (start);
      guest = g_date_time_to_timezone (utc, guest_tz);
      host = g_date_time_to_timezone (utc, host_tz);

      vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_hash_table_insert (vars, "title", g_strdup (summit_panel_get_title (panel)));
      g_hash_table_insert (vars, "role", template_text (keys, "Roles", summit_role_to_string (member->role)));
      g_hash_table_insert (vars, "day", g_date_time_format (guest, date_format));
      g_hash_table_insert (vars, "guest_time", g_date_time_format (guest, "%H:%M"));
      g_hash_table_insert (vars, "host_time", g_date_time_format (host, "%H:%M"));
      g_hash_table_insert (vars, "guest_offset", summit_time_offset_label (guest));
      g_hash_table_insert (vars, "host_offset", summit_time_offset_label (host));
      g_hash_table_insert (vars, "guest_zone", g_strdup (summit_places_zone_city (guest_zone, language)));
      g_hash_table_insert (vars, "host_zone", g_strdup (summit_places_zone_city (host_zone, language)));
      g_ptr_array_add (lines, expand (line_template, vars));
    }
}

static void
write_letter (SummitDocument *doc,
              GKeyFile       *keys,
              const char     *language,
              SummitPerson   *person,
              SummitEdition  *edition,
              GPtrArray      *panels)
{
  g_autoptr(GHashTable) vars = person_vars (keys, person, language);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) address = g_string_new (NULL);
  g_autofree char *date_format = template_text (keys, "Letter", "date-format");
  g_autofree char *format_key = g_strdup (summit_edition_format_to_string (summit_edition_get_format (edition)));
  const char *host_zone = summit_edition_get_timezone (edition);
  const char *fields[] = { "native_name", "position", "organisation", "city", "country" };
  const char *keys_in_order[] = { "place-date", "subject", NULL, "body" };
  char *start, *end;

  g_hash_table_insert (vars, "year", g_strdup_printf ("%d", summit_edition_get_year (edition)));
  g_hash_table_insert (vars, "theme", g_strdup (summit_edition_get_theme (edition)));
  g_hash_table_insert (vars, "host_city", g_strdup (summit_edition_get_host_city (edition)));
  g_hash_table_insert (vars, "host_zone", g_strdup (summit_places_zone_city (host_zone, language)));
  g_hash_table_insert (vars, "format", template_text (keys, "Formats", format_key));
  g_hash_table_insert (vars, "today", g_date_time_format (now, date_format));
  start = summit_document_format_date (summit_edition_get_start_date (edition), date_format);
  end = summit_document_format_date (summit_edition_get_end_date (edition), date_format);
  g_hash_table_insert (vars, "start", start ? start : g_strdup ("?"));
  g_hash_table_insert (vars, "end", end ? end : g_strdup ("?"));

  summit_document_set_language (doc, language);
  {
    g_autofree char *title = template_text (keys, "Letter", "title");
    summit_document_heading (doc, title, 1);
  }

  /* The address block: honorific and name, then what is known. */
  g_string_append_printf (address, "%s%s%s", summit_person_get_field (person, SUMMIT_PERSON_HONORIFIC),
                          *summit_person_get_field (person, SUMMIT_PERSON_HONORIFIC) ? " " : "",
                          (const char *)g_hash_table_lookup (vars, "full_name"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = g_hash_table_lookup (vars, fields[i]);
      if (value != NULL && *value != '\0')
        g_string_append_printf (address, "\n%s", value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys_in_order); i++)
    {
      g_autofree char *line = NULL;
      g_autofree char *text = NULL;

      if (keys_in_order[i] == NULL)
        {
          g_autofree char *greeting = salutation (keys, person, vars);

          summit_document_paragraph (doc, address->str);
          summit_document_space (doc, 6);
          summit_document_paragraph (doc, greeting);
          continue;
        }
      line = template_text (keys, "Letter", keys_in_order[i]);
      text = expand (line, vars);
      if (g_str_equal (keys_in_order[i], "subject"))
        summit_document_heading (doc, text, 2);
      else
        summit_document_paragraph (doc, text);
    }

  add_session_lines (sessions, keys, person, edition, panels, language);
  {
    g_autofree char *intro = expand_key (keys, sessions->len > 0 ? "sessions" : "no-sessions", vars);

    summit_document_paragraph (doc, intro);
    for (guint i = 0; i < sessions->len; i++)
      {
        g_autofree char *item = g_strconcat ("• ", (const char *)g_ptr_array_index (sessions, i), NULL);
        summit_document_paragraph (doc, item);
      }
  }
  {
    const char *tail[] = { "reply", "closing", "signature" };

    for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
      {
        g_autofree char *text = expand_key (keys, tail[i], vars);
        summit_document_paragraph (doc, text);
      }
  }
}

struct _SummitLettersJob
{
  SummitEdition *edition;
  GPtrArray     *people;    /* SummitPerson */
  GPtrArray     *panels;    /* SummitPanel */
  Template       templates[3];
};

void
summit_letters_job_free (SummitLettersJob *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->edition);
  g_clear_pointer (&job->people, g_ptr_array_unref);
  g_clear_pointer (&job->panels, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (job->templates); i++)
    g_clear_pointer (&job->templates[i].keys, g_key_file_unref);
  g_free (job);
}

/* The language @person's letter is in: theirs if set, else their country's. */
static const char *
letter_language (SummitPerson *person)
{
  const char *chosen = summit_person_get_field (person, SUMMIT_PERSON_LETTER_LANGUAGE);

  return summit_language_is_known (chosen) ? chosen : summit_letters_language (person);
}

/**
 * summit_letters_job_new:
 * @people: (element-type SummitPerson): whom to write to
 *
 * Reads from @store what the letters to @people need, on the calling thread
 * (the store's and gettext's), so that summit_letters_job_write() can run on
 * any other.
 *
 * Returns: (transfer full) (nullable): the job, or %NULL with @error set
 */
SummitLettersJob *
summit_letters_job_new (SummitStore    *store,
                        SummitEdition  *edition,
                        GPtrArray      *people,
                        GError        **error)
{
  g_autoptr(SummitLettersJob) job = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);

  if (people->len == 0)
    {
      g_set_error (error, SUMMIT_LETTERS_ERROR, SUMMIT_LETTERS_ERROR_NOBODY,
                   _("There is nobody to write to: select people, or invite some to %d"),
                   summit_edition_get_year (edition));
      return NULL;
    }
  job = g_new0 (SummitLettersJob, 1);
  job->edition = g_object_ref (edition);
  job->people = g_ptr_array_ref (people);
  job->templates[0].language = "en";
  job->templates[1].language = "pl";
  job->templates[2].language = "zh_TW";
  if ((job->panels = summit_store_list_panels (store, summit_edition_get_id (edition), error)) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (job->templates); i++)
    if ((job->templates[i].keys = load_template (job->templates[i].language, error)) == NULL)
      return NULL;
  /* Country names come from gettext in the letter's language, which only this
   * thread may switch: the places module keeps them for the writing thread. */
  for (guint i = 0; i < people->len; i++)
    {
      SummitPerson *person = g_ptr_array_index (people, i);
      const char *language = letter_language (person);
      g_autoptr(SummitLanguageScope) scope = summit_language_scope_new (language);

      summit_places_country_name (summit_person_get_field (person, SUMMIT_PERSON_COUNTRY), language);
    }
  return g_steal_pointer (&job);
}

/**
 * summit_letters_job_write:
 * @output: a folder (one PDF a person, see summit_letters_file_name()) or,
 *   with @one_file, the PDF that holds them all, a letter a page
 * @progress: (nullable): told after each letter; returning %FALSE stops
 *   with %G_IO_ERROR_CANCELLED, the unfinished file left unwritten
 *
 * Writes the invitation letters, each in its guest's language, with the
 * sessions the guest is in, timed in their zone and the host's. Safe in a
 * worker thread; one thread at a time per job.
 */
gboolean
summit_letters_job_write (SummitLettersJob       *job,
                          const char             *output,
                          gboolean                one_file,
                          SummitLettersProgress   progress,
                          gpointer                user_data,
                          GError                **error)
{
  g_autoptr(SummitDocument) doc = NULL;
  GPtrArray *people = job->people;

  if (one_file && (doc = summit_document_new (output, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      SummitPerson *person = g_ptr_array_index (people, i);
      const char *language = letter_language (person);
      g_autoptr(SummitLanguageScope) scope = summit_language_scope_new_for_dates (language);
      GKeyFile *keys = job->templates[0].keys;

      for (guint t = 0; t < G_N_ELEMENTS (job->templates); t++)
        if (g_str_equal (job->templates[t].language, language))
          keys = job->templates[t].keys;

      if (one_file)
        {
          if (i > 0)
            summit_document_new_page (doc);
          write_letter (doc, keys, language, person, job->edition, job->panels);
        }
      else
        {
          g_autofree char *name = summit_letters_file_name (person, job->edition);
          g_autofree char *path = g_build_filename (output, name, NULL);
          g_autoptr(SummitDocument) single = summit_document_new (path, error);

          if (single == NULL)
            return FALSE;
          write_letter (single, keys, language, person, job->edition, job->panels);
          if (!summit_document_finish (single, error))
            return FALSE;
        }
      if (progress != NULL && !progress (i + 1, people->len, user_data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped before every letter was written"));
          return FALSE;
        }
    }
  return one_file ? summit_document_finish (doc, error) : TRUE;
}

/**
 * summit_letters_write:
 *
 * summit_letters_job_new() and summit_letters_job_write() in one, on the
 * calling thread.
 */
gboolean
summit_letters_write (SummitStore            *store,
                      SummitEdition          *edition,
                      GPtrArray              *people,
                      const char             *output,
                      gboolean                one_file,
                      SummitLettersProgress   progress,
                      gpointer                user_data,
                      GError                **error)
{
  g_autoptr(SummitLettersJob) job = summit_letters_job_new (store, edition, people, error);

  return job != NULL && summit_letters_job_write (job, output, one_file, progress, user_data, error);
}
