/* ledger-import-mappings.h: a file with the same headers is mapped the same way
 *
 * When the officer changes what a column goes to in the import assistant and
 * imports, the mapping is kept in the ledger (the meta table, key
 * "import_mapping/<kind>/<hash of the header names>", one audit row per
 * change); the next file of that kind whose header has the same column names
 * gets the same targets. Local to the ledger: not sent in an exchange.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-table-layout.h"

G_BEGIN_DECLS

/* Stores the targets of @layout's columns for files with the same header,
 * and @values: "treat every 'X' as …" choices as field key, text, value
 * triples, NULL-terminated (nullable); nothing is written when they are
 * stored already. One transaction. */
gboolean ledger_import_mapping_save  (LedgerDb                *db,
                                      const LedgerTableLayout *layout,
                                      const char * const      *values,
                                      GError                 **error);
/* Gives @layout's columns the targets stored for the same header, if any,
 * and the stored value choices in @values (nullable; triples as above).
 * Returns: TRUE when a remembered mapping was applied */
gboolean ledger_import_mapping_apply (LedgerDb                *db,
                                      LedgerTableLayout       *layout,
                                      const LedgerTable       *table,
                                      char                  ***values);

G_END_DECLS
