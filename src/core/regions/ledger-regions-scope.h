/* ledger-regions-scope.h: a ledger for a whole province, or the whole nation */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

gboolean ledger_regions_init_scope (LedgerDb    *db,
                                    const char  *scope,
                                    GError     **error);

/* "51" (a province) or "all" (the nation) */
gboolean ledger_regions_is_scope   (const char  *code);

G_END_DECLS
