/* test-values.c: cell values as Excel/WPS leave them (README.md, Import) */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-values.h"

#define FAIL NULL

static const LedgerField *
field_of (LedgerKind  kind,
          const char *key)
{
  int index = ledger_kind_field_index (kind, key);

  g_assert_cmpint (index, >=, 0);
  return &ledger_kind_fields (kind, NULL)[index];
}

/* The canonical text of a number is printf's "%.15g" (no "-0"), also where
 * it is made without printf: decimals of a few places, integers, the
 * smallest and largest of the fixed notation, and random doubles. */
static void
assert_canonical (double value)
{
  char expected[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *canonical = ledger_number_canonical (value);

  g_ascii_formatd (expected, sizeof expected, "%.15g", value == 0 ? 0 : value);
  g_assert_cmpstr (canonical, ==, expected);
}

static void
test_number_canonical (void)
{
  static const double fixed[] = {
    0.0, -0.0, 1, -1, 0.1, 0.5, 105.001, 30.2, 30.201, 1e-4, 0.00012, 9.9e-5, 123456789012345.0,
    999999999999999.0, 1e15, 1e16, -2.5e-7, 0.30000000000000004, 1.0 / 3, 2.675, 1e300, 5e-324,
    0.1 + 0.2, 4503599627370497.0, 12345678.12345678, 0.00999, 100.00001,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (19);

  static const gint64 integers[] = { 0, 1, -1, 9, 10, -10, 2025, G_MAXINT64, G_MININT64, G_MAXINT64 - 1 };
  char buffer[24];

  for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
    {
      g_autofree char *printed = g_strdup_printf ("%" G_GINT64_FORMAT, integers[i]);
      g_assert_cmpstr (ledger_format_int64 (buffer, integers[i]), ==, printed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    assert_canonical (fixed[i]), assert_canonical (-fixed[i]);
  for (guint i = 0; i < 200000; i++)
    {
      guint places = g_rand_int_range (rand, 0, 11);
      gint64 digits = g_rand_int_range (rand, 0, G_MAXINT32) * (gint64) g_rand_int_range (rand, 1, 100000);
      char text[64];

      g_snprintf (text, sizeof text, "%s%" G_GINT64_FORMAT "e-%u", i % 2 ? "-" : "", digits, places);
      assert_canonical (g_ascii_strtod (text, NULL));
      assert_canonical (g_rand_double_range (rand, -1e6, 1e6));
    }
}

/* ledger_strtod() reads what g_ascii_strtod() reads, to the last bit and
 * the same end: plain decimals (its own way) and everything else. */
static void
assert_strtod (const char *text)
{
  char *end = NULL, *expected_end = NULL;
  double value = ledger_strtod (text, &end);
  double expected = g_ascii_strtod (text, &expected_end);

  g_assert_true (memcmp (&value, &expected, sizeof value) == 0 || (isnan (value) && isnan (expected)));
  g_assert_true (end == expected_end);
}

static void
test_strtod (void)
{
  static const char *const texts[] = {
    "0", "-0", "+0", "0.0", ".5", "5.", "-.5", "105.001", "30.2", "0.1", "0.30000000000000004",
    "123456789012345", "1234567890123456", "999999999999999.9", "0.000000000000001", "1e5", "1.5e-3",
    "12kg", "", "-", ".", "..5", "1.2.3", " 7", "7 ", "nan", "inf", "0x10", "00012.500",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (190);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_strtod (texts[i]);
  for (guint i = 0; i < 200000; i++)
    {
      guint n = g_rand_int_range (rand, 1, 18);
      guint point = g_rand_int_range (rand, 0, n + 2);
      char text[32];
      char *p = text;

      if (g_rand_boolean (rand))
        *p++ = '-';
      for (guint j = 0; j < n; j++)
        {
          if (j == point)
            *p++ = '.';
          *p++ = '0' + g_rand_int_range (rand, 0, 10);
        }
      *p = '\0';
      assert_strtod (text);
    }
}

static void
test_parse_number (void)
{
  static const struct { const char *text; gboolean ok; double expected; } cases[] = {
    { "1234", TRUE, 1234 },
    { "1,234.5", TRUE, 1234.5 },
    { "１，２３４", TRUE, 1234 },
    { "１２３４．５", TRUE, 1234.5 },
    { "1 234 567", TRUE, 1234567 },
    { "1\u3000234", TRUE, 1234 },
    { "1,234,567.25", TRUE, 1234567.25 },
    { "  12.5  ", TRUE, 12.5 },
    { "\u3000１２\u3000", TRUE, 12 },
    { "\u00a07\u00a0", TRUE, 7 },
    { "－３．５", TRUE, -3.5 },
    { "＋2", TRUE, 2 },
    { "-0.25", TRUE, -0.25 },
    { "1.5e3", TRUE, 1500 },
    { "1.23E+11", TRUE, 123000000000.0 },
    { ".5", TRUE, 0.5 },
    { "5.", TRUE, 5 },
    { "0", TRUE, 0 },
    { "", FALSE, 0 },
    { "   ", FALSE, 0 },
    { "\u3000", FALSE, 0 },
    { "nan", FALSE, 0 },
    { "NaN", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "-infinity", FALSE, 0 },
    { "0x10", FALSE, 0 },
    { "12kg", FALSE, 0 },
    { "12 kg", FALSE, 0 },
    { "kg12", FALSE, 0 },
    { "1,2345", FALSE, 0 },
    { "12,5", FALSE, 0 },         /* a decimal comma is not a thousands separator */
    { "1234,567", FALSE, 0 },
    { "1,234,56", FALSE, 0 },
    { "1,,234", FALSE, 0 },
    { "1, 234", FALSE, 0 },
    { "1,234 567", FALSE, 0 },    /* one kind of separator */
    { ",123", FALSE, 0 },
    { "123,", FALSE, 0 },
    { "12 34", FALSE, 0 },
    { "--1", FALSE, 0 },
    { "- 1", FALSE, 0 },
    { "1e", FALSE, 0 },
    { "1e999", FALSE, 0 },
    { ".", FALSE, 0 },
    { "-", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
    { "\xff", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -999;
      gboolean ok = ledger_parse_number (cases[i].text, &value);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat (value, ==, cases[i].expected);
      else
        g_assert_cmpfloat (value, ==, -999);
    }
  g_assert_false (ledger_parse_number (NULL, NULL));
}

static void
test_parse_date (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "2023-05-06", "2023-05-06" },
    { "2023-5-6", "2023-05-06" },
    { "2023/5/6", "2023-05-06" },
    { "2023/05/06", "2023-05-06" },
    { "2023.5.6", "2023-05-06" },
    { "2023年5月6日", "2023-05-06" },
    { "2023年12月31日", "2023-12-31" },
    { "２０２３年５月６日", "2023-05-06" },
    { "２０２３－０５－０６", "2023-05-06" },
    { " 2023-5-6\u3000", "2023-05-06" },
    { "2024-02-29", "2024-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "1900-01-01", "1900-01-01" },
    { "2100-12-31", "2100-12-31" },
    { "2023-02-29", FAIL },
    { "1900-02-29", FAIL },
    { "2023-04-31", FAIL },
    { "2023-13-01", FAIL },
    { "2023-00-10", FAIL },
    { "2023-01-00", FAIL },
    { "1899-12-31", FAIL },
    { "2101-01-01", FAIL },
    { "2023-5/6", FAIL },
    { "23-5-6", FAIL },
    { "20230506", FAIL },
    { "2023-005-06", FAIL },
    { "2023-05-06x", FAIL },
    { "2023-05-06 12:00", FAIL },
    { "2023年5月6", FAIL },
    { "2023年5-6日", FAIL },
    { "6/5/2023", FAIL },
    { "", FAIL },
    { "today", FAIL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      gboolean ok = ledger_parse_date (cases[i].text, &iso);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].expected != NULL);
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

typedef struct
{
  LedgerKind  kind;
  const char *key;
  const char *text;
  gboolean    ok;
  const char *expected;   /* canonical when ok (NULL = blank) */
} FieldCase;

#define OK(kind, key, text, expected) { LEDGER_KIND_##kind, key, text, TRUE, expected }
#define BAD(kind, key, text) { LEDGER_KIND_##kind, key, text, FALSE, NULL }

static void
check_field_cases (const FieldCase *cases,
                   guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const LedgerField *field = field_of (cases[i].kind, cases[i].key);
      g_autoptr(GError) error = NULL;
      g_autofree char *canonical = NULL;
      gboolean ok = ledger_field_parse (field, cases[i].text, &canonical, &error);

      g_test_message ("%s “%s”", cases[i].key, cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (canonical, ==, cases[i].expected);
        }
      else
        {
          g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
          g_assert_null (canonical);
          g_assert_true (g_str_has_prefix (error->message, ledger_field_display_name (field)));
        }
    }
}

static void
test_field_numbers (void)
{
  static const FieldCase cases[] = {
    OK (FARMS, "stock", "1,200", "1200"),
    OK (FARMS, "stock", "１２００", "1200"),
    OK (FARMS, "stock", " 12.0 ", "12"),
    OK (FARMS, "stock", "0", "0"),
    OK (FARMS, "stock", "1000000000", "1000000000"),
    OK (FARMS, "stock", "", NULL),
    OK (FARMS, "stock", "\u3000 ", NULL),
    OK (FARMS, "stock", NULL, NULL),
    BAD (FARMS, "stock", "12.5"),
    BAD (FARMS, "stock", "-1"),
    BAD (FARMS, "stock", "1000000001"),
    BAD (FARMS, "stock", "many"),
    BAD (FARMS, "stock", "12头"),
    OK (FACILITIES, "capacity_m3d", "12.50", "12.5"),
    OK (FACILITIES, "capacity_m3d", "1,234.5", "1234.5"),
    OK (FACILITIES, "capacity_m3d", "0.1", "0.1"),
    OK (FACILITIES, "capacity_m3d", "-0", "0"),
    OK (FACILITIES, "capacity_m3d", "1e3", "1000"),
    OK (FACILITIES, "capacity_m3d", "１０，０００，０００", "10000000"),
    BAD (FACILITIES, "capacity_m3d", "10000000.5"),
    BAD (FACILITIES, "capacity_m3d", "-0.5"),
    BAD (FACILITIES, "capacity_m3d", "12吨"),
    OK (SAMPLES, "orp_mv", "-150", "-150"),
    OK (SAMPLES, "orp_mv", "－１５０．５", "-150.5"),
    OK (SAMPLES, "ph", "7.2", "7.2"),
    OK (SAMPLES, "ph", "14", "14"),
    BAD (SAMPLES, "ph", "15"),
    OK (FACILITIES, "lon", "104.6", "104.6"),
    OK (FACILITIES, "lon", "１０４．６", "104.6"),
    OK (FACILITIES, "lat", "30.123456789", "30.123456789"),
    BAD (FACILITIES, "lon", "30.5"),
    BAD (FACILITIES, "lat", "104.6"),
    BAD (FACILITIES, "lat", "-30"),
    OK (FACILITIES, "lon", "104°36′", "104.6"),       /* degrees and minutes */
    BAD (FACILITIES, "lon", "104°75′"),
    OK (VILLAGES, "year_done", "2023", "2023"),
    OK (VILLAGES, "year_done", "２０２３", "2023"),
    OK (VILLAGES, "year_done", "2023年", "2023"),
    OK (VILLAGES, "year_done", " 1949 ", "1949"),
    BAD (VILLAGES, "year_done", "23"),
    BAD (VILLAGES, "year_done", "1900"),
    BAD (VILLAGES, "year_done", "2101"),
    BAD (VILLAGES, "year_done", "2023.5"),
    BAD (VILLAGES, "year_done", "2,023"),
    BAD (VILLAGES, "year_done", "20233"),
  };

  check_field_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_field_others (void)
{
  static const FieldCase cases[] = {
    OK (FACILITIES, "commissioned", "2023/5/6", "2023-05-06"),
    OK (FACILITIES, "commissioned", "2023年5月6日", "2023-05-06"),
    BAD (FACILITIES, "commissioned", "2023-02-29"),
    BAD (FACILITIES, "commissioned", "去年"),
    OK (FACILITIES, "village_code", "512022101203", "512022101203"),
    OK (FACILITIES, "village_code", "５１２０２２１０１２０３", "512022101203"),
    OK (FACILITIES, "village_code", " 512022101203\u3000", "512022101203"),
    BAD (FACILITIES, "village_code", "51202210120"),
    BAD (FACILITIES, "village_code", "5120221012031"),
    BAD (FACILITIES, "village_code", "5.12022E+11"),
    /* Excel's scientific notation saved "as shown": every digit there is the code */
    OK (FACILITIES, "village_code", "5.12022112225E+11", "512022112225"),
    OK (FACILITIES, "village_code", "5.12022101200e+11", "512022101200"),
    BAD (FACILITIES, "village_code", "5.1202211223E+11"),
    BAD (FACILITIES, "village_code", "5.120221122251E+11"),
    BAD (FACILITIES, "village_code", "51202210120a"),
    OK (FACILITIES, "code", "F512022101203-1", "F512022101203-1"),
    OK (FACILITIES, "code", "  污水站-1 ", "污水站-1"),
    BAD (FACILITIES, "code", "F-1\tx"),
    BAD (FACILITIES, "code", "F-1\nx"),
    OK (FACILITIES, "name", "白鹤村 污水站", "白鹤村 污水站"),
    OK (VILLAGES, "note", "line1\r\nline2\rline3", "line1\nline2\nline3"),
    OK (VILLAGES, "note", "a\tb", "a\tb"),
    OK (VILLAGES, "note", "=1+1", "=1+1"),
    BAD (VILLAGES, "note", "a\x01" "b"),
    BAD (VILLAGES, "note", "a\x7f" "b"),
    BAD (VILLAGES, "note", "bad \xff utf-8"),
    OK (SAMPLES, "subject_code", "W512022101203-2", "W512022101203-2"),
  };

  check_field_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_field_lengths (void)
{
  const LedgerField *code = field_of (LEDGER_KIND_FARMS, "code");
  const LedgerField *note = field_of (LEDGER_KIND_VILLAGES, "note");
  g_autofree char *code_64 = g_strnfill (64, 'x');
  g_autofree char *code_65 = g_strnfill (65, 'x');
  g_autoptr(GString) note_2000 = g_string_new (NULL);
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (note_2000, "字");

  g_assert_true (ledger_field_parse (code, code_64, &canonical, &error));
  g_assert_cmpstr (canonical, ==, code_64);
  g_clear_pointer (&canonical, g_free);
  g_assert_false (ledger_field_parse (code, code_65, &canonical, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_nonnull (strstr (error->message, "…"));   /* the value is shortened */
  g_clear_error (&error);

  g_assert_true (ledger_field_parse (note, note_2000->str, &canonical, &error));
  g_clear_pointer (&canonical, g_free);
  g_string_append (note_2000, "字");
  g_assert_false (ledger_field_parse (note, note_2000->str, &canonical, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static void
test_field_bool (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "是", "1" }, { "否", "0" }, { "yes", "1" }, { "no", "0" },
    { "YES", "1" }, { "No", "0" }, { "true", "1" }, { "FALSE", "0" },
    { "y", "1" }, { "N", "0" }, { "1", "1" }, { "0", "0" }, { "１", "1" },
    { "√", "1" }, { "×", "0" }, { "有", "1" }, { "无", "0" },
    { " 是\u3000", "1" }, { "", NULL },
    { "是的", FAIL }, { "2", FAIL }, { "ok", FAIL }, { "不", FAIL },
  };
  const LedgerField *field = field_of (LEDGER_KIND_FARMS, "facilities_matched");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = ledger_field_parse (field, cases[i].text, &canonical, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].expected != NULL || cases[i].text[0] == '\0');
      g_assert_cmpstr (canonical, ==, cases[i].expected);
      if (!ok)
        g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
    }
}

/* Every value of every enumerated column, in Chinese, as the key, and as the
 * key in capitals. */
static void
test_field_enums (void)
{
  guint n_checked = 0;

  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      guint n_fields;
      const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

      for (guint f = 0; f < n_fields; f++)
        {
          const LedgerEnum *e = fields[f].enumeration;

          if (fields[f].type != LEDGER_FIELD_ENUM)
            continue;
          for (guint v = 0; v < e->n_values; v++)
            {
              g_autofree char *upper = g_ascii_strup (e->values[v].key, -1);
              g_autofree char *padded = g_strdup_printf (" %s\u3000", e->values[v].label);
              const char *inputs[] = { e->values[v].label, e->values[v].key, upper, padded };

              for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
                {
                  g_autofree char *canonical = NULL;
                  g_autoptr(GError) error = NULL;

                  g_assert_true (ledger_field_parse (&fields[f], inputs[i], &canonical, &error));
                  g_assert_no_error (error);
                  g_assert_cmpstr (canonical, ==, e->values[v].key);
                  n_checked++;
                }
            }
        }
    }
  g_assert_cmpuint (n_checked, >=, 4 * 30);
}

static void
test_error_messages (void)
{
  static const FieldCase cases[] = {
    BAD (FARMS, "stock", "12kg"),
    BAD (FARMS, "stock", "12.5"),
    BAD (SAMPLES, "ph", "15"),
    BAD (FACILITIES, "lat", "104.6"),
    BAD (FACILITIES, "commissioned", "2023-02-29"),
    BAD (FARMS, "species", "cow"),
    BAD (FARMS, "facilities_matched", "maybe"),
    BAD (VILLAGES, "village_code", "5120221012"),
    BAD (VILLAGES, "year_done", "23"),
    BAD (FARMS, "village_code", "5.12022E+11"),
  };
  static const char * const expected[] = {
    "Stock: “12kg” is not a number",
    "Stock: “12.5” is not a whole number",
    "pH: 15 is outside 0–14",
    "Latitude: 104.6 is outside China (3–54)",
    "Commissioned: “2023-02-29” is not a date (use YYYY-MM-DD)",
    "Species: “cow” is not one of: 生猪 / 奶牛 / 肉牛 / 羊 / 蛋鸡 / 肉鸡 / 其他家禽 / 山羊 / 肉鸭 / 蛋鸭 / 鹅 / 家兔",
    "Manure facilities matched: “maybe” is not 是 or 否 (yes or no)",
    "Village code: “5120221012” is not a 12-digit village code",
    "Year done: “23” is not a year",
    "Village code: “5.12022E+11” is a code in scientific notation that lost its last digits; "
    "format the column as text (or as a number without decimals) in Excel or WPS and save again",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (ledger_field_parse (field_of (cases[i].kind, cases[i].key),
                                          cases[i].text, &canonical, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected[i]);
    }
}

static void
test_format_display (void)
{
  const LedgerField *species = field_of (LEDGER_KIND_FARMS, "species");
  const LedgerField *matched = field_of (LEDGER_KIND_FARMS, "facilities_matched");
  const LedgerField *output = field_of (LEDGER_KIND_FARMS, "manure_produced_t");
  struct { char *got; const char *expected; } cases[] = {
    { ledger_field_format (species, "pig", LEDGER_HEADER_ZH), "生猪" },
    { ledger_field_format (species, "pig", LEDGER_HEADER_KEYS), "pig" },
    { ledger_field_format (matched, "1", LEDGER_HEADER_ZH), "是" },
    { ledger_field_format (matched, "0", LEDGER_HEADER_ZH), "否" },
    { ledger_field_format (matched, "1", LEDGER_HEADER_KEYS), "yes" },
    { ledger_field_format (matched, "0", LEDGER_HEADER_KEYS), "no" },
    { ledger_field_format (output, "1234.5", LEDGER_HEADER_ZH), "1234.5" },
    { ledger_field_format (output, NULL, LEDGER_HEADER_ZH), "" },
    { ledger_field_display (species, "pig"), "Pigs" },
    { ledger_field_display (matched, "1"), "Yes" },
    { ledger_field_display (matched, "0"), "No" },
    { ledger_field_display (output, "1234.5"), "1234.5" },
    { ledger_field_display (output, NULL), "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cases[i].got, ==, cases[i].expected);
      g_free (cases[i].got);
    }
}

/* Sample canonical values of a column, for the round trip. */
static GPtrArray *
samples_of (const LedgerField *field)
{
  GPtrArray *samples = g_ptr_array_new_with_free_func (g_free);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ptr_array_add (samples, NULL);
  switch (field->type)
    {
    case LEDGER_FIELD_INT:
      g_ptr_array_add (samples, g_strdup_printf ("%.0f", field->min));
      g_ptr_array_add (samples, g_strdup_printf ("%.0f", field->max));
      g_ptr_array_add (samples, g_strdup ("1234"));
      break;
    case LEDGER_FIELD_REAL:
      g_ptr_array_add (samples, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", field->min)));
      g_ptr_array_add (samples, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", field->max)));
      g_ptr_array_add (samples, g_strdup ("1.25"));
      g_ptr_array_add (samples, g_strdup ("0.1"));
      break;
    case LEDGER_FIELD_YEAR:
      g_ptr_array_add (samples, g_strdup ("2023"));
      break;
    case LEDGER_FIELD_DATE:
      g_ptr_array_add (samples, g_strdup ("2024-02-29"));
      break;
    case LEDGER_FIELD_ENUM:
      for (guint v = 0; v < field->enumeration->n_values; v++)
        g_ptr_array_add (samples, g_strdup (field->enumeration->values[v].key));
      break;
    case LEDGER_FIELD_BOOL:
      g_ptr_array_add (samples, g_strdup ("1"));
      g_ptr_array_add (samples, g_strdup ("0"));
      break;
    case LEDGER_FIELD_LON:
      g_ptr_array_add (samples, g_strdup ("104.123456789"));
      break;
    case LEDGER_FIELD_LAT:
      g_ptr_array_add (samples, g_strdup ("30.5"));
      break;
    case LEDGER_FIELD_REGION:
      g_ptr_array_add (samples, g_strdup ("512022101203"));
      break;
    case LEDGER_FIELD_CODE:
    case LEDGER_FIELD_SUBJECT:
      g_ptr_array_add (samples, g_strdup ("F512022101203-1"));
      break;
    case LEDGER_FIELD_TEXT:
    default:
      g_ptr_array_add (samples, g_strdup ("白鹤村, “一组”\n\"quoted\" 2 lines"));
      break;
    }
  return samples;
}

/* format → CSV cell → parse gives back the canonical value, for every
 * column of every kind, with either header style. */
static void
test_round_trip (void)
{
  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      guint n_fields;
      const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

      for (guint f = 0; f < n_fields; f++)
        {
          g_autoptr(GPtrArray) samples = samples_of (&fields[f]);

          for (guint s = 0; s < samples->len; s++)
            for (LedgerHeaderStyle style = LEDGER_HEADER_ZH; style <= LEDGER_HEADER_KEYS; style++)
              {
                const char *canonical = g_ptr_array_index (samples, s);
                g_autofree char *cell = ledger_field_format (&fields[f], canonical, style);
                g_autoptr(GString) csv = g_string_new (NULL);
                g_autoptr(GPtrArray) rows = NULL;
                g_autofree char *parsed = NULL;
                g_autoptr(GError) error = NULL;
                const char *cells[] = { "x", cell };
                const char *read_back;

                g_test_message ("%s.%s = %s", ledger_kind_to_key (kind), fields[f].key, canonical);
                ledger_csv_append_row (csv, cells, 2);
                rows = ledger_csv_parse (csv->str, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (rows->len, ==, 1);
                read_back = ((LedgerCsvRow *) g_ptr_array_index (rows, 0))->cells[1];
                g_assert_cmpstr (read_back, ==, cell);
                g_assert_true (ledger_field_parse (&fields[f], read_back, &parsed, &error));
                g_assert_no_error (error);
                g_assert_cmpstr (parsed, ==, canonical);
              }
        }
    }
}

/* words officers write instead of the column's own labels */
static void
test_enum_aliases (void)
{
  static const struct { const char *enumeration, *text, *key; } cases[] = {
    { "species", "山羊", "goat" },
    { "species", "乐至黑山羊", "goat" },
    { "species", "肉羊", "sheep_goat" },
    { "species", "蛋鸭", "laying_duck" },
    { "species", "肉鹅", "goose" },
    { "species", "家兔", "rabbit" },
    { "species", "羊", "sheep_goat" },
    { "species", "猪", "pig" },
    { "species", "鸭", "meat_duck" },
    { "water_kind", "池塘", "pond" },
    { "water_kind", "河道", "river" },
    { "water_status", "已完成", "completed" },
    { "facility_status", "正常", "normal" },
    { "mode", "纳管", "sewer" },
    /* the officers' words of issue 10 (ledger-vocabulary.c) */
    { "facility_kind", "集中式", "village_station" },
    { "facility_kind", "分散式", "household_unit" },
    { "mode", "集中式", "centralised" },
    { "mode", "分散式", "decentralised" },
    { "utilisation", "还田利用", "field" },
    { "facility_status", "正 常", "normal" },
    { "facility_status", "ＮＯＲＭＡＬ", "normal" },
    { "inspection_result", "合格", "ok" },
    { "species", "马", NULL },
    { "water_kind", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LedgerEnumValue *value = ledger_enum_lookup (ledger_enum_by_name (cases[i].enumeration), cases[i].text);
      g_assert_cmpstr (value ? value->key : NULL, ==, cases[i].key);
    }
}

/* dates are read in the user's language; the Chinese form reads back */
static void
test_date_display (void)
{
  g_autofree char *shown = ledger_date_display ("2025-03-01");
  g_autofree char *blank = ledger_date_display (NULL);
  g_autofree char *odd = ledger_date_display ("not a date");
  g_autofree char *chinese = NULL;
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_utc (2025, 12, 1, 0, 0, 0);
  g_autofree char *when = ledger_time_display ("2025-03-01T06:05:00Z");

  /* the tests run in C.UTF-8: the source language's format */
  g_assert_cmpstr (shown, ==, "2025-03-01");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (odd, ==, "not a date");
  g_assert_true (g_str_has_prefix (when, "2025-03-0"));
  g_assert_cmpuint (strlen (when), ==, strlen ("2025-03-01 06:05"));
  /* the zh_CN catalogue's format: what the editor shows must parse back */
  chinese = g_date_time_format (date, "%Y年%m月%d日");
  g_assert_cmpstr (chinese, ==, "2025年12月01日");
  g_assert_true (ledger_parse_date (chinese, &iso));
  g_assert_cmpstr (iso, ==, "2025-12-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/values/parse-number", test_parse_number);
  g_test_add_func ("/values/number-canonical", test_number_canonical);
  g_test_add_func ("/values/strtod", test_strtod);
  g_test_add_func ("/values/enum-aliases", test_enum_aliases);
  g_test_add_func ("/values/parse-date", test_parse_date);
  g_test_add_func ("/values/field/numbers", test_field_numbers);
  g_test_add_func ("/values/field/others", test_field_others);
  g_test_add_func ("/values/field/lengths", test_field_lengths);
  g_test_add_func ("/values/field/bool", test_field_bool);
  g_test_add_func ("/values/field/enums", test_field_enums);
  g_test_add_func ("/values/field/error-messages", test_error_messages);
  g_test_add_func ("/values/format-display", test_format_display);
  g_test_add_func ("/values/round-trip", test_round_trip);
  g_test_add_func ("/values/date-display", test_date_display);

  return g_test_run ();
}
