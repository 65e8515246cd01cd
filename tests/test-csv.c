/* test-csv.c: CSV as Excel and WPS save it */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"

/* Rows as "LINE[cell|cell]", with a line break in a cell shown as "\n". */
static char *
rows_to_string (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      LedgerCsvRow *row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (g_strv_length (row->cells), ==, row->n_cells);
      g_string_append_printf (out, "%u[", row->line);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_auto(GStrv) parts = g_strsplit (row->cells[c], "\n", -1);
          g_autofree char *escaped = g_strjoinv ("\\n", parts);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", escaped);
        }
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

static void
test_decode (void)
{
  static const struct {
    const char *bytes;
    gsize       len;
    const char *expected;
    const char *encoding;
  } cases[] = {
#define C(b, e, enc) { b, sizeof b - 1, e, enc }
    C ("a,b\r\n", "a,b\r\n", "UTF-8"),
    C ("", "", "UTF-8"),
    C ("\xEF\xBB\xBF" "编号,名称\r\n", "编号,名称\r\n", "UTF-8"),
    C ("编号,名称\r\n", "编号,名称\r\n", "UTF-8"),
    /* Excel "CSV (Comma delimited)" on a Chinese Windows: GBK */
    C ("\xb1\xe0\xba\xc5,\xc3\xfb\xb3\xc6\r\n", "编号,名称\r\n", "GB18030"),
    /* 㐀 (U+3400) exists in GB18030 only, as four bytes */
    C ("\x81\x39\xee\x39,1\r\n", "㐀,1\r\n", "GB18030"),
    /* Excel "Unicode text" */
    C ("\xff\xfe" "a\0,\0\x16\x7f\r\0\n\0", "a,编\r\n", "UTF-16LE"),
    C ("\xfe\xff" "\0a\0," "\x7f\x16\0\r\0\n", "a,编\r\n", "UTF-16BE"),
#undef C
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *encoding = NULL;
      g_autofree char *text = ledger_csv_decode (cases[i].bytes, cases[i].len, &encoding, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpstr (encoding, ==, cases[i].encoding);
    }
}

static void
test_decode_errors (void)
{
  static const struct { const char *bytes; gsize len; } cases[] = {
#define C(b) { b, sizeof b - 1 }
    C ("PK\x03\x04\0\0\x08\0"),               /* an .xlsx workbook */
    C ("\xEF\xBB\xBF" "a,\xff\xfe\n"),         /* a BOM, then not UTF-8 */
    C ("\xb1\xe0\x81\x20"),                   /* not GB18030 either */
    C ("\xb1\xe0\xba"),                        /* cut in the middle of a character */
    C ("\xff\xfe" "a\0,"),                     /* odd length UTF-16 */
    C ("\xff\xfe" "a\0\0\0"),                  /* U+0000 */
#undef C
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *encoding = "unchanged";
      g_autofree char *text = ledger_csv_decode (cases[i].bytes, cases[i].len, &encoding, &error);

      g_test_message ("case %u", i);
      g_assert_null (text);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
      g_assert_cmpstr (encoding, ==, "unchanged");
    }
}

static void
test_parse (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "a,b,c\nd,e,f\n", "1[a|b|c]2[d|e|f]" },
    { "a,b\r\nc,d\r\n", "1[a|b]2[c|d]" },
    { "a,b\rc,d\r", "1[a|b]2[c|d]" },
    { "a,b", "1[a|b]" },
    { "", "" },
    { "\n\r\n\r", "" },
    { "\"a,b\",c\n", "1[a,b|c]" },
    { "\"say \"\"hi\"\"\",x\n", "1[say \"hi\"|x]" },
    { "\"\"\"\"", "1[\"]" },
    { "\"line1\nline2\",x\nnext,y\n", "1[line1\\nline2|x]3[next|y]" },
    { "\"l1\r\nl2\r\n\r\nl4\",x\r\nnext\r\n", "1[l1\\nl2\\n\\nl4|x]5[next]" },
    { "a\n\nb\n", "1[a]3[b]" },
    { "a\r\n\r\n\r\nb\r\n", "1[a]4[b]" },
    { "a\n,,,\n  , \nb\n", "1[a]4[b]" },
    { "\"\",\"\"\nb", "2[b]" },
    { "a,b,c\nd\ne,f,g,h\n", "1[a|b|c]2[d]3[e|f|g|h]" },
    { "a,,c\n", "1[a||c]" },
    { "a,\n", "1[a|]" },
    { ",a\n", "1[|a]" },
    { "\"\",x\n", "1[|x]" },
    { "\xEF\xBB\xBF" "a,b\n", "1[a|b]" },
    { "\"a\"b,c", "1[ab|c]" },
    { " \"a\",b", "1[ \"a\"|b]" },
    { "a\"b,c", "1[a\"b|c]" },
    { " a , b ", "1[ a | b ]" },
    { "编号,名称\n1,白鹤村污水站\n", "1[编号|名称]2[1|白鹤村污水站]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = ledger_csv_parse (cases[i].text, &error);
      g_autofree char *got = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_no_error (error);
      got = rows_to_string (rows);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_parse_unterminated (void)
{
  static const struct { const char *text; guint line; } cases[] = {
    { "\"abc", 1 },
    { "a,\"unterminated\nmore\n", 1 },
    { "x\ny\n\"a\"\"\n", 3 },
    { "h1,h2\r\n\"ok\r\nstill ok\",b\r\nc,\"open\r\n\r\n", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = ledger_csv_parse (cases[i].text, &error);
      g_autofree char *line = g_strdup_printf ("Line %u:", cases[i].line);

      g_assert_null (rows);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, line));
    }
}

static void
test_append_row (void)
{
  static const struct { const char *cells[3]; guint n; const char *expected; } cases[] = {
    { { "a", "b" }, 2, "a,b\r\n" },
    { { "a,b", "c" }, 2, "\"a,b\",c\r\n" },
    { { "say \"hi\"" }, 1, "\"say \"\"hi\"\"\"\r\n" },
    { { "l1\nl2", "x" }, 2, "\"l1\nl2\",x\r\n" },
    { { "cr\r" }, 1, "\"cr\r\"\r\n" },
    { { " lead", "trail ", "in side" }, 3, "\" lead\",\"trail \",in side\r\n" },
    { { NULL, "x", "" }, 3, ",x,\r\n" },
    { { "编号", "名称" }, 2, "编号,名称\r\n" },
    { { "-12.5", "=1+1" }, 2, "-12.5,=1+1\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("");
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      LedgerCsvRow *row;

      ledger_csv_append_row (out, cases[i].cells, cases[i].n);
      g_assert_cmpstr (out->str, ==, cases[i].expected);

      /* and it reads back (a cell's lone CR comes back as a line break) */
      rows = ledger_csv_parse (out->str, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      row = g_ptr_array_index (rows, 0);
      g_assert_cmpuint (row->n_cells, ==, cases[i].n);
      for (guint c = 0; c < cases[i].n; c++)
        {
          const char *cell = cases[i].cells[c] ? cases[i].cells[c] : "";

          if (strcmp (cell, "cr\r") == 0)
            cell = "cr\n";
          g_assert_cmpstr (row->cells[c], ==, cell);
        }
    }
}

static char *
write_temp (const char *bytes,
            gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-csv-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_read_file (void)
{
  static const char gbk[] = "\xb1\xe0\xba\xc5,\xc3\xfb\xb3\xc6\r\n" "1,\"a\r\nb\"\r\n\r\n2,c\r\n";
  static const char broken[] = "a,b\n\"c\n";
  g_autofree char *path = write_temp (gbk, sizeof gbk - 1);
  g_autofree char *broken_path = write_temp (broken, sizeof broken - 1);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-dir", "ledger.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL;
  const char *encoding = NULL;

  rows = ledger_csv_read_file (path, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  got = rows_to_string (rows);
  g_assert_cmpstr (got, ==, "1[编号|名称]2[1|a\\nb]5[2|c]");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = ledger_csv_read_file (missing, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_assert_nonnull (strstr (error->message, "ledger.csv"));
  g_clear_error (&error);

  rows = ledger_csv_read_file (broken_path, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, broken_path));
  g_assert_nonnull (strstr (error->message, "Line 2:"));

  g_unlink (path);
  g_unlink (broken_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/decode", test_decode);
  g_test_add_func ("/csv/decode-errors", test_decode_errors);
  g_test_add_func ("/csv/parse", test_parse);
  g_test_add_func ("/csv/parse-unterminated", test_parse_unterminated);
  g_test_add_func ("/csv/append-row", test_append_row);
  g_test_add_func ("/csv/read-file", test_read_file);

  return g_test_run ();
}
