/* ledger-shape-layer.h: lines and areas of water bodies on the map */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_SHAPE_LAYER (ledger_shape_layer_get_type ())
G_DECLARE_FINAL_TYPE (LedgerShapeLayer, ledger_shape_layer, LEDGER, SHAPE_LAYER, ShumateLayer)

LedgerShapeLayer *ledger_shape_layer_new        (ShumateViewport  *viewport);
/* @shapes: (element-type LedgerShape) (nullable): projected once, not kept */
void              ledger_shape_layer_set_shapes (LedgerShapeLayer *self,
                                                 GPtrArray        *shapes);
guint             ledger_shape_layer_get_n_shapes (LedgerShapeLayer *self);

G_END_DECLS
