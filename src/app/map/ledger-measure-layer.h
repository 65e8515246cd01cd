/* ledger-measure-layer.h: the measuring tool — clicks lay a line, the layer
 * says its length and, from three points, the area it encloses */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_MEASURE_LAYER (ledger_measure_layer_get_type ())
G_DECLARE_FINAL_TYPE (LedgerMeasureLayer, ledger_measure_layer, LEDGER, MEASURE_LAYER, ShumateLayer)

LedgerMeasureLayer *ledger_measure_layer_new         (ShumateViewport    *viewport);
/* while active the layer takes the map's clicks; inactive, it is cleared */
void                ledger_measure_layer_set_active  (LedgerMeasureLayer *self,
                                                      gboolean            active);
gboolean            ledger_measure_layer_get_active  (LedgerMeasureLayer *self);
void                ledger_measure_layer_add_point   (LedgerMeasureLayer *self,
                                                      double              lon,
                                                      double              lat);
void                ledger_measure_layer_undo        (LedgerMeasureLayer *self);
void                ledger_measure_layer_clear       (LedgerMeasureLayer *self);
guint               ledger_measure_layer_get_n_points (LedgerMeasureLayer *self);
double              ledger_measure_layer_get_length_m (LedgerMeasureLayer *self);
double              ledger_measure_layer_get_area_m2  (LedgerMeasureLayer *self);
/* "Distance 1.20 km · area 8.35 ha (125.3 亩)", or a hint with no point */
char               *ledger_measure_layer_dup_summary (LedgerMeasureLayer *self);

/* signal "changed": points were added or removed */

G_END_DECLS
