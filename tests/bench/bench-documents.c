/* bench-documents.c — invitation letters and the press kit, timed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: prints medians. Targets (issue 15): 1,000 letters into one PDF
 * with memory flat (the PDF is streamed a page at a time: the peak resident
 * size is printed after 100 and after 1,000 letters); the press kit of a
 * 100,000-person database ≤ 1 s.
 * Usage: bench-documents DATABASE [ROUNDS]   (DATABASE from summit-bench-generate)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "summit-letters.h"
#include "summit-people.h"
#include "summit-press-kit.h"
#include "summit-programme.h"
#include "summit-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static double
time_letters (SummitStore   *store,
              SummitEdition *edition,
              GPtrArray     *people,
              const char    *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!summit_letters_write (store, edition, people, path, TRUE, NULL, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) hundred = g_ptr_array_new ();
  g_autoptr(GPtrArray) thousand = g_ptr_array_new ();
  g_autoptr(GArray) letters = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) kits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *kit = NULL;
  guint rounds = argc > 2 ? (guint)atoi (argv[2]) : 5;
  long rss_100, rss_1000;
  GStatBuf st;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s DATABASE [ROUNDS]\n", argv[0]);
      return 2;
    }
  if ((store = summit_store_open (argv[1], &error)) == NULL ||
      (everyone = summit_store_list_people (store, &error)) == NULL)
    g_error ("%s", error->message);
  edition = summit_store_get_edition (store, 2020, &error);
  if (edition == NULL)
    g_error ("no 2020 edition: %s", error ? error->message : "");
  for (guint i = 0; i < everyone->len && i < 1000; i++)
    {
      if (i < 100)
        g_ptr_array_add (hundred, g_ptr_array_index (everyone, i));
      g_ptr_array_add (thousand, g_ptr_array_index (everyone, i));
    }

  dir = g_dir_make_tmp ("bench-documents-XXXXXX", NULL);
  pdf = g_build_filename (dir, "letters.pdf", NULL);
  kit = g_build_filename (dir, "press-kit.pdf", NULL);

  time_letters (store, edition, hundred, pdf);
  rss_100 = peak_rss_kib ();
  for (guint i = 0; i < rounds; i++)
    {
      double ms = time_letters (store, edition, thousand, pdf);
      g_array_append_val (letters, ms);
    }
  rss_1000 = peak_rss_kib ();
  g_stat (pdf, &st);
  g_print ("%u letters into one PDF: median %.0f ms over %u rounds (%.1f MB file)\n",
           thousand->len, median (letters), rounds, st.st_size / 1e6);
  g_print ("peak resident size: %ld MiB after 100 letters, %ld MiB after %u rounds of %u\n",
           rss_100 / 1024, rss_1000 / 1024, rounds, thousand->len);

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!summit_press_kit_write (store, 0, kit, "Europe/Warsaw", &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (kits, ms);
    }
  g_print ("press kit of %u people: median %.0f ms over %u rounds\n",
           everyone->len, median (kits), rounds);

  g_remove (pdf);
  g_remove (kit);
  g_rmdir (dir);
  return 0;
}
