/* bench-team.c — several staff recording invitation replies at once on one
 * database: no change lost, every status its history's last word, and how
 * long a change takes to commit. Prints figures; never fails on speed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/tests/bench/bench-team [-c CLIENTS] [-n CHANGES] [-p PEOPLE] [LOCATION]
 *
 * LOCATION: a server (postgresql://… or host=… dbname=…) or a SQLite file;
 * without one, the server the libpq variables name (PGHOST, PGPORT,
 * PGDATABASE, PGUSER; PGPASSWORD is read by libpq itself). Each of CLIENTS
 * threads (default 8) opens its own connection and makes CHANGES (default
 * 1,000) status changes through summit_store_change_invitation(), each from
 * the status it has just read, on invitations picked at random among PEOPLE
 * (default 100) made for the run, so that clients collide; a change refused
 * because another client got there first is read again and retried, and is
 * not counted among the CHANGES.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "summit-people.h"
#include "summit-store-editions.h"
#include "summit-store-seed.h"

typedef struct
{
  const char   *location;
  const gint64 *people;
  guint         n_people;
  gint64        edition_id;
  guint         n_changes;
  guint         seed;

  /* Results */
  GArray       *commit_us;   /* gint64: each committed change */
  guint         conflicts;   /* refused: changed by another client since read */
  guint         busy;        /* refused: the database was busy */
  char         *failure;
} Client;

/* The next status of a reply going back and forth, as corrections do. */
static SummitInvitationStatus
next_status (SummitInvitationStatus status,
             GRand                 *rand)
{
  switch (status)
    {
    case SUMMIT_STATUS_INVITED:
      return g_rand_boolean (rand) ? SUMMIT_STATUS_CONFIRMED : SUMMIT_STATUS_DECLINED;
    case SUMMIT_STATUS_CONFIRMED:
      return SUMMIT_STATUS_DECLINED;
    case SUMMIT_STATUS_DECLINED:
    default:
      return SUMMIT_STATUS_CONFIRMED;
    }
}

static gpointer
client_thread (gpointer data)
{
  Client *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (c->location, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (c->seed);
  guint done = 0;

  if (store == NULL)
    {
      c->failure = g_strdup (error->message);
      return NULL;
    }
  while (done < c->n_changes)
    {
      gint64 person = c->people[g_rand_int_range (rand, 0, c->n_people)];
      SummitInvitationStatus seen;
      gint64 start;

      if (!summit_store_get_invitation_status (store, person, c->edition_id, &seen, &error))
        {
          c->failure = g_strdup (error ? error->message : "an invitation went missing");
          return NULL;
        }
      start = g_get_monotonic_time ();
      if (summit_store_change_invitation (store, person, c->edition_id, seen,
                                          next_status (seen, rand), SUMMIT_CHANNEL_EMAIL,
                                          NULL, 0, &error))
        {
          gint64 us = g_get_monotonic_time () - start;
          g_array_append_val (c->commit_us, us);
          done++;
        }
      else if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
        c->conflicts++;
      else if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_BUSY))
        c->busy++;
      else
        {
          c->failure = g_strdup (error->message);
          return NULL;
        }
      g_clear_error (&error);
    }
  return NULL;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint)(p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, gint64, i) / 1000.0;
}

/* Makes @n people invited to the newest edition; their ids in @people. */
static gboolean
make_people (SummitStore  *store,
             guint         n,
             gint64       *edition_id,
             GArray       *people,
             GError      **error)
{
  g_autoptr(GPtrArray) editions = summit_store_list_editions (store, error);
  g_autofree int *seen = NULL;

  if (editions == NULL)
    return FALSE;
  if (editions->len == 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_FOUND, "no edition");
      return FALSE;
    }
  *edition_id = summit_edition_get_id (g_ptr_array_index (editions, 0));   /* newest first */

  if (!summit_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SummitPerson) person = summit_person_new ();
      g_autofree char *uid = g_strdup_printf ("bench-team-%d-%" G_GINT64_FORMAT "-%u", getpid (),
                                              g_get_real_time (), i);
      g_autofree char *family = g_strdup_printf ("Bench %u", i);
      gint64 id;

      summit_person_set_field (person, SUMMIT_PERSON_UID, uid);
      summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, "Team");
      summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
      if (!summit_store_insert_person (store, person, error))
        {
          summit_store_rollback (store);
          return FALSE;
        }
      id = summit_person_get_id (person);
      g_array_append_val (people, id);
    }
  seen = g_new (int, n);
  for (guint i = 0; i < n; i++)
    seen[i] = SUMMIT_INVITATION_NONE;
  if (!summit_store_change_invitations (store, (gint64 *)(gpointer)people->data, seen, n,
                                        *edition_id, SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_EMAIL,
                                        NULL, 0, error))
    {
      summit_store_rollback (store);
      return FALSE;
    }
  return summit_store_commit (store, error);
}

/* Over every person of the run: how many changes their histories hold
 * (the first invitation left out), and how many statuses differ from their
 * history's last entry. */
static gboolean
check_histories (SummitStore  *store,
                 GArray       *people,
                 gint64        edition_id,
                 guint        *n_events,
                 guint        *n_mismatched,
                 GError      **error)
{
  *n_events = *n_mismatched = 0;
  for (guint i = 0; i < people->len; i++)
    {
      gint64 person = g_array_index (people, gint64, i);
      g_autoptr(GPtrArray) history = NULL;
      SummitInvitationStatus status;
      gint64 last_id = 0;
      SummitInvitationStatus last = SUMMIT_N_STATUSES;

      history = summit_store_list_invitation_history (store, person, edition_id, error);
      if (history == NULL ||
          !summit_store_get_invitation_status (store, person, edition_id, &status, error))
        return FALSE;
      *n_events += history->len - 1;
      /* The last entry written, whatever the clocks of the clients said. */
      for (guint j = 0; j < history->len; j++)
        {
          SummitInvitationEvent *ev = g_ptr_array_index (history, j);
          if (ev->id > last_id)
            {
              last_id = ev->id;
              last = ev->new_status;
            }
        }
      if (last != status)
        (*n_mismatched)++;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int n_clients = 8, n_changes = 1000, n_people = 100;
  g_autoptr(GOptionContext) context = g_option_context_new ("[LOCATION]");
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *location = NULL;
  g_autofree char *shown = NULL;
  g_autofree Client *clients = NULL;
  g_autofree GThread **threads = NULL;
  guint conflicts = 0, busy = 0, n_events, n_mismatched;
  gint64 edition_id, start, wall;
  GOptionEntry entries[] = {
    { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, "Concurrent clients (8)", "N" },
    { "changes", 'n', 0, G_OPTION_ARG_INT, &n_changes, "Status changes per client (1000)", "N" },
    { "people", 'p', 0, G_OPTION_ARG_INT, &n_people, "Invitations they share (100)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2 ||
      n_clients < 1 || n_changes < 1 || n_people < 1)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-team [-c N] [-n N] [-p N] [LOCATION]");
      return 2;
    }
  if (argc == 2)
    location = g_strdup (argv[1]);
  else if (g_getenv ("PGHOST") != NULL)
    location = g_strdup_printf ("host=%s port=%s dbname=%s user=%s", g_getenv ("PGHOST"),
                                g_getenv ("PGPORT") ?: "5432",
                                g_getenv ("PGDATABASE") ?: "postgres",
                                g_getenv ("PGUSER") ?: g_get_user_name ());
  else
    {
      g_printerr ("bench-team: give a LOCATION, or set PGHOST (and PGPORT, PGDATABASE, PGUSER)\n");
      return 2;
    }
  shown = summit_store_location_display (location);

  store = summit_store_open_and_seed (location, &error);
  if (store == NULL || !make_people (store, n_people, &edition_id, people, &error))
    {
      g_printerr ("bench-team: %s: %s\n", shown, error->message);
      return 1;
    }

  clients = g_new0 (Client, n_clients);
  threads = g_new0 (GThread *, n_clients);
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_clients; i++)
    {
      clients[i] = (Client) { location, (gint64 *)(gpointer)people->data, people->len,
                              edition_id, n_changes, 2020 + i,
                              g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0, NULL };
      threads[i] = g_thread_new ("client", client_thread, &clients[i]);
    }
  for (int i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);
  wall = g_get_monotonic_time () - start;

  for (int i = 0; i < n_clients; i++)
    {
      if (clients[i].failure != NULL)
        {
          g_printerr ("bench-team: client %d: %s\n", i, clients[i].failure);
          return 1;
        }
      g_array_append_vals (all, clients[i].commit_us->data, clients[i].commit_us->len);
      conflicts += clients[i].conflicts;
      busy += clients[i].busy;
      g_array_unref (clients[i].commit_us);
    }
  g_array_sort (all, compare_int64);

  if (!check_histories (store, people, edition_id, &n_events, &n_mismatched, &error))
    {
      g_printerr ("bench-team: %s\n", error->message);
      return 1;
    }

  g_print ("database: %s (%s)\n", shown, summit_store_is_server (store) ? "server" : "SQLite file");
  g_print ("%d clients, %d status changes each, on %d shared invitations, %.1f s\n",
           n_clients, n_changes, n_people, wall / 1e6);
  g_print ("history: %u changes recorded (must be %d)\n", n_events, n_clients * n_changes);
  g_print ("statuses that differ from their last event: %u (must be 0)\n", n_mismatched);
  g_print ("refused and retried: %u changed by another client first, %u busy\n",
           conflicts, busy);
  g_print ("commit time: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
           percentile_ms (all, 0.5), percentile_ms (all, 0.95),
           percentile_ms (all, 1.0));
  return n_events == (guint)(n_clients * n_changes) && n_mismatched == 0 ? 0 : 1;
}
