/* summit-store-pg.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine behind the store, for team mode: a whole office on
 * one server database. With its summit-store-pg-*.c (schema, watch, bulk
 * copy), the only files that include <libpq-fe.h>.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "summit-store-pg-private.h"

#define PGSTMT(stmt) ((PgStmt *)(stmt))

typedef struct
{
  SummitStmt  parent;
  PgDb       *db;
  char       *sql;
  char        name[24];
  guint       generation;    /* 0: not prepared on the server yet */
  int         n_params;
  char      **values;        /* NULL for SQL NULL */
  gboolean   *owned;
  Oid        *types;
  PGresult   *result;
  int         row;
  int         n_rows;
  gboolean    failed;        /* until the reset: the error stays the first one */
} PgStmt;

static gboolean flush_queue (SummitStore  *self,
                             gboolean      discard,
                             GError      **error);

/* Passwords given for a location, kept in memory only. */
static GMutex passwords_lock;
static GHashTable *passwords;

/**
 * summit_store_location_is_server:
 * @location: what --database says
 *
 * Returns: %TRUE for a libpq connection URI or a key=value connection
 *   string that libpq understands; %FALSE for anything else (a file path)
 */
gboolean
summit_store_location_is_server (const char *location)
{
  PQconninfoOption *options;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* "host=… dbname=…": a keyword, then "="; a path never starts so */
  if (!g_ascii_isalpha (location[0]) || strchr (location, '=') == NULL ||
      (strchr (location, '/') != NULL && strchr (location, '/') < strchr (location, '=')))
    return FALSE;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/**
 * summit_store_location_display:
 * @location: a file path or a server location
 *
 * Returns: (transfer full): @location to show a person or write in a log:
 *   a server location without its password; a path as it is
 */
char *
summit_store_location_display (const char *location)
{
  PQconninfoOption *options;
  GString *out;

  g_return_val_if_fail (location != NULL, NULL);

  if (!summit_store_location_is_server (location))
    return g_strdup (location);
  if (g_str_has_prefix (location, "postgres"))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED,
                                         NULL);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      g_auto(GStrv) params = NULL;
      g_autofree char *query = NULL;

      if (uri == NULL)
        return g_strdup ("postgresql://");
      /* the options stay (sslmode=…), all but a password=… */
      params = g_strsplit (g_uri_get_query (uri) ? g_uri_get_query (uri) : "", "&", -1);
      for (guint i = 0; params[i] != NULL; i++)
        if (params[i][0] != '\0' && !g_str_has_prefix (params[i], "password="))
          g_ptr_array_add (kept, params[i]);
      g_ptr_array_add (kept, NULL);
      query = g_strjoinv ("&", (char **)kept->pdata);
      return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_user (uri),
                         g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                         query[0] ? query : NULL, NULL);
    }

  options = PQconninfoParse (location, NULL);
  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s=%s", o->keyword, o->val);
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

/**
 * summit_store_location_for_server:
 * @host: (nullable): host name, IP address or socket directory
 * @port: the port, or 0 for libpq's default
 * @dbname: (nullable): the database's name
 * @user: (nullable): the user name
 *
 * Each part that is %NULL or empty is left to libpq's defaults.
 *
 * Returns: (transfer full): a postgresql:// location for these parts,
 *   with each escaped as a URI needs, and without a password
 */
char *
summit_store_location_for_server (const char *host,
                                  int         port,
                                  const char *dbname,
                                  const char *user)
{
  g_autofree char *escaped_host = NULL;
  g_autofree char *escaped_user = NULL;
  g_autofree char *escaped_dbname = NULL;
  g_autofree char *path = NULL;

  /* An IPv6 address goes in brackets, which g_uri_join() adds; anything else
   * (a socket directory too) is percent-encoded, as libpq reads it. */
  if (host != NULL && strchr (host, ':') != NULL && g_hostname_is_ip_address (host))
    escaped_host = g_strdup (host);
  else if (host != NULL && *host != '\0')
    escaped_host = g_uri_escape_string (host, NULL, FALSE);
  if (user != NULL && *user != '\0')
    escaped_user = g_uri_escape_string (user, NULL, FALSE);
  if (dbname != NULL)
    escaped_dbname = g_uri_escape_string (dbname, NULL, FALSE);
  path = g_strconcat ("/", escaped_dbname, NULL);
  return g_uri_join (G_URI_FLAGS_ENCODED, "postgresql", escaped_user, escaped_host ? escaped_host : "",
                     port > 0 ? port : -1, path, NULL, NULL);
}

/**
 * summit_store_location_parse:
 * @location: a server location
 *
 * Returns: (transfer full) (nullable): the connection options that
 *   @location sets, by libpq's keywords ("host", "port", "dbname", "user",
 *   "password", …) to their values; %NULL if @location is not a server
 */
GHashTable *
summit_store_location_parse (const char *location)
{
  PQconninfoOption *options;
  GHashTable *parts;

  if (!summit_store_location_is_server (location) ||
      (options = PQconninfoParse (location, NULL)) == NULL)
    return NULL;
  parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (PQconninfoOption *o = options; o->keyword; o++)
    if (o->val != NULL)
      g_hash_table_insert (parts, g_strdup (o->keyword), g_strdup (o->val));
  PQconninfoFree (options);
  return parts;
}

void
summit_store_set_password (const char *location,
                           const char *password)
{
  g_return_if_fail (location != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (location), g_strdup (password));
  else
    g_hash_table_remove (passwords, location);
  g_mutex_unlock (&passwords_lock);
}

static char *
dup_password (const char *location)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, location));
  g_mutex_unlock (&passwords_lock);
  return password;
}

/* Errors */

static int
code_for_sqlstate (const char *state)
{
  if (state == NULL || state[0] == '\0')
    return SUMMIT_STORE_ERROR_CONNECTION;
  if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    return SUMMIT_STORE_ERROR_CONSTRAINT;
  if (g_str_equal (state, "42501"))
    return SUMMIT_STORE_ERROR_PERMISSION;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    return SUMMIT_STORE_ERROR_BUSY;
  if (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") ||
      g_str_equal (state, "57P02") || g_str_equal (state, "57P03"))
    return SUMMIT_STORE_ERROR_CONNECTION;
  if (g_str_has_prefix (state, "28"))
    return SUMMIT_STORE_ERROR_AUTHENTICATION;
  if (g_str_equal (state, "25006"))
    return SUMMIT_STORE_ERROR_READ_ONLY;
  if (g_str_has_prefix (state, "53"))
    return SUMMIT_STORE_ERROR_IO;
  if (g_str_equal (state, "42P01") || g_str_equal (state, "42703"))
    return SUMMIT_STORE_ERROR_CORRUPT;
  return SUMMIT_STORE_ERROR_FAILED;
}

/* Keeps what went wrong with @result (NULL: the connection) for pg_set_error_from_db(). */
static void
remember_error (PgDb     *db,
                PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *message = primary ? primary : PQerrorMessage (db->conn);

  g_free (db->message);
  db->message = g_strchomp (g_strdup (message && *message ? message : "unknown error"));
  g_strlcpy (db->sqlstate, state ? state : "", sizeof db->sqlstate);
  if (PQstatus (db->conn) == CONNECTION_BAD)
    g_strlcpy (db->sqlstate, "08006", sizeof db->sqlstate);
  g_debug ("server error %s: %s", db->sqlstate, db->message);
}

static gboolean
pg_set_error_from_db (SummitStore  *self,
                      int           rc,
                      GError      **error)
{
  PgDb *db = PG (self);
  int code = code_for_sqlstate (db->sqlstate);
  g_autofree char *where = summit_store_location_display (db->location);

  switch (code)
    {
    case SUMMIT_STORE_ERROR_PERMISSION:
      g_set_error (error, SUMMIT_STORE_ERROR, code,
                   _("The server refused the change: your role may not make it (%s). "
                     "Nothing was changed."), db->message);
      break;
    case SUMMIT_STORE_ERROR_CONNECTION:
      g_set_error (error, SUMMIT_STORE_ERROR, code,
                   _("The server “%s” cannot be reached (%s). Nothing was changed; it will be "
                     "tried again."), where, db->message);
      break;
    case SUMMIT_STORE_ERROR_BUSY:
      g_set_error (error, SUMMIT_STORE_ERROR, code,
                   _("The database is busy: someone else is changing the same rows (%s). "
                     "Nothing was changed; try again in a moment."), db->message);
      break;
    case SUMMIT_STORE_ERROR_CORRUPT:
      g_set_error (error, SUMMIT_STORE_ERROR, code,
                   _("The database “%s” is damaged or incomplete (%s)"), where, db->message);
      break;
    default:
      g_set_error (error, SUMMIT_STORE_ERROR, code, "%s", db->message);
    }
  return FALSE;
}

gboolean
summit_store_pg_set_error (SummitStore  *self,
                           PGresult     *result,
                           GError      **error)
{
  remember_error (PG (self), result);
  return pg_set_error_from_db (self, PG_ERROR, error);
}

PGconn *
summit_store_pg_get_conn (SummitStore *self)
{
  g_return_val_if_fail (summit_store_is_server (self), NULL);
  return PG (self)->conn;
}

/* Connecting */

static void
ignore_notice (void       *arg,
               const char *message)
{
  g_debug ("%s", message);
}

/* For libpq's messages in another language than English: asks the server
 * whether it answers at all, and the resolver whether its host exists. */
static void
set_connect_error_by_probing (PGconn             *conn,
                              const char * const *keywords,
                              const char * const *values,
                              const char         *where,
                              const char         *message,
                              GError            **error)
{
  PGPing ping = PQpingParams (keywords, values, TRUE);
  const char *host = PQhost (conn);

  if (ping == PQPING_NO_RESPONSE || ping == PQPING_REJECT)
    {
      g_autoptr(GResolver) resolver = g_resolver_get_default ();
      g_autolist(GInetAddress) addresses = NULL;

      if (host != NULL && host[0] != '\0' && host[0] != '/' &&
          (addresses = g_resolver_lookup_by_name (resolver, host, NULL, NULL)) == NULL)
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                     _("The server “%s” is unknown: no computer of that name was found."), where);
      else
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                     _("The server “%s” does not answer: it may be stopped, or the host or port "
                       "may be wrong."), where);
    }
  else if (ping == PQPING_OK && (PQconnectionNeedsPassword (conn) || PQconnectionUsedPassword (conn)))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_AUTHENTICATION,
                 _("The server “%s” refused the user name or password."), where);
  else
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                 _("Could not connect to the server “%s”: %s"), where, message);
}

/* Says in one sentence why a connection to @where failed. */
static void
set_connect_error (PGconn             *conn,
                   const char * const *keywords,
                   const char * const *values,
                   const char         *where,
                   GError            **error)
{
  g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (conn)));
  char *newline;

  /* libpq says "connection to server at … failed: REASON"; keep the reason */
  if ((newline = strstr (message, "failed: ")) != NULL)
    memmove (message, newline + 8, strlen (newline + 8) + 1);
  if ((newline = strchr (message, '\n')) != NULL)
    *newline = '\0';

  if (strstr (message, "password authentication failed") || strstr (message, "no password supplied") ||
      PQconnectionNeedsPassword (conn))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_AUTHENTICATION,
                 _("The server “%s” refused the user name or password."), where);
  else if (strstr (message, "could not translate host name"))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                 _("The server “%s” is unknown: no computer of that name was found."), where);
  else if (strstr (message, "Connection refused") || strstr (message, "No such file or directory") ||
           strstr (message, "timeout expired") || strstr (message, "the database system is"))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                 _("The server “%s” does not answer: it may be stopped, or the host or port "
                   "may be wrong."), where);
  else if (strstr (message, "SSL") || strstr (message, "no encryption") ||
           strstr (message, "GSSAPI"))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                 _("The server “%s” requires an encrypted (TLS) connection that could not be "
                   "made: %s"), where, message);
  else if (strstr (message, "database") && strstr (message, "does not exist"))
    g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_NOT_DATABASE,
                 _("The server “%s” has no such database."), where);
  else
    set_connect_error_by_probing (conn, keywords, values, where, message, error);
}

/* A new connection to @location, with the password given for it if it holds none. */
PGconn *
summit_store_pg_connect (const char  *location,
                         GError     **error)
{
  g_autofree char *password = dup_password (location);
  const char *keywords[] = { "connect_timeout", "fallback_application_name", "client_encoding",
                             "dbname", password ? "password" : NULL, NULL };
  const char *values[] = { "5", "summit-planner", "UTF8", location, password, NULL };
  PGconn *conn;

  conn = PQconnectdbParams (keywords, values, TRUE);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *where = summit_store_location_display (location);

      if (conn == NULL)
        g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONNECTION,
                     _("Could not connect to the server “%s”"), where);
      else
        set_connect_error (conn, keywords, values, where, error);
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/* Runs @sql (no parameters) and keeps its result, or %NULL with @error set. */
static PGresult *
query (SummitStore  *self,
       const char   *sql,
       GError      **error)
{
  gboolean rollback = g_str_has_prefix (sql, "ROLLBACK");
  PGresult *result;
  ExecStatusType status;

  /* what is queued runs first (before a rollback, only to be dropped) */
  if (!flush_queue (self, rollback, error) && !rollback)
    return NULL;
  result = PQexec (PG (self)->conn, sql);
  status = PQresultStatus (result);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      summit_store_pg_set_error (self, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

/* Reconnects a connection that broke, unless it broke inside a
 * transaction: what was written there is gone, and the caller must learn
 * that rather than go on writing the rest. Statements prepare again. */
gboolean
summit_store_pg_mend_connection (PgDb *db)
{
  if (PQstatus (db->conn) == CONNECTION_OK)
    return TRUE;
  g_clear_pointer (&db->queue, g_array_unref);
  if (!db->in_transaction)
    PQreset (db->conn);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      remember_error (db, NULL);
      return FALSE;
    }
  PQsetNoticeProcessor (db->conn, ignore_notice, NULL);
  db->generation++;
  db->backend_pid = PQbackendPID (db->conn);
  return TRUE;
}

gboolean
summit_store_pg_exec (SummitStore  *self,
                      const char   *sql,
                      GError      **error)
{
  PgDb *db = PG (self);
  gboolean ends = g_str_has_prefix (sql, "COMMIT") || g_str_has_prefix (sql, "ROLLBACK");
  PGresult *result;

  /* the server dropped a transaction whose connection broke */
  if (g_str_has_prefix (sql, "ROLLBACK") && PQstatus (db->conn) != CONNECTION_OK)
    {
      db->in_transaction = FALSE;
      return TRUE;
    }
  if (!summit_store_pg_mend_connection (db))
    {
      if (ends)
        db->in_transaction = FALSE;
      return pg_set_error_from_db (self, PG_ERROR, error);
    }
  result = query (self, sql, error);
  if (ends)
    db->in_transaction = FALSE;
  else if (result != NULL && g_str_has_prefix (sql, "BEGIN"))
    db->in_transaction = TRUE;
  if (result == NULL)
    return FALSE;
  db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return TRUE;
}

static gint64
pg_changes (SummitStore *self)
{
  return PG (self)->changes;
}

static gboolean
pg_in_transaction (SummitStore *self)
{
  return PG (self)->in_transaction;
}

/* Opening */

gboolean
summit_store_pg_query_text (SummitStore  *self,
                            const char   *sql,
                            char        **out,
                            GError      **error)
{
  PGresult *result = query (self, sql, error);

  if (result == NULL)
    return FALSE;
  *out = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0)
           ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  PQclear (result);
  return TRUE;
}

static SummitStoreRights
read_rights (SummitStore *self)
{
  static const char sql[] =
    "SELECT has_table_privilege ('person', 'UPDATE') AND has_table_privilege ('invitation', 'INSERT')"
    "   AND has_table_privilege ('invitation_event', 'INSERT'),"
    " has_table_privilege ('panel', 'UPDATE') AND has_table_privilege ('panel_member', 'INSERT'),"
    " has_table_privilege ('edition', 'INSERT') AND has_table_privilege ('year_statistic', 'UPDATE')";
  PGresult *result = query (self, sql, NULL);
  SummitStoreRights rights = SUMMIT_STORE_RIGHT_NONE;

  if (result != NULL && PQntuples (result) == 1)
    {
      if (g_str_equal (PQgetvalue (result, 0, 0), "t"))
        rights |= SUMMIT_STORE_RIGHT_PEOPLE;
      if (g_str_equal (PQgetvalue (result, 0, 1), "t"))
        rights |= SUMMIT_STORE_RIGHT_PROGRAMME;
      if (g_str_equal (PQgetvalue (result, 0, 2), "t"))
        rights |= SUMMIT_STORE_RIGHT_EDITIONS;
    }
  PQclear (result);
  return rights;
}

/* The engine's state for @self, on @location (taken), not connected yet */
static PgDb *
attach_connection (SummitStore *self,
                   char        *location)
{
  PgDb *db = g_new0 (PgDb, 1);

  db->location = location;
  db->online = TRUE;
  self->db = db;
  return db;
}

static gboolean
connect_db (PgDb    *db,
            GError **error)
{
  db->conn = summit_store_pg_connect (db->location, error);
  if (db->conn == NULL)
    return FALSE;
  db->generation = 1;
  db->backend_pid = PQbackendPID (db->conn);
  return TRUE;
}

static gboolean
pg_open (SummitStore           *self,
         int                    version,
         SummitStoreOpenFlags   flags,
         GError               **error)
{
  g_autofree char *display = summit_store_location_display (self->path);
  PgDb *db;

  db = attach_connection (self, g_steal_pointer (&self->path));
  self->path = g_steal_pointer (&display);
  self->journal_mode = "server";
  if (!connect_db (db, error))
    return FALSE;
  /* so that connections opened later by the shown location (worker
   * threads, a second window) need not ask again */
  if (PQpass (db->conn) != NULL && *PQpass (db->conn) != '\0')
    summit_store_set_password (self->path, PQpass (db->conn));

  if (!summit_store_pg_check_identity (self, flags, error))
    return FALSE;
  if (version < SUMMIT_STORE_SCHEMA_VERSION && self->is_new)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("A server database is always made at the current version"));
      return FALSE;
    }
  db->rights = read_rights (self);
  return TRUE;
}

static void
pg_close (SummitStore *self)
{
  PgDb *db = PG (self);

  if (db == NULL)
    return;
  summit_store_pg_stop_watching (db);
  g_clear_pointer (&db->queue, g_array_unref);
  PQfinish (db->conn);
  g_free (db->location);
  g_free (db->message);
  g_free (db);
  self->db = NULL;
}

static int
pg_get_schema_version (SummitStore *self)
{
  g_autofree char *version = NULL;

  if (!summit_store_pg_query_text (self,
                                   "SELECT value FROM summit_meta WHERE key = 'schema_version'",
                                   &version, NULL) || version == NULL)
    return -1;
  return atoi (version);
}

static gboolean
pg_set_version (SummitStore  *self,
                int           version,
                GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE summit_meta SET value = '%d'"
                                          " WHERE key = 'schema_version'", version);
  return summit_store_pg_exec (self, sql, error);
}

static SummitStoreRights
pg_get_rights (SummitStore *self)
{
  return PG (self)->rights;
}

/* A long read: one snapshot of the whole database. */
static gboolean
pg_begin_long_read (SummitStore  *self,
                    GError      **error)
{
  return summit_store_pg_exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
}

static void
pg_end_long_read (SummitStore *self)
{
  summit_store_pg_exec (self, "ROLLBACK", NULL);
}

static SummitStore *
pg_open_reader (SummitStore  *self,
                GError      **error)
{
  g_autoptr(SummitStore) reader = g_object_new (SUMMIT_TYPE_STORE, NULL);
  PgDb *db;

  reader->engine = &summit_engine_pg;
  reader->path = g_strdup (self->path);
  reader->read_only = TRUE;
  reader->journal_mode = self->journal_mode;
  db = attach_connection (reader, g_strdup (PG (self)->location));
  if (!connect_db (db, error))
    return NULL;
  PQclear (PQexec (db->conn, "SET default_transaction_read_only = on"));
  return g_steal_pointer (&reader);
}

/* The statements: prepared on the server at their first run, with the
 * types of the values bound then, and again after a reconnection. Results
 * are read whole, so that other statements may run while rows are read. */

/* The largest $N in @sql outside quotes */
static int
count_parameters (const char *sql)
{
  int n = 0;

  for (const char *p = summit_sql_next_parameter (sql); p; p = summit_sql_next_parameter (p + 1))
    n = MAX (n, atoi (p + 1));
  return n;
}

static SummitStmt *
pg_prepare (SummitStore  *self,
            const char   *sql,
            GError      **error)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);

  stmt->parent.engine = &summit_engine_pg;
  stmt->db = PG (self);
  stmt->sql = g_strdup (sql);
  stmt->n_params = count_parameters (sql);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->owned = g_new0 (gboolean, stmt->n_params + 1);
  stmt->types = g_new0 (Oid, stmt->n_params + 1);
  stmt->row = -1;
  return (SummitStmt *)stmt;
}

static void
clear_value (PgStmt *stmt,
             int     i)
{
  if (stmt->owned[i])
    g_free (stmt->values[i]);
  stmt->values[i] = NULL;
  stmt->owned[i] = FALSE;
}

static void
pg_reset (SummitStmt *s,
          gboolean    clear_bindings)
{
  PgStmt *stmt = PGSTMT (s);

  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->n_rows = 0;
  stmt->failed = FALSE;
  if (clear_bindings)
    for (int i = 0; i < stmt->n_params; i++)
      clear_value (stmt, i);
}

static void
pg_stmt_free (SummitStmt *s)
{
  PgStmt *stmt = PGSTMT (s);

  pg_reset (s, TRUE);
  g_free (stmt->values);
  g_free (stmt->owned);
  g_free (stmt->types);
  g_free (stmt->sql);
  g_free (stmt);
}

/* 20: int8, 25: text (pg_type.h) */
#define INT8OID 20
#define TEXTOID 25

static void
pg_bind_int64 (SummitStmt *s,
               int         index,
               gint64      value)
{
  PgStmt *stmt = PGSTMT (s);

  g_return_if_fail (index >= 1 && index <= stmt->n_params);
  clear_value (stmt, index - 1);
  stmt->values[index - 1] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  stmt->owned[index - 1] = TRUE;
  if (stmt->generation == 0)
    stmt->types[index - 1] = INT8OID;
}

static void
pg_bind_null (SummitStmt *s,
              int         index)
{
  PgStmt *stmt = PGSTMT (s);

  g_return_if_fail (index >= 1 && index <= stmt->n_params);
  clear_value (stmt, index - 1);
}

static void
pg_bind_text (SummitStmt *s,
              int         index,
              const char *text,
              gssize      length,
              gboolean    copy)
{
  PgStmt *stmt = PGSTMT (s);

  g_return_if_fail (index >= 1 && index <= stmt->n_params);
  clear_value (stmt, index - 1);
  if (copy || length >= 0)
    {
      stmt->values[index - 1] = length >= 0 ? g_strndup (text, length) : g_strdup (text);
      stmt->owned[index - 1] = TRUE;
    }
  else
    stmt->values[index - 1] = (char *)text;
  if (stmt->generation == 0)
    stmt->types[index - 1] = TEXTOID;
}

/* Prepares @stmt on the server of this connection, if not yet. */
static gboolean
ensure_prepared (PgStmt *stmt)
{
  PgDb *db = stmt->db;
  PGresult *result;

  if (stmt->generation == db->generation)
    return TRUE;
  g_snprintf (stmt->name, sizeof stmt->name, "s%u", ++db->next_name);
  result = PQprepare (db->conn, stmt->name, stmt->sql, stmt->n_params, stmt->types);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      remember_error (db, result);
      g_debug ("preparing: %s", stmt->sql);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  stmt->generation = db->generation;
  return TRUE;
}

/* Queued statements (summit_store_queue()): sent in libpq's pipeline mode
 * without waiting for their results, which are read all at once with the
 * next statement that is not queued (or a flush), in one round trip. */

/* So many results wait at most, well within what the socket buffers hold:
 * a pipeline that waits for the server while the server waits for us to
 * read would never end. */
#define MAX_QUEUED 256

typedef struct
{
  PgStmt           *stmt;
  gboolean          prepare;    /* the result of preparing @stmt, not of running it */
  SummitQueuedFunc  done;       /* NULL: the statement stepped last, which keeps its result */
  gpointer          user_data;
} PgQueued;

/* Sends @stmt (and its preparation, the first time) into the pipeline. */
static gboolean
send_queued (PgStmt           *stmt,
             SummitQueuedFunc  done,
             gpointer          user_data)
{
  PgDb *db = stmt->db;
  PgQueued queued = { stmt, FALSE, done, user_data };

  /* mending a broken connection drops what was queued */
  if ((db->queue == NULL || db->queue->len == 0) &&
      (!summit_store_pg_mend_connection (db) || !PQenterPipelineMode (db->conn)))
    goto failed;
  if (db->queue == NULL)
    db->queue = g_array_new (FALSE, FALSE, sizeof (PgQueued));
  if (stmt->generation != db->generation)
    {
      PgQueued preparing = { stmt, TRUE, NULL, NULL };

      g_snprintf (stmt->name, sizeof stmt->name, "s%u", ++db->next_name);
      if (!PQsendPrepare (db->conn, stmt->name, stmt->sql, stmt->n_params, stmt->types))
        goto failed;
      stmt->generation = db->generation;
      g_array_append_val (db->queue, preparing);
    }
  if (!PQsendQueryPrepared (db->conn, stmt->name, stmt->n_params,
                            (const char * const *)stmt->values, NULL, NULL, 0))
    goto failed;
  g_array_append_val (db->queue, queued);
  return TRUE;

failed:
  remember_error (db, NULL);
  return FALSE;
}

/* Hands @result (taken) of @queued to its function, or keeps it in the
 * statement stepped last; FALSE once anything failed. */
static gboolean
take_result (SummitStore  *self,
             PgQueued     *queued,
             PGresult     *result,
             GError      **error)
{
  PgDb *db = PG (self);
  PgStmt *stmt = queued->stmt;
  ExecStatusType status = PQresultStatus (result);
  /* a preparation is queued just before its statement */
  PgQueued *run = queued->prepare ? queued + 1 : queued;
  gboolean ok;

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      remember_error (db, result);
      PQclear (result);
      if (queued->prepare)
        stmt->generation = 0;
      pg_set_error_from_db (self, PG_ERROR, error);
      /* the statement's function learns that it failed; the rest were not run */
      if (run->done != NULL)
        run->done (self, (SummitStmt *)stmt, PG_ERROR, run->user_data, error);
      else
        stmt->failed = TRUE;
      return FALSE;
    }
  if (queued->prepare)
    {
      PQclear (result);
      return TRUE;
    }
  pg_reset ((SummitStmt *)stmt, FALSE);
  stmt->result = result;
  stmt->n_rows = PQntuples (result);
  stmt->row = 0;
  db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  if (queued->done == NULL)
    return TRUE;
  ok = queued->done (self, (SummitStmt *)stmt,
                     stmt->n_rows > 0 ? SUMMIT_STEP_ROW : SUMMIT_STEP_DONE, queued->user_data,
                     error);
  pg_reset ((SummitStmt *)stmt, FALSE);
  return ok;
}

/* Ends the pipeline: reads every result in order and hands it on (none if
 * @discard: a rollback follows). %FALSE with @error at the first failure,
 * after which the server ran nothing more (the transaction is aborted). */
static gboolean
flush_queue (SummitStore  *self,
             gboolean      discard,
             GError      **error)
{
  PgDb *db = PG (self);
  g_autoptr(GArray) queue = g_steal_pointer (&db->queue);
  gboolean ok = TRUE;
  PGresult *result;

  if (queue == NULL || queue->len == 0)
    return TRUE;
  if (!PQpipelineSync (db->conn))
    {
      remember_error (db, NULL);
      return pg_set_error_from_db (self, PG_ERROR, error);
    }
  for (guint i = 0; i < queue->len; i++)
    {
      PgQueued *queued = &g_array_index (queue, PgQueued, i);

      if ((result = PQgetResult (db->conn)) == NULL)
        {
          /* the connection broke */
          remember_error (db, NULL);
          return pg_set_error_from_db (self, PG_ERROR, error);
        }
      /* each statement's results end with a NULL */
      while (PQgetResult (db->conn) != NULL)
        ;
      if (!ok || discard)
        PQclear (result);
      else
        ok = take_result (self, queued, result, error);
    }
  while ((result = PQgetResult (db->conn)) != NULL && PQresultStatus (result) != PGRES_PIPELINE_SYNC)
    PQclear (result);
  PQclear (result);
  PQexitPipelineMode (db->conn);
  return ok;
}

static gboolean
pg_queue (SummitStore       *self,
          SummitStmt        *s,
          SummitQueuedFunc   done,
          gpointer           user_data,
          GError           **error)
{
  PgDb *db = PG (self);

  db->queue_owner = self;
  if (!send_queued (PGSTMT (s), done, user_data))
    {
      flush_queue (self, TRUE, NULL);
      return pg_set_error_from_db (self, PG_ERROR, error);
    }
  return db->queue->len < MAX_QUEUED || flush_queue (self, FALSE, error);
}

static gboolean
pg_flush_queue (SummitStore  *self,
                GError      **error)
{
  return flush_queue (self, FALSE, error);
}

/* Steps @stmt after what is queued, in the same round trip; a failure of
 * a queued statement is its function's to report, and fails this one. */
static int
step_after_queue (PgStmt *stmt)
{
  PgDb *db = stmt->db;

  if (!send_queued (stmt, NULL, NULL))
    {
      flush_queue (db->queue_owner, TRUE, NULL);
      stmt->failed = TRUE;
      return PG_ERROR;
    }
  if (!flush_queue (db->queue_owner, FALSE, NULL) || stmt->result == NULL)
    {
      stmt->failed = TRUE;
      return PG_ERROR;
    }
  return stmt->n_rows > 0 ? SUMMIT_STEP_ROW : SUMMIT_STEP_DONE;
}

static int
pg_step (SummitStmt *s)
{
  PgStmt *stmt = PGSTMT (s);
  PgDb *db = stmt->db;
  ExecStatusType status;

  if (stmt->failed)
    return PG_ERROR;
  if (stmt->row >= 0)
    return ++stmt->row < stmt->n_rows ? SUMMIT_STEP_ROW : SUMMIT_STEP_DONE;
  if (db->queue != NULL && db->queue->len > 0)
    return step_after_queue (stmt);

  if (!summit_store_pg_mend_connection (db) || !ensure_prepared (stmt))
    {
      stmt->failed = TRUE;
      return PG_ERROR;
    }

  stmt->result = PQexecPrepared (db->conn, stmt->name, stmt->n_params,
                                 (const char * const *)stmt->values, NULL, NULL, 0);
  status = PQresultStatus (stmt->result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      remember_error (db, stmt->result);
      g_clear_pointer (&stmt->result, PQclear);
      stmt->failed = TRUE;
      return PG_ERROR;
    }
  db->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
  stmt->n_rows = PQntuples (stmt->result);
  stmt->row = 0;
  return stmt->n_rows > 0 ? SUMMIT_STEP_ROW : SUMMIT_STEP_DONE;
}

static gboolean
pg_column_is_null (SummitStmt *s,
                   int         column)
{
  PgStmt *stmt = PGSTMT (s);

  return PQgetisnull (stmt->result, stmt->row, column);
}

static gint64
pg_column_int64 (SummitStmt *s,
                 int         column)
{
  PgStmt *stmt = PGSTMT (s);
  const char *text = PQgetvalue (stmt->result, stmt->row, column);

  /* a comparison is a boolean here, a number in SQLite */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

static const char *
pg_column_text (SummitStmt *s,
                int         column)
{
  PgStmt *stmt = PGSTMT (s);

  if (PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

const SummitEngine summit_engine_pg = {
  .open = pg_open,
  .close = pg_close,
  .set_version = pg_set_version,
  .get_schema_version = pg_get_schema_version,
  .prepare = pg_prepare,
  .exec = summit_store_pg_exec,
  .changes = pg_changes,
  .set_error_from_db = pg_set_error_from_db,
  .in_transaction = pg_in_transaction,
  .begin_sql = "BEGIN",
  .begin_long_read = pg_begin_long_read,
  .end_long_read = pg_end_long_read,
  .check = summit_store_pg_check,
  .open_reader = pg_open_reader,
  .write_back = NULL,
  .get_rights = pg_get_rights,
  .watch = summit_store_pg_watch,
  .is_online = summit_store_pg_is_online,
  .stmt_free = pg_stmt_free,
  .step = pg_step,
  .reset = pg_reset,
  .bind_int64 = pg_bind_int64,
  .bind_null = pg_bind_null,
  .bind_text = pg_bind_text,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_text = pg_column_text,
  .copy_in = summit_store_pg_copy_in,
  .queue = pg_queue,
  .flush_queue = pg_flush_queue,
};
