/* ledger-base-map.c: the base maps offered in Preferences
 *
 * Only tiles in WGS-84 / CGCS2000 Web Mercator line up with the ledger's
 * coordinates (docs/ARCHITECTURE.md, map): 天地图 (vector or imagery, each with its
 * annotation layer of place names, with the user's own key), OpenStreetMap,
 * a URL template, an MBTiles file, or none. Gaode and Tencent tiles are
 * drawn in GCJ-02 and Baidu's in BD-09, a few hundred metres off, so they
 * are not offered (Preferences says why).
 *
 * Online tiles come through LedgerTileSource, which tells when they fail.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-base-map.h"
#include "ledger-blank-map-source.h"
#include "ledger-mbtiles-source.h"

/* 天地图's Web-Mercator WMTS tiles (TILEMATRIXSET=w) by KVP GetTile, layers
 * vec + cva (vector, its annotation) and img + cia (imagery, its
 * annotation), servers t0–t7, the key as tk=. The URL form as public code
 * uses it: github.com/864684766/openlayers-vue src/api/mapData.js and
 * github.com/Vezarachan/WebForestViewer js/mapUrlTemplate.js (found with the
 * search tool; not checked against the live service, which this machine
 * cannot reach). The server part is a setting, for a mirror inside a
 * government network. */
#define TIANDITU_PATH "/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s&STYLE=default" \
                      "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=%s"
#define OSM_TEMPLATE  "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

/* ---- auxiliary functions ---- */

static char *
tianditu_url (const char *server,
              const char *layer,
              const char *key)
{
  g_autofree char *path = g_strdup_printf (TIANDITU_PATH, layer, layer, key);

  return g_strconcat (server, path, NULL);
}

static ShumateMapSource *
new_online_source (const char        *id,
                   const char        *name,
                   const char        *license,
                   const char        *license_uri,
                   guint              max_zoom,
                   LedgerTileSource  *tiles)
{
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id, name, license, license_uri, 0, max_zoom, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (tiles)));
}

/* Keys are 32 hexadecimal digits; anything else would change the URL. */
static gboolean
key_is_plausible (const char *key)
{
  if (key == NULL || *key == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static ShumateMapSource *
new_tianditu_source (GSettings         *settings,
                     gboolean           imagery,
                     LedgerTileSource **tiles,
                     GError           **error)
{
  g_autofree char *key = g_strstrip (g_settings_get_string (settings, "tianditu-key"));
  g_autofree char *server = g_settings_get_string (settings, "tianditu-server");
  g_autofree char *base = NULL;
  g_autofree char *annotation = NULL;

  if (!key_is_plausible (key))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Tianditu needs your own key (tk): enter it in Preferences → Map."));
      return NULL;
    }
  base = tianditu_url (server, imagery ? "img" : "vec", key);
  annotation = tianditu_url (server, imagery ? "cia" : "cva", key);
  *tiles = ledger_tile_source_new (base, annotation);
  return new_online_source (imagery ? "tianditu-imagery" : "tianditu-vector",
                            imagery ? _("Tianditu imagery") : _("Tianditu vector map"),
                            "© 天地图 tianditu.gov.cn", "https://www.tianditu.gov.cn/", 18, *tiles);
}

static ShumateMapSource *
new_url_source (const char        *template,
                LedgerTileSource **tiles,
                GError           **error)
{
  if (template == NULL || strstr (template, "{x}") == NULL || strstr (template, "{y}") == NULL
      || strstr (template, "{z}") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The base map URL template must contain {x}, {y} and {z}. Set it in Preferences."));
      return NULL;
    }
  *tiles = ledger_tile_source_new (template, NULL);
  return new_online_source ("url-template", _("Custom base map"), "", "", 19, *tiles);
}

/* ---- public ---- */

/**
 * ledger_base_map_new_source:
 * @settings: the application's settings (base-map and the keys it names)
 * @tiles: (out) (transfer full) (nullable): the online tiles to watch for
 *   failures, or %NULL for none and MBTiles
 * @error: why the chosen base map cannot be made (no key, bad template,
 *   unreadable MBTiles file); the map then has no base map
 *
 * Returns: (transfer full) (nullable): the map source
 */
ShumateMapSource *
ledger_base_map_new_source (GSettings         *settings,
                            LedgerTileSource **tiles,
                            GError           **error)
{
  g_autofree char *template = g_settings_get_string (settings, "url-template");
  g_autofree char *mbtiles = g_settings_get_string (settings, "mbtiles-file");

  *tiles = NULL;
  switch (g_settings_get_enum (settings, "base-map"))
    {
    case LEDGER_BASE_MAP_OSM:
      *tiles = ledger_tile_source_new (OSM_TEMPLATE, NULL);
      return new_online_source (SHUMATE_MAP_SOURCE_OSM_MAPNIK, "OpenStreetMap", "© OpenStreetMap contributors",
                                "https://www.openstreetmap.org/copyright", 19, *tiles);
    case LEDGER_BASE_MAP_URL_TEMPLATE:
      return new_url_source (template, tiles, error);
    case LEDGER_BASE_MAP_MBTILES:
      return ledger_mbtiles_map_source_new (mbtiles, error);
    case LEDGER_BASE_MAP_TIANDITU_VECTOR:
    case LEDGER_BASE_MAP_TIANDITU_IMAGERY:
      return new_tianditu_source (settings, g_settings_get_enum (settings, "base-map") == LEDGER_BASE_MAP_TIANDITU_IMAGERY,
                                  tiles, error);
    case LEDGER_BASE_MAP_NONE:
    default:
      return ledger_blank_map_source_new ();
    }
}

/**
 * ledger_base_map_key_is_valid:
 *
 * Returns: whether @key looks like a 天地图 key (letters and digits)
 */
gboolean
ledger_base_map_key_is_valid (const char *key)
{
  return key_is_plausible (key);
}
