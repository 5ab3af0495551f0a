/* summit-import-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-window.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_IMPORT_DIALOG (summit_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SummitImportDialog, summit_import_dialog, SUMMIT, IMPORT_DIALOG, AdwWindow)

SummitImportDialog *summit_import_dialog_new (SummitWindow *window,
                                              GFile        *file);

G_END_DECLS
