/* ledger-export-table.h: one table, as a list shows it, to an XLSX sheet
 *
 * "Export this view…" on the Ledger page: the rows the list shows, filtered
 * and sorted, with its visible columns in their order; numbers as numbers,
 * codes and everything else as text (a 12-digit code stays a code). Written
 * through a temporary file renamed into place, as every export.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *const *headers;    /* n_columns */
  const gboolean    *numeric;    /* n_columns: write a cell that reads as a number as one */
  guint              n_columns;
  GPtrArray         *rows;       /* of char ** with n_columns cells (NULL = blank) */
} LedgerExportTable;

gboolean ledger_export_table_xlsx (const LedgerExportTable *table,
                                   const char              *sheet_name,
                                   const char              *path,
                                   GError                 **error);

G_END_DECLS
