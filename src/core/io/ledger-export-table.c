/* ledger-export-table.c: one table to an XLSX sheet (Export this view…) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "ledger-error.h"
#include "ledger-export-table.h"
#include "ledger-replace.h"

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static double
column_width (const char *text)
{
  double width = 0;

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.1 : 1.1;
  return width + 2;
}

static void
write_rows (const LedgerExportTable *table,
            lxw_worksheet           *sheet,
            lxw_format              *header)
{
  g_autofree double *widths = g_new0 (double, MAX (table->n_columns, 1));

  for (guint c = 0; c < table->n_columns; c++)
    {
      worksheet_write_string (sheet, 0, c, table->headers[c], header);
      widths[c] = column_width (table->headers[c]);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        {
          double value;
          if (cells[c] == NULL || *cells[c] == '\0')
            continue;
          if (table->numeric[c] && parse_number (cells[c], &value))
            worksheet_write_number (sheet, r + 1, c, value, NULL);
          else
            worksheet_write_string (sheet, r + 1, c, cells[c], NULL);
          widths[c] = MAX (widths[c], MIN (column_width (cells[c]), 50));
        }
    }
  for (guint c = 0; c < table->n_columns; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  if (table->n_columns > 0)
    worksheet_autofilter (sheet, 0, 0, table->rows->len, table->n_columns - 1);
}

static gboolean
write_workbook (const LedgerExportTable *table,
                const char              *sheet_name,
                const char              *temporary,
                const char              *path,
                GError                 **error)
{
  g_autofree char *name = g_filename_display_name (path);
  lxw_workbook *workbook = workbook_new (temporary);
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_error code;

  if (workbook == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, _("Cannot export to “%s”: %s."), name,
                   lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, sheet_name);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDE5EE);
  write_rows (table, sheet, header);
  code = workbook_close (workbook);
  if (code != LXW_NO_ERROR)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, _("Cannot export to “%s”: %s."), name,
                   lxw_strerror (code));
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_export_table_xlsx:
 * @table: the headers and the rows, as shown
 * @sheet_name: the sheet's name (at most 31 characters, none of []:*?/\)
 * @path: the .xlsx file, replaced only once complete
 *
 * Returns: TRUE when the file was written; else an error naming the file
 */
gboolean
ledger_export_table_xlsx (const LedgerExportTable *table,
                          const char              *sheet_name,
                          const char              *path,
                          GError                 **error)
{
  g_autoptr (LedgerReplace) replace = NULL;

  g_return_val_if_fail (table != NULL && path != NULL, FALSE);

  if ((replace = ledger_replace_begin (path, error)) == NULL ||
      !write_workbook (table, sheet_name, ledger_replace_get_temporary (replace), path, error) ||
      !ledger_replace_commit (replace, TRUE, error))
    return FALSE;
  return TRUE;
}
