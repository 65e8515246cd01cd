/* ledger-shapes.c: lines and areas of water bodies (schema v2) */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ledger-shapes.h"
#include "ledger-json.h"

/* ---- auxiliary functions ---- */

static gboolean
is_position (JsonNode *node)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  return array != NULL && json_array_get_length (array) >= 2 &&
         JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)) &&
         JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 1));
}

/* Every array of positions under @node (a line or a ring) becomes a part. */
static void
collect_parts (JsonNode  *node,
               GPtrArray *parts,
               guint      depth)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array ? json_array_get_length (array) : 0;
  GArray *part;

  if (n == 0 || depth > 3)
    return;
  if (!is_position (json_array_get_element (array, 0)))
    {
      for (guint i = 0; i < n; i++)
        collect_parts (json_array_get_element (array, i), parts, depth + 1);
      return;
    }
  part = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  for (guint i = 0; i < n; i++)
    {
      JsonArray *position = is_position (json_array_get_element (array, i))
                            ? json_array_get_array_element (array, i) : NULL;
      double lon = position ? json_array_get_double_element (position, 0) : 0;
      double lat = position ? json_array_get_double_element (position, 1) : 0;

      if (position == NULL)
        continue;
      g_array_append_val (part, lon);
      g_array_append_val (part, lat);
    }
  g_ptr_array_add (parts, part);
}

/* ---- public API ---- */

void
ledger_shape_free (LedgerShape *shape)
{
  if (shape == NULL)
    return;
  g_free (shape->uid);
  g_free (shape->status);
  g_clear_pointer (&shape->parts, g_ptr_array_unref);
  g_free (shape);
}

/**
 * ledger_shape_new_from_geojson:
 * @geometry: a GeoJSON geometry object as text
 *
 * Returns: (transfer full) (nullable): its lines or rings, or NULL when it is
 *   no LineString, MultiLineString, Polygon or MultiPolygon
 */
LedgerShape *
ledger_shape_new_from_geojson (const char *geometry)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (LedgerShape) shape = g_new0 (LedgerShape, 1);
  JsonObject *object;
  const char *type;

  if (geometry == NULL || !ledger_json_parse (parser, geometry, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  type = json_object_get_string_member_with_default (object, "type", "");
  if (g_strcmp0 (type, "LineString") != 0 && g_strcmp0 (type, "MultiLineString") != 0 &&
      g_strcmp0 (type, "Polygon") != 0 && g_strcmp0 (type, "MultiPolygon") != 0)
    return NULL;
  shape->is_area = g_str_has_suffix (type, "Polygon");
  shape->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (json_object_has_member (object, "coordinates"))
    collect_parts (json_object_get_member (object, "coordinates"), shape->parts, 0);
  return shape->parts->len > 0 ? g_steal_pointer (&shape) : NULL;
}

/**
 * ledger_shapes_load:
 *
 * Returns: (transfer full) (element-type LedgerShape): every water body with
 *   a line or area, or NULL with @error
 */
GPtrArray *
ledger_shapes_load (LedgerDb  *db,
                    GError   **error)
{
  g_autoptr (GPtrArray) shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_shape_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT uid, status, geometry FROM water_bodies WHERE geometry IS NOT NULL", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LedgerShape *shape = ledger_shape_new_from_geojson ((const char *) sqlite3_column_text (stmt, 2));
      if (shape == NULL)
        continue;
      shape->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      shape->status = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (shapes, shape);
    }
  return g_steal_pointer (&shapes);
}

/**
 * ledger_shapes_dup_geometry:
 *
 * Returns: (transfer full) (nullable): the stored line or area of a water body
 */
char *
ledger_shapes_dup_geometry (LedgerDb   *db,
                            const char *uid)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT geometry FROM water_bodies WHERE uid = ?", NULL);

  if (stmt == NULL || uid == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
