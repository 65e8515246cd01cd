/* ledger-values-display.c: a canonical value as a spreadsheet or the UI shows it
 *
 * The way back of ledger-values.c: an export's cell text (which parses back
 * to the same value) and the UI's text in the user's language.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ledger-values.h"

/**
 * ledger_field_format:
 * @field: the column
 * @canonical: (nullable): a canonical value
 * @style: Chinese labels or English keys
 *
 * Formats a value for a spreadsheet export, so that it parses back with
 * ledger_field_parse() to the same canonical text.
 *
 * Returns: (transfer full): the cell text; "" for a blank value
 */
char *
ledger_field_format (const LedgerField *field,
                     const char        *canonical,
                     LedgerHeaderStyle  style)
{
  gboolean zh = style == LEDGER_HEADER_ZH;

  g_return_val_if_fail (field != NULL, NULL);

  if (canonical == NULL)
    return g_strdup ("");
  switch (field->type)
    {
    case LEDGER_FIELD_ENUM:
      return g_strdup (zh ? ledger_enum_label (field->enumeration, canonical) : canonical);
    case LEDGER_FIELD_BOOL:
      if (strcmp (canonical, "1") == 0)
        return g_strdup (zh ? "是" : "yes");
      return g_strdup (zh ? "否" : "no");
    default:
      return g_strdup (canonical);
    }
}

/**
 * ledger_field_display:
 * @field: the column
 * @canonical: (nullable): a canonical value
 *
 * Returns: (transfer full): the value as shown in the UI, in the user's
 *   language; "" for a blank value
 */
char *
ledger_date_display (const char *canonical)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (canonical == NULL)
    return g_strdup ("");
  if (sscanf (canonical, "%4d-%2d-%2d", &year, &month, &day) != 3
      || (date = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (canonical);
  /* TRANSLATORS: strftime-style date as shown in lists and forms; keep it
   * fixed width (zero-padded) so that lists sort by it, e.g. "%Y年%m月%d日" */
  return g_date_time_format (date, C_("date format", "%Y-%m-%d"));
}

char *
ledger_time_display (const char *utc)
{
  g_autoptr (GDateTime) at = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr (GDateTime) local = at ? g_date_time_to_local (at) : NULL;

  if (local == NULL)
    return g_strdup (utc ? utc : "");
  /* TRANSLATORS: strftime-style date and time of a change, e.g. "%Y年%m月%d日 %H:%M" */
  return g_date_time_format (local, C_("date and time format", "%Y-%m-%d %H:%M"));
}

char *
ledger_field_display (const LedgerField *field,
                      const char        *canonical)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (canonical == NULL)
    return g_strdup ("");
  switch (field->type)
    {
    case LEDGER_FIELD_BOOL:
      return g_strdup (strcmp (canonical, "1") == 0 ? _("Yes") : _("No"));
    case LEDGER_FIELD_DATE:
      return ledger_date_display (canonical);
    case LEDGER_FIELD_ENUM:
      return g_strdup (ledger_enum_display (field->enumeration, canonical));
    default:
      return g_strdup (canonical);
    }
}
