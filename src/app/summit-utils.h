/* summit-utils.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *summit_save_dialog_new (GtkWidget  *widget,
                                              const char *title,
                                              const char *name);

void                  summit_widget_dispose_template (GtkWidget  *widget,
                                                      GType       type);

G_END_DECLS
