/* summit-people-selection.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A multiple selection by position for the People list. GtkMultiSelection
 * (GTK 4.8) fetches every added item after each change to keep its
 * selection by item, which with tens of thousands of matches costs a
 * keystroke hundreds of milliseconds; here the selection is a bitset that
 * simply follows the positions through each change.
 */
#define G_LOG_DOMAIN "summit-people-selection"

#include "config.h"

#include "summit-people-selection.h"

struct _SummitPeopleSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
};

static void summit_people_selection_list_model_init (GListModelInterface *iface);
static void summit_people_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SummitPeopleSelection, summit_people_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      summit_people_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      summit_people_selection_selection_model_init))

/* Callbacks */

static void
items_changed_cb (SummitPeopleSelection *self,
                  guint                  position,
                  guint                  removed,
                  guint                  added,
                  GListModel            *model)
{
  gboolean had = !gtk_bitset_is_empty (self->selected);

  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (had)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0,
                                           g_list_model_get_n_items (model));
}

/* GListModel */

static GType
summit_people_selection_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (SUMMIT_PEOPLE_SELECTION (list)->model);
}

static guint
summit_people_selection_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (SUMMIT_PEOPLE_SELECTION (list)->model);
}

static gpointer
summit_people_selection_get_item (GListModel *list,
                                  guint       position)
{
  return g_list_model_get_item (SUMMIT_PEOPLE_SELECTION (list)->model, position);
}

static void
summit_people_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = summit_people_selection_get_item_type;
  iface->get_n_items = summit_people_selection_get_n_items;
  iface->get_item = summit_people_selection_get_item;
}

/* GtkSelectionModel: the rest of its methods default to these two */

static GtkBitset *
summit_people_selection_get_selection_in_range (GtkSelectionModel *model,
                                                guint              position,
                                                guint              n_items)
{
  return gtk_bitset_ref (SUMMIT_PEOPLE_SELECTION (model)->selected);
}

static gboolean
summit_people_selection_set_selection (GtkSelectionModel *model,
                                       GtkBitset         *selected,
                                       GtkBitset         *mask)
{
  SummitPeopleSelection *self = SUMMIT_PEOPLE_SELECTION (model);
  g_autoptr(GtkBitset) changes = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) keep = gtk_bitset_copy (mask);
  g_autoptr(GtkBitset) add = gtk_bitset_copy (selected);
  guint min, max;

  /* selected := (selected & ~mask) | (new & mask) */
  gtk_bitset_intersect (add, mask);
  gtk_bitset_subtract (self->selected, mask);
  gtk_bitset_union (self->selected, add);

  gtk_bitset_difference (changes, self->selected);
  if (!gtk_bitset_is_empty (changes))
    {
      min = gtk_bitset_get_minimum (changes);
      max = gtk_bitset_get_maximum (changes);
      gtk_selection_model_selection_changed (model, min, max - min + 1);
    }
  return TRUE;
}

static void
summit_people_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->get_selection_in_range = summit_people_selection_get_selection_in_range;
  iface->set_selection = summit_people_selection_set_selection;
}

/* GObject overrides */

static void
summit_people_selection_dispose (GObject *object)
{
  SummitPeopleSelection *self = (SummitPeopleSelection *)object;

  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (summit_people_selection_parent_class)->dispose (object);
}

static void
summit_people_selection_class_init (SummitPeopleSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = summit_people_selection_dispose;
}

static void
summit_people_selection_init (SummitPeopleSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/* Public API */

/**
 * summit_people_selection_new:
 *
 * Returns: (transfer full): a multiple selection over @model
 */
SummitPeopleSelection *
summit_people_selection_new (GListModel *model)
{
  SummitPeopleSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (SUMMIT_TYPE_PEOPLE_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}
