/* test-store.c: saving, checking, loading, deleting and restoring records */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-store.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define VILLAGE   "512022101203"
#define COMMUNITY "512022101001"

typedef struct
{
  char     *dir;
  char     *path;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = ledger_test_new_ledger ("test-store", NULL, FALSE, &f->dir, &f->path);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101'),"
    " ('" COMMUNITY "', '试验社区', 'community', '512022101')", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LedgerRecord *
new_facility (const char *name, const char *status)
{
  LedgerRecord *r = ledger_record_new (LEDGER_KIND_FACILITIES);

  ledger_record_set (r, "name", name);
  ledger_record_set (r, "kind", "village_station");
  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "status", status);
  ledger_record_set (r, "capacity_m3d", "30");
  ledger_record_set (r, "lon", "105.1");
  ledger_record_set (r, "lat", "30.3");
  return r;
}

static LedgerRecord *
new_farm (const char *year, const char *stock, const char *produced, const char *utilised)
{
  LedgerRecord *r = ledger_record_new (LEDGER_KIND_FARMS);

  ledger_record_set (r, "code", "L1");
  ledger_record_set (r, "name", "试验猪场");
  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "species", "pig");
  ledger_record_set (r, "year", year);
  ledger_record_set (r, "stock", stock);
  ledger_record_set (r, "annual_output", "900");
  ledger_record_set (r, "facilities_matched", "1");
  ledger_record_set (r, "manure_produced_t", produced);
  ledger_record_set (r, "manure_utilised_t", utilised);
  return r;
}

static guint
audit_rows (Fixture *f)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (f->db, "SELECT count(*) FROM audit", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_facility_insert_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = new_facility ("一号站", "normal");
  g_autoptr (LedgerRecord) loaded = NULL;
  g_autoptr (GPtrArray) history = NULL;
  LedgerAuditEntry *latest;

  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (r->uid);
  /* a blank code is assigned: <kind letter><village code>-<n> */
  g_assert_cmpstr (ledger_record_get (r, "code"), ==, "F" VILLAGE "-1");

  ledger_record_set (r, "status", "faulty");
  g_assert_true (ledger_store_save (f->db, r, &error));
  loaded = ledger_store_get (f->db, LEDGER_KIND_FACILITIES, r->uid, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_record_get (loaded, "status"), ==, "faulty");
  g_assert_cmpstr (ledger_record_get (loaded, "capacity_m3d"), ==, "30");
  g_assert_true (ledger_record_equal (r, loaded));

  history = ledger_store_history (f->db, r->uid, &error);
  g_assert_cmpuint (history->len, ==, 2);
  latest = g_ptr_array_index (history, 0);
  g_assert_cmpstr (latest->action, ==, "update");
  g_assert_cmpstr (latest->field, ==, "status");
  g_assert_cmpstr (latest->old_value, ==, "normal");
  g_assert_cmpstr (latest->new_value, ==, "faulty");
}

static void
test_rejected_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = new_facility ("二号站", "normal");
  guint before = audit_rows (f);

  ledger_record_set (r, "name", NULL);
  ledger_record_set (r, "village_code", "512022999999");
  ledger_record_set (r, "lat", NULL);
  g_assert_false (ledger_store_save (f->db, r, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  /* every problem, one a line */
  g_assert_cmpuint (g_strv_length (g_strsplit (error->message, "\n", -1)), ==, 3);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 0);
  g_assert_cmpuint (audit_rows (f), ==, before);
}

static void
test_farm_years (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) y2020 = new_farm ("2020", "1000", "1900", "1800");
  g_autoptr (LedgerRecord) y2022 = new_farm ("2022", "1200", NULL, "2200");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (LedgerRecord) in2021 = NULL;
  g_autoptr (LedgerRecord) in2019 = NULL;

  g_assert_true (ledger_store_save (f->db, y2020, &error));
  g_assert_no_error (error);
  /* blank produced: estimated as 1200 × 1.9 = 2280 t ≥ 2200 t */
  g_assert_true (ledger_store_save (f->db, y2022, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (y2020->uid, ==, y2022->uid);

  all = ledger_store_load (f->db, LEDGER_KIND_FARMS, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  in2021 = ledger_store_get (f->db, LEDGER_KIND_FARMS, y2020->uid, 2021, &error);
  g_assert_cmpstr (ledger_record_get (in2021, "year"), ==, "2020");
  g_assert_cmpstr (ledger_record_get (in2021, "stock"), ==, "1000");
  in2019 = ledger_store_get (f->db, LEDGER_KIND_FARMS, y2020->uid, 2019, &error);
  g_assert_null (ledger_record_get (in2019, "year"));
  g_assert_cmpstr (ledger_record_get (in2019, "name"), ==, "试验猪场");
}

static void
test_farm_utilised_exceeds_produced (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) given = new_farm ("2020", "1000", "1000", "1000.5");
  g_autoptr (LedgerRecord) estimated = new_farm ("2020", "100", NULL, "191");

  g_assert_false (ledger_store_save (f->db, given, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  /* 100 pigs × 1.9 t = 190 t < 191 t */
  g_assert_false (ledger_store_save (f->db, estimated, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FARMS), ==, 0);
}

static void
test_village_sewage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_VILLAGES);
  g_autoptr (LedgerRecord) loaded = NULL;
  g_autoptr (LedgerRecord) bad = NULL;

  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "households", "400");
  ledger_record_set (r, "mode", "centralised");
  ledger_record_set (r, "covered_households", "300");
  ledger_record_set (r, "year_done", "2021");
  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
  loaded = ledger_store_get (f->db, LEDGER_KIND_VILLAGES, VILLAGE, 0, &error);
  g_assert_cmpstr (ledger_record_get (loaded, "name"), ==, "试验村");
  g_assert_cmpstr (ledger_record_get (loaded, "covered_households"), ==, "300");

  bad = ledger_record_copy (r);
  ledger_record_set (bad, "covered_households", "401");
  g_assert_false (ledger_store_save (f->db, bad, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

static void
test_delete_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) facility = new_facility ("三号站", "normal");
  g_autoptr (LedgerRecord) sample = ledger_record_new (LEDGER_KIND_SAMPLES);
  g_autoptr (GPtrArray) deleted = NULL;
  g_autoptr (GPtrArray) samples = NULL;

  g_assert_true (ledger_store_save (f->db, facility, &error));
  ledger_record_set (sample, "subject_code", ledger_record_get (facility, "code"));
  ledger_record_set (sample, "date", "2024-05-01");
  ledger_record_set (sample, "cod_mgl", "42");
  g_assert_true (ledger_store_save (f->db, sample, &error));
  g_assert_no_error (error);

  deleted = ledger_store_delete (f->db, LEDGER_KIND_FACILITIES, facility->uid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 0);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_SAMPLES), ==, 0);

  g_assert_true (ledger_store_restore (f->db, deleted, &error));
  g_assert_no_error (error);
  samples = ledger_store_load_for_subject (f->db, LEDGER_KIND_SAMPLES, facility->uid, &error);
  g_assert_cmpuint (samples->len, ==, 1);
  g_assert_cmpstr (((LedgerRecord *) g_ptr_array_index (samples, 0))->uid, ==, sample->uid);
}

static void
test_sample_subject_and_dedup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) sample = ledger_record_new (LEDGER_KIND_SAMPLES);
  g_autoptr (LedgerRecord) again = NULL;
  g_autoptr (LedgerRecord) inspection = ledger_record_new (LEDGER_KIND_INSPECTIONS);

  ledger_record_set (sample, "subject_code", "NOPE");
  ledger_record_set (sample, "date", "2024-05-01");
  g_assert_false (ledger_store_save (f->db, sample, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);

  /* an inspection may be of a village */
  ledger_record_set (inspection, "subject_code", VILLAGE);
  ledger_record_set (inspection, "date", "2024-05-01");
  ledger_record_set (inspection, "result", "ok");
  g_assert_true (ledger_store_save (f->db, inspection, &error));
  g_assert_no_error (error);
  /* the same subject, date and inspector updates instead of duplicating */
  again = ledger_record_copy (inspection);
  g_clear_pointer (&again->uid, g_free);
  ledger_record_set (again, "result", "problem");
  g_assert_true (ledger_store_save (f->db, again, &error));
  g_assert_cmpstr (again->uid, ==, inspection->uid);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_INSPECTIONS), ==, 1);
}

static void
test_remove_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) demo = new_facility ("演示站", "normal");
  g_autoptr (LedgerRecord) real = new_facility ("真实站", "normal");
  guint n = 0;

  demo->is_demo = TRUE;
  g_assert_true (ledger_store_save (f->db, demo, &error));
  g_assert_true (ledger_store_save (f->db, real, &error));
  g_assert_true (ledger_store_remove_demo (f->db, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 1);
}

static void
test_outside_county_warns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) inside = new_facility ("县内站", "normal");
  g_autoptr (LedgerRecord) outside = new_facility ("县外站", "normal");
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  LedgerProblem *problem;

  g_assert_true (ledger_db_set_meta (f->db, "region_code", "512022", &error));
  ledger_record_set (inside, "lon", "105.03");
  ledger_record_set (inside, "lat", "30.28");
  g_assert_true (ledger_store_check (f->db, inside, problems));
  g_assert_cmpuint (problems->len, ==, 0);

  ledger_record_set (outside, "lon", "110.0");
  ledger_record_set (outside, "lat", "30.28");
  g_assert_true (ledger_store_check (f->db, outside, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (problem->warning);
  g_assert_cmpint (problem->field, ==, ledger_kind_field_index (LEDGER_KIND_FACILITIES, "lon"));
  /* a warning does not stop the save */
  g_assert_true (ledger_store_save (f->db, outside, &error));
  g_assert_no_error (error);
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) saved = new_facility ("四号站", "normal");
  g_autoptr (LedgerRecord) original = NULL;
  g_autoptr (LedgerRecord) mine = NULL;
  g_autoptr (LedgerRecord) theirs = NULL;
  g_autoptr (LedgerRecord) stored = NULL;

  g_assert_true (ledger_store_save (f->db, saved, &error));
  original = ledger_store_get (f->db, LEDGER_KIND_FACILITIES, saved->uid, 0, &error);
  mine = ledger_record_copy (original);
  theirs = ledger_record_copy (original);
  ledger_record_set (theirs, "status", "stopped");       /* someone else, first */
  g_assert_true (ledger_store_save (f->db, theirs, &error));
  ledger_record_set (mine, "capacity_m3d", "50");
  g_assert_false (ledger_store_save_if_unchanged (f->db, mine, original, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  stored = ledger_store_get (f->db, LEDGER_KIND_FACILITIES, saved->uid, 0, NULL);
  g_assert_cmpstr (ledger_record_get (stored, "status"), ==, "stopped");
  g_assert_cmpstr (ledger_record_get (stored, "capacity_m3d"), ==, "30");
  g_clear_error (&error);
  /* edited again from the fresh state, it saves */
  g_clear_pointer (&mine, ledger_record_free);
  mine = ledger_record_copy (stored);
  ledger_record_set (mine, "capacity_m3d", "50");
  g_assert_true (ledger_store_save_if_unchanged (f->db, mine, stored, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/facility/insert-update", test_facility_insert_update);
  ADD ("/store/rejected-writes-nothing", test_rejected_writes_nothing);
  ADD ("/store/farm/years", test_farm_years);
  ADD ("/store/farm/utilised-exceeds-produced", test_farm_utilised_exceeds_produced);
  ADD ("/store/village-sewage", test_village_sewage);
  ADD ("/store/delete-restore", test_delete_and_restore);
  ADD ("/store/subjects", test_sample_subject_and_dedup);
  ADD ("/store/remove-demo", test_remove_demo);
  ADD ("/store/outside-county-warns", test_outside_county_warns);
  ADD ("/store/conflict", test_conflict);
  return g_test_run ();
}
