/* test-import-engine.c: what an import means (issue 5): column matching and
 * the kind guessed, coordinates (CRS, DMS, swapped, outside China, outside
 * the county), updates and unchanged rows, one audit batch per import,
 * cancellation, the rejected rows as CSV, water-body geometry */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ledger-test-db.h"
#include "ledger-db-private.h"
#include "ledger-coords.h"
#include "ledger-error.h"
#include "ledger-export.h"
#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

#define VILLAGE  LEDGER_TEST_VILLAGE
#define VILLAGE2 LEDGER_TEST_VILLAGE2

#define FACILITIES_CSV \
  "编号,名称,类型,行政村代码,运行状态,设计规模(吨/日),经度,纬度\r\n" \
  "F1,一号站,村级集中处理站," VILLAGE ",正常运行,30,105.1,30.3\r\n" \
  "F2,二号站,village_station," VILLAGE2 ",stopped,\"1,200\",105.2,30.2\r\n"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db = ledger_test_new_two_village_ledger ("test-import-engine", &f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static int
count_sql (LedgerDb   *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static LedgerTable *
table_from (const char *text,
            const char *file_name)
{
  g_autoptr (GError) error = NULL;
  LedgerTable *table = ledger_table_read_bytes (text, strlen (text), file_name, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static LedgerImportReport *
import_with (LedgerDb                  *db,
             LedgerKind                 kind,
             const char                *text,
             const char                *file_name,
             const LedgerImportOptions *options)
{
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_text (db, kind, text, file_name, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = ledger_import_format_problem (report, g_ptr_array_index (report->problems, i));
      g_test_message ("%s", line);
    }
  return report;
}

static double
stored_double (LedgerDb *db, LedgerKind kind, const char *code, const char *key)
{
  g_autoptr (LedgerRecord) record = ledger_test_get_by_code (db, kind, code);

  g_assert_nonnull (record);
  return ledger_record_get_double (record, key, NAN);
}

/* ---- columns ---- */

static void
assert_matches (LedgerKind kind, const char *header_line, const char * const *expected_keys)
{
  g_autoptr (LedgerTable) table = table_from (header_line, "h.csv");
  guint n_columns = 0;
  g_autofree int *fields = ledger_import_match_columns (kind, table, &n_columns);
  const LedgerField *kind_fields = ledger_kind_fields (kind, NULL);

  g_assert_cmpuint (n_columns, ==, g_strv_length ((char **) expected_keys));
  for (guint i = 0; i < n_columns; i++)
    {
      g_test_message ("%s column %u: expected %s", ledger_kind_to_key (kind), i + 1, expected_keys[i]);
      if (*expected_keys[i] == '\0')
        g_assert_cmpint (fields[i], ==, -1);
      else if (g_str_equal (expected_keys[i], "(serial)"))
        g_assert_cmpint (fields[i], ==, LEDGER_TARGET_SERIAL);
      else
        {
          g_assert_cmpint (fields[i], >=, 0);
          g_assert_cmpstr (kind_fields[fields[i]].key, ==, expected_keys[i]);
        }
    }
}

static void
test_match_variants (void)
{
  static const char * const villages[] = { "village_code", "name", "households", "lon", "lat", "mode", "(serial)", NULL };
  static const char * const facilities[] = { "name", "capacity_m3d", "village_code", "kind", "status",
                                             "commissioned", "households_served", NULL };
  static const char * const farms[] = { "name", "village_code", "species", "stock", "annual_output", "lon", "lat",
                                        "manure_produced_t", "year", NULL };
  static const char * const keys[] = { "code", "name", "kind", "village_code", "status", "lon", "lat", NULL };

  assert_matches (LEDGER_KIND_VILLAGES, "行政村代码,村名,户数（户）,东经,北纬 ,治理模式,序号\n", villages);
  assert_matches (LEDGER_KIND_FACILITIES,
                  "设施名称,设计处理能力(m³/d),所属行政村代码,设施类型,运行情况,投运时间,受益户数\n", facilities);
  assert_matches (LEDGER_KIND_FARMS,
                  "养殖场名称,所属行政村代码,畜种,存栏量(头),年出栏量（头）,经度(°),纬度(°),粪污产生量(吨),年度\n", farms);
  /* English keys in any case, full-width letters and brackets, a "*" for required */
  assert_matches (LEDGER_KIND_FACILITIES, "CODE,*name,ｋｉｎｄ,Village_Code,status [必填],X,Y\n", keys);
}

static void
test_match_variants_short (void)
{
  static const char * const samples[] = { "subject_code", "date", "cod_mgl", "nh3n_mgl", "ph", NULL };
  static const char * const farms[] = { "stock", "stock", NULL };

  assert_matches (LEDGER_KIND_SAMPLES, "对象编号,监测日期,COD(mg/L),NH3-N,pH值\n", samples);
  /* two columns for one field: both returned, the import reports the second */
  assert_matches (LEDGER_KIND_FARMS, "存栏数,存栏量(头)\n", farms);
}

static void
test_guess_kind (void)
{
  static const struct { const char *header; LedgerKind kind; } cases[] = {
    { "养殖场名称,所属行政村代码,畜种,存栏量(头),经度,纬度\n", LEDGER_KIND_FARMS },
    { "编号,设施名称,设施类型,行政村代码,运行状态,处理规模\n", LEDGER_KIND_FACILITIES },
    { "水体名称,类型,行政村代码,治理状态,面积\n", LEDGER_KIND_WATER_BODIES },
    { "行政村代码,村名,户数,治理方式,覆盖户数\n", LEDGER_KIND_VILLAGES },
    { "对象编号,采样日期,溶解氧(mg/L),氨氮\n", LEDGER_KIND_SAMPLES },
    { "对象编号,检查日期,检查人,检查结论\n", LEDGER_KIND_INSPECTIONS },
    { "姓名,电话,地址\n", LEDGER_N_KINDS },
    { "设施名称,设施类型\n", LEDGER_N_KINDS },   /* no village code: nothing has its required columns */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LedgerTable) table = table_from (cases[i].header, "g.csv");
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (ledger_import_guess_kind (table), ==, cases[i].kind);
    }
}

static void
test_mapping_by_hand (Fixture *f, gconstpointer data)
{
  /* headers nobody could match: the person says which is which */
  const char *text = "A,B,C,D,E,F\r\nH1,手选站,village_station," VILLAGE ",normal,备注\r\n";
  const int mapping[] = { 0, 1, 2, 3, 9, -1 };
  LedgerImportOptions options = { .column_fields = mapping, .n_column_fields = G_N_ELEMENTS (mapping) };
  g_autoptr (LedgerImportReport) automatic = import_with (f->db, LEDGER_KIND_FACILITIES, text, "m.csv", NULL);
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (LedgerRecord) record = NULL;

  g_assert_cmpuint (automatic->n_written, ==, 0);   /* required columns missing */
  report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "m.csv", &options);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 0);   /* an ignored column is no "unknown column" */
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "H1");
  g_assert_cmpstr (ledger_record_get (record, "status"), ==, "normal");
}

static void
test_officer_sheet (Fixture *f, gconstpointer data)
{
  /* an officer's own farm sheet: variants, units in brackets, full-width brackets */
  const char *text =
    "序号,养殖场（户）名称,所属行政村代码,畜种,存栏量(头),年出栏量（头）,年度\r\n"
    "1,张三养殖场," VILLAGE ",生猪,320,600,2024\r\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FARMS, text, "o.csv", NULL);
  g_autoptr (GPtrArray) farms = ledger_store_load (f->db, LEDGER_KIND_FARMS, &(LedgerLoadOptions) { .year = 2024 }, NULL);
  LedgerRecord *farm;

  g_assert_cmpuint (report->n_written, ==, 1);
  g_assert_cmpuint (farms->len, ==, 1);
  farm = g_ptr_array_index (farms, 0);
  g_assert_cmpstr (ledger_record_get (farm, "stock"), ==, "320");
  g_assert_cmpstr (ledger_record_get (farm, "annual_output"), ==, "600");
}

/* ---- coordinates ---- */

static void
test_crs (Fixture *f, gconstpointer data)
{
  /* Tiananmen as published: WGS-84 116.391349, 39.907375; Gaode (GCJ-02)
   * 116.397590, 39.908776; Baidu (BD-09) 116.404, 39.915 */
  static const struct { LedgerDatum crs; const char *lon, *lat; double tolerance; } cases[] = {
    { LEDGER_DATUM_GCJ02, "116.397590", "39.908776", 1e-4 },
    { LEDGER_DATUM_BD09, "116.404", "39.915", 1e-3 },
    { LEDGER_DATUM_WGS84, "116.391349", "39.907375", 1e-12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autofree char *text = g_strdup_printf ("编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
                                               "%s,天安门站,village_station," VILLAGE ",normal,%s,%s\n",
                                               code, cases[i].lon, cases[i].lat);
      LedgerImportOptions options = { .crs = cases[i].crs };
      g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "c.csv", &options);
      double lon = stored_double (f->db, LEDGER_KIND_FACILITIES, code, "lon");
      double lat = stored_double (f->db, LEDGER_KIND_FACILITIES, code, "lat");
      double back_lon, back_lat;

      g_assert_cmpuint (report->n_written, ==, 1);
      g_assert_cmpfloat_with_epsilon (lon, 116.391349, cases[i].tolerance);
      g_assert_cmpfloat_with_epsilon (lat, 39.907375, cases[i].tolerance);
      /* and back to the file's system: round trip within 1e-5° */
      ledger_coords_from_wgs84 (cases[i].crs, lon, lat, &back_lon, &back_lat);
      g_assert_cmpfloat_with_epsilon (back_lon, g_ascii_strtod (cases[i].lon, NULL), 1e-5);
      g_assert_cmpfloat_with_epsilon (back_lat, g_ascii_strtod (cases[i].lat, NULL), 1e-5);
    }
}

static void
test_dms (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
    "D1,度分秒站,village_station," VILLAGE ",normal,105°33'12.5\"E,30°16'30\"N\n"
    "D2,中文度分秒,village_station," VILLAGE ",normal,东经105度1分30秒,北纬30度16分30秒\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "d.csv", NULL);

  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_FACILITIES, "D1", "lon"),
                                  105 + 33 / 60.0 + 12.5 / 3600.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_FACILITIES, "D1", "lat"), 30.275, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_FACILITIES, "D2", "lon"), 105.025, 1e-9);
}

static void
test_swapped (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
    "S1,正常站,village_station," VILLAGE ",normal,105.1,30.3\n"
    "S2,颠倒站,village_station," VILLAGE ",normal,30.2,105.2\n"
    "S3,字母颠倒,village_station," VILLAGE ",normal,30°12'N,105°12'E\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "s.csv", NULL);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_written, ==, 3);
  g_assert_cmpfloat (stored_double (f->db, LEDGER_KIND_FACILITIES, "S2", "lon"), ==, 105.2);
  g_assert_cmpfloat (stored_double (f->db, LEDGER_KIND_FACILITIES, "S2", "lat"), ==, 30.2);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_FACILITIES, "S3", "lon"), 105.2, 1e-9);
  g_assert_nonnull (strstr (problems, "s.csv:3:6: warning: "));
  g_assert_nonnull (strstr (problems, "s.csv:4:6: warning: "));
  g_assert_null (strstr (problems, "s.csv:2:"));
}

static void
test_outside_china (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
    "P1,好站,village_station," VILLAGE ",normal,105.1,30.3\n"
    "P2,巴黎站,village_station," VILLAGE ",normal,2.3522,48.8566\n"
    "P3,不是坐标,village_station," VILLAGE ",normal,东边,30.3\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "x.csv", NULL);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 0);
  g_assert_nonnull (strstr (problems, "x.csv:3:6: "));
  g_assert_nonnull (strstr (problems, "x.csv:4:6: "));
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE entity <> 'regions'"), ==, 0);
}

static void
test_outside_county (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
    "Q1,乐至站,village_station," VILLAGE ",normal,105.03,30.28\n"
    "Q2,成都站,village_station," VILLAGE ",normal,104.06,30.67\n";
  g_autoptr (LedgerImportReport) report = NULL;
  g_autofree char *problems = NULL;

  g_assert_true (ledger_db_set_meta (f->db, "region_code", "512022", NULL));
  report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "y.csv", NULL);
  problems = ledger_test_problems_text (report);
  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_cmpuint (report->n_outside_county, ==, 1);
  g_assert_nonnull (strstr (problems, "y.csv:3:6: warning: "));
  g_assert_null (strstr (problems, "y.csv:2:"));
}

/* the summary's count agrees with the warnings listed, also on a rejected row */
static void
test_outside_county_rejected_row (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
    "Q1,乐至站,village_station," VILLAGE ",normal,105.03,30.28\n"
    "Q2,成都站,village_station,512022999999,normal,104.06,30.67\n";
  g_autoptr (LedgerImportReport) report = NULL;
  g_autofree char *problems = NULL;

  g_assert_true (ledger_db_set_meta (f->db, "region_code", "512022", NULL));
  report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "z.csv", NULL);
  problems = ledger_test_problems_text (report);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_nonnull (strstr (problems, "z.csv:3:6: warning: "));
  g_assert_cmpuint (report->n_outside_county, ==, 1);
}

/* ---- updates ---- */

static const LedgerImportAction *
action_for (const LedgerImportReport *report, const char *code)
{
  for (guint i = 0; i < report->actions->len; i++)
    {
      const LedgerImportAction *action = g_ptr_array_index (report->actions, i);
      if (g_strcmp0 (action->code, code) == 0)
        return action;
    }
  return NULL;
}

static void
test_update_preview (Fixture *f, gconstpointer data)
{
  const char *changed =
    "编号,名称,类型,行政村代码,运行状态,设计规模(吨/日),经度,纬度\r\n"
    "F1,一号站,村级集中处理站," VILLAGE ",停运,35,105.1,30.3\r\n"
    "F2,二号站,village_station," VILLAGE2 ",stopped,\"1,200\",105.2,30.2\r\n"
    "F3,三号站,village_station," VILLAGE2 ",normal,10,105.3,30.1\r\n";
  LedgerImportOptions dry = { .dry_run = TRUE };
  g_autoptr (LedgerImportReport) first = import_with (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, "t.csv", NULL);
  g_autoptr (LedgerImportReport) preview = NULL;
  const LedgerImportAction *action;

  g_assert_cmpuint (first->n_new, ==, 2);
  preview = import_with (f->db, LEDGER_KIND_FACILITIES, changed, "t2.csv", &dry);
  g_assert_cmpuint (preview->actions->len, ==, 3);
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_unchanged, ==, 1);
  action = action_for (preview, "F1");
  g_assert_true (action->is_update && !action->unchanged);
  g_assert_cmpuint (action->line, ==, 2);
  g_assert_cmpuint (g_strv_length (action->changed_fields), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) action->changed_fields, "status"));
  g_assert_true (g_strv_contains ((const char * const *) action->changed_fields, "capacity_m3d"));
  action = action_for (preview, "F2");
  g_assert_true (action->is_update && action->unchanged);
  action = action_for (preview, "F3");
  g_assert_false (action->is_update);
  g_assert_null (action->changed_fields);
  /* a dry run writes nothing */
  g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 2);
}

static void
test_reimport_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) first = import_with (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, "t.csv", NULL);
  int audit_rows = count_sql (f->db, "SELECT count(*) FROM audit");
  g_autoptr (LedgerImportReport) again = import_with (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, "t.csv", NULL);

  g_assert_cmpuint (first->n_written, ==, 2);
  g_assert_cmpint (audit_rows, >, 0);
  g_assert_cmpuint (again->n_rows, ==, 2);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpuint (again->n_written, ==, 0);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit_batches"), ==, 1);
}

/* the demo ledger's every kind, exported and imported back into itself */
static void
test_reimport_export_every_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-engine-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "512022", TRUE, &error);
  int audit_rows;

  g_assert_no_error (error);
  audit_rows = count_sql (db, "SELECT count(*) FROM audit");
  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, ledger_kind_to_key (kind));
      g_autoptr (LedgerImportReport) report = NULL;

      g_assert_true (ledger_export_csv (db, kind, csv, LEDGER_HEADER_ZH, 0, NULL, &error));
      report = ledger_import_file (db, kind, csv, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u rows, %u unchanged", ledger_kind_to_key (kind), report->n_rows, report->n_unchanged);
      g_assert_cmpuint (report->n_rows, >, 0);
      g_assert_cmpuint (report->n_rejected, ==, 0);
      g_assert_cmpuint (report->n_unchanged, ==, report->n_rows);
      g_assert_cmpuint (report->n_written, ==, 0);
    }
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

static void
test_audit_batch (Fixture *f, gconstpointer data)
{
  const char *update = "编号,名称,类型,行政村代码,运行状态\nF1,一号站,村级集中处理站," VILLAGE ",停运\n";
  g_autoptr (LedgerImportReport) first = import_with (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, "台账.csv", NULL);
  g_autoptr (LedgerImportReport) second = import_with (f->db, LEDGER_KIND_FACILITIES, update, "更新.csv", NULL);
  g_autoptr (GPtrArray) batches = ledger_import_batches (f->db, NULL);
  g_autoptr (LedgerRecord) f1 = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F1");
  g_autoptr (GPtrArray) history = ledger_store_history (f->db, f1->uid, NULL);
  g_autofree char *newest = NULL;
  LedgerAuditEntry *entry;

  g_assert_cmpuint (second->n_updated, ==, 1);
  g_assert_cmpuint (batches->len, ==, 2);
  newest = ledger_import_batch_describe (g_ptr_array_index (batches, 0));
  g_assert_nonnull (strstr (newest, "更新.csv"));
  g_assert_cmpuint (((LedgerImportBatch *) g_ptr_array_index (batches, 0))->n_updated, ==, 1);
  g_assert_cmpuint (((LedgerImportBatch *) g_ptr_array_index (batches, 1))->n_new, ==, 2);
  g_assert_cmpint (((LedgerImportBatch *) g_ptr_array_index (batches, 1))->kind, ==, LEDGER_KIND_FACILITIES);
  /* every audit row of the imports carries its batch; none is left open */
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE batch IS NULL AND entity <> 'regions'"), ==, 0);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->import_file, ==, "更新.csv");
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->import_file, ==, "台账.csv");
}

/* The store writes a new item's audit row itself (its insert trigger
 * silenced, issue 19): still exactly one row per new row, the trigger's
 * key, the import's batch; an update stays audited per field. */
static void
test_audit_new_rows (Fixture *f, gconstpointer data)
{
  const char *text =
    "名称,行政村代码,畜种,存栏,年度\r\n"
    "张三养殖场," VILLAGE ",生猪,320,2024\r\n"
    "李四养殖场," VILLAGE ",奶牛,40,2024\r\n";
  const char *update = "名称,行政村代码,畜种,存栏,年度\r\n张三养殖场," VILLAGE ",生猪,330,2024\r\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FARMS, text, "farms.csv", NULL);
  g_autoptr (LedgerImportReport) second = NULL;

  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'farms'"
                                     " AND batch IS NOT NULL AND entity_uid IN (SELECT uid FROM farms)"), ==, 2);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'farm_years'"
                                     " AND batch IS NOT NULL AND entity_uid IN"
                                     " (SELECT farm_uid || '/' || year FROM farm_years)"), ==, 2);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE entity IN ('farms', 'farm_years')"), ==, 4);
  g_assert_cmpint (count_sql (f->db, "SELECT count(DISTINCT uid) FROM audit"), ==,
                   count_sql (f->db, "SELECT count(*) FROM audit"));

  second = import_with (f->db, LEDGER_KIND_FARMS, update, "update.csv", NULL);
  g_assert_cmpuint (second->n_updated, ==, 1);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE entity = 'farm_years' AND action = 'update'"
                                     " AND field = 'stock' AND old_value = '320' AND new_value = '330'"), ==, 1);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE action = 'insert'"
                                     " AND entity IN ('farms', 'farm_years')"), ==, 4);
}

/* Outside an import (the editor's save) a new item gets its one audit row too. */
static void
test_audit_new_item_saved (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
  g_autoptr (GError) error = NULL;

  ledger_record_set (farm, "name", "王五养殖场");
  ledger_record_set (farm, "village_code", VILLAGE);
  ledger_record_set (farm, "species", "pig");
  ledger_record_set (farm, "year", "2025");
  ledger_record_set (farm, "stock", "12");
  g_assert_true (ledger_store_save (f->db, farm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'farms'"
                                     " AND batch IS NULL AND entity_uid IN (SELECT uid FROM farms)"), ==, 1);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'farm_years'"
                                     " AND entity_uid IN (SELECT farm_uid || '/2025' FROM farm_years)"), ==, 1);
}

static void
test_edit_outside_import_has_no_batch (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) first = import_with (f->db, LEDGER_KIND_FACILITIES, FACILITIES_CSV, "t.csv", NULL);
  g_autoptr (LedgerRecord) f1 = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F1");
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;

  ledger_record_set (f1, "status", "faulty");
  g_assert_true (ledger_store_save (f->db, f1, &error));
  history = ledger_store_history (f->db, f1->uid, NULL);
  g_assert_null (((LedgerAuditEntry *) g_ptr_array_index (history, 0))->import_file);
}

/* ---- cancellation ---- */

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         calls;
} CancelAt;

static void
cancel_at_cb (double fraction, gpointer user_data)
{
  CancelAt *c = user_data;

  g_assert_cmpfloat (fraction, >=, c->last);
  c->last = fraction;
  c->calls++;
  if (fraction >= c->cancel_at)
    g_cancellable_cancel (c->cancellable);
}

static char *
many_facilities (guint n)
{
  GString *text = g_string_new ("编号,名称,类型,行政村代码,运行状态\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "M%u,站%u,village_station," VILLAGE ",normal\n", i, i);
  return g_string_free (text, FALSE);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *text = many_facilities (5000);
  const double cancel_points[] = { 0.3, 0.95 };   /* in the check pass, in the write pass */

  for (guint i = 0; i < G_N_ELEMENTS (cancel_points); i++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      CancelAt c = { cancellable, cancel_points[i], 0, 0 };
      LedgerImportOptions options = { .progress = cancel_at_cb, .progress_data = &c, .cancellable = cancellable };
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerImportReport) report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "m.csv",
                                                                  &options, &error);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (report);
      g_assert_cmpuint (c.calls, >=, 2);
      g_assert_cmpuint (ledger_store_count (f->db, LEDGER_KIND_FACILITIES), ==, 0);
      g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit WHERE entity <> 'regions'"), ==, 0);
      g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM audit_batches"), ==, 0);
      g_assert_false (ledger_db_in_transaction (f->db));
    }
}

static void
test_progress_reaches_end (Fixture *f, gconstpointer data)
{
  g_autofree char *text = many_facilities (2500);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  CancelAt c = { cancellable, 2.0, 0, 0 };
  LedgerImportOptions options = { .progress = cancel_at_cb, .progress_data = &c, .cancellable = cancellable };
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "m.csv", &options);

  g_assert_cmpuint (report->n_written, ==, 2500);
  g_assert_cmpfloat (c.last, ==, 1.0);
  g_assert_cmpuint (c.calls, >=, 4);
}

/* ---- formulas and the rejected rows ---- */

static void
test_formula_text (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,运维单位\n"
    "E1,'=SUM(A1:A3),village_station," VILLAGE ",normal,\"=cmd|' /C calc'!A0\"\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "e.csv", NULL);
  g_autoptr (LedgerRecord) record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "E1");

  g_assert_cmpuint (report->n_written, ==, 1);
  g_assert_cmpstr (ledger_record_get (record, "name"), ==, "=SUM(A1:A3)");
  g_assert_cmpstr (ledger_record_get (record, "operator"), ==, "=cmd|' /C calc'!A0");
}

/* exported with an apostrophe, so that Excel never runs it; imported back unchanged */
static void
test_formula_round_trip (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,运维单位,工艺\n"
    "E1,@SUM(1+1),village_station," VILLAGE ",normal,\"=cmd|' /C calc'!A0\",-A/O-\n";
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_FACILITIES, text, "e.csv", NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (LedgerImportReport) again = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (report->n_written, ==, 1);
  g_assert_true (ledger_export_csv_text (f->db, LEDGER_KIND_FACILITIES, LEDGER_HEADER_ZH, 0, NULL, csv, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv->str, ",'@SUM(1+1),"));
  g_assert_nonnull (strstr (csv->str, "'=cmd|"));
  g_assert_nonnull (strstr (csv->str, "'-A/O-"));
  g_assert_null (strstr (csv->str, ",=cmd"));
  again = import_with (f->db, LEDGER_KIND_FACILITIES, csv->str, "export.csv", NULL);
  g_assert_cmpuint (again->n_unchanged, ==, 1);
}

static void
test_write_rejected (Fixture *f, gconstpointer data)
{
  const char *text =
    "编号,名称,类型,行政村代码,运行状态,运维单位\r\n"
    "R1,好站,village_station," VILLAGE ",normal,\r\n"
    "R2,坏站,village_station," VILLAGE ",坏了,=cmd|' /C calc'!A0\r\n"
    "R3,无村,village_station,512022999999,normal,-5\r\n";
  g_autoptr (LedgerTable) table = table_from (text, "r.csv");
  LedgerImportOptions options = { .dry_run = TRUE };
  g_autoptr (LedgerImportReport) report = ledger_import_table (f->db, LEDGER_KIND_FACILITIES, table, &options, NULL);
  g_autofree char *path = g_build_filename (f->dir, "rejected.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) back = NULL;
  LedgerCsvRow *row;

  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_true (ledger_import_write_rejected (table, report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF编号,名称,类型,行政村代码,运行状态,运维单位,Problems"));
  g_assert_null (strstr (contents, "R1"));
  g_assert_nonnull (strstr (contents, "'=cmd|"));   /* never a formula in Excel */
  back = ledger_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->rows->len, ==, 3);
  row = g_ptr_array_index (back->rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "R2");
  g_assert_nonnull (strstr (row->cells[6], "坏了"));
  row = g_ptr_array_index (back->rows, 2);
  g_assert_cmpstr (row->cells[5], ==, "-5");   /* a number stays a number */
  g_assert_nonnull (strstr (row->cells[6], "512022999999"));
}

/* ---- water-body geometry ---- */

#define WATER_GEOJSON \
  "{\"type\": \"FeatureCollection\", \"features\": [" \
  " {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\"," \
  "   \"coordinates\": [[105.00, 30.20], [105.01, 30.21], [105.02, 30.21]]}," \
  "  \"properties\": {\"编号\": \"W1\", \"名称\": \"一号沟\", \"类型\": \"沟渠\", \"行政村代码\": \"" VILLAGE "\"," \
  "   \"治理状态\": \"治理中\"}}," \
  " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\"," \
  "   \"coordinates\": [[[105.0, 30.0], [105.002, 30.0], [105.002, 30.002], [105.0, 30.002], [105.0, 30.0]]]}," \
  "  \"properties\": {\"编号\": \"W2\", \"名称\": \"二号塘\", \"类型\": \"坑塘\", \"行政村代码\": \"" VILLAGE "\"," \
  "   \"治理状态\": \"未启动\"}}," \
  " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [105.1, 30.1]}," \
  "  \"properties\": {\"编号\": \"W3\", \"名称\": \"三号河\", \"类型\": \"河流\", \"行政村代码\": \"" VILLAGE "\"," \
  "   \"治理状态\": \"已验收\"}}]}"

static void
test_geometry (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_WATER_BODIES, WATER_GEOJSON, "w.geojson", NULL);
  g_autoptr (LedgerImportReport) again = NULL;
  g_autofree char *exported = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 3);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM water_bodies WHERE geometry LIKE '{\"type\":\"LineString\"%'"), ==, 1);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM water_bodies WHERE geometry LIKE '{\"type\":\"Polygon\"%'"), ==, 1);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM water_bodies WHERE geometry IS NULL"), ==, 1);
  /* a point on the line (its middle vertex), in the square (its centre) */
  g_assert_cmpfloat (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "W1", "lon"), ==, 105.01);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "W2", "lon"), 105.001, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "W2", "lat"), 30.001, 1e-9);
  g_assert_cmpfloat (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "W3", "lon"), ==, 105.1);

  again = import_with (f->db, LEDGER_KIND_WATER_BODIES, WATER_GEOJSON, "w.geojson", NULL);
  g_assert_cmpuint (again->n_unchanged, ==, 3);

  exported = ledger_export_geojson_text (f->db, LEDGER_KIND_WATER_BODIES, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "LineString"));
  g_assert_nonnull (strstr (exported, "Polygon"));
}

/* a feature without geometry updates the item's properties, not its location */
static void
test_feature_without_geometry_keeps_point (Fixture *f, gconstpointer data)
{
  const char *text =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": null,"
    "  \"properties\": {\"编号\": \"W3\", \"名称\": \"三号河\", \"类型\": \"河流\", \"行政村代码\": \"" VILLAGE "\","
    "   \"治理状态\": \"治理中\"}}]}";
  g_autoptr (LedgerImportReport) first = import_with (f->db, LEDGER_KIND_WATER_BODIES, WATER_GEOJSON, "w.geojson", NULL);
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_WATER_BODIES, text, "n.geojson", NULL);
  const LedgerImportAction *action = g_ptr_array_index (report->actions, 0);

  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (g_strv_length (action->changed_fields), ==, 1);
  g_assert_cmpstr (action->changed_fields[0], ==, "status");
  g_assert_cmpfloat (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "W3", "lon"), ==, 105.1);
}

static void
test_geometry_crs_and_bad (Fixture *f, gconstpointer data)
{
  const char *text =
    "{\"type\": \"FeatureCollection\", \"features\": ["
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"MultiLineString\","
    "   \"coordinates\": [[[105.00, 30.20], [105.01, 30.21]], [[105.03, 30.2], [105.04, 30.2]]]},"
    "  \"properties\": {\"编号\": \"G1\", \"名称\": \"一号沟\", \"类型\": \"沟渠\", \"行政村代码\": \"" VILLAGE "\","
    "   \"治理状态\": \"治理中\"}},"
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[2.35, 48.85], [2.36, 48.86]]},"
    "  \"properties\": {\"编号\": \"G2\", \"名称\": \"塞纳河\", \"类型\": \"河流\", \"行政村代码\": \"" VILLAGE "\","
    "   \"治理状态\": \"治理中\"}}]}";
  LedgerImportOptions options = { .crs = LEDGER_DATUM_GCJ02, .valid_only = TRUE };
  g_autoptr (LedgerImportReport) report = import_with (f->db, LEDGER_KIND_WATER_BODIES, text, "g.geojson", &options);
  double wgs_lon, wgs_lat;

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 1);
  ledger_coords_to_wgs84 (LEDGER_DATUM_GCJ02, 105.01, 30.21, &wgs_lon, &wgs_lat);
  g_assert_cmpfloat_with_epsilon (stored_double (f->db, LEDGER_KIND_WATER_BODIES, "G1", "lon"), wgs_lon, 1e-12);
  g_assert_cmpint (count_sql (f->db, "SELECT count(*) FROM water_bodies WHERE geometry LIKE '%105.01,%'"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-engine/columns/variants", test_match_variants);
  g_test_add_func ("/import-engine/columns/variants-short", test_match_variants_short);
  g_test_add_func ("/import-engine/columns/guess-kind", test_guess_kind);
  g_test_add_func ("/import-engine/update/export-reimported-unchanged", test_reimport_export_every_kind);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import-engine/columns/by-hand", test_mapping_by_hand);
  ADD ("/import-engine/columns/officer-sheet", test_officer_sheet);
  ADD ("/import-engine/location/crs", test_crs);
  ADD ("/import-engine/location/dms", test_dms);
  ADD ("/import-engine/location/swapped", test_swapped);
  ADD ("/import-engine/location/outside-china", test_outside_china);
  ADD ("/import-engine/location/outside-county", test_outside_county);
  ADD ("/import-engine/location/outside-county-rejected-row", test_outside_county_rejected_row);
  ADD ("/import-engine/update/preview", test_update_preview);
  ADD ("/import-engine/update/reimport-changes-nothing", test_reimport_changes_nothing);
  ADD ("/import-engine/audit/one-batch-per-import", test_audit_batch);
  ADD ("/import-engine/audit/edit-has-no-batch", test_edit_outside_import_has_no_batch);
  ADD ("/import-engine/cancel", test_cancel);
  ADD ("/import-engine/progress", test_progress_reaches_end);
  ADD ("/import-engine/formula-text", test_formula_text);
  ADD ("/import-engine/formula-round-trip", test_formula_round_trip);
  ADD ("/import-engine/write-rejected", test_write_rejected);
  ADD ("/import-engine/audit/new-rows", test_audit_new_rows);
  ADD ("/import-engine/audit/new-item-saved", test_audit_new_item_saved);
  ADD ("/import-engine/geometry/stored-and-exported", test_geometry);
  ADD ("/import-engine/geometry/crs-and-outside", test_geometry_crs_and_bad);
  ADD ("/import-engine/geometry/none-keeps-point", test_feature_without_geometry_keeps_point);
#undef ADD

  return g_test_run ();
}
