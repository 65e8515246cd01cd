/* test-import-bulk.c: an import's new farms written many rows per statement
 * (issue 19, ledger-store-bulk.c): every row, year and audit row as when
 * written one by one, across full batches and a short last one; a farm's
 * second year in the same file; codes given by hand next to codes assigned;
 * the changeset an import records for undo. */
#include "config.h"

#include "ledger-store-bulk.h"
#include "ledger-test-db.h"

#define VILLAGE  LEDGER_TEST_VILLAGE
#define VILLAGE2 LEDGER_TEST_VILLAGE2
#define HEADER   "编号,名称,行政村代码,畜种,存栏,年度\r\n"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db = ledger_test_new_two_village_ledger ("test-import-bulk", &f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static LedgerImportReport *
import_text (LedgerDb                  *db,
             const char                *text,
             const LedgerImportOptions *options)
{
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_text (db, LEDGER_KIND_FARMS, text, "farms.csv", options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  return report;
}

/* @n farms, every one with its year's figures; the code column left blank
 * (assigned) except where @code_of gives one */
static char *
farms_csv (guint         n,
           const char *(*code_of) (guint i))
{
  GString *csv = g_string_new (HEADER);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s,养殖场%u,%s,%s,%u,2024\r\n", code_of ? code_of (i) ?: "" : "", i,
                            i % 2 ? VILLAGE : VILLAGE2, i % 3 ? "生猪" : "奶牛", 10 + i);
  return g_string_free (csv, FALSE);
}

/* Each new farm and each new year has exactly one 'insert' audit row with
 * its trigger's key and the import's batch, the farm's before its year's. */
static void
assert_audited (LedgerDb *db,
                gint64    n_farms,
                gint64    n_years)
{
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms"), ==, n_farms);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farm_years"), ==, n_years);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'farms'"
                                          " AND batch IS NOT NULL AND entity_uid IN (SELECT uid FROM farms)"),
                   ==, n_farms);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(DISTINCT entity_uid) FROM audit WHERE entity = 'farms'"),
                   ==, n_farms);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE action = 'insert'"
                                          " AND entity = 'farm_years' AND batch IS NOT NULL AND entity_uid IN"
                                          " (SELECT farm_uid || '/' || year FROM farm_years)"), ==, n_years);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit y JOIN audit f"
                                          " ON f.entity = 'farms' AND f.action = 'insert'"
                                          " AND y.entity_uid LIKE f.entity_uid || '/%'"
                                          " WHERE y.entity = 'farm_years' AND y.action = 'insert'"
                                          " AND f.rowid < y.rowid"), ==, n_years);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(DISTINCT uid) FROM audit"), ==,
                   ledger_test_count (db, "SELECT count(*) FROM audit"));
  g_assert_cmpint (ledger_test_count (db, "SELECT count(DISTINCT code) FROM farms"), ==, n_farms);
  /* the time as the triggers write it */
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE entity IN ('farms', 'farm_years')"
                                          " AND at GLOB '2[0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:"
                                          "[0-6][0-9].[0-9][0-9][0-9]Z' AND julianday(at) > julianday('now', '-1 hour')"),
                   ==, n_farms + n_years);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE batch IS NULL"
                                          " AND entity IN ('farms', 'farm_years')"), ==, 0);
}

/* Two full batches and a short one. */
#define MANY (2 * LEDGER_STORE_BULK_ROWS + 22)

static void
test_many_farms (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = farms_csv (MANY, NULL);
  g_autoptr (LedgerImportReport) report = import_text (f->db, csv, NULL);
  g_autofree char *last = g_strdup_printf ("SELECT count(*) FROM farms f JOIN farm_years y ON y.farm_uid = f.uid"
                                           " WHERE f.name = '养殖场%u' AND y.stock = %u AND y.year = 2024"
                                           " AND f.species = '%s' AND f.village_code = '%s'", MANY - 1, MANY - 1 + 10,
                                           (MANY - 1) % 3 ? "pig" : "dairy", (MANY - 1) % 2 ? VILLAGE : VILLAGE2);

  g_assert_cmpuint (report->n_new, ==, MANY);
  g_assert_cmpuint (report->n_written, ==, MANY);
  assert_audited (f->db, MANY, MANY);
  g_assert_cmpint (ledger_test_count (f->db, last), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms f JOIN farm_years y ON y.farm_uid = f.uid"
                                             " WHERE f.name = '养殖场149' AND y.stock = 159 AND y.year = 2024"
                                             " AND f.species = 'pig' AND f.village_code = '" VILLAGE "'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE code LIKE 'L" VILLAGE "-%'"), ==,
                   MANY / 2);
}

/* A farm's second year further down the same file lands on that farm,
 * also when its first row still waits in the queue. */
static void
test_second_year_same_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (HEADER);
  g_autoptr (LedgerImportReport) report = NULL;

  guint n = LEDGER_STORE_BULK_ROWS + 40;
  g_autofree char *last = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "M%u,养殖场%u," VILLAGE ",生猪,%u,2024\r\n", i, i, 10 + i);
  /* the last farm waits in the queue (the second batch holds 40), M3 was written */
  g_string_append_printf (csv, "M%u,养殖场%u," VILLAGE ",生猪,500,2025\r\n", n - 1, n - 1);
  g_string_append (csv, "M3,养殖场3," VILLAGE ",生猪,300,2025\r\n");
  report = import_text (f->db, csv->str, NULL);

  g_assert_cmpuint (report->n_written, ==, n + 2);
  assert_audited (f->db, n, n + 2);
  last = g_strdup_printf ("SELECT count(*) FROM farm_years y JOIN farms f ON f.uid = y.farm_uid WHERE f.code = 'M%u'"
                          " AND ((y.year = 2024 AND y.stock = %u) OR (y.year = 2025 AND y.stock = 500))", n - 1, n + 9);
  g_assert_cmpint (ledger_test_count (f->db, last), ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farm_years y JOIN farms f ON f.uid = y.farm_uid"
                                             " WHERE f.code = 'M3' AND ((y.year = 2024 AND y.stock = 13)"
                                             " OR (y.year = 2025 AND y.stock = 300))"), ==, 2);
}

static const char *
hand_code (guint i)
{
  /* the first farm's code by hand, in the numbering the ledger assigns */
  return i == 0 ? "L" VILLAGE2 "-1" : NULL;
}

/* A code given by hand that the numbering would assign next is skipped by
 * the numbering, though its farm is not written yet. */
static void
test_hand_code_queued (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = farms_csv (4, hand_code);
  g_autoptr (LedgerImportReport) report = import_text (f->db, csv, NULL);

  g_assert_cmpuint (report->n_written, ==, 4);
  assert_audited (f->db, 4, 4);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE code = 'L" VILLAGE2 "-1'"
                                             " AND name = '养殖场0'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE code = 'L" VILLAGE2 "-2'"
                                             " AND name = '养殖场2'"), ==, 1);
}

/* The changeset recorded for undo holds every row written. */
static void
test_changes_recorded (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = farms_csv (LEDGER_STORE_BULK_ROWS + 6, NULL);
  LedgerImportOptions options = { .record_changes = TRUE };
  g_autoptr (LedgerImportReport) report = import_text (f->db, csv, &options);
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  const void *bytes;
  guint farms = 0, years = 0;

  g_assert_nonnull (report->changes);
  bytes = g_bytes_get_data (report->changes, &size);
  g_assert_cmpint (sqlite3changeset_start (&iter, size, (void *) bytes), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns, op, indirect;

      g_assert_cmpint (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect), ==, SQLITE_OK);
      g_assert_cmpint (op, ==, SQLITE_INSERT);
      farms += g_str_equal (table, "farms");
      years += g_str_equal (table, "farm_years");
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  g_assert_cmpuint (farms, ==, LEDGER_STORE_BULK_ROWS + 6);
  g_assert_cmpuint (years, ==, LEDGER_STORE_BULK_ROWS + 6);
}

/* 100 pigs at 1.9 t a head make 190 t: 150 t utilised passes; at 1.0 t not */
static gboolean
farm_passes (LedgerDb *db)
{
  g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);

  ledger_record_set (farm, "name", "试验猪场");
  ledger_record_set (farm, "village_code", VILLAGE);
  ledger_record_set (farm, "species", "pig");
  ledger_record_set (farm, "year", "2025");
  ledger_record_set (farm, "stock", "100");
  ledger_record_set (farm, "manure_utilised_t", "150");
  return ledger_store_check (db, farm, problems);
}

static void
set_pig_rate (LedgerDb   *db,
              const char *rate)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE rules SET value = '%s' WHERE key = 'manure_t_per_head_year.pig'",
                                          rate);

  g_assert_true (ledger_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Pinned (an import's transaction), the rules are asked for once; a rule
 * this connection changes all the same is seen, and so is, once unpinned,
 * another connection's. */
static void
test_pinned_caches (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ledger.db", NULL);

  set_pig_rate (f->db, "1.9");
  g_assert_true (farm_passes (f->db));
  g_assert_true (ledger_db_begin (f->db, &error));
  ledger_store_caches_pin (f->db, TRUE);
  g_assert_true (farm_passes (f->db));
  g_assert_true (farm_passes (f->db));   /* pinned: from the cache */
  set_pig_rate (f->db, "1.0");
  g_assert_false (farm_passes (f->db));
  ledger_store_caches_pin (f->db, FALSE);
  ledger_db_rollback (f->db);
  g_assert_true (farm_passes (f->db));
  {
    g_autoptr (LedgerDb) other = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    set_pig_rate (other, "1.0");
  }
  g_assert_true (ledger_db_begin (f->db, &error));
  ledger_store_caches_pin (f->db, TRUE);
  g_assert_false (farm_passes (f->db));   /* a new pin asks again */
  ledger_store_caches_pin (f->db, FALSE);
  ledger_db_rollback (f->db);
}

/* An import that is a connection's first work (the command line) still
 * finds the rules cache's watch installed: it cannot go in inside the
 * import's transaction, and without it the cache is asked again per row. */
static void
test_first_work_watched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ledger.db", NULL);
  g_autoptr (LedgerDb) fresh = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_autofree char *csv = farms_csv (3, NULL);
  g_autoptr (LedgerImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (fresh, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'"), ==, 0);
  report = import_text (fresh, csv, NULL);
  g_assert_cmpuint (report->n_written, ==, 3);
  g_assert_cmpint (ledger_test_count (fresh, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'"
                                             " AND tbl_name IN ('rules', 'scale_thresholds')"), ==, 6);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import-bulk/many-farms", test_many_farms);
  ADD ("/import-bulk/second-year-same-file", test_second_year_same_file);
  ADD ("/import-bulk/hand-code-queued", test_hand_code_queued);
  ADD ("/import-bulk/changes-recorded", test_changes_recorded);
  ADD ("/import-bulk/pinned-caches", test_pinned_caches);
  ADD ("/import-bulk/first-work-watched", test_first_work_watched);
  return g_test_run ();
}
