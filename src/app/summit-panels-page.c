/* summit-panels-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Panels page: the current edition's programme as an agenda grouped by
 * day, each session's time in the edition's zone and in a second zone.
 */
#define G_LOG_DOMAIN "summit-panels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-panels-page.h"
#include "summit-programme.h"
#include "summit-time.h"

#define DEFAULT_SECOND_ZONE "Europe/Warsaw"

struct _SummitPanelsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwPreferencesPage *agenda;
  AdwStatusPage      *error_page;

  /* Owned */
  SummitStore        *store;
  GPtrArray          *groups;   /* AdwPreferencesGroup, borrowed from agenda */
};

G_DEFINE_FINAL_TYPE (SummitPanelsPage, summit_panels_page, GTK_TYPE_WIDGET)

static char *
describe_lineup (SummitPanel *panel)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a lineup member, "Mariusz Sagan (Panelist)" */
      g_string_append_printf (text, _("%s (%s)"), member->display_name,
                              summit_role_to_label (member->role));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_session_row (SummitPanel   *panel,
                    SummitEdition *edition,
                    const char    *second_zone)
{
  g_autofree char *lineup = describe_lineup (panel);
  g_autofree char *subtitle = NULL;
  g_autofree char *time_text = NULL;
  const char *edition_zone = summit_edition_get_timezone (edition);
  GtkWidget *row;
  GtkWidget *time_label;
  gint64 start;

  if (summit_panel_get_start (panel, &start))
    {
      g_autofree char *host = summit_time_format_in_zone (start, edition_zone);
      g_autofree char *other = summit_time_format_in_zone (start, second_zone);

      time_text = g_strdup_printf ("%s\n%s", host, other);
    }
  else
    time_text = g_strdup (_("Time to be announced"));

  if (*lineup)
    subtitle = g_strdup_printf ("%s · %s", summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                lineup);
  else
    subtitle = g_strdup (summit_panel_kind_to_label (summit_panel_get_kind (panel)));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summit_panel_get_title (panel));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  time_label = gtk_label_new (time_text);
  gtk_label_set_xalign (GTK_LABEL (time_label), 1.0);
  gtk_label_set_justify (GTK_LABEL (time_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "time-secondary");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  return row;
}

static char *
day_of (SummitPanel   *panel,
        SummitEdition *edition,
        gboolean       for_display)
{
  gint64 start;

  if (summit_panel_get_start (panel, &start))
    {
      if (for_display)
        return summit_time_format_day (start, summit_edition_get_timezone (edition));
      return summit_time_format_iso_day (start, summit_edition_get_timezone (edition));
    }

  if (summit_panel_get_day (panel) != NULL)
    {
      if (for_display)
        {
          g_autoptr(GDateTime) noon = NULL;
          g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", summit_panel_get_day (panel));

          noon = g_date_time_new_from_iso8601 (iso, NULL);
          if (noon != NULL)
            return summit_time_format_day (g_date_time_to_unix (noon), "UTC");
        }
      return g_strdup (summit_panel_get_day (panel));
    }

  return for_display ? g_strdup (_("Date to be announced")) : g_strdup ("");
}

static void
summit_panels_page_reload (SummitPanelsPage *self)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current_day = NULL;
  SummitEdition *edition;
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->agenda, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  editions = summit_store_list_editions (self->store, &error);
  if (editions == NULL)
    goto failed;
  if (editions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  edition = g_ptr_array_index (editions, 0);
  panels = summit_store_list_panels (self->store, summit_edition_get_id (edition), &error);
  if (panels == NULL)
    goto failed;

  adw_preferences_page_set_title (self->agenda, summit_edition_get_theme (edition));

  for (guint i = 0; i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *day = day_of (panel, edition, FALSE);

      if (group == NULL || g_strcmp0 (day, current_day) != 0)
        {
          g_autofree char *title = day_of (panel, edition, TRUE);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          adw_preferences_page_add (self->agenda, group);
          g_ptr_array_add (self->groups, group);
          g_free (current_day);
          current_day = g_steal_pointer (&day);
        }
      adw_preferences_group_add (group, create_session_row (panel, edition, DEFAULT_SECOND_ZONE));
    }

  gtk_stack_set_visible_child_name (self->stack, panels->len > 0 ? "agenda" : "empty");
  return;

failed:
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
summit_panels_page_dispose (GObject *object)
{
  SummitPanelsPage *self = (SummitPanelsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PANELS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (summit_panels_page_parent_class)->dispose (object);
}

static void
summit_panels_page_class_init (SummitPanelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_panels_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-panels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, agenda);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
summit_panels_page_init (SummitPanelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

/**
 * summit_panels_page_set_store:
 *
 * Shows the programme of the newest edition in @store.
 */
void
summit_panels_page_set_store (SummitPanelsPage *self,
                              SummitStore      *store)
{
  g_return_if_fail (SUMMIT_IS_PANELS_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    summit_panels_page_reload (self);
}
