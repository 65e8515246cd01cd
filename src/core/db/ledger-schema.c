/* ledger-schema.c: schema v1 and its audit triggers (README.md and ledger-kinds.c, docs/ARCHITECTURE.md)
 *
 * Inventory rows are keyed by a random uid (the PRIMARY KEY, so that SQLite
 * session changesets of two township ledgers merge by uid); regions are keyed
 * by their national code. The audit log is written by triggers, one row per
 * changed field, so no code path can change a number without a trace.
 */
#include "config.h"

#include <string.h>

#include "ledger-schema.h"

static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n"

  "CREATE TABLE regions (\n"
  "  code TEXT PRIMARY KEY,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('county','township','village','community')),\n"
  "  parent TEXT REFERENCES regions(code),\n"
  "  households INTEGER CHECK (households >= 0),\n"
  "  population INTEGER CHECK (population >= 0),\n"
  "  lon REAL, lat REAL,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX regions_parent ON regions(parent);\n"

  /* 行政村生活污水治理: one row per village-level unit that has a record */
  "CREATE TABLE village_sewage (\n"
  "  village_code TEXT PRIMARY KEY REFERENCES regions(code) ON DELETE CASCADE,\n"
  "  mode TEXT CHECK (mode IN ('sewer','centralised','decentralised','reuse','none')),\n"
  "  covered_households INTEGER CHECK (covered_households >= 0),\n"
  "  year_done INTEGER,\n"
  "  note TEXT,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0);\n"

  "CREATE TABLE facilities (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('township_plant','village_station','household_unit')),\n"
  "  village_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  process TEXT, capacity_m3d REAL, households_served INTEGER, standard TEXT, operator TEXT,\n"
  "  status TEXT NOT NULL CHECK (status IN ('normal','faulty','stopped','building','planned')),\n"
  "  commissioned TEXT, lon REAL, lat REAL,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX facilities_village ON facilities(village_code);\n"

  "CREATE TABLE farms (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  operator TEXT,\n"
  "  village_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  species TEXT NOT NULL CHECK (species IN ('pig','dairy','beef','sheep_goat','layer','broiler','other_poultry')),\n"
  "  lon REAL, lat REAL,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX farms_village ON farms(village_code);\n"

  /* per 统计年度: one row per farm and year */
  "CREATE TABLE farm_years (\n"
  "  farm_uid TEXT NOT NULL REFERENCES farms(uid) ON DELETE CASCADE,\n"
  "  year INTEGER NOT NULL,\n"
  "  stock INTEGER CHECK (stock >= 0),\n"
  "  annual_output INTEGER CHECK (annual_output >= 0),\n"
  "  facilities_matched INTEGER CHECK (facilities_matched IN (0,1)),\n"
  "  manure_produced_t REAL CHECK (manure_produced_t >= 0),\n"
  "  manure_utilised_t REAL CHECK (manure_utilised_t >= 0),\n"
  "  utilisation TEXT CHECK (utilisation IN ('field','fertiliser','biogas','third_party','other')),\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (farm_uid, year)) WITHOUT ROWID;\n"

  "CREATE TABLE water_bodies (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('river','ditch','pond','other')),\n"
  "  village_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  length_m REAL, area_m2 REAL, causes TEXT, measures TEXT, responsible TEXT,\n"
  "  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','verified')),\n"
  "  due TEXT, completed_on TEXT, lon REAL, lat REAL,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX water_bodies_village ON water_bodies(village_code);\n"

  /* a sample is of exactly one facility or water body */
  "CREATE TABLE samples (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  facility_uid TEXT REFERENCES facilities(uid) ON DELETE CASCADE,\n"
  "  water_body_uid TEXT REFERENCES water_bodies(uid) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL,\n"
  "  transparency_cm REAL, depth_cm REAL, do_mgl REAL, orp_mv REAL, nh3n_mgl REAL,\n"
  "  cod_mgl REAL, tp_mgl REAL, ss_mgl REAL, ph REAL,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0,\n"
  "  CHECK ((facility_uid IS NULL) <> (water_body_uid IS NULL)));\n"
  "CREATE INDEX samples_facility ON samples(facility_uid, date);\n"
  "CREATE INDEX samples_water_body ON samples(water_body_uid, date);\n"

  /* an inspection is of exactly one facility, farm, water body or village */
  "CREATE TABLE inspections (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  facility_uid TEXT REFERENCES facilities(uid) ON DELETE CASCADE,\n"
  "  farm_uid TEXT REFERENCES farms(uid) ON DELETE CASCADE,\n"
  "  water_body_uid TEXT REFERENCES water_bodies(uid) ON DELETE CASCADE,\n"
  "  village_code TEXT REFERENCES regions(code) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL,\n"
  "  inspector TEXT,\n"
  "  result TEXT NOT NULL CHECK (result IN ('ok','problem','fixed')),\n"
  "  findings TEXT,\n"
  "  is_demo INTEGER NOT NULL DEFAULT 0,\n"
  "  CHECK ((facility_uid IS NOT NULL) + (farm_uid IS NOT NULL) + (water_body_uid IS NOT NULL)\n"
  "         + (village_code IS NOT NULL) = 1));\n"
  "CREATE INDEX inspections_facility ON inspections(facility_uid);\n"
  "CREATE INDEX inspections_farm ON inspections(farm_uid);\n"
  "CREATE INDEX inspections_water_body ON inspections(water_body_uid);\n"
  "CREATE INDEX inspections_village ON inspections(village_code);\n"

  "CREATE TABLE inspection_photos (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  inspection_uid TEXT NOT NULL REFERENCES inspections(uid) ON DELETE CASCADE,\n"
  "  file_name TEXT NOT NULL,\n"
  "  data BLOB NOT NULL);\n"

  /* indicator targets; year 0 = every year, scope 'county' or a township code */
  "CREATE TABLE targets (\n"
  "  indicator TEXT NOT NULL,\n"
  "  year INTEGER NOT NULL DEFAULT 0,\n"
  "  scope TEXT NOT NULL DEFAULT 'county',\n"
  "  value REAL NOT NULL CHECK (value >= 0 AND value <= 1),\n"
  "  PRIMARY KEY (indicator, year, scope)) WITHOUT ROWID;\n"
  "INSERT INTO targets (indicator, value) VALUES\n"
  "  ('village_sewage', 0.75), ('manure_utilisation', 0.93),\n"
  "  ('scale_farm_facilities', 1.0), ('black_odorous_remediated', 1.0);\n"

  /* thresholds and coefficients (docs/RULES.md): editable, audited */
  "CREATE TABLE rules (\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT NOT NULL,\n"
  "  source TEXT) WITHOUT ROWID;\n"
  "INSERT INTO rules (key, value, source) VALUES\n"
  "  ('coverage_threshold', '0.5', '有效治理: 覆盖户数/户数 ≥ 阈值 (verify with the province''s statistical caliber)'),\n"
  "  ('scale_standard', 'mara2025', '规模养殖场标准'),\n"
  "  ('manure_t_per_head_year.pig', '1.9', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.dairy', '16.4', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.beef', '11.0', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.sheep_goat', '0.95', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.layer', '0.044', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.broiler', '0.03', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('manure_t_per_head_year.other_poultry', '0.04', 'typical feces+urine, t/head/year (verify)'),\n"
  "  ('national_list_area_m2', '2000', '≥ 2000 m² on the national supervision list, smaller on the provincial list');\n"

  /* 规模养殖场标准: named tables of thresholds */
  "CREATE TABLE scale_standards (\n"
  "  key TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT, effective TEXT) WITHOUT ROWID;\n"
  "INSERT INTO scale_standards VALUES\n"
  "  ('mara2025', '农业农村部畜禽规模养殖场标准 (2025)', '农业农村部公告, in force 2025-09-01', '2025-09-01'),\n"
  "  ('sichuan2017', '四川省畜禽规模养殖场标准 (2017)', '四川省农业厅, 2017', '2017-01-01');\n"
  "CREATE TABLE scale_thresholds (\n"
  "  standard TEXT NOT NULL REFERENCES scale_standards(key) ON DELETE CASCADE,\n"
  "  species TEXT NOT NULL,\n"
  "  measure TEXT NOT NULL CHECK (measure IN ('stock','annual_output')),\n"
  "  threshold REAL NOT NULL CHECK (threshold > 0),\n"
  "  PRIMARY KEY (standard, species)) WITHOUT ROWID;\n"
  "INSERT INTO scale_thresholds VALUES\n"
  "  ('mara2025', 'pig', 'annual_output', 500), ('mara2025', 'dairy', 'stock', 100),\n"
  "  ('mara2025', 'beef', 'annual_output', 50), ('mara2025', 'sheep_goat', 'annual_output', 200),\n"
  "  ('mara2025', 'layer', 'stock', 2000), ('mara2025', 'broiler', 'annual_output', 10000),\n"
  "  ('sichuan2017', 'pig', 'annual_output', 500), ('sichuan2017', 'dairy', 'stock', 100),\n"
  "  ('sichuan2017', 'beef', 'annual_output', 100), ('sichuan2017', 'sheep_goat', 'annual_output', 300),\n"
  "  ('sichuan2017', 'layer', 'stock', 25000), ('sichuan2017', 'broiler', 'annual_output', 35000);\n"

  /* 排放标准: named limit sets; NULL = no limit */
  "CREATE TABLE effluent_standards (\n"
  "  key TEXT PRIMARY KEY, name TEXT NOT NULL,\n"
  "  cod_max REAL, nh3n_max REAL, tp_max REAL, ss_max REAL, ph_min REAL, ph_max REAL,\n"
  "  source TEXT) WITHOUT ROWID;\n"
  "INSERT INTO effluent_standards VALUES\n"
  "  ('gb18918_1a', 'GB 18918-2002 一级A', 50, 5, 0.5, 10, 6, 9, 'GB 18918-2002'),\n"
  "  ('gb18918_1b', 'GB 18918-2002 一级B', 60, 8, 1, 20, 6, 9, 'GB 18918-2002'),\n"
  "  ('gb18918_2', 'GB 18918-2002 二级', 100, 25, 3, 30, 6, 9, 'GB 18918-2002');\n"

  /* docs/RULES.md: the villages whose treatment depends on a facility that is
   * down — a village station or household unit of the village stopped or
   * faulty, or (mode sewer) the township plants it drains to: some stopped or
   * faulty and none normal. The one home of that rule: progress, the lists
   * and the detail pane all read it from here. */
  "CREATE VIEW village_facility_down AS\n"
  "  SELECT s.village_code FROM village_sewage s\n"
  "  WHERE EXISTS (SELECT 1 FROM facilities f WHERE f.village_code = s.village_code\n"
  "                AND f.kind IN ('village_station', 'household_unit') AND f.status IN ('stopped', 'faulty'))\n"
  "     OR (s.mode = 'sewer' AND substr(s.village_code, 1, 9) IN\n"
  "          (SELECT substr(village_code, 1, 9) FROM facilities WHERE kind = 'township_plant'\n"
  "           GROUP BY 1 HAVING sum(status IN ('stopped', 'faulty')) > 0 AND sum(status = 'normal') = 0));\n"

  "CREATE TABLE audit (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_uid TEXT NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),\n"
  "  field TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT);\n"
  "CREATE INDEX audit_entity ON audit(entity_uid, at);\n";

/* Audited tables, their key expression and the fields whose changes are logged. */
typedef struct
{
  const char *table;
  const char *key;      /* SQL expression of the row's uid over NEW./OLD. */
  const char *fields[20];
  gboolean    later;    /* a table a later migration creates: not in v1 and v2's triggers */
} AuditedTable;

static const AuditedTable audited[] = {
  { "regions", "%s.code", { "name", "households", "population", "lon", "lat",
                            /* issue 18: the list's own history */
                            "kind", "parent", "valid_from", "valid_to", "period_from", NULL } },
  { "region_history", "%s.code || '@' || %s.valid_to", { "name", "kind", "parent", "valid_from", NULL }, TRUE },
  { "region_changes", "%s.uid", { "effective", "old_value", "new_value", NULL }, TRUE },
  { "region_lineage", "%s.change_uid || '/' || %s.from_code || '>' || %s.to_code", { "to_code", NULL }, TRUE },
  { "village_sewage_history", "%s.village_code || '@' || %s.valid_to", { "mode", "covered_households", "year_done", NULL }, TRUE },
  { "item_moves", "%s.uid || '@' || %s.effective", { "from_village", "to_village", NULL }, TRUE },
  { "village_sewage", "%s.village_code", { "mode", "covered_households", "year_done", "note", NULL } },
  { "facilities", "%s.uid", { "code", "name", "kind", "village_code", "process", "capacity_m3d",
                              "households_served", "standard", "operator", "status",
                              "commissioned", "lon", "lat", NULL } },
  { "farms", "%s.uid", { "code", "name", "operator", "village_code", "species", "lon", "lat",
                         "mara_code", "manure_land_mu", "manure_receiver", "third_party_contract", NULL } },
  { "farm_years", "%s.farm_uid || '/' || %s.year", { "stock", "annual_output", "facilities_matched",
                                                     "manure_produced_t", "manure_utilised_t",
                                                     "utilisation", NULL } },
  { "water_bodies", "%s.uid", { "code", "name", "kind", "village_code", "length_m", "area_m2",
                                "causes", "measures", "responsible", "status", "due",
                                "completed_on", "lon", "lat", "basis", "basis_values", NULL } },
  { "samples", "%s.uid", { "date", "transparency_cm", "depth_cm", "do_mgl", "orp_mv", "nh3n_mgl",
                           "cod_mgl", "tp_mgl", "ss_mgl", "ph", NULL } },
  { "inspections", "%s.uid", { "date", "inspector", "result", "findings",
                                /* ledger-inspections.c (issue 16) */
                                "deadline", "follow_up", "lon", "lat", NULL } },
  /* photos: who attached or removed which file; the bytes are not logged */
  { "inspection_photos", "%s.uid", { "file_name", NULL }, TRUE },
  { "targets", "%s.indicator || '/' || %s.year || '/' || %s.scope", { "value", NULL } },
  { "rules", "%s.key", { "value", NULL } },
  { "scale_thresholds", "%s.standard || '/' || %s.species", { "measure", "threshold", NULL } },
  { "effluent_standards", "%s.key", { "name", "cod_max", "nh3n_max", "tp_max", "ss_max", "ph_min", "ph_max",
                                      "tn_max", "nh3n_cold_max", "oil_max", "applies", NULL } },
};

#define AUDIT_INSERT \
  "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value%s) " \
  "VALUES (ledger_uid(), strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ','now'), ledger_actor(), '%s', %s, '%s', %s, %s, %s%s);\n"

/* one row per changed field */
#define AUDIT_UPDATE \
  "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value%s) " \
  "SELECT ledger_uid(), strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ','now'), ledger_actor(), '%s', %s, 'update', " \
  "'%s', OLD.%s, NEW.%s%s WHERE OLD.%s IS NOT NEW.%s;\n"

/* v2: the audit batch (an import) open on this connection, if any (ledger_db_set_audit_batch) */
#define BATCH_COLUMN ", batch"
#define BATCH_VALUE  ", ledger_audit_batch()"

/* Columns that migrations after v2 add: the v1 and v2 schemas (and their
 * triggers, which a test writes as the old releases did) never had them;
 * only the triggers made after the last migration audit them. */
static const char *const later_columns[] = {
  /* ledger-schema-sources.c (issue 12) */
  "water_bodies.basis", "water_bodies.basis_values",
  "farms.mara_code", "farms.manure_land_mu", "farms.manure_receiver", "farms.third_party_contract",
  "effluent_standards.tn_max", "effluent_standards.nh3n_cold_max", "effluent_standards.oil_max",
  "effluent_standards.applies",
  /* ledger-inspections.c (issue 16) */
  "inspections.deadline", "inspections.follow_up", "inspections.lon", "inspections.lat",
  NULL
};

static gboolean
is_later_column (const char *table,
                 const char *field)
{
  for (guint i = 0; later_columns[i] != NULL; i++)
    {
      const char *dot = strchr (later_columns[i], '.');

      if (strncmp (later_columns[i], table, dot - later_columns[i]) == 0 &&
          table[dot - later_columns[i]] == '\0' && strcmp (dot + 1, field) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
key_expression (const AuditedTable *t,
                const char         *row)
{
  /* the key templates use %s up to three times, all for the same row alias */
  return g_strdup_printf (t->key, row, row, row);
}

/* v3 (the exchange) guards every trigger with ledger_applying (): a
 * partner's changes arrive with the partner's own audit rows. The SQL of v1
 * and v2 stays as those versions wrote it; the guarded triggers are made by
 * ledger_schema_refresh_triggers_sql after the last migration. */
static void
append_triggers (GString            *sql,
                 const AuditedTable *t,
                 gboolean            batch,
                 gboolean            guarded)
{
  const char *when = guarded ? "WHEN NOT ledger_applying () " : "";

  g_autofree char *new_key = key_expression (t, "NEW");
  g_autofree char *old_key = key_expression (t, "OLD");
  const char *column = batch ? BATCH_COLUMN : "";
  const char *value = batch ? BATCH_VALUE : "";

  g_string_append_printf (sql, "CREATE TRIGGER audit_%s_insert AFTER INSERT ON %s %sBEGIN\n", t->table, t->table, when);
  g_string_append_printf (sql, AUDIT_INSERT, column, t->table, new_key, "insert", "NULL", "NULL", "NULL", value);
  g_string_append (sql, "END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER audit_%s_delete AFTER DELETE ON %s %sBEGIN\n", t->table, t->table, when);
  g_string_append_printf (sql, AUDIT_INSERT, column, t->table, old_key, "delete", "NULL", "NULL", "NULL", value);
  g_string_append (sql, "END;\n");

  g_string_append_printf (sql, "CREATE TRIGGER audit_%s_update AFTER UPDATE ON %s %sBEGIN\n", t->table, t->table, when);
  for (guint i = 0; t->fields[i] != NULL; i++)
    /* the historical triggers (v1, v2) never knew the later columns */
    if (guarded || !is_later_column (t->table, t->fields[i]))
      g_string_append_printf (sql, AUDIT_UPDATE, column, t->table, new_key, t->fields[i], t->fields[i],
                            t->fields[i], value, t->fields[i], t->fields[i]);
  g_string_append (sql, "END;\n");
}

static void
drop_triggers (GString            *sql,
               const AuditedTable *t)
{
  /* IF EXISTS: a migration may drop some for its own corrections */
  g_string_append_printf (sql, "DROP TRIGGER IF EXISTS audit_%s_insert;\nDROP TRIGGER IF EXISTS audit_%s_delete;\n"
                          "DROP TRIGGER IF EXISTS audit_%s_update;\n", t->table, t->table, t->table);
}

/* v2 (issue 5): one audit batch per import, and the line or area of a water body */
static const char schema_v2[] =
  "CREATE TABLE audit_batches (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('import')),\n"
  "  detail TEXT NOT NULL,\n"          /* the file name */
  "  kind TEXT,\n"
  "  n_new INTEGER NOT NULL DEFAULT 0,\n"
  "  n_updated INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;\n"
  "ALTER TABLE audit ADD COLUMN batch TEXT;\n"
  "CREATE INDEX audit_batch ON audit(batch) WHERE batch IS NOT NULL;\n"
  /* GeoJSON LineString, MultiLineString, Polygon or MultiPolygon in WGS-84;
   * lon/lat stay a point on it */
  "ALTER TABLE water_bodies ADD COLUMN geometry TEXT;\n"
  "CREATE TRIGGER audit_water_bodies_geometry AFTER UPDATE OF geometry ON water_bodies\n"
  "WHEN OLD.geometry IS NOT NEW.geometry BEGIN\n"
  "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value, batch)\n"
  "VALUES (ledger_uid(), strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'water_bodies', NEW.uid,\n"
  "        'update', 'geometry', OLD.geometry, NEW.geometry, ledger_audit_batch());\n"
  "END;\n";

/**
 * ledger_schema_refresh_triggers_sql:
 *
 * Every migration after v2 only adds tables and columns (never renames or
 * drops a column of an audited table); the audit triggers are then made anew
 * from the audited table above, once, after the last migration ran. A new
 * audited field is one line in that table and an ADD COLUMN in its migration.
 *
 * Returns: (transfer full): the SQL that drops and recreates every audit trigger
 */
char *
ledger_schema_refresh_triggers_sql (void)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      drop_triggers (sql, &audited[i]);
      append_triggers (sql, &audited[i], TRUE, TRUE);
    }
  return g_string_free (sql, FALSE);
}

/**
 * ledger_schema_v1_sql:
 *
 * Returns: (transfer full): the SQL that creates schema version 1, triggers included.
 */
char *
ledger_schema_v1_sql (void)
{
  GString *sql = g_string_new (schema_v1);

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    if (!audited[i].later)
      append_triggers (sql, &audited[i], FALSE, FALSE);
  return g_string_free (sql, FALSE);
}

/**
 * ledger_schema_v2_sql:
 *
 * Returns: (transfer full): the SQL that takes schema version 1 to 2: audit
 *   batches (the audit triggers record the open batch) and water-body geometry
 */
char *
ledger_schema_v2_sql (void)
{
  GString *sql = g_string_new (schema_v2);

  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      if (audited[i].later)
        continue;
      drop_triggers (sql, &audited[i]);
      append_triggers (sql, &audited[i], TRUE, FALSE);
    }
  return g_string_free (sql, FALSE);
}
