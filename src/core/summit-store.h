/* summit-store.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SUMMIT_STORE_ERROR (summit_store_error_quark ())

typedef enum
{
  SUMMIT_STORE_ERROR_NOT_DATABASE,
  SUMMIT_STORE_ERROR_CORRUPT,
  SUMMIT_STORE_ERROR_FOREIGN,
  SUMMIT_STORE_ERROR_TOO_NEW,
  SUMMIT_STORE_ERROR_READ_ONLY,
  SUMMIT_STORE_ERROR_IO,
  SUMMIT_STORE_ERROR_BUSY,
  SUMMIT_STORE_ERROR_CONSTRAINT,
  SUMMIT_STORE_ERROR_INVALID,
  SUMMIT_STORE_ERROR_NOT_FOUND,
  SUMMIT_STORE_ERROR_FAILED,
  /* The row changed since the editor read it (another person saved first),
   * or an invitation is no longer in the status a change started from. */
  SUMMIT_STORE_ERROR_CONFLICT,
  /* The server refused the change for want of a right (a role). */
  SUMMIT_STORE_ERROR_PERMISSION,
  /* The server cannot be reached (down, network gone, wrong host); nothing
   * was written. Retrying later may succeed. */
  SUMMIT_STORE_ERROR_CONNECTION,
  /* The server refused the user name or password. */
  SUMMIT_STORE_ERROR_AUTHENTICATION,
} SummitStoreError;

/* 'SuMt': written to PRAGMA application_id so that we recognise our files. */
#define SUMMIT_STORE_APPLICATION_ID 0x53754d74
#define SUMMIT_STORE_SCHEMA_VERSION 3

#define SUMMIT_TYPE_STORE (summit_store_get_type ())
G_DECLARE_FINAL_TYPE (SummitStore, summit_store, SUMMIT, STORE, GObject)

typedef enum
{
  SUMMIT_STORE_OPEN_NONE                  = 0,
  /* Skip PRAGMA quick_check when opening (it reads the whole file); the
   * caller runs summit_store_check_integrity() later. */
  SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK = 1 << 0,
  /* A new server database: leave the transaction that created its schema
   * open for the first summit_store_begin() to join, so that the schema
   * and the first-run data are committed together (or not at all). */
  SUMMIT_STORE_OPEN_HOLD_CREATION         = 1 << 1,
} SummitStoreOpenFlags;

/* What the connected user may change. A SQLite file gives every right unless
 * it is read-only; a server gives what the user's roles grant
 * (summit_staff: people and invitations, and editions and yearly figures;
 * summit_planner: sessions and lineups; summit_reporter: nothing). */
typedef enum
{
  SUMMIT_STORE_RIGHT_NONE      = 0,
  SUMMIT_STORE_RIGHT_PEOPLE    = 1 << 0,  /* people, invitations and their history */
  SUMMIT_STORE_RIGHT_PROGRAMME = 1 << 1,  /* sessions and their lineups */
  SUMMIT_STORE_RIGHT_EDITIONS  = 1 << 2,  /* editions and the yearly figures */
  SUMMIT_STORE_RIGHT_ALL       = 0x7,
} SummitStoreRights;

typedef gboolean (*SummitStoreFunc) (SummitStore  *store,
                                     gpointer      user_data,
                                     GError      **error);

GQuark        summit_store_error_quark        (void);
SummitStore  *summit_store_open               (const char       *path,
                                               GError          **error);
SummitStore  *summit_store_open_with_flags    (const char       *path,
                                               SummitStoreOpenFlags flags,
                                               GError          **error);
gboolean      summit_store_check_integrity    (const char       *path,
                                               GError          **error);
SummitStore  *summit_store_open_at_version    (const char       *path,
                                               int               version,
                                               GError          **error);
const char   *summit_store_get_path           (SummitStore      *self);
gboolean      summit_store_is_read_only       (SummitStore      *self);
gboolean      summit_store_is_new             (SummitStore      *self);
const char   *summit_store_get_journal_mode   (SummitStore      *self);
void          summit_store_write_back         (SummitStore      *self);
int           summit_store_get_schema_version (SummitStore      *self);
gboolean      summit_store_migrate            (SummitStore      *self,
                                               int               target,
                                               GError          **error);
gboolean      summit_store_begin              (SummitStore      *self,
                                               GError          **error);
gboolean      summit_store_commit             (SummitStore      *self,
                                               GError          **error);
void          summit_store_rollback           (SummitStore      *self);
gboolean      summit_store_in_transaction     (SummitStore      *self);
gboolean      summit_store_begin_long_read    (SummitStore      *self,
                                               gboolean         *owned,
                                               GError          **error);
void          summit_store_end_long_read      (SummitStore      *self,
                                               gboolean          owned);
gboolean      summit_store_transaction        (SummitStore      *self,
                                               SummitStoreFunc   func,
                                               gpointer          user_data,
                                               GError          **error);
GPtrArray    *summit_store_check              (SummitStore      *self,
                                               GError          **error);
SummitStore  *summit_store_open_reader        (SummitStore      *self,
                                               GError          **error);

/* Team mode: a PostgreSQL server database instead of a file. A location is
 * a libpq connection URI (postgresql://user@host:port/dbname) or key=value
 * string (host=… dbname=…); anything else is a SQLite file path. */
gboolean      summit_store_location_is_server (const char       *location);
char         *summit_store_location_display   (const char       *location);
char         *summit_store_location_for_server (const char     *host,
                                                int             port,
                                                const char     *dbname,
                                                const char     *user);
GHashTable   *summit_store_location_parse     (const char       *location);
/* Keeps @password in memory (never on disk or in a log) for connections to
 * @location made later in this process, e.g. by worker threads. */
void          summit_store_set_password       (const char       *location,
                                               const char       *password);
gboolean      summit_store_is_server          (SummitStore      *self);
SummitStoreRights summit_store_get_rights     (SummitStore      *self);
/* Starts announcing other connections' committed changes in the calling
 * thread's main context through the "changed" signal (table name or NULL
 * for "anything", and a GArray of gint64 row ids or NULL for "many"), and
 * the state of the server through the "online" property. A SQLite file
 * announces changes made by other programs to the same file. */
void          summit_store_watch              (SummitStore      *self);
gboolean      summit_store_is_online          (SummitStore      *self);

G_END_DECLS
