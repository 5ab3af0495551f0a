/* summit-import-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a file from the window. A CSV file is first read in a worker
 * thread and shown: how many rows, every problem by line, whom rows without
 * a uid match among the people already known (and, where several match, a
 * choice), the first rows; the person then imports all of it or skips the
 * invalid rows. XML is
 * checked while it is imported. The import runs in a worker thread on a
 * connection of its own, with a progress bar and Cancel (which rolls
 * everything back); the result is a toast in the window.
 */
#define G_LOG_DOMAIN "summit-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-csv.h"
#include "summit-import-dialog.h"
#include "summit-people.h"
#include "summit-places.h"
#include "summit-utils.h"
#include "summit-xml.h"

#define PREVIEW_ROWS 50
#define PREVIEW_PROBLEMS 200
#define PREVIEW_CHOICES 200

struct _SummitImportDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *cancel_button;
  GtkButton        *import_button;
  GtkStack         *stack;
  GtkLabel         *summary_label;
  GtkCheckButton   *skip_check;
  GtkWidget        *problems_group;
  GtkListBox       *problems_list;
  GtkWidget        *choices_group;
  GtkListBox       *choices_list;
  GtkListBox       *rows_list;
  GtkWidget        *rows_group;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *error_page;

  /* Borrowed */
  SummitWindow     *window;

  /* Owned */
  GFile            *file;
  char             *database_path;
  SummitCsvPreview *preview;
  GCancellable     *cancellable;
  gboolean          is_csv;
  gboolean          importing;

  /* Written by the worker, read on the main thread. */
  int               progress_permille;
  int               progress_pending;
};

G_DEFINE_FINAL_TYPE (SummitImportDialog, summit_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char             *database_path;
  char             *path;
  gboolean          is_csv;
  gboolean          skip_invalid;
  SummitCsvPreview *preview;         /* borrowed from the dialog, which outlives the task */
} ImportJob;

typedef struct
{
  char *database_path;
  char *path;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static void
import_job_free (ImportJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

/* Auxiliary methods */

static void
update_import_button (SummitImportDialog *self)
{
  gboolean can = !self->importing;

  if (self->is_csv)
    can = can && self->preview != NULL &&
          summit_csv_preview_get_n_rows (self->preview) > 0 &&
          (summit_csv_preview_get_n_invalid (self->preview) == 0 ||
           gtk_check_button_get_active (self->skip_check));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), can);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          gboolean    warning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (warning)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Invalid row"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* "Mariusz Sagan (Lublin)", or with @detailed the position and email too,
 * to tell apart people of the same name. */
static char *
describe_person (SummitImportDialog *self,
                 gint64              id,
                 gboolean            detailed)
{
  SummitStore *store = summit_window_get_store (self->window);
  g_autoptr(SummitPerson) person = store ? summit_store_get_person (store, id, NULL) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;
  const char *parts[4] = { NULL };
  guint n = 0;

  if (person == NULL)
    return g_strdup ("?");
  name = summit_person_dup_display_name (person);
  if (*summit_person_get_city (person))
    parts[n++] = summit_person_get_city (person);
  if (detailed && *summit_person_get_position (person))
    parts[n++] = summit_person_get_position (person);
  if (detailed && *summit_person_get_field (person, SUMMIT_PERSON_EMAIL))
    parts[n++] = summit_person_get_field (person, SUMMIT_PERSON_EMAIL);
  if (n == 0)
    return g_steal_pointer (&name);
  details = g_strjoinv (", ", (char **)parts);
  /* Translators: a person and where they are, "Mariusz Sagan (Lublin)" */
  return g_strdup_printf (_("%s (%s)"), name, details);
}

static void
choice_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    SummitImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "summit-row"));
  guint selected = adw_combo_row_get_selected (row);
  const gint64 *candidates;
  guint n_candidates;

  if (self->preview == NULL || self->importing)
    return;
  summit_csv_preview_get_match (self->preview, index, &candidates, &n_candidates);
  if (selected == 0)
    summit_csv_preview_set_choice (self->preview, index, SUMMIT_CSV_CHOICE_LEAVE);
  else if (selected == 1)
    summit_csv_preview_set_choice (self->preview, index, SUMMIT_CSV_CHOICE_ADD);
  else if (selected - 2 < n_candidates)
    summit_csv_preview_set_choice (self->preview, index, candidates[selected - 2]);
}

/* A row matching several people: the choice of whom it updates. */
static GtkWidget *
make_choice_row (SummitImportDialog *self,
                 guint               index,
                 const char         *title,
                 const char         *subtitle)
{
  g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  const gint64 *candidates;
  guint n_candidates;

  summit_csv_preview_get_match (self->preview, index, &candidates, &n_candidates);
  gtk_string_list_append (options, _("Leave out"));
  gtk_string_list_append (options, _("Add as a new person"));
  for (guint c = 0; c < n_candidates; c++)
    {
      g_autofree char *who = describe_person (self, candidates[c], TRUE);
      /* Translators: a choice for a row of the file, "Update Anna Nowak (Opole, Mayor)" */
      g_autofree char *text = g_strdup_printf (_("Update %s"), who);
      gtk_string_list_append (options, text);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (options));
  g_object_set_data (G_OBJECT (row), "summit-row", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
  return row;
}

/* "2 are new, 3 match people already known, 1 matches several people." */
static char *
describe_matches (SummitCsvPreview *preview)
{
  guint n_new = summit_csv_preview_count_matches (preview, SUMMIT_CSV_MATCH_NEW);
  guint n_one = summit_csv_preview_count_matches (preview, SUMMIT_CSV_MATCH_ONE);
  guint n_several = summit_csv_preview_count_matches (preview, SUMMIT_CSV_MATCH_AMBIGUOUS);
  g_autofree char *one = NULL;
  g_autofree char *several = NULL;

  if (n_one == 0 && n_several == 0)
    return NULL;
  one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u matches a person already known (by name and city, "
                                      "or email) and will update them",
                                      "%u match people already known (by name and city, "
                                      "or email) and will update them", n_one), n_one);
  if (n_several == 0)
    /* Translators: "2 new; 3 match people already known … and will update them." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new; %s.", "%u new; %s.", n_new),
                            n_new, one);
  several = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u matches several people: choose below",
                                          "%u match several people each: choose below",
                                          n_several), n_several);
  /* Translators: "2 new; 3 match … and will update them; 1 matches several people: choose below." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new; %s; %s.", "%u new; %s; %s.",
                                       n_new), n_new, one, several);
}

/* What the file holds, in a sentence or two above the lists. */
static char *
preview_summary (SummitCsvPreview *preview)
{
  guint n_rows = summit_csv_preview_get_n_rows (preview);
  guint n_invalid = summit_csv_preview_get_n_invalid (preview);
  g_autofree char *summary = NULL;
  g_autofree char *matches = NULL;

  if (n_rows == 0)
    summary = g_strdup (_("The file has a header but no rows of people."));
  else if (n_invalid == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u person to import; no problems found.",
                                            "%u people to import; no problems found.", n_rows),
                               n_rows);
  else
    /* Translators: "12 rows, 1 with problems: …" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u rows, %u with problems. Fix the file and import "
                                            "it again, or skip the invalid rows.",
                                            "%u rows, %u with problems. Fix the file and import "
                                            "it again, or skip the invalid rows.", n_invalid),
                               n_rows, n_invalid);
  matches = describe_matches (preview);
  if (matches != NULL)
    return g_strconcat (summary, "\n", matches, NULL);
  return g_steal_pointer (&summary);
}

/* The first problems, one row a line of the file, and how many more. */
static void
show_problems (SummitImportDialog *self,
               GPtrArray          *problems)
{
  for (guint i = 0; i < MIN (problems->len, PREVIEW_PROBLEMS); i++)
    {
      const SummitCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), problem->line);
      const char *text = strchr (problem->message, ' ');

      gtk_list_box_append (self->problems_list,
                           make_row (title, text ? text + 1 : problem->message,
                                     problem->row != G_MAXUINT));
    }
  if (problems->len > PREVIEW_PROBLEMS)
    {
      guint n_more = problems->len - PREVIEW_PROBLEMS;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                            "and %u more problems", n_more), n_more);
      gtk_list_box_append (self->problems_list, make_row (more, NULL, FALSE));
    }
}

/* "Line 4 · Mayor, Gdynia, Poland": where row @i of the file is and who it is. */
static char *
describe_row_place (SummitCsvPreview *preview,
                    guint             i)
{
  SummitPerson *person = summit_csv_preview_get_person (preview, i);
  const char *country_name = summit_places_country_name (summit_person_get_country (person), NULL);
  const char *parts[4] = { NULL };
  g_autofree char *details = NULL;
  guint n = 0;

  if (*summit_person_get_position (person))
    parts[n++] = summit_person_get_position (person);
  if (*summit_person_get_city (person))
    parts[n++] = summit_person_get_city (person);
  if (*summit_person_get_country (person))
    parts[n++] = country_name ? country_name : summit_person_get_country (person);
  details = g_strjoinv (", ", (char **)parts);
  /* Translators: "Line 4 · Mayor, Gdynia, Poland" */
  return g_strdup_printf (_("Line %u · %s"), summit_csv_preview_row_line (preview, i), details);
}

/* The first rows of the file, and the rows that match several people with
 * a choice for each. */
static void
show_rows (SummitImportDialog *self)
{
  SummitCsvPreview *preview = self->preview;
  guint n_rows = summit_csv_preview_get_n_rows (preview);

  for (guint i = 0, n_choices = 0; i < n_rows; i++)
    {
      SummitPerson *person = summit_csv_preview_get_person (preview, i);
      SummitCsvMatch match = summit_csv_preview_get_match (preview, i, NULL, NULL);
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (i >= PREVIEW_ROWS && (match != SUMMIT_CSV_MATCH_AMBIGUOUS || n_choices >= PREVIEW_CHOICES))
        continue;
      name = summit_person_dup_display_name (person);
      where = describe_row_place (preview, i);
      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = g_strdup (_("(no name)"));
        }
      if (match == SUMMIT_CSV_MATCH_AMBIGUOUS && n_choices < PREVIEW_CHOICES)
        {
          gtk_list_box_append (self->choices_list, make_choice_row (self, i, name, where));
          gtk_widget_set_visible (self->choices_group, TRUE);
          n_choices++;
        }
      if (i >= PREVIEW_ROWS)
        continue;
      row = make_row (name, where, !summit_csv_preview_row_is_valid (preview, i));
      if (match == SUMMIT_CSV_MATCH_ONE)
        {
          g_autofree char *who =
            describe_person (self, summit_csv_preview_get_choice (preview, i), FALSE);
          /* Translators: said of a row of the file, "matches Mariusz Sagan (Lublin)" */
          g_autofree char *text = g_strdup_printf (_("matches %s"), who);
          GtkWidget *label = gtk_label_new (text);

          /* Whole, on one line: the row's subtitle wraps instead. */
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      else if (match == SUMMIT_CSV_MATCH_AMBIGUOUS)
        {
          GtkWidget *label = gtk_label_new (_("matches several people"));

          gtk_widget_add_css_class (label, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (self->rows_list, row);
    }
}

static void
show_preview (SummitImportDialog *self)
{
  GPtrArray *problems = summit_csv_preview_get_problems (self->preview);
  g_autofree char *summary = preview_summary (self->preview);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_check),
                          summit_csv_preview_get_n_invalid (self->preview) > 0);
  gtk_widget_set_visible (self->problems_group, problems->len > 0);
  show_problems (self, problems);
  show_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_import_button (self);
}

static void
show_error (SummitImportDialog *self,
            const char         *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/* Threads */

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  g_autoptr(SummitCsvPreview) preview = NULL;
  g_autoptr(SummitStore) store = NULL;

  preview = summit_csv_preview_file (job->path, cancellable, &error);
  /* Whom the rows without a uid are, on a connection of its own. */
  if (preview != NULL &&
      ((store = summit_store_open (job->database_path, &error)) == NULL ||
       !summit_csv_preview_match (preview, store, cancellable, &error)))
    g_clear_pointer (&preview, summit_csv_preview_free);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&preview),
                           (GDestroyNotify)summit_csv_preview_free);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SummitImportDialog *self = SUMMIT_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;

  self->preview = g_task_propagate_pointer (G_TASK (result), &error);
  /* Closed meanwhile: nothing to show. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->preview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  show_preview (self);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  SummitImportDialog *self = user_data;

  g_atomic_int_set (&self->progress_pending, 0);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: hands the figure to the main thread, at most one
 * update waiting at a time. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SummitImportDialog *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int)(fraction * 1000));
  if (g_atomic_int_compare_and_exchange (&self->progress_pending, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_idle_cb, g_object_ref (self),
                     g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(SummitStore) store = NULL;
  SummitImportReport *report = g_new0 (SummitImportReport, 1);
  GError *error = NULL;
  gboolean ok;

  /* A connection of its own: the window's stays on the main thread. */
  store = summit_store_open (job->database_path, &error);
  if (store == NULL)
    ok = FALSE;
  else if (job->is_csv)
    ok = summit_csv_import_preview (store, job->preview, job->skip_invalid, progress_cb,
                                    source_object, report, cancellable, &error);
  else
    ok = summit_xml_import_file_full (store, job->path, progress_cb, source_object, report,
                                      cancellable, &error);
  if (!ok)
    {
      g_free (report);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, report, g_free);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SummitImportDialog *self = SUMMIT_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree SummitImportReport *report = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *text = NULL;

  self->importing = FALSE;
  report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      if (g_error_matches (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED) ||
          g_error_matches (error, SUMMIT_CSV_ERROR, SUMMIT_CSV_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          summit_window_add_toast (self->window,
                                   summit_toast_new (_("Import cancelled; nothing was changed")));
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      show_error (self, error->message);
      return;
    }

  {
    g_autofree char *counts = summit_import_report_to_string (report);
    g_autofree char *matches = summit_csv_report_matches_to_string (report);

    if (matches != NULL)
      /* Translators: "Imported people.csv: 3 added, 0 updated, 1 unchanged; 2 matched people already known" */
      text = g_strdup_printf (_("Imported %s: %s; %s"), basename, counts, matches);
    else
      /* Translators: "Imported people.csv: 3 added, 0 updated, 1 unchanged" */
      text = g_strdup_printf (_("Imported %s: %s"), basename, counts);
  }
  summit_window_reload (self->window);
  summit_window_add_toast (self->window, summit_toast_new (text));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Callbacks */

static void
cancel_clicked_cb (SummitImportDialog *self)
{
  if (self->importing)
    {
      /* The worker notices, rolls back and reports; then the dialog closes. */
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (SummitImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->importing)
    return;

  job = g_new0 (ImportJob, 1);
  job->database_path = g_strdup (self->database_path);
  job->path = g_file_get_path (self->file);
  job->is_csv = self->is_csv;
  job->skip_invalid = gtk_check_button_get_active (self->skip_check);
  job->preview = self->preview;

  self->importing = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  update_import_button (self);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
skip_toggled_cb (SummitImportDialog *self)
{
  update_import_button (self);
}

static gboolean
summit_import_dialog_close_request (GtkWindow *window)
{
  SummitImportDialog *self = SUMMIT_IMPORT_DIALOG (window);

  /* Closing while importing means cancelling; the dialog goes once the
   * worker has rolled back. */
  if (self->importing)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (summit_import_dialog_parent_class)->close_request (window);
}

static void
summit_import_dialog_dispose (GObject *object)
{
  SummitImportDialog *self = (SummitImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (summit_import_dialog_parent_class)->dispose (object);
}

static void
summit_import_dialog_finalize (GObject *object)
{
  SummitImportDialog *self = (SummitImportDialog *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->preview, summit_csv_preview_free);

  G_OBJECT_CLASS (summit_import_dialog_parent_class)->finalize (object);
}

static void
summit_import_dialog_class_init (SummitImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = summit_import_dialog_dispose;
  object_class->finalize = summit_import_dialog_finalize;
  window_class->close_request = summit_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, choices_list);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, rows_list);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SummitImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
summit_import_dialog_init (SummitImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * summit_import_dialog_new:
 * @window: the window whose database receives the file
 * @file: a .csv (people) or .xml (Summit Planner) file
 *
 * Returns: (transfer none): a new dialog, transient for @window and
 *   destroyed when done; present it
 */
SummitImportDialog *
summit_import_dialog_new (SummitWindow *window,
                          GFile        *file)
{
  SummitImportDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *down = NULL;

  g_return_val_if_fail (SUMMIT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SUMMIT_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->file = g_object_ref (file);
  self->database_path = g_strdup (summit_window_get_database_path (window));

  basename = g_file_get_basename (file);
  down = g_ascii_strdown (basename, -1);
  self->is_csv = g_str_has_suffix (down, ".csv");
  adw_window_title_set_subtitle (self->window_title, basename);

  if (self->is_csv)
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, preview_done_cb, NULL);
      PreviewJob *job = g_new0 (PreviewJob, 1);

      job->database_path = g_strdup (self->database_path);
      job->path = g_file_get_path (file);
      g_task_set_source_tag (task, summit_import_dialog_new);
      g_task_set_task_data (task, job, (GDestroyNotify)preview_job_free);
      g_task_run_in_thread (task, preview_thread);
    }
  else
    {
      g_autofree char *text =
        g_strdup_printf (_("Everything in “%s” — people, editions, invitations, sessions and "
                           "figures — is merged into this database. It is checked as it is read; "
                           "if anything is wrong, nothing is changed."), basename);

      gtk_label_set_text (self->summary_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->skip_check), FALSE);
      gtk_widget_set_visible (self->problems_group, FALSE);
      gtk_widget_set_visible (self->rows_group, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "preview");
      update_import_button (self);
    }

  return self;
}
