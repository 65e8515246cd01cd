/* ledger-mbtiles.c: read raster tiles from an MBTiles file
 *
 * One read-only connection in serialized mode; the one prepared statement is
 * shared, so its bind/step/reset sequence is held under a mutex.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "ledger-error.h"
#include "ledger-mbtiles.h"

struct _LedgerMbtiles
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  sqlite3         *handle;
  sqlite3_stmt    *tile_stmt;
  char            *name;
  char            *format;
  char            *attribution;
  guint            min_zoom;
  guint            max_zoom;
};

static char *
read_metadata (sqlite3    *handle,
               const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT value FROM metadata WHERE name = ?", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* metadata minzoom/maxzoom are optional; the tiles themselves tell */
static void
read_zoom_range (LedgerMbtiles *self)
{
  g_autofree char *min = read_metadata (self->handle, "minzoom");
  g_autofree char *max = read_metadata (self->handle, "maxzoom");
  sqlite3_stmt *stmt = NULL;

  self->min_zoom = 0;
  self->max_zoom = 18;
  if (min != NULL && max != NULL)
    {
      self->min_zoom = (guint) CLAMP (g_ascii_strtoll (min, NULL, 10), 0, 22);
      self->max_zoom = (guint) CLAMP (g_ascii_strtoll (max, NULL, 10), self->min_zoom, 22);
      return;
    }
  if (sqlite3_prepare_v2 (self->handle, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      self->min_zoom = (guint) CLAMP (sqlite3_column_int (stmt, 0), 0, 22);
      self->max_zoom = (guint) CLAMP (sqlite3_column_int (stmt, 1), (int) self->min_zoom, 22);
    }
  sqlite3_finalize (stmt);
}

static gboolean
set_open_error (const char  *path,
                const char  *reason,
                GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN,
               _("The map file “%s” cannot be opened: %s. Choose an MBTiles file in Preferences."),
               name, reason);
  return FALSE;
}

static gboolean
open_handle (LedgerMbtiles  *self,
             const char     *path,
             GError        **error)
{
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return set_open_error (path, _("the file does not exist"), error);
  rc = sqlite3_open_v2 (path, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    return set_open_error (path, sqlite3_errstr (rc), error);
  rc = sqlite3_prepare_v3 (self->handle,
                           "SELECT tile_data FROM tiles "
                           "WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                           -1, SQLITE_PREPARE_PERSISTENT, &self->tile_stmt, NULL);
  if (rc != SQLITE_OK)
    return set_open_error (path, _("it is not an MBTiles file (it has no tiles table)"), error);
  return TRUE;
}

static void
ledger_mbtiles_free (LedgerMbtiles *self)
{
  g_clear_pointer (&self->tile_stmt, sqlite3_finalize);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_mutex_clear (&self->mutex);
  g_free (self->name);
  g_free (self->format);
  g_free (self->attribution);
  g_free (self);
}

/**
 * ledger_mbtiles_open:
 * @path: an MBTiles file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
LedgerMbtiles *
ledger_mbtiles_open (const char  *path,
                     GError     **error)
{
  LedgerMbtiles *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (LedgerMbtiles, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  if (!open_handle (self, path, error))
    {
      ledger_mbtiles_free (self);
      return NULL;
    }
  self->name = read_metadata (self->handle, "name");
  if (self->name == NULL)
    self->name = g_path_get_basename (path);
  self->format = read_metadata (self->handle, "format");
  if (self->format == NULL)
    self->format = g_strdup ("png");
  self->attribution = read_metadata (self->handle, "attribution");
  read_zoom_range (self);
  return self;
}

LedgerMbtiles *
ledger_mbtiles_ref (LedgerMbtiles *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ledger_mbtiles_unref (LedgerMbtiles *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    ledger_mbtiles_free (self);
}

const char *
ledger_mbtiles_get_name (LedgerMbtiles *self)
{
  return self->name;
}

const char *
ledger_mbtiles_get_format (LedgerMbtiles *self)
{
  return self->format;
}

/* Returns: (nullable): the attribution in the metadata, if any */
const char *
ledger_mbtiles_get_attribution (LedgerMbtiles *self)
{
  return self->attribution;
}

guint
ledger_mbtiles_get_min_zoom (LedgerMbtiles *self)
{
  return self->min_zoom;
}

guint
ledger_mbtiles_get_max_zoom (LedgerMbtiles *self)
{
  return self->max_zoom;
}

/**
 * ledger_mbtiles_get_tile:
 * @zoom: zoom level
 * @x: column
 * @y: row in XYZ order (0 at the north); flipped here to the file's TMS rows
 * @error: return location for an error
 *
 * Thread-safe.
 *
 * Returns: (transfer full) (nullable): the tile's image data, or %NULL with
 *   @error set (%LEDGER_ERROR_NOT_FOUND when the file has no such tile)
 */
GBytes *
ledger_mbtiles_get_tile (LedgerMbtiles  *self,
                         guint           zoom,
                         guint           x,
                         guint           y,
                         GError        **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  gint64 rows;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (zoom > 30)
    rows = 0;
  else
    rows = (gint64) 1 << zoom;
  if (x >= rows || y >= rows)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   "No tile %u/%u/%u: outside the map", zoom, x, y);
      return NULL;
    }
  locker = g_mutex_locker_new (&self->mutex);
  sqlite3_bind_int (self->tile_stmt, 1, (int) zoom);
  sqlite3_bind_int64 (self->tile_stmt, 2, x);
  sqlite3_bind_int64 (self->tile_stmt, 3, rows - 1 - y);
  rc = sqlite3_step (self->tile_stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->tile_stmt, 0),
                         sqlite3_column_bytes (self->tile_stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                 "No tile %u/%u/%u in the map file", zoom, x, y);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                 _("The map file cannot be read: %s."), sqlite3_errmsg (self->handle));
  sqlite3_reset (self->tile_stmt);
  sqlite3_clear_bindings (self->tile_stmt);
  return bytes;
}
