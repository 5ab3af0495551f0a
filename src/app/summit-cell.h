/* summit-cell.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SUMMIT_TYPE_CELL (summit_cell_get_type ())
G_DECLARE_FINAL_TYPE (SummitCell, summit_cell, SUMMIT, CELL, GtkWidget)

GtkWidget *summit_cell_new      (guint       min_chars,
                                 guint       nat_chars);
void       summit_cell_set_text (SummitCell *self,
                                 const char *text);

G_END_DECLS
