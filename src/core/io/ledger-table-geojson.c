/* ledger-table-geojson.c: a GeoJSON FeatureCollection as rows
 *
 * One row per feature (line = feature index + 1) under a header of the union
 * of the property names in order of first appearance, then lon, lat and
 * geometry. A property a feature leaves out is a NULL cell, so that an import
 * keeps the stored value instead of clearing it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-json.h"
#include "ledger-table-private.h"

/* distinct property names: more is not a ledger, and rows × columns must fit */
#define MAX_COLUMNS     1000

/* ---- auxiliary functions ---- */

static gboolean
is_coordinate_property (const char *name)
{
  return g_str_equal (name, "lon") || g_str_equal (name, "lat") ||
         g_str_equal (name, "经度") || g_str_equal (name, "纬度") ||
         g_str_equal (name, LEDGER_TABLE_GEOMETRY_COLUMN);
}

static char *compact_json (JsonNode *node);

/* json-glib lets a broken \u escape through as invalid UTF-8 (found by
 * fuzz-geojson): every text taken from the file is made valid here */
static char *
dup_valid_utf8 (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/* A number as a person types it: 104.5, not 104.50000000000001. */
static char *
json_cell (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return compact_json (node);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return ledger_table_format_number (json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "1" : "0");
  return dup_valid_utf8 (json_node_get_string (node));
}

static void append_json (GString *out, JsonNode *node);

static void
append_json_object (GString    *out,
                    JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append_c (out, ',');
      ledger_json_append_string (out, l->data);
      g_string_append_c (out, ':');
      append_json (out, json_object_get_member (object, l->data));
    }
  g_string_append_c (out, '}');
}

/* Compact JSON with numbers as json_cell() writes them (json-glib's
 * generator writes 30.2 as 30.199999999999999). Depth is bounded by
 * nesting_is_sane(). */
static void
append_json (GString  *out,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    append_json_object (out, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_json (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    ledger_json_append_string (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    {
      g_autofree char *number = json_cell (node);
      g_string_append (out, number);
    }
}

static char *
compact_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_autofree char *text = NULL;

  append_json (out, node);
  text = g_string_free (out, FALSE);
  return dup_valid_utf8 (text);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
feature_at (JsonArray *features,
            guint      i)
{
  JsonNode *node = json_array_get_element (features, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
refuse_too_many_columns (GError **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The features have more than %u different properties; this is not a ledger."),
               (guint) MAX_COLUMNS);
  return FALSE;
}

/* The union of property names, in order of first appearance, then lon, lat, geometry. */
static LedgerCsvRow *
header_row (JsonArray  *features,
            GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *properties = object_member (feature_at (features, i), "properties");
      g_autoptr(GList) members = properties ? json_object_get_members (properties) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (!is_coordinate_property (l->data) && g_hash_table_add (seen, l->data))
          g_ptr_array_add (names, dup_valid_utf8 (l->data));
      if (names->len > MAX_COLUMNS)
        {
          g_ptr_array_unref (names);
          refuse_too_many_columns (error);
          return NULL;
        }
    }
  g_ptr_array_add (names, g_strdup ("lon"));
  g_ptr_array_add (names, g_strdup ("lat"));
  g_ptr_array_add (names, g_strdup (LEDGER_TABLE_GEOMETRY_COLUMN));
  return ledger_table_row_new (0, names);   /* line 0: no feature */
}

static const char *
property_coordinate (JsonObject *properties,
                     const char *key,
                     const char *chinese)
{
  const char *name = properties && json_object_has_member (properties, key) ? key : chinese;

  return properties && json_object_has_member (properties, name) ? name : NULL;
}

/* lon, lat from a Point; else from lon/lat (经度/纬度) properties, if any;
 * any other geometry as compact JSON. */
static void
fill_geometry (char       **cells,
               guint        n,
               JsonObject  *feature,
               JsonObject  *properties)
{
  JsonObject *geometry = object_member (feature, "geometry");
  JsonNode *type_node = geometry ? json_object_get_member (geometry, "type") : NULL;
  const char *type = type_node && JSON_NODE_HOLDS_VALUE (type_node) &&
                     json_node_get_value_type (type_node) == G_TYPE_STRING ? json_node_get_string (type_node) : "";
  JsonArray *point = g_str_equal (type, "Point") ? array_member (geometry, "coordinates") : NULL;
  const char *lon = property_coordinate (properties, "lon", "经度");
  const char *lat = property_coordinate (properties, "lat", "纬度");

  if (point != NULL && json_array_get_length (point) >= 2)
    {
      cells[n - 3] = json_cell (json_array_get_element (point, 0));
      cells[n - 2] = json_cell (json_array_get_element (point, 1));
    }
  else
    {
      cells[n - 3] = lon ? json_cell (json_object_get_member (properties, lon)) : g_strdup ("");
      cells[n - 2] = lat ? json_cell (json_object_get_member (properties, lat)) : g_strdup ("");
    }
  if (geometry != NULL && point == NULL)
    cells[n - 1] = compact_json (json_object_get_member (feature, "geometry"));
  else
    cells[n - 1] = g_strdup ("");
}

static gboolean
check_cells (char   **cells,
             guint    n,
             guint    line,
             GError **error)
{
  for (guint i = 0; i < n; i++)
    if (cells[i] != NULL && strlen (cells[i]) > LEDGER_CSV_MAX_CELL)
      {
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                     _("Feature %u: a value is longer than %u MiB; this is not a ledger."),
                     line, (guint) (LEDGER_CSV_MAX_CELL >> 20));
        return FALSE;
      }
  return TRUE;
}

/* A feature as a row under @header; a property it leaves out is a NULL cell. */
static LedgerCsvRow *
feature_row (const LedgerCsvRow  *header,
             JsonObject          *feature,
             guint                line,
             GError             **error)
{
  JsonObject *properties = object_member (feature, "properties");
  g_autoptr(LedgerCsvRow) row = g_new0 (LedgerCsvRow, 1);
  guint n = header->n_cells;

  row->line = line;
  row->n_cells = n;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i + 3 < n; i++)
    if (properties && json_object_has_member (properties, header->cells[i]))
      row->cells[i] = json_cell (json_object_get_member (properties, header->cells[i]));
  fill_geometry (row->cells, n, feature, properties);
  if (!check_cells (row->cells, n, line, error))
    return NULL;
  return g_steal_pointer (&row);
}

static JsonArray *
collection_features (JsonParser  *parser,
                     GError     **error)
{
  JsonNode *root = json_parser_get_root (parser);
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *features = array_member (object, "features");

  if (features == NULL)
    g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                         _("This is not a GeoJSON FeatureCollection (there is no “features” list)."));
  return features;
}

static gboolean
parse_json (JsonParser  *parser,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!ledger_json_nesting_is_sane (text, -1))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The JSON is nested more than %u levels deep; this is not GeoJSON."),
                   (guint) LEDGER_JSON_MAX_NESTING);
      return FALSE;
    }
  if (json_parser_load_from_data (parser, text, -1, &local))
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The file is not valid JSON: %s"), local->message);
  return FALSE;
}

/* ---- private API ---- */

gboolean
ledger_table_read_geojson (LedgerTable   *table,
                           const char    *text,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  JsonArray *features;
  LedgerCsvRow *header;
  guint n;

  if (!parse_json (parser, text, error) || !(features = collection_features (parser, error)))
    return FALSE;
  n = json_array_get_length (features);
  if (n >= LEDGER_TABLE_MAX_ROWS)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The file has more than %u rows; split it into smaller files."),
                   (guint) LEDGER_TABLE_MAX_ROWS);
      return FALSE;
    }
  if (!(header = header_row (features, error)))
    return FALSE;
  g_ptr_array_add (rows, header);
  for (guint i = 0; i < n; i++)
    {
      LedgerCsvRow *row;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(row = feature_row (header, feature_at (features, i), i + 1, error)))
        return FALSE;
      g_ptr_array_add (rows, row);
    }
  table->rows = g_steal_pointer (&rows);
  return TRUE;
}
