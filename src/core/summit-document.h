/* summit-document.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* An A4 PDF written top to bottom, a page at a time, straight to its file:
 * headings, paragraphs, table rows and drawings, with Pango (fonts embedded). */
typedef struct _SummitDocument SummitDocument;

typedef void (*SummitDocumentDrawFunc) (cairo_t  *cr,
                                        double    width,
                                        double    height,
                                        gpointer  user_data);

SummitDocument *summit_document_new       (const char              *path,
                                           GError                 **error);
void            summit_document_set_language (SummitDocument       *doc,
                                           const char              *language);
void            summit_document_heading   (SummitDocument          *doc,
                                           const char              *text,
                                           int                      level);
void            summit_document_paragraph (SummitDocument          *doc,
                                           const char              *text);
void            summit_document_row       (SummitDocument          *doc,
                                           const char * const      *cells,
                                           const double            *widths,
                                           guint                    n_cells,
                                           gboolean                 header);
void            summit_document_draw      (SummitDocument          *doc,
                                           double                   height,
                                           SummitDocumentDrawFunc   func,
                                           gpointer                 user_data);
void            summit_document_space     (SummitDocument          *doc,
                                           double                   points);
void            summit_document_new_page  (SummitDocument          *doc);
gboolean        summit_document_finish    (SummitDocument          *doc,
                                           GError                 **error);
void            summit_document_free      (SummitDocument          *doc);
char           *summit_document_format_date (const char            *iso_date,
                                           const char              *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitDocument, summit_document_free)

G_END_DECLS
