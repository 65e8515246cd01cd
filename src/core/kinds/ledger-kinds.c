/* ledger-kinds.c: the column table of README.md and ledger-kinds.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-kinds.h"
#include "ledger-vocabulary.h"

#define E(k, zh, en) { k, zh, en, NULL }
#define ENUM(var, name) { name, var, G_N_ELEMENTS (var) }

static const LedgerEnumValue mode_values[] = {
  E ("sewer",         "纳入城镇管网", N_("Connected to town sewer")),
  E ("centralised",   "集中处理",     N_("Centralised treatment")),
  E ("decentralised", "分散处理",     N_("Decentralised treatment")),
  E ("reuse",         "资源化利用",   N_("Reuse")),
  E ("none",          "未治理", N_("Not treated")),
};

static const LedgerEnumValue facility_kind_values[] = {
  E ("township_plant",  "乡镇污水处理厂", N_("Township plant")),
  E ("village_station", "村级集中处理站", N_("Village station")),
  E ("household_unit",  "分散式处理设施", N_("Household unit")),
};

static const LedgerEnumValue facility_status_values[] = {
  E ("normal",   "正常运行", N_("Normal")),
  E ("faulty",   "运行异常", N_("Faulty")),
  E ("stopped",  "停运",     N_("Stopped")),
  E ("building", "在建",     N_("Under construction")),
  E ("planned",  "规划",     N_("Planned")),
};

static const LedgerEnumValue species_values[] = {
  E ("pig", "生猪", N_("Pigs")),
  E ("dairy", "奶牛", N_("Dairy cattle")),
  E ("beef", "肉牛", N_("Beef cattle")),
  E ("sheep_goat", "羊", N_("Sheep and goats")),
  E ("layer", "蛋鸡", N_("Laying hens")),
  E ("broiler", "肉鸡", N_("Broilers")),
  E ("other_poultry", "其他家禽", N_("Other poultry")),
  E ("goat", "山羊", N_("Goats")),
  E ("meat_duck", "肉鸭", N_("Meat ducks")),
  E ("laying_duck",   "蛋鸭",     N_("Laying ducks")),
  E ("goose", "鹅", N_("Geese")),
  E ("rabbit", "家兔", N_("Rabbits")),
};

/* 判定依据 of a water body (《农村黑臭水体治理工作指南》, 2023/2024 revision) */
static const LedgerEnumValue basis_values[] = {
  E ("sensory", "感官判断", N_("Sensory judgement")),
  E ("public", "公众评议", N_("Public assessment")),
  E ("monitoring", "水质监测", N_("Water-quality monitoring")),
};

static const LedgerEnumValue utilisation_values[] = {
  E ("field",       "还田",       N_("Returned to fields")),
  E ("fertiliser",  "有机肥",     N_("Organic fertiliser")),
  E ("biogas",      "沼气",       N_("Biogas")),
  E ("third_party", "第三方处理", N_("Third-party treatment")),
  E ("other",       "其他",       N_("Other")),
};

static const LedgerEnumValue water_kind_values[] = {
  E ("river", "河流", N_("River")),
  E ("ditch", "沟渠", N_("Ditch")),
  E ("pond",  "坑塘", N_("Pond")),
  E ("other", "其他", N_("Other")),
};

static const LedgerEnumValue water_status_values[] = {
  E ("not_started", "未启动",     N_("Not started")),
  E ("in_progress", "治理中",     N_("In progress")),
  E ("completed",   "已完成治理", N_("Completed")),
  E ("verified",    "已验收",     N_("Verified")),
};

static const LedgerEnumValue inspection_result_values[] = {
  E ("ok",      "正常",     N_("OK")),
  E ("problem", "发现问题", N_("Problem found")),
  E ("fixed",   "已整改",   N_("Fixed")),
};

/* 整改状态: the follow-up of an inspection's findings (issue 16) */
static const LedgerEnumValue follow_up_values[] = {
  E ("pending",    "待整改",   N_("Pending")),
  E ("rectified",  "已整改",   N_("Rectified")),
  E ("not_needed", "无需整改", N_("No rectification needed")),
};

static const LedgerEnum enums[] = {
  ENUM (mode_values, "mode"),
  ENUM (facility_kind_values, "facility_kind"),
  ENUM (facility_status_values, "facility_status"),
  ENUM (species_values, "species"),
  ENUM (utilisation_values, "utilisation"),
  ENUM (water_kind_values, "water_kind"),
  ENUM (water_status_values, "water_status"),
  ENUM (inspection_result_values, "inspection_result"),
  ENUM (basis_values, "basis"),
  ENUM (follow_up_values, "follow_up"),
};

#define MODE              (&enums[0])
#define FACILITY_KIND     (&enums[1])
#define FACILITY_STATUS   (&enums[2])
#define SPECIES           (&enums[3])
#define UTILISATION       (&enums[4])
#define WATER_KIND        (&enums[5])
#define WATER_STATUS      (&enums[6])
#define INSPECTION_RESULT (&enums[7])
#define BASIS             (&enums[8])
#define FOLLOW_UP         (&enums[9])

#define F(key, zh, en, type, en_, req, lo, hi) { key, zh, en, LEDGER_FIELD_##type, en_, req, lo, hi, NULL }
/* A field the Ledger page lists as a column (ledger-list-data loads it, the
 * app's ledger-item shows it): LIST under its own label, LISTED under @title. */
#define LISTED(title, key, zh, en, type, en_, req, lo, hi) \
  { key, zh, en, LEDGER_FIELD_##type, en_, req, lo, hi, title }
#define LIST(key, zh, en, type, en_, req, lo, hi) LISTED (en, key, zh, en, type, en_, req, lo, hi)
#define TEXT(key, zh, en)      F (key, zh, en, TEXT, NULL, FALSE, 1, 0)
#define LON                    F ("lon", "经度", N_("Longitude"), LON, NULL, FALSE, 73.0, 135.5)
#define LAT                    F ("lat", "纬度", N_("Latitude"), LAT, NULL, FALSE, 3.0, 54.0)
#define BIG 1e9

static const LedgerField village_fields[] = {
  F ("village_code", "行政村代码", N_("Village code"), REGION, NULL, TRUE, 1, 0),
  TEXT ("name", "名称", N_("Name")),
  LIST ("households", "户数", N_("Households"), INT, NULL, FALSE, 0, 1e6),
  F ("population", "常住人口", N_("Resident population"), INT, NULL, FALSE, 0, 1e7),
  LON,
  LAT,
  LIST ("mode", "治理方式", N_("Treatment mode"), ENUM, MODE, FALSE, 1, 0),
  LIST ("covered_households", "覆盖户数", N_("Households covered"), INT, NULL, FALSE, 0, 1e6),
  LIST ("year_done", "完成年份", N_("Year done"), YEAR, NULL, FALSE, 1949, 2100),
  TEXT ("note", "备注", N_("Note")),
};

static const LedgerField facility_fields[] = {
  F ("code", "编号", N_("Code"), CODE, NULL, FALSE, 1, 0),
  F ("name", "名称", N_("Name"), TEXT, NULL, TRUE, 1, 0),
  LIST ("kind", "类型", N_("Type"), ENUM, FACILITY_KIND, TRUE, 1, 0),
  F ("village_code", "行政村代码", N_("Village code"), REGION, NULL, TRUE, 1, 0),
  TEXT ("process", "工艺", N_("Process")),
  LISTED (N_("Capacity (t/day)"),
          "capacity_m3d", "设计规模(吨/日)", N_("Design capacity (t/day)"), REAL, NULL, FALSE, 0, 1e7),
  F ("households_served", "服务户数", N_("Households served"), INT, NULL, FALSE, 0, 1e7),
  TEXT ("standard", "排放标准", N_("Discharge standard")),
  LIST ("operator", "运维单位", N_("Operator"), TEXT, NULL, FALSE, 1, 0),
  LIST ("status", "运行状态", N_("Status"), ENUM, FACILITY_STATUS, TRUE, 1, 0),
  F ("commissioned", "投运日期", N_("Commissioned"), DATE, NULL, FALSE, 1, 0),
  LON,
  LAT,
};

static const LedgerField farm_fields[] = {
  F ("code", "编号", N_("Code"), CODE, NULL, FALSE, 1, 0),
  F ("name", "名称", N_("Name"), TEXT, NULL, TRUE, 1, 0),
  TEXT ("operator", "经营主体", N_("Operating entity")),
  F ("village_code", "行政村代码", N_("Village code"), REGION, NULL, TRUE, 1, 0),
  LIST ("species", "畜种", N_("Species"), ENUM, SPECIES, TRUE, 1, 0),
  LON,
  LAT,
  TEXT ("mara_code", "直联直报统一编码", N_("MARA code")),
  F ("manure_land_mu", "粪污消纳土地(亩)", N_("Manure land (mu)"), REAL, NULL, FALSE, 0, 1e7),
  TEXT ("manure_receiver", "粪污接收方", N_("Manure receiver")),
  TEXT ("third_party_contract", "第三方处理协议", N_("Third-party contract")),
  F ("year", "统计年度", N_("Year"), YEAR, NULL, FALSE, 1949, 2100),
  LIST ("stock", "存栏", N_("Stock"), INT, NULL, FALSE, 0, BIG),
  LIST ("annual_output", "年出栏", N_("Annual output"), INT, NULL, FALSE, 0, BIG),
  LIST ("facilities_matched", "粪污处理设施配套", N_("Manure facilities matched"), BOOL, NULL, FALSE, 1, 0),
  LIST ("manure_produced_t", "粪污产生量(吨/年)", N_("Manure produced (t/year)"), REAL, NULL, FALSE, 0, BIG),
  LIST ("manure_utilised_t", "粪污利用量(吨/年)", N_("Manure utilised (t/year)"), REAL, NULL, FALSE, 0, BIG),
  F ("utilisation", "利用方式", N_("Utilisation"), ENUM, UTILISATION, FALSE, 1, 0),
};

static const LedgerField water_body_fields[] = {
  F ("code", "编号", N_("Code"), CODE, NULL, FALSE, 1, 0),
  F ("name", "名称", N_("Name"), TEXT, NULL, TRUE, 1, 0),
  LIST ("kind", "类型", N_("Type"), ENUM, WATER_KIND, TRUE, 1, 0),
  F ("village_code", "行政村代码", N_("Village code"), REGION, NULL, TRUE, 1, 0),
  F ("length_m", "长度(米)", N_("Length (m)"), REAL, NULL, FALSE, 0, 1e6),
  LIST ("area_m2", "面积(平方米)", N_("Area (m²)"), REAL, NULL, FALSE, 0, 1e9),
  TEXT ("causes", "污染成因", N_("Causes of pollution")),
  TEXT ("measures", "治理措施", N_("Remediation measures")),
  TEXT ("responsible", "责任人", N_("Person responsible")),
  LIST ("status", "治理状态", N_("Remediation status"), ENUM, WATER_STATUS, TRUE, 1, 0),
  LIST ("due", "计划完成日期", N_("Due date"), DATE, NULL, FALSE, 1, 0),
  LIST ("completed_on", "完成日期", N_("Completed on"), DATE, NULL, FALSE, 1, 0),
  LON,
  LAT,
  F ("basis", "判定依据", N_("Basis"), ENUM, BASIS, FALSE, 1, 0),
  TEXT ("basis_values", "判定依据说明(监测值)", N_("Basis values")),
};

static const LedgerField sample_fields[] = {
  F ("subject_code", "对象编号", N_("Subject code"), SUBJECT, NULL, TRUE, 1, 0),
  F ("date", "采样日期", N_("Sampling date"), DATE, NULL, TRUE, 1, 0),
  F ("transparency_cm", "透明度(cm)", N_("Transparency (cm)"), REAL, NULL, FALSE, 0, 10000),
  F ("depth_cm", "水深(cm)", N_("Depth (cm)"), REAL, NULL, FALSE, 0, 100000),
  F ("do_mgl", "溶解氧(mg/L)", N_("Dissolved oxygen (mg/L)"), REAL, NULL, FALSE, 0, 50),
  F ("orp_mv", "氧化还原电位(mV)", N_("Redox potential (mV)"), REAL, NULL, FALSE, -2000, 2000),
  F ("nh3n_mgl", "氨氮(mg/L)", N_("Ammonia nitrogen (mg/L)"), REAL, NULL, FALSE, 0, 10000),
  F ("cod_mgl", "化学需氧量(mg/L)", N_("COD (mg/L)"), REAL, NULL, FALSE, 0, 100000),
  F ("tp_mgl", "总磷(mg/L)", N_("Total phosphorus (mg/L)"), REAL, NULL, FALSE, 0, 10000),
  F ("ss_mgl", "悬浮物(mg/L)", N_("Suspended solids (mg/L)"), REAL, NULL, FALSE, 0, 100000),
  F ("ph", "pH", N_("pH"), REAL, NULL, FALSE, 0, 14),
};

static const LedgerField inspection_fields[] = {
  F ("subject_code", "对象编号", N_("Subject code"), SUBJECT, NULL, TRUE, 1, 0),
  F ("date", "日期", N_("Date"), DATE, NULL, TRUE, 1, 0),
  TEXT ("inspector", "检查人", N_("Inspector")),
  F ("result", "结论", N_("Result"), ENUM, INSPECTION_RESULT, TRUE, 1, 0),
  TEXT ("findings", "问题描述", N_("Findings")),
  /* issue 16: rectification and where it was inspected (a photo's GPS) */
  F ("deadline", "整改期限", N_("Rectification deadline"), DATE, NULL, FALSE, 1, 0),
  F ("follow_up", "整改状态", N_("Follow-up"), ENUM, FOLLOW_UP, FALSE, 1, 0),
  LON,
  LAT,
};

typedef struct
{
  const char        *key;
  const char        *display;
  const char        *table;
  const LedgerField *fields;
  guint              n_fields;
} KindInfo;

static const KindInfo kinds[LEDGER_N_KINDS] = {
  { "villages", N_("Villages"), "regions", village_fields, G_N_ELEMENTS (village_fields) },
  { "facilities", N_("Sewage facilities"), "facilities", facility_fields, G_N_ELEMENTS (facility_fields) },
  { "farms", N_("Livestock farms"), "farms", farm_fields, G_N_ELEMENTS (farm_fields) },
  { "water-bodies", N_("Black-odorous water bodies"), "water_bodies", water_body_fields, G_N_ELEMENTS (water_body_fields) },
  { "samples", N_("Monitoring samples"), "samples", sample_fields, G_N_ELEMENTS (sample_fields) },
  { "inspections", N_("Inspections"), "inspections", inspection_fields, G_N_ELEMENTS (inspection_fields) },
};

const char *
ledger_kind_to_key (LedgerKind kind)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  return kinds[kind].key;
}

gboolean
ledger_kind_from_key (const char *key,
                      LedgerKind *kind)
{
  for (guint i = 0; i < LEDGER_N_KINDS; i++)
    {
      if (g_strcmp0 (kinds[i].key, key) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  /* "water_bodies" as well as "water-bodies" */
  if (g_strcmp0 (key, "water_bodies") == 0)
    {
      *kind = LEDGER_KIND_WATER_BODIES;
      return TRUE;
    }
  return FALSE;
}

const char *
ledger_kind_display_name (LedgerKind kind)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  return _(kinds[kind].display);
}

const char *
ledger_kind_table (LedgerKind kind)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  return kinds[kind].table;
}

const LedgerField *
ledger_kind_fields (LedgerKind  kind,
                    guint      *n_fields)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  if (n_fields)
    *n_fields = kinds[kind].n_fields;
  return kinds[kind].fields;
}

/* Returns the index of the column named by its English key or Chinese
 * header (village import also accepts 代码/code), or -1. */
int
ledger_kind_field_index (LedgerKind  kind,
                         const char *key_or_header)
{
  const KindInfo *info = &kinds[kind];
  g_autofree char *stripped = g_strstrip (g_strdup (key_or_header));

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (g_ascii_strcasecmp (info->fields[i].key, stripped) == 0 ||
          strcmp (info->fields[i].header, stripped) == 0)
        return i;
    }
  if (kind == LEDGER_KIND_VILLAGES &&
      (g_strcmp0 (stripped, "code") == 0 || g_strcmp0 (stripped, "代码") == 0))
    return 0;
  return -1;
}

const char *
ledger_field_display_name (const LedgerField *field)
{
  return _(field->label_en);
}

const LedgerEnum *
ledger_enum_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    if (g_strcmp0 (enums[i].name, name) == 0)
      return &enums[i];
  return NULL;
}

/* Accepts the English key (any case), the Chinese label, or a word of the
 * vocabulary (ledger-vocabulary.c: 山羊 for 羊, 池塘 for 坑塘, 正常 for 正常运行 …). */
const LedgerEnumValue *
ledger_enum_lookup (const LedgerEnum *enumeration,
                    const char       *key_or_label)
{
  return ledger_vocabulary_lookup (enumeration, key_or_label);
}

/* The Chinese spreadsheet label of a key (as written in CSV with Chinese headers). */
const char *
ledger_enum_label (const LedgerEnum *enumeration,
                   const char       *key)
{
  const LedgerEnumValue *v = ledger_enum_lookup (enumeration, key);
  return v ? v->label : key;
}

/* The label in the user's language, for the UI. */
const char *
ledger_enum_display (const LedgerEnum *enumeration,
                     const char       *key)
{
  const LedgerEnumValue *v = ledger_enum_lookup (enumeration, key);
  return v ? _(v->label_en) : key;
}
