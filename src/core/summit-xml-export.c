/* summit-xml-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export in the Summit Planner XML format (data/summit-planner.rng): the
 * whole database, in a stable order, so that exporting what was imported
 * gives the same bytes.
 */
#define G_LOG_DOMAIN "summit-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "summit-file.h"
#include "summit-store-export.h"
#include "summit-store-people.h"
#include "summit-time.h"
#include "summit-xml.h"

typedef struct
{
  SummitStore        *store;
  xmlTextWriterPtr    writer;
  GOutputStream      *stream;
  GCancellable       *cancellable;
  SummitProgressFunc  progress;
  gpointer            progress_data;
  GError             *error;
  gint64              done;
  gint64              total;
} ExportContext;

static int
export_write_cb (void       *user_data,
                 const char *buffer,
                 int         len)
{
  ExportContext *ctx = user_data;
  gsize written = 0;

  if (ctx->error != NULL)
    return -1;
  if (!g_output_stream_write_all (ctx->stream, buffer, len, &written, ctx->cancellable,
                                  &ctx->error))
    return -1;
  return len;
}

static int
export_close_cb (void *user_data)
{
  return 0;
}

static gboolean
writer_failed (ExportContext *ctx,
               int            rc)
{
  if (rc >= 0 && ctx->error == NULL)
    return FALSE;
  if (ctx->error == NULL)
    ctx->error = g_error_new (SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, "%s",
                              _("The file could not be written"));
  return TRUE;
}

/* Writes an attribute unless @value is NULL or empty. */
static int
write_attr (ExportContext *ctx,
            const char    *name,
            const char    *value)
{
  if (value == NULL || *value == '\0')
    return 0;
  /* XML cannot hold these even as references: a file written with them
   * could not be read back. Import refuses them; an older database may
   * still hold some. */
  for (const guchar *p = (const guchar *)value; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      {
        if (ctx->error == NULL)
          ctx->error = g_error_new (SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_INVALID,
                                    _("%s holds a control character (U+%04X), which an XML file "
                                      "cannot hold; remove it, then export again"),
                                    name, *p);
        return -1;
      }
  return xmlTextWriterWriteAttribute (ctx->writer, (const xmlChar *)name, (const xmlChar *)value);
}

static int
write_attr_int (ExportContext *ctx,
                const char    *name,
                gint64         value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return write_attr (ctx, name, buf);
}

static int
write_attr_instant (ExportContext *ctx,
                    const char    *name,
                    gint64         unix_time)
{
  char text[32];

  if (!summit_format_instant (unix_time, text, sizeof text))
    return -1;
  return write_attr (ctx, name, text);
}

static gboolean
export_tick (ExportContext *ctx)
{
  if (++ctx->done % 1024 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error))
    return FALSE;
  if (ctx->progress != NULL && ctx->total > 0)
    ctx->progress (MIN (1.0, (double)ctx->done / ctx->total), ctx->progress_data);
  return TRUE;
}

static gboolean
export_person (const SummitPersonRow  *row,
               gpointer                user_data,
               GError                **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "person");

  for (guint i = 0; i < SUMMIT_PERSON_N_FIELDS && w >= 0; i++)
    w = write_attr (ctx, summit_person_field_name (i), row->fields[i]);
  if (w >= 0)
    w = write_attr_instant (ctx, "created", row->created);
  if (w >= 0)
    w = write_attr_instant (ctx, "updated", row->updated);
  if (w >= 0)
    w = xmlTextWriterEndElement (ctx->writer);
  return !writer_failed (ctx, w) && export_tick (ctx);
}

static gboolean
export_people (ExportContext *ctx)
{
  if (!summit_store_foreach_person (ctx->store, SUMMIT_PERSON_ORDER_NAME, export_person, ctx,
                                    ctx->error ? NULL : &ctx->error))
    return FALSE;
  return ctx->error == NULL;
}

static gboolean
export_event (const SummitInvitationEventRow  *row,
              gpointer                         user_data,
              GError                         **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "event");

  if (w >= 0)
    w = write_attr_instant (ctx, "at", row->at);
  if (w >= 0)
    w = write_attr (ctx, "from", row->from);
  if (w >= 0)
    w = write_attr (ctx, "to", row->to);
  if (w >= 0)
    w = write_attr (ctx, "channel", row->channel);
  if (w >= 0)
    w = write_attr (ctx, "note", row->note);
  if (w >= 0)
    w = xmlTextWriterEndElement (ctx->writer);
  return !writer_failed (ctx, w);
}

static gboolean
export_invitation (const SummitInvitationRow  *row,
                   gpointer                    user_data,
                   GError                    **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "invitation");

  if (w >= 0)
    w = write_attr (ctx, "person", row->person_uid);
  if (w >= 0)
    w = write_attr (ctx, "status", row->status);
  if (writer_failed (ctx, w))
    return FALSE;

  summit_store_foreach_invitation_event (ctx->store, row->id, export_event, ctx,
                                         ctx->error ? NULL : &ctx->error);
  if (ctx->error != NULL)
    return FALSE;
  return !writer_failed (ctx, xmlTextWriterEndElement (ctx->writer)) && export_tick (ctx);
}

static gboolean
export_member (const SummitSessionMemberRow  *row,
               gpointer                       user_data,
               GError                       **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "member");

  if (w >= 0)
    w = write_attr (ctx, "person", row->person_uid);
  if (w >= 0)
    w = write_attr (ctx, "role", row->role);
  if (w >= 0)
    w = xmlTextWriterEndElement (ctx->writer);
  return !writer_failed (ctx, w);
}

static gboolean
export_session (const SummitSessionRow  *row,
                gpointer                 user_data,
                GError                 **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "session");

  if (w >= 0)
    w = write_attr (ctx, "uid", row->uid);
  if (w >= 0)
    w = write_attr (ctx, "kind", row->kind);
  if (w >= 0)
    w = write_attr (ctx, "title", row->title);
  if (w >= 0 && row->has_start)
    w = write_attr_instant (ctx, "start", row->start);
  if (w >= 0)
    w = write_attr (ctx, "day", row->day);
  if (w >= 0)
    w = write_attr_int (ctx, "duration", row->duration);
  if (w >= 0)
    w = write_attr (ctx, "room", row->room);
  if (w >= 0)
    w = write_attr (ctx, "description", row->description);
  if (w >= 0 && row->end_confirmed)
    w = write_attr (ctx, "end-confirmed", "true");
  if (w >= 0 && row->room_confirmed)
    w = write_attr (ctx, "room-confirmed", "true");
  if (writer_failed (ctx, w))
    return FALSE;

  summit_store_foreach_session_member (ctx->store, row->id, export_member, ctx,
                                       ctx->error ? NULL : &ctx->error);
  if (ctx->error != NULL)
    return FALSE;
  return !writer_failed (ctx, xmlTextWriterEndElement (ctx->writer)) && export_tick (ctx);
}

static gboolean
export_edition (const SummitEditionRow  *row,
                gpointer                 user_data,
                GError                 **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "edition");

  if (w >= 0)
    w = write_attr (ctx, "year", row->year);
  if (w >= 0)
    w = write_attr (ctx, "theme", row->theme);
  if (w >= 0)
    w = write_attr (ctx, "host-city", row->host_city);
  if (w >= 0)
    w = write_attr (ctx, "host-country", row->host_country);
  if (w >= 0)
    w = write_attr (ctx, "timezone", row->timezone);
  if (w >= 0)
    w = write_attr (ctx, "format", row->format);
  if (w >= 0)
    w = write_attr (ctx, "start-date", row->start_date);
  if (w >= 0)
    w = write_attr (ctx, "end-date", row->end_date);
  if (writer_failed (ctx, w))
    return FALSE;

  return summit_store_foreach_invitation (ctx->store, row->id, export_invitation, ctx,
                                          ctx->error ? NULL : &ctx->error) &&
         ctx->error == NULL &&
         summit_store_foreach_session (ctx->store, row->id, export_session, ctx,
                                       ctx->error ? NULL : &ctx->error) &&
         ctx->error == NULL &&
         !writer_failed (ctx, xmlTextWriterEndElement (ctx->writer));
}

static gboolean
export_editions (ExportContext *ctx)
{
  return summit_store_foreach_edition (ctx->store, export_edition, ctx,
                                       ctx->error ? NULL : &ctx->error) &&
         ctx->error == NULL;
}

static gboolean
export_statistic (const SummitStatisticRow  *row,
                  gpointer                   user_data,
                  GError                   **error)
{
  ExportContext *ctx = user_data;
  int w = xmlTextWriterStartElement (ctx->writer, BAD_CAST "statistic");

  if (w >= 0)
    w = write_attr (ctx, "year", row->year);
  if (w >= 0)
    w = write_attr (ctx, "kind", row->kind);
  if (w >= 0)
    w = write_attr (ctx, "overseas-mayors", row->overseas_mayors);
  if (w >= 0 && row->lower_bound)
    w = write_attr (ctx, "lower-bound", "true");
  if (w >= 0)
    w = write_attr (ctx, "domestic-mayors", row->domestic_mayors);
  if (w >= 0)
    w = write_attr (ctx, "countries", row->countries);
  if (w >= 0)
    w = write_attr (ctx, "source", row->source);
  if (w >= 0)
    w = xmlTextWriterEndElement (ctx->writer);
  return !writer_failed (ctx, w);
}

static gboolean
export_statistics (ExportContext *ctx)
{
  return summit_store_foreach_statistic (ctx->store, export_statistic, ctx,
                                         ctx->error ? NULL : &ctx->error) &&
         ctx->error == NULL;
}

/**
 * summit_xml_export_stream:
 * @progress: (nullable): called from this thread with the share of the work done
 *
 * Writes everything in the database — people, editions with their
 * invitations (and history) and sessions (and lineups), yearly figures — to
 * @stream in the format of data/summit-planner.rng, in a stable order, so
 * that exporting what was imported gives the same bytes. Reads in one
 * transaction, so the file is a consistent snapshot. Does not close @stream.
 */
gboolean
summit_xml_export_stream (SummitStore         *store,
                          GOutputStream       *stream,
                          SummitProgressFunc   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GError             **error)
{
  ExportContext ctx = { 0 };
  xmlOutputBufferPtr out;
  gboolean own_txn;
  int w;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ctx.store = store;
  ctx.stream = stream;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;

  /* One snapshot; people sorted in memory. */
  if (!summit_store_begin_long_read (store, &own_txn, error))
    return FALSE;
  ctx.total = summit_store_count_export_rows (store);

  out = xmlOutputBufferCreateIO (export_write_cb, export_close_cb, &ctx, NULL);
  ctx.writer = xmlNewTextWriter (out);
  if (ctx.writer == NULL)
    {
      xmlOutputBufferClose (out);
      summit_store_end_long_read (store, own_txn);
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, "%s", _("Out of memory"));
      return FALSE;
    }
  xmlTextWriterSetIndent (ctx.writer, 1);
  xmlTextWriterSetIndentString (ctx.writer, BAD_CAST "  ");

  w = xmlTextWriterStartDocument (ctx.writer, NULL, "UTF-8", NULL);
  if (w >= 0)
    w = xmlTextWriterStartElement (ctx.writer, BAD_CAST "summit");
  if (w >= 0)
    w = write_attr (&ctx, "xmlns", SUMMIT_XML_NAMESPACE);
  if (w >= 0)
    w = write_attr (&ctx, "format-version", "1");
  if (!writer_failed (&ctx, w) &&
      export_people (&ctx) && export_editions (&ctx) && export_statistics (&ctx))
    {
      w = xmlTextWriterEndElement (ctx.writer);
      if (w >= 0)
        w = xmlTextWriterEndDocument (ctx.writer);
      if (w >= 0)
        w = xmlTextWriterFlush (ctx.writer);
      writer_failed (&ctx, w);
    }
  xmlFreeTextWriter (ctx.writer);
  summit_store_end_long_read (store, own_txn);

  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/**
 * summit_xml_export_file:
 *
 * Exports to @path (see summit_xml_export_stream()), replacing it only once
 * everything is written: on error or cancellation the old file stays. A
 * new file is readable by its owner only.
 */
gboolean
summit_xml_export_file (SummitStore         *store,
                        const char          *path,
                        SummitProgressFunc   progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(SummitFileWriter) writer = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SUMMIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The file holds personal data: readable by its owner only. */
  writer = summit_file_writer_new (path, SUMMIT_FILE_PRIVATE, &local_error);
  if (writer == NULL)
    {
      g_set_error_literal (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, local_error->message);
      return FALSE;
    }
  stream = g_buffered_output_stream_new_sized (summit_file_writer_get_stream (writer),
                                               256 * 1024);

  if (!summit_xml_export_stream (store, stream, progress, progress_data, cancellable,
                                 &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (!g_output_stream_close (stream, cancellable, &local_error))
    {
      g_set_error (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  if (!summit_file_writer_commit (writer, &local_error))
    {
      g_set_error_literal (error, SUMMIT_XML_ERROR, SUMMIT_XML_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}
