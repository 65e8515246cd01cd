/* ledger-import-location.c: where a row is (docs/ARCHITECTURE.md, map, docs/ARCHITECTURE.md)
 *
 * Officers copy points from GPS units (WGS-84), from Gaode or Tencent
 * (GCJ-02) and from Baidu (BD-09), in decimal degrees or as 30°16'30"N, and
 * now and then with longitude and latitude in each other's columns. Each
 * row's point is read here, swapped back when it is plainly swapped (in
 * China longitudes are 73–136, latitudes 3–54), converted to WGS-84 and
 * refused outside China. GeoJSON water bodies bring their line or area,
 * converted the same way and stored with a point on it for the map.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-field-slots.h"
#include "ledger-import-private.h"
#include "ledger-json.h"
#include "ledger-values.h"

typedef LedgerImport Import;

/* ---- auxiliary functions ---- */

/* a 1-based column's text as ledger_import_read_cells() left it: NULL when blank */
static const char *
cell_at (const LedgerImportCells *cells,
         int                      column)
{
  if (column <= 0 || (guint) column > cells->n_texts)
    return NULL;
  return cells->texts[column - 1];
}

static gboolean
is_lon (double value)
{
  return value >= 73.0 && value <= 135.5;
}

static gboolean
is_lat (double value)
{
  return value >= 3.0 && value <= 54.0;
}

static gboolean
plainly_swapped (double lon,
                 char   lon_hemisphere,
                 double lat,
                 char   lat_hemisphere)
{
  if ((lon_hemisphere == 'N' || lon_hemisphere == 'S') && (lat_hemisphere == 'E' || lat_hemisphere == 'W'))
    return TRUE;
  return !is_lon (lon) && is_lat (lon) && is_lon (lat) && !is_lat (lat);
}

/* The canonical text of a coordinate, as ledger_field_parse() writes a
 * number ("%.15g", no "-0"); the range is checked by the caller. */
static void
set_coordinate (Import       *self G_GNUC_UNUSED,
                LedgerRecord *record,
                int           field,
                double        value)
{
  ledger_record_take (record, field, ledger_number_canonical (value));
}

/* The degrees ledger_import_read_cells() read from the coordinate's cell
 * (@index 0 lon, 1 lat), or the problem of a cell that is not a coordinate */
static gboolean
cell_degrees (Import                  *self,
              const LedgerImportCells *cells,
              int                      field,
              int                      index,
              double                  *value,
              char                    *hemisphere)
{
  if (cells->degrees_read[index])
    {
      *value = cells->degrees[index];
      if (hemisphere != NULL)
        *hemisphere = cells->hemisphere[index];
      return TRUE;
    }
  ledger_import_add_problem (self, cells->line, field, self->field_column[field], FALSE,
                             _("%s: “%s” is not a coordinate (decimal degrees such as 105.03, or 30°16′30″N)."),
                             ledger_field_display_name (&self->fields[field]),
                             cell_at (cells, self->field_column[field]));
  return FALSE;
}

static void
read_alone (Import                  *self,
            LedgerRecord            *record,
            const LedgerImportCells *cells,
            int                      field,
            int                      index)
{
  double value = 0;

  if (cell_at (cells, self->field_column[field]) != NULL && cell_degrees (self, cells, field, index, &value, NULL))
    set_coordinate (self, record, field, value);
}

/* A coordinate as a message shows it: 1e308 stays short, not 309 digits. */
static char *
format_coordinate (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (text, sizeof text, fabs (value) < 1000 ? "%.6f" : "%.6g", value));
}

static gboolean
convert_and_check (Import             *self,
                   guint               line,
                   int                 lon_field,
                   double             *lon,
                   double             *lat)
{
  double raw_lon = *lon, raw_lat = *lat;

  if (!ledger_coords_in_china (raw_lon, raw_lat))
    {
      g_autofree char *shown_lon = format_coordinate (raw_lon);
      g_autofree char *shown_lat = format_coordinate (raw_lat);

      ledger_import_add_problem (self, line, lon_field, self->field_column[lon_field], FALSE,
                                 _("The location %s, %s is outside China (longitude 73–136, latitude 3–54): check the coordinates."),
                                 shown_lon, shown_lat);
      return FALSE;
    }
  ledger_coords_to_wgs84 (self->options->crs, raw_lon, raw_lat, lon, lat);
  return TRUE;
}

/* ---- GeoJSON geometries ---- */

typedef struct
{
  Import   *import;
  GString  *out;
  GArray   *first_part;   /* the first line or outer ring, lon/lat pairs */
  gboolean  in_first_part;
  gboolean  failed;
} GeometryWriter;

static void
append_number (GString *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (text, sizeof text, "%.7f", value);
  len = strlen (text);
  while (len > 1 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == '.')
    text[--len] = '\0';
  g_string_append (out, text);
}

static gboolean
is_position (JsonArray *array)
{
  return json_array_get_length (array) >= 2 &&
         JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)) &&
         JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 1));
}

static void
write_position (GeometryWriter *writer,
                JsonArray      *position)
{
  double lon = json_array_get_double_element (position, 0);
  double lat = json_array_get_double_element (position, 1);
  double wgs_lon, wgs_lat;

  if (!isfinite (lon) || !isfinite (lat) || !ledger_coords_in_china (lon, lat))
    {
      writer->failed = TRUE;
      return;
    }
  ledger_coords_to_wgs84 (writer->import->options->crs, lon, lat, &wgs_lon, &wgs_lat);
  g_string_append_c (writer->out, '[');
  append_number (writer->out, wgs_lon);
  g_string_append_c (writer->out, ',');
  append_number (writer->out, wgs_lat);
  g_string_append_c (writer->out, ']');
  if (writer->in_first_part)
    {
      g_array_append_val (writer->first_part, wgs_lon);
      g_array_append_val (writer->first_part, wgs_lat);
    }
}

/* Nested coordinate arrays, every position converted to WGS-84. */
static void
write_coordinates (GeometryWriter *writer,
                   JsonNode       *node,
                   guint           depth)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  gboolean leaf;

  if (array == NULL || depth > 4 || json_array_get_length (array) == 0)
    {
      writer->failed = TRUE;
      return;
    }
  if (is_position (array))
    {
      write_position (writer, array);
      return;
    }
  leaf = JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, 0)) &&
         is_position (json_node_get_array (json_array_get_element (array, 0)));
  writer->in_first_part = leaf && writer->first_part->len == 0;
  g_string_append_c (writer->out, '[');
  for (guint i = 0; i < json_array_get_length (array) && !writer->failed; i++)
    {
      if (i > 0)
        g_string_append_c (writer->out, ',');
      write_coordinates (writer, json_array_get_element (array, i), depth + 1);
    }
  writer->in_first_part = FALSE;
  g_string_append_c (writer->out, ']');
}

static gboolean
is_shape_type (const char *type)
{
  return g_strcmp0 (type, "LineString") == 0 || g_strcmp0 (type, "MultiLineString") == 0 ||
         g_strcmp0 (type, "Polygon") == 0 || g_strcmp0 (type, "MultiPolygon") == 0;
}

static gboolean
ring_contains (const double *xy,
               guint         n,
               double        lon,
               double        lat)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    if ((xy[2 * i + 1] > lat) != (xy[2 * j + 1] > lat) &&
        lon < (xy[2 * j] - xy[2 * i]) * (lat - xy[2 * i + 1]) / (xy[2 * j + 1] - xy[2 * i + 1]) + xy[2 * i])
      inside = !inside;
  return inside;
}

/* A point on a line (its middle vertex) or in an area (the mean of the
 * outer ring when that lies inside, else a vertex of the ring). */
static void
representative_point (GArray     *first_part,
                      const char *type,
                      double     *lon,
                      double     *lat)
{
  const double *xy = (const double *) (gpointer) first_part->data;
  guint n = first_part->len / 2;
  double sum_lon = 0, sum_lat = 0;

  *lon = xy[2 * (n / 2)];
  *lat = xy[2 * (n / 2) + 1];
  if (!g_str_has_suffix (type, "Polygon") || n < 3)
    return;
  if (xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * (n - 1) + 1])
    n--;   /* a ring ends where it starts: count that vertex once */
  for (guint i = 0; i < n; i++)
    sum_lon += xy[2 * i], sum_lat += xy[2 * i + 1];
  if (ring_contains (xy, n, sum_lon / n, sum_lat / n))
    *lon = sum_lon / n, *lat = sum_lat / n;
}

static char *
convert_geometry (Import     *self,
                  JsonObject *object,
                  double     *lon,
                  double     *lat)
{
  const char *type = json_object_get_string_member_with_default (object, "type", NULL);
  g_autoptr (GArray) first_part = g_array_new (FALSE, FALSE, sizeof (double));
  GeometryWriter writer = { self, g_string_new (NULL), first_part, FALSE, FALSE };

  g_string_append_printf (writer.out, "{\"type\":\"%s\",\"coordinates\":", type);
  write_coordinates (&writer, json_object_get_member (object, "coordinates"), 0);
  g_string_append_c (writer.out, '}');
  if (writer.failed || first_part->len < 4)
    {
      g_string_free (writer.out, TRUE);
      return NULL;
    }
  representative_point (first_part, type, lon, lat);
  return g_string_free (writer.out, FALSE);
}

/* ---- internal API ---- */

/**
 * ledger_import_read_geometry:
 * @geometry: (out) (transfer full): the water body's line or area as
 *   GeoJSON in WGS-84, or NULL
 *
 * A LineString, MultiLineString, Polygon or MultiPolygon of a water body is
 * kept; when the row has no point, one on the shape is its lon/lat.
 *
 * Returns: FALSE when the geometry rejects the row
 */
gboolean
ledger_import_read_geometry (Import             *self,
                             LedgerRecord       *record,
                             LedgerImportCells  *cells,
                             char              **geometry)
{
  const char *text = cell_at (cells, self->geometry_column);
  gboolean *present = cells->present;
  int lon_field = ledger_field_slots (self->kind)->lon;
  gboolean no_point = lon_field >= 0 && cell_at (cells, self->field_column[lon_field]) == NULL &&
                      cell_at (cells, self->field_column[lon_field + 1]) == NULL;
  g_autoptr (JsonParser) parser = NULL;
  JsonNode *root;
  const char *type;
  double lon, lat;

  *geometry = NULL;
  if (self->kind != LEDGER_KIND_WATER_BODIES || text == NULL)
    return TRUE;
  parser = json_parser_new ();
  root = ledger_json_parse (parser, text, -1, NULL) ? json_parser_get_root (parser) : NULL;
  type = root && JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_string_member_with_default (json_node_get_object (root), "type", NULL) : NULL;
  if (!is_shape_type (type))
    return TRUE;   /* a Point or something else: the point columns tell where */
  *geometry = convert_geometry (self, json_node_get_object (root), &lon, &lat);
  if (*geometry == NULL)
    {
      ledger_import_add_problem (self, cells->line, -1, 0, FALSE,
                                 _("The %s of this feature has coordinates that are not numbers or lie outside China."),
                                 type);
      return FALSE;
    }
  if (no_point)
    {
      set_coordinate (self, record, lon_field, lon);
      set_coordinate (self, record, lon_field + 1, lat);
      present[lon_field] = present[lon_field + 1] = TRUE;
    }
  return TRUE;
}

/**
 * ledger_import_read_location:
 *
 * The lon/lat cells of a row: decimal degrees or degrees-minutes-seconds,
 * swapped back with a warning when plainly swapped, converted from the
 * file's CRS to WGS-84; a point outside China rejects the row.
 *
 * Returns: FALSE when the row is rejected
 */
gboolean
ledger_import_read_location (Import            *self,
                             LedgerRecord      *record,
                             LedgerImportCells *cells)
{
  int lon_field = ledger_field_slots (self->kind)->lon;
  int lat_field = lon_field + 1;
  const char *lon_text, *lat_text;
  char lon_hemisphere = 0, lat_hemisphere = 0;
  double lon = 0, lat = 0;
  gboolean ok;

  if (lon_field < 0)
    return TRUE;
  lon_text = cell_at (cells, self->field_column[lon_field]);
  lat_text = cell_at (cells, self->field_column[lat_field]);
  if (self->geojson && lon_text == NULL && lat_text == NULL && record->values[lon_field] == NULL)
    {
      /* a feature without a point or shape says nothing about where the item is */
      cells->present[lon_field] = cells->present[lat_field] = FALSE;
      return TRUE;
    }
  if (lon_text == NULL || lat_text == NULL)
    {
      /* one of the two alone: the store says they go together */
      read_alone (self, record, cells, lon_field, 0);
      read_alone (self, record, cells, lat_field, 1);
      return TRUE;
    }
  ok = cell_degrees (self, cells, lon_field, 0, &lon, &lon_hemisphere);
  ok = cell_degrees (self, cells, lat_field, 1, &lat, &lat_hemisphere) && ok;
  if (!ok)
    {
      cells->failed[lon_field] = cells->failed[lat_field] = TRUE;
      return FALSE;
    }
  if (plainly_swapped (lon, lon_hemisphere, lat, lat_hemisphere))
    {
      double swap = lon;
      lon = lat, lat = swap;
      ledger_import_add_problem (self, cells->line, lon_field, self->field_column[lon_field], TRUE,
                                 _("Longitude and latitude were swapped (%s, %s): read as longitude %s, latitude %s."),
                                 lon_text, lat_text, lat_text, lon_text);
    }
  if (!convert_and_check (self, cells->line, lon_field, &lon, &lat))
    {
      cells->failed[lon_field] = cells->failed[lat_field] = TRUE;
      return FALSE;
    }
  set_coordinate (self, record, lon_field, lon);
  set_coordinate (self, record, lat_field, lat);
  return TRUE;
}
