/* ledger-tile-source.c: online raster tiles that say when they fail
 *
 * libshumate 1.0 has no tile-error signal (it came in 1.4): a tile that
 * does not load just stays empty. This data source wraps one
 * ShumateTileDownloader per layer (and per server name, when the template
 * spreads tiles over t0…t7 with {s}), sees every request end, and keeps a
 * "failing" property with the reason, so that the map can show a quiet
 * banner. A second layer (天地图's annotation: place names over the vector
 * or imagery tiles) is painted over the first, so that one map layer holds
 * both and the layer order of the map stays as it is.
 *
 * A reply that is not an image (an error page or JSON sent with status 200,
 * as key checks do) counts as a failure too.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ledger-tile-source.h"

#define N_SERVERS 8   /* t0 … t7 */

struct _LedgerTileSource
{
  ShumateDataSource  parent_instance;

  GPtrArray         *layers;     /* per layer: GPtrArray of ShumateTileDownloader */
  gboolean           failing;
  char              *reason;
  guint              n_loaded;
  guint              n_failed;
};

G_DEFINE_FINAL_TYPE (LedgerTileSource, ledger_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum { PROP_0, PROP_FAILING, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  int       x, y, zoom;
  guint     pending;
  guint     n_layers;
  GBytes  **tiles;     /* per layer, NULL when it failed */
  GError   *error;     /* of the base layer */
} TileRequest;

/* ---- auxiliary functions ---- */

static void
tile_request_free (TileRequest *request)
{
  for (guint i = 0; i < request->n_layers; i++)
    g_clear_pointer (&request->tiles[i], g_bytes_unref);
  g_clear_error (&request->error);
  g_free (request->tiles);
  g_free (request);
}

static gboolean
is_image (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  return len >= 4 && (memcmp (data, "\x89PNG", 4) == 0 || memcmp (data, "\xFF\xD8\xFF", 3) == 0
                      || memcmp (data, "RIFF", 4) == 0 || memcmp (data, "GIF8", 4) == 0);
}

static void
set_failing (LedgerTileSource *self,
             gboolean          failing,
             const char       *reason)
{
  if (failing == self->failing && g_strcmp0 (reason, self->reason) == 0)
    return;
  self->failing = failing;
  g_free (self->reason);
  self->reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING]);
}

static char *
describe_failure (const GError *error)
{
  if (g_error_matches (error, SHUMATE_TILE_DOWNLOADER_ERROR, SHUMATE_TILE_DOWNLOADER_ERROR_BAD_RESPONSE))
    /* Translators: %s is the server's reason, e.g. "HTTP Forbidden" */
    {
      const char *status = strstr (error->message, "HTTP");   /* "Unable to download tile: HTTP Forbidden" */

      return g_strdup_printf (_("The tile server refused the base map (%s): check the key or the URL in Preferences."),
                              status ? status : error->message);
    }
  if (error == NULL)
    return g_strdup (_("The tile server sent something that is not a map image: check the key or the URL in Preferences."));
  return g_strdup (_("The base map cannot be loaded: there is no connection to the tile server."));
}

static void
note_outcome (LedgerTileSource *self,
              TileRequest      *request)
{
  g_autofree char *reason = NULL;

  if (g_error_matches (request->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (request->tiles[0] != NULL)
    {
      self->n_loaded++;
      set_failing (self, FALSE, NULL);
      return;
    }
  self->n_failed++;
  reason = describe_failure (request->error);
  set_failing (self, TRUE, reason);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  cairo_surface_write_to_png_stream (surface, append_png, png);
  return g_byte_array_free_to_bytes (png);
}

/* The annotation painted over the base tile, as one PNG. */
static GBytes *
composite (GBytes *base,
           GBytes *overlay)
{
  g_autoptr (GdkTexture) bottom = gdk_texture_new_from_bytes (base, NULL);
  g_autoptr (GdkTexture) top = overlay ? gdk_texture_new_from_bytes (overlay, NULL) : NULL;
  cairo_surface_t *surface, *layer;
  GBytes *png;
  cairo_t *cr;

  if (bottom == NULL || top == NULL)
    return g_bytes_ref (base);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (bottom),
                                        gdk_texture_get_height (bottom));
  gdk_texture_download (bottom, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (top), gdk_texture_get_height (top));
  gdk_texture_download (top, cairo_image_surface_get_data (layer), cairo_image_surface_get_stride (layer));
  cairo_surface_mark_dirty (layer);
  cr = cairo_create (surface);
  cairo_scale (cr, (double) gdk_texture_get_width (bottom) / gdk_texture_get_width (top),
               (double) gdk_texture_get_height (bottom) / gdk_texture_get_height (top));
  cairo_set_source_surface (cr, layer, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (layer);
  png = surface_to_png (surface);
  cairo_surface_destroy (surface);
  return png;
}

static ShumateDataSource *
downloader_for (LedgerTileSource *self,
                guint             layer,
                int               x,
                int               y)
{
  GPtrArray *servers = g_ptr_array_index (self->layers, layer);

  return g_ptr_array_index (servers, ((guint) x + (guint) y) % servers->len);
}

static void
finish_request (LedgerTileSource *self,
                GTask            *task)
{
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr (GBytes) tile = NULL;

  note_outcome (self, request);
  if (request->tiles[0] == NULL)
    {
      if (request->error != NULL)
        g_task_return_error (task, g_steal_pointer (&request->error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not an image");
      return;
    }
  tile = self->layers->len > 1 ? composite (request->tiles[0], request->tiles[1]) : g_bytes_ref (request->tiles[0]);
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, tile);
  g_task_return_pointer (task, g_steal_pointer (&tile), (GDestroyNotify) g_bytes_unref);
}

typedef struct
{
  GTask *task;
  guint  layer;
} LayerReply;

static void
on_layer_tile_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LayerReply *reply = user_data;
  g_autoptr (GTask) task = reply->task;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GBytes *bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &error);

  if (bytes != NULL && !is_image (bytes))
    g_clear_pointer (&bytes, g_bytes_unref);
  request->tiles[reply->layer] = bytes;
  if (reply->layer == 0 && error != NULL)
    request->error = g_steal_pointer (&error);
  g_free (reply);
  if (--request->pending == 0)
    finish_request (LEDGER_TILE_SOURCE (g_task_get_source_object (task)), task);
}

/* ---- ShumateDataSource ---- */

static void
ledger_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                        int                  x,
                                        int                  y,
                                        int                  zoom_level,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  LedgerTileSource *self = LEDGER_TILE_SOURCE (source);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  TileRequest *request = g_new0 (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom_level;
  request->pending = request->n_layers = self->layers->len;
  request->tiles = g_new0 (GBytes *, self->layers->len + 1);
  g_task_set_source_tag (task, ledger_tile_source_get_tile_data_async);
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);
  for (guint layer = 0; layer < self->layers->len; layer++)
    {
      LayerReply *reply = g_new0 (LayerReply, 1);

      reply->task = g_object_ref (task);
      reply->layer = layer;
      shumate_data_source_get_tile_data_async (downloader_for (self, layer, x, y), x, y, zoom_level,
                                               cancellable, on_layer_tile_cb, reply);
    }
}

static GBytes *
ledger_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GObject ---- */

static void
ledger_tile_source_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LedgerTileSource *self = LEDGER_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FAILING:
      g_value_set_boolean (value, self->failing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_tile_source_finalize (GObject *object)
{
  LedgerTileSource *self = LEDGER_TILE_SOURCE (object);

  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->reason, g_free);
  G_OBJECT_CLASS (ledger_tile_source_parent_class)->finalize (object);
}

static void
ledger_tile_source_class_init (LedgerTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->get_property = ledger_tile_source_get_property;
  object_class->finalize = ledger_tile_source_finalize;
  source_class->get_tile_data_async = ledger_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = ledger_tile_source_get_tile_data_finish;

  properties[PROP_FAILING] =
    g_param_spec_boolean ("failing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_tile_source_init (LedgerTileSource *self)
{
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* ---- public ---- */

/* One downloader per server name: {s} in @url_template becomes 0 … 7. */
static GPtrArray *
new_layer (const char *url_template)
{
  GPtrArray *servers = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = strstr (url_template, "{s}") != NULL ? N_SERVERS : 1;

  for (guint s = 0; s < n; s++)
    {
      g_autofree char *digit = g_strdup_printf ("%u", s);
      g_auto (GStrv) parts = g_strsplit (url_template, "{s}", -1);
      g_autofree char *url = g_strjoinv (digit, parts);

      g_ptr_array_add (servers, shumate_tile_downloader_new (url));
    }
  return servers;
}

/**
 * ledger_tile_source_new:
 * @url_template: tiles with {x}, {y}, {z}, and {s} for the server number 0–7
 * @overlay_template: (nullable): a layer painted over it, e.g. annotation
 *
 * Returns: (transfer full): the data source
 */
LedgerTileSource *
ledger_tile_source_new (const char *url_template,
                        const char *overlay_template)
{
  LedgerTileSource *self = g_object_new (LEDGER_TYPE_TILE_SOURCE, NULL);

  g_ptr_array_add (self->layers, new_layer (url_template));
  if (overlay_template != NULL)
    g_ptr_array_add (self->layers, new_layer (overlay_template));
  return self;
}

gboolean
ledger_tile_source_get_failing (LedgerTileSource *self)
{
  g_return_val_if_fail (LEDGER_IS_TILE_SOURCE (self), FALSE);
  return self->failing;
}

/* Why tiles do not load, in the user's language; NULL while they do. */
const char *
ledger_tile_source_get_reason (LedgerTileSource *self)
{
  g_return_val_if_fail (LEDGER_IS_TILE_SOURCE (self), NULL);
  return self->failing ? self->reason : NULL;
}

guint
ledger_tile_source_get_n_loaded (LedgerTileSource *self)
{
  g_return_val_if_fail (LEDGER_IS_TILE_SOURCE (self), 0);
  return self->n_loaded;
}
