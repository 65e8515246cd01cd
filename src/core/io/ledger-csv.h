/* ledger-csv.h: reading and writing CSV as Excel and WPS save it
 *
 * Excel saves "CSV (Comma delimited)" in the system code page (GBK on a
 * Chinese Windows), "CSV UTF-8" with a byte-order mark, and "Unicode text"
 * as UTF-16. All of them are decoded to UTF-8 here, then parsed by RFC 4180.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;      /* 1-based physical line where the row starts */
  char  **cells;     /* n_cells long, then NULL; a cell is NULL only for a
                        GeoJSON property the feature leaves out */
  guint   n_cells;
} LedgerCsvRow;

typedef enum
{
  LEDGER_CSV_KEEP_BLANK = 1 << 0,   /* blank lines are rows too */
} LedgerCsvFlags;

/* No cell of a ledger is longer: a bigger one is a damaged or hostile file. */
#define LEDGER_CSV_MAX_CELL (1024 * 1024)
/* XFD, as in Excel */
#define LEDGER_CSV_MAX_COLUMNS 16384
/* The rows of one file may take no more memory than this, counting each
 * cell's text and LEDGER_CSV_CELL_OVERHEAD for the cell itself: the national
 * list of 620,573 villages (38 MB of CSV, 6 columns) takes about 190 MiB. */
#define LEDGER_CSV_MAX_TABLE_BYTES ((guint64) 512 * 1024 * 1024)
#define LEDGER_CSV_CELL_OVERHEAD   40

char      *ledger_csv_decode     (const char         *bytes,
                                  gsize               len,
                                  const char        **encoding,
                                  GError            **error);
GPtrArray *ledger_csv_parse      (const char         *text,
                                  GError            **error);
char       ledger_csv_guess_delimiter (const char    *text);
GPtrArray *ledger_csv_parse_full (const char         *text,
                                  char                delimiter,
                                  LedgerCsvFlags      flags,
                                  guint               max_rows,
                                  GCancellable       *cancellable,
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
