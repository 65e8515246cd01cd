/* ledger-values.h: parsing and formatting of cell values (DESIGN.md §3.2)
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

gboolean ledger_field_parse   (const LedgerField *field,
                               const char        *text,
                               char             **canonical,
                               GError           **error);
char    *ledger_field_format  (const LedgerField *field,
                               const char        *canonical,
                               LedgerHeaderStyle  style);
char    *ledger_field_display (const LedgerField *field,
                               const char        *canonical);

G_END_DECLS
