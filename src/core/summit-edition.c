/* summit-edition.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One year's summit: its theme, host, time zone, format and dates.
 */
#define G_LOG_DOMAIN "summit-edition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "summit-edition.h"
#include "summit-store.h"
#include "summit-text.h"
#include "summit-time.h"

struct _SummitEdition
{
  GObject              parent_instance;

  gint64               id;
  gint64               version;   /* as read from the store; 0 for none */
  int                  year;
  SummitEditionFormat  format;
  char                *theme;
  char                *host_city;
  char                *host_country;
  char                *timezone;
  char                *start_date;
  char                *end_date;
};

G_DEFINE_FINAL_TYPE (SummitEdition, summit_edition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const format_names[] = { "in-person", "online", "hybrid" };

static void
summit_edition_finalize (GObject *object)
{
  SummitEdition *self = (SummitEdition *)object;

  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->host_city, g_free);
  g_clear_pointer (&self->host_country, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);

  G_OBJECT_CLASS (summit_edition_parent_class)->finalize (object);
}

static void
summit_edition_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SummitEdition *self = SUMMIT_EDITION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_edition_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SummitEdition *self = SUMMIT_EDITION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case PROP_THEME:
      summit_edition_set_theme (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
summit_edition_class_init (SummitEditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_edition_finalize;
  object_class->get_property = summit_edition_get_property;
  object_class->set_property = summit_edition_set_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1990, 2100, 2020,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
summit_edition_init (SummitEdition *self)
{
  self->theme = g_strdup ("");
  self->host_city = g_strdup ("");
  self->host_country = g_strdup ("");
  self->timezone = g_strdup ("UTC");
}

/**
 * summit_edition_new:
 *
 * Returns: (transfer full): an edition for @year, not yet stored
 */
SummitEdition *
summit_edition_new (int year)
{
  return g_object_new (SUMMIT_TYPE_EDITION, "year", year, NULL);
}

gint64
summit_edition_get_id (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), 0);
  return self->id;
}

void
summit_edition_set_id (SummitEdition *self,
                       gint64         id)
{
  g_return_if_fail (SUMMIT_IS_EDITION (self));
  self->id = id;
}

/**
 * summit_edition_get_version:
 *
 * Returns: the version of the stored edition this was read from, or 0 if
 *   it was not read from the store (a save then does not check it)
 */
gint64
summit_edition_get_version (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), 0);
  return self->version;
}

void
summit_edition_set_version (SummitEdition *self,
                            gint64         version)
{
  g_return_if_fail (SUMMIT_IS_EDITION (self));
  self->version = version;
}

int
summit_edition_get_year (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), 0);
  return self->year;
}

#define STRING_ACCESSORS(field)                                            \
  const char *                                                             \
  summit_edition_get_##field (SummitEdition *self)                         \
  {                                                                        \
    g_return_val_if_fail (SUMMIT_IS_EDITION (self), NULL);                 \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  summit_edition_set_##field (SummitEdition *self,                         \
                              const char    *value)                        \
  {                                                                        \
    g_return_if_fail (SUMMIT_IS_EDITION (self));                           \
    g_free (self->field);                                                  \
    self->field = g_strdup (value ? value : "");                           \
  }

STRING_ACCESSORS (host_city)
STRING_ACCESSORS (host_country)
STRING_ACCESSORS (timezone)

const char *
summit_edition_get_theme (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), NULL);
  return self->theme;
}

void
summit_edition_set_theme (SummitEdition *self,
                          const char    *theme)
{
  g_return_if_fail (SUMMIT_IS_EDITION (self));

  if (g_strcmp0 (self->theme, theme ? theme : "") == 0)
    return;
  g_free (self->theme);
  self->theme = g_strdup (theme ? theme : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

SummitEditionFormat
summit_edition_get_format (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), SUMMIT_EDITION_IN_PERSON);
  return self->format;
}

void
summit_edition_set_format (SummitEdition       *self,
                           SummitEditionFormat  format)
{
  g_return_if_fail (SUMMIT_IS_EDITION (self));
  g_return_if_fail (format <= SUMMIT_EDITION_HYBRID);
  self->format = format;
}

/**
 * summit_edition_get_start_date:
 *
 * Returns: (nullable): the first day, as an ISO 8601 date, or %NULL if unknown
 */
const char *
summit_edition_get_start_date (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), NULL);
  return self->start_date;
}

/**
 * summit_edition_get_end_date:
 *
 * Returns: (nullable): the last day, as an ISO 8601 date, or %NULL if unknown
 */
const char *
summit_edition_get_end_date (SummitEdition *self)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), NULL);
  return self->end_date;
}

void
summit_edition_set_dates (SummitEdition *self,
                          const char    *start_date,
                          const char    *end_date)
{
  g_return_if_fail (SUMMIT_IS_EDITION (self));

  g_free (self->start_date);
  self->start_date = (start_date && *start_date) ? g_strdup (start_date) : NULL;
  g_free (self->end_date);
  self->end_date = (end_date && *end_date) ? g_strdup (end_date) : NULL;
}

const char *
summit_edition_format_to_string (SummitEditionFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

gboolean
summit_edition_format_from_string (const char          *str,
                                   SummitEditionFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (str, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_edition_format_to_label:
 *
 * Returns: (transfer none): the translated name of @format
 */
const char *
summit_edition_format_to_label (SummitEditionFormat format)
{
  switch (format)
    {
    case SUMMIT_EDITION_IN_PERSON: return _("In person");
    case SUMMIT_EDITION_ONLINE: return _("Online");
    case SUMMIT_EDITION_HYBRID: return _("Hybrid");
    default: g_return_val_if_reached (NULL);
    }
}

/* Whether @date is a day ("2020-08-13") of @year; %NULL counts as one. */
static gboolean
is_day_of_year (const char *date,
                int         year)
{
  int y, m, d;
  char tail;

  if (date == NULL)
    return TRUE;
  return sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y) &&
         y == year;
}

/**
 * summit_edition_validate:
 *
 * Checks an edition before it is stored, whichever way it came: no control
 * characters, a known time zone, and dates within its year, the start not
 * after the end.
 *
 * Returns: %TRUE if @self may be saved, %FALSE with @error set
 *   (%SUMMIT_STORE_ERROR_INVALID) saying what to change
 */
gboolean
summit_edition_validate (SummitEdition  *self,
                         GError        **error)
{
  g_return_val_if_fail (SUMMIT_IS_EDITION (self), FALSE);

  if (!summit_text_check_controls (self->theme, "theme", FALSE, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (self->host_city, "host-city", FALSE, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error) ||
      !summit_text_check_controls (self->host_country, "host-country", FALSE,
                                   SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;
  if (!summit_time_zone_is_known (self->timezone))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("the time zone “%s” is not known; use a name such as Europe/Warsaw"),
                   self->timezone ? self->timezone : "");
      return FALSE;
    }
  if (!is_day_of_year (self->start_date, self->year) ||
      !is_day_of_year (self->end_date, self->year))
    {
      g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                   _("the %d edition’s dates must be days of %d (from %s to %s)"), self->year,
                   self->year, self->start_date ? self->start_date : "…",
                   self->end_date ? self->end_date : "…");
      return FALSE;
    }
  if (self->start_date && self->end_date && strcmp (self->start_date, self->end_date) > 0)
    {
      g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                           _("the edition ends before it starts"));
      return FALSE;
    }
  return TRUE;
}
