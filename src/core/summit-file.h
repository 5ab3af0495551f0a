/* summit-file.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_FILE_FOLLOW_UMASK = 0,
  SUMMIT_FILE_PRIVATE      = 1 << 0,   /* a new file is 0600: it holds personal data */
} SummitFileFlags;

typedef struct _SummitFileWriter SummitFileWriter;

SummitFileWriter *summit_file_writer_new        (const char        *path,
                                                 SummitFileFlags    flags,
                                                 GError           **error);
GOutputStream    *summit_file_writer_get_stream (SummitFileWriter  *writer);
gboolean          summit_file_writer_commit     (SummitFileWriter  *writer,
                                                 GError           **error);
void              summit_file_writer_free       (SummitFileWriter  *writer);
GFileInfo        *summit_file_query_importable  (const char        *path,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
gboolean          summit_file_replace_contents  (const char        *path,
                                                 const void        *data,
                                                 gsize              length,
                                                 SummitFileFlags    flags,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitFileWriter, summit_file_writer_free)

G_END_DECLS
