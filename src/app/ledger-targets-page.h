/* ledger-targets-page.h: Preferences → Targets, per indicator, year and township */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_TARGETS_PAGE (ledger_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerTargetsPage, ledger_targets_page, LEDGER, TARGETS_PAGE, AdwPreferencesPage)

GtkWidget *ledger_targets_page_new       (LedgerDb          *db);
/* the rows shown, one per stored target, for tests */
guint      ledger_targets_page_get_n_rows (LedgerTargetsPage *self);

G_END_DECLS
