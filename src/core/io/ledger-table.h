/* ledger-table.h: any spreadsheet-like file as rows of text cells
 *
 * CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16, or
 * GB18030/GBK), XLSX (the first worksheet, read directly from the zip), XLS
 * (Excel 97–2003), ODS (OpenDocument) and GeoJSON (one row per feature) all
 * come out the same way: a header row, then
 * data rows, each cell UTF-8 text as a person would type it (numbers in C
 * locale without exponent where possible, dates YYYY-MM-DD, booleans 1/0).
 * The import and the import assistant read files only through this.
 *
 * CONTRACT (integration of issue 5): owned by the "readers" work; the import
 * engine and the assistant code against it.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-csv.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_TABLE_CSV,
  LEDGER_TABLE_XLSX,
  LEDGER_TABLE_GEOJSON,
  LEDGER_TABLE_XLS,       /* Excel 97–2003 (ledger-table-xls.c, libfreexl) */
  LEDGER_TABLE_ODS,       /* OpenDocument spreadsheet (ledger-table-ods.c) */
  LEDGER_TABLE_KML,       /* KML or KMZ: one row per Placemark (ledger-table-kml.c) */
} LedgerTableFormat;

/* GeoJSON rows carry these columns after the feature's properties:
 * lon and lat (from a Point, else from lon/lat or 经度/纬度 properties, else
 * empty) and "geometry" (the geometry object as compact JSON text for
 * LineString, MultiLineString, Polygon, MultiPolygon and any other non-Point
 * geometry; empty for a Point or no geometry). A property that a feature
 * leaves out (but others have) is a NULL cell, so that an import keeps the
 * stored value: readers of GeoJSON rows must accept NULL cells. The header
 * row of a GeoJSON table has line 0. */
#define LEDGER_TABLE_GEOMETRY_COLUMN "geometry"

typedef struct
{
  char              *file_name;  /* display name, for messages */
  LedgerTableFormat  format;
  char              *encoding;   /* "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE"…; "XLSX", "XLS", "ODS" */
  char               delimiter;  /* ',', ';' or '\t' for CSV, 0 otherwise */
  char              *sheet_name; /* XLSX, XLS, ODS: the worksheet read; NULL otherwise */
  char             **sheet_names;/* XLSX, XLS, ODS: every worksheet, in the workbook's order; NULL otherwise */
  GPtrArray         *rows;       /* LedgerCsvRow*; rows[0] is the header row; blank rows kept
                                    (line numbers are the file's: CSV physical line,
                                    XLSX/XLS/ODS row number (their blank rows are
                                    left out), GeoJSON feature index + 1) */
} LedgerTable;

/* The format is told by the content (OLE2 magic → XLS; a zip with the
 * OpenDocument spreadsheet mimetype → ODS; another zip → XLSX; '{' → GeoJSON) and,
 * failing that, by the suffix. Errors are LEDGER_ERROR (ledger-error.h) with a
 * translated message naming the file: not a spreadsheet, damaged zip, XML
 * error, no worksheet, not a FeatureCollection, NUL bytes in text, a cell
 * over 1 MiB, more than LEDGER_TABLE_MAX_ROWS rows. */
#define LEDGER_TABLE_MAX_ROWS 2000000

LedgerTable *ledger_table_read_file  (const char     *path,
                                      GCancellable   *cancellable,
                                      GError        **error);
LedgerTable *ledger_table_read_bytes (const char     *bytes,
                                      gsize           len,
                                      const char     *file_name,
                                      GCancellable   *cancellable,
                                      GError        **error);
/* The same, reading the worksheet named @sheet of an XLSX, XLS or ODS workbook (NULL:
 * the first); a name the workbook lacks is an error. CSV and GeoJSON
 * ignore @sheet. */
LedgerTable *ledger_table_read_file_sheet  (const char   *path,
                                            const char   *sheet,
                                            GCancellable *cancellable,
                                            GError      **error);
LedgerTable *ledger_table_read_bytes_sheet (const char   *bytes,
                                            gsize         len,
                                            const char   *file_name,
                                            const char   *sheet,
                                            GCancellable *cancellable,
                                            GError      **error);
void         ledger_table_free       (LedgerTable    *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerTable, ledger_table_free)

/* GeoJSON and KML tables are features: lon, lat and geometry columns last,
 * NULL cells for what a feature leaves out, problems named by feature. */
static inline gboolean
ledger_table_has_features (const LedgerTable *table)
{
  return table->format == LEDGER_TABLE_GEOJSON || table->format == LEDGER_TABLE_KML;
}

G_END_DECLS
