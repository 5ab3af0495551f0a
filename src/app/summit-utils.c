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
 * summit_file_dialog_clear:
 * @chooser: where a widget keeps its file chooser, perhaps open
 * @data: the widget its signal handlers were connected with
 *
 * Closes and drops the chooser without calling the widget back: for a
 * widget going away while its dialog is still open.
 */
void
summit_file_dialog_clear (GtkFileChooserNative **chooser,
                          gpointer               data)
{
  if (*chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*chooser, data);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}

/**
 * summit_chart_save_dialog_new:
 * @format: the file's extension, "png", "svg", "pdf" or "csv"
 *
 * A "Save the Chart" file chooser that shows files of @format; read the
 * chosen path with summit_chart_save_dialog_dup_path().
 *
 * Returns: (transfer full): the dialog, not yet shown
 */
GtkFileChooserNative *
summit_chart_save_dialog_new (GtkWidget  *widget,
                              const char *format)
{
  GtkFileChooserNative *dialog = summit_save_dialog_new (widget, _("Save the Chart"), NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  g_autofree char *upper = g_ascii_strup (format, -1);

  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  gtk_file_filter_set_name (filter, upper);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  return dialog;
}

/**
 * summit_chart_save_dialog_dup_path:
 * @dialog: made by summit_chart_save_dialog_new()
 *
 * Returns: (transfer full) (nullable): the chosen local file, its format's
 *   extension added if it lacks it; %NULL if the file is not local
 */
char *
summit_chart_save_dialog_dup_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;
  g_autofree char *suffix = g_strconcat (".", g_object_get_data (G_OBJECT (dialog), "format"), NULL);

  if (path == NULL || g_str_has_suffix (lower, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

/**
 * summit_clipboard_set_png:
 * @png: a PNG file's contents
 *
 * Puts the image on @widget's clipboard.
 *
 * Returns: %FALSE with @error set if @png is not an image
 */
gboolean
summit_clipboard_set_png (GtkWidget  *widget,
                          GBytes     *png,
                          GError    **error)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, error);

  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  return TRUE;
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

/**
 * summit_toast_new:
 * @text: what to say, plain text
 *
 * A toast saying @text as it is: a toast's title is markup, and what we
 * say names people, sessions and files ("Buses & trams").
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
summit_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}
