/* ledger-store-bulk.h: writing many checked records in one transaction (issue 19) */
#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

/* new farms written by one statement */
#define LEDGER_STORE_BULK_ROWS 256

typedef struct _LedgerStoreBulk LedgerStoreBulk;

LedgerStoreBulk *ledger_store_bulk_new   (LedgerDb         *db);
gboolean         ledger_store_bulk_save  (LedgerStoreBulk  *self,
                                          LedgerRecord     *record,
                                          GError          **error);
gboolean         ledger_store_bulk_flush (LedgerStoreBulk  *self,
                                          GError          **error);
void             ledger_store_bulk_free  (LedgerStoreBulk  *self);

/* ledger-store-caches.c: outside a transaction, before an import's, what
 * the rules cache needs installed (else it asks again for every row) */
void             ledger_store_caches_prepare (LedgerDb     *db);
/* an import's write transaction, which writes no rules, asks for the
 * cached rules and codes once, not once per row */
void             ledger_store_caches_pin     (LedgerDb     *db,
                                              gboolean      pinned);
/* a dry run's checks: one read transaction (one snapshot) with the caches
 * pinned, begun outside a transaction; returns whether it began */
gboolean         ledger_store_caches_read_begin (LedgerDb  *db);
void             ledger_store_caches_read_end   (LedgerDb  *db,
                                                 gboolean   began);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerStoreBulk, ledger_store_bulk_free)

G_END_DECLS
