/* ledger-export-kml.c: the ledger's points as KML or KMZ
 *
 * For Google Earth, 奥维互动地图 and 两步路: one Folder per kind, one
 * Placemark per item with a location, its <name> the item's name (its code
 * when it has none), every column of the kind as ExtendedData (<Data
 * name="key"> with the Chinese header as displayName, values as a CSV
 * export writes them: 生猪, 是/否), and a water body's line or area beside
 * its point in a MultiGeometry. ledger-table-kml.c reads it back to the
 * same items (KML 2.2, OGC 07-147r2).
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <zip.h>

#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-export-kml.h"
#include "ledger-shapes.h"
#include "ledger-store.h"
#include "ledger-table-private.h"

typedef struct
{
  GString  *out;
  LedgerDb *db;
  int       year;
} KmlWriter;

/* one icon colour per kind, KML's aabbggrr */
static const char *const kind_colours[LEDGER_N_KINDS] = {
  [LEDGER_KIND_VILLAGES] = "ff4caf50",
  [LEDGER_KIND_FACILITIES] = "ffe08a1e",
  [LEDGER_KIND_FARMS] = "ff1e8ae0",
  [LEDGER_KIND_WATER_BODIES] = "ff3c3cd0",
  /* issue 16: where an inspection was made (its photo's GPS) */
  [LEDGER_KIND_INSPECTIONS] = "ffb0279c",
};

/* ---- auxiliary functions ---- */

static gboolean
has_points (LedgerKind kind)
{
  return ledger_kind_field_index (kind, "lon") >= 0;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_position (GString *out,
                 JsonNode *node)
{
  JsonArray *position = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autofree char *lon = NULL;
  g_autofree char *lat = NULL;

  if (position == NULL || json_array_get_length (position) < 2)
    return;
  lon = ledger_table_format_number (json_array_get_double_element (position, 0));
  lat = ledger_table_format_number (json_array_get_double_element (position, 1));
  g_string_append_printf (out, "%s,%s ", lon, lat);
}

static void
append_coordinates (GString   *out,
                    JsonArray *positions)
{
  g_string_append (out, "<coordinates>");
  for (guint i = 0; positions && i < json_array_get_length (positions); i++)
    append_position (out, json_array_get_element (positions, i));
  if (out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "</coordinates>");
}

static JsonArray *
array_at (JsonArray *array,
          guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
append_line (GString   *out,
             JsonArray *positions)
{
  g_string_append (out, "<LineString><tessellate>1</tessellate>");
  append_coordinates (out, positions);
  g_string_append (out, "</LineString>");
}

static void
append_polygon (GString   *out,
                JsonArray *rings)
{
  g_string_append (out, "<Polygon><tessellate>1</tessellate>");
  for (guint i = 0; rings && i < json_array_get_length (rings); i++)
    {
      const char *boundary = i == 0 ? "outerBoundaryIs" : "innerBoundaryIs";

      g_string_append_printf (out, "<%s><LinearRing>", boundary);
      append_coordinates (out, array_at (rings, i));
      g_string_append_printf (out, "</LinearRing></%s>", boundary);
    }
  g_string_append (out, "</Polygon>");
}

/* A stored GeoJSON LineString, MultiLineString, Polygon or MultiPolygon as
 * KML geometries (a MultiGeometry holds them and the point). */
static void
append_shape (GString    *out,
              const char *geojson)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *coordinates;
  const char *type;

  if (!json_parser_load_from_data (parser, geojson, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  type = json_object_get_string_member_with_default (object, "type", "");
  if (!json_object_has_member (object, "coordinates") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "coordinates")))
    return;
  coordinates = json_object_get_array_member (object, "coordinates");
  if (g_str_equal (type, "LineString"))
    append_line (out, coordinates);
  else if (g_str_equal (type, "Polygon"))
    append_polygon (out, coordinates);
  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    if (g_str_equal (type, "MultiLineString"))
      append_line (out, array_at (coordinates, i));
    else if (g_str_equal (type, "MultiPolygon"))
      append_polygon (out, array_at (coordinates, i));
}

static void
append_data (GString           *out,
             const LedgerField *field,
             const char        *canonical)
{
  g_autofree char *value = ledger_field_format (field, canonical, LEDGER_HEADER_ZH);

  g_string_append_printf (out, "<Data name=\"%s\"><displayName>", field->key);
  append_escaped (out, field->header);
  g_string_append (out, "</displayName><value>");
  append_escaped (out, value);
  g_string_append (out, "</value></Data>");
}

/* Every column but lon/lat (the geometry) and the name (the <name>); a
 * blank name is written blank, so that it does not come back as the code. */
static void
append_extended_data (GString            *out,
                      const LedgerRecord *record)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);

  g_string_append (out, "<ExtendedData>");
  for (guint i = 0; i < record->n_values; i++)
    {
      gboolean is_name = g_str_equal (fields[i].key, "name");

      if (fields[i].type == LEDGER_FIELD_LON || fields[i].type == LEDGER_FIELD_LAT ||
          (record->values[i] == NULL && !is_name) || (is_name && record->values[i] != NULL))
        continue;
      append_data (out, &fields[i], is_name ? "" : record->values[i]);
    }
  g_string_append (out, "</ExtendedData>");
}

static gboolean
append_placemark (const LedgerRecord *record,
                  gpointer            data,
                  GError            **error)
{
  KmlWriter *w = data;
  const char *name = ledger_record_get (record, "name");
  g_autofree char *shape = NULL;
  g_autofree char *inspection_name = NULL;

  if (ledger_record_get (record, "lon") == NULL || ledger_record_get (record, "lat") == NULL)
    return TRUE;
  if (record->kind == LEDGER_KIND_WATER_BODIES)
    shape = ledger_shapes_dup_geometry (w->db, record->uid);
  if (record->kind == LEDGER_KIND_INSPECTIONS)
    name = inspection_name = g_strdup_printf ("%s %s", ledger_record_get (record, "subject_code"),
                                              ledger_record_get (record, "date"));
  g_string_append (w->out, "<Placemark><name>");
  append_escaped (w->out, name ? name : ledger_record_get (record, "code") ? ledger_record_get (record, "code") : "");
  g_string_append_printf (w->out, "</name><styleUrl>#%s</styleUrl>", ledger_kind_to_key (record->kind));
  append_extended_data (w->out, record);
  if (shape != NULL)
    g_string_append (w->out, "<MultiGeometry>");
  g_string_append_printf (w->out, "<Point><coordinates>%s,%s</coordinates></Point>",
                          ledger_record_get (record, "lon"), ledger_record_get (record, "lat"));
  if (shape != NULL)
    {
      append_shape (w->out, shape);
      g_string_append (w->out, "</MultiGeometry>");
    }
  g_string_append (w->out, "</Placemark>\n");
  return TRUE;
}

static gboolean
append_folder (KmlWriter   *writer,
               LedgerKind   kind,
               const char  *township,
               GError     **error)
{
  /* one placemark per farm: the figures of the year asked for, or the latest */
  LedgerLoadOptions options = { .year = writer->year > 0 ? writer->year : 9999, .township = township };

  g_string_append (writer->out, "<Folder><name>");
  append_escaped (writer->out, ledger_kind_display_name (kind));
  g_string_append (writer->out, "</name>\n");
  if (!ledger_store_foreach (writer->db, kind, &options, append_placemark, writer, error))
    return FALSE;
  g_string_append (writer->out, "</Folder>\n");
  return TRUE;
}

static void
append_styles (GString *out)
{
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    if (kind_colours[k] != NULL)
      g_string_append_printf (out, "<Style id=\"%s\"><IconStyle><color>%s</color><scale>0.8</scale>"
                                   "</IconStyle><LineStyle><color>%s</color><width>3</width></LineStyle>"
                                   "<PolyStyle><color>66%s</color></PolyStyle></Style>\n",
                              ledger_kind_to_key (k), kind_colours[k], kind_colours[k], kind_colours[k] + 2);
}

static gboolean
write_failed (const char  *path,
              const char  *reason,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, _("Could not write “%s”: %s"), name, reason);
  return FALSE;
}

/* doc.kml in a zip, written beside @path and renamed into place */
static gboolean
write_kmz (const char  *path,
           const char  *kml,
           GError     **error)
{
  g_autoptr (LedgerReplace) replace = ledger_replace_begin (path, error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  zip_fileinfo info = { 0 };
  zipFile zip;
  gboolean ok;

  info.tmz_date = (tm_zip) { g_date_time_get_second (now), g_date_time_get_minute (now), g_date_time_get_hour (now),
                             g_date_time_get_day_of_month (now), g_date_time_get_month (now) - 1,
                             g_date_time_get_year (now) };

  /* a synced, locked temporary file renamed into place (ledger-replace.h) */
  if (replace == NULL)
    return FALSE;
  zip = zipOpen64 (ledger_replace_get_temporary (replace), APPEND_STATUS_CREATE);
  ok = zip != NULL &&
       zipOpenNewFileInZip64 (zip, "doc.kml", &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                              Z_DEFAULT_COMPRESSION, 1) == ZIP_OK &&
       zipWriteInFileInZip (zip, kml, strlen (kml)) == ZIP_OK &&
       zipCloseFileInZip (zip) == ZIP_OK;
  ok = (zip == NULL || zipClose (zip, NULL) == ZIP_OK) && ok;
  if (!ok)
    return write_failed (path, _("the zip archive could not be written"), error);
  return ledger_replace_commit (replace, TRUE, error);
}

/* ---- public API ---- */

/**
 * ledger_export_kml_text:
 * @kind: a kind, or LEDGER_EXPORT_ALL_KINDS for every kind with points
 * @year: farms: the figures of that year, or the latest before (0: the latest)
 * @township: (nullable): a 9-digit code: only items in that township
 *
 * Returns: (transfer full) (nullable): the KML document, or NULL with @error
 *   when @kind has no coordinates or the ledger cannot be read
 */
char *
ledger_export_kml_text (LedgerDb    *db,
                        LedgerKind   kind,
                        int          year,
                        const char  *township,
                        GError     **error)
{
  g_autoptr (GString) out = NULL;
  gboolean all = kind == LEDGER_EXPORT_ALL_KINDS;
  KmlWriter writer = { NULL, db, year };

  if (!all && !has_points (kind))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s have no coordinates: export them to CSV."), ledger_kind_display_name (kind));
      return NULL;
    }
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>");
  append_escaped (out, all ? _("Sanitation ledger") : ledger_kind_display_name (kind));
  g_string_append (out, "</name>\n");
  append_styles (out);
  writer.out = out;
  for (guint k = all ? 0 : kind; k < (all ? LEDGER_N_KINDS : kind + 1u); k++)
    if (has_points (k) && !append_folder (&writer, k, township, error))
      return NULL;
  g_string_append (out, "</Document>\n</kml>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ledger_export_kml:
 * @path: the file to write, replaced atomically: .kmz is a zip holding
 *   doc.kml, anything else plain KML
 *
 * Returns: FALSE with @error when nothing could be written
 */
gboolean
ledger_export_kml (LedgerDb    *db,
                   LedgerKind   kind,
                   const char  *path,
                   int          year,
                   const char  *township,
                   GError     **error)
{
  g_autofree char *text = ledger_export_kml_text (db, kind, year, township, error);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (text == NULL || !ledger_db_refuse_own_file (db, path, error))
    return FALSE;
  if (g_str_has_suffix (lower, ".kmz"))
    return write_kmz (path, text, error);
  return ledger_replace_write_contents (path, text, strlen (text), error);
}
