/* summit-xml.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "summit-person.h"
#include "summit-store.h"
#include "summit-store-import.h"
#include "summit-store-seed.h"
#include "summit-time.h"

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

/* Called now and then from the thread that imports or exports, with the
 * share of the work done (0..1). */
typedef void (*SummitProgressFunc) (double   fraction,
                                    gpointer user_data);

GQuark   summit_xml_error_quark  (void);
gboolean summit_xml_schema_is_streamlined (void);
gboolean summit_xml_import_file_full (SummitStore         *store,
                                      const char          *path,
                                      SummitProgressFunc   progress,
                                      gpointer             progress_data,
                                      SummitImportReport  *report,
                                      GCancellable        *cancellable,
                                      GError             **error);
gboolean summit_xml_export_file  (SummitStore         *store,
                                  const char          *path,
                                  SummitProgressFunc   progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GError             **error);
gboolean summit_xml_export_stream (SummitStore        *store,
                                   GOutputStream      *stream,
                                   SummitProgressFunc  progress,
                                   gpointer            progress_data,
                                   GCancellable       *cancellable,
                                   GError            **error);
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

G_END_DECLS
