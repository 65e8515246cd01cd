/* test-import.c: importing CSV and GeoJSON, all or nothing, and round trips */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-test-db.h"
#include "ledger-db-private.h"
#include "ledger-error.h"
#include "ledger-export.h"
#include "ledger-import.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

#define VILLAGE   "512022101203"
#define VILLAGE2  "512022102201"
#define COMMUNITY "512022101001"

#define FACILITIES_CSV \
  "编号,名称,类型,行政村代码,运行状态,设计规模(吨/日),经度,纬度\r\n" \
  "F1,一号站,村级集中处理站," VILLAGE ",正常运行,30,105.1,30.3\r\n" \
  "F2,二号站,village_station," VILLAGE2 ",stopped,\"1,200\",105.2,30.2\r\n"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static const char regions_sql[] =
  "INSERT INTO regions (code, name, kind, parent) VALUES"
  " ('512022', '乐至县', 'county', NULL),"
  " ('512022101', '中天镇', 'township', '512022'),"
  " ('512022102', '佛星镇', 'township', '512022'),"
  " ('" VILLAGE "', '试验村', 'village', '512022101'),"
  " ('" VILLAGE2 "', '二村', 'village', '512022102'),"
  " ('" COMMUNITY "', '试验社区', 'community', '512022101')";

static LedgerDb *
new_ledger (const char *dir,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  LedgerDb *db = ledger_db_open (path, LEDGER_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ledger_db_exec (db, regions_sql, &error));
  return db;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("test-import-XXXXXX", NULL);
  f->db = new_ledger (f->dir, "ledger.db");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static int
count_rows (LedgerDb   *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static LedgerImportReport *
import (LedgerDb   *db,
        LedgerKind  kind,
        const char *text,
        gboolean    dry_run,
        gboolean    valid_only)
{
  LedgerImportOptions options = { .dry_run = dry_run, .valid_only = valid_only };
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_text (db, kind, text, "t.csv", &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_imported (LedgerDb *db, LedgerKind kind, const char *text, guint n)
{
  g_autoptr (LedgerImportReport) report = import (db, kind, text, FALSE, FALSE);

  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = ledger_import_format_problem (report, g_ptr_array_index (report->problems, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, n);
}

/* ---- all or nothing ---- */

static void
test_last_line_bad (Fixture *f, gconstpointer data)
{
  const char *text = FACILITIES_CSV "F3,三号站,村级集中处理站," VILLAGE ",坏了,30,105.1,30.3\r\n";
  int audit_before = count_rows (f->db, "audit");
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rows, ==, 3);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_nonnull (strstr (problems, "t.csv:4:5: "));
  g_assert_nonnull (strstr (problems, "坏了"));
  g_assert_cmpint (count_rows (f->db, "facilities"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "audit"), ==, audit_before);
}

static void
test_valid_only (Fixture *f, gconstpointer data)
{
  const char *text = FACILITIES_CSV "F3,三号站,村级集中处理站,512022999999,正常运行,30,105.1,30.3\r\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, TRUE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_nonnull (strstr (problems, "t.csv:4:4: "));
  g_assert_cmpint (count_rows (f->db, "facilities"), ==, 2);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, TRUE, FALSE);

  g_assert_cmpuint (report->n_rows, ==, 2);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_cmpint (count_rows (f->db, "facilities"), ==, 0);
}

static void
test_duplicate_rows (Fixture *f, gconstpointer data)
{
  const char *text = FACILITIES_CSV "F1,又一号站,村级集中处理站," VILLAGE ",正常运行,30,,\r\n";
  const char *farms = "code,name,village_code,species,year,stock\n"
                      "L1,猪场," VILLAGE ",pig,2020,100\nL1,猪场," VILLAGE ",pig,2021,120\n"
                      "L1,猪场," VILLAGE ",pig,2020,130\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, FALSE);
  g_autoptr (LedgerImportReport) farm_report = import (f->db, LEDGER_KIND_FARMS, farms, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_nonnull (strstr (problems, "t.csv:4:1: "));
  g_assert_cmpuint (farm_report->n_rejected, ==, 1);
  g_assert_cmpuint (farm_report->n_written, ==, 0);
}

/* ---- encodings ---- */

static void
import_file_bytes (Fixture *f, const char *bytes, gsize len, const char *expected_encoding)
{
  g_autofree char *path = g_build_filename (f->dir, "in.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (LedgerRecord) record = NULL;

  g_assert_true (g_file_set_contents (path, bytes, len, &error));
  report = ledger_import_file (f->db, LEDGER_KIND_FACILITIES, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_nonnull (strstr (report->file_name, "in.csv"));
  if (expected_encoding)
    g_assert_cmpstr (report->encoding, ==, expected_encoding);
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F2");
  g_assert_cmpstr (ledger_record_get (record, "name"), ==, "二号站");
  g_assert_cmpstr (ledger_record_get (record, "capacity_m3d"), ==, "1200");
}

static void
test_gbk (Fixture *f, gconstpointer data)
{
  gsize len = 0;
  g_autofree char *gbk = g_convert (FACILITIES_CSV, -1, "GBK", "UTF-8", NULL, &len, NULL);

  g_assert_nonnull (gbk);
  import_file_bytes (f, gbk, len, "GB18030");
}

static void
test_bom (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", FACILITIES_CSV, NULL);

  import_file_bytes (f, text, strlen (text), NULL);
}

/* ---- headers ---- */

static void
test_headers_any_order (Fixture *f, gconstpointer data)
{
  const char *text = " status ,名称,village_code,类型,code\n正常运行,甲站," VILLAGE ",household_unit,A1\n";
  g_autoptr (LedgerRecord) record = NULL;

  assert_imported (f->db, LEDGER_KIND_FACILITIES, text, 1);
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "A1");
  g_assert_cmpstr (ledger_record_get (record, "kind"), ==, "household_unit");
  g_assert_cmpstr (ledger_record_get (record, "status"), ==, "normal");
}

static void
test_unknown_column (Fixture *f, gconstpointer data)
{
  const char *text = "编号,名称,类型,行政村代码,运行状态,颜色\nA1,甲站,村级集中处理站," VILLAGE ",正常运行,红\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);
  LedgerProblem *problem = g_ptr_array_index (report->problems, 0);

  g_assert_cmpuint (report->n_written, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_true (problem->warning);
  g_assert_nonnull (strstr (problems, "t.csv:1:6: "));
  g_assert_nonnull (strstr (problems, "颜色"));
}

static void
test_missing_column (Fixture *f, gconstpointer data)
{
  const char *text = "编号,名称,行政村代码,运行状态\nA1,甲站," VILLAGE ",正常运行\nA2,乙站," VILLAGE ",正常运行\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, TRUE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_nonnull (strstr (problems, "t.csv:1: "));
  g_assert_nonnull (strstr (problems, "类型"));
  g_assert_cmpint (count_rows (f->db, "facilities"), ==, 0);
}

static void
test_duplicate_column (Fixture *f, gconstpointer data)
{
  const char *text = "编号,名称,类型,行政村代码,运行状态,name\nA1,甲站,村级集中处理站," VILLAGE ",正常运行,乙站\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_nonnull (strstr (problems, "t.csv:1:6: "));
}

static void
test_ragged_rows (Fixture *f, gconstpointer data)
{
  const char *text = "编号,名称,类型,行政村代码,运行状态\nA1,甲站,村级集中处理站," VILLAGE ",正常运行,多余\n";
  const char *shorter = "编号,名称,类型,行政村代码,运行状态,工艺\nA1,甲站,村级集中处理站," VILLAGE ",正常运行\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FACILITIES, text, FALSE, FALSE);
  g_autoptr (LedgerImportReport) short_report = import (f->db, LEDGER_KIND_FACILITIES, shorter, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_nonnull (strstr (problems, "t.csv:2:6: "));
  g_assert_cmpuint (short_report->n_written, ==, 1);
  g_assert_true (((LedgerProblem *) g_ptr_array_index (short_report->problems, 0))->warning);
}

/* ---- updates ---- */

static void
test_update_keeps_absent_columns (Fixture *f, gconstpointer data)
{
  const char *full = "行政村代码,户数,治理方式,覆盖户数,完成年份\n" VILLAGE ",100,集中处理,80,2019\n";
  const char *partial = "行政村代码,户数\n" VILLAGE ",120\n";
  const char *farm = "code,name,village_code,species,year,stock,manure_produced_t\n"
                     "L1,猪场," VILLAGE ",pig,2020,100,500\n";
  const char *farm_update = "编号,名称,行政村代码,畜种,统计年度,粪污利用量(吨/年)\n"
                            "L1,猪场," VILLAGE ",生猪,2020,450\n";
  g_autoptr (LedgerRecord) village = NULL;
  g_autoptr (LedgerRecord) record = NULL;

  assert_imported (f->db, LEDGER_KIND_VILLAGES, full, 1);
  assert_imported (f->db, LEDGER_KIND_VILLAGES, partial, 1);
  village = ledger_store_get (f->db, LEDGER_KIND_VILLAGES, VILLAGE, 0, NULL);
  g_assert_cmpstr (ledger_record_get (village, "households"), ==, "120");
  g_assert_cmpstr (ledger_record_get (village, "mode"), ==, "centralised");
  g_assert_cmpstr (ledger_record_get (village, "covered_households"), ==, "80");
  g_assert_cmpstr (ledger_record_get (village, "year_done"), ==, "2019");

  assert_imported (f->db, LEDGER_KIND_FARMS, farm, 1);
  assert_imported (f->db, LEDGER_KIND_FARMS, farm_update, 1);
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FARMS, "L1");
  g_assert_cmpstr (ledger_record_get (record, "name"), ==, "猪场");
  g_assert_cmpstr (ledger_record_get (record, "stock"), ==, "100");
  g_assert_cmpstr (ledger_record_get (record, "manure_utilised_t"), ==, "450");
  g_assert_cmpint (count_rows (f->db, "farms"), ==, 1);
}

static void
test_cross_field_problem_column (Fixture *f, gconstpointer data)
{
  const char *text = "code,name,village_code,species,year,stock,manure_produced_t,manure_utilised_t\n"
                     "L1,猪场," VILLAGE ",pig,2020,100,500,600\n";
  g_autoptr (LedgerImportReport) report = import (f->db, LEDGER_KIND_FARMS, text, FALSE, FALSE);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_nonnull (strstr (problems, "t.csv:2:8: "));
}

/* ---- every kind, and round trips ---- */

static const char *const every_kind[LEDGER_N_KINDS] = {
  "行政村代码,名称,户数,常住人口,经度,纬度,治理方式,覆盖户数,完成年份,备注\n"
  VILLAGE ",试验村,300,1000,105.1,30.3,集中处理,200,2021,\"有,逗号\"\n"
  VILLAGE2 ",二村,200,800,,,未治理,,,\n",
  FACILITIES_CSV,
  "编号,名称,经营主体,行政村代码,畜种,经度,纬度,统计年度,存栏,年出栏,粪污处理设施配套,粪污产生量(吨/年),粪污利用量(吨/年),利用方式\n"
  "L1,猪场,张三," VILLAGE ",生猪,105.1,30.3,2020,500,900,是,,800,还田\n"
  "L1,猪场,张三," VILLAGE ",生猪,105.1,30.3,2021,600,1000,是,1200,1100,有机肥\n"
  "L2,羊场,,\"" VILLAGE2 "\",羊,,,2021,300,400,否,300,250,\n",
  "code,name,kind,village_code,length_m,area_m2,causes,measures,responsible,status,due,completed_on,lon,lat\n"
  "W1,臭水塘,pond," VILLAGE ",,2500,生活污水,清淤,李四,completed,2021/6/30,2021年7月1日,105.1,30.31\n",
  "对象编号,采样日期,透明度(cm),水深(cm),溶解氧(mg/L),氧化还原电位(mV),氨氮(mg/L),化学需氧量(mg/L),总磷(mg/L),悬浮物(mg/L),pH\n"
  "W1,2021-08-01,20,30,1.5,-100,16,,,,7.2\nF1,2021-08-02,,,,,3,40,0.4,8,7\n",
  "对象编号,日期,检查人,结论,问题描述\nF1,2021-09-01,王五,发现问题,\"格栅堵塞\n需清理\"\n" VILLAGE ",2021-09-02,王五,正常,\n",
};

static const guint every_kind_rows[LEDGER_N_KINDS] = { 2, 2, 3, 1, 2, 2 };

static void
import_every_kind (LedgerDb *db)
{
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    assert_imported (db, k, every_kind[k], every_kind_rows[k]);
}

static void
test_every_kind (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerRecord) sample = NULL;
  g_autoptr (GPtrArray) samples = NULL;

  import_every_kind (f->db);
  g_assert_cmpint (count_rows (f->db, "farm_years"), ==, 3);
  samples = ledger_store_load (f->db, LEDGER_KIND_SAMPLES, NULL, NULL);
  g_assert_cmpuint (samples->len, ==, 2);
  sample = ledger_test_get_by_code (f->db, LEDGER_KIND_WATER_BODIES, "W1");
  g_assert_cmpstr (ledger_record_get (sample, "completed_on"), ==, "2021-07-01");
}

static void
assert_same_records (LedgerDb *a, LedgerDb *b, LedgerKind kind)
{
  g_autoptr (GPtrArray) ra = ledger_store_load (a, kind, NULL, NULL);
  g_autoptr (GPtrArray) rb = ledger_store_load (b, kind, NULL, NULL);

  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      LedgerRecord *x = g_ptr_array_index (ra, i);
      LedgerRecord *y = g_ptr_array_index (rb, i);
      for (guint j = 0; j < x->n_values; j++)
        g_assert_cmpstr (x->values[j], ==, y->values[j]);
    }
}

static void
round_trip (Fixture *f, LedgerHeaderStyle style, const char *name)
{
  g_autoptr (LedgerDb) copy = new_ledger (f->dir, name);

  import_every_kind (f->db);
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s-%s.csv", f->dir, name, ledger_kind_to_key (k));
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerImportReport) report = NULL;

      g_assert_true (ledger_export_csv (f->db, k, path, style, 0, NULL, &error));
      g_assert_no_error (error);
      report = ledger_import_file (copy, k, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_rejected, ==, 0);
      g_assert_cmpuint (report->problems->len, ==, 0);
    }
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    assert_same_records (f->db, copy, k);
}

static void
test_round_trip_zh (Fixture *f, gconstpointer data)
{
  round_trip (f, LEDGER_HEADER_ZH, "copy-zh.db");
}

static void
test_round_trip_keys (Fixture *f, gconstpointer data)
{
  round_trip (f, LEDGER_HEADER_KEYS, "copy-keys.db");
}

static void
test_geojson (Fixture *f, gconstpointer data)
{
  const char *text =
    "{\"type\": \"FeatureCollection\", \"features\": ["
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [105.05, 30.25]},"
    "  \"properties\": {\"code\": \"F9\", \"名称\": \"点站\", \"kind\": \"village_station\","
    "   \"village_code\": \"" VILLAGE "\", \"status\": \"normal\", \"capacity_m3d\": 12.5, \"households_served\": 40}},"
    " {\"type\": \"Feature\", \"geometry\": null,"
    "  \"properties\": {\"code\": \"F10\", \"名称\": \"坏站\", \"kind\": \"village_station\","
    "   \"village_code\": \"" VILLAGE "\", \"status\": \"broken\"}}]}";
  LedgerImportOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "p.geojson",
                                                              &options, &error);
  g_autofree char *problems = ledger_test_problems_text (report);
  g_autoptr (LedgerRecord) record = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_nonnull (strstr (problems, "p.geojson:2: "));
  options.valid_only = TRUE;
  g_clear_pointer (&report, ledger_import_report_free);
  report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "p.geojson", &options, &error);
  g_assert_cmpuint (report->n_written, ==, 1);
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F9");
  g_assert_cmpstr (ledger_record_get (record, "lon"), ==, "105.05");
  g_assert_cmpstr (ledger_record_get (record, "capacity_m3d"), ==, "12.5");
}

static void
test_demo_flag (Fixture *f, gconstpointer data)
{
  LedgerImportOptions options = { .as_demo = TRUE };
  g_autoptr (LedgerImportReport) report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV,
                                                              "t.csv", &options, NULL);
  g_autoptr (LedgerRecord) record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F1");

  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_true (record->is_demo);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import/all-or-nothing/last-line-bad", test_last_line_bad);
  ADD ("/import/all-or-nothing/valid-only", test_valid_only);
  ADD ("/import/all-or-nothing/dry-run", test_dry_run);
  ADD ("/import/all-or-nothing/duplicate-rows", test_duplicate_rows);
  ADD ("/import/encoding/gbk", test_gbk);
  ADD ("/import/encoding/bom", test_bom);
  ADD ("/import/header/any-order", test_headers_any_order);
  ADD ("/import/header/unknown", test_unknown_column);
  ADD ("/import/header/missing", test_missing_column);
  ADD ("/import/header/duplicate", test_duplicate_column);
  ADD ("/import/rows/ragged", test_ragged_rows);
  ADD ("/import/update/keeps-absent-columns", test_update_keeps_absent_columns);
  ADD ("/import/check/cross-field-column", test_cross_field_problem_column);
  ADD ("/import/every-kind", test_every_kind);
  ADD ("/import/round-trip/zh", test_round_trip_zh);
  ADD ("/import/round-trip/keys", test_round_trip_keys);
  ADD ("/import/geojson", test_geojson);
  ADD ("/import/demo-flag", test_demo_flag);
#undef ADD

  return g_test_run ();
}
