/* ledger-jobs.c: long work in a worker thread, on a connection of its own
 * (docs/ARCHITECTURE.md, "Long work")
 *
 * What each job needs is copied into a struct the task owns, except the
 * tables and reports the caller lends until its callback.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-county-outline.h"
#include "ledger-export.h"
#include "ledger-export-kml.h"
#include "ledger-import-mappings.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"

/* ---- reading a file ---- */

typedef struct
{
  char *path;
  char *sheet;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job->sheet);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  LedgerTable *table = ledger_table_read_file_sheet (job->path, job->sheet, cancellable, &error);

  /* a workbook whose first sheet is 填报说明: the first sheet whose header tells the kind */
  for (guint i = 1; table != NULL && job->sheet == NULL && table->sheet_names != NULL &&
                    i < g_strv_length (table->sheet_names) && ledger_import_guess_kind (table) == LEDGER_N_KINDS; i++)
    {
      LedgerTable *other = ledger_table_read_file_sheet (job->path, table->sheet_names[i], cancellable, NULL);

      if (other != NULL && ledger_import_guess_kind (other) < LEDGER_N_KINDS)
        {
          ledger_table_free (table);
          table = other;
        }
      else if (other != NULL)
        ledger_table_free (other);
    }
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) ledger_table_free);
}

void
ledger_import_read_file_async (const char          *path,
                               const char          *sheet,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  g_return_if_fail (path != NULL);

  job->path = g_strdup (path);
  job->sheet = g_strdup (sheet);
  g_task_set_source_tag (task, ledger_import_read_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

LedgerTable *
ledger_import_read_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- importing a table ---- */

typedef struct
{
  char                     *db_path;
  char                     *actor;
  LedgerKind                kind;
  const LedgerTable        *table;
  LedgerImportOptions       options;
  int                      *column_fields;
  LedgerTableLayout        *layout;
  LedgerValueMap           *value_map;
  char                     *rejected_path;
  const LedgerImportReport *preview;
  gboolean                  remember_mapping;
  char                    **value_choices;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->actor);
  g_free (job->column_fields);
  g_clear_pointer (&job->layout, ledger_table_layout_unref);
  g_clear_pointer (&job->value_map, ledger_value_map_unref);
  g_free (job->rejected_path);
  g_strfreev (job->value_choices);
  g_free (job);
}

static ImportJob *
import_job_new (const LedgerImportRequest *request,
                GCancellable              *cancellable)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  const LedgerImportOptions *options = request->options;

  job->db_path = g_strdup (request->db_path);
  job->actor = g_strdup (request->actor);
  job->kind = request->kind;
  job->table = request->table;
  if (options != NULL)
    job->options = *options;
  job->column_fields = g_memdup2 (job->options.column_fields, sizeof (int) * job->options.n_column_fields);
  job->options.column_fields = job->column_fields;
  job->layout = job->options.layout ? ledger_table_layout_ref ((LedgerTableLayout *) job->options.layout) : NULL;
  job->options.layout = job->layout;
  job->value_map = job->options.value_map ? ledger_value_map_ref ((LedgerValueMap *) job->options.value_map) : NULL;
  job->options.value_map = job->value_map;
  job->options.sheet = NULL;
  job->options.cancellable = cancellable;
  job->rejected_path = g_strdup (request->rejected_path);
  job->preview = request->preview;
  job->remember_mapping = request->remember_mapping;
  job->value_choices = g_strdupv ((char **) request->value_choices);
  return job;
}

/* the mapping is remembered for the next file with the same headers; the
 * rows are in whether or not that works */
static void
remember_mapping (ImportJob                *job,
                  LedgerDb                 *db,
                  const LedgerImportReport *report)
{
  g_autoptr (GError) error = NULL;

  if (!job->remember_mapping || job->options.dry_run || report->n_written == 0 || job->layout == NULL)
    return;
  if (!ledger_import_mapping_save (db, job->layout, (const char * const *) job->value_choices, &error))
    g_debug ("the column mapping was not remembered: %s", error->message);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr (LedgerDb) db = NULL;
  LedgerImportReport *report = NULL;
  GError *error = NULL;

  /* the rejected rows go out first: if they cannot be saved, nothing is imported */
  if (job->rejected_path != NULL &&
      !ledger_import_write_rejected (job->table, job->preview, job->rejected_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      if (job->actor != NULL)
        ledger_db_set_actor (db, job->actor);
      report = ledger_import_table (db, job->kind, job->table, &job->options, &error);
      if (report != NULL)
        remember_mapping (job, db, report);
    }
  if (report == NULL && job->rejected_path != NULL)
    g_remove (job->rejected_path);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) ledger_import_report_free);
}

void
ledger_import_table_async (const LedgerImportRequest *request,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (request != NULL && request->db_path != NULL && request->table != NULL);
  g_return_if_fail (request->rejected_path == NULL || request->preview != NULL);

  g_task_set_source_tag (task, ledger_import_table_async);
  g_task_set_task_data (task, import_job_new (request, cancellable), (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

LedgerImportReport *
ledger_import_table_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- exporting ---- */

typedef struct
{
  char                *db_path;
  char                *path;
  LedgerExportRequest  request;
  char                *township;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->township);
  g_free (job);
}

static gboolean
run_export (ExportJob     *job,
            LedgerDb      *db,
            GCancellable  *cancellable,
            GError       **error)
{
  const LedgerExportRequest *request = &job->request;

  if (request->format == LEDGER_EXPORT_FORMAT_XLSX)
    return ledger_export_xlsx (db, job->path, request->year, job->township,
                               request->progress, request->progress_data, cancellable, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  switch (request->format)
    {
    case LEDGER_EXPORT_FORMAT_CSV:
      return ledger_export_csv (db, request->kind, job->path, LEDGER_HEADER_ZH, 0, job->township, error);
    case LEDGER_EXPORT_FORMAT_GEOJSON:
      return ledger_export_geojson (db, request->kind, job->path, request->year, job->township, error);
    case LEDGER_EXPORT_FORMAT_KML:
      return ledger_export_kml (db, request->kind, job->path, request->year, job->township, error);
    case LEDGER_EXPORT_FORMAT_XLSX:
    default:
      g_assert_not_reached ();
    }
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr (LedgerDb) db = NULL;
  GError *error = NULL;

  db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !run_export (job, db, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ledger_export_async (const char                *db_path,
                     const char                *path,
                     const LedgerExportRequest *request,
                     GCancellable              *cancellable,
                     GAsyncReadyCallback        callback,
                     gpointer                   user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_return_if_fail (db_path != NULL && path != NULL && request != NULL);

  job->db_path = g_strdup (db_path);
  job->path = g_strdup (path);
  job->request = *request;
  job->township = g_strdup (request->township);
  job->request.township = job->township;
  g_task_set_source_tag (task, ledger_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ledger_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the trend ---- */

typedef struct
{
  char *db_path;
  char *township;
  int   first_year;
  int   last_year;
} TrendJob;

static void
trend_job_free (TrendJob *job)
{
  g_free (job->db_path);
  g_free (job->township);
  g_free (job);
}

static void
trend_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  TrendJob *job = data;
  g_autoptr (LedgerDb) db = NULL;
  GPtrArray *trend = NULL;
  GError *error = NULL;

  db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    trend = ledger_progress_trend (db, job->township, job->first_year, job->last_year, &error);
  if (trend == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, trend, (GDestroyNotify) g_ptr_array_unref);
}

void
ledger_progress_trend_async (const char          *db_path,
                             const char          *township,
                             int                  first_year,
                             int                  last_year,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TrendJob *job = g_new0 (TrendJob, 1);

  g_return_if_fail (db_path != NULL);

  job->db_path = g_strdup (db_path);
  job->township = g_strdup (township);
  job->first_year = first_year;
  job->last_year = last_year;
  g_task_set_source_tag (task, ledger_progress_trend_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify) trend_job_free);
  g_task_run_in_thread (task, trend_thread);
}

GPtrArray *
ledger_progress_trend_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- a new ledger ---- */

typedef struct
{
  LedgerCreateRequest request;
  char               *path;
  char               *county_code;
  char               *outline_path;
} CreateJob;

static void
create_job_free (CreateJob *job)
{
  g_free (job->path);
  g_free (job->county_code);
  g_free (job->outline_path);
  g_free (job);
}

static void
remove_ledger_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static gboolean
create_ledger (CreateJob  *job,
               GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autoptr (LedgerDb) db = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (job->request.replace)
    remove_ledger_files (job->path);
  db = ledger_ledger_create (job->path, job->county_code, job->request.demo, error);
  if (db == NULL)
    return FALSE;
  if (job->outline_path != NULL &&
      !ledger_county_outline_import (db, job->outline_path, job->request.outline_datum, FALSE, error))
    {
      g_clear_object (&db);
      remove_ledger_files (job->path);
      return FALSE;
    }
  return TRUE;
}

static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) && create_ledger (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ledger_ledger_create_async (const LedgerCreateRequest *request,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CreateJob *job = g_new0 (CreateJob, 1);

  g_return_if_fail (request != NULL && request->path != NULL && request->county_code != NULL);

  job->request = *request;
  job->path = g_strdup (request->path);
  job->county_code = g_strdup (request->county_code);
  job->outline_path = g_strdup (request->outline_path);
  g_task_set_source_tag (task, ledger_ledger_create_async);
  g_task_set_task_data (task, job, (GDestroyNotify) create_job_free);
  g_task_run_in_thread (task, create_thread);
}

gboolean
ledger_ledger_create_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- receiving an update package ---- */

typedef struct
{
  char                  *db_path;
  char                  *package;
  LedgerExchangeSummary  summary;
} ReceiveJob;

static void
receive_job_free (ReceiveJob *job)
{
  g_free (job->db_path);
  g_free (job->package);
  ledger_exchange_summary_clear (&job->summary);
  g_free (job);
}

static void
receive_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  ReceiveJob *job = data;
  g_autoptr (LedgerDb) db = NULL;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_DEFAULT, &error);
  if (db == NULL || !ledger_exchange_receive (db, job->package, &job->summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ledger_exchange_receive_async (const char          *db_path,
                               const char          *package,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReceiveJob *job = g_new0 (ReceiveJob, 1);

  g_return_if_fail (db_path != NULL && package != NULL);

  job->db_path = g_strdup (db_path);
  job->package = g_strdup (package);
  g_task_set_source_tag (task, ledger_exchange_receive_async);
  g_task_set_task_data (task, job, (GDestroyNotify) receive_job_free);
  g_task_run_in_thread (task, receive_thread);
}

gboolean
ledger_exchange_receive_finish (GAsyncResult           *result,
                                LedgerExchangeSummary  *summary,
                                GError                **error)
{
  ReceiveJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  *summary = job->summary;
  memset (&job->summary, 0, sizeof job->summary);
  return TRUE;
}

/* ---- the county server ---- */

typedef struct
{
  char             *db_path;
  char             *conninfo;
  char             *password;
  LedgerSyncReport  report;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->db_path);
  g_free (job->conninfo);
  g_free (job->password);
  g_free (job);
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  SyncJob *job = data;
  g_autoptr (LedgerDb) db = NULL;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_DEFAULT, &error);
  if (db == NULL || !ledger_server_sync (db, job->conninfo, job->password, &job->report, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ledger_server_sync_async (const char          *db_path,
                          const char          *conninfo,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SyncJob *job = g_new0 (SyncJob, 1);

  g_return_if_fail (db_path != NULL && conninfo != NULL);

  job->db_path = g_strdup (db_path);
  job->conninfo = g_strdup (conninfo);
  job->password = password != NULL && *password != '\0' ? g_strdup (password) : NULL;
  g_task_set_source_tag (task, ledger_server_sync_async);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
ledger_server_sync_finish (GAsyncResult      *result,
                           LedgerSyncReport  *report,
                           GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  *report = ((SyncJob *) g_task_get_task_data (G_TASK (result)))->report;
  return TRUE;
}
