/* ledger-import.c: importing CSV and GeoJSON (DESIGN.md §3.1, §3.2)
 *
 * Three passes: the header row maps file columns to fields; every data row is
 * parsed, laid over the stored record it updates (columns absent from the file
 * keep their stored values) and checked by the store; then the valid rows are
 * written in one transaction — or none when any row was rejected.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-import.h"
#include "ledger-store.h"
#include "ledger-values.h"

typedef struct
{
  LedgerDb                  *db;
  LedgerKind                 kind;
  const LedgerImportOptions *options;
  LedgerImportReport        *report;
  const LedgerField         *fields;
  guint                      n_fields;
  gboolean                   geojson;        /* problems carry no column */
  GArray                    *column_field;   /* int per file column: field index, -1 ignored, NO_HEADER */
  int                       *field_column;   /* per field: 1-based file column, 0 absent */
  GHashTable                *warned_columns; /* headerless columns already reported */
  GHashTable                *seen;           /* duplicate key → first line */
  GPtrArray                 *records;        /* the valid rows, to write */
  GArray                    *record_lines;
} Import;

#define NO_HEADER (-2)   /* a column without a header */

/* ---- auxiliary functions ---- */

static void G_GNUC_PRINTF (6, 7)
add_problem (Import     *self,
             guint       line,
             int         field,
             int         column,
             gboolean    warning,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  LedgerProblem *problem;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem = ledger_problem_new (line, field, message);
  problem->column = self->geojson ? 0 : column;
  problem->warning = warning;
  g_ptr_array_add (self->report->problems, problem);
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->column_field, g_array_unref);
  g_clear_pointer (&self->field_column, g_free);
  g_clear_pointer (&self->warned_columns, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->record_lines, g_array_unref);
}

static void
import_init (Import                    *self,
             LedgerDb                  *db,
             LedgerKind                 kind,
             const LedgerImportOptions *options,
             LedgerImportReport        *report)
{
  static const LedgerImportOptions defaults = { 0 };

  memset (self, 0, sizeof *self);
  self->db = db;
  self->kind = kind;
  self->options = options ? options : &defaults;
  self->report = report;
  self->fields = ledger_kind_fields (kind, &self->n_fields);
  self->column_field = g_array_new (FALSE, TRUE, sizeof (int));
  self->field_column = g_new0 (int, self->n_fields);
  self->warned_columns = g_hash_table_new (NULL, NULL);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  self->record_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

static LedgerImportReport *
report_new (const char *file_name,
            const char *encoding)
{
  LedgerImportReport *report = g_new0 (LedgerImportReport, 1);

  report->file_name = g_strdup (file_name);
  report->encoding = g_strdup (encoding);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  return report;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (const LedgerCsvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (!text_is_blank (row->cells[i]))
      return FALSE;
  return TRUE;
}

/* ---- the header row ---- */

static void
map_column (Import     *self,
            guint       line,
            guint       column,
            const char *header)
{
  g_autofree char *name = g_strstrip (g_strdup (header ? header : ""));
  int field = *name ? ledger_kind_field_index (self->kind, name) : NO_HEADER;

  if (*name != '\0' && field < 0 && !(self->geojson && g_str_equal (name, "layer")))
    add_problem (self, line, -1, column, TRUE, _("Unknown column “%s”: it is ignored."), name);
  else if (field >= 0 && self->field_column[field] != 0)
    {
      add_problem (self, line, field, column, FALSE,
                   _("The column “%s” appears twice (columns %d and %u)."),
                   self->fields[field].header, self->field_column[field], column);
      field = -1;
    }
  else if (field >= 0)
    self->field_column[field] = column;
  g_array_append_val (self->column_field, field);
}

/* Returns FALSE when the header rejects the whole file. */
static gboolean
read_header (Import             *self,
             const LedgerCsvRow *header)
{
  guint before = self->report->problems->len;
  gboolean ok = TRUE;

  for (guint i = 0; i < header->n_cells; i++)
    map_column (self, header->line, i + 1, header->cells[i]);
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].required && self->field_column[i] == 0)
      add_problem (self, header->line, i, 0, FALSE, _("The required column “%s” (%s) is missing."),
                   self->fields[i].header, self->fields[i].key);
  for (guint i = before; i < self->report->problems->len; i++)
    ok = ok && ((LedgerProblem *) g_ptr_array_index (self->report->problems, i))->warning;
  return ok;
}

/* ---- one data row ---- */

static void
parse_cell (Import       *self,
            LedgerRecord *record,
            guint         line,
            guint         column,
            const char   *text,
            gboolean     *failed)
{
  int field = g_array_index (self->column_field, int, column - 1);
  g_autoptr (GError) error = NULL;
  char *canonical = NULL;

  if (field < 0)
    {
      if (field == NO_HEADER && !text_is_blank (text) &&
          !g_hash_table_contains (self->warned_columns, GUINT_TO_POINTER (column)))
        {
          g_hash_table_add (self->warned_columns, GUINT_TO_POINTER (column));
          add_problem (self, line, -1, column, TRUE, _("Column %u has no known header: its values are ignored."),
                       column);
        }
      return;
    }
  if (!ledger_field_parse (&self->fields[field], text, &canonical, &error))
    {
      add_problem (self, line, field, column, FALSE, "%s", error->message);
      failed[field] = TRUE;
      return;
    }
  ledger_record_take (record, field, canonical);
}

/* The cells of a row into a record; @present marks the fields the row gives. */
static LedgerRecord *
parse_row (Import             *self,
           const LedgerCsvRow *row,
           gboolean           *present,
           gboolean           *failed)
{
  LedgerRecord *record = ledger_record_new (self->kind);
  guint n_columns = self->column_field->len;

  record->is_demo = self->options->as_demo;
  for (guint i = 0; i < MIN (row->n_cells, n_columns); i++)
    {
      int field = g_array_index (self->column_field, int, i);
      if (field >= 0 && row->cells[i] != NULL)   /* NULL: a GeoJSON property left out */
        present[field] = TRUE;
      parse_cell (self, record, row->line, i + 1, row->cells[i], failed);
    }
  for (guint i = n_columns; i < row->n_cells; i++)
    if (!text_is_blank (row->cells[i]))
      {
        add_problem (self, row->line, -1, i + 1, FALSE,
                     _("This row has more cells than the header row (%u, not %u)."), row->n_cells, n_columns);
        failed[self->n_fields] = TRUE;
        break;
      }
  if (row->n_cells < n_columns && !self->geojson)
    {
      add_problem (self, row->line, -1, row->n_cells + 1, TRUE,
                   _("This row has fewer cells than the header row (%u, not %u): the missing ones are read as blank."),
                   row->n_cells, n_columns);
      for (guint i = row->n_cells; i < n_columns; i++)
        if (g_array_index (self->column_field, int, i) >= 0)
          present[g_array_index (self->column_field, int, i)] = TRUE;
    }
  return record;
}

/* Columns absent from the file keep what the ledger holds. */
static void
overlay_existing (Import         *self,
                  LedgerRecord   *record,
                  const gboolean *present)
{
  g_autoptr (LedgerRecord) existing = NULL;
  guint n_present = 0;

  /* a row that gives every column needs nothing from the ledger (and
   * finding the stored record is not cheap in a big ledger) */
  for (guint i = 0; i < self->n_fields; i++)
    n_present += present[i] ? 1 : 0;
  if (n_present == self->n_fields)
    return;
  existing = ledger_store_find_existing (self->db, record);
  if (existing == NULL)
    return;
  for (guint i = 0; i < self->n_fields; i++)
    if (!present[i])
      ledger_record_take (record, i, g_strdup (existing->values[i]));
  g_free (record->uid);
  record->uid = g_strdup (existing->uid);
}

static char *
duplicate_key (const LedgerRecord *record,
               int                *field)
{
  const char *code;

  switch (record->kind)
    {
    case LEDGER_KIND_VILLAGES:
      *field = 0;
      return g_strdup (record->values[0]);
    case LEDGER_KIND_FARMS:
      *field = 0;
      code = record->values[0];
      return code ? g_strdup_printf ("%s/%s", code, ledger_record_get (record, "year") ?: "") : NULL;
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      *field = 1;
      return g_strjoin ("/", record->values[0] ?: "", record->values[1] ?: "",
                        record->kind == LEDGER_KIND_INSPECTIONS ? ledger_record_get (record, "inspector") : NULL,
                        NULL);
    default:
      *field = 0;
      return g_strdup (record->values[0]);
    }
}

static gboolean
check_duplicate (Import             *self,
                 const LedgerRecord *record,
                 guint               line)
{
  int field = 0;
  char *key = duplicate_key (record, &field);
  gpointer first;

  if (key == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (self->seen, key, NULL, &first))
    {
      add_problem (self, line, field, self->field_column[field], FALSE,
                   _("The same item as on line %u: each item may appear only once in a file."),
                   GPOINTER_TO_UINT (first));
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (self->seen, key, GUINT_TO_POINTER (line));
  return TRUE;
}

/* The store's checks, their problems moved to the row's line and columns. */
static gboolean
check_record (Import             *self,
              const LedgerRecord *record,
              guint               line,
              const gboolean     *failed)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  gboolean ok = TRUE;

  ledger_store_check (self->db, record, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      LedgerProblem *problem = g_ptr_array_steal_index (problems, i--);
      if (problem->field >= 0 && failed[problem->field])
        {
          ledger_problem_free (problem);   /* already reported by its cell */
          continue;
        }
      problem->line = line;
      problem->column = problem->field >= 0 && !self->geojson ? self->field_column[problem->field] : 0;
      ok = ok && problem->warning;
      g_ptr_array_add (self->report->problems, problem);
    }
  return ok;
}

static void
import_row (Import             *self,
            const LedgerCsvRow *row)
{
  g_autofree gboolean *present = g_new0 (gboolean, self->n_fields);
  g_autofree gboolean *failed = g_new0 (gboolean, self->n_fields + 1);
  g_autoptr (LedgerRecord) record = NULL;
  gboolean ok = TRUE;

  self->report->n_rows++;
  record = parse_row (self, row, present, failed);
  for (guint i = 0; i <= self->n_fields; i++)
    ok = ok && !failed[i];
  if (ok)
    overlay_existing (self, record, present);
  ok = check_duplicate (self, record, row->line) && ok;
  ok = check_record (self, record, row->line, failed) && ok;
  if (!ok)
    {
      self->report->n_rejected++;
      return;
    }
  g_ptr_array_add (self->records, g_steal_pointer (&record));
  g_array_append_val (self->record_lines, row->line);
}

/* ---- writing ---- */

/* One transaction; a row the store refuses now is reported on its line. */
static gboolean
write_records (Import  *self,
               GError **error)
{
  if (!ledger_db_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < self->records->len; i++)
    {
      g_autoptr (GError) local = NULL;
      LedgerRecord *record = g_ptr_array_index (self->records, i);

      if (ledger_store_save (self->db, record, &local))
        {
          self->report->n_written++;
          continue;
        }
      if (!g_error_matches (local, LEDGER_ERROR, LEDGER_ERROR_INVALID))
        {
          ledger_db_rollback (self->db);
          self->report->n_written = 0;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      add_problem (self, g_array_index (self->record_lines, guint, i), -1, 0, FALSE, "%s", local->message);
      self->report->n_rejected++;
      if (!self->options->valid_only)
        {
          ledger_db_rollback (self->db);
          self->report->n_written = 0;
          return TRUE;
        }
    }
  ledger_db_note_change (self->db, LEDGER_KIND_ALL, NULL);
  if (ledger_db_commit (self->db, error))
    return TRUE;
  self->report->n_written = 0;
  return FALSE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const LedgerProblem *pa = *(LedgerProblem **) a;
  const LedgerProblem *pb = *(LedgerProblem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->column - pb->column;
}

/* Runs the rows (the first is the header) and writes what may be written. */
static gboolean
import_rows (Import     *self,
             GPtrArray  *rows,
             GError    **error)
{
  gboolean header_ok;
  guint first = 0;

  while (first < rows->len && row_is_blank (g_ptr_array_index (rows, first)))
    first++;
  if (first == rows->len)
    {
      add_problem (self, 1, -1, 0, FALSE, _("The file is empty: there is no header row."));
      return TRUE;
    }
  header_ok = read_header (self, g_ptr_array_index (rows, first));
  for (guint i = first + 1; i < rows->len; i++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (rows, i);
      if (row_is_blank (row))
        continue;
      if (header_ok)
        import_row (self, row);
      else
        self->report->n_rows++, self->report->n_rejected++;
    }
  g_ptr_array_sort (self->report->problems, compare_problems);
  if (!header_ok || self->options->dry_run || self->records->len == 0 ||
      (self->report->n_rejected > 0 && !self->options->valid_only))
    return TRUE;
  return write_records (self, error);
}

static LedgerImportReport *
run_import (LedgerDb                  *db,
            LedgerKind                 kind,
            GPtrArray                 *rows,
            gboolean                   geojson,
            const char                *file_name,
            const char                *encoding,
            const LedgerImportOptions *options,
            GError                   **error)
{
  g_autoptr (LedgerImportReport) report = report_new (file_name, encoding);
  Import self;
  gboolean ok;

  import_init (&self, db, kind, options, report);
  self.geojson = geojson;
  ok = import_rows (&self, rows, error);
  import_clear (&self);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* ---- GeoJSON ---- */

static char *
json_cell (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "1" : "0");
  return g_strdup (json_node_get_string (node));
}

/* The union of property names, in order of first appearance, then lon, lat. */
static LedgerCsvRow *
geojson_header (JsonArray *features)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  LedgerCsvRow *header = g_new0 (LedgerCsvRow, 1);

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
      g_autoptr (GList) members = properties ? json_object_get_members (properties) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL) &&
            g_strcmp0 (l->data, "lon") != 0 && g_strcmp0 (l->data, "lat") != 0 &&
            g_strcmp0 (l->data, "经度") != 0 && g_strcmp0 (l->data, "纬度") != 0)
          g_ptr_array_add (names, g_strdup (l->data));
    }
  g_ptr_array_add (names, g_strdup ("lon"));
  g_ptr_array_add (names, g_strdup ("lat"));
  header->n_cells = names->len;
  g_ptr_array_add (names, NULL);
  header->cells = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  return header;
}

/* A feature as a row under @header; a property it leaves out is a NULL cell
 * (the stored value stays), lon and lat come from its Point geometry. */
static LedgerCsvRow *
geojson_row (const LedgerCsvRow *header,
             JsonObject         *feature,
             guint               index)
{
  LedgerCsvRow *row = g_new0 (LedgerCsvRow, 1);
  JsonObject *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
  JsonObject *geometry = feature && json_object_has_member (feature, "geometry") &&
                         JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "geometry"))
                         ? json_object_get_object_member (feature, "geometry") : NULL;
  JsonArray *point = geometry && g_strcmp0 (json_object_get_string_member_with_default (geometry, "type", ""), "Point") == 0
                     ? json_object_get_array_member (geometry, "coordinates") : NULL;

  row->line = index + 1;
  row->n_cells = header->n_cells;
  row->cells = g_new0 (char *, header->n_cells + 1);
  for (guint i = 0; i + 2 < header->n_cells; i++)
    if (properties && json_object_has_member (properties, header->cells[i]))
      row->cells[i] = json_cell (json_object_get_member (properties, header->cells[i]));
  if (point != NULL && json_array_get_length (point) >= 2)
    {
      row->cells[header->n_cells - 2] = json_cell (json_array_get_element (point, 0));
      row->cells[header->n_cells - 1] = json_cell (json_array_get_element (point, 1));
    }
  return row;
}

static GPtrArray *
geojson_rows (const char  *text,
              const char  *file_name,
              GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  JsonObject *root;
  JsonArray *features;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || !json_object_has_member (root, "features") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "features")))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("“%s” is not a GeoJSON FeatureCollection."), file_name);
      return NULL;
    }
  features = json_object_get_array_member (root, "features");
  g_ptr_array_add (rows, geojson_header (features));
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonNode *node = json_array_get_element (features, i);
      g_ptr_array_add (rows, geojson_row (g_ptr_array_index (rows, 0),
                                          JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL, i));
    }
  return g_steal_pointer (&rows);
}

/* ---- public API ---- */

/**
 * ledger_import_text:
 * @text: the file's content, decoded to UTF-8: CSV, or GeoJSON when
 *   @file_name ends in .geojson or .json
 * @file_name: for messages (FILE:LINE:COLUMN)
 * @options: (nullable): dry run, valid rows only, demo
 *
 * Returns: (transfer full) (nullable): the report, or NULL with @error when
 *   the text cannot be read at all or the ledger cannot be written
 */
LedgerImportReport *
ledger_import_text (LedgerDb                  *db,
                    LedgerKind                 kind,
                    const char                *text,
                    const char                *file_name,
                    const LedgerImportOptions *options,
                    GError                   **error)
{
  gboolean geojson = g_str_has_suffix (file_name, ".geojson") || g_str_has_suffix (file_name, ".json");
  g_autoptr (GPtrArray) rows = geojson ? geojson_rows (text, file_name, error) : ledger_csv_parse (text, error);

  if (rows == NULL)
    return NULL;
  return run_import (db, kind, rows, geojson, file_name, "UTF-8", options, error);
}

/**
 * ledger_import_file:
 * @path: a .csv (UTF-8 with or without BOM, UTF-16, or GB18030/GBK) or
 *   .geojson file
 *
 * Returns: (transfer full) (nullable): the report, or NULL with @error when
 *   the file cannot be read at all or the ledger cannot be written
 */
LedgerImportReport *
ledger_import_file (LedgerDb                  *db,
                    LedgerKind                 kind,
                    const char                *path,
                    const LedgerImportOptions *options,
                    GError                   **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *encoding = NULL;
  gsize len;

  if (!g_str_has_suffix (path, ".geojson") && !g_str_has_suffix (path, ".json"))
    {
      if (!(rows = ledger_csv_read_file (path, &encoding, error)))
        return NULL;
      return run_import (db, kind, rows, FALSE, name, encoding, options, error);
    }
  if (!g_file_get_contents (path, &bytes, &len, error) ||
      !(text = ledger_csv_decode (bytes, len, &encoding, error)))
    return NULL;
  if (!(rows = geojson_rows (text, name, error)))
    return NULL;
  return run_import (db, kind, rows, TRUE, name, encoding, options, error);
}

void
ledger_import_report_free (LedgerImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_free (report->encoding);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/**
 * ledger_import_format_problem:
 *
 * Returns: (transfer full): "FILE:LINE:COLUMN: message" ("FILE:LINE: message"
 *   without a column), a warning's message prefixed with "warning: "
 */
char *
ledger_import_format_problem (const LedgerImportReport *report,
                              const LedgerProblem      *problem)
{
  const char *prefix = problem->warning ? _("warning: ") : "";

  if (problem->line == 0)
    return g_strdup_printf ("%s: %s%s", report->file_name, prefix, problem->message);
  if (problem->column <= 0)
    return g_strdup_printf ("%s:%u: %s%s", report->file_name, problem->line, prefix, problem->message);
  return g_strdup_printf ("%s:%u:%d: %s%s", report->file_name, problem->line, problem->column, prefix,
                          problem->message);
}
