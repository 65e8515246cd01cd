/* ledger-progress-print.h: the Progress view on paper (GtkPrintOperation) */
#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

/* Prints @progress: page 1 the county summary (title with county, year and
 * date, the figures, the township table, the trend since the baseline),
 * page 2 the bar chart of each indicator by township; on every page the
 * signature lines and its number. With @export_path the pages go to that PDF
 * without a dialog; else the dialog's “Print to File” proposes
 * ledger_progress_print_default_path().
 * @trend: (nullable) (element-type LedgerProgress) */
GtkPrintOperationResult ledger_progress_print (GtkWindow            *parent,
                                               const LedgerProgress *progress,
                                               GPtrArray            *trend,
                                               const char           *export_path,
                                               GError              **error);

char                   *ledger_progress_print_default_path (const LedgerProgress *progress);

G_END_DECLS
