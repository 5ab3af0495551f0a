/* summit-statistics-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page: the yearly figures exactly as the sources give them,
 * estimates and missing years marked as such.
 */
#define G_LOG_DOMAIN "summit-statistics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-statistics.h"
#include "summit-statistics-page.h"

struct _SummitStatisticsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *years_group;
  AdwStatusPage       *error_page;

  /* Owned */
  SummitStore         *store;
  GPtrArray           *rows;   /* borrowed from years_group */
};

G_DEFINE_FINAL_TYPE (SummitStatisticsPage, summit_statistics_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_year_row (SummitYearStatistic *stat)
{
  g_autofree char *year = g_strdup_printf ("%d", summit_year_statistic_get_year (stat));
  g_autofree char *figure = summit_year_statistic_format_overseas (stat);
  g_autofree char *accessible = NULL;
  SummitFigureKind kind = summit_year_statistic_get_kind (stat);
  GtkWidget *row;
  GtkWidget *label;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), year);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summit_year_statistic_get_source (stat));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  label = gtk_label_new (figure);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  if (kind == SUMMIT_FIGURE_ESTIMATE)
    gtk_widget_add_css_class (label, "figure-estimate");
  else if (kind == SUMMIT_FIGURE_MISSING)
    gtk_widget_add_css_class (label, "figure-missing");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  /* Translators: read by screen readers, "2020: 150+ (expected)" */
  accessible = g_strdup_printf (_("%s: %s"), year, figure);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
summit_statistics_page_reload (SummitStatisticsPage *self)
{
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->years_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  stats = summit_store_list_year_statistics (self->store, &error);
  if (stats == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < stats->len; i++)
    {
      GtkWidget *row = create_year_row (g_ptr_array_index (stats, i));

      adw_preferences_group_add (self->years_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, stats->len > 0 ? "figures" : "empty");
}

static void
summit_statistics_page_dispose (GObject *object)
{
  SummitStatisticsPage *self = (SummitStatisticsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_STATISTICS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (summit_statistics_page_parent_class)->dispose (object);
}

static void
summit_statistics_page_class_init (SummitStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_statistics_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitStatisticsPage, years_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
summit_statistics_page_init (SummitStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * summit_statistics_page_set_store:
 *
 * Shows the yearly figures of @store.
 */
void
summit_statistics_page_set_store (SummitStatisticsPage *self,
                                  SummitStore          *store)
{
  g_return_if_fail (SUMMIT_IS_STATISTICS_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    summit_statistics_page_reload (self);
}
