/* summit-programme.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "summit-edition.h"
#include "summit-panel.h"
#include "summit-store-editions.h"
#include "summit-store-programme.h"

G_BEGIN_DECLS

gboolean       summit_panel_validate      (SummitPanel    *panel,
                                           SummitEdition  *edition,
                                           GError        **error);

G_END_DECLS
