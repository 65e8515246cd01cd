/* ledger-server.h: a county server — the update packages through PostgreSQL,
 * and the county ledger mirrored into PostGIS for QGIS
 *
 * The server keeps the same packages as files would carry (schema
 * sanitation_ledger: info, packages with row-level security per township
 * role), so idempotence, ordering, ownership and conflicts are exactly those
 * of ledger-exchange.h. After each county sync the schema
 * sanitation_ledger_mirror holds the county ledger, a table per kind with
 * geometries, and the progress figures per township and year.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_SERVER_SCHEMA_VERSION 1

typedef struct
{
  guint    pushed;        /* packages stored on the server */
  guint    pulled;        /* packages taken from it */
  guint    applied_rows;  /* rows changed here by them */
  guint    conflicts;
  guint    refused;
  gboolean mirrored;      /* the county's PostGIS mirror was rebuilt */
} LedgerSyncReport;

/* @conninfo: a libpq connection string or URI; @password (nullable): one
 * kept apart from it (the window's, from the desktop keyring) */
gboolean ledger_server_init (LedgerDb          *county,
                             const char        *conninfo,
                             const char        *password,
                             GError           **error);
gboolean ledger_server_sync (LedgerDb          *db,
                             const char        *conninfo,
                             const char        *password,
                             LedgerSyncReport  *report,
                             GError           **error);

G_END_DECLS
