/* summit-letters-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Prepare Letters…": asks where (a folder with a PDF a person, or one PDF
 * a letter a page), writes the letters in a worker thread with a progress
 * dialog that can stop it, then asks once whether the draft invitations
 * among them are now sent, by letter.
 */
#define G_LOG_DOMAIN "summit-letters-dialog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "summit-letters.h"
#include "summit-letters-dialog.h"
#include "summit-people.h"
#include "summit-rights.h"
#include "summit-utils.h"

typedef struct
{
  GtkWidget         *parent;
  SummitStore       *store;
  SummitEdition     *edition;
  GPtrArray         *people;   /* SummitPerson */
  GArray            *drafts;   /* gint64 */
  SummitLettersDone  done;
  gpointer           user_data;
  char              *message;

  /* While the letters are written */
  SummitLettersJob  *letters;
  char              *path;
  gboolean           one_file;
  GCancellable      *cancellable;
  AdwMessageDialog  *progress_dialog;   /* weak: gone once answered */
  GtkProgressBar    *progress_bar;
  guint              progress_timeout;
  int                n_written;         /* atomic: set by the worker */
} Job;

/* Tells the caller, with the people marked invited if any, and frees @job. */
static void
job_finish (Job     *job,
            GArray  *marked)
{
  job->done (job->message, marked ? (gint64 *)(gpointer)marked->data : NULL,
             marked ? marked->len : 0, job->user_data);
  g_object_unref (job->parent);
  g_object_unref (job->store);
  g_object_unref (job->edition);
  g_ptr_array_unref (job->people);
  g_array_unref (job->drafts);
  g_free (job->message);
  g_clear_pointer (&job->letters, summit_letters_job_free);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
mark_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Job              *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree int *seen = NULL;

  if (g_strcmp0 (response, "mark") != 0)
    {
      job_finish (job, NULL);
      return;
    }
  /* They were drafts when asked; anyone changed since stops the marking. */
  seen = g_new (int, job->drafts->len);
  for (guint i = 0; i < job->drafts->len; i++)
    seen[i] = SUMMIT_STATUS_DRAFT;
  if (!summit_store_change_invitations (job->store, (gint64 *)(gpointer)job->drafts->data,
                                        seen, job->drafts->len,
                                        summit_edition_get_id (job->edition),
                                        SUMMIT_STATUS_INVITED, SUMMIT_CHANNEL_LETTER, NULL, 0,
                                        &error))
    {
      g_free (job->message);
      /* Translators: the letters were saved; %s says why the statuses were not */
      job->message = g_strdup_printf (_("Letters saved; the invitations are unchanged: %s"),
                                      error->message);
      job_finish (job, NULL);
      return;
    }
  job_finish (job, job->drafts);
}

static void
ask_to_mark (Job *job)
{
  GtkRoot *root = gtk_widget_get_root (job->parent);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Mark the Letters as Sent?"), NULL));
  body = g_strdup_printf (g_dngettext (NULL,
                                       "%u of these invitations is a draft. Record it as invited, by letter?",
                                       "%u of these invitations are drafts. Record them as invited, by letter?",
                                       job->drafts->len),
                          job->drafts->len);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep as Drafts"),
                                    "mark", _("_Mark Invited"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mark");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (mark_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once written: which drafts to ask about. */
static void
letters_written (Job *job)
{
  job->message = g_strdup_printf (g_dngettext (NULL, "Saved %u letter in “%s”.",
                                               "Saved %u letters in “%s”.", job->people->len),
                                  job->people->len, job->path);
  for (guint i = 0; i < job->people->len; i++)
    {
      gint64 id = summit_person_get_id (g_ptr_array_index (job->people, i));
      SummitInvitationStatus status;

      if (summit_store_get_invitation_status (job->store, id, summit_edition_get_id (job->edition),
                                              &status, NULL) &&
          status == SUMMIT_STATUS_DRAFT)
        g_array_append_val (job->drafts, id);
    }
  if (job->drafts->len > 0 && summit_rights_allow (job->store, SUMMIT_STORE_RIGHT_PEOPLE))
    ask_to_mark (job);
  else
    job_finish (job, NULL);
}

/* Worker thread: writes the letters, telling the job how far it got. */
static gboolean
letter_written_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->n_written, (int)done);
  return !g_cancellable_is_cancelled (job->cancellable);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (summit_letters_job_write (job->letters, job->path, job->one_file, letter_written_cb, job,
                                &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_progress (Job *job)
{
  guint done = (guint)g_atomic_int_get (&job->n_written);
  guint total = job->people->len;
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u of %u letter written",
                                                        "%u of %u letters written", total),
                                           done, total);

  gtk_progress_bar_set_fraction (job->progress_bar, (double)done / total);
  gtk_progress_bar_set_text (job->progress_bar, text);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  Job *job = user_data;

  if (job->progress_dialog != NULL)
    show_progress (job);
  return G_SOURCE_CONTINUE;
}

static void
writing_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&job->progress_timeout, g_source_remove);
  if (job->progress_dialog != NULL)
    {
      AdwMessageDialog *dialog = job->progress_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&job->progress_dialog);
      g_signal_handlers_disconnect_by_data (dialog, job);
      job->progress_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      letters_written (job);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !job->one_file &&
      job->n_written > 0)
    job->message = g_strdup_printf (g_dngettext (NULL,
                                                 "Stopped after %u letter, saved in “%s”; no invitation was changed.",
                                                 "Stopped after %u letters, saved in “%s”; no invitation was changed.",
                                                 (guint)job->n_written),
                                    (guint)job->n_written, job->path);
  else
    job->message = g_strdup (error->message);
  job_finish (job, NULL);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Job              *job)
{
  g_cancellable_cancel (job->cancellable);
}

/* Writes the letters in a worker thread, the window usable meanwhile, with
 * a dialog showing how far it got and a button to stop. */
static void
start_writing (Job *job)
{
  GtkRoot *root = gtk_widget_get_root (job->parent);
  g_autoptr(GTask) task = NULL;
  AdwMessageDialog *dialog;

  job->cancellable = g_cancellable_new ();
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Preparing Letters"), NULL));
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  job->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (job->progress_bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Letters written"), -1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (job->progress_bar));
  adw_message_dialog_add_responses (dialog, "stop", _("_Stop"), NULL);
  adw_message_dialog_set_close_response (dialog, "stop");
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), job);
  job->progress_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&job->progress_dialog);
  show_progress (job);
  gtk_window_present (GTK_WINDOW (dialog));
  job->progress_timeout = g_timeout_add (100, progress_timeout_cb, job);

  task = g_task_new (NULL, job->cancellable, writing_done_cb, job);
  g_task_set_source_tag (task, start_writing);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, write_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Job             *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean one_file = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "layout"),
                                 "single") == 0;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      job->message = g_strdup (_("Choose a local folder or file for the letters"));
      goto out;
    }
  if (one_file && !g_str_has_suffix (path, ".pdf"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);
      g_free (path);
      path = with_suffix;
    }
  if (!one_file && g_mkdir_with_parents (path, 0755) != 0)
    {
      job->message = g_strdup_printf (_("%s: cannot make the folder: %s"), path, g_strerror (errno));
      goto out;
    }
  job->letters = summit_letters_job_new (job->store, job->edition, job->people, &error);
  if (job->letters == NULL)
    {
      job->message = g_strdup (error->message);
      goto out;
    }
  job->path = g_steal_pointer (&path);
  job->one_file = one_file;
  g_object_unref (chooser);
  start_writing (job);
  return;

out:
  g_object_unref (chooser);
  job_finish (job, NULL);
}

/**
 * summit_letters_dialog_run:
 * @person_ids: whom to write to; none: everyone draft or invited in @edition
 *
 * Asks where, writes the letters, and asks whether to mark drafts invited;
 * then calls @done once.
 */
void
summit_letters_dialog_run (GtkWidget         *parent,
                           SummitStore       *store,
                           SummitEdition     *edition,
                           const gint64      *person_ids,
                           guint              n_ids,
                           SummitLettersDone  done,
                           gpointer           user_data)
{
  const char *ids[] = { "folder", "single", NULL };
  const char *labels[] = { _("One PDF a person, in a new folder"), _("One PDF, a letter a page"), NULL };
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  Job *job;

  job = g_new0 (Job, 1);
  job->parent = g_object_ref (parent);
  job->store = g_object_ref (store);
  job->edition = g_object_ref (edition);
  job->drafts = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->done = done;
  job->user_data = user_data;

  if (n_ids == 0)
    job->people = summit_store_list_letter_recipients (store, edition, &error);
  else
    {
      job->people = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_ids && error == NULL; i++)
        {
          SummitPerson *person = summit_store_get_person (store, person_ids[i], &error);
          if (person != NULL)
            g_ptr_array_add (job->people, person);
        }
    }
  if (job->people == NULL || error != NULL || job->people->len == 0)
    {
      if (job->people == NULL)
        job->people = g_ptr_array_new ();
      job->message = error ? g_strdup (error->message)
                           : g_strdup_printf (_("There is nobody to write to: select people, or invite some to %d"),
                                              summit_edition_get_year (edition));
      job_finish (job, NULL);
      return;
    }

  chooser = summit_save_dialog_new (parent, _("Save the Letters"), NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "layout", _("Letters"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "layout", "folder");
  folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                ? documents : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  /* Translators: the suggested name of the letters' folder, with the year */
  name = g_strdup_printf (_("letters-%d"), summit_edition_get_year (edition));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
