/* summit-person.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The text fields of a person, in the order of the person table. */
typedef enum
{
  SUMMIT_PERSON_UID,
  SUMMIT_PERSON_HONORIFIC,
  SUMMIT_PERSON_GIVEN_NAME,
  SUMMIT_PERSON_FAMILY_NAME,
  SUMMIT_PERSON_NATIVE_NAME,
  SUMMIT_PERSON_POSITION,
  SUMMIT_PERSON_CITY,
  SUMMIT_PERSON_COUNTRY,
  SUMMIT_PERSON_ORGANISATION,
  SUMMIT_PERSON_EMAIL,
  SUMMIT_PERSON_PHONE,
  SUMMIT_PERSON_TIMEZONE,
  SUMMIT_PERSON_NOTES,
  SUMMIT_PERSON_POSITION_KIND,   /* "" (taken from the position's wording) or a SummitPositionKind */
  SUMMIT_PERSON_LETTER_LANGUAGE, /* "" (taken from the country) or "en", "pl", "zh_TW" */
  SUMMIT_PERSON_N_FIELDS
} SummitPersonField;

/* A person as files hold it (CSV columns, XML attributes): the fields, then
 * the two times. */
#define SUMMIT_PERSON_ATTRIBUTE_CREATED SUMMIT_PERSON_N_FIELDS
#define SUMMIT_PERSON_ATTRIBUTE_UPDATED (SUMMIT_PERSON_N_FIELDS + 1)
#define SUMMIT_PERSON_N_ATTRIBUTES      (SUMMIT_PERSON_N_FIELDS + 2)

/* What a person's position is, for the figures: who counts as a mayor. */
typedef enum
{
  SUMMIT_POSITION_MAYOR,
  SUMMIT_POSITION_DEPUTY_MAYOR,
  SUMMIT_POSITION_OFFICIAL,      /* officials and anyone else */
  SUMMIT_N_POSITION_KINDS
} SummitPositionKind;

#define SUMMIT_TYPE_PERSON (summit_person_get_type ())
G_DECLARE_FINAL_TYPE (SummitPerson, summit_person, SUMMIT, PERSON, GObject)

SummitPerson *summit_person_new              (void);
gint64        summit_person_get_id           (SummitPerson      *self);
void          summit_person_set_id           (SummitPerson      *self,
                                              gint64             id);
const char   *summit_person_get_field        (SummitPerson      *self,
                                              SummitPersonField  field);
void          summit_person_set_field        (SummitPerson      *self,
                                              SummitPersonField  field,
                                              const char        *value);
const char   *summit_person_field_name       (SummitPersonField  field);
const char   *summit_person_attribute_name   (guint              attribute);
gint64        summit_person_get_created      (SummitPerson      *self);
gint64        summit_person_get_updated      (SummitPerson      *self);
SummitPerson *summit_person_copy             (SummitPerson      *self);
gint64        summit_person_get_version      (SummitPerson      *self);
void          summit_person_set_version      (SummitPerson      *self,
                                              gint64             version);
void          summit_person_set_times        (SummitPerson      *self,
                                              gint64             created,
                                              gint64             updated);
char         *summit_person_dup_display_name (SummitPerson      *self);
gboolean      summit_person_is_overseas      (SummitPerson      *self,
                                              const char        *host_country);
SummitPositionKind
              summit_person_get_position_kind (SummitPerson     *self);

const char   *summit_position_kind_to_string   (SummitPositionKind  kind);
gboolean      summit_position_kind_from_string (const char         *str,
                                                SummitPositionKind *kind);
const char   *summit_position_kind_to_label    (SummitPositionKind  kind);
SummitPositionKind
              summit_position_kind_guess       (const char         *position);
SummitPositionKind
              summit_position_kind_resolve     (const char         *position_kind,
                                                const char         *position);
gboolean      summit_position_kind_counts_as_mayor (SummitPositionKind kind);
const char   *summit_position_kind_mayor_rule  (void);

/* The one check of a person, whichever way it comes in */
gboolean      summit_person_validate         (SummitPerson       *self,
                                              SummitPersonField  *bad_field,
                                              GError            **error);
gboolean      summit_person_validate_field   (SummitPerson       *self,
                                              SummitPersonField   field,
                                              GError            **error);
gboolean      summit_person_validate_values  (const char * const *values,
                                              SummitPersonField  *bad_field,
                                              GError            **error);
gboolean      summit_email_is_valid          (const char         *email);

#define summit_person_get_uid(p)          summit_person_get_field ((p), SUMMIT_PERSON_UID)
#define summit_person_get_given_name(p)   summit_person_get_field ((p), SUMMIT_PERSON_GIVEN_NAME)
#define summit_person_get_family_name(p)  summit_person_get_field ((p), SUMMIT_PERSON_FAMILY_NAME)
#define summit_person_get_native_name(p)  summit_person_get_field ((p), SUMMIT_PERSON_NATIVE_NAME)
#define summit_person_get_position(p)     summit_person_get_field ((p), SUMMIT_PERSON_POSITION)
#define summit_person_get_city(p)         summit_person_get_field ((p), SUMMIT_PERSON_CITY)
#define summit_person_get_country(p)      summit_person_get_field ((p), SUMMIT_PERSON_COUNTRY)
#define summit_person_get_timezone(p)     summit_person_get_field ((p), SUMMIT_PERSON_TIMEZONE)

G_END_DECLS
