/* summit-server-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Open Server Database…": host, port, database, user and password of a
 * PostgreSQL server, or one of the recent servers (its password from the
 * keyring). Connecting happens in a worker thread, with a spinner; if it
 * fails, the dialog stays filled in and says why in place; if it succeeds,
 * the application opens a window on the server, as for --database.
 */
#define G_LOG_DOMAIN "summit-server-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-keyring.h"
#include "summit-server-dialog.h"
#include "summit-store-seed.h"
#include "summit-utils.h"
#include "summit-window.h"

struct _SummitServerDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkButton         *connect_button;
  GtkEntry          *database_entry;
  GtkWidget         *form;
  GtkEntry          *host_entry;
  GtkLabel          *message_label;
  GtkPasswordEntry  *password_entry;
  GtkSpinButton     *port_spin;
  GtkWidget         *recent_box;
  GtkListBox        *recent_list;
  GtkSwitch         *remember_switch;
  GtkSpinner        *spinner;
  GtkEntry          *user_entry;

  /* Borrowed */
  SummitApplication *application;

  /* Owned */
  GCancellable      *cancellable;   /* cancelled when the dialog goes */
};

G_DEFINE_FINAL_TYPE (SummitServerDialog, summit_server_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char     *location;
  gboolean  remember;
  char     *password;
  char     *keyring_problem;   /* set by the worker if the keyring failed */
} ConnectJob;

static void
connect_job_free (ConnectJob *job)
{
  g_free (job->location);
  g_free (job->password);
  g_free (job->keyring_problem);
  g_free (job);
}

static void
show_message (SummitServerDialog *self,
              const char         *message,
              gboolean            is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (SummitServerDialog *self,
          gboolean            busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_sensitive (self->recent_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectJob *job = task_data;
  g_autoptr(GError) keyring_error = NULL;
  GError *error = NULL;
  SummitStore *store;

  /* An empty database gets the schema and the first-run data, as a new file does. */
  store = summit_store_open_and_seed (job->location, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->remember && job->password != NULL &&
      !summit_keyring_store_sync (job->location, job->password, NULL, &keyring_error))
    job->keyring_problem = g_strdup (keyring_error->message);
  /* Not to be remembered: forget an earlier one; without a keyring there is none. */
  else if (!job->remember && !summit_keyring_clear_sync (job->location, NULL, &keyring_error))
    g_debug ("Could not forget the password: %s", keyring_error->message);
  g_task_return_pointer (task, store, g_object_unref);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SummitServerDialog *self = SUMMIT_SERVER_DIALOG (object);
  ConnectJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SummitWindow *window;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the dialog was closed meanwhile */
  set_busy (self, FALSE);
  if (store == NULL)
    {
      /* Everything typed stays; the engine's sentence says what went wrong. */
      show_message (self, error->message, TRUE);
      /* Focused, so that a screen reader reads it out. */
      gtk_widget_grab_focus (GTK_WIDGET (self->message_label));
      gtk_label_select_region (self->message_label, 0, 0);
      return;
    }

  window = summit_application_open_store (self->application, job->location, store, NULL);
  if (job->keyring_problem != NULL)
    {
      /* Translators: %s says why the keyring refused */
      g_autofree char *text = g_strdup_printf (_("The password was not remembered: %s"),
                                               job->keyring_problem);
      AdwToast *toast = summit_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      summit_window_add_toast (window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_clicked_cb (SummitServerDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  const char *database = gtk_editable_get_text (GTK_EDITABLE (self->database_entry));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (database));
  ConnectJob *job;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->connect_button)))
    return;
  if (stripped[0] == '\0')
    {
      show_message (self, _("Enter the name of the database on the server."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->database_entry));
      return;
    }

  gtk_spin_button_update (self->port_spin);   /* a port typed but not yet taken */
  job = g_new0 (ConnectJob, 1);
  job->location =
    summit_store_location_for_server (gtk_editable_get_text (GTK_EDITABLE (self->host_entry)),
                                      gtk_spin_button_get_value_as_int (self->port_spin), database,
                                      gtk_editable_get_text (GTK_EDITABLE (self->user_entry)));
  job->remember = gtk_switch_get_active (self->remember_switch);
  job->password = password[0] != '\0' ? g_strdup (password) : NULL;
  /* In memory for this process, so that the window's worker threads can
   * connect too; never in the location itself. */
  summit_store_set_password (job->location, job->password);

  shown = summit_store_location_display (job->location);
  /* Translators: %s is the server and database */
  text = g_strdup_printf (_("Connecting to %s…"), shown);
  show_message (self, text, FALSE);
  set_busy (self, TRUE);

  task = g_task_new (self, NULL, connect_done_cb, NULL);
  g_task_set_source_tag (task, connect_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify)connect_job_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SummitServerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = summit_keyring_lookup_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    {
      /* Translators: %s says why the keyring could not be asked */
      g_autofree char *text = g_strdup_printf (_("No password from the keyring: %s"),
                                               error->message);
      show_message (self, text, FALSE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password ? password : "");
  gtk_switch_set_active (self->remember_switch, password != NULL);
}

static void
set_entry_part (GtkEntry   *entry,
                GHashTable *parts,
                const char *keyword)
{
  const char *value = g_hash_table_lookup (parts, keyword);

  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
}

static void
fill_from_location (SummitServerDialog *self,
                    const char         *location)
{
  g_autoptr(GHashTable) parts = summit_store_location_parse (location);
  const char *port;

  if (parts == NULL)
    return;
  set_entry_part (self->host_entry, parts, "host");
  set_entry_part (self->database_entry, parts, "dbname");
  set_entry_part (self->user_entry, parts, "user");
  port = g_hash_table_lookup (parts, "port");
  gtk_spin_button_set_value (self->port_spin, port ? g_ascii_strtod (port, NULL) : 5432);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  show_message (self, NULL, FALSE);
  summit_keyring_lookup (location, self->cancellable, lookup_done_cb, g_object_ref (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
recent_activated_cb (SummitServerDialog *self,
                     GtkListBoxRow      *row)
{
  fill_from_location (self, g_object_get_data (G_OBJECT (row), "location"));
}

/* The list's mnemonic (its heading's) goes to its first server, which
 * Enter then chooses, rather than to the list as a whole. */
static gboolean
recent_mnemonic_cb (SummitServerDialog *self,
                    gboolean            group_cycling)
{
  /* Moving the focus in, not grabbing it for the row, makes it the list's
   * cursor row, which Enter activates. */
  return gtk_widget_child_focus (GTK_WIDGET (self->recent_list), GTK_DIR_TAB_FORWARD);
}

static void
fill_recent_servers (SummitServerDialog *self)
{
  GSettings *settings = summit_application_get_settings (self->application);
  g_auto(GStrv) recent = settings ? g_settings_get_strv (settings, "recent-servers") : NULL;

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *shown = summit_store_location_display (recent[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "location", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      gtk_widget_set_visible (self->recent_box, TRUE);
    }
}

static void
summit_server_dialog_dispose (GObject *object)
{
  SummitServerDialog *self = (SummitServerDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_SERVER_DIALOG);

  G_OBJECT_CLASS (summit_server_dialog_parent_class)->dispose (object);
}

static void
summit_server_dialog_finalize (GObject *object)
{
  SummitServerDialog *self = (SummitServerDialog *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (summit_server_dialog_parent_class)->finalize (object);
}

static void
summit_server_dialog_class_init (SummitServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_server_dialog_dispose;
  object_class->finalize = summit_server_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, form);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, host_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, port_spin);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, recent_box);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, recent_list);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SummitServerDialog, user_entry);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_mnemonic_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
summit_server_dialog_init (SummitServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter connects from every field; GTK 4.8's spin button has no "activate"
   * of its own, its text has. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->port_spin)), "activate",
                            G_CALLBACK (connect_clicked_cb), self);
  self->cancellable = g_cancellable_new ();
}

/**
 * summit_server_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): a new dialog, destroyed when it closes
 */
SummitServerDialog *
summit_server_dialog_new (SummitApplication *application,
                          GtkWindow         *parent)
{
  SummitServerDialog *self;

  g_return_val_if_fail (SUMMIT_IS_APPLICATION (application), NULL);

  self = g_object_new (SUMMIT_TYPE_SERVER_DIALOG, "transient-for", parent, NULL);
  self->application = application;
  fill_recent_servers (self);
  return self;
}
