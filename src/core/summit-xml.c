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
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "summit-core-resources.h"
#include "summit-people.h"
#include "summit-programme.h"
#include "summit-statistics.h"
#include "summit-xml.h"

#define DATA_PATH RESOURCE_BASE "/data/"

G_DEFINE_QUARK (summit-xml-error-quark, summit_xml_error)

typedef struct
{
  SummitStore         *store;
  xmlTextReaderPtr     reader;
  const char          *name;
  GCancellable        *cancellable;
  SummitImportReport  *report;

  /* The first problem: libxml2's or ours. */
  GError              *error;

  SummitEdition       *edition;
  SummitPanel         *panel;
  gint64               invitation_id;
  SummitInvitationStatus invitation_status;
  guint                invitation_events;
  gint64               now;
} ImportContext;

/* Auxiliary methods */

static void
fail_at (ImportContext *ctx,
         int            code,
         int            line,
         int            column,
         const char    *format,
         ...) G_GNUC_PRINTF (5, 6);

static void
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

  if (column > 0)
    ctx->error = g_error_new (SUMMIT_XML_ERROR, code, "%s:%d:%d: %s", ctx->name, line, column,
                              message);
  else
    ctx->error = g_error_new (SUMMIT_XML_ERROR, code, "%s:%d: %s", ctx->name, line, message);
}

#define fail(ctx, code, ...) \
  fail_at ((ctx), (code), xmlTextReaderGetParserLineNumber ((ctx)->reader), \
           xmlTextReaderGetParserColumnNumber ((ctx)->reader), __VA_ARGS__)

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  ImportContext *ctx = user_data;
  int code = SUMMIT_XML_ERROR_INVALID;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  if (error->domain == XML_FROM_IO)
    code = SUMMIT_XML_ERROR_IO;

  fail_at (ctx, code, error->line, error->int2, "%s",
           error->message ? error->message : _("invalid XML"));
}

static void
propagate_store_error (ImportContext *ctx,
                       GError        *store_error)
{
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
  g_autoptr(GDateTime) dt = NULL;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("“%s” is not a valid time for %s"), text, name);
      return FALSE;
    }
  *out = g_date_time_to_unix (dt);
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
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("“%s” is not a valid date for %s"), text, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_timezone (ImportContext *ctx,
                const char    *identifier)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (identifier == NULL || *identifier == '\0')
    return TRUE;
  tz = g_time_zone_new_identifier (identifier);
  if (tz == NULL)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("“%s” is not a known time zone"), identifier);
      return FALSE;
    }
  return TRUE;
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

static void
read_person (ImportContext *ctx)
{
  g_autoptr(SummitPerson) person = summit_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *created = attr (ctx, "created");
  g_autofree char *updated = attr (ctx, "updated");
  gint64 created_at = 0, updated_at = 0;
  gint64 id;

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
    {
      char *value = attr (ctx, summit_person_field_name (i));
      summit_person_set_field (person, i, value);
      xmlFree (value);
    }

  if (!*summit_person_get_given_name (person) && !*summit_person_get_family_name (person) &&
      !*summit_person_get_native_name (person))
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("a person needs a name"));
      return;
    }
  if (!check_timezone (ctx, summit_person_get_timezone (person)))
    return;
  if ((created && !parse_instant (ctx, "created", created, &created_at)) ||
      (updated && !parse_instant (ctx, "updated", updated, &updated_at)))
    return;
  if (created_at == 0)
    created_at = ctx->now;
  if (updated_at == 0)
    updated_at = created_at;
  summit_person_set_times (person, created_at, updated_at);

  id = summit_store_lookup_person (ctx->store, summit_person_get_uid (person), NULL);
  if (id == 0)
    {
      if (!summit_store_insert_person (ctx->store, person, &error))
        return propagate_store_error (ctx, error);
      ctx->report->people_added++;
      return;
    }

  {
    sqlite3_stmt *stmt;
    int changes;

    stmt = summit_store_prepare (ctx->store,
                                 "UPDATE person SET honorific = ?2, given_name = ?3,"
                                 " family_name = ?4, native_name = ?5, position = ?6, city = ?7,"
                                 " country = ?8, organisation = ?9, email = ?10, phone = ?11,"
                                 " timezone = ?12, notes = ?13, updated = ?15"
                                 " WHERE uid = ?1 AND (honorific, given_name, family_name,"
                                 " native_name, position, city, country, organisation, email,"
                                 " phone, timezone, notes) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                 " ?10, ?11, ?12, ?13)",
                                 &error);
    if (stmt == NULL)
      return propagate_store_error (ctx, error);
    for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS; i++)
      summit_stmt_bind_text (stmt, 1 + i, summit_person_get_field (person, i));
    sqlite3_bind_int64 (stmt, 15, updated_at);
    if (!summit_store_step_done (ctx->store, stmt, &error))
      return propagate_store_error (ctx, error);
    changes = sqlite3_changes (summit_store_get_db (ctx->store));
    if (changes > 0)
      ctx->report->people_updated++;
    else
      ctx->report->people_unchanged++;
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

  if (!check_timezone (ctx, timezone) ||
      !parse_day (ctx, "start-date", start_date) ||
      !parse_day (ctx, "end-date", end_date))
    return;
  if (start_date && end_date && strcmp (start_date, end_date) > 0)
    {
      fail (ctx, SUMMIT_XML_ERROR_INVALID, _("the edition ends before it starts"));
      return;
    }

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

  if (!summit_store_put_edition (ctx->store, ctx->edition, &error))
    return propagate_store_error (ctx, error);
  ctx->report->editions++;
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
  sqlite3_stmt *stmt;

  /* Skip an event already in the history, so that importing a file twice
   * changes nothing. */
  stmt = summit_store_prepare (ctx->store,
                               "INSERT INTO invitation_event (invitation_id, at, old_status,"
                               " new_status, channel, note)"
                               " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS ("
                               "  SELECT 1 FROM invitation_event WHERE invitation_id = ?1"
                               "  AND at = ?2 AND old_status IS ?3 AND new_status = ?4)",
                               &error);
  if (stmt == NULL)
    return propagate_store_error (ctx, error);
  sqlite3_bind_int64 (stmt, 1, ctx->invitation_id);
  sqlite3_bind_int64 (stmt, 2, at);
  if (from)
    summit_stmt_bind_text (stmt, 3, from);
  summit_stmt_bind_text (stmt, 4, to);
  summit_stmt_bind_text (stmt, 5, channel);
  summit_stmt_bind_text (stmt, 6, note);
  if (!summit_store_step_done (ctx->store, stmt, &error))
    propagate_store_error (ctx, error);
}

static void
read_invitation (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = attr (ctx, "status");
  sqlite3_stmt *stmt;
  gint64 person_id;

  if ((person_id = lookup_person (ctx)) == 0)
    return;
  summit_invitation_status_from_string (status, &ctx->invitation_status);

  stmt = summit_store_prepare (ctx->store,
                               "INSERT INTO invitation (person_id, edition_id, status, updated)"
                               " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id, edition_id)"
                               " DO UPDATE SET status = excluded.status RETURNING id",
                               &error);
  if (stmt == NULL)
    return propagate_store_error (ctx, error);
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, summit_edition_get_id (ctx->edition));
  summit_stmt_bind_text (stmt, 3, status);
  sqlite3_bind_int64 (stmt, 4, ctx->now);
  ctx->invitation_id = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ctx->invitation_id = sqlite3_column_int64 (stmt, 0);
  if (!summit_store_step_done (ctx->store, stmt, &error))
    return propagate_store_error (ctx, error);

  ctx->invitation_events = 0;
  ctx->report->invitations++;
}

static void
end_invitation (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  /* An invitation given without history still gets one line of it. */
  if (ctx->invitation_events == 0)
    {
      stmt = summit_store_prepare (ctx->store,
                                   "SELECT 1 FROM invitation_event WHERE invitation_id = ?1",
                                   &error);
      if (stmt == NULL)
        return propagate_store_error (ctx, error);
      sqlite3_bind_int64 (stmt, 1, ctx->invitation_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        insert_event (ctx, ctx->now, NULL,
                      summit_invitation_status_to_string (ctx->invitation_status), "",
                      _("Imported"));
      sqlite3_reset (stmt);
    }

  /* The invitation's time of last change is that of its latest event. */
  stmt = summit_store_prepare (ctx->store,
                               "UPDATE invitation SET updated = (SELECT max (at) FROM"
                               " invitation_event WHERE invitation_id = ?1) WHERE id = ?1",
                               &error);
  if (stmt == NULL)
    return propagate_store_error (ctx, error);
  sqlite3_bind_int64 (stmt, 1, ctx->invitation_id);
  if (!summit_store_step_done (ctx->store, stmt, &error))
    propagate_store_error (ctx, error);
  ctx->invitation_id = 0;
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
  SummitPanelKind panel_kind = SUMMIT_PANEL_DISCUSSION;
  gint64 start_utc;

  g_clear_object (&ctx->panel);
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
  summit_panel_set_duration (ctx->panel, duration ? atoi (duration) : 60);
  summit_panel_set_room (ctx->panel, room);
  summit_panel_set_description (ctx->panel, description);
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
  sqlite3_stmt *stmt;

  if (ctx->panel == NULL)
    return;

  /* A session already known by its uid is replaced as a whole. */
  stmt = summit_store_prepare (ctx->store, "DELETE FROM panel WHERE uid = ?1", &error);
  if (stmt == NULL)
    return propagate_store_error (ctx, error);
  summit_stmt_bind_text (stmt, 1, summit_panel_get_uid (ctx->panel));
  if (!summit_store_step_done (ctx->store, stmt, &error) ||
      !summit_store_insert_panel (ctx->store, ctx->panel, &error))
    return propagate_store_error (ctx, error);

  ctx->report->sessions++;
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

  summit_figure_kind_from_string (kind, &figure);
  stat = summit_year_statistic_new (atoi (year), figure);
  summit_year_statistic_set_overseas (stat, overseas ? atoi (overseas) : -1);
  summit_year_statistic_set_lower_bound (stat, g_strcmp0 (lower_bound, "true") == 0);
  summit_year_statistic_set_domestic (stat, domestic ? atoi (domestic) : -1);
  summit_year_statistic_set_countries (stat, countries ? atoi (countries) : -1);
  summit_year_statistic_set_source (stat, source);

  if (!summit_store_put_year_statistic (ctx->store, stat, &error))
    return propagate_store_error (ctx, error);
  ctx->report->statistics++;
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
    read_person (ctx);
  else if (strcmp (name, "edition") == 0)
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

  if (strcmp (name, "invitation") == 0 && ctx->invitation_id != 0)
    end_invitation (ctx);
  else if (strcmp (name, "session") == 0)
    end_session (ctx);
  else if (strcmp (name, "edition") == 0)
    g_clear_object (&ctx->edition);
}

static xmlRelaxNGPtr
load_schema (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (summit_core_get_resource (), DATA_PATH "summit-planner.rng",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int)size);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_INVALID,
                 "The built-in schema could not be read");
  return schema;
}

static gboolean
import_reader (SummitStore         *store,
               xmlTextReaderPtr     reader,
               const char          *name,
               SummitImportReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  ImportContext ctx = { 0 };
  SummitImportReport local_report = { 0 };
  xmlRelaxNGPtr schema;
  guint n_nodes = 0;
  int ret;

  ctx.store = store;
  ctx.reader = reader;
  ctx.name = name;
  ctx.cancellable = cancellable;
  ctx.report = &local_report;
  ctx.now = g_get_real_time () / G_USEC_PER_SEC;

  if ((schema = load_schema (error)) == NULL)
    {
      xmlFreeTextReader (reader);
      return FALSE;
    }

  xmlTextReaderSetStructuredErrorHandler (reader, structured_error_cb, &ctx);
  if (xmlTextReaderRelaxNGSetSchema (reader, schema) != 0)
    fail_at (&ctx, SUMMIT_XML_ERROR_INVALID, 0, 0, "%s", _("the schema could not be applied"));

  if (ctx.error == NULL && !summit_store_begin (store, &ctx.error))
    {
      xmlFreeTextReader (reader);
      xmlRelaxNGFree (schema);
      g_propagate_error (error, ctx.error);
      return FALSE;
    }

  while (ctx.error == NULL && (ret = xmlTextReaderRead (reader)) == 1)
    {
      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          fail (&ctx, SUMMIT_XML_ERROR_FORBIDDEN,
                _("a DOCTYPE is not allowed in a Summit Planner file"));
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail (&ctx, SUMMIT_XML_ERROR_FORBIDDEN, _("entities are not allowed"));
          break;
        case XML_READER_TYPE_ELEMENT:
          start_element (&ctx);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          end_element (&ctx);
          break;
        default:
          break;
        }

      if (++n_nodes % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        ctx.error = g_error_new (SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_CANCELLED,
                                 _("The import was cancelled; nothing was changed"));
    }

  if (ctx.error == NULL && ret != 0)
    fail (&ctx, SUMMIT_XML_ERROR_INVALID, "%s", _("the file is not well-formed XML"));
  if (ctx.error == NULL && n_nodes == 0)
    fail_at (&ctx, SUMMIT_XML_ERROR_INVALID, 1, 0, "%s", _("the file is empty"));
  if (ctx.error == NULL && xmlTextReaderIsValid (reader) != 1)
    fail (&ctx, SUMMIT_XML_ERROR_INVALID, "%s",
          _("the file does not follow the Summit Planner format"));

  g_clear_object (&ctx.edition);
  g_clear_object (&ctx.panel);
  xmlFreeTextReader (reader);
  xmlRelaxNGFree (schema);

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
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlTextReaderPtr reader;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ
                            "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, _("%s: not a regular file"), path);
      return FALSE;
    }
  if (!g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO,
                   _("%s: permission denied"), path);
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
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, _("%s: cannot be read"), path);
      return FALSE;
    }
  return import_reader (store, reader, path, report, cancellable, error);
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
                   size == 0 ? _("%s:1: the file is empty") : _("%s: the file is too large"),
                   name);
      return FALSE;
    }

  reader = xmlReaderForMemory (data, (int)size, NULL, NULL, READER_OPTIONS);
  if (reader == NULL)
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, _("%s: cannot be read"), name);
      return FALSE;
    }
  return import_reader (store, reader, name, report, cancellable, error);
}

/**
 * summit_store_seed:
 *
 * Fills a new database with the facts of the public announcement
 * (data/seed.xml, built in).
 */
gboolean
summit_store_seed (SummitStore  *store,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (summit_core_get_resource (), DATA_PATH "seed.xml",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  return summit_xml_import_bytes (store, bytes, "seed.xml", NULL, NULL, error);
}

/**
 * summit_store_open_and_seed:
 *
 * Opens @path like summit_store_open(), seeding it if it was new.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SummitStore *
summit_store_open_and_seed (const char  *path,
                            GError     **error)
{
  g_autoptr(SummitStore) store = NULL;

  store = summit_store_open (path, error);
  if (store == NULL)
    return NULL;
  if (summit_store_is_new (store) && !summit_store_seed (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/**
 * summit_default_database_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/summit-planner/summit.db`
 */
char *
summit_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "summit-planner", "summit.db", NULL);
}
