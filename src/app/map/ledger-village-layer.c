/* ledger-village-layer.c: the villages on the map (issue 11 item 3)
 *
 * A few hundred villages per county: one cairo node per frame is enough.
 * The symbol tells the state by shape as well as colour (STYLE.md), and no
 * item's sprite has its shape (items: square, triangle, disc): a plus for
 * effective, a hollow square for not effective, a small diamond for a
 * community, which is never counted. Below level MIN_ZOOM (a county smaller than ~250 px) the county
 * is too small for them and only the points show.
 */
#include "config.h"

#include <math.h>

#include "ledger-palette.h"
#include "ledger-village-layer.h"

#define MIN_ZOOM   8.0
#define SYMBOL     9.0
#define HIT_RADIUS 8.0

struct _LedgerVillageLayer
{
  ShumateLayer        parent_instance;

  LedgerVillageMarks *marks;
  char               *township;
  GHashTable         *only;
};

G_DEFINE_FINAL_TYPE (LedgerVillageLayer, ledger_village_layer, SHUMATE_TYPE_LAYER)

static gboolean
is_shown (LedgerVillageLayer      *self,
          const LedgerVillageMark *mark)
{
  if (self->township != NULL && !g_str_has_prefix (mark->code, self->township))
    return FALSE;
  return self->only == NULL || g_hash_table_contains (self->only, mark->code);
}

static gboolean
zoomed_in (LedgerVillageLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  return shumate_viewport_get_zoom_level (viewport) >= MIN_ZOOM;
}

static void
position_of (LedgerVillageLayer      *self,
             const LedgerVillageMark *mark,
             double                  *x,
             double                  *y)
{
  shumate_viewport_location_to_widget_coords (shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                              GTK_WIDGET (self), mark->lat, mark->lon, x, y);
}

static void
set_source_state (cairo_t            *cr,
                  LedgerVillageState  state)
{
  GdkRGBA rgba;

  ledger_mark_color (ledger_mark_for_village_state (state), &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
}

/* parent class overrides */

static void
ledger_village_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LedgerVillageLayer *self = LEDGER_VILLAGE_LAYER (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->marks == NULL || self->marks->marks->len == 0 || !zoomed_in (self))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->marks->marks->len; i++)
    {
      const LedgerVillageMark *mark = g_ptr_array_index (self->marks->marks, i);
      double x, y;

      if (!is_shown (self, mark))
        continue;
      position_of (self, mark, &x, &y);
      if (x > -SYMBOL && y > -SYMBOL && x < width + SYMBOL && y < height + SYMBOL)
        ledger_village_symbol_draw (cr, mark->state, x, y);
    }
  cairo_destroy (cr);
}

static void
ledger_village_layer_constructed (GObject *object)
{
  ShumateViewport *viewport;

  G_OBJECT_CLASS (ledger_village_layer_parent_class)->constructed (object);
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), object, G_CONNECT_SWAPPED);
}

static void
ledger_village_layer_finalize (GObject *object)
{
  LedgerVillageLayer *self = LEDGER_VILLAGE_LAYER (object);

  g_clear_pointer (&self->marks, ledger_village_marks_free);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_free (self->township);
  G_OBJECT_CLASS (ledger_village_layer_parent_class)->finalize (object);
}

static void
ledger_village_layer_class_init (LedgerVillageLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ledger_village_layer_constructed;
  object_class->finalize = ledger_village_layer_finalize;
  widget_class->snapshot = ledger_village_layer_snapshot;
}

static void
ledger_village_layer_init (LedgerVillageLayer *self)
{
}

/* public API */

LedgerVillageLayer *
ledger_village_layer_new (ShumateViewport *viewport)
{
  return g_object_new (LEDGER_TYPE_VILLAGE_LAYER, "viewport", viewport, NULL);
}

void
ledger_village_layer_take_marks (LedgerVillageLayer *self,
                                 LedgerVillageMarks *marks)
{
  g_return_if_fail (LEDGER_IS_VILLAGE_LAYER (self));

  g_clear_pointer (&self->marks, ledger_village_marks_free);
  self->marks = marks;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LedgerVillageMarks *
ledger_village_layer_get_marks (LedgerVillageLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_VILLAGE_LAYER (self), NULL);
  return self->marks;
}

void
ledger_village_layer_set_township (LedgerVillageLayer *self,
                                   const char         *township)
{
  g_return_if_fail (LEDGER_IS_VILLAGE_LAYER (self));

  g_free (self->township);
  self->township = g_strdup (township);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ledger_village_layer_set_only (LedgerVillageLayer *self,
                               GHashTable         *codes)
{
  g_return_if_fail (LEDGER_IS_VILLAGE_LAYER (self));

  g_clear_pointer (&self->only, g_hash_table_unref);
  self->only = codes ? g_hash_table_ref (codes) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ledger_village_layer_get_n_shown (LedgerVillageLayer *self)
{
  guint n = 0;

  g_return_val_if_fail (LEDGER_IS_VILLAGE_LAYER (self), 0);

  for (guint i = 0; self->marks != NULL && i < self->marks->marks->len; i++)
    n += is_shown (self, g_ptr_array_index (self->marks->marks, i));
  return n;
}

const LedgerVillageMark *
ledger_village_layer_pick (LedgerVillageLayer *self,
                           double              x,
                           double              y)
{
  const LedgerVillageMark *best = NULL;
  double best_distance = HIT_RADIUS;

  g_return_val_if_fail (LEDGER_IS_VILLAGE_LAYER (self), NULL);

  if (self->marks == NULL || !zoomed_in (self) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  for (guint i = 0; i < self->marks->marks->len; i++)
    {
      const LedgerVillageMark *mark = g_ptr_array_index (self->marks->marks, i);
      double px, py, distance;

      if (!is_shown (self, mark))
        continue;
      position_of (self, mark, &px, &py);
      distance = hypot (px - x, py - y);
      if (distance <= best_distance)
        {
          best = mark;
          best_distance = distance;
        }
    }
  return best;
}

gboolean
ledger_village_layer_get_bounds (LedgerVillageLayer *self,
                                 double             *min_lon,
                                 double             *min_lat,
                                 double             *max_lon,
                                 double             *max_lat)
{
  gboolean any = FALSE;

  g_return_val_if_fail (LEDGER_IS_VILLAGE_LAYER (self), FALSE);

  *min_lon = *min_lat = G_MAXDOUBLE;
  *max_lon = *max_lat = -G_MAXDOUBLE;
  for (guint i = 0; self->marks != NULL && i < self->marks->marks->len; i++)
    {
      const LedgerVillageMark *mark = g_ptr_array_index (self->marks->marks, i);

      if (!is_shown (self, mark))
        continue;
      any = TRUE;
      *min_lon = MIN (*min_lon, mark->lon);
      *max_lon = MAX (*max_lon, mark->lon);
      *min_lat = MIN (*min_lat, mark->lat);
      *max_lat = MAX (*max_lat, mark->lat);
    }
  return any;
}

void
ledger_village_symbol_draw (cairo_t            *cr,
                            LedgerVillageState  state,
                            double              x,
                            double              y)
{
  double r = SYMBOL / 2;

  cairo_new_path (cr);
  switch (state)
    {
    case LEDGER_VILLAGE_STATE_EFFECTIVE:
      cairo_rectangle (cr, x - r, y - 1.5, 2 * r, 3);
      cairo_rectangle (cr, x - 1.5, y - r, 3, 2 * r);
      break;
    case LEDGER_VILLAGE_STATE_NOT_EFFECTIVE:
      cairo_rectangle (cr, x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
      break;
    case LEDGER_VILLAGE_STATE_NOT_COUNTED:
    case LEDGER_N_VILLAGE_STATES:
    default:
      r *= 0.7;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    }
  /* a white halo keeps the symbol readable on any base map */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  set_source_state (cr, state);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  if (state == LEDGER_VILLAGE_STATE_NOT_EFFECTIVE)
    {
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}
