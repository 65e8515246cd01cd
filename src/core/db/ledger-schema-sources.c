/* ledger-schema-sources.c: the migration of issue 12 — rules by the book
 *
 * Adds the fields the public texts ask for (判定依据 of a water body; the
 * MARA farm code, the manure's destination and the third-party contract of
 * a farm), fixes the stored Sichuan scale standard, adds the species both
 * scale standards name, labels every default with its source or as
 * unverified / 本地口径, and gives discharge standards their TN, cold-water
 * NH3-N and DB51/2626-2019 structure. docs/RULES.md lists the sources.
 */
#include "config.h"

#include "ledger-db.h"
#include "ledger-schema.h"

static const char schema_sources_fields[] =
  /* 判定依据 (《农村黑臭水体治理工作指南》, 2023/2024 revision) */
  "ALTER TABLE water_bodies ADD COLUMN basis TEXT;\n"          /* sensory|public|monitoring, '|'-joined */
  "ALTER TABLE water_bodies ADD COLUMN basis_values TEXT;\n"   /* the measured values, as written */
  /* what the direct-report system (直联直报) asks of a farm */
  "ALTER TABLE farms ADD COLUMN mara_code TEXT;\n"             /* 统一编码 */
  "ALTER TABLE farms ADD COLUMN manure_land_mu REAL;\n"        /* 消纳土地面积(亩) */
  "ALTER TABLE farms ADD COLUMN manure_receiver TEXT;\n"       /* 粪污接收方 */
  "ALTER TABLE farms ADD COLUMN third_party_contract TEXT;\n"; /* 第三方处理协议 */

static const char schema_sources_scale[] =
  "UPDATE scale_standards SET name = '四川省畜禽养殖场(小区)规模标准 (2017)',"
  " source = '四川省农业厅、四川省环境保护厅印发, 2017-07-24; 依据《畜禽规模养殖污染防治条例》第四十三条, 为污染防治制定',"
  " effective = '2017-07-24' WHERE key = 'sichuan2017';\n"
  "UPDATE scale_standards SET name = '畜禽养殖场规模标准 (农业农村部, 2025)',"
  " source = '农业农村部公告, 2025-07-04 公布, 2025-09-01 施行; 依据《畜牧法》《畜禽养殖场备案管理办法》的备案标准, 按设计规模',"
  " effective = '2025-09-01' WHERE key = 'mara2025';\n"
  "INSERT OR IGNORE INTO scale_thresholds VALUES\n"
  "  ('mara2025', 'goat', 'annual_output', 200), ('mara2025', 'meat_duck', 'annual_output', 10000),\n"
  "  ('mara2025', 'laying_duck', 'stock', 2000), ('mara2025', 'goose', 'annual_output', 5000),\n"
  "  ('mara2025', 'rabbit', 'annual_output', 5000),\n"
  "  ('sichuan2017', 'meat_duck', 'annual_output', 30000), ('sichuan2017', 'goose', 'annual_output', 10000),\n"
  /* 家兔: 常年存栏能繁母兔 400 — the stock recorded is read as breeding does */
  "  ('sichuan2017', 'rabbit', 'stock', 400);\n";

/* a standard never chosen by hand follows the province ('auto', resolved by
 * ledger_rules_load(): Sichuan's for 51xxxx, the national one elsewhere) */
static const char choose_scale_standard[] =
  "UPDATE rules SET value = 'auto' WHERE key = 'scale_standard' AND value = 'mara2025'\n"
  "  AND NOT EXISTS (SELECT 1 FROM audit WHERE entity = 'rules' AND entity_uid = 'scale_standard');\n";

/* The corrections below are the program's, not an officer's edit: the audit
 * triggers of the rule tables are dropped for them (a backup of the file
 * was taken) and made anew after the last migration. */
static const char drop_rule_triggers[] =
  "DROP TRIGGER IF EXISTS audit_rules_insert; DROP TRIGGER IF EXISTS audit_rules_update;\n"
  "DROP TRIGGER IF EXISTS audit_rules_delete;\n"
  "DROP TRIGGER IF EXISTS audit_scale_thresholds_insert; DROP TRIGGER IF EXISTS audit_scale_thresholds_update;\n"
  "DROP TRIGGER IF EXISTS audit_scale_thresholds_delete;\n"
  "DROP TRIGGER IF EXISTS audit_effluent_standards_insert; DROP TRIGGER IF EXISTS audit_effluent_standards_update;\n"
  "DROP TRIGGER IF EXISTS audit_effluent_standards_delete;\n";

static const char schema_sources_rules[] =
  "UPDATE rules SET source = '本地口径: no national or Sichuan source found; the indicator and its 75 % target: Lezhi plan 专栏1 (9)'"
  " WHERE key = 'coverage_threshold';\n"
  "UPDATE rules SET source = 'matches a published table of daily excretion × 365 (table not found here: unverified)'"
  " WHERE key IN ('manure_t_per_head_year.pig', 'manure_t_per_head_year.beef',"
  " 'manure_t_per_head_year.sheep_goat', 'manure_t_per_head_year.layer');\n"
  "UPDATE rules SET source = 'unverified: matches no table found; NY/T 4755-2025 not found'"
  " WHERE key IN ('manure_t_per_head_year.dairy', 'manure_t_per_head_year.broiler',"
  " 'manure_t_per_head_year.other_poultry');\n"
  "UPDATE rules SET source = '《农村黑臭水体治理工作指南》: ≥ 2000 m² national supervision list, smaller provincial'"
  " WHERE key = 'national_list_area_m2';\n"
  "INSERT OR IGNORE INTO rules (key, value, source) VALUES\n"
  "  ('manure_t_per_head_year.goat', '0.95', 'unverified: the sheep/goat value'),\n"
  "  ('manure_t_per_head_year.meat_duck', '0.047', 'unverified: 0.13 kg/d × 365 of a county parameter table'),\n"
  "  ('manure_t_per_head_year.laying_duck', '0.047', 'unverified: 0.13 kg/d × 365 of a county parameter table'),\n"
  "  ('manure_t_per_head_year.goose', '0.047', 'unverified: 0.13 kg/d × 365 of a county parameter table'),\n"
  "  ('manure_t_per_head_year.rabbit', '0.04', 'unverified: no source found, a placeholder'),\n"
  "  ('survey_min_area_m2', '200', '本地口径: bodies under 200 m² are outside the survey (issue 12; guide text not read here)'),\n"
  "  ('pig_equivalent_ratios', 'common', '100 pigs = 15 dairy = 30 beef = 250 sheep = 2500 poultry: source not confirmed; gb18596 = GB 18596-2001 1.2.2/1.2.5');\n";

static const char schema_sources_effluent[] =
  "ALTER TABLE effluent_standards ADD COLUMN tn_max REAL;\n"
  "ALTER TABLE effluent_standards ADD COLUMN nh3n_cold_max REAL;\n"   /* water ≤ 12 °C */
  "ALTER TABLE effluent_standards ADD COLUMN oil_max REAL;\n"         /* 动植物油 */
  "ALTER TABLE effluent_standards ADD COLUMN applies TEXT;\n"         /* when it applies, in words */
  "UPDATE effluent_standards SET tn_max = 15, nh3n_cold_max = 8 WHERE key = 'gb18918_1a';\n"
  "UPDATE effluent_standards SET tn_max = 20, nh3n_cold_max = 15 WHERE key = 'gb18918_1b';\n"
  "UPDATE effluent_standards SET nh3n_cold_max = 30 WHERE key = 'gb18918_2';\n"
  "INSERT OR IGNORE INTO effluent_standards (key, name, cod_max, nh3n_max, tp_max, ss_max, ph_min, ph_max, source, applies)\n"
  "VALUES ('gb18918_3', 'GB 18918-2002 三级', 120, NULL, 5, 50, 6, 9, 'GB 18918-2002 (三级 values unverified)',\n"
  "        'facilities of 500 m³/d and more, or outside Sichuan'),\n"
  /* DB51/2626-2019: the structure is shipped, its table 2 was not found:
   * the limits are NULL until the county fills them in */
  "  ('db51_2626_1', 'DB51/2626-2019 一级', NULL, NULL, NULL, NULL, NULL, NULL,"
  "   'DB51/2626-2019 (四川省生态环境厅, in force 2020-01-01); limits to be filled in', "
  "   'Sichuan, design capacity < 500 m³/d; 岷江/沱江 key areas from 20 m³/d: one grade up'),\n"
  "  ('db51_2626_2', 'DB51/2626-2019 二级', NULL, NULL, NULL, NULL, NULL, NULL,"
  "   'DB51/2626-2019 (四川省生态环境厅, in force 2020-01-01); limits to be filled in', "
  "   'Sichuan, design capacity < 500 m³/d; 岷江/沱江 key areas from 20 m³/d: one grade up'),\n"
  "  ('db51_2626_3', 'DB51/2626-2019 三级', NULL, NULL, NULL, NULL, NULL, NULL,"
  "   'DB51/2626-2019 (四川省生态环境厅, in force 2020-01-01); limits to be filled in', "
  "   'Sichuan, design capacity < 500 m³/d; 岷江/沱江 key areas from 20 m³/d: one grade up');\n";

/* The v1 schema lists the species a farm may have in a CHECK constraint.
 * Widening it to the species both scale standards name is the change SQLite
 * documents for CHECK constraints: the stored rows are valid under the new
 * constraint, so the table's definition is edited in place
 * (ledger_schema_edit_in_place()). */
static const char widen_species[] =
  "UPDATE sqlite_schema SET sql = replace(sql, '''other_poultry'')',"
  " '''other_poultry'',''goat'',''meat_duck'',''laying_duck'',''goose'',''rabbit'')')"
  " WHERE type = 'table' AND name = 'farms' AND sql NOT LIKE '%''rabbit''%'";

static gboolean
widen_species_sql (struct _LedgerDb  *db,
                   GError           **error)
{
  return ledger_db_exec (db, widen_species, error);
}

/**
 * ledger_schema_widen_species:
 * @db: a ledger being migrated, inside the migration's transaction
 * @error: return location for an error
 *
 * Returns: %FALSE with @error set when the schema could not be changed
 */
gboolean
ledger_schema_widen_species (struct _LedgerDb  *db,
                             GError           **error)
{
  return ledger_schema_edit_in_place (db, widen_species_sql, error);
}

/**
 * ledger_schema_sources_sql:
 *
 * Returns: (transfer full): the SQL of the issue-12 migration: new fields
 *   of water bodies and farms, the fixed and extended scale standards, the
 *   rule sources, the discharge standards' structure
 */
char *
ledger_schema_sources_sql (void)
{
  return g_strconcat (drop_rule_triggers, schema_sources_fields, schema_sources_scale, choose_scale_standard,
                      schema_sources_rules, schema_sources_effluent, NULL);
}
