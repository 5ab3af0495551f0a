/* summit-statistics-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the Statistics page's files: the page (summit-statistics-page.c)
 * and its chart, data table and exports (summit-statistics-page-chart.c).
 */
#pragma once

#include "summit-chart-view.h"
#include "summit-participation-view.h"
#include "summit-statistics.h"
#include "summit-statistics-page.h"

G_BEGIN_DECLS

struct _SummitStatisticsPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkSpinButton        *from_spin;
  GtkSpinButton        *to_spin;
  GtkCheckButton       *derived_check;
  GtkLabel             *counted_label;
  GtkLabel             *range_warning;
  SummitChartView      *chart_view;
  SummitParticipationView *participation_view;
  GtkGrid              *data_grid;
  GtkGrid              *editor_grid;
  GtkLabel             *message_label;

  /* Owned */
  SummitStore          *store;
  GPtrArray            *stats;      /* SummitYearStatistic */
  GArray               *derived;    /* SummitDerivedFigure */
  GPtrArray            *rows;       /* YearRow */
  GtkFileChooserNative *chooser;
  int                   editor_rows;
  gboolean              editor_stale; /* changed elsewhere while someone typed in it */
  guint                 stale_idle;
  int                   year;       /* the header bar's edition; 0: the newest */
};

void summit_statistics_page_say                (SummitStatisticsPage *self,
                                                const char           *message,
                                                gboolean              is_error);
const SummitDerivedFigure *
     summit_statistics_page_find_derived       (SummitStatisticsPage *self,
                                                int                   year);
void summit_statistics_page_rebuild_chart      (SummitStatisticsPage *self);

void summit_statistics_page_export_action      (GtkWidget            *widget,
                                                const char           *action_name,
                                                GVariant             *parameter);
void summit_statistics_page_press_kit_action   (GtkWidget            *widget,
                                                const char           *action_name,
                                                GVariant             *parameter);
void summit_statistics_page_copy_image_action  (GtkWidget            *widget,
                                                const char           *action_name,
                                                GVariant             *parameter);
void summit_statistics_page_copy_table_action  (GtkWidget            *widget,
                                                const char           *action_name,
                                                GVariant             *parameter);
void summit_statistics_page_print_action       (GtkWidget            *widget,
                                                const char           *action_name,
                                                GVariant             *parameter);

G_END_DECLS
