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
