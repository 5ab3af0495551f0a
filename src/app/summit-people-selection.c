/* summit-people-selection.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stands in for GtkMultiSelection, too slow for issue 3's keystroke figure (tests/bench/README.md).
 *
 * The selection is a bitset that follows the positions through each change,
 * where GtkMultiSelection fetches every added item to keep its selection by item.
 *
 * Its items are rows, not people: a SummitPeopleRow stands for a position
 * and says "changed" when another person comes to sit there. GTK 4.8's list
 * view keeps up to 200 row widgets (of seven cells each here) and, when a
 * change replaces the items they show, destroys them all and builds 200
 * new ones. So a large change is passed on as what it is for rows: the rows up to
 * the new length get new people (and their cells new text), and only the
 * rows past it come or go. A small change (a person added or deleted) is
 * passed on as it is, moving the rows it shifts.
 *
 * Rows still come and go when the number of matches crosses those 200: a
 * search that finds one person among many destroys some 200 rows, and
 * clearing it builds them again. So beyond the first screenful
 * (summit_people_selection_set_first_rows()) the rows past the end are added
 * or removed right after the frame that shows the change, not before it:
 * until then this model is a little shorter, or has a few blank rows (rows
 * without a person) past what the screen shows.
 */
#define G_LOG_DOMAIN "summit-people-selection"

#include "config.h"

#include "summit-people-selection.h"

/* Changes touching more positions than this are passed on as new people in
 * the same rows rather than as rows removed and added. */
#define LARGE_CHANGE 64

struct _SummitPeopleRow
{
  GObject           parent_instance;
  SummitPeopleItem *item;
  guint             position;
};

enum { ROW_CHANGED, N_ROW_SIGNALS };
static guint row_signals[N_ROW_SIGNALS];

G_DEFINE_FINAL_TYPE (SummitPeopleRow, summit_people_row, G_TYPE_OBJECT)

static void
summit_people_row_finalize (GObject *object)
{
  g_clear_object (&SUMMIT_PEOPLE_ROW (object)->item);
  G_OBJECT_CLASS (summit_people_row_parent_class)->finalize (object);
}

static void
summit_people_row_class_init (SummitPeopleRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = summit_people_row_finalize;

  /**
   * SummitPeopleRow::changed:
   *
   * Another person now sits in this row: whatever shows it must be redone.
   */
  row_signals[ROW_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
summit_people_row_init (SummitPeopleRow *self)
{
}

/**
 * summit_people_row_get_item:
 *
 * Returns: (transfer none) (nullable): the person in this row now, or %NULL
 *   for a blank row about to go
 */
SummitPeopleItem *
summit_people_row_get_item (SummitPeopleRow *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ROW (self), NULL);
  return self->item;
}

struct _SummitPeopleSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
  GHashTable *rows;       /* position → SummitPeopleRow, not owned: rows GTK holds */
  guint       n_items;    /* shown; the model's, once caught up */
  guint       first_rows; /* a screenful, changed at once */
  guint       catch_up_source;
};

static void summit_people_selection_list_model_init (GListModelInterface *iface);
static void summit_people_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SummitPeopleSelection, summit_people_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      summit_people_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      summit_people_selection_selection_model_init))

/* Auxiliary methods */

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_row_was)
{
  SummitPeopleSelection *self = data;
  SummitPeopleRow *row = (SummitPeopleRow *)where_the_row_was;

  if (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (row->position)) == row)
    g_hash_table_remove (self->rows, GUINT_TO_POINTER (row->position));
}

static void
forget_row (SummitPeopleSelection *self,
            SummitPeopleRow       *row)
{
  g_object_weak_unref (G_OBJECT (row), row_gone_cb, self);
}

/* Moves the rows a small change shifts; forgets the rows it removes. */
static void
shift_rows (SummitPeopleSelection *self,
            guint                  position,
            guint                  removed,
            guint                  added)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SummitPeopleRow *row = value;

      if (row->position < position)
        continue;
      g_hash_table_iter_remove (&iter);
      if (row->position < position + removed)
        forget_row (self, row);
      else
        {
          row->position = row->position - removed + added;
          g_ptr_array_add (moved, row);
        }
    }
  for (guint i = 0; i < moved->len; i++)
    {
      SummitPeopleRow *row = moved->pdata[i];
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (row->position), row);
    }
}

/* Gives the rows from @position their people now, and none past the
 * model's end. */
static void
refill_rows (SummitPeopleSelection *self,
             guint                  position)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (self->model);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SummitPeopleRow *row = value;
      SummitPeopleItem *item;

      if (row->position < position)
        continue;
      item = row->position < n_items ? g_list_model_get_item (self->model, row->position) : NULL;
      if (item == row->item)
        {
          g_clear_object (&item);
          continue;
        }
      g_clear_object (&row->item);
      row->item = item;
      g_ptr_array_add (changed, g_object_ref (row));
    }

  /* Outside the walk: a handler may ask for more rows. */
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (changed->pdata[i], row_signals[ROW_CHANGED], 0);
}

/* Adds or removes rows at the end until there are as many as the model has,
 * or, if @limit is not 0, as many as that at least. */
static void
resize (SummitPeopleSelection *self,
        guint                  limit)
{
  guint n_items = g_list_model_get_n_items (self->model);
  guint old = self->n_items;

  if (limit != 0 && n_items > old)
    n_items = MIN (n_items, MAX (old, limit));
  else if (limit != 0 && n_items < old && n_items >= limit)
    return;
  if (n_items == old)
    return;

  if (n_items < old)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((SummitPeopleRow *)value)->position >= n_items)
          {
            forget_row (self, value);
            g_hash_table_iter_remove (&iter);
          }
    }
  self->n_items = n_items;
  if (n_items < old)
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, old - n_items, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_items - old);
}

static gboolean
catch_up_cb (gpointer user_data)
{
  SummitPeopleSelection *self = user_data;

  self->catch_up_source = 0;
  resize (self, 0);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
items_changed_cb (SummitPeopleSelection *self,
                  guint                  position,
                  guint                  removed,
                  guint                  added,
                  GListModel            *model)
{
  gboolean had = !gtk_bitset_is_empty (self->selected);
  guint n_items = g_list_model_get_n_items (model);
  gboolean behind = self->n_items != n_items - added + removed;

  gtk_bitset_splice (self->selected, position, removed, added);
  if (removed + added <= LARGE_CHANGE && !behind)
    {
      shift_rows (self, position, removed, added);
      self->n_items = n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
    }
  else
    {
      /* Behind, rows from anywhere may show what is no longer there. */
      refill_rows (self, behind ? 0 : position);
      resize (self, self->first_rows);
      if (self->n_items != n_items && self->catch_up_source == 0)
        self->catch_up_source = g_idle_add_full (G_PRIORITY_LOW, catch_up_cb, self, NULL);
    }
  if (had)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->n_items);
}

/* GListModel */

static GType
summit_people_selection_get_item_type (GListModel *list)
{
  return SUMMIT_TYPE_PEOPLE_ROW;
}

static guint
summit_people_selection_get_n_items (GListModel *list)
{
  return SUMMIT_PEOPLE_SELECTION (list)->n_items;
}

static gpointer
summit_people_selection_get_item (GListModel *list,
                                  guint       position)
{
  SummitPeopleSelection *self = SUMMIT_PEOPLE_SELECTION (list);
  SummitPeopleRow *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));

  if (position >= self->n_items)
    return NULL;
  if (row != NULL)
    return g_object_ref (row);
  row = g_object_new (SUMMIT_TYPE_PEOPLE_ROW, NULL);
  /* Past the model's end while catching up: a blank row. */
  row->item = g_list_model_get_item (self->model, position);
  row->position = position;
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
  return row;
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

  g_clear_handle_id (&self->catch_up_source, g_source_remove);
  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  if (self->rows != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        forget_row (self, value);
      g_clear_pointer (&self->rows, g_hash_table_unref);
    }
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
  self->rows = g_hash_table_new (NULL, NULL);
  self->first_rows = 40;
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
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

/**
 * summit_people_selection_set_first_rows:
 * @n_rows: how many rows the screen may show, and a few more
 *
 * Rows up to @n_rows follow a change at once; rows past them come or go
 * right after it is painted.
 */
void
summit_people_selection_set_first_rows (SummitPeopleSelection *self,
                                        guint                  n_rows)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_SELECTION (self));
  self->first_rows = MAX (n_rows, 1);
}
