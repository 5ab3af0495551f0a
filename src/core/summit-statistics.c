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
#include <string.h>

#include "summit-continents.h"
#include "summit-invitation.h"
#include "summit-person.h"
#include "summit-places.h"
#include "summit-statistics.h"
#include "summit-text.h"

struct _SummitYearStatistic
{
  GObject           parent_instance;

  gint64            version;     /* as read from the store; 0 for none */
  int               year;
  SummitFigureKind  kind;
  int               overseas;    /* -1: none */
  int               domestic;    /* -1: unknown */
  int               countries;   /* -1: unknown */
  gboolean          lower_bound;
  char             *source;
};

/* Participation rows being counted, found by "year:key". */
struct _SummitParticipationTally
{
  SummitParticipationGroup  group;
  GArray                   *rows;
  GHashTable               *index;
};

G_DEFINE_FINAL_TYPE (SummitYearStatistic, summit_year_statistic, G_TYPE_OBJECT)
G_DEFINE_QUARK (summit-statistics-error-quark, summit_statistics_error)

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

/**
 * summit_year_statistic_get_version:
 *
 * Returns: the version of the stored figure this was read from, or 0 if it
 *   was not read from the store (a save then does not check it)
 */
gint64
summit_year_statistic_get_version (SummitYearStatistic *self)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (self), 0);
  return self->version;
}

void
summit_year_statistic_set_version (SummitYearStatistic *self,
                                   gint64               version)
{
  g_return_if_fail (SUMMIT_IS_YEAR_STATISTIC (self));
  self->version = version;
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

/**
 * summit_statistics_parse_count:
 * @text: what the person typed
 * @what: (nullable): the translated name of the field, for the message
 * @required: whether an empty field is refused (otherwise it means unknown)
 * @count: (out): the count, or -1 for an empty optional field
 *
 * Reads a count of people: a whole number, zero or more. Refuses, with the
 * reason, negative numbers, fractions, and anything that is not a number.
 */
gboolean
summit_statistics_parse_count (const char  *text,
                               const char  *what,
                               gboolean     required,
                               int         *count,
                               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gint64 value = 0;

  g_return_val_if_fail (count != NULL, FALSE);

  if (what == NULL)
    what = _("The count");

  if (*stripped == '\0')
    {
      if (!required)
        {
          *count = -1;
          return TRUE;
        }
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEEDS_FIGURE,
                   /* Translators: %s is a field, e.g. "Overseas mayors" */
                   _("%s: enter a number, or mark the year as having no figure"), what);
      return FALSE;
    }

  if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      const char *p = stripped;
      gboolean negative;

      if (*p == '-' || *p == '+')
        p++;
      negative = *stripped == '-' && g_ascii_isdigit (*p);
      if (negative)
        g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEGATIVE,
                     _("%s: “%s” is negative; a count is zero or more"), what, stripped);
      else
        g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NOT_INTEGER,
                     _("%s: “%s” is not a whole number; enter a count such as 120"),
                     what, stripped);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEGATIVE,
                   _("%s: “%s” is negative; a count is zero or more"), what, stripped);
      return FALSE;
    }
  if (value > SUMMIT_STATISTICS_MAX_COUNT)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_TOO_LARGE,
                   _("%s: %s is more than %d; check the figure"), what, stripped,
                   SUMMIT_STATISTICS_MAX_COUNT);
      return FALSE;
    }
  *count = (int)value;
  return TRUE;
}

static gboolean
check_year (int       year,
            GError  **error)
{
  if (year < SUMMIT_STATISTICS_MIN_YEAR || year > SUMMIT_STATISTICS_MAX_YEAR)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE,
                   _("Year %d is outside %d–%d"), year,
                   SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

/**
 * summit_statistics_parse_year:
 * @year: (out): the year
 *
 * Reads a year between 1990 and 2100, refusing anything else with the reason.
 */
gboolean
summit_statistics_parse_year (const char  *text,
                              int         *year,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gint64 value;

  g_return_val_if_fail (year != NULL, FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE,
                   _("Enter a year between %d and %d"),
                   SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NOT_INTEGER,
                   _("“%s” is not a year; enter one such as 2021"), stripped);
      return FALSE;
    }
  if (value < SUMMIT_STATISTICS_MIN_YEAR || value > SUMMIT_STATISTICS_MAX_YEAR)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_YEAR_RANGE,
                   _("Year %s is outside %d–%d"), stripped,
                   SUMMIT_STATISTICS_MIN_YEAR, SUMMIT_STATISTICS_MAX_YEAR);
      return FALSE;
    }
  *year = (int)value;
  return TRUE;
}

/**
 * summit_year_statistic_validate:
 * @existing: (element-type SummitYearStatistic) (nullable): the years already
 *   recorded, to refuse a duplicate
 * @replacing_year: the year @stat replaces (its old year when it is being
 *   edited), or 0 for a new year
 *
 * Returns: %TRUE if @stat may be saved; otherwise %FALSE with the reason
 */
gboolean
summit_year_statistic_validate (SummitYearStatistic  *stat,
                                GPtrArray            *existing,
                                int                   replacing_year,
                                GError              **error)
{
  g_return_val_if_fail (SUMMIT_IS_YEAR_STATISTIC (stat), FALSE);

  if (!check_year (stat->year, error))
    return FALSE;
  if (!summit_text_check_controls (stat->source, "source", TRUE, SUMMIT_STATISTICS_ERROR,
                                   SUMMIT_STATISTICS_ERROR_INVALID_TEXT, error))
    return FALSE;
  if ((stat->kind != SUMMIT_FIGURE_MISSING && stat->overseas < -1) ||
      stat->domestic < -1 || stat->countries < -1)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEGATIVE,
                   _("%d: a count is zero or more"), stat->year);
      return FALSE;
    }
  if (stat->kind != SUMMIT_FIGURE_MISSING && stat->overseas < 0)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NEEDS_FIGURE,
                   _("%d: a recorded or estimated figure needs a number of overseas mayors"),
                   stat->year);
      return FALSE;
    }
  if (MAX (stat->overseas, MAX (stat->domestic, stat->countries)) > SUMMIT_STATISTICS_MAX_COUNT)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_TOO_LARGE,
                   _("%d: a count is more than %d; check the figure"), stat->year,
                   SUMMIT_STATISTICS_MAX_COUNT);
      return FALSE;
    }
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      SummitYearStatistic *other = g_ptr_array_index (existing, i);

      if (other != stat && other->year == stat->year && other->year != replacing_year)
        {
          g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_DUPLICATE_YEAR,
                       _("%d is already in the table; change that year’s row instead"),
                       stat->year);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * summit_derived_figure_describe:
 *
 * What one year's figures from the invitations count, for a tooltip or a
 * footnote: "2020, from 3 invitations: 2 mayors or deputy mayors confirmed
 * (1 overseas, 1 domestic, 0 of unknown country), against host country TW;
 * 1 official or other confirmed, not counted."
 *
 * Returns: (transfer full): the sentence
 */
char *
summit_derived_figure_describe (const SummitDerivedFigure *d)
{
  g_autofree char *invitations = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *others = NULL;
  int mayors;

  g_return_val_if_fail (d != NULL, NULL);

  mayors = d->overseas_confirmed + d->domestic_confirmed + d->unknown_confirmed;
  invitations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d invitation", "%d invitations",
                                              d->invitations), d->invitations);
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d mayor or deputy mayor confirmed",
                                          "%d mayors or deputy mayors confirmed", mayors), mayors);
  others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d official or other confirmed",
                                         "%d officials or others confirmed", d->others_confirmed),
                            d->others_confirmed);
  /* Translators: "2020, from 3 invitations: 2 mayors or deputy mayors confirmed (1 overseas,
   * 1 domestic, 0 of unknown country), against host country TW; 1 official or other
   * confirmed, not counted." */
  return g_strdup_printf (_("%d, from %s: %s (%d overseas, %d domestic, %d of unknown country), "
                            "against host country %s; %s, not counted."),
                          d->year, invitations, counted, d->overseas_confirmed,
                          d->domestic_confirmed, d->unknown_confirmed,
                          *d->host_country ? d->host_country : "—", others);
}

static SummitDerivedFigure *
derived_for_year (GArray     *figures,
                  int         year,
                  const char *host_country)
{
  SummitDerivedFigure fresh = { 0 };

  for (guint i = 0; i < figures->len; i++)
    if (g_array_index (figures, SummitDerivedFigure, i).year == year)
      return &g_array_index (figures, SummitDerivedFigure, i);

  fresh.year = year;
  g_strlcpy (fresh.host_country, host_country ? host_country : "", sizeof fresh.host_country);
  g_array_append_val (figures, fresh);
  return &g_array_index (figures, SummitDerivedFigure, figures->len - 1);
}

/**
 * summit_derived_figures_add:
 * @figures: (element-type SummitDerivedFigure): the figures counted so far
 * @host_country: (nullable): the edition's host country
 * @country: (nullable): the guest's country
 * @status: (nullable): the invitation's status, as stored
 * @position_kind: (nullable): the guest's position kind, as stored
 * @position: (nullable): the guest's position, as written
 *
 * Counts one invitation of @year's edition into @figures (see
 * #SummitDerivedFigure for what counts), adding the year if it is new.
 */
void
summit_derived_figures_add (GArray     *figures,
                            int         year,
                            const char *host_country,
                            const char *country,
                            const char *status,
                            const char *position_kind,
                            const char *position)
{
  SummitInvitationStatus parsed = SUMMIT_STATUS_DRAFT;
  SummitDerivedFigure *d = derived_for_year (figures, year, host_country);
  gboolean confirmed, attended;

  d->invitations++;
  summit_invitation_status_from_string (status, &parsed);
  attended = parsed == SUMMIT_STATUS_ATTENDED;
  confirmed = attended || parsed == SUMMIT_STATUS_CONFIRMED;
  if (!confirmed)
    return;
  if (!summit_position_kind_counts_as_mayor (summit_position_kind_resolve (position_kind,
                                                                            position)))
    {
      d->others_confirmed++;
      return;
    }

  if (host_country == NULL || *host_country == '\0' || country == NULL || *country == '\0')
    d->unknown_confirmed++;
  else if (g_strcmp0 (country, host_country) != 0)
    {
      d->overseas_confirmed++;
      d->overseas_attended += attended;
    }
  else
    {
      d->domestic_confirmed++;
      d->domestic_attended += attended;
    }
}

/**
 * summit_year_statistic_new_adopted:
 * @derived: (element-type SummitDerivedFigure): as summit_store_derive_statistics()
 * @stats: (element-type SummitYearStatistic): as summit_store_list_year_statistics()
 * @measure: whether to adopt the mayors confirmed or those who attended
 *
 * The figure to record for @year from its invitations: its source text says
 * it was derived, when, and what it replaces.
 *
 * Returns: (transfer full): the figure (the one in @stats for @year, changed,
 *   or a new one), or %NULL with @error set if @year has no invitations
 */
SummitYearStatistic *
summit_year_statistic_new_adopted (GArray               *derived,
                                   GPtrArray            *stats,
                                   int                   year,
                                   SummitDerivedMeasure  measure,
                                   GError              **error)
{
  g_autoptr(SummitYearStatistic) stat = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) source = g_string_new (NULL);
  const SummitDerivedFigure *figure = NULL;
  g_autofree char *in_overseas = NULL;
  g_autofree char *in_domestic = NULL;
  int overseas, domestic;

  for (guint i = 0; i < derived->len; i++)
    if (g_array_index (derived, SummitDerivedFigure, i).year == year)
      figure = &g_array_index (derived, SummitDerivedFigure, i);
  if (figure == NULL)
    {
      g_set_error (error, SUMMIT_STATISTICS_ERROR, SUMMIT_STATISTICS_ERROR_NO_DERIVED,
                   _("%d has no invitations to count mayors from"), year);
      return NULL;
    }

  overseas = measure == SUMMIT_DERIVED_ATTENDED
    ? figure->overseas_attended : figure->overseas_confirmed;
  domestic = measure == SUMMIT_DERIVED_ATTENDED
    ? figure->domestic_attended : figure->domestic_confirmed;

  in_overseas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overseas mayor or deputy mayor",
                                              "%d overseas mayors or deputy mayors", overseas), overseas);
  in_domestic = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d domestic mayor or deputy mayor",
                                              "%d domestic mayors or deputy mayors", domestic), domestic);
  g_string_append_printf (source,
                          measure == SUMMIT_DERIVED_ATTENDED
                          /* Translators: the source text of an adopted figure: "Derived from
                           * the invitations on 2026-12-06: 2 overseas mayors or deputy mayors
                           * and 1 domestic mayor or deputy mayor attended." */
                          ? _("Derived from the invitations on %s: %s and %s attended.")
                          : _("Derived from the invitations on %s: %s and %s confirmed."),
                          today, in_overseas, in_domestic);

  for (guint i = 0; i < stats->len; i++)
    {
      SummitYearStatistic *old = g_ptr_array_index (stats, i);

      if (old->year == year)
        {
          g_autofree char *before = summit_year_statistic_format_overseas (old);

          /* Keep what it replaces, so the change can be traced. */
          g_string_append_c (source, ' ');
          if (*old->source != '\0')
            g_string_append_printf (source, _("Replaces %s (%s)."), before, old->source);
          else
            g_string_append_printf (source, _("Replaces %s."), before);
          stat = g_object_ref (old);
        }
    }
  if (stat == NULL)
    stat = summit_year_statistic_new (year, SUMMIT_FIGURE_RECORDED);

  stat->kind = SUMMIT_FIGURE_RECORDED;
  stat->overseas = overseas;
  stat->domestic = domestic;
  stat->lower_bound = FALSE;
  g_free (stat->source);
  stat->source = g_string_free (g_steal_pointer (&source), FALSE);
  return g_steal_pointer (&stat);
}

static int
compare_participation (gconstpointer a,
                       gconstpointer b)
{
  const SummitParticipation *x = a, *y = b;

  if (x->year != y->year)
    return x->year - y->year;
  /* The unknown row last, the others by invitations, most first. */
  if ((*x->key == '\0') != (*y->key == '\0'))
    return *x->key == '\0' ? 1 : -1;
  if (x->invitations != y->invitations)
    return y->invitations - x->invitations;
  return strcmp (x->key, y->key);
}

/**
 * summit_participation_tally_new:
 *
 * Returns: (transfer full): an empty count for summit_participation_tally_add()
 */
SummitParticipationTally *
summit_participation_tally_new (SummitParticipationGroup group)
{
  SummitParticipationTally *tally = g_new0 (SummitParticipationTally, 1);

  tally->group = group;
  tally->rows = g_array_new (FALSE, TRUE, sizeof (SummitParticipation));
  tally->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return tally;
}

void
summit_participation_tally_free (SummitParticipationTally *tally)
{
  g_clear_pointer (&tally->rows, g_array_unref);
  g_clear_pointer (&tally->index, g_hash_table_unref);
  g_free (tally);
}

/**
 * summit_participation_tally_add:
 * @country: (nullable): the guests' country
 * @status: (nullable): their invitations' status, as stored
 * @count: how many such invitations
 *
 * Counts @count invitations of @year's edition into the row of @country (or
 * its continent); see #SummitParticipation for what each count counts.
 */
void
summit_participation_tally_add (SummitParticipationTally *tally,
                                int                       year,
                                const char               *country,
                                const char               *status,
                                int                       count)
{
  SummitInvitationStatus parsed = SUMMIT_STATUS_DRAFT;
  const char *key = country ? country : "";
  g_autofree char *id = NULL;
  SummitParticipation *row;
  gpointer found;

  if (tally->group == SUMMIT_PARTICIPATION_BY_CONTINENT)
    key = summit_continent_of_country (key);
  if (key == NULL)
    key = "";
  summit_invitation_status_from_string (status, &parsed);

  id = g_strdup_printf ("%d:%s", year, key);
  if (g_hash_table_lookup_extended (tally->index, id, NULL, &found))
    row = &g_array_index (tally->rows, SummitParticipation, GPOINTER_TO_UINT (found));
  else
    {
      SummitParticipation fresh = { .year = year };

      g_strlcpy (fresh.key, key, sizeof fresh.key);
      g_array_append_val (tally->rows, fresh);
      g_hash_table_insert (tally->index, g_steal_pointer (&id),
                           GUINT_TO_POINTER (tally->rows->len - 1));
      row = &g_array_index (tally->rows, SummitParticipation, tally->rows->len - 1);
    }
  row->invitations += count;
  if (parsed != SUMMIT_STATUS_DRAFT)
    row->invited += count;
  if (parsed == SUMMIT_STATUS_CONFIRMED || parsed == SUMMIT_STATUS_ATTENDED)
    row->confirmed += count;
  if (parsed == SUMMIT_STATUS_ATTENDED)
    row->attended += count;
}

/**
 * summit_participation_tally_finish:
 *
 * Frees @tally.
 *
 * Returns: (transfer full) (element-type SummitParticipation): the rows by
 *   year, then most invitations first, the unknown row last
 */
GArray *
summit_participation_tally_finish (SummitParticipationTally *tally)
{
  GArray *rows = g_steal_pointer (&tally->rows);

  g_array_sort (rows, compare_participation);
  summit_participation_tally_free (tally);
  return rows;
}

/**
 * summit_participation_get_name:
 * @language: (nullable): as for summit_places_country_name()
 *
 * Returns: (transfer none): the row's country or continent, by name
 */
const char *
summit_participation_get_name (const SummitParticipation *row,
                               SummitParticipationGroup   group,
                               const char                *language)
{
  const char *name = NULL;

  if (*row->key == '\0')
    return C_("country or continent", "Unknown");
  if (group == SUMMIT_PARTICIPATION_BY_CONTINENT)
    return summit_continent_name (row->key);
  name = summit_places_country_name (row->key, language);
  return name ? name : row->key;
}
