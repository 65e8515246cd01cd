/* ledger-table-xlsx-sheet.c: shared strings, styles and the cells of a sheet
 *
 * A cell is written as a person would type it: shared and inline strings as
 * they are (rich-text runs joined, phonetic guides left out), numbers without
 * binary noise or exponent, numbers in a date format as YYYY-MM-DD (Excel
 * counts days from 1900 and believes 1900 was a leap year), booleans 1/0,
 * formulas by their cached value — never the formula itself.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-table-xlsx-private.h"

typedef enum
{
  FORMAT_NUMBER,
  FORMAT_DATE,
  FORMAT_TIME,
  FORMAT_DATE_TIME,
} FormatKind;

#define MAX_COLUMNS 16384              /* XFD, as in Excel */
#define MAX_CELLS   (30 * 1000 * 1000) /* rows × columns, to bound memory */
#define MAX_SERIAL  2958465.0          /* 9999-12-31 */

/* ---- auxiliary functions: number formats ---- */

/* Built-in formats, including those Excel and WPS use in Chinese (27–36, 50–58). */
static FormatKind
builtin_format_kind (guint id)
{
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 ||
      (id >= 50 && id <= 54) || id == 57 || id == 58)
    return FORMAT_DATE;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) ||
      id == 55 || id == 56)
    return FORMAT_TIME;
  return id == 22 ? FORMAT_DATE_TIME : FORMAT_NUMBER;
}

/* Skips what a format code shows literally: "text", \x, _x, *x, [colour or locale]. */
static const char *
skip_literal (const char *p)
{
  const char *end;

  switch (*p)
    {
    case '"':
      end = strchr (p + 1, '"');
      return end ? end + 1 : p + strlen (p);
    case '[':
      end = strchr (p + 1, ']');
      return end ? end + 1 : p + strlen (p);
    case '\\': case '_': case '*':
      return p[1] != '\0' ? p + 2 : p + 1;
    default:
      return NULL;
    }
}

/* yyyy"年"m"月"d"日" is a date, h:mm a time; only the first section counts. */
static FormatKind
custom_format_kind (const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE;
  const char *p = code;

  while (*p != '\0' && *p != ';')
    {
      const char *next = skip_literal (p);
      char c = g_ascii_tolower (*p);

      if (next != NULL)
        {
          p = next;
          continue;
        }
      date = date || c == 'y' || c == 'd';
      time = time || c == 'h' || c == 's';
      month = month || c == 'm';
      p++;
    }
  if (date && time)
    return FORMAT_DATE_TIME;
  if (date)
    return FORMAT_DATE;
  if (time)
    return FORMAT_TIME;   /* the m of h:mm is minutes */
  return month ? FORMAT_DATE : FORMAT_NUMBER;
}

static FormatKind
style_kind (const LedgerXlsxCells *self,
            guint                  style)
{
  return style < self->styles->len ? g_array_index (self->styles, FormatKind, style) : FORMAT_NUMBER;
}

/* Days since 1899-12-30 (1904-01-01 in a 1904 workbook). */
static char *
format_serial (double     serial,
               FormatKind kind,
               gboolean   date1904)
{
  double days = floor (serial);
  guint seconds = (guint) lround ((serial - days) * 86400.0);
  GDate date;

  if (serial < 0 || serial > MAX_SERIAL)
    return ledger_table_format_number (serial);
  if (seconds >= 86400)
    days += 1, seconds = 0;
  if (kind == FORMAT_TIME)
    return g_strdup_printf ("%02u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (date1904)
    g_date_set_dmy (&date, 1, 1, 1904);
  else
    {
      g_date_set_dmy (&date, 30, 12, 1899);
      days += days < 60 ? 1 : 0;   /* Excel's phantom 1900-02-29 is serial 60 */
    }
  g_date_add_days (&date, (guint) days);
  if (kind == FORMAT_DATE_TIME && seconds > 0)
    return g_strdup_printf ("%04u-%02u-%02u %02u:%02u:%02u", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* ---- auxiliary functions: cells ---- */

/* "AB12" → column 27 (0-based); FALSE for anything else. */
static gboolean
parse_reference (const char *reference,
                 guint      *column)
{
  const char *p = reference;
  guint value = 0;

  for (; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (value > MAX_COLUMNS)
        return FALSE;
    }
  if (value == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  *column = value - 1;
  return *p == '\0';
}

static gboolean
parse_index (const char *text,
             guint       limit,
             guint      *index)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, limit, &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

static char *
shared_string (LedgerXlsxCells  *self,
               const char       *value,
               GError          **error)
{
  guint index;

  if (self->strings->len > 0 && parse_index (value, self->strings->len - 1, &index))
    return g_strdup (g_ptr_array_index (self->strings, index));
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("Row %u, column %u: the cell refers to a shared text that the workbook does not have."),
               self->row_number, self->column + 1);
  return NULL;
}

/* An ISO 8601 date cell (t="d"): 2024-05-01T00:00:00 → 2024-05-01. */
static char *
iso_date (const char *value)
{
  char *text = g_strdup (value);
  char *t = strchr (text, 'T');

  if (t != NULL && strspn (t + 1, "0:.Z") == strlen (t + 1))
    *t = '\0';
  else if (t != NULL)
    *t = ' ';
  return text;
}

static char *
number_text (LedgerXlsxCells *self,
             const char      *value)
{
  FormatKind kind = style_kind (self, self->cell_style);
  char *end = NULL;
  double number;

  if (*value == '\0')
    return g_strdup ("");
  number = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (number))
    return g_strdup (value);
  if (kind != FORMAT_NUMBER)
    return format_serial (number, kind, self->date1904);
  return ledger_table_format_number (number);
}

/* The cell as text, by its type (the t attribute). */
static char *
cell_text (LedgerXlsxCells  *self,
           GError          **error)
{
  const char *type = self->cell_type;
  const char *value = self->value ? self->value : "";

  if (g_str_equal (type, "s"))
    return *value ? shared_string (self, value, error) : g_strdup ("");
  if (g_str_equal (type, "b"))
    return g_strdup (g_str_equal (value, "1") || g_str_equal (value, "true") ? "1" : "0");
  if (g_str_equal (type, "d"))
    return iso_date (value);
  if (g_str_equal (type, "n"))
    return number_text (self, value);
  return g_strdup (value);   /* str (a formula's text), inlineStr, e (#N/A …) */
}

static gboolean
refuse_too_many_cells (GError **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The worksheet has more than %u cells; split it into smaller files."),
               (guint) MAX_CELLS);
  return FALSE;
}

/* Puts the cell in its column, blank cells before it; a blank cell itself is
 * left out so that formatted but empty columns at the end add nothing. */
static gboolean
place_cell (LedgerXlsxCells  *self,
            char             *text,
            GError          **error)
{
  GPtrArray *cells = self->cells;

  if (*text == '\0')
    {
      g_free (text);
      return TRUE;
    }
  if (self->n_cells + (self->column >= cells->len ? self->column + 1 - cells->len : 0) > MAX_CELLS)
    {
      g_free (text);
      return refuse_too_many_cells (error);
    }
  /* bytes too: 20,000 cells showing one 1 MiB shared string are 20 GB */
  self->n_bytes += strlen (text) + LEDGER_CSV_CELL_OVERHEAD * (1 + MAX (self->column, cells->len) - cells->len);
  if (self->n_bytes > LEDGER_CSV_MAX_TABLE_BYTES)
    {
      g_free (text);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Row %u: the worksheet’s cells take more than %u MiB; split it into smaller files."),
                   self->row_number, (guint) (LEDGER_CSV_MAX_TABLE_BYTES >> 20));
      return FALSE;
    }
  while (cells->len < self->column)
    {
      g_ptr_array_add (cells, g_strdup (""));
      self->n_cells++;
    }
  if (self->column < cells->len)
    {
      g_free (g_ptr_array_index (cells, self->column));
      cells->pdata[self->column] = text;
      return TRUE;
    }
  g_ptr_array_add (cells, text);
  self->n_cells++;
  return TRUE;
}

static gboolean
finish_cell (LedgerXlsxCells  *self,
             GError          **error)
{
  char *text = cell_text (self, error);

  g_clear_pointer (&self->value, g_free);
  return text != NULL && place_cell (self, text, error);
}

static gboolean
finish_row (LedgerXlsxCells  *self,
            GError          **error)
{
  g_ptr_array_add (self->rows, ledger_table_row_new (self->row_number, g_steal_pointer (&self->cells)));
  if (self->rows->len % 4096 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->rows->len <= LEDGER_TABLE_MAX_ROWS)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The file has more than %u rows; split it into smaller files."),
               (guint) LEDGER_TABLE_MAX_ROWS);
  return FALSE;
}



/* @format: a translated message with %s for @value and %d for the XML line */
static void
refuse_element (GMarkupParseContext  *context,
                const char           *format,
                const char           *value,
                GError              **error)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, format, value, line);
}

/* ---- signal callbacks: all parts ---- */

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  LedgerXlsxCells *self = user_data;

  if (!self->in_text)
    return;
  g_string_append_len (self->text, text, len);
  if (self->text->len > LEDGER_CSV_MAX_CELL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("Row %u: a cell is longer than %u MiB; this is not a ledger."),
                 self->row_number, (guint) (LEDGER_CSV_MAX_CELL >> 20));
}

/* <t> outside a phonetic guide, and <v>, hold what a cell shows. */
static gboolean
start_text (LedgerXlsxCells *self,
            const char      *name)
{
  if (g_str_equal (name, "rPh"))
    self->in_phonetic = TRUE;
  else if (g_str_equal (name, "t"))
    self->in_text = !self->in_phonetic;
  else if (g_str_equal (name, "v"))
    {
      g_string_truncate (self->text, 0);
      self->in_text = TRUE;
    }
  else
    return FALSE;
  return TRUE;
}

static void
end_text (LedgerXlsxCells *self,
          const char      *name)
{
  if (g_str_equal (name, "rPh"))
    self->in_phonetic = FALSE;
  else if (g_str_equal (name, "t") || g_str_equal (name, "v"))
    self->in_text = FALSE;
}

/* ---- signal callbacks: sharedStrings.xml ---- */

static void
on_strings_start_cb (GMarkupParseContext  *context,
                     const char           *element,
                     const char          **names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  LedgerXlsxCells *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (g_str_equal (name, "si"))
    g_string_truncate (self->text, 0);
  else
    start_text (self, name);
}

static void
on_strings_end_cb (GMarkupParseContext  *context,
                   const char           *element,
                   gpointer              user_data,
                   GError              **error)
{
  LedgerXlsxCells *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (g_str_equal (name, "si"))
    g_ptr_array_add (self->strings, g_strndup (self->text->str, self->text->len));
  else
    end_text (self, name);
}

const GMarkupParser ledger_xlsx_strings_parser = {
  on_strings_start_cb, on_strings_end_cb, on_text_cb, NULL, NULL,
};

/* ---- signal callbacks: styles.xml ---- */

static void
on_styles_start_cb (GMarkupParseContext  *context,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  LedgerXlsxCells *self = user_data;
  const char *name = ledger_xlsx_local_name (element);
  guint id = 0;

  if (g_str_equal (name, "cellXfs"))
    self->in_xfs = TRUE;
  else if (g_str_equal (name, "numFmt") &&
           parse_index (ledger_xlsx_attribute (names, values, "numFmtId", FALSE), G_MAXINT, &id) &&
           ledger_xlsx_attribute (names, values, "formatCode", FALSE) != NULL)
    g_hash_table_insert (self->formats, GUINT_TO_POINTER (id),
                         GINT_TO_POINTER (custom_format_kind (ledger_xlsx_attribute (names, values, "formatCode", FALSE))));
  else if (g_str_equal (name, "xf") && self->in_xfs)
    {
      FormatKind kind = FORMAT_NUMBER;
      gpointer custom;

      if (parse_index (ledger_xlsx_attribute (names, values, "numFmtId", FALSE), G_MAXINT, &id))
        kind = g_hash_table_lookup_extended (self->formats, GUINT_TO_POINTER (id), NULL, &custom)
               ? (FormatKind) GPOINTER_TO_INT (custom) : builtin_format_kind (id);
      g_array_append_val (self->styles, kind);
    }
}

static void
on_styles_end_cb (GMarkupParseContext  *context,
                  const char           *element,
                  gpointer              user_data,
                  GError              **error)
{
  LedgerXlsxCells *self = user_data;

  if (g_str_equal (ledger_xlsx_local_name (element), "cellXfs"))
    self->in_xfs = FALSE;
}

const GMarkupParser ledger_xlsx_styles_parser = {
  on_styles_start_cb, on_styles_end_cb, NULL, NULL, NULL,
};

/* ---- signal callbacks: the worksheet ---- */

static void
start_row (LedgerXlsxCells      *self,
           GMarkupParseContext  *context,
           const char          **names,
           const char          **values,
           GError              **error)
{
  const char *number = ledger_xlsx_attribute (names, values, "r", FALSE);

  if (number != NULL && !parse_index (number, G_MAXINT, &self->row_number))
    {
      refuse_element (context, _("The worksheet is damaged: “%s” is not a row number (XML line %d)."),
                      number, error);
      return;
    }
  if (number == NULL)
    self->row_number++;
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

static void
start_cell (LedgerXlsxCells      *self,
            GMarkupParseContext  *context,
            const char          **names,
            const char          **values,
            GError              **error)
{
  const char *reference = ledger_xlsx_attribute (names, values, "r", FALSE);
  const char *type = ledger_xlsx_attribute (names, values, "t", FALSE);
  const char *style = ledger_xlsx_attribute (names, values, "s", FALSE);

  if (self->cells == NULL)
    {
      refuse_element (context, _("The worksheet is damaged: a cell “%s” is outside a row (XML line %d)."),
                      ledger_xlsx_attribute (names, values, "r", FALSE) ?: "", error);
      return;
    }
  if (reference == NULL)
    self->column = self->cells->len;
  else if (!parse_reference (reference, &self->column))
    {
      refuse_element (context, _("The worksheet is damaged: “%s” is not a cell reference (XML line %d)."),
                      reference, error);
      return;
    }
  g_strlcpy (self->cell_type, type ? type : "n", sizeof self->cell_type);
  if (!style || !parse_index (style, G_MAXINT, &self->cell_style))
    self->cell_style = 0;
  g_clear_pointer (&self->value, g_free);
}

static void
on_sheet_start_cb (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  LedgerXlsxCells *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (g_str_equal (name, "row"))
    start_row (self, context, names, values, error);
  else if (g_str_equal (name, "c"))
    start_cell (self, context, names, values, error);
  else if (g_str_equal (name, "is"))
    g_string_truncate (self->text, 0);
  else
    start_text (self, name);
}

static void
on_sheet_end_cb (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  LedgerXlsxCells *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (g_str_equal (name, "v") || g_str_equal (name, "is"))
    {
      g_free (self->value);
      self->value = g_strndup (self->text->str, self->text->len);
    }
  end_text (self, name);
  if (g_str_equal (name, "c") && self->cells != NULL)
    finish_cell (self, error);
  else if (g_str_equal (name, "row") && self->cells != NULL)
    finish_row (self, error);
}

const GMarkupParser ledger_xlsx_sheet_parser = {
  on_sheet_start_cb, on_sheet_end_cb, on_text_cb, NULL, NULL,
};

/* ---- public API ---- */

void
ledger_xlsx_cells_init (LedgerXlsxCells *self,
                        LedgerTable     *table,
                        GCancellable    *cancellable)
{
  memset (self, 0, sizeof *self);
  self->table = table;
  self->cancellable = cancellable;
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->formats = g_hash_table_new (NULL, NULL);
  self->styles = g_array_new (FALSE, FALSE, sizeof (FormatKind));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  self->text = g_string_new (NULL);
}

void
ledger_xlsx_cells_clear (LedgerXlsxCells *self)
{
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->formats, g_hash_table_unref);
  g_clear_pointer (&self->styles, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->value, g_free);
}
