/* summit-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-application.h"
#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_WINDOW (summit_window_get_type ())
G_DECLARE_FINAL_TYPE (SummitWindow, summit_window, SUMMIT, WINDOW, AdwApplicationWindow)

SummitWindow *summit_window_new               (SummitApplication *application,
                                               const char        *database_path,
                                               SummitStore       *store,
                                               const GError      *open_error);
const char   *summit_window_get_database_path (SummitWindow      *self);
SummitStore  *summit_window_get_store         (SummitWindow      *self);
void          summit_window_add_toast         (SummitWindow      *self,
                                               AdwToast          *toast);
void          summit_window_reload            (SummitWindow      *self);

G_END_DECLS
