/* ledger-map-layers.c: what covers what on the map — the one rule (docs/ARCHITECTURE.md, map)
 *
 * libshumate 1.0's ShumateSimpleMap inserts its first base-map layer at the
 * top of the map when overlays were added before it, and every later base map
 * behind the previous one: tiles then cover every overlay, and being the
 * topmost child they take every click. So the order is not left to the order
 * of calls: after any change of layers the map is restacked by this table.
 */
#include "config.h"

#include "ledger-map-layers.h"

/**
 * ledger_map_layers_restack:
 * @map: the map
 * @tiers: the layer of each tier (%NULL: none), children of @map
 *
 * Puts the layers of @tiers above every other layer of @map (the base map),
 * in the order of #LedgerMapTier. Layers that are not ours keep their order
 * among themselves, at the bottom. (Picking is another matter: a ShumateLayer
 * contains no point unless it says so, see ledger_point_layer_contains().)
 */
void
ledger_map_layers_restack (ShumateMap          *map,
                           ShumateLayer *const  tiers[LEDGER_MAP_N_TIERS])
{
  g_return_if_fail (SHUMATE_IS_MAP (map));

  for (guint tier = 0; tier < LEDGER_MAP_N_TIERS; tier++)
    {
      GtkWidget *layer = GTK_WIDGET (tiers[tier]);

      if (layer == NULL)
        continue;
      g_return_if_fail (gtk_widget_get_parent (layer) == GTK_WIDGET (map));
      /* moved to the top, one after the other: the last tier ends topmost */
      gtk_widget_insert_before (layer, GTK_WIDGET (map), NULL);
    }
}
