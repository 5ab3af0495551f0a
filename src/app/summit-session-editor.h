/* summit-session-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_SESSION_EDITOR (summit_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (SummitSessionEditor, summit_session_editor, SUMMIT, SESSION_EDITOR, AdwWindow)

SummitSessionEditor *summit_session_editor_new (GtkWindow     *parent,
                                                SummitStore   *store,
                                                SummitEdition *edition,
                                                SummitPanel   *panel,
                                                const char    *second_zone);

G_END_DECLS
