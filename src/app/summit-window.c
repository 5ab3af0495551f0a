/* summit-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: People, Panels and Statistics in an AdwViewStack, for one
 * database file. If the file could not be opened, it says why instead.
 */
#define G_LOG_DOMAIN "summit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-edition-selector.h"
#include "summit-panels-page.h"
#include "summit-people-page.h"
#include "summit-statistics-page.h"
#include "summit-window.h"

struct _SummitWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *error_page;
  SummitEditionSelector *edition_selector;
  SummitPeoplePage     *people_page;
  SummitPanelsPage     *panels_page;
  SummitStatisticsPage *statistics_page;

  /* Owned */
  SummitStore          *store;
  char                 *database_path;
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

static void
after_first_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, user_data);
  g_application_quit (app);
}

static void
edition_changed_cb (SummitWindow *self)
{
  SummitEdition *edition = summit_edition_selector_get_edition (self->edition_selector);

  summit_people_page_set_edition (self->people_page, edition);
  summit_panels_page_set_year (self->panels_page, edition ? summit_edition_get_year (edition) : 0);
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

static void
summit_window_realize (GtkWidget *widget)
{
  SummitWindow *self = SUMMIT_WINDOW (widget);

  GTK_WIDGET_CLASS (summit_window_parent_class)->realize (widget);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_WINDOW);
  g_clear_object (&self->store);

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
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, panels_page);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, statistics_page);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SummitWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "panels");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "statistics");

  g_type_ensure (SUMMIT_TYPE_EDITION_SELECTOR);
  g_type_ensure (SUMMIT_TYPE_PANELS_PAGE);
  g_type_ensure (SUMMIT_TYPE_PEOPLE_PAGE);
  g_type_ensure (SUMMIT_TYPE_STATISTICS_PAGE);
}

static void
summit_window_init (SummitWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  g_autofree char *basename = g_path_get_basename (database_path);

  g_return_val_if_fail (SUMMIT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SUMMIT_IS_STORE (store), NULL);

  self = g_object_new (SUMMIT_TYPE_WINDOW, "application", application, NULL);
  self->database_path = g_strdup (database_path);

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
      adw_status_page_set_description (self->error_page,
                                       open_error ? open_error->message : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->edition_selector), FALSE);
      return self;
    }

  self->store = g_object_ref (store);

  if (summit_store_is_read_only (store))
    {
      /* Translators: the window's subtitle, %s is the database file's name */
      g_autofree char *subtitle = g_strdup_printf (_("%s (read-only)"), basename);
      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      summit_window_add_toast (self,
                               adw_toast_new (_("This file is read-only: changes cannot be saved")));
    }
  else
    adw_view_switcher_title_set_subtitle (self->switcher_title, basename);

  /* The edition chosen in the header bar is the one the People and Panels pages show. */
  g_signal_connect_object (self->edition_selector, "notify::edition",
                           G_CALLBACK (edition_changed_cb), self, G_CONNECT_SWAPPED);
  summit_edition_selector_set_store (self->edition_selector, store);
  summit_people_page_set_store (self->people_page, store);
  summit_panels_page_set_store (self->panels_page, store);
  summit_statistics_page_set_store (self->statistics_page, store);

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
