/* summit-store-statistics.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year_statistic table, and the invitations counted into figures.
 */
#define G_LOG_DOMAIN "summit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-store-private.h"
#include "summit-store-statistics.h"

static void
set_optional_int (SummitStmt *stmt,
                  int         index,
                  int         value)
{
  if (value < 0)
    summit_stmt_bind_null (stmt, index);
  else
    summit_stmt_bind_int (stmt, index, value);
}

static int
column_optional_int (SummitStmt *stmt,
                     int         column)
{
  return summit_stmt_column_is_null (stmt, column) ? -1 : summit_stmt_column_int (stmt, column);
}

static gboolean
stale_statistic (int      year,
                 GError **error)
{
  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_CONFLICT,
               _("The figure for %d was changed by someone else since you opened it"), year);
  return FALSE;
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
  SummitStmt *stmt;
  int rc;

  stmt = summit_store_prepare (store,
                               "SELECT year, kind, overseas_mayors, lower_bound, domestic_mayors,"
                               " countries, source, version FROM year_statistic ORDER BY year",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    {
      SummitFigureKind kind = SUMMIT_FIGURE_MISSING;
      SummitYearStatistic *stat;

      summit_figure_kind_from_string (summit_stmt_column_text (stmt, 1), &kind);
      stat = summit_year_statistic_new (summit_stmt_column_int (stmt, 0), kind);
      summit_year_statistic_set_overseas (stat, column_optional_int (stmt, 2));
      summit_year_statistic_set_lower_bound (stat, summit_stmt_column_int (stmt, 3) != 0);
      summit_year_statistic_set_domestic (stat, column_optional_int (stmt, 4));
      summit_year_statistic_set_countries (stat, column_optional_int (stmt, 5));
      summit_year_statistic_set_source (stat, summit_stmt_column_text (stmt, 6));
      summit_year_statistic_set_version (stat, summit_stmt_column_int64 (stmt, 7));
      g_ptr_array_add (result, stat);
    }
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * summit_store_put_year_statistic:
 *
 * Inserts or replaces the figure for @stat's year, raising its version.
 * Runs in the caller's transaction if there is one, otherwise in its own.
 * If @stat carries a version (it was read from the store), only that
 * version is overwritten: if someone saved the figure since, nothing is
 * written and @error is %SUMMIT_STORE_ERROR_CONFLICT. On success @stat
 * carries the new version.
 */
gboolean
summit_store_put_year_statistic (SummitStore          *store,
                                 SummitYearStatistic  *stat,
                                 GError              **error)
{
  SummitStmt *stmt;
  gint64 version;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (stat), FALSE);

  if (!summit_year_statistic_validate (stat, NULL, 0, error))
    return FALSE;

  stmt = summit_store_prepare (store,
                               "INSERT INTO year_statistic (year, kind, overseas_mayors,"
                               " lower_bound, domestic_mayors, countries, source)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7)"
                               " ON CONFLICT (year) DO UPDATE SET kind = excluded.kind,"
                               " overseas_mayors = excluded.overseas_mayors,"
                               " lower_bound = excluded.lower_bound,"
                               " domestic_mayors = excluded.domestic_mayors,"
                               " countries = excluded.countries, source = excluded.source,"
                               " version = year_statistic.version + 1"
                               " WHERE $8 = 0 OR year_statistic.version = $8"
                               " RETURNING version",
                               error);
  if (stmt == NULL)
    return FALSE;

  summit_stmt_bind_int (stmt, 1, summit_year_statistic_get_year (stat));
  summit_stmt_bind_static_text (stmt, 2,
                                summit_figure_kind_to_string (summit_year_statistic_get_kind (stat)),
                                -1);
  /* The getters give -1 (NULL) for the overseas count of a missing figure,
   * and no lower bound but for an estimate. */
  set_optional_int (stmt, 3, summit_year_statistic_get_overseas (stat));
  summit_stmt_bind_int (stmt, 4, summit_year_statistic_get_lower_bound (stat));
  set_optional_int (stmt, 5, summit_year_statistic_get_domestic (stat));
  set_optional_int (stmt, 6, summit_year_statistic_get_countries (stat));
  summit_stmt_bind_text (stmt, 7, summit_year_statistic_get_source (stat));
  summit_stmt_bind_int64 (stmt, 8, summit_year_statistic_get_version (stat));

  if (!summit_store_step_version (store, stmt, &version, error))
    return FALSE;
  if (version == 0)
    return stale_statistic (summit_year_statistic_get_year (stat), error);
  summit_year_statistic_set_version (stat, version);
  return TRUE;
}

typedef struct
{
  SummitYearStatistic *stat;
  int                  replacing_year;
} SaveData;

static gboolean
save_in_transaction (SummitStore  *store,
                     gpointer      user_data,
                     GError      **error)
{
  SaveData *data = user_data;
  g_autoptr(GPtrArray) existing = NULL;

  /* Checked inside the transaction, so that nobody adds the year meanwhile. */
  if ((existing = summit_store_list_year_statistics (store, error)) == NULL)
    return FALSE;
  if (!summit_year_statistic_validate (data->stat, existing, data->replacing_year, error))
    return FALSE;

  if (data->replacing_year != 0 &&
      data->replacing_year != summit_year_statistic_get_year (data->stat))
    {
      SummitStmt *stmt = summit_store_prepare (store,
                                               "DELETE FROM year_statistic WHERE year = $1"
                                               " AND ($2 = 0 OR version = $2)",
                                               error);
      if (stmt == NULL)
        return FALSE;
      summit_stmt_bind_int (stmt, 1, data->replacing_year);
      summit_stmt_bind_int64 (stmt, 2, summit_year_statistic_get_version (data->stat));
      if (!summit_store_step_done (store, stmt, error))
        return FALSE;
      if (summit_year_statistic_get_version (data->stat) != 0 && summit_store_changes (store) == 0)
        return stale_statistic (data->replacing_year, error);
      /* The figure moves to a year that has none (checked above). */
      summit_year_statistic_set_version (data->stat, 0);
    }
  return summit_store_put_year_statistic (store, data->stat, error);
}

/**
 * summit_store_save_year_statistic:
 * @replacing_year: the year of the row being edited (which may have moved to
 *   another year), or 0 to add a new year
 *
 * Validates @stat — refusing a year that is already recorded — and saves it,
 * in one transaction.
 */
gboolean
summit_store_save_year_statistic (SummitStore          *store,
                                  SummitYearStatistic  *stat,
                                  int                   replacing_year,
                                  GError              **error)
{
  SaveData data = { stat, replacing_year };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (stat), FALSE);

  return summit_store_transaction (store, save_in_transaction, &data, error);
}

/**
 * summit_store_derive_statistics:
 *
 * Counts, for every edition that has invitations, the overseas and domestic
 * mayors confirmed and attended (see #SummitDerivedFigure for what counts).
 *
 * Returns: (transfer full) (element-type SummitDerivedFigure): oldest first,
 *   or %NULL with @error set
 */
GArray *
summit_store_derive_statistics (SummitStore  *store,
                                GError      **error)
{
  g_autoptr(GArray) figures = g_array_new (FALSE, TRUE, sizeof (SummitDerivedFigure));
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT e.year, e.host_country, p.position, p.country, i.status,"
                               " p.position_kind"
                               " FROM invitation i"
                               " JOIN edition e ON e.id = i.edition_id"
                               " JOIN person p ON p.id = i.person_id"
                               " ORDER BY e.year",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    summit_derived_figures_add (figures, summit_stmt_column_int (stmt, 0),
                                summit_stmt_column_text (stmt, 1),
                                summit_stmt_column_text (stmt, 3),
                                summit_stmt_column_text (stmt, 4),
                                summit_stmt_column_text (stmt, 5),
                                summit_stmt_column_text (stmt, 2));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&figures);
}

typedef struct
{
  int                  year;
  SummitDerivedMeasure measure;
} AdoptData;

static gboolean
adopt_in_transaction (SummitStore  *store,
                      gpointer      user_data,
                      GError      **error)
{
  AdoptData *data = user_data;
  g_autoptr(GArray) derived = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(SummitYearStatistic) stat = NULL;

  if ((derived = summit_store_derive_statistics (store, error)) == NULL ||
      (stats = summit_store_list_year_statistics (store, error)) == NULL)
    return FALSE;
  stat = summit_year_statistic_new_adopted (derived, stats, data->year, data->measure, error);
  if (stat == NULL)
    return FALSE;
  return summit_store_put_year_statistic (store, stat, error);
}

/**
 * summit_store_adopt_derived:
 * @measure: whether to adopt the mayors confirmed or those who attended
 *
 * Makes the figures derived from @year's invitations the recorded ones, in
 * one transaction. The source text says they were derived, when, and what
 * they replace.
 */
gboolean
summit_store_adopt_derived (SummitStore           *store,
                            int                    year,
                            SummitDerivedMeasure   measure,
                            GError               **error)
{
  AdoptData data = { year, measure };

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);

  return summit_store_transaction (store, adopt_in_transaction, &data, error);
}

/**
 * summit_store_count_participation:
 * @year: the edition's year, or 0 for every edition
 *
 * Counts the invitations of each edition by the guest's country or
 * continent (see #SummitParticipation for what each count counts). A person
 * with no country, or one CLDR places on no continent, counts as unknown.
 *
 * Returns: (transfer full) (element-type SummitParticipation): by year, then
 *   most invitations first, the unknown row last; or %NULL with @error set
 */
GArray *
summit_store_count_participation (SummitStore               *store,
                                  int                        year,
                                  SummitParticipationGroup   group,
                                  GError                   **error)
{
  g_autoptr(SummitParticipationTally) tally = NULL;
  SummitStmt *stmt;
  int rc;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), NULL);

  stmt = summit_store_prepare (store,
                               "SELECT e.year, p.country, i.status, count(*)"
                               " FROM invitation i"
                               " JOIN edition e ON e.id = i.edition_id"
                               " JOIN person p ON p.id = i.person_id"
                               " WHERE $1 = 0 OR e.year = $1"
                               " GROUP BY e.year, p.country, i.status",
                               error);
  if (stmt == NULL)
    return NULL;
  summit_stmt_bind_int (stmt, 1, year);

  tally = summit_participation_tally_new (group);
  while ((rc = summit_stmt_step (stmt)) == SUMMIT_STEP_ROW)
    summit_participation_tally_add (tally, summit_stmt_column_int (stmt, 0),
                                    summit_stmt_column_text (stmt, 1),
                                    summit_stmt_column_text (stmt, 2),
                                    summit_stmt_column_int (stmt, 3));
  if (!summit_store_end_rows (store, stmt, rc, error))
    return NULL;
  return summit_participation_tally_finish (g_steal_pointer (&tally));
}
