/* test-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "summit-people.h"
#include "summit-programme.h"
#include "summit-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = test_tmpdir_new ();
  f->path = test_store_location (f->dir, "summit.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->path);
  test_tmpdir_free (f->dir);
}

static gint64
count_rows (SummitStore *store,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  SummitStmt *stmt = summit_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (summit_stmt_step (stmt), ==, SUMMIT_STEP_ROW);
  n = summit_stmt_column_int64 (stmt, 0);
  summit_stmt_reset (stmt);
  return n;
}

static SummitPerson *
make_person (const char *given,
             const char *family)
{
  SummitPerson *person = summit_person_new ();

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  return person;
}

/* Opening @path must fail with @code and leave its bytes (and its folder) as they were. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *fragment)
{
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);

  store = summit_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SUMMIT_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_nonnull (strstr (error->message, path));

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, had_wal);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_create_private (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  GStatBuf st;

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_is_new (store));
  g_assert_false (summit_store_is_read_only (store));
  g_assert_cmpint (summit_store_get_schema_version (store), ==, SUMMIT_STORE_SCHEMA_VERSION);
  if (test_engine_is_server ())
    return;
  g_assert_cmpstr (summit_store_get_journal_mode (store), ==, "wal");

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_create_in_new_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "nested", NULL);
  g_autofree char *path = g_build_filename (sub, "summit.db", NULL);

  if (test_skip_on_server ())
    return;
  store = summit_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (sub);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitPerson) person = make_person ("Bartosz", "Bartoszewicz");
  g_autoptr(GPtrArray) people = NULL;

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  summit_store_insert_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_person_get_id (person), >, 0);
  g_clear_object (&store);

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_is_new (store));
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (summit_person_get_family_name (g_ptr_array_index (people, 0)), ==,
                   "Bartoszewicz");
  g_assert_cmpstr (summit_person_get_uid (g_ptr_array_index (people, 0)), ==,
                   summit_person_get_uid (person));
}

static void
test_migrate_0_to_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  const char *tables[] = { "person", "edition", "invitation", "invitation_event", "panel",
                           "panel_member", "year_statistic" };

  if (test_skip_on_server ())
    return;
  store = summit_store_open_at_version (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_schema_version (store), ==, 0);

  g_assert_true (summit_store_migrate (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_schema_version (store), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (store, tables[i]), ==, 0);
  g_clear_object (&store);

  /* The step set the application id, so the file is recognised as ours. */
  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_is_new (store));
}

/* A version-1 file: its sessions never said whether their end and room were
 * given, so they open as not confirmed; its people get the position kind their
 * position's wording suggests. */
static void
test_migrate_1_to_2 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (test_skip_on_server ())
    return;
  store = summit_store_open_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_exec (store,
    "INSERT INTO edition (id, year, timezone) VALUES (1, 2020, 'Asia/Taipei');"
    "INSERT INTO panel (uid, edition_id, title, kind, start_utc, duration_min)"
    " VALUES ('p1', 1, 'Official opening', 'opening', 1597302000, 60);"
    "INSERT INTO person (uid, given_name, family_name, position, created, updated)"
    " VALUES ('b', 'Bartosz', 'Bartoszewicz', 'Deputy Mayor', 1, 1),"
    "        ('m', 'Mariusz', 'Sagan', 'Head of Strategy and Entrepreneurship Department', 1, 1);",
    &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_schema_version (store), ==, SUMMIT_STORE_SCHEMA_VERSION);
  panels = summit_store_list_panels (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panels->len, ==, 1);
  g_assert_false (summit_panel_get_end_confirmed (g_ptr_array_index (panels, 0)));
  g_assert_cmpstr (summit_panel_end_note (g_ptr_array_index (panels, 0)), ==, "end not confirmed");
  g_assert_false (summit_panel_get_room_confirmed (g_ptr_array_index (panels, 0)));

  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (summit_person_get_field (g_ptr_array_index (people, 0),
                                            SUMMIT_PERSON_POSITION_KIND), ==, "");
  g_assert_cmpint (summit_person_get_position_kind (g_ptr_array_index (people, 0)), ==,
                   SUMMIT_POSITION_DEPUTY_MAYOR);
  g_assert_cmpint (summit_person_get_position_kind (g_ptr_array_index (people, 1)), ==,
                   SUMMIT_POSITION_OFFICIAL);
}

static void
test_foreign_keys_enforced (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = summit_edition_new (2020);
  gboolean ok;

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  summit_store_put_edition (store, edition, &error);
  g_assert_no_error (error);

  ok = summit_store_record_invitation (store, 4242, summit_edition_get_id (edition),
                                       SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_EMAIL, NULL, 0, &error);
  g_assert_false (ok);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (store, "invitation"), ==, 0);
  g_assert_cmpint (count_rows (store, "invitation_event"), ==, 0);
}

static void
test_history_append_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitEdition) edition = summit_edition_new (2020);
  g_autoptr(SummitPerson) person = make_person ("Mariusz", "Sagan");

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  summit_store_put_edition (store, edition, &error);
  summit_store_insert_person (store, person, &error);
  summit_store_record_invitation (store, summit_person_get_id (person),
                                  summit_edition_get_id (edition), SUMMIT_STATUS_INVITED,
                                  SUMMIT_CHANNEL_EMAIL, "first", 0, &error);
  g_assert_no_error (error);
  summit_store_record_invitation (store, summit_person_get_id (person),
                                  summit_edition_get_id (edition), SUMMIT_STATUS_CONFIRMED,
                                  SUMMIT_CHANNEL_LETTER, "reply by letter", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "invitation_event"), ==, 2);

  g_assert_false (summit_store_exec (store, "UPDATE invitation_event SET note = 'x'", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  /* A move the workflow does not allow is refused and leaves no trace. */
  g_assert_false (summit_store_record_invitation (store, summit_person_get_id (person),
                                                  summit_edition_get_id (edition),
                                                  SUMMIT_STATUS_DRAFT, SUMMIT_CHANNEL_NONE,
                                                  NULL, 0, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "invitation_event"), ==, 2);
}

static gboolean
insert_then_fail (SummitStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  g_autoptr(SummitPerson) person = make_person ("Half", "Written");

  if (!summit_store_insert_person (store, person, error))
    return FALSE;
  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FAILED, "stop");
  return FALSE;
}

static void
test_transaction_all_or_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_transaction (store, insert_then_fail, NULL, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FAILED);
  g_assert_false (summit_store_in_transaction (store));
  g_assert_cmpint (count_rows (store, "person"), ==, 0);
}

static void
test_refuses_text_file (Fixture       *f,
                        gconstpointer  data)
{
  if (test_skip_on_server ())
    return;
  test_write (f->path, "Mayors of the world, unite!\n", -1);
  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_NOT_DATABASE, "not an SQLite file");
}

static void
test_refuses_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;

  if (test_skip_on_server ())
    return;
  store = summit_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* A database with enough rows to span many pages. */
static void
make_big_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (summit_store_begin (store, &error));
  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *given = g_strdup_printf ("Given%04d", i);
      g_autoptr(SummitPerson) person = make_person (given, "Family with a longish name");

      summit_person_set_field (person, SUMMIT_PERSON_NOTES,
                               "Notes long enough to fill pages quickly, repeated for bulk.");
      g_assert_true (summit_store_insert_person (store, person, &error));
    }
  g_assert_true (summit_store_commit (store, &error));
  /* Fold the log into the main file so that the file alone is the database. */
  g_assert_true (summit_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
}

static void
test_refuses_truncated (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.db", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *wal = g_strconcat (big, "-wal", NULL);

  if (test_skip_on_server ())
    return;
  make_big_database (big);
  g_remove (wal);
  bytes = test_read_bytes (big);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100000);
  test_write (f->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);

  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuses_corrupt (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.db", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *wal = g_strconcat (big, "-wal", NULL);
  guint8 *copy;
  gsize size;

  if (test_skip_on_server ())
    return;
  make_big_database (big);
  g_remove (wal);
  bytes = test_read_bytes (big);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  /* Scribble over the middle pages, keeping the header intact. */
  for (gsize i = size / 3; i < size / 3 + 16384; i++)
    copy[i] = (guint8)(i * 7919);
  test_write (f->path, copy, size);
  g_free (copy);

  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuses_other_application (Fixture       *f,
                                gconstpointer  data)
{
  if (test_skip_on_server ())
    return;
  /* Somebody's address book: plain SQLite, no application id. */
  test_sqlite_exec (f->path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                             "INSERT INTO contacts VALUES ('Ada', '123');");
  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_FOREIGN, "another application");
}

static void
test_refuses_other_application_id (Fixture       *f,
                                   gconstpointer  data)
{
  if (test_skip_on_server ())
    return;
  test_sqlite_exec (f->path, "PRAGMA application_id = 1234; PRAGMA user_version = 1;"
                             "CREATE TABLE person (id INTEGER PRIMARY KEY);");
  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_FOREIGN, "another application");
}

static void
test_refuses_newer_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (f->path, &error);

  if (test_skip_on_server ())
    return;
  g_assert_no_error (error);
  g_clear_object (&store);
  test_sqlite_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");

  assert_refused_untouched (f->path, SUMMIT_STORE_ERROR_TOO_NEW, "newer version");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (f->path, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SummitPerson) person = make_person ("Read", "Only");
  g_autoptr(GPtrArray) people = NULL;

  if (test_skip_on_server ())
    return;
  g_assert_no_error (error);
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_true (summit_store_exec (store, "PRAGMA journal_mode = DELETE", &error));
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  before = test_read_bytes (f->path);

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_is_read_only (store));
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  g_assert_false (summit_store_begin (store, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_object (&store);

  after = test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static int
page_size (SummitStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int size;

  g_assert_cmpint (sqlite3_prepare_v2 (summit_store_get_sqlite (store), "PRAGMA page_size", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* A new file has pages of 16 KiB (a bulk import writes and checkpoints a
 * quarter as many); a file that already has pages keeps their size and
 * works as before. Starting the log's write-back in the middle of a
 * transaction changes nothing in it. */
static void
test_page_size (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitPerson) person = make_person ("Anna", "Nowak");
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *older = g_build_filename (f->dir, "older.db", NULL);

  if (test_skip_on_server ())
    return;
  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page_size (store), ==, 16384);

  g_assert_true (summit_store_begin (store, &error));
  summit_store_insert_person (store, person, &error);
  g_assert_no_error (error);
  summit_store_write_back (store);
  g_assert_true (summit_store_commit (store, &error));
  g_clear_object (&store);
  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_object (&store);

  /* As SQLite makes a file: 4 KiB pages, already there but empty. */
  test_sqlite_exec (older, "PRAGMA page_size = 4096; CREATE TABLE t (x); DROP TABLE t;");
  store = summit_store_open (older, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_is_new (store));
  g_assert_cmpint (page_size (store), ==, 4096);
  g_assert_cmpint (summit_store_get_schema_version (store), ==, SUMMIT_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  g_remove (older);
}

static void
test_empty_file_becomes_database (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = NULL;

  if (test_skip_on_server ())
    return;
  test_write (f->path, "", 0);
  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_is_new (store));
  g_assert_cmpint (summit_store_get_schema_version (store), ==, SUMMIT_STORE_SCHEMA_VERSION);
}

static void
test_busy_says_so (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (f->path, &error);
  g_autoptr(SummitPerson) person = make_person ("Anna", "Nowak");
  sqlite3 *other = NULL;

  if (test_skip_on_server ())
    return;
  g_assert_no_error (error);
  /* Another program holds the write lock for longer than our busy timeout. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (summit_store_insert_person (store, person, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program is writing"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_check_finds_dangling_reference (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitStore) store = summit_store_open (f->path, &error);
  g_autoptr(GPtrArray) problems = NULL;

  if (test_skip_on_server ())
    return;
  g_assert_no_error (error);
  problems = summit_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&store);

  /* Another tool, with foreign keys off, leaves a lineup pointing nowhere. */
  test_sqlite_exec (f->path,
                    "INSERT INTO edition (id, year) VALUES (1, 2020);"
                    "INSERT INTO panel (id, uid, edition_id, title, kind)"
                    " VALUES (1, 'p', 1, 'Panel', 'panel');"
                    "INSERT INTO panel_member VALUES (1, 77, 'panelist', 0);");

  store = summit_store_open (f->path, &error);
  g_assert_no_error (error);
  problems = summit_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "panel_member"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/core/store/create-private", test_create_private);
  ADD ("/core/store/create-in-new-folder", test_create_in_new_folder);
  ADD ("/core/store/reopen", test_reopen);
  ADD ("/core/store/migrate-from-0-to-1", test_migrate_0_to_1);
  ADD ("/core/store/migrate-from-1-to-2", test_migrate_1_to_2);
  ADD ("/core/store/foreign-keys-enforced", test_foreign_keys_enforced);
  ADD ("/core/store/history-append-only", test_history_append_only);
  ADD ("/core/store/transaction-all-or-nothing", test_transaction_all_or_nothing);
  ADD ("/core/store/refuses-text-file", test_refuses_text_file);
  ADD ("/core/store/refuses-folder", test_refuses_folder);
  ADD ("/core/store/refuses-truncated", test_refuses_truncated);
  ADD ("/core/store/refuses-corrupt", test_refuses_corrupt);
  ADD ("/core/store/refuses-other-application", test_refuses_other_application);
  ADD ("/core/store/refuses-other-application-id", test_refuses_other_application_id);
  ADD ("/core/store/refuses-newer-schema", test_refuses_newer_schema);
  ADD ("/core/store/read-only", test_read_only);
  ADD ("/core/store/empty-file-becomes-database", test_empty_file_becomes_database);
  ADD ("/core/store/page-size", test_page_size);
  ADD ("/core/store/check-finds-dangling-reference", test_check_finds_dangling_reference);
  ADD ("/core/store/busy-says-so", test_busy_says_so);

  return g_test_run ();
}
