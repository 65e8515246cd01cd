/* ledger-schema.h: the SQL of each schema version (private to core) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ledger_schema_v1_sql (void);
char *ledger_schema_v2_sql (void);
/* ledger-schema-sources.c (issue 12) */
struct _LedgerDb;
char *ledger_schema_sources_sql (void);
gboolean ledger_schema_widen_species (struct _LedgerDb *db, GError **error);
char *ledger_schema_refresh_triggers_sql (void);
/* ledger-schema-checks.c (issue 19): a table's definition edited in place */
typedef gboolean (*LedgerSchemaEdit) (struct _LedgerDb *db, GError **error);
gboolean ledger_schema_edit_in_place (struct _LedgerDb *db, LedgerSchemaEdit edit, GError **error);
gboolean ledger_schema_checks_without_lists (struct _LedgerDb *db, GError **error);
const char *ledger_schema_region_history_sql (void);
/* ledger-schema-tables.c: the exchange (issue 13), the undo labels (issue 16),
 * the inspections' follow-up */
const char *ledger_schema_exchange_sql (void);
const char *ledger_schema_undo_sql (void);
const char *ledger_schema_inspections_sql (void);

G_END_DECLS
