/* test-officer-sheets.c: officers' own sheets come in as they are (issue 10)
 *
 * The fixtures in tests/officers/ were laid out by make-officer-sheets.py
 * (openpyxl) and saved by LibreOffice (XLSX, and CSV in GB18030): titles,
 * 填报单位 lines, two-row merged headers, one stock column per species,
 * villages by name, 序号, 合计 rows with =SUM, blank rows, footers, the year
 * only in the title or the file name, data on the second sheet. Each is
 * imported with the defaults into a fresh Lezhi ledger (init --region
 * 512022), and exactly its items land, with their values.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-regions.h"
#include "ledger-table-layout.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-officer-sheets-XXXXXX", NULL);
  path = g_build_filename (f->dir, "lezhi.db", NULL);
  f->db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "officers", name, NULL);
}

static LedgerImportReport *
import_fixture (Fixture *f, LedgerKind kind, const char *name, const LedgerImportOptions *options)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_file (f->db, kind, path, options, &error);
  g_autofree char *problems = NULL;

  g_assert_no_error (error);
  problems = ledger_test_problems_text (report);
  g_test_message ("%s", problems);
  return report;
}

/* "1:title 2:title 10:total …" */
static char *
skipped_text (const LedgerImportReport *report)
{
  static const char * const names[] = { "data", "title", "header", "blank", "total", "footer", "numbers", "empty", "section" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      const LedgerImportSkipped *skipped = g_ptr_array_index (report->skipped, i);
      g_string_append_printf (text, "%s%u:%s", i > 0 ? " " : "", skipped->line, names[skipped->row_class]);
    }
  return g_string_free (text, FALSE);
}

static LedgerRecord *
find_named (GPtrArray *records, const char *name)
{
  for (guint i = 0; i < records->len; i++)
    {
      LedgerRecord *record = g_ptr_array_index (records, i);
      if (g_strcmp0 (ledger_record_get (record, "name"), name) == 0)
        return record;
    }
  g_error ("no item named %s", name);
  return NULL;
}

/* every key=value of @expected ("key=value;key=value", "key=" blank) */
static void
assert_values (const LedgerRecord *record, const char *expected)
{
  g_auto (GStrv) pairs = g_strsplit (expected, ";", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (pairs[i], "=", 2);
      const char *got = ledger_record_get (record, kv[0]);

      g_test_message ("%s %s", ledger_record_get (record, "name"), pairs[i]);
      g_assert_cmpstr (got ? got : "", ==, kv[1]);
    }
}

static void
assert_village (LedgerDb *db, const char *code, const char *expected)
{
  g_autoptr (LedgerRecord) record = ledger_test_get_by_code (db, LEDGER_KIND_VILLAGES, code);

  g_assert_nonnull (record);
  assert_values (record, expected);
}

/* ---- the sheets ---- */

static void
test_farms_two_row_header (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", NULL);
  g_autoptr (GPtrArray) farms = ledger_store_load (f->db, LEDGER_KIND_FARMS, &(LedgerLoadOptions) { .year = 2025 }, NULL);
  g_autofree char *skipped = skipped_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 4);
  g_assert_cmpuint (farms->len, ==, 4);   /* no title, header, 合计 or footer row became a farm */
  g_assert_cmpstr (skipped, ==, "1:title 2:title 10:total 12:footer 13:footer");
  g_assert_cmpstr (report->layout->sheet_name, ==, "养殖场台账");
  g_assert_true (report->layout->sheet_chosen);
  g_assert_cmpuint (report->layout->header_line_first, ==, 3);
  g_assert_cmpuint (report->layout->header_line_last, ==, 4);
  g_assert_cmpuint (report->layout->year, ==, 2025);
  g_assert_cmpint (report->layout->year_source, ==, LEDGER_YEAR_TITLE);
  assert_values (find_named (farms, "乐至县宏发生猪养殖场"),
                 "operator=王建国;village_code=512022101200;species=pig;year=2025;stock=1200;annual_output=2300;"
                 "manure_produced_t=2280;manure_utilised_t=2200;utilisation=field;facilities_matched=1;lon=105.03;lat=30.28");
  assert_values (find_named (farms, "天池街道黄岭铺肉牛场"),
                 "village_code=512022001200;species=beef;stock=85;annual_output=60;utilisation=fertiliser");
  assert_values (find_named (farms, "佛星镇三元桥黑山羊合作社"),
                 "village_code=512022112225;species=sheep_goat;stock=650;utilisation=field;facilities_matched=0");
  assert_values (find_named (farms, "中天镇万安奶牛场"),
                 "village_code=512022111209;species=dairy;stock=120;annual_output=;utilisation=biogas;lon=;lat=");
}

static void
test_farms_layout (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("乐至县2025年规模养殖场台账.xlsx");
  g_autoptr (LedgerTableLayout) layout = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = ledger_table_read_for_kind (path, LEDGER_KIND_FARMS, NULL, &layout, NULL, &error);
  int stock = ledger_kind_field_index (LEDGER_KIND_FARMS, "stock");
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (layout->n_columns, ==, 16);
  g_assert_cmpstr (layout->columns[0].name, ==, "序号");
  g_assert_cmpint (layout->columns[0].target, ==, LEDGER_TARGET_SERIAL);
  g_assert_cmpstr (layout->columns[3].name, ==, "所在位置/乡镇（街道）");
  g_assert_cmpint (layout->columns[3].target, ==, LEDGER_TARGET_TOWNSHIP_NAME);
  g_assert_cmpint (layout->columns[4].target, ==, LEDGER_TARGET_VILLAGE_NAME);
  g_assert_cmpstr (layout->columns[5].group, ==, "存栏量（头/只）");
  g_assert_cmpstr (layout->columns[5].sub, ==, "生猪");
  g_assert_cmpint (layout->columns[5].target, ==, LEDGER_TARGET_WIDE (stock, 0));
  g_assert_cmpint (layout->columns[8].target, ==, LEDGER_TARGET_WIDE (stock, 3));   /* 羊 */
  g_assert_cmpint (layout->columns[10].target, ==, ledger_kind_field_index (LEDGER_KIND_FARMS, "manure_produced_t"));
  g_assert_cmpint (layout->columns[14].target, ==, ledger_kind_field_index (LEDGER_KIND_FARMS, "lon"));
  g_assert_cmpint (layout->row_classes[layout->header_last + 1], ==, LEDGER_ROW_DATA);
  described = ledger_table_layout_describe (layout, table);
  g_assert_cmpstr (described, ==, "sheet “养殖场台账” (2 of 2, chosen by its header), header rows 3–4; year 2025 from the title (line 1)");
}

static void
test_facilities_gb18030_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_FACILITIES, "污水处理设施运行情况.csv", NULL);
  g_autoptr (GPtrArray) items = ledger_store_load (f->db, LEDGER_KIND_FACILITIES, NULL, NULL);
  g_autofree char *skipped = skipped_text (report);

  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (skipped, ==, "1:title 2:title 6:total 8:blank 10:total 11:footer");
  g_assert_cmpuint (report->layout->header_line_first, ==, 3);
  assert_values (find_named (items, "庆云庵村污水处理站"),
                 "kind=village_station;village_code=512022101200;process=A/O+人工湿地;capacity_m3d=50;status=normal;operator=乐至县水务公司");
  assert_values (find_named (items, "磨盘村分散式处理设施"), "kind=household_unit;village_code=512022101208;status=stopped;operator=");
  assert_values (find_named (items, "三元桥村污水处理站"), "village_code=512022112225;status=normal");
  assert_values (find_named (items, "石佛镇污水处理厂"), "kind=township_plant;village_code=512022101001;capacity_m3d=800;status=normal");
}

static void
test_facilities_xlsx (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_FACILITIES, "污水处理设施运行情况.xlsx", NULL);
  g_autoptr (GPtrArray) items = ledger_store_load (f->db, LEDGER_KIND_FACILITIES, NULL, NULL);

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (items->len, ==, 4);
  assert_values (find_named (items, "磨盘村分散式处理设施"), "kind=household_unit;village_code=512022101208;status=stopped");
}

static void
test_villages_by_name (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_VILLAGES, "行政村污水治理台账.xlsx", NULL);
  g_autofree char *skipped = skipped_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_updated, ==, 4);
  g_assert_cmpstr (skipped, ==, "1:title 8:total 9:footer");
  assert_village (f->db, "512022101200", "name=庆云庵村;households=612;mode=centralised;covered_households=400;year_done=2022");
  assert_village (f->db, "512022101208", "mode=sewer;covered_households=455");
  /* the short name found the village; the ledger keeps its own spelling */
  assert_village (f->db, "512022112225", "name=三元桥村;mode=decentralised;year_done=2024");
  assert_village (f->db, "512022001200", "mode=none;covered_households=");
}

static void
test_farms_csv_scientific_codes (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_FARMS, "养殖场2024年.csv", NULL);
  g_autoptr (GPtrArray) farms = ledger_store_load (f->db, LEDGER_KIND_FARMS, &(LedgerLoadOptions) { .year = 2024 }, NULL);
  g_autofree char *skipped = skipped_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (farms->len, ==, 2);
  g_assert_cmpstr (skipped, ==, "4:total 5:footer");
  g_assert_cmpint (report->layout->year_source, ==, LEDGER_YEAR_FILE_NAME);
  assert_values (find_named (farms, "三元桥生猪场"),
                 "village_code=512022112225;species=pig;year=2024;stock=800;annual_output=1500;utilisation=field;facilities_matched=1");
  assert_values (find_named (farms, "庆云庵山羊场"),
                 "village_code=512022101200;species=sheep_goat;stock=320;annual_output=400;utilisation=fertiliser;facilities_matched=0");
}

static void
test_water_bodies_sections (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_WATER_BODIES, "黑臭水体整治进度.xlsx", NULL);
  g_autoptr (GPtrArray) items = ledger_store_load (f->db, LEDGER_KIND_WATER_BODIES, NULL, NULL);
  g_autofree char *skipped = skipped_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (skipped, ==, "1:title 4:section 7:section 9:footer");
  assert_values (find_named (items, "庆云庵村堰塘"),
                 "kind=pond;village_code=512022101200;area_m2=2600;status=completed;due=2024-11-30;responsible=王五");
  assert_values (find_named (items, "磨盘村排水沟"), "kind=ditch;village_code=512022101208;status=in_progress;due=2025-10-31");
  assert_values (find_named (items, "三元桥村小河"), "kind=river;village_code=512022112225;area_m2=;status=not_started;due=2025-12-31");
}

/* ---- the options ---- */

static void
test_sheet_option (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("乐至县2025年规模养殖场台账.xlsx");
  LedgerImportOptions first = { .sheet = "1", .dry_run = TRUE };
  LedgerImportOptions named = { .sheet = "养殖场台账", .dry_run = TRUE };
  LedgerImportOptions missing = { .sheet = "3", .dry_run = TRUE };
  g_autoptr (LedgerImportReport) on_first = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", &first);
  g_autoptr (LedgerImportReport) on_named = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", &named);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) none = ledger_import_file (f->db, LEDGER_KIND_FARMS, path, &missing, &error);

  g_assert_cmpstr (on_first->layout->sheet_name, ==, "填报说明");
  g_assert_cmpuint (on_first->n_rejected, ==, 3);   /* nothing under a header without the columns lands */
  g_assert_cmpuint (on_first->problems->len, >, 0);   /* the required columns are missing */
  g_assert_cmpstr (on_named->layout->sheet_name, ==, "养殖场台账");
  g_assert_false (on_named->layout->sheet_chosen);
  g_assert_cmpuint (on_named->n_new, ==, 4);
  g_assert_null (none);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 “填报说明”, 2 “养殖场台账”"));
}

static const char no_year_csv[] =
  "养殖场名称,行政村代码,畜种,存栏量\n"
  "甲场,512022101200,生猪,100\n";

static void
test_year_needed (Fixture *f, gconstpointer data)
{
  LedgerImportOptions with_year = { .year = 2023 };
  g_autoptr (LedgerImportReport) rejected = ledger_import_text (f->db, LEDGER_KIND_FARMS, no_year_csv, "场.csv", NULL, NULL);
  g_autoptr (LedgerImportReport) given = ledger_import_text (f->db, LEDGER_KIND_FARMS, no_year_csv, "场.csv", &with_year, NULL);
  g_autoptr (GPtrArray) farms = ledger_store_load (f->db, LEDGER_KIND_FARMS, &(LedgerLoadOptions) { .year = 2023 }, NULL);
  g_autofree char *problems = ledger_test_problems_text (rejected);

  g_assert_cmpuint (rejected->n_rejected, ==, 1);
  g_assert_cmpuint (rejected->problems->len, ==, 1);
  g_assert_nonnull (strstr (problems, "统计年度 column"));
  g_assert_nonnull (strstr (problems, "title or the file name"));
  g_assert_nonnull (strstr (problems, "--year"));
  g_assert_cmpuint (given->n_written, ==, 1);
  g_assert_cmpint (given->layout->year_source, ==, LEDGER_YEAR_OPTION);
  assert_values (g_ptr_array_index (farms, 0), "year=2023;stock=100");
}

static void
test_two_species_in_a_row (Fixture *f, gconstpointer data)
{
  const char *text = "养殖场名称,行政村代码,生猪存栏,羊存栏,年度\n"
                     "乙场,512022101200,100,30,2025\n";
  g_autoptr (LedgerImportReport) report = ledger_import_text (f->db, LEDGER_KIND_FARMS, text, "w.csv", NULL, NULL);
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_cmpstr (problems, ==, "w.csv:2:4: Figures are given for two species, 生猪 (column 3) and 羊 (column 4): one row per farm and species.\n");
}

static void
test_village_candidates (Fixture *f, gconstpointer data)
{
  const char *text = "设施名称,村,类型,运行状态\n"
                     "站一,万安,集中式,正常\n"
                     "站二,不存在村,集中式,正常\n";
  const char *with_township = "设施名称,乡镇,村,类型,运行状态\n"
                              "站一,中天,万安,集中式,正常\n"
                              "站二,石佛镇,不存在村,集中式,正常\n";
  g_autoptr (LedgerImportReport) report = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "v.csv", NULL, NULL);
  g_autoptr (LedgerImportReport) second = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, with_township, "t.csv", NULL, NULL);
  g_autofree char *problems = ledger_test_problems_text (report);
  g_autofree char *second_problems = ledger_test_problems_text (second);

  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_nonnull (strstr (problems, "v.csv:2:2: Village “万安” names several in this ledger: 万安村 (512022111209)、万安社区 (512022102003)"));
  g_assert_nonnull (strstr (problems, "v.csv:3:2: Village “不存在村” is not in this ledger"));
  g_assert_cmpuint (second->n_rejected, ==, 1);
  g_assert_nonnull (strstr (second_problems, "t.csv:3:3: Village “不存在村” is not in 石佛镇; its villages are: 庆云庵村、磨盘村、高屋基村"));
  g_assert_cmpuint (second->actions->len, ==, 1);
}

static void
test_value_map_and_unknown_words (Fixture *f, gconstpointer data)
{
  const char *text = "设施名称,行政村代码,类型,运行状态\n"
                     "站一,512022101200,集中式,好\n"
                     "站二,512022101208,分散式,好\n";
  g_autoptr (LedgerValueMap) map = ledger_value_map_new ();
  LedgerImportOptions options = { .value_map = map };
  g_autoptr (LedgerImportReport) unknown = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "u.csv", NULL, NULL);
  g_autoptr (LedgerImportReport) mapped = NULL;
  const LedgerImportUnknownValue *value;

  g_assert_cmpuint (unknown->n_rejected, ==, 2);
  g_assert_cmpuint (unknown->unknown_values->len, ==, 1);
  value = g_ptr_array_index (unknown->unknown_values, 0);
  g_assert_cmpint (value->field, ==, ledger_kind_field_index (LEDGER_KIND_FACILITIES, "status"));
  g_assert_cmpstr (value->text, ==, "好");
  g_assert_cmpuint (value->n_rows, ==, 2);
  g_assert_cmpuint (value->first_line, ==, 2);
  ledger_value_map_add (map, "status", "好", "normal");
  mapped = ledger_import_text (f->db, LEDGER_KIND_FACILITIES, text, "u.csv", &options, NULL);
  g_assert_cmpuint (mapped->n_rejected, ==, 0);
  g_assert_cmpuint (mapped->n_written, ==, 2);
}

/* no codes in the sheet: the same name in the same village is the same farm,
 * so a re-import changes nothing and another year adds that year's figures */
static void
test_reimport_and_another_year (Fixture *f, gconstpointer data)
{
  LedgerImportOptions year_2024 = { .year = 2024 };
  g_autoptr (LedgerImportReport) first = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", NULL);
  g_autoptr (LedgerImportReport) again = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", NULL);
  g_autoptr (LedgerImportReport) other_year = import_fixture (f, LEDGER_KIND_FARMS, "乐至县2025年规模养殖场台账.xlsx", &year_2024);
  g_autoptr (GPtrArray) farms = ledger_store_load (f->db, LEDGER_KIND_FARMS, &(LedgerLoadOptions) { .year = 2024 }, NULL);

  g_assert_cmpuint (first->n_new, ==, 4);
  g_assert_cmpuint (again->n_unchanged, ==, 4);
  g_assert_cmpuint (again->n_written, ==, 0);
  g_assert_cmpuint (other_year->n_new, ==, 0);
  g_assert_cmpuint (other_year->n_updated, ==, 4);
  g_assert_cmpint (other_year->layout->year_source, ==, LEDGER_YEAR_OPTION);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms"), ==, 4);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farm_years"), ==, 8);
  assert_values (find_named (farms, "中天镇万安奶牛场"), "year=2024;stock=120");
}

/* one farm of two species is two rows of the same name (one per farm and
 * species): a re-import finds each by its species too, and writes nothing;
 * the same codeless row twice in a file is refused as one item written twice */
static void
test_codeless_species_and_repeats (Fixture *f, gconstpointer data)
{
  static const char two_species[] =
    "名称,乡镇,村,畜种,统计年度,存栏\r\n"
    "张家养殖场,佛星镇,菩萨湾村,生猪,2025,100\r\n"
    "张家养殖场,佛星镇,菩萨湾村,羊,2025,30\r\n";
  static const char repeated[] =
    "名称,乡镇,村,畜种,统计年度,存栏\r\n"
    "李家养殖场,佛星镇,菩萨湾村,生猪,2025,80\r\n"
    "李家养殖场,佛星镇,菩萨湾村,生猪,2025,80\r\n";
  g_autoptr (LedgerImportReport) first = ledger_import_text (f->db, LEDGER_KIND_FARMS, two_species, "场.csv", NULL, NULL);
  g_autoptr (LedgerImportReport) again = ledger_import_text (f->db, LEDGER_KIND_FARMS, two_species, "场.csv", NULL, NULL);
  g_autoptr (LedgerImportReport) twice = ledger_import_text (f->db, LEDGER_KIND_FARMS, repeated, "场.csv", NULL, NULL);
  const LedgerProblem *problem;

  g_assert_cmpuint (first->n_new, ==, 2);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE name = '张家养殖场'"), ==, 2);
  g_assert_cmpuint (twice->n_rejected, ==, 1);
  g_assert_cmpuint (twice->n_written, ==, 0);
  problem = g_ptr_array_index (twice->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpint (problem->field, ==, ledger_kind_field_index (LEDGER_KIND_FARMS, "name"));
  g_assert_nonnull (strstr (problem->message, "line 2"));
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE name = '李家养殖场'"), ==, 0);
}

/* the assistant guesses the kind from the detected header, not row 1 */
static void
test_guess_kind (Fixture *f, gconstpointer data)
{
  static const struct { const char *file, *sheet; LedgerKind kind; } cases[] = {
    { "乐至县2025年规模养殖场台账.xlsx", "养殖场台账", LEDGER_KIND_FARMS },
    { "乐至县2025年规模养殖场台账.xlsx", "填报说明", LEDGER_N_KINDS },
    { "污水处理设施运行情况.csv", NULL, LEDGER_KIND_FACILITIES },
    { "行政村污水治理台账.xlsx", NULL, LEDGER_KIND_VILLAGES },
    { "养殖场2024年.csv", NULL, LEDGER_KIND_FARMS },
    { "黑臭水体整治进度.xlsx", NULL, LEDGER_KIND_WATER_BODIES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerTable) table = ledger_table_read_file_sheet (path, cases[i].sheet, NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%s %s", cases[i].file, cases[i].sheet ? cases[i].sheet : "");
      g_assert_cmpint (ledger_import_guess_kind (table), ==, cases[i].kind);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/officer-sheets/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("farms-two-row-header", test_farms_two_row_header);
  ADD ("farms-layout", test_farms_layout);
  ADD ("facilities-gb18030-csv", test_facilities_gb18030_csv);
  ADD ("facilities-xlsx", test_facilities_xlsx);
  ADD ("villages-by-name", test_villages_by_name);
  ADD ("farms-csv-scientific-codes", test_farms_csv_scientific_codes);
  ADD ("water-bodies-sections", test_water_bodies_sections);
  ADD ("sheet-option", test_sheet_option);
  ADD ("year-needed", test_year_needed);
  ADD ("two-species-in-a-row", test_two_species_in_a_row);
  ADD ("village-candidates", test_village_candidates);
  ADD ("value-map-and-unknown-words", test_value_map_and_unknown_words);
  ADD ("reimport-and-another-year", test_reimport_and_another_year);
  ADD ("codeless-species-and-repeats", test_codeless_species_and_repeats);
  ADD ("guess-kind", test_guess_kind);
  return g_test_run ();
}
