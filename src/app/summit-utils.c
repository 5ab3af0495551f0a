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

/* Pages and popovers most starts never show are built when first needed:
 * each would cost the first frame the building and styling of its widgets. */

/**
 * summit_stack_show_status_page:
 * @name: the page's name in @stack
 *
 * Shows the page @name of @stack: an AdwStatusPage with @icon_name and
 * @title, added the first time it is asked for.
 *
 * Returns: (transfer none): the page, to give a description
 */
AdwStatusPage *
summit_stack_show_status_page (GtkStack   *stack,
                               const char *name,
                               const char *icon_name,
                               const char *title)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  if (page == NULL)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
      adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
      gtk_stack_add_named (stack, page, name);
    }
  gtk_stack_set_visible_child (stack, page);
  return ADW_STATUS_PAGE (page);
}

static void
menu_popup_cb (GtkMenuButton *button,
               gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

/**
 * summit_menu_button_set_menu_later:
 *
 * Gives @button @menu when it is first opened, so that the menu's popover
 * is built then rather than with the window.
 */
void
summit_menu_button_set_menu_later (GtkMenuButton *button,
                                   GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, menu_popup_cb, g_object_ref (menu),
                                         g_object_unref);
}
