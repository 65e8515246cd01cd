/* ledger-import.h: importing spreadsheets (DESIGN.md §3.1, §3.2)
 *
 * All-or-nothing unless valid_only: every row is parsed and checked first;
 * nothing is written when any row is rejected. Every problem names the line,
 * the column and the reason in the user's language.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-record.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dry_run;     /* check everything, write nothing */
  gboolean valid_only;  /* write the valid rows, report the rejected ones */
  gboolean as_demo;     /* flag every written record as demo data */
} LedgerImportOptions;

typedef struct
{
  char      *file_name;   /* for messages: FILE:LINE:COLUMN */
  char      *encoding;    /* what the file was decoded from */
  guint      n_rows;      /* data rows read */
  guint      n_written;   /* rows written (0 on a rejected or dry run) */
  guint      n_rejected;  /* rows with at least one error */
  GPtrArray *problems;    /* LedgerProblem, errors and warnings, in file order */
} LedgerImportReport;

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
void                ledger_import_report_free (LedgerImportReport    *report);
/* "FILE:LINE:COLUMN: message" (warnings prefixed with a translated "warning: ") */
char               *ledger_import_format_problem (const LedgerImportReport *report,
                                                  const LedgerProblem      *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerImportReport, ledger_import_report_free)

G_END_DECLS
