/* summit-text.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean summit_text_check_controls (const char  *value,
                                     const char  *field,
                                     gboolean     multiline,
                                     GQuark       domain,
                                     int          code,
                                     GError     **error);

G_END_DECLS
