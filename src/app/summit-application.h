/* summit-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_APPLICATION (summit_application_get_type ())
G_DECLARE_FINAL_TYPE (SummitApplication, summit_application, SUMMIT, APPLICATION, AdwApplication)

/* summit-window.h includes this header: the window type by its struct name. */
struct _SummitWindow;

SummitApplication    *summit_application_new             (void);
GSettings            *summit_application_get_settings    (SummitApplication *self);
struct _SummitWindow *summit_application_open_store      (SummitApplication *self,
                                                          const char        *location,
                                                          SummitStore       *store,
                                                          const GError      *open_error);
void                  summit_application_remember_server (SummitApplication *self,
                                                          const char        *location);

G_END_DECLS
