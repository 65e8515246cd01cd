/* ledger-jobs.h: long work in a worker thread, on a connection of its own
 * (docs/ARCHITECTURE.md, "Long work")
 *
 * Each call reads its file or opens the ledger file at @db_path in a worker
 * thread, so the caller's connection stays its own thread's; the callback
 * runs in the caller's thread-default main context. A progress function is
 * called in the worker thread: keep the fraction atomically and show it from
 * the main loop. A cancelled job writes nothing and fails with
 * G_IO_ERROR_CANCELLED.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-exchange.h"
#include "ledger-export-xlsx.h"
#include "ledger-import.h"
#include "ledger-progress.h"
#include "ledger-server.h"

G_BEGIN_DECLS

/* The rows of the file at @path (its @sheet, NULL for the first); of a
 * workbook whose first sheet does not tell the kind (填报说明), the first
 * sheet whose header does. */
void         ledger_import_read_file_async  (const char          *path,
                                             const char          *sheet,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
LedgerTable *ledger_import_read_file_finish (GAsyncResult        *result,
                                             GError             **error);

typedef struct
{
  const char                *db_path;
  const char                *actor;          /* the audit's actor, NULL for the default */
  LedgerKind                 kind;
  const LedgerTable         *table;          /* borrowed: keep it until the callback */
  /* copied, with its mapping, layout and value map; its cancellable is the call's */
  const LedgerImportOptions *options;
  /* valid_only: the rejected rows of @preview are saved here first (nothing
   * is imported when they cannot be), and removed if the import fails */
  const char                *rejected_path;
  const LedgerImportReport  *preview;        /* borrowed, with @rejected_path */
  /* after rows are written with a layout: the mapping remembered for the
   * next file with the same headers (ledger_import_mapping_save) */
  gboolean                   remember_mapping;
  const char * const        *value_choices;
} LedgerImportRequest;

void                ledger_import_table_async  (const LedgerImportRequest *request,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
LedgerImportReport *ledger_import_table_finish (GAsyncResult              *result,
                                                GError                   **error);

typedef enum
{
  LEDGER_EXPORT_FORMAT_XLSX,     /* the county's workbook */
  LEDGER_EXPORT_FORMAT_CSV,
  LEDGER_EXPORT_FORMAT_GEOJSON,
  LEDGER_EXPORT_FORMAT_KML,      /* .kml, or .kmz when the name says so */
} LedgerExportFormat;

typedef struct
{
  LedgerExportFormat       format;
  LedgerKind               kind;           /* CSV, GeoJSON, KML: the kind written */
  int                      year;
  const char              *township;       /* NULL: the whole county */
  LedgerExportProgressFunc progress;       /* the workbook's, in the worker thread */
  gpointer                 progress_data;
} LedgerExportRequest;

/* Writes @path from the ledger at @db_path, opened read-only. */
void     ledger_export_async  (const char                *db_path,
                               const char                *path,
                               const LedgerExportRequest *request,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data);
gboolean ledger_export_finish (GAsyncResult              *result,
                               GError                   **error);

/* The figures of every year from @first_year to @last_year
 * (ledger_progress_trend), from the ledger at @db_path opened read-only. A
 * cancelled trend returns at once, its worker left to finish alone. */
void       ledger_progress_trend_async  (const char          *db_path,
                                         const char          *township,
                                         int                  first_year,
                                         int                  last_year,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray *ledger_progress_trend_finish (GAsyncResult        *result,
                                         GError             **error);

typedef struct
{
  const char  *path;
  const char  *county_code;     /* 6 digits */
  gboolean     demo;            /* with the county's demo inventory */
  gboolean     replace;         /* a ledger at @path removed first (the file chooser asked) */
  const char  *outline_path;    /* a county outline (GeoJSON) stored too, or NULL; when it is
                                 * refused, the new ledger is removed again */
  LedgerDatum  outline_datum;
} LedgerCreateRequest;

/* A new ledger as @request says, its folder made; closed again: open it. */
void     ledger_ledger_create_async  (const LedgerCreateRequest *request,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data);
gboolean ledger_ledger_create_finish (GAsyncResult              *result,
                                      GError                   **error);

/* Applies the update package at @package to the ledger at @db_path
 * (ledger_exchange_receive); _finish fills @summary (clear it with
 * ledger_exchange_summary_clear). */
void     ledger_exchange_receive_async  (const char             *db_path,
                                         const char             *package,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gboolean ledger_exchange_receive_finish (GAsyncResult           *result,
                                         LedgerExchangeSummary  *summary,
                                         GError                **error);

/* Syncs the ledger at @db_path with the county server @conninfo
 * (ledger_server_sync; @password kept apart from it, or NULL); _finish
 * fills @report. */
void     ledger_server_sync_async  (const char          *db_path,
                                    const char          *conninfo,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean ledger_server_sync_finish (GAsyncResult        *result,
                                    LedgerSyncReport    *report,
                                    GError             **error);

G_END_DECLS
