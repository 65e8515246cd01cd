/* bench-map.c: pan and zoom the real window's map over N generated points
 *
 *   bench-map [N]
 *
 * Builds a Lezhi ledger with N facilities, farms and water bodies spread over
 * Sichuan (a fifth of them inside Lezhi), opens the real LedgerWindow on its
 * map page, moves the map from a tick callback in three gestures of 200
 * frames each (sweep: zoom between the county and the province while the
 * centre circles over Sichuan; pan: the centre circles at zoom 9; zoom: in
 * and out over Lezhi) and prints, per gesture, the paint time of a frame
 * (from the frame clock's "layout" to its "after-paint": what the frame
 * costs, which the frame interval hides at 16.7 ms) against the limits:
 *   bench-map: N points; sweep paint median X ms, p95 Y ms; pan …; zoom …
 *   (limit median 16 ms, p95 25 ms); frame interval median Z ms; layer snapshot median W ms
 * A benchmark, not a test: run it on purpose, under Xvfb with GSK_RENDERER=cairo.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "ledger-settings.h"
#include "ledger-application.h"
#include "ledger-map-view.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-window.h"

#define N_FRAMES 200
#define WARMUP_FRAMES 10

typedef enum { GESTURE_SWEEP, GESTURE_PAN, GESTURE_ZOOM, N_GESTURES } Gesture;

static const char *const gesture_names[N_GESTURES] = { "sweep", "pan", "zoom" };

typedef struct
{
  LedgerMapView *map_view;
  GArray        *frames;     /* double, ms between ticks */
  GArray        *snapshots;  /* double, ms in the point layer's snapshot() */
  GArray        *paints[N_GESTURES];  /* double, ms from layout to after-paint */
  gint64         last_time;
  gint64         layout_start;
  guint          n_ticks;
  Gesture        gesture;
  gboolean       done;
} Bench;

static void
set_coordinate (LedgerRecord *record,
                const char   *key,
                double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  ledger_record_set (record, key, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

static LedgerRecord *
new_item (guint       i,
          const char *village_code,
          GRand      *rand)
{
  static const LedgerKind kinds[] = { LEDGER_KIND_FACILITIES, LEDGER_KIND_FARMS, LEDGER_KIND_WATER_BODIES };
  static const char *const facility_status[] = { "normal", "faulty", "stopped", "building" };
  static const char *const water_status[] = { "not_started", "in_progress", "completed", "verified" };
  LedgerKind kind = kinds[i % 3];
  LedgerRecord *record = ledger_record_new (kind);
  g_autofree char *name = g_strdup_printf ("Bench item %u", i);
  gboolean in_lezhi = g_rand_int_range (rand, 0, 5) == 0;

  ledger_record_set (record, "name", name);
  ledger_record_set (record, "village_code", village_code);
  set_coordinate (record, "lon", in_lezhi ? g_rand_double_range (rand, 104.85, 105.35)
                                          : g_rand_double_range (rand, 98.0, 108.5));
  set_coordinate (record, "lat", in_lezhi ? g_rand_double_range (rand, 30.0, 30.5)
                                          : g_rand_double_range (rand, 26.5, 33.5));
  if (kind == LEDGER_KIND_FACILITIES)
    {
      ledger_record_set (record, "kind", "village_station");
      ledger_record_set (record, "status", facility_status[g_rand_int_range (rand, 0, 4)]);
    }
  else if (kind == LEDGER_KIND_FARMS)
    ledger_record_set (record, "species", "pig");
  else
    {
      ledger_record_set (record, "kind", "pond");
      ledger_record_set (record, "status", water_status[g_rand_int_range (rand, 0, 4)]);
    }
  return record;
}

static void
generate_ledger (const char *path,
                 guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  villages = ledger_regions_list (db, "village", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, >, 0);

  ledger_db_begin (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);
      g_autoptr (LedgerRecord) record = new_item (i, village->code, rand);

      if (!ledger_store_save (db, record, &error))
        g_error ("cannot save item %u: %s", i, error->message);
    }
  ledger_db_commit (db, &error);
  g_assert_no_error (error);
  g_printerr ("bench-map: generated %u points in %.1f s\n", n,
              (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return NAN;
  return g_array_index (values, double, (guint) MIN (values->len - 1, floor (p * values->len)));
}

/* a province-wide sweep: zoom between the county and the province while the
 * centre circles over Sichuan */
static void
move_map (Bench *bench,
          guint  frame)
{
  ShumateMap *map = ledger_map_view_get_map (bench->map_view);
  ShumateViewport *viewport = ledger_map_view_get_viewport (bench->map_view);
  double t = (double) (frame % N_FRAMES) / N_FRAMES;
  double zoom = 6.5 + 2.5 * (1 + cos (2 * G_PI * 2 * t));

  switch (bench->gesture)
    {
    case GESTURE_SWEEP:
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_map_center_on (map, 30.3 + 1.5 * sin (2 * G_PI * t), 104.5 + 2.5 * cos (2 * G_PI * t));
      break;
    case GESTURE_PAN:
      shumate_viewport_set_zoom_level (viewport, 9);
      shumate_map_center_on (map, 30.3 + 1.5 * sin (2 * G_PI * t), 104.5 + 2.5 * cos (2 * G_PI * t));
      break;
    default:
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_map_center_on (map, 30.28, 105.03);
      break;
    }
}

static void
on_layout_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->layout_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double ms = (g_get_monotonic_time () - bench->layout_start) / 1000.0;

  if (bench->layout_start != 0 && bench->n_ticks > WARMUP_FRAMES && !bench->done)
    g_array_append_val (bench->paints[bench->gesture], ms);
  bench->layout_start = 0;
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
  if (bench->frames->len >= (bench->gesture + 1) * N_FRAMES && ++bench->gesture == N_GESTURES)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  move_map (bench, bench->n_ticks);
  return G_SOURCE_CONTINUE;
}

static LedgerWindow *
open_window (LedgerApplication *app,
             const char        *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = ledger_settings_new ();
  GtkWindow *window;

  /* no network in a benchmark: the outline layer paints the land */
  g_settings_set_string (settings, "base-map", "none");
  g_settings_set_string (settings, "last-view", "map");
  ledger_application_set_db_path (app, path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LEDGER_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1200, 800);
  return LEDGER_WINDOW (window);
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
  for (guint g = 0; g < N_GESTURES; g++)
    bench.paints[g] = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.map_view), tick_cb, &bench, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.map_view)), "layout",
                    G_CALLBACK (on_layout_cb), &bench);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.map_view)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &bench);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("bench-map: %u points;",
           ledger_point_set_get_n (ledger_point_layer_get_points (ledger_map_view_get_point_layer (bench.map_view))));
  for (guint g = 0; g < N_GESTURES; g++)
    g_print (" %s paint median %.1f ms, p95 %.1f ms;", gesture_names[g], percentile (bench.paints[g], 0.5),
             percentile (bench.paints[g], 0.95));
  g_print (" (limit median 16 ms, p95 25 ms); frame interval median %.1f ms; layer snapshot median %.2f ms\n",
           percentile (bench.frames, 0.5), percentile (bench.snapshots, 0.5));
  for (guint g = 0; g < N_GESTURES; g++)
    g_array_unref (bench.paints[g]);

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
