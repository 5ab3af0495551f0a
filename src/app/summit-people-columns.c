/* summit-people-columns.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People page's table: one column per field of a person, cells filled
 * as people come and go in their rows (the ones in view at once, the rest
 * right after), and the column the person sorts by handed to the model.
 */
#define G_LOG_DOMAIN "summit-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "summit-people-columns.h"
#include "summit-places.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_POSITION,
  COLUMN_CITY,
  COLUMN_COUNTRY,
  COLUMN_ORIGIN,
  COLUMN_STATUS,
  COLUMN_CHANGED,
  N_COLUMNS
} Column;

struct _SummitPeopleColumns
{
  GObject                parent_instance;

  /* Borrowed: the page's, which outlive the columns */
  GtkColumnView         *column_view;
  SummitPeopleModel     *model;
  SummitPeopleSelection *selection;
  GtkColumnViewColumn   *columns[N_COLUMNS];

  /* Owned */
  int                    probed_column;
  GHashTable            *stale_cells;     /* GtkListItem: cells out of view, filled later */
  guint                  fill_source;
};

G_DEFINE_FINAL_TYPE (SummitPeopleColumns, summit_people_columns, G_TYPE_OBJECT)

/* Callbacks */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), column <= COLUMN_POSITION ? 12 : 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), column <= COLUMN_POSITION ? 24 : 10);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, cell);
}

static void
fill_cell (GtkListItem *list_item,
           Column       column)
{
  SummitPeopleItem *item = summit_people_row_get_item (gtk_list_item_get_item (list_item));
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  SummitInvitationStatus status;
  g_autofree char *text = NULL;

  /* A blank row, about to go (summit-people-selection.c) */
  if (item == NULL)
    {
      gtk_inscription_set_text (cell, NULL);
      return;
    }

  switch (column)
    {
    case COLUMN_NAME:
      gtk_inscription_set_text (cell, summit_people_item_get_name (item));
      break;
    case COLUMN_POSITION:
      gtk_inscription_set_text (cell, summit_people_item_get_position (item));
      break;
    case COLUMN_CITY:
      gtk_inscription_set_text (cell, summit_people_item_get_city (item));
      break;
    case COLUMN_COUNTRY:
      {
        const char *name = summit_places_country_name (summit_people_item_get_country (item), NULL);
        gtk_inscription_set_text (cell, name ? name : summit_people_item_get_country (item));
      }
      break;
    case COLUMN_ORIGIN:
      gtk_inscription_set_text (cell, *summit_people_item_get_country (item) == '\0' ? ""
                                      : summit_people_item_is_overseas (item)
                                        ? C_("guest", "Overseas") : C_("guest", "Domestic"));
      break;
    case COLUMN_STATUS:
      gtk_inscription_set_text (cell, summit_people_item_get_status (item, &status)
                                        ? summit_invitation_status_to_label (status) : "—");
      break;
    case COLUMN_CHANGED:
      {
        gint64 changed = summit_people_item_get_changed (item);
        g_autoptr(GDateTime) dt = changed ? g_date_time_new_from_unix_local (changed) : NULL;
        text = dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
        gtk_inscription_set_text (cell, text);
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static Column
cell_column (GtkListItem *list_item)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item), "summit-column"));
}

static gboolean
fill_stale_cells_cb (gpointer user_data)
{
  SummitPeopleColumns *self = user_data;
  GHashTableIter iter;
  gpointer list_item;

  self->fill_source = 0;
  g_hash_table_iter_init (&iter, self->stale_cells);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    fill_cell (list_item, cell_column (list_item));
  g_hash_table_remove_all (self->stale_cells);
  return G_SOURCE_REMOVE;
}

static void
fill_stale_cells (SummitPeopleColumns *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  fill_stale_cells_cb (self);
}

/* Whether @position is shown, or a few rows from it. GTK 4.8's list view
 * keeps 200 rows of cells; only a screenful is seen. */
static gboolean
is_near_view (SummitPeopleColumns *self,
              guint                position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double row, first, last;

  if (adjustment == NULL || n_items == 0 || gtk_adjustment_get_upper (adjustment) <= 0)
    return TRUE;
  /* The list's height is its rows' */
  row = gtk_adjustment_get_upper (adjustment) / n_items;
  first = gtk_adjustment_get_value (adjustment) / row;
  last = (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)) / row;
  return position + 1 >= first && position <= last + 1;
}

/* However many rows the list shows (rows are 21 pixels or taller), and a
 * few more, follow a change at once; the rest right after it is painted. */
static void
view_resized_cb (SummitPeopleColumns *self,
                 GtkAdjustment       *adjustment)
{
  if (self->selection != NULL && gtk_adjustment_get_page_size (adjustment) > 0)
    summit_people_selection_set_first_rows (self->selection,
                                            gtk_adjustment_get_page_size (adjustment) / 20 + 4);
}

/* Another person came to sit in this cell's row (summit-people-selection.c):
 * the cells in view show them in this frame, the others right after it. */
static void
row_changed_cb (GtkListItem     *list_item,
                SummitPeopleRow *row)
{
  SummitPeopleColumns *self = g_object_get_data (G_OBJECT (list_item), "summit-columns");

  if (is_near_view (self, gtk_list_item_get_position (list_item)))
    {
      fill_cell (list_item, cell_column (list_item));
      return;
    }
  g_hash_table_add (self->stale_cells, list_item);
  if (self->fill_source == 0)
    self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_stale_cells_cb, self, NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  SummitPeopleColumns *self = g_object_get_data (G_OBJECT (factory), "summit-columns");

  /* The row may get another person without being bound again. */
  g_object_set_data (G_OBJECT (list_item), "summit-column", user_data);
  g_object_set_data (G_OBJECT (list_item), "summit-columns", self);
  g_signal_connect_swapped (gtk_list_item_get_item (list_item), "changed",
                            G_CALLBACK (row_changed_cb), list_item);
  g_hash_table_remove (self->stale_cells, list_item);
  fill_cell (list_item, GPOINTER_TO_UINT (user_data));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  SummitPeopleColumns *self = g_object_get_data (G_OBJECT (factory), "summit-columns");

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), row_changed_cb,
                                        list_item);
  if (self->stale_cells != NULL)
    g_hash_table_remove (self->stale_cells, list_item);
}

/* GtkColumnView in GTK 4.8 does not say which column the person sorted by
 * (PLATFORM.md). Each column's sorter notes that it was asked; asking the
 * view's sorter to compare two things then tells the primary column, and
 * the sign tells the direction. The model does the real sorting.
 */
static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = GTK_COLUMN_VIEW_COLUMN (user_data);
  SummitPeopleColumns *self = g_object_get_data (G_OBJECT (column), "summit-columns");

  if (self->probed_column < 0)
    self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "summit-column"));
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (SummitPeopleColumns *self,
                   GtkSorterChange      change,
                   GtkSorter           *sorter)
{
  GtkOrdering order;

  self->probed_column = -1;
  /* Two different objects: a sorter takes identical ones as equal unasked. */
  order = gtk_sorter_compare (sorter, self, self->model);
  if (self->probed_column < 0)
    summit_people_model_set_sort (self->model, SUMMIT_PEOPLE_SORT_NAME, FALSE);
  else
    summit_people_model_set_sort (self->model, (SummitPeopleSort)self->probed_column,
                                  order == GTK_ORDERING_LARGER);
}

/* GObject overrides */

static void
summit_people_columns_dispose (GObject *object)
{
  SummitPeopleColumns *self = (SummitPeopleColumns *)object;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->stale_cells, g_hash_table_unref);

  G_OBJECT_CLASS (summit_people_columns_parent_class)->dispose (object);
}

static void
summit_people_columns_class_init (SummitPeopleColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = summit_people_columns_dispose;
}

static void
summit_people_columns_init (SummitPeopleColumns *self)
{
  self->stale_cells = g_hash_table_new (NULL, NULL);
  self->probed_column = -1;
}

/* Public API */

/**
 * summit_people_columns_new:
 * @column_view: the view to give its columns, showing @selection
 * @model: the list under @selection, which sorts
 *
 * Adds the People page's columns to @column_view, sorted by name. Dispose of
 * @column_view before the returned object: it unbinds its cells.
 *
 * Returns: (transfer full): the columns
 */
SummitPeopleColumns *
summit_people_columns_new (GtkColumnView         *column_view,
                           SummitPeopleModel     *model,
                           SummitPeopleSelection *selection)
{
  static const char * const titles[N_COLUMNS] = {
    N_("Name"), N_("Position"), N_("City"), N_("Country"), N_("Overseas"), N_("Status"),
    N_("Last Change"),
  };
  SummitPeopleColumns *self;
  GtkAdjustment *adjustment;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (model), NULL);

  self = g_object_new (SUMMIT_TYPE_PEOPLE_COLUMNS, NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  self->column_view = column_view;
  self->model = model;
  self->selection = selection;

  /* Cells about to scroll into view are filled before they are seen. */
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (fill_stale_cells), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (view_resized_cb), self,
                               G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "summit-columns", self);
      column = gtk_column_view_column_new (_(titles[i]), factory);
      g_object_set_data (G_OBJECT (column), "summit-columns", self);
      g_object_set_data (G_OBJECT (column), "summit-column", GINT_TO_POINTER (i));
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, column, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i <= COLUMN_POSITION);
      gtk_column_view_append_column (column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
  gtk_column_view_sort_by_column (column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * summit_people_columns_sort_by:
 * @column: a #SummitPeopleSort: the columns are in that order
 *
 * Sorts by @column as a click on its header would.
 */
void
summit_people_columns_sort_by (SummitPeopleColumns *self,
                               guint                column,
                               gboolean             descending)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_COLUMNS (self));
  g_return_if_fail (column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}
