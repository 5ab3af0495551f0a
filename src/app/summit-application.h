/* summit-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SUMMIT_TYPE_APPLICATION (summit_application_get_type ())
G_DECLARE_FINAL_TYPE (SummitApplication, summit_application, SUMMIT, APPLICATION, AdwApplication)

SummitApplication *summit_application_new          (void);
GSettings         *summit_application_get_settings (SummitApplication *self);

G_END_DECLS
