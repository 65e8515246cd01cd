/* test-migration.c: a ledger written by schema v1 opens as v2 (issue 5):
 * a backup copy first, one transaction, the data kept, audit batches and
 * water-body geometry available afterwards */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-import.h"
#include "ledger-db-private.h"
#include "ledger-schema.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

/* ---- a v1 ledger, as the previous release wrote it ---- */

static void
stub_uid (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, g_uuid_string_random (), -1, g_free);
}

static void
stub_actor (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, "v1-officer", -1, SQLITE_STATIC);
}

static void
raw_exec (sqlite3 *handle, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static void
write_v1_ledger (const char *path)
{
  g_autofree char *schema = ledger_schema_v1_sql ();
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1",
                                              LEDGER_APPLICATION_ID);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_create_function (handle, "ledger_uid", 0, SQLITE_UTF8, NULL, stub_uid, NULL, NULL);
  sqlite3_create_function (handle, "ledger_actor", 0, SQLITE_UTF8, NULL, stub_actor, NULL, NULL);
  raw_exec (handle, "BEGIN");
  raw_exec (handle, schema);
  raw_exec (handle, pragmas);
  raw_exec (handle,
    "INSERT INTO regions (code, name, kind, parent) VALUES ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'), ('512022101203', '试验村', 'village', '512022101');"
    "INSERT INTO water_bodies (uid, code, name, kind, village_code, status, lon, lat)"
    " VALUES ('w-1', 'W1', '老塘', 'pond', '512022101203', 'in_progress', 105.0, 30.2);"
    "UPDATE water_bodies SET status = 'completed' WHERE uid = 'w-1'");
  raw_exec (handle, "COMMIT");
  sqlite3_close (handle);
}

static int
query_int (sqlite3 *handle, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
file_query_int (const char *path, const char *sql)
{
  sqlite3 *handle = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  n = query_int (handle, sql);
  sqlite3_close (handle);
  return n;
}

/* ---- tests ---- */

static void
test_v1_to_v2 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-migration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (GPtrArray) history = NULL;
  sqlite3 *handle;
  int audit_before;

  write_v1_ledger (path);
  audit_before = file_query_int (path, "SELECT count(*) FROM audit");
  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = ledger_db_get_handle (db);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, LEDGER_SCHEMA_VERSION);
  /* the backup is the v1 file as it was */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (file_query_int (backup, "SELECT count(*) FROM water_bodies"), ==, 1);
  /* the data and its history are kept */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM water_bodies WHERE status = 'completed'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit WHERE batch IS NOT NULL"), ==, 0);
  history = ledger_store_history (db, "w-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_null (((LedgerAuditEntry *) g_ptr_array_index (history, 0))->import_file);

  /* the new parts work on the upgraded file */
  report = ledger_import_text (db, LEDGER_KIND_WATER_BODIES,
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
    " \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[105.0, 30.2], [105.01, 30.21]]},"
    " \"properties\": {\"code\": \"W1\", \"name\": \"老塘\", \"kind\": \"pond\", \"village_code\": \"512022101203\","
    " \"status\": \"verified\"}}]}", "w.geojson", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM water_bodies WHERE geometry IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit WHERE field = 'geometry' AND batch IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit_batches"), ==, 1);

  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

/* issue 12: the fields and rule values by the public texts reach an old
 * ledger; an officer's own choice of standard is kept */
static void
test_sources_migration (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-migration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  sqlite3 *handle;
  int audit_before;

  write_v1_ledger (path);
  audit_before = file_query_int (path, "SELECT count(*) FROM audit");
  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = ledger_db_get_handle (db);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM scale_standards"
                                      " WHERE key = 'sichuan2017' AND effective = '2017-07-24'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM scale_thresholds WHERE standard = 'sichuan2017'"
                                      " AND species IN ('meat_duck', 'goose', 'rabbit')"), ==, 3);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM scale_thresholds WHERE standard = 'sichuan2017'"
                                      " AND species = 'goat'"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM rules WHERE key = 'scale_standard' AND value = 'auto'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM rules WHERE key = 'coverage_threshold'"
                                      " AND source LIKE '本地口径%'"), ==, 1);
  /* the program's corrections are not an officer's edits */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit"), ==, audit_before);
  /* the new fields exist and are audited */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE water_bodies SET basis = 'monitoring', basis_values = 'NH3-N 18'"
                                         " WHERE uid = 'w-1'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit WHERE field IN ('basis', 'basis_values')"), ==, 2);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_table_info('farms')"
                                      " WHERE name IN ('mara_code', 'manure_land_mu', 'manure_receiver',"
                                      " 'third_party_contract')"), ==, 4);
  /* the species both standards name are accepted; the constraint still holds */
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO farms (uid, code, name, village_code, species)"
                                         " VALUES ('f-1', 'L1', '兔场', '512022101203', 'rabbit')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO farms (uid, code, name, village_code, species)"
                                         " VALUES ('f-2', 'L2', '马场', '512022101203', 'horse')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  {
    sqlite3_stmt *check = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &check, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
    sqlite3_finalize (check);
  }
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

/* issue 16: an inspection of an old ledger keeps its values and gains a
 * deadline, a follow-up, a place; its photos a thumbnail; both audited */
static void
test_inspection_follow_up_migration (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-migration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  sqlite3 *handle = NULL;

  write_v1_ledger (path);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_create_function (handle, "ledger_uid", 0, SQLITE_UTF8, NULL, stub_uid, NULL, NULL);
  sqlite3_create_function (handle, "ledger_actor", 0, SQLITE_UTF8, NULL, stub_actor, NULL, NULL);
  raw_exec (handle, "INSERT INTO inspections (uid, water_body_uid, date, inspector, result, findings)"
                    " VALUES ('i-1', 'w-1', '2021-05-06', '王五', 'problem', '漂浮物');"
                    "INSERT INTO inspection_photos (uid, inspection_uid, file_name, data) VALUES ('p-1', 'i-1', 'a.jpg', x'FFD8FF')");
  sqlite3_close (handle);

  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = ledger_db_get_handle (db);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM inspections WHERE uid = 'i-1' AND findings = '漂浮物'"
                                      " AND deadline IS NULL AND follow_up IS NULL AND lon IS NULL"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM inspection_photos WHERE uid = 'p-1'"
                                      " AND thumbnail IS NULL AND taken_at IS NULL"), ==, 1);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE inspections SET deadline = '2021-06-01', follow_up = 'pending',"
                                         " lon = 105.0, lat = 30.2 WHERE uid = 'i-1'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit WHERE entity_uid = 'i-1'"
                                      " AND field IN ('deadline', 'follow_up', 'lon', 'lat')"), ==, 4);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE inspections SET follow_up = 'later' WHERE uid = 'i-1'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM inspection_photos WHERE uid = 'p-1'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit WHERE entity = 'inspection_photos'"
                                      " AND entity_uid = 'p-1' AND action = 'delete'"), ==, 1);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

/* v9: an old ledger's items are found by village and name through one
 * index (a codeless row of an officers' sheet), which also serves the
 * lookups by village; the index by village alone is gone */
static void
test_village_name_indexes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-migration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  const char *const tables[] = { "facilities", "farms", "water_bodies" };
  sqlite3 *handle;

  write_v1_ledger (path);
  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = ledger_db_get_handle (db);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *by_village = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                                     " AND name = '%s_village'", tables[i]);
      g_autofree char *columns = g_strdup_printf ("SELECT group_concat(name, ',') = 'village_code,name'"
                                                  " FROM pragma_index_info('%s_village_name')", tables[i]);
      g_autofree char *plan = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT code FROM %s"
                                               " WHERE name = ?1 AND village_code = ?2 LIMIT 2", tables[i]);
      g_autofree char *expected = g_strdup_printf ("SEARCH %s USING INDEX %s_village_name (village_code=? AND name=?)",
                                                   tables[i], tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (query_int (handle, by_village), ==, 0);
      g_assert_cmpint (query_int (handle, columns), ==, 1);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, plan, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, expected);
      sqlite3_finalize (stmt);
    }
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

static void
test_new_ledger_needs_no_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-migration-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (path, LEDGER_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (query_int (ledger_db_get_handle (db), "PRAGMA user_version"), ==, LEDGER_SCHEMA_VERSION);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migration/v1-to-v2", test_v1_to_v2);
  g_test_add_func ("/migration/new-ledger-no-backup", test_new_ledger_needs_no_backup);
  g_test_add_func ("/migration/sources", test_sources_migration);
  g_test_add_func ("/migration/inspection-follow-up", test_inspection_follow_up_migration);
  g_test_add_func ("/migration/village-name-indexes", test_village_name_indexes);
  return g_test_run ();
}
