/* bench-click.c: from a click to the selection, in the real window, at N points
 *
 *   bench-click [N]          (default 100000)
 *
 * Builds the ledger of bench-map with N items, opens the real LedgerWindow on
 * its map page and clicks, with xdotool (real X events), on 40 drawn points
 * in turn at level 17. A click is timed from the moment GTK hands the button
 * release to the window (a capture-phase controller, before any widget) to
 * the end of the window's handling of the selection (detail pane filled,
 * list row selected). The peer figure, from the same run: the raw hit-test
 * (ledger_point_layer_pick) at the same positions, and a frame of the map.
 *   bench-click: N points, click to selection median X ms, p95 Y ms (…); of which the window's
 *   selection median W ms; hit-test median Z µs
 * A benchmark, not a test: run it on purpose, under Xvfb with GSK_RENDERER=cairo.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <stdlib.h>

#include "ledger-map-view.h"

#include "bench-map-common.h"

#define N_CLICKS 40

typedef struct
{
  LedgerMapView *map_view;
  gint64         released;   /* monotonic µs of the last button release */
  gint64         selected;   /* … and of the end of its selection */
  gint64         activated;  /* … and of the point layer's "point-activated" */
} Clicks;

static gboolean
on_point_activated_hook (GSignalInvocationHint *hint,
                         guint                  n_values,
                         const GValue          *values,
                         gpointer               data)
{
  ((Clicks *) data)->activated = g_get_monotonic_time ();
  return TRUE;
}

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             Clicks                   *clicks)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE)
    clicks->released = g_get_monotonic_time ();
  return FALSE;
}

static void
on_item_activated_after_cb (LedgerMapView *map_view,
                            int            kind,
                            const char    *uid,
                            Clicks        *clicks)
{
  clicks->selected = g_get_monotonic_time ();
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
run_xdotool (GtkWindow *window,
             int        x,
             int        y)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_autofree char *sx = g_strdup_printf ("%d", x);
  g_autofree char *sy = g_strdup_printf ("%d", y);
  const char *argv[] = { "xdotool", "mousemove", "--window", xid, sx, sy, "click", "1", NULL };
  g_autoptr (GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
    g_error ("xdotool: %s", error->message);
}

/* one click on @point: the latency, and the raw hit-test at the same place */
static double
click_on (GtkWindow         *window,
          Clicks            *clicks,
          const LedgerPoint *point,
          double            *hit_us,
          double            *to_signal_ms)
{
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (clicks->map_view);
  graphene_point_t at;
  double lx, ly, sx, sy;
  gint64 start, deadline;
  guint size;

  shumate_viewport_set_zoom_level (ledger_map_view_get_viewport (clicks->map_view), 17);
  shumate_map_center_on (ledger_map_view_get_map (clicks->map_view), point->lat, point->lon);
  iterate_for (150);
  shumate_viewport_location_to_widget_coords (ledger_map_view_get_viewport (clicks->map_view),
                                              GTK_WIDGET (layer), point->lat, point->lon, &lx, &ly);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 1000; i++)
    ledger_point_layer_pick (layer, lx, ly, &size);
  *hit_us = (g_get_monotonic_time () - start) / 1000.0;
  if (!gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (lx, ly), &at))
    return NAN;
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  clicks->released = clicks->selected = clicks->activated = 0;
  run_xdotool (window, (int) round (at.x + sx), (int) round (at.y + sy));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((clicks->selected == 0 || clicks->released == 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (clicks->selected == 0 || clicks->released == 0 ||
      g_strcmp0 (ledger_point_layer_get_selected_uid (layer), point->uid) != 0)
    return NAN;
  *to_signal_ms = (clicks->activated - clicks->released) / 1000.0;
  return (clicks->selected - clicks->released) / 1000.0;
}

/* the window's share of a click: the same selection made by the window's
 * own entry point (detail pane, list row, map), without the click */
static double
time_window_selection (LedgerWindow      *window,
                       const LedgerPoint *point)
{
  gint64 start;

  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, NULL);
  iterate_for (50);
  start = g_get_monotonic_time ();
  ledger_window_select_item (window, point->kind, point->uid);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-click-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr (LedgerApplication) app = NULL;
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (double));
  GtkEventController *legacy = gtk_event_controller_legacy_new ();
  Clicks clicks = { 0 };
  LedgerPointSet *points;
  LedgerWindow *window;
  g_autoptr (GArray) to_signals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) window_parts = g_array_new (FALSE, FALSE, sizeof (double));
  double window_ms;
  guint missed = 0;

  gtk_init ();
  adw_init ();
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || g_find_program_in_path ("xdotool") == NULL)
    g_error ("bench-click needs an X11 display (Xvfb) and xdotool");
  generate_ledger (path, n);
  app = ledger_application_new ();
  window = open_window (app, path);
  ledger_window_set_view (window, "map");
  clicks.map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_event_cb), &clicks);
  gtk_widget_add_controller (GTK_WIDGET (window), legacy);
  g_signal_connect_after (clicks.map_view, "item-activated", G_CALLBACK (on_item_activated_after_cb), &clicks);
  g_signal_add_emission_hook (g_signal_lookup ("point-activated", LEDGER_TYPE_POINT_LAYER), 0,
                              on_point_activated_hook, &clicks, NULL);
  iterate_for (1000);

  points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (clicks.map_view));
  for (guint i = 0; i < N_CLICKS; i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, (i * 7919) % ledger_point_set_get_n (points));
      double hit_us = 0, to_signal = NAN, latency = click_on (GTK_WINDOW (window), &clicks, point, &hit_us, &to_signal);

      g_array_append_val (hits, hit_us);
      if (!isnan (latency))
        g_array_append_val (to_signals, to_signal);
      if (isnan (latency))
        missed++;
      else
        g_array_append_val (latencies, latency);
      window_ms = time_window_selection (window, point);
      g_array_append_val (window_parts, window_ms);
    }
  g_print ("bench-click: %u points, click to selection median %.1f ms, p95 %.1f ms (%u of %u clicks selected); "
           "release to the layer's signal median %.1f ms; the window's selection alone (detail pane, list row) "
           "median %.1f ms; hit-test median %.1f µs\n",
           ledger_point_set_get_n (points), percentile (latencies, 0.5), percentile (latencies, 0.95),
           latencies->len, N_CLICKS, percentile (to_signals, 0.5), percentile (window_parts, 0.5),
           percentile (hits, 0.5));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
