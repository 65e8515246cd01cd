/* bench-map.c: pan and zoom the real window's map over N generated points
 *
 *   bench-map [N]
 *
 * Builds a Lezhi ledger with N facilities, farms and water bodies spread over
 * Sichuan (a fifth of them inside Lezhi), opens the real LedgerWindow on its
 * map page, moves the map for 300 frames from a tick callback and prints
 *   bench-map: N points, median frame X ms, p95 Y ms, layer snapshot median Z ms
 * A benchmark, not a test: run it on purpose, under Xvfb with GSK_RENDERER=cairo.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "ledger-map-view.h"

#include "bench-map-common.h"

#define N_FRAMES 300
#define WARMUP_FRAMES 10

typedef struct
{
  LedgerMapView *map_view;
  GArray        *frames;     /* double, ms between ticks */
  GArray        *snapshots;  /* double, ms in the point layer's snapshot() */
  gint64         last_time;
  guint          n_ticks;
  gboolean       done;
} Bench;

/* a province-wide sweep: zoom between the county and the province while the
 * centre circles over Sichuan */
static void
move_map (Bench *bench,
          guint  frame)
{
  ShumateMap *map = ledger_map_view_get_map (bench->map_view);
  ShumateViewport *viewport = ledger_map_view_get_viewport (bench->map_view);
  double t = (double) frame / N_FRAMES;
  double zoom = 6.5 + 2.5 * (1 + cos (2 * G_PI * 2 * t));

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (map, 30.3 + 1.5 * sin (2 * G_PI * t), 104.5 + 2.5 * cos (2 * G_PI * t));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (bench->map_view);

  bench->n_ticks++;
  if (bench->n_ticks > WARMUP_FRAMES)
    {
      double frame_ms = (now - bench->last_time) / 1000.0;
      double snapshot_ms = ledger_point_layer_get_last_snapshot_ms (layer);

      g_array_append_val (bench->frames, frame_ms);
      g_array_append_val (bench->snapshots, snapshot_ms);
    }
  bench->last_time = now;
  if (bench->frames->len >= N_FRAMES)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  move_map (bench, bench->n_ticks);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  g_autofree char *dir = g_dir_make_tmp ("bench-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr (LedgerApplication) app = NULL;
  Bench bench = { 0 };
  LedgerWindow *window;

  gtk_init ();
  adw_init ();
  generate_ledger (path, n);

  app = ledger_application_new ();
  window = open_window (app, path);
  ledger_window_set_view (window, "map");
  bench.map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  bench.frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.snapshots = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.map_view), tick_cb, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("bench-map: %u points, median frame %.1f ms, p95 %.1f ms, layer snapshot median %.2f ms\n",
           ledger_point_set_get_n (ledger_point_layer_get_points (ledger_map_view_get_point_layer (bench.map_view))),
           percentile (bench.frames, 0.5), percentile (bench.frames, 0.95),
           percentile (bench.snapshots, 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.frames);
  g_array_unref (bench.snapshots);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
