/* summit-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check every record's validation makes of its text fields, whichever
 * way the text came in (editor, CSV, XML, command line).
 */
#define G_LOG_DOMAIN "summit-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "summit-text.h"

/**
 * summit_text_check_controls:
 * @value: (nullable): UTF-8 text
 * @field: the field's name, for the message ("given-name")
 * @multiline: whether the field may hold several lines (notes, a
 *   description): tab and line breaks (LF, CR) are then allowed
 *
 * Control characters (U+0000–U+001F, U+007F, U+0080–U+009F) cannot be
 * written to XML and would make the app's own backup unreadable; they are
 * refused where text comes in. Invalid UTF-8 is left to other checks.
 *
 * Returns: %TRUE if @value has none; otherwise %FALSE with @error
 *   (@domain, @code) naming the field and the character
 */
gboolean
summit_text_check_controls (const char  *value,
                            const char  *field,
                            gboolean     multiline,
                            GQuark       domain,
                            int          code,
                            GError     **error)
{
  if (value == NULL)
    return TRUE;

  for (const guchar *p = (const guchar *)value; *p != '\0'; p++)
    {
      gunichar c = *p;

      /* C1 controls are U+0080–U+009F: 0xC2 0x80–0x9F in UTF-8. */
      if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
        c = p[1];
      else if (*p >= 0x20 && *p != 0x7F)
        continue;
      else if (multiline && (*p == '\t' || *p == '\n' || *p == '\r'))
        continue;

      g_set_error (error, domain, code,
                   /* Translators: %s is a field's name, U+%04X a character's code */
                   _("%s holds a control character (U+%04X), which cannot be saved; remove it"),
                   field, c);
      return FALSE;
    }
  return TRUE;
}
