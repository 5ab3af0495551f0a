/* summit-programme.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks a session passes before it is stored; the sessions and editions
 * themselves are read and written by the store (summit-store-programme.c,
 * summit-store-editions.c).
 */
#define G_LOG_DOMAIN "summit-programme"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-programme.h"
#include "summit-text.h"
#include "summit-time.h"

/**
 * summit_panel_validate:
 * @edition: (nullable): the edition, whose dates and zone bound the session
 *
 * Checks a session before it is stored: a title, no control characters
 * (the description may hold several lines), a positive duration that
 * ends the same or the next day, and a start within the edition's dates (read
 * in the edition's zone).
 *
 * Returns: %TRUE if @panel may be saved, %FALSE with @error set
 *   (%SUMMIT_STORE_ERROR_INVALID) saying what to change
 */
gboolean
summit_panel_validate (SummitPanel    *panel,
                       SummitEdition  *edition,
                       GError        **error)
{
  const char *title = summit_panel_get_title (panel);
  g_autofree char *stripped = NULL;
  g_autofree char *day = NULL;
  gint64 start;

  g_return_val_if_fail (SUMMIT_IS_PANEL (panel), FALSE);

  if (!summit_text_check_controls (title, "title", FALSE, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (summit_panel_get_room (panel), "room", FALSE,
                                   SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (summit_panel_get_description (panel), "description", TRUE,
                                   SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (title ? title : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("A session needs a title"));
      return FALSE;
    }
  if (summit_panel_get_duration (panel) <= 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("The session ends before it starts: give it a positive duration"));
      return FALSE;
    }
  if (summit_panel_get_duration (panel) > 24 * 60)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("A session lasts at most 24 hours"));
      return FALSE;
    }

  if (summit_panel_get_start (panel, &start))
    day = summit_time_format_iso_day (start, edition ? summit_edition_get_timezone (edition) : "UTC");
  else if (summit_panel_get_day (panel) != NULL)
    day = g_strdup (summit_panel_get_day (panel));

  if (edition != NULL && day != NULL)
    {
      const char *first = summit_edition_get_start_date (edition);
      const char *last = summit_edition_get_end_date (edition);

      if ((first != NULL && g_strcmp0 (day, first) < 0) || (last != NULL && g_strcmp0 (day, last) > 0))
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("The session falls on %s (%s time), outside the %d edition’s dates, %s to %s"),
                       day, summit_edition_get_timezone (edition), summit_edition_get_year (edition),
                       first ? first : "…", last ? last : "…");
          return FALSE;
        }
    }
  return TRUE;
}
