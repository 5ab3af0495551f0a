/* summit-person.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One mayor or official. The text fields are kept in one array indexed by
 * SummitPersonField and exposed as properties of the same names, so list
 * widgets can bind to them with GtkPropertyExpression.
 */
#define G_LOG_DOMAIN "summit-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "summit-language.h"
#include "summit-people.h"
#include "summit-person.h"
#include "summit-store.h"
#include "summit-text.h"
#include "summit-time.h"

struct _SummitPerson
{
  GObject  parent_instance;

  gint64   id;
  gint64   created;
  gint64   updated;
  gint64   version;   /* as read from the store; 0 for none */
  char    *fields[SUMMIT_PERSON_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (SummitPerson, summit_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + SUMMIT_PERSON_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

/* Property names double as column names (with '-' for '_') and XML attribute names. */
static const char * const field_names[SUMMIT_PERSON_N_FIELDS] = {
  "uid", "honorific", "given-name", "family-name", "native-name", "position", "city",
  "country", "organisation", "email", "phone", "timezone", "notes",
  "position-kind", "letter-language",
};

static void
summit_person_finalize (GObject *object)
{
  SummitPerson *self = (SummitPerson *)object;

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (summit_person_parent_class)->finalize (object);
}

static void
summit_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SummitPerson *self = SUMMIT_PERSON (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_DISPLAY_NAME)
    g_value_take_string (value, summit_person_dup_display_name (self));
  else if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
summit_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SummitPerson *self = SUMMIT_PERSON (object);

  if (prop_id == PROP_ID)
    summit_person_set_id (self, g_value_get_int64 (value));
  else if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
    summit_person_set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
summit_person_class_init (SummitPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = summit_person_finalize;
  object_class->get_property = summit_person_get_property;
  object_class->set_property = summit_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_string (field_names[i], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
summit_person_init (SummitPerson *self)
{
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
}

/**
 * summit_person_new:
 *
 * Returns: (transfer full): an empty person, not yet stored
 */
SummitPerson *
summit_person_new (void)
{
  return g_object_new (SUMMIT_TYPE_PERSON, NULL);
}

gint64
summit_person_get_id (SummitPerson *self)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), 0);
  return self->id;
}

void
summit_person_set_id (SummitPerson *self,
                      gint64        id)
{
  g_return_if_fail (SUMMIT_IS_PERSON (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

/**
 * summit_person_get_field:
 *
 * Returns: (transfer none): the field's text, never %NULL
 */
const char *
summit_person_get_field (SummitPerson      *self,
                         SummitPersonField  field)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), NULL);
  g_return_val_if_fail (field < SUMMIT_PERSON_N_FIELDS, NULL);
  return self->fields[field];
}

void
summit_person_set_field (SummitPerson      *self,
                         SummitPersonField  field,
                         const char        *value)
{
  g_return_if_fail (SUMMIT_IS_PERSON (self));
  g_return_if_fail (field < SUMMIT_PERSON_N_FIELDS);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
  if (field == SUMMIT_PERSON_HONORIFIC || field == SUMMIT_PERSON_GIVEN_NAME ||
      field == SUMMIT_PERSON_FAMILY_NAME || field == SUMMIT_PERSON_NATIVE_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/**
 * summit_person_field_name:
 *
 * Returns: (transfer none): the property (and XML attribute) name of @field
 */
const char *
summit_person_field_name (SummitPersonField field)
{
  g_return_val_if_fail (field < SUMMIT_PERSON_N_FIELDS, NULL);
  return field_names[field];
}

/**
 * summit_person_attribute_name:
 * @attribute: a #SummitPersonField, or %SUMMIT_PERSON_ATTRIBUTE_CREATED or
 *   %SUMMIT_PERSON_ATTRIBUTE_UPDATED
 *
 * Returns: (transfer none): the name of @attribute in files: the CSV
 *   column and the XML attribute
 */
const char *
summit_person_attribute_name (guint attribute)
{
  g_return_val_if_fail (attribute < SUMMIT_PERSON_N_ATTRIBUTES, NULL);

  if (attribute == SUMMIT_PERSON_ATTRIBUTE_CREATED)
    return "created";
  if (attribute == SUMMIT_PERSON_ATTRIBUTE_UPDATED)
    return "updated";
  return field_names[attribute];
}

gint64
summit_person_get_created (SummitPerson *self)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), 0);
  return self->created;
}

gint64
summit_person_get_updated (SummitPerson *self)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), 0);
  return self->updated;
}

/**
 * summit_person_copy:
 *
 * Returns: (transfer full): a new person with the id, fields, times and
 *   version of @self
 */
SummitPerson *
summit_person_copy (SummitPerson *self)
{
  SummitPerson *copy;

  g_return_val_if_fail (SUMMIT_IS_PERSON (self), NULL);

  copy = summit_person_new ();
  copy->id = self->id;
  copy->created = self->created;
  copy->updated = self->updated;
  copy->version = self->version;
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    summit_person_set_field (copy, i, self->fields[i]);
  return copy;
}

/**
 * summit_person_get_version:
 *
 * Returns: the version of the stored row this person was read from, or 0
 *   if it was not read from the store (a save then does not check it)
 */
gint64
summit_person_get_version (SummitPerson *self)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), 0);
  return self->version;
}

void
summit_person_set_version (SummitPerson *self,
                           gint64        version)
{
  g_return_if_fail (SUMMIT_IS_PERSON (self));
  self->version = version;
}

void
summit_person_set_times (SummitPerson *self,
                         gint64        created,
                         gint64        updated)
{
  g_return_if_fail (SUMMIT_IS_PERSON (self));
  self->created = created;
  self->updated = updated;
}

static gboolean
is_family_name_first_script (const char *text)
{
  /* Names written natively in Han, Hangul or Kana are said family name first,
   * also in Latin letters: "Ko Wen-je", not "Wen-je Ko". */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HANGUL ||
          script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        return TRUE;
    }
  return FALSE;
}

/**
 * summit_person_dup_display_name:
 *
 * The name to show: "Bartosz Bartoszewicz"; family name first where the
 * native-script name is Chinese, Japanese or Korean, followed by that name:
 * "Ko Wen-je (柯文哲)"; the native-script name alone if that is all there is.
 *
 * Returns: (transfer full): the name to show
 */
char *
summit_person_dup_display_name (SummitPerson *self)
{
  const char *given, *family, *native;
  g_autofree char *latin = NULL;

  g_return_val_if_fail (SUMMIT_IS_PERSON (self), NULL);

  given = self->fields[SUMMIT_PERSON_GIVEN_NAME];
  family = self->fields[SUMMIT_PERSON_FAMILY_NAME];
  native = self->fields[SUMMIT_PERSON_NATIVE_NAME];

  if (*given && *family)
    latin = is_family_name_first_script (native) ? g_strconcat (family, " ", given, NULL)
                                                 : g_strconcat (given, " ", family, NULL);
  else if (*given || *family)
    latin = g_strdup (*given ? given : family);

  if (latin == NULL)
    return g_strdup (native);
  if (*native && g_strcmp0 (native, latin) != 0)
    return g_strdup_printf ("%s (%s)", latin, native);
  return g_steal_pointer (&latin);
}

/**
 * summit_person_is_overseas:
 * @host_country: the edition's host country (ISO 3166 alpha-2)
 *
 * Returns: %TRUE if the person's country is known and differs from the host's
 */
gboolean
summit_person_is_overseas (SummitPerson *self,
                           const char   *host_country)
{
  const char *country;

  g_return_val_if_fail (SUMMIT_IS_PERSON (self), FALSE);

  country = self->fields[SUMMIT_PERSON_COUNTRY];
  return *country != '\0' && g_strcmp0 (country, host_country) != 0;
}

/**
 * summit_person_get_position_kind:
 *
 * Returns: the kind the person's record gives, or if it gives none, the one
 *   the position's wording suggests (see summit_position_kind_resolve())
 */
SummitPositionKind
summit_person_get_position_kind (SummitPerson *self)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), SUMMIT_POSITION_OFFICIAL);

  return summit_position_kind_resolve (self->fields[SUMMIT_PERSON_POSITION_KIND],
                                       self->fields[SUMMIT_PERSON_POSITION]);
}

static const char * const position_kind_names[SUMMIT_N_POSITION_KINDS] = {
  "mayor", "deputy-mayor", "official",
};

/**
 * summit_position_kind_to_string:
 *
 * Returns: (transfer none): the name of @kind in files and the database
 */
const char *
summit_position_kind_to_string (SummitPositionKind kind)
{
  g_return_val_if_fail (kind < SUMMIT_N_POSITION_KINDS, NULL);
  return position_kind_names[kind];
}

gboolean
summit_position_kind_from_string (const char         *str,
                                  SummitPositionKind *kind)
{
  for (guint i = 0; str != NULL && i < SUMMIT_N_POSITION_KINDS; i++)
    if (g_str_equal (str, position_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * summit_position_kind_to_label:
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
summit_position_kind_to_label (SummitPositionKind kind)
{
  switch (kind)
    {
    case SUMMIT_POSITION_MAYOR: return C_("position kind", "Mayor");
    case SUMMIT_POSITION_DEPUTY_MAYOR: return C_("position kind", "Deputy mayor");
    case SUMMIT_POSITION_OFFICIAL: return C_("position kind", "Official or other");
    case SUMMIT_N_POSITION_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * summit_position_kind_guess:
 *
 * The kind a position's English wording suggests: "Deputy Mayor",
 * "Vice-Mayor" are deputy mayors; "Mayor", "Lord Mayor" mayors; anything
 * else ("Head of Strategy and Entrepreneurship Department", nothing) an
 * official or other.
 */
SummitPositionKind
summit_position_kind_guess (const char *position)
{
  g_autofree char *folded = NULL;

  if (position == NULL || *position == '\0')
    return SUMMIT_POSITION_OFFICIAL;
  folded = g_utf8_casefold (position, -1);
  if (strstr (folded, "mayor") == NULL)
    return SUMMIT_POSITION_OFFICIAL;
  if (strstr (folded, "deputy") != NULL || strstr (folded, "vice") != NULL)
    return SUMMIT_POSITION_DEPUTY_MAYOR;
  return SUMMIT_POSITION_MAYOR;
}

/**
 * summit_position_kind_resolve:
 * @position_kind: (nullable): the record's kind, or "" for none
 * @position: (nullable): the record's position
 *
 * Returns: @position_kind if it names a kind, otherwise the kind guessed
 *   from @position
 */
SummitPositionKind
summit_position_kind_resolve (const char *position_kind,
                              const char *position)
{
  SummitPositionKind kind;

  if (summit_position_kind_from_string (position_kind, &kind))
    return kind;
  return summit_position_kind_guess (position);
}

/**
 * summit_position_kind_counts_as_mayor:
 *
 * The one rule for who counts in the mayor figures: mayors and deputy
 * mayors do; officials and others (heads of department) do not.
 */
gboolean
summit_position_kind_counts_as_mayor (SummitPositionKind kind)
{
  return kind == SUMMIT_POSITION_MAYOR || kind == SUMMIT_POSITION_DEPUTY_MAYOR;
}

/**
 * summit_position_kind_mayor_rule:
 *
 * Returns: (transfer none): summit_position_kind_counts_as_mayor() in words,
 *   for headers, tooltips and footnotes
 */
const char *
summit_position_kind_mayor_rule (void)
{
  return _("Mayors and deputy mayors count as mayors, by the position kind in each person’s "
           "record; officials and others, such as heads of department, do not.");
}

/* Validation */

/**
 * summit_email_is_valid:
 *
 * A practical check of the address syntax: one "@", something before it,
 * a domain with a dot after it, no spaces.
 */
gboolean
summit_email_is_valid (const char *email)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+"
                                    "@[\\w\\x{80}-\\x{10FFFF}-]+(\\.[\\w\\x{80}-\\x{10FFFF}-]+)+$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  return email != NULL && g_utf8_validate (email, -1, NULL) &&
         g_regex_match (regex, email, 0, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* At most 80 characters of @value, for a message. */
static char *
shown_value (const char *value)
{
  g_autofree char *start = NULL;

  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, 4 * 81) <= 80)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, 79);
  return g_strconcat (start, "…", NULL);
}

static gboolean
refuse (GError     **error,
        const char  *format,
        const char  *value)
{
  g_autofree char *shown = shown_value (value);

  g_set_error (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID, format, shown);
  return FALSE;
}

/* The rule for @field of a person whose fields are @values (each not NULL). */
static gboolean
check_value (const char * const  *values,
             SummitPersonField    field,
             GError             **error)
{
  const char *value = values[field];
  SummitPositionKind kind;

  if (!summit_text_check_controls (value, summit_person_attribute_name (field),
                                   field == SUMMIT_PERSON_NOTES, SUMMIT_STORE_ERROR,
                                   SUMMIT_STORE_ERROR_INVALID, error))
    return FALSE;
  if (*value == '\0' && field != SUMMIT_PERSON_GIVEN_NAME &&
      field != SUMMIT_PERSON_FAMILY_NAME && field != SUMMIT_PERSON_NATIVE_NAME)
    return TRUE;   /* every other field may be left empty */

  switch (field)
    {
    case SUMMIT_PERSON_GIVEN_NAME:
    case SUMMIT_PERSON_FAMILY_NAME:
    case SUMMIT_PERSON_NATIVE_NAME:
      if (is_blank (values[SUMMIT_PERSON_GIVEN_NAME]) &&
          is_blank (values[SUMMIT_PERSON_FAMILY_NAME]) &&
          is_blank (values[SUMMIT_PERSON_NATIVE_NAME]))
        {
          g_set_error_literal (error, SUMMIT_STORE_ERROR, SUMMIT_STORE_ERROR_INVALID,
                               _("a person needs a name: given-name, family-name or native-name"));
          return FALSE;
        }
      return TRUE;

    case SUMMIT_PERSON_EMAIL:
      return summit_email_is_valid (value) ||
             refuse (error, _("“%s” is not an email address (expected name@example.org)"), value);

    case SUMMIT_PERSON_COUNTRY:
      if (strlen (value) != 2 || !g_ascii_isalpha (value[0]) || !g_ascii_isalpha (value[1]))
        return refuse (error, _("the country “%s” is not a two-letter ISO 3166 code such as PL or TW"),
                       value);
      return summit_country_is_known (value) ||
             refuse (error, _("the country “%s” is not an ISO 3166 code such as PL or TW"), value);

    case SUMMIT_PERSON_TIMEZONE:
      return summit_time_zone_is_known (value) ||
             refuse (error, _("the time zone “%s” is not known; use a name such as Europe/Warsaw"),
                     value);

    case SUMMIT_PERSON_POSITION_KIND:
      return summit_position_kind_from_string (value, &kind) ||
             refuse (error, _("“%s” is not a position kind (mayor, deputy-mayor or official)"),
                     value);

    case SUMMIT_PERSON_LETTER_LANGUAGE:
      return summit_language_is_known (value) ||
             refuse (error, _("“%s” is not a letter language (en, pl or zh_TW)"), value);

    case SUMMIT_PERSON_UID:
    case SUMMIT_PERSON_HONORIFIC:
    case SUMMIT_PERSON_POSITION:
    case SUMMIT_PERSON_CITY:
    case SUMMIT_PERSON_ORGANISATION:
    case SUMMIT_PERSON_PHONE:
    case SUMMIT_PERSON_NOTES:
    case SUMMIT_PERSON_N_FIELDS:
    default:
      return TRUE;
    }
}

/**
 * summit_person_validate_values:
 * @values: (array fixed-size=SUMMIT_PERSON_N_FIELDS): a person's fields,
 *   in #SummitPersonField order; %NULL stands for an empty field
 * @bad_field: (out) (optional): the first field that is not acceptable
 *
 * The one check of a person, whichever way it comes in: the editor, CSV
 * and XML import, the command line. A name is required (any of given,
 * family or native-script name), the email must look like one, the country
 * must be an ISO 3166 code, the time zone one of the system's list, the
 * position kind and letter language ones the app knows; no field holds a
 * control character (notes may hold tabs and line breaks). Empty optional
 * fields are fine. It takes the fields as text so that an import can check
 * a row without making a #SummitPerson of it.
 *
 * Returns: %TRUE if every field is acceptable; otherwise %FALSE with @error
 *   (%SUMMIT_STORE_ERROR_INVALID) naming the field and the value
 */
gboolean
summit_person_validate_values (const char * const  *values,
                               SummitPersonField   *bad_field,
                               GError             **error)
{
  const char *fields[SUMMIT_PERSON_N_FIELDS];

  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    fields[i] = values[i] ? values[i] : "";
  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    if (!check_value (fields, i, error))
      {
        if (bad_field)
          *bad_field = i;
        return FALSE;
      }
  return TRUE;
}

/**
 * summit_person_validate:
 * @bad_field: (out) (optional): the first field that is not acceptable
 *
 * Checks @self by summit_person_validate_values(), before it is stored.
 *
 * Returns: %TRUE if every field of @self is acceptable; otherwise %FALSE
 *   with @error saying what to change
 */
gboolean
summit_person_validate (SummitPerson       *self,
                        SummitPersonField  *bad_field,
                        GError            **error)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), FALSE);

  return summit_person_validate_values ((const char * const *)self->fields, bad_field, error);
}

/**
 * summit_person_validate_field:
 *
 * The part of summit_person_validate() that concerns @field, for an
 * editor that marks each field: the name rule is said for each of the
 * three name fields.
 *
 * Returns: %TRUE if @field is acceptable; otherwise %FALSE with @error
 *   saying why, in words for the person typing
 */
gboolean
summit_person_validate_field (SummitPerson       *self,
                              SummitPersonField   field,
                              GError            **error)
{
  g_return_val_if_fail (SUMMIT_IS_PERSON (self), FALSE);
  g_return_val_if_fail (field < SUMMIT_PERSON_N_FIELDS, FALSE);

  return check_value ((const char * const *)self->fields, field, error);
}
