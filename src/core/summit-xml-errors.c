/* summit-xml-errors.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's errors during an import, as messages a person can act on, and
 * where a refused DOCTYPE is.
 */
#define G_LOG_DOMAIN "summit-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

#include "summit-xml-private.h"

/* Whether libxml2's @error says the bytes are not in the file's encoding. */
static gboolean
is_encoding_error (xmlErrorPtr error)
{
  if (error->domain == XML_FROM_I18N ||
      (error->domain == XML_FROM_IO && error->code == XML_IO_ENCODER))
    return TRUE;
  return error->domain == XML_FROM_PARSER &&
         (error->code == XML_ERR_INVALID_ENCODING || error->code == XML_ERR_UNSUPPORTED_ENCODING ||
          error->code == XML_ERR_UNKNOWN_ENCODING ||
          (error->code == XML_ERR_INVALID_CHAR && error->message != NULL &&
           g_str_has_prefix (error->message, "Input is not proper UTF-8")));
}

/* Whether @error is libxml2's limit on the size of one value or text. */
static gboolean
is_size_limit_error (xmlErrorPtr error)
{
  return error->domain == XML_FROM_PARSER && error->message != NULL &&
         ((error->code == XML_ERR_INTERNAL_ERROR && strstr (error->message, "Huge input lookup")) ||
          (error->code == XML_ERR_NO_MEMORY && strstr (error->message, "huge text node")));
}

void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  ImportContext *ctx = user_data;
  int code = SUMMIT_XML_ERROR_INVALID;
  int line, column;

  if (error == NULL || error->level == XML_ERR_WARNING || ctx->quiet)
    return;

  if (error->domain == XML_FROM_IO)
    code = SUMMIT_XML_ERROR_IO;

  /* libxml2's own words ("encoding error", "I/O error", "internal error:
   * Huge input lookup", some raised without a position) never reach a
   * person: ours say what to do. */
  line = error->line;
  column = error->int2;
  if (line <= 0)
    {
      line = xmlTextReaderGetParserLineNumber (ctx->reader);
      column = 0;
    }
  if (is_encoding_error (error))
    {
      fail_at (ctx, SUMMIT_XML_ERROR_INVALID, line, column, "%s",
               _("the characters are not in the file’s encoding (UTF-8 unless it declares "
                 "another); save the file as UTF-8"));
      return;
    }
  if (is_size_limit_error (error))
    {
      fail_at (ctx, SUMMIT_XML_ERROR_INVALID, line, column, "%s",
               _("a value or text is longer than 10 MB; is this a Summit Planner file?"));
      return;
    }
  if (error->domain == XML_FROM_IO)
    {
      fail_at (ctx, code, line, column, "%s", _("the file could not be read to its end"));
      return;
    }
  if (error->domain == XML_FROM_RELAXNGV && error->node != NULL && error->message != NULL &&
      ((xmlNodePtr)error->node)->type == XML_ELEMENT_NODE &&
      g_str_has_prefix (error->message, "Did not expect text"))
    {
      fail_at (ctx, code, error->line, error->int2,
               _("<%s> may not hold text, only the elements the format allows (see "
                 "summit-planner.rng)"),
               (const char *)((xmlNodePtr)error->node)->name);
      return;
    }

  /* libxml2's RelaxNG messages name no namespace and no attribute; say
   * what a person can check. */
  if (error->domain == XML_FROM_RELAXNGV && error->node != NULL &&
      ((xmlNodePtr)error->node)->type == XML_ELEMENT_NODE)
    {
      xmlNodePtr node = error->node;
      g_autofree char *message = g_strdup (error->message ? error->message : "");

      g_strchomp (message);
      if (node->ns == NULL || g_strcmp0 ((const char *)node->ns->href, SUMMIT_XML_NAMESPACE) != 0)
        fail_at (ctx, code, error->line, error->int2,
                 _("<%s> is not in the Summit Planner namespace: the file must say xmlns=\"%s\""),
                 (const char *)node->name, SUMMIT_XML_NAMESPACE);
      else
        fail_at (ctx, code, error->line, error->int2,
                 _("<%s>: %s (see the format in summit-planner.rng)"), (const char *)node->name,
                 message);
      return;
    }

  /* The reader says "extra content" when the file simply stops. */
  if (error->domain == XML_FROM_PARSER && error->code == XML_ERR_DOCUMENT_END && !ctx->root_closed)
    {
      fail_at (ctx, code, error->line, error->int2 > 0 ? error->int2 : 1, "%s",
               _("the file ends in the middle of the document (is it truncated?)"));
      return;
    }

  fail_at (ctx, code, error->line, error->int2, "%s",
           error->message ? error->message : _("invalid XML"));
}

static void
doctype_cb (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr parser = user_data;
  int *position = parser->_private;

  position[0] = parser->input->line;
  position[1] = parser->input->col;
  xmlStopParser (parser);
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

/* Where the DOCTYPE is: the reader meets it only once it has read past the
 * prolog, so the file is read again from its start, by libxml2, up to the
 * DOCTYPE and no further (nothing of it is loaded). */
gboolean
find_doctype (ImportContext *ctx,
              int           *line,
              int           *column)
{
  xmlParserCtxtPtr parser;
  int position[2] = { 0, 0 };

  if (ctx->bytes != NULL)
    parser = xmlCreateMemoryParserCtxt (g_bytes_get_data (ctx->bytes, NULL),
                                        (int)g_bytes_get_size (ctx->bytes));
  else
    parser = xmlCreateFileParserCtxt (ctx->name);
  if (parser == NULL)
    return FALSE;
  xmlCtxtUseOptions (parser, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  parser->sax->internalSubset = doctype_cb;
  parser->sax->serror = ignore_error_cb;
  parser->_private = position;
  ctx->quiet = TRUE;
  xmlParseDocument (parser);
  ctx->quiet = FALSE;
  if (parser->myDoc != NULL)
    xmlFreeDoc (parser->myDoc);
  xmlFreeParserCtxt (parser);

  *line = position[0];
  *column = position[1];
  return *line > 0;
}
