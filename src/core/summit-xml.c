/* summit-xml.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import of the Summit Planner XML format (data/summit-planner.rng).
 *
 * Files come from strangers, so the rules of PLATFORM.md apply: a streaming
 * xmlTextReader, no entity substitution, no DTD loading, no network, the
 * default depth and size limits (never XML_PARSE_HUGE), any DOCTYPE refused,
 * RelaxNG validation while reading. Everything is written in one transaction
 * that is rolled back on the first problem, reported as FILE:LINE:COL.
 */
#define G_LOG_DOMAIN "summit-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "summit-file.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-store-import.h"
#include "summit-statistics.h"
#include "summit-text.h"
#include "summit-time.h"
#include "summit-xml-private.h"

G_DEFINE_QUARK (summit-xml-error-quark, summit_xml_error)

/* Checks the values of @row in the file's order, as import_reader() once
 * did while reading them: by the rules of @checks (NULL: libxml2 has) for
 * the attributes of @kinds — the patterns of those that @patterns_hold
 * (NULL: none) known to hold — and the times as times, which it stores in
 * @created and @updated (0 where absent); then the person as a whole, by
 * the person's own validation. Returns NULL, or why the first value that
 * fails does. */
char *
person_row_problem (const ValueChecks *checks,
                    const int         *kinds,
                    const gboolean    *patterns_hold,
                    const PersonRow   *row,
                    gint64            *created,
                    gint64            *updated)
{
  g_autoptr(GError) error = NULL;

  *created = *updated = 0;
  for (guint i = 0; i < row->n_present; i++)
    {
      guint slot = row->order[i];
      const char *value = row->values[slot];
      gint64 *instant = slot == SUMMIT_PERSON_ATTRIBUTE_CREATED ? created
                        : slot == SUMMIT_PERSON_ATTRIBUTE_UPDATED ? updated
                        : NULL;

      if (checks != NULL && kinds[slot] >= 0 &&
          !value_is_valid (checks, kinds[slot], value, patterns_hold && patterns_hold[slot]))
        return value_problem (checks, kinds[slot], summit_person_attribute_name (slot), value);
      if (instant != NULL && !summit_time_parse_instant (value, instant))
        return g_strdup_printf (_("“%s” is not a valid time for %s"), value,
                                summit_person_attribute_name (slot));
    }
  if (!summit_person_validate_values (row->values, NULL, &error))
    return g_strdup (error->message);
  return NULL;
}

/* FILE:LINE:COL: @message, or FILE:LINE: where @column is not known. */
GError *
located_error (int         code,
               const char *name,
               int         line,
               int         column,
               const char *message)
{
  g_autofree char *flat = g_strdelimit (g_strdup (message), "\r\n", ' ');

  /* One line, even where the message quotes a value of several. */
  message = flat;
  if (column > 0)
    return g_error_new (SUMMIT_XML_ERROR, code, "%s:%d:%d: %s", name, line, column, message);
  return g_error_new (SUMMIT_XML_ERROR, code, "%s:%d: %s", name, line, message);
}

/* Auxiliary methods */

void
fail_at (ImportContext *ctx,
         int            code,
         int            line,
         int            column,
         const char    *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strchomp (message);
  ctx->error = located_error (code, ctx->name, line, column, message);
}

/* Where the reader is: on an element (or one of its attributes), the line
 * of its start tag, without a column (libxml2 keeps none for nodes, and the
 * parser itself is already further on); elsewhere the parser's position. */
static void
where (ImportContext *ctx,
       int           *line,
       int           *column)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (ctx->reader);
  long node_line;

  if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
    node = node->parent;
  if (node != NULL && node->type == XML_ELEMENT_NODE && (node_line = xmlGetLineNo (node)) > 0)
    {
      *line = (int)MIN (node_line, G_MAXINT);
      *column = 0;
      return;
    }
  *line = xmlTextReaderGetParserLineNumber (ctx->reader);
  *column = xmlTextReaderGetParserColumnNumber (ctx->reader);
}

#define fail(ctx, code, ...) \
  G_STMT_START { \
    int fail_line_, fail_column_; \
    where ((ctx), &fail_line_, &fail_column_); \
    fail_at ((ctx), (code), fail_line_, fail_column_, __VA_ARGS__); \
  } G_STMT_END

static void
propagate_store_error (ImportContext *ctx,
                       GError        *store_error)
{
  /* A problem of the database is not reported at a line of the file. */
  if (is_database_error (store_error))
    {
      if (ctx->error == NULL)
        ctx->error = g_error_copy (store_error);
      return;
    }
  fail (ctx, SUMMIT_XML_ERROR_INVALID, "%s", store_error->message);
}

/* An attribute's value, or NULL if absent. Free with xmlFree. */
static char *
attr (ImportContext *ctx,
      const char    *name)
{
  return (char *)xmlTextReaderGetAttribute (ctx->reader, (const xmlChar *)name);
}

static gboolean
parse_instant (ImportContext *ctx,
               const char    *name,
               const char    *text,
               gint64        *out)
{
  if (!summit_time_parse_instant (text, out))
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("“%s” is not a valid time for %s"), text, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_day (ImportContext *ctx,
           const char    *name,
           const char    *text)
{
  int y, m, d;

  if (text == NULL)
    return TRUE;
  if (!summit_time_parse_date (text, &y, &m, &d))
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("“%s” is not a valid date for %s"), text, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_text (const char *value)
{
  return value != NULL && *value != '\0';
}

/* 0 the first time @kind:@key is seen in the file (noting the line the
 * reader is on), else the line it was first seen on. */
static int
first_seen (ImportContext *ctx,
            const char    *kind,
            const char    *key)
{
  g_autofree char *full = g_strconcat (kind, ":", key ? key : "", NULL);
  gpointer first;
  int line, column;

  if (g_hash_table_lookup_extended (ctx->seen, full, NULL, &first))
    return GPOINTER_TO_INT (first);
  where (ctx, &line, &column);
  g_hash_table_insert (ctx->seen, g_steal_pointer (&full), GINT_TO_POINTER (MAX (line, 1)));
  return 0;
}

static gint64
lookup_person (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = attr (ctx, "person");
  gint64 id;

  id = summit_store_lookup_person (ctx->store, uid, &error);
  if (id == 0)
    fail (ctx, SUMMIT_XML_ERROR_REFERENCE,
          _("refers to the person “%s”, who is not in the file or the database"), uid);
  return id;
}

/* Elements */

/* The kind of value attribute @name of an element holds, or -1: looked up
 * by address in @interned (names from the reader's dictionary), else by
 * text in @attributes (both from ctx->checks, for that element). */
static int
value_kind (GHashTable *attributes,
            GHashTable *interned,
            const char *name)
{
  int kind = GPOINTER_TO_INT (interned ? g_hash_table_lookup (interned, name) : NULL) - 1;

  if (kind < 0 && attributes != NULL)
    kind = GPOINTER_TO_INT (g_hash_table_lookup (attributes, name)) - 1;
  return kind;
}

/* Says why @value of attribute @name is not a @kind. */
static void
report_value (ImportContext *ctx,
              ValueKind      kind,
              const char    *name,
              const char    *value)
{
  g_autofree char *problem = value_problem (ctx->checks, kind, name, value);

  fail (ctx, SUMMIT_XML_ERROR_INVALID, "%s", problem);
}

/* The checks that load_schema() took out of the schema, on the attributes
 * of the element the reader is on. */
static gboolean
check_values (ImportContext *ctx,
              const char    *element)
{
  GHashTable *attributes;
  GHashTable *interned;

  if (ctx->checks == NULL ||
      (attributes = g_hash_table_lookup (ctx->checks->elements, element)) == NULL ||
      xmlTextReaderMoveToFirstAttribute (ctx->reader) != 1)
    return TRUE;
  interned = g_hash_table_lookup (ctx->interned_checks, element);

  do
    {
      const char *name = (const char *)xmlTextReaderConstLocalName (ctx->reader);
      const char *value = (const char *)xmlTextReaderConstValue (ctx->reader);
      int kind;

      /* Namespace declarations and attributes in a namespace are not ours. */
      if (xmlTextReaderConstNamespaceUri (ctx->reader) != NULL || value == NULL)
        continue;
      kind = value_kind (attributes, interned, name);
      if (kind >= 0 && !value_is_valid (ctx->checks, kind, value, FALSE))
        {
          report_value (ctx, kind, name, value);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1);
  xmlTextReaderMoveToElement (ctx->reader);
  return ctx->error == NULL;
}

/* The PersonRow slot of attribute @name of a person, or -1: by address,
 * as the reader's names come from its dictionary, then — should one not —
 * by text. */
static int
person_slot (ImportContext *ctx,
             const xmlChar *name)
{
  for (int i = 0; i < SUMMIT_PERSON_N_ATTRIBUTES; i++)
    if (name == ctx->slot_names[i])
      return i;
  for (int i = 0; i < SUMMIT_PERSON_N_ATTRIBUTES; i++)
    if (xmlStrEqual (name, BAD_CAST summit_person_attribute_name (i)))
      return i;
  return -1;
}

/* Fails with the first problem of @row's values, if it has one: the
 * writer would find it, and it comes first in the file. */
static gboolean
fail_on_row_values (ImportContext   *ctx,
                    const PersonRow *row)
{
  g_autofree char *problem = NULL;
  gint64 created, updated;

  problem = person_row_problem (ctx->checks, ctx->writer.kinds, NULL, row, &created, &updated);
  if (problem == NULL)
    return FALSE;
  fail_at (ctx, SUMMIT_XML_ERROR_INVALID, row->tag_line, row->tag_column, "%s", problem);
  return TRUE;
}

/* Copies a person's attributes into the writer's batch. Their values are
 * checked — by the schema's rules, the times as times, the person's own
 * validation — by the writer thread (see write_row()): the reader, parsing
 * and validating the structure, has the larger share of an import's work.
 * Only what needs the reader's state is checked here. */
static void
read_person (ImportContext *ctx)
{
  Batch *batch = writer_batch (&ctx->writer);
  PersonRow row = { { NULL } };
  GError *error;

  row.line = xmlTextReaderGetParserLineNumber (ctx->reader);
  row.column = xmlTextReaderGetParserColumnNumber (ctx->reader);
  where (ctx, &row.tag_line, &row.tag_column);

  /* One pass over the attributes, rather than looking each up by name.
   * Each value is copied into the batch as it comes: the reader may reuse
   * its memory for the next. */
  if (xmlTextReaderMoveToFirstAttribute (ctx->reader) == 1)
    {
      gboolean ok = TRUE;

      do
        {
          const xmlChar *name = xmlTextReaderConstLocalName (ctx->reader);
          const char *value = (const char *)xmlTextReaderConstValue (ctx->reader);
          int slot, kind;

          if (value == NULL || xmlTextReaderConstNamespaceUri (ctx->reader) != NULL)
            continue;
          if ((slot = person_slot (ctx, name)) >= 0)
            {
              gsize len = strlen (value);

              row.values[slot] = g_string_chunk_insert_len (batch->chunk, value, len);
              row.lengths[slot] = (int)len;
              row.order[row.n_present++] = slot;
              batch->bytes += len + 1;
            }
          /* Should the schema check an attribute import does not keep. */
          else if (ctx->checks != NULL &&
                   (kind = value_kind (ctx->person_checks, ctx->person_interned,
                                       (const char *)name)) >= 0 &&
                   !value_is_valid (ctx->checks, kind, value, FALSE))
            {
              if (!fail_on_row_values (ctx, &row))
                report_value (ctx, kind, (const char *)name, value);
              ok = FALSE;
            }
        }
      while (ok && xmlTextReaderMoveToNextAttribute (ctx->reader) == 1);
      xmlTextReaderMoveToElement (ctx->reader);
      if (!ok)
        return;
    }

  if (has_text (row.values[SUMMIT_PERSON_UID]))
    {
      int first = first_seen (ctx, "person", row.values[SUMMIT_PERSON_UID]);

      if (first > 0)
        {
          if (!fail_on_row_values (ctx, &row))
            fail (ctx, SUMMIT_XML_ERROR_INVALID,
                  _("the person “%s” is already in this file, on line %d"),
                  row.values[SUMMIT_PERSON_UID], first);
          return;
        }
    }

  g_array_append_val (batch->rows, row);
  if ((batch->rows->len >= BATCH_ROWS || batch->bytes >= BATCH_BYTES) &&
      (error = writer_flush (&ctx->writer)) != NULL)
    {
      if (ctx->error == NULL)
        ctx->error = error;
      else
        g_error_free (error);
    }
}

static void
read_edition (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year = attr (ctx, "year");
  g_autofree char *theme = attr (ctx, "theme");
  g_autofree char *host_city = attr (ctx, "host-city");
  g_autofree char *host_country = attr (ctx, "host-country");
  g_autofree char *timezone = attr (ctx, "timezone");
  g_autofree char *format = attr (ctx, "format");
  g_autofree char *start_date = attr (ctx, "start-date");
  g_autofree char *end_date = attr (ctx, "end-date");
  SummitEditionFormat fmt = SUMMIT_EDITION_IN_PERSON;
  int first;

  if ((first = first_seen (ctx, "edition", year)) > 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID,
            _("the edition of %s is already in this file, on line %d"), year, first);
      return;
    }
  if (!parse_day (ctx, "start-date", start_date) ||
      !parse_day (ctx, "end-date", end_date))
    return;

  g_clear_object (&ctx->edition);
  ctx->edition = summit_edition_new (atoi (year));
  summit_edition_set_theme (ctx->edition, theme);
  summit_edition_set_host_city (ctx->edition, host_city);
  summit_edition_set_host_country (ctx->edition, host_country);
  summit_edition_set_timezone (ctx->edition, timezone ? timezone : "UTC");
  if (format)
    summit_edition_format_from_string (format, &fmt);
  summit_edition_set_format (ctx->edition, fmt);
  summit_edition_set_dates (ctx->edition, start_date, end_date);
  if (!summit_edition_validate (ctx->edition, &error))
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, "%s", error->message);
      return;
    }

  if (!summit_store_merge_edition (ctx->store, ctx->edition,
                                   &ctx->report->counts[SUMMIT_IMPORT_EDITIONS], &error))
    propagate_store_error (ctx, error);
}

static void
insert_event (ImportContext *ctx,
              gint64         at,
              const char    *from,
              const char    *to,
              const char    *channel,
              const char    *note)
{
  g_autoptr(GError) error = NULL;

  if ((from != NULL && !summit_invitation_validate_event (from, NULL, NULL, &error)) ||
      !summit_invitation_validate_event (to, channel, note, &error))
    return propagate_store_error (ctx, error);

  if (!summit_store_merge_invitation_event (ctx->store, ctx->invitation_id, at, from, to, channel,
                                            note, &ctx->invitation_change, &error))
    return propagate_store_error (ctx, error);
}

static void
read_invitation (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = attr (ctx, "status");
  g_autofree char *person = attr (ctx, "person");
  g_autofree char *key = g_strdup_printf ("%d:%s", summit_edition_get_year (ctx->edition),
                                          person ? person : "");
  gint64 person_id;
  int first;

  if ((first = first_seen (ctx, "invitation", key)) > 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID,
            _("the invitation of “%s” to the %d edition is already in this file, on line %d"),
            person ? person : "", summit_edition_get_year (ctx->edition), first);
      return;
    }
  if ((person_id = lookup_person (ctx)) == 0)
    return;
  summit_invitation_status_from_string (status, &ctx->invitation_status);

  if (!summit_store_merge_invitation (ctx->store, person_id, summit_edition_get_id (ctx->edition),
                                      status, ctx->now, &ctx->invitation_change,
                                      &ctx->invitation_id, &error))
    return propagate_store_error (ctx, error);

  ctx->invitation_events = 0;
}

static void
end_invitation (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  gboolean has_events;

  /* An invitation given without history still gets one line of it. */
  if (ctx->invitation_events == 0)
    {
      if (!summit_store_invitation_has_events (ctx->store, ctx->invitation_id, &has_events,
                                               &error))
        return propagate_store_error (ctx, error);
      if (!has_events)
        insert_event (ctx, ctx->now, NULL,
                      summit_invitation_status_to_string (ctx->invitation_status), "",
                      _("Imported"));
    }

  /* The invitation's time of last change is that of its latest event. */
  if (!summit_store_touch_invitation (ctx->store, ctx->invitation_id, &error))
    return propagate_store_error (ctx, error);
  ctx->invitation_id = 0;

  switch (ctx->invitation_change)
    {
    case SUMMIT_MERGE_UNCHANGED: ctx->report->counts[SUMMIT_IMPORT_INVITATIONS].unchanged++; break;
    case SUMMIT_MERGE_ADDED: ctx->report->counts[SUMMIT_IMPORT_INVITATIONS].added++; break;
    case SUMMIT_MERGE_UPDATED: ctx->report->counts[SUMMIT_IMPORT_INVITATIONS].updated++; break;
    default: break;
    }
}

static void
read_event (ImportContext *ctx)
{
  g_autofree char *at = attr (ctx, "at");
  g_autofree char *from = attr (ctx, "from");
  g_autofree char *to = attr (ctx, "to");
  g_autofree char *channel = attr (ctx, "channel");
  g_autofree char *note = attr (ctx, "note");
  gint64 when;

  if (ctx->invitation_id == 0 || !parse_instant (ctx, "at", at, &when))
    return;
  insert_event (ctx, when, from, to, channel, note);
  ctx->invitation_events++;
}

static void
read_session (ImportContext *ctx)
{
  g_autofree char *uid = attr (ctx, "uid");
  g_autofree char *kind = attr (ctx, "kind");
  g_autofree char *title = attr (ctx, "title");
  g_autofree char *start = attr (ctx, "start");
  g_autofree char *day = attr (ctx, "day");
  g_autofree char *duration = attr (ctx, "duration");
  g_autofree char *room = attr (ctx, "room");
  g_autofree char *description = attr (ctx, "description");
  g_autofree char *end_confirmed = attr (ctx, "end-confirmed");
  g_autofree char *room_confirmed = attr (ctx, "room-confirmed");
  SummitPanelKind panel_kind = SUMMIT_PANEL_DISCUSSION;
  gint64 start_utc;
  int first;

  g_clear_object (&ctx->panel);
  if ((first = first_seen (ctx, "session", uid)) > 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID,
            _("the session “%s” is already in this file, on line %d"), uid ? uid : "", first);
      return;
    }
  ctx->panel = summit_panel_new ();
  summit_panel_set_uid (ctx->panel, uid);
  summit_panel_set_edition_id (ctx->panel, summit_edition_get_id (ctx->edition));
  summit_panel_kind_from_string (kind, &panel_kind);
  summit_panel_set_kind (ctx->panel, panel_kind);
  summit_panel_set_title (ctx->panel, title);
  if (start != NULL)
    {
      if (!parse_instant (ctx, "start", start, &start_utc))
        return;
      summit_panel_set_start (ctx->panel, start_utc);
    }
  if (!parse_day (ctx, "day", day))
    return;
  summit_panel_set_day (ctx->panel, day);
  /* The schema says only that it is a whole number: the session's own
   * check says what is wrong with one out of range. */
  summit_panel_set_duration (ctx->panel,
                             duration ? (int)CLAMP (g_ascii_strtoll (duration, NULL, 10),
                                                    G_MININT, G_MAXINT)
                                      : SUMMIT_PANEL_DEFAULT_DURATION);
  summit_panel_set_room (ctx->panel, room);
  summit_panel_set_description (ctx->panel, description);
  /* A file that does not say the end was given gave a default. */
  summit_panel_set_end_confirmed (ctx->panel, g_strcmp0 (end_confirmed, "true") == 0);
  summit_panel_set_room_confirmed (ctx->panel, g_strcmp0 (room_confirmed, "true") == 0);
}

static void
read_member (ImportContext *ctx)
{
  g_autofree char *role = attr (ctx, "role");
  SummitPanelMember member = { 0 };

  if (ctx->panel == NULL || (member.person_id = lookup_person (ctx)) == 0)
    return;
  for (guint i = 0; i < summit_panel_get_n_members (ctx->panel); i++)
    if (summit_panel_get_member (ctx->panel, i)->person_id == member.person_id)
      {
        fail (ctx, SUMMIT_XML_ERROR_INVALID, _("the same person is twice in one lineup"));
        return;
      }
  summit_role_from_string (role, &member.role);
  summit_panel_append_member (ctx->panel, &member);
}

static void
end_session (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->panel == NULL)
    return;
  if (!summit_panel_validate (ctx->panel, NULL, &error))
    return propagate_store_error (ctx, error);

  /* A session already known by its uid is replaced as a whole, if it
   * differs at all. */
  if (!summit_store_merge_panel (ctx->store, ctx->panel,
                                 &ctx->report->counts[SUMMIT_IMPORT_SESSIONS], &error))
    return propagate_store_error (ctx, error);

  g_clear_object (&ctx->panel);
}

static void
read_statistic (ImportContext *ctx)
{
  g_autoptr(SummitYearStatistic) stat = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = attr (ctx, "year");
  g_autofree char *kind = attr (ctx, "kind");
  g_autofree char *overseas = attr (ctx, "overseas-mayors");
  g_autofree char *lower_bound = attr (ctx, "lower-bound");
  g_autofree char *domestic = attr (ctx, "domestic-mayors");
  g_autofree char *countries = attr (ctx, "countries");
  g_autofree char *source = attr (ctx, "source");
  SummitFigureKind figure = SUMMIT_FIGURE_MISSING;
  int first;

  if ((first = first_seen (ctx, "statistic", year)) > 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID,
            _("the figures for %s are already in this file, on line %d"), year, first);
      return;
    }
  summit_figure_kind_from_string (kind, &figure);
  stat = summit_year_statistic_new (atoi (year), figure);
  summit_year_statistic_set_overseas (stat, overseas ? atoi (overseas) : -1);
  summit_year_statistic_set_lower_bound (stat, g_strcmp0 (lower_bound, "true") == 0);
  summit_year_statistic_set_domestic (stat, domestic ? atoi (domestic) : -1);
  summit_year_statistic_set_countries (stat, countries ? atoi (countries) : -1);
  summit_year_statistic_set_source (stat, source);

  if (!summit_store_merge_year_statistic (ctx->store, stat,
                                          &ctx->report->counts[SUMMIT_IMPORT_STATISTICS], &error))
    propagate_store_error (ctx, error);
}

/* Waits for the writer to have written everything handed to it; FALSE (and
 * the first error kept) if it could not. */
static gboolean
catch_up_writer (ImportContext *ctx)
{
  GError *error = writer_sync (&ctx->writer);

  if (error == NULL)
    return TRUE;
  if (ctx->error == NULL)
    ctx->error = error;
  else
    g_error_free (error);
  return FALSE;
}

static void
start_element (ImportContext *ctx)
{
  const char *name = (const char *)xmlTextReaderConstLocalName (ctx->reader);
  const char *ns = (const char *)xmlTextReaderConstNamespaceUri (ctx->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (ctx->reader) == 1;

  if (g_strcmp0 (ns, SUMMIT_XML_NAMESPACE) != 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID,
            _("<%s> is not in the Summit Planner namespace (%s)"), name, SUMMIT_XML_NAMESPACE);
      return;
    }
  if (strcmp (name, "person") == 0)
    {
      /* read_person() checks the values as it reads them. */
      read_person (ctx);
      return;
    }

  if (!check_values (ctx, name))
    return;

  /* Everything else may look people up: the writer first catches up. */
  if (!catch_up_writer (ctx))
    return;

  if (strcmp (name, "edition") == 0)
    read_edition (ctx);
  else if (strcmp (name, "invitation") == 0 && ctx->edition != NULL)
    {
      read_invitation (ctx);
      if (empty && ctx->error == NULL)
        end_invitation (ctx);
    }
  else if (strcmp (name, "event") == 0)
    read_event (ctx);
  else if (strcmp (name, "session") == 0 && ctx->edition != NULL)
    {
      read_session (ctx);
      if (empty && ctx->error == NULL)
        end_session (ctx);
    }
  else if (strcmp (name, "member") == 0)
    read_member (ctx);
  else if (strcmp (name, "statistic") == 0)
    read_statistic (ctx);
}

static void
end_element (ImportContext *ctx)
{
  const char *name = (const char *)xmlTextReaderConstLocalName (ctx->reader);

  if (!catch_up_writer (ctx))
    return;

  if (strcmp (name, "invitation") == 0 && ctx->invitation_id != 0)
    end_invitation (ctx);
  else if (strcmp (name, "session") == 0)
    end_session (ctx);
  else if (strcmp (name, "edition") == 0)
    g_clear_object (&ctx->edition);
}

/* Keys ctx->checks by the names of the reader's dictionary, which the
 * reader's attribute names are compared with by address first. */
static void
intern_checks (ImportContext *ctx)
{
  const ValueChecks *checks = ctx->checks;
  xmlTextReaderPtr reader = ctx->reader;

  ctx->interned_checks = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                (GDestroyNotify)g_hash_table_unref);
  if (checks != NULL)
    {
      GHashTableIter iter;
      gpointer element, attributes;

      g_hash_table_iter_init (&iter, checks->elements);
      while (g_hash_table_iter_next (&iter, &element, &attributes))
        {
          GHashTable *interned = g_hash_table_new (g_direct_hash, g_direct_equal);
          GHashTableIter inner;
          gpointer attribute, kind;

          g_hash_table_iter_init (&inner, attributes);
          while (g_hash_table_iter_next (&inner, &attribute, &kind))
            g_hash_table_insert (interned, (gpointer)xmlTextReaderConstString (reader, attribute),
                                 kind);
          g_hash_table_insert (ctx->interned_checks,
                               (gpointer)xmlTextReaderConstString (reader, element), interned);
        }
    }
  if (checks != NULL)
    {
      ctx->person_checks = g_hash_table_lookup (checks->elements, "person");
      ctx->person_interned = g_hash_table_lookup (ctx->interned_checks,
                                                  xmlTextReaderConstString (reader,
                                                                            BAD_CAST "person"));
    }
  for (int i = 0; i < SUMMIT_PERSON_N_ATTRIBUTES; i++)
    ctx->slot_names[i] = xmlTextReaderConstString (reader,
                                                   BAD_CAST summit_person_attribute_name (i));
}

/* Reads the file to its end or its first problem, reporting progress by
 * the share of @size read. */
static void
read_nodes (ImportContext      *ctx,
            goffset             size,
            SummitProgressFunc  progress,
            gpointer            progress_data)
{
  xmlTextReaderPtr reader = ctx->reader;
  guint n_nodes = 0;
  int ret;

  while (ctx->error == NULL && (ret = xmlTextReaderRead (reader)) == 1)
    {
      /* Validation errors arrive with the node that caused them. */
      if (ctx->error != NULL)
        break;

      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          {
            int line, column;

            if (!find_doctype (ctx, &line, &column))
              where (ctx, &line, &column);
            fail_at (ctx, SUMMIT_XML_ERROR_FORBIDDEN, line, column, "%s",
                     _("a DOCTYPE is not allowed in a Summit Planner file"));
          }
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail (ctx, SUMMIT_XML_ERROR_FORBIDDEN, _("entities are not allowed"));
          break;
        case XML_READER_TYPE_ELEMENT:
          start_element (ctx);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          end_element (ctx);
          if (xmlTextReaderDepth (reader) == 0)
            ctx->root_closed = TRUE;
          break;
        default:
          break;
        }

      if (++n_nodes % 4096 == 0)
        {
          if (g_cancellable_is_cancelled (ctx->cancellable))
            ctx->error = g_error_new (SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED,
                                      _("The import was cancelled; nothing was changed"));
          else if (progress != NULL && size > 0)
            progress (MIN (1.0, (double)xmlTextReaderByteConsumed (reader) / size),
                      progress_data);
        }
    }

  if (ctx->error == NULL && ret != 0)
    fail (ctx, SUMMIT_XML_ERROR_INVALID, "%s", _("the file is not well-formed XML"));
  if (ctx->error == NULL && n_nodes == 0)
    fail_at (ctx, SUMMIT_XML_ERROR_INVALID, 1, 0, "%s", _("the file is empty"));
  if (ctx->error == NULL && xmlTextReaderIsValid (reader) != 1)
    fail (ctx, SUMMIT_XML_ERROR_INVALID, "%s",
          _("the file does not follow the Summit Planner format"));
}

/* The writer checks the people the reader has passed: a problem it finds
 * comes earlier in the file than any the reader found since, so it is
 * the one to report (unless the import was cancelled). */
static void
stop_writer (ImportContext *ctx)
{
  GError *writer_error = writer_sync (&ctx->writer);

  if (writer_error != NULL && ctx->error != NULL &&
      g_error_matches (ctx->error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED))
    g_clear_error (&writer_error);
  if (writer_error != NULL)
    {
      g_clear_error (&ctx->error);
      ctx->error = writer_error;
    }
  writer_stop (&ctx->writer);
  ctx->report->counts[SUMMIT_IMPORT_PEOPLE] = ctx->writer.counts;
}

static gboolean
import_reader (SummitStore         *store,
               xmlTextReaderPtr     reader,
               GBytes              *bytes,
               const char          *name,
               goffset              size,
               SummitProgressFunc   progress,
               gpointer             progress_data,
               SummitImportReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  ImportContext ctx = { 0 };
  SummitImportReport local_report = { 0 };
  xmlRelaxNGPtr schema;
  g_autoptr(ValueChecks) checks = NULL;
  xmlStructuredErrorFunc old_error_func;
  void *old_error_data;

  ctx.store = store;
  ctx.reader = reader;
  ctx.bytes = bytes;
  ctx.name = name;
  ctx.cancellable = cancellable;
  ctx.report = &local_report;
  ctx.now = g_get_real_time () / G_USEC_PER_SEC;
  ctx.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((schema = load_schema (TRUE, &checks, error)) == NULL)
    {
      xmlFreeTextReader (reader);
      g_hash_table_unref (ctx.seen);
      return FALSE;
    }

  ctx.checks = checks;
  intern_checks (&ctx);
  xmlTextReaderSetStructuredErrorHandler (reader, structured_error_cb, &ctx);
  /* Some errors (of character conversion, of reading) go to libxml2's
   * global handler, which would print them: they come here too. */
  old_error_func = xmlStructuredError;
  old_error_data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&ctx, structured_error_cb);
  if (xmlTextReaderRelaxNGSetSchema (reader, schema) != 0)
    fail_at (&ctx, SUMMIT_XML_ERROR_INVALID, 0, 0, "%s", _("the schema could not be applied"));

  if (ctx.error == NULL && !summit_store_begin (store, &ctx.error))
    {
      xmlSetStructuredErrorFunc (old_error_data, old_error_func);
      xmlFreeTextReader (reader);
      xmlRelaxNGFree (schema);
      g_hash_table_unref (ctx.seen);
      g_hash_table_unref (ctx.interned_checks);
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  if (ctx.error == NULL)
    writer_start (&ctx.writer, store, name, checks, ctx.now, &ctx.error);

  read_nodes (&ctx, size, progress, progress_data);
  stop_writer (&ctx);
  xmlSetStructuredErrorFunc (old_error_data, old_error_func);

  g_clear_object (&ctx.edition);
  g_clear_object (&ctx.panel);
  g_clear_pointer (&ctx.seen, g_hash_table_unref);
  g_clear_pointer (&ctx.interned_checks, g_hash_table_unref);
  xmlFreeTextReader (reader);
  xmlRelaxNGFree (schema);

  if (ctx.error == NULL && g_cancellable_is_cancelled (cancellable))
    ctx.error = g_error_new (SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED,
                             _("The import was cancelled; nothing was changed"));
  if (ctx.error == NULL)
    summit_store_commit (store, &ctx.error);
  if (ctx.error != NULL)
    {
      summit_store_rollback (store);
      g_propagate_error (error, ctx.error);
      return FALSE;
    }

  if (report != NULL)
    *report = local_report;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* The options of PLATFORM.md: no NOENT, no DTDLOAD/DTDVALID, no HUGE. */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

/* Public API */

/**
 * summit_xml_import_file:
 * @report: (out) (optional): what was added and updated
 *
 * Imports @path in one transaction: all of it, or — with @error set to
 * "FILE:LINE:COL: reason" — nothing.
 */
gboolean
summit_xml_import_file (SummitStore         *store,
                        const char          *path,
                        SummitImportReport  *report,
                        GCancellable        *cancellable,
                        GError             **error)
{
  return summit_xml_import_file_full (store, path, NULL, NULL, report, cancellable, error);
}

/**
 * summit_xml_import_file_full:
 * @progress: (nullable): called from this thread with the share of the file read
 *
 * Like summit_xml_import_file(), reporting progress. Cancelling @cancellable
 * rolls everything back and fails with %SUMMIT_XML_ERROR_CANCELLED.
 */
gboolean
summit_xml_import_file_full (SummitStore         *store,
                             const char          *path,
                             SummitProgressFunc   progress,
                             gpointer             progress_data,
                             SummitImportReport  *report,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlTextReaderPtr reader;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((info = summit_file_query_importable (path, cancellable, &local_error)) == NULL)
    {
      g_set_error_literal (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) == 0)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_INVALID, _("%s:1: the file is empty"),
                   path);
      return FALSE;
    }

  reader = xmlReaderForFile (path, NULL, READER_OPTIONS);
  if (reader == NULL)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, _("%s:1: cannot be read"), path);
      return FALSE;
    }
  return import_reader (store, reader, NULL, path, g_file_info_get_size (info), progress,
                        progress_data, report, cancellable, error);
}

/**
 * summit_xml_import_bytes:
 * @name: the name to use in messages
 *
 * Like summit_xml_import_file(), for data in memory.
 */
gboolean
summit_xml_import_bytes (SummitStore         *store,
                         GBytes              *bytes,
                         const char          *name,
                         SummitImportReport  *report,
                         GCancellable        *cancellable,
                         GError             **error)
{
  xmlTextReaderPtr reader;
  gsize size;
  const char *data;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > G_MAXINT)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_INVALID,
                   size == 0 ? _("%s:1: the file is empty") : _("%s:1: the file is too large"),
                   name);
      return FALSE;
    }

  reader = xmlReaderForMemory (data, (int)size, NULL, NULL, READER_OPTIONS);
  if (reader == NULL)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, _("%s:1: cannot be read"), name);
      return FALSE;
    }
  return import_reader (store, reader, bytes, name, size, NULL, NULL, report, cancellable, error);
}
