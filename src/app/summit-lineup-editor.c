/* summit-lineup-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session's lineup: ordered members with a role each, each one's own local
 * time beside their name ("22:00 Taipei = 16:00 in Lublin"). Members are
 * added by searching people or by dragging a person in, reordered by drag or
 * Alt+Up/Down, and removed; every change is one transaction, after which
 * ::changed asks the page to read the programme (and its conflicts) again.
 */
#define G_LOG_DOMAIN "summit-lineup-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "summit-ical.h"
#include "summit-lineup-editor.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-time.h"
#include "summit-utils.h"
#include "summit-window.h"

#define MAX_RESULTS 8

struct _SummitLineupEditor
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkListBox    *lineup_list;
  GtkSearchEntry *search_entry;
  GtkDropDown   *new_role_dropdown;
  GtkListBox    *results_list;

  /* Owned */
  SummitStore   *store;
  SummitEdition *edition;
  SummitPanel   *panel;
  GPtrArray     *people;          /* SummitPerson */
  gint64         focus_person_id; /* the member to focus after the next rebuild */
};

G_DEFINE_FINAL_TYPE (SummitLineupEditor, summit_lineup_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
say (SummitLineupEditor *self,
     const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SUMMIT_IS_WINDOW (root))
    summit_window_add_toast (SUMMIT_WINDOW (root), summit_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
lineup_changed (SummitLineupEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}


/* "22:00 Taipei = 16:00 in Lublin" */
static char *
member_local_time (SummitLineupEditor        *self,
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

/* Lineup changes: each one transaction over the session's version shown,
 * then the page reads everything again. */

/* Takes the session's @version a change wrote, for the next change; or says
 * why it was refused (0). */
static gboolean
changed_to (SummitLineupEditor *self,
            gint64              version,
            const GError       *error)
{
  if (version != 0)
    {
      summit_panel_set_version (self->panel, version);
      return TRUE;
    }
  if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
    say (self, _("Someone changed this lineup meanwhile; it is shown as it is now. "
                 "Nothing was changed."));
  else
    say (self, error->message);
  return FALSE;
}

static void
add_member (SummitLineupEditor *self,
            gint64              person_id,
            int                 position)
{
  g_autoptr(GError) error = NULL;
  gint64 panel_id = summit_panel_get_id (self->panel);
  SummitRole role = summit_lineup_editor_get_new_role (self);
  gint64 version;

  version = summit_store_add_panel_member (self->store, panel_id, person_id, role,
                                           summit_panel_get_version (self->panel), &error);
  if (changed_to (self, version, error) && position >= 0)
    {
      version = summit_store_move_panel_member (self->store, panel_id, person_id, position,
                                                version, &error);
      changed_to (self, version, error);
    }
  if (version != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* On a refusal too: the lineup as it is now. */
  lineup_changed (self);
}

static void
move_member (SummitLineupEditor *self,
             gint64            person_id,
             int               position)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  version = summit_store_move_panel_member (self->store, summit_panel_get_id (self->panel),
                                            person_id, position,
                                            summit_panel_get_version (self->panel), &error);
  changed_to (self, version, error);
  self->focus_person_id = person_id;
  lineup_changed (self);
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


static gboolean
reload_idle_cb (gpointer user_data)
{
  lineup_changed (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  SummitLineupEditor *self = SUMMIT_LINEUP_EDITOR (gtk_widget_get_ancestor (row, SUMMIT_TYPE_LINEUP_EDITOR));
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  int delta = GPOINTER_TO_INT (user_data);
  SummitPanel *panel = self->panel;
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
                  SummitLineupEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  g_autoptr(GError) error = NULL;
  gint64 version;

  version = summit_store_remove_panel_member (self->store, summit_panel_get_id (self->panel),
                                              person_id, summit_panel_get_version (self->panel),
                                              &error);
  changed_to (self, version, error);
  lineup_changed (self);
}

static void
role_changed_cb (GtkDropDown      *dropdown,
                 GParamSpec       *pspec,
                 SummitLineupEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  SummitPanel *panel = self->panel;
  guint role = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  gint64 version;
  int index;

  if (panel == NULL || role >= SUMMIT_N_ROLES || (index = member_index (panel, person_id)) < 0
      || summit_panel_get_member (panel, index)->role == role)
    return;
  version = summit_store_set_panel_member_role (self->store, summit_panel_get_id (self->panel),
                                                person_id, role,
                                                summit_panel_get_version (self->panel), &error);
  changed_to (self, version, error);
  self->focus_person_id = person_id;
  /* Not from inside the dropdown's own signal: it is about to be destroyed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, g_object_ref (self), g_object_unref);
}

static void
export_person_response_cb (GtkNativeDialog  *dialog,
                           int               response,
                           SummitLineupEditor *self)
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

static void
export_person_button_cb (GtkButton        *button,
                         SummitLineupEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));
  const char *name = g_object_get_data (G_OBJECT (row), "person-name");
  g_autofree char *file_name = g_strdup_printf ("%s.ics", name);
  GtkFileChooserNative *dialog = summit_save_dialog_new (GTK_WIDGET (self),
                                                         _("Save Their Calendar"), file_name);

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
                SummitLineupEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->lineup_list, (int)y);
  int position = row ? gtk_list_box_row_get_index (row) : -1;

  if (G_VALUE_HOLDS (value, SUMMIT_TYPE_PERSON))
    {
      SummitPerson *person = g_value_get_object (value);

      add_member (self, summit_person_get_id (person), position);
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


static void
fill_results (SummitLineupEditor *self);

static void
search_changed_cb (SummitLineupEditor *self)
{
  fill_results (self);
}

static void
result_activated_cb (SummitLineupEditor *self,
                     GtkListBoxRow    *row)
{
  SummitPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    add_member (self, summit_person_get_id (person), -1);
}

static void
add_result_button_cb (GtkButton        *button,
                      SummitLineupEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  result_activated_cb (self, GTK_LIST_BOX_ROW (row));
}

static void
search_activate_cb (SummitLineupEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_object_get_data (G_OBJECT (first), "person") != NULL)
    result_activated_cb (self, first);
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
lineup_row (SummitLineupEditor        *self,
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
fill_results (SummitLineupEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  SummitPanel *panel = self->panel;
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
rebuild (SummitLineupEditor *self)
{
  clear_list (self->lineup_list);
  if (self->panel == NULL)
    {
      clear_list (self->results_list);
      return;
    }

  for (guint i = 0; i < summit_panel_get_n_members (self->panel); i++)
    {
      const SummitPanelMember *member = summit_panel_get_member (self->panel, i);
      GtkWidget *row = lineup_row (self, self->panel, i, member);

      gtk_list_box_append (self->lineup_list, row);
      if (member->person_id == self->focus_person_id)
        gtk_widget_grab_focus (row);
    }
  if (summit_panel_get_n_members (self->panel) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody yet: find people below"));
      gtk_list_box_append (self->lineup_list, row);
    }
  self->focus_person_id = 0;

  fill_results (self);
}

static void
summit_lineup_editor_dispose (GObject *object)
{
  SummitLineupEditor *self = (SummitLineupEditor *)object;

  summit_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_LINEUP_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_object (&self->panel);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (summit_lineup_editor_parent_class)->dispose (object);
}

static void
summit_lineup_editor_class_init (SummitLineupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_lineup_editor_dispose;

  /**
   * SummitLineupEditor::changed:
   *
   * The lineup was changed in the database.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-lineup-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitLineupEditor, lineup_list);
  gtk_widget_class_bind_template_child (widget_class, SummitLineupEditor, new_role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitLineupEditor, results_list);
  gtk_widget_class_bind_template_child (widget_class, SummitLineupEditor, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
summit_lineup_editor_init (SummitLineupEditor *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int r = 0; r < SUMMIT_N_ROLES; r++)
    gtk_string_list_append (roles, summit_role_to_label (r));
  gtk_drop_down_set_model (self->new_role_dropdown, G_LIST_MODEL (roles));
  gtk_drop_down_set_selected (self->new_role_dropdown, SUMMIT_ROLE_PANELIST);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (drop, (GType[]){ SUMMIT_TYPE_PERSON, G_TYPE_STRING }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (lineup_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->lineup_list), GTK_EVENT_CONTROLLER (drop));
}

/**
 * summit_lineup_editor_set_session:
 * @panel: (nullable): the session, with its lineup as stored
 * @people: (element-type SummitPerson): everyone who could join
 *
 * Shows @panel's lineup. Called again, with the session read anew, after
 * each ::changed.
 */
void
summit_lineup_editor_set_session (SummitLineupEditor *self,
                                  SummitStore        *store,
                                  SummitEdition      *edition,
                                  SummitPanel        *panel,
                                  GPtrArray          *people)
{
  g_return_if_fail (SUMMIT_IS_LINEUP_EDITOR (self));

  if (self->panel != NULL && (panel == NULL || summit_panel_get_id (panel) != summit_panel_get_id (self->panel)))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_set_object (&self->store, store);
  g_set_object (&self->edition, edition);
  g_set_object (&self->panel, panel);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = people ? g_ptr_array_ref (people) : NULL;
  rebuild (self);
}

/**
 * summit_lineup_editor_get_new_role:
 *
 * Returns: the role chosen for people added next
 */
SummitRole
summit_lineup_editor_get_new_role (SummitLineupEditor *self)
{
  guint role;

  g_return_val_if_fail (SUMMIT_IS_LINEUP_EDITOR (self), SUMMIT_ROLE_PANELIST);

  role = gtk_drop_down_get_selected (self->new_role_dropdown);
  return role < SUMMIT_N_ROLES ? role : SUMMIT_ROLE_PANELIST;
}
