/* ledger-base-map.h: the base maps offered in Preferences (WGS-84 tiles only) */
#pragma once

#include <gio/gio.h>
#include <shumate/shumate.h>

#include "ledger-tile-source.h"

G_BEGIN_DECLS

/* the values of the settings enum org.ruralsanitation.Ledger.BaseMap */
typedef enum
{
  LEDGER_BASE_MAP_NONE = 0,
  LEDGER_BASE_MAP_OSM = 1,
  LEDGER_BASE_MAP_URL_TEMPLATE = 2,
  LEDGER_BASE_MAP_MBTILES = 3,
  LEDGER_BASE_MAP_TIANDITU_VECTOR = 4,
  LEDGER_BASE_MAP_TIANDITU_IMAGERY = 5,
} LedgerBaseMap;

ShumateMapSource *ledger_base_map_new_source   (GSettings         *settings,
                                                LedgerTileSource **tiles,
                                                GError           **error);
gboolean          ledger_base_map_key_is_valid (const char        *key);

G_END_DECLS
