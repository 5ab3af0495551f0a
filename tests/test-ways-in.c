/* test-ways-in.c — one validation per record, whichever way the data comes in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor (the records' validation), CSV and XML import refuse the same
 * things with the line and the field; what can be stored comes back.
 */
#include "config.h"

#include <stdio.h>
#include <sys/stat.h>

#include "summit-csv.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-time.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;
static char *fifo;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\" format-version=\"1\">\n"
#define TAIL "</summit>\n"

/* Auxiliary methods */

static SummitStore *
open_full (const char *name,
           gboolean    seeded)
{
  test_store_remove (tmpdir, name);
  return test_open_store (tmpdir, name, seeded);
}

static SummitStore *
open_store (const char *name)
{
  return open_full (name, TRUE);
}

static SummitStore *
open_empty_store (const char *name)
{
  return open_full (name, FALSE);
}

static gint64
n_rows (SummitStore *store)
{
  return test_store_count (store,
                           "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM edition)"
                           " + (SELECT count(*) FROM panel) + (SELECT count(*) FROM invitation)"
                           " + (SELECT count(*) FROM year_statistic)");
}

/* Imports @xml and asserts it is refused with a message starting with
 * @prefix ("hostile.xml:LINE:") and holding @words; nothing changes. */
static void
assert_xml_refused (SummitStore *store,
                    const char  *xml,
                    const char  *prefix,
                    const char  *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  gint64 before = n_rows (store);

  g_assert_false (summit_xml_import_bytes (store, bytes, "hostile.xml", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, words) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, words, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpint (n_rows (store), ==, before);
}

static void
assert_xml_accepted (SummitStore *store,
                     const char  *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;

  summit_xml_import_bytes (store, bytes, "fine.xml", NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The first problem of @csv's preview, "LINE: what", or NULL. */
static char *
csv_problem (const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  preview = summit_csv_preview_bytes (bytes, "hostile.csv", NULL, &error);
  if (error != NULL)
    return g_strdup (error->message);
  problems = summit_csv_preview_get_problems (preview);
  for (guint i = 0; i < problems->len; i++)
    {
      const SummitCsvProblem *p = g_ptr_array_index (problems, i);

      if (p->row != G_MAXUINT)
        return g_strdup (p->message);
    }
  return NULL;
}

static void
assert_csv_refused (const char *csv,
                    const char *prefix,
                    const char *words)
{
  g_autofree char *problem = csv_problem (csv);

  g_assert_nonnull (problem);
  g_test_message ("%s", problem);
  if (!g_str_has_prefix (problem, prefix) || strstr (problem, words) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, words, problem);
}

static GBytes *
export_xml (SummitStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  summit_xml_export_stream (store, out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GBytes *
export_csv (SummitStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  summit_csv_export_stream (store, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Tests */

/* One record's validation speaks for every way in: what a way in says
 * after its place ("3: ", "hostile.xml:3:5: ", "FILE:3: ") is the record's
 * own message. */
static void
assert_says (const char *way,
             const char *said,
             const char *message)
{
  g_test_message ("%s: %s", way, said ? said : "(accepted)");
  if (said == NULL || !g_str_has_suffix (said, message))
    g_error ("%s: expected “…%s”, got “%s”", way, message, said ? said : "(accepted)");
}

/* Why importing @xml is refused; nothing changes. */
static char *
xml_refusal (SummitStore *store,
             const char  *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  gint64 before = n_rows (store);

  if (summit_xml_import_bytes (store, bytes, "hostile.xml", NULL, NULL, &error))
    return NULL;
  g_assert_cmpint (n_rows (store), ==, before);
  return g_strdup (error->message);
}

/* The first line the command-line tool writes when it refuses to import
 * @contents from a file called @name; NULL if it was not built. */
static char *
cli_refusal (const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *db = test_store_location (tmpdir, "cli-ways-in.db");
  g_autofree char *err = NULL;
  int status;

  test_write (path, contents, -1);
  if (!test_run_cli_file (db, "import", path, &status, &err))
    return NULL;
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strchr (err, '\n'));
  *strchr (err, '\n') = '\0';
  return g_steal_pointer (&err);
}

/* @xml is refused, by the XML import and by the command line, saying
 * @message (the record's own) after the place. */
static void
assert_xml_says (SummitStore *store,
                 const char  *xml,
                 const char  *message)
{
  g_autofree char *said = xml_refusal (store, xml);
  g_autofree char *cli_said = NULL;

  assert_says ("XML", said, message);
  g_assert_true (g_str_has_prefix (said, "hostile.xml:"));
  if ((cli_said = cli_refusal ("refused.xml", xml)) != NULL)
    assert_says ("command line, XML", cli_said, message);
}

static SummitPersonField
field_named (const char *name)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    if (g_str_equal (summit_person_field_name (i), name))
      return i;
  g_assert_not_reached ();
}

/* The same bad value of a person is refused by the editor (the person's
 * validation, which it calls), CSV import, XML import and the command
 * line, each with the same words, naming the field and the value. */
static void
test_person_same_message (void)
{
  g_autoptr(SummitStore) store = open_store ("same-person.db");
  static const struct
  {
    const char *attribute;   /* the XML attribute, the CSV column */
    const char *typed;       /* as the editor holds it, and CSV */
    const char *xml;         /* as XML writes it */
    const char *words;       /* what the message must say */
  } bad[] = {
    { "email", "not-an-email", "not-an-email", "“not-an-email” is not an email address" },
    { "country", "ZZ", "ZZ", "the country “ZZ” is not an ISO 3166 code" },
    { "country", "Poland", "Poland", "the country “Poland” is not a two-letter" },
    { "timezone", "Mars/Olympus", "Mars/Olympus", "the time zone “Mars/Olympus” is not known" },
    { "city", "Gdy\x7fnia", "Gdy&#127;nia", "city holds a control character (U+007F)" },
    { "given-name", "", "", "a person needs a name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gboolean nameless = g_str_equal (bad[i].attribute, "given-name");
      SummitPersonField field = field_named (bad[i].attribute);
      g_autoptr(SummitPerson) typed = summit_person_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) field_error = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *said = NULL;
      SummitPersonField bad_field = SUMMIT_PERSON_N_FIELDS;

      /* The editor: the person's validation holds Save back and marks the row. */
      summit_person_set_field (typed, SUMMIT_PERSON_GIVEN_NAME, "Z");
      summit_person_set_field (typed, SUMMIT_PERSON_CITY, "Lublin");
      summit_person_set_field (typed, field, bad[i].typed);
      g_assert_false (summit_person_validate (typed, &bad_field, &error));
      g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
      g_assert_cmpint (bad_field, ==, field);
      g_assert_nonnull (strstr (error->message, bad[i].words));
      g_assert_false (summit_person_validate_field (typed, field, &field_error));
      g_assert_cmpstr (field_error->message, ==, error->message);

      xml = nameless ? g_strdup (HEAD "  <person uid=\"v\" given-name=\"\" city=\"Lublin\"/>\n" TAIL)
                     : g_strdup_printf (HEAD "  <person uid=\"v\" given-name=\"Z\" %s=\"%s\"/>\n" TAIL,
                                        bad[i].attribute, bad[i].xml);
      assert_xml_says (store, xml, error->message);

      csv = nameless ? g_strdup ("given-name,city\n,Lublin\n")
                     : g_strdup_printf ("given-name,%s\nZ,%s\n", bad[i].attribute, bad[i].typed);
      said = csv_problem (csv);
      assert_says ("CSV", said, error->message);
      g_assert_true (g_str_has_prefix (said, "2: "));
      g_clear_pointer (&said, g_free);
      if ((said = cli_refusal ("people.csv", csv)) != NULL)
        assert_says ("CLI, CSV", said, error->message);
    }
}

/* A session, a change to an invitation, an edition and a yearly figure:
 * each has one validation, and the editor's and XML's words are the same. */
static void
test_records_same_message (void)
{
  g_autoptr(SummitStore) store = open_store ("same-records.db");
  g_autoptr(SummitPanel) panel = summit_panel_new ();
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(SummitEdition) edition = summit_edition_new (2021);
  g_autoptr(SummitEdition) seeded = NULL;
  g_autoptr(SummitYearStatistic) stat = summit_year_statistic_new (2016, SUMMIT_FIGURE_RECORDED);
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  const char *session_xml =
    HEAD "  <edition year=\"2021\" theme=\"T\" timezone=\"UTC\">\n"
    "    <session uid=\"s\" kind=\"panel\" title=\"One\" duration=\"-30\"/>\n"
    "  </edition>\n" TAIL;
  const char *event_xml =
    HEAD "  <person uid=\"v\" given-name=\"Z\"/>\n"
    "  <edition year=\"2021\" theme=\"T\" timezone=\"UTC\">\n"
    "    <invitation person=\"v\" status=\"invited\">\n"
    "      <event at=\"2021-01-04T09:00:00Z\" to=\"invited\" channel=\"letter\""
    " note=\"A&#127;B\"/>\n"
    "    </invitation>\n"
    "  </edition>\n" TAIL;
  const char *edition_xml =
    HEAD "  <edition year=\"2021\" theme=\"T\" timezone=\"Mars/Olympus\"/>\n" TAIL;
  const char *figure_xml =
    HEAD "  <statistic year=\"2016\" kind=\"recorded\" overseas-mayors=\"-5\"/>\n" TAIL;

  /* A session that ends before it starts. */
  summit_panel_set_title (panel, "One");
  summit_panel_set_duration (panel, -30);
  g_assert_false (summit_panel_validate (panel, NULL, &error));
  assert_xml_says (store, session_xml, error->message);
  g_clear_error (&error);

  /* A note with a control character, as the editor records it. */
  seeded = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, "Z");
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_false (summit_store_record_invitation (store, summit_person_get_id (person),
                                                  summit_edition_get_id (seeded),
                                                  SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_LETTER,
                                                  "A\x7f" "B", 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "note holds a control character (U+007F)"));
  assert_xml_says (store, event_xml, error->message);
  g_clear_error (&error);

  /* An edition in no known time zone. */
  summit_edition_set_theme (edition, "T");
  summit_edition_set_timezone (edition, "Mars/Olympus");
  g_assert_false (summit_edition_validate (edition, &error));
  assert_xml_says (store, edition_xml, error->message);
  g_clear_error (&error);

  /* A negative yearly figure: the figure's validation refuses it; in XML
   * the schema's count type does, before it (its own words). */
  summit_year_statistic_set_overseas (stat, -5);
  g_assert_false (summit_year_statistic_validate (stat, NULL, 0, &error));
  g_assert_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEGATIVE);
  said = xml_refusal (store, figure_xml);
  g_assert_nonnull (said);
  g_assert_true (g_str_has_prefix (said, "hostile.xml:3:"));
}


/* A time zone is a name of the system's list, in every way in: a path
 * (even to a FIFO, which would hang GLib), a POSIX rule, nothing at all. */
static void
test_zone_refused_everywhere (void)
{
  g_autoptr(SummitStore) store = open_store ("zones.db");
  const char *zones[] = {
    "../../etc/passwd", "../../../../etc/passwd", "/usr/share/zoneinfo/Europe/Warsaw",
    "EST5EDT,M3.2.0/2,M11.1.0/2", fifo,
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *person = g_strdup_printf (HEAD "  <person uid=\"z\" given-name=\"Z\""
                                                 " timezone=\"%s\"/>\n" TAIL, zones[i]);
      g_autofree char *edition = g_strdup_printf (HEAD "  <edition year=\"2021\" theme=\"T\""
                                                  " timezone=\"%s\"/>\n" TAIL, zones[i]);
      g_autofree char *csv = g_strdup_printf ("given-name,timezone\nZ,\"%s\"\n", zones[i]);
      g_autoptr(SummitPerson) typed = summit_person_new ();
      g_autoptr(SummitEdition) ed = summit_edition_new (2021);
      g_autoptr(GError) error = NULL;

      assert_xml_refused (store, person, "hostile.xml:3:", "is not known; use a name such as");
      assert_xml_refused (store, edition, "hostile.xml:3:", "is not known; use a name such as");
      assert_csv_refused (csv, "2:", "is not known");

      summit_person_set_field (typed, SUMMIT_PERSON_GIVEN_NAME, "Z");
      summit_person_set_field (typed, SUMMIT_PERSON_TIMEZONE, zones[i]);
      g_assert_false (summit_person_validate_field (typed, SUMMIT_PERSON_TIMEZONE, &error));
      g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
      g_clear_error (&error);

      summit_edition_set_timezone (ed, zones[i]);
      g_assert_false (summit_edition_validate (ed, &error));
      g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
    }
}

/* Control characters are refused by the records' own validation, and by
 * CSV and XML import with the line and the field. */
static void
test_control_characters_refused (void)
{
  g_autoptr(SummitStore) store = open_store ("controls.db");
  const struct { const char *xml; const char *csv; const char *code; } bad[] = {
    { "A&#127;B", "A\x7f" "B", "U+007F" },
    { "A&#x85;B", "A\xc2\x85" "B", "U+0085" },
    { "A&#x9f;B", "A\xc2\x9f" "B", "U+009F" },
    { "A&#9;B", "A\tB", "U+0009" },
    { "A&#10;B", "\"A\nB\"", "U+000A" },
    { "A&#13;B", "\"A\rB\"", "U+000D" },
    { NULL, "A\x01" "B", "U+0001" },
    { NULL, "A\x07" "B", "U+0007" },
    { NULL, "A\x1b" "B", "U+001B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *csv = g_strdup_printf ("given-name,family-name\nFine,Name\nX,%s\n",
                                              bad[i].csv);
      g_autoptr(SummitPerson) typed = summit_person_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      assert_csv_refused (csv, "3: family-name", bad[i].code);

      if (bad[i].xml != NULL)
        {
          g_autofree char *xml = NULL;

          xml = g_strdup_printf (HEAD "  <person uid=\"a\" given-name=\"A\"/>\n"
                                 "  <person uid=\"b\" given-name=\"B\" city=\"%s\"/>\n" TAIL,
                                 bad[i].xml);
          assert_xml_refused (store, xml, "hostile.xml:4:", "city holds a control character");
          g_clear_pointer (&xml, g_free);
          xml = g_strdup_printf (HEAD "  <edition year=\"2021\" theme=\"%s\" timezone=\"UTC\"/>\n"
                                 TAIL, bad[i].xml);
          assert_xml_refused (store, xml, "hostile.xml:3:", "theme holds a control character");
          g_clear_pointer (&xml, g_free);
          xml = g_strdup_printf (HEAD "  <edition year=\"2021\" theme=\"T\" timezone=\"UTC\">\n"
                                 "    <session uid=\"s\" kind=\"panel\" title=\"%s\""
                                 " duration=\"30\"/>\n"
                                 "  </edition>\n" TAIL, bad[i].xml);
          assert_xml_refused (store, xml, "hostile.xml:4:", "title holds a control character");
          g_clear_pointer (&xml, g_free);
          xml = g_strdup_printf (HEAD "  <statistic year=\"2021\" kind=\"recorded\""
                                 " overseas-mayors=\"3\" source=\"%s\"/>\n" TAIL, bad[i].xml);
          /* A source may hold several lines: tabs and line breaks are fine there. */
          if (strstr (bad[i].xml, "&#9;") || strstr (bad[i].xml, "&#10;") ||
              strstr (bad[i].xml, "&#13;"))
            assert_xml_accepted (store, xml);
          else
            assert_xml_refused (store, xml, "hostile.xml:3:", "source holds a control character");
        }

      /* The editor: the person's validation, for any single-line field. */
      value = g_strcompress (bad[i].csv[0] == '"' ? "A\\nB" : bad[i].csv);
      summit_person_set_field (typed, SUMMIT_PERSON_GIVEN_NAME, "Z");
      summit_person_set_field (typed, SUMMIT_PERSON_POSITION, value);
      g_assert_false (summit_person_validate_field (typed, SUMMIT_PERSON_POSITION, &error));
      g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "position"));
    }

  /* Notes keep their tabs and lines; a bell is still refused there. */
  {
    g_autoptr(SummitPerson) typed = summit_person_new ();
    g_autoptr(SummitPanel) panel = summit_panel_new ();
    g_autoptr(GError) error = NULL;

    summit_person_set_field (typed, SUMMIT_PERSON_NOTES, "one\tline\r\ntwo");
    g_assert_true (summit_person_validate_field (typed, SUMMIT_PERSON_NOTES, &error));
    g_assert_no_error (error);
    summit_person_set_field (typed, SUMMIT_PERSON_NOTES, "ring\a");
    g_assert_false (summit_person_validate_field (typed, SUMMIT_PERSON_NOTES, &error));
    g_clear_error (&error);

    summit_panel_set_title (panel, "Title");
    summit_panel_set_duration (panel, 30);
    summit_panel_set_description (panel, "two\nlines");
    g_assert_true (summit_panel_validate (panel, NULL, &error));
    summit_panel_set_room (panel, "Room\x1b");
    g_assert_false (summit_panel_validate (panel, NULL, &error));
    g_assert_nonnull (strstr (error->message, "room"));
  }
}

/* Whatever the validation lets in can be exported and imported back, as
 * XML and as CSV, and exports the same again. */
static void
test_stored_text_round_trips (void)
{
  /* Empty databases: the seed's times are those of the second it was put in. */
  g_autoptr(SummitStore) first = open_empty_store ("rt-first.db");
  g_autoptr(SummitStore) from_xml = open_empty_store ("rt-xml.db");
  g_autoptr(SummitStore) from_csv = open_empty_store ("rt-csv.db");
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) xml_again = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  /* Every kind of character a field may hold: quotes, markup, a BOM-like
   * character, non-BMP, a formula start, full width, spaces at the ends. */
  const char *text = " <&\"'>,;=1 ＝2 +3 \xef\xbb\xbf 𝄞 柯文哲 Ł ";

  summit_person_set_field (person, SUMMIT_PERSON_UID, "rt-1");
  for (guint f = 0; f < SUMMIT_PERSON_N_FIELDS; f++)
    if (f != SUMMIT_PERSON_UID && f != SUMMIT_PERSON_EMAIL && f != SUMMIT_PERSON_COUNTRY &&
        f != SUMMIT_PERSON_TIMEZONE && f != SUMMIT_PERSON_POSITION_KIND &&
        f != SUMMIT_PERSON_LETTER_LANGUAGE)
      summit_person_set_field (person, f, text);
  summit_person_set_field (person, SUMMIT_PERSON_POSITION_KIND, "deputy-mayor");
  summit_person_set_field (person, SUMMIT_PERSON_NOTES,
                           "\ttab\nline\r\nCRLF \xc2\xa0 \xe2\x80\xa8 end\n");
  summit_person_set_field (person, SUMMIT_PERSON_EMAIL, "anna@example.org");
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "PL");
  summit_person_set_field (person, SUMMIT_PERSON_TIMEZONE, "Europe/Warsaw");
  /* A Polish guest who reads Chinese: the letter's language must come back. */
  summit_person_set_field (person, SUMMIT_PERSON_LETTER_LANGUAGE, "zh_TW");
  g_assert_true (summit_person_validate (person, NULL, &error));
  summit_store_insert_person (first, person, &error);
  g_assert_no_error (error);

  xml = export_xml (first);
  summit_xml_import_bytes (from_xml, xml, "rt.xml", NULL, NULL, &error);
  g_assert_no_error (error);
  xml_again = export_xml (from_xml);
  g_assert_true (g_bytes_equal (xml, xml_again));
  g_assert_cmpint (test_store_count (from_xml, "SELECT count(*) FROM person WHERE uid = 'rt-1'"
                                               " AND letter_language = 'zh_TW'"
                                               " AND position_kind = 'deputy-mayor'"), ==, 1);

  csv = export_csv (first);
  preview = summit_csv_preview_bytes (csv, "rt.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 0);
  summit_csv_import_preview (from_csv, preview, FALSE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  csv_again = export_csv (from_csv);
  g_assert_true (g_bytes_equal (csv, csv_again));
  g_assert_cmpint (test_store_count (from_csv, "SELECT count(*) FROM person WHERE uid = 'rt-1'"
                                               " AND notes LIKE '%CRLF%'"), ==, 1);
  g_assert_cmpint (test_store_count (from_csv, "SELECT count(*) FROM person WHERE uid = 'rt-1'"
                                               " AND letter_language = 'zh_TW'"
                                               " AND position_kind = 'deputy-mayor'"), ==, 1);
}

/* A value XML cannot hold (left by an older version) stops an XML export
 * with a sentence, rather than writing a file that cannot be read back. */
static void
test_xml_export_refuses_controls (void)
{
  g_autoptr(SummitStore) store = open_empty_store ("old-controls.db");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  summit_store_exec (store, "INSERT INTO person (uid, given_name, created, updated)"
                            " VALUES ('old', 'A\001B', 1, 1)", &error);
  g_assert_no_error (error);
  g_assert_false (summit_xml_export_stream (store, out, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "given-name holds a control character (U+0001)"));
}

/* The same record twice in one file: refused at the second, naming the
 * first's line, as CSV does. */
static void
test_xml_duplicates_refused (void)
{
  g_autoptr(SummitStore) store = open_store ("dups.db");

  assert_xml_refused (store,
                      HEAD "  <person uid=\"p\" given-name=\"A\"/>\n"
                      "  <person uid=\"q\" given-name=\"B\"/>\n"
                      "  <person uid=\"p\" given-name=\"C\"/>\n" TAIL,
                      "hostile.xml:5:", "on line 3");
  assert_xml_refused (store,
                      HEAD "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\"/>\n"
                      "  <edition year=\"2021\" theme=\"B\" timezone=\"UTC\"/>\n" TAIL,
                      "hostile.xml:4:", "on line 3");
  assert_xml_refused (store,
                      HEAD "  <person uid=\"p\" given-name=\"A\"/>\n"
                      "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\">\n"
                      "    <invitation person=\"p\" status=\"invited\"/>\n"
                      "    <invitation person=\"p\" status=\"declined\"/>\n"
                      "  </edition>\n" TAIL,
                      "hostile.xml:6:", "on line 5");
  assert_xml_refused (store,
                      HEAD "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\">\n"
                      "    <session uid=\"s\" kind=\"panel\" title=\"One\" duration=\"30\"/>\n"
                      "    <session uid=\"t\" kind=\"panel\" title=\"Two\" duration=\"30\"/>\n"
                      "    <session uid=\"s\" kind=\"panel\" title=\"Three\" duration=\"30\"/>\n"
                      "  </edition>\n" TAIL,
                      "hostile.xml:6:", "on line 4");
  assert_xml_refused (store,
                      HEAD "  <statistic year=\"2016\" kind=\"recorded\" overseas-mayors=\"5\"/>\n"
                      "  <statistic year=\"2016\" kind=\"recorded\" overseas-mayors=\"6\"/>\n" TAIL,
                      "hostile.xml:4:", "on line 3");
  /* The same uid in two different kinds of record is no duplicate. */
  assert_xml_accepted (store,
                       HEAD "  <person uid=\"x\" given-name=\"A\"/>\n"
                       "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\">\n"
                       "    <invitation person=\"x\" status=\"invited\"/>\n"
                       "    <session uid=\"x\" kind=\"panel\" title=\"One\" duration=\"30\"/>\n"
                       "  </edition>\n" TAIL);
}

/* Data that would be silently changed is refused: a leap second, an
 * edition's dates outside its year. */
static void
test_silent_changes_refused (void)
{
  g_autoptr(SummitStore) store = open_store ("silent.db");
  g_autoptr(SummitEdition) edition = summit_edition_new (2020);
  g_autoptr(GError) error = NULL;

  assert_xml_refused (store,
                      HEAD "  <person uid=\"p\" given-name=\"A\""
                      " created=\"2016-12-31T23:59:60Z\"/>\n" TAIL, "hostile.xml:3:", "2016-12-31T23:59:60Z");
  assert_xml_refused (store,
                      HEAD "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\">\n"
                      "    <session uid=\"s\" kind=\"panel\" title=\"One\" duration=\"30\""
                      " start=\"2016-12-31T23:59:60Z\"/>\n"
                      "  </edition>\n" TAIL, "hostile.xml:4:", "23:59:60");
  assert_csv_refused ("given-name,created\nA,2016-12-31T23:59:60Z\n", "2:", "23:59:60");

  assert_xml_refused (store,
                      HEAD "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\""
                      " start-date=\"2020-12-30\" end-date=\"2021-01-02\"/>\n" TAIL,
                      "hostile.xml:3:", "days of 2021");
  assert_xml_refused (store,
                      HEAD "  <edition year=\"2021\" theme=\"A\" timezone=\"UTC\""
                      " start-date=\"2022-01-01\"/>\n" TAIL,
                      "hostile.xml:3:", "days of 2021");
  summit_edition_set_timezone (edition, "Asia/Taipei");
  summit_edition_set_dates (edition, "2020-08-13", "2020-09-24");
  g_assert_true (summit_edition_validate (edition, &error));
  summit_edition_set_dates (edition, "2019-08-13", NULL);
  g_assert_false (summit_edition_validate (edition, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
}

/* A header of unknown columns beyond a sane number, or a record of many
 * megabytes, is refused as soon as it is clear, from a file as from memory. */
static void
test_csv_limits (void)
{
  g_autoptr(GString) header = g_string_new ("given-name");
  g_autoptr(GString) wide = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "long.csv", NULL);
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  FILE *f;

  for (guint i = 0; i < 64; i++)
    g_string_append_printf (header, ",extra%u", i);
  wide = g_string_new (header->str);
  g_string_append (header, "\nAnna");
  /* 64 unknown columns are warned about, and the file read. */
  problem = csv_problem (header->str);
  g_assert_null (problem);

  for (guint i = 64; i < 200000; i++)
    g_string_append_printf (wide, ",extra%u", i);
  g_string_append (wide, "\nAnna\n");
  assert_csv_refused (wide->str, "hostile.csv:1:", "more than 64 columns that are not known");
  assert_csv_refused (wide->str, "hostile.csv:1:", "“extra0”, “extra1”");

  f = fopen (path, "w");
  g_assert_nonnull (f);
  fputs ("given-name,notes\nAnna,fine\nBen,\"", f);
  for (guint i = 0; i < 24 * 1024; i++)
    fputs ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
           "xxxxxxxxxxxx", f);
  fputs ("\"\n", f);
  fclose (f);
  preview = summit_csv_preview_file (path, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_suffix (error->message, ":3: this record is longer than 4 MB; "
                                                   "is this a CSV file of people?"));
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();
  fifo = g_build_filename (tmpdir, "zone-fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_test_add_func ("/io/ways-in/person-same-message", test_person_same_message);
  g_test_add_func ("/io/ways-in/records-same-message", test_records_same_message);
  g_test_add_func ("/io/ways-in/zone-refused-everywhere", test_zone_refused_everywhere);
  g_test_add_func ("/io/ways-in/control-characters-refused", test_control_characters_refused);
  g_test_add_func ("/io/ways-in/stored-text-round-trips", test_stored_text_round_trips);
  g_test_add_func ("/io/ways-in/xml-duplicates-refused", test_xml_duplicates_refused);
  g_test_add_func ("/io/ways-in/xml-export-refuses-controls", test_xml_export_refuses_controls);
  g_test_add_func ("/io/ways-in/silent-changes-refused", test_silent_changes_refused);
  g_test_add_func ("/io/ways-in/csv-limits", test_csv_limits);

  ret = g_test_run ();
  g_free (fifo);
  test_tmpdir_free (tmpdir);
  return ret;
}
