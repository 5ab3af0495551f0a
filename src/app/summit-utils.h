/* summit-utils.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkFileChooserNative *summit_save_dialog_new (GtkWidget  *widget,
                                              const char *title,
                                              const char *name);

void                  summit_file_dialog_clear (GtkFileChooserNative **chooser,
                                                gpointer               data);

GtkFileChooserNative *summit_chart_save_dialog_new (GtkWidget  *widget,
                                                    const char *format);
char                 *summit_chart_save_dialog_dup_path (GtkNativeDialog *dialog);

gboolean              summit_clipboard_set_png (GtkWidget  *widget,
                                                GBytes     *png,
                                                GError    **error);

void                  summit_widget_dispose_template (GtkWidget  *widget,
                                                      GType       type);

AdwStatusPage        *summit_stack_show_status_page (GtkStack   *stack,
                                                     const char *name,
                                                     const char *icon_name,
                                                     const char *title);

void                  summit_menu_button_set_menu_later (GtkMenuButton *button,
                                                         GMenuModel    *menu);

AdwToast             *summit_toast_new (const char *text);

G_END_DECLS
