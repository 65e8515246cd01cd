/* bench-layer.c: frame times of the map with N points while panning and zooming
 *
 *   GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24" bench-layer 100000
 *
 * Zooms 6 → 16 → 6 over Sichuan in 300 frames, panning in a circle, with the
 * county outline and its background drawn as with base map "none". With a
 * second argument "county" the points are all in Lezhi county (~1,400 km²)
 * and the script zooms 9 → 18 → 9 over it: the densest case a county sees.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>

#include "ledger-outline-layer.h"
#include "ledger-point-layer.h"

#define N_FRAMES  300
#define N_WARM_UP 10

typedef struct
{
  GMainLoop        *loop;
  ShumateViewport  *viewport;
  LedgerPointLayer *layer;
  guint             n_points;
  gboolean          county;
  int               frame;
  gint64            paint_start;
  GArray           *frame_ms;
  GArray           *layer_ms;
} Bench;

static LedgerPointSet *
random_points (guint    n,
               gboolean county)
{
  LedgerPointSet *set = ledger_point_set_new_empty ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (2024);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("uid-%u", i);
      g_autofree char *name = g_strdup_printf ("Point %u", i);
      LedgerPoint point = {
        .uid = uid, .code = uid, .name = name, .village_code = "512022101203",
        .kind = LEDGER_KIND_FACILITIES + g_rand_int_range (rand, 0, 3),
        .mark = g_rand_int_range (rand, 0, LEDGER_N_MARKS),
        /* Lezhi county, or Sichuan */
        .lon = county ? g_rand_double_range (rand, 104.85, 105.25) : g_rand_double_range (rand, 97.4, 108.5),
        .lat = county ? g_rand_double_range (rand, 30.1, 30.55) : g_rand_double_range (rand, 26.1, 34.3),
      };

      ledger_point_set_add (set, &point);
    }
  return set;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Bench *bench = data;
  double t = (double) MAX (bench->frame - N_WARM_UP, 0) / N_FRAMES;

  double wave = 0.5 - 0.5 * cos (2 * G_PI * t);

  if (bench->county)
    {
      shumate_viewport_set_zoom_level (bench->viewport, 9 + 9 * wave);
      shumate_location_set_location (SHUMATE_LOCATION (bench->viewport),
                                     30.3 + 0.1 * sin (2 * G_PI * t), 105.05 + 0.1 * cos (2 * G_PI * t));
    }
  else
    {
      shumate_viewport_set_zoom_level (bench->viewport, 6 + 10 * wave);
      shumate_location_set_location (SHUMATE_LOCATION (bench->viewport),
                                     30.6 + 0.4 * sin (2 * G_PI * t), 104.0 + 0.4 * cos (2 * G_PI * t));
    }
  if (bench->frame++ >= N_FRAMES + N_WARM_UP)
    {
      g_main_loop_quit (bench->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double ms = (g_get_monotonic_time () - bench->paint_start) / 1000.0;
  double layer_ms = ledger_point_layer_get_last_snapshot_ms (bench->layer);

  if (bench->frame <= N_WARM_UP || bench->frame > N_FRAMES + N_WARM_UP)
    return;
  g_array_append_val (bench->frame_ms, ms);
  g_array_append_val (bench->layer_ms, layer_ms);
}

static void
on_map_cb (GtkWidget *widget,
           Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
  gtk_widget_add_tick_callback (widget, on_tick_cb, bench, NULL);
}

static void
add_outline (ShumateSimpleMap *map,
             ShumateViewport  *viewport)
{
  LedgerOutlineLayer *outline = ledger_outline_layer_new (viewport);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "boundaries", "512022.geojson", NULL);

  ledger_outline_layer_set_draw_background (outline, TRUE);
  if (g_file_get_contents (path, &contents, NULL, NULL))
    ledger_outline_layer_set_geojson (outline, contents, -1, NULL);
  shumate_simple_map_add_overlay_layer (map, SHUMATE_LAYER (outline));
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr (LedgerPointSet) points = NULL;
  g_autoptr (ShumateRasterRenderer) reference = NULL;
  ShumateSimpleMap *map;
  GtkWindow *window;

  gtk_init ();
  bench.n_points = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.layer_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.county = argc > 2 && g_str_equal (argv[2], "county");
  points = random_points (bench.n_points, bench.county);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 1000);
  map = shumate_simple_map_new ();
  bench.viewport = shumate_simple_map_get_viewport (map);
  /* base map "none": a reference for the projection only, no tile is fetched */
  reference = shumate_raster_renderer_new_from_url ("https://tile.invalid/{z}/{x}/{y}.png");
  shumate_viewport_set_reference_map_source (bench.viewport, SHUMATE_MAP_SOURCE (reference));
  shumate_viewport_set_max_zoom_level (bench.viewport, 19);
  if (g_getenv ("BENCH_NO_OUTLINE") == NULL)
    add_outline (map, bench.viewport);
  bench.layer = ledger_point_layer_new (bench.viewport);
  ledger_point_layer_set_points (bench.layer, points);
  shumate_simple_map_add_overlay_layer (map, SHUMATE_LAYER (bench.layer));
  gtk_window_set_child (window, GTK_WIDGET (map));
  g_signal_connect (map, "map", G_CALLBACK (on_map_cb), &bench);
  gtk_window_present (window);
  g_main_loop_run (bench.loop);

  g_print ("bench-layer: %u points, median frame %.2f ms, p95 %.2f ms, layer snapshot median %.2f ms\n",
           bench.n_points, percentile (bench.frame_ms, 0.5), percentile (bench.frame_ms, 0.95),
           percentile (bench.layer_ms, 0.5));
  g_print ("bench-layer: %s, layer snapshot p95 %.2f ms, max %.2f ms (a zoom level's first frame builds its grid)\n",
           bench.county ? "points in one county" : "points over Sichuan",
           percentile (bench.layer_ms, 0.95), percentile (bench.layer_ms, 1.0));
  gtk_window_destroy (window);
  return 0;
}
