/* test-people-selection.c — the People list's rows follow the model's people
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People page shows SummitPeopleSelection's rows, which may get other
 * people without being replaced (see summit-people-selection.c). These tests
 * act as GTK's list view does: they hold a row for each of the first
 * positions, move and drop them as items-changed says, and check after every
 * change that each row they hold shows the person the model has there.
 */
#include "config.h"

#include "summit-people.h"
#include "summit-people-model.h"
#include "summit-people-selection.h"
#include "summit-xml.h"
#include "test-util.h"

#define HELD 250   /* GTK 4.8 keeps up to 200 row widgets */

typedef struct
{
  char                  *dir;
  SummitStore           *store;
  SummitPeopleModel     *model;
  SummitPeopleSelection *selection;
  GPtrArray             *held;       /* SummitPeopleRow or NULL, by position */
  guint                  changes;
} Fixture;

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

/* Until the model has its result and the rows have caught up with it. */
static void
wait_ready (Fixture *f)
{
  while (summit_people_model_is_busy (f->model) ||
         g_list_model_get_n_items (G_LIST_MODEL (f->selection)) !=
           g_list_model_get_n_items (G_LIST_MODEL (f->model)))
    g_main_context_iteration (NULL, TRUE);
}

static void
hold_rows (Fixture *f)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), HELD);

  g_ptr_array_set_size (f->held, n);
  for (guint p = 0; p < n; p++)
    if (f->held->pdata[p] == NULL)
      f->held->pdata[p] = g_list_model_get_item (G_LIST_MODEL (f->selection), p);
}

/* What GtkListItemManager does with its rows on items-changed. */
static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->changes++;
  if (position < f->held->len)
    g_ptr_array_remove_range (f->held, position, MIN (removed, f->held->len - position));
  for (guint i = 0; i < added && position <= f->held->len; i++)
    g_ptr_array_insert (f->held, position, NULL);
  hold_rows (f);
}

/* Every row held shows the model's person at its place, or is blank past
 * the model's end (while the rows catch up). */
static void
assert_rows_show_model (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  guint shown_n = g_list_model_get_n_items (G_LIST_MODEL (f->selection));

  g_assert_cmpuint (f->held->len, ==, MIN (shown_n, HELD));
  for (guint p = 0; p < f->held->len; p++)
    {
      g_autoptr(SummitPeopleItem) item = p < n ? g_list_model_get_item (G_LIST_MODEL (f->model), p)
                                               : NULL;
      SummitPeopleItem *shown = summit_people_row_get_item (f->held->pdata[p]);

      if (item == NULL || shown == NULL)
        {
          if (item != shown)
            g_error ("row %u shows %s, the model has %s there", p,
                     shown ? summit_people_item_get_name (shown) : "nobody",
                     item ? summit_people_item_get_name (item) : "nobody");
          continue;
        }
      if (summit_people_item_get_id (shown) != summit_people_item_get_id (item))
        g_error ("row %u shows %s, the model has %s there", p,
                 summit_people_item_get_name (shown), summit_people_item_get_name (item));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  static const char * const families[] = { "Alpha", "Beta", "Gamma", "Delta" };

  f->dir = test_tmpdir_new ();
  path = g_build_filename (f->dir, "people.db", NULL);
  f->store = summit_store_open_and_seed (path, &error);
  g_assert_no_error (error);

  /* 400 people: 100 of each family name, in a mixed order. */
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(SummitPerson) person = summit_person_new ();
      g_autofree char *given = g_strdup_printf ("Given%03u", (i * 37) % 400);

      summit_person_set_field (person, SUMMIT_PERSON_GIVEN_NAME, given);
      summit_person_set_field (person, SUMMIT_PERSON_FAMILY_NAME, families[i % 4]);
      summit_person_set_field (person, SUMMIT_PERSON_CITY, i % 2 ? "Gdańsk" : "Taipei");
      summit_person_set_field (person, SUMMIT_PERSON_COUNTRY, i % 2 ? "PL" : "TW");
      summit_store_insert_person (f->store, person, &error);
      g_assert_no_error (error);
    }

  f->model = summit_people_model_new ();
  f->selection = summit_people_selection_new (G_LIST_MODEL (f->model));
  f->held = g_ptr_array_new_with_free_func (unref_row);
  g_signal_connect (f->selection, "items-changed", G_CALLBACK (items_changed_cb), f);
  summit_people_model_load (f->model, f->store, 0, "TW", 0);
  wait_ready (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, 403);
  assert_rows_show_model (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->held);
  g_clear_object (&f->selection);
  g_clear_object (&f->model);
  g_clear_object (&f->store);
  test_tmpdir_free (f->dir);
}

static void
search (Fixture    *f,
        const char *text)
{
  summit_people_model_set_search (f->model, text);
  wait_ready (f);
  assert_rows_show_model (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f->model)));
}

/* The model has its result, the rows have not caught up yet. */
static void
search_no_wait (Fixture    *f,
                const char *text)
{
  summit_people_model_set_search (f->model, text);
  while (summit_people_model_is_busy (f->model))
    g_main_context_iteration (NULL, TRUE);
  assert_rows_show_model (f);
}

/* Typing narrows 403 people to 100: the rows on screen stay, with new people,
 * and only the rows past the end go. */
static void
test_large_change_keeps_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  guint changes = f->changes;

  for (guint p = 0; p < f->held->len; p++)
    g_ptr_array_add (before, g_object_ref (f->held->pdata[p]));

  search (f, "gamma");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, 100);
  g_assert_cmpuint (f->changes, ==, changes + 1);   /* one change: rows 100… removed */
  for (guint p = 0; p < 100; p++)
    g_assert_true (f->held->pdata[p] == before->pdata[p]);

  /* And back: the same rows, everyone in them again, rows added at the end. */
  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, 403);
  for (guint p = 0; p < 100; p++)
    g_assert_true (f->held->pdata[p] == before->pdata[p]);

  /* A new sort order: every row gets another person, none is replaced. */
  changes = f->changes;
  summit_people_model_set_sort (f->model, SUMMIT_PEOPLE_SORT_CITY, TRUE);
  wait_ready (f);
  assert_rows_show_model (f);
  g_assert_cmpuint (f->changes, ==, changes);
}

static void
changed_cb (SummitPeopleRow *row,
            guint           *n)
{
  (*n)++;
}

/* A small change moves the rows after it, as GTK expects, and a row that
 * keeps its person is not told to redraw. */
static void
test_small_change_moves_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SummitPeopleItem) first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_autoptr(SummitPeopleRow) second = g_object_ref (f->held->pdata[1]);
  gint64 id = summit_people_item_get_id (first);
  guint redrawn = 0;

  g_signal_connect (second, "changed", G_CALLBACK (changed_cb), &redrawn);
  g_autoptr(GPtrArray) deleted = summit_store_delete_people (f->store, &id, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  summit_people_model_refresh (f->model, &id, 1);
  wait_ready (f);
  assert_rows_show_model (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, 402);
  g_assert_true (f->held->pdata[0] == second);   /* moved up, not refilled */
  g_assert_cmpuint (redrawn, ==, 0);
}

/* The selection follows the people's positions through both kinds of change. */
static void
test_selection_follows (Fixture       *f,
                        gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (f->selection);

  search (f, "alpha");
  g_assert_true (gtk_selection_model_select_item (selection, 3, TRUE));
  g_assert_true (gtk_selection_model_is_selected (selection, 3));
  g_assert_false (gtk_selection_model_is_selected (selection, 2));
  search (f, "alpha given1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), <, 100);
  assert_rows_show_model (f);
}

/* Past the first screenful, rows come and go after the change is shown. */
static void
test_catching_up (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *rows = G_LIST_MODEL (f->selection);

  summit_people_selection_set_first_rows (f->selection, 30);

  /* 403 → 100: the first 100 rows show them at once; the rest are blank
   * until the frame is painted, then go. */
  search_no_wait (f, "gamma");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 403);
  g_assert_null (summit_people_row_get_item (f->held->pdata[150]));
  wait_ready (f);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 100);
  assert_rows_show_model (f);

  /* 100 → 10: fewer than a screenful, so the rows go at once. */
  search_no_wait (f, "given01");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);

  /* 10 → 403: a screenful at once, the rest after. */
  search_no_wait (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 30);
  wait_ready (f);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 403);
  assert_rows_show_model (f);

  /* A change while catching up: everything still ends where the model is. */
  search_no_wait (f, "beta");
  search_no_wait (f, "b");
  search_no_wait (f, "alpha given1");
  wait_ready (f);
  assert_rows_show_model (f);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (f->model)));
}

/* Many searches in a row, wide and narrow: every row always shows the model. */
static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  static const char * const typed[] = {
    "g", "gi", "giv", "given0", "given01", "", "t", "ta", "taipei", "taipei al", "", "gdansk",
    "gdansk beta", "b", "", "delta given3", "delta", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    search (f, typed[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/people-selection/large-change-keeps-rows", Fixture, NULL, fixture_set_up,
              test_large_change_keeps_rows, fixture_tear_down);
  g_test_add ("/people-selection/small-change-moves-rows", Fixture, NULL, fixture_set_up,
              test_small_change_moves_rows, fixture_tear_down);
  g_test_add ("/people-selection/selection-follows", Fixture, NULL, fixture_set_up,
              test_selection_follows, fixture_tear_down);
  g_test_add ("/people-selection/catching-up", Fixture, NULL, fixture_set_up, test_catching_up,
              fixture_tear_down);
  g_test_add ("/people-selection/typing", Fixture, NULL, fixture_set_up, test_typing,
              fixture_tear_down);
  return g_test_run ();
}
