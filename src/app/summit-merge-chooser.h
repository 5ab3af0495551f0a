/* summit-merge-chooser.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUMMIT_TYPE_MERGE_CHOOSER (summit_merge_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SummitMergeChooser, summit_merge_chooser, SUMMIT, MERGE_CHOOSER, GtkWidget)

void      summit_merge_chooser_clear      (SummitMergeChooser *self);
void      summit_merge_chooser_begin      (SummitMergeChooser *self,
                                           GObject            *theirs,
                                           GObject            *mine,
                                           GObject            *merged,
                                           GArray             *fields);
GObject  *summit_merge_chooser_get_merge  (SummitMergeChooser *self,
                                           GObject           **theirs,
                                           GObject           **mine,
                                           GArray            **fields);
void      summit_merge_chooser_add        (SummitMergeChooser *self,
                                           const char         *field,
                                           const char         *yours,
                                           const char         *theirs);
gboolean  summit_merge_chooser_keeps_mine (SummitMergeChooser *self,
                                           guint               row);
void      summit_merge_chooser_present    (SummitMergeChooser *self);

G_END_DECLS
