/* ledger-progress-print.h: the Progress view on paper (GtkPrintOperation) */
#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

/* Prints @progress: page 1 the county summary (title with county, year and
 * date, the four figures, the township table, the trend since the
 * baseline), page 2 the bar chart of each indicator by township. With
 * @export_path the pages go to that PDF without a dialog.
 * @trend: (nullable) (element-type LedgerProgress) */
GtkPrintOperationResult ledger_progress_print (GtkWindow            *parent,
                                               const LedgerProgress *progress,
                                               GPtrArray            *trend,
                                               const char           *export_path,
                                               GError              **error);

G_END_DECLS
