/* summit-agenda.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme as text a person reads: days, time spans in a zone, lineups;
 * and the printable agenda built from them, cut into pages by Pango lines.
 */
#define G_LOG_DOMAIN "summit-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-agenda.h"
#include "summit-time.h"

/**
 * summit_agenda_describe_lineup:
 *
 * Returns: (transfer full): "Ko Wen-je (Speaker), Mariusz Sagan (Panelist)"
 */
char *
summit_agenda_describe_lineup (SummitPanel *panel)
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

/**
 * summit_agenda_day_of:
 * @for_display: a day in the user's words, or an ISO date to compare
 *
 * Returns: (transfer full): the day a session falls on in the edition's zone
 */
char *
summit_agenda_day_of (SummitPanel   *panel,
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

/**
 * summit_agenda_format_span:
 *
 * Returns: (transfer full): "15:00–16:00 Taipei (UTC+8)", or "07:00–08:00 UTC"
 */
char *
summit_agenda_format_span (gint64      start,
                           int         minutes,
                           const char *zone)
{
  g_autofree char *from = summit_time_format_clock (start, zone);
  g_autofree char *in_zone = NULL;

  if (g_str_equal (zone, "UTC"))
    {
      g_autofree char *to = summit_time_format_clock (start + minutes * 60, zone);
      /* Translators: a time span in UTC, "07:00–08:00 UTC" */
      return g_strdup_printf (_("%s–%s UTC"), from, to);
    }
  in_zone = summit_time_format_in_zone (start + minutes * 60, zone);

  /* Translators: a time span in a zone, "15:00–16:00 Taipei (UTC+8)" */
  return g_strdup_printf (_("%s–%s"), from, in_zone);
}

/* Printing: the agenda as one Pango layout, cut into pages by its lines. */

typedef struct
{
  char        *markup;
  PangoLayout *layout;
  GArray      *page_starts;   /* int: the first line of each page */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_free (job->markup);
  g_clear_object (&job->layout);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_free (job);
}

static char *
agenda_markup (SummitEdition *edition,
               GPtrArray     *panels,
               const char    *second_zone)
{
  GString *text = g_string_new (NULL);
  const char *host = summit_edition_get_timezone (edition);
  g_autofree char *current_day = NULL;

  {
    g_autofree char *line = g_markup_printf_escaped ("<span size='x-large' weight='bold'>%s</span>\n"
                                                     "<b>%d · %s</b>\n\n",
                                                     _("Mayors’ Summit"),
                                                     summit_edition_get_year (edition),
                                                     summit_edition_get_theme (edition));
    g_string_append (text, line);
  }

  for (guint i = 0; panels && i < panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *day = summit_agenda_day_of (panel, edition, TRUE);
      g_autofree char *lineup = summit_agenda_describe_lineup (panel);
      g_autofree char *when = NULL;
      g_autofree char *entry = NULL;
      g_autofree char *room = summit_panel_dup_room_to_read (panel);
      gint64 start;

      if (g_strcmp0 (day, current_day) != 0)
        {
          g_autofree char *header = g_markup_printf_escaped ("<span size='large' weight='bold'>%s</span>\n",
                                                             day);
          g_string_append (text, header);
          g_free (current_day);
          current_day = g_strdup (day);
        }
      if (summit_panel_get_start (panel, &start))
        {
          g_autofree char *a = summit_agenda_format_span (start, summit_panel_get_duration (panel), host);
          g_autofree char *b = summit_agenda_format_span (start, summit_panel_get_duration (panel), second_zone);
          when = summit_panel_end_note (panel) != NULL
                 ? g_strdup_printf ("%s · %s · %s", a, b, summit_panel_end_note (panel))
                 : g_strdup_printf ("%s · %s", a, b);
        }
      else
        when = g_strdup (_("Time to be announced"));

      entry = g_markup_printf_escaped ("%s\n<b>%s</b>\n<i>%s%s%s</i>\n%s%s\n",
                                       when, summit_panel_get_title (panel),
                                       summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                       *room ? " · " : "", room,
                                       lineup, *lineup ? "\n" : "");
      g_string_append (text, entry);
    }
  return g_string_free (text, FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  job->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (job->layout, font);
  pango_layout_set_width (job->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (job->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (job->layout, job->markup, -1);

  job->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (job->page_starts, line);
  iter = pango_layout_get_iter (job->layout);
  do
    {
      PangoRectangle rect;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      bottom = (double)(rect.y + rect.height) / PANGO_SCALE;
      if (bottom - page_top > height && line > g_array_index (job->page_starts, int, job->page_starts->len - 1))
        {
          g_array_append_val (job->page_starts, line);
          page_top = (double)rect.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  gtk_print_operation_set_n_pages (operation, (int)job->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (job->page_starts, int, page_nr);
  int last = (guint)page_nr + 1 < job->page_starts->len
             ? g_array_index (job->page_starts, int, page_nr + 1) : G_MAXINT;
  PangoLayoutIter *iter = pango_layout_get_iter (job->layout);
  double page_top = -1;
  int line = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  do
    {
      if (line >= first && line < last)
        {
          PangoRectangle rect;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          if (page_top < 0)
            page_top = (double)rect.y / PANGO_SCALE;
          cairo_move_to (cr, (double)rect.x / PANGO_SCALE,
                         (double)baseline / PANGO_SCALE - page_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * summit_agenda_print_operation_new:
 * @panels: (element-type SummitPanel): the sessions, in programme order
 * @second_zone: the planner's second zone, shown beside the edition's
 *
 * The printable agenda: one page after another of days, times in both zones,
 * titles, kinds, rooms and lineups. Run it to print, or with an export file
 * name to save it as PDF.
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
summit_agenda_print_operation_new (SummitEdition *edition,
                                   GPtrArray     *panels,
                                   const char    *second_zone)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autofree char *name = g_strdup_printf (_("Mayors’ Summit %d agenda"),
                                           summit_edition_get_year (edition));

  job->markup = agenda_markup (edition, panels, second_zone);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify)print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  return operation;
}

