/* ledger-import-columns.c: which file column is which field (README.md, Import)
 *
 * Officers' sheets rarely carry our headers: a village sheet says 村名 or
 * 行政村名称, a farm sheet 存栏量(头) or 存栏数（头/只）. Headers are compared
 * after normalising both sides (trim, full-width to half-width, no spaces,
 * no bracketed units, ASCII case folded) against the English key, the
 * Chinese header, the English label and a list of variants per field.
 */
#include "config.h"

#include <string.h>

#include "ledger-import-private.h"
#include "ledger-values.h"
#include "ledger-vocabulary.h"

#define K(kind) (1u << LEDGER_KIND_##kind)
#define ANY     0xffu
#define ITEMS   (K (FACILITIES) | K (FARMS) | K (WATER_BODIES))
#define OBSERVATIONS (K (SAMPLES) | K (INSPECTIONS))

typedef struct
{
  guint       kinds;     /* bit per LedgerKind */
  const char *key;       /* the field */
  const char *variants;  /* "|"-separated, compared after normalising */
} Variants;

static const Variants variants[] = {
  { ANY, "village_code", "所属行政村代码|行政村编码|村代码|村编码|村级代码|所在村代码|所属村代码|"
                         "行政村区划代码|统计用区划代码|区划代码|行政区划代码|villagecode" },
  { K (VILLAGES), "village_code", "代码|code|编码" },
  { K (VILLAGES), "name", "村名|村名称|行政村名称|行政村|村庄名称|村委会名称" },
  { K (VILLAGES), "households", "总户数|农户数|户籍户数" },
  { K (VILLAGES), "population", "人口|常住人口数|总人口|人口数" },
  { K (VILLAGES), "mode", "治理模式|处理方式|污水治理方式|治理类型" },
  { K (VILLAGES), "covered_households", "受益户数|治理户数|覆盖农户数|已治理户数" },
  { K (VILLAGES), "year_done", "完成年度|治理年份|治理完成年份|建成年份" },
  { ANY, "note", "说明" },
  { ANY, "lon", "东经|经度坐标|x坐标|x|lng|long|longitude|经度°" },
  { ANY, "lat", "北纬|纬度坐标|y坐标|y|latitude|纬度°" },
  { K (FACILITIES), "code", "设施编号|设施编码|站点编号" },
  { K (FACILITIES), "name", "设施名称|站点名称|处理站名称|污水处理设施名称|设施" },
  { K (FACILITIES), "kind", "设施类型|设施类别" },
  { K (FACILITIES), "process", "处理工艺|工艺类型|工艺名称" },
  { K (FACILITIES), "capacity_m3d", "设计处理能力|处理规模|处理能力|设计规模|规模|日处理能力|设计能力" },
  { K (FACILITIES), "households_served", "受益户数|服务农户数|覆盖户数" },
  { K (FACILITIES), "standard", "执行标准|出水标准" },
  { K (FACILITIES), "operator", "运营单位|运维主体|运维公司|管护单位" },
  { K (FACILITIES), "status", "运行情况|状态|运行状况" },
  { K (FACILITIES), "commissioned", "投运时间|建成时间|投入运行时间|投运年月|建成日期" },
  { K (FARMS), "code", "养殖场编号|场编号|养殖场编码" },
  { K (FARMS), "name", "养殖场名称|养殖场户名称|养殖户名称|场名|养殖场|场户名称" },
  { K (FARMS), "operator", "法人|负责人|养殖主体|法定代表人|业主|经营者" },
  { K (FARMS), "species", "养殖品种|养殖种类|畜禽种类|畜禽品种|品种" },
  { K (FARMS), "year", "年度|年份|统计年份" },
  { K (FARMS), "stock", "存栏量|存栏数|存栏头数|存栏只数|年末存栏|年末存栏量" },
  { K (FARMS), "annual_output", "年出栏量|出栏量|出栏数|年出栏数|出栏" },
  { K (FARMS), "facilities_matched", "设施配套|是否配套|配套设施|粪污处理设施是否配套|设施装备配套" },
  { K (FARMS), "manure_produced_t", "粪污产生量|粪污年产生量|粪污总量" },
  { K (FARMS), "manure_utilised_t", "粪污利用量|粪污资源化利用量|粪污综合利用量|利用量" },
  { K (FARMS), "utilisation", "粪污利用方式|处理利用方式|资源化利用方式" },
  { K (WATER_BODIES), "code", "水体编号|水体编码" },
  { K (WATER_BODIES), "name", "水体名称|河流名称|黑臭水体名称" },
  { K (WATER_BODIES), "kind", "水体类型" },
  { K (WATER_BODIES), "length_m", "长度|河长|水体长度" },
  { K (WATER_BODIES), "area_m2", "面积|水域面积|水体面积" },
  { K (WATER_BODIES), "causes", "黑臭原因|成因|主要成因" },
  { K (WATER_BODIES), "measures", "整治措施|主要措施" },
  { K (WATER_BODIES), "responsible", "河长|负责人|责任单位" },
  { K (WATER_BODIES), "status", "整治状态|治理进度|整治进度|状态" },
  { K (WATER_BODIES), "due", "计划完成时间|计划完成日期|计划完成" },
  { K (WATER_BODIES), "completed_on", "完成时间|整治完成时间|实际完成时间" },
  { OBSERVATIONS, "subject_code", "编号|对象|点位编号|设施编号|水体编号" },
  { K (SAMPLES), "date", "监测日期|采样时间|监测时间|日期" },
  { K (SAMPLES), "transparency_cm", "sd" },
  { K (SAMPLES), "do_mgl", "do" },
  { K (SAMPLES), "orp_mv", "orp" },
  { K (SAMPLES), "nh3n_mgl", "nh3-n|nh3n|氨氮nh3-n" },
  { K (SAMPLES), "cod_mgl", "cod|codcr|化学需氧量cod" },
  { K (SAMPLES), "tp_mgl", "tp" },
  { K (SAMPLES), "ss_mgl", "ss" },
  { K (SAMPLES), "ph", "ph值" },
  { K (INSPECTIONS), "date", "检查日期|巡查日期|检查时间" },
  { K (INSPECTIONS), "inspector", "巡查人|检查人员|巡查人员" },
  { K (INSPECTIONS), "result", "检查结论|检查结果|巡查结果" },
  { K (INSPECTIONS), "findings", "发现问题|存在问题|问题" },
};

/* ---- auxiliary functions ---- */

static gboolean
variant_matches (const char *list,
                 const char *normalised)
{
  g_auto (GStrv) each = g_strsplit (list, "|", -1);

  for (guint i = 0; each[i] != NULL; i++)
    if (strcmp (each[i], normalised) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
field_name_matches (const LedgerField *field,
                    const char        *normalised)
{
  g_autofree char *key = ledger_normalise_header (field->key);
  g_autofree char *header = ledger_normalise_header (field->header);
  g_autofree char *label = ledger_normalise_header (field->label_en);

  return strcmp (key, normalised) == 0 || strcmp (header, normalised) == 0 ||
         strcmp (label, normalised) == 0;
}

/* The field a header names in @kind: its own names first, then the variants. */
int
ledger_import_match_header (LedgerKind  kind,
                            const char *header)
{
  g_autofree char *normalised = ledger_normalise_header (header);
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  if (*normalised == '\0')
    return -1;
  for (guint i = 0; i < n_fields; i++)
    if (field_name_matches (&fields[i], normalised))
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    if ((variants[i].kinds & (1u << kind)) && variant_matches (variants[i].variants, normalised))
      return ledger_kind_field_index (kind, variants[i].key);
  return -1;
}

static gboolean
row_fits (const LedgerTableLayout *layout,
          const LedgerCsvRow      *row)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (layout->kind, &n_fields);

  for (guint c = 0; c < layout->n_columns && c < row->n_cells; c++)
    {
      int field = layout->columns[c].target;
      g_autofree char *canonical = NULL;

      /* codes tell what a table holds; a bad value of an enum is a rejection */
      if (field < 0 || (guint) field >= n_fields || !fields[field].required ||
          (fields[field].type != LEDGER_FIELD_REGION && fields[field].type != LEDGER_FIELD_SUBJECT))
        continue;
      if (!ledger_field_parse (&fields[field], row->cells[c], &canonical, NULL))
        return FALSE;
    }
  return TRUE;
}

/* One of the first data rows has the required fields as such: a summary of
 * townships has 代码 and 名称 too, but none of its codes is a village code.
 * (One bad row among good ones is a rejection, not another kind; and only
 * the codes are looked at.) */
static gboolean
first_rows_fit (const LedgerTable       *table,
                const LedgerTableLayout *layout)
{
  guint n_checked = 0;

  for (guint r = 0; r < layout->n_rows && n_checked < 3; r++)
    {
      if (layout->row_classes[r] != LEDGER_ROW_DATA)
        continue;
      if (row_fits (layout, g_ptr_array_index (table->rows, r)))
        return TRUE;
      n_checked++;
    }
  return n_checked == 0;
}

/* ---- public API ---- */

/**
 * ledger_import_match_columns:
 * @n_columns: (out): the number of columns of the header, as
 *   ledger_table_layout_detect() finds it (one to three rows, flattened)
 *
 * A field named by two columns is returned for both: the import reports the
 * second as a duplicate, and a person can then choose in the assistant.
 *
 * Returns: (transfer full) (array length=n_columns): per column the field
 *   index, a LEDGER_TARGET_* (序号, township or village name, one species'
 *   stock), or -1
 */
int *
ledger_import_match_columns (LedgerKind         kind,
                             const LedgerTable *table,
                             guint             *n_columns)
{
  g_autoptr (LedgerTableLayout) layout = ledger_table_layout_detect (table, kind);
  int *fields = g_new (int, MAX (layout->n_columns, 1));

  for (guint i = 0; i < layout->n_columns; i++)
    fields[i] = layout->columns[i].target;
  *n_columns = layout->n_columns;
  return fields;
}

/**
 * ledger_import_guess_kind:
 *
 * Returns: the kind with all its required columns whose header (found as
 *   ledger_table_layout_detect() finds it) names the most of its fields,
 *   or %LEDGER_N_KINDS when no kind has its required columns
 */
LedgerKind
ledger_import_guess_kind (const LedgerTable *table)
{
  LedgerKind best = LEDGER_N_KINDS;
  guint best_score = 0;

  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      g_autoptr (LedgerTableLayout) layout = ledger_table_layout_detect (table, kind);
      g_auto (GStrv) missing = ledger_table_layout_missing_fields (layout);

      if (missing[0] == NULL && layout->score > best_score && first_rows_fit (table, layout))
        best = kind, best_score = layout->score;
    }
  return best;
}
