/* summit-rights.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "summit-store.h"

G_BEGIN_DECLS

gboolean  summit_rights_allow            (SummitStore        *store,
                                          SummitStoreRights   needed);
char     *summit_rights_refusal          (SummitStore        *store,
                                          SummitStoreRights   needed);
void      summit_rights_explain          (GtkWidget          *widget,
                                          const char         *refusal);
void      summit_rights_explain_actions  (GtkWidget          *root,
                                          const char * const *actions,
                                          const char         *refusal);

G_END_DECLS
