/* ledger-county-outline.h: the county outline a ledger draws and checks points against
 *
 * Lezhi's outline ships with the program; any other county's comes from a
 * GeoJSON file the user imports, stored in the ledger itself (meta key
 * boundary_geojson) so that the ledger file carries it to other computers.
 */
#pragma once

#include "ledger-coords.h"
#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_OUTLINE_META_KEY "boundary_geojson"

typedef struct
{
  guint n_seats;   /* township seats with a location */
  guint n_inside;  /* of those, inside the outline */
} LedgerOutlineCheck;

char     *ledger_county_outline_dup_geojson (LedgerDb            *db);
gboolean  ledger_county_outline_check       (LedgerDb            *db,
                                             const char          *geojson,
                                             LedgerOutlineCheck  *check,
                                             GError             **error);
gboolean  ledger_county_outline_fits        (const LedgerOutlineCheck *check);
gboolean  ledger_county_outline_import_text (LedgerDb            *db,
                                             const char          *geojson,
                                             const char          *path,
                                             gboolean             force,
                                             GError             **error);
char     *ledger_county_outline_to_wgs84    (const char          *geojson,
                                             LedgerDatum          from,
                                             GError             **error);
gboolean  ledger_county_outline_store       (LedgerDb            *db,
                                             const char          *geojson,
                                             GError             **error);
char     *ledger_county_outline_read_file   (const char          *path,
                                             LedgerDatum          from,
                                             GError             **error);
gboolean  ledger_county_outline_import      (LedgerDb            *db,
                                             const char          *path,
                                             LedgerDatum          from,
                                             gboolean             force,
                                             GError             **error);

G_END_DECLS
