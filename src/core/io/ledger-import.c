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

/* A data row, step by step, each step in a file of its own and the row's
 * cells read once, by the first (docs/ARCHITECTURE.md, "Following one
 * import row"). */
static void
import_row (Import             *self,
            const LedgerCsvRow *row)
{
  LedgerImportCells cells;
  LedgerRecord *record;
  char *geometry = NULL;
  gboolean ok;

  self->report->n_rows++;
  record = ledger_import_read_cells (self, row, &cells);
  ok = ledger_import_read_officers (self, record, &cells);
  ok = ledger_import_read_geometry (self, record, &cells, &geometry) && ok;
  ok = ledger_import_read_location (self, record, &cells) && ok;
  ledger_import_accept_row (self, record, &cells, geometry, ok);
  ledger_import_cells_clear (&cells);
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
  if (!check_rows (self, table, header_ok, error))
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
