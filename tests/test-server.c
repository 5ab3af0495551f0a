/* test-server.c — the PostgreSQL engine itself: first connection, refusals,
 * roles and rights, announcements, a lost server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a server in the environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, as
 * pg_virtualenv sets them; tools/test.sh runs the suite under one); skips,
 * saying so, without.
 */
#include "config.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include "summit-csv.h"
#include "summit-people.h"
#include "summit-store.h"
#include "test-util.h"

static gboolean
have_server (void)
{
  if (g_getenv ("PGHOST") != NULL)
    return TRUE;
  g_test_skip ("no PostgreSQL server: run under pg_virtualenv (tools/test.sh does)");
  return FALSE;
}

/* Runs @sql as the administrator on @dbname (NULL: the maintenance database). */
static void
admin_exec (const char *dbname,
            const char *sql)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { dbname ? dbname : g_getenv ("PGDATABASE"), NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, FALSE);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("admin connection: %s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("admin SQL failed: %s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

static char *
admin_query (const char *dbname,
             const char *sql)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { dbname, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, FALSE);
  PGresult *result = PQexec (conn, sql);
  char *value;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* A fresh, empty database; returns its name. */
static char *
new_database (void)
{
  static int counter;
  char *name = g_strdup_printf ("server_%d_%d", getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  admin_exec (NULL, sql);
  return name;
}

static char *
location_for (const char *dbname,
              const char *user)
{
  return g_strdup_printf ("host=%s port=%s dbname=%s user=%s", g_getenv ("PGHOST"),
                          g_getenv ("PGPORT"), dbname, user ? user : g_getenv ("PGUSER"));
}

/* A login role of its own, a member of @group, with the password "secret". */
static char *
new_login (const char *group)
{
  static int counter;
  char *name = g_strdup_printf ("login_%d_%d", getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'secret'%s%s", name,
                                          group ? " IN ROLE " : "", group ? group : "");

  admin_exec (NULL, sql);
  return name;
}

/* Each test's own database, new and empty, and its location (as the
 * administrator); with set_up_store(), opened and seeded: its first
 * connection. Without a server the test is skipped and db stays NULL. */
typedef struct
{
  char        *db;
  char        *location;
  SummitStore *store;
} Fixture;

static void
set_up_database (Fixture       *f,
                 gconstpointer  data)
{
  if (!have_server ())
    return;
  f->db = new_database ();
  f->location = location_for (f->db, NULL);
}

static void
set_up_store (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  set_up_database (f, data);
  if (f->db == NULL)
    return;
  f->store = summit_store_open_and_seed (f->location, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->location);
  g_free (f->db);
}

/* The first connection to an empty database makes it ours, with the
 * first-run data; the next one finds it. */
static void
test_new_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (f->db == NULL)
    return;
  g_assert_true (summit_store_is_server (f->store));
  g_assert_true (summit_store_is_new (f->store));
  g_assert_cmpint (summit_store_get_schema_version (f->store), ==, SUMMIT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (summit_store_get_rights (f->store), ==, SUMMIT_STORE_RIGHT_ALL);
  people = summit_store_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_clear_object (&f->store);

  f->store = summit_store_open_and_seed (f->location, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_is_new (f->store));
  g_clear_pointer (&people, g_ptr_array_unref);
  people = summit_store_list_people (f->store, &error);
  g_assert_cmpuint (people->len, ==, 3);
}

/* Another application's database, or a newer version's, is refused
 * untouched, saying which. */
static void
test_refuses_foreign_and_newer (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *newer = NULL;
  g_autofree char *location = NULL;
  g_autofree char *count = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (f->db == NULL)
    return;
  admin_exec (f->db, "CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1)");
  store = summit_store_open_and_seed (f->location, &error);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_FOREIGN);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "another application"));
  count = admin_query (f->db, "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (count, ==, "1");
  g_clear_error (&error);

  newer = new_database ();
  location = location_for (newer, NULL);
  store = summit_store_open (location, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  admin_exec (newer, "UPDATE summit_meta SET value = '99' WHERE key = 'schema_version'");
  store = summit_store_open (location, &error);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "version 99"));
}

/* A user who may not create tables is told which right is missing, and
 * nothing is left half made. */
static void
test_refuses_without_create_right (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *user = NULL;
  g_autofree char *location = NULL;
  g_autofree char *count = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (f->db == NULL)
    return;
  admin_exec (f->db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
  user = new_login (NULL);
  location = g_strdup_printf ("host=%s port=%s dbname=%s user=%s password=secret",
                              g_getenv ("PGHOST"), g_getenv ("PGPORT"), f->db, user);
  store = summit_store_open_and_seed (location, &error);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "CREATE right"));
  /* the message shows where, never the password */
  g_assert_null (strstr (error->message, "secret"));
  count = admin_query (f->db, "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (count, ==, "0");
}

/* Wrong password, unknown host, nothing listening: one sentence each. */
static void
test_connection_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *user = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(GError) error = NULL;
  SummitStore *store;

  if (f->db == NULL)
    return;
  user = new_login (NULL);
  wrong = g_strdup_printf ("postgresql://%s:wrong@%s:%s/%s", user, g_getenv ("PGHOST"),
                           g_getenv ("PGPORT"), f->db);
  store = summit_store_open (wrong, &error);
  g_assert_null (store);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_AUTHENTICATION);
  g_assert_nonnull (strstr (error->message, "user name or password"));
  g_assert_null (strstr (error->message, "wrong"));
  g_clear_error (&error);

  store = summit_store_open ("postgresql://nobody@no-such-host.invalid/summit", &error);
  g_assert_null (store);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "unknown"));
  g_clear_error (&error);

  /* port 1 on this machine: nothing listens there */
  store = summit_store_open ("host=127.0.0.1 port=1 dbname=summit connect_timeout=2", &error);
  g_assert_null (store);
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "does not answer"));
}

static SummitPerson *
make_person (const char *given,
             const char *family)
{
  SummitPerson *person = summit_person_new ();

  summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
  summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, family);
  summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, "PL");
  return person;
}

/* The three roles: a reporter reads and may change nothing; staff change
 * people but not sessions; the server's refusal is a clear message. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *reporter = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *location = NULL;
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(SummitPerson) person = make_person ("Anna", "Nowak");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (f->db == NULL)
    return;
  reporter = new_login ("summit_reporter");
  location = g_strdup_printf ("postgresql://%s:secret@%s:%s/%s", reporter, g_getenv ("PGHOST"),
                              g_getenv ("PGPORT"), f->db);
  store = summit_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_rights (store), ==, SUMMIT_STORE_RIGHT_NONE);
  people = summit_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_false (summit_store_insert_person (store, person, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "your role may not"));
  g_assert_false (summit_store_in_transaction (store));
  g_clear_error (&error);
  g_clear_object (&store);

  staff = new_login ("summit_staff");
  g_free (location);
  location = g_strdup_printf ("postgresql://%s:secret@%s:%s/%s", staff, g_getenv ("PGHOST"),
                              g_getenv ("PGPORT"), f->db);
  store = summit_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summit_store_get_rights (store), ==,
                   SUMMIT_STORE_RIGHT_PEOPLE | SUMMIT_STORE_RIGHT_EDITIONS);
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = summit_store_list_people (f->store, &error);
  g_assert_cmpuint (people->len, ==, 4);

  /* staff delete a person, who may sit on a panel, and undo it */
  id = summit_person_get_id (person);
  deleted = summit_store_delete_people (store, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_restore_people (store, deleted, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char   *table;
  GArray *ids;
  guint   n;
} Heard;

static void
on_changed (SummitStore *store,
            const char  *table,
            GArray      *ids,
            Heard       *heard)
{
  heard->n++;
  g_free (heard->table);
  heard->table = g_strdup (table);
  g_clear_pointer (&heard->ids, g_array_unref);
  if (ids != NULL)
    heard->ids = g_array_ref (ids);
}

/* Iterates the main context until @heard has news or 10 s pass. */
static gboolean
wait_for_news (Heard *heard,
               guint  before)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (heard->n == before && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return heard->n > before;
}

/* A change committed through one connection is announced to a window
 * watching through another, with the rows it touched; its own are not. */
static void
test_announcements (Fixture       *f,
                    gconstpointer  data)
{
  SummitStore *watcher = f->store;
  g_autoptr(SummitStore) writer = NULL;
  g_autoptr(SummitPerson) person = make_person ("Jan", "Kowalski");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  Heard heard = { 0 };
  gint64 id;

  if (f->db == NULL)
    return;
  writer = summit_store_open (f->location, &error);
  g_assert_no_error (error);
  g_signal_connect (watcher, "changed", G_CALLBACK (on_changed), &heard);
  summit_store_watch (watcher);
  g_assert_true (summit_store_is_online (watcher));

  g_assert_true (summit_store_insert_person (writer, person, &error));
  g_assert_no_error (error);
  id = summit_person_get_id (person);
  g_assert_true (wait_for_news (&heard, 0));
  g_assert_cmpstr (heard.table, ==, "person");
  g_assert_nonnull (heard.ids);
  g_assert_cmpuint (heard.ids->len, ==, 1);
  g_assert_cmpint (g_array_index (heard.ids, gint64, 0), ==, id);

  /* the watcher's own change: no news (checked after the writer's next one) */
  summit_person_set_field (person, SUMMIT_PERSON_CITY, "Gdańsk");
  g_assert_true (summit_store_update_person (watcher, person, &error));
  g_assert_no_error (error);
  deleted = summit_store_delete_people (writer, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_true (wait_for_news (&heard, 1));
  g_assert_cmpstr (heard.table, !=, NULL);
  /* the delete was announced, not the watcher's own update */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (heard.n, >=, 2);

  g_free (heard.table);
  g_clear_pointer (&heard.ids, g_array_unref);
}

/* The server goes away and comes back: the watcher says it is offline, then
 * online; a transaction cut off writes nothing; the next save works. */
static void
test_server_lost (Fixture       *f,
                  gconstpointer  data)
{
  SummitStore *store = f->store;
  g_autofree char *count = NULL;
  g_autoptr(SummitPerson) person = make_person ("Ewa", "Lis");
  g_autoptr(GError) error = NULL;
  const char *version = g_getenv ("PGVERSION");
  g_autofree char *stop = NULL;
  g_autofree char *start = NULL;
  gint64 end;
  int status;

  if (f->db == NULL)
    return;
  if (g_getenv ("PG_CLUSTER_CONF_ROOT") == NULL || version == NULL)
    {
      g_test_skip ("the server cannot be stopped from here (not a pg_virtualenv cluster)");
      return;
    }
  summit_store_watch (store);

  stop = g_strdup_printf ("pg_ctlcluster %s regress stop -m fast", version);
  start = g_strdup_printf ("pg_ctlcluster %s regress start", version);

  g_assert_true (summit_store_begin (store, &error));
  g_assert_true (g_spawn_command_line_sync (stop, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_false (summit_store_insert_person (store, person, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION);
  summit_store_rollback (store);
  g_assert_false (summit_store_in_transaction (store));
  g_clear_error (&error);

  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (summit_store_is_online (store) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (summit_store_is_online (store));

  g_assert_true (g_spawn_command_line_sync (start, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!summit_store_is_online (store) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (summit_store_is_online (store));

  /* nothing of the cut-off transaction, and the save now works */
  count = admin_query (f->db, "SELECT count (*) FROM person WHERE family_name = 'Lis'");
  g_assert_cmpstr (count, ==, "0");
  summit_person_set_id (person, 0);
  g_assert_true (summit_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_free (count);
  count = admin_query (f->db, "SELECT count (*) FROM person WHERE family_name = 'Lis'");
  g_assert_cmpstr (count, ==, "1");
}

/* An import into a server sends its rows without waiting for each: a row
 * the server refuses in the middle of a file (here by a rule of its own,
 * which the app's checks let through) still leaves nothing of the file,
 * and the error names that row's line. */
static void
test_import_bad_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GString) xml_text = NULL;
  g_autoptr(GString) csv_text = NULL;
  g_autoptr(GError) error = NULL;
  SummitImportReport report;

  if (f->db == NULL)
    return;
  admin_exec (f->db, "ALTER TABLE person ADD CONSTRAINT no_bad CHECK (given_name <> 'Bad')");
  xml_text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<summit xmlns=\"https://summitplanner.github.io/ns/summit/1\""
                           " format-version=\"1\">\n");
  csv_text = g_string_new ("uid,given-name,family-name\n");
  /* person 700 (of 1,000): XML line 702, CSV line 701 */
  for (int i = 1; i <= 1000; i++)
    {
      const char *given = i == 700 ? "Bad" : "Good";

      g_string_append_printf (xml_text, "  <person uid=\"p-%d\" given-name=\"%s\""
                              " family-name=\"Person %d\"/>\n", i, given, i);
      g_string_append_printf (csv_text, "p-%d,%s,Person %d\n", i, given, i);
    }
  g_string_append (xml_text, "</summit>\n");
  dir = test_tmpdir_new ();
  xml = g_build_filename (dir, "people.xml", NULL);
  csv = g_build_filename (dir, "people.csv", NULL);
  test_write (xml, xml_text->str, xml_text->len);
  test_write (csv, csv_text->str, csv_text->len);

  g_assert_false (summit_xml_import_file (f->store, xml, &report, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "people.xml:702:"));
  g_assert_nonnull (strstr (error->message, "no_bad"));
  g_assert_false (summit_store_in_transaction (f->store));
  count = admin_query (f->db, "SELECT count (*) FROM person");
  g_assert_cmpstr (count, ==, "3");
  g_clear_error (&error);

  g_assert_false (summit_csv_import_file (f->store, csv, FALSE, &report, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "people.csv:701: "));
  g_assert_nonnull (strstr (error->message, "no_bad"));
  g_free (count);
  count = admin_query (f->db, "SELECT count (*) FROM person");
  g_assert_cmpstr (count, ==, "3");
  g_clear_error (&error);

  /* the connection goes on: without the rule, the whole file goes in */
  admin_exec (f->db, "ALTER TABLE person DROP CONSTRAINT no_bad");
  g_assert_true (summit_csv_import_file (f->store, csv, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.counts[SUMMIT_IMPORT_PEOPLE].added, ==, 1000);
  test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/new-database", Fixture, NULL,
              set_up_store, test_new_database, tear_down);
  g_test_add ("/server/refuses-foreign-and-newer", Fixture, NULL,
              set_up_database, test_refuses_foreign_and_newer, tear_down);
  g_test_add ("/server/refuses-without-create-right", Fixture, NULL,
              set_up_database, test_refuses_without_create_right, tear_down);
  g_test_add ("/server/connection-errors", Fixture, NULL,
              set_up_database, test_connection_errors, tear_down);
  g_test_add ("/server/roles", Fixture, NULL, set_up_store, test_roles, tear_down);
  g_test_add ("/server/announcements", Fixture, NULL,
              set_up_store, test_announcements, tear_down);
  g_test_add ("/server/lost", Fixture, NULL, set_up_store, test_server_lost, tear_down);
  g_test_add ("/server/import-bad-row-writes-nothing", Fixture, NULL,
              set_up_store, test_import_bad_row, tear_down);

  return g_test_run ();
}
