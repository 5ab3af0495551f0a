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
#include "summit-lineup-editor.h"
#include "summit-merge.h"
#include "summit-panels-page-private.h"
#include "summit-people.h"
#include "summit-places.h"
#include "summit-programme.h"
#include "summit-rights.h"
#include "summit-session-editor.h"
#include "summit-time.h"
#include "summit-utils.h"
#include "summit-window.h"

#define DEFAULT_SECOND_ZONE "Europe/Warsaw"

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

const char *
summit_panels_page_second_zone (SummitPanelsPage *self)
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

void
summit_panels_page_say (SummitPanelsPage *self,
                        const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SUMMIT_IS_WINDOW (root))
    summit_window_add_toast (SUMMIT_WINDOW (root), summit_toast_new (message));
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

/* Callbacks */

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
  SummitPanel *panel = find_panel (self, panel_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = summit_rights_refusal (self->store, SUMMIT_STORE_RIGHT_PROGRAMME);

  if (refusal != NULL)
    {
      summit_panels_page_say (self, refusal);
      return FALSE;
    }
  /* Over the lineup shown: if someone changed it meanwhile, show theirs. */
  if (panel == NULL
      || !summit_store_add_panel_member (self->store, panel_id, summit_person_get_id (person),
                                         summit_lineup_editor_get_new_role (self->lineup_editor),
                                         summit_panel_get_version (panel), &error))
    {
      if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
        summit_panels_page_say (self, _("Someone changed this lineup meanwhile; it is shown as it is now. "
                                        "Nothing was changed."));
      else if (error != NULL)
        summit_panels_page_say (self, error->message);
      self->selected_id = panel_id;
      summit_panels_page_reload (self);
      return FALSE;
    }
  self->selected_id = panel_id;
  summit_panels_page_reload (self);
  return TRUE;
}

static void
lineup_changed_cb (SummitPanelsPage *self)
{
  summit_panels_page_reload (self);
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
zone_activate_cb (SummitPanelsPage *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry))));
  const char *zone = summit_places_find_zone (typed);
  GSettings *settings = get_settings (self);

  if (zone == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time zone; use a name such as Europe/Warsaw"), typed);

      gtk_widget_add_css_class (GTK_WIDGET (self->zone_entry), "error");
      summit_panels_page_say (self, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->zone_entry), "error");
  g_free (self->second_zone);
  self->second_zone = g_strdup (zone);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), zone);
  if (settings != NULL)
    g_settings_set_string (settings, "second-timezone", self->second_zone);
  summit_panels_page_reload (self);
}

static void
undo_edit_cb (AdwToast         *toast,
              SummitPanelsPage *self)
{
  SummitPanel *replaced = g_object_get_data (G_OBJECT (toast), "summit-replaced");
  SummitPanel *saved = g_object_get_data (G_OBJECT (toast), "summit-saved");
  g_autoptr(GError) error = NULL;

  if (replaced == NULL || saved == NULL || self->store == NULL)
    return;
  /* Only over the version this save wrote: a colleague's later change stays. */
  if (!summit_store_undo_panel_edit (self->store, replaced, saved, &error))
    summit_panels_page_say (self, error->message);
  self->selected_id = summit_panel_get_id (replaced);
  summit_panels_page_reload (self);
}

static void
editor_saved_cb (SummitSessionEditor *editor,
                 gint64               panel_id,
                 SummitPanel         *replaced,
                 SummitPanel         *saved,
                 SummitPanelsPage    *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->selected_id = panel_id;
  summit_panels_page_reload (self);

  /* An edit (a confirmed end too) can be taken back, as a deletion can. */
  if (replaced != NULL && SUMMIT_IS_WINDOW (root))
    {
      AdwToast *toast = summit_toast_new (_("Session saved"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "summit-replaced", summit_session_copy (replaced),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "summit-saved", summit_session_copy (saved),
                              g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_edit_cb), self, 0);
      summit_window_add_toast (SUMMIT_WINDOW (root), toast);
    }
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
                                      self->store, self->edition, panel,
                                      summit_panels_page_second_zone (self));
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
undo_delete_cb (AdwToast         *toast,
                SummitPanelsPage *self)
{
  SummitPanel *deleted = g_object_get_data (G_OBJECT (toast), "summit-deleted");
  g_autoptr(GError) error = NULL;

  if (deleted == NULL || self->store == NULL)
    return;
  /* Whole or not at all: not if someone in its lineup was deleted since. */
  if (!summit_store_restore_panel (self->store, deleted, &error))
    summit_panels_page_say (self, error->message);
  else
    self->selected_id = summit_panel_get_id (deleted);
  g_object_set_data (G_OBJECT (toast), "summit-deleted", NULL);
  summit_panels_page_reload (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SummitPanelsPage *self)
{
  gint64 panel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "panel-id"));
  SummitPanel *panel = find_panel (self, panel_id);
  g_autoptr(SummitPanel) deleted = panel ? summit_session_copy (panel) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!summit_store_delete_panel (self->store, panel_id, &error))
    {
      summit_panels_page_say (self, error->message);
      g_clear_object (&deleted);
    }
  if (self->selected_id == panel_id)
    self->selected_id = 0;
  summit_panels_page_reload (self);

  if (deleted != NULL && SUMMIT_IS_WINDOW (root))
    {
      g_autofree char *title = g_strdup_printf (_("Deleted “%s”"), summit_panel_get_title (deleted));
      AdwToast *toast = summit_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "summit-deleted", g_steal_pointer (&deleted),
                              g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
      summit_window_add_toast (SUMMIT_WINDOW (root), toast);
    }
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
      g_autofree char *other = summit_time_format_in_zone (start,
                                                           summit_panels_page_second_zone (self));

      time_text = g_strdup_printf ("%s\n%s", host, other);
    }
  else
    time_text = g_strdup (_("Time to be announced"));

  if (*lineup)
    subtitle = g_strdup_printf ("%s · %s", summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                lineup);
  else
    subtitle = g_strdup (summit_panel_kind_to_label (summit_panel_get_kind (panel)));

  if (summit_panel_end_note (panel) != NULL)
    {
      g_autofree char *noted = g_strdup_printf ("%s · %s", subtitle, summit_panel_end_note (panel));

      g_free (subtitle);
      subtitle = g_steal_pointer (&noted);
    }

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

static void
fill_detail (SummitPanelsPage *self)
{
  SummitPanel *panel = selected_panel (self);
  const char *host;
  g_autofree char *when = NULL;
  g_autofree char *day = NULL;
  guint n_conflicts = 0;
  gint64 start;

  clear_list (self->session_conflicts_list);
  if (panel == NULL)
    {
      self->selected_id = 0;
      summit_lineup_editor_set_session (self->lineup_editor, self->store, self->edition, NULL, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.edit-session", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.delete-session", FALSE);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.edit-session",
                                 summit_rights_allow (self->store, SUMMIT_STORE_RIGHT_PROGRAMME));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.delete-session",
                                 summit_rights_allow (self->store, SUMMIT_STORE_RIGHT_PROGRAMME));

  host = summit_edition_get_timezone (self->edition);
  day = summit_agenda_day_of (panel, self->edition, TRUE);
  if (summit_panel_get_start (panel, &start))
    {
      g_autofree char *a = summit_agenda_format_span (start, summit_panel_get_duration (panel), host);
      g_autofree char *b = summit_agenda_format_span (start, summit_panel_get_duration (panel),
                                                      summit_panels_page_second_zone (self));
      g_autofree char *u = summit_agenda_format_span (start, summit_panel_get_duration (panel), "UTC");

      when = g_strdup_printf ("%s\n%s\n%s\n%s", day, a, b, u);
      if (summit_panel_end_note (panel) != NULL)
        {
          /* Translators: the session's times, then "end not confirmed" */
          g_autofree char *noted = g_strdup_printf (_("%s\n(%s)"), when, summit_panel_end_note (panel));

          g_free (when);
          when = g_steal_pointer (&noted);
        }
    }
  else
    when = g_strdup_printf ("%s\n%s", day, _("Time to be announced"));
  if (summit_panel_get_room (panel) && *summit_panel_get_room (panel))
    {
      g_autofree char *room = summit_panel_dup_room_to_read (panel);
      g_autofree char *with_room = g_strdup_printf ("%s\n%s · %s", when,
                                                    summit_panel_kind_to_label (summit_panel_get_kind (panel)),
                                                    room);
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

  summit_lineup_editor_set_session (self->lineup_editor, self->store, self->edition, panel,
                                    self->people);
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

  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), summit_panels_page_second_zone (self));

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

  summit_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PANELS_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, lineup_editor);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_title);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, session_when);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitPanelsPage, zone_entry);
  gtk_widget_class_bind_template_callback (widget_class, conflict_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, lineup_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zone_activate_cb);
  gtk_widget_class_install_action (widget_class, "panels.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "panels.edit-session", NULL, edit_session_action);
  gtk_widget_class_install_action (widget_class, "panels.delete-session", NULL, delete_session_action);
  gtk_widget_class_install_action (widget_class, "panels.export-ics", NULL,
                                   summit_panels_page_export_action);
  gtk_widget_class_install_action (widget_class, "panels.export-frab", NULL,
                                   summit_panels_page_export_action);
  gtk_widget_class_install_action (widget_class, "panels.export-pdf", NULL,
                                   summit_panels_page_export_action);
  gtk_widget_class_install_action (widget_class, "panels.print", NULL,
                                   summit_panels_page_print_action);
  /* Its shortcuts are in the template: the window handles them, whatever has the focus. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SUMMIT_TYPE_LINEUP_EDITOR);
}

static void
summit_panels_page_init (SummitPanelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();

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
    {
      static const char * const changes[] = { "panels.new-session", "panels.edit-session",
                                              "panels.delete-session", NULL };
      g_autofree char *refusal = summit_rights_refusal (store, SUMMIT_STORE_RIGHT_PROGRAMME);

      /* Those who may not change the programme see why on each control that would. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panels.new-session", refusal == NULL);
      summit_rights_explain_actions (GTK_WIDGET (self), changes, refusal);
      gtk_widget_set_sensitive (GTK_WIDGET (self->lineup_editor), refusal == NULL);
      summit_rights_explain (GTK_WIDGET (self->lineup_editor), refusal);
      summit_panels_page_reload (self);
    }
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

/* The agenda's scrolled window, inside the AdwPreferencesPage. */
static GtkAdjustment *
agenda_adjustment (SummitPanelsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
  return NULL;
}

/**
 * summit_panels_page_refresh:
 *
 * Shows changes made elsewhere (another window or person) to the
 * programme, lineups, people or invitations: read again, keeping the
 * session chosen, the agenda's scroll position and the zone being typed.
 * A page not shown reads them when it is shown next.
 */
void
summit_panels_page_refresh (SummitPanelsPage *self)
{
  g_autofree char *zone = NULL;
  GtkAdjustment *adjustment;
  double value = 0;

  g_return_if_fail (SUMMIT_IS_PANELS_PAGE (self));

  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  zone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_entry)));
  adjustment = agenda_adjustment (self);
  if (adjustment != NULL)
    value = gtk_adjustment_get_value (adjustment);
  summit_panels_page_reload (self);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), zone);
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, value);
}

/**
 * summit_panels_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown, %NULL until one is set
 */
SummitStore *
summit_panels_page_get_store (SummitPanelsPage *self)
{
  g_return_val_if_fail (SUMMIT_IS_PANELS_PAGE (self), NULL);
  return self->store;
}
