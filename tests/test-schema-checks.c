/* test-schema-checks.c: the CHECK constraints an import runs per row,
 * written as comparisons instead of constant IN lists (issue 19,
 * ledger-schema-checks.c): the same values accepted and refused, in a new
 * ledger and in one migrated from v1 with its rows, triggers and audit. */
#include "config.h"

#include "ledger-schema.h"
#include "ledger-test-db.h"

#define VILLAGE "512022101203"

static const char *const species[] = {
  "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry",
  "goat", "meat_duck", "laying_duck", "goose", "rabbit",
};
static const char *const utilisations[] = { "field", "fertiliser", "biogas", "third_party", "other" };

static int
raw_step (LedgerDb   *db,
          const char *sql,
          const char *text)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode (ledger_db_get_handle (db));
}

static void
assert_no_in_lists (LedgerDb *db)
{
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND"
                                          " (sql LIKE '%species IN (%' OR sql LIKE '%utilisation IN (%'"
                                          " OR sql LIKE '%action IN (''insert''%')"), ==, 0);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'farms'"
                                          " AND sql LIKE '%species = ''rabbit''%'"), ==, 1);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'"
                                          " AND sql LIKE '%action = ''delete''%'"), ==, 1);
}

/* every listed value is accepted, any other refused, NULL where allowed passes */
static void
assert_checks_hold (LedgerDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (species); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO farms (uid, code, name, village_code, species)"
                                              " VALUES ('t-%u', 'T%u', 'farm', '" VILLAGE "', ?1)", i, i);
      g_assert_cmpint (raw_step (db, sql, species[i]), ==, SQLITE_OK);
    }
  g_assert_cmpint (raw_step (db, "INSERT INTO farms (uid, code, name, village_code, species)"
                                 " VALUES ('t-x', 'TX', 'farm', '" VILLAGE "', ?1)", "cat"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_step (db, "INSERT INTO farms (uid, code, name, village_code, species)"
                                 " VALUES ('t-y', 'TY', 'farm', '" VILLAGE "', ?1)", "PIG"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  for (guint i = 0; i < G_N_ELEMENTS (utilisations); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO farm_years (farm_uid, year, utilisation)"
                                              " VALUES ('t-0', %u, ?1)", 2000 + i);
      g_assert_cmpint (raw_step (db, sql, utilisations[i]), ==, SQLITE_OK);
    }
  g_assert_cmpint (raw_step (db, "INSERT INTO farm_years (farm_uid, year, utilisation) VALUES ('t-0', 2020, ?1)",
                             NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_step (db, "INSERT INTO farm_years (farm_uid, year, utilisation) VALUES ('t-0', 2021, ?1)",
                             "burnt"), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_step (db, "INSERT INTO audit (uid, at, actor, entity, entity_uid, action)"
                                 " VALUES ('a-x', 'now', 'me', 'farms', 't-0', ?1)", "rename"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                   ==, 0);
}

static void
test_new_ledger (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (LedgerDb) db = ledger_test_new_ledger ("test-schema-checks", NULL, FALSE, &dir, NULL);

  g_assert_true (ledger_db_exec (db, "INSERT INTO regions (code, name, kind, parent) VALUES"
                                     " ('512022', '乐至县', 'county', NULL), ('512022101', '中天镇', 'township', '512022'),"
                                     " ('" VILLAGE "', '试验村', 'village', '512022101')", &error));
  g_assert_no_error (error);
  assert_no_in_lists (db);
  assert_checks_hold (db);
  /* the audit triggers still write their rows */
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE entity = 'farms'"
                                          " AND action = 'insert'"), ==, G_N_ELEMENTS (species));
  ledger_test_remove_dir (dir);
}

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

/* A v1 ledger with a farm, its year and their audit rows. */
static void
write_v1_ledger (const char *path)
{
  g_autofree char *schema = ledger_schema_v1_sql ();
  g_autofree char *sql = g_strdup_printf (
    "BEGIN; %s; PRAGMA application_id = %d; PRAGMA user_version = 1;"
    "INSERT INTO regions (code, name, kind, parent) VALUES ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'), ('" VILLAGE "', '试验村', 'village', '512022101');"
    "INSERT INTO farms (uid, code, name, village_code, species) VALUES ('f-1', 'L1', '老场', '" VILLAGE "', 'beef');"
    "INSERT INTO farm_years (farm_uid, year, stock, utilisation) VALUES ('f-1', 2023, 40, 'biogas');"
    "COMMIT", schema, LEDGER_APPLICATION_ID);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_create_function (handle, "ledger_uid", 0, SQLITE_UTF8, NULL, stub_uid, NULL, NULL);
  sqlite3_create_function (handle, "ledger_actor", 0, SQLITE_UTF8, NULL, stub_actor, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_migrated_ledger (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-schema-checks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (LedgerDb) db = NULL;
  gint64 audit_rows;

  write_v1_ledger (path);
  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (db, "PRAGMA user_version"), ==, LEDGER_SCHEMA_VERSION);
  assert_no_in_lists (db);
  /* the rows and their audit kept */
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms f JOIN farm_years y ON y.farm_uid = f.uid"
                                          " WHERE f.code = 'L1' AND f.species = 'beef' AND y.stock = 40"
                                          " AND y.utilisation = 'biogas'"), ==, 1);
  audit_rows = ledger_test_count (db, "SELECT count(*) FROM audit");
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE entity_uid = 'f-1'"
                                          " AND action = 'insert'"), ==, 1);
  /* the update trigger still audits a change per field */
  g_assert_cmpint (raw_step (db, "UPDATE farms SET species = ?1 WHERE uid = 'f-1'", "goose"), ==, SQLITE_OK);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE entity_uid = 'f-1' AND action = 'update'"
                                          " AND field = 'species' AND old_value = 'beef' AND new_value = 'goose'"), ==, 1);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
  g_assert_cmpint (raw_step (db, "UPDATE farms SET species = ?1 WHERE uid = 'f-1'", "horse"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  assert_checks_hold (db);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_add_func ("/schema-checks/new-ledger", test_new_ledger);
  g_test_add_func ("/schema-checks/migrated-ledger", test_migrated_ledger);
  return g_test_run ();
}
