/* test-export-xlsx.c: the workbook file and its failures (issue 4 items 2, 5)
 *
 * What the cells hold is read back by check-xlsx.py with openpyxl; here:
 * a workbook is written from the demo ledger and replaces an older file, and
 * every failure (a folder that cannot be written, a target that cannot be
 * replaced, a cancellation before or during the export) leaves the folder as
 * it was, without a half-written or temporary file. A larger ledger shows
 * that the export streams: the peak memory does not follow the farms.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-export-xlsx.h"
#include "ledger-import.h"
#include "ledger-test-farms.h"
#include "ledger-test-util.h"

typedef struct
{
  char     *dir;
  char     *out;      /* folder the exports go to */
  LedgerDb *db;
} Fixture;

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_first;
} Progress;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-export-xlsx-XXXXXX", NULL);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0755), ==, 0);
  path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = ledger_ledger_create (path, "512022", TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  g_chmod (f->out, 0755);
  ledger_test_remove_dir (f->out);
  ledger_test_remove_dir (f->dir);
  g_free (f->out);
  g_free (f->dir);
}

static guint
count_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *progress = data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

static gboolean
has_zip_magic (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4 && memcmp (contents, "PK\3\4", 4) == 0;
}

static void
test_writes_workbook (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "台账.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { fractions, NULL };

  g_assert_true (ledger_export_xlsx (f->db, path, 2025, NULL, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_zip_magic (path));
  /* the workbook alone: no temporary file left next to it */
  g_assert_cmpuint (count_files (f->out), ==, 1);
  /* the demo has more than 256 rows: progress in between, then 1 */
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

static void
test_replaces_older_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "old.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "an older file", -1, NULL));
  g_assert_true (ledger_export_xlsx (f->db, path, 2020, "512022101", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_zip_magic (path));
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
assert_fails_and_leaves (Fixture    *f,
                         const char *path,
                         guint       n_files_before)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  g_assert_false (ledger_export_xlsx (f->db, path, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpuint (count_files (f->out), ==, n_files_before);
}

static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "missing", "x.xlsx", NULL);

  assert_fails_and_leaves (f, path, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_folder_is_a_file (Fixture *f, gconstpointer data)
{
  g_autofree char *file = g_build_filename (f->out, "file", NULL);
  g_autofree char *path = g_build_filename (file, "x.xlsx", NULL);

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  assert_fails_and_leaves (f, path, 1);
}

static void
test_read_only_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into a read-only folder");
      return;
    }
  g_assert_cmpint (g_chmod (f->out, 0555), ==, 0);
  assert_fails_and_leaves (f, path, 0);
}

/* The workbook is complete in its temporary file, but the rename over the
 * target fails (here: a folder of that name): the temporary file goes. */
static void
test_cannot_replace (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "busy.xlsx", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  assert_fails_and_leaves (f, path, 1);
  g_assert_true (g_file_test (inside, G_FILE_TEST_EXISTS));
  g_remove (inside);
}

static void
test_cancelled_before (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ledger_export_xlsx (f->db, path, 2025, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

static void
test_cancelled_during (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  Progress progress = { fractions, cancellable };

  g_assert_true (g_file_set_contents (path, "the older file", -1, NULL));
  g_assert_false (ledger_export_xlsx (f->db, path, 2025, NULL, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* cancelled at the first progress report, before the end */
  g_assert_cmpuint (fractions->len, ==, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 1);
  /* the older file is untouched, and nothing else is there */
  g_assert_cmpuint (count_files (f->out), ==, 1);
  g_assert_false (has_zip_magic (path));
}

static void
test_unknown_township (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "x.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (ledger_export_xlsx (f->db, path, 2025, "512022999", NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

/* 20,000 farms in constant-memory mode: the export adds about 0.5 MiB to
 * the peak memory, where holding every row (libxlsxwriter's default mode)
 * adds about 40 MiB; tests/bench/bench-export measures 100,000. */
static void
test_large_export_streams (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "large.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  guint64 before, peak;

  ledger_test_add_farms (f->db, 20000);
  if (!ledger_test_reset_peak_memory ())
    {
      g_test_skip ("the kernel does not reset the peak memory");
      return;
    }
  before = ledger_test_peak_memory_kib ();
  g_assert_true (ledger_export_xlsx (f->db, path, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  peak = ledger_test_peak_memory_kib ();
  g_test_message ("export of 20,000 farms: peak %" G_GUINT64_FORMAT " KiB over %" G_GUINT64_FORMAT " KiB",
                  peak - before, before);
  g_assert_true (has_zip_magic (path));
#ifdef __SANITIZE_ADDRESS__
  /* AddressSanitizer keeps freed memory in quarantine: no measure */
  g_test_message ("not measured under AddressSanitizer");
#else
  g_assert_cmpuint (peak - before, <, 16 * 1024);
#endif
}

/* An officer edits the workbook and imports a kind's sheet back: the import
 * reads that kind's sheet (not the summary, which comes first), and an
 * unedited workbook changes nothing. */
static void
test_imports_back (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "台账.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  LedgerImportOptions options = { .dry_run = TRUE };

  g_assert_true (ledger_export_xlsx (f->db, path, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      g_autoptr (LedgerImportReport) report = ledger_import_file (f->db, kind, path, &options, &error);
      g_autoptr (LedgerTable) table = ledger_table_read_file (path, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (table->sheet_name, ==, "汇总");
      g_assert_cmpstr (ledger_import_kind_sheet (kind, table), ==, ledger_export_xlsx_sheet_name (kind));
      g_assert_cmpuint (report->n_rows, >, 0);
      g_assert_cmpuint (report->n_rejected, ==, 0);
      g_assert_cmpuint (report->n_new + report->n_updated, ==, 0);
      g_assert_cmpuint (report->n_unchanged, ==, report->n_rows);
    }
}

/* A sheet the workbook lacks is refused by name. */
static void
test_missing_sheet (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "台账.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;

  g_assert_true (ledger_export_xlsx (f->db, path, 2025, NULL, NULL, NULL, NULL, &error));
  table = ledger_table_read_file_sheet (path, "没有这张表", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "没有这张表"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/export-xlsx/writes", test_writes_workbook);
  ADD ("/export-xlsx/replaces-older", test_replaces_older_file);
  ADD ("/export-xlsx/fails/missing-folder", test_missing_folder);
  ADD ("/export-xlsx/fails/folder-is-a-file", test_folder_is_a_file);
  ADD ("/export-xlsx/fails/read-only-folder", test_read_only_folder);
  ADD ("/export-xlsx/fails/cannot-replace", test_cannot_replace);
  ADD ("/export-xlsx/fails/unknown-township", test_unknown_township);
  ADD ("/export-xlsx/cancelled/before", test_cancelled_before);
  ADD ("/export-xlsx/cancelled/during", test_cancelled_during);
  ADD ("/export-xlsx/large", test_large_export_streams);
  ADD ("/export-xlsx/imports-back", test_imports_back);
  ADD ("/export-xlsx/missing-sheet", test_missing_sheet);
#undef ADD

  return g_test_run ();
}
