/* summit-language.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a document in a language other than the user's: a letter in the
 * guest's language, a press kit in the one a reporter asks for. Uses the C
 * library's per-thread locale (uselocale), which gettext and GLib's date
 * formatting both follow.
 */
#define G_LOG_DOMAIN "summit-language"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "summit-language.h"

/* glibc's counter that makes gettext drop what it cached for the old LANGUAGE. */
extern int _nl_msg_cat_cntr;

static const struct {
  const char *language;
  const char *locale;
} languages[] = {
  { "en", "en_GB.UTF-8" },
  { "pl", "pl_PL.UTF-8" },
  { "zh_TW", "zh_TW.UTF-8" },
};

struct _SummitLanguageScope
{
  locale_t  locale;
  locale_t  previous;
  char     *saved_language;
  gboolean  had_language;
  gboolean  set_language;   /* LANGUAGE was set, to be restored */
};

gboolean
summit_language_is_known (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i].language) == 0)
      return TRUE;
  return FALSE;
}

/**
 * summit_language_for_country:
 *
 * Returns: (transfer none): the language of a letter to someone from
 *   @country: "pl" for PL, "zh_TW" for TW, "en" otherwise
 */
const char *
summit_language_for_country (const char *country)
{
  if (g_strcmp0 (country, "PL") == 0)
    return "pl";
  if (g_strcmp0 (country, "TW") == 0)
    return "zh_TW";
  return "en";
}

/* @set_language: also gettext's LANGUAGE (process-wide) */
static SummitLanguageScope *
scope_new (const char *language,
           gboolean    set_language)
{
  SummitLanguageScope *scope = g_new0 (SummitLanguageScope, 1);
  const char *locale = "C.UTF-8";
  const char *env;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i].language) == 0)
      locale = languages[i].locale;

  scope->locale = newlocale (LC_ALL_MASK, locale, (locale_t)0);
  if (scope->locale == (locale_t)0)
    scope->locale = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t)0);
  if (scope->locale != (locale_t)0)
    scope->previous = uselocale (scope->locale);
  if (!set_language)
    return scope;

  scope->set_language = TRUE;
  env = g_getenv ("LANGUAGE");
  scope->had_language = env != NULL;
  scope->saved_language = g_strdup (env);
  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  ++_nl_msg_cat_cntr;
  return scope;
}

/**
 * summit_language_scope_new:
 * @language: "en", "pl" or "zh_TW"
 *
 * Switches the calling thread to @language until the scope is freed. Call it
 * from one thread at a time: a LANGUAGE variable in the environment, which
 * gettext prefers to the locale, is set to @language meanwhile.
 *
 * Returns: (transfer full): the scope
 */
SummitLanguageScope *
summit_language_scope_new (const char *language)
{
  return scope_new (language, TRUE);
}

/**
 * summit_language_scope_new_for_dates:
 * @language: "en", "pl" or "zh_TW"
 *
 * Switches only the calling thread's locale (g_date_time_format()'s day and
 * month names) to @language, not gettext's: safe in a worker thread.
 *
 * Returns: (transfer full): the scope, for summit_language_scope_free()
 */
SummitLanguageScope *
summit_language_scope_new_for_dates (const char *language)
{
  return scope_new (language, FALSE);
}

void
summit_language_scope_free (SummitLanguageScope *scope)
{
  if (scope == NULL)
    return;
  if (scope->set_language)
    {
      if (scope->had_language)
        g_setenv ("LANGUAGE", scope->saved_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      ++_nl_msg_cat_cntr;
    }
  if (scope->locale != (locale_t)0)
    {
      uselocale (scope->previous);
      freelocale (scope->locale);
    }
  g_free (scope->saved_language);
  g_free (scope);
}
