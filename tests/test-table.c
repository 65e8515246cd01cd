/* test-table.c: CSV, XLSX and GeoJSON files as rows of text cells */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-error.h"
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
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/csv/encodings", test_csv_encodings);
  g_test_add_func ("/table/csv/delimiters", test_csv_delimiters);
  g_test_add_func ("/table/csv/excel-quirks", test_csv_excel_quirks);
  g_test_add_func ("/table/csv/file", test_csv_file);
  g_test_add_func ("/table/geojson/mixed", test_geojson_mixed);
  g_test_add_func ("/table/geojson/errors", test_geojson_errors);
  return g_test_run ();
}
