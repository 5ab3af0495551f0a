/* summit-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 documents (the press kit, invitation letters) as PDF. Cairo streams each
 * finished page into the project's safe writer (summit-file.h), so a thousand
 * letters cost the memory of one page, and the old file stays until the new
 * one is whole.
 */
#define G_LOG_DOMAIN "summit-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "summit-document.h"
#include "summit-file.h"
#include "summit-time.h"

#define PAGE_WIDTH  595.276   /* A4 in points */
#define PAGE_HEIGHT 841.890
#define MARGIN      56.0
#define BODY_SIZE   10.5

struct _SummitDocument
{
  SummitFileWriter  *writer;
  GError            *write_error;
  cairo_surface_t   *surface;
  cairo_t           *cr;
  PangoLayout       *layout;
  char              *path;
  double             y;
  gboolean           page_used;
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  SummitDocument *doc = closure;

  if (doc->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (summit_file_writer_get_stream (doc->writer), data, length,
                                  NULL, NULL, &doc->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * summit_document_new:
 *
 * Starts an A4 PDF that replaces @path when summit_document_finish()
 * succeeds; freed unfinished, it leaves @path as it was.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
SummitDocument *
summit_document_new (const char  *path,
                     GError     **error)
{
  SummitDocument *doc;
  SummitFileWriter *writer;
  PangoFontDescription *font;

  writer = summit_file_writer_new (path, SUMMIT_FILE_FOLLOW_UMASK, error);
  if (writer == NULL)
    return NULL;

  doc = g_new0 (SummitDocument, 1);
  doc->writer = writer;
  doc->path = g_strdup (path);
  doc->surface = cairo_pdf_surface_create_for_stream (write_cb, doc, PAGE_WIDTH, PAGE_HEIGHT);
  doc->cr = cairo_create (doc->surface);
  doc->layout = pango_cairo_create_layout (doc->cr);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_size (font, BODY_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (doc->layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  doc->y = MARGIN;
  return doc;
}

/**
 * summit_document_set_language:
 * @language: "pl", "zh_TW", "en"…
 *
 * Tells Pango the language of what follows, so that Han characters take
 * their Traditional Chinese forms.
 */
void
summit_document_set_language (SummitDocument *doc,
                              const char     *language)
{
  g_autofree char *tag = g_strdelimit (g_strdup (language ? language : "en"), "_", '-');

  pango_context_set_language (pango_layout_get_context (doc->layout),
                              pango_language_from_string (tag));
  pango_layout_context_changed (doc->layout);
}

void
summit_document_new_page (SummitDocument *doc)
{
  cairo_show_page (doc->cr);
  doc->y = MARGIN;
  doc->page_used = FALSE;
}

/* Starts a new page unless @height still fits on this one. */
static void
reserve (SummitDocument *doc,
         double          height)
{
  if (doc->page_used && doc->y + height > PAGE_HEIGHT - MARGIN)
    summit_document_new_page (doc);
  doc->page_used = TRUE;
}

static double
set_text (SummitDocument *doc,
          const char     *text,
          double          width,
          double          size,
          gboolean        bold)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (doc->layout));
  int w, h;

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (doc->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (doc->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (doc->layout, text ? text : "", -1);
  pango_layout_get_size (doc->layout, &w, &h);
  return (double)h / PANGO_SCALE;
}

static void
show_text (SummitDocument *doc,
           const char     *text,
           double          size,
           gboolean        bold,
           double          after)
{
  double height = set_text (doc, text, PAGE_WIDTH - 2 * MARGIN, size, bold);

  reserve (doc, height);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  doc->y += height + after;
}

/* @level 1 is the document's title, 2 a section. */
void
summit_document_heading (SummitDocument *doc,
                         const char     *text,
                         int             level)
{
  if (level > 1 && doc->page_used)
    doc->y += 8;
  show_text (doc, text, level <= 1 ? 18 : 13, TRUE, 6);
}

void
summit_document_paragraph (SummitDocument *doc,
                           const char     *text)
{
  show_text (doc, text, BODY_SIZE, FALSE, 6);
}

void
summit_document_space (SummitDocument *doc,
                       double          points)
{
  doc->y += points;
}

/**
 * summit_document_row:
 * @widths: each cell's share of the line, adding up to 1
 *
 * One row of a table; a header row is bold and ruled below.
 */
void
summit_document_row (SummitDocument      *doc,
                     const char * const  *cells,
                     const double        *widths,
                     guint                n_cells,
                     gboolean             header)
{
  double line = PAGE_WIDTH - 2 * MARGIN;
  double height = 0, x = MARGIN;

  for (guint i = 0; i < n_cells; i++)
    height = MAX (height, set_text (doc, cells[i], widths[i] * line - 6, 9, header));
  reserve (doc, height + 4);
  for (guint i = 0; i < n_cells; i++)
    {
      set_text (doc, cells[i], widths[i] * line - 6, 9, header);
      cairo_move_to (doc->cr, x, doc->y);
      pango_cairo_show_layout (doc->cr, doc->layout);
      x += widths[i] * line;
    }
  doc->y += height + 2;
  cairo_save (doc->cr);
  cairo_set_line_width (doc->cr, header ? 0.8 : 0.3);
  cairo_set_source_rgb (doc->cr, 0.5, 0.5, 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += 2;
}

/* A drawing the width of the text, @height points tall, as vectors. */
void
summit_document_draw (SummitDocument         *doc,
                      double                  height,
                      SummitDocumentDrawFunc  func,
                      gpointer                user_data)
{
  reserve (doc, height);
  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  cairo_rectangle (doc->cr, 0, 0, PAGE_WIDTH - 2 * MARGIN, height);
  cairo_clip (doc->cr);
  func (doc->cr, PAGE_WIDTH - 2 * MARGIN, height, user_data);
  cairo_restore (doc->cr);
  doc->y += height + 6;
}

/**
 * summit_document_finish:
 *
 * Ends the last page and puts the file in place.
 */
gboolean
summit_document_finish (SummitDocument  *doc,
                        GError         **error)
{
  cairo_status_t status;

  g_clear_object (&doc->layout);
  g_clear_pointer (&doc->cr, cairo_destroy);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  g_clear_pointer (&doc->surface, cairo_surface_destroy);

  if (doc->write_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&doc->write_error), "%s: ", doc->path);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s: a file; then cairo's reason */
                   _("%s: could not draw the document: %s"), doc->path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!summit_file_writer_commit (doc->writer, error))
    return FALSE;
  g_clear_pointer (&doc->writer, summit_file_writer_free);
  return TRUE;
}

/* Frees @doc; a document not finished leaves its file as it was. */
void
summit_document_free (SummitDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_object (&doc->layout);
  g_clear_pointer (&doc->cr, cairo_destroy);
  /* Not committed, the writer leaves the old file and drops the new one. */
  g_clear_pointer (&doc->surface, cairo_surface_destroy);
  g_clear_pointer (&doc->writer, summit_file_writer_free);
  g_clear_error (&doc->write_error);
  g_free (doc->path);
  g_free (doc);
}

/**
 * summit_document_format_date:
 * @iso_date: (nullable): "2020-08-13"
 * @format: a g_date_time_format() format, "%-d %B %Y"
 *
 * Returns: (transfer full) (nullable): the date in the thread's language,
 *   or %NULL if @iso_date is not a date
 */
char *
summit_document_format_date (const char *iso_date,
                             const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!summit_time_parse_date (iso_date, &y, &m, &d) ||
      (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return NULL;
  return g_date_time_format (dt, format);
}
