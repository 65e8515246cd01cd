/* ledger-demo.h: the Lezhi demo inventory (issue 2 item 6) */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

gboolean ledger_demo_install (LedgerDb  *db,
                              GError   **error);
guint    ledger_demo_count   (LedgerDb  *db);

G_END_DECLS
