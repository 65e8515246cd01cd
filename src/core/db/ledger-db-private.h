/* ledger-db-private.h: the SQL entry points of LedgerDb, for src/core only
 *
 * ledger-db.h includes this header when LEDGER_COMPILATION is defined (the
 * core library's own flag); core's tests include it directly. app and cli
 * never see it: tools/check-layers.sh fails the build if they include it or
 * <sqlite3.h>.
 */
#pragma once

#include <sqlite3.h>

#include "ledger-db.h"

G_BEGIN_DECLS

sqlite3      *ledger_db_get_handle       (LedgerDb           *self);

sqlite3_stmt *ledger_db_prepare          (LedgerDb           *self,
                                          const char         *sql,
                                          GError            **error);
/* Whether @sql, with @param bound to ?1, returns a row: *found. FALSE with
 * @error only when the query fails. */
gboolean      ledger_db_has_row          (LedgerDb           *self,
                                          const char         *sql,
                                          const char         *param,
                                          gboolean           *found,
                                          GError            **error);
gboolean      ledger_db_exec             (LedgerDb           *self,
                                          const char         *sql,
                                          GError            **error);
gboolean      ledger_db_set_sqlite_error (LedgerDb           *self,
                                          int                 rc,
                                          GError            **error);

/* ledger-db-queries.c: steps a write; a constraint failure becomes LEDGER_ERROR_INVALID */
gboolean      ledger_db_step_done        (LedgerDb           *self,
                                          sqlite3_stmt       *stmt,
                                          GError            **error);
/* the first column of the first row, @arg1 and @arg2 (nullable) bound, or NULL */
char         *ledger_db_lookup_text      (LedgerDb           *self,
                                          const char         *sql,
                                          const char         *arg1,
                                          const char         *arg2);

/* the audit row of a meta value @key set on an officer's behalf (meta has no trigger) */
gboolean      ledger_db_audit_meta       (LedgerDb           *self,
                                          const char         *key,
                                          const char         *old_value,
                                          const char         *new_value,
                                          GError            **error);

/* the connection's page cache, KiB (PRAGMA cache_size) */
#define LEDGER_DB_CACHE_KIB 65536

void          ledger_db_set_applying     (LedgerDb           *self,
                                          gboolean            applying);
gboolean      ledger_db_get_applying     (LedgerDb           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_reset)

G_END_DECLS
