/* summit-edition.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SUMMIT_EDITION_IN_PERSON,
  SUMMIT_EDITION_ONLINE,
  SUMMIT_EDITION_HYBRID,
} SummitEditionFormat;

#define SUMMIT_TYPE_EDITION (summit_edition_get_type ())
G_DECLARE_FINAL_TYPE (SummitEdition, summit_edition, SUMMIT, EDITION, GObject)

SummitEdition       *summit_edition_new              (int                  year);
gint64               summit_edition_get_id           (SummitEdition       *self);
void                 summit_edition_set_id           (SummitEdition       *self,
                                                      gint64               id);
gint64               summit_edition_get_version      (SummitEdition       *self);
void                 summit_edition_set_version      (SummitEdition       *self,
                                                      gint64               version);
int                  summit_edition_get_year         (SummitEdition       *self);
const char          *summit_edition_get_theme        (SummitEdition       *self);
void                 summit_edition_set_theme        (SummitEdition       *self,
                                                      const char          *theme);
const char          *summit_edition_get_host_city    (SummitEdition       *self);
void                 summit_edition_set_host_city    (SummitEdition       *self,
                                                      const char          *city);
const char          *summit_edition_get_host_country (SummitEdition       *self);
void                 summit_edition_set_host_country (SummitEdition       *self,
                                                      const char          *country);
const char          *summit_edition_get_timezone     (SummitEdition       *self);
void                 summit_edition_set_timezone     (SummitEdition       *self,
                                                      const char          *timezone);
SummitEditionFormat  summit_edition_get_format       (SummitEdition       *self);
void                 summit_edition_set_format       (SummitEdition       *self,
                                                      SummitEditionFormat  format);
const char          *summit_edition_get_start_date   (SummitEdition       *self);
const char          *summit_edition_get_end_date     (SummitEdition       *self);
void                 summit_edition_set_dates        (SummitEdition       *self,
                                                      const char          *start_date,
                                                      const char          *end_date);

gboolean             summit_edition_validate         (SummitEdition       *self,
                                                      GError             **error);
const char          *summit_edition_format_to_string (SummitEditionFormat  format);
gboolean             summit_edition_format_from_string (const char         *str,
                                                        SummitEditionFormat *format);
const char          *summit_edition_format_to_label  (SummitEditionFormat  format);

G_END_DECLS
