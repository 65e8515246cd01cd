/* test-base-map.c: the custom XYZ URL-template base map, against a tile
 * server on 127.0.0.1 that the test starts (no internet is used) */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ledger-app-resources.h"
#include "ledger-map-view.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-test-util.h"

typedef struct
{
  GBytes *png;
  gint    n_requests;
  GMutex  lock;
  char   *last_path;
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
  g_mutex_unlock (&server->lock);

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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (ledger_app_get_resource ());
  g_test_add_func ("/base-map/url-template", test_url_template);
  return g_test_run ();
}
