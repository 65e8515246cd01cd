/* ledger-county-outline.c: import, check and store a county's outline
 *
 * The meta table has no audit trigger (and the schema is not ours to migrate
 * here), so storing an outline writes its audit row itself, in the same
 * transaction as the change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-county-outline.h"
#include "ledger-error.h"
#include "ledger-input.h"
#include "ledger-json.h"
#include "ledger-geo.h"
#include "ledger-regions.h"

/* a county's outline at 1 m detail is a few MB; more is not an outline */
#define MAX_OUTLINE_BYTES ((gsize) 64 * 1024 * 1024)

/* ---- auxiliary functions ---- */

static gboolean
outline_in_china (const LedgerOutline *outline)
{
  for (guint i = 0; i < ledger_outline_get_n_rings (outline); i++)
    {
      guint n;
      const double *xy = ledger_outline_get_ring (outline, i, &n);

      for (guint j = 0; j < n; j++)
        if (!ledger_coords_in_china (xy[2 * j], xy[2 * j + 1]))
          return FALSE;
    }
  return TRUE;
}

static void
count_seats_inside (LedgerDb            *db,
                    const LedgerOutline *outline,
                    LedgerOutlineCheck  *check)
{
  g_autoptr (GPtrArray) townships = ledger_regions_list (db, "township", NULL);

  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      const LedgerRegion *seat = g_ptr_array_index (townships, i);

      if (isnan (seat->lon) || isnan (seat->lat))
        continue;
      check->n_seats++;
      if (ledger_outline_contains (outline, seat->lon, seat->lat))
        check->n_inside++;
    }
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static void
convert_pair (JsonArray   *pair,
              LedgerDatum  from)
{
  double lon, lat;

  if (json_array_get_length (pair) < 2 ||
      !is_number (json_array_get_element (pair, 0)) || !is_number (json_array_get_element (pair, 1)))
    return;
  ledger_coords_to_wgs84 (from, json_array_get_double_element (pair, 0),
                          json_array_get_double_element (pair, 1), &lon, &lat);
  /* keep 7 decimals (1 cm): the conversion's own precision */
  json_node_set_double (json_array_get_element (pair, 0), round (lon * 1e7) / 1e7);
  json_node_set_double (json_array_get_element (pair, 1), round (lat * 1e7) / 1e7);
}

/* Walks nested coordinate arrays down to their [lon, lat] pairs. */
static void
convert_coordinates (JsonArray   *array,
                     LedgerDatum  from)
{
  JsonNode *first = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;

  if (first == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (first))
    {
      convert_pair (array, from);
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, i)))
      convert_coordinates (json_array_get_array_element (array, i), from);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
convert_object (JsonObject  *object,
                LedgerDatum  from)
{
  JsonArray *features = object ? array_member (object, "features") : NULL;
  JsonArray *coordinates = object ? array_member (object, "coordinates") : NULL;
  JsonNode *geometry = object ? json_object_get_member (object, "geometry") : NULL;

  for (guint i = 0; features != NULL && i < json_array_get_length (features); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (features, i)))
      convert_object (json_array_get_object_element (features, i), from);
  if (geometry != NULL && JSON_NODE_HOLDS_OBJECT (geometry))
    convert_object (json_node_get_object (geometry), from);
  if (coordinates != NULL)
    convert_coordinates (coordinates, from);
}

static gboolean
set_mismatch_error (const LedgerOutlineCheck  *check,
                    const char                *path,
                    GError                   **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("“%s”: only %u of the ledger’s %u located township seats lie inside this outline. "
                 "It is probably another county’s outline, or its coordinates are GCJ-02 (Gaode, Tencent) "
                 "or BD-09 (Baidu): choose that coordinate system, or store it anyway."),
               name, check->n_inside, check->n_seats);
  return FALSE;
}

/* ---- public API ---- */

/**
 * ledger_county_outline_dup_geojson:
 * @db: a ledger
 *
 * The outline the ledger draws: its own imported one, else the one that
 * ships for its county (Lezhi's), else none.
 *
 * Returns: (transfer full) (nullable): GeoJSON text
 */
char *
ledger_county_outline_dup_geojson (LedgerDb *db)
{
  g_autofree char *own = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  own = ledger_db_get_meta (db, LEDGER_OUTLINE_META_KEY);
  if (own != NULL && *own != '\0')
    return g_steal_pointer (&own);
  code = ledger_db_dup_region_code (db);
  return code ? ledger_regions_boundary_geojson (code) : NULL;
}

/**
 * ledger_county_outline_check:
 * @db: the ledger the outline is meant for
 * @geojson: a Polygon or MultiPolygon, bare, as a Feature or in a FeatureCollection
 * @check: (out): how many located township seats lie inside it
 * @error: LEDGER_ERROR_INVALID when it is no polygon or not within China
 *
 * Returns: %TRUE when the outline is a usable WGS-84 polygon in China; see
 *   ledger_county_outline_fits for whether it fits the ledger's townships
 */
gboolean
ledger_county_outline_check (LedgerDb            *db,
                             const char          *geojson,
                             LedgerOutlineCheck  *check,
                             GError             **error)
{
  g_autoptr (LedgerOutline) outline = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  *check = (LedgerOutlineCheck) { 0 };
  outline = ledger_outline_new_from_geojson (geojson, error);
  if (outline == NULL)
    return FALSE;
  if (!outline_in_china (outline))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The outline has points outside China: it must be in longitude and latitude "
                     "(WGS-84 degrees), not in a projected coordinate system."));
      return FALSE;
    }
  count_seats_inside (db, outline, check);
  return TRUE;
}

/**
 * ledger_county_outline_fits:
 *
 * Returns: whether most located township seats lie inside the outline (or
 *   none is located yet, so nothing speaks against it)
 */
gboolean
ledger_county_outline_fits (const LedgerOutlineCheck *check)
{
  return check->n_seats == 0 || 2 * check->n_inside > check->n_seats;
}

/**
 * ledger_county_outline_to_wgs84:
 * @geojson: GeoJSON text
 * @from: the coordinate system of its coordinates
 * @error: a JSON syntax error
 *
 * Returns: (transfer full) (nullable): the same GeoJSON with every
 *   coordinate converted to WGS-84
 */
char *
ledger_county_outline_to_wgs84 (const char   *geojson,
                                LedgerDatum   from,
                                GError      **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  JsonNode *root;

  if (!ledger_json_parse (parser, geojson, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (from == LEDGER_DATUM_WGS84 || root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (geojson);
  convert_object (json_node_get_object (root), from);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * ledger_county_outline_store:
 * @db: a ledger
 * @geojson: (nullable): the outline (checked by the caller), or %NULL to go
 *   back to the shipped one
 * @error: an SQL error
 *
 * Stores the ledger's own outline in one audited transaction and tells the
 * views (a change of LEDGER_KIND_ALL).
 *
 * Returns: %TRUE on success
 */
gboolean
ledger_county_outline_store (LedgerDb    *db,
                             const char  *geojson,
                             GError     **error)
{
  g_autofree char *old_value = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);

  if (!ledger_db_begin (db, error))
    return FALSE;
  old_value = ledger_db_get_meta (db, LEDGER_OUTLINE_META_KEY);
  if (!ledger_db_set_meta (db, LEDGER_OUTLINE_META_KEY, geojson ? geojson : "", error) ||
      !ledger_db_audit_meta (db, LEDGER_OUTLINE_META_KEY, old_value, geojson ? geojson : "", error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  /* the location check of ledger-store-write.c caches the outline per connection */
  g_object_set_data (G_OBJECT (db), "ledger-county-outline", NULL);
  g_object_set_data (G_OBJECT (db), "ledger-county-outline-read", NULL);
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

/**
 * ledger_county_outline_read_file:
 * @path: a .geojson or .json file
 * @from: the coordinate system of the file
 * @error: why it cannot be read
 *
 * Returns: (transfer full) (nullable): the file's GeoJSON in WGS-84
 */
char *
ledger_county_outline_read_file (const char   *path,
                                 LedgerDatum   from,
                                 GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;
  char *wgs84;

  if (!ledger_input_read_file (path, MAX_OUTLINE_BYTES, &text, NULL, error))
    return NULL;
  if ((wgs84 = ledger_county_outline_to_wgs84 (text, from, &local_error)) == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("“%s” is not GeoJSON: %s"), name, local_error->message);
    }
  return wgs84;
}

/**
 * ledger_county_outline_import_text:
 * @db: a ledger
 * @geojson: the outline in WGS-84, as ledger_county_outline_read_file() gave it
 * @path: the file it came from, for messages
 * @force: store it even when most township seats lie outside it
 * @error: why it was refused; nothing was written then
 *
 * Returns: %TRUE when the outline was stored
 */
gboolean
ledger_county_outline_import_text (LedgerDb     *db,
                                   const char   *geojson,
                                   const char   *path,
                                   gboolean      force,
                                   GError      **error)
{
  LedgerOutlineCheck check;

  if (!ledger_county_outline_check (db, geojson, &check, error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, "“%s”: ", name);
      return FALSE;
    }
  if (!force && !ledger_county_outline_fits (&check))
    return set_mismatch_error (&check, path, error);
  return ledger_county_outline_store (db, geojson, error);
}

/**
 * ledger_county_outline_import:
 * @db: a ledger
 * @path: a GeoJSON file with the county's outline
 * @from: the coordinate system of the file (converted to WGS-84)
 * @force: store it even when most township seats lie outside it
 * @error: why it was refused; nothing was written then
 *
 * Returns: %TRUE when the outline was stored
 */
gboolean
ledger_county_outline_import (LedgerDb     *db,
                              const char   *path,
                              LedgerDatum   from,
                              gboolean      force,
                              GError      **error)
{
  g_autofree char *geojson = ledger_county_outline_read_file (path, from, error);

  return geojson != NULL && ledger_county_outline_import_text (db, geojson, path, force, error);
}
