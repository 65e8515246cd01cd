/* test-jobs.c: long work in a worker thread on a connection of its own
 * (ledger-jobs.h; issue 17, item 3)
 *
 * On a Lezhi demo ledger: a spreadsheet read, checked (a dry run writes
 * nothing) and imported through the async calls, with progress reported and
 * the caller's connection seeing the rows; a cancelled import writes
 * nothing; a ledger that cannot be opened fails with its reason; the
 * workbook and a CSV exported, a cancelled workbook leaves no file; the
 * trend as the synchronous call computes it; a new demo ledger made in a
 * new folder, a county that does not exist refused.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-test-db.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"

typedef struct
{
  char         *dir;
  char         *path;
  LedgerDb     *db;
  GAsyncResult *result;
  int           n_progress;   /* atomic: progress calls from the worker */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ledger_test_new_ledger ("test-jobs", "512022", TRUE, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Fixture *f = data;

  g_assert_null (source);
  f->result = g_object_ref (result);
}

/* the caller's main loop until the job's callback */
static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return f->result;
}

static void
count_progress (double   fraction,
                gpointer data)
{
  Fixture *f = data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  g_atomic_int_inc (&f->n_progress);
}

static char *
write_facilities_csv (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = ledger_regions_list_stored (f->db, "village", &error);
  const char *village = ((LedgerRegion *) g_ptr_array_index (villages, 0))->code;
  g_autofree char *text = g_strdup_printf ("编号,名称,类型,行政村代码,运行状态,设计规模(吨/日),经度,纬度\r\n"
                                           "FJOB1,一号站,村级集中处理站,%s,正常运行,30,105.1,30.3\r\n"
                                           "FJOB2,二号站,村级集中处理站,%s,正常运行,20,105.0,30.2\r\n",
                                           village, village);
  char *path = g_build_filename (f->dir, "设施.csv", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

static LedgerTable *
read_table (Fixture    *f,
            const char *path)
{
  g_autoptr (GError) error = NULL;
  LedgerTable *table;

  ledger_import_read_file_async (path, NULL, NULL, on_done_cb, f);
  table = ledger_import_read_file_finish (wait_result (f), &error);
  g_assert_no_error (error);
  return table;
}

static gint64
count_jobs_facilities (LedgerDb *db)
{
  return ledger_test_count (db, "SELECT count(*) FROM facilities WHERE code LIKE 'FJOB%'");
}

static void
test_import_checked_then_written (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *csv = write_facilities_csv (f);
  g_autoptr (LedgerTable) table = read_table (f, csv);
  LedgerImportOptions options = { .dry_run = TRUE, .progress = count_progress, .progress_data = f };
  LedgerImportRequest request = { .db_path = f->path, .actor = "测试", .kind = LEDGER_KIND_FACILITIES,
                                  .table = table, .options = &options };
  g_autoptr (LedgerImportReport) preview = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (ledger_import_guess_kind (table), ==, LEDGER_KIND_FACILITIES);
  ledger_import_table_async (&request, NULL, on_done_cb, f);
  preview = ledger_import_table_finish (wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_rows, ==, 2);
  g_assert_cmpuint (preview->n_new, ==, 2);
  g_assert_cmpuint (preview->n_written, ==, 0);
  g_assert_cmpint (count_jobs_facilities (f->db), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&f->n_progress), >, 0);

  options.dry_run = FALSE;
  ledger_import_table_async (&request, NULL, on_done_cb, f);
  report = ledger_import_table_finish (wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_written, ==, 2);
  /* the caller's own connection sees what the worker's wrote, by the actor given */
  g_assert_cmpint (count_jobs_facilities (f->db), ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_batches WHERE actor = '测试'"), >=, 1);
}

static void
test_import_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *csv = write_facilities_csv (f);
  g_autoptr (LedgerTable) table = read_table (f, csv);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  LedgerImportOptions options = { 0 };
  LedgerImportRequest request = { .db_path = f->path, .kind = LEDGER_KIND_FACILITIES, .table = table,
                                  .options = &options };
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ledger_import_table_async (&request, cancellable, on_done_cb, f);
  g_assert_null (ledger_import_table_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_jobs_facilities (f->db), ==, 0);
}

static void
test_import_cannot_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *csv = write_facilities_csv (f);
  g_autoptr (LedgerTable) table = read_table (f, csv);
  g_autofree char *missing = g_build_filename (f->dir, "无此目录", "ledger.db", NULL);
  LedgerImportRequest request = { .db_path = missing, .kind = LEDGER_KIND_FACILITIES, .table = table };
  g_autoptr (GError) error = NULL;

  ledger_import_table_async (&request, NULL, on_done_cb, f);
  g_assert_null (ledger_import_table_finish (wait_result (f), &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_jobs_facilities (f->db), ==, 0);
}

static void
test_read_missing_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "无此文件.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  ledger_import_read_file_async (missing, NULL, NULL, on_done_cb, f);
  g_assert_null (ledger_import_read_file_finish (wait_result (f), &error));
  g_assert_nonnull (error);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "设施.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "台账.xlsx", NULL);
  g_autofree char *text = NULL;
  LedgerExportRequest request = { .format = LEDGER_EXPORT_FORMAT_CSV, .kind = LEDGER_KIND_FACILITIES,
                                  .year = 2025 };
  g_autoptr (GError) error = NULL;

  ledger_export_async (f->path, csv, &request, NULL, on_done_cb, f);
  g_assert_true (ledger_export_finish (wait_result (f), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "编号,") || g_str_has_prefix (text, "\xEF\xBB\xBF编号,"));

  request.format = LEDGER_EXPORT_FORMAT_XLSX;
  request.progress = count_progress;
  request.progress_data = f;
  ledger_export_async (f->path, xlsx, &request, NULL, on_done_cb, f);
  g_assert_true (ledger_export_finish (wait_result (f), &error));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_atomic_int_get (&f->n_progress), >, 0);
}

static void
test_export_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "台账.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  LedgerExportRequest request = { .format = LEDGER_EXPORT_FORMAT_XLSX, .year = 2025 };
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ledger_export_async (f->path, xlsx, &request, cancellable, on_done_cb, f);
  g_assert_false (ledger_export_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) trend = NULL;
  g_autoptr (GPtrArray) direct = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  ledger_progress_trend_async (f->path, NULL, 2021, 2025, NULL, on_done_cb, f);
  trend = ledger_progress_trend_finish (wait_result (f), &error);
  g_assert_no_error (error);
  direct = ledger_progress_trend (f->db, NULL, 2021, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, direct->len);
  g_assert_cmpuint (trend->len, >, 0);

  g_cancellable_cancel (cancellable);
  ledger_progress_trend_async (f->path, NULL, 2021, 2025, cancellable, on_done_cb, f);
  g_assert_null (ledger_progress_trend_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "新文件夹", "乐至.db", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "无此县.db", NULL);
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GError) error = NULL;

  ledger_ledger_create_async (&(LedgerCreateRequest) { .path = path, .county_code = "512022", .demo = TRUE },
                              NULL, on_done_cb, f);
  g_assert_true (ledger_ledger_create_finish (wait_result (f), &error));
  g_assert_no_error (error);
  db = ledger_db_open (path, LEDGER_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM facilities"), >, 0);

  ledger_ledger_create_async (&(LedgerCreateRequest) { .path = bad, .county_code = "999999" }, NULL, on_done_cb, f);
  g_assert_false (ledger_ledger_create_finish (wait_result (f), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* an outline that is not GeoJSON: refused, and the new ledger removed again */
  g_assert_true (g_file_set_contents (bad, "不是轮廓", -1, &error));
  ledger_ledger_create_async (&(LedgerCreateRequest) { .path = path, .county_code = "512022", .replace = TRUE,
                                                       .outline_path = bad },
                              NULL, on_done_cb, f);
  g_assert_false (ledger_ledger_create_finish (wait_result (f), &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* a file that is not an update package: refused with its reason, nothing applied */
static void
test_receive_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *package = g_build_filename (f->dir, "不是更新包.slpkg", NULL);
  LedgerExchangeSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 audit = ledger_test_count (f->db, "SELECT count(*) FROM audit_batches");

  g_assert_true (g_file_set_contents (package, "PK\x03\x04 not a package", -1, &error));
  ledger_exchange_receive_async (f->path, package, NULL, on_done_cb, f);
  g_assert_false (ledger_exchange_receive_finish (wait_result (f), &summary, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_batches"), ==, audit);
  ledger_exchange_summary_clear (&summary);
}

/* a county server that cannot be reached: refused with the server's reason, at once */
static void
test_sync_unreachable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *socket_dir = g_build_filename (f->dir, "无此目录", NULL);
  g_autofree char *conninfo = g_strdup_printf ("host=%s dbname=ledger connect_timeout=2", socket_dir);
  LedgerSyncReport report = { 0 };
  g_autoptr (GError) error = NULL;

  ledger_server_sync_async (f->path, conninfo, NULL, NULL, on_done_cb, f);
  g_assert_false (ledger_server_sync_finish (wait_result (f), &report, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (report.pushed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/jobs/import-checked-then-written", Fixture, NULL, fixture_set_up, test_import_checked_then_written,
              fixture_tear_down);
  g_test_add ("/jobs/import-cancelled", Fixture, NULL, fixture_set_up, test_import_cancelled, fixture_tear_down);
  g_test_add ("/jobs/import-cannot-open", Fixture, NULL, fixture_set_up, test_import_cannot_open, fixture_tear_down);
  g_test_add ("/jobs/read-missing-file", Fixture, NULL, fixture_set_up, test_read_missing_file, fixture_tear_down);
  g_test_add ("/jobs/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/jobs/export-cancelled", Fixture, NULL, fixture_set_up, test_export_cancelled, fixture_tear_down);
  g_test_add ("/jobs/trend", Fixture, NULL, fixture_set_up, test_trend, fixture_tear_down);
  g_test_add ("/jobs/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/jobs/receive-refused", Fixture, NULL, fixture_set_up, test_receive_refused, fixture_tear_down);
  g_test_add ("/jobs/sync-unreachable", Fixture, NULL, fixture_set_up, test_sync_unreachable, fixture_tear_down);
  return g_test_run ();
}
