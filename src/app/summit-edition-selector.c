/* summit-edition-selector.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header bar's choice of the current edition (year), and the way to
 * start a new one — optionally with last year's invitees carried over as
 * drafts, so the office starts from the people it knows.
 */
#define G_LOG_DOMAIN "summit-edition-selector"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-edition-selector.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-rights.h"

struct _SummitEditionSelector
{
  GtkBox          parent_instance;

  /* Template widgets */
  GtkDropDown    *dropdown;
  GtkButton      *new_button;

  /* Owned */
  SummitStore    *store;
  GPtrArray      *editions;
  SummitEdition  *edition;

  /* For the new-edition dialog */
  GtkSpinButton  *year_spin;
  GtkCheckButton *carry_check;
};

G_DEFINE_FINAL_TYPE (SummitEditionSelector, summit_edition_selector, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_EDITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static void
reload (SummitEditionSelector *self,
        int                    select_year)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->editions, g_ptr_array_unref);
  self->editions = summit_store_list_editions (self->store, &error);
  if (self->editions == NULL)
    {
      g_warning ("Could not list the editions: %s", error->message);
      self->editions = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < self->editions->len; i++)
    {
      SummitEdition *edition = g_ptr_array_index (self->editions, i);
      g_autofree char *label = g_strdup_printf ("%d", summit_edition_get_year (edition));

      gtk_string_list_append (years, label);
      /* The one asked for, else the latest. */
      if (summit_edition_get_year (edition) == select_year ||
          (select_year == 0 && (selected == GTK_INVALID_LIST_POSITION ||
                                summit_edition_get_year (edition) >
                                summit_edition_get_year (g_ptr_array_index (self->editions, selected)))))
        selected = i;
    }
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), self->editions->len > 0);
}

/* Callbacks */

static void
selected_cb (SummitEditionSelector *self)
{
  guint pos = gtk_drop_down_get_selected (self->dropdown);
  SummitEdition *edition = NULL;

  if (self->editions != NULL && pos < self->editions->len)
    edition = g_ptr_array_index (self->editions, pos);
  if (g_set_object (&self->edition, edition))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITION]);
}

static void
new_response_cb (AdwMessageDialog      *dialog,
                 const char            *response,
                 SummitEditionSelector *self)
{
  g_autoptr(SummitEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  gboolean carry = gtk_check_button_get_active (self->carry_check);

  self->year_spin = NULL;
  self->carry_check = NULL;
  if (g_strcmp0 (response, "create") != 0 || self->store == NULL)
    return;

  /* Same host, zone and format as the current edition, a new year. */
  edition = summit_edition_new (year);
  if (self->edition != NULL)
    {
      summit_edition_set_host_city (edition, summit_edition_get_host_city (self->edition));
      summit_edition_set_host_country (edition, summit_edition_get_host_country (self->edition));
      summit_edition_set_timezone (edition, summit_edition_get_timezone (self->edition));
      summit_edition_set_format (edition, summit_edition_get_format (self->edition));
    }

  if (!summit_store_create_edition (self->store, edition, carry, NULL, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 _("Could Not Create the Edition"),
                                                 error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  reload (self, year);
}

static void
new_clicked_cb (SummitEditionSelector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *dialog, *box, *spin, *check;
  int next_year = g_date_time_get_year (now);

  if (self->store == NULL)
    return;
  if (self->edition != NULL)
    next_year = summit_edition_get_year (self->edition) + 1;
  for (guint i = 0; self->editions && i < self->editions->len; i++)
    next_year = MAX (next_year, summit_edition_get_year (g_ptr_array_index (self->editions, i)) + 1);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Edition"),
                                   _("Start planning another year of the summit."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  spin = gtk_spin_button_new_with_range (1990, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MIN (next_year, 2100));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year"), -1);
  check = gtk_check_button_new_with_mnemonic (_("_Carry over last year’s invitees as drafts"));
  /* GTK 4.8 would give it the label's text, mnemonic underscore and all. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Carry over last year’s invitees as drafts"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), check);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  self->year_spin = GTK_SPIN_BUTTON (spin);
  self->carry_check = GTK_CHECK_BUTTON (check);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject overrides */

static void
summit_edition_selector_dispose (GObject *object)
{
  SummitEditionSelector *self = (SummitEditionSelector *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SUMMIT_TYPE_EDITION_SELECTOR);
  g_clear_object (&self->store);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->editions, g_ptr_array_unref);

  G_OBJECT_CLASS (summit_edition_selector_parent_class)->dispose (object);
}

static void
summit_edition_selector_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SummitEditionSelector *self = SUMMIT_EDITION_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      g_value_set_object (value, self->edition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_edition_selector_class_init (SummitEditionSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = summit_edition_selector_dispose;
  object_class->get_property = summit_edition_selector_get_property;

  properties[PROP_EDITION] =
    g_param_spec_object ("edition", NULL, NULL, SUMMIT_TYPE_EDITION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/summit-edition-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, SummitEditionSelector, dropdown);
  gtk_widget_class_bind_template_child (widget_class, SummitEditionSelector, new_button);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
summit_edition_selector_init (SummitEditionSelector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * summit_edition_selector_set_store:
 *
 * Lists the editions of @store and selects the latest.
 */
void
summit_edition_selector_set_store (SummitEditionSelector *self,
                                   SummitStore           *store)
{
  g_return_if_fail (SUMMIT_IS_EDITION_SELECTOR (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      g_autofree char *refusal = summit_rights_refusal (store, SUMMIT_STORE_RIGHT_EDITIONS);

      gtk_widget_set_sensitive (GTK_WIDGET (self->new_button), refusal == NULL);
      summit_rights_explain (GTK_WIDGET (self->new_button), refusal);
      reload (self, 0);
    }
}

/**
 * summit_edition_selector_get_edition:
 *
 * Returns: (transfer none) (nullable): the edition chosen
 */
SummitEdition *
summit_edition_selector_get_edition (SummitEditionSelector *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION_SELECTOR (self), NULL);
  return self->edition;
}
