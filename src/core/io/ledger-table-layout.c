/* ledger-table-layout.c: where the header and the data are in an officer's sheet
 *
 * The header is the run of one to three rows, among the first rows, whose
 * flattened column names name the most of the kind's fields (and the
 * targets of ledger-table-layout.h). Merged cells reach us as a value in the
 * first cell and blanks after it, so an upper header cell is carried right
 * over the blank cells whose lower cell holds a name (存栏量 over
 * 生猪/奶牛/肉牛/羊). Rows are classed by ledger-table-rows.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-import-private.h"
#include "ledger-table-layout-private.h"
#include "ledger-values.h"

#define SCAN_ROWS        40   /* the header is looked for among the first rows */
#define MAX_HEADER_ROWS  3
#define MIN_SCORE        2    /* fewer named fields: the first non-blank row */

/* ---- auxiliary functions ---- */

static const char *
cell_at (const LedgerCsvRow *row,
         guint               column)
{
  if (row == NULL || column >= row->n_cells || row->cells[column] == NULL)
    return NULL;
  return ledger_text_is_blank (row->cells[column]) ? NULL : row->cells[column];
}

static char *
strip_cell (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

static guint
max_cells (const LedgerTable *table,
           guint              first,
           guint              last)
{
  guint n = 0;

  for (guint r = first; r <= last && r < table->rows->len; r++)
    n = MAX (n, ((LedgerCsvRow *) g_ptr_array_index (table->rows, r))->n_cells);
  return n;
}

/* Per header level and column, the cell or the group carried over from the
 * left (a merged cell's value is in its first cell only). */
static char **
carried_level (const LedgerTable *table,
               guint              level,
               guint              last,
               guint              n_columns)
{
  const LedgerCsvRow *row = g_ptr_array_index (table->rows, level);
  const LedgerCsvRow *below = level < last ? g_ptr_array_index (table->rows, level + 1) : NULL;
  char **values = g_new0 (char *, n_columns + 1);
  const char *carry = NULL;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *cell = cell_at (row, c);

      if (cell != NULL)
        carry = cell;
      else if (below == NULL || cell_at (below, c) == NULL)
        carry = NULL;
      values[c] = strip_cell (cell ? cell : carry);
    }
  return values;
}

static void
set_column_names (LedgerLayoutColumn *column,
                  GPtrArray          *names)
{
  g_autoptr (GString) group = g_string_new (NULL);

  if (names->len == 0)
    {
      column->name = g_strdup ("");
      return;
    }
  column->sub = g_strdup (g_ptr_array_index (names, names->len - 1));
  for (guint i = 0; i + 1 < names->len; i++)
    g_string_append_printf (group, "%s%s", i > 0 ? "/" : "", (char *) g_ptr_array_index (names, i));
  if (group->len > 0)
    column->group = g_strdup (group->str);
  column->name = column->group ? g_strdup_printf ("%s/%s", column->group, column->sub) : g_strdup (column->sub);
}

static void
columns_clear (LedgerLayoutColumn *columns,
               guint               n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      g_free (columns[c].name);
      g_free (columns[c].group);
      g_free (columns[c].sub);
    }
  g_free (columns);
}

/* The header rows @first..@last flattened into group/sub names. */
static LedgerLayoutColumn *
flatten_header (const LedgerTable *table,
                guint              first,
                guint              last,
                guint             *n_columns)
{
  guint n = max_cells (table, first, last);
  LedgerLayoutColumn *columns = g_new0 (LedgerLayoutColumn, MAX (n, 1));
  g_autoptr (GPtrArray) levels = g_ptr_array_new ();

  for (guint r = first; r <= last; r++)
    g_ptr_array_add (levels, carried_level (table, r, last, n));
  for (guint c = 0; c < n; c++)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (guint l = 0; l < levels->len; l++)
        {
          const char *value = ((char **) g_ptr_array_index (levels, l))[c];
          if (value != NULL && *value != '\0' &&
              (names->len == 0 || strcmp (g_ptr_array_index (names, names->len - 1), value) != 0))
            g_ptr_array_add (names, (gpointer) value);
        }
      set_column_names (&columns[c], names);
    }
  /* a level has NULL for its blank cells: not a GStrv */
  for (guint l = 0; l < levels->len; l++)
    {
      char **values = g_ptr_array_index (levels, l);
      for (guint c = 0; c < n; c++)
        g_free (values[c]);
      g_free (values);
    }
  *n_columns = n;
  return columns;
}

static gboolean
group_is_alone (const LedgerLayoutColumn *columns,
                guint                     n_columns,
                guint                     c)
{
  const char *group = columns[c].group;

  return !(c > 0 && g_strcmp0 (columns[c - 1].group, group) == 0) &&
         !(c + 1 < n_columns && g_strcmp0 (columns[c + 1].group, group) == 0);
}

static int
column_target (LedgerKind                kind,
               const LedgerLayoutColumn *columns,
               guint                     n_columns,
               guint                     c)
{
  const LedgerLayoutColumn *column = &columns[c];
  g_autofree char *joined = NULL;
  int target;

  if (column->group == NULL)
    return ledger_layout_match_name (kind, column->sub);
  joined = g_strconcat (column->group, column->sub, NULL);
  if ((target = ledger_layout_match_name (kind, joined)) >= 0)
    return target;
  if ((target = ledger_layout_match_wide (kind, column->group, column->sub)) >= 0)
    return target;
  if ((target = ledger_layout_match_name (kind, column->sub)) >= 0)
    return target;
  if (group_is_alone (columns, n_columns, c))
    return ledger_layout_match_name (kind, column->group);
  return LEDGER_TARGET_IGNORE;
}

/* Distinct targets named; the lowest header row may not be numbers (data). */
static guint
score_columns (const LedgerLayoutColumn *columns,
               guint                     n_columns)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint c = 0; c < n_columns; c++)
    if (columns[c].target != LEDGER_TARGET_IGNORE)
      g_hash_table_add (seen, GINT_TO_POINTER (columns[c].target + 2));
  return g_hash_table_size (seen);
}

static gboolean
row_has_number (const LedgerCsvRow *row)
{
  double value;

  for (guint c = 0; c < row->n_cells; c++)
    if (cell_at (row, c) && ledger_parse_number (row->cells[c], &value) && strlen (row->cells[c]) >= 2)
      return TRUE;
  return FALSE;
}

static LedgerLayoutColumn *
map_header (const LedgerTable *table,
            LedgerKind         kind,
            guint              first,
            guint              last,
            guint             *n_columns)
{
  LedgerLayoutColumn *columns = flatten_header (table, first, last, n_columns);

  for (guint c = 0; c < *n_columns; c++)
    columns[c].target = column_target (kind, columns, *n_columns, c);
  return columns;
}

static guint
score_header (const LedgerTable *table,
              LedgerKind         kind,
              guint              first,
              guint              last)
{
  guint n_columns;
  LedgerLayoutColumn *columns;
  guint score;

  if (last > first && row_has_number (g_ptr_array_index (table->rows, last)))
    return 0;
  columns = map_header (table, kind, first, last, &n_columns);
  score = score_columns (columns, n_columns);
  columns_clear (columns, n_columns);
  return score;
}

static gboolean
row_is_blank (const LedgerCsvRow *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    if (cell_at (row, c) != NULL)
      return FALSE;
  return TRUE;
}

/* The best-scoring header: more names first, then fewer rows, then earlier. */
static gboolean
find_header (const LedgerTable *table,
             LedgerKind         kind,
             guint             *first,
             guint             *last,
             guint             *score)
{
  guint best = 0, best_rows = 0;

  for (guint r = 0; r < table->rows->len && r < SCAN_ROWS; r++)
    {
      if (row_is_blank (g_ptr_array_index (table->rows, r)))
        continue;
      for (guint d = 0; d < MAX_HEADER_ROWS && r + d < table->rows->len; d++)
        {
          guint s;

          if (row_is_blank (g_ptr_array_index (table->rows, r + d)))
            break;
          s = score_header (table, kind, r, r + d);
          /* a title row over the header names nothing more: fewer rows win */
          if (s > best || (s == best && s > 0 && d + 1 < best_rows))
            best = s, best_rows = d + 1, *first = r, *last = r + d;
        }
    }
  *score = best;
  return best >= MIN_SCORE;
}

static guint
first_non_blank (const LedgerTable *table)
{
  guint r = 0;

  while (r < table->rows->len && row_is_blank (g_ptr_array_index (table->rows, r)))
    r++;
  return r;
}

static guint
row_line (const LedgerTable *table,
          guint              index)
{
  return ((LedgerCsvRow *) g_ptr_array_index (table->rows, index))->line;
}

static LedgerTableLayout *
layout_new (const LedgerTable *table,
            LedgerKind         kind)
{
  LedgerTableLayout *layout = g_rc_box_new0 (LedgerTableLayout);

  layout->kind = kind;
  layout->sheet_name = g_strdup (table->sheet_name);
  if (table->sheet_names != NULL)
    for (guint i = 0; table->sheet_names[i] != NULL; i++)
      if (g_strcmp0 (table->sheet_names[i], table->sheet_name) == 0)
        layout->sheet_number = i + 1;
  layout->n_sheets = table->sheet_names ? g_strv_length (table->sheet_names) : 0;
  if (table->sheet_names != NULL && layout->sheet_number == 0)
    layout->sheet_number = 1;
  layout->n_rows = table->rows ? table->rows->len : 0;
  layout->row_classes = g_new0 (LedgerRowClass, MAX (layout->n_rows, 1));
  return layout;
}

static void
set_header (LedgerTableLayout *layout,
            const LedgerTable *table,
            guint              first,
            guint              last)
{
  columns_clear (layout->columns, layout->n_columns);
  layout->header_first = first;
  layout->header_last = last;
  layout->header_line_first = row_line (table, first);
  layout->header_line_last = row_line (table, last);
  layout->columns = map_header (table, layout->kind, first, last, &layout->n_columns);
  layout->score = score_columns (layout->columns, layout->n_columns);
  ledger_layout_class_rows (layout, table);
  ledger_layout_find_year (layout, table);
}

static void
layout_clear (gpointer data)
{
  LedgerTableLayout *layout = data;

  g_free (layout->sheet_name);
  columns_clear (layout->columns, layout->n_columns);
  g_free (layout->row_classes);
}

/* ---- public API ---- */

/**
 * ledger_table_layout_detect:
 * @table: a table as read by ledger_table_read_file()
 * @kind: what the table holds
 *
 * Returns: (transfer full): the layout
 */
LedgerTableLayout *
ledger_table_layout_detect (const LedgerTable *table,
                            LedgerKind         kind)
{
  LedgerTableLayout *layout;
  guint first = 0, last = 0, score = 0;

  g_return_val_if_fail (table != NULL && kind < LEDGER_N_KINDS, NULL);

  layout = layout_new (table, kind);
  if (layout->n_rows == 0)
    return layout;
  layout->detected = find_header (table, kind, &first, &last, &score);
  if (!layout->detected)
    first = last = first_non_blank (table);
  if (first >= layout->n_rows)
    {
      for (guint r = 0; r < layout->n_rows; r++)
        layout->row_classes[r] = LEDGER_ROW_BLANK;
      return layout;
    }
  set_header (layout, table, first, last);
  return layout;
}

/**
 * ledger_table_layout_new_with_header:
 * @first: index into table->rows of the first header row
 * @last: … of the last one
 *
 * Returns: (transfer full): the layout with that header
 */
LedgerTableLayout *
ledger_table_layout_new_with_header (const LedgerTable *table,
                                     LedgerKind         kind,
                                     guint              first,
                                     guint              last)
{
  LedgerTableLayout *layout;

  g_return_val_if_fail (table != NULL && kind < LEDGER_N_KINDS, NULL);
  g_return_val_if_fail (first <= last && last < table->rows->len, NULL);

  layout = layout_new (table, kind);
  layout->detected = TRUE;
  set_header (layout, table, first, last);
  return layout;
}

void
ledger_table_layout_set_year (LedgerTableLayout *layout,
                              guint              year)
{
  g_return_if_fail (layout != NULL);

  if (year == 0)
    return;
  layout->year = year;
  layout->year_source = LEDGER_YEAR_OPTION;
  layout->year_line = 0;
}

void
ledger_table_layout_set_target (LedgerTableLayout *layout,
                                const LedgerTable *table,
                                guint              column,
                                int                target)
{
  g_return_if_fail (layout != NULL && column < layout->n_columns);

  layout->columns[column].target = target;
  layout->score = score_columns (layout->columns, layout->n_columns);
  ledger_layout_class_rows (layout, table);
}

LedgerTableLayout *
ledger_table_layout_ref (LedgerTableLayout *layout)
{
  return g_rc_box_acquire (layout);
}

void
ledger_table_layout_unref (LedgerTableLayout *layout)
{
  if (layout != NULL)
    g_rc_box_release_full (layout, layout_clear);
}
