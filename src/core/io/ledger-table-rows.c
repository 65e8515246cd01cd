/* ledger-table-rows.c: which rows of an officer's sheet are items
 *
 * Above the header: the title and the 填报单位/填报日期 line. Below it: items,
 * and rows that are not items — blank rows, 合计/小计/总计 rows (often with
 * =SUM formulas), the header repeated, a row of column numbers (甲 乙 1 2 3),
 * and footer lines (填表人：… 审核人：… 联系电话：… 说明/注：…) with the lines
 * of text after them. The year of the figures is read from the title lines
 * or the file name when the officer gives none.
 */
#include "config.h"

#include <string.h>

#include "ledger-import-private.h"
#include "ledger-table-layout-private.h"
#include "ledger-vocabulary.h"

#define MAX_TOTAL_CHARS 16   /* "石佛镇小计", "全县合计（户）" */
#define MIN_YEAR 1949
#define MAX_YEAR 2100

static const char * const total_words[] = { "合计", "小计", "总计", "总合计", "累计", "汇总", "total", "subtotal", "sum", NULL };
static const char * const footer_words[] = {
  "填表人", "填报人", "审核人", "审核", "复核人", "制表人", "制表", "统计人", "负责人", "单位负责人",
  "分管领导", "主要领导", "联系人", "联系电话", "电话", "填表日期", "填报日期", "报送日期", "制表日期",
  "说明", "填表说明", "填报说明", "备注:", "注:", "注1", "注2", "注释", "签字", "盖章", "审批人", NULL
};   /* as squeeze() leaves them: half-width colons */
/* cells of the title lines that carry a date, not the year of the figures */
static const char * const date_labels[] = { "填报日期", "填表日期", "报送日期", "制表日期", "日期", "时间", "填报时间", NULL };

/* ---- auxiliary functions ---- */

static const LedgerCsvRow *
row_at (const LedgerTable *table,
        guint              index)
{
  return g_ptr_array_index (table->rows, index);
}

static const char *
cell_text (const LedgerCsvRow *row,
           guint               column)
{
  if (column >= row->n_cells || row->cells[column] == NULL || ledger_text_is_blank (row->cells[column]))
    return NULL;
  return row->cells[column];
}

/* without any white space (合 计 → 合计), half-width, lower case */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0)
        g_string_append_unichar (out, c < 128 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

/* cheap first: every total word has 计 or 汇, or is Latin */
static gboolean
may_be_total (const char *text)
{
  return strstr (text, "计") != NULL || strstr (text, "汇") != NULL ||
         g_ascii_strncasecmp (text, "total", 5) == 0 || g_ascii_strncasecmp (text, "sum", 3) == 0 ||
         g_ascii_strncasecmp (text, "subtotal", 8) == 0 || strchr (text, ' ') != NULL;
}

static gboolean
is_total_cell (const char *text)
{
  g_autofree char *squeezed = NULL;
  g_autofree char *bare = NULL;

  if (!may_be_total (text))
    return FALSE;
  squeezed = squeeze (text);
  bare = ledger_normalise_header (squeezed);

  if (g_utf8_strlen (bare, -1) > MAX_TOTAL_CHARS)
    return FALSE;
  for (guint i = 0; total_words[i] != NULL; i++)
    if (g_str_has_suffix (bare, total_words[i]) || g_str_has_prefix (bare, total_words[i]))
      return i >= 4 ? strcmp (bare, total_words[i]) == 0 : TRUE;
  return FALSE;
}

/* cheap first: the cell starts with the first character of a footer word */
static gboolean
may_be_footer (const char *text)
{
  gunichar first;

  while (g_ascii_isspace (*text))
    text++;
  first = g_utf8_get_char_validated (text, -1);
  for (guint i = 0; footer_words[i] != NULL; i++)
    if (g_utf8_get_char (footer_words[i]) == first)
      return TRUE;
  return first == 0x3000;   /* an ideographic space: squeeze() decides */
}

static gboolean
is_footer_cell (const char *text)
{
  g_autofree char *squeezed = NULL;

  if (!may_be_footer (text))
    return FALSE;
  squeezed = squeeze (text);

  for (guint i = 0; footer_words[i] != NULL; i++)
    if (g_str_has_prefix (squeezed, footer_words[i]))
      return TRUE;
  return FALSE;
}

static int
first_filled (const LedgerCsvRow *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    if (cell_text (row, c) != NULL)
      return c;
  return -1;
}

static gboolean
is_imported (const LedgerTableLayout *layout,
             guint                    column)
{
  return column < layout->n_columns && layout->columns[column].target != LEDGER_TARGET_IGNORE &&
         layout->columns[column].target != LEDGER_TARGET_SERIAL;
}

static guint
count_imported (const LedgerTableLayout *layout,
                const LedgerCsvRow      *row)
{
  guint n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    n += cell_text (row, c) != NULL && is_imported (layout, c);
  return n;
}

/* A 合计 cell among the cells before the first number (序号 aside). */
static gboolean
is_total_row (const LedgerCsvRow *row)
{
  for (guint c = 0; c < row->n_cells && c < 6; c++)
    if (cell_text (row, c) != NULL && is_total_cell (row->cells[c]))
      return TRUE;
  return FALSE;
}

static gboolean
repeats_header (const LedgerTable  *table,
                guint               header_last,
                const LedgerCsvRow *row)
{
  const LedgerCsvRow *header = row_at (table, header_last);
  guint n_same = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const char *cell = cell_text (row, c);
      if (cell == NULL)
        continue;
      if (c >= header->n_cells || g_strcmp0 (cell, header->cells[c]) != 0)
        return FALSE;
      n_same++;
    }
  return n_same >= 2;
}

/* 1 2 3 … or 甲 乙 丙 1 2 …: the column numbers of an official form */
static gboolean
is_column_numbers (const LedgerCsvRow *row)
{
  static const char * const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "a", "b", "c", "d", NULL };
  guint expected = 0, n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const char *cell = cell_text (row, c);
      g_autofree char *squeezed = cell ? squeeze (cell) : NULL;
      char *end = NULL;
      guint64 value;

      if (cell == NULL || g_strv_contains (stems, squeezed))
        continue;
      value = g_ascii_strtoull (squeezed, &end, 10);
      if (end == squeezed || *end != '\0' || (expected > 0 && value != expected))
        return FALSE;
      expected = value + 1, n++;
    }
  return n >= 3;
}

static guint
count_filled (const LedgerCsvRow *row)
{
  guint n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    n += cell_text (row, c) != NULL;
  return n;
}

static gboolean
is_chinese_numeral (gunichar c)
{
  static const gunichar numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (numerals[i] == c)
      return TRUE;
  return FALSE;
}

/* 一、石佛镇 / （二）佛星镇 / 三．…: a section heading of the table */
static gboolean
is_section_heading (const char *text)
{
  const char *p = text;
  gboolean bracket = FALSE;
  guint n = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "（") || *p == '(')
    p = g_utf8_next_char (p), bracket = TRUE;
  for (; *p != '\0' && is_chinese_numeral (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    n++;
  if (n == 0)
    return FALSE;
  if (bracket)
    return g_str_has_prefix (p, "）") || *p == ')';
  return g_str_has_prefix (p, "、") || g_str_has_prefix (p, "．") || *p == '.';
}

static LedgerRowClass
class_below_header (const LedgerTableLayout *layout,
                    const LedgerTable       *table,
                    guint                    index,
                    gboolean                *after_footer)
{
  const LedgerCsvRow *row = row_at (table, index);
  int first = first_filled (row);
  guint n_imported;

  if (first < 0)
    return LEDGER_ROW_BLANK;
  if (is_footer_cell (row->cells[first]))
    return *after_footer = TRUE, LEDGER_ROW_FOOTER;
  if (is_total_row (row))
    return LEDGER_ROW_TOTAL;
  if (repeats_header (table, layout->header_last, row))
    return LEDGER_ROW_HEADER;
  if (index == layout->header_last + 1 && is_column_numbers (row))
    return LEDGER_ROW_COLUMN_NUMBERS;
  if (count_filled (row) == 1 && is_section_heading (row->cells[first]))
    return LEDGER_ROW_SECTION;
  n_imported = count_imported (layout, row);
  if (*after_footer && n_imported <= 1)
    return LEDGER_ROW_FOOTER;
  if (n_imported == 0)
    return LEDGER_ROW_NO_VALUES;
  return LEDGER_ROW_DATA;
}

static gboolean
is_date_label (const char *text)
{
  g_autofree char *squeezed = squeeze (text);

  for (guint i = 0; date_labels[i] != NULL; i++)
    if (g_str_has_prefix (squeezed, date_labels[i]))
      return TRUE;
  return FALSE;
}

/* 2026年1月5日, 2026-01-05, 2026/1/5, 2026.1.5: a date, not a year */
static gboolean
date_follows (const char *p)
{
  guint month = 0;

  if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  else if (*p == '-' || *p == '/' || *p == '.')
    p++;
  else
    return FALSE;
  while (g_ascii_isdigit (*p))
    month = month * 10 + (*p++ - '0');
  return month >= 1 && month <= 12 && (g_str_has_prefix (p, "月") || *p == '-' || *p == '/' || *p == '.');
}

/* ---- private API ---- */

void
ledger_layout_class_rows (LedgerTableLayout *layout,
                          const LedgerTable *table)
{
  gboolean after_footer = FALSE;

  for (guint r = 0; r < layout->n_rows; r++)
    {
      const LedgerCsvRow *row = row_at (table, r);

      if (r >= layout->header_first && r <= layout->header_last)
        layout->row_classes[r] = LEDGER_ROW_HEADER;
      else if (first_filled (row) < 0)
        layout->row_classes[r] = LEDGER_ROW_BLANK;
      else if (r < layout->header_first)
        layout->row_classes[r] = LEDGER_ROW_ABOVE_HEADER;
      else
        layout->row_classes[r] = class_below_header (layout, table, r, &after_footer);
    }
}

guint
ledger_layout_year_in_text (const char *text)
{
  guint year = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *start = p;
      guint value = 0, n = 0;

      if (!g_ascii_isdigit (*p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      for (; g_ascii_isdigit (*p); p++, n++)
        value = value * 10 + (*p - '0');
      if (n == 4 && value >= MIN_YEAR && value <= MAX_YEAR && !date_follows (p))
        {
          if (year != 0 && year != value)
            return 0;
          year = value;
        }
      p = start + n - 1;
    }
  return year;
}

void
ledger_layout_find_year (LedgerTableLayout *layout,
                         const LedgerTable *table)
{
  g_autofree char *base = NULL;
  guint found = 0, line = 0;

  if (layout->year_source == LEDGER_YEAR_OPTION)
    return;
  for (guint r = 0; r < layout->header_first; r++)
    {
      const LedgerCsvRow *row = row_at (table, r);

      for (guint c = 0; c < row->n_cells; c++)
        {
          guint year;
          if (cell_text (row, c) == NULL || is_date_label (row->cells[c]))
            continue;
          if ((year = ledger_layout_year_in_text (row->cells[c])) == 0)
            continue;
          if (found != 0 && found != year)
            goto file_name;   /* 2021–2025: not one year */
          found = year, line = row->line;
        }
    }
  if (found != 0)
    {
      layout->year = found, layout->year_source = LEDGER_YEAR_TITLE, layout->year_line = line;
      return;
    }
file_name:
  base = table->file_name ? g_path_get_basename (table->file_name) : NULL;
  layout->year = base ? ledger_layout_year_in_text (base) : 0;
  layout->year_source = layout->year ? LEDGER_YEAR_FILE_NAME : LEDGER_YEAR_NONE;
  layout->year_line = 0;
}
