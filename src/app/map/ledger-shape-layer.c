/* ledger-shape-layer.c: water bodies as lines and areas (docs/ARCHITECTURE.md, map)
 *
 * A water body imported with its LineString or Polygon is drawn as that
 * shape, in the colour of its remediation status, under the point layer
 * (whose symbol and clustering still use the point on the shape). Like the
 * outline layer, the shapes are projected to Web Mercator once when set and
 * a frame only scales them, skipping vertices closer than a pixel.
 */
#include "config.h"

#include <math.h>

#include "ledger-point-grid.h"
#include "ledger-palette.h"
#include "ledger-shape-layer.h"
#include "ledger-shapes.h"

typedef struct
{
  gboolean    is_area;
  LedgerMark  mark;
  GPtrArray  *parts;   /* GArray of double: Mercator x, y, x, y… */
} ProjectedShape;

struct _LedgerShapeLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *shapes;   /* ProjectedShape */
};

G_DEFINE_FINAL_TYPE (LedgerShapeLayer, ledger_shape_layer, SHUMATE_TYPE_LAYER)

static const GdkRGBA casing = { 1, 1, 1, 0.9 };

/* ---- auxiliary functions ---- */

static void
projected_shape_free (gpointer data)
{
  ProjectedShape *shape = data;

  g_ptr_array_unref (shape->parts);
  g_free (shape);
}

static GArray *
project_part (GArray *lonlat)
{
  const double *ll = (const double *) (gpointer) lonlat->data;
  GArray *xy = g_array_sized_new (FALSE, FALSE, sizeof (double), lonlat->len);

  for (guint i = 0; i + 1 < lonlat->len; i += 2)
    {
      double x, y;
      ledger_mercator_from_lonlat (ll[i], ll[i + 1], &x, &y);
      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  return xy;
}

static ProjectedShape *
project_shape (const LedgerShape *shape)
{
  ProjectedShape *projected = g_new0 (ProjectedShape, 1);

  projected->is_area = shape->is_area;
  projected->mark = ledger_mark_for_water_body (shape->status, FALSE);
  projected->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < shape->parts->len; i++)
    g_ptr_array_add (projected->parts, project_part (g_ptr_array_index (shape->parts, i)));
  return projected;
}

static void
trace_part (cairo_t *cr,
            GArray  *part,
            double   cx,
            double   cy,
            double   world,
            gboolean close)
{
  const double *xy = (const double *) (gpointer) part->data;
  guint n = part->len / 2;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < n; i++)
    {
      double x = (xy[2 * i] - cx) * world;
      double y = (xy[2 * i + 1] - cy) * world;

      if (i > 0 && i + 1 < n && fabs (x - last_x) < 1 && fabs (y - last_y) < 1)
        continue;
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      last_x = x;
      last_y = y;
    }
  if (close)
    cairo_close_path (cr);
}

static void
draw_shape (cairo_t              *cr,
            const ProjectedShape *shape,
            double                cx,
            double                cy,
            double                world)
{
  GdkRGBA color;

  ledger_mark_color (shape->mark, &color);
  for (guint i = 0; i < shape->parts->len; i++)
    trace_part (cr, g_ptr_array_index (shape->parts, i), cx, cy, world, shape->is_area);
  if (shape->is_area)
    {
      GdkRGBA fill = color;
      fill.alpha = 0.35;
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill_preserve (cr);
    }
  /* a white casing, then the colour: readable on any tiles */
  cairo_set_line_width (cr, shape->is_area ? 3.5 : 5.5);
  gdk_cairo_set_source_rgba (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, shape->is_area ? 2.0 : 3.5);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_stroke (cr);
}

/* ---- parent class overrides ---- */

static void
ledger_shape_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LedgerShapeLayer *self = LEDGER_SHAPE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256;
  double world = tile_size * exp2 (shumate_viewport_get_zoom_level (viewport));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  double cx, cy;
  cairo_t *cr;

  if (self->shapes->len == 0 || width == 0 || height == 0)
    return;
  ledger_mercator_from_lonlat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), &cx, &cy);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, shumate_viewport_get_rotation (viewport));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_tolerance (cr, 0.5);
  for (guint i = 0; i < self->shapes->len; i++)
    draw_shape (cr, g_ptr_array_index (self->shapes, i), cx, cy, world);
  cairo_destroy (cr);
}

static void
ledger_shape_layer_constructed (GObject *object)
{
  LedgerShapeLayer *self = LEDGER_SHAPE_LAYER (object);

  G_OBJECT_CLASS (ledger_shape_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
ledger_shape_layer_finalize (GObject *object)
{
  LedgerShapeLayer *self = LEDGER_SHAPE_LAYER (object);

  g_clear_pointer (&self->shapes, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_shape_layer_parent_class)->finalize (object);
}

static void
ledger_shape_layer_class_init (LedgerShapeLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ledger_shape_layer_constructed;
  object_class->finalize = ledger_shape_layer_finalize;
  widget_class->snapshot = ledger_shape_layer_snapshot;
}

static void
ledger_shape_layer_init (LedgerShapeLayer *self)
{
  self->shapes = g_ptr_array_new_with_free_func (projected_shape_free);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);   /* clicks go to the points */
}

/* ---- public API ---- */

LedgerShapeLayer *
ledger_shape_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (LEDGER_TYPE_SHAPE_LAYER, "viewport", viewport, NULL);
}

/**
 * ledger_shape_layer_set_shapes:
 * @shapes: (element-type LedgerShape) (nullable): from ledger_shapes_load()
 */
void
ledger_shape_layer_set_shapes (LedgerShapeLayer *self,
                               GPtrArray        *shapes)
{
  g_return_if_fail (LEDGER_IS_SHAPE_LAYER (self));

  g_ptr_array_set_size (self->shapes, 0);
  for (guint i = 0; shapes != NULL && i < shapes->len; i++)
    g_ptr_array_add (self->shapes, project_shape (g_ptr_array_index (shapes, i)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ledger_shape_layer_get_n_shapes (LedgerShapeLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_SHAPE_LAYER (self), 0);

  return self->shapes->len;
}
