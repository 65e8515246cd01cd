/* test-import-template.c: the import template of every kind, written and imported back */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-export-xlsx.h"
#include "ledger-import-template.h"
#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-table.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

/* Sheets, headers, and an import of the unedited template that changes nothing. */
static void
test_every_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-template-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "lezhi.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerDb) db = ledger_ledger_create (db_path, "512022", TRUE, &error);
  gint64 batches, audit;

  g_assert_no_error (error);
  batches = ledger_test_count (db, "SELECT count(*) FROM audit_batches");
  audit = ledger_test_count (db, "SELECT count(*) FROM audit");
  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("%s.xlsx", ledger_kind_to_key (kind));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(LedgerTable) table = NULL;
      g_autoptr(LedgerImportReport) report = NULL;
      const LedgerCsvRow *header;
      guint n_fields = 0;
      const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

      g_test_message ("%s", name);
      g_assert_true (ledger_import_template_write (db, kind, path, &error));
      g_assert_no_error (error);
      table = ledger_table_read_file (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (table->sheet_name, ==, ledger_export_xlsx_sheet_name (kind));
      g_assert_cmpuint (g_strv_length (table->sheet_names), ==, 2);
      g_assert_cmpstr (table->sheet_names[1], ==, LEDGER_IMPORT_TEMPLATE_NOTES_SHEET);
      /* the headers and nothing else */
      g_assert_cmpuint (table->rows->len, ==, 1);
      header = g_ptr_array_index (table->rows, 0);
      g_assert_cmpuint (header->n_cells, ==, n_fields);
      for (guint c = 0; c < n_fields; c++)
        g_assert_cmpstr (header->cells[c], ==, fields[c].header);
      /* imported unedited: no row, no problem, nothing written */
      report = ledger_import_file (db, kind, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_rows, ==, 0);
      g_assert_cmpuint (report->problems->len, ==, 0);
      g_assert_cmpuint (report->n_written, ==, 0);
    }
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit_batches"), ==, batches);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit"), ==, audit);
  ledger_test_remove_dir (dir);
}

/* The example's village is one of the ledger's county; a folder that cannot be written is an error. */
static void
test_example_and_failure (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-template-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "farms.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "farms.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) notes = NULL;
  gboolean found = FALSE;

  g_assert_true (ledger_import_template_write (NULL, LEDGER_KIND_FARMS, path, &error));
  notes = ledger_table_read_file_sheet (path, LEDGER_IMPORT_TEMPLATE_NOTES_SHEET, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < notes->rows->len; r++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (notes->rows, r);

      if (row->n_cells >= 4 && g_str_equal (row->cells[0], "畜种"))
        {
          g_assert_cmpstr (row->cells[1], ==, "必填");
          g_assert_cmpstr (row->cells[3], ==, "生猪");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_false (ledger_import_template_write (NULL, LEDGER_KIND_FARMS, bad, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "farms.xlsx"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  ledger_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-template/every-kind", test_every_kind);
  g_test_add_func ("/import-template/example-and-failure", test_example_and_failure);
  return g_test_run ();
}
