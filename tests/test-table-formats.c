/* test-table-formats.c: .xls (libfreexl) and .ods (content.xml) as rows of text cells
 *
 * The fixtures in tests/readers were laid out by make-reader-fixtures.py and
 * written by LibreOffice 7.4 (make-reader-fixtures.sh); the hostile .ods are
 * zips made here.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "ledger-error.h"
#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-table.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

/* The officer's sheet 养殖场, as LibreOffice computed its formulas. */
#define OFFICER_ROWS \
  "1[乐至县2025年畜禽规模养殖场粪污资源化利用台账]" \
  "2[填报单位（盖章）：佛星镇人民政府||||||||||填报日期：2025年12月1日]" \
  "3[序号|编号|养殖场名称|所在位置||存栏量（头/只）||||粪污||利用率|地理坐标||建档日期]" \
  "4[|||所在乡镇|所在村|生猪|奶牛|肉牛|羊|产生量（吨/年）|利用量（吨/年）||经度|纬度]"
#define OFFICER_DATA(rate5, rate8) \
  "5[1|512022112225|佛星镇永兴生猪养殖场|佛星镇|保境村|1200||||2400.5|2300|" rate5 "|105.0123|30.2345|2019-03-15]" \
  "6[||佛星镇  菩萨  湾合作社|佛星镇|菩萨湾村|||60||660|640||105.1|30.3|2020-01-02]" \
  "7[||佛星镇  菩萨  湾合作社|佛星镇|菩萨湾村|||60||660|640||105.1|30.3|2020-01-02]" \
  "8[3|512022112226|回澜镇羊场|回澜镇|互助村||||350|332.5|300|" rate8 "|105.2|30.1|2021-12-31]"
#define OFFICER_FOOTER "11[填表人：张三        审核人：李四        联系电话：0832-1234567]"

/* Rows as "LINE[cell|cell]", a line break in a cell as "\n", a tab as "\t". */
static char *
table_to_string (const LedgerTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      LedgerCsvRow *row = g_ptr_array_index (table->rows, r);

      g_assert_null (row->cells[row->n_cells]);
      g_string_append_printf (out, "%u[", row->line);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_string_append (out, c > 0 ? "|" : "");
          for (const char *p = row->cells[c]; *p != '\0'; p++)
            g_string_append (out, *p == '\n' ? "\\n" : *p == '\t' ? "\\t" : (char[]) { *p, '\0' });
        }
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "readers", name, NULL);
}

static LedgerTable *
read_fixture (const char *name,
              const char *sheet)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  LedgerTable *table = ledger_table_read_file_sheet (path, sheet, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static LedgerTable *
read_bytes_ok (GBytes     *bytes,
               const char *name,
               const char *sheet)
{
  g_autoptr(GError) error = NULL;
  LedgerTable *table = ledger_table_read_bytes_sheet (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                      name, sheet, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_bytes_refused (GBytes     *bytes,
                      const char *name,
                      const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) table = ledger_table_read_bytes ((const char *) g_bytes_get_data (bytes, NULL),
                                                          g_bytes_get_size (bytes), name, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, part));
}

/* ---- LibreOffice's files ---- */

static void
test_libreoffice_ods (void)
{
  g_autoptr(LedgerTable) table = read_fixture ("officer-farms.ods", "养殖场");
  g_autoptr(LedgerTable) first = read_fixture ("officer-farms.ods", NULL);
  g_autofree char *got = table_to_string (table);
  g_autofree char *names = NULL;

  g_assert_cmpint (table->format, ==, LEDGER_TABLE_ODS);
  g_assert_cmpstr (table->encoding, ==, "ODS");
  g_assert_cmpstr (table->sheet_name, ==, "养殖场");
  names = g_strjoinv (",", table->sheet_names);
  g_assert_cmpstr (names, ==, "填报说明,养殖场");
  /* covered cells of merged headers blank, the code shown as 5.12E+11 with
   * all its digits, percentages by value, spaces of text:s kept, the blank
   * row 9 and the million repeated blank rows after the footer left out */
  g_assert_cmpstr (got, ==, OFFICER_ROWS OFFICER_DATA ("0.958133722141221", "0.902255639097744")
                   "10[合计|||||1200|0|120|350|4053|3880]" OFFICER_FOOTER);
  /* without a sheet: the first */
  g_assert_cmpstr (first->sheet_name, ==, "填报说明");
  g_assert_cmpuint (first->rows->len, ==, 3);
}

static void
test_libreoffice_xls (void)
{
  g_autoptr(LedgerTable) table = read_fixture ("officer-farms.xls", "养殖场");
  g_autoptr(LedgerTable) first = read_fixture ("officer-farms.xls", NULL);
  g_autofree char *got = table_to_string (table);
  g_autofree char *names = g_strjoinv (",", table->sheet_names);

  g_assert_cmpint (table->format, ==, LEDGER_TABLE_XLS);
  g_assert_cmpstr (table->encoding, ==, "XLS");
  g_assert_cmpstr (table->sheet_name, ==, "养殖场");
  g_assert_cmpstr (names, ==, "填报说明,养殖场");
  /* libfreexl 1.0 gives no value for formula cells: 利用率 and the 合计 figures are blank */
  g_assert_cmpstr (got, ==, OFFICER_ROWS OFFICER_DATA ("", "") "10[合计]" OFFICER_FOOTER);
  g_assert_cmpstr (first->sheet_name, ==, "填报说明");
  g_assert_cmpuint (first->rows->len, ==, 3);
}

/* The same workbook as .xlsx, .xls and .ods reads the same (but for .xls's formulas). */
static void
test_libreoffice_same_table (void)
{
  g_autoptr(LedgerTable) xlsx = read_fixture ("officer-farms.xlsx", "养殖场");
  g_autoptr(LedgerTable) ods = read_fixture ("officer-farms.ods", "养殖场");
  g_autofree char *xlsx_rows = table_to_string (xlsx);
  g_autofree char *ods_rows = table_to_string (ods);

  g_assert_cmpstr (xlsx_rows, ==, ods_rows);
}

static void
test_missing_sheet (void)
{
  const char *names[] = { "officer-farms.ods", "officer-farms.xls" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerTable) table = ledger_table_read_file_sheet (path, "汇总", NULL, &error);

      g_assert_null (table);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "no sheet named “汇总”"));
    }
}

/* A plain `import farms` of LibreOffice's .ods and .xls lands the two farms, and again changes nothing. */
static void
test_import_libreoffice (void)
{
  const char *names[] = { "plain-farms.ods", "plain-farms.xls" };
  g_autofree char *dir = g_dir_make_tmp ("test-table-formats-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/ledger%u.db", dir, i);
      g_autofree char *path = fixture_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
      g_autoptr(LedgerImportReport) report = NULL;
      g_autoptr(LedgerImportReport) again = NULL;
      g_autoptr(LedgerRecord) pigs = NULL;
      g_autoptr(LedgerRecord) sheep = NULL;

      g_assert_no_error (error);
      report = ledger_import_file (db, LEDGER_KIND_FARMS, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_rejected, ==, 0);
      g_assert_cmpuint (report->n_written, ==, 2);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms"), ==, 2);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms WHERE code = 'YC-001' AND "
                                              "village_code = '512022112203' AND species = 'pig'"), ==, 1);
      /* the village code was a number shown as 5.12E+11 */
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms WHERE code = 'YC-002' AND "
                                              "village_code = '512022112200' AND species = 'sheep_goat'"), ==, 1);
      pigs = ledger_test_get_by_code (db, LEDGER_KIND_FARMS, "YC-001");
      sheep = ledger_test_get_by_code (db, LEDGER_KIND_FARMS, "YC-002");
      g_assert_nonnull (pigs);
      g_assert_nonnull (sheep);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farm_years WHERE year = 2025 AND stock = 1200 "
                                              "AND manure_produced_t = 2280.5 AND manure_utilised_t = 2200"), ==, 1);
      again = ledger_import_file (db, LEDGER_KIND_FARMS, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->n_unchanged, ==, 2);
      g_assert_cmpuint (again->n_written, ==, 0);
    }
  ledger_test_remove_dir (dir);
}

/* whether @report has a problem on @line whose message contains @text */
static gboolean
has_problem (const LedgerImportReport *report,
             guint                     line,
             const char               *text)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const LedgerProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->line == line && strstr (problem->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The officer's sheet (title, two-row merged header, one column per species,
 * villages by name, 合计 and footer, year in the title) as .ods and .xls, by
 * a plain import into a fresh Lezhi ledger. Its rows 6 and 7 are the same
 * codeless farm written twice (same village, name, species and year): row 7
 * is refused as the same item as row 6 and nothing is written; with
 * valid_only the three farms and nothing else. */
static void
test_import_officer_sheet (void)
{
  const char *names[] = { "officer-farms.ods", "officer-farms.xls" };
  g_autofree char *dir = g_dir_make_tmp ("test-table-formats-XXXXXX", NULL);
  LedgerImportOptions valid_only = { .valid_only = TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *db_path = g_strdup_printf ("%s/officer%u.db", dir, i);
      g_autofree char *path = fixture_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
      g_autoptr(LedgerImportReport) report = NULL;

      g_assert_no_error (error);
      report = ledger_import_file (db, LEDGER_KIND_FARMS, path, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", names[i]);
      g_assert_cmpuint (report->n_rejected, ==, 1);
      g_assert_cmpuint (report->n_written, ==, 0);
      g_assert_true (has_problem (report, 7, "line 6"));
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms"), ==, 0);
      g_clear_pointer (&report, ledger_import_report_free);
      report = ledger_import_file (db, LEDGER_KIND_FARMS, path, &valid_only, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_written, ==, 3);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms"), ==, 3);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms WHERE code IS NULL OR code = ''"), ==, 0);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms f JOIN farm_years y ON y.farm_uid = f.uid"
                                              " WHERE f.code = '512022112225' AND f.village_code = '512022112203'"
                                              " AND f.species = 'pig' AND y.year = 2025 AND y.stock = 1200"
                                              " AND y.manure_produced_t = 2400.5"), ==, 1);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms f JOIN farm_years y ON y.farm_uid = f.uid"
                                              " WHERE f.code = '512022112226' AND f.village_code = '512022102204'"
                                              " AND f.species = 'sheep_goat' AND y.stock = 350"), ==, 1);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms WHERE name LIKE '%合计%'"
                                              " OR name LIKE '%填表人%' OR name LIKE '%台账%'"), ==, 0);
    }
  ledger_test_remove_dir (dir);
}

/* ---- hand-made .ods ---- */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
#define CONTENT_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:spreadsheet>"
#define CONTENT_END "</office:spreadsheet></office:body></office:document-content>"

/* A zip with the mimetype part first and stored (as ODF asks) unless
 * @mimetype is NULL, then content.xml. */
static GBytes *
make_ods (const char *mimetype,
          const char *content)
{
  g_autofree char *dir = g_dir_make_tmp ("test-ods-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.ods", NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  char *contents = NULL;
  gsize len = 0;

  g_assert_nonnull (zip);
  if (mimetype != NULL)
    {
      g_assert_cmpint (zipOpenNewFileInZip (zip, "mimetype", NULL, NULL, 0, NULL, 0, NULL, 0, 0), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, mimetype, strlen (mimetype)), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipOpenNewFileInZip (zip, "content.xml", NULL, NULL, 0, NULL, 0, NULL,
                                        Z_DEFLATED, Z_DEFAULT_COMPRESSION), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, content, strlen (content)), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  ledger_test_remove_dir (dir);
  return g_bytes_new_take (contents, len);
}

static GBytes *
make_sheet (const char *rows)
{
  g_autofree char *content = g_strconcat (CONTENT_START "<table:table table:name=\"表1\">", rows,
                                          "</table:table>" CONTENT_END, NULL);

  return make_ods (ODS_MIMETYPE, content);
}

#define CELL(type_and_value, text) \
  "<table:table-cell office:value-type=" type_and_value "><text:p>" text "</text:p></table:table-cell>"
#define TEXT(text) CELL ("\"string\"", text)

static void
test_ods_cells (void)
{
  g_autoptr(GBytes) ods = make_sheet (
    "<table:table-header-rows><table:table-row>" TEXT ("a") TEXT ("b") TEXT ("c") "</table:table-row></table:table-header-rows>"
    /* rich text, spaces, a tab, a line break, two paragraphs, a comment left out */
    "<table:table-row><table:table-cell office:value-type=\"string\">"
    "<office:annotation><dc:creator>张</dc:creator><text:p>comment</text:p></office:annotation>"
    "<text:p>甲<text:span>乙</text:span><text:s text:c=\"3\"/>丙<text:tab/>丁</text:p><text:p>二<text:line-break/>三</text:p>"
    "</table:table-cell>"
    "<table:table-cell office:value-type=\"string\" office:string-value=\"attr\"><text:p>shown</text:p></table:table-cell>"
    "<table:table-cell><draw:frame><draw:text-box><text:p>picture</text:p></draw:text-box></draw:frame></table:table-cell>"
    "</table:table-row>"
    /* numbers by value, not as shown; booleans, dates, times, currency */
    "<table:table-row>" CELL ("\"float\" office:value=\"512022112225\"", "5.12E+11")
    CELL ("\"percentage\" office:value=\"0.935\"", "93.5%")
    CELL ("\"currency\" office:value=\"1e-05\" office:currency=\"CNY\"", "¥0.00")
    CELL ("\"boolean\" office:boolean-value=\"true\"", "TRUE")
    CELL ("\"date\" office:date-value=\"2024-05-01T00:00:00\"", "2024年5月1日")
    CELL ("\"date\" office:date-value=\"2024-05-01T08:30:00.000\"", "")
    CELL ("\"time\" office:time-value=\"PT10H05M00S\"", "10:05")
    CELL ("\"float\" office:value=\"oops\"", "shown when the value is not a number")
    "</table:table-row>"
    /* a merged cell: its covered cells are blank; repeated cells */
    "<table:table-row><table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>合并</text:p></table:table-cell>"
    "<table:covered-table-cell/><table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell table:number-columns-repeated=\"3\" office:value-type=\"float\" office:value=\"7\"><text:p>7</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>"
    /* a row repeated, blank rows repeated a million times */
    "<table:table-row table:number-rows-repeated=\"3\">" TEXT ("同") "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
    "<table:table-row-group><table:table-row>" TEXT ("末") "</table:table-row></table:table-row-group>"
    "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/></table:table-row>");
  g_autoptr(LedgerTable) table = read_bytes_ok (ods, "t.ods", NULL);
  g_autofree char *got = table_to_string (table);

  g_assert_cmpstr (table->sheet_name, ==, "表1");
  g_assert_cmpstr (got, ==,
                   "1[a|b|c]"
                   "2[甲乙   丙\\t丁\\n二\\n三|attr]"
                   "3[512022112225|0.935|0.00001|1|2024-05-01|2024-05-01 08:30:00|10:05:00|shown when the value is not a number]"
                   "4[合并||||7|7|7]"
                   "5[同]6[同]7[同]"
                   "1000008[末]");
}

/* Told by the content: an .ods renamed .xlsx, an .ods whose mimetype part is not first. */
static void
test_ods_by_content (void)
{
  g_autofree char *content = g_strconcat (CONTENT_START "<table:table table:name=\"S\"><table:table-row>"
                                          TEXT ("x") "</table:table-row></table:table>" CONTENT_END, NULL);
  g_autoptr(GBytes) ods = make_ods (ODS_MIMETYPE, content);
  g_autoptr(GBytes) no_mimetype = make_ods (NULL, content);
  g_autoptr(LedgerTable) renamed = read_bytes_ok (ods, "台账.xlsx", NULL);
  g_autoptr(LedgerTable) bare = read_bytes_ok (no_mimetype, "台账.ods", NULL);
  g_autofree char *renamed_rows = table_to_string (renamed);
  g_autofree char *bare_rows = table_to_string (bare);

  g_assert_cmpint (renamed->format, ==, LEDGER_TABLE_ODS);
  g_assert_cmpstr (renamed_rows, ==, "1[x]");
  g_assert_cmpint (bare->format, ==, LEDGER_TABLE_ODS);
  g_assert_cmpstr (bare_rows, ==, "1[x]");
}

static void
test_ods_hostile (void)
{
  g_autoptr(GBytes) no_table = make_ods (ODS_MIMETYPE, CONTENT_START CONTENT_END);
  g_autoptr(GBytes) broken = make_ods (ODS_MIMETYPE, CONTENT_START "<table:table><table:table-row>");
  g_autoptr(GBytes) rows = make_sheet ("<table:table-row table:number-rows-repeated=\"2000000000\">" TEXT ("x")
                                       "</table:table-row>");
  g_autoptr(GBytes) columns = make_sheet ("<table:table-row><table:table-cell table:number-columns-repeated=\"100000\""
                                          " office:value-type=\"float\" office:value=\"1\"/></table:table-row>");
  g_autoptr(GBytes) far = make_sheet ("<table:table-row><table:table-cell table:number-columns-repeated=\"4000000000\"/>"
                                      TEXT ("x") "</table:table-row>");
  g_autoptr(GString) spaces = g_string_new ("<table:table-row><table:table-cell><text:p>");
  g_autoptr(GBytes) long_cell = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (spaces, "<text:s text:c=\"10000\"/>");
  g_string_append (spaces, "</text:p></table:table-cell></table:table-row>");
  long_cell = make_sheet (spaces->str);
  assert_bytes_refused (no_table, "t.ods", "no sheet");
  assert_bytes_refused (broken, "t.ods", "content.xml");
  assert_bytes_refused (rows, "t.ods", "repeats rows or cells more than a million times");
  assert_bytes_refused (columns, "t.ods", "more than 16384 columns");
  assert_bytes_refused (far, "t.ods", "more than 16384 columns");
  assert_bytes_refused (long_cell, "t.ods", "longer than 1 MiB");
}

/* ---- hostile .xls ---- */

static void
test_xls_hostile (void)
{
  g_autofree char *path = fixture_path ("officer-farms.xls");
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) magic_only = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autoptr(GBytes) scrambled = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  truncated = g_bytes_new (contents, len / 3);
  for (gsize i = 600; i < len; i += 7)
    contents[i] ^= 0x5a;
  scrambled = g_bytes_new (contents, len);
  assert_bytes_refused (magic_only, "old.xls", "Excel 97–2003 workbook (.xls)");
  assert_bytes_refused (truncated, "cut.xls", "Excel 97–2003 workbook (.xls)");
  assert_bytes_refused (scrambled, "bad.xls", "(.xls)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-formats/libreoffice/ods", test_libreoffice_ods);
  g_test_add_func ("/table-formats/libreoffice/xls", test_libreoffice_xls);
  g_test_add_func ("/table-formats/libreoffice/same-table", test_libreoffice_same_table);
  g_test_add_func ("/table-formats/libreoffice/missing-sheet", test_missing_sheet);
  g_test_add_func ("/table-formats/libreoffice/import", test_import_libreoffice);
  g_test_add_func ("/table-formats/libreoffice/import-officer-sheet", test_import_officer_sheet);
  g_test_add_func ("/table-formats/ods/cells", test_ods_cells);
  g_test_add_func ("/table-formats/ods/by-content", test_ods_by_content);
  g_test_add_func ("/table-formats/ods/hostile", test_ods_hostile);
  g_test_add_func ("/table-formats/xls/hostile", test_xls_hostile);
  return g_test_run ();
}
