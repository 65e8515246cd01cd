/* test-table.c: CSV, XLSX and GeoJSON files as rows of text cells */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-table.h"
#include "ledger-test-util.h"

/* Rows as "LINE[cell|cell]"; a line break in a cell shown as "\n", a NULL cell as "∅". */
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
          g_auto(GStrv) parts = row->cells[c] ? g_strsplit (row->cells[c], "\n", -1) : NULL;
          g_autofree char *escaped = parts ? g_strjoinv ("\\n", parts) : g_strdup ("∅");

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", escaped);
        }
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

static LedgerTable *
read_ok (const char *bytes,
         gsize       len,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  LedgerTable *table = ledger_table_read_bytes (bytes, len, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Asserts the file is refused with a message naming the file and containing @part. */
static void
assert_refused (const char *bytes,
                gsize       len,
                const char *name,
                const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) table = ledger_table_read_bytes (bytes, len, name, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, part));
}

/* ---- CSV ---- */

static void
test_csv_encodings (void)
{
  static const struct {
    const char *bytes;
    gsize       len;
    const char *encoding;
    const char *expected;
  } cases[] = {
#define C(b, enc, e) { b, sizeof b - 1, enc, e }
    C ("编号,名称\r\n1,甲\r\n", "UTF-8", "1[编号|名称]2[1|甲]"),
    C ("\xEF\xBB\xBF" "编号,名称\r\n1,甲\r\n", "UTF-8 (BOM)", "1[编号|名称]2[1|甲]"),
    /* Excel "CSV (Comma delimited)" on a Chinese Windows: GBK */
    C ("\xb1\xe0\xba\xc5,\xc3\xfb\xb3\xc6\r\n1,\xbc\xd7\r\n", "GB18030", "1[编号|名称]2[1|甲]"),
    /* Excel "Unicode text": UTF-16LE with tabs */
    C ("\xff\xfe" "a\0\t\0\x16\x7f\r\0\n\0" "1\0\t\0" "2\0", "UTF-16LE", "1[a|编]2[1|2]"),
#undef C
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LedgerTable) table = read_ok (cases[i].bytes, cases[i].len, "t.csv");
      g_autofree char *got = table_to_string (table);

      g_test_message ("case %u", i);
      g_assert_cmpint (table->format, ==, LEDGER_TABLE_CSV);
      g_assert_cmpstr (table->encoding, ==, cases[i].encoding);
      g_assert_cmpstr (got, ==, cases[i].expected);
      g_assert_null (table->sheet_name);
    }
}

static void
test_csv_delimiters (void)
{
  static const struct {
    const char *text;
    char        delimiter;
    const char *expected;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', "1[a|b|c]2[1|2|3]" },
    /* Excel in a European locale: semicolons, commas in numbers */
    { "a;b;c\n1,5;2;3\n", ';', "1[a|b|c]2[1,5|2|3]" },
    { "a\tb\tc\n1\t2,5\t3\n", '\t', "1[a|b|c]2[1|2,5|3]" },
    /* delimiters inside quotes do not count */
    { "\"a;b;c\",d\n1,2\n", ',', "1[a;b;c|d]2[1|2]" },
    { "\"x,y,z\";d;e\n1;2;3\n", ';', "1[x,y,z|d|e]2[1|2|3]" },
    /* a header of one column: comma */
    { "name\nx\n", ',', "1[name]2[x]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LedgerTable) table = read_ok (cases[i].text, strlen (cases[i].text), "d.csv");
      g_autofree char *got = table_to_string (table);

      g_test_message ("case %u", i);
      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* What Excel and WPS do when they save CSV. */
static void
test_csv_excel_quirks (void)
{
  static const char text[] =
    "编号,名称,备注,,\r\n"                 /* trailing empty columns */
    "1,\"甲\r\n乙\",\"说 \"\"好\"\"\",,\r\n"  /* quoted CRLF and quotes */
    ",,,,\r\n"                               /* a blank row: kept, line numbers stay true */
    "2,丙,=cmd|' /C calc'!A0,,\r\n"          /* a formula is plain text */
    "3,丁,\"@SUM(1+1)*cmd|' /C calc'!A0\"\r\n"
    "\r\n";
  g_autoptr(LedgerTable) table = read_ok (text, sizeof text - 1, "excel.csv");
  g_autofree char *got = table_to_string (table);

  g_assert_cmpstr (got, ==,
                   "1[编号|名称|备注||]"
                   "2[1|甲\\n乙|说 \"好\"||]"
                   "4[||||]"
                   "5[2|丙|=cmd|' /C calc'!A0||]"
                   "6[3|丁|@SUM(1+1)*cmd|' /C calc'!A0]"
                   "7[]");
}

static void
test_csv_file (void)
{
  static const char gbk[] = "\xb1\xe0\xba\xc5;\xc3\xfb\xb3\xc6\r\n1;\xbc\xd7\r\n";
  g_autofree char *dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "养殖场台账.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) table = NULL;
  g_autofree char *got = NULL;

  g_assert_true (g_file_set_contents (path, gbk, sizeof gbk - 1, NULL));
  table = ledger_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  got = table_to_string (table);
  g_assert_cmpstr (got, ==, "1[编号|名称]2[1|甲]");
  g_assert_cmpstr (table->encoding, ==, "GB18030");
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_nonnull (strstr (table->file_name, "养殖场台账.csv"));

  g_assert_null (ledger_table_read_file (missing, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
  g_clear_error (&error);

  /* a 600 MB file (sparse: no disk used) is refused before it is read */
  {
    g_autofree char *huge = g_build_filename (dir, "huge.csv", NULL);
    FILE *file = g_fopen (huge, "wb");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 600 * 1024 * 1024, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc ('\n', file), ==, '\n');
    fclose (file);
    g_assert_null (ledger_table_read_file (huge, NULL, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
    g_assert_nonnull (strstr (error->message, "larger than 512 MiB"));
  }
  ledger_test_remove_dir (dir);
}

/* ---- XLSX ---- */

static LedgerTable *
read_file_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LedgerTable *table = ledger_table_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
write_libxlsxwriter_fixture (const char *path)
{
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "台账");
  lxw_format *date = workbook_add_format (book);
  lxw_format *chinese_date = workbook_add_format (book);
  lxw_format *bold = workbook_add_format (book);
  lxw_datetime may_day = { 2024, 5, 1, 0, 0, 0 };
  lxw_datetime leap = { 1900, 3, 1, 0, 0, 0 };
  lxw_rich_string_tuple run1 = { bold, "黑臭" }, run2 = { NULL, "水体" };
  lxw_rich_string_tuple *rich[] = { &run1, &run2, NULL };
  const char *headers[] = { "编号", "名称", "数量", "日期", "有效", "备注" };

  format_set_num_format (date, "yyyy-mm-dd");
  format_set_num_format (chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_bold (bold);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], bold);
  /* a 12-digit code as text, one as a number: the digits are kept either way */
  worksheet_write_string (sheet, 1, 0, "512022100201", NULL);
  worksheet_write_rich_string (sheet, 1, 1, rich, NULL);
  worksheet_write_number (sheet, 1, 2, 0.1 + 0.2, NULL);
  worksheet_write_datetime (sheet, 1, 3, &may_day, date);
  worksheet_write_boolean (sheet, 1, 4, 1, NULL);
  worksheet_write_string (sheet, 1, 5, "=cmd|' /C calc'!A0", NULL);
  worksheet_write_number (sheet, 2, 0, 512022100202.0, NULL);
  worksheet_write_number (sheet, 2, 2, 100000, NULL);
  worksheet_write_datetime (sheet, 2, 3, &leap, chinese_date);
  worksheet_write_boolean (sheet, 2, 4, 0, NULL);
  worksheet_write_formula_num (sheet, 2, 5, "=C3*2", NULL, 200000);
  /* row 4 left empty; a cell far right that is blank but formatted */
  worksheet_write_number (sheet, 4, 0, -0.00001, NULL);
  worksheet_write_number (sheet, 4, 2, 1e20, NULL);
  worksheet_write_blank (sheet, 4, 30, bold);
  worksheet_write_string (workbook_add_worksheet (book, "第二页"), 0, 0, "not read", NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
}

static void
test_xlsx_libxlsxwriter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);
  g_autoptr(LedgerTable) table = NULL;
  g_autofree char *got = NULL;

  write_libxlsxwriter_fixture (path);
  table = read_file_ok (path);
  got = table_to_string (table);
  g_assert_cmpint (table->format, ==, LEDGER_TABLE_XLSX);
  g_assert_cmpstr (table->encoding, ==, "XLSX");
  g_assert_cmpint (table->delimiter, ==, 0);
  g_assert_cmpstr (table->sheet_name, ==, "台账");
  g_assert_cmpstr (got, ==,
                   "1[编号|名称|数量|日期|有效|备注]"
                   "2[512022100201|黑臭水体|0.3|2024-05-01|1|=cmd|' /C calc'!A0]"
                   "3[512022100202||100000|1900-03-01|0|200000]"
                   "5[-0.00001||100000000000000000000]");
  ledger_test_remove_dir (dir);
}

static void
test_xlsx_openpyxl (void)
{
  const char *python = g_getenv ("LEDGER_OPENPYXL_PYTHON");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script = NULL;
  g_autoptr(LedgerTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  int status = -1;

  if (python == NULL || *python == '\0')
    {
      g_test_skip ("Python with openpyxl was not found at configure time");
      return;
    }
  dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  path = g_build_filename (dir, "openpyxl.xlsx", NULL);
  script = g_test_build_filename (G_TEST_DIST, "make-openpyxl-fixture.py", NULL);
  g_spawn_sync (NULL, (char *[]) { (char *) python, script, path, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  table = read_file_ok (path);
  got = table_to_string (table);
  g_assert_cmpstr (table->sheet_name, ==, "养殖场");
  g_assert_cmpstr (got, ==,
                   "1[编号|名称|存栏量(头)|建档日期|规模|备注]"
                   "2[512022100201|甲养殖场|1200|2024-05-01|1]"
                   "3[512022100202|乙|0.3|2023-12-31|0|=cmd|' /C calc'!A0]"
                   "5[512022100203|丙|0.00001|1900-01-01||末行]");
  ledger_test_remove_dir (dir);
}

/* A zip of the given parts: name, content, name, content, …, NULL. */
static GBytes *
make_zip (const char *dir,
          const char *first_name,
          ...)
{
  g_autofree char *path = g_build_filename (dir, "parts.zip", NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  const char *name = first_name;
  char *contents = NULL;
  gsize len = 0;
  va_list args;

  g_assert_nonnull (zip);
  va_start (args, first_name);
  for (; name != NULL; name = va_arg (args, const char *))
    {
      const char *part = va_arg (args, const char *);

      g_assert_cmpint (zipOpenNewFileInZip (zip, name, NULL, NULL, 0, NULL, 0, NULL,
                                            Z_DEFLATED, Z_DEFAULT_COMPRESSION), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, part, strlen (part)), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  va_end (args);
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_unlink (path);
  return g_bytes_new_take (contents, len);
}

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* What WPS and other writers do that Excel does not: prefixed elements, no
 * dimension, cells and rows without references, t="str" formula text,
 * inline rich text with a phonetic guide, a sheet part not named sheet1,
 * Chinese built-in date formats and a 1904 workbook. */
static void
test_xlsx_wps_quirks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  g_autoptr(GBytes) zip = make_zip (dir,
    "xl/workbook.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook " MAIN_NS " " REL_NS "><workbookPr date1904=\"1\"/>"
    "<sheets><sheet name=\"村庄\" sheetId=\"7\" r:id=\"rId9\"/><sheet name=\"x\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/village.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>",
    "xl/styles.xml",
    "<styleSheet " MAIN_NS "><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"31\"/><xf numFmtId=\"176\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>",
    "xl/worksheets/village.xml",
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
    "<x:row><x:c t=\"inlineStr\"><x:is><x:t>村名</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>日期</x:t></x:is></x:c>"
    "<x:c t=\"inlineStr\"><x:is><x:t>月份</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>时间</x:t></x:is></x:c></x:row>"
    "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t>天池</x:t></x:r><x:r><x:t xml:space=\"preserve\">村 </x:t></x:r>"
    "<x:rPh sb=\"0\" eb=\"2\"><x:t>tianchi</x:t></x:rPh></x:is></x:c>"
    "<x:c s=\"1\"><x:v>43586</x:v></x:c><x:c s=\"2\"><x:v>43586.75</x:v></x:c><x:c s=\"3\"><x:v>0.5</x:v></x:c></x:row>"
    "<x:row r=\"9\"><x:c r=\"B9\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>村名x</x:v></x:c>"
    "<x:c r=\"D9\" t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    "xl/worksheets/sheet1.xml", "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>",
    NULL);
  g_autoptr(LedgerTable) table = read_ok (g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), "wps.xlsx");
  g_autofree char *got = table_to_string (table);

  g_assert_cmpstr (table->sheet_name, ==, "村庄");
  /* 1904 system: serial 43586 is 2023-05-02, not 2019-05-01 */
  g_assert_cmpstr (got, ==,
                   "1[村名|日期|月份|时间]"
                   "2[天池村 |2023-05-02|2023-05-02|12:00:00]"
                   "9[|村名x||#N/A]");
  ledger_test_remove_dir (dir);
}

/* ---- GeoJSON ---- */

static void
test_geojson_mixed (void)
{
  static const char text[] =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"W1\",\"name\":\"黑水塘\",\"area\":0.30000000000000004},"
    " \"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105.0,30.2],[105.01,30.2],[105.0,30.21],[105.0,30.2]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"W2\",\"length\":1200,\"ok\":true},"
    " \"geometry\":{\"type\":\"LineString\",\"coordinates\":[[105.1,30.3],[105.2,30.31]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"F1\",\"name\":null},"
    " \"geometry\":{\"type\":\"Point\",\"coordinates\":[105.03,30.27]}},"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"F2\",\"经度\":105.5,\"纬度\":30.5},\"geometry\":null},"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"M1\"},"
    " \"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1,2],[3,4],[5,6],[1,2]]]]}}"
    "]}";
  g_autoptr(LedgerTable) table = read_ok (text, sizeof text - 1, "water.geojson");
  g_autofree char *got = table_to_string (table);

  g_assert_cmpint (table->format, ==, LEDGER_TABLE_GEOJSON);
  g_assert_cmpstr (got, ==,
                   "0[code|name|area|length|ok|lon|lat|geometry]"
                   "1[W1|黑水塘|0.3|∅|∅|||{\"type\":\"Polygon\",\"coordinates\":[[[105,30.2],[105.01,30.2],[105,30.21],[105,30.2]]]}]"
                   "2[W2|∅|∅|1200|1|||{\"type\":\"LineString\",\"coordinates\":[[105.1,30.3],[105.2,30.31]]}]"
                   "3[F1||∅|∅|∅|105.03|30.27|]"
                   "4[F2|∅|∅|∅|∅|105.5|30.5|]"
                   "5[M1|∅|∅|∅|∅|||{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1,2],[3,4],[5,6],[1,2]]]]}]");
}

static void
test_geojson_errors (void)
{
  static const struct { const char *text; const char *part; } cases[] = {
    { "{\"type\":\"Feature\",\"properties\":{}}", "FeatureCollection" },
    { "{\"type\":\"FeatureCollection\",\"features\":[", "not valid JSON" },
    { "[1,2,3]", "FeatureCollection" },
  };
  g_autoptr(GString) deep = g_string_new ("{\"features\":");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, strlen (cases[i].text), "bad.geojson", cases[i].part);
  /* json-glib recurses: a deeply nested file must not overflow the stack */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, deep->len, "deep.json", "nested");
}

/* ---- hostile input: refused with a clear message, never a crash ---- */

static void
test_hostile_text (void)
{
  g_autoptr(GString) big = g_string_new ("a,b\n1,");
  g_autoptr(GString) quoted = g_string_new ("a,b\n1,\"");
  g_autoptr(GString) blank_lines = g_string_new ("a\n");
  g_autofree char *junk = g_malloc (65536);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < 65536; i++)
    junk[i] = (char) g_rand_int_range (rand, 0, 256);
  junk[0] = 'x';   /* not "PK", not a BOM */
  junk[100] = '\0';
  assert_refused (junk, 65536, "junk.csv", "NUL");
  assert_refused ("a,b\n1,\0\n", 8, "nul.csv", "NUL");
  assert_refused ("a,b\n\"1,2\n3,4\n", 12, "quote.csv", "Line 2: a quoted cell is not closed");
  /* 10 MB in one cell, unquoted and quoted */
  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (big, 'x');
  g_string_append (quoted, big->str + 6);
  g_string_append (quoted, "\"\n");
  assert_refused (big->str, big->len, "big.csv", "Line 2, column 2: the cell is longer than 1 MiB");
  assert_refused (quoted->str, quoted->len, "quoted.csv", "Line 2, column 2: the cell is longer than 1 MiB");
  /* more rows than any ledger: refused, also when they are blank */
  for (guint i = 0; i < LEDGER_TABLE_MAX_ROWS; i++)
    g_string_append_c (blank_lines, '\n');
  assert_refused (blank_lines->str, blank_lines->len, "rows.csv", "more than 2000000 rows");
  /* an old .xls or an encrypted workbook is an OLE file */
  assert_refused ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12, "old.xls", ".xls");
}

/* A million rows read (not refused), in seconds rather than minutes. */
static void
test_million_rows (void)
{
  g_autoptr(GString) text = g_string_new ("编号,名称,数量\r\n");
  g_autoptr(LedgerTable) table = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  LedgerCsvRow *last;

  for (guint i = 1; i <= 1000000; i++)
    g_string_append_printf (text, "%u,养殖场%u,%u\r\n", i, i, i % 997);
  g_timer_start (timer);
  table = read_ok (text->str, text->len, "million.csv");
  g_test_message ("1,000,000 rows (%zu MB) read in %.2f s", text->len >> 20, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (table->rows->len, ==, 1000001);
  last = g_ptr_array_index (table->rows, 1000000);
  g_assert_cmpuint (last->line, ==, 1000001);
  g_assert_cmpstr (last->cells[1], ==, "养殖场1000000");
}

static void
test_cancelled (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) table = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "1,2\n");
  g_cancellable_cancel (cancellable);
  table = ledger_table_read_bytes (text->str, text->len, "c.csv", cancellable, &error);
  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GBytes *
libxlsxwriter_bytes (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "fixture.xlsx", NULL);
  char *contents = NULL;
  gsize len = 0;

  write_libxlsxwriter_fixture (path);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_zip_refused (GBytes     *zip,
                    const char *part)
{
  assert_refused (g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), "bad.xlsx", part);
}

#define SHEET_PART "xl/worksheets/sheet1.xml"

static void
test_hostile_xlsx (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  g_autoptr(GBytes) good = libxlsxwriter_bytes (dir);
  g_autofree char *damaged = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  gsize len = g_bytes_get_size (good);
  g_autoptr(GBytes) truncated = g_bytes_new (damaged, len / 2);
  g_autoptr(GBytes) flipped = NULL;
  g_autoptr(GString) bomb = g_string_new ("<worksheet " MAIN_NS "><sheetData>");

  assert_zip_refused (truncated, "zip archive is damaged");
  /* whichever part the damage hits, the message names the file */
  for (gsize i = 600; i < len - 600; i += 7)
    damaged[i] ^= 0x5a;
  flipped = g_bytes_new (damaged, len);
  assert_zip_refused (flipped, "bad.xlsx: ");
  assert_refused ("not a zip", 9, "renamed.xlsx", "zip archive is damaged");
  assert_zip_refused (g_bytes_new_static ("PK\x05\x06" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22),
                      "zip archive is damaged");
#define ZIP_OF_SHEET(xml) make_zip (dir, SHEET_PART, xml, NULL)
  {
    g_autoptr(GBytes) broken = ZIP_OF_SHEET ("<worksheet " MAIN_NS "><sheetData><row><c><v>1</v></row>");
    g_autoptr(GBytes) reference = ZIP_OF_SHEET ("<worksheet><sheetData><row><c r=\"ZZZZ1\"><v>1</v></c></row></sheetData></worksheet>");
    g_autoptr(GBytes) row = ZIP_OF_SHEET ("<worksheet><sheetData><row r=\"-3\"/></sheetData></worksheet>");
    g_autoptr(GBytes) orphan = ZIP_OF_SHEET ("<worksheet><sheetData><c r=\"A1\"><v>1</v></c></sheetData></worksheet>");
    g_autoptr(GBytes) string = ZIP_OF_SHEET ("<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>");
    g_autoptr(GBytes) bombed = NULL;

    assert_zip_refused (broken, "The workbook part “xl/worksheets/sheet1.xml” is damaged");
    assert_zip_refused (reference, "“ZZZZ1” is not a cell reference");
    assert_zip_refused (row, "“-3” is not a row number");
    assert_zip_refused (orphan, "outside a row");
    assert_zip_refused (string, "shared text");
    /* 70 MiB of blanks packs into a few KiB */
    for (guint i = 0; i < 70 * 1024 * 1024 / 64; i++)
      g_string_append (bomb, "                                                                ");
    g_string_append (bomb, "</sheetData></worksheet>");
    bombed = ZIP_OF_SHEET (bomb->str);
    assert_zip_refused (bombed, "zip bomb");
  }
#undef ZIP_OF_SHEET
  ledger_test_remove_dir (dir);
}

/* ---- hostile input through the import: the ledger stays as it was ---- */

static gint64
audit_rows (LedgerDb *db)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT count(*) FROM audit", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
write_file (const char *dir,
            const char *name,
            const char *bytes,
            gsize       len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
}

static void
write_hostile_files (const char *dir)
{
  g_autoptr (GString) big = g_string_new ("名称,行政村代码,畜种\r\n\"");
  g_autoptr (GString) deep = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":");
  g_autoptr (GBytes) xlsx = libxlsxwriter_bytes (dir);
  g_autoptr (GBytes) broken = make_zip (dir, SHEET_PART, "<worksheet><sheetData><row><c><v>1</v></row>", NULL);
  g_autofree char *junk = g_malloc (4096);

  for (guint i = 0; i < 4096; i++)
    junk[i] = (char) (i * 7919 % 251);
  write_file (dir, "junk.csv", junk, 4096);
  write_file (dir, "nul.csv", "名称,行政村代码,畜种\r\n甲\0,512022100201,生猪\r\n", 43);
  write_file (dir, "quote.csv", "名称,行政村代码,畜种\r\n\"甲,512022100201,生猪\r\n", -1);
  for (guint i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\",512022100201,生猪\r\n");
  write_file (dir, "big.csv", big->str, big->len);
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '[');
  write_file (dir, "deep.geojson", deep->str, deep->len);
  write_file (dir, "truncated.xlsx", g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx) / 2);
  write_file (dir, "broken.xlsx", g_bytes_get_data (broken, NULL), g_bytes_get_size (broken));
}

static void
test_hostile_import (void)
{
  static const char *const names[] = {
    "junk.csv", "nul.csv", "quote.csv", "big.csv", "deep.geojson", "truncated.xlsx", "broken.xlsx",
  };
  g_autofree char *dir = g_dir_make_tmp ("test-table-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
  gint64 audit_before;

  g_assert_no_error (error);
  write_hostile_files (dir);
  audit_before = audit_rows (db);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      LedgerImportOptions options = { .valid_only = TRUE };
      g_autoptr (LedgerImportReport) report = ledger_import_file (db, LEDGER_KIND_FARMS, path, &options, &error);

      g_test_message ("%s: %s", names[i], error ? error->message : "report");
      g_assert_true (report == NULL || report->n_written == 0);
      g_assert_true (report != NULL || error != NULL);
      g_clear_error (&error);
      g_assert_cmpuint (ledger_store_count (db, LEDGER_KIND_FARMS), ==, 0);
      g_assert_cmpint (audit_rows (db), ==, audit_before);
    }
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

/* found by fuzz-geojson: a \u escape broken by a GB18030 byte came out of
 * json-glib as invalid UTF-8 */
static void
test_geojson_broken_escape (void)
{
  static const char bytes[] =
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
    "{\"a\":\"\\u004\xb1\\n\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.5,30.2]}}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = ledger_table_read_bytes (bytes, sizeof bytes - 1, "broken.geojson", NULL, &error);

  if (table == NULL)
    {
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
      return;
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->n_cells; c++)
        g_assert_true (row->cells[c] == NULL || g_utf8_validate (row->cells[c], -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/csv/encodings", test_csv_encodings);
  g_test_add_func ("/table/csv/delimiters", test_csv_delimiters);
  g_test_add_func ("/table/csv/excel-quirks", test_csv_excel_quirks);
  g_test_add_func ("/table/csv/file", test_csv_file);
  g_test_add_func ("/table/xlsx/libxlsxwriter", test_xlsx_libxlsxwriter);
  g_test_add_func ("/table/xlsx/openpyxl", test_xlsx_openpyxl);
  g_test_add_func ("/table/xlsx/wps-quirks", test_xlsx_wps_quirks);
  g_test_add_func ("/table/geojson/mixed", test_geojson_mixed);
  g_test_add_func ("/table/geojson/errors", test_geojson_errors);
  g_test_add_func ("/table/geojson/broken-escape", test_geojson_broken_escape);
  g_test_add_func ("/table/hostile/text", test_hostile_text);
  g_test_add_func ("/table/hostile/million-rows", test_million_rows);
  g_test_add_func ("/table/hostile/cancelled", test_cancelled);
  g_test_add_func ("/table/hostile/xlsx", test_hostile_xlsx);
  g_test_add_func ("/table/hostile/import-writes-nothing", test_hostile_import);
  return g_test_run ();
}
