/* summit-language.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* While one is alive, the calling thread's translations (gettext) and date
 * names (g_date_time_format) are in its language; freeing it restores them. */
typedef struct _SummitLanguageScope SummitLanguageScope;

SummitLanguageScope *summit_language_scope_new   (const char          *language);
SummitLanguageScope *summit_language_scope_new_for_dates (const char    *language);
void                 summit_language_scope_free  (SummitLanguageScope *scope);
const char          *summit_language_for_country (const char          *country);
gboolean             summit_language_is_known    (const char          *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitLanguageScope, summit_language_scope_free)

G_END_DECLS
