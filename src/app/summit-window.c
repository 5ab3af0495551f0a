/* summit-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: People, Panels and Statistics in an AdwViewStack, for one
 * database file. If the file could not be opened, it says why instead.
 */
#define G_LOG_DOMAIN "summit-window"

#include "config.h"

#include <glib/gi18n.h>
#if HAVE_CALLGRIND_H
#include <valgrind/callgrind.h>
#endif

#include "summit-csv.h"
#include "summit-edition-selector.h"
#include "summit-import-dialog.h"
#include "summit-live.h"
#include "summit-panels-page.h"
#include "summit-people-page.h"
#include "summit-rights.h"
#include "summit-statistics-page.h"
#include "summit-utils.h"
#include "summit-window.h"
#include "summit-xml.h"

struct _SummitWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwHeaderBar         *header_bar;
  GtkStack             *main_stack;
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  SummitEditionSelector *edition_selector;
  SummitPeoplePage     *people_page;
  AdwBin               *panels_bin;
  AdwBin               *statistics_bin;
  SummitPanelsPage     *panels_page;       /* made when first shown */
  SummitStatisticsPage *statistics_page;   /* made when first shown */

  /* Owned */
  SummitStore          *store;
  gboolean              check_integrity;
  char                 *database_path;
  GtkFileChooserNative *file_chooser;
  GtkWidget            *offline_bar;   /* made when the server is first lost */
};

G_DEFINE_FINAL_TYPE (SummitWindow, summit_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SummitWindow *self = SUMMIT_WINDOW (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->stack)))
    adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

/* Import and export */

static void
import_response_cb (SummitWindow         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    gtk_window_present (GTK_WINDOW (summit_import_dialog_new (self, file)));
  g_clear_object (&self->file_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SummitWindow *self = SUMMIT_WINDOW (widget);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->store == NULL || self->file_chooser != NULL)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Import People or Data"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (all, _("People (CSV) or Summit Planner data (XML)"));
  gtk_file_filter_add_pattern (all, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (all, "*.[xX][mM][lL]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), all);
  add_filter (GTK_FILE_CHOOSER (self->file_chooser), _("People (CSV)"), "*.[cC][sS][vV]",
              "text/csv");
  add_filter (GTK_FILE_CHOOSER (self->file_chooser), _("Summit Planner data (XML)"),
              "*.[xX][mM][lL]", NULL);
  g_signal_connect_swapped (self->file_chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

typedef struct
{
  char *database_path;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SummitStore) store = NULL;
  g_autofree char *down = g_ascii_strdown (job->path, -1);
  GError *error = NULL;
  gboolean ok;

  /* A connection of its own, reading a consistent snapshot. */
  store = summit_store_open (job->database_path, &error);
  if (store == NULL)
    ok = FALSE;
  else if (g_str_has_suffix (down, ".csv"))
    ok = summit_csv_export_file (store, job->path, cancellable, &error);
  else
    ok = summit_xml_export_file (store, job->path, NULL, NULL, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SummitWindow *self = SUMMIT_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *basename = g_path_get_basename (job->path);
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Exported to %s"), basename);
    }
  else
    /* Translators: %s says why */
    text = g_strdup_printf (_("Could not export: %s"), error->message);
  summit_window_add_toast (self, summit_toast_new (text));
}

static void
export_response_cb (SummitWindow         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, export_done_cb, NULL);
      ExportJob *job = g_new0 (ExportJob, 1);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *down = g_ascii_strdown (path, -1);

      job->database_path = g_strdup (self->database_path);
      /* Without an extension, the format of the chosen filter. */
      if (!g_str_has_suffix (down, ".xml") && !g_str_has_suffix (down, ".csv"))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          gboolean csv = filter != NULL &&
                         g_strcmp0 (g_object_get_data (G_OBJECT (filter), "extension"), ".csv") == 0;
          job->path = g_strconcat (path, csv ? ".csv" : ".xml", NULL);
        }
      else
        job->path = g_steal_pointer (&path);

      g_task_set_source_tag (task, export_response_cb);
      g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
      g_task_run_in_thread (task, export_thread);
    }
  g_clear_object (&self->file_chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SummitWindow *self = SUMMIT_WINDOW (widget);
  GListModel *filters;

  if (self->store == NULL || self->file_chooser != NULL)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (self->file_chooser), _("Everything (Summit Planner XML)"),
              "*.[xX][mM][lL]", NULL);
  add_filter (GTK_FILE_CHOOSER (self->file_chooser), _("People (CSV)"), "*.[cC][sS][vV]",
              "text/csv");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (self->file_chooser));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GObject) filter = g_list_model_get_item (filters, i);
      g_object_set_data (filter, "extension", (gpointer)(i == 0 ? ".xml" : ".csv"));
    }
  g_object_unref (filters);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), "summit.xml");
  g_signal_connect_swapped (self->file_chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, user_data);
  /* When, on the clock every process shares: the benchmark's measure. */
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
#if HAVE_CALLGRIND_H
  /* Under callgrind, what it took to get here (tests/bench/first-frame-instructions). */
  CALLGRIND_DUMP_STATS_AT ("first-frame");
#endif
  g_application_quit (app);
}

static void
edition_changed_cb (SummitWindow *self)
{
  SummitEdition *edition = summit_edition_selector_get_edition (self->edition_selector);

  summit_people_page_set_edition (self->people_page, edition);
  if (self->panels_page != NULL)
    summit_panels_page_set_year (self->panels_page, edition ? summit_edition_get_year (edition) : 0);
  if (self->statistics_page != NULL)
    summit_statistics_page_set_year (self->statistics_page,
                                     edition ? summit_edition_get_year (edition) : 0);
}

/* Live updates */

/* For benchmarks (tests/bench/bench-live.py): when a change made elsewhere
 * is painted, on the clock every process shares. */
static void
live_painted_cb (GdkFrameClock *clock,
                 SummitWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, live_painted_cb, self);
  g_print ("live-painted-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
live_shown_cb (SummitPeopleModel *model,
               SummitWindow      *self)
{
  g_signal_handlers_disconnect_by_func (model, live_shown_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (live_painted_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->people_page));
}

/* Another window, program or person committed a change: each part of the
 * window shows what concerns it, in place. */
static void
store_changed_cb (SummitWindow *self,
                  const char   *table,
                  GArray       *ids,
                  SummitStore  *store)
{
  static const char * const editions[] = { "edition", NULL };
  static const char * const programme[] = {
    "panel", "panel_member", "person", "invitation", "edition", NULL
  };
  static const char * const figures[] = {
    "year_statistic", "invitation", "person", "edition", NULL
  };

  if (g_getenv ("SUMMIT_PLANNER_REPORT_LIVE") != NULL)
    g_signal_connect_object (summit_people_page_get_model (self->people_page), "ready",
                             G_CALLBACK (live_shown_cb), self, 0);
  if (summit_live_concerns (table, ids, editions, 0))
    summit_edition_selector_refresh (self->edition_selector);
  summit_people_page_refresh (self->people_page, table, ids);
  if (self->panels_page != NULL && summit_live_concerns (table, ids, programme, 0))
    summit_panels_page_refresh (self->panels_page);
  if (self->statistics_page != NULL && summit_live_concerns (table, ids, figures, 0))
    summit_statistics_page_refresh (self->statistics_page);
}

/* The server lost (or back): said in place, above the pages, which stay as
 * they are; the store announces everything changed once it is back. */
static void
online_changed_cb (SummitWindow *self,
                   GParamSpec   *pspec,
                   SummitStore  *store)
{
  gboolean online = summit_store_is_online (store);

  if (online)
    {
      if (self->offline_bar != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->offline_bar)), self->offline_bar);
      self->offline_bar = NULL;
      return;
    }
  if (self->offline_bar == NULL)
    {
      GtkWidget *label = gtk_label_new (_("The server cannot be reached. Retrying…; nothing you "
                                          "typed is lost."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      self->offline_bar = gtk_info_bar_new ();
      gtk_info_bar_set_message_type (GTK_INFO_BAR (self->offline_bar), GTK_MESSAGE_WARNING);
      gtk_info_bar_add_child (GTK_INFO_BAR (self->offline_bar), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->offline_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Server connection"), -1);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->toast_overlay))),
                                  self->offline_bar, GTK_WIDGET (self->header_bar));
    }
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->offline_bar), TRUE);
}

/* Follows @store's changes made elsewhere and its server's state. */
static void
watch_store (SummitWindow *self,
             SummitStore  *store)
{
  summit_store_watch (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::online", G_CALLBACK (online_changed_cb), self,
                           G_CONNECT_SWAPPED);
  online_changed_cb (self, NULL, store);
}

/* Says the database cannot be used, and why (@message), instead of the
 * pages. The page is built if it is ever needed. */
static void
show_error_page (SummitWindow *self,
                 const char   *message)
{
  AdwStatusPage *page = summit_stack_show_status_page (self->main_stack, "error",
                                                       "dialog-error-symbolic",
                                                       _("Could Not Open the Database"));

  adw_status_page_set_description (page, message);
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;

  if (summit_store_check_integrity (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_integrity_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  SummitWindow *self = SUMMIT_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;

  /* A damaged file: say so, and let nothing more be read from or written to it. */
  g_warning ("%s", error->message);
  show_error_page (self, error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->edition_selector), FALSE);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
}

/* The Panels and Statistics pages read the whole programme and every
 * invitation: they are made, and get the store, when first shown. */
static void
give_store_to_visible_page (SummitWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (page == GTK_WIDGET (self->panels_bin) && self->panels_page == NULL)
    {
      SummitEdition *edition = summit_edition_selector_get_edition (self->edition_selector);

      self->panels_page = g_object_new (SUMMIT_TYPE_PANELS_PAGE, NULL);
      adw_bin_set_child (self->panels_bin, GTK_WIDGET (self->panels_page));
      summit_panels_page_set_year (self->panels_page, edition ? summit_edition_get_year (edition) : 0);
    }
  else if (page == GTK_WIDGET (self->statistics_bin) && self->statistics_page == NULL)
    {
      SummitEdition *edition = summit_edition_selector_get_edition (self->edition_selector);

      self->statistics_page = g_object_new (SUMMIT_TYPE_STATISTICS_PAGE, NULL);
      adw_bin_set_child (self->statistics_bin, GTK_WIDGET (self->statistics_page));
      summit_statistics_page_set_year (self->statistics_page,
                                       edition ? summit_edition_get_year (edition) : 0);
    }

  if (self->store == NULL)
    return;
  if (page == GTK_WIDGET (self->panels_bin))
    summit_panels_page_set_store (self->panels_page, self->store);
  else if (page == GTK_WIDGET (self->statistics_bin))
    summit_statistics_page_set_store (self->statistics_page, self->store);
}

/* The shortcuts window is built when first asked for, not with every window
 * as GtkApplication's gtk/help-overlay.ui would be. Given to the window, it
 * shows the application's accelerators. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/summit-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static GSettings *
get_settings (SummitWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? summit_application_get_settings (SUMMIT_APPLICATION (app)) : NULL;
}

static gboolean
summit_window_close_request (GtkWindow *window)
{
  SummitWindow *self = SUMMIT_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (summit_window_parent_class)->close_request (window);
}

/* The page-by-page check of the whole file competes for the CPU and the
 * disk with the first frame: it starts after. */
static void
check_integrity_after_paint_cb (GdkFrameClock *clock,
                                SummitWindow  *self)
{
  g_autoptr(GTask) task = NULL;

  g_signal_handlers_disconnect_by_func (clock, check_integrity_after_paint_cb, self);
  if (!self->check_integrity)
    return;
  self->check_integrity = FALSE;
  task = g_task_new (self, NULL, check_integrity_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

static void
summit_window_realize (GtkWidget *widget)
{
  SummitWindow *self = SUMMIT_WINDOW (widget);

  GTK_WIDGET_CLASS (summit_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (check_integrity_after_paint_cb), self, 0);

  /* For benchmarks: quit as soon as the first frame, data included, is painted. */
  if (g_getenv ("SUMMIT_PLANNER_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (after_first_paint_cb),
                      gtk_window_get_application (GTK_WINDOW (self)));
}

static void
summit_window_dispose (GObject *object)
{
  SummitWindow *self = (SummitWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_WINDOW);
  g_clear_object (&self->store);
  summit_file_dialog_clear (&self->file_chooser, self);

  G_OBJECT_CLASS (summit_window_parent_class)->dispose (object);
}

static void
summit_window_finalize (GObject *object)
{
  SummitWindow *self = (SummitWindow *)object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (summit_window_parent_class)->finalize (object);
}

static void
summit_window_class_init (SummitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = summit_window_dispose;
  object_class->finalize = summit_window_finalize;
  widget_class->realize = summit_window_realize;
  window_class->close_request = summit_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/summit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, edition_selector);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, panels_bin);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, statistics_bin);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "panels");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "statistics");

  g_type_ensure (SUMMIT_TYPE_EDITION_SELECTOR);
  g_type_ensure (SUMMIT_TYPE_PEOPLE_PAGE);
}

static void
summit_window_init (SummitWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  summit_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
}

/**
 * summit_window_new:
 * @store: (nullable): the opened database, or %NULL if it could not be opened
 * @open_error: (nullable): why it could not be opened
 *
 * Returns: (transfer none): a new window owned by @application
 */
SummitWindow *
summit_window_new (SummitApplication *application,
                   const char        *database_path,
                   SummitStore       *store,
                   const GError      *open_error)
{
  SummitWindow *self;
  GSettings *settings;

  g_return_val_if_fail (SUMMIT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SUMMIT_IS_STORE (store), NULL);

  self = g_object_new (SUMMIT_TYPE_WINDOW, "application", application, NULL);
  self->database_path = g_strdup (database_path);
  if (summit_store_location_is_server (database_path))
    {
      g_autofree char *shown = summit_store_location_display (database_path);
      /* Translators: the title of a window on a server database; %s is the
       * server and database (never the password) */
      g_autofree char *title = g_strdup_printf (_("%s — Summit Planner"), shown);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 summit_rights_allow (store, SUMMIT_STORE_RIGHT_PEOPLE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", store != NULL);

  settings = summit_application_get_settings (application);
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (store == NULL)
    {
      show_error_page (self, open_error ? open_error->message : NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->edition_selector), FALSE);
      return self;
    }

  self->store = g_object_ref (store);
  watch_store (self, store);

  if (summit_store_is_read_only (store))
    {
      g_autofree char *basename = summit_store_location_is_server (database_path)
                                  ? summit_store_location_display (database_path)
                                  : g_path_get_basename (database_path);
      /* Translators: in the header bar, %s is the database file's name */
      g_autofree char *text = g_strdup_printf (_("%s (read-only)"), basename);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      adw_header_bar_pack_end (self->header_bar, label);
      summit_window_add_toast (self,
                               summit_toast_new (_("This file is read-only: changes cannot be saved")));
    }

  /* The edition chosen in the header bar is the one the People and Panels pages show. */
  g_signal_connect_object (self->edition_selector, "notify::edition",
                           G_CALLBACK (edition_changed_cb), self, G_CONNECT_SWAPPED);
  summit_edition_selector_set_store (self->edition_selector, store);
  summit_people_page_set_store (self->people_page, store);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (give_store_to_visible_page), self, G_CONNECT_SWAPPED);
  give_store_to_visible_page (self);

  /* Checked once the window is painted: see summit_window_realize(). */
  self->check_integrity = TRUE;

  return self;
}

const char *
summit_window_get_database_path (SummitWindow *self)
{
  g_return_val_if_fail (SUMMIT_IS_WINDOW (self), NULL);
  return self->database_path;
}

/**
 * summit_window_get_store:
 *
 * Returns: (transfer none) (nullable): the window's database
 */
SummitStore *
summit_window_get_store (SummitWindow *self)
{
  g_return_val_if_fail (SUMMIT_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * summit_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
summit_window_add_toast (SummitWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (SUMMIT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * summit_window_reload:
 *
 * Shows the database afresh after something else — an import on its own
 * connection — changed it: the pages get a new connection and reload.
 */
void
summit_window_reload (SummitWindow *self)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SUMMIT_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  store = summit_store_open (self->database_path, &error);
  if (store == NULL)
    {
      g_autofree char *shown = summit_store_location_display (self->database_path);

      g_warning ("Could not reopen %s: %s", shown, error->message);
      return;
    }
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  watch_store (self, store);
  summit_edition_selector_set_store (self->edition_selector, store);
  summit_people_page_set_store (self->people_page, store);
  /* A page that has been shown reloads now; the others when they are shown. */
  if (self->panels_page != NULL && summit_panels_page_get_store (self->panels_page) != NULL)
    summit_panels_page_set_store (self->panels_page, store);
  if (self->statistics_page != NULL &&
      summit_statistics_page_get_store (self->statistics_page) != NULL)
    summit_statistics_page_set_store (self->statistics_page, store);
  give_store_to_visible_page (self);
}
