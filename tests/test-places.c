/* test-places.c — countries and zones as a person names them, in their language
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "summit-places.h"
#include "summit-time.h"

/* Runs @test under a real locale, skipping where it is not installed
 * (Debian's locales-all has them all). */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("the locale %s is not installed", name);
      return FALSE;
    }
  return TRUE;
}

static void
test_country_names (void)
{
  g_assert_cmpstr (summit_places_country_name ("PL", "en"), ==, "Poland");
  g_assert_cmpstr (summit_places_country_name ("PL", "pl"), ==, "Polska");
  g_assert_cmpstr (summit_places_country_name ("PL", "zh_TW"), ==, "波蘭");
  /* The short name, not "Taiwan, Province of China". */
  g_assert_cmpstr (summit_places_country_name ("TW", "en"), ==, "Taiwan");
  g_assert_cmpstr (summit_places_country_name ("TW", "pl"), ==, "Tajwan");
  g_assert_null (summit_places_country_name ("XX", "en"));
  g_assert_null (summit_places_country_name ("pl", "en"));
  /* The same string each time: callers may keep it. */
  g_assert_true (summit_places_country_name ("JP", "pl") == summit_places_country_name ("JP", "pl"));
}

static void
test_zone_cities (void)
{
  g_assert_cmpstr (summit_places_zone_city ("Europe/Warsaw", "pl"), ==, "Warszawa");
  g_assert_cmpstr (summit_places_zone_city ("Asia/Taipei", "pl"), ==, "Tajpej");
  g_assert_cmpstr (summit_places_zone_city ("Europe/Warsaw", "zh_TW"), ==, "華沙");
  g_assert_cmpstr (summit_places_zone_city ("Asia/Taipei", "zh_TW"), ==, "台北");
  g_assert_cmpstr (summit_places_zone_city ("Asia/Taipei", "en"), ==, "Taipei");
  /* CLDR knows Kolkata by its older id, Asia/Calcutta. */
  g_assert_cmpstr (summit_places_zone_city ("Asia/Kolkata", "pl"), ==, "Kalkuta");
  /* No exemplar city: the id's last part. */
  g_assert_cmpstr (summit_places_zone_city ("America/Argentina/Buenos_Aires", "en"), ==,
                   "Buenos Aires");
  g_assert_cmpstr (summit_places_zone_city ("UTC", "pl"), ==, "UTC");
}

static void
test_user_language (void)
{
  if (!use_locale ("pl_PL.UTF-8"))
    return;
  g_assert_cmpstr (summit_places_country_name ("PL", NULL), ==, "Polska");
  g_assert_cmpstr (summit_places_zone_city ("Europe/Warsaw", NULL), ==, "Warszawa");
  {
    g_autofree char *city = summit_time_zone_city ("Asia/Taipei");
    g_assert_cmpstr (city, ==, "Tajpej");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

static gboolean
country_found (const char *code,
               const char *query)
{
  g_autofree char *keywords = summit_places_country_keywords (code);
  return summit_places_keywords_match (keywords, query);
}

static gboolean
zone_found (const char *zone,
            const char *query)
{
  g_autofree char *keywords = summit_places_zone_keywords (zone);
  return summit_places_keywords_match (keywords, query);
}

static void
test_search_any_word (void)
{
  g_assert_true (zone_found ("Asia/Tokyo", "Tokyo"));
  g_assert_true (zone_found ("Asia/Tokyo", "tok"));
  g_assert_true (zone_found ("Asia/Tokyo", "Asia/Tok"));
  g_assert_true (zone_found ("Europe/Warsaw", "warsaw"));
  g_assert_true (zone_found ("America/New_York", "york"));
  g_assert_true (zone_found ("America/New_York", "new york"));
  g_assert_false (zone_found ("Europe/Warsaw", "tokyo"));
  g_assert_false (zone_found ("Europe/Warsaw", "saw"));   /* words begin, not anywhere */
  g_assert_true (country_found ("PL", "Poland"));
  g_assert_true (country_found ("PL", "pl"));
  g_assert_true (country_found ("TW", "taiw"));
  g_assert_true (country_found ("GB", "kingdom"));
  g_assert_false (country_found ("PL", "Polska"));          /* not in English */
  g_assert_true (country_found ("PL", ""));
}

static void
test_search_in_polish (void)
{
  if (!use_locale ("pl_PL.UTF-8"))
    return;
  g_assert_true (country_found ("PL", "Polska"));
  g_assert_true (country_found ("PL", "Poland"));       /* English still finds it */
  g_assert_true (country_found ("DE", "niemcy"));
  g_assert_true (zone_found ("Europe/Warsaw", "Warszawa"));
  g_assert_true (zone_found ("Europe/Warsaw", "warszawa"));
  g_assert_true (zone_found ("Asia/Taipei", "tajpej"));
  g_assert_cmpstr (summit_places_find_zone ("Warszawa"), ==, "Europe/Warsaw");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_search_in_chinese (void)
{
  if (!use_locale ("zh_TW.UTF-8"))
    return;
  g_assert_true (country_found ("PL", "波蘭"));
  g_assert_true (country_found ("PL", "波"));
  g_assert_true (zone_found ("Europe/Warsaw", "華沙"));
  g_assert_true (zone_found ("Asia/Taipei", "台北"));
  g_assert_false (zone_found ("Asia/Taipei", "華沙"));
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_find_zone (void)
{
  g_assert_cmpstr (summit_places_find_zone ("Europe/Warsaw"), ==, "Europe/Warsaw");
  g_assert_cmpstr (summit_places_find_zone ("Warsaw"), ==, "Europe/Warsaw");
  g_assert_cmpstr (summit_places_find_zone ("tokyo"), ==, "Asia/Tokyo");
  g_assert_cmpstr (summit_places_find_zone ("UTC"), ==, "UTC");
  /* An id the system knows though the list leaves it out, as before. */
  g_assert_cmpstr (summit_places_find_zone ("Asia/Calcutta"), ==, "Asia/Calcutta");
  g_assert_null (summit_places_find_zone ("Europe"));      /* many */
  g_assert_null (summit_places_find_zone ("Lublin"));      /* none */
  g_assert_null (summit_places_find_zone (""));
}

/* The day of a session as the agenda writes it, in the user's language
 * (glibc's month names, genitive in Polish). */
static void
test_day_in_language (void)
{
  /* 13 August 2020, 07:00 UTC: the opening. */
  const gint64 opening = 1597302000;

  if (!use_locale ("pl_PL.UTF-8"))
    return;
  {
    g_autofree char *day = summit_time_format_day (opening, "Europe/Warsaw");
    g_assert_cmpstr (day, ==, "czwartek, 13 sierpnia 2020");
  }
  if (!use_locale ("zh_TW.UTF-8"))
    return;
  {
    g_autofree char *day = summit_time_format_day (opening, "Asia/Taipei");
    g_assert_cmpstr (day, ==, "2020年8月13日 週四");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *catalogs = NULL;

  g_test_init (&argc, &argv, NULL);
  catalogs = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_unsetenv ("LANGUAGE");
  /* The app's own translations, as built: the day's format is one of them. */
  bindtextdomain (GETTEXT_PACKAGE, catalogs);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/core/places/country-names", test_country_names);
  g_test_add_func ("/core/places/zone-cities", test_zone_cities);
  g_test_add_func ("/core/places/user-language", test_user_language);
  g_test_add_func ("/core/places/search-any-word", test_search_any_word);
  g_test_add_func ("/core/places/search-in-polish", test_search_in_polish);
  g_test_add_func ("/core/places/search-in-chinese", test_search_in_chinese);
  g_test_add_func ("/core/places/find-zone", test_find_zone);
  g_test_add_func ("/core/places/day-in-language", test_day_in_language);
  return g_test_run ();
}
