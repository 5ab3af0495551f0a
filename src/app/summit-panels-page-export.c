/* summit-panels-page-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Panels page's exports: the programme saved as a calendar, a frab
 * schedule or the printable agenda as PDF, and the agenda printed.
 */
#define G_LOG_DOMAIN "summit-panels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-agenda.h"
#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-panels-page-private.h"
#include "summit-utils.h"

/* Callbacks */

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    SummitPanelsPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *left_out = NULL;
      gboolean ok;

      if (g_strcmp0 (format, "ics") == 0)
        ok = summit_store_export_ical (self->store, self->edition, 0, path, &error);
      else if (g_strcmp0 (format, "frab") == 0)
        ok = summit_store_export_frab (self->store, self->edition, path, &left_out, &error);
      else
        ok = summit_panels_page_export_pdf (self, path, &error);

      if (!ok)
        summit_panels_page_say (self, error->message);
      else if (left_out != NULL)
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *notice;

          /* What the file lacks stays on screen until the planner has read it. */
          notice = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           _("Schedule Saved Without Some Sessions"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (notice), _("Saved to %s.\n\n%s"),
                                          path, left_out);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (notice), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (notice));
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Saved to %s"), path);
          summit_panels_page_say (self, message);
        }
    }
  g_object_unref (dialog);
}

void
summit_panels_page_export_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);
  const char *format;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  int year;

  if (self->edition == NULL)
    return;
  year = summit_edition_get_year (self->edition);
  if (g_str_equal (action_name, "panels.export-ics"))
    {
      format = "ics";
      name = g_strdup_printf ("summit-%d.ics", year);
      dialog = summit_save_dialog_new (GTK_WIDGET (self), _("Save the Programme as a Calendar"),
                                       name);
    }
  else if (g_str_equal (action_name, "panels.export-frab"))
    {
      format = "frab";
      name = g_strdup_printf ("summit-%d-schedule.xml", year);
      dialog = summit_save_dialog_new (GTK_WIDGET (self), _("Save the Programme as a Schedule"),
                                       name);
    }
  else
    {
      format = "pdf";
      name = g_strdup_printf ("summit-%d-agenda.pdf", year);
      dialog = summit_save_dialog_new (GTK_WIDGET (self), _("Save the Agenda as PDF"),
                                       name);
    }
  g_object_set_data (G_OBJECT (dialog), "format", (gpointer)format);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
summit_panels_page_print_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->edition == NULL)
    return;
  operation = summit_agenda_print_operation_new (self->edition, self->panels,
                                                 summit_panels_page_second_zone (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    summit_panels_page_say (self, error->message);
}

/* Public API */

/**
 * summit_panels_page_export_pdf:
 *
 * Saves the printable agenda — the same pages "Print Agenda" sends to a
 * printer — to @path as PDF.
 */
gboolean
summit_panels_page_export_pdf (SummitPanelsPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (SUMMIT_IS_PANELS_PAGE (self), FALSE);

  if (self->edition == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no programme to save"));
      return FALSE;
    }
  operation = summit_agenda_print_operation_new (self->edition, self->panels,
                                                 summit_panels_page_second_zone (self));
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
