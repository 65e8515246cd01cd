/* ledger-store-private.h: what the store's files share */
#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

char *ledger_store_column_text (sqlite3_stmt      *stmt,
                                int                column,
                                const LedgerField *field);

G_END_DECLS
