/* test-letters.c — invitation letters in the guest's language
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "summit-document.h"
#include "summit-letters.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-store.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;

static SummitPerson *
person (const char *honorific,
        const char *given,
        const char *family,
        const char *native,
        const char *position,
        const char *country)
{
  SummitPerson *p = summit_person_new ();

  summit_person_set_field (p, SUMMIT_PERSON_HONORIFIC, honorific);
  summit_person_set_field (p, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (p, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (p, SUMMIT_PERSON_NATIVE_NAME, native);
  summit_person_set_field (p, SUMMIT_PERSON_POSITION, position);
  summit_person_set_field (p, SUMMIT_PERSON_COUNTRY, country);
  return p;
}

static void
assert_salutation (SummitPerson *p,
                   const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = summit_letters_salutation (p, summit_letters_language (p), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

/* Polish letters greet by position and sex, as Polish letters do; Chinese by
 * the native-script name and title; English by title and family name. */
static void
test_salutations (void)
{
  g_autoptr(SummitPerson) deputy = person ("Mr.", "Bartosz", "Bartoszewicz", "", "Deputy Mayor", "PL");
  g_autoptr(SummitPerson) mayor_f = person ("Ms.", "Anna", "Nowak", "", "Mayor", "PL");
  g_autoptr(SummitPerson) head = person ("Mr.", "Mariusz", "Sagan", "",
                                         "Head of Strategy and Entrepreneurship Department", "PL");
  g_autoptr(SummitPerson) plain_f = person ("Pani", "Ewa", "Kowalska", "", "Adviser", "PL");
  g_autoptr(SummitPerson) unknown = person ("", "Jan", "Zieliński", "", "", "PL");
  g_autoptr(SummitPerson) ko = person ("Dr.", "Wen-je", "Ko", "柯文哲", "Mayor", "TW");
  g_autoptr(SummitPerson) tw_deputy = person ("", "Chen", "Lin", "林欽榮", "Deputy Mayor", "TW");
  g_autoptr(SummitPerson) us = person ("", "Eric", "Adams", "", "Mayor", "US");
  g_autoptr(SummitPerson) jp = person ("Ms.", "Yuriko", "Koike", "小池百合子", "Governor", "JP");

  g_assert_cmpstr (summit_letters_language (deputy), ==, "pl");
  g_assert_cmpstr (summit_letters_language (ko), ==, "zh_TW");
  g_assert_cmpstr (summit_letters_language (us), ==, "en");
  g_assert_cmpstr (summit_letters_language (jp), ==, "en");

  assert_salutation (deputy, "Szanowny Panie Prezydencie,");
  assert_salutation (mayor_f, "Szanowna Pani Prezydent,");
  assert_salutation (head, "Szanowny Panie Dyrektorze,");
  assert_salutation (plain_f, "Szanowna Pani,");
  assert_salutation (unknown, "Szanowni Państwo,");
  assert_salutation (ko, "柯文哲市長　鈞鑒：");
  assert_salutation (tw_deputy, "林欽榮副市長　鈞鑒：");
  assert_salutation (us, "Dear Mayor Adams,");
  assert_salutation (jp, "Dear Ms. Koike,");
}

/* One file a person, or one file a letter a page; the recipients by default
 * are those draft or invited. */
static void
test_write_letters (void)
{
  g_autofree char *db = test_store_location (tmpdir, "letters.db");
  g_autofree char *folder = g_build_filename (tmpdir, "out", NULL);
  g_autofree char *all = g_build_filename (tmpdir, "all.pdf", NULL);
  g_autofree char *ko_pdf = g_build_filename (folder, "letter-2020-seed-ko-wen-je.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SummitStore) store = summit_store_open_and_seed (db, NULL);
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  const char *pdfinfo[] = { "pdfinfo", all, NULL };

  g_assert_nonnull (store);
  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (summit_letters_write (store, edition, people, folder, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  text = test_read_pdf_text (ko_pdf);
  g_assert_nonnull (strstr (text, "柯文哲市長"));
  g_assert_nonnull (strstr (text, "2020年8月13日"));
  g_assert_nonnull (strstr (text, "15:00"));

  g_assert_true (summit_letters_write (store, edition, people, all, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL,
                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (info, "Pages:           3"));

  /* The seed's three are confirmed: nobody to write to by default. */
  recipients = summit_store_list_letter_recipients (store, edition, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recipients->len, ==, 0);
  g_assert_false (summit_letters_write (store, edition, recipients, all, TRUE, NULL, NULL, &error));
  g_assert_error (error, SUMMIT_LETTERS_ERROR, SUMMIT_LETTERS_ERROR_NOBODY);
}

/* Letters go to those whose invitation is a draft or invited, by name;
 * someone never invited to the edition is simply not among them. */
static void
test_recipients (void)
{
  g_autofree char *db = test_store_location (tmpdir, "recipients.db");
  g_autoptr(SummitStore) store = summit_store_open_and_seed (db, NULL);
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GError) error = NULL;
  const SummitInvitationStatus statuses[] = {
    SUMMIT_STATUS_INVITED, SUMMIT_STATUS_DRAFT, SUMMIT_STATUS_DECLINED,
  };
  const char *families[] = { "Zielińska", "Adamska", "Nowak", "Kowalska" };

  g_assert_nonnull (store);
  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autoptr(SummitPerson) p = person ("Pani", "Ewa", families[i], "", "Mayor", "PL");

      g_assert_true (summit_store_insert_person (store, p, &error));
      g_assert_no_error (error);
      if (i < G_N_ELEMENTS (statuses))
        {
          g_assert_true (summit_store_record_invitation (store, summit_person_get_id (p),
                                                         summit_edition_get_id (edition),
                                                         statuses[i], SUMMIT_CHANNEL_LETTER,
                                                         "", 0, &error));
          g_assert_no_error (error);
        }
    }

  recipients = summit_store_list_letter_recipients (store, edition, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recipients);
  g_assert_cmpuint (recipients->len, ==, 2);
  g_assert_cmpstr (summit_person_get_family_name (g_ptr_array_index (recipients, 0)), ==, "Adamska");
  g_assert_cmpstr (summit_person_get_family_name (g_ptr_array_index (recipients, 1)), ==, "Zielińska");
}

/* A language set for the person overrides the country's; a version-1 file
 * gains the column when opened. */
static void
test_language_override (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "override.db", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "override.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SummitStore) old = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(SummitPerson) ko = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (test_skip_on_server ())
    return;
  old = summit_store_open_at_version (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_schema_version (old), ==, 1);
  g_assert_true (summit_store_exec (old,
    "INSERT INTO person (uid, honorific, given_name, family_name, native_name, position,"
    " country, created, updated)"
    " VALUES ('seed-ko-wen-je', 'Dr.', 'Wen-je', 'Ko', '柯文哲', 'Mayor', 'TW', 0, 0);"
    "INSERT INTO edition (year, theme, host_city, host_country, timezone)"
    " VALUES (2020, 'Smart City', 'Taipei', 'TW', 'Asia/Taipei');", &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = summit_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_schema_version (store), ==, SUMMIT_STORE_SCHEMA_VERSION);
  id = summit_store_lookup_person (store, "seed-ko-wen-je", &error);
  g_assert_no_error (error);
  ko = summit_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summit_person_get_field (ko, SUMMIT_PERSON_LETTER_LANGUAGE), ==, "");

  /* The person's one validation refuses a language there is no letter in. */
  summit_person_set_field (ko, SUMMIT_PERSON_LETTER_LANGUAGE, "xx");
  g_assert_false (summit_store_update_person (store, ko, NULL));
  summit_person_set_field (ko, SUMMIT_PERSON_LETTER_LANGUAGE, "en");
  g_assert_true (summit_store_update_person (store, ko, &error));
  g_assert_no_error (error);
  g_clear_object (&ko);

  /* Deleted and undone, the person keeps the language. */
  {
    g_autoptr(GPtrArray) deleted = summit_store_delete_people (store, &id, 1, &error);
    g_autoptr(SummitPerson) kept = NULL;

    g_assert_no_error (error);
    g_assert_true (summit_store_restore_people (store, deleted, &error));
    g_assert_no_error (error);
    kept = summit_store_get_person (store, id, &error);
    g_assert_cmpstr (summit_person_get_field (kept, SUMMIT_PERSON_LETTER_LANGUAGE), ==, "en");
  }

  ko = summit_store_get_person (store, id, &error);
  edition = summit_store_get_edition (store, 2020, &error);
  g_ptr_array_add (people, ko);
  g_assert_true (summit_letters_write (store, edition, people, pdf, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  text = test_read_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Dear Mayor Ko,"));
  g_assert_null (strstr (text, "鈞鑒"));
}

static gboolean
stop_after_two (guint    done,
                guint    total,
                gpointer user_data)
{
  return done < 2;
}

typedef struct
{
  SummitLettersJob *job;
  const char       *path;
} ThreadWrite;

static gpointer
write_in_thread (gpointer data)
{
  ThreadWrite *w = data;
  GError *error = NULL;

  summit_letters_job_write (w->job, w->path, TRUE, stop_after_two, NULL, &error);
  return error;
}

/* Letters written on another thread; stopped, the file they were going to
 * replace is left as it was, not half-written. */
static void
test_stopped_in_thread (void)
{
  g_autofree char *db = test_store_location (tmpdir, "stopped.db");
  g_autofree char *pdf = g_build_filename (tmpdir, "stopped.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SummitStore) store = summit_store_open_and_seed (db, NULL);
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(SummitLettersJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stopped = NULL;

  edition = summit_store_get_edition (store, 2020, &error);
  g_assert_no_error (error);
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  job = summit_letters_job_new (store, edition, people, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (pdf, "the old letters", -1, &error));
  {
    ThreadWrite w = { job, pdf };

    stopped = g_thread_join (g_thread_new ("letters", write_in_thread, &w));
  }
  g_assert_error (stopped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "the old letters");
}

/* A letter's and the press kit's dates are read by the one reader of days:
 * only a whole "YYYY-MM-DD" that exists is a day. */
static void
test_document_dates (void)
{
  g_autofree char *day = summit_document_format_date ("2020-08-13", "%Y/%m/%d");
  const char *not_days[] = { "2020-8-13", "2020-08-13 and more", "2020-02-30", "20-08-13", "", NULL };

  g_assert_cmpstr (day, ==, "2020/08/13");
  for (guint i = 0; not_days[i] != NULL; i++)
    {
      g_autofree char *text = summit_document_format_date (not_days[i], "%Y/%m/%d");

      g_assert_null (text);
    }
  g_assert_null (summit_document_format_date (NULL, "%Y"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();

  g_test_add_func ("/letters/salutation-by-language-position-honorific", test_salutations);
  g_test_add_func ("/letters/one-file-each-or-a-letter-a-page", test_write_letters);
  g_test_add_func ("/letters/recipients-are-draft-or-invited", test_recipients);
  g_test_add_func ("/letters/person-language-overrides-country", test_language_override);
  g_test_add_func ("/letters/dates-are-read-as-days", test_document_dates);
  g_test_add_func ("/letters/stopped-in-a-thread-leaves-the-old-file", test_stopped_in_thread);

  status = g_test_run ();
  {
    g_autofree char *folder = g_build_filename (tmpdir, "out", NULL);
    GDir *dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_remove (path);
      }
    if (dir)
      g_dir_close (dir);
    g_rmdir (folder);
  }
  test_tmpdir_free (tmpdir);
  return status;
}
