/* test-file.c — every file we write: only regular files, through links, atomically
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1   /* O_TMPFILE */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"
#include "summit-csv.h"
#include "summit-file.h"
#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-xml.h"
#include "test-util.h"

static char *tmpdir;
static SummitStore *store;

typedef gboolean (*WriteFunc) (const char *path, GError **error);

static gboolean
write_xml (const char *path, GError **error)
{
  return summit_xml_export_file (store, path, NULL, NULL, NULL, error);
}

static gboolean
write_csv (const char *path, GError **error)
{
  return summit_csv_export_file (store, path, NULL, error);
}

static gboolean
write_ics (const char *path, GError **error)
{
  g_autoptr(SummitEdition) edition = summit_store_get_edition (store, 2020, NULL);

  g_assert_nonnull (edition);
  return summit_store_export_ical (store, edition, 0, path, error);
}

static gboolean
write_frab (const char *path, GError **error)
{
  g_autoptr(SummitEdition) edition = summit_store_get_edition (store, 2020, NULL);

  g_assert_nonnull (edition);
  return summit_store_export_frab (store, edition, path, NULL, error);
}

static gboolean
write_chart (const char *path, GError **error)
{
  g_autoptr(GPtrArray) stats = summit_store_list_year_statistics (store, NULL);
  g_autoptr(SummitChartModel) model = summit_chart_model_new (stats, NULL, 2015, 2020);
  SummitChartStyle style;

  summit_chart_style_init (&style, FALSE);
  return summit_chart_export (model, &style, path, 320, 200, error);
}

typedef struct
{
  const char *name;   /* the file name's extension picks the chart's format */
  WriteFunc   write;
  gboolean    personal;
} Writer;

static const Writer writers[] = {
  { "export.xml", write_xml, TRUE },
  { "export.csv", write_csv, TRUE },
  { "calendar.ics", write_ics, FALSE },
  { "schedule.xml", write_frab, FALSE },
  { "chart.png", write_chart, FALSE },
  { "chart.svg", write_chart, FALSE },
};

/* Auxiliary methods */

static char *
in_dir (const char *dir,
        const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The names in @dir, sorted, joined by spaces: to see nothing is left. */
static char *
listing (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = in_dir (dir, name);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (path);
      else
        g_remove (path);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

static char *
fresh_dir (const char *name)
{
  g_autofree char *dir = in_dir (tmpdir, name);

  remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return g_steal_pointer (&dir);
}

static void
assert_refused (const Writer *w,
                const char   *path,
                const char   *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (w->write (path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", w->name, error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}

/* Tests */

/* A folder, a FIFO, a socket and a device are refused with a sentence that
 * says what they are; each stays what it was, and nothing is left behind. */
static void
test_refuses_special_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      const Writer *w = &writers[i];
      g_autofree char *dir = fresh_dir ("special");
      g_autofree char *folder = in_dir (dir, w->name);
      g_autofree char *fifo = g_strconcat (dir, "/pipe-", w->name, NULL);
      g_autofree char *sock = g_strconcat (dir, "/socket-", w->name, NULL);
      g_autofree char *dev_link = g_strconcat (dir, "/dev-", w->name, NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      struct sockaddr_un addr = { .sun_family = AF_UNIX };
      GStatBuf st;
      int fd;

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      fd = socket (AF_UNIX, SOCK_STREAM, 0);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
      strcpy (addr.sun_path, sock);
      g_assert_cmpint (bind (fd, (struct sockaddr *)&addr, sizeof addr), ==, 0);
      before = listing (dir);

      assert_refused (w, folder, "folder");
      assert_refused (w, fifo, "named pipe");
      assert_refused (w, sock, "not a regular file");
      /* Run as root, a rename over /dev/null would succeed: it must not be
       * tried, whether named or reached through a link (with the chart's
       * extension). */
      g_assert_cmpint (symlink ("/dev/null", dev_link), ==, 0);
      assert_refused (w, dev_link, "device");
      if (w->write != write_chart)
        assert_refused (w, "/dev/null", "device");
      g_remove (dev_link);

      g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
      g_assert_true (S_ISFIFO (st.st_mode));
      g_assert_cmpint (g_lstat (folder, &st), ==, 0);
      g_assert_true (S_ISDIR (st.st_mode));
      after = listing (dir);
      g_assert_cmpstr (after, ==, before);
      close (fd);
      remove_tree (dir);
    }
}

/* Through a symbolic link, the file it points to is replaced and the link
 * stays a link; a link to a folder or a FIFO is refused; a loop says so. */
static void
test_follows_symlinks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      const Writer *w = &writers[i];
      g_autofree char *dir = fresh_dir ("links");
      g_autofree char *sub = in_dir (dir, "real");
      g_autofree char *target = in_dir (sub, "data");
      g_autofree char *link = in_dir (dir, w->name);
      g_autofree char *to_dir = g_strconcat (dir, "/to-folder-", w->name, NULL);
      g_autofree char *fifo = g_strconcat (dir, "/pipe-", w->name, NULL);
      g_autofree char *to_fifo = g_strconcat (dir, "/to-pipe-", w->name, NULL);
      g_autofree char *loop_a = g_strconcat (dir, "/loop-a-", w->name, NULL);
      g_autofree char *loop_b = g_strconcat (dir, "/loop-b-", w->name, NULL);
      g_autofree char *read_link = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      test_write (target, "old", 3);
      /* A relative link, read from the link's own folder. */
      g_assert_cmpint (symlink ("real/data", link), ==, 0);
      g_assert_cmpint (symlink (sub, to_dir), ==, 0);
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_cmpint (symlink (fifo, to_fifo), ==, 0);
      g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
      g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);

      g_assert_true (w->write (link, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      read_link = g_file_read_link (link, NULL);
      g_assert_cmpstr (read_link, ==, "real/data");
      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      g_assert_cmpuint (strlen (contents), >, 3);

      before = listing (dir);
      assert_refused (w, to_dir, "folder");
      assert_refused (w, to_fifo, "named pipe");
      assert_refused (w, loop_a, "symbolic links loop");
      after = listing (dir);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
      after = listing (sub);
      g_assert_cmpstr (after, ==, "data");
      remove_tree (dir);
    }
}

/* A failed write leaves the old file whole and no temporary file: here the
 * folder becomes read-only after the check, or the stream is abandoned. */
static void
test_old_file_stays_on_failure (void)
{
  g_autofree char *dir = fresh_dir ("atomic");
  g_autofree char *path = in_dir (dir, "data.txt");
  g_autofree char *listed = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;

  test_write (path, "old contents", -1);
  {
    g_autoptr(SummitFileWriter) writer = summit_file_writer_new (path, SUMMIT_FILE_PRIVATE, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (summit_file_writer_get_stream (writer), "new", 3,
                                              NULL, NULL, &error));
    /* The new contents go to a file beside the target, not into it. */
    kept = test_read_bytes (path);
    g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "old contents", 12);
  }
  g_clear_pointer (&listed, g_free);
  listed = listing (dir);
  g_assert_cmpstr (listed, ==, "data.txt");
  g_clear_pointer (&kept, g_bytes_unref);
  kept = test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "old contents", 12);

  /* A folder that does not exist: a clear error naming the file. */
  {
    g_autofree char *missing = in_dir (dir, "no/such/file.xml");

    g_assert_false (summit_file_replace_contents (missing, "x", 1, 0, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, missing));
  }
  remove_tree (dir);
}

/* A process killed while writing leaves the old file whole and, where
 * the file system gives nameless temporary files (O_TMPFILE), nothing else. */
static void
test_killed_while_writing (void)
{
  g_autofree char *dir = fresh_dir ("killed");
  g_autofree char *path = in_dir (dir, "data.txt");
  g_autofree char *listed = NULL;
  g_autoptr(GBytes) kept = NULL;
  int fd, status;
  pid_t pid;

  fd = open (dir, O_TMPFILE | O_WRONLY, 0600);
  if (fd < 0)
    {
      g_test_skip ("this file system has no O_TMPFILE: a killed writer leaves its temporary file");
      remove_tree (dir);
      return;
    }
  close (fd);

  test_write (path, "old contents", -1);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      SummitFileWriter *writer = summit_file_writer_new (path, SUMMIT_FILE_PRIVATE, NULL);

      if (writer == NULL ||
          !g_output_stream_write_all (summit_file_writer_get_stream (writer), "new", 3, NULL,
                                      NULL, NULL))
        _exit (1);
      kill (getpid (), SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  listed = listing (dir);
  g_assert_cmpstr (listed, ==, "data.txt");
  kept = test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "old contents", 12);
  remove_tree (dir);
}

/* Exports holding personal data are created readable by their owner only,
 * even under umask 000; charts and calendars follow the umask. A file that
 * exists keeps its permissions. */
static void
test_modes (void)
{
  mode_t old_umask = umask (0);

  for (guint pass = 0; pass < 2; pass++)
    {
      mode_t mask = pass == 0 ? 0 : 022;

      umask (mask);
      for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
        {
          const Writer *w = &writers[i];
          g_autofree char *dir = fresh_dir ("modes");
          g_autofree char *path = in_dir (dir, w->name);
          g_autoptr(GError) error = NULL;
          GStatBuf st;

          g_assert_true (w->write (path, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_test_message ("%s under umask %03o: %03o", w->name, (unsigned)mask,
                          (unsigned)(st.st_mode & 0777));
          if (w->personal)
            g_assert_cmpint (st.st_mode & 0777, ==, 0600);
          else
            g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

          g_assert_cmpint (g_chmod (path, 0640), ==, 0);
          g_assert_true (w->write (path, &error));
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_assert_cmpint (st.st_mode & 0777, ==, 0640);
          remove_tree (dir);
        }
    }
  umask (old_umask);
}

/* Opens @dir/summit.db, which must open read-only, reads it and closes it:
 * the folder then holds nothing but the file. */
static void
assert_opens_read_only (const char *dir)
{
  g_autofree char *db = in_dir (dir, "summit.db");
  g_autoptr(SummitStore) ro = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;

  ro = summit_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (summit_store_is_read_only (ro));
  people = summit_store_list_people (ro, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  g_assert_false (summit_store_begin (ro, &error));
  g_assert_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_READ_ONLY);
  g_clear_object (&ro);

  listed = listing (dir);
  g_assert_cmpstr (listed, ==, "summit.db");
}

/* A database (in WAL mode) in a folder without write permission opens
 * read-only and says so, rather than "damaged". Root ignores permission
 * bits, so the store, as for a file, takes a folder without write bits as
 * read-only: this runs the same as root. */
static void
test_database_in_read_only_folder (void)
{
  g_autofree char *dir = fresh_dir ("ro-folder");
  g_autofree char *db = in_dir (dir, "summit.db");
  g_autoptr(SummitStore) rw = NULL;
  g_autoptr(GError) error = NULL;

  if (test_skip_on_server ())
    return;
  rw = summit_store_open_and_seed (db, &error);
  g_assert_no_error (error);
  g_assert_false (summit_store_is_read_only (rw));
  g_clear_object (&rw);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  assert_opens_read_only (dir);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  remove_tree (dir);
}

/* A read-only file in WAL mode is read without leaving -wal and -shm
 * files beside it. */
static void
test_read_only_file_leaves_nothing (void)
{
  g_autofree char *dir = fresh_dir ("ro-file");
  g_autofree char *db = in_dir (dir, "summit.db");
  g_autoptr(SummitStore) rw = NULL;
  g_autoptr(GError) error = NULL;

  if (test_skip_on_server ())
    return;
  rw = summit_store_open_and_seed (db, &error);
  g_assert_no_error (error);
  g_clear_object (&rw);

  g_assert_cmpint (g_chmod (db, 0400), ==, 0);
  assert_opens_read_only (dir);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ();
  db = test_store_location (tmpdir, "summit.db");
  store = summit_store_open_and_seed (db, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/file/refuses-special-files", test_refuses_special_files);
  g_test_add_func ("/core/file/follows-symlinks", test_follows_symlinks);
  g_test_add_func ("/core/file/old-file-stays-on-failure", test_old_file_stays_on_failure);
  g_test_add_func ("/core/file/modes", test_modes);
  g_test_add_func ("/core/file/killed-while-writing", test_killed_while_writing);
  g_test_add_func ("/core/file/database-in-read-only-folder", test_database_in_read_only_folder);
  g_test_add_func ("/core/file/read-only-file-leaves-nothing", test_read_only_file_leaves_nothing);

  ret = g_test_run ();
  g_clear_object (&store);
  summit_chart_render_shutdown ();
  if (test_server_used)
    test_server_drop (tmpdir);
  remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
