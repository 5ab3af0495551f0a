/* summit-statistics.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "summit-store.h"

G_BEGIN_DECLS

#define SUMMIT_STATISTICS_MIN_YEAR 1990
#define SUMMIT_STATISTICS_MAX_YEAR 2100
/* Larger than any summit will see; keeps a typo like 1200000 out of the chart. */
#define SUMMIT_STATISTICS_MAX_COUNT 1000000

#define SUMMIT_STATISTICS_ERROR (summit_statistics_error_quark ())

typedef enum
{
  SUMMIT_STATISTICS_ERROR_NOT_INTEGER,
  SUMMIT_STATISTICS_ERROR_NEGATIVE,
  SUMMIT_STATISTICS_ERROR_TOO_LARGE,
  SUMMIT_STATISTICS_ERROR_YEAR_RANGE,
  SUMMIT_STATISTICS_ERROR_DUPLICATE_YEAR,
  SUMMIT_STATISTICS_ERROR_NEEDS_FIGURE,
  SUMMIT_STATISTICS_ERROR_NO_DERIVED,
  SUMMIT_STATISTICS_ERROR_INVALID_TEXT,
} SummitStatisticsError;

typedef enum
{
  SUMMIT_FIGURE_RECORDED,
  SUMMIT_FIGURE_ESTIMATE,
  SUMMIT_FIGURE_MISSING,
} SummitFigureKind;

#define SUMMIT_TYPE_YEAR_STATISTIC (summit_year_statistic_get_type ())
G_DECLARE_FINAL_TYPE (SummitYearStatistic, summit_year_statistic, SUMMIT, YEAR_STATISTIC, GObject)

SummitYearStatistic *summit_year_statistic_new                (int                   year,
                                                               SummitFigureKind      kind);
gint64               summit_year_statistic_get_version        (SummitYearStatistic *self);
void                 summit_year_statistic_set_version        (SummitYearStatistic *self,
                                                               gint64               version);
int                  summit_year_statistic_get_year           (SummitYearStatistic *self);
SummitFigureKind     summit_year_statistic_get_kind           (SummitYearStatistic *self);
void                 summit_year_statistic_set_kind           (SummitYearStatistic *self,
                                                               SummitFigureKind      kind);
int                  summit_year_statistic_get_overseas       (SummitYearStatistic *self);
void                 summit_year_statistic_set_overseas       (SummitYearStatistic *self,
                                                               int                   count);
gboolean             summit_year_statistic_get_lower_bound    (SummitYearStatistic *self);
void                 summit_year_statistic_set_lower_bound    (SummitYearStatistic *self,
                                                               gboolean              lower_bound);
int                  summit_year_statistic_get_domestic       (SummitYearStatistic *self);
void                 summit_year_statistic_set_domestic       (SummitYearStatistic *self,
                                                               int                   count);
int                  summit_year_statistic_get_countries      (SummitYearStatistic *self);
void                 summit_year_statistic_set_countries      (SummitYearStatistic *self,
                                                               int                   count);
const char          *summit_year_statistic_get_source         (SummitYearStatistic *self);
void                 summit_year_statistic_set_source         (SummitYearStatistic *self,
                                                               const char           *source);
char                *summit_year_statistic_format_overseas    (SummitYearStatistic *self);

const char          *summit_figure_kind_to_string             (SummitFigureKind      kind);
gboolean             summit_figure_kind_from_string           (const char           *str,
                                                               SummitFigureKind     *kind);
const char          *summit_figure_kind_to_label              (SummitFigureKind      kind);

/* Counted from one edition's invitations. Who counts as a mayor is
 * summit_position_kind_counts_as_mayor() (mayors and deputy mayors);
 * overseas means the person's country differs from the edition's host
 * country, domestic that it equals it; a person with no country, or an
 * edition with no host country, counts as unknown. Confirmed includes those
 * who went on to attend. summit_derived_figure_describe() says all this. */
typedef struct
{
  int   year;
  char  host_country[3];
  int   invitations;          /* every invitation, mayor or not */
  int   overseas_confirmed;
  int   overseas_attended;
  int   domestic_confirmed;
  int   domestic_attended;
  int   unknown_confirmed;    /* mayors whose origin cannot be told */
  int   others_confirmed;     /* confirmed, but not counted: officials and others */
} SummitDerivedFigure;

typedef enum
{
  SUMMIT_DERIVED_CONFIRMED,
  SUMMIT_DERIVED_ATTENDED,
} SummitDerivedMeasure;

/* Who came from where: one edition's invitations counted by the guest's
 * country (or its continent). Everyone invited counts, mayor or not. */
typedef enum
{
  SUMMIT_PARTICIPATION_BY_COUNTRY,
  SUMMIT_PARTICIPATION_BY_CONTINENT,
} SummitParticipationGroup;

typedef struct
{
  int   year;
  char  key[4];       /* "PL", or a continent's M49 code "150"; "" unknown */
  int   invitations;  /* every invitation, drafts included */
  int   invited;      /* sent: any status but draft */
  int   confirmed;    /* confirmed, or confirmed and then attended */
  int   attended;
} SummitParticipation;

GQuark               summit_statistics_error_quark            (void);
gboolean             summit_statistics_parse_count            (const char           *text,
                                                               const char           *what,
                                                               gboolean              required,
                                                               int                  *count,
                                                               GError              **error);
gboolean             summit_statistics_parse_year             (const char           *text,
                                                               int                  *year,
                                                               GError              **error);
gboolean             summit_year_statistic_validate           (SummitYearStatistic  *stat,
                                                               GPtrArray            *existing,
                                                               int                   replacing_year,
                                                               GError              **error);
char                *summit_derived_figure_describe           (const SummitDerivedFigure *figure);

void                 summit_derived_figures_add               (GArray               *figures,
                                                               int                   year,
                                                               const char           *host_country,
                                                               const char           *country,
                                                               const char           *status,
                                                               const char           *position_kind,
                                                               const char           *position);
SummitYearStatistic *summit_year_statistic_new_adopted        (GArray               *derived,
                                                               GPtrArray            *stats,
                                                               int                   year,
                                                               SummitDerivedMeasure  measure,
                                                               GError              **error);

typedef struct _SummitParticipationTally SummitParticipationTally;

SummitParticipationTally *
                     summit_participation_tally_new           (SummitParticipationGroup group);
void                 summit_participation_tally_free          (SummitParticipationTally *tally);
void                 summit_participation_tally_add           (SummitParticipationTally *tally,
                                                               int                   year,
                                                               const char           *country,
                                                               const char           *status,
                                                               int                   count);
GArray              *summit_participation_tally_finish        (SummitParticipationTally *tally);
const char          *summit_participation_get_name            (const SummitParticipation *row,
                                                               SummitParticipationGroup group,
                                                               const char           *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SummitParticipationTally, summit_participation_tally_free)

G_END_DECLS

/* The queries, declared there so that callers of this header keep compiling. */
#include "summit-store-statistics.h"
