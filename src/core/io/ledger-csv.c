/* ledger-csv.c: reading and writing CSV as Excel and WPS save it
 *
 * Decoding: a byte-order mark says UTF-8 or UTF-16; otherwise a file that is
 * valid UTF-8 is taken as such, and anything else as GB18030, the superset
 * of the GBK that Chinese Windows writes (never decoded as "GBK" itself,
 * which lacks characters found in names of people and places).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-input.h"

#define UTF8_BOM "\xEF\xBB\xBF"

typedef struct
{
  const char   *p;
  guint         line;         /* physical line of p, 1-based */
  char          delimiter;
  char          plain_stops[4];   /* what ends an unquoted cell: delimiter, CR, LF */
  gsize         max_cell;
  GString      *scratch;      /* the quoted cell being read */
  guint64       n_bytes;      /* memory the rows take so far, cells and their text */
} Cursor;

/* ---- auxiliary functions ---- */

static char *
decode_utf16 (const char  *bytes,
              gsize        len,
              const char  *encoding,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize written = 0;
  char *text = g_convert (bytes, len, "UTF-8", encoding, NULL, &written, &local);

  if (text == NULL || strlen (text) != written)
    {
      g_free (text);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The file is not valid %s text. Save it again as “CSV UTF-8”."),
                   encoding);
      return NULL;
    }
  return text;
}

static char *
decode_gb18030 (const char  *bytes,
                gsize        len,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *text = g_convert (bytes, len, "UTF-8", "GB18030", NULL, NULL, &local);

  if (text == NULL)
    g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                         _("The file is neither UTF-8 nor GBK/GB18030 text. "
                           "Save it again as “CSV UTF-8”."));
  return text;
}

/* UTF-8 (with or without a BOM), else GB18030. */
static char *
decode_8bit (const char  *bytes,
             gsize        len,
             const char **found,
             GError     **error)
{
  gboolean has_bom = len >= 3 && memcmp (bytes, UTF8_BOM, 3) == 0;

  if (has_bom)
    {
      bytes += 3;
      len -= 3;
    }
  if (memchr (bytes, '\0', len) != NULL)
    {
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                           _("The file contains NUL bytes: it is not a text file. "
                             "Choose a CSV, an Excel workbook (.xlsx) or a GeoJSON file."));
      return NULL;
    }
  if (g_utf8_validate (bytes, len, NULL))
    return g_strndup (bytes, len);
  if (has_bom)
    {
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                           _("The file is marked as UTF-8 but is not valid UTF-8 text. "
                             "Save it again as “CSV UTF-8”."));
      return NULL;
    }
  *found = "GB18030";
  return decode_gb18030 (bytes, len, error);
}

/* Consumes one line end ("\r\n", "\n" or a lone "\r") if there is one. */
static gboolean
skip_newline (Cursor *c)
{
  if (c->p[0] == '\r' && c->p[1] == '\n')
    c->p += 2;
  else if (c->p[0] == '\r' || c->p[0] == '\n')
    c->p++;
  else
    return FALSE;
  c->line++;
  return TRUE;
}

static gboolean
check_cell_size (Cursor  *c,
                 gsize    len,
                 guint    column,
                 GError **error)
{
  if (len <= c->max_cell)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("Line %u, column %u: the cell is longer than %u MiB; this is not a ledger."),
               c->line, column, (guint) (c->max_cell >> 20));
  return FALSE;
}

/* Appends the unquoted text up to the next delimiter or line end. */
static void
read_plain (Cursor  *c,
            GString *cell)
{
  gsize n = strcspn (c->p, c->plain_stops);

  g_string_append_len (cell, c->p, n);
  c->p += n;
}

/* A "quoted" cell: "" is a quote, line breaks (any style) become "\n".
 * Like Excel, text after the closing quote is kept: "a"b reads as ab. */
static gboolean
read_quoted (Cursor   *c,
             guint     column,
             GError  **error)
{
  GString *cell = c->scratch;
  guint start_line = c->line;

  for (c->p++; ; )
    {
      gsize n = strcspn (c->p, "\"\r\n");

      g_string_append_len (cell, c->p, n);
      c->p += n;
      if (!check_cell_size (c, cell->len, column, error))
        return FALSE;
      if (*c->p == '\0')
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("Line %u: a quoted cell is not closed (a \" is missing)"),
                       start_line);
          return FALSE;
        }
      if (c->p[0] == '"' && c->p[1] == '"')
        {
          g_string_append_c (cell, '"');
          c->p += 2;
        }
      else if (c->p[0] == '"')
        {
          c->p++;
          break;
        }
      else if (skip_newline (c))
        g_string_append_c (cell, '\n');
    }
  read_plain (c, cell);
  return check_cell_size (c, cell->len, column, error);
}

static char *
read_cell (Cursor  *c,
           guint    column,
           GError **error)
{
  gsize n;

  if (*c->p == '"')
    {
      g_string_truncate (c->scratch, 0);
      if (!read_quoted (c, column, error))
        return NULL;
      return g_strndup (c->scratch->str, c->scratch->len);
    }
  n = strcspn (c->p, c->plain_stops);
  if (!check_cell_size (c, n, column, error))
    return NULL;
  c->p += n;
  return g_strndup (c->p - n, n);
}

/* A file of nothing but commas is a few bytes per cell on disk and forty
 * in memory: columns and the memory of all cells are capped, not only bytes. */
static gboolean
check_table_size (Cursor      *c,
                  guint        column,
                  const char  *cell,
                  GError     **error)
{
  c->n_bytes += strlen (cell) + LEDGER_CSV_CELL_OVERHEAD;
  if (column > LEDGER_CSV_MAX_COLUMNS)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("Line %u has more than %u columns; this is not a ledger."),
                 c->line, (guint) LEDGER_CSV_MAX_COLUMNS);
  else if (c->n_bytes > LEDGER_CSV_MAX_TABLE_BYTES)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("Line %u: the file’s cells take more than %u MiB; split it into smaller files."),
                 c->line, (guint) (LEDGER_CSV_MAX_TABLE_BYTES >> 20));
  else
    return TRUE;
  return FALSE;
}

/* Reads one row and the line end after it. */
static LedgerCsvRow *
read_row (Cursor  *c,
          GError **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  LedgerCsvRow *row;
  guint line = c->line;

  for (;;)
    {
      char *cell = read_cell (c, cells->len + 1, error);

      if (cell == NULL)
        return NULL;
      g_ptr_array_add (cells, cell);
      if (!check_table_size (c, cells->len, cell, error))
        return NULL;
      if (*c->p != c->delimiter)
        break;
      c->p++;
    }
  skip_newline (c);

  row = g_new0 (LedgerCsvRow, 1);
  row->line = line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  row->cells = (char **) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
  return row;
}

/* An empty line, or one of only delimiters and spaces. */
static gboolean
row_is_blank (const LedgerCsvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      for (const char *p = row->cells[i]; *p != '\0'; p++)
        if (*p != ' ' && *p != '\t')
          return FALSE;
    }
  return TRUE;
}

static gboolean
too_many_rows (guint     n_rows,
               guint     max_rows,
               GError  **error)
{
  if (max_rows == 0 || n_rows <= max_rows)
    return FALSE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The file has more than %u rows; split it into smaller files."), max_rows);
  return TRUE;
}

static gboolean
cancelled (GCancellable  *cancellable,
           guint          n_rows,
           GError       **error)
{
  return n_rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
needs_quotes (const char *cell)
{
  gsize len = strlen (cell);

  if (len == 0)
    return FALSE;
  return strpbrk (cell, ",\"\r\n") != NULL ||
         cell[0] == ' ' || cell[0] == '\t' ||
         cell[len - 1] == ' ' || cell[len - 1] == '\t';
}

/* ---- public API ---- */

/**
 * ledger_csv_decode:
 * @bytes: the contents of a file
 * @len: its length
 * @encoding: (out) (optional): "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030"
 * @error: a #GError
 *
 * Returns: (transfer full): the text in UTF-8 without a byte-order mark, or
 *   %NULL when the file is not text in one of these encodings
 */
char *
ledger_csv_decode (const char  *bytes,
                   gsize        len,
                   const char **encoding,
                   GError     **error)
{
  const guchar *u = (const guchar *) bytes;
  const char *found = "UTF-8";
  char *text;

  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      found = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      text = decode_utf16 (bytes + 2, len - 2, found, error);
    }
  else
    text = decode_8bit (bytes, len, &found, error);
  if (text != NULL && encoding != NULL)
    *encoding = found;
  return text;
}

/**
 * ledger_csv_guess_delimiter:
 * @text: CSV in UTF-8
 *
 * Counts commas, semicolons and tabs outside quotes on the first line (the
 * header) and picks the most frequent; a comma when there are none, or on a tie.
 *
 * Returns: ',', ';' or '\t'
 */
char
ledger_csv_guess_delimiter (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (text != NULL, ',');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\r' || *p == '\n')
        break;
      else
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas && semicolons > tabs)
    return ';';
  return ',';
}

/**
 * ledger_csv_parse_full:
 * @text: CSV in UTF-8
 * @delimiter: ',', ';' or '\t'
 * @flags: %LEDGER_CSV_KEEP_BLANK keeps blank lines as rows
 * @max_rows: refuse more rows than this (0: no limit)
 * @cancellable: (nullable): checked every few thousand rows
 * @error: names the line of an unclosed quote or an oversized cell
 *
 * Parses RFC 4180 CSV with any line ends; no cell may exceed
 * %LEDGER_CSV_MAX_CELL bytes.
 *
 * Returns: (transfer full) (element-type LedgerCsvRow): the rows, or %NULL
 */
GPtrArray *
ledger_csv_parse_full (const char    *text,
                       char           delimiter,
                       LedgerCsvFlags flags,
                       guint          max_rows,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  Cursor c = { text, 1, delimiter, { delimiter, '\r', '\n', '\0' }, LEDGER_CSV_MAX_CELL, scratch, 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  if (g_str_has_prefix (c.p, UTF8_BOM))
    c.p += 3;
  while (*c.p != '\0')
    {
      g_autoptr(LedgerCsvRow) row = NULL;

      if (cancelled (cancellable, rows->len, error) ||
          !(row = read_row (&c, error)))
        return NULL;
      if ((flags & LEDGER_CSV_KEEP_BLANK) || !row_is_blank (row))
        g_ptr_array_add (rows, g_steal_pointer (&row));
      if (too_many_rows (rows->len, max_rows, error))
        return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * ledger_csv_parse:
 * @text: CSV in UTF-8
 * @error: a #GError naming the line of an unclosed quote
 *
 * Parses RFC 4180 CSV with commas and any line ends. Blank lines (also lines
 * of only commas) are skipped; rows keep the number of cells they have.
 *
 * Returns: (transfer full) (element-type LedgerCsvRow): the rows, or %NULL
 */
GPtrArray *
ledger_csv_parse (const char  *text,
                  GError     **error)
{
  return ledger_csv_parse_full (text, ',', 0, 0, NULL, error);
}

/**
 * ledger_csv_read_file:
 * @path: a file name in the GLib file name encoding
 * @encoding: (out) (optional): the encoding the file was decoded from
 * @error: a #GError; its message names the file
 *
 * Returns: (transfer full) (element-type LedgerCsvRow): the rows, or %NULL
 */
GPtrArray *
ledger_csv_read_file (const char  *path,
                      const char **encoding,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local = NULL;
  GPtrArray *rows = NULL;
  gsize len = 0;

  if (!ledger_input_read_file (path, LEDGER_INPUT_MAX_BYTES, &contents, &len, error))
    return NULL;
  text = ledger_csv_decode (contents, len, encoding, &local);
  if (text != NULL)
    rows = ledger_csv_parse (text, &local);
  if (rows == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
  return rows;
}

/* Frees every cell, also past a NULL one (a GeoJSON property left out). */
void
ledger_csv_row_free (LedgerCsvRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

/**
 * ledger_csv_append_row:
 * @out: where to append
 * @cells: (array length=n_cells) (nullable): the cells; a %NULL cell is blank
 * @n_cells: the number of cells
 *
 * Appends one row, quoting the cells that need it, ending in "\r\n" as
 * Excel expects.
 */
void
ledger_csv_append_row (GString            *out,
                       const char * const *cells,
                       guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (cell))
        {
          g_string_append (out, cell);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
