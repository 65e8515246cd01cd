/* ledger-store-private.h: what the store's files share */
#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

char *ledger_store_column_text (sqlite3_stmt      *stmt,
                                int                column,
                                const LedgerField *field);

/* steps a write; a constraint failure becomes LEDGER_ERROR_INVALID */
gboolean ledger_store_step_done (LedgerDb      *db,
                                 sqlite3_stmt  *stmt,
                                 GError       **error);

G_END_DECLS
