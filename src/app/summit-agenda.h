/* summit-agenda.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "summit-edition.h"
#include "summit-panel.h"

G_BEGIN_DECLS

char              *summit_agenda_describe_lineup     (SummitPanel   *panel);
char              *summit_agenda_day_of              (SummitPanel   *panel,
                                                      SummitEdition *edition,
                                                      gboolean       for_display);
char              *summit_agenda_format_span         (gint64         start,
                                                      int            minutes,
                                                      const char    *zone);
GtkPrintOperation *summit_agenda_print_operation_new (SummitEdition *edition,
                                                      GPtrArray     *panels,
                                                      const char    *second_zone);

G_END_DECLS
