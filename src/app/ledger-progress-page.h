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
/* recomputes now instead of at the next idle */
void        ledger_progress_page_refresh       (LedgerProgressPage *self);

G_END_DECLS
