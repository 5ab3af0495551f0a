/* summit-session-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session editor: title, kind, date and times entered in any zone the
 * planner chooses, room or stream, description. Every change is checked as
 * it is typed; what does not hold is said, and never saved. If someone
 * saved the session (or its lineup) since the editor opened, what only one
 * of them changed is merged and saved; fields both changed wait for the
 * planner's choice in the merge chooser.
 */
#define G_LOG_DOMAIN "summit-session-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "summit-merge-chooser.h"
#include "summit-merge.h"
#include "summit-places.h"
#include "summit-programme.h"
#include "summit-session-editor.h"
#include "summit-time.h"
#include "summit-utils.h"
#include "summit-window.h"

struct _SummitSessionEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  SummitMergeChooser *merge_chooser;
  GtkButton     *save_button;
  GtkLabel      *error_label;
  GtkEntry      *title_entry;
  AdwComboRow   *kind_row;
  GtkEntry      *date_entry;
  GtkEntry      *start_entry;
  GtkEntry      *end_entry;
  GtkCheckButton *end_confirmed_check;
  GtkCheckButton *room_confirmed_check;
  GtkEntry      *zone_entry;
  AdwActionRow  *preview_row;
  GtkEntry      *room_entry;
  GtkEntry      *description_entry;

  /* Owned */
  SummitStore   *store;
  SummitEdition *edition;
  SummitPanel   *panel;        /* NULL for a new session; as loaded */
  char          *second_zone;
  gboolean       show_errors;   /* once the planner has changed something */
};

G_DEFINE_FINAL_TYPE (SummitSessionEditor, summit_session_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
stripped (GtkEntry *entry)
{
  return g_strstrip (g_strdup (entry_text (entry)));
}

/* Reads the form into @panel; %FALSE with @error saying what to fix. */
static gboolean
read_form (SummitSessionEditor  *self,
           SummitPanel          *panel,
           GError              **error)
{
  g_autofree char *title = stripped (self->title_entry);
  g_autofree char *date = stripped (self->date_entry);
  g_autofree char *start_text = stripped (self->start_entry);
  g_autofree char *end_text = stripped (self->end_entry);
  g_autofree char *typed_zone = stripped (self->zone_entry);
  const char *zone = summit_places_find_zone (typed_zone);
  g_autofree char *room = stripped (self->room_entry);
  g_autofree char *description = stripped (self->description_entry);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  summit_panel_set_title (panel, title);
  summit_panel_set_kind (panel, kind < SUMMIT_N_PANEL_KINDS ? kind : SUMMIT_PANEL_DISCUSSION);
  summit_panel_set_room (panel, room);
  summit_panel_set_description (panel, description);
  summit_panel_set_edition_id (panel, summit_edition_get_id (self->edition));
  summit_panel_set_end_confirmed (panel, gtk_check_button_get_active (self->end_confirmed_check));
  summit_panel_set_room_confirmed (panel, gtk_check_button_get_active (self->room_confirmed_check));

  if (*title == '\0')
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, _("A session needs a title"));
      return FALSE;
    }
  if (zone == NULL)
    {
      g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_UNKNOWN_ZONE,
                   _("“%s” is not a time zone; use a name such as Europe/Warsaw"), typed_zone);
      return FALSE;
    }

  if (*start_text == '\0' && *end_text == '\0')
    {
      gint64 noon;

      /* Only the day is known: check it is a real day. */
      if (!summit_time_parse_local (date, "12:00", zone, &noon, error))
        return FALSE;
      summit_panel_unset_start (panel);
      summit_panel_set_day (panel, date);
      summit_panel_set_duration (panel, summit_panel_get_duration (panel) > 0
                                        ? summit_panel_get_duration (panel)
                                        : SUMMIT_PANEL_DEFAULT_DURATION);
    }
  else
    {
      gint64 start, end;
      gboolean next_day = g_str_has_suffix (end_text, "+1");

      if (next_day)
        end_text[strlen (end_text) - 2] = '\0';
      if (!summit_time_parse_local (date, start_text, zone, &start, error))
        return FALSE;
      if (*end_text == '\0')
        {
          g_set_error (error, SUMMIT_TIME_ERROR, SUMMIT_TIME_ERROR_BAD_TIME,
                       _("Give the time the session ends"));
          return FALSE;
        }
      if (next_day)
        {
          g_autoptr(GDateTime) day = NULL;
          g_autoptr(GDateTime) after = NULL;
          g_autofree char *next_date = NULL;
          gint64 noon;

          if (!summit_time_parse_local (date, "12:00", "UTC", &noon, error))
            return FALSE;
          day = g_date_time_new_from_unix_utc (noon);
          after = g_date_time_add_days (day, 1);
          next_date = g_date_time_format (after, "%Y-%m-%d");
          if (!summit_time_parse_local (next_date, g_strstrip (end_text), zone, &end, error))
            return FALSE;
        }
      else if (!summit_time_parse_local (date, end_text, zone, &end, error))
        return FALSE;
      if (end <= start)
        {
          g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                       _("The session ends before it starts; for one that runs past midnight, write the end as 00:30+1"));
          return FALSE;
        }
      summit_panel_set_start (panel, start);
      summit_panel_set_day (panel, NULL);
      summit_panel_set_duration (panel, (int)MIN ((end - start + 59) / 60, G_MAXINT));
    }

  return summit_panel_validate (panel, self->edition, error);
}

static void
field_changed_cb (SummitSessionEditor *self)
{
  g_autoptr(SummitPanel) scratch = summit_panel_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gint64 start;

  /* Signals fire while the template is being filled in, before there is an edition. */
  if (self->edition == NULL)
    return;
  ok = read_form (self, scratch, &error);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !ok && self->show_errors);
  gtk_label_set_text (self->error_label, ok ? "" : error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
  if (!ok)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, error->message, -1);

  if (ok && summit_panel_get_start (scratch, &start))
    {
      const char *host = summit_edition_get_timezone (self->edition);
      g_autofree char *in_host = summit_time_format_in_zone (start, host);
      g_autofree char *in_second = summit_time_format_in_zone (start, self->second_zone);
      g_autofree char *day = summit_time_format_day (start, host);
      g_autofree char *text = g_strdup_printf ("%s\n%s = %s", day, in_host, in_second);

      if (summit_panel_end_note (scratch) != NULL)
        {
          /* Translators: the time preview, then "end not confirmed" */
          g_autofree char *noted = g_strdup_printf (_("%s\n(%s)"), text, summit_panel_end_note (scratch));

          g_free (text);
          text = g_steal_pointer (&noted);
        }

      adw_action_row_set_subtitle (self->preview_row, text);
    }
  else if (ok)
    adw_action_row_set_subtitle (self->preview_row, _("Time to be announced"));
  else
    adw_action_row_set_subtitle (self->preview_row, "—");
}

static void
say_problem (SummitSessionEditor *self,
             const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Saves @mine, edited from @base. If someone saved the session since,
 * merges with what is stored now: saves at once where no field was changed
 * by both, otherwise shows the chooser and waits. Closes once saved. */
static void
save_session (SummitSessionEditor *self,
              SummitPanel         *base,
              SummitPanel         *mine,
              gboolean             merged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPanel) theirs = NULL;
  g_autoptr(SummitPanel) merge = NULL;
  g_autoptr(GArray) conflicts = NULL;
  const char *zone = summit_edition_get_timezone (self->edition);
  gboolean ok;

  ok = base != NULL ? summit_store_update_panel (self->store, mine, &error)
                    : summit_store_insert_panel (self->store, mine, &error);
  if (ok)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (merged && SUMMIT_IS_WINDOW (parent))
        summit_window_add_toast (SUMMIT_WINDOW (parent),
                                 summit_toast_new (_("Saved together with changes made meanwhile")));
      g_signal_emit (self, signals[SAVED], 0, summit_panel_get_id (mine), base, mine);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
    {
      say_problem (self, error->message);
      return;
    }

  g_clear_error (&error);
  theirs = summit_store_get_panel (self->store, summit_panel_get_id (mine), &error);
  if (theirs == NULL)
    {
      say_problem (self, error->message);
      return;
    }
  merge = summit_merge_session (base, mine, theirs, &conflicts);
  if (conflicts->len == 0)
    {
      /* What each changed may not hold together (a time outside the edition). */
      if (!summit_panel_validate (merge, self->edition, &error))
        say_problem (self, error->message);
      else
        save_session (self, theirs, merge, TRUE);
      return;
    }

  summit_merge_chooser_begin (self->merge_chooser, G_OBJECT (theirs), G_OBJECT (mine),
                              G_OBJECT (merge), g_array_ref (conflicts));
  for (guint i = 0; i < conflicts->len; i++)
    {
      SummitSessionField f = g_array_index (conflicts, SummitSessionField, i);
      g_autofree char *yours = summit_session_field_describe (mine, f, zone);
      g_autofree char *their = summit_session_field_describe (theirs, f, zone);

      summit_merge_chooser_add (self->merge_chooser, summit_session_field_to_label (f), yours, their);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  summit_merge_chooser_present (self->merge_chooser);
}

static void
save_clicked_cb (SummitSessionEditor *self)
{
  g_autoptr(SummitPanel) panel = summit_panel_new ();
  g_autoptr(GError) error = NULL;

  if (self->panel != NULL)
    {
      summit_panel_set_id (panel, summit_panel_get_id (self->panel));
      summit_panel_set_uid (panel, summit_panel_get_uid (self->panel));
      summit_panel_set_duration (panel, summit_panel_get_duration (self->panel));
      summit_panel_set_version (panel, summit_panel_get_version (self->panel));
      /* The lineup is edited beside the programme, not here: it stays as read. */
      summit_session_field_copy (panel, self->panel, SUMMIT_SESSION_LINEUP);
    }

  /* Checked again here: nothing that does not hold reaches the database. */
  if (!read_form (self, panel, &error))
    {
      say_problem (self, error->message);
      return;
    }
  save_session (self, self->panel, panel, FALSE);
}

static void
merge_save_cb (SummitSessionEditor *self)
{
  GObject *theirs, *mine;
  GArray *fields;
  GObject *merged = summit_merge_chooser_get_merge (self->merge_chooser, &theirs, &mine, &fields);
  g_autoptr(SummitPanel) base = NULL;
  g_autoptr(SummitPanel) merge = NULL;
  g_autoptr(GError) error = NULL;

  if (merged == NULL)
    return;
  for (guint i = 0; i < fields->len; i++)
    if (summit_merge_chooser_keeps_mine (self->merge_chooser, i))
      summit_session_field_copy (SUMMIT_PANEL (merged), SUMMIT_PANEL (mine),
                                 g_array_index (fields, SummitSessionField, i));
  if (!summit_panel_validate (SUMMIT_PANEL (merged), self->edition, &error))
    {
      say_problem (self, error->message);
      return;
    }
  base = g_object_ref (SUMMIT_PANEL (theirs));
  merge = g_object_ref (SUMMIT_PANEL (merged));
  summit_merge_chooser_clear (self->merge_chooser);
  save_session (self, base, merge, TRUE);
}

static void
merge_cancel_cb (SummitSessionEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
}

static void
summit_session_editor_dispose (GObject *object)
{
  SummitSessionEditor *self = (SummitSessionEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_SESSION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_object (&self->panel);
  g_clear_pointer (&self->second_zone, g_free);

  G_OBJECT_CLASS (summit_session_editor_parent_class)->dispose (object);
}

static void
summit_session_editor_class_init (SummitSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_session_editor_dispose;

  /**
   * SummitSessionEditor::saved:
   * @panel_id: the id of the session just stored
   * @replaced: (nullable): the session as stored just before, which the save
   *   overwrote; %NULL for a new session
   * @saved: the session as the save wrote it, with the version it produced
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64,
                                 SUMMIT_TYPE_PANEL, SUMMIT_TYPE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, description_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, end_confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, merge_chooser);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, preview_row);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, room_confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, room_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitSessionEditor, zone_entry);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (SUMMIT_TYPE_MERGE_CHOOSER);
}

static void
summit_session_editor_init (SummitSessionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int k = 0; k < SUMMIT_N_PANEL_KINDS; k++)
    gtk_string_list_append (kinds, summit_panel_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * summit_session_editor_new:
 * @panel: (nullable): the session to edit, or %NULL for a new one
 * @second_zone: the planner's second zone, for the preview
 *
 * Returns: (transfer none): a new editor, shown on top of @parent; it
 *   emits ::saved when the session is stored, then closes
 */
SummitSessionEditor *
summit_session_editor_new (GtkWindow     *parent,
                           SummitStore   *store,
                           SummitEdition *edition,
                           SummitPanel   *panel,
                           const char    *second_zone)
{
  SummitSessionEditor *self;
  const char *zone = summit_edition_get_timezone (edition);
  gint64 start;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);
  g_return_val_if_fail (SUMMIT_IS_EDITION (edition), NULL);

  self = g_object_new (SUMMIT_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       "title", panel ? _("Edit Session") : _("New Session"),
                       NULL);
  self->store = g_object_ref (store);
  self->edition = g_object_ref (edition);
  self->panel = panel ? g_object_ref (panel) : NULL;
  self->second_zone = g_strdup (second_zone);

  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), zone);
  if (panel != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), summit_panel_get_title (panel));
      adw_combo_row_set_selected (self->kind_row, summit_panel_get_kind (panel));
      gtk_editable_set_text (GTK_EDITABLE (self->room_entry),
                             summit_panel_get_room (panel) ? summit_panel_get_room (panel) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                             summit_panel_get_description (panel) ? summit_panel_get_description (panel) : "");
      gtk_check_button_set_active (self->end_confirmed_check, summit_panel_get_end_confirmed (panel));
      gtk_check_button_set_active (self->room_confirmed_check, summit_panel_get_room_confirmed (panel));
      if (summit_panel_get_start (panel, &start))
        {
          gint64 end = start + summit_panel_get_duration (panel) * 60;
          g_autofree char *date = summit_time_format_iso_day (start, zone);
          g_autofree char *end_date = summit_time_format_iso_day (end, zone);
          g_autofree char *from = summit_time_format_clock (start, zone);
          g_autofree char *to = summit_time_format_clock (end, zone);
          g_autofree char *to_text = g_strcmp0 (date, end_date) == 0 ? g_strdup (to)
                                                                     : g_strconcat (to, "+1", NULL);

          gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
          gtk_editable_set_text (GTK_EDITABLE (self->start_entry), from);
          gtk_editable_set_text (GTK_EDITABLE (self->end_entry), to_text);
        }
      else if (summit_panel_get_day (panel) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->date_entry), summit_panel_get_day (panel));
    }
  else
    {
      adw_combo_row_set_selected (self->kind_row, SUMMIT_PANEL_DISCUSSION);
      /* A new session's end and room are the ones the planner types in. */
      gtk_check_button_set_active (self->end_confirmed_check, TRUE);
      gtk_check_button_set_active (self->room_confirmed_check, TRUE);
      if (summit_edition_get_start_date (edition))
        gtk_editable_set_text (GTK_EDITABLE (self->date_entry), summit_edition_get_start_date (edition));
    }
  field_changed_cb (self);
  /* An empty new form is not an error yet: say what is wrong from the first change on. */
  self->show_errors = TRUE;
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
