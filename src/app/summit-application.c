/* summit-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per database: `summit-planner --database LOCATION` opens a
 * file or a server database (or presents its window), plain
 * `summit-planner` the default file.
 */
#define G_LOG_DOMAIN "summit-application"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-application.h"
#include "summit-people-model.h"
#include "summit-keyring.h"
#include "summit-server-dialog.h"
#include "summit-window.h"
#include "summit-xml.h"

/* How many servers the connection dialog offers again. */
#define RECENT_SERVERS_MAX 8

struct _SummitApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL where the schema is not installed */
};

G_DEFINE_FINAL_TYPE (SummitApplication, summit_application, ADW_TYPE_APPLICATION)

static SummitWindow *
find_window (SummitApplication *self,
             const char        *location)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SUMMIT_IS_WINDOW (l->data) &&
        g_strcmp0 (summit_window_get_database_path (l->data), location) == 0)
      return l->data;
  return NULL;
}

static void
open_database (SummitApplication *self,
               const char        *location)
{
  g_autoptr(SummitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SummitWindow *window;

  if ((window = find_window (self, location)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (summit_store_location_is_server (location))
    summit_keyring_prepare (location);

  /* The page-by-page integrity check would delay the first frame by a read
   * of the whole file; the window runs it in a thread right after. */
  store = summit_store_open_and_seed_with_flags (location, SUMMIT_STORE_OPEN_DEFER_INTEGRITY_CHECK,
                                                 &error);
  if (store == NULL)
    g_warning ("%s", error->message);

  summit_application_open_store (self, location, store, error);
}

static void
summit_application_activate (GApplication *app)
{
  g_autofree char *path = summit_default_database_path ();

  open_database (SUMMIT_APPLICATION (app), path);
}

static int
summit_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database) &&
      summit_store_location_is_server (database))
    open_database (SUMMIT_APPLICATION (app), database);   /* as it is: no path */
  else if (database != NULL && database[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      g_autofree char *path = g_file_get_path (file);

      open_database (SUMMIT_APPLICATION (app), path);
    }
  else
    summit_application_activate (app);

  return 0;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SummitApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (self));
}

static void
open_server_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SummitApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (summit_server_dialog_new (self, parent)));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SummitApplication *self = user_data;
  static const char *developers[] = { "Summit Planner developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Summit Planner"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Summit Planner developers"),
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Plan an international mayors’ summit: people, invitations, "
                                      "panels across time zones, and statistics you can publish."),
                        "website", "https://github.com/summitplanner/summit-planner",
                        "issue-url", "https://github.com/summitplanner/summit-planner/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
summit_application_startup (GApplication *app)
{
  SummitApplication *self = SUMMIT_APPLICATION (app);
  static const GActionEntry actions[] = {
    { "quit", quit_action_cb },
    { "about", about_action_cb },
    { "open-server", open_server_action_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *open_server_accels[] = { "<Control><Shift>o", NULL };

  /* GTK reads the icon theme in a thread of its own from the moment the
   * display's theme is first asked for; asked for here, before libadwaita's
   * set-up, that thread reads it instead of the main thread when the window
   * is first shown. (The parent's startup calls gtk_init() too, which does
   * nothing twice.) */
  gtk_init ();
  gtk_icon_theme_get_for_display (gdk_display_get_default ());

  G_APPLICATION_CLASS (summit_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-server",
                                         open_server_accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
summit_application_shutdown (GApplication *app)
{
  GList *windows;

  /* Destroying the windows drops the last references to their stores, so
   * each database is closed (and its write-ahead log folded in) cleanly
   * however the application was asked to quit. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  /* a list still being read from a server would be cut off inside libpq */
  summit_people_model_wait_for_jobs (8000);

  G_APPLICATION_CLASS (summit_application_parent_class)->shutdown (app);
}

static void
summit_application_dispose (GObject *object)
{
  SummitApplication *self = (SummitApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (summit_application_parent_class)->dispose (object);
}

static void
summit_application_class_init (SummitApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = summit_application_dispose;
  app_class->activate = summit_application_activate;
  app_class->command_line = summit_application_command_line;
  app_class->shutdown = summit_application_shutdown;
  app_class->startup = summit_application_startup;
}

static void
summit_application_init (SummitApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file, or this server as postgresql://USER@HOST/DATABASE, instead "
         "of the default file"), N_("LOCATION") },
    { NULL }
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self), entries);

  /* Run from the build tree without an installed schema: just don't remember things. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
}

/**
 * summit_application_new:
 *
 * Returns: (transfer full): the application
 */
SummitApplication *
summit_application_new (void)
{
  return g_object_new (SUMMIT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * summit_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL where the
 *   schema is not installed
 */
GSettings *
summit_application_get_settings (SummitApplication *self)
{
  g_return_val_if_fail (SUMMIT_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * summit_application_open_store:
 * @location: a file path or a server location
 * @store: (nullable): the database at @location, opened and seeded, or
 *   %NULL if it could not be opened
 * @open_error: (nullable): why it could not be opened
 *
 * Shows a window on @location: the one already open on it, or a new one on
 * @store. A server opened here is remembered among the recent servers.
 *
 * Returns: (transfer none): the window
 */
SummitWindow *
summit_application_open_store (SummitApplication *self,
                               const char        *location,
                               SummitStore       *store,
                               const GError      *open_error)
{
  SummitWindow *window;

  g_return_val_if_fail (SUMMIT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  if (store != NULL && summit_store_location_is_server (location))
    summit_application_remember_server (self, location);
  if ((window = find_window (self, location)) == NULL)
    window = summit_window_new (self, location, store, open_error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * summit_application_remember_server:
 * @location: a server location
 *
 * Puts @location, without its password, first among the recent servers
 * (at most RECENT_SERVERS_MAX); nothing where GSettings has no schema.
 */
void
summit_application_remember_server (SummitApplication *self,
                                    const char        *location)
{
  g_autofree char *shown = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 1;

  g_return_if_fail (SUMMIT_IS_APPLICATION (self));

  if (self->settings == NULL || !summit_store_location_is_server (location))
    return;
  shown = summit_store_location_display (location);
  recent = g_settings_get_strv (self->settings, "recent-servers");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, shown);
  for (guint i = 0; recent[i] != NULL && n < RECENT_SERVERS_MAX; i++)
    if (!g_str_equal (recent[i], shown))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  g_strfreev (recent);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-servers", (const char * const *)recent);
}
