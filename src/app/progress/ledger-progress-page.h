/* ledger-progress-page.h: the Progress page — the four indicators against their targets */
#pragma once

#include <gtk/gtk.h>

#include "ledger-db.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PROGRESS_PAGE (ledger_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerProgressPage, ledger_progress_page, LEDGER, PROGRESS_PAGE, GtkWidget)

GtkWidget  *ledger_progress_page_new           (void);
/* NULL db clears; follows the db's "changed" signal */
void        ledger_progress_page_set_db        (LedgerProgressPage *self,
                                                LedgerDb           *db,
                                                int                 year);
/* the county-wide rate as shown ("94.9 %", "—"), for tests */
const char *ledger_progress_page_get_rate_text (LedgerProgressPage *self,
                                                LedgerIndicatorId   indicator);
/* recomputes now instead of at the next idle; the trend follows in a thread */
void        ledger_progress_page_refresh       (LedgerProgressPage *self);
/* (element-type LedgerProgress) (nullable): the trend shown, NULL while computed */
GPtrArray  *ledger_progress_page_get_trend     (LedgerProgressPage *self);
/* what "Print…" prints, into the PDF @path without a dialog */
GtkPrintOperationResult
            ledger_progress_page_export_pdf    (LedgerProgressPage *self,
                                                const char         *path,
                                                GError            **error);
GtkWidget  *ledger_progress_page_get_bar_chart (LedgerProgressPage *self,
                                                LedgerIndicatorId   indicator);
/* signal "holding-back-requested" (const char *township, int indicator) */

G_END_DECLS
