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

#include "summit-people.h"
#include "summit-store-private.h"
#include "summit-people-model.h"
#include "summit-places.h"

#define SEP '\x1f'

/* Up to this many people, a search is done at once on the main thread. */
#define QUICK_ROWS 200000

typedef struct
{
  gint64      id;
  gint64      changed;
  gint64      since;
  const char *name;
  const char *position;
  const char *city;
  const char *key;       /* folded: sort name SEP position SEP city SEP country SEP email, native */
  guint16     position_off;
  guint16     city_off;
  char        country[3];
  const char *country_sort;   /* collation key of the country's name as shown */
  gint8       status;    /* SummitInvitationStatus, or -1 for none */
  guint8      overseas;
  guint32     index;     /* its place in its storage, to mark it in a byte map */
} Row;

/* What every row of one country shares, made once per load. */
typedef struct
{
  const char *search;   /* code and names, folded */
  const char *sort;     /* collation key of the name shown */
} CountryKeys;

/* Owns the rows and their strings; shared by every row set made from it. */
typedef struct
{
  GStringChunk *chunk;
  GPtrArray    *rows;
} Storage;

/* An immutable set of rows, ordered by id. */
typedef struct
{
  Storage   *storage;
  GPtrArray *rows;
  guint      counts[SUMMIT_N_STATUSES];
  GStrv      countries;
  guint      n_indices; /* above every row's index */
  gboolean   provisional;
} RowSet;

/* A row set in one sort order. */
typedef struct
{
  RowSet           *set;
  SummitPeopleSort  sort;
  gboolean          descending;
  gboolean          awaiting;
  GPtrArray        *rows;
  guint32          *indices;   /* rows' indices, in the same order */
} Sorted;

typedef struct
{
  char     *search;      /* folded */
  int       status;
  char      country[3];
  int       origin;
  gboolean  awaiting;
  gint64    cutoff;
} Params;

typedef struct
{
  /* Loading */
  SummitStore      *load_from;   /* set for a load: the store to read */
  gint64            edition_id;
  char             *host_country;
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

/* Auxiliary methods: the data */

static void
storage_free (gpointer data)
{
  Storage *storage = data;

  g_string_chunk_free (storage->chunk);
  g_ptr_array_unref (storage->rows);
}

static Storage *
storage_new (void)
{
  Storage *storage = g_atomic_rc_box_new0 (Storage);

  storage->chunk = g_string_chunk_new (64 * 1024);
  storage->rows = g_ptr_array_new_with_free_func (g_free);
  return storage;
}

static Storage *
storage_ref (Storage *storage)
{
  return g_atomic_rc_box_acquire (storage);
}

static void
storage_unref (Storage *storage)
{
  g_atomic_rc_box_release_full (storage, storage_free);
}

static void
row_set_free (gpointer data)
{
  RowSet *set = data;

  storage_unref (set->storage);
  g_ptr_array_unref (set->rows);
  g_strfreev (set->countries);
}

static RowSet *
row_set_ref (RowSet *set)
{
  return g_atomic_rc_box_acquire (set);
}

static void
row_set_unref (RowSet *set)
{
  g_atomic_rc_box_release_full (set, row_set_free);
}

static int
compare_row_ids (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = (*(const Row * const *)a)->id, y = (*(const Row * const *)b)->id;

  return x < y ? -1 : x > y;
}

static int
compare_strv (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Counts and the list of countries: done once per set. */
static RowSet *
row_set_new (Storage   *storage,
             GPtrArray *rows)
{
  RowSet *set = g_atomic_rc_box_new0 (RowSet);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  set->storage = storage_ref (storage);
  set->rows = rows;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];

      if (row->status >= 0)
        set->counts[row->status]++;
      set->n_indices = MAX (set->n_indices, row->index + 1);
      if (row->country[0])
        g_hash_table_add (countries, row->country);
    }
  keys = g_hash_table_get_keys_as_array (countries, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strv);
  set->countries = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    set->countries[i] = g_strdup (keys[i]);
  return set;
}

static void
sorted_free (gpointer data)
{
  Sorted *sorted = data;

  row_set_unref (sorted->set);
  g_ptr_array_unref (sorted->rows);
  g_free (sorted->indices);
}

static void
sorted_unref (Sorted *sorted)
{
  g_atomic_rc_box_release_full (sorted, sorted_free);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/**
 * summit_people_fold:
 *
 * Folds @text for searching and sorting: case and accents are ignored, so
 * "gdansk" finds "Gdańsk"; CJK text stays as it is, so "柯文哲" finds itself.
 *
 * Returns: (transfer full): the folded text
 */
char *
summit_people_fold (const char *text)
{
  g_autofree char *nfkd = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  nfkd = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (nfkd == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfkd));
  for (const char *p = nfkd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  {
    g_autofree char *plain = g_string_free (out, FALSE);
    return g_utf8_casefold (plain, -1);
  }
}

static gboolean
is_family_name_first_script (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HANGUL ||
          script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        return TRUE;
    }
  return FALSE;
}

static const char *
column_text (SummitStmt *stmt,
             int           column)
{
  const char *text = summit_stmt_column_text (stmt, column);

  return text ? text : "";
}

#define ROW_SQL \
  "SELECT p.id, p.given_name, p.family_name, p.native_name, p.position, p.city, p.country," \
  " p.email, p.updated, i.status, i.updated" \
  " FROM person p LEFT JOIN invitation i ON i.person_id = p.id AND i.edition_id = $1"

/* Builds one row from a ROW_SQL result; the same name rules as
 * summit_person_dup_display_name(). */
static Row *
row_from_stmt (Storage      *storage,
               SummitStmt *stmt,
               const char   *host_country,
               GHashTable   *country_keys)
{
  Row *row = g_new0 (Row, 1);
  const char *given = column_text (stmt, 1);
  const char *family = column_text (stmt, 2);
  const char *native = column_text (stmt, 3);
  const char *position = column_text (stmt, 4);
  const char *city = column_text (stmt, 5);
  const char *country = column_text (stmt, 6);
  const char *email = column_text (stmt, 7);
  const CountryKeys *country_keys_of;
  gboolean family_first = *native && is_family_name_first_script (native);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *folded = NULL;
  SummitInvitationStatus status;
  gsize off;

  row->id = summit_stmt_column_int64 (stmt, 0);
  row->status = -1;
  if (!summit_stmt_column_is_null (stmt, 9) &&
      summit_invitation_status_from_string (column_text (stmt, 9), &status))
    {
      row->status = status;
      row->since = summit_stmt_column_int64 (stmt, 10);
      /* The last change shown is the invitation's, not the person's record:
       * every event recorded or imported sets the invitation's time to its own. */
      row->changed = row->since;
    }

  if (*given && *family)
    g_string_append_printf (name, "%s %s", family_first ? family : given,
                            family_first ? given : family);
  else
    g_string_append (name, *given ? given : family);
  if (name->len == 0)
    g_string_append (name, native);
  else if (*native && strcmp (native, name->str) != 0)
    g_string_append_printf (name, " (%s)", native);

  g_strlcpy (row->country, country, sizeof row->country);
  row->overseas = *country && g_strcmp0 (country, host_country) != 0;
  row->name = g_string_chunk_insert_const (storage->chunk, name->str);
  row->position = g_string_chunk_insert_const (storage->chunk, position);
  row->city = g_string_chunk_insert_const (storage->chunk, city);

  /* The key: what sorting and searching look at, folded once here. */
  g_string_append_printf (key, "%s %s %s%c", family, given, native, SEP);
  off = key->len;
  g_string_append (key, position);
  g_string_append_c (key, SEP);
  row->position_off = MIN (off, G_MAXUINT16);
  off = key->len;
  g_string_append (key, city);
  g_string_append_c (key, SEP);
  row->city_off = MIN (off, G_MAXUINT16);
  g_string_append_printf (key, "%s%c%s", email, SEP, native);

  folded = summit_people_fold (key->str);
  /* Folding may change lengths outside ASCII: find the separators again. */
  if (strlen (folded) != key->len)
    {
      const char *p = strchr (folded, SEP);
      const char *q = p ? strchr (p + 1, SEP) : NULL;
      row->position_off = p ? MIN ((gsize)(p + 1 - folded), G_MAXUINT16) : 0;
      row->city_off = q ? MIN ((gsize)(q + 1 - folded), G_MAXUINT16) : 0;
    }

  /* The country's code and names, folded, and the name shown as a
   * collation key, once per country. */
  country_keys_of = g_hash_table_lookup (country_keys, country);
  if (country_keys_of == NULL)
    {
      const char *shown = *country ? summit_places_country_name (country, NULL) : NULL;
      g_autofree char *both = g_strdup_printf ("%s %s %s", country,
                                               *country && summit_country_get_name (country)
                                                 ? summit_country_get_name (country) : "",
                                               shown ? shown : "");
      g_autofree char *folded_both = summit_people_fold (both);
      g_autofree char *sort = g_utf8_collate_key (shown ? shown : country, -1);
      CountryKeys *keys = g_new0 (CountryKeys, 1);

      keys->search = g_string_chunk_insert_const (storage->chunk, folded_both);
      keys->sort = g_string_chunk_insert_const (storage->chunk, sort);
      g_hash_table_insert (country_keys, g_strdup (country), keys);
      country_keys_of = keys;
    }
  row->country_sort = country_keys_of->sort;
  {
    g_autofree char *full = g_strdup_printf ("%s%c%s", folded, SEP, country_keys_of->search);
    row->key = g_string_chunk_insert (storage->chunk, full);
  }

  row->index = storage->rows->len;
  g_ptr_array_add (storage->rows, row);
  return row;
}

/* Auxiliary methods: sorting and filtering (any thread) */

static int
compare_segment (const char *a,
                 const char *b)
{
  for (;; a++, b++)
    {
      guchar x = *a == SEP ? 0 : (guchar)*a;
      guchar y = *b == SEP ? 0 : (guchar)*b;

      if (x != y || x == 0)
        return (int)x - (int)y;
    }
}

static int
compare_primary (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Row *x = *(const Row * const *)a;
  const Row *y = *(const Row * const *)b;
  const Sorted *s = user_data;
  int result = 0;

  if (s->awaiting)
    result = x->since < y->since ? -1 : x->since > y->since;
  else
    switch (s->sort)
      {
      case SUMMIT_PEOPLE_SORT_POSITION:
        result = compare_segment (x->key + x->position_off, y->key + y->position_off);
        break;
      case SUMMIT_PEOPLE_SORT_CITY:
        result = compare_segment (x->key + x->city_off, y->key + y->city_off);
        break;
      case SUMMIT_PEOPLE_SORT_COUNTRY:
        result = strcmp (x->country_sort, y->country_sort);
        break;
      case SUMMIT_PEOPLE_SORT_OVERSEAS:
        result = (int)y->overseas - (int)x->overseas;
        break;
      case SUMMIT_PEOPLE_SORT_STATUS:
        /* People without an invitation come last. */
        result = (x->status < 0 ? 99 : x->status) - (y->status < 0 ? 99 : y->status);
        break;
      case SUMMIT_PEOPLE_SORT_CHANGED:
        {
          /* People without an invitation come last, as for the status. */
          gint64 a = x->status < 0 ? G_MAXINT64 : x->changed;
          gint64 b = y->status < 0 ? G_MAXINT64 : y->changed;
          result = a < b ? -1 : a > b;
        }
        break;
      case SUMMIT_PEOPLE_SORT_NAME:
        result = compare_segment (x->key, y->key);
        if (result == 0)
          result = x->id < y->id ? -1 : x->id > y->id;
        break;
      case SUMMIT_PEOPLE_N_SORTS:
      default:
        break;
      }

  return s->descending && !s->awaiting ? -result : result;
}

/* Sorts @from (rows of @set) by one column. The sort is stable, so rows
 * that tie keep @from's order: given the rows by name, that makes ties come
 * by name without comparing names again — several times faster. */
static Sorted *
sort_rows (RowSet           *set,
           GPtrArray        *from,
           SummitPeopleSort  sort,
           gboolean          descending,
           gboolean          awaiting)
{
  Sorted *sorted = g_atomic_rc_box_new0 (Sorted);

  sorted->set = row_set_ref (set);
  sorted->sort = sort;
  sorted->descending = descending;
  sorted->awaiting = awaiting;
  sorted->rows = g_ptr_array_sized_new (from->len);
  if (from->len > 0)
    {
      memcpy (sorted->rows->pdata, from->pdata, from->len * sizeof (gpointer));
      sorted->rows->len = from->len;
    }
  g_qsort_with_data (sorted->rows->pdata, sorted->rows->len, sizeof (gpointer),
                     compare_primary, sorted);
  sorted->indices = g_new (guint32, MAX (sorted->rows->len, 1));
  for (guint i = 0; i < sorted->rows->len; i++)
    sorted->indices[i] = ((const Row *)sorted->rows->pdata[i])->index;
  return sorted;
}

static gboolean
row_matches (const Row    *row,
             const Params *params,
             char * const *tokens)
{
  if (params->awaiting && (row->status != SUMMIT_STATUS_INVITED || row->since >= params->cutoff))
    return FALSE;
  if (params->status != SUMMIT_PEOPLE_STATUS_ANY && row->status != params->status)
    return FALSE;
  if (params->country[0] && strcmp (row->country, params->country) != 0)
    return FALSE;
  if (params->origin == SUMMIT_PEOPLE_OVERSEAS && !row->overseas)
    return FALSE;
  if (params->origin == SUMMIT_PEOPLE_DOMESTIC && (row->overseas || !row->country[0]))
    return FALSE;
  for (guint i = 0; tokens[i]; i++)
    if (strstr (row->key, tokens[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The search's words, without the empty ones repeated spaces leave. */
static GStrv
search_tokens (const Params *params)
{
  GStrv tokens = g_strsplit_set (params->search ? params->search : "", " \t", -1);
  guint n = 0;

  for (guint i = 0; tokens[i]; i++)
    if (*tokens[i])
      tokens[n++] = tokens[i];
    else
      g_free (tokens[i]);
  tokens[n] = NULL;
  return tokens;
}

/* The rows of @rows (any order) that match, in @rows' order. */
static GPtrArray *
filter_rows (GPtrArray    *rows,
             const Params *params)
{
  g_auto(GStrv) tokens = search_tokens (params);
  GPtrArray *out = g_ptr_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    if (row_matches (rows->pdata[i], params, tokens))
      out->pdata[out->len++] = rows->pdata[i];
  return out;
}

typedef struct
{
  GPtrArray    *rows;
  guint         start;
  guint         end;
  const Params *params;
  char * const *tokens;
  guint8       *matches;
} MatchSlice;

static gpointer
match_slice (gpointer data)
{
  MatchSlice *slice = data;

  for (guint i = slice->start; i < slice->end; i++)
    {
      const Row *row = slice->rows->pdata[i];
      slice->matches[row->index] = row_matches (row, slice->params, slice->tokens);
    }
  return NULL;
}

/* Above this many people, a second thread looks at half of them. */
#define SPLIT_ROWS 150000

/* The rows of @set that match, in @sorted's order. Looking at the rows in
 * the set's order reads them where they lie in memory, one after another;
 * in a sort order each would be a cache miss. */
static GPtrArray *
filter_sorted (RowSet       *set,
               Sorted       *sorted,
               const Params *params)
{
  g_auto(GStrv) tokens = search_tokens (params);
  g_autofree guint8 *matches = g_malloc0 (MAX (set->n_indices, 1));
  GPtrArray *out = g_ptr_array_sized_new (sorted->rows->len);
  guint half = set->rows->len > SPLIT_ROWS ? set->rows->len / 2 : 0;
  MatchSlice first = { set->rows, 0, half, params, tokens, matches };
  MatchSlice second = { set->rows, half, set->rows->len, params, tokens, matches };
  GThread *helper = NULL;

  /* Each row's byte is written by one thread only. */
  if (half > 0)
    helper = g_thread_try_new ("summit-filter", match_slice, &first, NULL);
  if (helper == NULL)
    second.start = 0;
  match_slice (&second);
  if (helper != NULL)
    g_thread_join (helper);

  for (guint i = 0; i < sorted->rows->len; i++)
    if (matches[sorted->indices[i]])
      out->pdata[out->len++] = sorted->rows->pdata[i];
  return out;
}

static void
params_clear (Params *params)
{
  g_clear_pointer (&params->search, g_free);
}

static void
params_copy (Params       *dest,
             const Params *src)
{
  *dest = *src;
  dest->search = g_strdup (src->search);
}

/* Whether everything @now shows is among what @before showed. */
static gboolean
params_narrow (const Params *before,
               const Params *now)
{
  return before->status == now->status && strcmp (before->country, now->country) == 0 &&
         before->origin == now->origin && before->awaiting == now->awaiting &&
         before->cutoff == now->cutoff &&
         g_str_has_prefix (now->search ? now->search : "", before->search ? before->search : "");
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->load_from);
  g_free (job->host_country);
  g_clear_pointer (&job->set, row_set_unref);
  g_clear_pointer (&job->sorted, sorted_unref);
  g_clear_pointer (&job->by_name, sorted_unref);
  params_clear (&job->params);
  g_clear_pointer (&job->base, g_ptr_array_unref);
  g_clear_pointer (&job->base_storage, storage_unref);
  g_clear_pointer (&job->visible, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

/* Reads everyone through a read-only connection of the worker's own. */
static RowSet *
load_rows (SummitStore *store,
           gint64       edition_id,
           const char  *host_country,
           GError     **error)
{
  g_autoptr(GHashTable) country_keys = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_free);
  Storage *storage = storage_new ();
  GPtrArray *rows = g_ptr_array_new ();
  g_autoptr(SummitStore) reader = summit_store_open_reader (store, error);
  SummitStmt *stmt = NULL;
  RowSet *set;
  int rc = 0;

  if (reader != NULL)
    stmt = summit_store_prepare (reader, ROW_SQL " ORDER BY p.id", error);
  if (stmt != NULL)
    {
      summit_stmt_bind_int64 (stmt, 1, edition_id);
      while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
        g_ptr_array_add (rows, row_from_stmt (storage, stmt, host_country, country_keys));
      if (rc != SUMMIT_STEP_DONE)
        summit_store_set_error_from_db (reader, rc, error);
      summit_stmt_reset (stmt);
    }

  set = row_set_new (storage, rows);
  storage_unref (storage);
  if (rc != SUMMIT_STEP_DONE)
    {
      row_set_unref (set);
      return NULL;
    }
  return set;
}

static void
compute (Job *job)
{
  gboolean awaiting = job->params.awaiting;

  if (job->sorted == NULL || job->sorted->set != job->set || job->sorted->sort != job->sort ||
      job->sorted->descending != job->descending || job->sorted->awaiting != awaiting)
    {
      g_clear_pointer (&job->sorted, sorted_unref);
      g_clear_pointer (&job->base, g_ptr_array_unref);
      if (job->by_name == NULL || job->by_name->set != job->set)
        {
          g_clear_pointer (&job->by_name, sorted_unref);
          job->by_name = sort_rows (job->set, job->set->rows, SUMMIT_PEOPLE_SORT_NAME, FALSE,
                                    FALSE);
        }
      if (job->sort == SUMMIT_PEOPLE_SORT_NAME && !job->descending && !awaiting)
        job->sorted = g_atomic_rc_box_acquire (job->by_name);
      else
        job->sorted = sort_rows (job->set, job->by_name->rows, job->sort, job->descending,
                                 awaiting);
    }
  /* Narrowing a few matches looks at them only; else at everyone, in order. */
  if (job->base != NULL && job->base->len < job->set->rows->len / 8)
    job->visible = filter_rows (job->base, &job->params);
  else
    job->visible = filter_sorted (job->set, job->sorted, &job->params);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  gint64 t0 = g_get_monotonic_time ();

  if (job->load_from != NULL)
    {
      job->set = load_rows (job->load_from, job->edition_id, job->host_country, &job->error);
      if (job->set == NULL)
        {
          g_task_return_boolean (task, FALSE);
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

  self->visible = g_ptr_array_ref (visible);
  self->visible_storage = storage_ref (storage);
  if (old_storage != storage)
    g_hash_table_remove_all (self->items);
  params_clear (&self->visible_params);
  params_copy (&self->visible_params, params);

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
    storage_unref (old_storage);
  g_signal_emit (self, signals[SIGNAL_READY], 0);
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
  else if (loaded || job->set == self->set)
    {
      if (loaded)
        {
          g_clear_pointer (&self->set, row_set_unref);
          self->set = row_set_ref (job->set);
          self->loading = FALSE;
        }
      if (job->sorted != self->sorted)
        {
          g_clear_pointer (&self->sorted, sorted_unref);
          self->sorted = g_atomic_rc_box_acquire (job->sorted);
        }
      if (job->by_name != NULL && job->by_name != self->by_name)
        {
          g_clear_pointer (&self->by_name, sorted_unref);
          self->by_name = g_atomic_rc_box_acquire (job->by_name);
        }
      publish (self, job->visible, job->set->storage, &job->params);
    }

  if (self->reload_pending && self->store != NULL)
    {
      self->reload_pending = FALSE;
      summit_people_model_load (self, self->store, self->edition_id, self->host_country, 0);
    }
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
      job->set = row_set_ref (self->set);
      if (self->sorted)
        job->sorted = g_atomic_rc_box_acquire (self->sorted);
      if (self->by_name)
        job->by_name = g_atomic_rc_box_acquire (self->by_name);
    }
  job->sort = self->sort;
  job->descending = self->descending;
  params_copy (&job->params, &self->params);

  /* Typing one more letter only narrows what is shown: filter that. */
  if (!self->loading && self->visible != NULL && self->sorted != NULL &&
      self->sorted->set == self->set && self->sorted->sort == self->sort &&
      self->sorted->descending == self->descending &&
      self->sorted->awaiting == self->params.awaiting &&
      self->visible_storage == self->set->storage &&
      params_narrow (&self->visible_params, &self->params))
    {
      job->base = g_ptr_array_ref (self->visible);
      job->base_storage = storage_ref (self->visible_storage);
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

  g_clear_pointer (&self->storage, storage_unref);
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
      item->storage = storage_ref (self->visible_storage);
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
  g_clear_pointer (&self->set, row_set_unref);
  g_clear_pointer (&self->sorted, sorted_unref);
  g_clear_pointer (&self->by_name, sorted_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->visible_storage, storage_unref);
  params_clear (&self->visible_params);
  params_clear (&self->params);

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
      g_autoptr(GHashTable) country_keys = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                  g_free, g_free);
      Storage *storage = storage_new ();
      GPtrArray *rows = g_ptr_array_new ();
      SummitStmt *stmt;
      Job job = { 0 };

      stmt = summit_store_prepare (store, ROW_SQL " ORDER BY p.family_name, p.given_name, p.id"
                                          " LIMIT $2", NULL);
      if (stmt != NULL)
        {
          summit_stmt_bind_int64 (stmt, 1, edition_id);
          summit_stmt_bind_int64 (stmt, 2, first_rows);
          while (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
            g_ptr_array_add (rows, row_from_stmt (storage, stmt, host_country, country_keys));
          summit_stmt_reset (stmt);
        }
      g_ptr_array_sort (rows, compare_row_ids);
      job.set = row_set_new (storage, rows);
      job.set->provisional = TRUE;
      job.sort = self->sort;
      job.descending = self->descending;
      params_copy (&job.params, &self->params);
      compute (&job);

      g_clear_pointer (&self->set, row_set_unref);
      g_clear_pointer (&self->sorted, sorted_unref);
      self->set = g_steal_pointer (&job.set);
      self->sorted = g_steal_pointer (&job.sorted);
      g_clear_pointer (&self->by_name, sorted_unref);
      self->by_name = g_steal_pointer (&job.by_name);
      publish (self, job.visible, storage, &job.params);
      g_ptr_array_unref (job.visible);
      params_clear (&job.params);
      storage_unref (storage);
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
  g_autoptr(GHashTable) country_keys = NULL;
  GPtrArray *rows;
  RowSet *set;
  SummitStmt *stmt;

  g_return_if_fail (SUMMIT_IS_PEOPLE_MODEL (self));

  if (self->store == NULL)
    return;
  if (self->set == NULL || self->set->provisional || self->loading || n_ids > 2000)
    {
      summit_people_model_load (self, self->store, self->edition_id, self->host_country, 0);
      return;
    }

  country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rows = g_ptr_array_sized_new (self->set->rows->len + n_ids);
  memcpy (rows->pdata, self->set->rows->pdata, self->set->rows->len * sizeof (gpointer));
  rows->len = self->set->rows->len;

  stmt = summit_store_prepare (self->store, ROW_SQL " WHERE p.id = $2", NULL);
  for (guint i = 0; stmt != NULL && i < n_ids; i++)
    {
      Row key = { .id = person_ids[i] }, *keyp = &key, *row = NULL;
      gpointer *found;
      guint lo = 0, hi = rows->len;

      summit_stmt_bind_int64 (stmt, 1, self->edition_id);
      summit_stmt_bind_int64 (stmt, 2, person_ids[i]);
      if (summit_stmt_step (stmt) == SUMMIT_STEP_ROW)
        row = row_from_stmt (self->set->storage, stmt, self->host_country, country_keys);
      summit_stmt_reset (stmt);

      found = bsearch (&keyp, rows->pdata, rows->len, sizeof (gpointer), compare_row_ids);
      if (found != NULL && row != NULL)
        *found = row;
      else if (found != NULL)
        g_ptr_array_remove_index (rows, found - rows->pdata);
      else if (row != NULL)
        {
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;
              if (((Row *)rows->pdata[mid])->id < row->id)
                lo = mid + 1;
              else
                hi = mid;
            }
          g_ptr_array_insert (rows, lo, row);
        }
    }

  set = row_set_new (self->set->storage, rows);
  g_clear_pointer (&self->set, row_set_unref);
  self->set = set;
  start_job (self);
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
