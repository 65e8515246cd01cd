/* ledger-tile-source.h: online raster tiles (one or two layers) that say when they fail */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_TILE_SOURCE (ledger_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (LedgerTileSource, ledger_tile_source, LEDGER, TILE_SOURCE, ShumateDataSource)

LedgerTileSource *ledger_tile_source_new          (const char       *url_template,
                                                   const char       *overlay_template);
gboolean          ledger_tile_source_get_failing  (LedgerTileSource *self);
const char       *ledger_tile_source_get_reason   (LedgerTileSource *self);
guint             ledger_tile_source_get_n_loaded (LedgerTileSource *self);

G_END_DECLS
