/* test-xml.c — XML export and import: round trips, merges, and files from strangers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/relaxng.h>
#include <libxml/parser.h>

#include "summit-people.h"
#include "summit-store-private.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static const char *HEAD =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\" format-version=\"1\">\n";

/* Auxiliary methods */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static SummitStore *
open_store (const char *name,
            gboolean    seeded)
{
  return test_open_store (tmpdir, name, seeded);
}

static GBytes *
export_bytes (SummitStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  summit_xml_export_stream (store, out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
exec_sql (SummitStore *store,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;

  summit_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static char *
query_text (SummitStore *store,
            const char  *sql)
{
  SummitStmt *stmt = summit_store_prepare (store, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_ROW);
  text = g_strdup (summit_stmt_column_text (stmt, 0));
  summit_stmt_reset (stmt);
  return text;
}

/* Everything the format holds, beyond the seed: all person fields, a
 * history with channels and notes, a lineup of several, figures with every
 * optional part, text that needs escaping. */
static void
add_rich_data (SummitStore *store)
{
  exec_sql (store,
            "INSERT INTO person (uid, honorific, given_name, family_name, native_name, position,"
            " city, country, organisation, email, phone, timezone, notes, created, updated)"
            " VALUES ('p-anna', 'Ms.', 'Anna', 'Nowak', 'Анна', 'Mayor', 'Łódź', 'PL',"
            " 'City of Łódź', 'anna@example.org', '+48 42 000', 'Europe/Warsaw',"
            " 'Likes <tables> & \"quotes\"\nsecond line\ttab', 1500000000, 1600000000),"
            " ('p-li', '', 'Wei', 'Li', '李偉', 'Deputy Mayor', 'Tainan', 'TW', '', '', '',"
            " 'Asia/Taipei', '', 1500000001, 1500000001);"
            "INSERT INTO edition (year, theme, host_city, host_country, timezone, format,"
            " start_date, end_date) VALUES (2021, 'Net Zero', 'Taipei', 'TW', 'Asia/Taipei',"
            " 'hybrid', '2021-03-23', '2021-03-26');"
            "INSERT INTO invitation (person_id, edition_id, status, updated)"
            " SELECT p.id, e.id, 'declined', 1610000000 FROM person p, edition e"
            " WHERE p.uid = 'p-anna' AND e.year = 2021;"
            "INSERT INTO invitation_event (invitation_id, at, old_status, new_status, channel, note)"
            " SELECT id, 1600000000, NULL, 'invited', 'email', 'First letter' FROM invitation"
            " WHERE status = 'declined' UNION ALL"
            " SELECT id, 1605000000, 'invited', 'confirmed', 'phone', '' FROM invitation"
            " WHERE status = 'declined' UNION ALL"
            " SELECT id, 1610000000, 'confirmed', 'declined', 'letter', 'Ill & sorry' FROM invitation"
            " WHERE status = 'declined';"
            "INSERT INTO panel (uid, edition_id, title, kind, start_utc, day, duration_min, room,"
            " description) SELECT 'panel-2021-a', id, 'Cities after coal', 'panel', 1616490000,"
            " NULL, 75, 'Room 201', 'Three views' FROM edition WHERE year = 2021;"
            "INSERT INTO panel_member (panel_id, person_id, role, position)"
            " SELECT (SELECT id FROM panel WHERE uid = 'panel-2021-a'), id,"
            " CASE uid WHEN 'p-li' THEN 'moderator' ELSE 'panelist' END,"
            " CASE uid WHEN 'p-li' THEN 0 WHEN 'p-anna' THEN 1 ELSE 2 END"
            " FROM person WHERE uid IN ('p-li', 'p-anna', 'seed-mariusz-sagan');"
            "INSERT INTO year_statistic (year, kind, overseas_mayors, lower_bound,"
            " domestic_mayors, countries, source) VALUES (2021, 'recorded', 88, 0, 22, 31, 'Report');"
            /* A kind that overrides the wording; an end given, beside the seed's defaults. */
            "UPDATE person SET position_kind = 'official' WHERE uid = 'p-li';"
            /* A letter in English to a guest from Poland. */
            "UPDATE person SET letter_language = 'en' WHERE uid = 'p-anna';"
            "UPDATE panel SET end_confirmed = 1, room_confirmed = 1 WHERE uid = 'panel-2021-a';");
}

/* The database file's bytes, read with the store closed (which checkpoints
 * the write-ahead log into it). */
static GBytes *
db_bytes (const char *name)
{
  return test_store_snapshot (tmpdir, name);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize la, lb;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);

  if (la != lb || memcmp (da, db, la) != 0)
    {
      g_autofree char *sa = g_strndup (da, MIN (la, 4000));
      g_autofree char *sb = g_strndup (db, MIN (lb, 4000));
      g_test_message ("first:\n%s\nsecond:\n%s", sa, sb);
    }
  g_assert_cmpmem (da, la, db, lb);
}

/* Asserts @message starts with "FILE:LINE:" (and a column if @want_column). */
static void
assert_located (const char *message,
                const char *file,
                gboolean    want_column)
{
  g_autofree char *pattern = NULL;
  g_autofree char *quoted = g_regex_escape_string (file, -1);

  pattern = g_strdup_printf ("^%s:[0-9]+%s: .+", quoted, want_column ? ":[0-9]+" : "(:[0-9]+)?");
  if (!g_regex_match_simple (pattern, message, G_REGEX_DOTALL, 0))
    g_error ("“%s” does not start with %s:LINE%s:", message, file, want_column ? ":COL" : "");
}

/* Round trips */

static void
test_round_trip (void)
{
  g_autoptr(SummitStore) first = open_store ("rt-first.db", TRUE);
  g_autoptr(SummitStore) second = open_store ("rt-second.db", FALSE);
  g_autoptr(SummitStore) third = open_store ("rt-third.db", FALSE);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lineup = NULL;
  SummitImportReport report;

  add_rich_data (first);
  a = export_bytes (first);

  summit_xml_import_bytes (second, a, "a.xml", &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 5);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_EDITIONS].added, ==, 2);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_INVITATIONS].added, ==, 4);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_SESSIONS].added, ==, 4);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_STATISTICS].added, ==, 7);
  b = export_bytes (second);
  assert_bytes_equal (a, b);

  /* And once more, to be sure nothing drifts. */
  summit_xml_import_bytes (third, b, "b.xml", NULL, NULL, &error);
  g_assert_no_error (error);
  c = export_bytes (third);
  assert_bytes_equal (b, c);

  /* What the file says, spot-checked in the database. */
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM invitation_event e JOIN invitation i"
                                  " ON i.id = e.invitation_id JOIN person p ON p.id = i.person_id"
                                  " WHERE p.uid = 'p-anna' AND e.channel IN ('email', 'phone',"
                                  " 'letter')"), ==, 3);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE uid = 'p-anna' AND notes ="
                                  " 'Likes <tables> & \"quotes\"\nsecond line\ttab' AND native_name = 'Анна'"), ==, 1);
  lineup = query_text (second, SUMMIT_SQL (second,
                               "SELECT group_concat (p.uid || '/' || m.role, ' ') FROM"
                               " (SELECT * FROM panel_member ORDER BY position) m"
                               " JOIN person p ON p.id = m.person_id JOIN panel s"
                               " ON s.id = m.panel_id WHERE s.uid = 'panel-2021-a'"
                               " AND s.duration_min = 75",
                               "SELECT string_agg (p.uid || '/' || m.role, ' ' ORDER BY m.position)"
                               " FROM panel_member m"
                               " JOIN person p ON p.id = m.person_id JOIN panel s"
                               " ON s.id = m.panel_id WHERE s.uid = 'panel-2021-a'"
                               " AND s.duration_min = 75"));
  g_assert_cmpstr (lineup, ==, "p-li/moderator p-anna/panelist seed-mariusz-sagan/panelist");
  g_assert_cmpint (test_store_count (second, "SELECT domestic_mayors * 100 + countries FROM year_statistic"
                                  " WHERE year = 2021"), ==, 2231);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE uid = 'p-li'"
                                  " AND position_kind = 'official'"), ==, 1);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE position_kind <> ''"), ==, 1);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE uid = 'p-anna'"
                                  " AND letter_language = 'en'"), ==, 1);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE letter_language <> ''"), ==, 1);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM panel WHERE end_confirmed = 1"
                                  " AND room_confirmed = 1 AND uid = 'panel-2021-a'"), ==, 1);
  /* The seed's sessions give defaults, not ends or rooms. */
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM panel WHERE end_confirmed = 0"
                                  " AND room_confirmed = 0 AND uid LIKE 'seed-%'"), ==, 3);
}

static void
test_export_is_valid (void)
{
  g_autoptr(SummitStore) store = open_store ("valid.db", TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = tmp_path ("valid.xml");
  g_autofree char *rng = g_build_filename (g_getenv ("SUMMIT_SOURCE_ROOT"), "data",
                                           "summit-planner.rng", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  g_autofree char *xmllint = NULL;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", rng, path, NULL };

  add_rich_data (store);
  summit_xml_export_file (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bytes = test_read_bytes (path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL),
                                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<summit xmlns="));

  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL || g_getenv ("SUMMIT_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("xmllint or SUMMIT_SOURCE_ROOT missing: not checked by a second validator");
      return;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint rejects the export: %s", err);
}

static void
test_reimport_changes_nothing (void)
{
  g_autoptr(SummitStore) store = open_store ("again.db", TRUE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  SummitImportReport report;
  gint64 events;

  add_rich_data (store);
  before = export_bytes (store);
  events = test_store_count (store, "SELECT count(*) FROM invitation_event");

  for (int round = 0; round < 2; round++)
    {
      summit_xml_import_bytes (store, before, "before.xml", &report, NULL, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < SUMMIT_IMPORT_N_KINDS; k++)
        {
          g_assert_cmpuint (report.counts[k].added, ==, 0);
          g_assert_cmpuint (report.counts[k].updated, ==, 0);
        }
      g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].unchanged, ==, 5);
      g_assert_cmpuint (report.counts[SUMMIT_IMPORT_SESSIONS].unchanged, ==, 4);
      g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM invitation_event"), ==, events);
    }
  after = export_bytes (store);
  assert_bytes_equal (before, after);
}

static void
test_merge_counts (void)
{
  g_autoptr(SummitStore) source = open_store ("merge-source.db", TRUE);
  g_autoptr(SummitStore) target = open_store ("merge-target.db", TRUE);
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SummitImportReport report;

  /* The target has someone the file does not know: they stay. */
  exec_sql (target, "INSERT INTO person (uid, given_name, created, updated)"
                    " VALUES ('only-here', 'Zofia', 1, 1)");

  add_rich_data (source);                              /* +2 people, +1 edition … */
  exec_sql (source,
            "UPDATE person SET position = 'Former Mayor' WHERE uid = 'seed-ko-wen-je';"
            "UPDATE panel SET room = 'Studio B' WHERE uid = 'seed-2020-opening';"
            "UPDATE year_statistic SET source = 'Corrected' WHERE year = 2017;"
            "UPDATE edition SET theme = 'Smart City' WHERE year = 2020;"
            "INSERT INTO invitation_event (invitation_id, at, old_status, new_status, channel)"
            " SELECT i.id, 1700000000, 'confirmed', 'attended', 'in-person' FROM invitation i"
            " JOIN person p ON p.id = i.person_id WHERE p.uid = 'seed-mariusz-sagan';"
            "UPDATE invitation SET status = 'attended' WHERE person_id ="
            " (SELECT id FROM person WHERE uid = 'seed-mariusz-sagan')");
  file = export_bytes (source);

  summit_xml_import_bytes (target, file, "merge.xml", &report, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 2);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].updated, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].unchanged, ==, 2);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_EDITIONS].added, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_EDITIONS].updated, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_INVITATIONS].added, ==, 1);
  /* The seed's invitations differ in the time of their first event ("now"
   * at seeding), so each gains a line of history from the other database,
   * and Sagan's also its new status. */
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_INVITATIONS].updated +
                    report.counts[SUMMIT_IMPORT_INVITATIONS].unchanged, ==, 3);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_SESSIONS].added, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_SESSIONS].updated, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_SESSIONS].unchanged, ==, 2);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_STATISTICS].added, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_STATISTICS].updated, ==, 1);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_STATISTICS].unchanged, ==, 5);

  g_assert_cmpint (test_store_count (target, "SELECT count(*) FROM person"), ==, 6);
  g_assert_cmpint (test_store_count (target, "SELECT count(*) FROM person WHERE uid = 'only-here'"), ==, 1);
  g_assert_cmpint (test_store_count (target, "SELECT count(*) FROM person WHERE position = 'Former Mayor'"),
                   ==, 1);
  g_assert_cmpint (test_store_count (target, "SELECT count(*) FROM invitation WHERE status = 'attended'"),
                   ==, 1);

  text = summit_import_report_to_string (&report);
  g_assert_cmpstr (text, !=, "");
}

static void
test_export_keeps_old_file_on_cancel (void)
{
  g_autoptr(SummitStore) store = open_store ("cancel-export.db", TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("keep.xml");
  g_autoptr(GBytes) after = NULL;

  test_write (path, "old contents", -1);
  g_cancellable_cancel (cancellable);
  g_assert_false (summit_xml_export_file (store, path, NULL, NULL, cancellable, &error));
  g_assert_nonnull (error);
  after = test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "old contents", 12);
}

/* Files from strangers */

typedef void (*WriteFunc) (const char *path);

/* Imports @path into a seeded database and asserts that it is refused with
 * a located message containing @expect, quickly, and that the database file
 * is byte for byte what it was. */
static void
assert_refused_path (const char *path,
                     gboolean    want_column,
                     const char *expect)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SummitImportReport report;
  gint64 start;
  double seconds;

  {
    g_autoptr(SummitStore) store = open_store ("hostile.db", TRUE);
  }
  before = db_bytes ("hostile.db");

  {
    g_autoptr(SummitStore) store = open_store ("hostile.db", FALSE);

    start = g_get_monotonic_time ();
    g_assert_false (summit_xml_import_file (store, path, &report, NULL, &error));
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_assert_nonnull (error);
    g_assert_true (error->domain == SUMMIT_XML_ERROR);
    g_assert_false (summit_store_in_transaction (store));
    g_test_message ("%s (%.3f s)", error->message, seconds);
    g_assert_cmpfloat (seconds, <, 10.0);
  }

  assert_located (error->message, path, want_column);
  message = g_ascii_strdown (error->message + strlen (path), -1);
  if (expect != NULL && !g_regex_match_simple (expect, message, 0, 0))
    g_error ("“%s” does not match “%s”", error->message, expect);
  g_assert_null (strstr (error->message, "root:"));

  after = db_bytes ("hostile.db");
  assert_bytes_equal (before, after);
}

static void
assert_refused (const char *name,
                const char *contents,
                gssize      len,
                gboolean    want_column,
                const char *expect)
{
  g_autofree char *path = tmp_path (name);

  test_write (path, contents, len);
  assert_refused_path (path, want_column, expect);
  g_remove (path);
}

static void
test_rejects_external_entity (void)
{
  g_autofree char *fifo = tmp_path ("never-opened.fifo");
  g_autofree char *doc = NULL;

  /* A FIFO with no writer blocks whoever opens it: if the importer tried to
   * read the entity, this test would hang instead of passing. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE summit [\n"
                         "  <!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n"
                         "  <!ENTITY fifo SYSTEM \"file://%s\">\n"
                         "]>\n"
                         "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                         " format-version=\"1\">\n"
                         "  <person uid=\"x\" given-name=\"&passwd;\" notes=\"&fifo;\"/>\n"
                         "</summit>\n", fifo);
  assert_refused ("xxe.xml", doc, -1, TRUE, "doctype|entit");
  g_remove (fifo);
}

static void
test_rejects_doctype (void)
{
  assert_refused ("doctype.xml",
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE summit SYSTEM \"http://example.com/x.dtd\">\n"
                  "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                  " format-version=\"1\"/>\n", -1, TRUE, "doctype");
}

static void
test_rejects_billion_laughs (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE summit [\n"
                               "  <!ENTITY lol \"lol\">\n");

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (doc, "  <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (doc, "&lol;");
          else
            g_string_append_printf (doc, "&lol%d;", i - 1);
        }
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                        " format-version=\"1\">\n<person uid=\"x\" given-name=\"&lol9;\"/>\n"
                        "</summit>\n");
  assert_refused ("laughs.xml", doc->str, doc->len, TRUE, "doctype|entit");
  g_string_free (doc, TRUE);
}

static void
test_rejects_deep_nesting (void)
{
  GString *doc = g_string_new (HEAD);

  for (int i = 0; i < 100000; i++)
    g_string_append (doc, "<person>");
  assert_refused ("deep.xml", doc->str, doc->len, FALSE, NULL);
  g_string_free (doc, TRUE);
}

static void
test_rejects_truncated (void)
{
  g_autoptr(SummitStore) store = open_store ("trunc-src.db", TRUE);
  g_autoptr(GBytes) full = export_bytes (store);
  gsize len;
  const char *data = g_bytes_get_data (full, &len);

  assert_refused ("truncated.xml", data, len * 2 / 3, TRUE, NULL);
}

static void
test_rejects_wrong_namespace (void)
{
  assert_refused ("namespace.xml",
                  "<?xml version=\"1.0\"?>\n"
                  "<summit xmlns=\"https://summitplanner.github.io/ns/summit/999\""
                  " format-version=\"1\">\n  <person uid=\"a\" given-name=\"A\"/>\n</summit>\n",
                  -1, FALSE, NULL);
  assert_refused ("no-namespace.xml",
                  "<?xml version=\"1.0\"?>\n<summit format-version=\"1\"/>\n", -1, FALSE, NULL);
}

static void
test_rejects_invalid_utf8 (void)
{
  g_autofree char *doc = g_strdup_printf ("%s  <person uid=\"a\" given-name=\"Ann\xff\xfe\"/>\n"
                                          "</summit>\n", HEAD);

  assert_refused ("utf8.xml", doc, -1, TRUE, "utf-8");
}

static void
test_rejects_numbers_out_of_range (void)
{
  const char *bodies[] = {
    "  <edition year=\"99999\"/>\n",
    "  <edition year=\"-2020\"/>\n",
    "  <statistic year=\"2019\" kind=\"recorded\" overseas-mayors=\"99999999999999999999999\"/>\n",
    "  <statistic year=\"2019\" kind=\"recorded\" overseas-mayors=\"-1\"/>\n",
    "  <edition year=\"2020\"><session uid=\"s\" kind=\"panel\" title=\"T\""
    " duration=\"100000\"/></edition>\n",
    "  <person uid=\"a\" given-name=\"A\" created=\"9999-99-99T99:99:99Z\"/>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *doc = g_strdup_printf ("%s%s</summit>\n", HEAD, bodies[i]);
      assert_refused ("range.xml", doc, -1, FALSE, NULL);
    }
}

/* Writes a document with one text node of @size bytes, a megabyte at a time. */
static void
write_huge_text (const char *path,
                 goffset     size)
{
  FILE *f = fopen (path, "w");
  g_autofree char *chunk = g_malloc (1 << 20);

  g_assert_nonnull (f);
  memset (chunk, 'a', 1 << 20);
  fputs (HEAD, f);
  fputs ("<person uid=\"a\" given-name=\"A\"/>", f);
  for (goffset done = 0; done < size; done += 1 << 20)
    g_assert_cmpuint (fwrite (chunk, 1, 1 << 20, f), ==, 1 << 20);
  fputs ("</summit>\n", f);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
test_rejects_huge_text_node (void)
{
  g_autofree char *path = tmp_path ("huge.xml");
  g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
  g_autoptr(GFileInfo) fs = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                          NULL, NULL);
  /* A real gigabyte (written in about a second) where the disk has room;
   * otherwise 12 MB, past libxml2's 10 MB limit on one text node, which
   * meets the same refusal. */
  goffset size = (goffset)1 << 30;

  if (fs == NULL ||
      g_file_info_get_attribute_uint64 (fs, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < (guint64)4 << 30)
    {
      g_test_message ("less than 4 GB free: a 12 MB text node stands in for the gigabyte");
      size = 12 << 20;
    }

  write_huge_text (path, size);
  g_test_message ("text node of %" G_GOFFSET_FORMAT " bytes", size);
  assert_refused_path (path, TRUE, NULL);
  g_remove (path);
}

static void
test_rejects_empty_file (void)
{
  g_autofree char *path = tmp_path ("empty.xml");

  test_write (path, "", 0);
  assert_refused_path (path, FALSE, "empty");
  test_write (path, "   \n\n", -1);
  assert_refused_path (path, FALSE, NULL);
}

static void
test_rejects_directory (void)
{
  g_autofree char *path = tmp_path ("a-folder.xml");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused_path (path, FALSE, "folder");
  g_rmdir (path);
}

static void
test_rejects_missing_file (void)
{
  g_autofree char *path = tmp_path ("not-there.xml");

  assert_refused_path (path, FALSE, NULL);
}

/* Root reads any file whatever its mode, so as root the test drops to
 * "nobody" in a subprocess, where mode 000 means what it says. */
static void
test_rejects_unreadable (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = tmp_path ("unreadable.xml");

      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_cmpint (access (path, R_OK), !=, 0);
      assert_refused_path (path, FALSE, "permission");
      return;
    }

  {
    g_autofree char *path = tmp_path ("unreadable.xml");
    g_autoptr(SummitStore) store = open_store ("hostile.db", TRUE);
    g_autofree char *db = tmp_path ("hostile.db");

    test_write (path, HEAD, -1);
    g_assert_cmpint (g_chmod (path, 0000), ==, 0);
    if (geteuid () == 0)
      {
        /* nobody must be able to reach and write the database to open it. */
        g_assert_cmpint (g_chmod (tmpdir, 0777), ==, 0);
        if (!test_engine_is_server ())
          g_assert_cmpint (g_chmod (db, 0666), ==, 0);
      }
  }
  g_setenv ("SUMMIT_TEST_TMPDIR", tmpdir, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The values import checks itself (see ValueChecks in summit-xml.c) are
 * accepted and refused exactly as the published schema, checked whole by
 * libxml2, accepts and refuses them. */

typedef struct
{
  const char *body;     /* the document's content, %s the value */
  const char *value;
  gboolean    valid;
} ValueCase;

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static gboolean
schema_accepts (xmlRelaxNGPtr  schema,
                const char    *doc_text)
{
  xmlDocPtr doc = xmlReadMemory (doc_text, strlen (doc_text), "case.xml", NULL, XML_PARSE_NONET);
  xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt (schema);
  int ret;

  g_assert_nonnull (doc);
  /* Refusals are expected here: the test compares verdicts, not messages. */
  xmlRelaxNGSetValidStructuredErrors (valid, ignore_error_cb, NULL);
  ret = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  return ret == 0;
}

static void
test_value_checks_match_schema (void)
{
  const char *person = "  <person uid=\"p\" given-name=\"A\" %s/>\n";
  const char *uid = "  <person uid=\"%s\" given-name=\"A\"/>\n";
  const char *member = "  <person uid=\"p\" given-name=\"A\"/>\n  <edition year=\"2020\">"
                       "<session uid=\"s\" kind=\"panel\" title=\"T\">"
                       "<member person=\"%s\" role=\"panelist\"/></session></edition>\n";
  const char *event = "  <person uid=\"p\" given-name=\"A\"/>\n  <edition year=\"2020\">"
                      "<invitation person=\"p\" status=\"invited\"><event at=\"%s\""
                      " to=\"invited\"/></invitation></edition>\n";
  const char *day = "  <edition year=\"2020\" start-date=\"%s\"/>\n";
  const char *source = "  <statistic year=\"2019\" kind=\"missing\" source=\"%s\"/>\n";
  g_autofree char *a64 = g_strnfill (64, 'a');
  g_autofree char *a65 = g_strnfill (65, 'a');
  g_autofree char *text_max = g_strnfill (100000, 'a');
  g_autofree char *text_over = g_strnfill (100001, 'a');
  g_autofree char *wide_max = NULL;
  g_autofree char *wide_over = NULL;
  GString *wide = g_string_new (NULL);
  g_autoptr(GBytes) rng = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gsize rng_size;
  const char *rng_data;

  /* 100,000 characters of two bytes each: within a limit in characters. */
  for (int i = 0; i < 100000; i++)
    g_string_append (wide, "ą");
  wide_max = g_strdup_printf ("notes=\"%s\"", wide->str);
  g_string_append (wide, "ą");
  wide_over = g_strdup_printf ("notes=\"%s\"", wide->str);
  g_string_free (wide, TRUE);

  {
    g_autofree char *notes_max = g_strdup_printf ("notes=\"%s\"", text_max);
    g_autofree char *notes_over = g_strdup_printf ("notes=\"%s\"", text_over);
    const ValueCase cases[] = {
      { uid, "a", TRUE }, { uid, "A-Z_0.9:x", TRUE }, { uid, "-", TRUE }, { uid, a64, TRUE },
      { uid, a65, FALSE }, { uid, "", FALSE }, { uid, "a b", FALSE }, { uid, "a/b", FALSE },
      { uid, "ä", FALSE }, { uid, "a\xc2\xa0", FALSE }, { uid, "a&#10;", FALSE },
      { uid, "&#10;a", FALSE }, { uid, "a&#13;", FALSE },
      { member, "p", TRUE }, { member, "p q", FALSE }, { member, "", FALSE },
      { person, "country=\"PL\"", TRUE }, { person, "country=\"pl\"", FALSE },
      { person, "country=\"P\"", FALSE }, { person, "country=\"PLX\"", FALSE },
      { person, "country=\"\"", FALSE }, { person, "country=\"ÀB\"", FALSE },
      { person, "country=\"P1\"", FALSE }, { person, "country=\"PL&#10;\"", FALSE },
      { person, "country=\"P&#10;\"", FALSE },
      { person, notes_max, TRUE }, { person, notes_over, FALSE },
      { person, wide_max, TRUE }, { person, wide_over, FALSE }, { person, "notes=\"\"", TRUE },
      { person, "created=\"2020-01-02T03:04:05Z\"", TRUE },
      { person, "created=\"2020-01-02T03:04:05\"", FALSE },
      { person, "created=\"2020-01-02 03:04:05Z\"", FALSE },
      { person, "created=\"2020-01-02T03:04:05.5Z\"", FALSE },
      { person, "created=\"2020-01-02T03:04:05+01:00\"", FALSE },
      { person, "created=\"02020-01-02T03:04:05Z\"", FALSE },
      { person, "created=\"２０２０-01-02T03:04:05Z\"", FALSE },
      { person, "created=\"2020-01-02T03:04:05z\"", FALSE },
      { person, "updated=\"2020-01-02T03:04:05\"", FALSE },
      { person, "updated=\"2020-01-02T03:04:05Z&#10;\"", FALSE },
      { event, "2020-01-02T03:04:05Z", TRUE }, { event, "2020-01-02", FALSE },
      { day, "2020-05-01", TRUE }, { day, "2020-5-01", FALSE }, { day, "2020-05-01Z", FALSE },
      { day, " 2020-05-01", FALSE },
      { source, text_max, TRUE }, { source, text_over, FALSE },
    };

    g_assert_true (summit_xml_schema_is_streamlined ());

    rng = g_resources_lookup_data (RESOURCE_BASE "/data/summit-planner.rng",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    g_assert_nonnull (rng);
    rng_data = g_bytes_get_data (rng, &rng_size);
    parser = xmlRelaxNGNewMemParserCtxt (rng_data, (int)rng_size);
    schema = xmlRelaxNGParse (parser);
    xmlRelaxNGFreeParserCtxt (parser);
    g_assert_nonnull (schema);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *body = g_strdup_printf (cases[i].body, cases[i].value);
        g_autofree char *doc = g_strdup_printf ("%s%s</summit>\n", HEAD, body);
        g_autoptr(GBytes) bytes = g_bytes_new_static (doc, strlen (doc));
        g_autoptr(SummitStore) store = open_store ("values.db", FALSE);
        g_autoptr(GError) error = NULL;
        gboolean imported;

        g_assert_cmpint (schema_accepts (schema, doc), ==, cases[i].valid);
        imported = summit_xml_import_bytes (store, bytes, "case.xml", NULL, NULL, &error);
        if (imported != cases[i].valid)
          g_error ("case %u (%.60s): the schema %s it, the import %s it%s%s", i, body,
                   cases[i].valid ? "accepts" : "refuses", imported ? "accepts" : "refuses",
                   error ? ": " : "", error ? error->message : "");
        if (!imported)
          {
            assert_located (error->message, "case.xml", FALSE);
            g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 0);
          }
        g_clear_object (&store);
        test_store_remove (tmpdir, "values.db");
      }
    xmlRelaxNGFree (schema);
  }
}

/* People are written by a second thread while the file is still being read:
 * a problem after thousands of them still leaves the database as it was. */
static void
test_late_problem_leaves_nothing (void)
{
  const char *endings[] = {
    "  <person uid=\"late\" given-name=\"X\" country=\"pl\"/>\n</summit>\n",
    "  <edition year=\"2020\"><invitation person=\"nobody\" status=\"invited\"/></edition>\n"
    "</summit>\n",
    "  <edition year=\"2020\"><bogus/></edition>\n</summit>\n",
    "  <person uid=\"p-0\" given-name=\"Again\"/>\n",   /* truncated */
  };
  /* The line of the element at fault (3003), not where the parser is. */
  const char *expect[] = { "^:3003: .*country", "^:3003: .*nobody", NULL, NULL };

  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      GString *doc = g_string_new (HEAD);

      for (int i = 0; i < 3000; i++)
        g_string_append_printf (doc, "  <person uid=\"p-%d\" given-name=\"Person %d\""
                                " notes=\"%0200d\"/>\n", i, i, i);
      g_string_append (doc, endings[e]);
      assert_refused ("late.xml", doc->str, doc->len, FALSE, expect[e]);
      g_string_free (doc, TRUE);
    }
}

/* People's values are checked by the writer thread, behind the reader: the
 * problem reported is still the first in the file, whichever thread finds
 * it, and within an element the first attribute at fault. */
static void
test_first_problem_is_reported (void)
{
  const struct
  {
    const char *person;   /* the element at fault, on line 1003 (or 2998) */
    const char *ending;   /* what follows 2000 more people */
    const char *expect;
  } cases[] = {
    /* A value at fault comes before a structural problem further on… */
    { "<person uid=\"v\" given-name=\"V\" country=\"pl\"/>",
      "  <edition year=\"2020\"><bogus/></edition>\n</summit>\n", "^:1003: .*country" },
    /* … before a person without a name… */
    { "<person uid=\"v\" given-name=\"V\" created=\"2020-13-45T00:00:00Z\"/>",
      "  <person uid=\"nameless\"/>\n</summit>\n", "^:1003: .*2020-13-45.*created" },
    /* … before a reference to no one, and before a truncated end. */
    { "<person uid=\"v w\" given-name=\"V\"/>",
      "  <edition year=\"2020\"><invitation person=\"nobody\" status=\"invited\"/>"
      "</edition>\n</summit>\n", "^:1003: .*uid" },
    { "<person uid=\"v\" given-name=\"V\" updated=\"yesterday\"/>",
      "  <person uid=\"p-0\" given-name=\"Again\"/>\n", "^:1003: .*yesterday.*updated" },
    /* Within one element, the first attribute at fault… */
    { "<person uid=\"v\" given-name=\"V\" created=\"2020-13-45T00:00:00Z\" country=\"pl\"/>",
      "</summit>\n", "^:1003: .*created" },
    { "<person uid=\"v\" given-name=\"V\" country=\"pl\" created=\"2020-13-45T00:00:00Z\"/>",
      "</summit>\n", "^:1003: .*country" },
    /* … before what is wrong with the element as a whole. */
    { "<person uid=\"v\" country=\"pl\"/>", "</summit>\n", "^:1003: .*country" },
    { "<person uid=\"v\" given-name=\"V\" timezone=\"Mars/Olympus\" country=\"pl\"/>",
      "</summit>\n", "^:1003: .*country" },
    { "<person uid=\"v\" timezone=\"Mars/Olympus\"/>", "</summit>\n", "^:1003: .*name" },
    { "<person uid=\"v\" given-name=\"V\" timezone=\"Mars/Olympus\"/>", "</summit>\n",
      "^:1003: .*mars/olympus" },
    /* A structural problem before a value at fault is the one reported. */
    { "<bogus/>", "  <person uid=\"v\" given-name=\"V\" country=\"pl\"/>\n</summit>\n",
      "^:1003: .*bogus" },
  };

  /* Where the writer has long caught up with the element at fault, and
   * where the reader reaches the end before the writer has it. */
  const int places[] = { 1000, 2995 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        GString *doc = g_string_new (HEAD);
        g_autofree char *line = g_strdup_printf (":%d:", places[p] + 3);
        g_autoptr(GString) expect = g_string_new (cases[c].expect);

        for (int i = 0; i < 3000; i++)
          {
            if (i == places[p])
              g_string_append_printf (doc, "  %s\n", cases[c].person);
            g_string_append_printf (doc, "  <person uid=\"p-%d\" given-name=\"Person %d\"/>\n",
                                    i, i);
          }
        g_string_append (doc, cases[c].ending);
        g_string_replace (expect, ":1003:", line, 1);
        assert_refused ("first.xml", doc->str, doc->len, FALSE, expect->str);
        g_string_free (doc, TRUE);
      }
}

/* Cancelling */

static void
cancel_at_progress_cb (double   fraction,
                       gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (fraction > 0.3)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = tmp_path ("many.xml");
  GString *doc = g_string_new (HEAD);
  SummitImportReport report;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (doc, "  <person uid=\"bulk-%d\" given-name=\"Person\" family-name="
                                 "\"Number %d\" country=\"FR\"/>\n", i, i);
  g_string_append (doc, "</summit>\n");
  test_write (path, doc->str, doc->len);
  g_string_free (doc, TRUE);

  {
    g_autoptr(SummitStore) store = open_store ("cancel.db", TRUE);
  }
  before = db_bytes ("cancel.db");
  {
    g_autoptr(SummitStore) store = open_store ("cancel.db", FALSE);

    g_assert_false (summit_xml_import_file_full (store, path, cancel_at_progress_cb, cancellable,
                                                 &report, cancellable, &error));
    g_assert_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED);
    g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 3);
  }
  after = db_bytes ("cancel.db");
  assert_bytes_equal (before, after);

  /* Not cancelled, the same file goes in whole. */
  {
    g_autoptr(SummitStore) store = open_store ("cancel.db", FALSE);

    g_clear_error (&error);
    summit_xml_import_file (store, path, &report, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 20000);
  }
}

/* The command line */


static void
test_cli_import_export (void)
{
  g_autofree char *db1 = test_store_location (tmpdir, "cli1.db");
  g_autofree char *db2 = test_store_location (tmpdir, "cli2.db");
  g_autofree char *xml1 = tmp_path ("cli1.xml");
  g_autofree char *xml2 = tmp_path ("cli2.xml");
  g_autofree char *csv = tmp_path ("cli.csv");
  g_autofree char *bad = tmp_path ("cli-bad.xml");
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  char *out = NULL, *err = NULL;

  if (g_getenv ("SUMMIT_CLI") == NULL)
    {
      g_test_skip ("SUMMIT_CLI is not set (run through meson test)");
      return;
    }

  {
    g_autoptr(SummitStore) store = open_store ("cli1.db", TRUE);
    add_rich_data (store);
  }
  g_assert_cmpint (test_run_cli (&out, &err, db1, "export", xml1, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Into an empty database (made here: the CLI would seed a new one, whose
   * history lines carry the time of seeding), merging. */
  {
    g_autoptr(SummitStore) store = open_store ("cli2.db", FALSE);
  }
  g_assert_cmpint (test_run_cli (&out, &err, db2, "import", xml1, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, xml1));
  g_assert_nonnull (strstr (out, ": 22 added, 0 updated, 0 unchanged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (&out, &err, db2, "export", xml2, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  a = test_read_bytes (xml1);
  b = test_read_bytes (xml2);
  assert_bytes_equal (a, b);

  g_assert_cmpint (test_run_cli (&out, &err, db2, "export", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  /* A bad file: one line naming file and line, exit 1, nothing changed. */
  test_write (bad, HEAD, -1);
  before = db_bytes ("cli2.db");
  g_assert_cmpint (test_run_cli (&out, &err, db2, "import", bad, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "summit-planner-cli: "));
  assert_located (err + strlen ("summit-planner-cli: "), bad, TRUE);
  g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = db_bytes ("cli2.db");
  assert_bytes_equal (before, after);

  /* Formats it does not know: a usage error. */
  g_assert_cmpint (test_run_cli (&out, &err, db2, "import", "people.txt", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

static char *
report_text (guint added,
             guint skipped)
{
  SummitImportReport report = { 0 };

  report.counts[SUMMIT_IMPORT_PEOPLE].added = added;
  report.skipped = skipped;
  return summit_import_report_to_string (&report);
}

/* Each count in the import summary takes its own plural form. */
static void
test_report_plural_forms (void)
{
  g_autofree char *catalogs = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *one = report_text (1, 1);
  g_autofree char *two = report_text (2, 2);

  g_assert_cmpstr (one, ==, "1 added, 0 updated, 0 unchanged, 1 invalid row skipped");
  g_assert_cmpstr (two, ==, "2 added, 0 updated, 0 unchanged, 2 invalid rows skipped");

  if (setlocale (LC_ALL, "pl_PL.UTF-8") == NULL)
    {
      g_test_skip ("the locale pl_PL.UTF-8 is not installed");
      return;
    }
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, catalogs);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  {
    g_autofree char *pl1 = report_text (1, 1);
    g_autofree char *pl3 = report_text (3, 3);
    g_autofree char *pl5 = report_text (5, 5);

    g_assert_cmpstr (pl1, ==, "1 dodany, 0 zaktualizowanych, 0 bez zmian, pominięto 1 nieprawidłowy wiersz");
    g_assert_cmpstr (pl3, ==, "3 dodane, 0 zaktualizowanych, 0 bez zmian, pominięto 3 nieprawidłowe wiersze");
    g_assert_cmpstr (pl5, ==, "5 dodanych, 0 zaktualizowanych, 0 bez zmian, pominięto 5 nieprawidłowych wierszy");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* A subprocess works in its parent's folder. */
  if (g_test_subprocess () && g_getenv ("SUMMIT_TEST_TMPDIR"))
    {
      tmpdir = g_strdup (g_getenv ("SUMMIT_TEST_TMPDIR"));
      ret = g_test_run ();
      g_free (tmpdir);
      return ret;
    }
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/io/xml/round-trip-is-byte-identical", test_round_trip);
  g_test_add_func ("/io/xml/export-follows-the-schema", test_export_is_valid);
  g_test_add_func ("/io/xml/reimport-changes-nothing", test_reimport_changes_nothing);
  g_test_add_func ("/io/xml/merge-counts", test_merge_counts);
  g_test_add_func ("/io/xml/export-keeps-old-file-on-cancel", test_export_keeps_old_file_on_cancel);
  g_test_add_func ("/io/xml/rejects-external-entity", test_rejects_external_entity);
  g_test_add_func ("/io/xml/rejects-doctype", test_rejects_doctype);
  g_test_add_func ("/io/xml/rejects-billion-laughs", test_rejects_billion_laughs);
  g_test_add_func ("/io/xml/rejects-deep-nesting", test_rejects_deep_nesting);
  g_test_add_func ("/io/xml/rejects-truncated", test_rejects_truncated);
  g_test_add_func ("/io/xml/rejects-wrong-namespace", test_rejects_wrong_namespace);
  g_test_add_func ("/io/xml/rejects-invalid-utf8", test_rejects_invalid_utf8);
  g_test_add_func ("/io/xml/rejects-numbers-out-of-range", test_rejects_numbers_out_of_range);
  g_test_add_func ("/io/xml/rejects-huge-text-node", test_rejects_huge_text_node);
  g_test_add_func ("/io/xml/rejects-empty-file", test_rejects_empty_file);
  g_test_add_func ("/io/xml/rejects-directory", test_rejects_directory);
  g_test_add_func ("/io/xml/rejects-missing-file", test_rejects_missing_file);
  g_test_add_func ("/io/xml/rejects-unreadable-file", test_rejects_unreadable);
  g_test_add_func ("/io/xml/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/io/xml/late-problem-leaves-nothing", test_late_problem_leaves_nothing);
  g_test_add_func ("/io/xml/first-problem-is-reported", test_first_problem_is_reported);
  g_test_add_func ("/io/xml/value-checks-match-the-schema", test_value_checks_match_schema);
  g_test_add_func ("/io/cli/import-export", test_cli_import_export);
  g_test_add_func ("/io/report/plural-forms", test_report_plural_forms);

  ret = g_test_run ();
  test_tmpdir_free (tmpdir);
  return ret;
}
