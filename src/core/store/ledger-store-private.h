/* ledger-store-private.h: what the store's files share */
#pragma once

#include "ledger-rules.h"
#include "ledger-store.h"

G_BEGIN_DECLS

char *ledger_store_column_text (sqlite3_stmt      *stmt,
                                int                column,
                                const LedgerField *field);

/* steps a write; a constraint failure becomes LEDGER_ERROR_INVALID */
gboolean ledger_store_step_done (LedgerDb      *db,
                                 sqlite3_stmt  *stmt,
                                 GError       **error);

/* the first column of the first row, or NULL */
char     *ledger_store_lookup_text    (LedgerDb           *db,
                                       const char         *sql,
                                       const char         *arg1,
                                       const char         *arg2);

/* ledger-store-audit.c: steps the INSERT of a new row with its audit
 * trigger silenced and writes that trigger's audit row itself */
gboolean  ledger_store_insert_audited (LedgerDb           *db,
                                       sqlite3_stmt       *insert,
                                       const char         *entity,
                                       const char         *entity_uid,
                                       GError            **error);

/* ledger-store-caches.c */
const LedgerRules *ledger_store_cached_rules (LedgerDb *db);
/* outside a transaction, the checks of one record share one read transaction */
gboolean  ledger_store_begin_snapshot (LedgerDb           *db);
void      ledger_store_end_snapshot   (LedgerDb           *db,
                                       gboolean            began);
/* the next free "<letter><village code>-<n>" after the highest in use */
char     *ledger_store_assign_code    (LedgerDb           *db,
                                       const LedgerRecord *record);
/* a code given by hand raises the highest number in use */
void      ledger_store_note_code      (LedgerDb           *db,
                                       const LedgerRecord *record);

G_END_DECLS
