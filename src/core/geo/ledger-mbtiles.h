/* ledger-mbtiles.h: read raster tiles from an MBTiles file (offline base map)
 *
 * An MBTiles file is SQLite with a `tiles(zoom_level, tile_column, tile_row,
 * tile_data)` table in TMS order (row 0 at the south) and a `metadata` table.
 * The map asks for tiles from worker threads, so every call is thread-safe.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedgerMbtiles LedgerMbtiles;

LedgerMbtiles *ledger_mbtiles_open          (const char     *path,
                                             GError        **error);
LedgerMbtiles *ledger_mbtiles_ref           (LedgerMbtiles  *self);
void           ledger_mbtiles_unref         (LedgerMbtiles  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerMbtiles, ledger_mbtiles_unref)

const char    *ledger_mbtiles_get_name      (LedgerMbtiles  *self);
const char    *ledger_mbtiles_get_format    (LedgerMbtiles  *self);
const char    *ledger_mbtiles_get_attribution (LedgerMbtiles *self);
guint          ledger_mbtiles_get_min_zoom  (LedgerMbtiles  *self);
guint          ledger_mbtiles_get_max_zoom  (LedgerMbtiles  *self);

/* x, y in XYZ order (row 0 at the north), as map widgets count them */
GBytes        *ledger_mbtiles_get_tile      (LedgerMbtiles  *self,
                                             guint           zoom,
                                             guint           x,
                                             guint           y,
                                             GError        **error);

G_END_DECLS
