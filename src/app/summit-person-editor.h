/* summit-person-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-edition.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PERSON_EDITOR (summit_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (SummitPersonEditor, summit_person_editor, SUMMIT, PERSON_EDITOR, AdwWindow)

SummitPersonEditor *summit_person_editor_new (GtkWindow     *parent,
                                              SummitStore   *store,
                                              SummitEdition *edition,
                                              gint64         person_id);

G_END_DECLS
