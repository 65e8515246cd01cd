/* test-import-mappings.c: a file with the same headers is mapped the same way, per ledger, audited */
#include "config.h"

#include "ledger-import-mappings.h"
#include "ledger-regions.h"
#include "ledger-table-layout.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

static LedgerTable *
read_for_farms (const char         *name,
                LedgerTableLayout **layout)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "readers", name, NULL);
  g_autoptr (GError) error = NULL;
  LedgerTable *table = ledger_table_read_for_kind (path, LEDGER_KIND_FARMS, NULL, layout, NULL, &error);

  g_assert_no_error (error);
  return table;
}

#define MAPPING_AUDIT "SELECT count(*) FROM audit WHERE entity = 'meta' AND entity_uid LIKE 'import_mapping/farms/%'"

static void
test_remembered (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-mappings-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "lezhi.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
  g_autoptr (LedgerTableLayout) ods_layout = NULL, xls_layout = NULL, plain_layout = NULL;
  g_autoptr (LedgerTable) ods = read_for_farms ("officer-farms.ods", &ods_layout);
  g_autoptr (LedgerTable) xls = read_for_farms ("officer-farms.xls", &xls_layout);
  g_autoptr (LedgerTable) plain = read_for_farms ("plain-farms.ods", &plain_layout);
  const char *choices[] = { "species", "大肥猪", "pig", NULL };
  g_auto (GStrv) values = NULL;

  g_assert_no_error (error);
  /* nothing remembered yet */
  g_assert_false (ledger_import_mapping_apply (db, xls_layout, xls, NULL));
  g_assert_cmpint (xls_layout->columns[0].target, ==, LEDGER_TARGET_SERIAL);

  /* the officer ignores 序号 and reads 大肥猪 as 生猪: remembered, audited */
  ledger_table_layout_set_target (ods_layout, ods, 0, LEDGER_TARGET_IGNORE);
  g_assert_true (ledger_import_mapping_save (db, ods_layout, choices, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (db, MAPPING_AUDIT), ==, 1);
  /* saving the same again writes nothing */
  g_assert_true (ledger_import_mapping_save (db, ods_layout, choices, &error));
  g_assert_cmpint (ledger_test_count (db, MAPPING_AUDIT), ==, 1);

  /* the .xls has the same headers: the same mapping */
  g_assert_true (ledger_import_mapping_apply (db, xls_layout, xls, &values));
  g_assert_cmpuint (g_strv_length (values), ==, 3);
  g_assert_cmpstr (values[0], ==, "species");
  g_assert_cmpstr (values[1], ==, "大肥猪");
  g_assert_cmpstr (values[2], ==, "pig");
  g_assert_cmpint (xls_layout->columns[0].target, ==, LEDGER_TARGET_IGNORE);
  g_assert_cmpint (xls_layout->columns[2].target, ==, ods_layout->columns[2].target);
  /* another header: nothing applied */
  g_assert_false (ledger_import_mapping_apply (db, plain_layout, plain, NULL));

  /* a change of mind is one more audited change */
  ledger_table_layout_set_target (ods_layout, ods, 0, LEDGER_TARGET_SERIAL);
  g_assert_true (ledger_import_mapping_save (db, ods_layout, choices, &error));
  g_assert_cmpint (ledger_test_count (db, MAPPING_AUDIT), ==, 2);
  ledger_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-mappings/remembered", test_remembered);
  return g_test_run ();
}
