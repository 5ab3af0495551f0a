/* summit-statistics-page-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page's chart and what is made of it: its data table (for
 * screen readers and for copying), the chart saved as PNG, SVG or PDF,
 * copied as an image or as a table, printed, and the edition's press kit.
 */
#define G_LOG_DOMAIN "summit-statistics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"
#include "summit-person.h"
#include "summit-press-kit.h"
#include "summit-statistics-page-private.h"
#include "summit-time.h"
#include "summit-utils.h"

#define EXPORT_WIDTH 1200
#define EXPORT_HEIGHT 675

/* Chart and data table ------------------------------------------------------ */

static GtkWidget *
data_cell (const char *text,
           const char *accessible,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return label;
}

static void
rebuild_data_table (SummitStatisticsPage *self,
                    SummitChartModel     *model)
{
  GtkWidget *child;
  const char *headers[] = {
    _("Year"), _("Overseas mayors"), _("Kind"),
    /* Translators: a column of the chart data: counted from the invitations */
    _("Confirmed overseas mayors and deputy mayors"),
  };
  const char *header_tips[] = {
    NULL, _("As the sources give them: recorded, estimated or missing"), NULL,
    summit_position_kind_mayor_rule (),
  };
  guint n_columns = model->has_derived ? 4 : 3;
  g_autoptr(GString) footnote = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->data_grid))) != NULL)
    gtk_grid_remove (self->data_grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *header = data_cell (headers[c], NULL, "heading");

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), c == 3 ? 14 : 9);
      gtk_label_set_yalign (GTK_LABEL (header), 1);
      gtk_widget_set_tooltip_text (header, header_tips[c]);
      gtk_grid_attach (self->data_grid, header, c, 0, 1, 1);
    }

  for (guint i = 0; i < summit_chart_model_get_n_bars (model); i++)
    {
      const SummitChartBar *bar = summit_chart_model_get_bar (model, i);
      g_autofree char *year = g_strdup_printf ("%d", bar->year);
      /* Translators: read by screen readers, "2020: 150+ (expected)" */
      g_autofree char *accessible = g_strdup_printf (_("%s: %s"), year, bar->label);
      const char *css = bar->kind == SUMMIT_FIGURE_ESTIMATE ? "figure-estimate"
                      : bar->kind == SUMMIT_FIGURE_MISSING ? "figure-missing" : NULL;
      GtkWidget *figure = data_cell (bar->label, accessible, css);

      gtk_widget_add_css_class (figure, "numeric");
      if (bar->source != NULL && *bar->source != '\0')
        gtk_widget_set_tooltip_text (figure, bar->source);
      gtk_grid_attach (self->data_grid, data_cell (year, NULL, "numeric"), 0, i + 1, 1, 1);
      gtk_grid_attach (self->data_grid, figure, 1, i + 1, 1, 1);
      gtk_grid_attach (self->data_grid,
                       data_cell (summit_figure_kind_to_label (bar->kind), NULL, css),
                       2, i + 1, 1, 1);
      if (model->has_derived)
        {
          g_autofree char *derived = bar->derived >= 0 ? g_strdup_printf ("%d", bar->derived)
                                                       : g_strdup ("—");
          g_autofree char *label = bar->derived >= 0
            /* Translators: read by screen readers, "2020: 1 confirmed in invitations" */
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d confirmed in invitations",
                                            "%s: %d confirmed in invitations", bar->derived),
                               year, bar->derived)
            : NULL;
          GtkWidget *cell = data_cell (derived, label, "numeric");
          const SummitDerivedFigure *d = summit_statistics_page_find_derived (self, bar->year);

          if (d != NULL)
            {
              g_autofree char *counts = summit_derived_figure_describe (d);

              gtk_widget_set_tooltip_text (cell, counts);
              g_string_append_printf (footnote, "\n%s", counts);
            }
          gtk_grid_attach (self->data_grid, cell, 3, i + 1, 1, 1);
        }
    }

  /* What the derived column counts, in words under the table, not only in tooltips. */
  gtk_widget_set_visible (GTK_WIDGET (self->counted_label), model->has_derived);
  if (model->has_derived)
    {
      g_string_prepend (footnote, summit_position_kind_mayor_rule ());
      g_string_prepend_c (footnote, ' ');
      g_string_prepend (footnote, _("Confirmed: overseas mayors and deputy mayors whose invitation "
                                    "is confirmed or attended."));
      gtk_label_set_text (self->counted_label, footnote->str);
    }
}

/* Draws the chart and its data table again from the figures read, between
 * the years chosen. */
void
summit_statistics_page_rebuild_chart (SummitStatisticsPage *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_spin);
  SummitChartModel *model;

  if (self->stats == NULL)
    return;

  gtk_label_set_text (self->range_warning,
                      _("The first year is after the last; showing them the other way round."));
  gtk_widget_set_visible (GTK_WIDGET (self->range_warning), from > to);

  model = summit_chart_model_new (self->stats, self->derived, from, to);
  rebuild_data_table (self, model);
  summit_chart_view_set_model (self->chart_view, model);
}

/* Exports ------------------------------------------------------------------ */

static void
export_style (SummitStatisticsPage *self,
              SummitChartStyle     *style)
{
  /* Exports are for print and articles: dark text on white, whatever the
   * window's style. */
  summit_chart_style_init (style, FALSE);
  style->show_derived = summit_chart_view_get_show_derived (self->chart_view);
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     SummitStatisticsPage *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *size;
  int width = EXPORT_WIDTH, height = EXPORT_HEIGHT;
  SummitChartStyle style;
  SummitChartModel *model = summit_chart_view_get_model (self->chart_view);

  if (response != GTK_RESPONSE_ACCEPT || model == NULL)
    goto out;
  if ((path = summit_chart_save_dialog_dup_path (dialog)) == NULL)
    {
      summit_statistics_page_say (self, _("Choose a local file to save the chart to"), TRUE);
      goto out;
    }

  size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    width = EXPORT_WIDTH, height = EXPORT_HEIGHT;

  export_style (self, &style);
  if (!summit_chart_export (model, &style, path, width, height, &error))
    summit_statistics_page_say (self, error->message, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved the chart as “%s”."), path);
      summit_statistics_page_say (self, message, FALSE);
    }

out:
  g_clear_object (&self->chooser);
}

void
summit_statistics_page_export_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  const char *sizes[] = { "1200x675", "1920x1080", "800x450", "2400x1350", NULL };
  const char *size_labels[] = { _("1200 × 675"), _("1920 × 1080 (full HD)"), _("800 × 450"),
                                _("2400 × 1350 (print)"), NULL };
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  g_autoptr(GFile) folder = NULL;

  if (g_strcmp0 (format, "png") != 0 && g_strcmp0 (format, "svg") != 0 &&
      g_strcmp0 (format, "pdf") != 0)
    return;

  g_clear_object (&self->chooser);
  self->chooser = summit_chart_save_dialog_new (GTK_WIDGET (self), format);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "size", _("Size"),
                               sizes, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "size", sizes[0]);

  name = g_strdup_printf ("overseas-mayors-%d-%d.%s",
                          gtk_spin_button_get_value_as_int (self->from_spin),
                          gtk_spin_button_get_value_as_int (self->to_spin), format);
  folder = g_file_new_for_path (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR)
                                ? pictures : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
press_kit_response_cb (GtkNativeDialog      *dialog,
                       int                   response,
                       SummitStatisticsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = g_time_zone_get_identifier (local);

  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      summit_statistics_page_say (self, _("Choose a local file to save the press kit to"), TRUE);
      goto out;
    }
  if (!summit_press_kit_write (self->store, self->year, path,
                               summit_time_zone_is_known (zone) ? zone : NULL, &error))
    summit_statistics_page_say (self, error->message, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved the press kit as “%s”."), path);
      summit_statistics_page_say (self, message, FALSE);
    }

out:
  g_clear_object (&self->chooser);
}

void
summit_statistics_page_press_kit_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = summit_save_dialog_new (widget, _("Save the Press Kit"), NULL);
  gtk_file_filter_set_name (filter, "PDF");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the press kit's suggested file name */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("press-kit.pdf"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (press_kit_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
summit_statistics_page_copy_image_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  SummitChartModel *model = summit_chart_view_get_model (self->chart_view);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  SummitChartStyle style;

  if (model == NULL)
    return;
  export_style (self, &style);
  if ((png = summit_chart_render_to_bytes (model, &style, SUMMIT_CHART_FORMAT_PNG,
                                           EXPORT_WIDTH, EXPORT_HEIGHT, 1.0, &error)) == NULL ||
      !summit_clipboard_set_png (widget, png, &error))
    {
      summit_statistics_page_say (self, error->message, TRUE);
      return;
    }
  summit_statistics_page_say (self, _("Copied the chart as an image."), FALSE);
}

void
summit_statistics_page_copy_table_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  SummitChartModel *model = summit_chart_view_get_model (self->chart_view);
  g_autofree char *tsv = NULL;

  if (model == NULL)
    return;
  tsv = summit_chart_model_to_tsv (model);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  summit_statistics_page_say (self, _("Copied the chart’s data as a table."), FALSE);
}

static void
draw_page_cb (GtkPrintOperation    *operation,
              GtkPrintContext      *context,
              int                   page_nr,
              SummitStatisticsPage *self)
{
  SummitChartModel *model = summit_chart_view_get_model (self->chart_view);
  double width = gtk_print_context_get_width (context);
  double height = MIN (gtk_print_context_get_height (context), width * 9 / 16);
  SummitChartStyle style;

  if (model == NULL)
    return;
  export_style (self, &style);
  summit_chart_render (gtk_print_context_get_cairo_context (context), model, &style,
                       width, height);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SummitStatisticsPage    *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      summit_statistics_page_say (self, error ? error->message : _("Could not print the chart"),
                                  TRUE);
    }
}

void
summit_statistics_page_print_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SummitStatisticsPage *self = SUMMIT_STATISTICS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Overseas mayors chart"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    summit_statistics_page_say (self, error->message, TRUE);
}
