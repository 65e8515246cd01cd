/* ledger-json.c: parsing JSON with a depth limit (see ledger-json.h) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-json.h"

/**
 * ledger_json_nesting_is_sane:
 * @text: JSON text
 * @length: its length, or -1 when NUL-terminated
 *
 * Returns: whether no array or object lies deeper than
 *   LEDGER_JSON_MAX_NESTING (strings are skipped, escapes included)
 */
gboolean
ledger_json_nesting_is_sane (const char *text,
                             gssize      length)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  gboolean in_string = FALSE;
  int depth = 0;

  for (const char *p = text; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if ((*p == '[' || *p == '{') && ++depth > LEDGER_JSON_MAX_NESTING)
        return FALSE;
      else if (*p == ']' || *p == '}')
        depth--;
    }
  return TRUE;
}

/**
 * ledger_json_parse:
 * @parser: a parser
 * @text: JSON text
 * @length: its length, or -1 when NUL-terminated
 * @error: LEDGER_ERROR_INVALID for too deep a nesting, else json-glib's error
 *
 * json_parser_load_from_data(), refusing nesting deeper than
 * LEDGER_JSON_MAX_NESTING first.
 *
 * Returns: %TRUE when @parser holds the document
 */
gboolean
ledger_json_parse (JsonParser  *parser,
                   const char  *text,
                   gssize       length,
                   GError     **error)
{
  if (!ledger_json_nesting_is_sane (text, length))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The JSON is nested more than %u levels deep; this is not GeoJSON."),
                   (guint) LEDGER_JSON_MAX_NESTING);
      return FALSE;
    }
  return json_parser_load_from_data (parser, text, length, error);
}

/**
 * ledger_json_append_string:
 * @out: the JSON text being written
 * @text: (nullable): UTF-8 text; %NULL is written as ""
 *
 * Appends @text as a JSON string: quotes, backslashes and control characters
 * escaped, everything else as it is (UTF-8 stays UTF-8). For writers that
 * stream JSON a record at a time, or keep numbers' canonical text.
 */
void
ledger_json_append_string (GString    *out,
                           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
