/* summit-panels-page-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the Panels page's files: the page (summit-panels-page.c) and
 * its exports (summit-panels-page-export.c).
 */
#pragma once

#include "summit-lineup-editor.h"
#include "summit-panels-page.h"
#include "summit-programme.h"

G_BEGIN_DECLS

struct _SummitPanelsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwPreferencesPage *agenda;
  AdwStatusPage      *error_page;
  GtkEntry           *zone_entry;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox         *conflicts_list;
  GtkStack           *detail_stack;
  GtkLabel           *session_title;
  GtkLabel           *session_when;
  AdwPreferencesGroup *session_conflicts_group;
  GtkListBox         *session_conflicts_list;
  SummitLineupEditor *lineup_editor;

  /* Owned */
  SummitStore        *store;
  SummitEdition      *edition;
  GPtrArray          *panels;      /* SummitPanel */
  GPtrArray          *conflicts;   /* SummitConflict */
  GPtrArray          *people;      /* SummitPerson */
  GPtrArray          *groups;      /* AdwPreferencesGroup, borrowed from agenda */
  char               *second_zone;
  gint64              selected_id;
  int                 year;          /* 0: the newest edition */
};

const char *summit_panels_page_second_zone   (SummitPanelsPage *self);
void        summit_panels_page_say           (SummitPanelsPage *self,
                                              const char       *message);

void        summit_panels_page_export_action (GtkWidget        *widget,
                                              const char       *action_name,
                                              GVariant         *parameter);
void        summit_panels_page_print_action  (GtkWidget        *widget,
                                              const char       *action_name,
                                              GVariant         *parameter);

G_END_DECLS
