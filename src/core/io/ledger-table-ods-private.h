/* ledger-table-ods-private.h: the .ods and .xls readers (ledger-table-ods.c, ledger-table-xls.c) */
#pragma once

#include "ledger-table-private.h"

G_BEGIN_DECLS

/* TRUE for a zip that is an OpenDocument spreadsheet (its mimetype part, or
 * a content.xml and no xl/workbook.xml). */
gboolean ledger_table_is_ods   (const char    *bytes,
                                gsize          len);
/* Reads the sheet named table->sheet_name (NULL: the first) of an .ods. */
gboolean ledger_table_read_ods (LedgerTable   *table,
                                const char    *bytes,
                                gsize          len,
                                GCancellable  *cancellable,
                                GError       **error);
/* The same for an Excel 97–2003 workbook (.xls, BIFF in an OLE2 file). */
gboolean ledger_table_read_xls (LedgerTable   *table,
                                const char    *bytes,
                                gsize          len,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
