/* ledger-measure-layer.c: the measuring tool (issue 11 item 5)
 *
 * While active, the layer contains the whole map (GTK picks it over the
 * points) and a click adds a point where it lands; a drag still pans the
 * map, since the click gesture leaves the drag to ShumateMap. The figures
 * come from core (ledger-measure.c): on the ground, not in screen pixels.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-measure.h"
#include "ledger-measure-layer.h"

struct _LedgerMeasureLayer
{
  ShumateLayer  parent_instance;

  gboolean      active;
  GArray       *lonlat;   /* double pairs */
};

G_DEFINE_FINAL_TYPE (LedgerMeasureLayer, ledger_measure_layer, SHUMATE_TYPE_LAYER)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
changed (LedgerMeasureLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
trace_path (LedgerMeasureLayer *self,
            cairo_t            *cr)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const double *pairs = (const double *) self->lonlat->data;

  cairo_new_path (cr);
  for (guint i = 0; i < self->lonlat->len / 2; i++)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), pairs[2 * i + 1], pairs[2 * i],
                                                  &x, &y);
      cairo_line_to (cr, x, y);
    }
}

/* signal callbacks */

static void
on_click_released_cb (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      LedgerMeasureLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double lat, lon;

  if (n_press != 1)
    return;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);
  ledger_measure_layer_add_point (self, lon, lat);
}

/* parent class overrides */

static gboolean
ledger_measure_layer_contains (GtkWidget *widget,
                               double     x,
                               double     y)
{
  return LEDGER_MEASURE_LAYER (widget)->active;
}

static void
ledger_measure_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LedgerMeasureLayer *self = LEDGER_MEASURE_LAYER (widget);
  guint n = self->lonlat->len / 2;
  cairo_t *cr;

  if (n == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  if (n >= 3)
    {
      trace_path (self, cr);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0.0, 0.45, 0.70, 0.15);
      cairo_fill (cr);
    }
  trace_path (self, cr);
  cairo_set_line_width (cr, 5);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.5);
  cairo_set_source_rgb (cr, 0.0, 0.45, 0.70);   /* Okabe–Ito blue: no status colour */
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
ledger_measure_layer_finalize (GObject *object)
{
  g_array_unref (LEDGER_MEASURE_LAYER (object)->lonlat);
  G_OBJECT_CLASS (ledger_measure_layer_parent_class)->finalize (object);
}

static void
ledger_measure_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (ledger_measure_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (object)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), object, G_CONNECT_SWAPPED);
}

static void
ledger_measure_layer_class_init (LedgerMeasureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ledger_measure_layer_constructed;
  object_class->finalize = ledger_measure_layer_finalize;
  widget_class->contains = ledger_measure_layer_contains;
  widget_class->snapshot = ledger_measure_layer_snapshot;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_measure_layer_init (LedgerMeasureLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->lonlat = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
}

/* public API */

LedgerMeasureLayer *
ledger_measure_layer_new (ShumateViewport *viewport)
{
  return g_object_new (LEDGER_TYPE_MEASURE_LAYER, "viewport", viewport, NULL);
}

void
ledger_measure_layer_set_active (LedgerMeasureLayer *self,
                                 gboolean            active)
{
  g_return_if_fail (LEDGER_IS_MEASURE_LAYER (self));

  self->active = active;
  if (!active)
    ledger_measure_layer_clear (self);
}

gboolean
ledger_measure_layer_get_active (LedgerMeasureLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_MEASURE_LAYER (self), FALSE);
  return self->active;
}

void
ledger_measure_layer_add_point (LedgerMeasureLayer *self,
                                double              lon,
                                double              lat)
{
  double pair[2] = { lon, lat };

  g_return_if_fail (LEDGER_IS_MEASURE_LAYER (self));
  g_array_append_vals (self->lonlat, pair, 2);
  changed (self);
}

void
ledger_measure_layer_undo (LedgerMeasureLayer *self)
{
  g_return_if_fail (LEDGER_IS_MEASURE_LAYER (self));
  if (self->lonlat->len == 0)
    return;
  g_array_set_size (self->lonlat, self->lonlat->len - 2);
  changed (self);
}

void
ledger_measure_layer_clear (LedgerMeasureLayer *self)
{
  g_return_if_fail (LEDGER_IS_MEASURE_LAYER (self));
  if (self->lonlat->len == 0)
    return;
  g_array_set_size (self->lonlat, 0);
  changed (self);
}

guint
ledger_measure_layer_get_n_points (LedgerMeasureLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_MEASURE_LAYER (self), 0);
  return self->lonlat->len / 2;
}

double
ledger_measure_layer_get_length_m (LedgerMeasureLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_MEASURE_LAYER (self), 0);
  return ledger_path_length_m ((const double *) self->lonlat->data, self->lonlat->len / 2);
}

double
ledger_measure_layer_get_area_m2 (LedgerMeasureLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_MEASURE_LAYER (self), 0);
  return ledger_area_m2 ((const double *) self->lonlat->data, self->lonlat->len / 2);
}

char *
ledger_measure_layer_dup_summary (LedgerMeasureLayer *self)
{
  g_autofree char *length = NULL;
  g_autofree char *area = NULL;
  guint n;

  g_return_val_if_fail (LEDGER_IS_MEASURE_LAYER (self), NULL);

  n = self->lonlat->len / 2;
  if (n < 2)
    return g_strdup (_("Click on the map to measure: each click adds a point; three points or more also give the area"));
  length = ledger_format_distance (ledger_measure_layer_get_length_m (self));
  if (n < 3)
    return g_strdup_printf (_("Distance %s"), length);
  area = ledger_format_area (ledger_measure_layer_get_area_m2 (self));
  return g_strdup_printf (_("Distance %s · area %s"), length, area);
}
