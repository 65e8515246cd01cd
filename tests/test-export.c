/* test-export.c: CSV (headers, BOM, CRLF, filters) and GeoJSON exports */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-export.h"
#include "ledger-export-xlsx.h"
#include "ledger-import.h"
#include "ledger-store.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define VILLAGE  "512022101203"
#define VILLAGE2 "512022102201"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static const char *const inventory[][2] = {
  { "villages", "行政村代码,户数,经度,纬度,治理方式,覆盖户数\n"
                VILLAGE ",300,105.1,30.3,集中处理,200\n" VILLAGE2 ",200,,,未治理,\n" },
  { "facilities", "编号,名称,类型,行政村代码,运行状态,经度,纬度\n"
                  "F1,一号站,村级集中处理站," VILLAGE ",正常运行,105.1,30.3\n"
                  "F2,二号站,村级集中处理站," VILLAGE2 ",停运,,\n" },
  { "farms", "编号,名称,行政村代码,畜种,经度,纬度,统计年度,存栏,粪污处理设施配套,粪污产生量(吨/年)\n"
             "L1,猪场," VILLAGE ",生猪,105.1,30.3,2020,500,是,900\n"
             "L1,猪场," VILLAGE ",生猪,105.1,30.3,2021,600,否,1000\n"
             "L2,羊场," VILLAGE2 ",羊,105.2,30.2,2021,300,是,\n" },
  { "water-bodies", "编号,名称,类型,行政村代码,治理状态,面积(平方米),经度,纬度\n"
                    "W1,臭水塘,坑塘," VILLAGE ",治理中,2500,105.1,30.31\n" },
  { "samples", "对象编号,采样日期,溶解氧(mg/L)\nW1,2020-05-01,1.5\nW1,2021-05-01,3\n" },
};

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = ledger_test_new_ledger ("test-export", NULL, FALSE, &f->dir, NULL);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'),"
    " ('512022102', '佛星镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101'),"
    " ('" VILLAGE2 "', '二村', 'village', '512022102')", &error));
  for (guint i = 0; i < G_N_ELEMENTS (inventory); i++)
    {
      g_autoptr (LedgerImportReport) report = NULL;
      LedgerKind kind;

      g_assert_true (ledger_kind_from_key (inventory[i][0], &kind));
      report = ledger_import_text (f->db, kind, inventory[i][1], "in.csv", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_rejected, ==, 0);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
export_csv (Fixture *f, LedgerKind kind, LedgerHeaderStyle style, int year, const char *township)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_true (ledger_export_csv (f->db, kind, path, style, year, township, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strstr (text, "\r\n"); p != NULL; p = strstr (p + 2, "\r\n"))
    n++;
  return n;
}

static void
test_headers_zh (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_ZH, 0, NULL);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "编号,名称,经营主体,行政村代码,畜种,经度,纬度,"
                                   "直联直报统一编码,粪污消纳土地(亩),粪污接收方,第三方处理协议,统计年度,"));
  g_assert_nonnull (strstr (csv, "利用方式\r\n"));
  g_assert_nonnull (strstr (csv, "L1,猪场,," VILLAGE ",生猪,105.1,30.3,,,,,2020,500,,是,900,,\r\n"));
  g_assert_cmpuint (count_lines (csv), ==, 4);
}

static void
test_headers_keys (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_KEYS, 0, NULL);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "code,name,operator,village_code,species,lon,lat,"
                                   "mara_code,manure_land_mu,manure_receiver,third_party_contract,year,"));
  g_assert_nonnull (strstr (csv, "L1,猪场,," VILLAGE ",pig,105.1,30.3,,,,,2021,600,,no,1000,,\r\n"));
}

static void
test_crlf_only (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = export_csv (f, LEDGER_KIND_FACILITIES, LEDGER_HEADER_ZH, 0, NULL);

  for (const char *p = csv; *p; p++)
    if (*p == '\n')
      g_assert_true (p > csv && p[-1] == '\r');
  g_assert_cmpuint (count_lines (csv), ==, 3);
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *farms_2020 = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_KEYS, 2020, NULL);
  g_autofree char *farms_2021 = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_KEYS, 2021, NULL);
  g_autofree char *township = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_KEYS, 0, "512022102");
  g_autofree char *samples = export_csv (f, LEDGER_KIND_SAMPLES, LEDGER_HEADER_KEYS, 2021, NULL);

  g_assert_cmpuint (count_lines (farms_2020), ==, 2);
  g_assert_cmpuint (count_lines (farms_2021), ==, 3);
  g_assert_null (strstr (farms_2021, ",2020,"));
  g_assert_cmpuint (count_lines (township), ==, 2);
  g_assert_nonnull (strstr (township, "L2,"));
  g_assert_cmpuint (count_lines (samples), ==, 2);
  g_assert_nonnull (strstr (samples, "2021-05-01"));
}

static JsonArray *
parse_features (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  return json_object_get_array_member (root, "features");
}

static void
test_geojson_kind (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.geojson", NULL);
  g_autofree char *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *features;
  JsonObject *feature, *properties;
  JsonArray *coordinates;

  g_assert_true (ledger_export_geojson (f->db, LEDGER_KIND_FARMS, path, 2020, NULL, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  features = parse_features (parser, text);
  g_assert_cmpuint (json_array_get_length (features), ==, 2);
  feature = json_array_get_object_element (features, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (feature, "geometry"), "type"),
                   ==, "Point");
  coordinates = json_object_get_array_member (json_object_get_object_member (feature, "geometry"), "coordinates");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 0), 105.1, 1e-9);
  properties = json_object_get_object_member (feature, "properties");
  g_assert_cmpstr (json_object_get_string_member (properties, "species"), ==, "pig");
  g_assert_cmpint (json_object_get_int_member (properties, "year"), ==, 2020);
  g_assert_true (json_object_get_boolean_member (properties, "facilities_matched"));
}

static void
test_geojson_all (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = ledger_export_geojson_text (f->db, LEDGER_EXPORT_ALL_KINDS, 0, NULL, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *features;
  g_autoptr (GHashTable) layers = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  features = parse_features (parser, text);
  /* 1 village, 1 facility (F2 has no point), 2 farms, 1 water body */
  g_assert_cmpuint (json_array_get_length (features), ==, 5);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *properties = json_object_get_object_member (json_array_get_object_element (features, i),
                                                              "properties");
      g_hash_table_add (layers, (gpointer) json_object_get_string_member (properties, "layer"));
    }
  g_assert_cmpuint (g_hash_table_size (layers), ==, 4);
  g_assert_null (ledger_export_geojson_text (f->db, LEDGER_KIND_SAMPLES, 0, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

static void
test_geojson_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = ledger_export_geojson_text (f->db, LEDGER_KIND_WATER_BODIES, 0, NULL, &error);
  g_autoptr (LedgerImportReport) report = NULL;
  LedgerImportOptions options = { .dry_run = TRUE };

  report = ledger_import_text (f->db, LEDGER_KIND_WATER_BODIES, text, "w.geojson", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 1);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);
}

static void
test_failed_write_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing-dir", "out.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (ledger_export_csv (f->db, LEDGER_KIND_FARMS, path, LEDGER_HEADER_ZH, 0, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Issue 5: text that a spreadsheet would run as a formula gets an apostrophe;
 * numbers, negative ones too, stay numbers. */
static void
test_formula_injection_defused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autofree char *facilities = NULL;
  g_autofree char *samples = NULL;

  report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES,
                               "编号,名称,类型,行政村代码,运行状态,运维单位,工艺\n"
                               "F9,@SUM(A1),村级集中处理站," VILLAGE ",正常运行,\"=cmd|' /C calc'!A0\",-3.5\n"
                               "F8,+号站,村级集中处理站," VILLAGE ",正常运行,-1+2,A-=\n",
                               "in.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_clear_pointer (&report, ledger_import_report_free);
  report = ledger_import_text (f->db, LEDGER_KIND_SAMPLES, "对象编号,采样日期,氧化还原电位(mV)\nW1,2022-05-01,-150\n",
                               "in.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rejected, ==, 0);

  facilities = export_csv (f, LEDGER_KIND_FACILITIES, LEDGER_HEADER_ZH, 0, NULL);
  /* 工艺 -3.5 is a number even in a text column: no apostrophe */
  g_assert_nonnull (strstr (facilities, "\r\nF9,'@SUM(A1),村级集中处理站," VILLAGE ",-3.5,,,,'=cmd|' /C calc'!A0,正常运行"));
  g_assert_null (strstr (facilities, "'-3.5"));
  g_assert_nonnull (strstr (facilities, "'+号站"));
  g_assert_nonnull (strstr (facilities, "'-1+2"));
  g_assert_nonnull (strstr (facilities, ",A-=,"));
  samples = export_csv (f, LEDGER_KIND_SAMPLES, LEDGER_HEADER_ZH, 0, NULL);
  g_assert_nonnull (strstr (samples, ",-150,"));
  g_assert_null (strstr (samples, "'-150"));
}

/* GeoJSON is written by hand: text escaped, numbers as canonical text */
static void
test_geojson_escapes_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonArray *features;
  JsonObject *properties = NULL;

  report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES,
                               "编号,名称,类型,行政村代码,运行状态,工艺,设计规模(吨/日),经度,纬度\n"
                               "F7,\"站\"\"一\\号\",村级集中处理站," VILLAGE ",正常运行,\"A/O\tMBR\",12.5,105.123456,30.25\n",
                               "in.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  text = ledger_export_geojson_text (f->db, LEDGER_KIND_FACILITIES, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"coordinates\":[105.123456,30.25]"));
  g_assert_nonnull (strstr (text, "\"capacity_m3d\":12.5"));
  features = parse_features (parser, text);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *p = json_object_get_object_member (json_array_get_object_element (features, i), "properties");
      if (g_strcmp0 (json_object_get_string_member (p, "code"), "F7") == 0)
        properties = p;
    }
  g_assert_nonnull (properties);
  g_assert_cmpstr (json_object_get_string_member (properties, "name"), ==, "站\"一\\号");
  g_assert_cmpstr (json_object_get_string_member (properties, "process"), ==, "A/O\tMBR");
  g_assert_false (json_object_has_member (properties, "layer"));
}

/* issue 12: the fields of the direct-report system and the guide's 判定依据
 * go in and come out; the exported workbook imports back without a word
 * about its 乡镇, 村名 and computed columns */
static void
test_direct_report_fields (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) farms = NULL;
  g_autoptr (LedgerImportReport) water = NULL;
  g_autoptr (LedgerImportReport) again = NULL;
  g_autofree char *farm_csv = NULL;
  g_autofree char *water_csv = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);

  farms = ledger_import_text (f->db, LEDGER_KIND_FARMS,
    "编号,名称,行政村代码,畜种,直联直报统一编码,粪污消纳土地(亩),粪污接收方,第三方处理协议,统计年度,存栏\n"
    "L9,鹅场," VILLAGE ",鹅,51202200123,120.5,乐至县绿源有机肥厂,LY-2025-07,2025,6000\n", "in.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (farms->n_rejected, ==, 0);
  water = ledger_import_text (f->db, LEDGER_KIND_WATER_BODIES,
    "编号,名称,类型,行政村代码,治理状态,判定依据,判定依据说明(监测值)\n"
    "W9,黑水沟,沟渠," VILLAGE ",未启动,水质监测,氨氮 18 mg/L；溶解氧 1.2 mg/L\n", "in.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (water->n_rejected, ==, 0);

  farm_csv = export_csv (f, LEDGER_KIND_FARMS, LEDGER_HEADER_ZH, 0, NULL);
  g_assert_nonnull (strstr (farm_csv, "L9,鹅场,," VILLAGE ",鹅,,,51202200123,120.5,乐至县绿源有机肥厂,LY-2025-07,2025,6000,"));
  water_csv = export_csv (f, LEDGER_KIND_WATER_BODIES, LEDGER_HEADER_KEYS, 0, NULL);
  g_assert_nonnull (strstr (water_csv, ",basis,basis_values\r\n"));
  g_assert_nonnull (strstr (water_csv, ",monitoring,氨氮 18 mg/L；溶解氧 1.2 mg/L\r\n"));

  g_assert_true (ledger_export_xlsx (f->db, xlsx, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  again = ledger_import_file (f->db, LEDGER_KIND_FARMS, xlsx, &(LedgerImportOptions) { .dry_run = TRUE }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_rejected, ==, 0);
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->n_new, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/export/csv/headers-zh", test_headers_zh);
  ADD ("/export/csv/headers-keys", test_headers_keys);
  ADD ("/export/csv/crlf", test_crlf_only);
  ADD ("/export/csv/filters", test_filters);
  ADD ("/export/geojson/kind", test_geojson_kind);
  ADD ("/export/geojson/all", test_geojson_all);
  ADD ("/export/geojson/round-trip", test_geojson_round_trip);
  ADD ("/export/failed-write", test_failed_write_leaves_nothing);
  ADD ("/export/csv/formula-injection", test_formula_injection_defused);
  ADD ("/export/geojson/escapes-text", test_geojson_escapes_text);
  ADD ("/export/direct-report-fields", test_direct_report_fields);
#undef ADD

  return g_test_run ();
}
