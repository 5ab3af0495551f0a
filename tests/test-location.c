/* test-location.c — a --database location: a file or a server, and shown
 * to a person or a log without its password
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "summit-store.h"

static void
assert_no_secret (const char *location,
                  const char *expected)
{
  g_autofree char *shown = summit_store_location_display (location);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_null (strstr (shown, "s3cret"));
}

static void
test_display_hides_password (void)
{
  assert_no_secret ("postgresql://ann:s3cret@db.example.org:5433/summit",
                    "postgresql://ann@db.example.org:5433/summit");
  /* the other options stay: a reconnection by the shown location needs them */
  assert_no_secret ("postgres://ann@db.example.org/summit?password=s3cret&sslmode=require",
                    "postgres://ann@db.example.org/summit?sslmode=require");
  assert_no_secret ("host=db.example.org port=5433 dbname=summit user=ann password=s3cret",
                    "user=ann dbname=summit host=db.example.org port=5433");
  assert_no_secret ("host=db.example.org password='s3cret with space' dbname=summit",
                    "dbname=summit host=db.example.org");
}

static void
test_display_keeps_paths (void)
{
  /* A file path is shown as it is, even one that looks a little like a server. */
  assert_no_secret ("/home/ann/summit.db", "/home/ann/summit.db");
  assert_no_secret ("summit.db", "summit.db");
  assert_no_secret ("./a=b.db", "./a=b.db");
}

static void
test_is_server (void)
{
  g_assert_true (summit_store_location_is_server ("postgresql://ann@db.example.org/summit"));
  g_assert_true (summit_store_location_is_server ("postgres://db.example.org/summit"));
  g_assert_true (summit_store_location_is_server ("host=db.example.org dbname=summit"));
  g_assert_false (summit_store_location_is_server ("/home/ann/summit.db"));
  g_assert_false (summit_store_location_is_server ("summit.db"));
  g_assert_false (summit_store_location_is_server ("dir/a=b.db"));
  g_assert_false (summit_store_location_is_server (NULL));
}

static void
assert_part (GHashTable *parts,
             const char *keyword,
             const char *value)
{
  g_assert_cmpstr (g_hash_table_lookup (parts, keyword), ==, value);
}

static void
test_for_server_round_trip (void)
{
  struct {
    const char *host;
    int         port;
    const char *dbname;
    const char *user;
    const char *location;
  } cases[] = {
    { "db.example.org", 5432, "summit", "ann", "postgresql://ann@db.example.org:5432/summit" },
    { "localhost", 0, "summit", NULL, "postgresql://localhost/summit" },
    /* a socket directory, a user with "@", a database with "/" and a space */
    { "/var/run/postgresql", 5433, "a/b c", "ann@office",
      "postgresql://ann%40office@%2Fvar%2Frun%2Fpostgresql:5433/a%2Fb%20c" },
    { "::1", 5432, "summit", "ann", "postgresql://ann@[::1]:5432/summit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *location = summit_store_location_for_server (cases[i].host, cases[i].port,
                                                                     cases[i].dbname, cases[i].user);
      g_autoptr(GHashTable) parts = summit_store_location_parse (location);
      g_autofree char *port = cases[i].port ? g_strdup_printf ("%d", cases[i].port) : NULL;

      g_assert_cmpstr (location, ==, cases[i].location);
      g_assert_true (summit_store_location_is_server (location));
      g_assert_nonnull (parts);
      assert_part (parts, "host", cases[i].host);
      assert_part (parts, "port", port);
      assert_part (parts, "dbname", cases[i].dbname);
      assert_part (parts, "user", cases[i].user);
      g_assert_false (g_hash_table_contains (parts, "password"));
    }
}

static void
test_parse (void)
{
  g_autoptr(GHashTable) uri = summit_store_location_parse ("postgresql://ann:s3cret@h:5433/db");
  g_autoptr(GHashTable) keys = summit_store_location_parse ("host=h dbname=db password='s 3'");

  assert_part (uri, "password", "s3cret");
  assert_part (uri, "host", "h");
  assert_part (uri, "port", "5433");
  assert_part (keys, "password", "s 3");
  assert_part (keys, "dbname", "db");
  g_assert_false (g_hash_table_contains (keys, "user"));
  g_assert_null (summit_store_location_parse ("/home/ann/summit.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/location/display-hides-password", test_display_hides_password);
  g_test_add_func ("/core/location/display-keeps-paths", test_display_keeps_paths);
  g_test_add_func ("/core/location/is-server", test_is_server);
  g_test_add_func ("/core/location/for-server-round-trip", test_for_server_round_trip);
  g_test_add_func ("/core/location/parse", test_parse);

  return g_test_run ();
}
