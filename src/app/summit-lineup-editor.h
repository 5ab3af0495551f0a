/* summit-lineup-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_LINEUP_EDITOR (summit_lineup_editor_get_type ())
G_DECLARE_FINAL_TYPE (SummitLineupEditor, summit_lineup_editor, SUMMIT, LINEUP_EDITOR, GtkWidget)

void       summit_lineup_editor_set_session  (SummitLineupEditor *self,
                                              SummitStore        *store,
                                              SummitEdition      *edition,
                                              SummitPanel        *panel,
                                              GPtrArray          *people);
SummitRole summit_lineup_editor_get_new_role (SummitLineupEditor *self);

G_END_DECLS
