/* ledger-outline-layer.c: the county outline and township names (docs/ARCHITECTURE.md, map)
 *
 * The rings are projected to Web Mercator once, when the GeoJSON is set; a
 * frame scales them and skips vertices closer than a pixel, so the cost of a
 * detailed outline does not grow at low zoom levels.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-geo.h"
#include "ledger-outline-layer.h"
#include "ledger-point-grid.h"

/* township names are drawn from this zoom level on, where they no longer collide */
#define LABEL_MIN_ZOOM 9.0

struct _LedgerOutlineLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *rings;       /* GArray of double: Mercator x, y, x, y… */
  double        bounds[4];   /* min lon, min lat, max lon, max lat */
  GPtrArray    *labels;      /* LedgerOutlineLabel */
  GPtrArray    *layouts;     /* PangoLayout per label, made on first draw */
  gboolean      draw_background;
  LedgerLabelObstacleFunc obstacle_func;  /* what a label must not cover */
  gpointer      obstacle_data;
};

G_DEFINE_FINAL_TYPE (LedgerOutlineLayer, ledger_outline_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_DRAW_BACKGROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GdkRGBA background_color = { 0.949, 0.937, 0.914, 1 };  /* #F2EFE9, land */
static const GdkRGBA fill_color = { 0.208, 0.518, 0.894, 0.10 };
static const GdkRGBA stroke_color = { 0.110, 0.443, 0.847, 0.90 };

typedef struct
{
  double width;
  double height;
  double world;
  double cx;
  double cy;
  double rotation;
  double zoom;
} View;

static void
view_init (View               *view,
           LedgerOutlineLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256;

  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->world = tile_size * exp2 (view->zoom);
  view->rotation = shumate_viewport_get_rotation (viewport);
  ledger_mercator_from_lonlat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                               &view->cx, &view->cy);
}

/* the outline (read by core's ledger-geo), projected once */

static gboolean
project_outline (LedgerOutlineLayer  *self,
                 const LedgerOutline *outline)
{
  ledger_outline_get_bounds (outline, &self->bounds[0], &self->bounds[1], &self->bounds[2], &self->bounds[3]);
  if (!(self->bounds[0] <= self->bounds[2] && self->bounds[1] <= self->bounds[3]))
    return FALSE;   /* rings without a single position */
  for (guint r = 0; r < ledger_outline_get_n_rings (outline); r++)
    {
      guint n;
      const double *lonlat = ledger_outline_get_ring (outline, r, &n);
      GArray *mercator = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);

      for (guint i = 0; i < n; i++)
        {
          double xy[2];

          ledger_mercator_from_lonlat (lonlat[2 * i], lonlat[2 * i + 1], &xy[0], &xy[1]);
          g_array_append_vals (mercator, xy, 2);
        }
      g_ptr_array_add (self->rings, mercator);
    }
  return TRUE;
}

static void
reset_outline (LedgerOutlineLayer *self)
{
  g_ptr_array_set_size (self->rings, 0);
  self->bounds[0] = self->bounds[1] = G_MAXDOUBLE;
  self->bounds[2] = self->bounds[3] = -G_MAXDOUBLE;
}

/* drawing */

static void
trace_ring (cairo_t    *cr,
            const View *view,
            GArray     *ring)
{
  const double *xy = (const double *) (gpointer) ring->data;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < ring->len / 2; i++)
    {
      double x = (xy[2 * i] - view->cx) * view->world;
      double y = (xy[2 * i + 1] - view->cy) * view->world;

      if (i > 0 && i + 1 < ring->len / 2 && fabs (x - last_x) < 1 && fabs (y - last_y) < 1)
        continue;
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      last_x = x;
      last_y = y;
    }
  cairo_close_path (cr);
}

static void
draw_outline (LedgerOutlineLayer *self,
              cairo_t            *cr,
              const View         *view)
{
  /* origin at the widget's centre, rotated like the viewport */
  cairo_translate (cr, view->width / 2, view->height / 2);
  cairo_rotate (cr, view->rotation);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_tolerance (cr, 0.5);
  for (guint i = 0; i < self->rings->len; i++)
    trace_ring (cr, view, g_ptr_array_index (self->rings, i));
  gdk_cairo_set_source_rgba (cr, &fill_color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2.0);
  gdk_cairo_set_source_rgba (cr, &stroke_color);
  cairo_stroke (cr);
}

static PangoLayout *
get_layout (LedgerOutlineLayer *self,
            guint               i)
{
  if (self->layouts->len != self->labels->len)
    {
      g_ptr_array_set_size (self->layouts, 0);
      for (guint j = 0; j < self->labels->len; j++)
        {
          LedgerOutlineLabel *label = g_ptr_array_index (self->labels, j);
          PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label->name);
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
          g_ptr_array_add (self->layouts, layout);
        }
    }
  return g_ptr_array_index (self->layouts, i);
}

#define LABEL_OFFSET_Y 15

/* Below the seat first: the items gathered at the seat draw there as a
 * cluster; then above, right, left, and the same farther out. A label that
 * would cover a cluster's ring everywhere is not drawn (issue 11). */
static gboolean
place_label (LedgerOutlineLayer *self,
             double              x,
             double              y,
             int                 width,
             int                 height,
             double             *left,
             double             *top)
{
  for (double gap = LABEL_OFFSET_Y; gap <= 2 * LABEL_OFFSET_Y + 8; gap += LABEL_OFFSET_Y + 8)
    {
      const double candidates[4][2] = {
        { x - width / 2.0, y + gap }, { x - width / 2.0, y - gap - height },
        { x + gap, y - height / 2.0 }, { x - gap - width, y - height / 2.0 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (candidates[i][0], candidates[i][1], width, height);

          if (self->obstacle_func == NULL || !self->obstacle_func (&rect, self->obstacle_data))
            {
              *left = round (candidates[i][0]);
              *top = round (candidates[i][1]);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* dark text on a white halo: readable on any tile */
static void
draw_labels (LedgerOutlineLayer *self,
             cairo_t            *cr,
             const View         *view)
{
  if (view->zoom < LABEL_MIN_ZOOM)
    return;
  cairo_identity_matrix (cr);
  for (guint i = 0; i < self->labels->len; i++)
    {
      LedgerOutlineLabel *label = g_ptr_array_index (self->labels, i);
      PangoLayout *layout = get_layout (self, i);
      double mx, my, dx, dy, x, y, left, top;
      int width, height;

      ledger_mercator_from_lonlat (label->lon, label->lat, &mx, &my);
      dx = (mx - view->cx) * view->world;
      dy = (my - view->cy) * view->world;
      x = cos (view->rotation) * dx - sin (view->rotation) * dy + view->width / 2;
      y = sin (view->rotation) * dx + cos (view->rotation) * dy + view->height / 2;
      pango_layout_get_pixel_size (layout, &width, &height);
      if (x + width < 0 || y + height < 0 || x - width > view->width || y - height > view->height)
        continue;
      if (!place_label (self, x, y, width, height, &left, &top))
        continue;
      cairo_move_to (cr, left, top);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 3.5);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_fill (cr);
    }
}

/* parent class overrides */

static void
ledger_outline_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LedgerOutlineLayer *self = LEDGER_OUTLINE_LAYER (widget);
  graphene_rect_t bounds;
  cairo_t *cr;
  View view;

  view_init (&view, self);
  if (view.width == 0 || view.height == 0)
    return;
  bounds = GRAPHENE_RECT_INIT (0, 0, view.width, view.height);
  if (self->draw_background)
    gtk_snapshot_append_color (snapshot, &background_color, &bounds);
  if (self->rings->len == 0 && self->labels->len == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_save (cr);
  draw_outline (self, cr, &view);
  cairo_restore (cr);
  draw_labels (self, cr, &view);
  cairo_destroy (cr);
}

static void
ledger_outline_layer_constructed (GObject *object)
{
  LedgerOutlineLayer *self = LEDGER_OUTLINE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (ledger_outline_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
ledger_outline_layer_finalize (GObject *object)
{
  LedgerOutlineLayer *self = LEDGER_OUTLINE_LAYER (object);

  g_clear_pointer (&self->rings, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_outline_layer_parent_class)->finalize (object);
}

static void
ledger_outline_layer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LedgerOutlineLayer *self = LEDGER_OUTLINE_LAYER (object);

  switch (prop_id)
    {
    case PROP_DRAW_BACKGROUND:
      g_value_set_boolean (value, self->draw_background);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_outline_layer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LedgerOutlineLayer *self = LEDGER_OUTLINE_LAYER (object);

  switch (prop_id)
    {
    case PROP_DRAW_BACKGROUND:
      ledger_outline_layer_set_draw_background (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_outline_layer_class_init (LedgerOutlineLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ledger_outline_layer_constructed;
  object_class->finalize = ledger_outline_layer_finalize;
  object_class->get_property = ledger_outline_layer_get_property;
  object_class->set_property = ledger_outline_layer_set_property;
  widget_class->snapshot = ledger_outline_layer_snapshot;

  properties[PROP_DRAW_BACKGROUND] =
    g_param_spec_boolean ("draw-background", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_outline_layer_init (LedgerOutlineLayer *self)
{
  self->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_outline_label_free);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  reset_outline (self);
  /* the point layer above takes the clicks; this one never does */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* public API */

LedgerOutlineLabel *
ledger_outline_label_new (const char *name,
                          double      lon,
                          double      lat)
{
  LedgerOutlineLabel *label = g_new (LedgerOutlineLabel, 1);

  label->name = g_strdup (name);
  label->lon = lon;
  label->lat = lat;
  return label;
}

void
ledger_outline_label_free (LedgerOutlineLabel *label)
{
  g_free (label->name);
  g_free (label);
}

/**
 * ledger_outline_layer_new:
 * @viewport: the viewport of the map the layer is added to
 *
 * Returns: (transfer floating): a layer without outline or labels
 */
LedgerOutlineLayer *
ledger_outline_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (LEDGER_TYPE_OUTLINE_LAYER, "viewport", viewport, NULL);
}

/**
 * ledger_outline_layer_set_geojson:
 * @geojson: a FeatureCollection, Feature, Polygon or MultiPolygon
 * @length: length of @geojson, or -1 when nul-terminated
 * @error: return location for an error
 *
 * Returns: %TRUE when the outline was read; on error the layer has no outline
 */
gboolean
ledger_outline_layer_set_geojson (LedgerOutlineLayer  *self,
                                  const char          *geojson,
                                  gssize               length,
                                  GError             **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LedgerOutline) outline = NULL;

  g_return_val_if_fail (LEDGER_IS_OUTLINE_LAYER (self), FALSE);
  g_return_val_if_fail (geojson != NULL, FALSE);

  reset_outline (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  text = length < 0 ? g_strdup (geojson) : g_strndup (geojson, length);
  outline = ledger_outline_new_from_geojson (text, &local_error);
  if (outline == NULL && g_error_matches (local_error, JSON_PARSER_ERROR, local_error->code))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The county outline is not valid GeoJSON: %s"), local_error->message);
      return FALSE;
    }
  if (outline == NULL || !project_outline (self, outline))
    {
      reset_outline (self);
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                           _("The county outline must be a GeoJSON Polygon or MultiPolygon."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_outline_layer_set_labels:
 * @labels: (element-type LedgerOutlineLabel) (nullable): township names and
 *   where to draw them; copied
 */
void
ledger_outline_layer_set_labels (LedgerOutlineLayer *self,
                                 GPtrArray          *labels)
{
  g_return_if_fail (LEDGER_IS_OUTLINE_LAYER (self));

  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->layouts, 0);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      LedgerOutlineLabel *label = g_ptr_array_index (labels, i);

      g_ptr_array_add (self->labels, ledger_outline_label_new (label->name, label->lon, label->lat));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ledger_outline_layer_set_draw_background:
 * @draw_background: whether to paint the whole layer in a light land colour
 *   first; set it when there are no tiles (base map "none", or offline)
 */
void
ledger_outline_layer_set_draw_background (LedgerOutlineLayer *self,
                                          gboolean            draw_background)
{
  g_return_if_fail (LEDGER_IS_OUTLINE_LAYER (self));

  draw_background = !!draw_background;
  if (self->draw_background == draw_background)
    return;
  self->draw_background = draw_background;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAW_BACKGROUND]);
}

gboolean
ledger_outline_layer_get_draw_background (LedgerOutlineLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_OUTLINE_LAYER (self), FALSE);

  return self->draw_background;
}

/**
 * ledger_outline_layer_get_bounds:
 * @min_lon: (out) (optional):
 * @min_lat: (out) (optional):
 * @max_lon: (out) (optional):
 * @max_lat: (out) (optional):
 *
 * Returns: %TRUE and the bounding box of the outline, %FALSE when there is none
 */
gboolean
ledger_outline_layer_get_bounds (LedgerOutlineLayer *self,
                                 double             *min_lon,
                                 double             *min_lat,
                                 double             *max_lon,
                                 double             *max_lat)
{
  g_return_val_if_fail (LEDGER_IS_OUTLINE_LAYER (self), FALSE);

  if (self->rings->len == 0)
    return FALSE;
  if (min_lon != NULL)
    *min_lon = self->bounds[0];
  if (min_lat != NULL)
    *min_lat = self->bounds[1];
  if (max_lon != NULL)
    *max_lon = self->bounds[2];
  if (max_lat != NULL)
    *max_lat = self->bounds[3];
  return TRUE;
}

/**
 * ledger_outline_layer_set_label_obstacles:
 * @self: the layer
 * @func: (nullable): whether a label's rectangle (widget coordinates) would
 *   cover something drawn above, a cluster's ring
 * @data: for @func
 */
void
ledger_outline_layer_set_label_obstacles (LedgerOutlineLayer      *self,
                                          LedgerLabelObstacleFunc  func,
                                          gpointer                 data)
{
  g_return_if_fail (LEDGER_IS_OUTLINE_LAYER (self));

  self->obstacle_func = func;
  self->obstacle_data = data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
