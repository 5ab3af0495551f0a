/* summit-press-kit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one-page-or-so PDF a reporter takes away: one edition, the
 * chart of overseas mayors as vectors, the yearly figures with their kind and
 * source exactly as the Statistics page gives them, what the invitations
 * count, and the programme's sessions in the host's time zone and the
 * reader's. Written in the caller's language (see summit-language.h).
 */
#define G_LOG_DOMAIN "summit-press-kit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-chart-model.h"
#include "summit-chart-render.h"
#include "summit-document.h"
#include "summit-press-kit.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-time.h"

#define MAX_SESSIONS 12

static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  SummitChartStyle style;

  summit_chart_style_init (&style, FALSE);
  summit_chart_render (cr, user_data, &style, width, height);
}

/* "13 August 2020 – 24 September 2020", from the edition's ISO dates. */
static char *
format_dates (SummitEdition *edition)
{
  const char *dates[2] = { summit_edition_get_start_date (edition),
                           summit_edition_get_end_date (edition) };
  char *out[2] = { NULL, NULL };
  char *result;

  for (guint i = 0; i < 2; i++)
    /* Translators: a date in a document, see strftime(3): "13 August 2020" */
    out[i] = summit_document_format_date (dates[i], _("%-d %B %Y"));
  if (out[0] != NULL && out[1] != NULL && g_strcmp0 (dates[0], dates[1]) != 0)
    /* Translators: a range of dates */
    result = g_strdup_printf (_("%s – %s"), out[0], out[1]);
  else
    result = g_strdup (out[0] ? out[0] : out[1] ? out[1] : _("dates not set"));
  g_free (out[0]);
  g_free (out[1]);
  return result;
}

static void
write_edition (SummitDocument *doc,
               SummitEdition  *edition)
{
  g_autofree char *title = NULL;
  g_autofree char *dates = format_dates (edition);
  g_autofree char *line = NULL;

  /* Translators: the press kit's title: "Press Kit: 2020 Mayors' Summit" */
  title = g_strdup_printf (_("Press Kit: %d Mayors’ Summit"), summit_edition_get_year (edition));
  summit_document_heading (doc, title, 1);
  if (*summit_edition_get_theme (edition) != '\0')
    summit_document_heading (doc, summit_edition_get_theme (edition), 2);
  /* Translators: where, how and when: "Taipei · Online · 13 August 2020 – 24 September 2020" */
  line = g_strdup_printf (_("%s · %s · %s"), summit_edition_get_host_city (edition),
                          summit_edition_format_to_label (summit_edition_get_format (edition)),
                          dates);
  summit_document_paragraph (doc, line);
}

static void
write_figures (SummitDocument *doc,
               GPtrArray      *stats)
{
  const double widths[] = { 0.08, 0.2, 0.17, 0.55 };
  const char *header[] = { _("Year"), _("Overseas mayors"), _("Kind"), _("Source") };

  summit_document_heading (doc, _("Yearly Figures"), 2);
  summit_document_paragraph (doc, _("As the sources give them: estimates are marked; a year "
                                    "without a figure is a gap, never a zero."));
  summit_document_row (doc, header, widths, G_N_ELEMENTS (header), TRUE);
  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *stat = g_ptr_array_index (stats, i);
      g_autofree char *year = g_strdup_printf ("%d", summit_year_statistic_get_year (stat));
      g_autofree char *figure = summit_year_statistic_format_overseas (stat);
      const char *cells[] = { year, figure,
                              summit_figure_kind_to_label (summit_year_statistic_get_kind (stat)),
                              summit_year_statistic_get_source (stat) };

      summit_document_row (doc, cells, widths, G_N_ELEMENTS (cells), FALSE);
    }
}

static void
write_derived (SummitDocument *doc,
               GArray         *derived,
               GArray         *countries)
{
  const double widths[] = { 0.08, 0.16, 0.19, 0.19, 0.19, 0.19 };
  const char *header[] = { _("Year"), _("Invitations"), _("Overseas mayors confirmed"),
                           _("Overseas mayors attended"), _("Domestic mayors confirmed"),
                           _("Domestic mayors attended") };
  const double country_widths[] = { 0.08, 0.28, 0.16, 0.16, 0.16, 0.16 };
  const char *country_header[] = { _("Year"), _("Country"), _("Invitations"), _("Invited"),
                                   _("Confirmed"), _("Attended") };

  summit_document_heading (doc, _("Counted from the Invitations"), 2);
  summit_document_paragraph (doc, _("Invitations: every invitation, mayor or not. A mayor is anyone "
                                    "whose position contains “mayor” (deputy mayors too); overseas "
                                    "means from a country other than the host’s. Confirmed "
                                    "includes those who went on to attend."));
  summit_document_row (doc, header, widths, G_N_ELEMENTS (header), TRUE);
  for (guint i = 0; i < derived->len; i++)
    {
      const SummitDerivedFigure *d = &g_array_index (derived, SummitDerivedFigure, i);
      g_autofree char *year = g_strdup_printf ("%d", d->year);
      g_autofree char *invitations = g_strdup_printf ("%d", d->invitations);
      g_autofree char *oc = g_strdup_printf ("%d", d->overseas_confirmed);
      g_autofree char *oa = g_strdup_printf ("%d", d->overseas_attended);
      g_autofree char *dc = g_strdup_printf ("%d", d->domestic_confirmed);
      g_autofree char *da = g_strdup_printf ("%d", d->domestic_attended);
      const char *cells[] = { year, invitations, oc, oa, dc, da };

      summit_document_row (doc, cells, widths, G_N_ELEMENTS (cells), FALSE);
    }

  summit_document_heading (doc, _("Who Was Invited from Where"), 2);
  summit_document_paragraph (doc, _("Everyone invited, by country: invitations counts every one, "
                                    "drafts too; invited those sent; confirmed includes those who "
                                    "attended."));
  summit_document_row (doc, country_header, country_widths, G_N_ELEMENTS (country_header), TRUE);
  for (guint i = 0; i < countries->len; i++)
    {
      const SummitParticipation *row = &g_array_index (countries, SummitParticipation, i);
      g_autofree char *year = g_strdup_printf ("%d", row->year);
      g_autofree char *invitations = g_strdup_printf ("%d", row->invitations);
      g_autofree char *invited = g_strdup_printf ("%d", row->invited);
      g_autofree char *confirmed = g_strdup_printf ("%d", row->confirmed);
      g_autofree char *attended = g_strdup_printf ("%d", row->attended);
      const char *cells[] = { year,
                              summit_participation_get_name (row, SUMMIT_PARTICIPATION_BY_COUNTRY, NULL),
                              invitations, invited, confirmed, attended };

      summit_document_row (doc, cells, country_widths, G_N_ELEMENTS (cells), FALSE);
    }
}

static void
write_sessions (SummitDocument *doc,
                SummitEdition  *edition,
                GPtrArray      *panels,
                const char     *local_zone)
{
  const char *host_zone = summit_edition_get_timezone (edition);
  gboolean two_zones = local_zone != NULL && g_strcmp0 (local_zone, host_zone) != 0;
  const double widths[] = { 0.38, 0.18, 0.22, 0.22 };
  const double one_zone_widths[] = { 0.5, 0.18, 0.32 };
  const char *header[] = { _("Session"), _("Kind"), _("Host’s time"), _("Your time") };
  guint shown = 0;

  summit_document_heading (doc, _("Headline Sessions"), 2);
  summit_document_row (doc, header, two_zones ? widths : one_zone_widths, two_zones ? 4 : 3, TRUE);
  for (guint i = 0; i < panels->len && shown < MAX_SESSIONS; i++)
    {
      SummitPanel *panel = g_ptr_array_index (panels, i);
      g_autofree char *day = NULL;
      g_autofree char *host = NULL;
      g_autofree char *local = NULL;
      g_autofree char *host_cell = NULL;
      g_autofree char *local_cell = NULL;
      const char *cells[4];
      gint64 start;

      if (!summit_panel_get_start (panel, &start))
        continue;
      day = summit_time_format_iso_day (start, host_zone);
      host = summit_time_format_in_zone (start, host_zone);
      host_cell = g_strdup_printf ("%s %s", day, host);
      cells[0] = summit_panel_get_title (panel);
      cells[1] = summit_panel_kind_to_label (summit_panel_get_kind (panel));
      cells[2] = host_cell;
      if (two_zones)
        {
          g_autofree char *local_day = summit_time_format_iso_day (start, local_zone);

          local = summit_time_format_in_zone (start, local_zone);
          local_cell = g_strdup_printf ("%s %s", local_day, local);
          cells[3] = local_cell;
        }
      summit_document_row (doc, cells, two_zones ? widths : one_zone_widths, two_zones ? 4 : 3, FALSE);
      shown++;
    }
  if (shown == 0)
    summit_document_paragraph (doc, _("No session has a time yet."));
}

/**
 * summit_press_kit_write:
 * @year: the edition, or 0 for the newest
 * @local_zone: (nullable): the reader's IANA zone, for the second time of
 *   each session; %NULL for the host's only
 *
 * Writes the press kit of the @year edition to @path, an A4 PDF.
 */
gboolean
summit_press_kit_write (SummitStore  *store,
                        int           year,
                        const char   *path,
                        const char   *local_zone,
                        GError      **error)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(SummitEdition) chosen = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GArray) derived = NULL;
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  g_autoptr(SummitChartModel) model = NULL;
  g_autoptr(SummitDocument) doc = NULL;
  SummitEdition *edition = NULL;
  int from = 0, to = 0;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  if (year > 0)
    {
      if ((chosen = summit_store_get_edition (store, year, error)) == NULL)
        return FALSE;
      edition = chosen;
    }
  else if ((editions = summit_store_list_editions (store, error)) == NULL)
    return FALSE;
  else if (editions->len > 0)
    edition = g_ptr_array_index (editions, 0);
  if ((stats = summit_store_list_year_statistics (store, error)) == NULL ||
      (derived = summit_store_derive_statistics (store, error)) == NULL)
    return FALSE;
  if (edition != NULL)
    {
      if ((countries = summit_store_count_participation (store, summit_edition_get_year (edition),
                                                         SUMMIT_PARTICIPATION_BY_COUNTRY, error)) == NULL ||
          (panels = summit_store_list_panels (store, summit_edition_get_id (edition), error)) == NULL)
        return FALSE;
    }

  if ((doc = summit_document_new (path, error)) == NULL)
    return FALSE;

  if (edition != NULL)
    write_edition (doc, edition);
  else
    summit_document_heading (doc, _("Press Kit"), 1);

  if (stats->len > 0)
    {
      from = summit_year_statistic_get_year (g_ptr_array_index (stats, 0));
      to = summit_year_statistic_get_year (g_ptr_array_index (stats, stats->len - 1));
      model = summit_chart_model_new (stats, NULL, from, to);
      summit_document_draw (doc, 270, draw_chart_cb, model);
    }
  write_figures (doc, stats);
  if (edition != NULL)
    {
      write_derived (doc, derived, countries);
      write_sessions (doc, edition, panels, local_zone);
    }
  return summit_document_finish (doc, error);
}
