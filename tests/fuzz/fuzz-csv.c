/* fuzz-csv.c — libFuzzer target for the CSV preview and import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input either previews (then imports its valid rows) or is refused
 * with "input.csv:LINE: reason"; every problem names its line. See README.md.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "summit-csv.h"

static SummitStore *store;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("summit-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitCsvPreview) preview = NULL;
  SummitImportReport report;

  preview = summit_csv_preview_bytes (bytes, "input.csv", NULL, &error);
  if (preview == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, "input.csv:"))
        abort ();
      return 0;
    }

  for (guint i = 0; i < summit_csv_preview_get_problems (preview)->len; i++)
    {
      const SummitCsvProblem *p = g_ptr_array_index (summit_csv_preview_get_problems (preview), i);
      if (p->line == 0 || !g_ascii_isdigit (p->message[0]))
        abort ();
    }

  if (!summit_csv_import_preview (store, preview, TRUE, NULL, NULL, &report, NULL, &error))
    {
      g_printerr ("valid rows could not be imported: %s\n", error->message);
      abort ();
    }
  if (report.counts[SUMMIT_IMPORT_PEOPLE].added + report.counts[SUMMIT_IMPORT_PEOPLE].updated +
      report.counts[SUMMIT_IMPORT_PEOPLE].unchanged + report.skipped + report.left !=
      summit_csv_preview_get_n_rows (preview))
    abort ();
  return 0;
}
