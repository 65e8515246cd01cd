/* test-map-layers.c: the map's layers in a real window (Xvfb) */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "ledger-mbtiles.h"
#include "ledger-db-private.h"
#include "ledger-mbtiles-source.h"
#include "ledger-outline-layer.h"
#include "ledger-point-grid.h"
#include "ledger-point-layer.h"

#define LEZHI_LON 105.03
#define LEZHI_LAT 30.28

typedef struct
{
  GtkWindow          *window;
  ShumateSimpleMap   *map;
  ShumateViewport    *viewport;
  LedgerPointLayer   *points;
  LedgerOutlineLayer *outline;
  char               *mbtiles_path;
} Fixture;

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) pixels = NULL;

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), 256 * cairo_image_surface_get_stride (surface));
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return gdk_texture_save_to_png_bytes (texture);
}

/* one tile, 3/5/2 in XYZ, which MBTiles stores at TMS row 5 */
static char *
make_mbtiles (GBytes *png)
{
  g_autofree char *dir = g_dir_make_tmp ("test-map-layers-XXXXXX", NULL);
  char *path = g_build_filename (dir, "base.mbtiles", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "INSERT INTO metadata VALUES ('name', 'test'), ('minzoom', '0'), ('maxzoom', '19');"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (3, 5, 5, ?)", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (png, NULL), (int) g_bytes_get_size (png), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return path;
}

static void
run_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static gboolean
is_laid_out (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->points)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (f->points));
}

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GBytes) png = make_png ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ShumateMapSource) source = NULL;

  f->mbtiles_path = make_mbtiles (png);
  source = ledger_mbtiles_map_source_new (f->mbtiles_path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (f->map, source);
  f->viewport = shumate_simple_map_get_viewport (f->map);
  f->outline = ledger_outline_layer_new (f->viewport);
  f->points = ledger_point_layer_new (f->viewport);
  shumate_simple_map_add_overlay_layer (f->map, SHUMATE_LAYER (f->outline));
  shumate_simple_map_add_overlay_layer (f->map, SHUMATE_LAYER (f->points));
  gtk_window_set_child (f->window, GTK_WIDGET (f->map));
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), LEZHI_LAT, LEZHI_LON);
  shumate_viewport_set_zoom_level (f->viewport, 14);
  gtk_window_present (f->window);
  run_until (is_laid_out, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->mbtiles_path);

  gtk_window_destroy (f->window);
  settle ();
  g_unlink (f->mbtiles_path);
  g_rmdir (dir);
  g_free (f->mbtiles_path);
}

static void
add_point (LedgerPointSet *set,
           const char     *uid,
           LedgerKind      kind,
           LedgerMark      mark,
           const char     *village_code,
           double          lon,
           double          lat)
{
  LedgerPoint point = {
    .uid = uid, .code = uid, .name = uid, .village_code = village_code,
    .kind = kind, .mark = mark, .lon = lon, .lat = lat,
  };

  ledger_point_set_add (set, &point);
}

static void
position_of (Fixture *f,
             double   lon,
             double   lat,
             double  *x,
             double  *y)
{
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->points), lat, lon, x, y);
}

/* the map as drawn, the way the screen shows it; a widget whose layout is
 * pending paints nothing, so wait for the frame clock until it has one */
static GskRenderNode *
snapshot_map (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->map);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_to_node (snapshot);
}

static GdkTexture *
render_map (Fixture *f)
{
  g_autoptr (GskRenderNode) node = NULL;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  settle ();
  while ((node = snapshot_map (f)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (f->map)),
                                                           gtk_widget_get_height (GTK_WIDGET (f->map))));
}

static void
assert_pixel (GdkTexture    *texture,
              int            x,
              int            y,
              const GdkRGBA *expected)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (width * height * 4);
  guint8 *pixel;

  gdk_texture_download (texture, data, width * 4);
  pixel = data + y * width * 4 + x * 4;   /* B, G, R, A premultiplied */
  g_assert_cmpint (ABS (pixel[2] - (int) (expected->red * 255)), <=, 3);
  g_assert_cmpint (ABS (pixel[1] - (int) (expected->green * 255)), <=, 3);
  g_assert_cmpint (ABS (pixel[0] - (int) (expected->blue * 255)), <=, 3);
}

static LedgerPointSet *
three_points (void)
{
  LedgerPointSet *set = ledger_point_set_new_empty ();

  add_point (set, "facility", LEDGER_KIND_FACILITIES, LEDGER_MARK_BAD, "512022101203", LEZHI_LON, LEZHI_LAT);
  add_point (set, "farm", LEDGER_KIND_FARMS, LEDGER_MARK_GOOD, "512022102201", LEZHI_LON + 0.01, LEZHI_LAT);
  add_point (set, "water", LEDGER_KIND_WATER_BODIES, LEDGER_MARK_PENDING, "512022101204", LEZHI_LON, LEZHI_LAT + 0.01);
  return set;
}

static void
test_draw_and_pick (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedgerPointSet) set = three_points ();
  g_autoptr (GdkTexture) texture = NULL;
  const LedgerPoint *point;
  guint size = 0;
  double x, y;
  GdkRGBA color;

  ledger_point_layer_set_points (f->points, set);
  position_of (f, LEZHI_LON + 0.01, LEZHI_LAT, &x, &y);
  point = ledger_point_layer_pick (f->points, x + 2, y - 2, &size);
  g_assert_nonnull (point);
  g_assert_cmpstr (point->uid, ==, "farm");
  g_assert_cmpuint (size, ==, 1);
  g_assert_null (ledger_point_layer_pick (f->points, x + 200, y + 200, &size));
  g_assert_cmpuint (size, ==, 0);

  texture = render_map (f);
  ledger_mark_color (LEDGER_MARK_GOOD, &color);
  assert_pixel (texture, (int) x, (int) y + 1, &color);
  position_of (f, LEZHI_LON, LEZHI_LAT, &x, &y);
  ledger_mark_color (LEDGER_MARK_BAD, &color);
  assert_pixel (texture, (int) x, (int) y, &color);
  g_assert_cmpfloat (ledger_point_layer_get_last_snapshot_ms (f->points), >, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LedgerPointSet) set = three_points ();
  double fx, fy, wx, wy, gx, gy;

  ledger_point_layer_set_points (f->points, set);
  position_of (f, LEZHI_LON, LEZHI_LAT, &fx, &fy);
  position_of (f, LEZHI_LON, LEZHI_LAT + 0.01, &wx, &wy);
  position_of (f, LEZHI_LON + 0.01, LEZHI_LAT, &gx, &gy);

  ledger_point_layer_set_township (f->points, "512022101");
  g_assert_nonnull (ledger_point_layer_pick (f->points, fx, fy, NULL));
  g_assert_nonnull (ledger_point_layer_pick (f->points, wx, wy, NULL));
  g_assert_null (ledger_point_layer_pick (f->points, gx, gy, NULL));

  ledger_point_layer_set_kind_visible (f->points, LEDGER_KIND_WATER_BODIES, FALSE);
  g_assert_null (ledger_point_layer_pick (f->points, wx, wy, NULL));
  g_assert_nonnull (ledger_point_layer_pick (f->points, fx, fy, NULL));

  ledger_point_layer_set_township (f->points, NULL);
  ledger_point_layer_set_kind_visible (f->points, LEDGER_KIND_WATER_BODIES, TRUE);
  g_assert_cmpstr (ledger_point_layer_pick (f->points, gx, gy, NULL)->uid, ==, "farm");
  g_assert_cmpstr (ledger_point_layer_pick (f->points, wx, wy, NULL)->uid, ==, "water");
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (LedgerPointSet) set = three_points ();
  g_autoptr (GdkTexture) texture = NULL;
  double x, y;
  GdkRGBA color;

  ledger_point_layer_set_points (f->points, set);
  ledger_point_layer_set_selected_uid (f->points, "water");
  g_assert_cmpstr (ledger_point_layer_get_selected_uid (f->points), ==, "water");
  position_of (f, LEZHI_LON, LEZHI_LAT + 0.01, &x, &y);
  /* drawn larger: still its colour 6 px off centre, where a plain symbol has its outline */
  texture = render_map (f);
  ledger_mark_color (LEDGER_MARK_PENDING, &color);
  assert_pixel (texture, (int) x + 6, (int) y, &color);
  g_assert_cmpstr (ledger_point_layer_pick (f->points, x + 12, y, NULL)->uid, ==, "water");
}

/* a level-5 grid cell's centre, so that the test does not depend on where cell borders fall */
static void
cell_centre (double *lon,
             double *lat)
{
  double cell = LEDGER_GRID_CELL_PX / (256.0 * 32);
  double mx, my;

  ledger_mercator_from_lonlat (LEZHI_LON, LEZHI_LAT, &mx, &my);
  ledger_mercator_to_lonlat ((floor (mx / cell) + 0.5) * cell, (floor (my / cell) + 0.5) * cell, lon, lat);
}

static void
test_clusters (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (LedgerPointSet) set = ledger_point_set_new_empty ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  const LedgerPoint *point;
  double lon, lat, x, y;
  guint size = 0;

  cell_centre (&lon, &lat);
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *uid = g_strdup_printf ("p%u", i);

      add_point (set, uid, i % 3 + LEDGER_KIND_FACILITIES, i % LEDGER_N_MARKS, "512022101203",
                 lon + g_rand_double_range (rand, -0.01, 0.01), lat + g_rand_double_range (rand, -0.01, 0.01));
    }
  ledger_point_layer_set_points (f->points, set);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), lat, lon);

  shumate_viewport_set_zoom_level (f->viewport, 5);
  point = ledger_point_layer_pick (f->points, 400, 300, &size);
  g_assert_nonnull (point);
  g_assert_cmpuint (size, ==, 5000);
  g_object_unref (render_map (f));

  shumate_viewport_set_zoom_level (f->viewport, 18);
  point = ledger_point_set_get (set, 17);
  position_of (f, point->lon, point->lat, &x, &y);
  point = ledger_point_layer_pick (f->points, x, y, &size);
  g_assert_nonnull (point);
  g_assert_cmpuint (size, ==, 1);
  g_assert_cmpstr (point->uid, ==, "p17");
  g_object_unref (render_map (f));
}

static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "boundaries", "512022.geojson", NULL);
  g_autofree char *geojson = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_outline_label_free);
  g_autoptr (GdkTexture) texture = NULL;
  double min_lon, min_lat, max_lon, max_lat;
  GdkRGBA land;

  g_assert_false (ledger_outline_layer_get_bounds (f->outline, NULL, NULL, NULL, NULL));
  g_assert_false (ledger_outline_layer_set_geojson (f->outline, "{\"type\": \"Point\"}", -1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &geojson, NULL, &error));
  g_assert_true (ledger_outline_layer_set_geojson (f->outline, geojson, -1, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_outline_layer_get_bounds (f->outline, &min_lon, &min_lat, &max_lon, &max_lat));
  g_assert_cmpfloat (min_lon, >, 104.5);
  g_assert_cmpfloat (max_lon, <, 105.5);
  g_assert_cmpfloat (min_lat, >, 29.9);
  g_assert_cmpfloat (max_lat, <, 30.8);

  g_ptr_array_add (labels, ledger_outline_label_new ("天池街道", LEZHI_LON, LEZHI_LAT));
  ledger_outline_layer_set_labels (f->outline, labels);
  ledger_outline_layer_set_draw_background (f->outline, TRUE);
  shumate_viewport_set_zoom_level (f->viewport, 10);
  texture = render_map (f);
  /* far outside the county, with no tile there: the land colour, never blank */
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 35.0, 90.0);
  g_clear_object (&texture);
  texture = render_map (f);
  gdk_rgba_parse (&land, "#F2EFE9");
  assert_pixel (texture, 400, 300, &land);
}

typedef struct
{
  GBytes   *received;
  GBytes   *finished;
  gboolean  received_first;
  gboolean  done;
} TileResult;

static void
on_received_data_cb (ShumateDataSource *source,
                     int                x,
                     int                y,
                     int                zoom,
                     GBytes            *bytes,
                     TileResult        *result)
{
  g_assert_cmpint (x, ==, 5);
  g_assert_cmpint (y, ==, 2);
  g_assert_cmpint (zoom, ==, 3);
  result->received = g_bytes_ref (bytes);
  result->received_first = !result->done;
}

static void
on_tile_data_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      data)
{
  TileResult *result = data;
  g_autoptr (GError) error = NULL;

  result->finished = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), res, &error);
  g_assert_no_error (error);
  result->done = TRUE;
}

static gboolean
tile_done (gpointer data)
{
  return ((TileResult *) data)->done;
}

static gboolean
shows_red_tile (gpointer data)
{
  g_autoptr (GdkTexture) texture = render_map (data);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc (width * height * 4);
  guint8 *centre;

  gdk_texture_download (texture, pixels, width * 4);
  centre = pixels + (height / 2) * width * 4 + (width / 2) * 4;
  return ABS (centre[2] - 204) <= 3 && ABS (centre[1] - 25) <= 3 && ABS (centre[0] - 25) <= 3;
}

static void
test_mbtiles_source (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerMbtilesSource) source = ledger_mbtiles_source_new (f->mbtiles_path, &error);
  g_autoptr (GBytes) png = make_png ();
  TileResult result = { 0 };
  double lon, lat;

  g_assert_no_error (error);
  g_assert_cmpuint (ledger_mbtiles_source_get_max_zoom (source), ==, 19);
  g_signal_connect (source, "received-data", G_CALLBACK (on_received_data_cb), &result);
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), 5, 2, 3, NULL, on_tile_data_cb, &result);
  run_until (tile_done, &result);
  g_assert_true (result.received_first);
  g_assert_true (g_bytes_equal (result.received, png));
  g_assert_true (g_bytes_equal (result.finished, png));
  g_bytes_unref (result.received);
  g_bytes_unref (result.finished);

  /* and the map shows it, through the raster renderer */
  ledger_mercator_to_lonlat (5.5 / 8, 2.5 / 8, &lon, &lat);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), lat, lon);
  shumate_viewport_set_zoom_level (f->viewport, 3);
  run_until (shows_red_tile, f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/map-layers/draw-and-pick", test_draw_and_pick);
  ADD ("/map-layers/filters", test_filters);
  ADD ("/map-layers/selection", test_selection);
  ADD ("/map-layers/clusters", test_clusters);
  ADD ("/map-layers/outline", test_outline);
  ADD ("/map-layers/mbtiles-source", test_mbtiles_source);
#undef ADD
  return g_test_run ();
}
