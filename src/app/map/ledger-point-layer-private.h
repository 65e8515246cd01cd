/* ledger-point-layer-private.h: what the point layer's files share */
#pragma once

#include <math.h>

#include "ledger-point-grid.h"
#include "ledger-point-layer.h"
#include "ledger-point-sprites.h"

G_BEGIN_DECLS

/* from this level on every point is drawn on its own */
#define FIRST_UNCLUSTERED_LEVEL 17
#define MAX_LEVEL               24
#define POINT_HIT_RADIUS        11.0
#define SELECTED_HIT_RADIUS     15.0

struct _LedgerPointLayer
{
  ShumateLayer        parent_instance;

  LedgerPointSet     *points;
  double             *mercator;       /* x, y per point */
  guint8             *marks;
  GArray             *visible;        /* guint: indices that pass the filters */
  LedgerPointGrid    *grids[MAX_LEVEL + 1];
  LedgerPointSprites *sprites;

  gboolean            kind_visible[LEDGER_N_KINDS];
  char               *township;
  GHashTable         *only;       /* uids or village codes shown; NULL: all */
  char               *selected_uid;

  gboolean            dragging;
  double              drag_x;
  double              drag_y;

  double              last_snapshot_ms;

  char               *focus_uid;   /* the point or cluster Tab reached, or NULL */
};

enum {
  POINT_ACTIVATED,
  CLUSTER_ACTIVATED,
  ADD_HERE,
  POINT_MOVED,
  N_SIGNALS
};

extern guint ledger_point_layer_signals[N_SIGNALS];

/* the projection of the viewport, as shumate_viewport_location_to_widget_coords()
 * does it, but without a reference map source (the base map may be "none") */
typedef struct
{
  double width;
  double height;
  double world;   /* pixels per Mercator unit */
  double cx;
  double cy;
  double cos_r;
  double sin_r;
  double zoom;
} View;

static inline void
view_init (View             *view,
           LedgerPointLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256;
  double rotation = shumate_viewport_get_rotation (viewport);

  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->world = tile_size * exp2 (view->zoom);
  ledger_mercator_from_lonlat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                               &view->cx, &view->cy);
  view->cos_r = cos (rotation);
  view->sin_r = sin (rotation);
}

static inline void
view_project (const View *view,
              double      mx,
              double      my,
              double     *x,
              double     *y)
{
  double dx = (mx - view->cx) * view->world;
  double dy = (my - view->cy) * view->world;

  *x = view->cos_r * dx - view->sin_r * dy + view->width / 2;
  *y = view->sin_r * dx + view->cos_r * dy + view->height / 2;
}

static inline void
view_unproject (const View *view,
                double      x,
                double      y,
                double     *mx,
                double     *my)
{
  double dx = x - view->width / 2;
  double dy = y - view->height / 2;

  *mx = view->cx + (view->cos_r * dx + view->sin_r * dy) / view->world;
  *my = view->cy + (-view->sin_r * dx + view->cos_r * dy) / view->world;
}

static inline guint
view_level (const View *view)
{
  return (guint) CLAMP (floor (view->zoom + 1e-6), 0, MAX_LEVEL);
}

typedef struct
{
  const LedgerPoint *point;
  guint              size;      /* > 1: a cluster */
  double             distance;
  double             mx;
  double             my;
} LedgerPointHit;

LedgerPointGrid   *ledger_point_layer_get_grid           (LedgerPointLayer *self,
                                                          guint             level);
const LedgerPoint *ledger_point_layer_get_selected_point (LedgerPointLayer *self);
gboolean           ledger_point_layer_pick_hit           (LedgerPointLayer *self,
                                                          double            x,
                                                          double            y,
                                                          LedgerPointHit   *hit);
void               ledger_point_layer_add_gestures       (LedgerPointLayer *self);
void               ledger_point_layer_draw_focus         (LedgerPointLayer *self,
                                                          GtkSnapshot      *snapshot,
                                                          const View       *view);
gboolean           ledger_point_layer_focus              (GtkWidget        *widget,
                                                          GtkDirectionType  direction);
gboolean           ledger_point_layer_contains           (GtkWidget        *widget,
                                                          double            x,
                                                          double            y);

G_END_DECLS
