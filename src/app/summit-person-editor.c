/* summit-person-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding or editing one person: every field in a preferences row, checked
 * as it is typed (a name is required, the email must look like one, the
 * country comes from ISO 3166 and the time zone from the IANA list), with
 * the reason shown and Save held back until all is well; a likely duplicate
 * (same name, same city) is pointed out. For someone already saved, their
 * invitation to the current edition moves through the workflow here, each
 * change recorded with its channel and note in the history below.
 *
 * No lost update: if someone saved the person since the editor opened, the
 * fields only one of them changed are merged and saved; for fields both
 * changed, the merge chooser shows both values and saves once the person
 * has chosen.
 */
#define G_LOG_DOMAIN "summit-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-live.h"
#include "summit-merge-chooser.h"
#include "summit-merge.h"
#include "summit-people.h"
#include "summit-person-editor.h"
#include "summit-place-chooser.h"
#include "summit-rights.h"
#include "summit-utils.h"
#include "summit-window.h"

struct _SummitPersonEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *problem_label;
  SummitMergeChooser  *merge_chooser;
  GtkWidget           *duplicate_box;
  GtkLabel            *duplicate_label;
  GtkBox              *columns;
  AdwEntryRow         *honorific_row;
  AdwEntryRow         *given_row;
  AdwEntryRow         *family_row;
  AdwEntryRow         *native_row;
  AdwEntryRow         *position_row;
  GtkDropDown         *position_kind_dropdown;   /* 0: as the position reads, then the kinds */
  AdwEntryRow         *city_row;
  SummitPlaceChooser  *country_chooser;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  SummitPlaceChooser  *timezone_chooser;
  GtkDropDown         *letter_language_dropdown;
  AdwEntryRow         *notes_row;
  AdwPreferencesGroup *invitation_group;
  AdwActionRow        *status_row;
  GtkDropDown         *change_dropdown;
  GtkDropDown         *channel_dropdown;
  AdwEntryRow         *note_row;
  GtkButton           *record_button;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;

  /* Owned */
  SummitStore         *store;
  SummitEdition       *edition;
  SummitPerson        *person;
  SummitPerson        *base;          /* as loaded, for the merge */
  GArray              *next_statuses; /* SummitInvitationStatus behind change_dropdown */
  int                  seen_status;   /* the status shown, or SUMMIT_INVITATION_NONE */
  GtkStringList       *position_kinds; /* behind position_kind_dropdown */
  gint64               duplicate_id;
  guint                duplicate_timeout;
  gboolean             populating;
  gboolean             dirty;
  /* Live: the person as read when opened, the note that someone changed
   * them elsewhere (made when needed), and a save waiting for the server */
  SummitPerson        *as_loaded;
  GtkLabel            *elsewhere_label;
  SummitRetry         *retry;
};

G_DEFINE_FINAL_TYPE (SummitPersonEditor, summit_person_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static AdwEntryRow *
entry_for_field (SummitPersonEditor *self,
                 SummitPersonField   field)
{
  switch (field)
    {
    case SUMMIT_PERSON_HONORIFIC: return self->honorific_row;
    case SUMMIT_PERSON_GIVEN_NAME: return self->given_row;
    case SUMMIT_PERSON_FAMILY_NAME: return self->family_row;
    case SUMMIT_PERSON_NATIVE_NAME: return self->native_row;
    case SUMMIT_PERSON_POSITION: return self->position_row;
    case SUMMIT_PERSON_CITY: return self->city_row;
    case SUMMIT_PERSON_ORGANISATION: return self->organisation_row;
    case SUMMIT_PERSON_EMAIL: return self->email_row;
    case SUMMIT_PERSON_PHONE: return self->phone_row;
    case SUMMIT_PERSON_NOTES: return self->notes_row;
    case SUMMIT_PERSON_UID:
    case SUMMIT_PERSON_COUNTRY:
    case SUMMIT_PERSON_TIMEZONE:
    case SUMMIT_PERSON_N_FIELDS:
    default: return NULL;
    }
}

static GtkWidget *
widget_for_field (SummitPersonEditor *self,
                  SummitPersonField   field)
{
  if (field == SUMMIT_PERSON_COUNTRY)
    return GTK_WIDGET (self->country_chooser);
  if (field == SUMMIT_PERSON_TIMEZONE)
    return GTK_WIDGET (self->timezone_chooser);
  return (GtkWidget *)entry_for_field (self, field);
}

/* The list of kinds: the first names the kind the position's wording gives. */
static void
bind_position_kind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  const char *kind = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  /* Translators: the first choice of a position kind, "Deputy mayor (as the position reads)" */
  text = gtk_list_item_get_position (item) == 0 ? g_strdup_printf (_("%s (as the position reads)"), kind)
                                                 : g_strdup (kind);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
setup_position_kind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The kind chosen, and what the person then counts as in the figures; the
 * first choice follows the position's wording. */
static void
read_position_kind (SummitPersonEditor *self)
{
  guint pos = gtk_drop_down_get_selected (self->position_kind_dropdown);
  SummitPositionKind kind;
  SummitPositionKind guessed = summit_position_kind_guess (summit_person_get_position (self->person));
  const char *first = summit_position_kind_to_label (guessed);
  g_autofree char *meaning = NULL;
  gboolean populating = self->populating;

  if (g_strcmp0 (gtk_string_list_get_string (self->position_kinds, 0), first) != 0)
    {
      const char * const replacement[] = { first, NULL };

      self->populating = TRUE;
      gtk_string_list_splice (self->position_kinds, 0, 1, replacement);
      gtk_drop_down_set_selected (self->position_kind_dropdown, pos);
      self->populating = populating;
    }

  summit_person_set_field (self->person, SUMMIT_PERSON_POSITION_KIND,
                           pos >= 1 && pos <= SUMMIT_N_POSITION_KINDS
                           ? summit_position_kind_to_string (pos - 1) : "");
  kind = summit_person_get_position_kind (self->person);
  meaning = g_strdup_printf (summit_position_kind_counts_as_mayor (kind)
                             /* Translators: %s is a position kind, "Deputy mayor" */
                             ? _("%s: counted as a mayor in the figures")
                             : _("%s: not counted as a mayor in the figures"),
                             summit_position_kind_to_label (kind));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->position_kind_dropdown), meaning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->position_kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning, -1);
}

static void
read_fields (SummitPersonEditor *self)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    {
      AdwEntryRow *row = entry_for_field (self, i);

      if (row != NULL)
        {
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
          summit_person_set_field (self->person, i, text);
        }
    }
  summit_person_set_field (self->person, SUMMIT_PERSON_COUNTRY,
                           summit_place_chooser_get_value (self->country_chooser));
  summit_person_set_field (self->person, SUMMIT_PERSON_TIMEZONE,
                           summit_place_chooser_get_value (self->timezone_chooser));
  read_position_kind (self);
}

static gboolean
validate (SummitPersonEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean name_checked = FALSE;
  gboolean valid;

  read_fields (self);
  /* The person's one validation decides; each row then says its part. */
  valid = summit_person_validate (self->person, NULL, NULL);

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    {
      GtkWidget *widget = widget_for_field (self, i);
      g_autoptr(GError) error = NULL;
      gboolean ok = summit_person_validate_field (self->person, i, &error);
      gboolean is_name = i == SUMMIT_PERSON_GIVEN_NAME || i == SUMMIT_PERSON_FAMILY_NAME ||
                         i == SUMMIT_PERSON_NATIVE_NAME;

      if (widget == NULL)
        continue;
      /* Say a missing name only once the person has started typing. */
      if (!ok && (self->dirty || !is_name))
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      if (!ok)
        {
          if (is_name && (name_checked || !self->dirty))
            continue;
          name_checked = name_checked || is_name;
          if (problems->len)
            g_string_append_c (problems, '\n');
          g_string_append (problems, error->message);
        }
    }

  gtk_label_set_label (self->problem_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            valid && self->dirty &&
                            summit_rights_allow (self->store, SUMMIT_STORE_RIGHT_PEOPLE));
  return valid;
}

static gboolean
find_duplicates_cb (gpointer user_data)
{
  SummitPersonEditor *self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  self->duplicate_timeout = 0;
  self->duplicate_id = 0;
  read_fields (self);
  ids = summit_store_find_duplicates (self->store, self->person, &error);
  if (ids != NULL && ids->len > 0)
    {
      g_autoptr(SummitPerson) other = summit_store_get_person (self->store,
                                                               g_array_index (ids, gint64, 0),
                                                               NULL);
      if (other != NULL)
        {
          g_autofree char *name = summit_person_dup_display_name (other);
          /* Translators: %s is a person's name, then a city */
          g_autofree char *text = g_strdup_printf (_("Possibly the same person as %s of %s, who is already in the list."),
                                                   name, summit_person_get_city (other));
          gtk_label_set_label (self->duplicate_label, text);
          self->duplicate_id = g_array_index (ids, gint64, 0);
        }
    }
  gtk_widget_set_visible (self->duplicate_box, self->duplicate_id != 0);
  return G_SOURCE_REMOVE;
}

static char *
format_time (gint64 at)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (at);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
load_invitation (SummitPersonEditor *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  SummitInvitationStatus status = SUMMIT_STATUS_DRAFT;
  gboolean has = FALSE;
  gint64 id = summit_person_get_id (self->person);
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->invitation_group), id > 0 && self->edition != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), id > 0);
  if (id == 0)
    return;

  if (self->edition != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      has = summit_store_get_invitation_status (self->store, id,
                                                summit_edition_get_id (self->edition), &status,
                                                NULL);
      self->seen_status = has ? (int)status : SUMMIT_INVITATION_NONE;
      /* Translators: %d is the edition's year */
      title = g_strdup_printf (_("Invitation to %d"), summit_edition_get_year (self->edition));
      adw_preferences_group_set_title (self->invitation_group, title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                                   has ? summit_invitation_status_to_label (status)
                                       : _("Not invited"));
      /* The accessible name carries the status, for screen readers and tests. */
      subtitle = g_strdup_printf (_("Current status: %s"),
                                  has ? summit_invitation_status_to_label (status) : _("Not invited"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);

      g_array_set_size (self->next_statuses, 0);
      for (guint s = 0; s < SUMMIT_N_STATUSES; s++)
        if (has ? summit_invitation_status_can_change (status, s)
                : (s == SUMMIT_STATUS_DRAFT || s == SUMMIT_STATUS_INVITED))
          {
            g_array_append_val (self->next_statuses, s);
            gtk_string_list_append (choices, summit_invitation_status_to_label (s));
          }
      gtk_drop_down_set_model (self->change_dropdown, G_LIST_MODEL (choices));
      gtk_widget_set_sensitive (GTK_WIDGET (self->record_button),
                                self->next_statuses->len > 0 &&
                                summit_rights_allow (self->store, SUMMIT_STORE_RIGHT_PEOPLE));
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))))
    gtk_list_box_remove (self->history_list, child);

  history = summit_store_list_invitation_history (self->store, id, 0, &error);
  for (guint i = history ? history->len : 0; i > 0; i--)
    {
      SummitInvitationEvent *ev = g_ptr_array_index (history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *when = format_time (ev->at);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: a change in the history: "2020: Invited → Confirmed" */
      title = ev->has_old
                ? g_strdup_printf (_("%d: %s → %s"), ev->year,
                                   summit_invitation_status_to_label (ev->old_status),
                                   summit_invitation_status_to_label (ev->new_status))
                : g_strdup_printf (_("%d: %s"), ev->year,
                                   summit_invitation_status_to_label (ev->new_status));
      g_string_append (subtitle, when);
      if (ev->channel != SUMMIT_CHANNEL_NONE)
        g_string_append_printf (subtitle, " · %s", summit_channel_to_label (ev->channel));
      if (*ev->note)
        g_string_append_printf (subtitle, " · %s", ev->note);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str, -1);
      gtk_list_box_append (self->history_list, row);
    }
  if (history == NULL || history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No invitations yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

/* The languages behind letter_language_dropdown, in its order. */
static const char * const letter_languages[] = { "", "en", "pl", "zh_TW" };

static void
populate (SummitPersonEditor *self)
{
  self->populating = TRUE;
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    {
      AdwEntryRow *row = entry_for_field (self, i);
      if (row != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), summit_person_get_field (self->person, i));
    }
  summit_place_chooser_set_value (self->country_chooser, summit_person_get_country (self->person));
  summit_place_chooser_set_value (self->timezone_chooser, summit_person_get_timezone (self->person));
  {
    SummitPositionKind kind;

    gtk_drop_down_set_selected (self->position_kind_dropdown,
                                summit_position_kind_from_string (
                                  summit_person_get_field (self->person, SUMMIT_PERSON_POSITION_KIND),
                                  &kind) ? kind + 1 : 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (letter_languages); i++)
    if (g_strcmp0 (summit_person_get_field (self->person, SUMMIT_PERSON_LETTER_LANGUAGE),
                   letter_languages[i]) == 0)
      gtk_drop_down_set_selected (self->letter_language_dropdown, i);
  self->populating = FALSE;
  read_position_kind (self);

  if (summit_person_get_id (self->person) > 0)
    {
      g_autofree char *name = summit_person_dup_display_name (self->person);
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, _("Edit Person"));
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Person"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }
  load_invitation (self);
  validate (self);
}

/* Callbacks */

static void
field_changed_cb (SummitPersonEditor *self)
{
  if (self->populating)
    return;
  self->dirty = TRUE;
  validate (self);
  g_clear_handle_id (&self->duplicate_timeout, g_source_remove);
  self->duplicate_timeout = g_timeout_add (300, find_duplicates_cb, self);
}

static gboolean
save_txn (SummitStore  *store,
          gpointer      user_data,
          GError      **error)
{
  SummitPerson *person = user_data;

  return summit_person_get_id (person) > 0
         ? summit_store_update_person (store, person, error)
         : summit_store_insert_person (store, person, error);
}

static gboolean retry_save_cb (gpointer user_data);

static void
say_problem (SummitPersonEditor *self,
             const char         *message)
{
  gtk_label_set_label (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static const char *
field_label (SummitPersonField field)
{
  switch (field)
    {
    case SUMMIT_PERSON_UID: return _("Identifier");
    case SUMMIT_PERSON_HONORIFIC: return _("Honorific");
    case SUMMIT_PERSON_GIVEN_NAME: return _("Given Name");
    case SUMMIT_PERSON_FAMILY_NAME: return _("Family Name");
    case SUMMIT_PERSON_NATIVE_NAME: return _("Native-Script Name");
    case SUMMIT_PERSON_POSITION: return _("Position");
    case SUMMIT_PERSON_CITY: return _("City");
    case SUMMIT_PERSON_COUNTRY: return _("Country");
    case SUMMIT_PERSON_ORGANISATION: return _("Organisation");
    case SUMMIT_PERSON_EMAIL: return _("Email");
    case SUMMIT_PERSON_PHONE: return _("Phone");
    case SUMMIT_PERSON_TIMEZONE: return _("Time Zone");
    case SUMMIT_PERSON_NOTES: return _("Notes");
    case SUMMIT_PERSON_POSITION_KIND: return _("Position kind");
    case SUMMIT_PERSON_LETTER_LANGUAGE: return _("Letter Language");
    case SUMMIT_PERSON_N_FIELDS:
    default: g_return_val_if_reached ("");
    }
}

/* Saves @mine, edited from @base. If someone saved the person since, merges
 * with what is stored now: saves at once where no field was changed by
 * both, otherwise shows the chooser and waits. Closes the editor once saved. */
static void
save_person (SummitPersonEditor *self,
             SummitPerson       *base,
             SummitPerson       *mine,
             gboolean            merged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPerson) theirs = NULL;
  g_autoptr(SummitPerson) merge = NULL;
  g_autoptr(GArray) conflicts = NULL;
  gint64 version = summit_person_get_version (mine);

  if (summit_store_transaction (self->store, save_txn, mine, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (merged && SUMMIT_IS_WINDOW (parent))
        summit_window_add_toast (SUMMIT_WINDOW (parent),
                                 summit_toast_new (_("Saved together with changes made meanwhile")));
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, summit_person_get_id (mine));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* Nothing was written: the version stays the one read. */
  summit_person_set_version (mine, version);
  if (summit_live_should_retry (error))
    {
      /* Nothing was written: keep everything, and save when the server is back. */
      if (self->retry == NULL)
        self->retry = summit_retry_new (self->store, 5000, retry_save_cb, self);
      summit_retry_schedule (self->retry);
      say_problem (self, _("Not saved yet: the server cannot be reached. Nothing you typed is "
                           "lost; it is saved as soon as the server is back."));
      return;
    }
  if (!g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
    {
      say_problem (self, error->message);
      return;
    }

  g_clear_error (&error);
  theirs = summit_store_get_person (self->store, summit_person_get_id (mine), &error);
  if (theirs == NULL)
    {
      say_problem (self, error->message);
      return;
    }
  merge = summit_merge_person (base, mine, theirs, &conflicts);
  if (conflicts->len == 0)
    {
      save_person (self, theirs, merge, TRUE);
      return;
    }
  summit_merge_chooser_begin (self->merge_chooser, G_OBJECT (theirs), G_OBJECT (mine),
                              G_OBJECT (merge), g_array_ref (conflicts));

  for (guint i = 0; i < conflicts->len; i++)
    {
      SummitPersonField f = g_array_index (conflicts, SummitPersonField, i);

      summit_merge_chooser_add (self->merge_chooser, field_label (f),
                                summit_person_get_field (mine, f),
                                summit_person_get_field (theirs, f));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  summit_merge_chooser_present (self->merge_chooser);
}

static void
save_clicked_cb (SummitPersonEditor *self)
{
  g_autoptr(SummitPerson) mine = NULL;
  guint language = gtk_drop_down_get_selected (self->letter_language_dropdown);

  if (!validate (self))
    return;
  summit_person_set_field (self->person, SUMMIT_PERSON_LETTER_LANGUAGE,
                           language < G_N_ELEMENTS (letter_languages) ? letter_languages[language] : "");
  mine = summit_person_copy (self->person);
  save_person (self, self->base, mine, FALSE);
}

static void
merge_save_cb (SummitPersonEditor *self)
{
  GObject *theirs, *mine;
  GArray *fields;
  GObject *merged = summit_merge_chooser_get_merge (self->merge_chooser, &theirs, &mine, &fields);
  g_autoptr(SummitPerson) base = NULL;
  g_autoptr(SummitPerson) merge = NULL;

  if (merged == NULL)
    return;
  for (guint i = 0; i < fields->len; i++)
    {
      SummitPersonField f = g_array_index (fields, SummitPersonField, i);

      if (summit_merge_chooser_keeps_mine (self->merge_chooser, i))
        summit_person_set_field (SUMMIT_PERSON (merged), f,
                                 summit_person_get_field (SUMMIT_PERSON (mine), f));
    }
  base = g_object_ref (SUMMIT_PERSON (theirs));
  merge = g_object_ref (SUMMIT_PERSON (merged));
  summit_merge_chooser_clear (self->merge_chooser);
  save_person (self, base, merge, TRUE);
}

static void
merge_cancel_cb (SummitPersonEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
}

static gboolean
retry_save_cb (gpointer user_data)
{
  SummitPersonEditor *self = user_data;

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    save_clicked_cb (self);
  return G_SOURCE_REMOVE;
}

/* Says in place that someone else changed or deleted the person, or, with
 * @message %NULL, takes the note away. */
static void
say_elsewhere (SummitPersonEditor *self,
               const char         *message)
{
  if (message == NULL)
    {
      if (self->elsewhere_label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->elsewhere_label), FALSE);
      return;
    }
  if (self->elsewhere_label == NULL)
    {
      self->elsewhere_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->elsewhere_label, TRUE);
      gtk_label_set_xalign (self->elsewhere_label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->elsewhere_label), "warning");
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->problem_label))),
                                  GTK_WIDGET (self->elsewhere_label), NULL);
    }
  gtk_label_set_label (self->elsewhere_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->elsewhere_label), TRUE);
}

/* The names of the fields in which @stored differs from the person as the
 * editor read it, as a list; %NULL if none. */
static char *
fields_changed_elsewhere (SummitPersonEditor *self,
                          SummitPerson       *stored)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    if (g_strcmp0 (summit_person_get_field (stored, i),
                   summit_person_get_field (self->as_loaded, i)) != 0)
      {
        if (names->len > 0)
          /* Translators: between the names of fields in a list, "Email, Position" */
          g_string_append (names, _(", "));
        g_string_append (names, field_label (i));
      }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Someone else changed or deleted this person while the editor is open.
 * With nothing typed yet, the editor reads the person again; otherwise what
 * is typed stays, and a note says which fields changed elsewhere for as
 * long as that holds (the save then merges). */
static void
store_changed_cb (SummitPersonEditor *self,
                  const char         *table,
                  GArray             *ids)
{
  static const char * const tables[] = { "person", "invitation", "invitation_event", NULL };
  gint64 id = summit_person_get_id (self->person);
  g_autoptr(SummitPerson) stored = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *note = NULL;

  if (id == 0 || self->as_loaded == NULL || !summit_live_concerns (table, ids, tables, id))
    return;
  load_invitation (self);
  stored = summit_store_get_person (self->store, id, NULL);
  if (stored == NULL)
    {
      say_elsewhere (self, _("Someone else has deleted this person meanwhile. What you typed is "
                             "still here."));
      return;
    }
  changed = fields_changed_elsewhere (self, stored);
  if (!self->dirty && (changed != NULL ||
                       summit_person_get_version (stored) !=
                       summit_person_get_version (self->as_loaded)))
    {
      g_set_object (&self->as_loaded, stored);
      g_clear_object (&self->person);
      self->person = summit_person_copy (stored);
      g_clear_object (&self->base);
      self->base = summit_person_copy (stored);
      populate (self);
      g_clear_pointer (&changed, g_free);
    }
  if (changed == NULL)
    {
      say_elsewhere (self, NULL);
      return;
    }
  /* Translators: %s lists fields, "Email, Position" */
  note = g_strdup_printf (_("Changed elsewhere meanwhile: %s. What you typed is still here; "
                            "saving merges it with their change and asks where you both "
                            "changed a field."), changed);
  say_elsewhere (self, note);
}

static void
record_clicked_cb (SummitPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  guint pos = gtk_drop_down_get_selected (self->change_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);

  if (self->edition == NULL || pos >= self->next_statuses->len)
    return;
  if (channel >= SUMMIT_N_CHANNELS)
    channel = SUMMIT_CHANNEL_NONE;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (!summit_store_change_invitation (self->store, summit_person_get_id (self->person),
                                       summit_edition_get_id (self->edition), self->seen_status,
                                       g_array_index (self->next_statuses,
                                                      SummitInvitationStatus, pos),
                                       channel, note, 0, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      /* Someone else changed it: show theirs, keep the note typed. */
      if (g_error_matches (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT))
        {
          load_invitation (self);
          g_signal_emit (self, signals[SIGNAL_CHANGED], 0, summit_person_get_id (self->person));
        }
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  load_invitation (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, summit_person_get_id (self->person));
}

static void
open_duplicate_cb (SummitPersonEditor *self)
{
  if (self->duplicate_id != 0)
    g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, self->duplicate_id);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SummitPersonEditor *self = SUMMIT_PERSON_EDITOR (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    save_clicked_cb (self);
}

/* Two columns side by side when the window is wide enough for them. */
static void
columns_for_width (SummitPersonEditor *self)
{
  int width, height;
  gboolean wide;

  /* GTK 4.8 wants both pointers. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  wide = width < 0 || width >= 800;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  /* Equal widths side by side; stacked, each its own height. */
  gtk_box_set_homogeneous (self->columns, wide);
}

/* GObject overrides */

static void
summit_person_editor_dispose (GObject *object)
{
  SummitPersonEditor *self = (SummitPersonEditor *)object;

  g_clear_handle_id (&self->duplicate_timeout, g_source_remove);
  g_clear_pointer (&self->retry, summit_retry_free);
  g_clear_object (&self->as_loaded);
  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_object (&self->person);
  g_clear_object (&self->base);
  g_clear_pointer (&self->next_statuses, g_array_unref);
  g_clear_object (&self->position_kinds);

  G_OBJECT_CLASS (summit_person_editor_parent_class)->dispose (object);
}

static void
summit_person_editor_class_init (SummitPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_person_editor_dispose;

  /**
   * SummitPersonEditor::changed:
   * @person_id: whose record or invitation changed
   *
   * Emitted after a change has been committed to the database.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SummitPersonEditor::open-person:
   * @person_id: the existing record the person asked to see
   */
  signals[SIGNAL_OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, change_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, columns);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, country_chooser);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, given_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, invitation_group);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, native_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, letter_language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, merge_chooser);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, position_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, record_button);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, timezone_chooser);
  gtk_widget_class_bind_template_child (widget_class, SummitPersonEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_duplicate_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc)gtk_window_close, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);

  g_type_ensure (SUMMIT_TYPE_MERGE_CHOOSER);
  g_type_ensure (SUMMIT_TYPE_PLACE_CHOOSER);
}

static void
summit_person_editor_init (SummitPersonEditor *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  columns_for_width (self);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (columns_for_width), NULL);

  self->next_statuses = g_array_new (FALSE, FALSE, sizeof (SummitInvitationStatus));

  for (guint i = 0; i < SUMMIT_N_CHANNELS; i++)
    gtk_string_list_append (channels, summit_channel_to_label (i));
  self->position_kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (self->position_kinds, "");   /* named by read_position_kind() */
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_position_kind_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_position_kind_cb), NULL);
    gtk_drop_down_set_list_factory (self->position_kind_dropdown, factory);
  }
  for (guint i = 0; i < SUMMIT_N_POSITION_KINDS; i++)
    gtk_string_list_append (self->position_kinds, summit_position_kind_to_label (i));

  self->populating = TRUE;
  gtk_drop_down_set_model (self->position_kind_dropdown, G_LIST_MODEL (self->position_kinds));
  self->populating = FALSE;
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
}

/**
 * summit_person_editor_new:
 * @edition: (nullable): the edition whose invitation can be changed here
 * @person_id: the person to edit, or 0 to add a new one
 *
 * Returns: (transfer none): a new editor window, owned by GTK once presented
 */
SummitPersonEditor *
summit_person_editor_new (GtkWindow     *parent,
                          SummitStore   *store,
                          SummitEdition *edition,
                          gint64         person_id)
{
  SummitPersonEditor *self;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  self = g_object_new (SUMMIT_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->edition = edition ? g_object_ref (edition) : NULL;

  if (person_id > 0)
    {
      g_autoptr(GError) error = NULL;
      self->person = summit_store_get_person (store, person_id, &error);
      if (self->person == NULL)
        g_warning ("%s", error->message);
      self->as_loaded = summit_store_get_person (store, person_id, NULL);
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->person == NULL)
    self->person = summit_person_new ();
  self->base = summit_person_copy (self->person);

  {
    g_autofree char *refusal = summit_rights_refusal (store, SUMMIT_STORE_RIGHT_PEOPLE);

    summit_rights_explain (GTK_WIDGET (self->save_button), refusal);
    summit_rights_explain (GTK_WIDGET (self->record_button), refusal);
  }
  populate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
  return self;
}
