/* ledger-point-sprites.h: the symbols of the point layer, rendered once
 *
 * Each symbol (kind × mark × selected) and each cluster badge (count × mark)
 * is drawn with cairo once into a texture; a frame is then only texture
 * nodes, the cheapest thing for both the cairo and the GL renderer.
 */
#pragma once

#include <gtk/gtk.h>

#include "ledger-points.h"

G_BEGIN_DECLS

typedef struct _LedgerPointSprites LedgerPointSprites;

LedgerPointSprites *ledger_point_sprites_new       (GtkWidget          *widget);
void                ledger_point_sprites_free      (LedgerPointSprites *sprites);
/* drop every texture, e.g. after a change of scale factor */
void                ledger_point_sprites_clear     (LedgerPointSprites *sprites);

/* size: logical pixels, square, centred on the point */
GdkTexture         *ledger_point_sprites_point     (LedgerPointSprites *sprites,
                                                    LedgerKind          kind,
                                                    LedgerMark          mark,
                                                    gboolean            selected,
                                                    double             *size);
GdkTexture         *ledger_point_sprites_cluster   (LedgerPointSprites *sprites,
                                                    guint               count,
                                                    LedgerMark          worst,
                                                    double             *size);
double              ledger_point_sprites_cluster_radius (guint          count);

G_END_DECLS
