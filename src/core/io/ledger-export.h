/* ledger-export.h: writing the ledger out (README.md, Command line; README.md, Import)
 *
 * CSV holds one kind, UTF-8 with a BOM (so that Excel and WPS read the
 * Chinese correctly), CRLF line ends, the columns in the order of the column
 * table, so that an export imports back unchanged. GeoJSON holds the points of
 * one kind, or of every kind that has coordinates (WGS-84, every field a
 * property), for QGIS. Records are read one at a time. In CSV, text that a
 * spreadsheet would run as a formula (=, +, -, @ first; not a number such as
 * -3.5) gets a leading apostrophe, which the import strips again. Both are
 * written to a temporary file and renamed: a failed export never leaves half
 * a file. The XLSX workbook is ledger-export-xlsx.h.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-values.h"

G_BEGIN_DECLS

/* LEDGER_N_KINDS as @kind of ledger_export_geojson(): every kind with points */
#define LEDGER_EXPORT_ALL_KINDS LEDGER_N_KINDS

gboolean ledger_export_csv_text (LedgerDb           *db,
                                 LedgerKind          kind,
                                 LedgerHeaderStyle   style,
                                 int                 year,
                                 const char         *township,
                                 GString            *out,
                                 GError            **error);
gboolean ledger_export_csv      (LedgerDb           *db,
                                 LedgerKind          kind,
                                 const char         *path,
                                 LedgerHeaderStyle   style,
                                 int                 year,
                                 const char         *township,
                                 GError            **error);
char    *ledger_export_geojson_text (LedgerDb       *db,
                                     LedgerKind      kind,
                                     int             year,
                                     const char     *township,
                                     GError        **error);
gboolean ledger_export_geojson  (LedgerDb           *db,
                                 LedgerKind          kind,
                                 const char         *path,
                                 int                 year,
                                 const char         *township,
                                 GError            **error);

G_END_DECLS
