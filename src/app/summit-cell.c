/* summit-cell.c — one line of text in a cell of the People list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stands in for GtkInscription: a size from a number of characters, never
 * from the text; the text on one line, ellipsized; but the font's measures
 * are worked out once for every cell, where GTK 4.8's GtkInscription asks
 * Pango for them (shaping a sample sentence) each time a cell is measured.
 * A leaf widget without children, so without a .ui template.
 */
#define G_LOG_DOMAIN "summit-cell"

#include "config.h"

#include "summit-cell.h"

struct _SummitCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;     /* made when first drawn */
  guint        min_chars;
  guint        nat_chars;
};

G_DEFINE_FINAL_TYPE (SummitCell, summit_cell, GTK_TYPE_WIDGET)

/* The font's measures, for the last font a cell had (all cells have the same). */
typedef struct
{
  PangoFontDescription *font;
  PangoLanguage        *language;
  int                   char_pixels;
  int                   ascent;
  int                   descent;
} Measures;

static Measures measures;

static const Measures *
get_measures (SummitCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMetrics *metrics;

  if (measures.font != NULL && measures.language == language &&
      pango_font_description_equal (measures.font, font))
    return &measures;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  g_clear_pointer (&measures.font, pango_font_description_free);
  measures.font = pango_font_description_copy (font);
  measures.language = language;
  measures.char_pixels = PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                                 pango_font_metrics_get_approximate_digit_width (metrics)));
  measures.ascent = pango_font_metrics_get_ascent (metrics);
  measures.descent = pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  return &measures;
}

/* GtkWidget overrides */

static void
summit_cell_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SummitCell *self = SUMMIT_CELL (widget);
  const Measures *m = get_measures (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->min_chars * m->char_pixels;
      *natural = MAX (self->min_chars, self->nat_chars) * m->char_pixels;
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (m->ascent + m->descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (m->ascent);
    }
}

static void
summit_cell_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SummitCell *self = SUMMIT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A new font, scale or direction: the layout is made again when drawn. */
static void
summit_cell_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (summit_cell_parent_class)->css_changed (widget, change);
  g_clear_object (&SUMMIT_CELL (widget)->layout);
}

static void
summit_cell_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  g_clear_object (&SUMMIT_CELL (widget)->layout);
  gtk_widget_queue_draw (widget);
}

/* GObject overrides */

static void
summit_cell_finalize (GObject *object)
{
  SummitCell *self = SUMMIT_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (summit_cell_parent_class)->finalize (object);
}

static void
summit_cell_class_init (SummitCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = summit_cell_finalize;
  widget_class->measure = summit_cell_measure;
  widget_class->snapshot = summit_cell_snapshot;
  widget_class->css_changed = summit_cell_css_changed;
  widget_class->direction_changed = summit_cell_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
summit_cell_init (SummitCell *self)
{
}

/* Public API */

/**
 * summit_cell_new:
 * @min_chars: the width it needs, in characters of its font
 * @nat_chars: the width it would like
 */
GtkWidget *
summit_cell_new (guint min_chars,
                 guint nat_chars)
{
  SummitCell *self = g_object_new (SUMMIT_TYPE_CELL, NULL);

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  return GTK_WIDGET (self);
}

/**
 * summit_cell_set_text:
 * @text: (nullable): what it shows, and what it is called for assistive
 *   technologies
 */
void
summit_cell_set_text (SummitCell *self,
                      const char *text)
{
  g_return_if_fail (SUMMIT_IS_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
