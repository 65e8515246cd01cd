/* ledger-targets-page.h: Preferences → Targets, per indicator, year and township */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_TARGETS_PAGE (ledger_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerTargetsPage, ledger_targets_page, LEDGER, TARGETS_PAGE, AdwPreferencesPage)

GtkWidget *ledger_targets_page_new       (LedgerDb          *db);
/* the rows shown, one per stored target, for tests */
guint      ledger_targets_page_get_n_rows (LedgerTargetsPage *self);
/* for tests: fill the Add form as a user would (@percent 0..100), the
 * form's Add button, and the Remove button of a row (NULL when it has none) */
void       ledger_targets_page_fill_form  (LedgerTargetsPage *self,
                                           LedgerIndicatorId  indicator,
                                           int                year,
                                           const char        *scope,
                                           double             percent);
GtkWidget *ledger_targets_page_get_add_button    (LedgerTargetsPage *self);
GtkWidget *ledger_targets_page_get_remove_button (LedgerTargetsPage *self,
                                                  guint              row);

G_END_DECLS
