/* summit-statistics.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly figures as the sources give them: a recorded count, an estimate
 * (possibly a lower bound, "over 150"), or a year with no figure at all —
 * which is a gap, never a zero.
 */
#define G_LOG_DOMAIN "summit-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-statistics.h"

struct _SummitYearStatistic
{
  GObject           parent_instance;

  int               year;
  SummitFigureKind  kind;
  int               overseas;    /* -1: none */
  int               domestic;    /* -1: unknown */
  int               countries;   /* -1: unknown */
  gboolean          lower_bound;
  char             *source;
};

G_DEFINE_FINAL_TYPE (SummitYearStatistic, summit_year_statistic, G_TYPE_OBJECT)

static const char * const kind_names[] = { "recorded", "estimate", "missing" };

static void
summit_year_statistic_finalize (GObject *object)
{
  SummitYearStatistic *self = (SummitYearStatistic *)object;

  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (summit_year_statistic_parent_class)->finalize (object);
}

static void
summit_year_statistic_class_init (SummitYearStatisticClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = summit_year_statistic_finalize;
}

static void
summit_year_statistic_init (SummitYearStatistic *self)
{
  self->overseas = -1;
  self->domestic = -1;
  self->countries = -1;
  self->source = g_strdup ("");
}

/**
 * summit_year_statistic_new:
 *
 * Returns: (transfer full): a figure for @year with no counts yet
 */
SummitYearStatistic *
summit_year_statistic_new (int              year,
                           SummitFigureKind kind)
{
  SummitYearStatistic *self = g_object_new (SUMMIT_TYPE_YEAR_STATISTIC, NULL);

  self->year = year;
  self->kind = kind;
  return self;
}

int
summit_year_statistic_get_year (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), 0);
  return self->year;
}

SummitFigureKind
summit_year_statistic_get_kind (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), SUMMIT_FIGURE_MISSING);
  return self->kind;
}

void
summit_year_statistic_set_kind (SummitYearStatistic *self,
                                SummitFigureKind     kind)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->kind = kind;
}

/**
 * summit_year_statistic_get_overseas:
 *
 * Returns: the overseas mayors (for an estimate, the estimated number or its
 *   lower bound), or -1 when the year has no figure
 */
int
summit_year_statistic_get_overseas (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), -1);
  return self->kind == SUMMIT_FIGURE_MISSING ? -1 : self->overseas;
}

void
summit_year_statistic_set_overseas (SummitYearStatistic *self,
                                    int                  count)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->overseas = count;
}

gboolean
summit_year_statistic_get_lower_bound (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), FALSE);
  return self->kind == SUMMIT_FIGURE_ESTIMATE && self->lower_bound;
}

void
summit_year_statistic_set_lower_bound (SummitYearStatistic *self,
                                       gboolean             lower_bound)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->lower_bound = !!lower_bound;
}

int
summit_year_statistic_get_domestic (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), -1);
  return self->domestic;
}

void
summit_year_statistic_set_domestic (SummitYearStatistic *self,
                                    int                  count)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->domestic = count;
}

int
summit_year_statistic_get_countries (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), -1);
  return self->countries;
}

void
summit_year_statistic_set_countries (SummitYearStatistic *self,
                                     int                  count)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->countries = count;
}

const char *
summit_year_statistic_get_source (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), NULL);
  return self->source;
}

void
summit_year_statistic_set_source (SummitYearStatistic *self,
                                  const char          *source)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  g_free (self->source);
  self->source = g_strdup (source ? source : "");
}

/**
 * summit_year_statistic_format_overseas:
 *
 * The figure as a reader should see it: "120", "150+ (expected)",
 * "about 150 (expected)" or "no figure".
 *
 * Returns: (transfer full): the translated text
 */
char *
summit_year_statistic_format_overseas (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), NULL);

  switch (self->kind)
    {
    case SUMMIT_FIGURE_RECORDED:
      return g_strdup_printf ("%d", self->overseas);
    case SUMMIT_FIGURE_ESTIMATE:
      if (self->lower_bound)
        /* Translators: an estimate that is a lower bound, e.g. "150+ (expected)" */
        return g_strdup_printf (_("%d+ (expected)"), self->overseas);
      /* Translators: an estimate, e.g. "about 150 (expected)" */
      return g_strdup_printf (_("about %d (expected)"), self->overseas);
    case SUMMIT_FIGURE_MISSING:
    default:
      return g_strdup (_("no figure"));
    }
}

const char *
summit_figure_kind_to_string (SummitFigureKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
summit_figure_kind_from_string (const char       *str,
                                SummitFigureKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_figure_kind_to_label:
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
summit_figure_kind_to_label (SummitFigureKind kind)
{
  switch (kind)
    {
    case SUMMIT_FIGURE_RECORDED: return C_("figure kind", "Recorded");
    case SUMMIT_FIGURE_ESTIMATE: return C_("figure kind", "Estimate");
    case SUMMIT_FIGURE_MISSING: return C_("figure kind", "Missing");
    default: g_return_val_if_reached (NULL);
    }
}

static void
set_optional_int (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/**
 * summit_store_list_year_statistics:
 *
 * Returns: (transfer full) (element-type SummitYearStatistic): every year's
 *   figure, oldest first, or %NULL with @error set
 */
GPtrArray *
summit_store_list_year_statistics (SummitStore  *store,
                                   GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = summit_store_prepare (store,
                               "SELECT year, kind, overseas_mayors, lower_bound, domestic_mayors,"
                               " countries, source FROM year_statistic ORDER BY year",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SummitFigureKind kind = SUMMIT_FIGURE_MISSING;
      SummitYearStatistic *stat;

      summit_figure_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind);
      stat = summit_year_statistic_new (sqlite3_column_int (stmt, 0), kind);
      stat->overseas = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
      stat->lower_bound = sqlite3_column_int (stmt, 3) != 0;
      stat->domestic = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
      stat->countries = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      g_free (stat->source);
      stat->source = summit_stmt_dup_text (stmt, 6);
      g_ptr_array_add (result, stat);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      summit_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * summit_store_put_year_statistic:
 *
 * Inserts or replaces the figure for @stat's year. Runs in the caller's
 * transaction if there is one, otherwise in its own.
 */
gboolean
summit_store_put_year_statistic (SummitStore          *store,
                                 SummitYearStatistic  *stat,
                                 GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean missing;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (stat), FALSE);

  missing = stat->kind == SUMMIT_FIGURE_MISSING;
  if (!missing && stat->overseas < 0)
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("%d: a recorded or estimated figure needs a number of overseas mayors"),
                   stat->year);
      return FALSE;
    }

  stmt = summit_store_prepare (store,
                               "INSERT OR REPLACE INTO year_statistic (year, kind, overseas_mayors,"
                               " lower_bound, domestic_mayors, countries, source)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, stat->year);
  sqlite3_bind_text (stmt, 2, kind_names[stat->kind], -1, SQLITE_STATIC);
  set_optional_int (stmt, 3, missing ? -1 : stat->overseas);
  sqlite3_bind_int (stmt, 4, stat->kind == SUMMIT_FIGURE_ESTIMATE && stat->lower_bound);
  set_optional_int (stmt, 5, stat->domestic);
  set_optional_int (stmt, 6, stat->countries);
  summit_stmt_bind_text (stmt, 7, stat->source);

  return summit_store_step_done (store, stmt, error);
}
