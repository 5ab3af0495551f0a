/* summit-xml.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_XML_NAMESPACE "https://summitplanner.github.io/ns/summit/1"
#define SUMMIT_XML_ERROR (summit_xml_error_quark ())

typedef enum
{
  SUMMIT_XML_ERROR_INVALID,     /* not well-formed, or not valid against the schema */
  SUMMIT_XML_ERROR_FORBIDDEN,   /* DOCTYPE, entities: refused on principle */
  SUMMIT_XML_ERROR_REFERENCE,   /* refers to a person that is not there */
  SUMMIT_XML_ERROR_IO,
  SUMMIT_XML_ERROR_CANCELLED,
} SummitXmlError;

typedef struct
{
  guint people_added;
  guint people_updated;
  guint people_unchanged;
  guint editions;
  guint invitations;
  guint sessions;
  guint statistics;
} SummitImportReport;

GQuark   summit_xml_error_quark  (void);
gboolean summit_xml_import_file  (SummitStore         *store,
                                  const char          *path,
                                  SummitImportReport  *report,
                                  GCancellable        *cancellable,
                                  GError             **error);
gboolean summit_xml_import_bytes (SummitStore         *store,
                                  GBytes              *bytes,
                                  const char          *name,
                                  SummitImportReport  *report,
                                  GCancellable        *cancellable,
                                  GError             **error);
gboolean summit_store_seed       (SummitStore         *store,
                                  GError             **error);
SummitStore *summit_store_open_and_seed (const char  *path,
                                         GError     **error);
char    *summit_default_database_path (void);

G_END_DECLS
