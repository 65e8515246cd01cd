/* ledger-mbtiles-source.c: an offline base map from an MBTiles file
 *
 * Tiles are read by core (ledger-mbtiles.c) in a worker thread. libshumate
 * 1.0's raster renderer takes the pixels only from "received-data", so the
 * signal is emitted, in the main thread, before the request completes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-mbtiles.h"
#include "ledger-mbtiles-source.h"

struct _LedgerMbtilesSource
{
  ShumateDataSource  parent_instance;

  char              *path;
  LedgerMbtiles     *mbtiles;
};

G_DEFINE_FINAL_TYPE (LedgerMbtilesSource, ledger_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LedgerMbtilesSource *self = source_object;
  TileRequest *request = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (request->x < 0 || request->y < 0 || request->zoom < 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such tile");
      return;
    }
  bytes = ledger_mbtiles_get_tile (self->mbtiles, request->zoom, request->x, request->y, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
on_tile_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LedgerMbtilesSource *self = LEDGER_MBTILES_SOURCE (object);
  g_autoptr (GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr (GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
ledger_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                           int                  x,
                                           int                  y,
                                           int                  zoom_level,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  LedgerMbtilesSource *self = LEDGER_MBTILES_SOURCE (source);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GTask) read_task = g_task_new (self, cancellable, on_tile_read_cb, g_object_ref (task));
  TileRequest *request = g_new (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom_level;
  g_task_set_source_tag (task, ledger_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (task, request, g_free);
  g_task_set_task_data (read_task, g_memdup2 (request, sizeof *request), g_free);
  g_task_run_in_thread (read_task, read_tile_thread);
}

static GBytes *
ledger_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ledger_mbtiles_source_finalize (GObject *object)
{
  LedgerMbtilesSource *self = LEDGER_MBTILES_SOURCE (object);

  g_clear_pointer (&self->mbtiles, ledger_mbtiles_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ledger_mbtiles_source_parent_class)->finalize (object);
}

static void
ledger_mbtiles_source_class_init (LedgerMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = ledger_mbtiles_source_finalize;
  source_class->get_tile_data_async = ledger_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = ledger_mbtiles_source_get_tile_data_finish;
}

static void
ledger_mbtiles_source_init (LedgerMbtilesSource *self)
{
}

/**
 * ledger_mbtiles_source_new:
 * @path: an MBTiles file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a data source, or %NULL with @error set
 */
LedgerMbtilesSource *
ledger_mbtiles_source_new (const char  *path,
                           GError     **error)
{
  g_autoptr (LedgerMbtiles) mbtiles = NULL;
  LedgerMbtilesSource *self;

  g_return_val_if_fail (path != NULL, NULL);

  mbtiles = ledger_mbtiles_open (path, error);
  if (mbtiles == NULL)
    return NULL;
  self = g_object_new (LEDGER_TYPE_MBTILES_SOURCE, NULL);
  self->path = g_strdup (path);
  self->mbtiles = g_steal_pointer (&mbtiles);
  return self;
}

const char *
ledger_mbtiles_source_get_path (LedgerMbtilesSource *self)
{
  g_return_val_if_fail (LEDGER_IS_MBTILES_SOURCE (self), NULL);

  return self->path;
}

guint
ledger_mbtiles_source_get_min_zoom (LedgerMbtilesSource *self)
{
  g_return_val_if_fail (LEDGER_IS_MBTILES_SOURCE (self), 0);

  return ledger_mbtiles_get_min_zoom (self->mbtiles);
}

guint
ledger_mbtiles_source_get_max_zoom (LedgerMbtilesSource *self)
{
  g_return_val_if_fail (LEDGER_IS_MBTILES_SOURCE (self), 0);

  return ledger_mbtiles_get_max_zoom (self->mbtiles);
}

const char *
ledger_mbtiles_source_get_name (LedgerMbtilesSource *self)
{
  g_return_val_if_fail (LEDGER_IS_MBTILES_SOURCE (self), NULL);

  return ledger_mbtiles_get_name (self->mbtiles);
}

/**
 * ledger_mbtiles_map_source_new:
 * @path: an MBTiles file of 256-pixel raster tiles in Web Mercator
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a map source for a ShumateSimpleMap,
 *   or %NULL with @error set
 */
ShumateMapSource *
ledger_mbtiles_map_source_new (const char  *path,
                               GError     **error)
{
  g_autoptr (LedgerMbtilesSource) source = ledger_mbtiles_source_new (path, error);
  g_autofree char *id = NULL;
  const char *license;

  if (source == NULL)
    return NULL;
  id = g_strconcat ("mbtiles:", path, NULL);
  license = ledger_mbtiles_get_attribution (source->mbtiles);
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id,
                                                               ledger_mbtiles_get_name (source->mbtiles),
                                                               license != NULL ? license : "",
                                                               "",
                                                               ledger_mbtiles_get_min_zoom (source->mbtiles),
                                                               ledger_mbtiles_get_max_zoom (source->mbtiles),
                                                               256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (source)));
}
