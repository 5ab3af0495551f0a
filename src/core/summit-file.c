/* summit-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way every export writes a file: only ever a regular file (a
 * folder, device, FIFO or socket is refused), through a symbolic link to
 * the file it points to (the link stays), and atomically — a temporary
 * file beside the target, synced and renamed over it — so the old file
 * stays whole until the new one is complete. g_file_replace() would
 * replace the link itself and cannot be told to follow it. Where the file
 * system allows, the temporary file has no name until it is complete
 * (O_TMPFILE), so a process killed while writing leaves nothing behind.
 */
#define G_LOG_DOMAIN "summit-file"
#define _GNU_SOURCE 1   /* O_TMPFILE, linkat() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summit-file.h"

/* As the kernel's limit on links followed in one path. */
#define MAX_LINKS 40

struct _SummitFileWriter
{
  char          *path;       /* as given, for messages */
  char          *target;     /* the file to replace, links followed */
  char          *temp_path;  /* NULL once renamed, or while it has no name */
  gboolean       anonymous;  /* opened with O_TMPFILE: named only at commit */
  int            fd;
  GOutputStream *stream;
};

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path)
{
  /* Translators: a file name, then the system's reason, "No space left on device" */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("%s: %s"), path,
               g_strerror (saved_errno));
}

/* FALSE, with a sentence a person can act on, if @st is not a file we may
 * replace. */
static gboolean
check_replaceable (const char         *path,
                   const struct stat  *st,
                   GError            **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;
  if (S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s is a folder: choose a file name to save to"), path);
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s is a device, not a file: choose a file name to save to"), path);
  else if (S_ISFIFO (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s is a named pipe, not a file: choose a file name to save to"), path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s is not a regular file (a socket or other special file): "
                   "choose a file name to save to"),
                 path);
  return FALSE;
}

/* The file @path names, symbolic links followed (relative ones from the
 * link's folder); it may not exist yet. @st is filled when it does. */
static char *
resolve_target (const char   *path,
                struct stat  *st,
                gboolean     *exists,
                GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINKS; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      int saved_errno;

      if (g_lstat (current, st) != 0)
        {
          saved_errno = errno;
          if (saved_errno == ENOENT)
            {
              *exists = FALSE;
              return g_steal_pointer (&current);
            }
          if (saved_errno == ELOOP)
            break;
          set_error_from_errno (error, saved_errno, path);
          return NULL;
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          if (!check_replaceable (path, st, error))
            return NULL;
          return g_steal_pointer (&current);
        }
      if ((link = g_file_read_link (current, NULL)) == NULL)
        {
          set_error_from_errno (error, errno, path);
          return NULL;
        }
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               _("%s: the symbolic links loop (or are nested too deep) and lead to no file"), path);
  return NULL;
}

/**
 * summit_file_writer_new:
 * @flags: %SUMMIT_FILE_PRIVATE for personal data: a new file is then
 *   readable by its owner only; otherwise it follows the umask. A file
 *   that exists keeps its permissions.
 *
 * Starts replacing @path: what is written to the writer's stream goes to a
 * temporary file beside it, which summit_file_writer_commit() puts in its
 * place. Refuses a folder, a device, a FIFO or a socket, and follows
 * symbolic links to the file they point to.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error
 *   set (%G_IO_ERROR, the message naming @path)
 */
SummitFileWriter *
summit_file_writer_new (const char       *path,
                        SummitFileFlags   flags,
                        GError          **error)
{
  g_autoptr(SummitFileWriter) writer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  struct stat st;
  gboolean exists = FALSE;
  int mode = (flags & SUMMIT_FILE_PRIVATE) ? 0600 : 0666;

  g_return_val_if_fail (path != NULL, NULL);

  writer = g_new0 (SummitFileWriter, 1);
  writer->fd = -1;
  writer->path = g_strdup (path);
  if ((writer->target = resolve_target (path, &st, &exists, error)) == NULL)
    return NULL;

  dir = g_path_get_dirname (writer->target);
  base = g_path_get_basename (writer->target);
#ifdef O_TMPFILE
  /* Named at commit through /proc/self/fd, so both must be there. */
  if (g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      writer->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
      writer->anonymous = writer->fd >= 0;
    }
#endif
  if (!writer->anonymous)
    {
      writer->temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      writer->fd = g_mkstemp_full (writer->temp_path, O_WRONLY | O_CLOEXEC, mode);
    }
  if (writer->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&writer->temp_path, g_free);
      set_error_from_errno (error, saved_errno, path);
      return NULL;
    }
  if (exists && fchmod (writer->fd, st.st_mode & 07777) != 0)
    {
      set_error_from_errno (error, errno, path);
      return NULL;
    }
  writer->stream = g_unix_output_stream_new (writer->fd, FALSE);
  return g_steal_pointer (&writer);
}

/**
 * summit_file_writer_get_stream:
 *
 * Returns: (transfer none): where to write the new contents
 */
GOutputStream *
summit_file_writer_get_stream (SummitFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);

  return writer->stream;
}

/* Gives the nameless temporary file a name beside the target, to be
 * renamed over it. */
static gboolean
name_temp_file (SummitFileWriter  *writer,
                GError           **error)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", writer->fd);
  g_autofree char *dir = g_path_get_dirname (writer->target);
  g_autofree char *base = g_path_get_basename (writer->target);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s/.%s.%08x", dir, base, g_random_int ());

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        {
          writer->temp_path = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  set_error_from_errno (error, errno, writer->path);
  return FALSE;
}

/**
 * summit_file_writer_commit:
 *
 * Puts what was written in place of the file, once it is on the disk.
 * On failure the old file is left as it was and the temporary one removed.
 */
gboolean
summit_file_writer_commit (SummitFileWriter  *writer,
                           GError           **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  int dir_fd;

  g_return_val_if_fail (writer != NULL && writer->fd >= 0, FALSE);

  if (!g_output_stream_close (writer->stream, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), writer->path,
                   local_error->message);
      return FALSE;
    }
  if (writer->anonymous && !name_temp_file (writer, error))
    return FALSE;
  {
    int synced = fsync (writer->fd) == 0 ? 0 : errno;
    int closed = close (writer->fd) == 0 ? 0 : errno;

    writer->fd = -1;
    if (synced != 0 || closed != 0)
      {
        set_error_from_errno (error, synced != 0 ? synced : closed, writer->path);
        return FALSE;
      }
  }
  if (g_rename (writer->temp_path, writer->target) != 0)
    {
      set_error_from_errno (error, errno, writer->path);
      return FALSE;
    }
  g_clear_pointer (&writer->temp_path, g_free);

  /* The rename itself reaches the disk with the folder. */
  dir = g_path_get_dirname (writer->target);
  if ((dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/**
 * summit_file_writer_free:
 *
 * Frees @writer; if it was not committed, the file is left as it was and
 * the temporary one removed.
 */
void
summit_file_writer_free (SummitFileWriter *writer)
{
  if (writer == NULL)
    return;
  /* Closed first: a stream still holding a reference can no longer
   * write to the descriptor. */
  if (writer->stream != NULL)
    g_output_stream_close (writer->stream, NULL, NULL);
  g_clear_object (&writer->stream);
  if (writer->fd >= 0)
    close (writer->fd);
  if (writer->temp_path != NULL)
    g_unlink (writer->temp_path);
  g_free (writer->temp_path);
  g_free (writer->target);
  g_free (writer->path);
  g_free (writer);
}

/**
 * summit_file_query_importable:
 *
 * Checks that @path is a regular file this process may read, following
 * symbolic links; a folder, a device, a link that loops or leads nowhere
 * is refused with a sentence ("FILE:1: what").
 *
 * Returns: (transfer full) (nullable): its type and size, or %NULL with
 *   @error set (%G_IO_ERROR)
 */
GFileInfo *
summit_file_query_importable (const char    *path,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s:1: %s", path,
                   local_error->message);
      return NULL;
    }
  /* GIO describes the link itself when it cannot be followed. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      if (g_stat (path, &st) != 0 && errno == ELOOP)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                     _("%s:1: the symbolic links loop (or are nested too deep) and lead "
                       "to no file"),
                     path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s:1: the symbolic link leads to a file that does not exist"), path);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s:1: not a regular file (a folder or a device cannot be imported)"), path);
      return NULL;
    }
  if (!g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s:1: permission denied (you may not read this file)"), path);
      return NULL;
    }
  return g_steal_pointer (&info);
}

/**
 * summit_file_replace_contents:
 *
 * Replaces @path with @data as summit_file_writer_new() and
 * summit_file_writer_commit() do.
 */
gboolean
summit_file_replace_contents (const char       *path,
                              const void       *data,
                              gsize             length,
                              SummitFileFlags   flags,
                              GError          **error)
{
  g_autoptr(SummitFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((writer = summit_file_writer_new (path, flags, error)) == NULL)
    return FALSE;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return summit_file_writer_commit (writer, error);
}
