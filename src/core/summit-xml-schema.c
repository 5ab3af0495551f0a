/* summit-xml-schema.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's schema: the built-in data/summit-planner.rng, with the
 * checks of its value defines taken out and done here (see ValueChecks in
 * summit-xml-private.h): the schema rewriter, and the translation of its
 * XML Schema patterns into PCRE.
 */
#define G_LOG_DOMAIN "summit-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-core-resources.h"
#include "summit-xml-private.h"

#define DATA_PATH RESOURCE_BASE "/data/"

static const char * const value_kind_names[N_VALUE_KINDS] = {
  "uid", "text", "country", "instant", "day"
};

void
value_checks_free (ValueChecks *checks)
{
  if (checks == NULL)
    return;
  for (int k = 0; k < N_VALUE_KINDS; k++)
    {
      g_clear_pointer (&checks->pattern[k], xmlRegFreeRegexp);
      g_clear_pointer (&checks->fast_pattern[k], g_regex_unref);
      g_clear_pointer (&checks->fast_list[k], g_regex_unref);
    }
  g_clear_pointer (&checks->elements, g_hash_table_unref);
  g_free (checks);
}

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

static gboolean
is_rng (xmlNodePtr  node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RNG_NS) && xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNodePtr
first_element_child (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return child;
  return NULL;
}

static int
value_kind_from_name (const xmlChar *name)
{
  for (int k = 0; k < N_VALUE_KINDS; k++)
    if (name != NULL && xmlStrEqual (name, BAD_CAST value_kind_names[k]))
      return k;
  return -1;
}

/* The escapes of single characters XML Schema's patterns and PCRE share. */
#define SHARED_ESCAPES ".-+*?{}()[]|\\^"

static gboolean
is_plain_char (char c,
               gboolean in_class)
{
  /* Letters and digits, and punctuation neither flavour gives a meaning
   * to (in a class, '.' is plain in both; '-' only escaped). */
  return g_ascii_isalnum (c) || strchr (in_class ? ":_,/@=." : ":_,/@=-", c) != NULL;
}

/* Appends to @out a single character of @pattern at *@i, plain or escaped,
 * and moves on; FALSE if it is anything else. */
static gboolean
copy_char (const char *pattern,
           gsize      *i,
           gboolean    in_class,
           GString    *out)
{
  char c = pattern[*i];

  if (c == '\\' && pattern[*i + 1] != '\0' && strchr (SHARED_ESCAPES, pattern[*i + 1]) != NULL)
    {
      g_string_append_len (out, pattern + *i, 2);
      *i += 2;
      return TRUE;
    }
  if (c == '\0' || !is_plain_char (c, in_class))
    return FALSE;
  g_string_append_c (out, c);
  (*i)++;
  return TRUE;
}

/* @pattern, an XML Schema regular expression, as a PCRE one that matches
 * exactly the same strings (anchored at both ends, as XML Schema's are) —
 * or NULL if @pattern uses anything outside the small part of the language
 * where the two flavours agree: plain characters, escaped ones, classes of
 * those and of ranges between letters or digits, and the quantifiers + * ?
 * {n} {n,} {n,m}. None of these matches a control character. GLib's PCRE
 * (with its JIT) stands in for libxml2's own engine, which goes through the
 * ranges of every class for each character. */
static char *
translate_pattern (const char *pattern)
{
  g_autoptr(GString) out = g_string_new ("(?:");
  gboolean after_atom = FALSE;
  gsize i = 0;

  while (pattern[i] != '\0')
    {
      char c = pattern[i];

      if (c == '[')
        {
          gboolean empty = TRUE;

          g_string_append_c (out, '[');
          i++;
          while (pattern[i] != ']')
            {
              if (!copy_char (pattern, &i, TRUE, out))
                return NULL;
              /* A range: between two letters or digits of the same kind. */
              if (pattern[i] == '-' && pattern[i + 1] != ']' && pattern[i + 1] != '\0')
                {
                  char from = pattern[i - 1], to = pattern[i + 1];

                  if (!((g_ascii_isdigit (from) && g_ascii_isdigit (to)) ||
                        (g_ascii_isupper (from) && g_ascii_isupper (to)) ||
                        (g_ascii_islower (from) && g_ascii_islower (to))) || from > to)
                    return NULL;
                  g_string_append_c (out, '-');
                  g_string_append_c (out, to);
                  i += 2;
                }
              empty = FALSE;
            }
          if (empty)
            return NULL;
          g_string_append_c (out, ']');
          i++;
          after_atom = TRUE;
        }
      else if (c == '+' || c == '*' || c == '?')
        {
          if (!after_atom)
            return NULL;
          g_string_append_c (out, c);
          i++;
          after_atom = FALSE;
        }
      else if (c == '{')
        {
          gsize start = i;

          if (!after_atom || !g_ascii_isdigit (pattern[i + 1]))
            return NULL;
          for (i++; g_ascii_isdigit (pattern[i]); i++);
          if (pattern[i] == ',')
            for (i++; g_ascii_isdigit (pattern[i]); i++);
          if (pattern[i] != '}' || i - start > 12)
            return NULL;
          i++;
          g_string_append_len (out, pattern + start, i - start);
          after_atom = FALSE;
        }
      else
        {
          if (!copy_char (pattern, &i, FALSE, out))
            return NULL;
          after_atom = TRUE;
        }
    }
  g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The patterns of ValueChecks for an XML Schema @pattern, if PCRE reads it
 * alike: for one value, and for a list of values each followed by
 * LIST_END, which matching a hundred values at a time spares GLib's
 * overhead on each (more than PCRE's own work on a short value). */
static void
compile_fast_patterns (ValueChecks *checks,
                       ValueKind    kind,
                       const char  *pattern)
{
  g_autofree char *translated = translate_pattern (pattern);
  g_autofree char *one = NULL;
  g_autofree char *list = NULL;

  if (translated == NULL)
    return;
  one = g_strdup_printf ("\\A%s\\z", translated);
  list = g_strdup_printf ("\\A(?:%s\\x%02x)*\\z", translated, LIST_END);
  checks->fast_pattern[kind] = g_regex_new (one, G_REGEX_OPTIMIZE, 0, NULL);
  checks->fast_list[kind] = g_regex_new (list, G_REGEX_OPTIMIZE, 0, NULL);
  if (checks->fast_pattern[kind] == NULL || checks->fast_list[kind] == NULL)
    {
      g_clear_pointer (&checks->fast_pattern[kind], g_regex_unref);
      g_clear_pointer (&checks->fast_list[kind], g_regex_unref);
    }
}

/* Reads <define name="KIND"><data type="string"><param …/>…</data></define>
 * into @checks; FALSE if it says anything else. */
static gboolean
read_value_define (ValueChecks *checks,
                   ValueKind    kind,
                   xmlNodePtr   define)
{
  xmlNodePtr data = first_element_child (define);
  g_autofree xmlChar *type = NULL;
  g_autofree xmlChar *library = NULL;
  gboolean have_pattern = FALSE;

  if (data == NULL || !is_rng (data, "data"))
    return FALSE;
  for (xmlNodePtr n = data->next; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return FALSE;
  /* <data type="string"/> of XML Schema's datatypes, inherited from above. */
  type = xmlGetProp (data, BAD_CAST "type");
  if (type == NULL || !xmlStrEqual (type, BAD_CAST "string") || data->properties->next != NULL)
    return FALSE;
  for (xmlNodePtr n = define; n != NULL && n->type == XML_ELEMENT_NODE && library == NULL;
       n = n->parent)
    library = xmlGetProp (n, BAD_CAST "datatypeLibrary");
  if (library == NULL ||
      !xmlStrEqual (library, BAD_CAST "http://www.w3.org/2001/XMLSchema-datatypes"))
    return FALSE;

  for (xmlNodePtr param = data->children; param != NULL; param = param->next)
    {
      g_autofree xmlChar *name = NULL;
      g_autofree xmlChar *value = NULL;
      char *end;

      if (param->type != XML_ELEMENT_NODE)
        continue;
      if (!is_rng (param, "param"))
        return FALSE;
      name = xmlGetProp (param, BAD_CAST "name");
      value = xmlNodeGetContent (param);
      if (name == NULL || value == NULL)
        return FALSE;
      if (xmlStrEqual (name, BAD_CAST "pattern"))
        {
          /* The same regular expression engine libxml2 checks patterns
           * with (XML Schema's flavour), compiled once instead of per value. */
          if (have_pattern || (checks->pattern[kind] = xmlRegexpCompile (value)) == NULL)
            return FALSE;
          compile_fast_patterns (checks, kind, (const char *)value);
          have_pattern = TRUE;
        }
      else if (xmlStrEqual (name, BAD_CAST "minLength") ||
               xmlStrEqual (name, BAD_CAST "maxLength"))
        {
          gint64 n = g_ascii_strtoll ((const char *)value, &end, 10);

          if (*value == '\0' || *end != '\0' || n < 0 || n > G_MAXINT)
            return FALSE;
          if (name[1] == 'i')
            checks->min_length[kind] = n;
          else
            checks->max_length[kind] = n;
        }
      else
        return FALSE;
    }
  /* The uid's message says "at most 64". */
  if (kind == VALUE_UID && (checks->min_length[kind] != 1 || checks->max_length[kind] != 64))
    return FALSE;
  /* Each kind has its pattern, but text; the messages say so. */
  return have_pattern == (kind != VALUE_TEXT);
}

/* Finds, for every <attribute name="A"><ref name="KIND"/></attribute> inside
 * <element name="E">, that A of E is a KIND; counts every ref to a KIND. */
static gboolean
collect_value_attributes (ValueChecks *checks,
                          xmlNodePtr   node,
                          const char  *element,
                          guint       *n_refs)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree xmlChar *name = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      name = xmlGetProp (child, BAD_CAST "name");

      /* What these few lines cannot follow: give up. */
      if (is_rng (child, "parentRef") || is_rng (child, "externalRef") ||
          is_rng (child, "include") || (is_rng (child, "grammar") && element != NULL))
        return FALSE;
      if (is_rng (child, "element"))
        {
          /* An element named by a name class, or in another namespace,
           * cannot be looked up by its local name. */
          if (name == NULL || child->properties->next != NULL)
            return FALSE;
          if (!collect_value_attributes (checks, child, (const char *)name, n_refs))
            return FALSE;
          continue;
        }
      if (is_rng (child, "attribute"))
        {
          xmlNodePtr content = first_element_child (child);
          g_autofree xmlChar *ref = NULL;
          int kind;

          if (content == NULL || !is_rng (content, "ref"))
            {
              if (!collect_value_attributes (checks, child, element, n_refs))
                return FALSE;
              continue;
            }
          ref = xmlGetProp (content, BAD_CAST "name");
          kind = value_kind_from_name (ref);
          if (kind < 0)
            continue;
          if (element == NULL || name == NULL || child->properties->next != NULL ||
              content->next != NULL)
            return FALSE;
          {
            GHashTable *attributes = g_hash_table_lookup (checks->elements, element);
            gpointer known;

            if (attributes == NULL)
              {
                attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                g_hash_table_insert (checks->elements, g_strdup (element), attributes);
              }
            /* The same attribute of the same element with two kinds: give up. */
            if (g_hash_table_lookup_extended (attributes, name, NULL, &known) &&
                GPOINTER_TO_INT (known) != kind + 1)
              return FALSE;
            g_hash_table_insert (attributes, g_strdup ((const char *)name),
                                 GINT_TO_POINTER (kind + 1));
            (*n_refs)++;
          }
          continue;
        }
      if (is_rng (child, "ref") && value_kind_from_name (name) >= 0)
        return FALSE;   /* a KIND used other than as an attribute's whole value */
      if (!collect_value_attributes (checks, child, element, n_refs))
        return FALSE;
    }
  return TRUE;
}

static guint
count_value_refs (xmlNodePtr node)
{
  guint n = 0;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (child, "ref"))
        {
          g_autofree xmlChar *name = xmlGetProp (child, BAD_CAST "name");
          n += value_kind_from_name (name) >= 0;
        }
      n += count_value_refs (child);
    }
  return n;
}

/* Moves the parameters of the five defines out of @doc into the returned
 * checks; NULL (and @doc untouched) if the schema is not as expected. */
static ValueChecks *
streamline_schema (xmlDocPtr doc)
{
  g_autoptr(ValueChecks) checks = g_new0 (ValueChecks, 1);
  xmlNodePtr grammar = xmlDocGetRootElement (doc);
  xmlNodePtr defines[N_VALUE_KINDS] = { NULL };
  guint n_refs = 0;

  if (grammar == NULL || !is_rng (grammar, "grammar"))
    return NULL;
  for (int k = 0; k < N_VALUE_KINDS; k++)
    {
      checks->min_length[k] = -1;
      checks->max_length[k] = -1;
    }
  checks->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_hash_table_unref);

  for (xmlNodePtr child = grammar->children; child != NULL; child = child->next)
    {
      g_autofree xmlChar *name = NULL;
      int kind;

      if (!is_rng (child, "define"))
        continue;
      name = xmlGetProp (child, BAD_CAST "name");
      if ((kind = value_kind_from_name (name)) < 0)
        continue;
      if (defines[kind] != NULL || xmlHasProp (child, BAD_CAST "combine") ||
          !read_value_define (checks, kind, child))
        return NULL;
      defines[kind] = child;
    }
  for (int k = 0; k < N_VALUE_KINDS; k++)
    if (defines[k] == NULL)
      return NULL;

  if (!collect_value_attributes (checks, grammar, NULL, &n_refs) ||
      n_refs != count_value_refs (grammar))
    return NULL;

  for (int k = 0; k < N_VALUE_KINDS; k++)
    {
      xmlNodePtr data = first_element_child (defines[k]);

      xmlUnlinkNode (data);
      xmlFreeNode (data);
      xmlNewChild (defines[k], defines[k]->ns, BAD_CAST "text", NULL);
    }
  return g_steal_pointer (&checks);
}

/* Whether @value is a @kind, by the rules read from the schema; the
 * pattern is known to hold if @pattern_holds. */
gboolean
value_is_valid (const ValueChecks *checks,
                ValueKind          kind,
                const char        *value,
                gboolean           pattern_holds)
{
  gint64 min = checks->min_length[kind], max = checks->max_length[kind];
  gint64 bytes = strlen (value);

  /* Lengths count characters, of one to four bytes each: counting them is
   * needed only where the byte count does not settle it. */
  if ((min >= 0 && bytes < min) ||
      (min >= 0 && bytes < 4 * min && g_utf8_strlen (value, bytes) < min) ||
      (max >= 0 && bytes > max && g_utf8_strlen (value, bytes) > max))
    return FALSE;

  if (pattern_holds)
    return TRUE;
  if (checks->fast_pattern[kind] != NULL)
    return g_regex_match (checks->fast_pattern[kind], value, 0, NULL);
  return checks->pattern[kind] == NULL ||
         xmlRegexpExec (checks->pattern[kind], BAD_CAST value) == 1;
}

/* At most 80 characters of @value, for a message. */
static char *
shorten (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, 4 * 81) <= 80)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, 79);
  return g_strconcat (start, "…", NULL);
}

/* Why @value of attribute @name is not a @kind: the CSV importer's messages
 * for the same rules. */
char *
value_problem (const ValueChecks *checks,
               ValueKind          kind,
               const char        *name,
               const char        *value)
{
  g_autofree char *shown = shorten (value);

  switch (kind)
    {
    case VALUE_UID:
      return g_strdup_printf (_("the uid “%s” may only hold letters, digits and . _ : - (at most 64)"),
                              shown);
    case VALUE_TEXT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is longer than %u character",
                                           "%s is longer than %u characters",
                                           checks->max_length[kind]),
                              name, (guint)checks->max_length[kind]);
    case VALUE_COUNTRY:
      return g_strdup_printf (_("the country “%s” is not a two-letter ISO 3166 code such as PL or TW"),
                              shown);
    case VALUE_INSTANT:
      return g_strdup_printf (_("“%s” is not a valid time for %s"), shown, name);
    case VALUE_DAY:
      return g_strdup_printf (_("“%s” is not a valid date for %s"), shown, name);
    case N_VALUE_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The built-in schema, and in @checks what import must check itself (see
 * ValueChecks): with @streamline, a schema without those checks. */
xmlRelaxNGPtr
load_schema (gboolean      streamline,
             ValueChecks **checks,
             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize size;
  const char *data;

  *checks = NULL;
  bytes = g_resource_lookup_data (summit_core_get_resource (), DATA_PATH "summit-planner.rng",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  /* Our own file, built in: no network, no entities, nothing from outside. */
  doc = xmlReadMemory (data, (int)size, "summit-planner.rng", NULL, XML_PARSE_NONET);
  if (doc != NULL && streamline)
    *checks = streamline_schema (doc);
  /* The parser works on a copy of doc. */
  parser = doc ? xmlRelaxNGNewDocParserCtxt (doc) : NULL;
  schema = parser ? xmlRelaxNGParse (parser) : NULL;
  if (parser != NULL)
    xmlRelaxNGFreeParserCtxt (parser);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (schema == NULL)
    {
      g_clear_pointer (checks, value_checks_free);
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_INVALID,
                   "The built-in schema could not be read");
    }
  return schema;
}

/**
 * summit_xml_schema_is_streamlined:
 *
 * For tests: whether imports check the values of the schema's uid, text,
 * country, instant and day defines themselves (see ValueChecks in
 * summit-xml.c), or — if the schema holds anything those checks do not
 * cover — leave everything to libxml2.
 */
gboolean
summit_xml_schema_is_streamlined (void)
{
  g_autoptr(ValueChecks) checks = NULL;
  xmlRelaxNGPtr schema = load_schema (TRUE, &checks, NULL);

  if (schema != NULL)
    xmlRelaxNGFree (schema);
  return checks != NULL;
}
