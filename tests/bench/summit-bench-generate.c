/* summit-bench-generate.c — a database of N made-up people for benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * summit-bench-generate [-n PEOPLE] [-s SEED] FILE
 *
 * Makes FILE (which must not exist) with six editions (2015–2020, hosted in
 * Taipei) and PEOPLE people (default 100,000) — mayors and officials from
 * cities around the world, a third of them in Taiwan with names in Han
 * characters too — and their invitations with a history of changes, all
 * written through the same core API the app uses. The same seed gives the
 * same file.
 */
#define G_LOG_DOMAIN "summit-bench-generate"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "summit-people.h"
#include "summit-programme.h"
#include "summit-store.h"

typedef struct { const char *city, *country, *timezone; } Place;

static const Place places[] = {
  { "Taipei", "TW", "Asia/Taipei" }, { "New Taipei", "TW", "Asia/Taipei" },
  { "Taichung", "TW", "Asia/Taipei" }, { "Tainan", "TW", "Asia/Taipei" },
  { "Kaohsiung", "TW", "Asia/Taipei" }, { "Taoyuan", "TW", "Asia/Taipei" },
  { "Hsinchu", "TW", "Asia/Taipei" }, { "Keelung", "TW", "Asia/Taipei" },
  { "Gdynia", "PL", "Europe/Warsaw" }, { "Gdańsk", "PL", "Europe/Warsaw" },
  { "Lublin", "PL", "Europe/Warsaw" }, { "Kraków", "PL", "Europe/Warsaw" },
  { "Poznań", "PL", "Europe/Warsaw" }, { "Wrocław", "PL", "Europe/Warsaw" },
  { "Vilnius", "LT", "Europe/Vilnius" }, { "Riga", "LV", "Europe/Riga" },
  { "Tallinn", "EE", "Europe/Tallinn" }, { "Helsinki", "FI", "Europe/Helsinki" },
  { "Amsterdam", "NL", "Europe/Amsterdam" }, { "Barcelona", "ES", "Europe/Madrid" },
  { "Lisbon", "PT", "Europe/Lisbon" }, { "Lyon", "FR", "Europe/Paris" },
  { "Munich", "DE", "Europe/Berlin" }, { "Vienna", "AT", "Europe/Vienna" },
  { "Brno", "CZ", "Europe/Prague" }, { "Bratislava", "SK", "Europe/Bratislava" },
  { "Budapest", "HU", "Europe/Budapest" }, { "Zagreb", "HR", "Europe/Zagreb" },
  { "Manila", "PH", "Asia/Manila" }, { "Cebu", "PH", "Asia/Manila" },
  { "Bangkok", "TH", "Asia/Bangkok" }, { "Penang", "MY", "Asia/Kuala_Lumpur" },
  { "Jakarta", "ID", "Asia/Jakarta" }, { "Da Nang", "VN", "Asia/Ho_Chi_Minh" },
  { "Yokohama", "JP", "Asia/Tokyo" }, { "Fukuoka", "JP", "Asia/Tokyo" },
  { "Busan", "KR", "Asia/Seoul" }, { "Ulaanbaatar", "MN", "Asia/Ulaanbaatar" },
  { "Melbourne", "AU", "Australia/Melbourne" }, { "Auckland", "NZ", "Pacific/Auckland" },
  { "Austin", "US", "America/Chicago" }, { "Boston", "US", "America/New_York" },
  { "Toronto", "CA", "America/Toronto" }, { "Guadalajara", "MX", "America/Mexico_City" },
  { "Bogotá", "CO", "America/Bogota" }, { "Santiago", "CL", "America/Santiago" },
  { "Nairobi", "KE", "Africa/Nairobi" }, { "Kigali", "RW", "Africa/Kigali" },
  { "Tel Aviv", "IL", "Asia/Jerusalem" }, { "Dubai", "AE", "Asia/Dubai" },
};

static const char * const given_names[] = {
  "Anna", "Bartosz", "Mariusz", "Katarzyna", "Jan", "Ewa", "Tomasz", "Agnieszka", "Łukasz",
  "Marta", "Jonas", "Ieva", "Kristjan", "Aino", "Pieter", "Sofia", "Miguel", "Inês", "Claire",
  "Lukas", "Eva", "Petr", "Zsófia", "Ivana", "Maria", "José", "Somchai", "Aisyah", "Minh",
  "Haruto", "Ji-woo", "Bat-Erdene", "Olivia", "Liam", "Noah", "Emma", "Sipho", "Amani",
  "Noa", "Fatima",
};

static const char * const family_names[] = {
  "Nowak", "Kowalski", "Wiśniewska", "Bartoszewicz", "Sagan", "Kazlauskas", "Bērziņš",
  "Tamm", "Virtanen", "de Vries", "García", "Silva", "Martin", "Müller", "Gruber", "Novák",
  "Horváth", "Kovačević", "Santos", "Reyes", "Suzuki", "Kim", "Smith", "Johnson", "Brown",
  "Tremblay", "Hernández", "Rodríguez", "Mwangi", "Uwimana", "Cohen", "Al Mansouri",
  "Nguyen", "Wongsakul", "Rahman", "Bayar", "Wilson", "Taylor", "Kaya", "Lindqvist",
};

/* Taiwanese names: family + given, in Han characters and romanised. */
static const char * const tw_family[][2] = {
  { "陳", "Chen" }, { "林", "Lin" }, { "黃", "Huang" }, { "張", "Chang" }, { "李", "Li" },
  { "王", "Wang" }, { "吳", "Wu" }, { "劉", "Liu" }, { "蔡", "Tsai" }, { "楊", "Yang" },
  { "柯", "Ko" }, { "鄭", "Cheng" }, { "謝", "Hsieh" }, { "郭", "Kuo" }, { "賴", "Lai" },
};

static const char * const tw_given[][2] = {
  { "文哲", "Wen-je" }, { "美玲", "Mei-ling" }, { "志明", "Chih-ming" }, { "淑芬", "Shu-fen" },
  { "俊傑", "Chun-chieh" }, { "雅婷", "Ya-ting" }, { "建宏", "Chien-hung" }, { "怡君", "Yi-chun" },
  { "家豪", "Chia-hao" }, { "佳穎", "Chia-ying" }, { "宗翰", "Tsung-han" }, { "欣怡", "Hsin-yi" },
};

static const char * const positions[] = {
  "Mayor", "Deputy Mayor", "City Councillor", "Head of the Smart City Office",
  "Chief Information Officer", "Director of Transport", "Head of Strategy and Entrepreneurship Department",
  "Director of Economic Development", "Chief Digital Officer", "Head of International Relations",
};

typedef struct
{
  GRand        *rand;
  guint         n_people;
  guint         done;
  gint64        edition_ids[6];
} Generator;

#define CHUNK 20000

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

static gboolean
record (SummitStore             *store,
        gint64                   person,
        gint64                   edition,
        SummitInvitationStatus   status,
        SummitChannel            channel,
        const char              *note,
        gint64                  *at,
        GRand                   *rand,
        GError                 **error)
{
  *at += g_rand_int_range (rand, 1, 30) * 86400 + g_rand_int_range (rand, 0, 86400);
  return summit_store_record_invitation (store, person, edition, status, channel, note, *at, error);
}

static gboolean
generate_chunk (SummitStore  *store,
                gpointer      user_data,
                GError      **error)
{
  Generator *g = user_data;
  guint end = MIN (g->done + CHUNK, g->n_people);

  for (guint i = g->done; i < end; i++)
    {
      g_autoptr(SummitPerson) person = summit_person_new ();
      const Place *place;
      g_autofree char *email = NULL;
      gint64 id;

      if (g_rand_int_range (g->rand, 0, 3) == 0)
        {
          guint f = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (tw_family));
          guint n = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (tw_given));
          g_autofree char *native = g_strconcat (tw_family[f][0], tw_given[n][0], NULL);

          place = &places[g_rand_int_range (g->rand, 0, 8)];
          summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, tw_family[f][1]);
          summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, tw_given[n][1]);
          summit_person_set_field (person, SUMMIT_PERSON_NATIVE_NAME, native);
        }
      else
        {
          place = &places[g_rand_int_range (g->rand, 8, G_N_ELEMENTS (places))];
          summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME,
                                   pick (g->rand, given_names, G_N_ELEMENTS (given_names)));
          summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME,
                                   pick (g->rand, family_names, G_N_ELEMENTS (family_names)));
        }
      summit_person_set_field (person, SUMMIT_PERSON_HONORIFIC,
                               g_rand_boolean (g->rand) ? "Dr." : "");
      summit_person_set_field (person, SUMMIT_PERSON_POSITION,
                               pick (g->rand, positions, G_N_ELEMENTS (positions)));
      summit_person_set_field (person, SUMMIT_PERSON_CITY, place->city);
      summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, place->country);
      summit_person_set_field (person, SUMMIT_PERSON_TIMEZONE, place->timezone);
      email = g_strdup_printf ("office%u@city%u.example.org", i, (guint)(place - places));
      summit_person_set_field (person, SUMMIT_PERSON_EMAIL, email);
      summit_person_set_times (person, 1400000000 + i, 1400000000 + i);
      if (!summit_store_insert_person (store, person, error))
        return FALSE;
      id = summit_person_get_id (person);

      /* Invitations: more people each year, as the summit grew. */
      for (guint e = 0; e < 6; e++)
        {
          static const int per_mille[6] = { 20, 40, 100, 200, 150, 350 };
          GDateTime *start;
          gint64 at;
          guint roll = g_rand_int_range (g->rand, 0, 1000);

          if (roll >= (guint)per_mille[e])
            continue;
          start = g_date_time_new_utc (2014 + e, 9, 1, 9, 0, 0);
          at = g_date_time_to_unix (start) + g_rand_int_range (g->rand, 0, 120) * 86400;
          g_date_time_unref (start);

          if (roll % 50 == 0)
            {
              if (!record (store, id, g->edition_ids[e], SUMMIT_STATUS_DRAFT, SUMMIT_CHANNEL_NONE,
                           NULL, &at, g->rand, error))
                return FALSE;
              continue;
            }
          if (!record (store, id, g->edition_ids[e], SUMMIT_STATUS_INVITED,
                       g_rand_boolean (g->rand) ? SUMMIT_CHANNEL_EMAIL : SUMMIT_CHANNEL_LETTER,
                       NULL, &at, g->rand, error))
            return FALSE;
          switch (roll % 10)
            {
            case 0: case 1: case 2: case 3: case 4:
              if (!record (store, id, g->edition_ids[e], SUMMIT_STATUS_CONFIRMED,
                           SUMMIT_CHANNEL_EMAIL, NULL, &at, g->rand, error))
                return FALSE;
              if (e < 5 && roll % 3 != 0 &&
                  !record (store, id, g->edition_ids[e], SUMMIT_STATUS_ATTENDED,
                           SUMMIT_CHANNEL_IN_PERSON, NULL, &at, g->rand, error))
                return FALSE;
              break;
            case 5: case 6:
              if (!record (store, id, g->edition_ids[e], SUMMIT_STATUS_DECLINED,
                           SUMMIT_CHANNEL_LETTER, "Reply by letter", &at, g->rand, error))
                return FALSE;
              break;
            case 7:
              if (!record (store, id, g->edition_ids[e], SUMMIT_STATUS_CANCELLED,
                           SUMMIT_CHANNEL_PHONE, NULL, &at, g->rand, error))
                return FALSE;
              break;
            default:
              break;   /* still awaiting a reply */
            }
        }
    }
  g->done = end;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int n_people = 100000, seed = 2020;
  GOptionEntry entries[] = {
    { "people", 'n', 0, G_OPTION_ARG_INT, &n_people, "How many people (default 100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (default 2020)", "SEED" },
    { NULL }
  };
  Generator g = { 0 };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("FILE — make a benchmark database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_people < 0)
    {
      g_printerr ("usage: %s [-n PEOPLE] [-s SEED] FILE\n", g_get_prgname ());
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: already exists; not overwriting it\n", argv[1]);
      return 1;
    }

  store = summit_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  for (guint e = 0; e < 6; e++)
    {
      g_autoptr(SummitEdition) edition = summit_edition_new (2015 + e);

      summit_edition_set_host_city (edition, "Taipei");
      summit_edition_set_host_country (edition, "TW");
      summit_edition_set_timezone (edition, "Asia/Taipei");
      summit_edition_set_format (edition, e == 5 ? SUMMIT_EDITION_ONLINE : SUMMIT_EDITION_IN_PERSON);
      if (!summit_store_put_edition (store, edition, &error))
        {
          g_printerr ("%s: %s\n", argv[1], error->message);
          return 1;
        }
      g.edition_ids[e] = summit_edition_get_id (edition);
    }

  g.rand = g_rand_new_with_seed (seed);
  g.n_people = n_people;
  while (g.done < g.n_people)
    if (!summit_store_transaction (store, generate_chunk, &g, &error))
      {
        g_printerr ("%s: %s\n", argv[1], error->message);
        g_rand_free (g.rand);
        return 1;
      }
  g_rand_free (g.rand);

  g_print ("%s: %d people, 6 editions, in %.1f s\n", argv[1], n_people,
           g_timer_elapsed (timer, NULL));
  return 0;
}
