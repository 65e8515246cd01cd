/* test-map-input.c: the map takes real input — GTK's picking reaches the
 * point layer over every base map (none, MBTiles, URL template, and after a
 * change at run time), the layers are stacked by the rule of docs/ARCHITECTURE.md, map,
 * and a real X click (xdotool) on a point selects it in the window */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ledger-app-resources.h"
#include "ledger-detail-pane.h"
#include "ledger-list-view.h"
#include "ledger-db-private.h"
#include "ledger-store.h"
#include "ledger-map-view.h"
#include "ledger-test-app.h"
#include "ledger-test-tiles.h"
#include "ledger-test-util.h"

#define ZOOM 17

typedef struct
{
  char                 *dir;
  char                 *db_path;
  char                 *mbtiles_path;
  char                 *url;
  LedgerTestTileServer  server;
  GSettings            *settings;
  LedgerDb             *db;
  GtkWidget            *window;
  LedgerMapView        *map_view;
} Fixture;

/* X events reach GTK when they do: under load, later than a fixed wait */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 wait_end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end) \
      g_main_context_iteration (NULL, FALSE); \
  } G_STMT_END

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
use_base_map (Fixture    *f,
              const char *nick)
{
  g_settings_set_string (f->settings, "mbtiles-file", f->mbtiles_path);
  g_settings_set_string (f->settings, "url-template", f->url);
  g_settings_set_string (f->settings, "base-map", nick);
}

/* the first facility of the demo, the map centred on it at ZOOM */
static const LedgerPoint *
centre_on_a_facility (Fixture *f)
{
  LedgerPointSet *points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (f->map_view));
  ShumateViewport *viewport = ledger_map_view_get_viewport (f->map_view);

  for (guint i = 0; i < ledger_point_set_get_n (points); i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, i);

      if (point->kind != LEDGER_KIND_FACILITIES)
        continue;
      shumate_viewport_set_zoom_level (viewport, ZOOM);
      shumate_map_center_on (ledger_map_view_get_map (f->map_view), point->lat, point->lon);
      return point;
    }
  g_assert_not_reached ();
}

/* where @point is drawn, in @widget's coordinates */
static graphene_point_t
position_in (Fixture           *f,
             const LedgerPoint *point,
             GtkWidget         *widget)
{
  GtkWidget *layer = GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view));
  graphene_point_t out;
  double x, y;

  shumate_viewport_location_to_widget_coords (ledger_map_view_get_viewport (f->map_view), layer,
                                              point->lat, point->lon, &x, &y);
  g_assert_true (gtk_widget_compute_point (layer, widget, &GRAPHENE_POINT_INIT (x, y), &out));
  return out;
}

/* magenta, or magenta under the outline layer's light tint of the county */
static gboolean
is_tile (guint32 pixel)
{
  return (pixel >> 16) > 0xc0 && ((pixel >> 8) & 0xff) < 0x50 && (pixel & 0xff) > 0xc0;
}

static gboolean
has_tiles (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);  /* B G R A */
  for (int i = 0; i < width * height; i += 7)
    if (is_tile ((pixels[4 * i + 2] << 16) | (pixels[4 * i + 1] << 8) | pixels[4 * i]))
      return TRUE;
  return FALSE;
}

/* until the tiles are drawn (a base map with tiles), or a while (none) */
static GdkTexture *
wait_for_tiles (Fixture    *f,
                const char *nick)
{
  gboolean tiles = !g_str_equal (nick, "none");
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkTexture *texture = NULL;

  iterate_for (200);
  while (g_get_monotonic_time () < deadline)
    {
      iterate_for (100);
      g_clear_object (&texture);
      texture = ledger_test_render (f->window);
      if (texture != NULL && (!tiles || has_tiles (texture)))
        break;
    }
  g_assert_nonnull (texture);
  g_assert_true (has_tiles (texture) == tiles);
  return texture;
}

/* GTK's picking at the drawn point finds the point layer, and the point is
 * drawn over the tiles */
static void
assert_point_on_top (Fixture    *f,
                     const char *nick)
{
  const LedgerPoint *point = centre_on_a_facility (f);
  g_autoptr (GdkTexture) texture = wait_for_tiles (f, nick);
  graphene_point_t at = position_in (f, point, f->window);
  GtkWidget *picked = gtk_widget_pick (f->window, at.x, at.y, GTK_PICK_DEFAULT);
  guint cluster = 0;

  g_test_message ("%s: picked %s", nick, picked ? G_OBJECT_TYPE_NAME (picked) : "nothing");
  g_assert_true (picked == GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view)));
  at = position_in (f, point, GTK_WIDGET (picked));
  g_assert_true (ledger_point_layer_pick (LEDGER_POINT_LAYER (picked), at.x, at.y, &cluster) == point);
  at = position_in (f, point, f->window);
  g_assert_false (is_tile (ledger_test_pixel (texture, (int) at.x, (int) at.y)));
}

/* the layers of the map, bottom up, as type names */
static char *
dup_stack (Fixture *f)
{
  GtkWidget *map = GTK_WIDGET (ledger_map_view_get_map (f->map_view));
  g_autoptr (GString) stack = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (map); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_string_append_printf (stack, "%s%s", stack->len ? " < " : "", G_OBJECT_TYPE_NAME (child));
  return g_string_free (g_steal_pointer (&stack), FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *nick = data;
  g_autoptr (GBytes) png = ledger_test_solid_png (0xff, 0x00, 0xff);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) demo = NULL;
  LedgerPointSet *points;
  const LedgerPoint *point = NULL;

  f->dir = g_dir_make_tmp ("test-map-input-XXXXXX", NULL);
  f->db_path = g_build_filename (f->dir, "ledger.db", NULL);
  f->mbtiles_path = g_build_filename (f->dir, "base.mbtiles", NULL);
  f->url = ledger_test_tile_server_start (&f->server, png);
  f->settings = ledger_settings_new ();
  f->db = ledger_ledger_create (f->db_path, "512022", TRUE, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  f->map_view = LEDGER_MAP_VIEW (ledger_map_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->map_view));
  ledger_map_view_set_db (f->map_view, f->db, 2025);
  /* the MBTiles cover the first facility at ZOOM */
  points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (f->map_view));
  for (guint i = 0; point == NULL && i < ledger_point_set_get_n (points); i++)
    if (ledger_point_set_get (points, i)->kind == LEDGER_KIND_FACILITIES)
      point = ledger_point_set_get (points, i);
  ledger_test_make_mbtiles (f->mbtiles_path, png, point->lon, point->lat, ZOOM, 3);
  use_base_map (f, nick);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate_for (50);
  g_settings_set_string (f->settings, "base-map", "none");
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  ledger_test_tile_server_stop (&f->server);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->mbtiles_path);
  g_free (f->url);
}

/* ---- tests ---- */

static void
test_pick (Fixture       *f,
           gconstpointer  data)
{
  assert_point_on_top (f, data);
}

/* the base map changed at run time keeps the order */
static void
test_pick_after_change (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const sequence[] = { "mbtiles", "url-template", "none", "mbtiles" };

  for (guint i = 0; i < G_N_ELEMENTS (sequence); i++)
    {
      use_base_map (f, sequence[i]);
      assert_point_on_top (f, sequence[i]);
    }
}

static void
test_stack_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *stack = NULL;

  use_base_map (f, "url-template");
  use_base_map (f, "mbtiles");
  stack = dup_stack (f);
  g_assert_cmpstr (stack, ==, "ShumateMapLayer < LedgerOutlineLayer < LedgerVillageLayer < LedgerShapeLayer < LedgerOutlineLayer"
                              " < LedgerPointLayer < LedgerMeasureLayer");
}

/* ---- the real window, real X events ---- */

typedef struct
{
  LedgerApplication *app;
  LedgerWindow      *window;
  LedgerMapView     *map_view;
  char              *dir;
} AppFixture;

static void
xdotool_done (GPid     pid,
              gint     status,
              gpointer data)
{
  g_spawn_close_pid (pid);
  *(gboolean *) data = TRUE;
}

/* xdotool ARGS… on our window, in its own coordinates; waits for it */
static void
xdotool (AppFixture *f,
         ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;
  const char *arg;
  va_list args;
  GPid pid;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_str_equal (arg, "WINDOW")
                             ? g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface))
                             : g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, xdotool_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  iterate_for (300);
}

static graphene_point_t
position_in_window (AppFixture        *f,
                    const LedgerPoint *point)
{
  GtkWidget *layer = GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view));
  graphene_point_t at;
  double lx, ly;

  shumate_viewport_location_to_widget_coords (ledger_map_view_get_viewport (f->map_view), layer,
                                              point->lat, point->lon, &lx, &ly);
  g_assert_true (gtk_widget_compute_point (layer, GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (lx, ly), &at));
  return at;
}

/* where @point is drawn, in the X window's coordinates, as text */
static void
surface_position (AppFixture        *f,
                  const LedgerPoint *point,
                  char               x[16],
                  char               y[16])
{
  GtkWidget *layer = GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view));
  graphene_point_t at;
  double lx, ly, sx, sy;

  shumate_viewport_location_to_widget_coords (ledger_map_view_get_viewport (f->map_view), layer,
                                              point->lat, point->lon, &lx, &ly);
  g_assert_true (gtk_widget_compute_point (layer, GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (lx, ly), &at));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &sx, &sy);
  g_snprintf (x, 16, "%d", (int) round (at.x + sx));
  g_snprintf (y, 16, "%d", (int) round (at.y + sy));
}

static void
app_setup (AppFixture    *f,
           gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-map-input-XXXXXX", NULL);
  path = g_build_filename (f->dir, "ledger.db", NULL);
  f->window = ledger_test_open_app (path, &f->app);
  f->map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  iterate_for (300);
}

static void
app_teardown (AppFixture    *f,
              gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate_for (50);
  g_clear_object (&f->app);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
on_x11 (void)
{
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && g_find_program_in_path ("xdotool") != NULL)
    return TRUE;
  /* CI installs xdotool (.ci/packages) and runs under Xvfb */
  g_test_fail_printf ("needs an X11 display and xdotool");
  return FALSE;
}

/* a click of the X server's pointer on a drawn point selects it everywhere */
static void
test_xdotool_click (AppFixture    *f,
                    gconstpointer  data)
{
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (f->map_view);
  LedgerPointSet *points = ledger_point_layer_get_points (layer);
  const LedgerPoint *point = NULL;
  GtkWidget *pane = ledger_window_get_detail_pane (f->window);
  char x[16], y[16];

  if (!on_x11 ())
    return;
  for (guint i = 0; point == NULL && i < ledger_point_set_get_n (points); i++)
    if (ledger_point_set_get (points, i)->kind == LEDGER_KIND_FARMS)
      point = ledger_point_set_get (points, i);
  g_assert_nonnull (point);
  shumate_viewport_set_zoom_level (ledger_map_view_get_viewport (f->map_view), ZOOM);
  shumate_map_center_on (ledger_map_view_get_map (f->map_view), point->lat, point->lon);
  iterate_for (300);
  g_assert_null (ledger_point_layer_get_selected_uid (layer));

  surface_position (f, point, x, y);
  xdotool (f, "windowraise", "WINDOW", NULL);
  {
    graphene_point_t at = position_in_window (f, point);
    GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (f->window), at.x, at.y, GTK_PICK_DEFAULT);

    g_test_message ("at %s, %s: %s", x, y, picked ? G_OBJECT_TYPE_NAME (picked) : "nothing");
    g_assert_true (picked == GTK_WIDGET (layer));
  }
  xdotool (f, "mousemove", "--window", "WINDOW", x, y, "click", "1", NULL);
  WAIT_FOR (g_strcmp0 (ledger_point_layer_get_selected_uid (layer), point->uid) == 0);
  g_assert_cmpstr (ledger_point_layer_get_selected_uid (layer), ==, point->uid);
  g_assert_cmpstr (ledger_detail_pane_get_uid (LEDGER_DETAIL_PANE (pane)), ==, point->uid);
  g_assert_cmpint (ledger_list_view_get_kind (LEDGER_LIST_VIEW (ledger_window_get_list_view (f->window))), ==,
                   LEDGER_KIND_FARMS);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static int
count_audit (LedgerDb   *db,
             const char *uid)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT count(*) FROM audit WHERE entity_uid = ?1", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* the selected point dragged with the X pointer moves, once confirmed,
 * through core: the new location is saved and audited */
static void
test_xdotool_drag (AppFixture    *f,
                   gconstpointer  data)
{
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (f->map_view);
  LedgerDb *db = ledger_window_get_db (f->window);
  g_autofree char *uid = NULL;
  const LedgerPoint *point = NULL;
  AdwMessageDialog *dialog;
  g_autoptr (LedgerRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  char x[16], y[16], x2[16];
  int audited;
  double lon;

  if (!on_x11 ())
    return;
  for (guint i = 0; point == NULL && i < ledger_point_set_get_n (ledger_point_layer_get_points (layer)); i++)
    if (ledger_point_set_get (ledger_point_layer_get_points (layer), i)->kind == LEDGER_KIND_FACILITIES)
      point = ledger_point_set_get (ledger_point_layer_get_points (layer), i);
  uid = g_strdup (point->uid);
  lon = point->lon;
  shumate_viewport_set_zoom_level (ledger_map_view_get_viewport (f->map_view), ZOOM);
  shumate_map_center_on (ledger_map_view_get_map (f->map_view), point->lat, point->lon);
  iterate_for (300);
  surface_position (f, point, x, y);
  g_snprintf (x2, sizeof x2, "%d", atoi (x) + 80);
  audited = count_audit (db, uid);

  xdotool (f, "mousemove", "--window", "WINDOW", x, y, "click", "1", NULL);
  WAIT_FOR (g_strcmp0 (ledger_point_layer_get_selected_uid (layer), uid) == 0);
  g_assert_cmpstr (ledger_point_layer_get_selected_uid (layer), ==, uid);
  xdotool (f, "mousedown", "1", "mousemove", "--window", "WINDOW", x2, y, "sleep", "0.2",
           "mousemove", "--window", "WINDOW", x2, y, "mouseup", "1", NULL);
  WAIT_FOR (find_dialog () != NULL);
  g_assert_nonnull (dialog = find_dialog ());
  adw_message_dialog_response (dialog, "move");
  iterate_for (300);

  record = ledger_store_get (db, LEDGER_KIND_FACILITIES, uid, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (g_ascii_strtod (ledger_record_get (record, "lon"), NULL), >, lon);
  g_assert_cmpint (count_audit (db, uid), >, audited);
}

/* + and − zoom the map, a letter stays on the map (no jump to the Ledger) */
static void
test_xdotool_keys (AppFixture    *f,
                   gconstpointer  data)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (f->map_view);
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (f->map_view), ADW_TYPE_VIEW_STACK);
  double zoom;

  if (!on_x11 ())
    return;
  /* the map takes the keyboard from a click far from every point */
  shumate_viewport_set_zoom_level (viewport, 8);
  iterate_for (300);
  xdotool (f, "mousemove", "--window", "WINDOW", "60", "600", "click", "1", NULL);
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view))));
  zoom = shumate_viewport_get_zoom_level (viewport);
  xdotool (f, "key", "plus", NULL);
  WAIT_FOR (shumate_viewport_get_zoom_level (viewport) == zoom + 1);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom + 1);
  xdotool (f, "key", "minus", "minus", NULL);
  WAIT_FOR (shumate_viewport_get_zoom_level (viewport) == zoom - 1);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom - 1);
  xdotool (f, "type", "a+", NULL);
  WAIT_FOR (shumate_viewport_get_zoom_level (viewport) == zoom);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "map");
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom);

  /* Tab reaches the points in view, Enter selects the one reached */
  shumate_viewport_set_zoom_level (viewport, ZOOM);
  iterate_for (300);
  ledger_window_select_item (f->window, LEDGER_KIND_FARMS, NULL);
  g_assert_null (ledger_point_layer_get_selected_uid (ledger_map_view_get_point_layer (f->map_view)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (ledger_map_view_get_point_layer (f->map_view))));
  xdotool (f, "key", "Tab", "Return", NULL);
  WAIT_FOR (ledger_point_layer_get_selected_uid (ledger_map_view_get_point_layer (f->map_view)) != NULL);
  g_assert_nonnull (ledger_point_layer_get_selected_uid (ledger_map_view_get_point_layer (f->map_view)));
  g_assert_nonnull (ledger_detail_pane_get_uid (LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (f->window))));
}

static void
test_xdotool (AppFixture    *f,
              gconstpointer  data)
{
  test_xdotool_click (f, data);
  test_xdotool_keys (f, data);
  test_xdotool_drag (f, data);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (ledger_app_get_resource ());
#define ADD(path, fn, nick) g_test_add (path, Fixture, nick, fixture_setup, fn, fixture_teardown)
  ADD ("/map-input/pick/none", test_pick, "none");
  ADD ("/map-input/pick/mbtiles", test_pick, "mbtiles");
  ADD ("/map-input/pick/url-template", test_pick, "url-template");
  ADD ("/map-input/pick/after-change", test_pick_after_change, "none");
  ADD ("/map-input/stack-order", test_stack_order, "none");
#undef ADD
  /* one application per process: one test, in steps */
  g_test_add ("/map-input/xdotool", AppFixture, NULL, app_setup, test_xdotool, app_teardown);
  return g_test_run ();
}
