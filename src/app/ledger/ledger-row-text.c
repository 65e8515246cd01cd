/* ledger-row-text.c: what a list cell shows
 *
 * A row's text is read from the load (LedgerRows) and the kind's column
 * table it points to, both made before any row is drawn; so showing a cell
 * only formats: a number, yes or no, a verdict's text, or the field's text
 * as the detail pane shows it (ledger_field_display). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-item-private.h"
#include "ledger-values.h"

#define CELL LEDGER_ROWS_CELL
#define CELL_AT LEDGER_ROWS_CELL_AT

static double
cell_number (const char *text)
{
  return text ? g_ascii_strtod (text, NULL) : NAN;
}

static char *
format_number (double value)
{
  if (isnan (value))
    return NULL;
  if (fabs (value - round (value)) < 0.005 || fabs (value) >= 1000)
    return g_strdup_printf ("%.0f", value);
  if (fabs (value) >= 100)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.2f", value);
}

static char *
yes_no (gboolean yes)
{
  return g_strdup (yes ? _("Yes") : _("No"));
}

/* a plain field's cell as the list shows it: as the detail pane does
 * (ledger_field_display), but a blank stays blank and a real is rounded */
static char *
field_text (const LedgerField *field,
            const char        *cell)
{
  if (cell == NULL)
    return field->type == LEDGER_FIELD_BOOL ? g_strdup (_("Not recorded")) : NULL;
  if (field->type == LEDGER_FIELD_REAL)
    return format_number (cell_number (cell));
  return ledger_field_display (field, cell);
}

static char *
derived_text (LedgerRows     *rows,
              guint           row,
              LedgerColumnId  column)
{
  const LedgerRowInfo *info = &rows->info[row];
  g_autofree char *number = NULL;

  switch (column)
    {
    case LEDGER_COLUMN_CODE:
    case LEDGER_COLUMN_NAME:
    case LEDGER_COLUMN_TOWNSHIP:
      return g_strdup (CELL_AT (rows, row, rows->columns->data[column]));
    case LEDGER_COLUMN_VILLAGE:
      return g_strdup (CELL (rows, row, LEDGER_LIST_VILLAGE_NAME) ?: CELL (rows, row, LEDGER_LIST_VILLAGE_CODE));
    case LEDGER_COLUMN_VERDICT:
      if (info->flags & ROW_COMMUNITY)
        return g_strdup (_("Community (not counted)"));
      return g_strdup (rows->columns->verdict_text[info->verdict]);
    case LEDGER_COLUMN_SCALE:
      return yes_no (info->flags & ROW_SCALE);
    case LEDGER_COLUMN_PRODUCED:
      number = format_number (info->produced);
      if (number && (info->flags & ROW_PRODUCED_ESTIMATED))
        return g_strdup_printf ("≈ %s", number);
      return g_steal_pointer (&number);
    case LEDGER_COLUMN_PIG_EQ:
      return format_number (info->pig_eq);
    case LEDGER_COLUMN_LIST_LEVEL:
      if (CELL_AT (rows, row, rows->columns->rules.area) == NULL)
        return NULL;
      return g_strdup ((info->category & (1 << 7)) ? _("National") : _("Provincial"));
    default:
      return NULL;
    }
}

char *
ledger_rows_dup_text (LedgerRows     *rows,
                      guint           row,
                      LedgerColumnId  column)
{
  const LedgerField *field;

  if (column < LEDGER_COLUMN_FIELD)
    return derived_text (rows, row, column);
  field = column < LEDGER_N_COLUMNS ? rows->columns->field[column] : NULL;
  if (field == NULL)
    return NULL;
  return field_text (field, CELL_AT (rows, row, rows->columns->data[column]));
}
