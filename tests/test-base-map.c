/* test-base-map.c: the custom XYZ URL-template base map, against a tile
 * server on 127.0.0.1 that the test starts (no internet is used) */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ledger-app-resources.h"
#include "ledger-map-view.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-tile-banner.h"
#include "ledger-test-util.h"

typedef struct
{
  GBytes    *png;
  GBytes    *annotation;  /* answered for 天地图's annotation layers (LAYER=cva or cia) */
  gint       n_requests;
  GMutex     lock;
  char      *last_path;
  GPtrArray *paths;       /* every request line, when not NULL */
} TileServer;

static GBytes *
solid_png (guint8 r, guint8 g, guint8 b)
{
  g_autoptr (GByteArray) pixels = g_byte_array_sized_new (256 * 256 * 4);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  for (guint i = 0; i < 256 * 256; i++)
    {
      guint8 px[4] = { r, g, b, 255 };
      g_byte_array_append (pixels, px, 4);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_R8G8B8A8, bytes, 256 * 4);
  return gdk_texture_save_to_png_bytes (texture);
}

/* runs in a worker thread of the GThreadedSocketService */
static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        TileServer             *server)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GDataInputStream) data = g_data_input_stream_new (in);
  g_autofree char *request = g_data_input_stream_read_line (data, NULL, NULL, NULL);
  g_autofree char *header = NULL;
  char *line;

  while ((line = g_data_input_stream_read_line (data, NULL, NULL, NULL)) && g_strstrip (line)[0] != '\0')
    g_free (line);
  g_free (line);
  g_mutex_lock (&server->lock);
  g_free (server->last_path);
  server->last_path = request ? g_strdup (request) : NULL;
  server->n_requests++;
  if (server->paths != NULL && request != NULL)
    g_ptr_array_add (server->paths, g_strdup (request));
  g_mutex_unlock (&server->lock);

  /* a wrong key: what an online tile service answers */
  if (request != NULL && strstr (request, "tk=badkey") != NULL)
    {
      const char *refusal = "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                            "Connection: close\r\n\r\n{}";
      g_output_stream_write_all (out, refusal, strlen (refusal), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  if (request != NULL && server->annotation != NULL && (strstr (request, "LAYER=cva") || strstr (request, "LAYER=cia")))
    {
      header = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: %" G_GSIZE_FORMAT
                                "\r\nConnection: close\r\n\r\n", g_bytes_get_size (server->annotation));
      g_output_stream_write_all (out, header, strlen (header), NULL, NULL, NULL);
      g_output_stream_write_all (out, g_bytes_get_data (server->annotation, NULL),
                                 g_bytes_get_size (server->annotation), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }

  header = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: %" G_GSIZE_FORMAT
                            "\r\nConnection: close\r\n\r\n", g_bytes_get_size (server->png));
  g_output_stream_write_all (out, header, strlen (header), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (server->png, NULL), g_bytes_get_size (server->png),
                             NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static guint16
start_server (GSocketService *service)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_socket_service_start (service);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
}

static gboolean
texture_has_colour (GdkTexture *texture, guint8 r, guint8 g, guint8 b)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc (width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);  /* cairo order: B G R A */
  for (int i = 0; i < width * height; i++)
    if (ABS (pixels[4 * i + 2] - r) < 8 && ABS (pixels[4 * i + 1] - g) < 8 && ABS (pixels[4 * i] - b) < 8)
      return TRUE;
  return FALSE;
}

static GdkTexture *
render (GtkWidget *window)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return NULL;   /* not drawn yet */
  return gsk_renderer_render_texture (renderer, node, NULL);
}

static void
test_url_template (void)
{
  TileServer server = { .png = solid_png (0xff, 0x00, 0xff) };
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (4);
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("test-base-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkWidget *window, *map_view;
  gint64 deadline, next_render = 0;

  g_mutex_init (&server.lock);
  g_signal_connect (service, "run", G_CALLBACK (on_run), &server);
  url = g_strdup_printf ("http://127.0.0.1:%u/tiles/{z}/{x}/{y}.png", start_server (service));
  g_settings_set_string (settings, "url-template", url);
  g_settings_set_string (settings, "base-map", "url-template");

  db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_assert_no_error (error);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  map_view = ledger_map_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), map_view);
  ledger_map_view_set_db (LEDGER_MAP_VIEW (map_view), db, 2025);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* until tiles have come from our server and been drawn */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_atomic_int_get (&server.n_requests) > 0 && g_get_monotonic_time () > next_render)
        {
          next_render = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
          g_clear_object (&texture);
          texture = render (window);
          if (texture != NULL && texture_has_colour (texture, 0xff, 0x00, 0xff))
            break;
        }
    }
  g_assert_cmpint (g_atomic_int_get (&server.n_requests), >, 0);
  g_mutex_lock (&server.lock);
  g_assert_true (g_regex_match_simple ("^GET /tiles/[0-9]+/[0-9]+/[0-9]+\\.png HTTP/1\\.[01]$",
                                       server.last_path, 0, 0));
  g_mutex_unlock (&server.lock);
  g_assert_nonnull (texture);
  g_assert_true (texture_has_colour (texture, 0xff, 0x00, 0xff));

  gtk_window_destroy (GTK_WINDOW (window));
  g_socket_service_stop (service);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
  g_bytes_unref (server.png);
  g_free (server.last_path);
}

/* a transparent tile with a blue square in the middle: 天地图's place names */
static GBytes *
annotation_png (void)
{
  g_autoptr (GByteArray) pixels = g_byte_array_sized_new (256 * 256 * 4);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  for (guint i = 0; i < 256 * 256; i++)
    {
      gboolean inside = (i % 256) >= 96 && (i % 256) < 160 && (i / 256) >= 96 && (i / 256) < 160;
      guint8 px[4] = { 0x00, 0x00, inside ? 0xff : 0x00, inside ? 0xff : 0x00 };
      g_byte_array_append (pixels, px, 4);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_R8G8B8A8, bytes, 256 * 4);
  return gdk_texture_save_to_png_bytes (texture);
}

/* the county outline's blue stroke, over whatever is beneath it */
static gboolean
texture_has_outline (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc (width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    if (pixels[4 * i] > 180 && pixels[4 * i + 2] < 90 && pixels[4 * i + 1] > 90 && pixels[4 * i + 1] < 160)
      return TRUE;
  return FALSE;
}

static void
find_banner (GtkWidget *widget, LedgerTileBanner **banner)
{
  if (LEDGER_IS_TILE_BANNER (widget))
    *banner = LEDGER_TILE_BANNER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !*banner; child = gtk_widget_get_next_sibling (child))
    find_banner (child, banner);
}

typedef struct
{
  GtkWidget        *window;
  LedgerTileBanner *banner;
  LedgerDb         *db;
  char             *dir;
} MapWindow;

static void
open_map (MapWindow *map)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *map_view;

  map->dir = g_dir_make_tmp ("test-base-map-XXXXXX", NULL);
  path = g_build_filename (map->dir, "ledger.db", NULL);
  map->db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_assert_no_error (error);
  map->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (map->window), 800, 600);
  map_view = ledger_map_view_new ();
  gtk_window_set_child (GTK_WINDOW (map->window), map_view);
  ledger_map_view_set_db (LEDGER_MAP_VIEW (map_view), map->db, 2025);
  gtk_window_present (GTK_WINDOW (map->window));
  gtk_test_widget_wait_for_draw (map->window);
  find_banner (map_view, &map->banner);
  g_assert_nonnull (map->banner);
}

static void
close_map (MapWindow *map)
{
  gtk_window_destroy (GTK_WINDOW (map->window));
  g_clear_object (&map->db);
  ledger_test_remove_dir (map->dir);
  g_free (map->dir);
}

/* Renders the window every 0.2 s until @done says so or 20 s pass. */
static GdkTexture *
render_until (GtkWidget *window, gboolean (*done) (GdkTexture *, gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC, next_render = 0;
  GdkTexture *texture = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > next_render)
        {
          next_render = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
          g_clear_object (&texture);
          texture = render (window);
          if (texture != NULL && done (texture, data))
            break;
        }
    }
  return texture;
}

static gboolean
has_base_and_annotation (GdkTexture *texture, gpointer data)
{
  return texture_has_colour (texture, 0xff, 0x00, 0xff) && texture_has_colour (texture, 0x00, 0x00, 0xff);
}

static gboolean
banner_shown (GdkTexture *texture, gpointer data)
{
  return ledger_tile_banner_is_shown (data);
}

static gboolean
path_seen (TileServer *server, const char *a, const char *b)
{
  gboolean seen = FALSE;

  g_mutex_lock (&server->lock);
  for (guint i = 0; i < server->paths->len && !seen; i++)
    seen = strstr (server->paths->pdata[i], a) && strstr (server->paths->pdata[i], b);
  g_mutex_unlock (&server->lock);
  return seen;
}

/* 天地图 vector with its annotation, from a local server standing in for
 * t0–t7.tianditu.gov.cn: both layers are asked for with the key and drawn
 * one over the other; then a wrong key shows the banner over the outline. */
static void
test_tianditu (void)
{
  TileServer server = { .png = solid_png (0xff, 0x00, 0xff), .annotation = annotation_png (),
                        .paths = g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (8);
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autofree char *url = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  MapWindow map = { 0 };

  g_mutex_init (&server.lock);
  g_signal_connect (service, "run", G_CALLBACK (on_run), &server);
  url = g_strdup_printf ("http://127.0.0.1:%u", start_server (service));
  g_settings_set_string (settings, "tianditu-server", url);
  g_settings_set_string (settings, "tianditu-key", "0123abcd");
  g_settings_set_string (settings, "base-map", "tianditu-vector");
  open_map (&map);

  texture = render_until (map.window, has_base_and_annotation, NULL);
  g_assert_true (path_seen (&server, "GET /vec_w/wmts?", "LAYER=vec&"));
  g_assert_true (path_seen (&server, "GET /cva_w/wmts?", "tk=0123abcd"));
  g_assert_true (path_seen (&server, "TILEMATRIXSET=w", "TILECOL="));
  g_assert_nonnull (texture);
  g_assert_true (texture_has_colour (texture, 0xff, 0x00, 0xff));
  g_assert_true (texture_has_colour (texture, 0x00, 0x00, 0xff));
  g_assert_false (ledger_tile_banner_is_shown (map.banner));

  /* a wrong key: the server refuses every tile */
  g_settings_set_string (settings, "tianditu-key", "badkey");
  g_settings_set_string (settings, "base-map", "tianditu-imagery");
  g_clear_object (&texture);
  texture = render_until (map.window, banner_shown, map.banner);
  g_assert_true (ledger_tile_banner_is_shown (map.banner));
  g_assert_nonnull (strstr (ledger_tile_banner_get_text (map.banner), "Forbidden"));
  g_assert_true (path_seen (&server, "GET /img_w/wmts?", "tk=badkey"));
  g_assert_false (texture_has_colour (texture, 0xff, 0x00, 0xff));
  g_assert_true (texture_has_outline (texture));
  if (g_getenv ("LEDGER_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("LEDGER_SCREENSHOT_DIR"), "map-tiles-refused.png", NULL);
      gdk_texture_save_to_png (texture, png);
    }

  close_map (&map);
  g_socket_service_stop (service);
  g_settings_reset (settings, "tianditu-server");
  g_settings_reset (settings, "tianditu-key");
  g_bytes_unref (server.png);
  g_bytes_unref (server.annotation);
  g_ptr_array_unref (server.paths);
  g_free (server.last_path);
}

/* No connection (the server is gone): the banner says so; the outline draws. */
static void
test_offline (void)
{
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autofree char *url = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  MapWindow map = { 0 };
  guint16 port = start_server (service);

  /* a port that nothing listens on any more */
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  url = g_strdup_printf ("http://127.0.0.1:%u/offline/{z}/{x}/{y}.png", port);
  g_settings_set_string (settings, "url-template", url);
  g_settings_set_string (settings, "base-map", "url-template");
  open_map (&map);

  texture = render_until (map.window, banner_shown, map.banner);
  g_assert_true (ledger_tile_banner_is_shown (map.banner));
  g_assert_nonnull (strstr (ledger_tile_banner_get_text (map.banner), "no connection"));
  g_assert_true (texture_has_outline (texture));

  /* back to no base map: nothing to fail, no banner */
  g_settings_set_string (settings, "base-map", "none");
  g_assert_false (ledger_tile_banner_is_shown (map.banner));
  close_map (&map);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (ledger_app_get_resource ());
  g_test_add_func ("/base-map/url-template", test_url_template);
  g_test_add_func ("/base-map/tianditu", test_tianditu);
  g_test_add_func ("/base-map/offline", test_offline);
  return g_test_run ();
}
