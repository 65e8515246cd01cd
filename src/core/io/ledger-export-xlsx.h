/* ledger-export-xlsx.h: the county's progress workbook (README.md, Command line; docs/RULES.md)
 *
 * One XLSX file: the sheet 汇总 (the four indicators for the county and each
 * township, with a native bar chart of the rates against the target), then
 * one sheet per kind with the columns of README.md and ledger-kinds.c and the computed
 * ones. Sheet names and headers are Chinese by design: they are the county's
 * forms. Written with libxlsxwriter in constant-memory mode to a temporary
 * file in the same folder, then renamed: a failed or cancelled export leaves
 * no file behind.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

/* Called from the exporting thread with the share of rows written (0..1). */
typedef void (*LedgerExportProgressFunc) (double   fraction,
                                          gpointer user_data);

gboolean ledger_export_xlsx (LedgerDb                 *db,
                             const char               *path,
                             int                       year,
                             const char               *township,
                             LedgerExportProgressFunc  progress,
                             gpointer                  user_data,
                             GCancellable             *cancellable,
                             GError                  **error);

/* The sheet names, in the workbook's order: 汇总 then one per kind. */
const char *ledger_export_xlsx_sheet_name (LedgerKind kind);
#define LEDGER_EXPORT_XLSX_SUMMARY_SHEET "汇总"

gboolean    ledger_export_xlsx_is_computed_header (const char *header);

G_END_DECLS
