/* summit-panels-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_TYPE_PANELS_PAGE (summit_panels_page_get_type ())
G_DECLARE_FINAL_TYPE (SummitPanelsPage, summit_panels_page, SUMMIT, PANELS_PAGE, GtkWidget)

void     summit_panels_page_set_store  (SummitPanelsPage  *self,
                                        SummitStore       *store);
void     summit_panels_page_set_year   (SummitPanelsPage  *self,
                                        int                year);
void     summit_panels_page_reload_programme (SummitPanelsPage *self);
void     summit_panels_page_refresh    (SummitPanelsPage  *self);
gboolean summit_panels_page_export_pdf (SummitPanelsPage  *self,
                                        const char        *path,
                                        GError           **error);

SummitStore *summit_panels_page_get_store (SummitPanelsPage *self);

G_END_DECLS
