/* test-live.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live updates: a watched store announces what other connections commit,
 * and the People list shows it keeping every row nobody changed.
 */
#include "config.h"

#include "summit-live.h"
#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-store.h"
#include "summit-store-editions.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = test_tmpdir_new ();
  f->path = test_store_location (f->dir, "summit.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->path);
  test_tmpdir_free (f->dir);
}

static SummitStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SummitStore *store = summit_store_open (f->path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
add_person (SummitStore *store,
            const char  *given,
            const char  *family,
            const char  *email)
{
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (person, SUMMIT_PERSON_EMAIL, email);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "PL");
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  return summit_person_get_id (person);
}

typedef struct
{
  guint     n_changed;
  gboolean  table_was_null;
  gboolean  ids_were_null;
} Seen;

static void
changed_cb (SummitStore *store,
            const char  *table,
            GArray      *ids,
            Seen        *seen)
{
  seen->n_changed++;
  seen->table_was_null = table == NULL;
  seen->ids_were_null = ids == NULL;
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("Nothing happened within 10 s");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@count reaches @n; fails after 10 s. */
static void
wait_for_count (const guint *count,
                guint        n)
{
  guint timeout = g_timeout_add_seconds (10, give_up_cb, NULL);

  while (*count < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static void
wait_for_changes (Seen  *seen,
                  guint  n)
{
  wait_for_count (&seen->n_changed, n);
}

static void
test_sqlite_announces_other_connection (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(SummitStore) watched = open_store (f);
  g_autoptr(SummitStore) other = open_store (f);
  Seen seen = { 0 };

  if (test_skip_on_server ())
    return;
  g_assert_true (summit_store_is_online (watched));
  g_signal_connect (watched, "changed", G_CALLBACK (changed_cb), &seen);
  summit_store_watch (watched);
  summit_store_watch (watched);   /* twice is once */

  add_person (other, "Anna", "Żuraw", "anna@gdansk.example");
  wait_for_changes (&seen, 1);
  g_assert_cmpuint (seen.n_changed, ==, 1);
  /* A file cannot say which rows: "anything". */
  g_assert_true (seen.table_was_null);
  g_assert_true (seen.ids_were_null);

  add_person (other, "Lin", "Chen", "lin@tainan.example");
  wait_for_changes (&seen, 2);
}

/* A closed store stops polling: the store that outlives it still hears
 * changes, and nothing reads the closed one's memory (under ASan). */
static void
test_sqlite_watch_ends_with_store (Fixture       *f,
                                   gconstpointer  data)
{
  SummitStore *closed = NULL;
  g_autoptr(SummitStore) watched = NULL;
  g_autoptr(SummitStore) other = NULL;
  Seen seen = { 0 };

  if (test_skip_on_server ())
    return;
  closed = open_store (f);
  watched = open_store (f);
  other = open_store (f);

  summit_store_watch (closed);
  g_object_unref (closed);

  g_signal_connect (watched, "changed", G_CALLBACK (changed_cb), &seen);
  summit_store_watch (watched);
  add_person (other, "Bartosz", "Bartoszewicz", "");
  wait_for_changes (&seen, 1);
  add_person (other, "Mariusz", "Sagan", "");
  wait_for_changes (&seen, 2);
}

static void
wait_ready (SummitPeopleModel *model)
{
  while (summit_people_model_is_busy (model))
    g_main_context_iteration (NULL, TRUE);
}

static SummitPeopleItem *
find_item (SummitPeopleModel *model,
           gint64             id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      SummitPeopleItem *item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (summit_people_item_get_id (item) == id)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* Changes made elsewhere to people unknown reach the list as changes of the
 * people that differ only; everyone else keeps their row, so the view keeps
 * its place, and the search stays applied. */
static void
test_model_refresh_all_keeps_rows (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SummitStore) store = open_store (f);
  g_autoptr(SummitStore) other = open_store (f);
  g_autoptr(SummitPeopleModel) model = summit_people_model_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(SummitPerson) anna = NULL;
  g_autoptr(SummitPeopleItem) anna_before = NULL;
  g_autoptr(SummitPeopleItem) anna_after = NULL;
  g_autoptr(SummitPeopleItem) lin_before = NULL;
  g_autoptr(SummitPeopleItem) lin_after = NULL;
  g_autoptr(SummitPeopleItem) kasia = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anna_id, lin_id, kasia_id;

  anna_id = add_person (store, "Anna", "Żuraw", "anna@gdansk.example");
  lin_id = add_person (store, "Lin", "Chen", "lin@tainan.example");
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *family = g_strdup_printf ("Nowak %02u", i);
      add_person (store, "Jan", family, "");
    }

  summit_people_model_load (model, store, 0, "TW", 0);
  wait_ready (model);
  summit_people_model_set_search (model, "a");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 52);
  anna_before = find_item (model, anna_id);
  lin_before = find_item (model, lin_id);
  g_assert_nonnull (anna_before);

  /* Elsewhere: Anna's e-mail changes, Katarzyna is added. */
  anna = summit_store_get_person (other, anna_id, &error);
  g_assert_no_error (error);
  summit_person_set_field (anna, SUMMIT_PERSON_EMAIL, "zuraw@gdansk.example");
  g_assert_true (summit_store_update_person (other, anna, &error));
  g_assert_no_error (error);
  kasia_id = add_person (other, "Katarzyna", "Abramowicz", "");

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change_cb), changes);
  summit_people_model_refresh_all (model);
  wait_ready (model);

  /* Katarzyna (first by family name) is added, Anna (last) replaced: two
   * changes, not one of the whole list. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 53);
  g_assert_cmpuint (changes->len, ==, 6);
  {
    const guint expected[6] = { 0, 0, 1, 52, 1, 1 };

    for (guint i = 0; i < 6; i++)
      g_assert_cmpuint (g_array_index (changes, guint, i), ==, expected[i]);
  }
  kasia = find_item (model, kasia_id);
  g_assert_nonnull (kasia);

  /* The unchanged keep their very item; the search still applies. */
  lin_after = find_item (model, lin_id);
  g_assert_true (lin_after == lin_before);
  anna_after = find_item (model, anna_id);
  g_assert_nonnull (anna_after);
  summit_people_model_set_search (model, "zuraw@");
  wait_ready (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Nothing changed: nothing is shown again. */
  g_array_set_size (changes, 0);
  summit_people_model_refresh_all (model);
  wait_ready (model);
  g_assert_cmpuint (changes->len, ==, 0);
}

typedef struct
{
  SummitPeopleSort sort;
  gboolean         descending;
  const char      *search;
  int              status;
  const char      *country;
  gboolean         awaiting;
} Shown;

static void
show (SummitPeopleModel *model,
      const Shown       *shown)
{
  summit_people_model_set_sort (model, shown->sort, shown->descending);
  summit_people_model_set_search (model, shown->search);
  summit_people_model_set_status_filter (model, shown->status);
  summit_people_model_set_country_filter (model, shown->country);
  summit_people_model_set_awaiting_reply (model, shown->awaiting, -1);
  wait_ready (model);
}

static char *
shown_ids (SummitPeopleModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_string_append_printf (ids, "%" G_GINT64_FORMAT " ", summit_people_model_get_id (model, i));
  return g_string_free (ids, FALSE);
}

/* One change of a person by another connection, picked by @rng: a new
 * name, city or country, a reply, a deletion or a new person. */
static gint64
change_someone (SummitStore *other,
                gint64       edition,
                GArray      *ids,
                GRand       *rng)
{
  static const char * const families[] = { "Nowak", "Chen", "Żuraw", "Abe", "Lin", "Ko" };
  static const char * const cities[] = { "Opole", "Tainan", "Gdańsk", "Taipei", "Kraków" };
  static const char * const countries[] = { "PL", "TW", "JP", "" };
  static const SummitInvitationStatus replies[] = {
    SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED, SUMMIT_STATUS_DECLINED
  };
  guint which = g_rand_int_range (rng, 0, ids->len);
  gint64 id = g_array_index (ids, gint64, which);
  g_autoptr(SummitPerson) person = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  int what = g_rand_int_range (rng, 0, 10);

  if (what == 0)
    {
      deleted = summit_store_delete_people (other, &id, 1, NULL);
      g_assert_nonnull (deleted);
      g_array_remove_index (ids, which);
      return id;
    }
  if (what == 1)
    {
      g_autofree char *given = g_strdup_printf ("New %u", g_rand_int_range (rng, 0, 1000));

      id = add_person (other, given, families[g_rand_int_range (rng, 0, 6)], "");
      g_array_append_val (ids, id);
      return id;
    }
  if (what < 5)
    {
      /* A reply the rules may refuse: then nothing changed, as can happen. */
      summit_store_record_invitation (other, id, edition, replies[g_rand_int_range (rng, 0, 3)],
                                      SUMMIT_CHANNEL_EMAIL, NULL,
                                      1577836800 + g_rand_int_range (rng, 0, 1000) * 86400, NULL);
      return id;
    }
  person = summit_store_get_person (other, id, NULL);
  g_assert_nonnull (person);
  if (what < 7)
    summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, families[g_rand_int_range (rng, 0, 6)]);
  else if (what < 9)
    summit_person_set_field (person, SUMMIT_PERSON_CITY, cities[g_rand_int_range (rng, 0, 5)]);
  else
    summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, countries[g_rand_int_range (rng, 0, 4)]);
  g_assert_true (summit_store_update_person (other, person, NULL));
  return id;
}

/* People changed elsewhere are placed where they now belong in the list as
 * shown, in every order and under every filter: the list is the one a
 * fresh read in the same order and filters shows, and the people nobody
 * changed keep their very item (the view keeps its place around them). */
static void
test_model_places_changed_rows (Fixture       *f,
                                gconstpointer  data)
{
  static const Shown ways[] = {
    { SUMMIT_PEOPLE_SORT_NAME, FALSE, "", SUMMIT_PEOPLE_STATUS_ANY, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_NAME, TRUE, "", SUMMIT_PEOPLE_STATUS_ANY, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_CITY, FALSE, "o", SUMMIT_PEOPLE_STATUS_ANY, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_COUNTRY, TRUE, "", SUMMIT_PEOPLE_STATUS_ANY, "PL", FALSE },
    { SUMMIT_PEOPLE_SORT_STATUS, FALSE, "", SUMMIT_PEOPLE_STATUS_ANY, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_CHANGED, TRUE, "n", SUMMIT_STATUS_CONFIRMED, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_OVERSEAS, FALSE, "", SUMMIT_PEOPLE_STATUS_ANY, NULL, FALSE },
    { SUMMIT_PEOPLE_SORT_NAME, FALSE, "", SUMMIT_PEOPLE_STATUS_ANY, NULL, TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open_and_seed (f->path, &error);
  g_autoptr(SummitStore) other = open_store (f);
  g_autoptr(SummitEdition) edition = summit_store_get_edition (store, 2020, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rng = g_rand_new_with_seed (13);
  gint64 edition_id;

  g_assert_no_error (error);
  edition_id = summit_edition_get_id (edition);
  /* Eighty people, many alike, then a variety of cities, countries and replies. */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *family = g_strdup_printf ("Nowak %02u", i % 7);
      gint64 id = add_person (other, "Jan", family, "");

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < 200; i++)
    change_someone (other, edition_id, ids, rng);

  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_autoptr(SummitPeopleModel) model = summit_people_model_new ();

      summit_people_model_load (model, store, edition_id, "TW", 0);
      wait_ready (model);
      show (model, &ways[w]);
      for (guint round = 0; round < 6; round++)
        {
          g_autoptr(SummitPeopleModel) fresh = summit_people_model_new ();
          g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_autoptr(SummitPeopleItem) kept = NULL;
          g_autoptr(SummitPeopleItem) kept_after = NULL;
          g_autofree char *expected = NULL;
          g_autofree char *got = NULL;
          gint64 kept_id = 0;

          for (guint c = 0; c < 1 + round * 2; c++)
            {
              gint64 id = change_someone (other, edition_id, ids, rng);
              g_array_append_val (changed, id);
            }
          /* Someone shown whom nobody changed keeps their item. */
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)) && kept_id == 0; i++)
            {
              gint64 id = summit_people_model_get_id (model, i);
              gboolean was_changed = FALSE;

              for (guint c = 0; c < changed->len; c++)
                was_changed |= g_array_index (changed, gint64, c) == id;
              if (!was_changed)
                kept_id = id;
            }
          if (kept_id != 0)
            kept = find_item (model, kept_id);

          summit_people_model_refresh (model, (const gint64 *)(gpointer)changed->data, changed->len);
          wait_ready (model);
          summit_people_model_load (fresh, store, edition_id, "TW", 0);
          wait_ready (fresh);
          show (fresh, &ways[w]);

          expected = shown_ids (fresh);
          got = shown_ids (model);
          g_assert_cmpstr (got, ==, expected);
          if (kept != NULL)
            {
              kept_after = find_item (model, kept_id);
              g_assert_true (kept_after == kept);
            }
        }
    }
}

static void
test_concerns (void)
{
  static const char * const people[] = { "person", "invitation", NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 7;

  g_array_append_val (ids, id);
  g_assert_true (summit_live_concerns (NULL, NULL, people, 7));
  g_assert_true (summit_live_concerns ("person", NULL, people, 7));
  g_assert_true (summit_live_concerns ("invitation", ids, people, 7));
  g_assert_true (summit_live_concerns ("person", ids, people, 0));
  g_assert_false (summit_live_concerns ("person", ids, people, 8));
  g_assert_false (summit_live_concerns ("panel", NULL, people, 7));
}

/* Only a server that could not be reached is worth trying again unchanged:
 * a conflict, a refusal or bad data would fail the same way. */
static void
test_retry_decision (void)
{
  g_autoptr(GError) connection = g_error_new_literal (SUMMIT_STORE_ERROR,
                                                      SUMMIT_STORE_ERROR_CONNECTION, "down");
  g_autoptr(GError) conflict = g_error_new_literal (SUMMIT_STORE_ERROR,
                                                    SUMMIT_STORE_ERROR_CONFLICT, "changed");
  g_autoptr(GError) permission = g_error_new_literal (SUMMIT_STORE_ERROR,
                                                      SUMMIT_STORE_ERROR_PERMISSION, "no");
  g_autoptr(GError) io = g_error_new_literal (G_IO_ERROR, SUMMIT_STORE_ERROR_CONNECTION, "io");

  g_assert_true (summit_live_should_retry (connection));
  g_assert_false (summit_live_should_retry (conflict));
  g_assert_false (summit_live_should_retry (permission));
  g_assert_false (summit_live_should_retry (io));
  g_assert_false (summit_live_should_retry (NULL));
}

typedef struct
{
  guint        n_tries;
  gboolean     fail_again;
  SummitRetry *retry;
} Saver;

static gboolean
try_save_cb (gpointer user_data)
{
  Saver *saver = user_data;

  saver->n_tries++;
  if (saver->fail_again)
    summit_retry_schedule (saver->retry);
  return G_SOURCE_REMOVE;
}

static void
wait_for_tries (Saver *saver,
                guint  n)
{
  wait_for_count (&saver->n_tries, n);
}

/* A save retried on its own: after the interval, again while it fails, and
 * at once when the store says it is online, but never after it is done. */
static void
test_retry_schedule (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SummitStore) store = open_store (f);
  Saver saver = { 0 };

  saver.retry = summit_retry_new (store, 50, try_save_cb, &saver);
  g_assert_false (summit_retry_is_scheduled (saver.retry));

  saver.fail_again = TRUE;
  summit_retry_schedule (saver.retry);
  summit_retry_schedule (saver.retry);   /* once is enough */
  g_assert_true (summit_retry_is_scheduled (saver.retry));
  wait_for_tries (&saver, 2);
  g_assert_true (summit_retry_is_scheduled (saver.retry));

  /* Back online: tried at once, not an interval later. */
  summit_retry_free (saver.retry);
  saver.retry = summit_retry_new (store, 60 * 60 * 1000, try_save_cb, &saver);
  saver.n_tries = 0;
  saver.fail_again = FALSE;
  summit_retry_schedule (saver.retry);
  g_object_notify (G_OBJECT (store), "online");
  g_assert_cmpuint (saver.n_tries, ==, 1);
  g_assert_false (summit_retry_is_scheduled (saver.retry));

  /* Saved: nothing more. */
  g_object_notify (G_OBJECT (store), "online");
  g_assert_cmpuint (saver.n_tries, ==, 1);
  summit_retry_free (saver.retry);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/live/sqlite-announces-other-connection", Fixture, NULL, fixture_setup,
              test_sqlite_announces_other_connection, fixture_teardown);
  g_test_add ("/core/live/sqlite-watch-ends-with-store", Fixture, NULL, fixture_setup,
              test_sqlite_watch_ends_with_store, fixture_teardown);
  g_test_add ("/core/live/model-refresh-all-keeps-rows", Fixture, NULL, fixture_setup,
              test_model_refresh_all_keeps_rows, fixture_teardown);

  g_test_add ("/core/live/model-places-changed-rows", Fixture, NULL, fixture_setup,
              test_model_places_changed_rows, fixture_teardown);
  g_test_add_func ("/core/live/concerns", test_concerns);
  g_test_add_func ("/core/live/retry-only-when-unreachable", test_retry_decision);
  g_test_add ("/core/live/retry-schedule", Fixture, NULL, fixture_setup, test_retry_schedule,
              fixture_teardown);

  return g_test_run ();
}
