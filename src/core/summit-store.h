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
} SummitStoreError;

/* 'SuMt': written to PRAGMA application_id so that we recognise our files. */
#define SUMMIT_STORE_APPLICATION_ID 0x53754d74
#define SUMMIT_STORE_SCHEMA_VERSION 2

#define SUMMIT_TYPE_STORE (summit_store_get_type ())
G_DECLARE_FINAL_TYPE (SummitStore, summit_store, SUMMIT, STORE, GObject)

typedef enum
{
  SUMMIT_STORE_OPEN_NONE                  = 0,
  /* Skip PRAGMA quick_check when opening (it reads the whole file); the
   * caller runs summit_store_check_integrity() later. */
  SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK = 1 << 0,
} SummitStoreOpenFlags;

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

G_END_DECLS
