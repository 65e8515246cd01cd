/* ledger-export-xlsx-summary.c: the sheet 汇总 of the workbook
 *
 * One row for the county, then one per township; per indicator its
 * numerator, denominator, rate, target, gap and whether it is met, coloured
 * by conditional formatting. Rate, gap and verdict are formulas over the
 * numerator, denominator and target cells, with the values computed here
 * cached, so that an officer's correction recomputes. Below the table, one native
 * column chart per indicator: the townships' rates, the target as a line.
 * The figures are ledger_progress_compute()'s, the same as `progress --json`.
 */
#include "config.h"

#include <math.h>

#include "ledger-export-xlsx-private.h"
#include "ledger-region-list.h"
#include "ledger-progress.h"

#define SHEET LEDGER_EXPORT_XLSX_SUMMARY_SHEET
#define GROUP_ROW 3
#define HEADER_ROW 4
#define FIRST_SCOPE_ROW 5
#define FIRST_INDICATOR_COL 2
#define COLS_PER_INDICATOR 6
#define CHART_ROWS 18

enum { NUMERATOR, DENOMINATOR, RATE, TARGET, GAP, MET };

/* The county's forms name the indicators and their columns in Chinese. */
typedef struct
{
  const char *name;
  const char *numerator;
  const char *denominator;
  const char *gap;
} IndicatorHeaders;

static const IndicatorHeaders indicator_headers[LEDGER_N_INDICATORS] = {
  { "行政村生活污水有效治理比例", "有效治理行政村(个)", "行政村(个)", "差距(个)" },
  { "畜禽粪污综合利用率", "粪污利用量(吨)", "粪污产生量(吨)", "差距(吨)" },
  { "规模养殖场粪污处理设施装备配套率", "设施配套规模场(个)", "规模养殖场(个)", "差距(个)" },
  { "较大面积农村黑臭水体治理比例", "已治理(个)", "国家监管清单水体(个)", "差距(个)" },
  { "全部清单内黑臭水体治理比例", "已治理(个)", "清单内水体(个)", "差距(个)" },
};

/* ---- auxiliary functions ---- */

static lxw_col_t
indicator_col (guint indicator,
               guint column)
{
  return FIRST_INDICATOR_COL + indicator * COLS_PER_INDICATOR + column;
}

static lxw_col_t
pig_equivalents_col (void)
{
  return indicator_col (LEDGER_N_INDICATORS, 0);
}

static const char *
met_text (const LedgerIndicator *indicator)
{
  if (isnan (indicator->rate))
    return "无数据";
  if (isnan (indicator->target))
    return "未设目标";
  return indicator->met ? "达标" : "未达标";
}

static void
write_number_or_blank (lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       double         value,
                       lxw_format    *format)
{
  if (isnan (value))
    worksheet_write_blank (sheet, row, col, format);
  else
    worksheet_write_number (sheet, row, col, value, format);
}

static void
write_title (LedgerXlsx           *x,
             lxw_worksheet        *sheet,
             const LedgerProgress *progress)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf ("%s %d 年农村生活污水与畜禽粪污治理进展汇总",
                                            progress->county.name, progress->year);
  g_autofree char *scope = NULL;
  g_autofree char *subtitle = NULL;

  if (x->township != NULL && progress->townships->len == 1)
    scope = g_strdup (((LedgerScopeProgress *) g_ptr_array_index (progress->townships, 0))->name);
  subtitle = g_strdup_printf ("统计年度：%d　　范围：%s　　导出日期：%s", progress->year,
                              scope ? scope : "全县", today);
  worksheet_write_string (sheet, 0, 0, title, x->formats.title);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 1, 0, subtitle, x->formats.subtitle);
  worksheet_write_string (sheet, 2, 0, "比例 = 分子 ÷ 分母（截至统计年度末）；差距为达到目标尚需完成的数量；县级合计为全县。",
                          x->formats.subtitle);
}

static void
write_headers (LedgerXlsx    *x,
               lxw_worksheet *sheet)
{
  LedgerXlsxFormats *f = &x->formats;

  /* row GROUP_ROW first (constant memory writes rows in order): the
   * indicator names merged over their columns, then 代码 and 名称 merged
   * down over both header rows */
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    worksheet_merge_range (sheet, GROUP_ROW, indicator_col (i, 0), GROUP_ROW,
                           indicator_col (i, COLS_PER_INDICATOR - 1), indicator_headers[i].name, f->group);
  /* every string of GROUP_ROW before the first merge reaches HEADER_ROW */
  worksheet_write_string (sheet, GROUP_ROW, 0, "代码", f->header);
  worksheet_write_string (sheet, GROUP_ROW, 1, "名称", f->header);
  worksheet_write_string (sheet, GROUP_ROW, pig_equivalents_col (), "猪当量(存栏)", f->header);
  worksheet_merge_range (sheet, GROUP_ROW, 0, HEADER_ROW, 0, "代码", f->header);
  worksheet_merge_range (sheet, GROUP_ROW, 1, HEADER_ROW, 1, "名称", f->header);
  worksheet_merge_range (sheet, GROUP_ROW, pig_equivalents_col (), HEADER_ROW, pig_equivalents_col (),
                         "猪当量(存栏)", f->header);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, NUMERATOR), indicator_headers[i].numerator, f->header);
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, DENOMINATOR), indicator_headers[i].denominator, f->header);
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, RATE), "比例", f->header);
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, TARGET), "目标", f->header);
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, GAP), indicator_headers[i].gap, f->header);
      worksheet_write_string (sheet, HEADER_ROW, indicator_col (i, MET), "达标情况", f->header);
    }
  worksheet_set_row (sheet, GROUP_ROW, 32, NULL);
  worksheet_set_row (sheet, HEADER_ROW, 48, NULL);
}

static char *
cell_name (lxw_row_t row,
           lxw_col_t col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

/* rate, gap and verdict as formulas over the row's own cells; the cached
 * values are ledger_progress_compute()'s */
static void
write_formulas (LedgerXlsx                    *x,
                lxw_worksheet                 *sheet,
                lxw_row_t                      row,
                guint                          i,
                const LedgerIndicator         *indicator,
                const LedgerXlsxFigureFormats *f)
{
  g_autofree char *num = cell_name (row, indicator_col (i, NUMERATOR));
  g_autofree char *den = cell_name (row, indicator_col (i, DENOMINATOR));
  g_autofree char *rate = cell_name (row, indicator_col (i, RATE));
  g_autofree char *target = cell_name (row, indicator_col (i, TARGET));
  g_autofree char *rate_formula = g_strdup_printf ("=IF(N(%s)>0,%s/%s,\"\")", den, num, den);
  /* whole villages, farms or bodies are rounded up; tonnes are not */
  g_autofree char *gap_formula = g_strdup_printf (i == LEDGER_INDICATOR_MANURE_UTILISATION
                                                  ? "=IF(OR(%s=\"\",%s=\"\"),\"\",MAX(0,%s*%s-%s))"
                                                  : "=IF(OR(%s=\"\",%s=\"\"),\"\",MAX(0,ROUNDUP(%s*%s-%s-1E-9,0)))",
                                                  rate, target, target, den, num);
  g_autofree char *met_formula = g_strdup_printf ("=IF(%s=\"\",\"无数据\",IF(%s=\"\",\"未设目标\","
                                                  "IF(%s+1E-9>=%s,\"达标\",\"未达标\")))",
                                                  rate, target, rate, target);
  double gap = ledger_indicator_gap (indicator, i);
  lxw_format *amount = i == LEDGER_INDICATOR_MANURE_UTILISATION ? f->tonnes : f->integer;

  if (isnan (indicator->rate))
    worksheet_write_formula_str (sheet, row, indicator_col (i, RATE), rate_formula, f->percent, "");
  else
    worksheet_write_formula_num (sheet, row, indicator_col (i, RATE), rate_formula, f->percent, indicator->rate);
  write_number_or_blank (sheet, row, indicator_col (i, TARGET), indicator->target, f->target);
  if (isnan (gap))
    worksheet_write_formula_str (sheet, row, indicator_col (i, GAP), gap_formula, amount, "");
  else
    worksheet_write_formula_num (sheet, row, indicator_col (i, GAP), gap_formula, amount, gap);
  worksheet_write_formula_str (sheet, row, indicator_col (i, MET), met_formula, f->text, met_text (indicator));
}

static void
write_scope (LedgerXlsx                *x,
             lxw_worksheet             *sheet,
             lxw_row_t                  row,
             const LedgerScopeProgress *scope,
             gboolean                   county)
{
  LedgerXlsxFormats *all = &x->formats;
  LedgerXlsxFigureFormats township = { all->text, all->integer, all->tonnes, all->percent, all->target };
  const LedgerXlsxFigureFormats *f = county ? &all->county : &township;

  worksheet_write_string (sheet, row, 0, scope->code, f->text);
  worksheet_write_string (sheet, row, 1, scope->name, f->text);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      const LedgerIndicator *indicator = &scope->indicators[i];
      lxw_format *amount = i == LEDGER_INDICATOR_MANURE_UTILISATION ? f->tonnes : f->integer;

      worksheet_write_number (sheet, row, indicator_col (i, NUMERATOR), indicator->numerator, amount);
      worksheet_write_number (sheet, row, indicator_col (i, DENOMINATOR), indicator->denominator, amount);
      write_formulas (x, sheet, row, i, indicator, f);
    }
  worksheet_write_number (sheet, row, pig_equivalents_col (), round (scope->pig_equivalents * 10) / 10, f->tonnes);
}

static void
add_cell_rule (lxw_worksheet *sheet,
               lxw_row_t      last_row,
               lxw_col_t      col,
               const char    *value,
               lxw_format    *format)
{
  lxw_conditional_format rule = {
    .type = LXW_CONDITIONAL_TYPE_CELL,
    .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
    .value_string = (char *) value,
    .format = format,
  };

  worksheet_conditional_format_range (sheet, FIRST_SCOPE_ROW, col, last_row, col, &rule);
}

/* A rate cell is green when it reaches its target, red when it falls short. */
static void
add_rate_rule (lxw_worksheet *sheet,
               lxw_row_t      last_row,
               guint          indicator,
               gboolean       met,
               lxw_format    *format)
{
  char rate[LXW_MAX_CELL_NAME_LENGTH], target[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *formula = NULL;
  lxw_conditional_format rule = { .type = LXW_CONDITIONAL_TYPE_FORMULA, .format = format };

  lxw_rowcol_to_cell (rate, FIRST_SCOPE_ROW, indicator_col (indicator, RATE));
  lxw_rowcol_to_cell (target, FIRST_SCOPE_ROW, indicator_col (indicator, TARGET));
  formula = g_strdup_printf ("=AND(ISNUMBER(%s),ISNUMBER(%s),%s+1E-9%s%s)", rate, target, rate,
                             met ? ">=" : "<", target);
  rule.value_string = formula;
  worksheet_conditional_format_range (sheet, FIRST_SCOPE_ROW, indicator_col (indicator, RATE),
                                      last_row, indicator_col (indicator, RATE), &rule);
}

static void
add_conditional_formats (LedgerXlsx    *x,
                         lxw_worksheet *sheet,
                         lxw_row_t      last_row)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      add_cell_rule (sheet, last_row, indicator_col (i, MET), "\"达标\"", x->formats.good);
      add_cell_rule (sheet, last_row, indicator_col (i, MET), "\"未达标\"", x->formats.bad);
      add_rate_rule (sheet, last_row, i, TRUE, x->formats.good);
      add_rate_rule (sheet, last_row, i, FALSE, x->formats.bad);
    }
}

static void
set_column_widths (lxw_worksheet *sheet)
{
  worksheet_set_column (sheet, 0, 0, 11, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      /* headers wrap on up to three lines (HEADER_ROW is 48 pt high) */
      worksheet_set_column (sheet, indicator_col (i, NUMERATOR), indicator_col (i, DENOMINATOR), 9, NULL);
      worksheet_set_column (sheet, indicator_col (i, RATE), indicator_col (i, GAP), 7, NULL);
      worksheet_set_column (sheet, indicator_col (i, MET), indicator_col (i, MET), 8, NULL);
    }
  worksheet_set_column (sheet, pig_equivalents_col (), pig_equivalents_col (), 12, NULL);
}

/* ---- charts ---- */

static gboolean
same_targets (const LedgerProgress *progress,
              guint                 indicator)
{
  double first = NAN;

  for (guint t = 0; t < progress->townships->len; t++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, t);
      double target = scope->indicators[indicator].target;

      if (isnan (target))
        return FALSE;
      if (!isnan (first) && fabs (target - first) > 1e-9)
        return FALSE;
      first = target;
    }
  return !isnan (first);
}

/* the townships' common target (same_targets() is TRUE) */
static double
target_of (const LedgerProgress *progress,
           guint                 indicator)
{
  return ((LedgerScopeProgress *) g_ptr_array_index (progress->townships, 0))->indicators[indicator].target;
}

/* The target as a line: a linear trendline through a series of equal
 * targets, the series itself invisible (libxlsxwriter 1.1 cannot combine a
 * column chart with a line chart). Differing targets show as columns. */
static void
add_target_series (lxw_chart            *chart,
                   const LedgerProgress *progress,
                   guint                 indicator,
                   lxw_row_t             first,
                   lxw_row_t             last)
{
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_line line = { .color = 0xC00000, .width = 2.25, .dash_type = LXW_CHART_LINE_DASH_DASH };
  lxw_chart_fill none = { .none = LXW_TRUE };
  lxw_chart_line no_line = { .none = LXW_TRUE };
  g_autofree char *name = NULL;

  chart_series_set_categories (series, SHEET, first, 1, last, 1);
  chart_series_set_values (series, SHEET, first, indicator_col (indicator, TARGET), last,
                           indicator_col (indicator, TARGET));
  chart_series_set_name (series, "目标");
  if (!same_targets (progress, indicator))
    return;
  name = g_strdup_printf ("目标 %g%%", target_of (progress, indicator) * 100);
  chart_series_set_fill (series, &none);
  chart_series_set_line (series, &no_line);
  chart_series_set_trendline (series, LXW_CHART_TRENDLINE_TYPE_LINEAR, 0);
  chart_series_set_trendline_name (series, name);
  chart_series_set_trendline_line (series, &line);
  chart_legend_delete_series (chart, (int16_t[]) { 1, -1 });
}

static lxw_chart *
new_chart (LedgerXlsx           *x,
           const LedgerProgress *progress,
           guint                 indicator)
{
  lxw_chart *chart = workbook_add_chart (x->workbook, LXW_CHART_COLUMN);
  lxw_row_t first = FIRST_SCOPE_ROW + 1;
  lxw_row_t last = FIRST_SCOPE_ROW + progress->townships->len;
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_fill fill = { .color = 0x4472C4 };
  g_autofree char *title = NULL;

  chart_series_set_categories (series, SHEET, first, 1, last, 1);
  chart_series_set_values (series, SHEET, first, indicator_col (indicator, RATE), last, indicator_col (indicator, RATE));
  chart_series_set_name (series, "比例");
  chart_series_set_fill (series, &fill);
  add_target_series (chart, progress, indicator, first, last);
  chart_set_series_overlap (chart, 100);
  chart_set_series_gap (chart, 60);
  /* the legend of LibreOffice leaves the trendline out: the title names the target */
  if (same_targets (progress, indicator))
    title = g_strdup_printf ("各乡镇%s（%d 年，红色虚线为目标 %g%%）", indicator_headers[indicator].name,
                             progress->year, target_of (progress, indicator) * 100);
  else
    title = g_strdup_printf ("各乡镇%s（%d 年）", indicator_headers[indicator].name, progress->year);
  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &(lxw_chart_font) { .size = 11, .bold = LXW_TRUE });
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return chart;
}

static void
insert_charts (LedgerXlsx           *x,
               lxw_worksheet        *sheet,
               const LedgerProgress *progress)
{
  lxw_row_t base = FIRST_SCOPE_ROW + progress->townships->len + 3;
  lxw_chart_options options = { .x_scale = 1.5, .y_scale = 1.2 };

  if (progress->townships->len == 0)
    return;
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    worksheet_insert_chart_opt (sheet, base + i * CHART_ROWS, 0, new_chart (x, progress, i), &options);
}

/* Printed readable (no text under 8 pt): landscape A4, two indicators a
 * page across, 代码 and 名称 and the header rows repeated on every page. */
static void
set_print (LedgerXlsx    *x,
           lxw_worksheet *sheet)
{
  lxw_col_t breaks[(LEDGER_N_INDICATORS + 1) / 2 + 1] = { 0 };
  guint n = 0;

  for (guint i = 2; i < LEDGER_N_INDICATORS; i += 2)
    breaks[n++] = indicator_col (i, 0);
  breaks[n] = 0;
  worksheet_set_v_pagebreaks (sheet, breaks);
  ledger_xlsx_set_page (x, sheet);
  /* a fixed scale: fitting to pages would ignore the breaks */
  worksheet_set_print_scale (sheet, 80);
  worksheet_repeat_rows (sheet, GROUP_ROW, HEADER_ROW);
  worksheet_repeat_columns (sheet, 0, 1);
}

/* which list of townships and villages the figures count (issue 18) */
static void
write_footnote (LedgerXlsx    *x,
                lxw_worksheet *sheet,
                lxw_row_t      row)
{
  g_autofree char *note = ledger_region_list_footnote_zh (x->db, x->year);

  worksheet_write_string (sheet, row, 0, note, NULL);
}

/* ---- shared with the workbook ---- */

gboolean
ledger_xlsx_write_summary (LedgerXlsx  *x,
                           GError     **error)
{
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (x->db, x->year, x->township, error);
  lxw_worksheet *sheet;
  lxw_row_t row = FIRST_SCOPE_ROW;

  if (progress == NULL)
    return FALSE;
  sheet = workbook_add_worksheet (x->workbook, SHEET);
  set_column_widths (sheet);
  write_title (x, sheet, progress);
  write_headers (x, sheet);
  write_scope (x, sheet, row, &progress->county, TRUE);
  for (guint t = 0; t < progress->townships->len; t++)
    write_scope (x, sheet, ++row, g_ptr_array_index (progress->townships, t), FALSE);
  add_conditional_formats (x, sheet, row);
  write_footnote (x, sheet, row + 2);
  worksheet_freeze_panes (sheet, FIRST_SCOPE_ROW, 2);
  insert_charts (x, sheet, progress);
  set_print (x, sheet);
  return TRUE;
}
