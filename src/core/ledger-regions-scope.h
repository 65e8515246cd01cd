/* ledger-regions-scope.h: a ledger for a whole province, or the whole nation */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

gboolean ledger_regions_init_scope (LedgerDb    *db,
                                    const char  *scope,
                                    GError     **error);

G_END_DECLS
