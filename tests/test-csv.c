/* test-csv.c — people in and out as CSV, the way spreadsheets write them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>

#include "summit-csv.h"
#include "summit-people.h"
#include "test-util.h"

static char *tmpdir;

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

  summit_csv_export_stream (store, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static SummitCsvPreview *
preview_text (const char *text,
              gssize      len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize)len);
  g_autoptr(GError) error = NULL;
  SummitCsvPreview *preview;

  preview = summit_csv_preview_bytes (bytes, "people.csv", NULL, &error);
  g_assert_no_error (error);
  return preview;
}

static const char *
cell (SummitCsvPreview  *preview,
      guint              row,
      SummitPersonField  field)
{
  return summit_person_get_field (summit_csv_preview_get_person (preview, row), field);
}

/* The problems as "LINE: message" lines, joined. */
static char *
problems_text (SummitCsvPreview *preview)
{
  GPtrArray *problems = summit_csv_preview_get_problems (preview);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const SummitCsvProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (text, "%s\n", p->message);
    }
  return g_string_free (text, FALSE);
}

/* Tests */

static const char *SPREADSHEET =
  "\xef\xbb\xbf" "Family Name,GIVEN_NAME,country,Shoe size,Notes,e-mail\r\n"
  "Nowak,Anna,pl,38,\"Likes \"\"quotes\"\", commas,\r\nand two lines\",anna@example.org\r\n"
  "\r\n"
  "Li,Wei,TW,42,,\r\n"
  "\"Sagan\",\"Mariusz\",\"PL\",,\"\",\r\n";

static void
test_reads_spreadsheet_csv (void)
{
  g_autoptr(SummitCsvPreview) with_bom = preview_text (SPREADSHEET, -1);
  g_autoptr(SummitCsvPreview) plain = NULL;
  g_autofree char *lf = NULL;
  g_autofree char *problems = NULL;
  const char * const *unknown;

  g_assert_cmpuint (summit_csv_preview_get_n_rows (with_bom), ==, 3);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (with_bom), ==, 0);
  g_assert_cmpstr (cell (with_bom, 0, SUMMIT_PERSON_FAMILY_NAME), ==, "Nowak");
  g_assert_cmpstr (cell (with_bom, 0, SUMMIT_PERSON_GIVEN_NAME), ==, "Anna");
  g_assert_cmpstr (cell (with_bom, 0, SUMMIT_PERSON_COUNTRY), ==, "PL");
  g_assert_cmpstr (cell (with_bom, 0, SUMMIT_PERSON_NOTES), ==,
                   "Likes \"quotes\", commas,\r\nand two lines");
  g_assert_cmpstr (cell (with_bom, 0, SUMMIT_PERSON_EMAIL), ==, "anna@example.org");
  g_assert_cmpstr (cell (with_bom, 2, SUMMIT_PERSON_FAMILY_NAME), ==, "Sagan");

  /* Lines count from the file's first, line breaks inside quotes included. */
  g_assert_cmpuint (summit_csv_preview_row_line (with_bom, 0), ==, 2);
  g_assert_cmpuint (summit_csv_preview_row_line (with_bom, 1), ==, 5);
  g_assert_cmpuint (summit_csv_preview_row_line (with_bom, 2), ==, 6);

  unknown = summit_csv_preview_get_unknown_columns (with_bom);
  g_assert_cmpstrv (unknown, ((const char *[]) { "Shoe size", NULL }));
  problems = problems_text (with_bom);
  g_assert_cmpstr (problems, ==, "1: the column “Shoe size” is not known and will be ignored\n");

  /* The same without a byte order mark and with bare LF line ends. */
  {
    GString *s = g_string_new (SPREADSHEET + 3);
    g_string_replace (s, "\r\n", "\n", 0);
    lf = g_string_free (s, FALSE);
  }
  plain = preview_text (lf, -1);
  g_assert_cmpuint (summit_csv_preview_get_n_rows (plain), ==, 3);
  g_assert_cmpstr (cell (plain, 0, SUMMIT_PERSON_NOTES), ==,
                   "Likes \"quotes\", commas,\nand two lines");
  g_assert_cmpstr (cell (plain, 1, SUMMIT_PERSON_FAMILY_NAME), ==, "Li");
  g_assert_cmpuint (summit_csv_preview_row_line (plain, 1), ==, 5);
}

static const char *WITH_PROBLEMS =
  "given-name,family-name,country,timezone,uid\n"
  "Anna,Nowak,PL,Europe/Warsaw,a-1\n"            /* 2: fine */
  ",,DE,,\n"                                      /* 3: no name */
  "Jan,Kowalski,Poland,,\n"                       /* 4: country */
  "Eva,Berg,SE,Mars/Olympus,\n"                   /* 5: time zone */
  "Li,Wei,TW,,a-1\n"                              /* 6: uid used on line 2 */
  "Ok,Person,FR,,,extra\n"                        /* 7: too many fields */
  "Bad uid,X,,,has space\n"                       /* 8: uid */
  "\"Two\nlines\",Fine,GB,,\n"                    /* 9: a line break in a name */
  "\"Fine\",Person,GB,,\n";                        /* 11: fine */

static void
test_preview_lists_every_problem (void)
{
  g_autoptr(SummitCsvPreview) preview = preview_text (WITH_PROBLEMS, -1);
  g_autofree char *problems = problems_text (preview);

  g_assert_cmpuint (summit_csv_preview_get_n_rows (preview), ==, 9);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 7);
  g_assert_true (summit_csv_preview_row_is_valid (preview, 0));
  g_assert_false (summit_csv_preview_row_is_valid (preview, 1));
  g_assert_false (summit_csv_preview_row_is_valid (preview, 7));
  g_assert_true (summit_csv_preview_row_is_valid (preview, 8));
  g_assert_cmpstr (problems, ==,
                   "3: a person needs a name: given-name, family-name or native-name\n"
                   "4: the country “Poland” is not a two-letter ISO 3166 code such as PL or TW\n"
                   "5: the time zone “Mars/Olympus” is not known; use a name such as "
                   "Europe/Warsaw\n"
                   "6: the uid “a-1” was already used on line 2\n"
                   "7: this row has 6 fields, but the header has 5\n"
                   "8: the uid “has space” may only hold letters, digits and . _ : - (at most 64)\n"
                   "9: given-name holds a control character (U+000A), which cannot be saved; "
                   "remove it\n");
}

/* The kind of position, said as the files say it; anything else is named. */
static void
test_position_kind (void)
{
  g_autoptr(SummitCsvPreview) preview =
    preview_text ("given-name,position,position-kind\n"
                  "Anna,Mayor,president\n"
                  "Jan,Head of Department, Mayor \n"
                  "Li,Deputy Mayor,\n", -1);
  g_autofree char *problems = problems_text (preview);

  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 1);
  g_assert_cmpstr (problems, ==,
                   "2: “president” is not a position kind (mayor, deputy-mayor or official)\n");
}

/* A letter's language, as the files say it; anything else is named. */
static void
test_letter_language (void)
{
  g_autoptr(SummitCsvPreview) preview =
    preview_text ("given-name,country,letter-language\n"
                  "Anna,PL,de\n"
                  "Jan,PL, zh_TW \n"
                  "Li,TW,\n", -1);
  g_autofree char *problems = problems_text (preview);

  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 1);
  g_assert_cmpstr (problems, ==, "2: “de” is not a letter language (en, pl or zh_TW)\n");
}

static void
test_all_or_nothing (void)
{
  g_autoptr(SummitStore) store = open_store ("all.db", TRUE);
  g_autoptr(SummitCsvPreview) preview = preview_text (WITH_PROBLEMS, -1);
  g_autoptr(GError) error = NULL;
  SummitImportReport report;

  g_assert_false (summit_csv_import_preview (store, preview, FALSE, NULL, NULL, &report, NULL,
                                             &error));
  g_assert_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_ROWS);
  g_assert_true (g_str_has_prefix (error->message, "people.csv:3: a person needs a name"));
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 3);
  g_clear_error (&error);

  summit_csv_import_preview (store, preview, TRUE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 2);
  g_assert_cmpuint (report.skipped, ==, 7);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 5);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person WHERE uid = 'a-1' AND"
                                 " timezone = 'Europe/Warsaw'"), ==, 1);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person WHERE given_name = 'Two"
                                 "\nlines'"), ==, 0);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person WHERE given_name = 'Fine'"), ==, 1);
}

static void
test_round_trip (void)
{
  g_autoptr(SummitStore) first = open_store ("rt1.db", TRUE);
  g_autoptr(SummitStore) second = open_store ("rt2.db", FALSE);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  SummitImportReport report;

  summit_store_exec (first,
                     "INSERT INTO person (uid, honorific, given_name, family_name, native_name,"
                     " position, city, country, organisation, email, phone, timezone, notes,"
                     " created, updated) VALUES ('p-anna', 'Ms.', 'Anna', 'Nowak', 'Анна',"
                     " 'Mayor', 'Łódź', 'PL', 'City, of \"Łódź\"', 'anna@example.org', '+48 42',"
                     " 'Europe/Warsaw', 'one\r\ntwo', 1500000000,"
                     " 1600000000);"
                     /* The record's kind, not the wording: it must come back. */
                     "UPDATE person SET position_kind = 'official', letter_language = 'zh_TW'"
                     " WHERE uid = 'p-anna'",
                     &error);
  g_assert_no_error (error);
  a = export_bytes (first);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (a, NULL), "\xef\xbb\xbf\"uid\","));

  preview = summit_csv_preview_bytes (a, "a.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 0);
  summit_csv_import_preview (second, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 4);

  b = export_bytes (second);
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE uid = 'p-anna'"
                                  " AND position_kind = 'official'"), ==, 1);
  g_assert_cmpint (test_store_count (second, "SELECT count(*) FROM person WHERE uid = 'p-anna'"
                                  " AND letter_language = 'zh_TW'"), ==, 1);

  /* Back into the first: nothing to do. */
  summit_csv_import_preview (first, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].unchanged, ==, 4);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 0);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].updated, ==, 0);
}

static void
test_reimport_without_uids (void)
{
  g_autoptr(SummitStore) store = open_store ("again.db", TRUE);
  g_autoptr(SummitCsvPreview) preview = preview_text (SPREADSHEET, -1);
  g_autoptr(SummitCsvPreview) changed = NULL;
  g_autoptr(GError) error = NULL;
  SummitImportReport report;

  summit_csv_import_preview (store, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 3);

  /* Same name, email and city: the same person, not a copy. */
  summit_csv_import_preview (store, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 0);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].unchanged, ==, 3);

  changed = preview_text ("family-name,given-name,position\nLi,Wei,Mayor\n", -1);
  summit_csv_import_preview (store, changed, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].updated, ==, 1);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 6);
}

/* Rows without a uid find the people already known by name and city, or
 * by email: one match updates that person (keeping what the file does not
 * say), several are left for someone to decide, and a second import of the
 * same spreadsheet adds nobody. */
static void
test_matches_known_people (void)
{
  g_autoptr(SummitStore) store = open_store ("match.db", TRUE);
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPerson) sagan = NULL;
  SummitImportReport report;
  gint64 sagan_id = summit_store_lookup_person (store, "seed-mariusz-sagan", &error);
  g_autofree char *text = NULL;
  const gint64 *candidates;
  guint n_candidates;

  g_assert_no_error (error);
  /* Two Anna Nowaks in Opole already. */
  g_assert_true (summit_store_exec (store,
    "INSERT INTO person (uid, given_name, family_name, city, email, created, updated) VALUES"
    " ('t-anna-1', 'Anna', 'Nowak', 'Opole', 'anna.1@opole.example.pl', 1, 1),"
    " ('t-anna-2', 'Anna', 'Nowak', 'Opole', 'anna.2@opole.example.pl', 1, 1);", &error));
  g_assert_no_error (error);
  preview = preview_text ("given-name,family-name,city,email,position\n"
                          "mariusz,SAGAN, Lublin ,m.sagan@lublin.example.pl,Head of Department\n"
                          "Bartek,B.,Gdańsk,,\n"
                          "Anna,Nowak,Opole,,Mayor\n"
                          "Ewa,Lis,Opole,,Mayor\n", -1);
  g_assert_true (summit_csv_preview_match (preview, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summit_csv_preview_get_match (preview, 0, &candidates, &n_candidates), ==,
                   SUMMIT_CSV_MATCH_ONE);
  g_assert_cmpuint (n_candidates, ==, 1);
  g_assert_cmpint (candidates[0], ==, sagan_id);
  g_assert_cmpint (summit_csv_preview_get_choice (preview, 0), ==, sagan_id);
  g_assert_cmpint (summit_csv_preview_get_match (preview, 1, NULL, NULL), ==,
                   SUMMIT_CSV_MATCH_NEW);
  g_assert_cmpint (summit_csv_preview_get_match (preview, 2, &candidates, &n_candidates), ==,
                   SUMMIT_CSV_MATCH_AMBIGUOUS);
  g_assert_cmpuint (n_candidates, ==, 2);
  g_assert_cmpint (summit_csv_preview_get_choice (preview, 2), ==, SUMMIT_CSV_CHOICE_LEAVE);
  g_assert_cmpuint (summit_csv_preview_count_matches (preview, SUMMIT_CSV_MATCH_ONE), ==, 1);
  g_assert_cmpuint (summit_csv_preview_count_matches (preview, SUMMIT_CSV_MATCH_AMBIGUOUS), ==, 1);

  summit_csv_import_preview (store, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 2);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].updated, ==, 1);
  g_assert_cmpuint (report.matched, ==, 1);
  g_assert_cmpuint (report.left, ==, 1);
  text = summit_csv_report_matches_to_string (&report);
  g_assert_cmpstr (text, ==, "1 matched a person already known, 1 left out (several people match)");
  /* What the CLI says of the row left out: whom it could be, and how to choose. */
  {
    g_autoptr(GPtrArray) left = summit_csv_preview_dup_left_out (preview, store);

    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (left, 0), ==,
                     "4: Anna Nowak matches several people already known (t-anna-1, t-anna-2);"
                     " left out: put one of these in its uid column to update that person");
  }
  /* Sagan got his email; his name's spelling and what the file lacks stay. */
  sagan = summit_store_get_person (store, sagan_id, &error);
  g_assert_cmpstr (summit_person_get_field (sagan, SUMMIT_PERSON_EMAIL), ==,
                   "m.sagan@lublin.example.pl");
  g_assert_cmpstr (summit_person_get_family_name (sagan), ==, "Sagan");
  g_assert_cmpstr (summit_person_get_city (sagan), ==, "Lublin");
  g_assert_cmpstr (summit_person_get_field (sagan, SUMMIT_PERSON_ORGANISATION), ==,
                   "Lublin City Office");
  g_assert_cmpstr (summit_person_get_field (sagan, SUMMIT_PERSON_TIMEZONE), ==, "Europe/Warsaw");
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 3 + 2 + 2);

  /* The same spreadsheet again: nobody added. The ambiguous row, decided
   * now, updates the Anna chosen. */
  summit_csv_preview_set_choice (preview, 2, summit_store_lookup_person (store, "t-anna-2", NULL));
  summit_csv_import_preview (store, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 0);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].updated, ==, 1);
  g_assert_cmpuint (report.matched, ==, 4);
  g_assert_cmpuint (report.left, ==, 0);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 7);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person WHERE uid = 't-anna-2'"
                                 " AND position = 'Mayor'"), ==, 1);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person WHERE uid = 't-anna-1'"
                                 " AND position = ''"), ==, 1);
}

static void
test_invalid_utf8_row (void)
{
  g_autoptr(SummitCsvPreview) preview =
    preview_text ("given-name,family-name\nAnna,Now\xe9k\nJan,Nowak\n", -1);
  g_autofree char *problems = problems_text (preview);

  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 1);
  g_assert_cmpstr (problems, ==,
                   "2: family-name is not valid UTF-8 text; save the file as UTF-8 CSV\n");
}

static void
assert_refused (const char *name,
                const char *contents,
                gssize      len,
                const char *expect)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(SummitStore) store = open_store ("refused.db", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *quoted = g_regex_escape_string (path, -1);
  gint64 before = test_store_count (store, "SELECT count(*) FROM person");
  SummitImportReport report;

  if (contents != NULL)
    test_write (path, contents, len);
  g_assert_false (summit_csv_import_file (store, path, TRUE, &report, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  pattern = g_strdup_printf ("^%s:[0-9]+: .*%s", quoted, expect);
  if (!g_regex_match_simple (pattern, error->message, 0, 0))
    g_error ("“%s” does not match %s", error->message, pattern);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, before);
  g_assert_false (summit_store_in_transaction (store));
}

static void
test_rejects_broken_files (void)
{
  g_autofree char *folder = tmp_path ("folder.csv");

  assert_refused ("empty.csv", "", 0, "empty");
  assert_refused ("bom-only.csv", "\xef\xbb\xbf", -1, "empty");
  assert_refused ("no-names.csv", "city,country\nGdynia,PL\n", -1, "given-name");
  assert_refused ("twice.csv", "given-name,Given Name\nA,B\n", -1, "twice");
  assert_refused ("open-quote.csv", "given-name,notes\nA,\"never closed\nB,x\n", -1,
                  "closing quote");
  assert_refused ("stray-quote.csv", "given-name,notes\nA,ab\"c\n", -1, "quote");
  assert_refused ("bad-header.csv", "given-name,\xff\xfe\nA,B\n", -1, "UTF-8");
  assert_refused ("missing.csv", NULL, 0, "");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused ("folder.csv", NULL, 0, "folder");
}

/* Formula injection: a cell a spreadsheet would run is written with a ' in
 * front, and our own import takes exactly that ' away again. */

static void
any_cell_cb (void   *data,
             size_t  len,
             void   *user_data)
{
  GPtrArray *cells = user_data;

  g_ptr_array_add (cells, g_strndup (data ? data : "", len));
}

static void
test_formula_guard (void)
{
  g_autoptr(SummitStore) first = open_store ("guard1.db", FALSE);
  g_autoptr(SummitStore) second = open_store ("guard2.db", FALSE);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(SummitCsvPreview) typed = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;
  struct csv_parser parser;
  SummitImportReport report;
  const char *same =
    "SELECT count(*) FROM person WHERE uid = 'p-1' AND notes = '=HYPERLINK(\"http://x\")'"
    " AND phone = '+48 58 123 45 67' AND given_name = '-Anna-' AND family_name = '@home'"
    " AND organisation = ' ＝full-width' AND position = '  +spaced'"
    " AND city = '''=quoted on purpose' AND email = '''plain@example.org' AND native_name = '-'"
    " AND honorific = '''''+two'";

  summit_store_exec (first,
                     "INSERT INTO person (uid, honorific, given_name, family_name, native_name,"
                     " position, city, organisation, email, phone, notes, created, updated)"
                     " VALUES ('p-1', '''''+two', '-Anna-', '@home', '-', '  +spaced',"
                     " '''=quoted on purpose', ' ＝full-width', '''plain@example.org',"
                     " '+48 58 123 45 67', '=HYPERLINK(\"http://x\")', 1500000000, 1600000000)",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_store_count (first, same), ==, 1);

  a = export_bytes (first);
  text = g_bytes_get_data (a, &len);
  g_assert_nonnull (g_strstr_len (text, len, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"'+48 58 123 45 67\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"'-Anna-\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"''=quoted on purpose\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"'''+two\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"'plain@example.org\","));   /* no formula: as it is */
  g_assert_nonnull (g_strstr_len (text, len, ",\"' ＝full-width\","));
  g_assert_nonnull (g_strstr_len (text, len, ",\"'  +spaced\","));

  /* No cell of the file, as a spreadsheet reads it, starts a formula. */
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpmem (text, 3, "\xef\xbb\xbf", 3);   /* the byte order mark */
  g_assert_cmpuint (csv_parse (&parser, text + 3, len - 3, any_cell_cb, NULL, cells), ==,
                    len - 3);
  g_assert_cmpint (csv_fini (&parser, any_cell_cb, NULL, cells), ==, 0);
  csv_free (&parser);
  g_assert_cmpuint (cells->len, ==, 2 * SUMMIT_PERSON_N_ATTRIBUTES);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = g_ptr_array_index (cells, i);

      const char *first = c;

      while (*first == ' ' || *first == '\t' || *first == '\r')
        first++;
      if ((*first != '\0' && strchr ("=+-@", *first) != NULL) ||
          g_str_has_prefix (first, "＝") || g_str_has_prefix (first, "＋") ||
          g_str_has_prefix (first, "－") || g_str_has_prefix (first, "＠"))
        g_error ("cell %u starts a formula: %s", i, c);
    }

  /* Our round trip gives the same person back, and the same file. */
  preview = summit_csv_preview_bytes (a, "guard.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (preview), ==, 0);
  g_assert_cmpstr (cell (preview, 0, SUMMIT_PERSON_PHONE), ==, "+48 58 123 45 67");
  summit_csv_import_preview (second, preview, FALSE, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 1);
  g_assert_cmpint (test_store_count (second, same), ==, 1);
  b = export_bytes (second);
  g_assert_cmpmem (text, len, g_bytes_get_data (b, NULL), g_bytes_get_size (b));

  /* A hand-made file: one ' goes, and only before a formula character. */
  typed = preview_text ("given-name,notes,phone\n'=1+1,'x,''+1\n'',',-5\n", -1);
  g_assert_cmpuint (summit_csv_preview_get_n_invalid (typed), ==, 0);
  g_assert_cmpstr (cell (typed, 0, SUMMIT_PERSON_GIVEN_NAME), ==, "=1+1");
  g_assert_cmpstr (cell (typed, 0, SUMMIT_PERSON_NOTES), ==, "'x");
  g_assert_cmpstr (cell (typed, 0, SUMMIT_PERSON_PHONE), ==, "'+1");
  g_assert_cmpstr (cell (typed, 1, SUMMIT_PERSON_GIVEN_NAME), ==, "''");
  g_assert_cmpstr (cell (typed, 1, SUMMIT_PERSON_NOTES), ==, "'");
  g_assert_cmpstr (cell (typed, 1, SUMMIT_PERSON_PHONE), ==, "-5");

  g_assert_true (summit_csv_needs_formula_guard ("=1"));
  g_assert_true (summit_csv_needs_formula_guard ("''@x"));
  g_assert_false (summit_csv_needs_formula_guard ("'"));
  g_assert_false (summit_csv_needs_formula_guard (""));
  g_assert_false (summit_csv_needs_formula_guard ("Anna = 1"));
  /* After white space, and in full width, as some spreadsheets read them. */
  g_assert_true (summit_csv_needs_formula_guard ("＝1+1"));
  g_assert_true (summit_csv_needs_formula_guard ("＋48"));
  g_assert_true (summit_csv_needs_formula_guard ("－1"));
  g_assert_true (summit_csv_needs_formula_guard ("＠SUM(A1)"));
  g_assert_true (summit_csv_needs_formula_guard ("  =1"));
  g_assert_true (summit_csv_needs_formula_guard (" +1"));
  g_assert_true (summit_csv_needs_formula_guard ("\u3000-1"));
  g_assert_true (summit_csv_needs_formula_guard ("\n@x"));
  g_assert_true (summit_csv_needs_formula_guard ("' =1"));
  g_assert_false (summit_csv_needs_formula_guard ("   "));
  g_assert_false (summit_csv_needs_formula_guard (" Anna"));
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autoptr(SummitStore) store = open_store ("cancel.db", TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("given-name,family-name\n");
  SummitImportReport report;

  for (int i = 0; i < 5000; i++)
    g_string_append_printf (text, "Person,Number %d\n", i);
  preview = preview_text (text->str, text->len);
  g_string_free (text, TRUE);

  g_assert_false (summit_csv_import_preview (store, preview, FALSE, cancel_cb, cancellable,
                                             &report, cancellable, &error));
  g_assert_error (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_CANCELLED);
  g_assert_cmpint (test_store_count (store, "SELECT count(*) FROM person"), ==, 3);
}

/* The one field writer the CLI and the charts' CSV share with the export. */
static void
test_append_field (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  summit_csv_append_field (out, "Ko \"Wen-je\"", FALSE);
  summit_csv_append_field (out, "=1+1", FALSE);
  summit_csv_append_field (out, NULL, FALSE);
  summit_csv_append_field (out, "柯文哲, Taipei", TRUE);
  g_assert_cmpstr (out->str, ==, "\"Ko \"\"Wen-je\"\"\",\"'=1+1\",\"\",\"柯文哲, Taipei\"\n");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/io/csv/reads-spreadsheet-csv", test_reads_spreadsheet_csv);
  g_test_add_func ("/io/csv/preview-lists-every-problem", test_preview_lists_every_problem);
  g_test_add_func ("/io/csv/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/io/csv/position-kind", test_position_kind);
  g_test_add_func ("/io/csv/letter-language", test_letter_language);
  g_test_add_func ("/io/csv/round-trip-is-byte-identical", test_round_trip);
  g_test_add_func ("/io/csv/reimport-without-uids", test_reimport_without_uids);
  g_test_add_func ("/io/csv/matches-known-people", test_matches_known_people);
  g_test_add_func ("/io/csv/invalid-utf8-row", test_invalid_utf8_row);
  g_test_add_func ("/io/csv/rejects-broken-files", test_rejects_broken_files);
  g_test_add_func ("/io/csv/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/io/csv/append-field", test_append_field);
  g_test_add_func ("/io/csv/formula-guard", test_formula_guard);

  ret = g_test_run ();
  {
    g_autofree char *folder = tmp_path ("folder.csv");
    g_rmdir (folder);
  }
  test_tmpdir_free (tmpdir);
  return ret;
}
