/* fuzz-xml.c — libFuzzer target for the XML importer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input either imports or is refused with "input.xml:LINE…: reason";
 * anything else (a crash, a leak, a message without its place, a
 * transaction left open) is a finding. See README.md.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "summit-xml.h"

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
  /* The file goes with the process; the open connection keeps it usable. */
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
  SummitImportReport report;

  if (!summit_xml_import_bytes (store, bytes, "input.xml", &report, NULL, &error))
    {
      if (error == NULL || !g_str_has_prefix (error->message, "input.xml:") ||
          !g_ascii_isdigit (error->message[strlen ("input.xml:")]))
        {
          g_printerr ("badly located message: %s\n", error ? error->message : "(none)");
          abort ();
        }
    }
  if (summit_store_in_transaction (store))
    {
      g_printerr ("a transaction was left open\n");
      abort ();
    }
  return 0;
}
