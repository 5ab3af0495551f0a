/* summit-server-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-application.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_SERVER_DIALOG (summit_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SummitServerDialog, summit_server_dialog, SUMMIT, SERVER_DIALOG, AdwWindow)

SummitServerDialog *summit_server_dialog_new (SummitApplication *application,
                                              GtkWindow         *parent);

G_END_DECLS
