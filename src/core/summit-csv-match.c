/* summit-csv-match.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching the rows of a CSV preview that have no uid to the people already
 * known, and the choices made for those that match several.
 */
#define G_LOG_DOMAIN "summit-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "summit-csv-private.h"
#include "summit-people.h"
#include "summit-store-matching.h"

/* Matching rows without a uid to people already known */

/* @text trimmed, case-folded and normalised, for comparing. */
char *
summit_csv_fold_part (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* The keys a person is found by: name and city, native-script name and
 * city, email — each folded, so that case and spacing do not hide them. A
 * name without a city matches the same name without one. */
static guint
match_keys (const char *given,
            const char *family,
            const char *native,
            const char *city,
            const char *email,
            char       *keys[3])
{
  g_autofree char *f_city = summit_csv_fold_part (city);
  g_autofree char *f_given = summit_csv_fold_part (given);
  g_autofree char *f_family = summit_csv_fold_part (family);
  g_autofree char *f_native = summit_csv_fold_part (native);
  g_autofree char *f_email = summit_csv_fold_part (email);
  guint n = 0;

  if (*f_given || *f_family)
    keys[n++] = g_strdup_printf ("n\x1f%s\x1f%s\x1f%s", f_given, f_family, f_city);
  if (*f_native)
    keys[n++] = g_strdup_printf ("h\x1f%s\x1f%s", f_native, f_city);
  if (*f_email)
    keys[n++] = g_strdup_printf ("e\x1f%s", f_email);
  return n;
}

static void
index_add (GHashTable *index,
           char       *key,
           gint64      id)
{
  GArray *ids = g_hash_table_lookup (index, key);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (index, key, ids);
    }
  else
    g_free (key);
  if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id)
    g_array_append_val (ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

typedef struct
{
  GHashTable   *index;
  GCancellable *cancellable;
  guint         n;
} IndexContext;

static gboolean
index_person (const SummitPersonKeysRow  *row,
              gpointer                    user_data,
              GError                    **error)
{
  IndexContext *ctx = user_data;
  char *keys[3];
  guint n_keys = match_keys (row->given_name, row->family_name, row->native_name, row->city,
                             row->email, keys);

  for (guint k = 0; k < n_keys; k++)
    index_add (ctx->index, keys[k], row->id);
  return ++ctx->n % 4096 != 0 || !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

/* Everyone's keys, read in one pass: a lookup per row after that. */
static GHashTable *
build_match_index (SummitStore   *store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_array_unref);
  IndexContext ctx = { index, cancellable, 0 };

  if (!summit_store_foreach_person_keys (store, index_person, &ctx, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&index);
}

/**
 * summit_csv_preview_match:
 *
 * Finds, for each valid row without a uid, the people already in @store
 * with the same given and family name (or native-script name) in the same
 * city, or the same email, ignoring case. A row that matches one person, or
 * only one by both name and email, will update them; one that matches several is left out until someone
 * chooses (summit_csv_preview_set_choice()); one that matches nobody is
 * added. A choice someone made stays while it is still one of the row's.
 * Writes nothing.
 */
gboolean
summit_csv_preview_match (SummitCsvPreview  *preview,
                          SummitStore       *store,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (preview != NULL, FALSE);
  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  index = build_match_index (store, cancellable, error);
  if (index == NULL)
    return FALSE;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *row = g_ptr_array_index (preview->rows, i);
      SummitPerson *p = row->person;
      char *keys[3];
      guint n_keys;
      gint64 chosen = row->choice;
      gint64 best = 0;
      guint best_score = 0, n_best = 0;

      g_clear_pointer (&row->candidates, g_array_unref);
      row->match = SUMMIT_CSV_MATCH_NEW;
      row->choice = SUMMIT_CSV_CHOICE_ADD;
      if (!row->valid)
        continue;
      if (*summit_person_get_uid (p) != '\0')
        {
          row->match = SUMMIT_CSV_MATCH_UID;
          continue;
        }

      row->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
      n_keys = match_keys (summit_person_get_given_name (p), summit_person_get_family_name (p),
                           summit_person_get_native_name (p), summit_person_get_city (p),
                           summit_person_get_field (p, SUMMIT_PERSON_EMAIL), keys);
      g_array_set_size (found, 0);
      for (guint k = 0; k < n_keys; k++)
        {
          GArray *ids = g_hash_table_lookup (index, keys[k]);

          if (ids != NULL)
            g_array_append_vals (found, ids->data, ids->len);
          g_free (keys[k]);
        }

      /* Each person once, with how many of the keys found them. */
      g_array_sort (found, compare_ids);
      for (guint j = 0, score; j < found->len; j += score)
        {
          gint64 id = g_array_index (found, gint64, j);

          for (score = 1; j + score < found->len &&
                          g_array_index (found, gint64, j + score) == id; score++)
            ;
          g_array_append_val (row->candidates, id);
          if (score > best_score)
            {
              best_score = score;
              best = id;
              n_best = 1;
            }
          else if (score == best_score)
            n_best++;
        }

      /* One person, or the only one found by both name and email. */
      if (row->candidates->len == 1 || (best_score > 1 && n_best == 1))
        {
          row->match = SUMMIT_CSV_MATCH_ONE;
          row->choice = best;
        }
      else if (row->candidates->len > 1)
        {
          row->match = SUMMIT_CSV_MATCH_AMBIGUOUS;
          row->choice = SUMMIT_CSV_CHOICE_LEAVE;
        }

      if (row->chosen && row->match != SUMMIT_CSV_MATCH_NEW)
        {
          gboolean still = chosen == SUMMIT_CSV_CHOICE_ADD || chosen == SUMMIT_CSV_CHOICE_LEAVE;

          for (guint c = 0; c < row->candidates->len && !still; c++)
            still = g_array_index (row->candidates, gint64, c) == chosen;
          if (still)
            row->choice = chosen;
          row->chosen = still;
        }
      else
        row->chosen = FALSE;
    }
  return TRUE;
}

/**
 * summit_csv_preview_get_match:
 * @candidates: (out) (optional) (array length=n_candidates) (transfer none):
 *   the people the row may be, oldest first
 *
 * Returns: how @row meets the people known (after summit_csv_preview_match())
 */
SummitCsvMatch
summit_csv_preview_get_match (SummitCsvPreview  *preview,
                              guint              row,
                              const gint64     **candidates,
                              guint             *n_candidates)
{
  Row *r;

  g_return_val_if_fail (row < preview->rows->len, SUMMIT_CSV_MATCH_NEW);
  r = g_ptr_array_index (preview->rows, row);
  if (candidates != NULL)
    *candidates = r->candidates ? (const gint64 *)(gpointer)r->candidates->data : NULL;
  if (n_candidates != NULL)
    *n_candidates = r->candidates ? r->candidates->len : 0;
  return r->match;
}

/**
 * summit_csv_preview_get_choice:
 *
 * Returns: the person @row will update, %SUMMIT_CSV_CHOICE_ADD or
 *   %SUMMIT_CSV_CHOICE_LEAVE
 */
gint64
summit_csv_preview_get_choice (SummitCsvPreview *preview,
                               guint             row)
{
  g_return_val_if_fail (row < preview->rows->len, SUMMIT_CSV_CHOICE_ADD);
  return ((Row *)g_ptr_array_index (preview->rows, row))->choice;
}

/**
 * summit_csv_preview_set_choice:
 * @choice: one of the row's candidates, %SUMMIT_CSV_CHOICE_ADD (a new
 *   person) or %SUMMIT_CSV_CHOICE_LEAVE (leave the row out)
 *
 * Decides what a row without a uid does on import.
 */
void
summit_csv_preview_set_choice (SummitCsvPreview *preview,
                               guint             row,
                               gint64            choice)
{
  Row *r;

  g_return_if_fail (row < preview->rows->len);
  r = g_ptr_array_index (preview->rows, row);
  g_return_if_fail (r->match == SUMMIT_CSV_MATCH_ONE || r->match == SUMMIT_CSV_MATCH_AMBIGUOUS);
  r->choice = choice;
  r->chosen = TRUE;
}

/**
 * summit_csv_preview_count_matches:
 *
 * Returns: how many valid rows meet the people known as @match
 */
guint
summit_csv_preview_count_matches (SummitCsvPreview *preview,
                                  SummitCsvMatch    match)
{
  guint n = 0;

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *r = g_ptr_array_index (preview->rows, i);
      n += r->valid && r->match == match;
    }
  return n;
}

/**
 * summit_csv_preview_dup_left_out:
 *
 * For tools without a way to choose: each row that several people in
 * @store match and that no one chose for, as "LINE: what" (the form of
 * #SummitCsvProblem), naming the people's uids.
 *
 * Returns: (transfer full) (element-type utf8): the lines, in row order
 */
GPtrArray *
summit_csv_preview_dup_left_out (SummitCsvPreview *preview,
                                 SummitStore      *store)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < preview->rows->len; i++)
    {
      Row *row = g_ptr_array_index (preview->rows, i);
      g_autoptr(GPtrArray) uids = NULL;
      g_autofree char *name = NULL;
      g_autofree char *joined = NULL;

      if (!row->valid || row->match != SUMMIT_CSV_MATCH_AMBIGUOUS ||
          row->choice != SUMMIT_CSV_CHOICE_LEAVE)
        continue;
      uids = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint c = 0; c < row->candidates->len; c++)
        {
          SummitPerson *person = summit_store_get_person (store, g_array_index (row->candidates,
                                                                               gint64, c), NULL);
          if (person != NULL)
            g_ptr_array_add (uids, person);
        }
      {
        g_autoptr(GString) list = g_string_new (NULL);

        for (guint c = 0; c < uids->len; c++)
          g_string_append_printf (list, "%s%s", c ? ", " : "",
                                  summit_person_get_uid (g_ptr_array_index (uids, c)));
        joined = g_string_free (g_steal_pointer (&list), FALSE);
      }
      name = summit_person_dup_display_name (row->person);
      /* Translators: "4: Anna Nowak matches several people already known (t-1, t-2); …" */
      g_ptr_array_add (lines, g_strdup_printf (_("%u: %s matches several people already known "
                                                 "(%s); left out: put one of these in its uid "
                                                 "column to update that person"),
                                               row->line, name, joined));
    }
  return lines;
}

/**
 * summit_csv_report_matches_to_string:
 *
 * Returns: (transfer full) (nullable): what matching did, such as "2 matched
 *   people already known, 1 left out", or %NULL if no row matched anyone
 */
char *
summit_csv_report_matches_to_string (const SummitImportReport *report)
{
  g_autofree char *matched = NULL;

  if (report->matched == 0 && report->left == 0)
    return NULL;
  matched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matched a person already known",
                                          "%u matched people already known", report->matched),
                             report->matched);
  if (report->left == 0)
    return g_steal_pointer (&matched);
  /* Translators: "2 matched people already known, 1 left out (several people match)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u left out (several people match)",
                                       "%s, %u left out (several people match)", report->left),
                          matched, report->left);
}
