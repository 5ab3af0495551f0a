/* summit-people-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people model's rows: read from the store's listing into row structs
 * whose strings live in one GStringChunk, with their search and sort keys
 * folded once; sorted and filtered on any thread.
 */
#define G_LOG_DOMAIN "summit-people-model"

#include "config.h"

#include <string.h>

#include "summit-people.h"
#include "summit-people-rows.h"
#include "summit-places.h"
#include "summit-store-listing.h"

#define SEP '\x1f'

/* What every row of one country shares, made once per load. */
typedef struct
{
  const char *search;   /* code and names, folded */
  const char *sort;     /* collation key of the name shown */
} CountryKeys;

/* Rows */

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

Storage *
summit_people_storage_ref (Storage *storage)
{
  return g_atomic_rc_box_acquire (storage);
}

void
summit_people_storage_unref (Storage *storage)
{
  g_atomic_rc_box_release_full (storage, storage_free);
}

static void
row_set_free (gpointer data)
{
  RowSet *set = data;

  summit_people_storage_unref (set->storage);
  g_ptr_array_unref (set->rows);
  g_strfreev (set->countries);
}

RowSet *
summit_people_row_set_ref (RowSet *set)
{
  return g_atomic_rc_box_acquire (set);
}

void
summit_people_row_set_unref (RowSet *set)
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

  set->storage = summit_people_storage_ref (storage);
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

  summit_people_row_set_unref (sorted->set);
  g_ptr_array_unref (sorted->rows);
  g_free (sorted->indices);
}

void
summit_people_sorted_unref (Sorted *sorted)
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

/* Builds one row from a listing record; the same name rules as
 * summit_person_dup_display_name(). */
static Row *
row_from_listing (Storage                *storage,
                  const SummitListingRow *listing,
                  const char             *host_country,
                  GHashTable             *country_keys)
{
  Row *row = g_new0 (Row, 1);
  const char *given = listing->given_name;
  const char *family = listing->family_name;
  const char *native = listing->native_name;
  const char *position = listing->position;
  const char *city = listing->city;
  const char *country = listing->country;
  const char *email = listing->email;
  const CountryKeys *country_keys_of;
  gboolean family_first = *native && is_family_name_first_script (native);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *folded = NULL;
  gsize off;

  row->id = listing->id;
  row->status = -1;
  if (listing->invited)
    {
      row->status = listing->status;
      row->since = listing->since;
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

/* Where the store's records are read into rows. */
typedef struct
{
  Storage    *storage;
  const char *host_country;
  GHashTable *country_keys;   /* country → CountryKeys */
  GPtrArray  *rows;           /* if not NULL, gets every row read */
  Row        *last;           /* the last row read */
} RowReader;

static void
row_reader_init (RowReader   *reader,
                 Storage     *storage,
                 const char  *host_country,
                 GPtrArray   *rows)
{
  reader->storage = storage;
  reader->host_country = host_country;
  reader->country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->rows = rows;
  reader->last = NULL;
}

static void
row_reader_clear (RowReader *reader)
{
  g_clear_pointer (&reader->country_keys, g_hash_table_unref);
}

static gboolean
read_row_cb (const SummitListingRow  *listing,
             gpointer                 user_data,
             GError                 **error)
{
  RowReader *reader = user_data;

  reader->last = row_from_listing (reader->storage, listing, reader->host_country,
                                   reader->country_keys);
  if (reader->rows != NULL)
    g_ptr_array_add (reader->rows, reader->last);
  return TRUE;
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
 * by name without comparing names again. */
Sorted *
summit_people_sort_rows (RowSet           *set,
                         GPtrArray        *from,
                         SummitPeopleSort  sort,
                         gboolean          descending,
                         gboolean          awaiting)
{
  Sorted *sorted = g_atomic_rc_box_new0 (Sorted);

  sorted->set = summit_people_row_set_ref (set);
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
GPtrArray *
summit_people_filter_rows (GPtrArray    *rows,
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
GPtrArray *
summit_people_filter_sorted (RowSet       *set,
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

/* Placing a few changed rows (any thread) */

/* @sorted's order as a total one: ties of its column come by name, as
 * summit_people_sort_rows() leaves them when given the rows by name. */
static int
compare_in_order (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Row *x = *(const Row * const *)a;
  const Row *y = *(const Row * const *)b;
  int result = compare_primary (a, b, user_data);

  if (result == 0)
    result = compare_segment (x->key, y->key);
  if (result == 0)
    result = x->id < y->id ? -1 : x->id > y->id;
  return result;
}

/* @rows (in @order's order) without the rows marked in @gone, with @added
 * (in @order's order too) merged in where they belong. */
static GPtrArray *
merge_in_order (GPtrArray    *rows,
                const guint8 *gone,
                guint         n_gone,
                GPtrArray    *added,
                const Sorted *order)
{
  GPtrArray *out = g_ptr_array_sized_new (rows->len + added->len);
  guint j = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = rows->pdata[i];

      if (row->index < n_gone && gone[row->index])
        continue;
      while (j < added->len && compare_in_order (&added->pdata[j], &rows->pdata[i], (gpointer)order) < 0)
        out->pdata[out->len++] = added->pdata[j++];
      out->pdata[out->len++] = rows->pdata[i];
    }
  while (j < added->len)
    out->pdata[out->len++] = added->pdata[j++];
  return out;
}

/* @set's rows in @sorted's order, where @set differs from @sorted's set in
 * @gone (a byte per row index, set for the rows no longer there) and @added
 * (any order) only: the few rows that differ are placed, not everyone sorted. */
static Sorted *
sorted_patch (Sorted       *sorted,
                            RowSet       *set,
                            const guint8 *gone,
                            guint         n_gone,
                            GPtrArray    *added)
{
  Sorted *patched = g_atomic_rc_box_new0 (Sorted);
  g_autoptr(GPtrArray) placed = g_ptr_array_copy (added, NULL, NULL);

  patched->set = summit_people_row_set_ref (set);
  patched->sort = sorted->sort;
  patched->descending = sorted->descending;
  patched->awaiting = sorted->awaiting;
  g_qsort_with_data (placed->pdata, placed->len, sizeof (gpointer), compare_in_order, patched);
  patched->rows = merge_in_order (sorted->rows, gone, n_gone, placed, patched);
  patched->indices = g_new (guint32, MAX (patched->rows->len, 1));
  for (guint i = 0; i < patched->rows->len; i++)
    patched->indices[i] = ((const Row *)patched->rows->pdata[i])->index;
  return patched;
}

/* What @params shows of @sorted's rows (the patched order), from @visible,
 * what it showed before, without the rows gone and with the rows added that
 * match. */
static GPtrArray *
filter_patch (GPtrArray    *visible,
                            Sorted       *sorted,
                            const guint8 *gone,
                            guint         n_gone,
                            GPtrArray    *added,
                            const Params *params)
{
  g_autoptr(GPtrArray) shown = summit_people_filter_rows (added, params);

  g_qsort_with_data (shown->pdata, shown->len, sizeof (gpointer), compare_in_order, sorted);
  return merge_in_order (visible, gone, n_gone, shown, sorted);
}

/* The row of @set for the person @id, if any. */
static const Row *
find_row (RowSet *set,
          gint64  id)
{
  Row key = { .id = id }, *keyp = &key;
  gpointer *found = bsearch (&keyp, set->rows->pdata, set->rows->len, sizeof (gpointer),
                             compare_row_ids);

  return found ? *found : NULL;
}

/**
 * summit_people_place_changed:
 * @old: the set shown
 * @set: @old with @ids read again (summit_people_rows_reread())
 * @by_name: (inout): @old's rows by name; replaced by @set's
 * @sorted: (inout): @old's rows in the order shown; replaced by @set's
 * @visible: what @params shows of @old, in @sorted's order
 *
 * Places the rows of the people @ids where they now belong in the orders
 * and in what is shown, instead of sorting and filtering everyone again.
 *
 * Returns: (transfer full): what @params shows of @set, in the new @sorted's order
 */
GPtrArray *
summit_people_place_changed (RowSet        *old,
                             RowSet        *set,
                             const gint64  *ids,
                             guint          n_ids,
                             Sorted       **by_name,
                             Sorted       **sorted,
                             GPtrArray     *visible,
                             const Params  *params)
{
  g_autofree guint8 *gone = g_malloc0 (MAX (old->n_indices, 1));
  g_autoptr(GPtrArray) added = g_ptr_array_sized_new (n_ids);
  Sorted *new_by_name, *new_sorted;

  for (guint i = 0; i < n_ids; i++)
    {
      const Row *before = find_row (old, ids[i]);
      const Row *now = find_row (set, ids[i]);

      /* Unchanged, or named twice. */
      if (before == now || (before != NULL && gone[before->index]) ||
          (now != NULL && g_ptr_array_find (added, now, NULL)))
        continue;
      if (before != NULL)
        gone[before->index] = 1;
      if (now != NULL)
        g_ptr_array_add (added, (gpointer)now);
    }

  new_by_name = sorted_patch (*by_name, set, gone, old->n_indices, added);
  if (*sorted == *by_name)
    new_sorted = g_atomic_rc_box_acquire (new_by_name);
  else
    new_sorted = sorted_patch (*sorted, set, gone, old->n_indices, added);
  summit_people_sorted_unref (*by_name);
  summit_people_sorted_unref (*sorted);
  *by_name = new_by_name;
  *sorted = new_sorted;
  return filter_patch (visible, new_sorted, gone, old->n_indices, added, params);
}

void
summit_people_params_clear (Params *params)
{
  g_clear_pointer (&params->search, g_free);
}

void
summit_people_params_copy (Params       *dest,
                           const Params *src)
{
  *dest = *src;
  dest->search = g_strdup (src->search);
}

gboolean
summit_people_params_equal (const Params *a,
                            const Params *b)
{
  return summit_people_params_narrow (a, b) && g_strcmp0 (a->search ? a->search : "",
                                                          b->search ? b->search : "") == 0;
}

/* Whether everything @now shows is among what @before showed. */
gboolean
summit_people_params_narrow (const Params *before,
                             const Params *now)
{
  return before->status == now->status && strcmp (before->country, now->country) == 0 &&
         before->origin == now->origin && before->awaiting == now->awaiting &&
         before->cutoff == now->cutoff &&
         g_str_has_prefix (now->search ? now->search : "", before->search ? before->search : "");
}

/* Reading from the store */

/* Reads everyone through a read-only connection of the worker's own. */
RowSet *
summit_people_rows_load (SummitStore *store,
                         gint64       edition_id,
                         const char  *host_country,
                         GError     **error)
{
  Storage *storage = storage_new ();
  GPtrArray *rows = g_ptr_array_new ();
  g_autoptr(SummitStore) connection = summit_store_open_reader (store, error);
  RowReader reader;
  RowSet *set;
  gboolean ok;

  row_reader_init (&reader, storage, host_country, rows);
  ok = connection != NULL &&
       summit_store_foreach_listing (connection, edition_id, read_row_cb, &reader, error);
  row_reader_clear (&reader);

  set = row_set_new (storage, rows);
  summit_people_storage_unref (storage);
  if (!ok)
    {
      summit_people_row_set_unref (set);
      return NULL;
    }
  return set;
}

/**
 * summit_people_rows_load_first:
 * @limit: how many people to read, the first by name
 *
 * Reads the first people by name, for a first frame with data; errors leave
 * the set short. The set is marked provisional.
 *
 * Returns: (transfer full): the rows, ordered by id
 */
RowSet *
summit_people_rows_load_first (SummitStore *store,
                               gint64       edition_id,
                               const char  *host_country,
                               guint        limit)
{
  Storage *storage = storage_new ();
  GPtrArray *rows = g_ptr_array_new ();
  RowReader reader;
  RowSet *set;

  row_reader_init (&reader, storage, host_country, rows);
  summit_store_foreach_listing_by_name (store, edition_id, limit, read_row_cb, &reader, NULL);
  row_reader_clear (&reader);
  g_ptr_array_sort (rows, compare_row_ids);
  set = row_set_new (storage, rows);
  set->provisional = TRUE;
  summit_people_storage_unref (storage);
  return set;
}

/**
 * summit_people_rows_reread:
 * @person_ids: (array length=n_ids): people changed, added or deleted
 *
 * Reads @person_ids again into a new set sharing @set's storage.
 *
 * Returns: (transfer full): @set's rows with @person_ids as they are now
 */
RowSet *
summit_people_rows_reread (RowSet       *set,
                           SummitStore  *store,
                           gint64        edition_id,
                           const char   *host_country,
                           const gint64 *person_ids,
                           guint         n_ids)
{
  GPtrArray *rows;
  RowReader reader;

  rows = g_ptr_array_sized_new (set->rows->len + n_ids);
  memcpy (rows->pdata, set->rows->pdata, set->rows->len * sizeof (gpointer));
  rows->len = set->rows->len;

  row_reader_init (&reader, set->storage, host_country, NULL);
  for (guint i = 0; i < n_ids; i++)
    {
      Row key = { .id = person_ids[i] }, *keyp = &key, *row = NULL;
      gpointer *found;
      guint lo = 0, hi = rows->len;

      /* A read that fails leaves the rest as they were shown. */
      reader.last = NULL;
      if (!summit_store_lookup_listing (store, edition_id, person_ids[i],
                                        read_row_cb, &reader, NULL))
        break;
      row = reader.last;

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
  row_reader_clear (&reader);
  return row_set_new (set->storage, rows);
}

static gboolean
rows_equal (const Row *a,
            const Row *b)
{
  return a->id == b->id && a->changed == b->changed && a->since == b->since &&
         a->status == b->status && a->overseas == b->overseas &&
         strcmp (a->country, b->country) == 0 && strcmp (a->name, b->name) == 0 &&
         strcmp (a->position, b->position) == 0 && strcmp (a->city, b->city) == 0 &&
         strcmp (a->key, b->key) == 0;
}

/**
 * summit_people_rows_differ:
 *
 * Compares two sets of the same people read at different times.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the people
 *   changed, added or deleted from @before to @after
 */
GArray *
summit_people_rows_differ (RowSet *before,
                           RowSet *after)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i = 0, j = 0;

  /* Both are ordered by id. */
  while (i < before->rows->len || j < after->rows->len)
    {
      const Row *a = i < before->rows->len ? before->rows->pdata[i] : NULL;
      const Row *b = j < after->rows->len ? after->rows->pdata[j] : NULL;

      if (b == NULL || (a != NULL && a->id < b->id))
        {
          g_array_append_val (ids, a->id);
          i++;
        }
      else if (a == NULL || b->id < a->id)
        {
          g_array_append_val (ids, b->id);
          j++;
        }
      else
        {
          if (!rows_equal (a, b))
            g_array_append_val (ids, a->id);
          i++;
          j++;
        }
    }
  return ids;
}
