/* ledger-import-template.h: an empty workbook to fill in and import
 *
 * File → Download import template… and `template KIND --output FILE.xlsx`
 * write, per kind, an XLSX whose first sheet (named as in the export: 养殖场,
 * 污水处理设施 …) holds the kind's import headers with drop-down lists of
 * the enumerations and range checks of the numbers, and whose second sheet,
 * 填报说明, says how to fill it in: every column, whether it is required,
 * what it accepts, and an example (one per column). Sheet names, headers and the
 * instructions are Chinese by design: they are the county's forms. Importing
 * the template unedited changes nothing.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-kinds.h"

G_BEGIN_DECLS

/* The sheet the officer fills in is the first; this is the second. */
#define LEDGER_IMPORT_TEMPLATE_NOTES_SHEET "填报说明"

/* @db: (nullable): the ledger, whose first administrative village is the
 * example's village code (a Lezhi code without one).
 * Written to a temporary file in the same folder and renamed into place. */
gboolean ledger_import_template_write (LedgerDb    *db,
                                       LedgerKind   kind,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
