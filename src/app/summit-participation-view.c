/* summit-participation-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page's second chart: the chosen edition's invitations by
 * country or continent, with the same exports as the first (PNG, SVG, PDF,
 * CSV, clipboard). Chart and CSV come from the same rows.
 */
#define G_LOG_DOMAIN "summit-participation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-participation-chart.h"
#include "summit-participation-view.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-utils.h"

#define EXPORT_WIDTH  1200
#define EXPORT_HEIGHT 675

struct _SummitParticipationView
{
  GtkWidget                 parent_instance;

  /* Template widgets */
  GtkDrawingArea           *area;
  GtkDropDown              *group_dropdown;
  GtkLabel                 *message_label;

  /* Owned */
  SummitStore              *store;
  int                       year;    /* the edition shown; 0: the newest */
  GArray                   *rows;    /* SummitParticipation */
  SummitParticipationChart *chart;
  GtkFileChooserNative     *chooser;
};

G_DEFINE_FINAL_TYPE (SummitParticipationView, summit_participation_view, GTK_TYPE_WIDGET)

static SummitParticipationGroup
current_group (SummitParticipationView *self)
{
  return gtk_drop_down_get_selected (self->group_dropdown) == 1
    ? SUMMIT_PARTICIPATION_BY_CONTINENT : SUMMIT_PARTICIPATION_BY_COUNTRY;
}

static void
reload (SummitParticipationView *self)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GError) error = NULL;
  int year = self->year;

  if (self->store == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->chart, summit_participation_chart_free);
  if (year == 0 && (editions = summit_store_list_editions (self->store, &error)) != NULL &&
      editions->len > 0)
    year = summit_edition_get_year (g_ptr_array_index (editions, 0));
  if (error == NULL && year > 0)
    self->rows = summit_store_count_participation (self->store, year, current_group (self), &error);
  if (error != NULL)
    gtk_label_set_label (self->message_label, error->message);
  if (self->rows != NULL)
    {
      self->chart = summit_participation_chart_new (self->rows, year, current_group (self));
      /* Tall enough for every bar at full height, no taller. */
      gtk_drawing_area_set_content_height (self->area, MAX (120, 56 + 28 * (int)self->chart->bars->len));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->chart->description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
group_changed_cb (SummitParticipationView *self)
{
  reload (self);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  SummitParticipationView *self = user_data;
  SummitChartStyle style;

  if (self->chart == NULL)
    return;
  summit_chart_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style.background.alpha = 0;
  summit_participation_chart_render (cr, &style, width, height, self->chart);
}

static void
chooser_response_cb (GtkNativeDialog         *dialog,
                     int                      response,
                     SummitParticipationView *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  SummitChartStyle style;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || self->chart == NULL)
    goto out;
  if ((path = summit_chart_save_dialog_dup_path (dialog)) == NULL)
    {
      gtk_label_set_label (self->message_label, _("Choose a local file to save the chart to"));
      goto out;
    }

  if (g_str_equal (format, "csv"))
    {
      g_autofree char *csv = summit_participation_to_csv (self->rows, current_group (self));
      ok = g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error);
    }
  else
    {
      summit_chart_style_init (&style, FALSE);
      ok = summit_chart_draw_export (summit_participation_chart_render, self->chart,
                                     self->chart->title, &style, path, EXPORT_WIDTH,
                                     EXPORT_HEIGHT, &error);
    }
  if (ok)
    {
      g_autofree char *message = g_strdup_printf (_("Saved the chart as “%s”."), path);
      gtk_label_set_label (self->message_label, message);
    }
  else
    gtk_label_set_label (self->message_label, error->message);

out:
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SummitParticipationView *self = SUMMIT_PARTICIPATION_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->chart == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = summit_chart_save_dialog_new (widget, format);
  name = g_strdup_printf ("invitations-by-%s-%d.%s",
                          current_group (self) == SUMMIT_PARTICIPATION_BY_COUNTRY ? "country" : "continent",
                          self->chart->year, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SummitParticipationView *self = SUMMIT_PARTICIPATION_VIEW (widget);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  SummitChartStyle style;

  if (self->chart == NULL)
    return;
  summit_chart_style_init (&style, FALSE);
  if ((png = summit_chart_draw_to_bytes (summit_participation_chart_render, self->chart,
                                         self->chart->title, &style, SUMMIT_CHART_FORMAT_PNG,
                                         EXPORT_WIDTH, EXPORT_HEIGHT, 1.0, &error)) == NULL ||
      !summit_clipboard_set_png (widget, png, &error))
    {
      gtk_label_set_label (self->message_label, error->message);
      return;
    }
  gtk_label_set_label (self->message_label, _("Copied the chart as an image."));
}

static void
copy_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SummitParticipationView *self = SUMMIT_PARTICIPATION_VIEW (widget);
  g_autofree char *csv = NULL;

  if (self->rows == NULL)
    return;
  csv = summit_participation_to_csv (self->rows, current_group (self));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
  gtk_label_set_label (self->message_label, _("Copied the chart’s data as CSV."));
}

static void
summit_participation_view_dispose (GObject *object)
{
  SummitParticipationView *self = (SummitParticipationView *)object;

  summit_file_dialog_clear (&self->chooser, self);
  summit_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PARTICIPATION_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->chart, summit_participation_chart_free);

  G_OBJECT_CLASS (summit_participation_view_parent_class)->dispose (object);
}

static void
summit_participation_view_class_init (SummitParticipationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_participation_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/summitplanner/SummitPlanner/summit-participation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitParticipationView, area);
  gtk_widget_class_bind_template_child (widget_class, SummitParticipationView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitParticipationView, message_label);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_install_action (widget_class, "participation.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "participation.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "participation.copy-csv", NULL, copy_csv_action);
}

static void
summit_participation_view_init (SummitParticipationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
}

/**
 * summit_participation_view_set_store:
 *
 * Shows (again) the chosen edition's invitations in @store (see
 * summit_participation_view_set_year()).
 */
void
summit_participation_view_set_store (SummitParticipationView *self,
                                     SummitStore             *store)
{
  g_return_if_fail (SUMMIT_IS_PARTICIPATION_VIEW (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  g_set_object (&self->store, store);
  reload (self);
}

/**
 * summit_participation_view_set_year:
 * @year: the edition to show, as chosen in the header bar; 0 for the newest
 */
void
summit_participation_view_set_year (SummitParticipationView *self,
                                    int                      year)
{
  g_return_if_fail (SUMMIT_IS_PARTICIPATION_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  reload (self);
}
