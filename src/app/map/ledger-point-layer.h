/* ledger-point-layer.h: every inventory point, drawn in one snapshot (docs/ARCHITECTURE.md, map) */
#pragma once

#include <shumate/shumate.h>

#include "ledger-palette.h"
#include "ledger-points.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_POINT_LAYER (ledger_point_layer_get_type ())
G_DECLARE_FINAL_TYPE (LedgerPointLayer, ledger_point_layer, LEDGER, POINT_LAYER, ShumateLayer)

LedgerPointLayer  *ledger_point_layer_new                  (ShumateViewport  *viewport);

void               ledger_point_layer_set_points           (LedgerPointLayer *self,
                                                            LedgerPointSet   *points);
LedgerPointSet    *ledger_point_layer_get_points           (LedgerPointLayer *self);
char              *ledger_point_layer_dup_summary          (LedgerPointLayer *self);

void               ledger_point_layer_set_kind_visible     (LedgerPointLayer *self,
                                                            LedgerKind        kind,
                                                            gboolean          visible);
gboolean           ledger_point_layer_get_kind_visible     (LedgerPointLayer *self,
                                                            LedgerKind        kind);
/* a 9-digit township code (village_code prefix), or NULL for the whole county */
void               ledger_point_layer_set_township         (LedgerPointLayer *self,
                                                            const char       *township_code);
/* only the points whose uid or village code is in @keys (NULL: all) */
void               ledger_point_layer_set_only             (LedgerPointLayer *self,
                                                            GHashTable       *keys);
/* the points passing the filters (kind, township, only) */
guint              ledger_point_layer_get_n_visible        (LedgerPointLayer *self);
const char        *ledger_point_layer_get_township         (LedgerPointLayer *self);

void               ledger_point_layer_set_selected_uid     (LedgerPointLayer *self,
                                                            const char       *uid);
const char        *ledger_point_layer_get_selected_uid     (LedgerPointLayer *self);

/* x, y in widget coordinates; a cluster gives its first point and its size */
const LedgerPoint *ledger_point_layer_pick                 (LedgerPointLayer *self,
                                                            double            x,
                                                            double            y,
                                                            guint            *cluster_size);

/* whether a cluster's ring drawn now would overlap @rect (widget coordinates) */
gboolean           ledger_point_layer_rect_hits_cluster    (LedgerPointLayer      *self,
                                                            const graphene_rect_t *rect);

double             ledger_point_layer_get_last_snapshot_ms (LedgerPointLayer *self);

G_END_DECLS
