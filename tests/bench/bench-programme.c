/* bench-programme.c — how long a big programme takes to read, check for
 * conflicts, and export (.ics, frab XML). Prints medians; never fails on speed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/tests/bench/bench-programme [SESSIONS [MEMBERS_PER_SESSION [PEOPLE]]]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "summit-conflicts.h"
#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-xml.h"

#define RUNS 5

static const char * const zones[] = {
  "Europe/Warsaw", "Asia/Taipei", "America/New_York", "Asia/Kolkata", "Australia/Sydney",
};

typedef struct
{
  SummitStore   *store;
  SummitEdition *edition;
} Bench;

static gboolean
fill_txn (SummitStore  *store,
          gpointer      user_data,
          GError      **error)
{
  int *sizes = user_data;
  int n_sessions = sizes[0], n_members = sizes[1], n_people = sizes[2];
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2020);
  gint64 edition_id = sizes[3];

  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(SummitPerson) person = summit_person_new ();
      g_autofree char *uid = g_strdup_printf ("bench-%d", i);
      g_autofree char *name = g_strdup_printf ("Person %d", i);
      gint64 id;

      summit_person_set_field (person, SUMMIT_PERSON_UID, uid);
      summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, name);
      summit_person_set_field (person, SUMMIT_PERSON_TIMEZONE, zones[i % G_N_ELEMENTS (zones)]);
      if (!summit_store_insert_person (store, person, error))
        return FALSE;
      id = summit_person_get_id (person);
      g_array_append_val (ids, id);
      if (!summit_store_record_invitation (store, id, edition_id,
                                           i % 7 == 0 ? SUMMIT_STATUS_DECLINED : SUMMIT_STATUS_CONFIRMED,
                                           SUMMIT_CHANNEL_EMAIL, "", 0, error))
        return FALSE;
    }

  for (int i = 0; i < n_sessions; i++)
    {
      g_autoptr(SummitPanel) panel = summit_panel_new ();
      g_autofree char *title = g_strdup_printf ("Session %d", i);
      g_autofree char *room = g_strdup_printf ("Room %d", g_rand_int_range (rand, 0, 8));

      summit_panel_set_edition_id (panel, edition_id);
      summit_panel_set_title (panel, title);
      summit_panel_set_kind (panel, SUMMIT_PANEL_DISCUSSION);
      /* 40 days from 13 August 2020, on the quarter hour */
      summit_panel_set_start (panel, 1597276800 + g_rand_int_range (rand, 0, 40 * 96) * 900);
      summit_panel_set_duration (panel, 30 + 15 * g_rand_int_range (rand, 0, 7));
      summit_panel_set_room (panel, room);
      for (int m = 0; m < n_members; m++)
        {
          SummitPanelMember member = { 0 };
          gboolean taken = FALSE;

          member.person_id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, n_people));
          for (guint k = 0; k < summit_panel_get_n_members (panel); k++)
            taken |= summit_panel_get_member (panel, k)->person_id == member.person_id;
          if (taken)
            continue;
          member.role = m == 0 ? SUMMIT_ROLE_MODERATOR : SUMMIT_ROLE_PANELIST;
          summit_panel_append_member (panel, &member);
        }
      if (!summit_store_insert_panel (store, panel, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), (int (*) (const void *, const void *))compare_doubles);
  return values[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("summit-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *ics = g_build_filename (dir, "bench.ics", NULL);
  g_autofree char *xml = g_build_filename (dir, "bench.xml", NULL);
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  int sizes[4] = { argc > 1 ? atoi (argv[1]) : 1000, argc > 2 ? atoi (argv[2]) : 5,
                   argc > 3 ? atoi (argv[3]) : 300, 0 };
  double t_list[RUNS], t_conflicts[RUNS], t_ics[RUNS], t_frab[RUNS];
  guint n_conflicts = 0;

  g_assert_no_error (error);
  store = summit_store_open_and_seed (db, &error);
  g_assert_no_error (error);
  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  sizes[3] = (int)summit_edition_get_id (edition);
  if (!summit_store_transaction (store, fill_txn, sizes, &error))
    g_error ("filling the bench database: %s", error->message);

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) panels = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GHashTable) statuses = NULL;
      gint64 t0 = g_get_monotonic_time ();

      panels = summit_store_list_panels (store, summit_edition_get_id (edition), &error);
      statuses = summit_store_invitation_statuses (store, summit_edition_get_id (edition), &error);
      g_assert_no_error (error);
      t_list[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      conflicts = summit_conflicts_find (edition, panels, statuses);
      t_conflicts[r] = (g_get_monotonic_time () - t0) / 1000.0;
      n_conflicts = conflicts->len;

      t0 = g_get_monotonic_time ();
      if (!summit_store_export_ical (store, edition, 0, ics, &error))
        g_error ("%s", error->message);
      t_ics[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      if (!summit_store_export_frab (store, edition, xml, NULL, &error))
        g_error ("%s", error->message);
      t_frab[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  g_print ("programme: %d sessions, up to %d members each, %d people; %u conflicts found\n",
           sizes[0] + 3, sizes[1], sizes[2], n_conflicts);
  g_print ("median of %d runs, ms:\n", RUNS);
  g_print ("  read sessions, lineups, invitations  %8.1f\n", median (t_list));
  g_print ("  find conflicts                       %8.1f\n", median (t_conflicts));
  g_print ("  export .ics (libical)                %8.1f\n", median (t_ics));
  g_print ("  export frab XML (xmlTextWriter)      %8.1f\n", median (t_frab));

  g_clear_object (&store);
  g_remove (ics);
  g_remove (xml);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}
