/* ledger-values.c: parsing and formatting of cell values (README.md, Import)
 *
 * Spreadsheets reach us as Excel and WPS leave them: full-width digits typed
 * with a Chinese input method, thousands separators, ideographic spaces,
 * dates as 2023年5月6日. Everything is parsed here, once, into the canonical
 * text of ledger-record.h, so that import, the editor and the CLI agree.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-values.h"

#define MAX_CODE_CHARS   64
#define MAX_TEXT_CHARS   2000
#define MAX_QUOTED_CHARS 40
#define MAX_EXACT_INT    9007199254740992.0   /* 2^53 */

/* ---- auxiliary functions ---- */

/* What Excel and WPS leave around a value: ASCII spaces, NBSP, the
 * ideographic space U+3000, a stray BOM or zero-width space. */
static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000 ||
         c == 0xFEFF || c == 0x200B;
}

/* an ASCII byte that is_blank_char() is not */
static gboolean
is_ascii_solid (char c)
{
  return (guchar) c < 0x80 && strchr (" \t\n\r\f", c) == NULL;
}

/* @text must be valid UTF-8. */
static char *
trim_blank (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  /* an ASCII character that is not blank at both ends: nothing to trim */
  if (end > start && is_ascii_solid (*start) && is_ascii_solid (end[-1]))
    return g_strndup (text, end - start);

  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Full-width ASCII (０-９ ．－＋，…) as Chinese input methods type it, and
 * the odd spaces, folded to plain ASCII. @text must be valid UTF-8. */
static char *
fold_width (const char *text)
{
  GString *out;
  const char *p = text;

  while (*p != '\0' && (guchar) *p < 0x80)
    p++;
  if (*p == '\0')
    return g_strdup (text);   /* plain ASCII, most cells: nothing to fold */
  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000 || c == 0x00A0 || c == 0x202F)
        c = ' ';
      else if (c == 0x2212)   /* MINUS SIGN */
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Folded and trimmed, or NULL when @text is not valid UTF-8. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  folded = fold_width (text);
  return trim_blank (folded);
}

/* Digits, optionally grouped by thousands with one kind of separator
 * ("1,234,567", "1 234"): the first group has 1–3 digits, the others 3. */
static const char *
scan_integer_digits (const char *p,
                     GString    *clean)
{
  char separator = '\0';
  guint group = 0;

  for (;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (clean, *p);
          group++;
          continue;
        }
      if ((*p != ',' && *p != ' ') || !g_ascii_isdigit (p[1]) || group == 0)
        break;
      if (separator != '\0' ? (*p != separator || group != 3) : group > 3)
        return NULL;
      separator = *p;
      group = 0;
    }
  if (separator != '\0' && group != 3)
    return NULL;
  return p;
}

static const char *
scan_mantissa (const char *p,
               GString    *clean)
{
  gsize before = clean->len;
  gsize n_digits;

  p = scan_integer_digits (p, clean);
  if (p == NULL)
    return NULL;
  n_digits = clean->len - before;
  if (*p == '.')
    {
      g_string_append_c (clean, *p++);
      for (; g_ascii_isdigit (*p); n_digits++)
        g_string_append_c (clean, *p++);
    }
  /* so that "." and "-" are not numbers */
  return n_digits > 0 ? p : NULL;
}

static const char *
scan_exponent (const char *p,
               GString    *clean)
{
  if (*p != 'e' && *p != 'E')
    return p;
  g_string_append_c (clean, *p++);
  if (*p == '+' || *p == '-')
    g_string_append_c (clean, *p++);
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    g_string_append_c (clean, *p++);
  return p;
}

/* Reads exactly @min_len..@max_len ASCII digits, not followed by another. */
static gboolean
scan_digits (const char **p,
             guint        min_len,
             guint        max_len,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_len)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_len && !g_ascii_isdigit (**p);
}

/* YYYY-M-D, YYYY/M/D, YYYY.M.D (one separator throughout) or YYYY年M月D日. */
static gboolean
scan_date (const char *p,
           guint      *year,
           guint      *month,
           guint      *day)
{
  char ascii_separator[2] = { '\0', '\0' };
  const char *month_separator = "年";
  const char *day_separator = "月";
  const char *tail = "日";

  if (!scan_digits (&p, 4, 4, year))
    return FALSE;
  if (*p == '-' || *p == '/' || *p == '.')
    {
      ascii_separator[0] = *p;
      month_separator = day_separator = ascii_separator;
      tail = "";
    }
  if (!g_str_has_prefix (p, month_separator))
    return FALSE;
  p += strlen (month_separator);
  if (!scan_digits (&p, 1, 2, month) || !g_str_has_prefix (p, day_separator))
    return FALSE;
  p += strlen (day_separator);
  if (!scan_digits (&p, 1, 2, day))
    return FALSE;
  return strcmp (p, tail) == 0;
}

/* The value as shown in a message: short, on one line. */
static char *
quote_value (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }
  return g_string_free (out, FALSE);
}

/* Sets "FIELD: … VALUE …": @format takes the field's name, then the value
 * as typed (quoted and shortened). Returns FALSE, for `return reject_value (…)`. */
static gboolean
reject_value (const LedgerField  *field,
              const char         *text,
              const char         *format,
              GError            **error)
{
  g_autofree char *shown = quote_value (text);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, format, ledger_field_display_name (field), shown);
  return FALSE;
}

static char *
format_double (double value)
{
  return ledger_number_canonical (value);
}

/* |@scaled| / 10^@places in decimal, without trailing zeros */
static char *
format_scaled (gint64 scaled,
               guint  places)
{
  char number[24];
  const char *digits = ledger_format_int64 (number, scaled < 0 ? -scaled : scaled);
  guint len = strlen (digits);
  char out[48];
  char *p = out;

  if (scaled < 0)
    *p++ = '-';
  if (places == 0)
    p = stpcpy (p, digits);
  else if (len <= places)
    {
      p = stpcpy (p, "0.");
      for (guint i = len; i < places; i++)
        *p++ = '0';
      p = stpcpy (p, digits);
    }
  else
    {
      memcpy (p, digits, len - places);
      p += len - places;
      *p++ = '.';
      p = stpcpy (p, digits + len - places);
    }
  return g_strndup (out, p - out);
}

/* A plain decimal number: an optional sign, digits and at most one point,
 * at least one digit (what scan_mantissa() accepts without separators or
 * exponent, so that it is its own clean form). */
static gboolean
is_plain_number (const char *text)
{
  gboolean point = FALSE, digit = FALSE;
  const char *p = text;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && !point)
        point = TRUE;
      else
        return FALSE;
    }
  return digit;
}

static gboolean
has_range (const LedgerField *field)
{
  return field->min <= field->max;
}

static gboolean
set_not_a_number (const LedgerField  *field,
                  const char         *text,
                  GError            **error)
{
  return reject_value (field, text, _("%s: “%s” is not a number"), error);
}

static gboolean
check_range (const LedgerField  *field,
             const char         *text,
             double              value,
             GError            **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  gboolean in_china = field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT;

  if (!has_range (field) || (value >= field->min && value <= field->max))
    return TRUE;
  shown = quote_value (text);
  min = format_double (field->min);
  max = format_double (field->max);
  if (in_china)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("%s: %s is outside China (%s–%s)"),
                 ledger_field_display_name (field), shown, min, max);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("%s: %s is outside %s–%s"),
                 ledger_field_display_name (field), shown, min, max);
  return FALSE;
}

static gboolean
parse_int (const LedgerField  *field,
           const char         *text,
           char              **canonical,
           GError            **error)
{
  char number[24];
  double value;

  if (!ledger_parse_number (text, &value))
    return set_not_a_number (field, text, error);
  if (value != floor (value) || fabs (value) > MAX_EXACT_INT)
    return reject_value (field, text, _("%s: “%s” is not a whole number"), error);
  if (!check_range (field, text, value, error))
    return FALSE;
  *canonical = g_strdup (ledger_format_int64 (number, (gint64) value));
  return TRUE;
}

/* REAL, LON and LAT */
static gboolean
parse_real (const LedgerField  *field,
            const char         *text,
            char              **canonical,
            GError            **error)
{
  gboolean location = field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT;
  double value;

  /* a location may also be given in degrees, minutes and seconds */
  if (!(!location ? ledger_parse_number (text, &value) : ledger_parse_degrees (text, &value, NULL)))
    return set_not_a_number (field, text, error);
  if (!check_range (field, text, value, error))
    return FALSE;
  *canonical = format_double (value);
  return TRUE;
}

static gboolean
parse_year (const LedgerField  *field,
            const char         *text,
            char              **canonical,
            GError            **error)
{
  g_autofree char *folded = normalise (text);
  const char *p = folded;
  guint year;

  if (!scan_digits (&p, 4, 4, &year) || (*p != '\0' && strcmp (p, "年") != 0))
    return reject_value (field, text, _("%s: “%s” is not a year"), error);
  if (!check_range (field, text, year, error))
    return FALSE;
  *canonical = g_strdup_printf ("%u", year);
  return TRUE;
}

static gboolean
parse_date_field (const LedgerField  *field,
                  const char         *text,
                  char              **canonical,
                  GError            **error)
{
  if (ledger_parse_date (text, canonical))
    return TRUE;
  return reject_value (field, text, _("%s: “%s” is not a date (use YYYY-MM-DD)"), error);
}

static gboolean
parse_enum (const LedgerField  *field,
            const char         *text,
            char              **canonical,
            GError            **error)
{
  const LedgerEnum *enumeration = field->enumeration;
  g_autofree char *shown = quote_value (text);   /* before the lookup: the text read once, forward */
  const LedgerEnumValue *value = ledger_enum_lookup (enumeration, text);
  g_autoptr(GString) allowed = NULL;

  if (value != NULL)
    {
      *canonical = g_strdup (value->key);
      return TRUE;
    }
  allowed = g_string_new (NULL);
  for (guint i = 0; i < enumeration->n_values; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? " / " : "",
                            enumeration->values[i].label);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("%s: “%s” is not one of: %s"),
               ledger_field_display_name (field), shown, allowed->str);
  return FALSE;
}

static gboolean
parse_bool (const LedgerField  *field,
            const char         *text,
            char              **canonical,
            GError            **error)
{
  static const struct { const char *word; const char *canonical; } words[] = {
    { "是", "1" }, { "否", "0" }, { "yes", "1" }, { "no", "0" },
    { "true", "1" }, { "false", "0" }, { "y", "1" }, { "n", "0" },
    { "1", "1" }, { "0", "0" }, { "√", "1" }, { "×", "0" },
    { "✓", "1" }, { "✗", "0" }, { "有", "1" }, { "无", "0" },
  };
  g_autofree char *folded = normalise (text);
  g_autofree char *lower = g_ascii_strdown (folded, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strcmp (lower, words[i].word) == 0)
        {
          *canonical = g_strdup (words[i].canonical);
          return TRUE;
        }
    }
  return reject_value (field, text, _("%s: “%s” is not 是 or 否 (yes or no)"), error);
}

/* 5.12022112225E+11: a code that Excel showed in scientific notation and a
 * CSV saved "as shown". The digits of the mantissa, when they are all the
 * digits of the number (none filled in by the exponent); NULL when @text
 * is not such a number; *@lost when it is one with digits missing. */
static char *
expand_scientific (const char *text,
                   gboolean   *lost)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p = text;
  guint n_fraction = 0, exponent = 0;

  *lost = FALSE;
  for (; g_ascii_isdigit (*p); p++)
    g_string_append_c (digits, *p);
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, n_fraction++)
      g_string_append_c (digits, *p);
  if (digits->len == 0 || (*p != 'e' && *p != 'E'))
    return NULL;
  if (*++p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  for (; g_ascii_isdigit (*p) && exponent < 100; p++)
    exponent = exponent * 10 + (*p - '0');
  if (*p != '\0' || exponent < n_fraction)
    return NULL;
  *lost = exponent > n_fraction;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static gboolean
parse_region (const LedgerField  *field,
              const char         *text,
              char              **canonical,
              GError            **error)
{
  g_autofree char *folded = normalise (text);
  gboolean lost = FALSE;
  g_autofree char *expanded = expand_scientific (folded, &lost);
  gboolean ok;

  if (expanded != NULL && lost)
    return reject_value (field, text, _("%s: “%s” is a code in scientific notation that lost its last digits; "
                                        "format the column as text (or as a number without decimals) in Excel or WPS and save again"),
                         error);
  if (expanded != NULL)
    g_free (folded), folded = g_steal_pointer (&expanded);
  ok = strlen (folded) == 12;

  for (const char *p = folded; ok && *p != '\0'; p++)
    ok = g_ascii_isdigit (*p);
  if (ok)
    {
      *canonical = g_steal_pointer (&folded);
      return TRUE;
    }
  return reject_value (field, text, _("%s: “%s” is not a 12-digit village code"), error);
}

/* CR and CRLF line ends (Excel on Windows) become "\n". */
static char *
unify_newlines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }
  return g_string_free (out, FALSE);
}

/* Direction controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C)
 * are invisible and reorder what follows: U+202E then "gpj.exe" shows as "exe.jpg",
 * and a code can pass for another in a list. No ledger text needs them. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

/* CODE, TEXT and SUBJECT: free text of a bounded length, without control
 * characters (TEXT and SUBJECT may hold line breaks and tabs). */
static gboolean
parse_text (const LedgerField  *field,
            const char         *text,
            char              **canonical,
            GError            **error)
{
  gboolean multiline = field->type != LEDGER_FIELD_CODE;
  guint max_chars = multiline ? MAX_TEXT_CHARS : MAX_CODE_CHARS;
  g_autofree char *value = multiline ? unify_newlines (text) : g_strdup (text);
  g_autofree char *shown = NULL;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t')))
        return reject_value (field, text, _("%s: “%s” contains a control character"), error);
      /* the value is not echoed: it would reorder the message itself */
      if (is_bidi_control (c))
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("%s: the text contains an invisible direction mark (U+%04X) that can disguise it; type it again without copying"),
                       ledger_field_display_name (field), (guint) c);
          return FALSE;
        }
    }
  if (g_utf8_strlen (value, -1) > max_chars)
    {
      shown = quote_value (text);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s: “%s” is longer than %u characters"),
                   ledger_field_display_name (field), shown, max_chars);
      return FALSE;
    }
  *canonical = g_steal_pointer (&value);
  return TRUE;
}

/* ---- degrees, minutes, seconds ---- */

/* The hemisphere a word names: N, S, E, W (also 北纬, 南纬, 东经, 西经), or 0. */
static char
hemisphere_of (const char *word)
{
  static const struct { const char *word; char hemisphere; } words[] = {
    { "北纬", 'N' }, { "南纬", 'S' }, { "东经", 'E' }, { "西经", 'W' },
    { "北", 'N' }, { "南", 'S' }, { "东", 'E' }, { "西", 'W' },
    { "N", 'N' }, { "S", 'S' }, { "E", 'E' }, { "W", 'W' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (word, words[i].word))
      return words[i].hemisphere;
  return 0;
}

static gsize
hemisphere_len (const char *word)
{
  return g_str_has_prefix (word, "北纬") || g_str_has_prefix (word, "南纬") ||
         g_str_has_prefix (word, "东经") || g_str_has_prefix (word, "西经") ? strlen ("北纬")
         : (guchar) *word >= 0x80 ? strlen ("北") : 1;
}

/* The marks after degrees, minutes and seconds as people type them. */
static int
unit_of (const char *p,
         gsize      *len)
{
  static const struct { const char *mark; int unit; } marks[] = {
    { "°", 0 }, { "度", 0 },
    { "′", 1 }, { "’", 1 }, { "'", 1 }, { "分", 1 },
    { "″", 2 }, { "′′", 2 }, { "”", 2 }, { "\"", 2 }, { "''", 2 }, { "’’", 2 }, { "秒", 2 },
  };
  int found = -1;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (p, marks[i].mark) && (found < 0 || strlen (marks[i].mark) > *len))
      {
        found = marks[i].unit;
        *len = strlen (marks[i].mark);
      }
  return found;
}

/* "30°16'30"" or "30 16 30" into degrees; FALSE on anything else. */
static gboolean
parse_dms_body (const char *text,
                double     *degrees)
{
  double parts[3] = { 0, 0, 0 };
  int next = 0;
  const char *p = text;

  while (*p != '\0')
    {
      char *end;
      gsize len = 0;
      int unit;
      double value;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      value = g_ascii_strtod (p, &end);
      if (end == p || next > 2 || !isfinite (value) || value < 0)
        return FALSE;
      p = end;
      while (*p == ' ')
        p++;
      unit = unit_of (p, &len);
      if (unit < 0)
        unit = next;         /* "30 16 30": by position */
      else
        p += len;
      if (unit < next)
        return FALSE;
      parts[unit] = value;
      next = unit + 1;
    }
  if (next == 0 || parts[1] >= 60 || parts[2] >= 60)
    return FALSE;
  *degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
  return TRUE;
}

/**
 * ledger_parse_degrees:
 * @text: decimal degrees ("104.55", "-30.2") or degrees, minutes and
 *   seconds ("30°16'30\"N", "104°33'12.5\"E", "北纬30度16分30秒", "E 104 33 12.5")
 * @degrees: (out): the value, negative for S and W
 * @hemisphere: (out) (optional): 'N', 'S', 'E', 'W' when @text names one, else 0
 *
 * Full-width digits and marks are accepted.
 *
 * Returns: %TRUE when @text is a coordinate
 */
gboolean
ledger_parse_degrees (const char *text,
                      double     *degrees,
                      char       *hemisphere)
{
  g_autofree char *folded = NULL;
  g_autofree char *body = NULL;
  char found = 0;
  double value;
  gboolean negative = FALSE;
  gsize len;

  if (hemisphere)
    *hemisphere = 0;
  if (text == NULL)
    return FALSE;
  if (ledger_parse_number (text, degrees))
    return TRUE;
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return FALSE;
  body = g_strstrip (g_strdup (folded));
  if ((found = hemisphere_of (body)) != 0)
    memmove (body, body + hemisphere_len (body), strlen (body + hemisphere_len (body)) + 1);
  g_strstrip (body);
  len = strlen (body);
  if (found == 0 && len > 0 && (found = hemisphere_of (body + len - 1)) != 0)
    body[len - 1] = '\0';
  else if (found == 0 && len >= 3 && (found = hemisphere_of (body + len - 3)) != 0)
    body[len - 3] = '\0';
  g_strstrip (body);
  if (body[0] == '-')
    negative = TRUE, body[0] = ' ';
  if (!parse_dms_body (body, &value))
    return FALSE;
  if (found == 'S' || found == 'W')
    negative = !negative;
  *degrees = negative ? -value : value;
  if (hemisphere)
    *hemisphere = found;
  return TRUE;
}

/* ---- public API ---- */

/**
 * ledger_parse_number:
 * @text: a number as typed or left by Excel/WPS
 * @out: (out): the value
 *
 * Accepts full-width digits and signs, thousands separators (',' '，' or
 * spaces between groups of three digits), an exponent, and blanks around
 * the number. Rejects empty text, nan, inf, hex and trailing text ("12kg").
 *
 * Returns: %TRUE when @text is a finite number
 */
gboolean
ledger_parse_number (const char *text,
                     double     *out)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) clean = NULL;
  const char *p;
  char *end = NULL;
  double value;

  /* most cells: nothing to fold, trim or take out (issue 19) */
  if (text != NULL && is_plain_number (text))
    {
      value = ledger_strtod (text, &end);
      if (*end != '\0' || !isfinite (value))
        return FALSE;
      *out = value;
      return TRUE;
    }
  trimmed = normalise (text);
  p = trimmed;
  if (trimmed == NULL)
    return FALSE;
  clean = g_string_new (NULL);
  if (*p == '+' || *p == '-')
    g_string_append_c (clean, *p++);
  p = scan_mantissa (p, clean);
  if (p != NULL)
    p = scan_exponent (p, clean);
  if (p == NULL || *p != '\0')
    return FALSE;
  value = ledger_strtod (clean->str, &end);
  if (*end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/**
 * ledger_strtod:
 * @text: a number in the C locale
 * @end: (out) (optional): where the number ends
 *
 * g_ascii_strtod(), the same value: a plain decimal of at most 15 digits
 * ("105.001", "-3", "0.5") is its digits divided by a power of ten, both
 * exact in a double, and so the correctly rounded value, made without
 * the C library's locale-aware reading (issue 19: a farm row's numbers
 * are read when checked and again when written).
 *
 * Returns: the value
 */
double
ledger_strtod (const char  *text,
               char       **end)
{
  static const double powers[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *p = text;
  gboolean negative = FALSE, point = FALSE;
  guint64 digits = 0;
  guint n_digits = 0, places = 0;
  double value;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) || (*p == '.' && !point); p++)
    {
      if (*p == '.')
        {
          point = TRUE;
          continue;
        }
      if (++n_digits > 15)
        return g_ascii_strtod (text, end);
      digits = digits * 10 + (guint64) (*p - '0');
      places += point;
    }
  if (n_digits == 0 || *p != '\0')
    return g_ascii_strtod (text, end);
  value = (double) digits / powers[places];
  if (end != NULL)
    *end = (char *) p;
  return negative ? -value : value;
}

/**
 * ledger_format_int64:
 * @buffer: at least 21 bytes
 *
 * @value in decimal, as "%" G_GINT64_FORMAT prints it, without printf (a
 * farm row has several numbers and each imported item a code).
 *
 * Returns: (transfer none): the text, somewhere in @buffer
 */
const char *
ledger_format_int64 (char   buffer[24],
                     gint64 value)
{
  char *p = buffer + 23;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  *p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  return p;
}

/**
 * ledger_number_canonical:
 * @value: a finite number
 *
 * The canonical text of a number: printf's "%.15g" in the C locale, and
 * "0" for -0. Most numbers of a sheet have a few decimals: their text is
 * made without printf (issue 19: a tenth of checking a farm row), the
 * same text — a decimal of at most 15 significant digits that reads back
 * as @value is what "%.15g" prints, trailing zeros left out.
 *
 * Returns: (transfer full): the text
 */
char *
ledger_number_canonical (double value)
{
  static const double powers[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");   /* no "-0" */
  if (fabs (value) >= 1e-4 && fabs (value) < 1e15)
    for (guint k = 0; k < G_N_ELEMENTS (powers); k++)
      {
        double scaled = round (value * powers[k]);
        if (fabs (scaled) < 1e15 && scaled / powers[k] == value)
          return format_scaled ((gint64) scaled, k);
      }
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/**
 * ledger_parse_date:
 * @text: a date: YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日
 * @iso: (out) (transfer full): the date as "YYYY-MM-DD"
 *
 * Full-width digits are accepted. The date must exist and its year lie in
 * 1900..2100.
 *
 * Returns: %TRUE when @text is such a date
 */
gboolean
ledger_parse_date (const char  *text,
                   char       **iso)
{
  g_autofree char *trimmed = normalise (text);
  guint year, month, day;

  if (trimmed == NULL || !scan_date (trimmed, &year, &month, &day))
    return FALSE;
  if (year < 1900 || year > 2100 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  *iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return TRUE;
}

/**
 * ledger_field_parse:
 * @field: the column
 * @text: (nullable): the value as typed or read from a spreadsheet
 * @canonical: (out) (transfer full) (nullable): the canonical text, or
 *   %NULL for a blank value
 * @error: a #GError naming the field, the value and the reason
 *
 * Blank values (after trimming) are accepted here; whether the column is
 * required is checked by the caller.
 *
 * Returns: %TRUE when @text is a valid value of @field
 */
gboolean
ledger_field_parse (const LedgerField  *field,
                    const char         *text,
                    char              **canonical,
                    GError            **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  *canonical = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s: the value is not valid text"),
                   ledger_field_display_name (field));
      return FALSE;
    }
  trimmed = trim_blank (text);
  if (*trimmed == '\0')
    return TRUE;

  switch (field->type)
    {
    case LEDGER_FIELD_INT:
      return parse_int (field, trimmed, canonical, error);
    case LEDGER_FIELD_REAL:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      return parse_real (field, trimmed, canonical, error);
    case LEDGER_FIELD_YEAR:
      return parse_year (field, trimmed, canonical, error);
    case LEDGER_FIELD_DATE:
      return parse_date_field (field, trimmed, canonical, error);
    case LEDGER_FIELD_BOOL:
      return parse_bool (field, trimmed, canonical, error);
    case LEDGER_FIELD_REGION:
      return parse_region (field, trimmed, canonical, error);
    case LEDGER_FIELD_CODE:
    case LEDGER_FIELD_TEXT:
    case LEDGER_FIELD_SUBJECT:
    default:
      return parse_text (field, trimmed, canonical, error);
    case LEDGER_FIELD_ENUM:   /* last: the one that reads the vocabulary */
      return parse_enum (field, trimmed, canonical, error);
    }
}

/* ---- text as officers write it ---- */

gboolean
ledger_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

