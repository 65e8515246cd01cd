/* ledger-map-layers.h: what covers what on the map — the one rule (docs/ARCHITECTURE.md, map) */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* From the bottom up. Below every tier lies the base map: every layer of the
 * ShumateMap that is not one of these (the tiles of any source, and any
 * annotation layer over them). The point layer draws the selection last, so
 * the selection is above every point. */
typedef enum
{
  LEDGER_MAP_TIER_LAND,         /* the land colour, with no base map: part of the base */
  LEDGER_MAP_TIER_VILLAGES,     /* village markers */
  LEDGER_MAP_TIER_WATER_SHAPES, /* water bodies' lines and areas */
  LEDGER_MAP_TIER_OUTLINE,      /* county outline and township labels */
  LEDGER_MAP_TIER_POINTS,       /* every item, then the selection */
  LEDGER_MAP_TIER_MEASURE,      /* the measuring tool's lines, when in use */
  LEDGER_MAP_N_TIERS
} LedgerMapTier;

void ledger_map_layers_restack (ShumateMap          *map,
                                ShumateLayer *const  tiers[LEDGER_MAP_N_TIERS]);

G_END_DECLS
