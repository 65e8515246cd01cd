/* ledger-table-layout-read.c: the sheet of a workbook that holds the kind
 *
 * Officers' workbooks often open on a 填报说明 sheet with the data on the
 * second: every sheet is read in turn and the one whose header names the
 * kind's columns best is taken (the first on a tie). The kind's sheet of a
 * workbook this program exported (养殖场 …) is taken by its name.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-import.h"
#include "ledger-input.h"

/* ---- auxiliary functions ---- */

static guint
n_sheets (const LedgerTable *table)
{
  return table->sheet_names ? g_strv_length (table->sheet_names) : 0;
}

static char *
list_sheets (const LedgerTable *table)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n_sheets (table); i++)
    g_string_append_printf (list, "%s%u “%s”", i > 0 ? C_("list separator", ", ") : "", i + 1,
                            table->sheet_names[i]);
  return g_string_free (list, FALSE);
}

/* The file's bytes, read once (ledger-input.h): every sheet comes from them. */
typedef struct
{
  const char *bytes;
  gsize       len;
  const char *name;
} Input;

static LedgerTable *
read_sheet (const Input   *input,
            LedgerTable   *first,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  if (g_strcmp0 (first->sheet_name, name) == 0)
    return first;
  return ledger_table_read_bytes_sheet (input->bytes, input->len, input->name, name, cancellable, error);
}

/* The best-scoring sheet; @table (the first) on a tie. */
static LedgerTable *
best_sheet (const Input        *input,
            LedgerTable        *table,
            LedgerKind          kind,
            LedgerTableLayout **layout,
            GCancellable       *cancellable,
            GError            **error)
{
  LedgerTable *best = table;

  *layout = ledger_table_layout_detect (table, kind);
  for (guint i = 0; i < n_sheets (table); i++)
    {
      g_autoptr (LedgerTableLayout) candidate = NULL;
      LedgerTable *other;

      if (g_strcmp0 (table->sheet_names[i], table->sheet_name) == 0)
        continue;
      if ((other = ledger_table_read_bytes_sheet (input->bytes, input->len, input->name, table->sheet_names[i],
                                                  cancellable, error)) == NULL)
        {
          if (best != table)
            ledger_table_free (best);
          g_clear_pointer (layout, ledger_table_layout_unref);
          return NULL;
        }
      candidate = ledger_table_layout_detect (other, kind);
      if (candidate->score <= (*layout)->score)
        {
          ledger_table_free (other);
          continue;
        }
      if (best != table)
        ledger_table_free (best);
      best = other;
      g_clear_pointer (layout, ledger_table_layout_unref);
      *layout = g_steal_pointer (&candidate);
      (*layout)->sheet_chosen = TRUE;
    }
  return best;
}

/* ---- public API ---- */

/**
 * ledger_table_find_sheet:
 * @sheet: a sheet's name, or its 1-based number
 *
 * Returns: (nullable): the sheet's name as the workbook spells it
 */
const char *
ledger_table_find_sheet (const LedgerTable  *table,
                         const char         *sheet,
                         GError            **error)
{
  g_autofree char *list = NULL;
  char *end = NULL;
  guint64 number;

  g_return_val_if_fail (table != NULL && sheet != NULL, NULL);

  for (guint i = 0; i < n_sheets (table); i++)
    if (g_str_equal (table->sheet_names[i], sheet))
      return table->sheet_names[i];
  number = g_ascii_strtoull (sheet, &end, 10);
  if (end != sheet && *end == '\0' && number >= 1 && number <= n_sheets (table))
    return table->sheet_names[number - 1];
  if (n_sheets (table) == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s: the file has no sheets to choose from (it is not a workbook); leave out --sheet."),
                   table->file_name);
      return NULL;
    }
  list = list_sheets (table);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("%s: there is no sheet “%s”. The workbook has: %s."), table->file_name, sheet, list);
  return NULL;
}

/**
 * ledger_table_read_for_kind:
 * @sheet: (nullable): a sheet's name or 1-based number; %NULL: the best
 * @layout: (out) (transfer full): the layout of the table returned
 *
 * Returns: (transfer full) (nullable): the table
 */
LedgerTable *
ledger_table_read_for_kind (const char         *path,
                            LedgerKind          kind,
                            const char         *sheet,
                            LedgerTableLayout **layout,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *bytes = NULL;
  g_autoptr (LedgerTable) table = NULL;
  Input input = { NULL, 0, display };
  LedgerTable *chosen;
  const char *name = NULL;

  g_return_val_if_fail (layout != NULL, NULL);

  *layout = NULL;
  /* read once: every sheet below comes from the same bytes */
  if (!ledger_input_read_file (path, LEDGER_INPUT_MAX_BYTES, &bytes, &input.len, error))
    return NULL;
  input.bytes = bytes;
  if ((table = ledger_table_read_bytes (bytes, input.len, display, cancellable, error)) == NULL)
    return NULL;
  if (sheet != NULL && table->sheet_names != NULL && (name = ledger_table_find_sheet (table, sheet, error)) == NULL)
    return NULL;
  if (name == NULL)
    name = ledger_import_kind_sheet (kind, table);
  if (name == NULL && n_sheets (table) > 1)
    chosen = best_sheet (&input, table, kind, layout, cancellable, error);
  else
    chosen = name ? read_sheet (&input, table, name, cancellable, error) : table;
  if (chosen == NULL)
    return NULL;
  if (*layout == NULL)
    *layout = ledger_table_layout_detect (chosen, kind);
  if (chosen == table)
    return g_steal_pointer (&table);
  return chosen;
}

/**
 * ledger_table_layout_describe:
 *
 * Returns: (transfer full): which sheet, header rows and year, for people
 */
char *
ledger_table_layout_describe (const LedgerTableLayout *layout,
                              const LedgerTable       *table)
{
  GString *text = g_string_new (NULL);

  if (layout->sheet_name != NULL)
    g_string_append_printf (text, _("sheet “%s” (%u of %u%s), "), layout->sheet_name, layout->sheet_number,
                            layout->n_sheets, layout->sheet_chosen ? _(", chosen by its header") : "");
  if (layout->header_line_first == layout->header_line_last)
    g_string_append_printf (text, _("header row %u"), layout->header_line_first);
  else
    g_string_append_printf (text, _("header rows %u–%u"), layout->header_line_first, layout->header_line_last);
  /* only farms have figures of a year */
  switch (layout->kind == LEDGER_KIND_FARMS ? layout->year_source : LEDGER_YEAR_NONE)
    {
    case LEDGER_YEAR_OPTION:
      g_string_append_printf (text, _("; year %u as given"), layout->year);
      break;
    case LEDGER_YEAR_TITLE:
      g_string_append_printf (text, _("; year %u from the title (line %u)"), layout->year, layout->year_line);
      break;
    case LEDGER_YEAR_FILE_NAME:
      g_string_append_printf (text, _("; year %u from the file name"), layout->year);
      break;
    case LEDGER_YEAR_NONE:
    default:
      break;
    }
  return g_string_free (text, FALSE);
}
