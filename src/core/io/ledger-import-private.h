/* ledger-import-private.h: what the parts of the import share (private to core) */
#pragma once

#include "ledger-import.h"
#include "ledger-store-bulk.h"
#include "ledger-values.h"
#include "ledger-village-names.h"

G_BEGIN_DECLS

#define LEDGER_IMPORT_NO_HEADER (-2)   /* a column without a header */
#define LEDGER_IMPORT_STEP 1000        /* rows between progress reports and cancel checks */

typedef struct
{
  LedgerDb                  *db;
  LedgerKind                 kind;
  const LedgerImportOptions *options;
  LedgerImportReport        *report;
  const LedgerField         *fields;
  guint                      n_fields;
  gboolean                   geojson;        /* problems carry no column */
  gboolean                   workbook;       /* XLSX: a row simply ends after its last filled cell */
  GArray                    *column_field;   /* int per file column: field index, -1 ignored, NO_HEADER */
  int                       *field_column;   /* per field: 1-based file column, 0 absent */
  int                        geometry_column;/* 1-based column of GeoJSON geometry, 0 none */
  GHashTable                *warned_columns; /* headerless columns already reported */
  GHashTable                *seen;           /* duplicate key → first line */
  GPtrArray                 *records;        /* the valid rows, to write */
  GPtrArray                 *geometries;     /* per record: GeoJSON geometry text or NULL */
  gboolean                   checked_in_transaction; /* the check pass ran in the write transaction */
  GPtrArray                 *consumed_rows;  /* the table's rows, when the import owns them: each
                                              * data row is freed once read (issue 19: memory) */
  GArray                    *record_lines;
  LedgerStoreBulk           *bulk;           /* the write pass's bulk writer (ledger-import-write.c) */
  guint                      n_data_rows;    /* for the progress fraction */
  /* issue 10: officers' sheets (ledger-import-officers.c) */
  const LedgerTableLayout   *layout;
  int                        township_column;     /* 1-based, 0 none */
  int                        village_name_column; /* 1-based, 0 none */
  gboolean                   village_from_name;   /* villages: the name column names the village */
  GArray                    *wide_columns;        /* 1-based columns of one species' figure */
  LedgerVillageNames        *village_names;       /* loaded on first use */
  guint                      year;                /* the figures' year when no column gives it */
  GHashTable                *unknown;             /* "field/text" → LedgerImportUnknownValue */
} LedgerImport;

/* One data row's cells, read once by ledger_import_read_cells() */
typedef struct
{
  guint         line;
  guint         n_texts;
  const char  **texts;           /* per column: the cell's text as read, NULL when blank */
  gboolean     *present;         /* per field: the row gives it (a blank cell too) */
  gboolean     *failed;          /* per field, and [n_fields] the row: its problem is reported */
  double        degrees[2];      /* the lon and lat cells in degrees, where degrees_read */
  char          hemisphere[2];   /* N, S, E, W or 0 */
  gboolean      degrees_read[2];
} LedgerImportCells;

void     ledger_import_add_problem (LedgerImport *self,
                                    guint         line,
                                    int           field,
                                    int           column,
                                    gboolean      warning,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (6, 7);
/* the field index a header names in @kind (its names and variants), or -1 */
int      ledger_import_match_header (LedgerKind  kind,
                                     const char *header);
void     ledger_import_report_progress (LedgerImport *self,
                                        double        fraction);

/* An import row, step by step (import_row() in ledger-import.c): */
/* 1. ledger-import-cells.c: each cell read once, fields parsed */
LedgerRecord *ledger_import_read_cells  (LedgerImport       *self,
                                         const LedgerCsvRow *row,
                                         LedgerImportCells  *cells);
void          ledger_import_cells_clear (LedgerImportCells  *cells);
/* 2. ledger-import-officers.c: wide species columns, the year, the village by
 * name; FALSE when the row is rejected */
gboolean ledger_import_read_officers  (LedgerImport       *self,
                                       LedgerRecord       *record,
                                       LedgerImportCells  *cells);
/* 3. ledger-import-location.c: GeoJSON geometries and lon/lat (swapped, CRS,
 * in China); FALSE when the row is rejected */
gboolean ledger_import_read_geometry (LedgerImport       *self,
                                      LedgerRecord       *record,
                                      LedgerImportCells  *cells,
                                      char              **geometry);
gboolean ledger_import_read_location (LedgerImport       *self,
                                      LedgerRecord       *record,
                                      LedgerImportCells  *cells);
/* 4. ledger-import-check.c: the row matched, checked and kept (@record and
 * @geometry taken) or rejected */
void     ledger_import_accept_row    (LedgerImport       *self,
                                      LedgerRecord       *record,
                                      LedgerImportCells  *cells,
                                      char               *geometry,
                                      gboolean            ok);

/* ledger-import-officers.c: targets besides fields, the year, unknown words */
LedgerTableLayout *ledger_import_layout_for (const LedgerTable         *table,
                                             LedgerKind                 kind,
                                             const LedgerImportOptions *options);
void     ledger_import_officers_init  (LedgerImport       *self,
                                       const LedgerTable  *table);
void     ledger_import_officers_clear (LedgerImport       *self);
void     ledger_import_map_target     (LedgerImport       *self,
                                       guint               column,
                                       int                 target);
gboolean ledger_import_has_target_for (LedgerImport       *self,
                                       int                 field);
void     ledger_import_match_by_name  (LedgerImport       *self,
                                       LedgerRecord       *record);
void     ledger_import_note_unknown   (LedgerImport       *self,
                                       int                 field,
                                       const char         *text,
                                       guint               line);
void     ledger_import_note_skipped   (LedgerImport       *self,
                                       const LedgerTable  *table,
                                       guint               index);
void     ledger_import_skipped_free   (LedgerImportSkipped *skipped);
void     ledger_import_unknown_value_free (LedgerImportUnknownValue *value);

/* ledger-import-write.c: the write pass, one transaction and one audit batch */
gboolean ledger_import_write (LedgerImport  *self,
                              GError       **error);

G_END_DECLS
