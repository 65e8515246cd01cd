/* ledger-export.c: CSV and GeoJSON exports (README.md, Command line; README.md, Import) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-export.h"
#include "ledger-json.h"
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

static gboolean
is_plain_number (const char *text)
{
  char *end = NULL;

  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static gboolean
is_numeric_field (const LedgerField *field)
{
  switch (field->type)
    {
    case LEDGER_FIELD_INT:
    case LEDGER_FIELD_REAL:
    case LEDGER_FIELD_YEAR:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* -3.5 reads back as the same text from Excel; -1e5 comes back -100000 */
static gboolean
keeps_its_text (const char *cell)
{
  return cell[0] == '-' && is_plain_number (cell) && strpbrk (cell, "eExX") == NULL;
}

/* Text that Excel or WPS would run as a formula (=cmd|' /C calc'!A0, +, -,
 * @) gets a leading apostrophe, which the import strips again; a number
 * in a numeric field stays as it is, and so does a plain negative decimal
 * in a text field (-3.5). Text that Excel would turn into another number
 * (-1e5) is prefixed too. */
static char *
defuse_formula (const LedgerField *field,
                char              *cell)
{
  char *defused;

  if (strchr ("=+-@", cell[0]) == NULL || cell[0] == '\0' ||
      (is_numeric_field (field) ? is_plain_number (cell) : keeps_its_text (cell)))
    return cell;
  defused = g_strconcat ("'", cell, NULL);
  g_free (cell);
  return defused;
}

static char *
format_csv_cell (const LedgerField *field,
                 const char        *canonical,
                 LedgerHeaderStyle  style)
{
  if (canonical == NULL)
    return g_strdup ("");
  return defuse_formula (field, ledger_field_format (field, canonical, style));
}

typedef struct
{
  GString           *out;
  const LedgerField *fields;
  LedgerHeaderStyle  style;
  int                year;
} CsvWriter;

static gboolean
append_csv_record (const LedgerRecord *record,
                   gpointer            data,
                   GError            **error)
{
  CsvWriter *w = data;
  g_autoptr (GPtrArray) cells = NULL;

  if (!in_year (record, w->year))
    return TRUE;
  cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < record->n_values; i++)
    g_ptr_array_add (cells, format_csv_cell (&w->fields[i], record->values[i], w->style));
  ledger_csv_append_row (w->out, (const char * const *) cells->pdata, cells->len);
  return TRUE;
}

static gboolean
write_atomically (const char  *path,
                  const char  *contents,
                  gsize        length,
                  GError     **error)
{
  return ledger_replace_write_contents (path, contents, length, error);
}

/* ---- GeoJSON ---- */

/* Written by hand (ledger_json_append_string), one feature at a time: numbers
 * keep their canonical text (30.37091, not json-glib's 30.370909999999999),
 * and 100,000 farms never make one big tree. */

/* a canonical number as a JSON number; anything else stays a string */
static void
append_json_number (GString    *out,
                    const char *canonical)
{
  char *end = NULL;
  double value = g_ascii_strtod (canonical, &end);

  if (end != canonical && *end == '\0' && isfinite (value) && canonical[0] != '+' && canonical[0] != '.' &&
      strpbrk (canonical, "xXnN") == NULL)
    g_string_append (out, canonical);
  else
    ledger_json_append_string (out, canonical);
}

static void
append_property (GString           *out,
                 const LedgerField *field,
                 const char        *canonical,
                 gboolean          *first)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  ledger_json_append_string (out, field->key);
  g_string_append_c (out, ':');
  if (canonical == NULL)
    g_string_append (out, "null");
  else if (field->type == LEDGER_FIELD_INT || field->type == LEDGER_FIELD_YEAR || field->type == LEDGER_FIELD_REAL)
    append_json_number (out, canonical);
  else if (field->type == LEDGER_FIELD_BOOL)
    g_string_append (out, g_strcmp0 (canonical, "1") == 0 ? "true" : "false");
  else
    ledger_json_append_string (out, canonical);
}

static void
append_feature_json (GString            *out,
                     const LedgerRecord *record,
                     gboolean            with_layer,
                     const char         *shape)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);
  gboolean first = !with_layer;

  g_string_append (out, "{\"type\":\"Feature\",\"id\":");
  ledger_json_append_string (out, record->uid);
  if (shape != NULL)
    {
      /* a water body's line or area, stored as checked GeoJSON at import */
      g_string_append (out, ",\"geometry\":");
      g_string_append (out, shape);
      g_string_append (out, ",\"properties\":{");
    }
  else
    {
      g_string_append (out, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
      append_json_number (out, ledger_record_get (record, "lon"));
      g_string_append_c (out, ',');
      append_json_number (out, ledger_record_get (record, "lat"));
      g_string_append (out, "]},\"properties\":{");
    }
  if (with_layer)
    {
      g_string_append (out, "\"layer\":");
      ledger_json_append_string (out, ledger_kind_to_key (record->kind));
    }
  for (guint i = 0; i < record->n_values; i++)
    if (shape != NULL || (fields[i].type != LEDGER_FIELD_LON && fields[i].type != LEDGER_FIELD_LAT))
      append_property (out, &fields[i], record->values[i], &first);
  g_string_append (out, "}}");
}

static gboolean
has_points (LedgerKind kind)
{
  return ledger_kind_field_index (kind, "lon") >= 0;
}

typedef struct
{
  GString  *out;
  gboolean  with_layer;
  gboolean  first;
  LedgerDb *db;
} GeoJsonWriter;

static gboolean
append_feature (const LedgerRecord *record,
                gpointer            data,
                GError            **error)
{
  GeoJsonWriter *w = data;
  g_autofree char *shape = NULL;

  if (ledger_record_get (record, "lon") == NULL || ledger_record_get (record, "lat") == NULL)
    return TRUE;
  if (record->kind == LEDGER_KIND_WATER_BODIES)
    shape = ledger_shapes_dup_geometry (w->db, record->uid);
  g_string_append (w->out, w->first ? "\n    " : ",\n    ");
  append_feature_json (w->out, record, w->with_layer, shape);
  w->first = FALSE;
  return TRUE;
}

static gboolean
add_kind_features (GeoJsonWriter  *writer,
                   LedgerDb       *db,
                   LedgerKind      kind,
                   int             year,
                   const char     *township,
                   GError        **error)
{
  /* one point per farm: the figures of the year asked for, or the latest */
  LedgerLoadOptions options = { .year = year > 0 ? year : 9999, .township = township };

  return ledger_store_foreach (db, kind, &options, append_feature, writer, error);
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
  /* farms: one row per farm and year */
  LedgerLoadOptions options = { .year = 0, .township = township };
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);
  CsvWriter writer = { out, fields, style, year };

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (headers, (gpointer) (style == LEDGER_HEADER_KEYS ? fields[i].key : fields[i].header));
  ledger_csv_append_row (out, (const char * const *) headers->pdata, headers->len);
  return ledger_store_foreach (db, kind, &options, append_csv_record, &writer, error);
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

  if (!ledger_db_refuse_own_file (db, path, error) ||
      !ledger_export_csv_text (db, kind, style, year, township, out, error))
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
  g_autoptr (GString) out = NULL;
  gboolean all = kind == LEDGER_EXPORT_ALL_KINDS;
  GeoJsonWriter writer = { NULL, all, TRUE, db };

  if (!all && !has_points (kind))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s have no coordinates: export them to CSV."), ledger_kind_display_name (kind));
      return NULL;
    }
  out = g_string_new ("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [");
  writer.out = out;
  for (guint k = all ? 0 : kind; k < (all ? LEDGER_N_KINDS : kind + 1u); k++)
    if (has_points (k) && !add_kind_features (&writer, db, k, year, township, error))
      return NULL;
  g_string_append (out, writer.first ? "]\n}\n" : "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
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
  g_autofree char *text = NULL;

  if (!ledger_db_refuse_own_file (db, path, error) ||
      (text = ledger_export_geojson_text (db, kind, year, township, error)) == NULL)
    return FALSE;
  return write_atomically (path, text, strlen (text), error);
}
