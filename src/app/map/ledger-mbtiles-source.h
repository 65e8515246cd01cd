/* ledger-mbtiles-source.h: an offline base map from an MBTiles file */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_MBTILES_SOURCE (ledger_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (LedgerMbtilesSource, ledger_mbtiles_source, LEDGER, MBTILES_SOURCE, ShumateDataSource)

LedgerMbtilesSource *ledger_mbtiles_source_new          (const char           *path,
                                                         GError              **error);
const char          *ledger_mbtiles_source_get_path     (LedgerMbtilesSource  *self);
guint                ledger_mbtiles_source_get_min_zoom (LedgerMbtilesSource  *self);
guint                ledger_mbtiles_source_get_max_zoom (LedgerMbtilesSource  *self);
const char          *ledger_mbtiles_source_get_name     (LedgerMbtilesSource  *self);

ShumateMapSource    *ledger_mbtiles_map_source_new      (const char           *path,
                                                         GError              **error);

G_END_DECLS
