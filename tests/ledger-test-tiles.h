/* ledger-test-tiles.h: base maps for the UI tests — an MBTiles file made by
 * the test, and an XYZ tile server on 127.0.0.1 (no internet is used) */
#pragma once

#include <gio/gio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

G_BEGIN_DECLS

/* a 256 × 256 PNG of one colour */
static inline GBytes *
ledger_test_solid_png (guint8 r,
                       guint8 g,
                       guint8 b)
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

/* the XYZ tile of @lon, @lat at @zoom */
static inline void
ledger_test_tile_of (double lon,
                     double lat,
                     int    zoom,
                     int   *x,
                     int   *y)
{
  double n = exp2 (zoom), rad = lat * G_PI / 180;

  *x = (int) floor ((lon + 180) / 360 * n);
  *y = (int) floor ((1 - log (tan (rad) + 1 / cos (rad)) / G_PI) / 2 * n);
}

/* An MBTiles file at @path with @png for the (2 @radius + 1)² tiles of
 * @zoom around @lon, @lat (MBTiles counts rows from the south: TMS). */
static inline void
ledger_test_make_mbtiles (const char *path,
                          GBytes     *png,
                          double      lon,
                          double      lat,
                          int         zoom,
                          int         radius)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int cx, cy;

  ledger_test_tile_of (lon, lat, zoom, &cx, &cy);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "INSERT INTO metadata VALUES ('name', 'test'), ('minzoom', '0'), ('maxzoom', '19');"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int x = cx - radius; x <= cx + radius; x++)
    for (int y = cy - radius; y <= cy + radius; y++)
      {
        sqlite3_bind_int (stmt, 1, zoom);
        sqlite3_bind_int (stmt, 2, x);
        sqlite3_bind_int (stmt, 3, (1 << zoom) - 1 - y);
        sqlite3_bind_blob (stmt, 4, g_bytes_get_data (png, NULL), (int) g_bytes_get_size (png), SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

typedef struct
{
  GBytes         *png;
  gint            n_requests;
  GMutex          lock;
  char           *last_request;
  GSocketService *service;
} LedgerTestTileServer;

/* runs in a worker thread of the GThreadedSocketService: every path is @png */
static inline gboolean
ledger_test_tile_server_run (GThreadedSocketService *service,
                             GSocketConnection      *connection,
                             GObject                *source,
                             LedgerTestTileServer   *server)
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
  g_free (server->last_request);
  server->last_request = request ? g_strdup (request) : NULL;
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

/* Starts serving @png on 127.0.0.1; returns the URL template. */
static inline char *
ledger_test_tile_server_start (LedgerTestTileServer *server,
                               GBytes               *png)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;

  server->png = g_bytes_ref (png);
  g_mutex_init (&server->lock);
  server->service = g_threaded_socket_service_new (4);
  g_signal_connect (server->service, "run", G_CALLBACK (ledger_test_tile_server_run), server);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_socket_service_start (server->service);
  return g_strdup_printf ("http://127.0.0.1:%u/tiles/{z}/{x}/{y}.png",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

static inline void
ledger_test_tile_server_stop (LedgerTestTileServer *server)
{
  g_socket_service_stop (server->service);
  g_clear_object (&server->service);
  g_clear_pointer (&server->png, g_bytes_unref);
  g_clear_pointer (&server->last_request, g_free);
}

/* the window as drawn now, or NULL before its first frame */
static inline GdkTexture *
ledger_test_render (GtkWidget *window)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, NULL);
}

/* the colour of the pixel at @x, @y, as 0xRRGGBB */
static inline guint32
ledger_test_pixel (GdkTexture *texture,
                   int         x,
                   int         y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 4);
  guint8 *px;

  g_assert_true (x >= 0 && y >= 0 && x < width && y < height);
  gdk_texture_download (texture, pixels, width * 4);  /* cairo order: B G R A */
  px = pixels + ((gsize) y * width + x) * 4;
  return (px[2] << 16) | (px[1] << 8) | px[0];
}

G_END_DECLS
