/* summit-people-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People page: every mayor and official with their invitation to the
 * current edition, searched, filtered and sorted as you type — fluid with
 * 100,000 people because the list is a SummitPeopleModel (row structs worked
 * on off the main thread) shown in GtkInscription cells. Staff
 * select people and invite them or record their answers in bulk; a delete
 * can be undone.
 */
#define G_LOG_DOMAIN "summit-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-live.h"
#include "summit-people.h"
#include "summit-people-page.h"
#include "summit-letters-dialog.h"
#include "summit-people-columns.h"
#include "summit-people-selection.h"
#include "summit-person-editor.h"
#include "summit-place-chooser.h"
#include "summit-places.h"
#include "summit-application.h"
#include "summit-rights.h"
#include "summit-utils.h"

struct _SummitPeoplePage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  SummitPlaceChooser *country_filter;
  GtkDropDown        *origin_filter;
  GtkToggleButton    *awaiting_button;
  GtkLabel           *summary_label;
  GtkLabel           *shown_label;
  GtkLabel           *selection_label;
  GtkStack           *stack;
  GtkMenuButton      *status_menu_button;
  GMenuModel         *status_menu;
  GtkColumnView      *column_view;

  /* Owned */
  SummitStore        *store;
  SummitEdition      *edition;
  SummitPeopleModel  *model;
  SummitPeopleSelection *selection;
  SummitPeopleColumns *columns;
  GStrv               country_codes;   /* the countries country_filter offers */
  gboolean            wants_first_paint;
  GArray             *keep_selected;   /* ids to select again once a change is shown */
};

G_DEFINE_FINAL_TYPE (SummitPeoplePage, summit_people_page, GTK_TYPE_WIDGET)

/* Status filter entries after "Any status" */
static const int status_filter_values[] = {
  SUMMIT_PEOPLE_STATUS_ANY, SUMMIT_PEOPLE_STATUS_NONE,
  SUMMIT_STATUS_DRAFT, SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED, SUMMIT_STATUS_DECLINED,
  SUMMIT_STATUS_CANCELLED, SUMMIT_STATUS_ATTENDED,
};

/* Auxiliary methods */

static void
add_toast (SummitPeoplePage *self,
           const char       *title)
{
  AdwToast *toast = summit_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static int
awaiting_days (SummitPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  GSettings *settings = SUMMIT_IS_APPLICATION (app)
                          ? summit_application_get_settings (SUMMIT_APPLICATION (app)) : NULL;

  return settings ? g_settings_get_int (settings, "awaiting-reply-days") : 14;
}

/* The selected people's ids; in @seen (optional), the status each shows. */
static GArray *
selected_ids_and_statuses (SummitPeoplePage *self,
                           GArray           *seen)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        gint64 id = summit_people_model_get_id (self->model, position);
        int status = summit_people_model_get_status (self->model, position);

        if (id <= 0)
          continue;
        g_array_append_val (ids, id);
        if (seen != NULL)
          g_array_append_val (seen, status);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return ids;
}

static GArray *
selected_ids (SummitPeoplePage *self)
{
  return selected_ids_and_statuses (self, NULL);
}

static void
update_actions (SummitPeoplePage *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (set);
  gboolean writable = summit_rights_allow (self->store, SUMMIT_STORE_RIGHT_PEOPLE);
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.set-status",
                                 n > 0 && writable && self->edition != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", n > 0 && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.prepare-letters", self->edition != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_menu_button), writable);

  /* Translators: how many people are selected in the list */
  text = n ? g_strdup_printf (g_dngettext (NULL, "%u selected", "%u selected", n), (guint)n)
           : g_strdup ("");
  gtk_label_set_label (self->selection_label, text);
}

static void
update_summary (SummitPeoplePage *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint counts[SUMMIT_N_STATUSES];
  guint n_people = summit_people_model_get_n_people (self->model);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  static const SummitInvitationStatus order[] = {
    SUMMIT_STATUS_INVITED, SUMMIT_STATUS_CONFIRMED, SUMMIT_STATUS_DECLINED,
    SUMMIT_STATUS_CANCELLED, SUMMIT_STATUS_ATTENDED, SUMMIT_STATUS_DRAFT,
  };
  g_autofree char *shown = NULL;

  summit_people_model_get_counts (self->model, counts);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *format = NULL;
      guint n = counts[order[i]];

      switch (order[i])
        {
        /* Translators: parts of the summary line, "152 invited · 98 confirmed · 12 declined" */
        case SUMMIT_STATUS_INVITED: format = g_dngettext (NULL, "%u invited", "%u invited", n); break;
        case SUMMIT_STATUS_CONFIRMED: format = g_dngettext (NULL, "%u confirmed", "%u confirmed", n); break;
        case SUMMIT_STATUS_DECLINED: format = g_dngettext (NULL, "%u declined", "%u declined", n); break;
        case SUMMIT_STATUS_CANCELLED: format = g_dngettext (NULL, "%u cancelled", "%u cancelled", n); break;
        case SUMMIT_STATUS_ATTENDED: format = g_dngettext (NULL, "%u attended", "%u attended", n); break;
        case SUMMIT_STATUS_DRAFT: format = g_dngettext (NULL, "%u draft", "%u drafts", n); break;
        case SUMMIT_N_STATUSES:
        default: g_assert_not_reached ();
        }
      if (n == 0 && order[i] != SUMMIT_STATUS_INVITED && order[i] != SUMMIT_STATUS_CONFIRMED &&
          order[i] != SUMMIT_STATUS_DECLINED)
        continue;
      if (summary->len)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, format, n);
    }
  if (self->edition != NULL)
    {
      /* Translators: %d is the edition's year, %s the counts per status */
      g_autofree char *text = g_strdup_printf (_("%d: %s"), summit_edition_get_year (self->edition),
                                               summary->str);
      gtk_label_set_label (self->summary_label, text);
    }
  else
    gtk_label_set_label (self->summary_label, summary->str);

  /* Translators: "Showing 12 of 100000 people" */
  shown = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u person", "Showing %u of %u people",
                                        n_people), n_shown, n_people);
  gtk_label_set_label (self->shown_label, shown);

  /* The two pages most starts never show are built if they are needed. */
  if (n_people == 0 && !summit_people_model_is_busy (self->model))
    adw_status_page_set_description (
      summit_stack_show_status_page (self->stack, "empty", "system-users-symbolic",
                                     _("No People Yet")),
      _("The mayors and officials you add or import appear here."));
  else if (n_shown == 0 && !summit_people_model_is_busy (self->model))
    adw_status_page_set_description (
      summit_stack_show_status_page (self->stack, "no-results", "edit-find-symbolic",
                                     _("No Matches")),
      _("Nobody matches the search and filters."));
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_country_filter (SummitPeoplePage *self)
{
  g_auto(GStrv) codes = summit_people_model_dup_countries (self->model);
  const char *current = summit_place_chooser_get_value (self->country_filter);

  if (self->country_codes && g_strv_equal ((const char * const *)codes,
                                           (const char * const *)self->country_codes))
    return;
  g_strfreev (self->country_codes);
  self->country_codes = g_steal_pointer (&codes);

  /* Offer only the countries someone comes from; when nobody is left from
   * the chosen one, the filter (and the list) go back to any country. */
  summit_place_chooser_set_choices (self->country_filter, (const char * const *)self->country_codes);
  if (*current != '\0' && !g_strv_contains ((const char * const *)self->country_codes, current))
    summit_place_chooser_set_value (self->country_filter, "");
}

/* Enough people to fill the window's list at start, and no more: every row
 * (seven cells) is built and laid out before the first frame. */
static guint
first_rows (SummitPeoplePage *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = SUMMIT_IS_APPLICATION (app)
                          ? summit_application_get_settings (SUMMIT_APPLICATION (app)) : NULL;
  int height = settings ? g_settings_get_int (settings, "window-height") : 0;

  if (settings != NULL && g_settings_get_boolean (settings, "window-maximized"))
    height = 0;
  /* Rows are 21 pixels with Adwaita's default font, and the bars above and
   * below the list take 190 of the window's height. Any row short of filling
   * it comes a frame later, with the rest. */
  return height > 0 ? CLAMP ((height - 190) / 21 + 1, 10, 80) : 70;
}

static void
reload (SummitPeoplePage *self)
{
  if (self->store == NULL)
    return;
  summit_people_model_load (self->model, self->store,
                            self->edition ? summit_edition_get_id (self->edition) : 0,
                            self->edition ? summit_edition_get_host_country (self->edition) : "",
                            first_rows (self));
  update_summary (self);

  /* Everyone else is read once the first rows are on screen. */
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    summit_people_model_continue_loading (self->model);
  else
    self->wants_first_paint = TRUE;
}

/* Callbacks */

static void
first_paint_cb (GdkFrameClock    *clock,
                SummitPeoplePage *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  summit_people_model_continue_loading (self->model);
}

/* Selects again the people selected before a change to them, wherever the
 * change has put them in the list. */
static void
restore_selection (SummitPeoplePage *self)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  positions = summit_people_model_find_positions (self->model,
                                                  (gint64 *)(gpointer)self->keep_selected->data,
                                                  self->keep_selected->len);
  for (guint i = 0; i < positions->len; i++)
    gtk_bitset_add (selected, g_array_index (positions, guint, i));
  mask = gtk_bitset_new_range (0, MAX (n_items, 1));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  if (!summit_people_model_is_busy (self->model))
    g_clear_pointer (&self->keep_selected, g_array_unref);
}

/* Re-reads @ids after a change the store has committed; who was selected
 * stays selected. */
static void
refresh_keeping_selection (SummitPeoplePage *self,
                           const gint64     *ids,
                           guint             n_ids)
{
  g_clear_pointer (&self->keep_selected, g_array_unref);
  self->keep_selected = selected_ids (self);
  summit_people_model_refresh (self->model, ids, n_ids);
}

static void
model_ready_cb (SummitPeoplePage  *self,
                SummitPeopleModel *model)
{
  if (self->keep_selected != NULL)
    restore_selection (self);
  update_summary (self);
  update_country_filter (self);
  update_actions (self);
}

static void
selection_changed_cb (SummitPeoplePage *self)
{
  update_actions (self);
}

/* A new search or filter shows its matches from the top. */
static void
scroll_to_top (SummitPeoplePage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
search_changed_cb (SummitPeoplePage *self,
                   GtkSearchEntry   *entry)
{
  scroll_to_top (self);
  summit_people_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
filter_changed_cb (SummitPeoplePage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *country = summit_place_chooser_get_value (self->country_filter);

  scroll_to_top (self);

  summit_people_model_set_status_filter (self->model,
                                         status < G_N_ELEMENTS (status_filter_values)
                                           ? status_filter_values[status]
                                           : SUMMIT_PEOPLE_STATUS_ANY);
  summit_people_model_set_country_filter (self->model, *country != '\0' ? country : NULL);
  summit_people_model_set_origin_filter (self->model,
                                         gtk_drop_down_get_selected (self->origin_filter));
  summit_people_model_set_awaiting_reply (self->model,
                                          gtk_toggle_button_get_active (self->awaiting_button),
                                          awaiting_days (self));
}

static void
editor_changed_cb (SummitPeoplePage *self,
                   gint64            person_id)
{
  refresh_keeping_selection (self, &person_id, 1);
}

static void open_editor (SummitPeoplePage *self, gint64 person_id);

static void
editor_open_person_cb (SummitPeoplePage *self,
                       gint64            person_id)
{
  open_editor (self, person_id);
}

static void
open_editor (SummitPeoplePage *self,
             gint64            person_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SummitPersonEditor *editor;

  if (self->store == NULL)
    return;
  editor = summit_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->edition, person_id);
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-person", G_CALLBACK (editor_open_person_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (SummitPeoplePage *self,
                  guint             position)
{
  gint64 id = summit_people_model_get_id (self->model, position);

  if (id > 0)
    open_editor (self, id);
}

static void
undo_delete_cb (AdwToast         *toast,
                SummitPeoplePage *self)
{
  GPtrArray *deleted = g_object_get_data (G_OBJECT (toast), "summit-deleted");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (deleted == NULL || self->store == NULL)
    return;
  if (!summit_store_restore_people (self->store, deleted, &error))
    {
      add_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < deleted->len; i++)
    {
      gint64 id = summit_deleted_person_get_id (g_ptr_array_index (deleted, i));
      g_array_append_val (ids, id);
    }
  g_object_set_data (G_OBJECT (toast), "summit-deleted", NULL);
  summit_people_model_refresh (self->model, (gint64 *)(gpointer)ids->data, ids->len);
}

static void
delete_people (SummitPeoplePage *self,
               GArray           *ids)
{
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  deleted = summit_store_delete_people (self->store, (gint64 *)(gpointer)ids->data, ids->len,
                                        &error);
  if (deleted == NULL)
    {
      add_toast (self, error->message);
      return;
    }
  summit_people_model_refresh (self->model, (gint64 *)(gpointer)ids->data, ids->len);

  if (deleted->len == 1)
    {
      g_autofree char *name =
        summit_person_dup_display_name (summit_deleted_person_get_person (g_ptr_array_index (deleted, 0)));
      /* Translators: %s is a person's name */
      title = g_strdup_printf (_("Deleted %s"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (NULL, "Deleted %u person", "Deleted %u people",
                                          deleted->len), deleted->len);

  toast = summit_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "summit-deleted", g_steal_pointer (&deleted),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
confirm_delete_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SummitPeoplePage *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "summit-ids");

  if (g_strcmp0 (response, "delete") == 0 && ids != NULL)
    delete_people (self, ids);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (SUMMIT_PEOPLE_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len == 1)
    open_editor (self, g_array_index (ids, gint64, 0));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ids = selected_ids_and_statuses (self, seen);
  g_autoptr(GError) error = NULL;
  SummitInvitationStatus status;
  g_autofree char *title = NULL;

  if (self->edition == NULL || ids->len == 0 ||
      !summit_invitation_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;

  /* Each from the status this list shows: a change made meanwhile by
   * someone else stops it all, and the rows then show theirs. */
  if (!summit_store_change_invitations (self->store, (gint64 *)(gpointer)ids->data,
                                        (int *)(gpointer)seen->data, ids->len,
                                        summit_edition_get_id (self->edition), status,
                                        SUMMIT_CHANNEL_NONE, NULL, 0, &error))
    {
      /* Translators: %s says why; nothing was changed */
      g_autofree char *message = g_strdup_printf (_("Nothing changed. %s"), error->message);
      add_toast (self, message);
      refresh_keeping_selection (self, (gint64 *)(gpointer)ids->data, ids->len);
      return;
    }
  refresh_keeping_selection (self, (gint64 *)(gpointer)ids->data, ids->len);

  /* Translators: "3 people marked Confirmed" */
  title = g_strdup_printf (g_dngettext (NULL, "%u person marked %s", "%u people marked %s", ids->len),
                           ids->len, summit_invitation_status_to_label (status));
  add_toast (self, title);
}

static void
undo_invited_cb (AdwToast         *toast,
                 SummitPeoplePage *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (toast), "summit-marked");
  g_autoptr(GError) error = NULL;

  if (ids == NULL || self->edition == NULL)
    return;
  if (!summit_store_undo_invited (self->store, (gint64 *)(gpointer)ids->data, ids->len,
                                  summit_edition_get_id (self->edition), &error))
    add_toast (self, error->message);
  summit_people_model_refresh (self->model, (gint64 *)(gpointer)ids->data, ids->len);
}

static void
letters_done_cb (const char   *message,
                 const gint64 *marked,
                 guint         n_marked,
                 gpointer      user_data)
{
  g_autoptr(SummitPeoplePage) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_marked == 0)
    {
      g_autoptr(GArray) shown = selected_ids (self);

      if (message != NULL)
        add_toast (self, message);
      /* The invitations may have been changed by someone else meanwhile. */
      summit_people_model_refresh (self->model, (gint64 *)(gpointer)shown->data, shown->len);
      return;
    }
  summit_people_model_refresh (self->model, marked, n_marked);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_marked);
  g_array_append_vals (ids, marked, n_marked);
  /* Translators: after preparing letters, "3 people marked Invited" */
  title = g_strdup_printf (g_dngettext (NULL, "%u person marked %s", "%u people marked %s", n_marked),
                           n_marked, summit_invitation_status_to_label (SUMMIT_STATUS_INVITED));
  toast = summit_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "summit-marked", g_steal_pointer (&ids),
                          (GDestroyNotify)g_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_invited_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
prepare_letters_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  if (self->store == NULL || self->edition == NULL)
    return;
  summit_letters_dialog_run (widget, self->store, self->edition, (gint64 *)(gpointer)ids->data,
                             ids->len, letters_done_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GString) seats = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (ids->len == 0 || self->store == NULL)
    return;

  /* Someone who sits on a panel: name the panels first. */
  for (guint i = 0; i < ids->len && i < 50; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GPtrArray) panels = summit_store_list_person_panels (self->store, id, NULL);
      g_autoptr(SummitPerson) person = NULL;
      g_autofree char *name = NULL;
      g_autofree char *joined = NULL;

      if (panels == NULL || panels->len == 0)
        continue;
      person = summit_store_get_person (self->store, id, NULL);
      name = person ? summit_person_dup_display_name (person) : g_strdup ("?");
      g_ptr_array_add (panels, NULL);
      joined = g_strjoinv ("; ", (char **)panels->pdata);
      g_string_append_printf (seats, "%s%s — %s", seats->len ? "\n" : "", name, joined);
    }

  if (seats->len == 0)
    {
      delete_people (self, ids);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Remove From Panels?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("These people sit on panels and will be taken off the lineups:\n%s"),
                                  seats->str);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "summit-ids", g_array_ref (ids),
                          (GDestroyNotify)g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SUMMIT_PEOPLE_PAGE (widget)->search_entry));
}

/* GObject overrides */

static void
summit_people_page_realize (GtkWidget *widget)
{
  SummitPeoplePage *self = SUMMIT_PEOPLE_PAGE (widget);

  GTK_WIDGET_CLASS (summit_people_page_parent_class)->realize (widget);

  if (self->wants_first_paint)
    {
      self->wants_first_paint = FALSE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_paint_cb), self, 0);
    }
}

static void
summit_people_page_dispose (GObject *object)
{
  SummitPeoplePage *self = (SummitPeoplePage *)object;

  summit_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_PEOPLE_PAGE);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->country_codes, g_strfreev);
  /* After the template: the columns' cells are unbound with it. */
  g_clear_object (&self->columns);
  g_clear_pointer (&self->keep_selected, g_array_unref);

  G_OBJECT_CLASS (summit_people_page_parent_class)->dispose (object);
}

static void
summit_people_page_class_init (SummitPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_people_page_dispose;
  widget_class->realize = summit_people_page_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, awaiting_button);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, country_filter);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, origin_filter);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, status_menu);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, status_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SummitPeoplePage, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "people.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "people.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.prepare-letters", NULL,
                                   prepare_letters_action);
  gtk_widget_class_install_action (widget_class, "people.focus-search", NULL, focus_search_action);

  /* Its shortcuts are in the template: the window handles them, whatever has the focus. */

  g_type_ensure (SUMMIT_TYPE_PEOPLE_ITEM);
  g_type_ensure (SUMMIT_TYPE_PLACE_CHOOSER);
}

static void
summit_people_page_init (SummitPeoplePage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  summit_menu_button_set_menu_later (self->status_menu_button, self->status_menu);
  self->model = summit_people_model_new ();
  g_signal_connect_object (self->model, "ready", G_CALLBACK (model_ready_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = summit_people_selection_new (G_LIST_MODEL (self->model));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->columns = summit_people_columns_new (self->column_view, self->model, self->selection);

  gtk_string_list_append (statuses, _("Any status"));
  gtk_string_list_append (statuses, _("Not invited"));
  for (guint i = 0; i < SUMMIT_N_STATUSES; i++)
    gtk_string_list_append (statuses, summit_invitation_status_to_label (i));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  update_country_filter (self);
  update_actions (self);
}

/* Public API */

/**
 * summit_people_page_set_store:
 *
 * Shows the people of @store (for the edition set with
 * summit_people_page_set_edition(), if any).
 */
void
summit_people_page_set_store (SummitPeoplePage *self,
                              SummitStore      *store)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_PAGE (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      static const char * const changes[] = { "people.add", "people.delete", "people.set-status",
                                              NULL };
      g_autofree char *refusal = summit_rights_refusal (store, SUMMIT_STORE_RIGHT_PEOPLE);

      reload (self);
      update_actions (self);
      /* Those who may not change people see why on each control that would. */
      summit_rights_explain_actions (GTK_WIDGET (self), changes, refusal);
      summit_rights_explain (GTK_WIDGET (self->status_menu_button), refusal);
    }
}

/**
 * summit_people_page_set_edition:
 * @edition: (nullable): whose invitations to show
 */
void
summit_people_page_set_edition (SummitPeoplePage *self,
                                SummitEdition    *edition)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_PAGE (self));

  /* The same edition read again (a change elsewhere): the list stays. */
  if (edition != NULL && self->edition != NULL &&
      summit_edition_get_id (edition) == summit_edition_get_id (self->edition) &&
      g_strcmp0 (summit_edition_get_host_country (edition),
                 summit_edition_get_host_country (self->edition)) == 0)
    {
      g_set_object (&self->edition, edition);
      update_summary (self);
      return;
    }

  if (g_set_object (&self->edition, edition))
    {
      reload (self);
      update_actions (self);
    }
}

/**
 * summit_people_page_refresh:
 * @table: (nullable): the table changed elsewhere, %NULL for any
 * @ids: (nullable) (element-type gint64): the people changed, %NULL for any
 *
 * Shows changes made elsewhere (another window or person) to the people
 * and their invitations, keeping the search, filters, selection and scroll
 * position.
 */
void
summit_people_page_refresh (SummitPeoplePage *self,
                            const char       *table,
                            GArray           *ids)
{
  static const char * const tables[] = { "person", "invitation", "invitation_event", NULL };

  g_return_if_fail (SUMMIT_IS_PEOPLE_PAGE (self));

  if (self->store == NULL || !summit_live_concerns (table, ids, tables, 0))
    return;
  if (ids != NULL)
    {
      refresh_keeping_selection (self, (const gint64 *)(gpointer)ids->data, ids->len);
      return;
    }
  g_clear_pointer (&self->keep_selected, g_array_unref);
  self->keep_selected = selected_ids (self);
  summit_people_model_refresh_all (self->model);
}

/**
 * summit_people_page_get_model:
 *
 * Returns: (transfer none): the list shown, for benchmarks and tests
 */
SummitPeopleModel *
summit_people_page_get_model (SummitPeoplePage *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_PAGE (self), NULL);
  return self->model;
}

/**
 * summit_people_page_sort_by:
 *
 * Sorts by @column as a click on its header would.
 */
void
summit_people_page_sort_by (SummitPeoplePage *self,
                            guint             column,
                            gboolean          descending)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_PAGE (self));

  summit_people_columns_sort_by (self->columns, column, descending);
}
