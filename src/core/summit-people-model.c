/* summit-people-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stands in for GtkFilterListModel and GtkSortListModel, too slow for issue 3 (tests/bench).
 *
 * The People page's list, built to stay fluid with a million people
 * (PLATFORM.md, "Big lists"): every person is one small row struct whose
 * strings live in one GStringChunk; searching, filtering and sorting run on a
 * worker thread over arrays of row pointers, and the result is published
 * with a single items-changed covering only what differs. Row structs never
 * change once built: an edit makes a new row and a new (shallow) row set, so
 * a worker can read the old one while the main thread moves on.
 */
#define G_LOG_DOMAIN "summit-people-model"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "summit-people-model.h"
#include "summit-people-rows.h"

/* Up to this many people, a search is done at once on the main thread. */
#define QUICK_ROWS 200000

typedef struct
{
  /* Loading */
  SummitStore      *load_from;   /* set for a load: the store to read */
  gint64            edition_id;
  char             *host_country;
  RowSet           *previous;    /* set for a refresh of everyone: what was shown */
  GArray           *changed_ids; /* its result: who differs from @previous */
  /* Computing */
  RowSet           *set;
  Sorted           *sorted;
  Sorted           *by_name;
  SummitPeopleSort  sort;
  gboolean          descending;
  Params            params;
  GPtrArray        *base;       /* rows to filter further, when the search only narrowed */
  Storage          *base_storage;
  /* Results */
  GPtrArray        *visible;
  GError           *error;
} Job;

struct _SummitPeopleItem
{
  GObject     parent_instance;
  const Row  *row;
  Storage    *storage;
};

struct _SummitPeopleModel
{
  GObject           parent_instance;

  SummitStore      *store;
  gint64            edition_id;
  char             *host_country;

  RowSet           *set;
  Sorted           *sorted;
  Sorted           *by_name;
  GPtrArray        *visible;
  Storage          *visible_storage;
  Params            visible_params;
  GHashTable       *items;    /* Row → SummitPeopleItem, of visible_storage */

  SummitPeopleSort  sort;
  gboolean          descending;
  Params            params;
  int               awaiting_days;

  guint             start_source;
  guint             running : 1;
  guint             pending : 1;
  guint             reload_pending : 1;
  guint             refresh_pending : 1;
  guint             keep_places : 1;  /* the next publish shows a few people re-read */
  guint             loading : 1;
};

static void summit_people_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (SummitPeopleItem, summit_people_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (SummitPeopleModel, summit_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      summit_people_model_list_model_init))

enum {
  SIGNAL_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->load_from);
  g_free (job->host_country);
  g_clear_pointer (&job->previous, summit_people_row_set_unref);
  g_clear_pointer (&job->changed_ids, g_array_unref);
  g_clear_pointer (&job->set, summit_people_row_set_unref);
  g_clear_pointer (&job->sorted, summit_people_sorted_unref);
  g_clear_pointer (&job->by_name, summit_people_sorted_unref);
  summit_people_params_clear (&job->params);
  g_clear_pointer (&job->base, g_ptr_array_unref);
  g_clear_pointer (&job->base_storage, summit_people_storage_unref);
  g_clear_pointer (&job->visible, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
compute (Job *job)
{
  gboolean awaiting = job->params.awaiting;

  if (job->sorted == NULL || job->sorted->set != job->set || job->sorted->sort != job->sort ||
      job->sorted->descending != job->descending || job->sorted->awaiting != awaiting)
    {
      g_clear_pointer (&job->sorted, summit_people_sorted_unref);
      g_clear_pointer (&job->base, g_ptr_array_unref);
      if (job->by_name == NULL || job->by_name->set != job->set)
        {
          g_clear_pointer (&job->by_name, summit_people_sorted_unref);
          job->by_name = summit_people_sort_rows (job->set, job->set->rows, SUMMIT_PEOPLE_SORT_NAME, FALSE,
                                    FALSE);
        }
      if (job->sort == SUMMIT_PEOPLE_SORT_NAME && !job->descending && !awaiting)
        job->sorted = g_atomic_rc_box_acquire (job->by_name);
      else
        job->sorted = summit_people_sort_rows (job->set, job->by_name->rows, job->sort, job->descending,
                                 awaiting);
    }
  /* Narrowing a few matches looks at them only; else at everyone, in order. */
  if (job->base != NULL && job->base->len < job->set->rows->len / 8)
    job->visible = summit_people_filter_rows (job->base, &job->params);
  else
    job->visible = summit_people_filter_sorted (job->set, job->sorted, &job->params);
}

/* Jobs still running in a worker thread, for summit_people_model_wait_for_jobs() */
static GMutex jobs_lock;
static GCond jobs_done;
static guint jobs_running;

static void job_run (GTask *task, Job *job);

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_mutex_lock (&jobs_lock);
  jobs_running++;
  g_mutex_unlock (&jobs_lock);

  job_run (task, task_data);

  g_mutex_lock (&jobs_lock);
  jobs_running--;
  g_cond_broadcast (&jobs_done);
  g_mutex_unlock (&jobs_lock);
}

/**
 * summit_people_model_wait_for_jobs:
 * @timeout_ms: how long to wait at most
 *
 * Waits until no model reads or sorts in a worker thread any more, so that
 * the process may exit without a thread still inside a library being torn
 * down (a connection to a server being made while OpenSSL is cleaned up).
 */
void
summit_people_model_wait_for_jobs (guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  g_mutex_lock (&jobs_lock);
  while (jobs_running > 0 && g_cond_wait_until (&jobs_done, &jobs_lock, end))
    ;
  g_mutex_unlock (&jobs_lock);
}

static void
job_run (GTask *task,
         Job   *job)
{
  gint64 t0 = g_get_monotonic_time ();

  if (job->load_from != NULL)
    {
      job->set = summit_people_rows_load (job->load_from, job->edition_id, job->host_country, &job->error);
      if (job->set == NULL)
        {
          g_task_return_boolean (task, FALSE);
          return;
        }
      if (job->previous != NULL)
        {
          job->changed_ids = summit_people_rows_differ (job->previous, job->set);
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  compute (job);
  g_debug ("%s took %.1f ms (%s)", job->load_from ? "load" : "search/sort",
           (g_get_monotonic_time () - t0) / 1000.0,
           job->base ? "narrowed the previous result" : "from everyone");
  g_task_return_boolean (task, TRUE);
}

/* Auxiliary methods: the model */

static void start_job (SummitPeopleModel *self);
static void start_refresh_job (SummitPeopleModel *self);
static gboolean place_changed_rows (SummitPeopleModel *self,
                                    RowSet            *set,
                                    const gint64      *ids,
                                    guint              n_ids);

/* After a refresh of everyone: reads again only who differs, in the set
 * shown, so that everyone else keeps their row (and the list its scroll
 * position and selection). */
static void
take_changes (SummitPeopleModel *self,
              Job               *job)
{
  RowSet *set;

  g_debug ("read everyone again: %u people differ", job->changed_ids->len);
  if (self->set == NULL || self->loading)
    return;
  if (job->changed_ids->len == 0)
    {
      /* Nothing to show again; those waiting for the refresh hear so. */
      g_signal_emit (self, signals[SIGNAL_READY], 0);
      return;
    }
  if (job->changed_ids->len > 2000)
    {
      /* So many changed that showing the new set whole costs less. */
      g_clear_pointer (&self->set, summit_people_row_set_unref);
      self->set = summit_people_row_set_ref (job->set);
    }
  else
    {
      set = summit_people_rows_reread (self->set, self->store, self->edition_id, self->host_country,
                                       (const gint64 *)(gpointer)job->changed_ids->data,
                                       job->changed_ids->len);
      self->keep_places = TRUE;
      if (place_changed_rows (self, set, (const gint64 *)(gpointer)job->changed_ids->data,
                              job->changed_ids->len))
        return;
      g_clear_pointer (&self->set, summit_people_row_set_unref);
      self->set = set;
    }
  self->pending = TRUE;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Run;

#define MAX_RUNS 64

/* The runs of rows that differ from @old to @visible (of one storage), if
 * the rows in both keep their order and there are few runs; else %NULL. */
static GArray *
find_runs (GPtrArray *old,
           GPtrArray *visible,
           guint      n_indices)
{
  g_autofree guint8 *in_old = g_malloc0 (MAX (n_indices, 1));
  g_autofree guint8 *in_new = g_malloc0 (MAX (n_indices, 1));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint i = 0, j = 0;

  for (guint k = 0; k < old->len; k++)
    in_old[((const Row *)old->pdata[k])->index] = 1;
  for (guint k = 0; k < visible->len; k++)
    in_new[((const Row *)visible->pdata[k])->index] = 1;

  while (i < old->len || j < visible->len)
    {
      Run run = { j, 0, 0 };

      if (i < old->len && j < visible->len && old->pdata[i] == visible->pdata[j])
        {
          i++;
          j++;
          continue;
        }
      while (i < old->len && !in_new[((const Row *)old->pdata[i])->index])
        i++, run.removed++;
      while (j < visible->len && !in_old[((const Row *)visible->pdata[j])->index])
        j++, run.added++;
      /* Rows in both, in another order: not a few changes. */
      if ((run.removed == 0 && run.added == 0) || runs->len == MAX_RUNS)
        return NULL;
      g_array_append_val (runs, run);
    }
  return g_steal_pointer (&runs);
}

/* Shows @visible as one items-changed per run of rows that differ from
 * what is shown, so that a view keeps its place and selection around them. */
static void
publish_runs (SummitPeopleModel *self,
              GPtrArray         *visible,
              GArray            *runs)
{
  GPtrArray *working = self->visible;

  for (guint r = 0; r < runs->len; r++)
    {
      const Run *run = &g_array_index (runs, Run, r);

      g_ptr_array_remove_range (working, run->position, run->removed);
      for (guint k = 0; k < run->added; k++)
        g_ptr_array_insert (working, run->position + k, visible->pdata[run->position + k]);
      g_list_model_items_changed (G_LIST_MODEL (self), run->position, run->removed, run->added);
    }
}

static void
publish (SummitPeopleModel *self,
         GPtrArray         *visible,
         Storage           *storage,
         const Params      *params)
{
  g_autoptr(GPtrArray) old = self->visible;
  Storage *old_storage = self->visible_storage;
  guint old_len = old ? old->len : 0;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < visible->len && old->pdata[prefix] == visible->pdata[prefix])
    prefix++;
  while (suffix < old_len - prefix && suffix < visible->len - prefix &&
         old->pdata[old_len - 1 - suffix] == visible->pdata[visible->len - 1 - suffix])
    suffix++;

  if (self->keep_places && old != NULL && old_storage == storage &&
      old_len - prefix - suffix + visible->len - prefix - suffix > 2)
    {
      g_autoptr(GArray) runs = find_runs (old, visible, storage->rows->len);

      if (runs != NULL)
        {
          /* A copy of what is shown becomes what is shown, run by run. */
          self->visible = g_ptr_array_copy (old, NULL, NULL);
          summit_people_params_clear (&self->visible_params);
          summit_people_params_copy (&self->visible_params, params);
          publish_runs (self, visible, runs);
          g_ptr_array_unref (self->visible);
          prefix = old_len = visible->len;
          suffix = 0;
        }
    }
  self->keep_places = FALSE;

  self->visible = g_ptr_array_ref (visible);
  self->visible_storage = summit_people_storage_ref (storage);
  if (old_storage != storage)
    g_hash_table_remove_all (self->items);
  summit_people_params_clear (&self->visible_params);
  summit_people_params_copy (&self->visible_params, params);

  {
  gint64 t0 = g_get_monotonic_time ();
  if (old_len - prefix - suffix > 0 || visible->len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                                visible->len - prefix - suffix);
  g_debug ("publish %u → %u (−%u +%u): items-changed took %.1f ms", old_len, visible->len,
           old_len - prefix - suffix, visible->len - prefix - suffix,
           (g_get_monotonic_time () - t0) / 1000.0);
  }
  if (old_storage != NULL)
    summit_people_storage_unref (old_storage);
  g_signal_emit (self, signals[SIGNAL_READY], 0);
}

/* Reading everyone leaves what the read held (a server's whole answer, a
 * set compared and dropped) freed in a worker's arena, which malloc keeps:
 * give it back, tens of megabytes at 100,000 people. */
static void
give_back_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* Shows what @job found, if it is still of the people shown. */
static void
finish_job (SummitPeopleModel *self,
            Job               *job,
            gboolean           succeeded)
{
  gboolean loaded = job->load_from != NULL;

  self->running = FALSE;

  if (!succeeded)
    {
      g_warning ("Could not load the people: %s", job->error ? job->error->message : "?");
      self->loading = FALSE;
    }
  else if (job->previous != NULL)
    {
      take_changes (self, job);
      g_clear_pointer (&job->set, summit_people_row_set_unref);
      g_clear_pointer (&job->previous, summit_people_row_set_unref);
      give_back_memory ();
    }
  else if (loaded || job->set == self->set)
    {
      if (loaded)
        {
          g_clear_pointer (&self->set, summit_people_row_set_unref);
          self->set = summit_people_row_set_ref (job->set);
          self->loading = FALSE;
          give_back_memory ();
        }
      if (job->sorted != self->sorted)
        {
          g_clear_pointer (&self->sorted, summit_people_sorted_unref);
          self->sorted = g_atomic_rc_box_acquire (job->sorted);
        }
      if (job->by_name != NULL && job->by_name != self->by_name)
        {
          g_clear_pointer (&self->by_name, summit_people_sorted_unref);
          self->by_name = g_atomic_rc_box_acquire (job->by_name);
        }
      publish (self, job->visible, job->set->storage, &job->params);
    }

  if (self->reload_pending && self->store != NULL)
    {
      self->reload_pending = FALSE;
      summit_people_model_load (self, self->store, self->edition_id, self->host_country, 0);
    }
  else if (self->refresh_pending)
    start_refresh_job (self);
  else if (self->pending)
    start_job (self);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  finish_job (SUMMIT_PEOPLE_MODEL (object), g_task_get_task_data (G_TASK (result)),
              g_task_propagate_boolean (G_TASK (result), NULL));
}

/* Whether @job only filters, and few enough people to do it at once: then
 * the result is in the very frame that shows the key typed, instead of one
 * frame later from the worker. */
static gboolean
job_is_quick (const Job *job)
{
  return job->load_from == NULL && job->sorted != NULL && job->sorted->set == job->set &&
         job->sorted->sort == job->sort && job->sorted->descending == job->descending &&
         job->sorted->awaiting == job->params.awaiting && job->set->rows->len <= QUICK_ROWS;
}

static void
start_job (SummitPeopleModel *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->running || self->start_source != 0)
    {
      self->pending = TRUE;
      return;
    }
  if (self->set == NULL && !self->loading)
    return;

  self->pending = FALSE;
  self->running = TRUE;
  job = g_new0 (Job, 1);
  if (self->loading)
    {
      job->load_from = g_object_ref (self->store);
      job->edition_id = self->edition_id;
      job->host_country = g_strdup (self->host_country);
    }
  else
    {
      job->set = summit_people_row_set_ref (self->set);
      if (self->sorted)
        job->sorted = g_atomic_rc_box_acquire (self->sorted);
      if (self->by_name)
        job->by_name = g_atomic_rc_box_acquire (self->by_name);
    }
  job->sort = self->sort;
  job->descending = self->descending;
  summit_people_params_copy (&job->params, &self->params);

  /* Typing one more letter only narrows what is shown: filter that. */
  if (!self->loading && self->visible != NULL && self->sorted != NULL &&
      self->sorted->set == self->set && self->sorted->sort == self->sort &&
      self->sorted->descending == self->descending &&
      self->sorted->awaiting == self->params.awaiting &&
      self->visible_storage == self->set->storage &&
      summit_people_params_narrow (&self->visible_params, &self->params))
    {
      job->base = g_ptr_array_ref (self->visible);
      job->base_storage = summit_people_storage_ref (self->visible_storage);
    }

  if (job_is_quick (job))
    {
      compute (job);
      finish_job (self, job, TRUE);
      job_free (job);
      return;
    }

  task = g_task_new (self, NULL, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
start_refresh_job (SummitPeopleModel *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->running || self->start_source != 0)
    {
      self->refresh_pending = TRUE;
      return;
    }
  self->refresh_pending = FALSE;
  self->running = TRUE;
  job = g_new0 (Job, 1);
  job->load_from = g_object_ref (self->store);
  job->edition_id = self->edition_id;
  job->host_country = g_strdup (self->host_country);
  job->previous = summit_people_row_set_ref (self->set);

  task = g_task_new (self, NULL, job_done_cb, NULL);
  g_task_set_source_tag (task, start_refresh_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

static gboolean
start_deferred_cb (gpointer user_data)
{
  SummitPeopleModel *self = user_data;

  self->start_source = 0;
  start_job (self);
  return G_SOURCE_REMOVE;
}

/* SummitPeopleItem */

static void
summit_people_item_finalize (GObject *object)
{
  SummitPeopleItem *self = (SummitPeopleItem *)object;

  g_clear_pointer (&self->storage, summit_people_storage_unref);
  G_OBJECT_CLASS (summit_people_item_parent_class)->finalize (object);
}

static void
summit_people_item_class_init (SummitPeopleItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = summit_people_item_finalize;
}

static void
summit_people_item_init (SummitPeopleItem *self)
{
}

gint64
summit_people_item_get_id (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), 0);
  return self->row->id;
}

/**
 * summit_people_item_get_name:
 *
 * Returns: (transfer none): the name to show, as summit_person_dup_display_name()
 */
const char *
summit_people_item_get_name (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), NULL);
  return self->row->name;
}

const char *
summit_people_item_get_position (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), NULL);
  return self->row->position;
}

const char *
summit_people_item_get_city (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), NULL);
  return self->row->city;
}

const char *
summit_people_item_get_country (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), NULL);
  return self->row->country;
}

gboolean
summit_people_item_is_overseas (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), FALSE);
  return self->row->overseas;
}

/**
 * summit_people_item_get_status:
 *
 * Returns: %TRUE and sets @status if the person has an invitation to the
 *   model's edition
 */
gboolean
summit_people_item_get_status (SummitPeopleItem       *self,
                               SummitInvitationStatus *status)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), FALSE);
  if (self->row->status < 0)
    return FALSE;
  *status = self->row->status;
  return TRUE;
}

/**
 * summit_people_item_get_changed:
 *
 * Returns: when the invitation to the model's edition last changed (its
 *   latest event), in seconds since the epoch, or 0 without an invitation
 */
gint64
summit_people_item_get_changed (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), 0);
  return self->row->changed;
}

gint64
summit_people_item_get_since (SummitPeopleItem *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_ITEM (self), 0);
  return self->row->since;
}

/* GListModel */

static GType
summit_people_model_get_item_type (GListModel *model)
{
  return SUMMIT_TYPE_PEOPLE_ITEM;
}

static guint
summit_people_model_get_n_items (GListModel *model)
{
  SummitPeopleModel *self = SUMMIT_PEOPLE_MODEL (model);

  return self->visible ? self->visible->len : 0;
}

static gpointer
summit_people_model_get_item (GListModel *model,
                              guint       position)
{
  SummitPeopleModel *self = SUMMIT_PEOPLE_MODEL (model);
  SummitPeopleItem *item;
  Row *row;

  if (self->visible == NULL || position >= self->visible->len)
    return NULL;

  /* The same row gives the same item: GTK matches its row widgets to items
   * after every change, asking for each added one, so this must be cheap. */
  row = self->visible->pdata[position];
  item = g_hash_table_lookup (self->items, row);
  if (item == NULL)
    {
      item = g_object_new (SUMMIT_TYPE_PEOPLE_ITEM, NULL);
      item->row = row;
      item->storage = summit_people_storage_ref (self->visible_storage);
      g_hash_table_insert (self->items, row, item);
    }
  return g_object_ref (item);
}

static void
summit_people_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = summit_people_model_get_item_type;
  iface->get_n_items = summit_people_model_get_n_items;
  iface->get_item = summit_people_model_get_item;
}

/* GObject overrides */

static void
summit_people_model_finalize (GObject *object)
{
  SummitPeopleModel *self = (SummitPeopleModel *)object;

  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->host_country, g_free);
  g_clear_pointer (&self->set, summit_people_row_set_unref);
  g_clear_pointer (&self->sorted, summit_people_sorted_unref);
  g_clear_pointer (&self->by_name, summit_people_sorted_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->visible_storage, summit_people_storage_unref);
  summit_people_params_clear (&self->visible_params);
  summit_people_params_clear (&self->params);

  G_OBJECT_CLASS (summit_people_model_parent_class)->finalize (object);
}

static void
summit_people_model_class_init (SummitPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_people_model_finalize;

  /**
   * SummitPeopleModel::ready:
   *
   * Emitted after a new result (a load, a search, a sort) is published.
   */
  signals[SIGNAL_READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
summit_people_model_init (SummitPeopleModel *self)
{
  self->params.status = SUMMIT_PEOPLE_STATUS_ANY;
  self->awaiting_days = 14;
  self->items = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/* Public API */

SummitPeopleModel *
summit_people_model_new (void)
{
  return g_object_new (SUMMIT_TYPE_PEOPLE_MODEL, NULL);
}

/**
 * summit_people_model_load:
 * @edition_id: whose invitation statuses to show
 * @host_country: the edition's host country, to tell overseas from domestic
 * @first_rows: if not 0, read this many people (by name) at once, so that
 *   the first frame has data, and everyone else on a worker thread
 *
 * (Re)loads everyone from @store.
 */
void
summit_people_model_load (SummitPeopleModel *self,
                          SummitStore       *store,
                          gint64             edition_id,
                          const char        *host_country,
                          guint              first_rows)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));
  g_return_if_fail (SUMMIT_IS_STORE (store));

  g_set_object (&self->store, store);
  /* Reading everyone shows every change made elsewhere too. */
  self->refresh_pending = FALSE;
  self->edition_id = edition_id;
  if (host_country != self->host_country)
    {
      g_free (self->host_country);
      self->host_country = g_strdup (host_country);
    }

  if (self->running)
    {
      /* The running job may have read the file before the latest change. */
      self->reload_pending = TRUE;
      return;
    }

  if (first_rows > 0)
    {
      Job job = { 0 };

      job.set = summit_people_rows_load_first (store, edition_id, host_country, first_rows);
      job.sort = self->sort;
      job.descending = self->descending;
      summit_people_params_copy (&job.params, &self->params);
      compute (&job);

      g_clear_pointer (&self->set, summit_people_row_set_unref);
      g_clear_pointer (&self->sorted, summit_people_sorted_unref);
      self->set = g_steal_pointer (&job.set);
      self->sorted = g_steal_pointer (&job.sorted);
      g_clear_pointer (&self->by_name, summit_people_sorted_unref);
      self->by_name = g_steal_pointer (&job.by_name);
      publish (self, job.visible, self->set->storage, &job.params);
      g_ptr_array_unref (job.visible);
      summit_people_params_clear (&job.params);
    }

  self->loading = TRUE;
  if (first_rows > 0)
    {
      /* Let the first frame paint before a worker competes for the CPU:
       * the caller says when with summit_people_model_continue_loading(),
       * or this does it shortly anyway. */
      g_clear_handle_id (&self->start_source, g_source_remove);
      self->start_source = g_timeout_add_full (G_PRIORITY_LOW, 500, start_deferred_cb,
                                               g_object_ref (self), g_object_unref);
    }
  else
    start_job (self);
}

/**
 * summit_people_model_continue_loading:
 *
 * Starts reading everyone now, after summit_people_model_load() read the
 * first rows (call it once the first frame is painted).
 */
void
summit_people_model_continue_loading (SummitPeopleModel *self)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->start_source != 0)
    {
      g_clear_handle_id (&self->start_source, g_source_remove);
      start_job (self);
    }
}

/* Shows @set, which differs from the set shown in @ids only, by placing
 * their rows where they now belong in what is shown, instead of sorting and
 * filtering everyone again. Returns %FALSE if what is shown is not the
 * whole result of the current order and filters (a job is under way). */
static gboolean
place_changed_rows (SummitPeopleModel *self,
                    RowSet            *set,
                    const gint64      *ids,
                    guint              n_ids)
{
  RowSet *old = self->set;
  g_autoptr(GPtrArray) visible = NULL;

  if (self->running || self->pending || self->start_source != 0 || self->sorted == NULL ||
      self->sorted->set != old || self->by_name == NULL || self->by_name->set != old ||
      self->visible == NULL || self->visible_storage != old->storage ||
      set->storage != old->storage || self->sorted->sort != self->sort ||
      self->sorted->descending != self->descending ||
      self->sorted->awaiting != self->params.awaiting ||
      !summit_people_params_equal (&self->visible_params, &self->params))
    return FALSE;

  visible = summit_people_place_changed (old, set, ids, n_ids, &self->by_name, &self->sorted,
                                         self->visible, &self->params);
  g_clear_pointer (&self->set, summit_people_row_set_unref);
  self->set = set;
  publish (self, visible, set->storage, &self->params);
  return TRUE;
}

/**
 * summit_people_model_refresh:
 *
 * Re-reads @person_ids (changed, added or deleted) from the store, after a
 * change the caller has committed, and shows them where they now belong.
 */
void
summit_people_model_refresh (SummitPeopleModel *self,
                             const gint64      *person_ids,
                             guint              n_ids)
{
  RowSet *set;

  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->store == NULL)
    return;
  if (self->set == NULL || self->set->provisional || self->loading || n_ids > 2000)
    {
      summit_people_model_load (self, self->store, self->edition_id, self->host_country, 0);
      return;
    }

  set = summit_people_rows_reread (self->set, self->store, self->edition_id,
                                   self->host_country, person_ids, n_ids);
  self->keep_places = TRUE;
  if (!place_changed_rows (self, set, person_ids, n_ids))
    {
      g_clear_pointer (&self->set, summit_people_row_set_unref);
      self->set = set;
      start_job (self);
    }
}

/**
 * summit_people_model_refresh_all:
 *
 * Reads everyone again off the main thread after changes made elsewhere (by
 * another program or person) to unknown people, and shows only those that
 * differ: the others keep their rows.
 */
void
summit_people_model_refresh_all (SummitPeopleModel *self)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->store == NULL)
    return;
  if (self->set == NULL || self->set->provisional || self->loading)
    {
      summit_people_model_load (self, self->store, self->edition_id, self->host_country, 0);
      return;
    }
  start_refresh_job (self);
}

void
summit_people_model_set_search (SummitPeopleModel *self,
                                const char        *text)
{
  g_autofree char *folded = summit_people_fold (text);

  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (g_strcmp0 (folded, self->params.search ? self->params.search : "") == 0)
    return;
  g_free (self->params.search);
  self->params.search = g_steal_pointer (&folded);
  start_job (self);
}

/**
 * summit_people_model_set_status_filter:
 * @status: a #SummitInvitationStatus, %SUMMIT_PEOPLE_STATUS_NONE for people
 *   not invited to the edition, or %SUMMIT_PEOPLE_STATUS_ANY
 */
void
summit_people_model_set_status_filter (SummitPeopleModel *self,
                                       int                status)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->params.status == status)
    return;
  self->params.status = status;
  start_job (self);
}

/**
 * summit_people_model_set_country_filter:
 * @country: (nullable): an ISO 3166 code, or %NULL or "" for any
 */
void
summit_people_model_set_country_filter (SummitPeopleModel *self,
                                        const char        *country)
{
  char code[3] = { 0 };

  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (country)
    g_strlcpy (code, country, sizeof code);
  if (strcmp (code, self->params.country) == 0)
    return;
  memcpy (self->params.country, code, sizeof code);
  start_job (self);
}

void
summit_people_model_set_origin_filter (SummitPeopleModel  *self,
                                       SummitPeopleOrigin  origin)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->params.origin == (int)origin)
    return;
  self->params.origin = origin;
  start_job (self);
}

/**
 * summit_people_model_set_awaiting_reply:
 * @days: how many days without an answer count as awaiting
 *
 * Shows only the invited who have not answered for more than @days days,
 * oldest invitation first (other filters still apply).
 */
void
summit_people_model_set_awaiting_reply (SummitPeopleModel *self,
                                        gboolean           awaiting,
                                        int                days)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  self->params.awaiting = !!awaiting;
  self->params.cutoff = awaiting ? g_get_real_time () / G_USEC_PER_SEC - (gint64)days * 86400 : 0;
  self->awaiting_days = days;
  start_job (self);
}

void
summit_people_model_set_sort (SummitPeopleModel *self,
                              SummitPeopleSort   sort,
                              gboolean           descending)
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));
  g_return_if_fail (sort < SUMMIT_PEOPLE_N_SORTS);

  if (self->sort == sort && self->descending == !!descending)
    return;
  self->sort = sort;
  self->descending = !!descending;
  start_job (self);
}

/**
 * summit_people_model_get_id:
 *
 * Returns: the id of the person shown at @position, without making an item
 */
gint64
summit_people_model_get_id (SummitPeopleModel *self,
                            guint              position)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), 0);

  if (self->visible == NULL || position >= self->visible->len)
    return 0;
  return ((Row *)self->visible->pdata[position])->id;
}

/**
 * summit_people_model_get_status:
 *
 * Returns: the invitation status shown at @position (a
 *   #SummitInvitationStatus), or -1 if none is shown there
 */
int
summit_people_model_get_status (SummitPeopleModel *self,
                                guint              position)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), -1);

  if (self->visible == NULL || position >= self->visible->len)
    return -1;
  return ((Row *)self->visible->pdata[position])->status;
}

/**
 * summit_people_model_find_positions:
 * @person_ids: (array length=n_ids): the people to look for
 *
 * Where @person_ids are shown now; those not shown are left out.
 *
 * Returns: (transfer full) (element-type guint): their positions, ascending
 */
GArray *
summit_people_model_find_positions (SummitPeopleModel *self,
                                    const gint64      *person_ids,
                                    guint              n_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), positions);

  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer)&person_ids[i]);
  for (guint i = 0; self->visible != NULL && i < self->visible->len && n_ids > 0; i++)
    if (g_hash_table_contains (wanted, &((Row *)self->visible->pdata[i])->id))
      g_array_append_val (positions, i);
  return positions;
}

/**
 * summit_people_model_is_busy:
 *
 * Returns: %TRUE while a load, search or sort is still being worked on
 */
gboolean
summit_people_model_is_busy (SummitPeopleModel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), FALSE);
  return self->running || self->pending || self->loading;
}

/**
 * summit_people_model_get_n_people:
 *
 * Returns: how many people there are, shown or not
 */
guint
summit_people_model_get_n_people (SummitPeopleModel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), 0);
  return self->set ? self->set->rows->len : 0;
}

/**
 * summit_people_model_get_counts:
 * @counts: (out caller-allocates): invitations to the edition per status,
 *   over everyone (not only those shown)
 */
void
summit_people_model_get_counts (SummitPeopleModel *self,
                                guint              counts[SUMMIT_N_STATUSES])
{
  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->set)
    memcpy (counts, self->set->counts, sizeof self->set->counts);
  else
    memset (counts, 0, sizeof (guint) * SUMMIT_N_STATUSES);
}

/**
 * summit_people_model_dup_countries:
 *
 * Returns: (transfer full): the country codes people have, sorted
 */
GStrv
summit_people_model_dup_countries (SummitPeopleModel *self)
{
  g_return_val_if_fail (SUMMIT_IS_PEOPLE_MODEL (self), NULL);

  if (self->set == NULL)
    return g_new0 (char *, 1);
  return g_strdupv (self->set->countries);
}
