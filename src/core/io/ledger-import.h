/* ledger-import.h: importing spreadsheets (README.md, Command line; README.md, Import)
 *
 * All-or-nothing unless valid_only: every row is parsed and checked first;
 * nothing is written when any row is rejected. Every problem names the line,
 * the column and the reason in the user's language.
 */
#pragma once

#include "ledger-coords.h"
#include "ledger-db.h"
#include "ledger-record.h"
#include "ledger-table.h"
#include "ledger-table-layout.h"
#include "ledger-value-map.h"
#include "ledger-vocabulary.h"

G_BEGIN_DECLS

/* Called from the importing thread: @fraction 0..1 of rows read and checked
 * (first 90 %) and written (last 10 %). */
typedef void (*LedgerImportProgressFunc) (double   fraction,
                                          gpointer user_data);

/* zero-initialised = the defaults */
typedef struct
{
  gboolean      dry_run;     /* check everything, write nothing */
  gboolean      valid_only;  /* write the valid rows, report the rejected ones */
  gboolean      as_demo;     /* flag every written record as demo data */
  LedgerDatum   crs;         /* the file's coordinate system; converted to WGS-84 */
  /* a mapping chosen by hand: per file column, a field index of the kind or
   * -1 to ignore it; NULL = match the headers (ledger_import_match_columns) */
  const int    *column_fields;
  guint         n_column_fields;
  /* issue 10: officers' sheets. The layout (header rows, column targets,
   * skipped rows) to use; NULL = ledger_table_layout_detect(). column_fields,
   * when given, overrides the layout's targets (field index or LEDGER_TARGET_*) */
  const LedgerTableLayout *layout;
  const char   *sheet;       /* ledger_import_file(): --sheet NAME|N; NULL = the sheet that fits best */
  guint         year;        /* the figures' year (--year); 0 = from a column, the title or the file name */
  const LedgerValueMap *value_map; /* "treat every 'X' as Y", or NULL */
  LedgerImportProgressFunc progress;
  gpointer      progress_data;
  GCancellable *cancellable; /* cancelled: nothing is written, G_IO_ERROR_CANCELLED */
  gboolean      record_changes; /* the changes written, as a changeset in report->changes (undo) */
} LedgerImportOptions;

/* What a valid row does (dry run = the preview). */
typedef struct
{
  guint    line;
  gboolean is_update;        /* the code exists: the record is updated */
  gboolean unchanged;        /* an update that changes nothing */
  char    *code;             /* the record's code (village code for villages) */
  char   **changed_fields;   /* keys of the fields an update changes, NULL-terminated */
} LedgerImportAction;

typedef struct
{
  char      *file_name;   /* for messages: FILE:LINE:COLUMN */
  char      *encoding;    /* what the file was decoded from */
  guint      n_rows;      /* data rows read */
  guint      n_written;   /* rows written (0 on a rejected or dry run) */
  guint      n_rejected;  /* rows with at least one error */
  GPtrArray *problems;    /* LedgerProblem, errors and warnings, in file order */
  GPtrArray *actions;     /* LedgerImportAction, one per valid row, in file order */
  guint      n_new;       /* valid rows that add a record */
  guint      n_updated;   /* valid rows that change a record */
  guint      n_unchanged; /* valid rows equal to what is stored */
  guint      n_outside_county; /* rows warned as outside the county outline, rejected or not */
  /* issue 10 */
  LedgerTableLayout *layout;  /* the layout used: sheet, header rows, columns, row classes, year */
  GPtrArray *skipped;     /* LedgerImportSkipped: rows not imported and why, in file order */
  GPtrArray *unknown_values; /* LedgerImportUnknownValue: enum/yes-no words not understood */
  GBytes    *changes;     /* options.record_changes: the SQLite changeset of the rows written, or NULL */
} LedgerImportReport;

/* A row that is not an item: a title, header, blank, 合计 or footer row. */
typedef struct
{
  guint           line;
  LedgerRowClass  row_class;
  char           *text;    /* the row's first non-blank cell, shortened, or NULL */
} LedgerImportSkipped;

/* A value of an enumerated or yes/no field that nothing understood, once per
 * field and text (to offer "treat every 'X' as …"). */
typedef struct
{
  int    field;       /* index of the field */
  char  *text;        /* the cell as written, trimmed */
  guint  n_rows;      /* rows with it */
  guint  first_line;
} LedgerImportUnknownValue;

/* Returns a report, or NULL with @error when the file cannot be read at all.
 * The import succeeded when report->n_rejected == 0 (or valid_only). */
LedgerImportReport *ledger_import_file    (LedgerDb                  *db,
                                           LedgerKind                 kind,
                                           const char                *path,
                                           const LedgerImportOptions *options,
                                           GError                   **error);
LedgerImportReport *ledger_import_text    (LedgerDb                  *db,
                                           LedgerKind                 kind,
                                           const char                *text,
                                           const char                *file_name,
                                           const LedgerImportOptions *options,
                                           GError                   **error);
LedgerImportReport *ledger_import_table   (LedgerDb                  *db,
                                           LedgerKind                 kind,
                                           const LedgerTable         *table,
                                           const LedgerImportOptions *options,
                                           GError                   **error);
void                ledger_import_report_free (LedgerImportReport    *report);
/* The kind whose headers match the table's header row best, or
 * LEDGER_N_KINDS when no kind matches at least its required columns. */
LedgerKind          ledger_import_guess_kind (const LedgerTable      *table);
/* The worksheet of @table's workbook that holds @kind when it is not the one
 * read: the kind's sheet of the workbook this program exports (养殖场 …),
 * whose first sheet is the summary 汇总. NULL when the table is right. */
const char         *ledger_import_kind_sheet (LedgerKind          kind,
                                              const LedgerTable  *table);
/* Per column of the table's header row: the field index it maps to, or -1.
 * Matches Chinese headers, English keys and common variants (村名,
 * 行政村名称, 设计处理能力, 存栏量(头) …), ignoring spaces, case, full-width
 * brackets and units in brackets. (transfer full), *n_columns long. */
int                *ledger_import_match_columns (LedgerKind         kind,
                                                 const LedgerTable *table,
                                                 guint             *n_columns);
/* Writes the rejected rows of @table (the header, then each rejected row as
 * read, with a last column 问题/problems naming every problem) as UTF-8 CSV
 * with BOM, to a temporary file renamed into place. */
gboolean            ledger_import_write_rejected (const LedgerTable        *table,
                                                  const LedgerImportReport *report,
                                                  const char               *path,
                                                  GError                  **error);
/* "FILE:LINE:COLUMN: message" (warnings prefixed with a translated "warning: ") */
char               *ledger_import_format_problem (const LedgerImportReport *report,
                                                  const LedgerProblem      *problem);

/* One import in the audit log (schema v2): every audit row it wrote
 * carries its id in audit.batch. */
typedef struct
{
  char       *id;
  char       *at;         /* UTC ISO 8601 */
  char       *actor;
  char       *file_name;
  LedgerKind  kind;       /* LEDGER_N_KINDS when unknown */
  guint       n_new;
  guint       n_updated;
} LedgerImportBatch;

/* The imports of the ledger, newest first: (element-type LedgerImportBatch) */
GPtrArray          *ledger_import_batches       (LedgerDb                *db,
                                                 GError                 **error);
/* "导入 文件.csv（新增 N，更新 M）" in the user's language */
char               *ledger_import_batch_describe (const LedgerImportBatch *batch);
void                ledger_import_batch_free    (LedgerImportBatch       *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerImportReport, ledger_import_report_free)

G_END_DECLS
