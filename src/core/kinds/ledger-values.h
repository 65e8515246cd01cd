/* ledger-values.h: parsing and formatting of cell values (README.md, Import)
 *
 * A value typed by an officer or left in a spreadsheet by Excel/WPS is parsed
 * into canonical text (see ledger-record.h); canonical text is formatted back
 * for a spreadsheet (so that it imports unchanged) or for the UI.
 */
#pragma once

#include <glib.h>

#include "ledger-kinds.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_HEADER_ZH,     /* Chinese headers and labels (是/否, 生猪) */
  LEDGER_HEADER_KEYS,   /* English keys (yes/no, pig) */
} LedgerHeaderStyle;

gboolean ledger_parse_number  (const char        *text,
                               double            *out);
gboolean ledger_parse_date    (const char        *text,
                               char             **iso);
/* decimal degrees (105.03) or degrees, minutes and seconds (30°16′30″N,
 * 北纬30度16分30秒); *@hemisphere (nullable) gets N, S, E, W or 0 */
gboolean ledger_parse_degrees (const char        *text,
                               double            *degrees,
                               char              *hemisphere);

gboolean ledger_field_parse   (const LedgerField *field,
                               const char        *text,
                               char             **canonical,
                               GError           **error);
/* ledger-values-display.c */
char    *ledger_field_format  (const LedgerField *field,
                               const char        *canonical,
                               LedgerHeaderStyle  style);
/* a canonical date (YYYY-MM-DD) as a person reads it in the user's language
 * (2025-03-01, 2025年03月01日); fixed width, so it sorts as text; ledger_parse_date
 * reads it back. Files keep ISO. */
char    *ledger_date_display  (const char        *canonical);
/* a UTC ISO 8601 time in local time, for reading (2025-03-01 14:05, 2025年03月01日 14:05) */
char    *ledger_time_display  (const char        *utc);
char    *ledger_field_display (const LedgerField *field,
                               const char        *canonical);

/* TRUE when @text (nullable) is empty or ASCII white space only */
gboolean ledger_text_is_blank    (const char *text);

G_END_DECLS
