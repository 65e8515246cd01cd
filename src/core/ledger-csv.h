/* ledger-csv.h: reading and writing CSV as Excel and WPS save it
 *
 * Excel saves "CSV (Comma delimited)" in the system code page (GBK on a
 * Chinese Windows), "CSV UTF-8" with a byte-order mark, and "Unicode text"
 * as UTF-16. All of them are decoded to UTF-8 here, then parsed by RFC 4180.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;      /* 1-based physical line where the row starts */
  char  **cells;     /* NULL-terminated, n_cells long */
  guint   n_cells;
} LedgerCsvRow;

char      *ledger_csv_decode     (const char         *bytes,
                                  gsize               len,
                                  const char        **encoding,
                                  GError            **error);
GPtrArray *ledger_csv_parse      (const char         *text,
                                  GError            **error);
GPtrArray *ledger_csv_read_file  (const char         *path,
                                  const char        **encoding,
                                  GError            **error);
void       ledger_csv_row_free   (LedgerCsvRow       *row);
void       ledger_csv_append_row (GString            *out,
                                  const char * const *cells,
                                  guint               n_cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerCsvRow, ledger_csv_row_free)

G_END_DECLS
