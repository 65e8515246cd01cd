/* ledger-export.c: CSV and GeoJSON exports (DESIGN.md §3.1, §3.2) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-export.h"
#include "ledger-shapes.h"
#include "ledger-store.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* ---- auxiliary functions ---- */

/* Does @record belong in an export of @year (0: every year)? Farms: the
 * figures of that year; samples and inspections: taken in that year. */
static gboolean
in_year (const LedgerRecord *record,
         int                 year)
{
  g_autofree char *prefix = NULL;
  const char *date;

  if (year == 0)
    return TRUE;
  switch (record->kind)
    {
    case LEDGER_KIND_FARMS:
      return ledger_record_get (record, "year") != NULL && atoi (ledger_record_get (record, "year")) == year;
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      date = ledger_record_get (record, "date");
      prefix = g_strdup_printf ("%04d-", year);
      return date != NULL && g_str_has_prefix (date, prefix);
    default:
      return TRUE;
    }
}

static GPtrArray *
load_records (LedgerDb    *db,
              LedgerKind   kind,
              int          year,
              int          farm_year,
              const char  *township,
              GError     **error)
{
  LedgerLoadOptions options = { .year = farm_year, .township = township };
  g_autoptr (GPtrArray) records = ledger_store_load (db, kind, &options, error);

  if (records == NULL)
    return NULL;
  for (guint i = records->len; i > 0; i--)
    if (!in_year (g_ptr_array_index (records, i - 1), year))
      g_ptr_array_remove_index (records, i - 1);
  return g_steal_pointer (&records);
}

/* Text that Excel or WPS would run as a formula (=cmd|…, +, -, @) gets a
 * leading apostrophe, which the import takes off again. */
static char *
guard_formula (const LedgerField *field,
               char              *cell)
{
  char *guarded;

  if (field->type != LEDGER_FIELD_TEXT && field->type != LEDGER_FIELD_CODE)
    return cell;
  if (cell[0] == '\0' || strchr ("=+-@", cell[0]) == NULL)
    return cell;
  guarded = g_strconcat ("'", cell, NULL);
  g_free (cell);
  return guarded;
}

static void
append_csv_record (GString            *out,
                   const LedgerRecord *record,
                   const LedgerField  *fields,
                   LedgerHeaderStyle   style)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < record->n_values; i++)
    g_ptr_array_add (cells, record->values[i]
                            ? guard_formula (&fields[i], ledger_field_format (&fields[i], record->values[i], style))
                            : g_strdup (""));
  ledger_csv_append_row (out, (const char * const *) cells->pdata, cells->len);
}

static gboolean
write_atomically (const char  *path,
                  const char  *contents,
                  gsize        length,
                  GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;

  if (g_file_set_contents (path, contents, length, &local))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, _("Could not write “%s”: %s"), name, local->message);
  return FALSE;
}

/* ---- GeoJSON ---- */

static void
add_property (JsonBuilder       *builder,
              const LedgerField *field,
              const char        *canonical)
{
  json_builder_set_member_name (builder, field->key);
  if (canonical == NULL)
    json_builder_add_null_value (builder);
  else if (field->type == LEDGER_FIELD_INT || field->type == LEDGER_FIELD_YEAR)
    json_builder_add_int_value (builder, g_ascii_strtoll (canonical, NULL, 10));
  else if (field->type == LEDGER_FIELD_REAL)
    json_builder_add_double_value (builder, g_ascii_strtod (canonical, NULL));
  else if (field->type == LEDGER_FIELD_BOOL)
    json_builder_add_boolean_value (builder, g_strcmp0 (canonical, "1") == 0);
  else
    json_builder_add_string_value (builder, canonical);
}

/* A water body's line or area (schema v2) instead of its point; its point
 * stays in the properties lon/lat so that it imports back the same. */
static gboolean
add_shape_geometry (JsonBuilder        *builder,
                    const LedgerRecord *record,
                    const char         *geometry)
{
  g_autoptr (JsonNode) node = geometry ? json_from_string (geometry, NULL) : NULL;

  if (node == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "geometry");
  json_builder_add_value (builder, g_steal_pointer (&node));
  return TRUE;
}

static void
add_feature (JsonBuilder        *builder,
             const LedgerRecord *record,
             gboolean            with_layer,
             const char         *geometry)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);
  gboolean shape;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, record->uid);
  if (!(shape = add_shape_geometry (builder, record, geometry)))
    {
      json_builder_set_member_name (builder, "geometry");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Point");
      json_builder_set_member_name (builder, "coordinates");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, ledger_record_get_double (record, "lon", 0));
      json_builder_add_double_value (builder, ledger_record_get_double (record, "lat", 0));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  if (with_layer)
    {
      json_builder_set_member_name (builder, "layer");
      json_builder_add_string_value (builder, ledger_kind_to_key (record->kind));
    }
  for (guint i = 0; i < record->n_values; i++)
    if (shape || (fields[i].type != LEDGER_FIELD_LON && fields[i].type != LEDGER_FIELD_LAT))
      add_property (builder, &fields[i], record->values[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
has_points (LedgerKind kind)
{
  return ledger_kind_field_index (kind, "lon") >= 0;
}

static gboolean
add_kind_features (JsonBuilder  *builder,
                   LedgerDb     *db,
                   LedgerKind    kind,
                   int           year,
                   const char   *township,
                   gboolean      with_layer,
                   GError      **error)
{
  /* one point per farm: the figures of the year asked for, or the latest */
  g_autoptr (GPtrArray) records = load_records (db, kind, 0, year > 0 ? year : 9999, township, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const LedgerRecord *record = g_ptr_array_index (records, i);
      g_autofree char *geometry = kind == LEDGER_KIND_WATER_BODIES ? ledger_shapes_dup_geometry (db, record->uid) : NULL;

      if (ledger_record_get (record, "lon") != NULL && ledger_record_get (record, "lat") != NULL)
        add_feature (builder, record, with_layer, geometry);
    }
  return TRUE;
}

/* ---- public API ---- */

/**
 * ledger_export_csv_text:
 * @kind: the kind: a CSV file holds one
 * @style: Chinese headers and labels, or English keys
 * @year: 0 = every year; farms: the rows of that year only; samples and
 *   inspections: those taken in that year; other kinds: ignored
 * @township: (nullable): a 9-digit code: only items in that township
 * @out: where the CSV is appended (no BOM)
 *
 * Returns: FALSE with @error when the ledger cannot be read
 */
gboolean
ledger_export_csv_text (LedgerDb           *db,
                        LedgerKind          kind,
                        LedgerHeaderStyle   style,
                        int                 year,
                        const char         *township,
                        GString            *out,
                        GError            **error)
{
  g_autoptr (GPtrArray) records = load_records (db, kind, year, 0, township, error);
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (headers, (gpointer) (style == LEDGER_HEADER_KEYS ? fields[i].key : fields[i].header));
  ledger_csv_append_row (out, (const char * const *) headers->pdata, headers->len);
  for (guint i = 0; i < records->len; i++)
    append_csv_record (out, g_ptr_array_index (records, i), fields, style);
  return TRUE;
}

/**
 * ledger_export_csv:
 * @path: the file to write, replaced atomically
 *
 * Writes ledger_export_csv_text() as UTF-8 with a BOM, so that Excel and
 * WPS show the Chinese correctly; the file is complete or not written.
 */
gboolean
ledger_export_csv (LedgerDb           *db,
                   LedgerKind          kind,
                   const char         *path,
                   LedgerHeaderStyle   style,
                   int                 year,
                   const char         *township,
                   GError            **error)
{
  g_autoptr (GString) out = g_string_new (UTF8_BOM);

  if (!ledger_export_csv_text (db, kind, style, year, township, out, error))
    return FALSE;
  return write_atomically (path, out->str, out->len, error);
}

/**
 * ledger_export_geojson_text:
 * @kind: a kind, or LEDGER_EXPORT_ALL_KINDS for every kind with points (each
 *   feature then names its kind in the property "layer")
 * @year: farms: the figures of that year, or the latest before (0: the latest)
 *
 * A FeatureCollection of the items that have coordinates, one Point feature
 * each, its "id" the item's uid, its properties keyed by English key.
 *
 * Returns: (transfer full) (nullable): the GeoJSON text
 */
char *
ledger_export_geojson_text (LedgerDb    *db,
                            LedgerKind   kind,
                            int          year,
                            const char  *township,
                            GError     **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gboolean all = kind == LEDGER_EXPORT_ALL_KINDS;

  if (!all && !has_points (kind))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s have no coordinates: export them to CSV."), ledger_kind_display_name (kind));
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint k = all ? 0 : kind; k < (all ? LEDGER_N_KINDS : kind + 1u); k++)
    if (has_points (k) && !add_kind_features (builder, db, k, year, township, all, error))
      return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * ledger_export_geojson:
 * @path: the file to write, replaced atomically
 *
 * Writes ledger_export_geojson_text(); the file is complete or not written.
 */
gboolean
ledger_export_geojson (LedgerDb    *db,
                       LedgerKind   kind,
                       const char  *path,
                       int          year,
                       const char  *township,
                       GError     **error)
{
  g_autofree char *text = ledger_export_geojson_text (db, kind, year, township, error);

  if (text == NULL)
    return FALSE;
  return write_atomically (path, text, strlen (text), error);
}
