/* summit-panels-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Panels page: the current edition's programme as an agenda grouped by
 * day, each session's time in the edition's zone and in the planner's second
 * zone; the conflicts of the whole edition; and, for the session picked, its
 * lineup — added to by search or by dragging a person, reordered by drag or
 * Alt+Up/Down, each member's own local time beside their name.
 */
#define G_LOG_DOMAIN "summit-panels-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-agenda.h"
#include "summit-conflicts.h"
#include "summit-frab.h"
#include "summit-ical.h"
#include "summit-panels-page.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-session-editor.h"
#include "summit-time.h"
#include "summit-window.h"

#define DEFAULT_SECOND_ZONE "Europe/Warsaw"
#define MAX_RESULTS 8

struct _SummitPanelsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwPreferencesPage *agenda;
  AdwStatusPage      *error_page;
  GtkEntry           *zone_entry;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox         *conflicts_list;
  GtkStack           *detail_stack;
  GtkLabel           *session_title;
  GtkLabel           *session_when;
  AdwPreferencesGroup *session_conflicts_group;
  GtkListBox         *session_conflicts_list;
  GtkListBox         *lineup_list;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *new_role_dropdown;
  GtkListBox         *results_list;

  /* Owned */
  SummitStore        *store;
  SummitEdition      *edition;
  GPtrArray          *panels;      /* SummitPanel */
  GPtrArray          *conflicts;   /* SummitConflict */
  GPtrArray          *people;      /* SummitPerson */
  GPtrArray          *groups;      /* AdwPreferencesGroup, borrowed from agenda */
  char               *second_zone;
  gint64              selected_id;
  gint64              focus_person_id;
  int                 year;          /* 0: the newest edition */
};

G_DEFINE_FINAL_TYPE (SummitPanelsPage, summit_panels_page, GTK_TYPE_WIDGET)

static void summit_panels_page_reload (SummitPanelsPage *self);

/* Auxiliary methods */

static GSettings *
get_settings (SummitPanelsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app;

  if (!GTK_IS_WINDOW (root) || (app = gtk_window_get_application (GTK_WINDOW (root))) == NULL
      || !SUMMIT_IS_APPLICATION (app))
    return NULL;
  return summit_application_get_settings (SUMMIT_APPLICATION (app));
}

static const char *
second_zone (SummitPanelsPage *self)
{
  if (self->second_zone == NULL)
    {
      GSettings *settings = get_settings (self);
      g_autofree char *zone = settings ? g_settings_get_string (settings, "second-timezone") : NULL;

      if (zone != NULL && summit_time_zone_is_known (zone))
        self->second_zone = g_steal_pointer (&zone);
      else
        return DEFAULT_SECOND_ZONE;
    }
  return self->second_zone;
}

static void
say (SummitPanelsPage *self,
     const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SUMMIT_IS_WINDOW (root))
    summit_window_add_toast (SUMMIT_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static SummitPanel *
find_panel (SummitPanelsPage *self,
            gint64            id)
{
  for (guint i = 0; self->panels && i < self->panels->len; i++)
    if (summit_panel_get_id (g_ptr_array_index (self->panels, i)) == id)
      return g_ptr_array_index (self->panels, i);
  return NULL;
}

static SummitPanel *
selected_panel (SummitPanelsPage *self)
{
  return find_panel (self, self->selected_id);
}

static guint
count_conflicts (SummitPanelsPage *self,
                 gint64            panel_id,
                 gboolean          soft)
{
  guint n = 0;

  for (guint i = 0; self->conflicts && i < self->conflicts->len; i++)
    {
      SummitConflict *c = g_ptr_array_index (self->conflicts, i);
      if (c->panel_id == panel_id && c->soft == soft)
        n++;
    }
  return n;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* "22:00 Taipei = 16:00 in Lublin" */
static char *
member_local_time (SummitPanelsPage        *self,
                   SummitPanel             *panel,
                   const SummitPanelMember *member)
{
  const char *host = summit_edition_get_timezone (self->edition);
  g_autofree char *host_clock = NULL;
  g_autofree char *host_city = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *city = NULL;
  gint64 start;

  if (!summit_panel_get_start (panel, &start))
    return g_strdup (_("Time to be announced"));
  if (!summit_time_zone_is_known (member->timezone))
    return g_strdup (_("Their time zone is not known"));

  host_clock = summit_time_format_clock (start, host);
  host_city = summit_time_zone_city (host);
  clock = summit_time_format_clock (start, member->timezone);
  city = (member->city && *member->city) ? g_strdup (member->city)
                                         : summit_time_zone_city (member->timezone);
  /* Translators: the session's time for one member, "22:00 Taipei = 16:00 in Lublin" */
  return g_strdup_printf (_("%s %s = %s in %s"), host_clock, host_city, clock, city);
}

static gboolean
person_matches (SummitPerson *person,
                const char   *needle)
{
  static const SummitPersonField fields[] = {
    SUMMIT_PERSON_GIVEN_NAME, SUMMIT_PERSON_FAMILY_NAME, SUMMIT_PERSON_NATIVE_NAME,
    SUMMIT_PERSON_CITY, SUMMIT_PERSON_POSITION, SUMMIT_PERSON_ORGANISATION,
  };
  g_autofree char *name = summit_person_dup_display_name (person);
  g_autofree char *folded_name = g_utf8_casefold (name, -1);

  if (strstr (folded_name, needle) != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = summit_person_get_field (person, fields[i]);
      g_autofree char *folded = value ? g_utf8_casefold (value, -1) : NULL;

      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Lineup changes: each one transaction, then everything is read again. */

static void
add_member (SummitPanelsPage *self,
            gint64            panel_id,
            gint64            person_id,
            int               position)
{
  g_autoptr(GError) error = NULL;
  SummitRole role = gtk_drop_down_get_selected (self->new_role_dropdown);

  if (role >= SUMMIT_N_ROLES)
    role = SUMMIT_ROLE_PANELIST;
  if (!summit_store_add_panel_member (self->store, panel_id, person_id, role, &error)
      || (position >= 0
          && !summit_store_move_panel_member (self->store, panel_id, person_id, position, &error)))
    {
      say (self, error->message);
      return;
    }
  self->selected_id = panel_id;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  summit_panels_page_reload (self);
}

static void
move_member (SummitPanelsPage *self,
             gint64            person_id,
             int               position)
{
  g_autoptr(GError) error = NULL;

  if (!summit_store_move_panel_member (self->store, self->selected_id, person_id, position, &error))
    {
      say (self, error->message);
      return;
    }
  self->focus_person_id = person_id;
  summit_panels_page_reload (self);
}

static int
member_index (SummitPanel *panel,
              gint64       person_id)
{
  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    if (summit_panel_get_member (panel, i)->person_id == person_id)
      return (int)i;
  return -1;
}

/* Callbacks */

static gboolean
reload_idle_cb (gpointer user_data)
{
  summit_panels_page_reload (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (gtk_widget_get_ancestor (row, SUMMIT_TYPE_PANELS_PAGE));
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  int delta = GPOINTER_TO_INT (user_data);
  SummitPanel *panel = selected_panel (self);
  int index;

  if (panel == NULL || (index = member_index (panel, person_id)) < 0)
    return FALSE;
  if (index + delta < 0 || index + delta >= (int)summit_panel_get_n_members (panel))
    return TRUE;
  move_member (self, person_id, index + delta);
  return TRUE;
}

static void
move_button_cb (GtkButton *button,
                gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  move_shortcut_cb (row, NULL, user_data);
}

static void
remove_button_cb (GtkButton        *button,
                  SummitPanelsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!summit_store_remove_panel_member (self->store, self->selected_id, person_id, &error))
    say (self, error->message);
  summit_panels_page_reload (self);
}

static void
role_changed_cb (GtkDropDown      *dropdown,
                 GParamSpec       *pspec,
                 SummitPanelsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  SummitPanel *panel = selected_panel (self);
  guint role = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  int index;

  if (panel == NULL || role >= SUMMIT_N_ROLES || (index = member_index (panel, person_id)) < 0
      || summit_panel_get_member (panel, index)->role == role)
    return;
  if (!summit_store_set_panel_member_role (self->store, self->selected_id, person_id, role, &error))
    say (self, error->message);
  self->focus_person_id = person_id;
  /* Not from inside the dropdown's own signal: it is about to be destroyed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, g_object_ref (self), g_object_unref);
}

static void
export_person_response_cb (GtkNativeDialog  *dialog,
                           int               response,
                           SummitPanelsPage *self)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!summit_store_export_ical (self->store, self->edition, person_id, path, &error))
        say (self, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Saved the calendar to %s"), path);
          say (self, message);
        }
    }
  g_object_unref (dialog);
}

static GtkFileChooserNative *
save_dialog (SummitPanelsPage *self,
             const char       *title,
             const char       *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  return dialog;
}

static void
export_person_button_cb (GtkButton        *button,
                         SummitPanelsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  const char *name = g_object_get_data (G_OBJECT (row), "person-name");
  g_autofree char *file_name = g_strdup_printf ("%s.ics", name);
  GtkFileChooserNative *dialog = save_dialog (self, _("Save Their Calendar"), file_name);

  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER (person_id));
  g_signal_connect (dialog, "response", G_CALLBACK (export_person_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GdkContentProvider *
lineup_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  g_autofree char *token = g_strdup_printf ("summit-lineup:%" G_GINT64_FORMAT, person_id);

  return gdk_content_provider_new_typed (G_TYPE_STRING, token);
}

static GdkContentProvider *
person_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  SummitPerson *person = g_object_get_data (G_OBJECT (row), "person");

  return gdk_content_provider_new_typed (SUMMIT_TYPE_PERSON, person);
}

static gboolean
lineup_drop_cb (GtkDropTarget    *target,
                const GValue     *value,
                double            x,
                double            y,
                SummitPanelsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->lineup_list, (int)y);
  int position = row ? gtk_list_box_row_get_index (row) : -1;

  if (G_VALUE_HOLDS (value, SUMMIT_TYPE_PERSON))
    {
      SummitPerson *person = g_value_get_object (value);

      add_member (self, self->selected_id, summit_person_get_id (person), position);
      return TRUE;
    }
  if (G_VALUE_HOLDS_STRING (value) && g_str_has_prefix (g_value_get_string (value), "summit-lineup:"))
    {
      gint64 person_id = g_ascii_strtoll (g_value_get_string (value) + strlen ("summit-lineup:"), NULL, 10);

      move_member (self, person_id, position >= 0 ? position : G_MAXINT);
      return TRUE;
    }
  return FALSE;
}

static gboolean
session_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (gtk_widget_get_ancestor (row, SUMMIT_TYPE_PANELS_PAGE));
  gint64 panel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "panel-id"));
  SummitPerson *person = g_value_get_object (value);

  add_member (self, panel_id, summit_person_get_id (person), -1);
  return TRUE;
}

static void
session_activated_cb (AdwActionRow *row,
                      SummitPanelsPage *self)
{
  self->selected_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "panel-id"));
  summit_panels_page_reload (self);
}

static void
conflict_activated_cb (SummitPanelsPage *self,
                       GtkListBoxRow    *row)
{
  gint64 panel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "panel-id"));

  if (panel_id != 0)
    {
      self->selected_id = panel_id;
      summit_panels_page_reload (self);
    }
}

static void
fill_results (SummitPanelsPage *self);

static void
search_changed_cb (SummitPanelsPage *self)
{
  fill_results (self);
}

static void
result_activated_cb (SummitPanelsPage *self,
                     GtkListBoxRow    *row)
{
  SummitPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    add_member (self, self->selected_id, summit_person_get_id (person), -1);
}

static void
add_result_button_cb (GtkButton        *button,
                      SummitPanelsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  result_activated_cb (self, GTK_LIST_BOX_ROW (row));
}

static void
search_activate_cb (SummitPanelsPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_object_get_data (G_OBJECT (first), "person") != NULL)
    result_activated_cb (self, first);
}

static void
zone_activate_cb (SummitPanelsPage *self)
{
  g_autofree char *zone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry))));
  GSettings *settings = get_settings (self);

  if (!summit_time_zone_is_known (zone))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time zone; use a name such as Europe/Warsaw"), zone);

      gtk_widget_add_css_class (GTK_WIDGET (self->zone_entry), "error");
      say (self, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->zone_entry), "error");
  g_free (self->second_zone);
  self->second_zone = g_steal_pointer (&zone);
  if (settings != NULL)
    g_settings_set_string (settings, "second-timezone", self->second_zone);
  summit_panels_page_reload (self);
}

static void
editor_saved_cb (SummitSessionEditor *editor,
                 gint64               panel_id,
                 SummitPanelsPage    *self)
{
  self->selected_id = panel_id;
  summit_panels_page_reload (self);
}

static void
open_editor (SummitPanelsPage *self,
             SummitPanel      *panel)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SummitSessionEditor *editor;

  if (self->edition == NULL)
    return;
  editor = summit_session_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, self->edition, panel, second_zone (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (SUMMIT_PANELS_PAGE (widget), NULL);
}

static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);
  SummitPanel *panel = selected_panel (self);

  if (panel != NULL)
    open_editor (self, panel);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SummitPanelsPage *self)
{
  gint64 panel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "panel-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!summit_store_delete_panel (self->store, panel_id, &error))
    say (self, error->message);
  if (self->selected_id == panel_id)
    self->selected_id = 0;
  summit_panels_page_reload (self);
}

static void
delete_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);
  SummitPanel *panel = selected_panel (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (panel == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Session?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its lineup will be removed. The people stay."),
                                  summit_panel_get_title (panel));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "panel-id", GSIZE_TO_POINTER (summit_panel_get_id (panel)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
      gboolean ok;

      if (g_strcmp0 (format, "ics") == 0)
        ok = summit_store_export_ical (self->store, self->edition, 0, path, &error);
      else if (g_strcmp0 (format, "frab") == 0)
        ok = summit_store_export_frab (self->store, self->edition, path, NULL, &error);
      else
        ok = summit_panels_page_export_pdf (self, path, &error);

      if (!ok)
        say (self, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Saved to %s"), path);
          say (self, message);
        }
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
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
      dialog = save_dialog (self, _("Save the Programme as a Calendar"), name);
    }
  else if (g_str_equal (action_name, "panels.export-frab"))
    {
      format = "frab";
      name = g_strdup_printf ("summit-%d-schedule.xml", year);
      dialog = save_dialog (self, _("Save the Programme as a Schedule"), name);
    }
  else
    {
      format = "pdf";
      name = g_strdup_printf ("summit-%d-agenda.pdf", year);
      dialog = save_dialog (self, _("Save the Agenda as PDF"), name);
    }
  g_object_set_data (G_OBJECT (dialog), "format", (gpointer)format);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->edition == NULL)
    return;
  operation = summit_agenda_print_operation_new (self->edition, self->panels, second_zone (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    say (self, error->message);
}

/* Building the page */

static gboolean
is_mirror_of_earlier (GPtrArray *conflicts,
                      guint      index)
{
  SummitConflict *conflict = g_ptr_array_index (conflicts, index);

  if (conflict->other_panel_id == 0)
    return FALSE;
  for (guint i = 0; i < index; i++)
    {
      SummitConflict *earlier = g_ptr_array_index (conflicts, i);

      if (earlier->kind == conflict->kind && earlier->person_id == conflict->person_id
          && earlier->panel_id == conflict->other_panel_id
          && earlier->other_panel_id == conflict->panel_id)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
conflict_row (SummitConflict *conflict,
              SummitPanel    *panel)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (conflict->soft ? "dialog-information-symbolic"
                                                                 : "dialog-warning-symbolic");
  g_autofree char *subtitle = NULL;

  if (panel != NULL)
    subtitle = g_strdup_printf ("%s · %s", summit_conflict_kind_to_label (conflict->kind),
                                summit_panel_get_title (panel));
  else
    subtitle = g_strdup (summit_conflict_kind_to_label (conflict->kind));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, conflict->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflict->soft ? _("Worth a look") : _("Conflict"), -1);
  gtk_widget_add_css_class (icon, conflict->soft ? "dim-label" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "panel-id", GSIZE_TO_POINTER (conflict->panel_id));
  return row;
}

static GtkWidget *
create_session_row (SummitPanelsPage *self,
                    SummitPanel      *panel)
{
  g_autofree char *lineup = summit_agenda_describe_lineup (panel);
  g_autofree char *subtitle = NULL;
  g_autofree char *time_text = NULL;
  const char *edition_zone = summit_edition_get_timezone (self->edition);
  guint hard = count_conflicts (self, summit_panel_get_id (panel), FALSE);
  guint soft = count_conflicts (self, summit_panel_get_id (panel), TRUE);
  GtkDropTarget *drop;
  GtkWidget *row;
  GtkWidget *time_label;
  gint64 start;

  if (summit_panel_get_start (panel, &start))
    {
      g_autofree char *host = summit_time_format_in_zone (start, edition_zone);
      g_autofree char *other = summit_time_format_in_zone (start, second_zone (self));

      time_text = g_strdup_printf ("%s\n%s", host, other);
    }
  else
    time_text = g_strdup (_("Time to be announced"));

  if (*lineup)
    subtitle = g_strdup_printf ("%s · %s", summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                lineup);
  else
    subtitle = g_strdup (summit_panel_kind_to_label (summit_panel_get_kind (panel)));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summit_panel_get_title (panel));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "panel-id", GSIZE_TO_POINTER (summit_panel_get_id (panel)));
  g_signal_connect (row, "activated", G_CALLBACK (session_activated_cb), self);
  if (summit_panel_get_id (panel) == self->selected_id)
    gtk_widget_add_css_class (row, "accent");

  if (hard + soft > 0)
    {
      GtkWidget *badge = gtk_label_new (NULL);
      g_autofree char *badge_text = NULL;

      if (hard > 0)
        badge_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", hard),
                                      hard);
      else
        badge_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to check", "%u to check", soft),
                                      soft);
      gtk_label_set_text (GTK_LABEL (badge), badge_text);
      gtk_widget_add_css_class (badge, hard > 0 ? "warning" : "dim-label");
      gtk_widget_add_css_class (badge, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  time_label = gtk_label_new (time_text);
  gtk_label_set_xalign (GTK_LABEL (time_label), 1.0);
  gtk_label_set_justify (GTK_LABEL (time_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "time-secondary");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  drop = gtk_drop_target_new (SUMMIT_TYPE_PERSON, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (session_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  return row;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
lineup_row (SummitPanelsPage        *self,
            SummitPanel             *panel,
            guint                    index,
            const SummitPanelMember *member)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *local = member_local_time (self, panel, member);
  g_autofree char *label = NULL;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkShortcutController *shortcuts;
  GtkDragSource *drag;
  GtkWidget *dropdown;
  GtkWidget *button;
  guint n = summit_panel_get_n_members (panel);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->display_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), local);
  g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (member->person_id));
  g_object_set_data_full (G_OBJECT (row), "person-name", g_strdup (member->display_name), g_free);
  gtk_widget_set_focusable (row, TRUE);

  for (int r = 0; r < SUMMIT_N_ROLES; r++)
    gtk_string_list_append (roles, summit_role_to_label (r));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), member->role);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  label = g_strdup_printf (_("Role of %s"), member->display_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (role_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  g_free (label);
  label = g_strdup_printf (_("Move %s up"), member->display_name);
  button = icon_button ("go-up-symbolic", label);
  gtk_widget_set_sensitive (button, index > 0);
  g_signal_connect (button, "clicked", G_CALLBACK (move_button_cb), GINT_TO_POINTER (-1));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_free (label);
  label = g_strdup_printf (_("Move %s down"), member->display_name);
  button = icon_button ("go-down-symbolic", label);
  gtk_widget_set_sensitive (button, index + 1 < n);
  g_signal_connect (button, "clicked", G_CALLBACK (move_button_cb), GINT_TO_POINTER (1));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_free (label);
  label = g_strdup_printf (_("Save the calendar of %s"), member->display_name);
  button = icon_button ("x-office-calendar-symbolic", label);
  g_signal_connect (button, "clicked", G_CALLBACK (export_person_button_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_free (label);
  label = g_strdup_printf (_("Remove %s"), member->display_name);
  button = icon_button ("list-remove-symbolic", label);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_button_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                      gtk_callback_action_new (move_shortcut_cb, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                      gtk_callback_action_new (move_shortcut_cb, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (shortcuts));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (lineup_drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  return row;
}

static void
fill_results (SummitPanelsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  SummitPanel *panel = selected_panel (self);
  guint shown = 0;

  clear_list (self->results_list);
  if (panel == NULL || self->people == NULL)
    return;
  g_strstrip (needle);

  for (guint i = 0; i < self->people->len && shown < MAX_RESULTS; i++)
    {
      SummitPerson *person = g_ptr_array_index (self->people, i);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkDragSource *drag;
      GtkWidget *row;
      GtkWidget *button;

      if (member_index (panel, summit_person_get_id (person)) >= 0 || !person_matches (person, needle))
        continue;
      name = summit_person_dup_display_name (person);
      subtitle = g_strdup_printf ("%s%s%s", summit_person_get_position (person),
                                  *summit_person_get_position (person) && *summit_person_get_city (person)
                                  ? ", " : "",
                                  summit_person_get_city (person));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

      label = g_strdup_printf (_("Add %s"), name);
      button = icon_button ("list-add-symbolic", label);
      g_signal_connect (button, "clicked", G_CALLBACK (add_result_button_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      drag = gtk_drag_source_new ();
      gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
      g_signal_connect (drag, "prepare", G_CALLBACK (person_drag_prepare_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

      gtk_list_box_append (self->results_list, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *needle ? _("Nobody else matches") : _("Everyone is in the lineup"));
      gtk_list_box_append (self->results_list, row);
    }
}

static void
fill_detail (SummitPanelsPage *self)
{
  SummitPanel *panel = selected_panel (self);
  const char *host;
  g_autofree char *when = NULL;
  g_autofree char *day = NULL;
  guint n_conflicts = 0;
  gint64 start;

  clear_list (self->lineup_list);
  clear_list (self->session_conflicts_list);
  if (panel == NULL)
    {
      self->selected_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.edit-session", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.delete-session", FALSE);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.edit-session", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.delete-session", TRUE);

  host = summit_edition_get_timezone (self->edition);
  day = summit_agenda_day_of (panel, self->edition, TRUE);
  if (summit_panel_get_start (panel, &start))
    {
      g_autofree char *a = summit_agenda_format_span (start, summit_panel_get_duration (panel), host);
      g_autofree char *b = summit_agenda_format_span (start, summit_panel_get_duration (panel), second_zone (self));
      g_autofree char *u = summit_agenda_format_span (start, summit_panel_get_duration (panel), "UTC");

      when = g_strdup_printf ("%s\n%s\n%s\n%s", day, a, b, u);
    }
  else
    when = g_strdup_printf ("%s\n%s", day, _("Time to be announced"));
  if (summit_panel_get_room (panel) && *summit_panel_get_room (panel))
    {
      g_autofree char *with_room = g_strdup_printf ("%s\n%s · %s", when,
                                                    summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                                    summit_panel_get_room (panel));
      g_free (when);
      when = g_steal_pointer (&with_room);
    }
  gtk_label_set_text (self->session_title, summit_panel_get_title (panel));
  gtk_label_set_text (self->session_when, when);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      SummitConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (conflict->panel_id != self->selected_id)
        continue;
      gtk_list_box_append (self->session_conflicts_list, conflict_row (conflict, NULL));
      n_conflicts++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->session_conflicts_group), n_conflicts > 0);

  for (guint i = 0; i < summit_panel_get_n_members (panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (panel, i);
      GtkWidget *row = lineup_row (self, panel, i, member);

      gtk_list_box_append (self->lineup_list, row);
      if (member->person_id == self->focus_person_id)
        gtk_widget_grab_focus (row);
    }
  if (summit_panel_get_n_members (panel) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody yet: find people below"));
      gtk_list_box_append (self->lineup_list, row);
    }
  self->focus_person_id = 0;

  fill_results (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "session");
}

static void
summit_panels_page_reload (SummitPanelsPage *self)
{
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current_day = NULL;
  AdwPreferencesGroup *group = NULL;
  guint hard = 0;
  guint shown = 0;

  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->agenda, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  clear_list (self->conflicts_list);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->edition);

  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), second_zone (self));

  editions = summit_store_list_editions (self->store, &error);
  if (editions == NULL)
    goto failed;
  if (editions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      fill_detail (self);
      return;
    }

  for (guint i = 0; i < editions->len && self->year != 0; i++)
    if (summit_edition_get_year (g_ptr_array_index (editions, i)) == self->year)
      self->edition = g_object_ref (g_ptr_array_index (editions, i));
  if (self->edition == NULL)
    self->edition = g_object_ref (g_ptr_array_index (editions, 0));
  self->panels = summit_store_list_panels (self->store, summit_edition_get_id (self->edition), &error);
  if (self->panels == NULL)
    goto failed;
  statuses = summit_store_invitation_statuses (self->store, summit_edition_get_id (self->edition), &error);
  if (statuses == NULL)
    goto failed;
  self->conflicts = summit_conflicts_find (self->edition, self->panels, statuses);
  self->people = summit_store_list_people (self->store, &error);
  if (self->people == NULL)
    goto failed;

  adw_preferences_page_set_title (self->agenda, summit_edition_get_theme (self->edition));

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      SummitConflict *conflict = g_ptr_array_index (self->conflicts, i);

      /* A clash between two sessions is listed on both; the edition's list says it once. */
      if (is_mirror_of_earlier (self->conflicts, i))
        continue;
      gtk_list_box_append (self->conflicts_list,
                           conflict_row (conflict, find_panel (self, conflict->panel_id)));
      if (!conflict->soft)
        hard++;
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), shown > 0);
  {
    g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u to fix, %u worth a look", "%u to fix, %u worth a look", hard),
      hard, shown - hard);
    adw_preferences_group_set_description (self->conflicts_group, description);
  }

  for (guint i = 0; i < self->panels->len; i++)
    {
      SummitPanel *panel = g_ptr_array_index (self->panels, i);
      g_autofree char *day = summit_agenda_day_of (panel, self->edition, FALSE);

      if (group == NULL || g_strcmp0 (day, current_day) != 0)
        {
          g_autofree char *title = summit_agenda_day_of (panel, self->edition, TRUE);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          adw_preferences_page_add (self->agenda, group);
          g_ptr_array_add (self->groups, group);
          g_free (current_day);
          current_day = g_steal_pointer (&day);
        }
      adw_preferences_group_add (group, create_session_row (self, panel));
    }

  gtk_stack_set_visible_child_name (self->stack, self->panels->len > 0 ? "agenda" : "empty");
  fill_detail (self);
  return;

failed:
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* GObject overrides */

static void
summit_panels_page_root (GtkWidget *widget)
{
  SummitPanelsPage *self = SUMMIT_PANELS_PAGE (widget);

  GTK_WIDGET_CLASS (summit_panels_page_parent_class)->root (widget);

  /* The settings are reachable only once the page is in a window. */
  if (self->second_zone == NULL && get_settings (self) != NULL)
    summit_panels_page_reload (self);
}

static void
summit_panels_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (summit_panels_page_parent_class)->map (widget);

  /* Invitations may have been answered on another page meanwhile: conflicts
   * are found again each time the page is shown. */
  summit_panels_page_reload (SUMMIT_PANELS_PAGE (widget));
}

static void
summit_panels_page_dispose (GObject *object)
{
  SummitPanelsPage *self = (SummitPanelsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PANELS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->second_zone, g_free);

  G_OBJECT_CLASS (summit_panels_page_parent_class)->dispose (object);
}

static void
summit_panels_page_class_init (SummitPanelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_panels_page_dispose;
  widget_class->root = summit_panels_page_root;
  widget_class->map = summit_panels_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-panels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, agenda);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, lineup_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, new_role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_title);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_when);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, zone_entry);
  gtk_widget_class_bind_template_callback (widget_class, conflict_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zone_activate_cb);
  gtk_widget_class_install_action (widget_class, "panels.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "panels.edit-session", NULL, edit_session_action);
  gtk_widget_class_install_action (widget_class, "panels.delete-session", NULL, delete_session_action);
  gtk_widget_class_install_action (widget_class, "panels.export-ics", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "panels.export-frab", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "panels.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "panels.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "panels.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "panels.print", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
summit_panels_page_init (SummitPanelsPage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();

  for (int r = 0; r < SUMMIT_N_ROLES; r++)
    gtk_string_list_append (roles, summit_role_to_label (r));
  gtk_drop_down_set_model (self->new_role_dropdown, G_LIST_MODEL (roles));
  gtk_drop_down_set_selected (self->new_role_dropdown, SUMMIT_ROLE_PANELIST);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (drop, (GType[]){ SUMMIT_TYPE_PERSON, G_TYPE_STRING }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (lineup_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->lineup_list), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.edit-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.delete-session", FALSE);
}

/* Public API */

/**
 * summit_panels_page_set_store:
 *
 * Shows the programme of the newest edition in @store.
 */
void
summit_panels_page_set_store (SummitPanelsPage *self,
                              SummitStore      *store)
{
  g_return_if_fail (SUMMIT_IS_PANELS_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    summit_panels_page_reload (self);
}

/**
 * summit_panels_page_set_year:
 * @year: the edition to show, or 0 for the newest
 *
 * Shows the programme of another edition (for an edition selector).
 */
void
summit_panels_page_set_year (SummitPanelsPage *self,
                             int               year)
{
  g_return_if_fail (SUMMIT_IS_PANELS_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  self->selected_id = 0;
  summit_panels_page_reload (self);
}

/**
 * summit_panels_page_reload_programme:
 *
 * Reads the programme, lineups and invitations again, after a change made
 * elsewhere (an invitation answered on the People page, an import).
 */
void
summit_panels_page_reload_programme (SummitPanelsPage *self)
{
  g_return_if_fail (SUMMIT_IS_PANELS_PAGE (self));
  summit_panels_page_reload (self);
}

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
  operation = summit_agenda_print_operation_new (self->edition, self->panels, second_zone (self));
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
