/* ledger-import.c: importing spreadsheets (README.md, Command line; README.md, Import)
 *
 * Every file comes in as a LedgerTable (ledger-table.h). Three passes: the
 * header row maps file columns to fields (by name, by variant, or as chosen
 * by hand); every data row is parsed, laid over the stored record it updates
 * (columns absent from the file keep their stored values), checked by the
 * store and compared with it (new, update, unchanged); then the rows that
 * change something are written in one transaction and one audit batch
 * (ledger-import-write.c) — or none when any row was rejected.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-error.h"
#include "ledger-export-xlsx.h"
#include "ledger-input.h"
#include "ledger-import-private.h"
#include "ledger-shapes.h"
#include "ledger-store.h"
#include "ledger-values.h"

typedef LedgerImport Import;

/* ---- auxiliary functions ---- */

void
ledger_import_add_problem (Import     *self,
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

#define add_problem ledger_import_add_problem

void
ledger_import_report_progress (Import *self,
                               double  fraction)
{
  if (self->options->progress != NULL)
    self->options->progress (CLAMP (fraction, 0.0, 1.0), self->options->progress_data);
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->column_field, g_array_unref);
  g_clear_pointer (&self->field_column, g_free);
  g_clear_pointer (&self->warned_columns, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->geometries, g_ptr_array_unref);
  g_clear_pointer (&self->record_lines, g_array_unref);
  ledger_import_officers_clear (self);
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
  self->geometries = g_ptr_array_new_with_free_func (g_free);
  self->record_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
action_free (gpointer data)
{
  LedgerImportAction *action = data;

  g_free (action->code);
  g_strfreev (action->changed_fields);
  g_free (action);
}

static LedgerImportReport *
report_new (const char *file_name,
            const char *encoding)
{
  LedgerImportReport *report = g_new0 (LedgerImportReport, 1);

  report->file_name = g_strdup (file_name);
  report->encoding = g_strdup (encoding);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  report->actions = g_ptr_array_new_with_free_func (action_free);
  report->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_import_skipped_free);
  report->unknown_values = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_import_unknown_value_free);
  return report;
}

#define text_is_blank ledger_text_is_blank

/* Our CSV export writes text that Excel would run as a formula with a
 * leading apostrophe ('=SUM…); it is read back without it. */
static const char *
strip_formula_guard (const char *text)
{
  if (text != NULL && text[0] == '\'' && text[1] != '\0' && strchr ("=+-@", text[1]) != NULL)
    return text + 1;
  return text;
}

/* ---- the header row ---- */

static gboolean
is_geojson_extra (Import     *self,
                  const char *name)
{
  return self->geojson && (g_str_equal (name, "layer") || g_str_equal (name, LEDGER_TABLE_GEOMETRY_COLUMN));
}

static void
map_column (Import     *self,
            guint       line,
            guint       column,
            const char *header,
            int         field)
{
  g_autofree char *name = g_strstrip (g_strdup (header ? header : ""));

  if (self->geojson && g_str_equal (name, LEDGER_TABLE_GEOMETRY_COLUMN))
    self->geometry_column = column;
  if (field == LEDGER_TARGET_SERIAL)
    field = LEDGER_TARGET_IGNORE;   /* 序号: nothing to say */
  else if (field >= LEDGER_TARGET_SERIAL)
    {
      ledger_import_map_target (self, column, field);
      g_array_append_val (self->column_field, field);
      return;
    }
  else if (*name == '\0' && field < 0)
    field = LEDGER_IMPORT_NO_HEADER;
  else if (field < 0 && self->options->column_fields == NULL && !is_geojson_extra (self, name) &&
           !ledger_export_xlsx_is_computed_header (name))
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

/* The field of each column: chosen by hand, or matched by name. */
static int *
column_fields (Import            *self,
               const LedgerTable *table,
               guint              n_columns)
{
  const LedgerImportOptions *options = self->options;
  int *fields;
  if (options->column_fields == NULL)
    {
      fields = g_new (int, MAX (n_columns, 1));
      for (guint i = 0; i < n_columns; i++)
        fields[i] = self->layout->columns[i].target;
      return fields;
    }
  fields = g_new (int, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      int field = i < options->n_column_fields ? options->column_fields[i] : -1;
      fields[i] = field >= 0 && ((guint) field < self->n_fields || field >= LEDGER_TARGET_SERIAL) ? field : -1;
    }
  return fields;
}

/* Returns FALSE when the header rejects the whole file. The header is the
 * layout's: one to three rows, their names flattened (存栏量/生猪). */
static gboolean
read_header (Import            *self,
             const LedgerTable *table)
{
  const LedgerTableLayout *layout = self->layout;
  g_autofree int *fields = column_fields (self, table, layout->n_columns);
  guint line = layout->header_line_first;
  guint before = self->report->problems->len;
  gboolean ok = TRUE;

  for (guint i = 0; i < layout->n_columns; i++)
    map_column (self, line, i + 1, layout->columns[i].name, fields[i]);
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].required && self->field_column[i] == 0 && !ledger_import_has_target_for (self, i))
      add_problem (self, line, i, 0, FALSE, _("The required column “%s” (%s) is missing."),
                   self->fields[i].header, self->fields[i].key);
  for (guint i = before; i < self->report->problems->len; i++)
    ok = ok && ((LedgerProblem *) g_ptr_array_index (self->report->problems, i))->warning;
  return ok;
}

/* ---- one data row ---- */

static gboolean
is_location_field (const LedgerField *field)
{
  return field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT;
}

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

  if (field >= LEDGER_TARGET_SERIAL)
    return;   /* read with the row, by ledger_import_read_officers() */
  if (field < 0)
    {
      if (field == LEDGER_IMPORT_NO_HEADER && !text_is_blank (text) &&
          !g_hash_table_contains (self->warned_columns, GUINT_TO_POINTER (column)))
        {
          g_hash_table_add (self->warned_columns, GUINT_TO_POINTER (column));
          add_problem (self, line, -1, column, TRUE, _("Column %u has no known header: its values are ignored."),
                       column);
        }
      return;
    }
  if (is_location_field (&self->fields[field]))
    return;   /* read together, by ledger_import_read_location() */
  text = strip_formula_guard (text);
  if (self->options->value_map != NULL && text != NULL)
    text = ledger_value_map_lookup (self->options->value_map, self->fields[field].key, text) ?: text;
  if (!ledger_field_parse (&self->fields[field], text, &canonical, &error))
    {
      if (self->fields[field].type == LEDGER_FIELD_ENUM || self->fields[field].type == LEDGER_FIELD_BOOL)
        ledger_import_note_unknown (self, field, text, line);
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
      if (field >= 0 && (guint) field < self->n_fields && row->cells[i] != NULL)   /* NULL: a GeoJSON property left out */
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
      /* a short CSV row may be a broken line; a workbook row just ends */
      if (!self->workbook)
        add_problem (self, row->line, -1, row->n_cells + 1, TRUE,
                     _("This row has fewer cells than the header row (%u, not %u): the missing ones are read as blank."),
                     row->n_cells, n_columns);
      for (guint i = row->n_cells; i < n_columns; i++)
        {
          int field = g_array_index (self->column_field, int, i);
          if (field >= 0 && (guint) field < self->n_fields)
            present[field] = TRUE;
        }
    }
  return record;
}


/* Columns absent from the file keep what the ledger holds. Returns the
 * stored record (NULL for a new one). */
static LedgerRecord *
overlay_existing (Import         *self,
                  LedgerRecord   *record,
                  const gboolean *present)
{
  LedgerRecord *existing = ledger_store_find_existing (self->db, record);

  if (existing == NULL)
    return NULL;
  for (guint i = 0; i < self->n_fields; i++)
    if (!present[i])
      ledger_record_take (record, i, g_strdup (existing->values[i]));
  g_free (record->uid);
  record->uid = g_strdup (existing->uid);
  return existing;
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
      return code ? g_strdup_printf ("%s/%s", code, ledger_record_slot (record, ledger_field_slots (record->kind)->year) ?: "") : NULL;
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      *field = 1;
      return g_strjoin ("/", record->values[0] ?: "", record->values[1] ?: "",
                        record->kind == LEDGER_KIND_INSPECTIONS ? ledger_record_slot (record, ledger_field_slots (record->kind)->inspector) : NULL,
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
  int lon = ledger_field_slots (self->kind)->lon;
  gboolean outside_county = FALSE;
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
      /* the store's one warning on the location: outside the county outline */
      outside_county = outside_county || (problem->warning && lon >= 0 && problem->field == lon);
      g_ptr_array_add (self->report->problems, problem);
    }
  /* counted like the warning is listed, also on a row refused for another reason */
  if (outside_county)
    self->report->n_outside_county++;
  return ok;
}

/* ---- what a valid row does ---- */

static char *
record_code (const LedgerRecord *record)
{
  if (record->kind == LEDGER_KIND_SAMPLES || record->kind == LEDGER_KIND_INSPECTIONS)
    return g_strdup_printf ("%s %s", record->values[0] ?: "", record->values[1] ?: "");
  return g_strdup (record->values[0]);
}

static LedgerImportAction *
compare_with_stored (Import             *self,
                     const LedgerRecord *record,
                     const char         *geometry,
                     const LedgerRecord *existing,
                     guint               line)
{
  LedgerImportAction *action = g_new0 (LedgerImportAction, 1);
  g_autoptr (GStrvBuilder) changed = g_strv_builder_new ();
  guint n_changed = 0;

  action->line = line;
  action->code = record_code (record);
  action->is_update = existing != NULL;
  if (existing == NULL)
    return action;
  for (guint i = 0; i < self->n_fields; i++)
    if (g_strcmp0 (record->values[i], existing->values[i]) != 0)
      g_strv_builder_add (changed, self->fields[i].key), n_changed++;
  if (geometry != NULL)
    {
      g_autofree char *stored = ledger_shapes_dup_geometry (self->db, existing->uid);
      if (g_strcmp0 (stored, geometry) != 0)
        g_strv_builder_add (changed, LEDGER_TABLE_GEOMETRY_COLUMN), n_changed++;
    }
  action->changed_fields = g_strv_builder_end (changed);
  action->unchanged = n_changed == 0;
  return action;
}

static void
count_action (LedgerImportReport       *report,
              const LedgerImportAction *action)
{
  if (!action->is_update)
    report->n_new++;
  else if (action->unchanged)
    report->n_unchanged++;
  else
    report->n_updated++;
}

static void
import_row (Import             *self,
            const LedgerCsvRow *row)
{
  g_autofree gboolean *present = g_new0 (gboolean, self->n_fields);
  g_autofree gboolean *failed = g_new0 (gboolean, self->n_fields + 1);
  g_autoptr (LedgerRecord) record = NULL;
  g_autoptr (LedgerRecord) existing = NULL;
  g_autofree char *geometry = NULL;
  LedgerImportAction *action;
  gboolean ok = TRUE;

  self->report->n_rows++;
  record = parse_row (self, row, present, failed);
  ok = ledger_import_read_officers (self, record, row, present, failed) && ok;
  ok = ledger_import_read_geometry (self, record, row, present, &geometry) && ok;
  ok = ledger_import_read_location (self, record, row, present, failed) && ok;
  for (guint i = 0; i <= self->n_fields; i++)
    ok = ok && !failed[i];
  if (ok)
    ledger_import_match_by_name (self, record);
  if (ok)
    existing = overlay_existing (self, record, present);
  ok = check_duplicate (self, record, row->line) && ok;
  ok = check_record (self, record, row->line, failed) && ok;
  if (!ok)
    {
      self->report->n_rejected++;
      return;
    }
  action = compare_with_stored (self, record, geometry, existing, row->line);
  count_action (self->report, action);
  g_ptr_array_add (self->report->actions, action);
  g_ptr_array_add (self->records, g_steal_pointer (&record));
  g_ptr_array_add (self->geometries, g_steal_pointer (&geometry));
  g_array_append_val (self->record_lines, row->line);
}

/* ---- the whole table ---- */

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

/* Blank rows after the last non-blank one are the sheet's end, not news. */
static guint
last_non_blank_row (const LedgerTableLayout *layout)
{
  guint last = layout->n_rows;

  while (last > 0 && layout->row_classes[last - 1] == LEDGER_ROW_BLANK)
    last--;
  return last;
}

static gboolean
is_reported_skip (const LedgerTableLayout *layout,
                  guint                    index)
{
  LedgerRowClass row_class = layout->row_classes[index];

  if (row_class == LEDGER_ROW_DATA)
    return FALSE;
  if (index >= layout->header_first && index <= layout->header_last)
    return FALSE;
  return row_class != LEDGER_ROW_BLANK || index > layout->header_last;
}

/* Every data row of the layout, reporting progress (the first 90 %) and
 * checking for cancellation every LEDGER_IMPORT_STEP rows; the other rows
 * are reported as skipped. */
static gboolean
check_rows (Import             *self,
            const LedgerTable  *table,
            gboolean            header_ok,
            GError            **error)
{
  const LedgerTableLayout *layout = self->layout;
  guint end = last_non_blank_row (layout);

  for (guint i = 0; i < end; i++)
    {
      if (i % LEDGER_IMPORT_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->options->cancellable, error))
            return FALSE;
          ledger_import_report_progress (self, 0.9 * i / end);
        }
      if (!header_ok && i > layout->header_last &&
          (layout->row_classes[i] == LEDGER_ROW_DATA || layout->row_classes[i] == LEDGER_ROW_NO_VALUES))
        {
          /* under a header that lacks required columns every row is lost */
          self->report->n_rows++, self->report->n_rejected++;
          continue;
        }
      if (layout->row_classes[i] != LEDGER_ROW_DATA)
        {
          if (is_reported_skip (layout, i))
            ledger_import_note_skipped (self, table, i);
          continue;
        }
      import_row (self, g_ptr_array_index (table->rows, i));
      if (self->consumed_rows != NULL)
        g_clear_pointer (&g_ptr_array_index (self->consumed_rows, i), ledger_csv_row_free);
    }
  return TRUE;
}

static gboolean
nothing_to_write (Import *self)
{
  return self->options->dry_run ||
         (self->report->n_rejected > 0 && !self->options->valid_only) ||
         self->report->n_new + self->report->n_updated == 0;
}

/* The page cache of an import's transaction (KiB; the connection's own is
 * 64 MiB, ledger-db.c): a big import's dirty pages spill to the WAL
 * instead of staying in memory until the commit (issue 19: under 150 MB
 * for 100,000 farms; as fast, measured with 4, 16 and 64 MiB). */
#define IMPORT_CACHE_KIB 8192

/* Ends the transaction import_rows() began: committed when @ok and the
 * import wrote something, rolled back otherwise. */
static gboolean
end_transaction (Import    *self,
                 gboolean   ok,
                 GError   **error)
{
  if (!self->checked_in_transaction)
    return ok;
  ledger_db_set_cache_kib (self->db, 0);
  ledger_store_caches_pin (self->db, FALSE);
  self->checked_in_transaction = FALSE;
  if (!ok || self->report->n_written == 0)
    {
      ledger_db_rollback (self->db);
      return ok;
    }
  return ledger_db_commit (self->db, error);
}

/* A dry run checks its rows in one read transaction, its caches pinned; a
 * real import in its write transaction (import_rows()). */
static gboolean
check_rows_in_snapshot (Import             *self,
                        const LedgerTable  *table,
                        gboolean            header_ok,
                        GError            **error)
{
  gboolean snapshot = !self->checked_in_transaction && ledger_store_caches_read_begin (self->db);
  gboolean ok = check_rows (self, table, header_ok, error);

  ledger_store_caches_read_end (self->db, snapshot);
  return ok;
}

/* Runs the rows (the layout says which are the header and which items) and
 * writes what may be written. FALSE with @error: cancelled, or the ledger
 * cannot be written. */
static gboolean
import_rows (Import             *self,
             const LedgerTable  *table,
             GError            **error)
{
  gboolean header_ok;

  ledger_import_report_progress (self, 0.0);
  if (self->layout->n_columns == 0)
    {
      add_problem (self, 1, -1, 0, FALSE, _("The file is empty: there is no header row."));
      return TRUE;
    }
  header_ok = read_header (self, table);
  /* a real import checks inside its write transaction, so the rows need not
   * be checked again when they are written: nothing can change in between */
  ledger_store_caches_prepare (self->db);
  if (!self->options->dry_run && header_ok && !ledger_db_begin (self->db, error))
    return FALSE;
  self->checked_in_transaction = !self->options->dry_run && header_ok;
  if (self->checked_in_transaction)
    {
      ledger_db_set_cache_kib (self->db, IMPORT_CACHE_KIB);
      ledger_store_caches_pin (self->db, TRUE);   /* an import writes no rules */
    }
  if (!check_rows_in_snapshot (self, table, header_ok, error))
    return end_transaction (self, FALSE, error);
  g_ptr_array_sort (self->report->problems, compare_problems);
  if (!header_ok || nothing_to_write (self))
    {
      ledger_import_report_progress (self, 1.0);
      return end_transaction (self, TRUE, error);
    }
  return end_transaction (self, ledger_import_write (self, error), error);
}

/* ---- public API ---- */

static LedgerImportReport *
import_table (LedgerDb                  *db,
              LedgerKind                 kind,
              const LedgerTable         *table,
              GPtrArray                 *consumed_rows,
              const LedgerImportOptions *options,
              GError                   **error)
{
  g_autoptr (LedgerImportReport) report = report_new (table->file_name, table->encoding);
  Import self;
  gboolean ok;

  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  import_init (&self, db, kind, options, report);
  self.consumed_rows = consumed_rows;
  report->layout = ledger_import_layout_for (table, kind, options);
  self.layout = report->layout;
  ledger_import_officers_init (&self, table);
  self.geojson = ledger_table_has_features (table);
  /* XLSX (and the other workbooks): a row simply ends after its last filled cell */
  self.workbook = !self.geojson && table->format != LEDGER_TABLE_CSV;
  ok = import_rows (&self, table, error);
  import_clear (&self);
  return ok ? g_steal_pointer (&report) : NULL;
}

/**
 * ledger_import_table:
 * @table: the file as read by ledger_table_read_file()
 * @options: (nullable): dry run, valid rows only, demo, CRS, a mapping
 *   chosen by hand, progress and cancellation
 *
 * The one way into the ledger for a file. Cancelled (from any thread, also
 * from the progress callback): nothing is written, %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the report, or NULL with @error when
 *   cancelled or the ledger cannot be written
 */
LedgerImportReport *
ledger_import_table (LedgerDb                  *db,
                     LedgerKind                 kind,
                     const LedgerTable         *table,
                     const LedgerImportOptions *options,
                     GError                   **error)
{
  return import_table (db, kind, table, NULL, options, error);
}

/**
 * ledger_import_text:
 * @text: the file's content, decoded to UTF-8: CSV, or GeoJSON
 * @file_name: for messages (FILE:LINE:COLUMN)
 * @options: (nullable): as for ledger_import_table()
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
  g_autoptr (LedgerTable) table = NULL;

  table = ledger_table_read_bytes (text, strlen (text), file_name,
                                   options ? options->cancellable : NULL, error);
  if (table == NULL)
    return NULL;
  return ledger_import_table (db, kind, table, options, error);
}

/**
 * ledger_import_file:
 * @path: a .csv (UTF-8 with or without BOM, UTF-16, or GB18030/GBK),
 *   .xlsx or .geojson file
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
  GCancellable *cancellable = options ? options->cancellable : NULL;
  g_autoptr (LedgerTableLayout) layout = NULL;
  g_autoptr (LedgerTable) table = ledger_table_read_for_kind (path, kind, options ? options->sheet : NULL,
                                                              &layout, cancellable, error);
  LedgerImportOptions with_layout = { 0 };

  if (table == NULL)
    return NULL;
  if (options != NULL)
    with_layout = *options;
  if (with_layout.layout == NULL)
    {
      ledger_table_layout_set_year (layout, with_layout.year);
      with_layout.layout = layout;
    }
  /* the table is ours: its rows are freed as they are read */
  return import_table (db, kind, table, table->rows, &with_layout, error);
}

/**
 * ledger_import_kind_sheet:
 *
 * Returns: (nullable): the name of the worksheet to read instead, or %NULL
 */
const char *
ledger_import_kind_sheet (LedgerKind         kind,
                          const LedgerTable *table)
{
  const char *wanted = kind < LEDGER_N_KINDS ? ledger_export_xlsx_sheet_name (kind) : NULL;

  if (table->sheet_names == NULL || wanted == NULL || g_strcmp0 (table->sheet_name, wanted) == 0)
    return NULL;
  for (guint i = 0; table->sheet_names[i] != NULL; i++)
    if (g_str_equal (table->sheet_names[i], wanted))
      return table->sheet_names[i];
  return NULL;
}

void
ledger_import_report_free (LedgerImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_free (report->encoding);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->actions, g_ptr_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->unknown_values, g_ptr_array_unref);
  g_clear_pointer (&report->layout, ledger_table_layout_unref);
  g_clear_pointer (&report->changes, g_bytes_unref);
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
