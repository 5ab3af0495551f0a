/* test-places.c — countries and zones as a person names them, in their language
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-places.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

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
  g_assert_cmpstr (summit_places_country_name ("PL", "zh-TW"), ==, "波蘭");
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
  g_assert_cmpstr (summit_places_zone_city ("Asia/Taipei", "zh-TW"), ==, "台北");
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

static void
add_person (SummitStore *store,
            const char  *family,
            const char  *country)
{
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, "Test");
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, country);
  summit_store_insert_person (store, person, &error);
  g_assert_no_error (error);
}

/* The People list sorts countries by the name it shows, not by code:
 * Germany (DE) before Switzerland (CH). */
static void
test_people_sorted_by_country_name (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = test_store_location (dir, "places.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open_and_seed (path, &error);
  g_autoptr(SummitPeopleModel) model = summit_people_model_new ();
  g_autoptr(SummitPeopleItem) first = NULL;
  g_autoptr(SummitPeopleItem) second = NULL;

  g_assert_no_error (error);
  add_person (store, "Zurich", "CH");
  add_person (store, "Berlin", "DE");
  summit_people_model_load (model, store, 0, "TW", 0);
  summit_people_model_set_sort (model, SUMMIT_PEOPLE_SORT_COUNTRY, FALSE);
  while (summit_people_model_is_busy (model))
    g_main_context_iteration (NULL, TRUE);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpstr (summit_people_item_get_country (first), ==, "DE");
  g_assert_cmpstr (summit_people_item_get_country (second), ==, "PL");
  g_clear_object (&model);
  g_clear_object (&store);
  test_tmpdir_free (g_steal_pointer (&dir));
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
  g_test_add_func ("/core/places/people-sorted-by-country-name", test_people_sorted_by_country_name);
  return g_test_run ();
}
