/* ledger-store-private.h: what the store's files share */
#pragma once

#include "ledger-rules.h"
#include "ledger-store.h"

G_BEGIN_DECLS

char *ledger_store_column_text (sqlite3_stmt      *stmt,
                                int                column,
                                const LedgerField *field);

/* binds a canonical value as its field's SQLite type (NULL for NULL) */
void      ledger_store_bind_value     (sqlite3_stmt       *stmt,
                                       int                 index,
                                       const LedgerField  *field,
                                       const char         *canonical);
/* the uid of the stored item @record updates, or NULL for a new one */
char     *ledger_store_existing_uid   (LedgerDb           *db,
                                       const LedgerRecord *record);

/* the audit row of a new item (the VALUES of AUDIT_INSERT in
 * ledger-schema.c, for action 'insert'): the entity, then its key */
#define LEDGER_STORE_AUDIT_NEW_HEAD \
  "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value, batch) VALUES "
#define LEDGER_STORE_AUDIT_NEW_ROW \
  "(ledger_uid(), strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), ?, ?, 'insert'," \
  " NULL, NULL, NULL, ledger_audit_batch())"

/* the same, its time bound once as ?1 for the many rows of one statement
 * (strftime per row is a fifth of writing them) */
#define LEDGER_STORE_AUDIT_NEW_ROW_AT \
  "(ledger_uid(), ?1, ledger_actor(), ?, ?, 'insert', NULL, NULL, NULL, ledger_audit_batch())"
#define LEDGER_STORE_AUDIT_NOW_SQL "SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now')"

/* ledger-store-write.c: "INSERT INTO table (fields first…last-1, is_demo,
 * key_column) VALUES ", the head of every new row's statement */
char     *ledger_store_insert_head   (const char         *table,
                                       LedgerKind          kind,
                                       guint               first,
                                       guint               last,
                                       const char         *key_column);

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
