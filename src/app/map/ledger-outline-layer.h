/* ledger-outline-layer.h: the county outline and township names (docs/ARCHITECTURE.md, map)
 *
 * Draws with no tiles at all, so the map is never blank when the base map is
 * "none" or the network is down.
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  double  lon;
  double  lat;
} LedgerOutlineLabel;

LedgerOutlineLabel *ledger_outline_label_new  (const char         *name,
                                               double              lon,
                                               double              lat);
void                ledger_outline_label_free (LedgerOutlineLabel *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerOutlineLabel, ledger_outline_label_free)

#define LEDGER_TYPE_OUTLINE_LAYER (ledger_outline_layer_get_type ())
G_DECLARE_FINAL_TYPE (LedgerOutlineLayer, ledger_outline_layer, LEDGER, OUTLINE_LAYER, ShumateLayer)

LedgerOutlineLayer *ledger_outline_layer_new                 (ShumateViewport    *viewport);
gboolean            ledger_outline_layer_set_geojson         (LedgerOutlineLayer *self,
                                                              const char         *geojson,
                                                              gssize              length,
                                                              GError            **error);
/* labels: LedgerOutlineLabel, copied */
typedef gboolean (*LedgerLabelObstacleFunc) (const graphene_rect_t *rect,
                                             gpointer               data);
void                ledger_outline_layer_set_label_obstacles (LedgerOutlineLayer      *self,
                                                              LedgerLabelObstacleFunc  func,
                                                              gpointer                 data);
void                ledger_outline_layer_set_labels          (LedgerOutlineLayer *self,
                                                              GPtrArray          *labels);
void                ledger_outline_layer_set_draw_background (LedgerOutlineLayer *self,
                                                              gboolean            draw_background);
gboolean            ledger_outline_layer_get_draw_background (LedgerOutlineLayer *self);
/* FALSE when no outline is set */
gboolean            ledger_outline_layer_get_bounds          (LedgerOutlineLayer *self,
                                                              double             *min_lon,
                                                              double             *min_lat,
                                                              double             *max_lon,
                                                              double             *max_lat);

G_END_DECLS
