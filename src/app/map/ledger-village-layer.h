/* ledger-village-layer.h: the villages on the map, by their standing on the
 * village sewage indicator in the year shown (issue 11 item 3) */
#pragma once

#include <shumate/shumate.h>

#include "ledger-village-marks.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_VILLAGE_LAYER (ledger_village_layer_get_type ())
G_DECLARE_FINAL_TYPE (LedgerVillageLayer, ledger_village_layer, LEDGER, VILLAGE_LAYER, ShumateLayer)

LedgerVillageLayer      *ledger_village_layer_new          (ShumateViewport    *viewport);
/* takes @marks (NULL: none) */
void                     ledger_village_layer_take_marks   (LedgerVillageLayer *self,
                                                            LedgerVillageMarks *marks);
LedgerVillageMarks      *ledger_village_layer_get_marks    (LedgerVillageLayer *self);
/* a 9-digit township code, or NULL for the whole county */
void                     ledger_village_layer_set_township (LedgerVillageLayer *self,
                                                            const char         *township);
/* only the villages whose code is in @codes (NULL: all) */
void                     ledger_village_layer_set_only     (LedgerVillageLayer *self,
                                                            GHashTable         *codes);
guint                    ledger_village_layer_get_n_shown  (LedgerVillageLayer *self);
/* the village drawn at @x, @y of the layer, or NULL */
const LedgerVillageMark *ledger_village_layer_pick         (LedgerVillageLayer *self,
                                                            double              x,
                                                            double              y);
/* the bounds of the villages shown; FALSE when none */
gboolean                 ledger_village_layer_get_bounds   (LedgerVillageLayer *self,
                                                            double             *min_lon,
                                                            double             *min_lat,
                                                            double             *max_lon,
                                                            double             *max_lat);
/* draws @state's symbol centred on @x, @y (the legend uses it too) */
void                     ledger_village_symbol_draw        (cairo_t            *cr,
                                                            LedgerVillageState  state,
                                                            double              x,
                                                            double              y);

G_END_DECLS
