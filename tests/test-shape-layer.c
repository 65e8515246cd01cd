/* test-shape-layer.c: water bodies' lines and areas on the map (Xvfb) */
#include "config.h"

#include <gtk/gtk.h>

#include "ledger-blank-map-source.h"
#include "ledger-palette.h"
#include "ledger-shape-layer.h"
#include "ledger-shapes.h"

#define LEZHI_LON 105.03
#define LEZHI_LAT 30.28

typedef struct
{
  GtkWindow        *window;
  ShumateSimpleMap *map;
  ShumateViewport  *viewport;
  LedgerShapeLayer *shapes;
} Fixture;

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_laid_out (Fixture *f)
{
  return gtk_widget_get_width (GTK_WIDGET (f->shapes)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (f->shapes));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr (ShumateMapSource) source = ledger_blank_map_source_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (f->map, source);
  f->viewport = shumate_simple_map_get_viewport (f->map);
  f->shapes = ledger_shape_layer_new (f->viewport);
  shumate_simple_map_add_overlay_layer (f->map, SHUMATE_LAYER (f->shapes));
  gtk_window_set_child (f->window, GTK_WIDGET (f->map));
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), LEZHI_LAT, LEZHI_LON);
  shumate_viewport_set_zoom_level (f->viewport, 14);
  gtk_window_present (f->window);
  while (!is_laid_out (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (is_laid_out (f));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  settle ();
}

static GdkTexture *
render_layer (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->shapes);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  settle ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

static void
pixel_at (GdkTexture *texture, double x, double y, guint8 bgra[4])
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (width * height * 4);

  gdk_texture_download (texture, data, width * 4);
  memcpy (bgra, data + (int) y * width * 4 + (int) x * 4, 4);
}

static void
assert_color (GdkTexture *texture, double x, double y, LedgerMark mark)
{
  guint8 bgra[4];
  GdkRGBA expected;

  ledger_mark_color (mark, &expected);
  pixel_at (texture, x, y, bgra);
  g_assert_cmpint (ABS (bgra[2] - (int) (expected.red * 255)), <=, 3);
  g_assert_cmpint (ABS (bgra[1] - (int) (expected.green * 255)), <=, 3);
  g_assert_cmpint (ABS (bgra[0] - (int) (expected.blue * 255)), <=, 3);
}

static LedgerShape *
shape (const char *geometry, const char *status)
{
  LedgerShape *s = ledger_shape_new_from_geojson (geometry);

  g_assert_nonnull (s);
  s->uid = g_strdup (status);
  s->status = g_strdup (status);
  return s;
}

static void
test_line_and_area (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_shape_free);
  g_autoptr (GdkTexture) texture = NULL;
  double x, y;
  guint8 bgra[4];

  /* a ditch across the centre, not started (red); a completed pond to the north-east */
  g_ptr_array_add (shapes, shape ("{\"type\":\"LineString\",\"coordinates\":[[105.02,30.28],[105.04,30.28]]}",
                                  "not_started"));
  g_ptr_array_add (shapes, shape ("{\"type\":\"Polygon\",\"coordinates\":[[[105.033,30.283],[105.036,30.283],"
                                  "[105.036,30.286],[105.033,30.286],[105.033,30.283]]]}", "completed"));
  g_assert_null (ledger_shape_new_from_geojson ("{\"type\":\"Point\",\"coordinates\":[105,30]}"));
  g_assert_null (ledger_shape_new_from_geojson ("not json"));
  ledger_shape_layer_set_shapes (f->shapes, shapes);
  g_assert_cmpuint (ledger_shape_layer_get_n_shapes (f->shapes), ==, 2);

  texture = render_layer (f);
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->shapes), LEZHI_LAT, 105.025, &x, &y);
  assert_color (texture, x, y, LEDGER_MARK_BAD);
  /* the pond's edge in its colour, its inside tinted, outside both nothing */
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->shapes), 30.2845, 105.036, &x, &y);
  assert_color (texture, x, y, LEDGER_MARK_GOOD);
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->shapes), 30.2845, 105.0345, &x, &y);
  pixel_at (texture, x, y, bgra);
  g_assert_cmpint (bgra[3], >, 50);
  g_assert_cmpint (bgra[3], <, 200);
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->shapes), 30.275, 105.0345, &x, &y);
  pixel_at (texture, x, y, bgra);
  g_assert_cmpint (bgra[3], ==, 0);

  ledger_shape_layer_set_shapes (f->shapes, NULL);
  g_assert_cmpuint (ledger_shape_layer_get_n_shapes (f->shapes), ==, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/shape-layer/line-and-area", Fixture, NULL, fixture_setup, test_line_and_area, fixture_teardown);
  return g_test_run ();
}
