/* summit-utils.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers the widgets share.
 */
#define G_LOG_DOMAIN "summit-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-utils.h"

/**
 * summit_save_dialog_new:
 * @widget: the widget whose window the dialog belongs to
 * @name: (nullable): the file name to suggest
 *
 * Returns: (transfer full): a modal "Save" file chooser, not yet shown
 */
GtkFileChooserNative *
summit_save_dialog_new (GtkWidget  *widget,
                        const char *title,
                        const char *name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  return dialog;
}

/**
 * summit_widget_dispose_template:
 * @type: the template's type, as for gtk_widget_dispose_template()
 *
 * gtk_widget_dispose_template(), then unparents the children it leaves: in
 * GTK 4.8 it only unparents template children that are bound by id.
 */
void
summit_widget_dispose_template (GtkWidget *widget,
                                GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
