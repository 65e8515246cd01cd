/* ledger-table-ods.c: a sheet of an OpenDocument spreadsheet (.ods) as rows
 *
 * An .ods is a zip whose first part, "mimetype", says
 * application/vnd.oasis.opendocument.spreadsheet, and whose content.xml holds
 * every sheet (ODF 1.2 part 1, §9.1: table:table, table:table-row,
 * table:table-cell, table:covered-table-cell). content.xml is streamed
 * through GMarkup like the parts of an .xlsx (ledger-table-xlsx.c), so a big
 * sheet is never held whole. A cell is read as a person would type it:
 * office:value for numbers and percentages (not the text shown: a code shown
 * as 5.12E+11 keeps its 12 digits), office:date-value as YYYY-MM-DD, the
 * paragraphs of a text cell joined by line breaks (text:s are spaces,
 * text:tab a tab), comments and drawings left out. A merged cell's covered
 * cells are blank. LibreOffice writes the rest of the sheet as one blank row
 * repeated a million times and a blank cell repeated 16,000 times: blank
 * repeats only move the line and column on, and copies of a non-blank row or
 * cell are bounded.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-table-ods-private.h"

#define ODS_MIMETYPE  "application/vnd.oasis.opendocument.spreadsheet"
#define MAX_COLUMNS   16384              /* as many as LibreOffice and Excel have */
#define MAX_CELLS     (30 * 1000 * 1000) /* as for .xlsx */
#define MAX_COPIES    (1000 * 1000)      /* cells made by repeating a non-blank row or cell */
#define MAX_LINE      (G_MAXINT / 2)

typedef struct
{
  LedgerTable  *table;
  GCancellable *cancellable;
  GPtrArray    *sheet_names;
  guint         table_depth;   /* table:table elements open (a cell may hold a table) */
  gboolean      in_sheet;      /* inside the sheet being read */
  gboolean      sheet_read;
  GPtrArray    *rows;
  /* the row being read */
  GPtrArray    *cells;
  guint         line;          /* of the row being read, 1-based */
  guint         row_repeat;
  guint         blank_cells;   /* blank cells since the last non-blank one */
  /* the cell being read */
  gboolean      in_cell;
  guint         cell_repeat;
  char         *value;         /* from the cell's attributes; NULL: its text */
  GString      *text;
  guint         paragraphs;
  gboolean      in_paragraph;
  guint         skip_depth;    /* inside a comment or a drawing */
  guint64       n_cells;
  guint64       n_copies;
} OdsReader;

/* ---- auxiliary functions: attributes and values ---- */

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* table:number-columns-repeated and the like: at least 1. */
static guint
repeat_count (const char **names,
              const char **values,
              const char  *name)
{
  const char *text = attribute (names, values, name);
  guint64 count = 1;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &count, NULL))
    return 1;
  return (guint) count;
}

static char *
number_value (const char *text)
{
  char *end = NULL;
  double number = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (number))
    return NULL;
  return ledger_table_format_number (number);
}

/* 2024-05-01 or 2024-05-01T10:30:00(.000) → 2024-05-01 (10:30:00). */
static char *
date_value (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  char *t = strchr (copy, 'T');
  char *dot;

  if (t == NULL)
    return g_steal_pointer (&copy);
  if ((dot = strchr (t, '.')) != NULL)
    *dot = '\0';
  if (strspn (t + 1, "0:") == strlen (t + 1))
    *t = '\0';
  else
    *t = ' ';
  return g_steal_pointer (&copy);
}

/* PT10H30M00S → 10:30:00 (ISO 8601 durations, as ODF writes times). */
static char *
time_value (const char *text)
{
  guint hours = 0, minutes = 0;
  double seconds = 0;

  if (sscanf (text, "PT%uH%uM%lfS", &hours, &minutes, &seconds) != 3 ||
      !isfinite (seconds) || seconds < 0 || seconds >= 60 || minutes >= 60 || hours > 1000000)
    return NULL;
  return g_strdup_printf ("%02u:%02u:%02u", hours, minutes, (guint) seconds);
}

/* The cell's value from its attributes, or NULL when its text says it. */
static char *
attribute_value (const char **names,
                 const char **values)
{
  const char *type = attribute (names, values, "office:value-type");
  const char *value;

  if (type == NULL)
    return NULL;
  if (g_str_equal (type, "float") || g_str_equal (type, "percentage") || g_str_equal (type, "currency"))
    return (value = attribute (names, values, "office:value")) ? number_value (value) : NULL;
  if (g_str_equal (type, "date"))
    return (value = attribute (names, values, "office:date-value")) ? date_value (value) : NULL;
  if (g_str_equal (type, "time"))
    return (value = attribute (names, values, "office:time-value")) ? time_value (value) : NULL;
  if (g_str_equal (type, "boolean"))
    return (value = attribute (names, values, "office:boolean-value"))
           ? g_strdup (g_str_equal (value, "true") ? "1" : "0") : NULL;
  if (g_str_equal (type, "string"))
    return g_strdup (attribute (names, values, "office:string-value"));
  return NULL;
}

/* ---- auxiliary functions: limits ---- */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
refuse_too_many_cells (GError **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The worksheet has more than %u cells; split it into smaller files."),
               (guint) MAX_CELLS);
  return FALSE;
}

static gboolean
count_cells (OdsReader  *self,
             guint64     n,
             gboolean    copies,
             GError    **error)
{
  self->n_cells += n;
  if (copies)
    self->n_copies += n;
  if (self->n_cells > MAX_CELLS)
    return refuse_too_many_cells (error);
  if (self->n_copies > MAX_COPIES)
    return refuse (error, _("The sheet repeats rows or cells more than a million times; "
                            "this is not a ledger."));
  return TRUE;
}

static gboolean
check_text_length (OdsReader  *self,
                   GError    **error)
{
  if (self->text->len <= LEDGER_CSV_MAX_CELL)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("Row %u: a cell is longer than %u MiB; this is not a ledger."),
               self->line, (guint) (LEDGER_CSV_MAX_CELL >> 20));
  return FALSE;
}

/* ---- auxiliary functions: rows and cells ---- */

static void
start_row (OdsReader   *self,
           const char **names,
           const char **values)
{
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->row_repeat = repeat_count (names, values, "table:number-rows-repeated");
  self->blank_cells = 0;
}

static void
start_cell (OdsReader   *self,
            const char **names,
            const char **values)
{
  self->in_cell = TRUE;
  self->cell_repeat = repeat_count (names, values, "table:number-columns-repeated");
  g_free (self->value);
  self->value = attribute_value (names, values);
  g_string_truncate (self->text, 0);
  self->paragraphs = 0;
}

/* Blank cells count only once a non-blank one follows them. */
static gboolean
finish_cell (OdsReader  *self,
             GError    **error)
{
  g_autofree char *text = self->value ? g_steal_pointer (&self->value)
                                      : g_strndup (self->text->str, self->text->len);
  guint repeat = self->cell_repeat;

  self->in_cell = FALSE;
  if (self->cells == NULL)
    return TRUE;
  if (*text == '\0')
    {
      self->blank_cells = MIN ((guint64) self->blank_cells + repeat, MAX_COLUMNS + 1);
      return TRUE;
    }
  if ((guint64) self->cells->len + self->blank_cells + repeat > MAX_COLUMNS)
    return refuse (error, _("The sheet has more than 16384 columns; this is not a ledger."));
  if (!count_cells (self, self->blank_cells, FALSE, error) ||
      !count_cells (self, repeat, FALSE, error) ||
      !count_cells (self, repeat - 1, TRUE, error))
    return FALSE;
  for (; self->blank_cells > 0; self->blank_cells--)
    g_ptr_array_add (self->cells, g_strdup (""));
  for (guint i = 0; i < repeat; i++)
    g_ptr_array_add (self->cells, g_strdup (text));
  return TRUE;
}

static GPtrArray *
copy_cells (GPtrArray *cells)
{
  GPtrArray *copy = g_ptr_array_new_full (cells->len + 1, g_free);

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (cells, i)));
  return copy;
}

static gboolean
add_row (OdsReader  *self,
         GPtrArray  *cells,
         GError    **error)
{
  g_ptr_array_add (self->rows, ledger_table_row_new (self->line, cells));
  self->line = MIN (self->line + 1, MAX_LINE);
  if (self->rows->len % 4096 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->rows->len <= LEDGER_TABLE_MAX_ROWS)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The file has more than %u rows; split it into smaller files."),
               (guint) LEDGER_TABLE_MAX_ROWS);
  return FALSE;
}

/* A blank row (however often repeated) only moves the line on; a repeated
 * row with cells is copied. */
static gboolean
finish_row (OdsReader  *self,
            GError    **error)
{
  g_autoptr(GPtrArray) cells = g_steal_pointer (&self->cells);

  if (cells->len == 0)
    {
      self->line = (guint) MIN ((guint64) self->line + self->row_repeat, MAX_LINE);
      return TRUE;
    }
  for (guint i = 1; i < self->row_repeat; i++)
    if (!count_cells (self, cells->len, TRUE, error) ||
        !add_row (self, copy_cells (cells), error))
      return FALSE;
  return add_row (self, g_steal_pointer (&cells), error);
}

/* ---- signal callbacks: content.xml ---- */

static void
start_table (OdsReader   *self,
             const char **names,
             const char **values)
{
  const char *name = attribute (names, values, "table:name");
  const char *wanted = self->table->sheet_name;

  if (self->table_depth++ > 0)
    return;
  name = name ? name : "";
  g_ptr_array_add (self->sheet_names, g_strdup (name));
  if (!self->sheet_read && (wanted == NULL || g_str_equal (wanted, name)))
    {
      self->in_sheet = TRUE;
      g_free (self->table->sheet_name);
      self->table->sheet_name = g_strdup (name);
    }
}

static void
start_text (OdsReader  *self,
            const char *element,
            const char **names,
            const char **values,
            GError    **error)
{
  if (g_str_equal (element, "text:p") || g_str_equal (element, "text:h"))
    {
      if (self->paragraphs++ > 0)
        g_string_append_c (self->text, '\n');
      self->in_paragraph = TRUE;
    }
  else if (!self->in_paragraph)
    return;
  else if (g_str_equal (element, "text:s"))
    {
      guint spaces = repeat_count (names, values, "text:c");

      for (guint i = 0; i < spaces && self->text->len <= LEDGER_CSV_MAX_CELL; i++)
        g_string_append_c (self->text, ' ');
    }
  else if (g_str_equal (element, "text:tab"))
    g_string_append_c (self->text, '\t');
  else if (g_str_equal (element, "text:line-break"))
    g_string_append_c (self->text, '\n');
  check_text_length (self, error);
}

static gboolean
skips_content (const char *element)
{
  return g_str_equal (element, "office:annotation") || g_str_has_prefix (element, "draw:");
}

static void
on_content_start_cb (GMarkupParseContext  *context,
                     const char           *element,
                     const char          **names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  OdsReader *self = user_data;

  if (self->skip_depth > 0 || skips_content (element))
    self->skip_depth++;
  else if (g_str_equal (element, "table:table"))
    start_table (self, names, values);
  else if (!self->in_sheet || self->table_depth > 1)
    return;
  else if (g_str_equal (element, "table:table-row"))
    start_row (self, names, values);
  else if (g_str_equal (element, "table:table-cell") || g_str_equal (element, "table:covered-table-cell"))
    start_cell (self, names, values);
  else if (self->in_cell)
    start_text (self, element, names, values, error);
}

static void
on_content_end_cb (GMarkupParseContext  *context,
                   const char           *element,
                   gpointer              user_data,
                   GError              **error)
{
  OdsReader *self = user_data;

  if (self->skip_depth > 0)
    self->skip_depth--;
  else if (g_str_equal (element, "table:table"))
    {
      if (--self->table_depth == 0 && self->in_sheet)
        self->in_sheet = FALSE, self->sheet_read = TRUE;
    }
  else if (!self->in_sheet || self->table_depth > 1)
    return;
  else if (g_str_equal (element, "table:table-row") && self->cells != NULL)
    finish_row (self, error);
  else if ((g_str_equal (element, "table:table-cell") || g_str_equal (element, "table:covered-table-cell")) &&
           self->in_cell)
    finish_cell (self, error);
  else if (g_str_equal (element, "text:p") || g_str_equal (element, "text:h"))
    self->in_paragraph = FALSE;
}

static void
on_content_text_cb (GMarkupParseContext  *context,
                    const char           *text,
                    gsize                 len,
                    gpointer              user_data,
                    GError              **error)
{
  OdsReader *self = user_data;

  if (!self->in_sheet || !self->in_cell || !self->in_paragraph || self->skip_depth > 0)
    return;
  g_string_append_len (self->text, text, len);
  check_text_length (self, error);
}

static const GMarkupParser content_parser = {
  on_content_start_cb, on_content_end_cb, on_content_text_cb, NULL, NULL,
};

/* ---- auxiliary functions: the reader ---- */

static void
ods_reader_init (OdsReader    *self,
                 LedgerTable  *table,
                 GCancellable *cancellable)
{
  memset (self, 0, sizeof *self);
  self->table = table;
  self->cancellable = cancellable;
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  self->text = g_string_new (NULL);
  self->line = 1;
}

static void
ods_reader_clear (OdsReader *self)
{
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->value, g_free);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
}

static gboolean
finish_reading (OdsReader    *self,
                const char   *wanted,
                GError      **error)
{
  if (!self->sheet_read && wanted != NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The workbook has no sheet named “%s”."), wanted);
      return FALSE;
    }
  if (!self->sheet_read)
    return refuse (error, _("The spreadsheet has no sheet."));
  g_ptr_array_add (self->sheet_names, NULL);
  self->table->sheet_names = (char **) g_ptr_array_free (g_steal_pointer (&self->sheet_names), FALSE);
  self->table->rows = g_steal_pointer (&self->rows);
  return TRUE;
}

/* ---- private API ---- */

gboolean
ledger_table_is_ods (const char *bytes,
                     gsize       len)
{
  /* ODF 1.2 part 3, §3.3: the mimetype part is first, stored, without extra
   * field, so its name is at offset 30 and its content at 38 */
  static const char name[] = "mimetype";

  if (len >= 38 + strlen (ODS_MIMETYPE) && memcmp (bytes, "PK\3\4", 4) == 0 &&
      memcmp (bytes + 30, name, strlen (name)) == 0)
    return memcmp (bytes + 38, ODS_MIMETYPE, strlen (ODS_MIMETYPE)) == 0;
  return ledger_table_zip_has_part (bytes, len, "content.xml") &&
         !ledger_table_zip_has_part (bytes, len, "xl/workbook.xml");
}

gboolean
ledger_table_read_ods (LedgerTable   *table,
                       const char    *bytes,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *wanted = g_strdup (table->sheet_name);
  OdsReader reader;
  gboolean ok;

  g_clear_pointer (&table->sheet_name, g_free);
  table->sheet_name = g_strdup (wanted);
  ods_reader_init (&reader, table, cancellable);
  ok = ledger_table_zip_parse_part (bytes, len, "content.xml", &content_parser, &reader, cancellable, error) &&
       finish_reading (&reader, wanted, error);
  if (!ok && wanted == NULL)
    g_clear_pointer (&table->sheet_name, g_free);
  ods_reader_clear (&reader);
  return ok;
}
