/* test-frab.c — the frab schedule: valid against the reference schema,
 * and saying the programme's days, rooms, times and people
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <sys/wait.h>
#include <libxml/xpath.h>

#include "summit-frab.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static SummitStore *
open_seeded (const char *name)
{
  return test_open_store (tmpdir, name, TRUE);
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, context);
  char *text;

  g_assert_nonnull (result);
  text = g_strdup ((const char *)(result->stringval ? result->stringval : BAD_CAST ""));
  if (result->type != XPATH_STRING)
    {
      xmlChar *value = xmlXPathCastToString (result);
      g_free (text);
      text = g_strdup ((const char *)value);
      xmlFree (value);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return text;
}

#define assert_xpath(doc, expression, expected) \
  G_STMT_START { \
    g_autofree char *_value = xpath_string (doc, expression); \
    g_assert_cmpstr (_value, ==, expected); \
  } G_STMT_END

static void
add_tricky_session (SummitStore   *store,
                    SummitEdition *edition)
{
  g_autoptr(SummitPanel) panel = summit_panel_new ();
  g_autoptr(GError) error = NULL;
  gint64 when;

  /* 23:30 in Taipei on the 13th, in a second room, with markup-like text. */
  g_assert_true (summit_time_parse_local ("2020-08-13", "23:30", "Asia/Taipei", &when, NULL));
  summit_panel_set_edition_id (panel, summit_edition_get_id (edition));
  summit_panel_set_title (panel, "Q&A <live> with “mayors”");
  summit_panel_set_kind (panel, SUMMIT_PANEL_DISCUSSION);
  summit_panel_set_start (panel, when);
  summit_panel_set_duration (panel, 125);
  summit_panel_set_room (panel, "Studio B");
  g_assert_true (summit_store_insert_panel (store, panel, &error));
  g_assert_no_error (error);
}

static void
test_seed_schedule_content (void)
{
  g_autoptr(SummitStore) store = open_seeded ("content.db");
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "content.xml", NULL);
  g_autofree char *left_out = NULL;
  xmlDocPtr doc;

  edition = summit_store_get_edition (store, 2020, &error);
  add_tricky_session (store, edition);
  g_assert_true (summit_store_export_frab (store, edition, path, &left_out, &error));
  g_assert_no_error (error);
  /* The Gdynia speech has no time yet: named, and why. */
  g_assert_cmpstr (left_out, ==, "Left out 1 session that has no time yet (a schedule needs one): "
                                 "“Speech by the Deputy Mayor of Gdynia”");

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  assert_xpath (doc, "string(/schedule/conference/acronym)", "summit2020");
  assert_xpath (doc, "string(/schedule/conference/start)", "2020-08-13");
  assert_xpath (doc, "count(/schedule/day)", "2");
  assert_xpath (doc, "string(/schedule/day[1]/@date)", "2020-08-13");
  assert_xpath (doc, "string(/schedule/day[1]/@start)", "2020-08-13T00:00:00+08:00");
  assert_xpath (doc, "count(/schedule/day[1]/room)", "2");
  assert_xpath (doc, "string(/schedule/day[1]/room[1]/event/start)", "15:00");
  assert_xpath (doc, "string(/schedule/day[1]/room[1]/event/date)", "2020-08-13T15:00:00+08:00");
  assert_xpath (doc, "string(/schedule/day[1]/room[1]/event/persons/person)", "Ko Wen-je (柯文哲)");
  assert_xpath (doc, "string(/schedule/day[1]/room[2]/@name)", "Studio B");
  assert_xpath (doc, "string(/schedule/day[1]/room[2]/event/title)", "Q&A <live> with “mayors”");
  assert_xpath (doc, "string(/schedule/day[1]/room[2]/event/duration)", "02:05");
  assert_xpath (doc, "string(/schedule/day[2]/room/event/start)", "22:00");
  assert_xpath (doc, "string(/schedule/day[2]/room/event/duration)", "01:30");
  assert_xpath (doc, "string(/schedule/day[2]/room/event/@guid)", "seed-2020-lublin-panel");
  assert_xpath (doc, "string(/schedule/day[2]/room/event/persons/person)", "Mariusz Sagan");
  xmlFreeDoc (doc);
}

static void
test_valid_against_reference_schema (void)
{
  g_autoptr(SummitStore) store = open_seeded ("valid.db");
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "valid.xml", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *xsd = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *shared = g_getenv ("SUMMIT_SHARED_DIR");
  int status = -1;

  if (shared == NULL || !g_file_test ((xsd = g_build_filename (shared, "reference",
                                                                "frab-schedule.xsd", NULL)),
                                      G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the reference frab-schedule.xsd is absent (set SUMMIT_SHARED_DIR)");
      return;
    }
  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  edition = summit_store_get_edition (store, 2020, &error);
  add_tricky_session (store, edition);
  g_assert_true (summit_store_export_frab (store, edition, path, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", xsd, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint rejects the schedule: %s", err);
  g_assert_nonnull (strstr (err, "validates"));
}

static void
test_cli_schedule (void)
{
  g_autoptr(SummitStore) store = open_seeded ("cli.db");
  g_autofree char *database = test_store_location (tmpdir, "cli.db");
  g_autofree char *missing = g_build_filename (tmpdir, "missing.db", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "cli-schedule.xml", NULL);
  g_autofree char *other = g_build_filename (tmpdir, "not-written.xml", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  xmlDocPtr doc;
  int status;

  g_clear_object (&store);
  if (!test_run_cli_file (database, "schedule", path, &status, &err))
    return;
  g_assert_cmpint (status, ==, 0);
  /* It says which sessions a schedule cannot hold. */
  g_assert_nonnull (strstr (err, "Left out 1 session that has no time yet (a schedule needs one): "
                                 "“Speech by the Deputy Mayor of Gdynia”"));
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  /* No database: one line on stderr, exit 1, nothing written. */
  test_run_cli_file (missing, "schedule", other, &status, &err2);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err2, "does not exist"));
  g_assert_cmpint (strchr (err2, '\n') - err2 + 1, ==, (int)strlen (err2));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/io/frab/seed-schedule-content", test_seed_schedule_content);
  g_test_add_func ("/io/frab/valid-against-reference-schema", test_valid_against_reference_schema);
  g_test_add_func ("/cli/schedule", test_cli_schedule);

  ret = g_test_run ();
  xmlCleanupParser ();
  test_tmpdir_free (tmpdir);
  return ret;
}
