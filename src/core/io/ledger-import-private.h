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

/* ledger-import-location.c: lon/lat cells (DMS, swapped, CRS, in China) and
 * GeoJSON geometries; FALSE when the row is rejected */
gboolean ledger_import_read_location (LedgerImport       *self,
                                      LedgerRecord       *record,
                                      const LedgerCsvRow *row,
                                      gboolean           *present,
                                      gboolean           *failed);
gboolean ledger_import_read_geometry (LedgerImport       *self,
                                      LedgerRecord       *record,
                                      const LedgerCsvRow *row,
                                      gboolean           *present,
                                      char              **geometry);

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
gboolean ledger_import_read_officers  (LedgerImport       *self,
                                       LedgerRecord       *record,
                                       const LedgerCsvRow *row,
                                       gboolean           *present,
                                       gboolean           *failed);
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
