/* ledger-import-rejected.c: the rejected rows, for fixing in Excel or WPS
 *
 * "Import the valid rows and save the rejected ones": the rejected rows are
 * written as read, under the file's header row, with a last column naming
 * every problem, as UTF-8 CSV with a byte-order mark (which Excel and WPS
 * open without asking for the encoding). Text that a spreadsheet would run
 * as a formula gets a leading apostrophe.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-import-private.h"
#include "ledger-values.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* ---- auxiliary functions ---- */

static char *
guard_formula (const char *cell)
{
  double number;

  if (cell == NULL)
    return g_strdup ("");
  if (strchr ("=+-@", cell[0]) != NULL && cell[0] != '\0' && !ledger_parse_number (cell, &number))
    return g_strconcat ("'", cell, NULL);
  return g_strdup (cell);
}

/* line → the problems of that line, joined; only lines with an error */
static GHashTable *
problems_by_line (const LedgerImportReport *report)
{
  GHashTable *lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < report->problems->len; i++)
    {
      const LedgerProblem *problem = g_ptr_array_index (report->problems, i);
      if (!problem->warning && problem->line > 0)
        g_hash_table_insert (lines, GUINT_TO_POINTER (problem->line), g_strdup (""));
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      const LedgerProblem *problem = g_ptr_array_index (report->problems, i);
      char *joined = g_hash_table_lookup (lines, GUINT_TO_POINTER (problem->line));
      if (joined == NULL)
        continue;
      g_hash_table_insert (lines, GUINT_TO_POINTER (problem->line),
                           *joined ? g_strconcat (joined, "；", problem->message, NULL) : g_strdup (problem->message));
    }
  return lines;
}

static void
append_row (GString            *out,
            const LedgerCsvRow *row,
            const char         *last)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < row->n_cells; i++)
    g_ptr_array_add (cells, guard_formula (row->cells[i]));
  g_ptr_array_add (cells, g_strdup (last));
  ledger_csv_append_row (out, (const char * const *) cells->pdata, cells->len);
}

static const LedgerCsvRow *
find_header (const LedgerTable *table,
             guint             *index)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (table->rows, i);
      for (guint c = 0; c < row->n_cells; c++)
        if (!ledger_text_is_blank (row->cells[c]))
          {
            *index = i;
            return row;
          }
    }
  return NULL;
}

/* ---- public API ---- */

/**
 * ledger_import_write_rejected:
 * @table: the table that was imported (or checked)
 * @report: its report
 * @path: the CSV file to write, replaced atomically
 *
 * Returns: %TRUE when written
 */
gboolean
ledger_import_write_rejected (const LedgerTable        *table,
                              const LedgerImportReport *report,
                              const char               *path,
                              GError                  **error)
{
  g_autoptr (GHashTable) lines = problems_by_line (report);
  g_autoptr (GString) out = g_string_new (UTF8_BOM);
  const LedgerCsvRow *header;
  guint first = 0;

  if ((header = find_header (table, &first)) != NULL)
    append_row (out, header, _("Problems"));
  for (guint i = first + 1; header != NULL && i < table->rows->len; i++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (table->rows, i);
      const char *problems = g_hash_table_lookup (lines, GUINT_TO_POINTER (row->line));
      if (problems != NULL)
        append_row (out, row, problems);
    }
  return ledger_replace_write_contents (path, out->str, out->len, error);
}
