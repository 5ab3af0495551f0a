/* summit-chart-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overseas-mayor chart on screen: the core renderer drawn into a cairo
 * node (at the display's scale, so it stays crisp on HiDPI), in the colours
 * of the current light or dark style. Hovering a year tells its figure, kind
 * and source; screen readers get the whole series as the description.
 */
#define G_LOG_DOMAIN "summit-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-chart-view.h"

struct _SummitChartView
{
  GtkWidget         parent_instance;

  /* Owned */
  SummitChartModel *model;
  gboolean          show_derived;
};

G_DEFINE_FINAL_TYPE (SummitChartView, summit_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_DERIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dark_changed_cb (SummitChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static SummitChartColor
with_alpha (const GdkRGBA *rgba,
            double         alpha)
{
  return (SummitChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/**
 * summit_chart_view_get_style:
 *
 * Fills @style with the colours the chart has on screen now: the theme's
 * text colour, the light or dark palette, a transparent background.
 */
void
summit_chart_view_get_style (SummitChartView  *self,
                             SummitChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA fg;

  g_return_if_fail (SUMMIT_IS_CHART_VIEW (self));

  summit_chart_style_init (style, adw_style_manager_get_dark (manager));
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  style->background.alpha = 0;
  style->foreground = with_alpha (&fg, 1.0);
  style->muted = with_alpha (&fg, 0.7);
  style->grid = with_alpha (&fg, 0.15);
  style->show_derived = self->show_derived;
}

static void
summit_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SummitChartView *self = SUMMIT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SummitChartStyle style;
  cairo_t *cr;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  summit_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  summit_chart_render (cr, self->model, &style, width, height);
  cairo_destroy (cr);
}

static gboolean
summit_chart_view_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  SummitChartView *self = SUMMIT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  const SummitChartBar *bar;
  SummitChartRect column;
  int index;

  if (self->model == NULL || keyboard)
    return FALSE;
  index = summit_chart_hit_test (self->model, width, height, x, y);
  if (index < 0)
    return FALSE;

  bar = summit_chart_model_get_bar (self->model, index);
  /* Translators: the chart's tooltip, e.g. "2018: 120" then "Recorded" */
  g_string_append_printf (text, _("%d: %s"), bar->year, bar->label);
  g_string_append_printf (text, "\n%s", summit_figure_kind_to_label (bar->kind));
  if (bar->source != NULL && *bar->source != '\0')
    g_string_append_printf (text, "\n%s %s", _("Source:"), bar->source);
  if (bar->derived >= 0)
    g_string_append_printf (text, "\n%s %d", _("Overseas mayors confirmed in invitations:"),
                            bar->derived);
  gtk_tooltip_set_text (tooltip, text->str);

  summit_chart_layout_bar (self->model, width, height, index, &column, NULL);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)column.x, (int)column.y,
                                                       (int)column.width, (int)column.height });
  return TRUE;
}

static void
summit_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 380;
}

static void
summit_chart_view_dispose (GObject *object)
{
  SummitChartView *self = (SummitChartView *)object;

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_pointer (&self->model, summit_chart_model_free);

  G_OBJECT_CLASS (summit_chart_view_parent_class)->dispose (object);
}

static void
summit_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SummitChartView *self = SUMMIT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DERIVED:
      g_value_set_boolean (value, self->show_derived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SummitChartView *self = SUMMIT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DERIVED:
      summit_chart_view_set_show_derived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_chart_view_class_init (SummitChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_chart_view_dispose;
  object_class->get_property = summit_chart_view_get_property;
  object_class->set_property = summit_chart_view_set_property;
  widget_class->snapshot = summit_chart_view_snapshot;
  widget_class->query_tooltip = summit_chart_view_query_tooltip;
  widget_class->measure = summit_chart_view_measure;

  properties[PROP_SHOW_DERIVED] =
    g_param_spec_boolean ("show-derived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "summit-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
summit_chart_view_init (SummitChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overseas mayors chart"),
                                  -1);
}

GtkWidget *
summit_chart_view_new (void)
{
  return g_object_new (SUMMIT_TYPE_CHART_VIEW, NULL);
}

/**
 * summit_chart_view_set_model:
 * @model: (transfer full) (nullable): what to draw; the view frees it
 */
void
summit_chart_view_set_model (SummitChartView  *self,
                             SummitChartModel *model)
{
  g_return_if_fail (SUMMIT_IS_CHART_VIEW (self));

  if (self->model == model)
    return;
  g_clear_pointer (&self->model, summit_chart_model_free);
  self->model = model;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  model ? model->description : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * summit_chart_view_get_model:
 *
 * Returns: (transfer none) (nullable): the model drawn
 */
SummitChartModel *
summit_chart_view_get_model (SummitChartView *self)
{
  g_return_val_if_fail (SUMMIT_IS_CHART_VIEW (self), NULL);
  return self->model;
}

void
summit_chart_view_set_show_derived (SummitChartView *self,
                                    gboolean         show_derived)
{
  g_return_if_fail (SUMMIT_IS_CHART_VIEW (self));

  show_derived = !!show_derived;
  if (self->show_derived == show_derived)
    return;
  self->show_derived = show_derived;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DERIVED]);
}

gboolean
summit_chart_view_get_show_derived (SummitChartView *self)
{
  g_return_val_if_fail (SUMMIT_IS_CHART_VIEW (self), FALSE);
  return self->show_derived;
}
