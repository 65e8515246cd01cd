/* ledger-point-sprites.h: the symbols of the point layer, rendered once
 *
 * Each symbol (kind × mark × selected) and each cluster badge (count × mark)
 * is drawn with cairo once into an image surface and wrapped in a texture;
 * a frame is then only texture nodes.
 */
#pragma once

#include <gtk/gtk.h>

#include "ledger-points.h"

G_BEGIN_DECLS

typedef struct _LedgerPointSprites LedgerPointSprites;

typedef struct
{
  cairo_surface_t *surface;   /* device scale set to the widget's scale factor */
  GdkTexture      *texture;   /* made on first use */
  double           size;      /* logical pixels, square, centred on the point */
} LedgerSprite;

LedgerPointSprites *ledger_point_sprites_new       (GtkWidget          *widget);
void                ledger_point_sprites_free      (LedgerPointSprites *sprites);
/* drop every texture, e.g. after a change of scale factor */
void                ledger_point_sprites_clear     (LedgerPointSprites *sprites);

LedgerSprite       *ledger_point_sprites_point     (LedgerPointSprites *sprites,
                                                    LedgerKind          kind,
                                                    LedgerMark          mark,
                                                    gboolean            selected);
LedgerSprite       *ledger_point_sprites_cluster   (LedgerPointSprites *sprites,
                                                    guint               count,
                                                    LedgerMark          worst);
GdkTexture         *ledger_sprite_get_texture      (LedgerSprite       *sprite);
double              ledger_point_sprites_cluster_radius (guint          count);

G_END_DECLS
