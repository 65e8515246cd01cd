/* ledger-indicator-help.h: how each indicator is computed, with the rules in use (docs/RULES.md) */
#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

/* Returns: (transfer full): the formula, what counts in the numerator and
 * the denominator, the rule values of @db now in use and the source */
char      *ledger_indicator_explain         (LedgerDb          *db,
                                             LedgerIndicatorId  id);
/* an ⓘ button whose popover shows ledger_indicator_explain(); the text is
 * rebuilt each time it opens, so it follows the rules */
GtkWidget *ledger_indicator_help_button_new (LedgerIndicatorId  id);
void       ledger_indicator_help_button_set_db (GtkWidget      *button,
                                                LedgerDb       *db);

G_END_DECLS
