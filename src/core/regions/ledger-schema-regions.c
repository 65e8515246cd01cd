/* ledger-schema-regions.c: the history of the county's own list (issue 18)
 *
 * The regions table keeps one row per code, with its current name, kind and
 * parent (what every lookup by current name reads) and its lifetime:
 * valid_from (NULL: since the shipped list) up to valid_to (the first day it
 * no longer exists; NULL: current). When a unit's name, kind or parent
 * changes from a date, the attributes it had until then go to
 * region_history, so the list as it stood on any day can be read back from
 * the view region_periods. A merge or split is one row of region_changes
 * with its lineage (which codes became which); the items it moved to the new
 * unit remember where they were before the date in item_moves, so figures
 * for earlier years still count the old units.
 *
 * No table here is WITHOUT ROWID: SQLite 3.40.1 (Debian 12)'s quick_check
 * reports false "NULL value in …" errors for a WITHOUT ROWID table whose
 * primary key columns are not its first ones, and a ledger that fails
 * quick_check is refused as damaged.
 */
#include "config.h"

#include "ledger-schema.h"

static const char schema_region_history[] =
  "ALTER TABLE regions ADD COLUMN valid_from TEXT;\n"
  "ALTER TABLE regions ADD COLUMN valid_to TEXT;\n"
  /* the day the current name, kind and parent began (NULL: valid_from) */
  "ALTER TABLE regions ADD COLUMN period_from TEXT;\n"
  /* 1: a code this ledger gave (an 'L' in it), not a national one */
  "ALTER TABLE regions ADD COLUMN local_code INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE INDEX regions_current ON regions(kind, parent) WHERE valid_to IS NULL;\n"

  "CREATE TABLE region_history (\n"
  "  code TEXT NOT NULL REFERENCES regions(code),\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  parent TEXT,\n"
  "  households INTEGER, population INTEGER,\n"
  "  valid_from TEXT,\n"
  "  valid_to TEXT NOT NULL,\n"
  "  PRIMARY KEY (code, valid_to));\n"

  /* one row per change of the list: add, rename, kind, merge, split, retire, update */
  "CREATE TABLE region_changes (\n"
  "  uid TEXT PRIMARY KEY,\n"
  "  effective TEXT NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('add','rename','kind','merge','split','retire')),\n"
  "  code TEXT NOT NULL,\n"           /* the unit added, renamed, …, merged into, split, retired */
  "  old_value TEXT, new_value TEXT,\n"
  "  batch TEXT,\n"                   /* the import or list update it came from */
  "  at TEXT NOT NULL, actor TEXT NOT NULL);\n"
  "CREATE INDEX region_changes_code ON region_changes(code, effective);\n"

  "CREATE TABLE region_lineage (\n"
  "  change_uid TEXT NOT NULL REFERENCES region_changes(uid),\n"
  "  from_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  to_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  PRIMARY KEY (change_uid, from_code, to_code));\n"

  /* an item moved by a merge or split: in from_village until the day before effective */
  "CREATE TABLE item_moves (\n"
  "  uid TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('facilities','farms','water_bodies')),\n"
  "  from_village TEXT NOT NULL,\n"
  "  to_village TEXT NOT NULL,\n"
  "  effective TEXT NOT NULL,\n"
  "  change_uid TEXT REFERENCES region_changes(uid),\n"
  "  PRIMARY KEY (uid, effective));\n"

  /* a village's sewage record as it was until valid_to (mode NULL: none),
   * kept when a merge combines other records into it */
  "CREATE TABLE village_sewage_history (\n"
  "  village_code TEXT NOT NULL REFERENCES regions(code),\n"
  "  mode TEXT, covered_households INTEGER, year_done INTEGER, note TEXT,\n"
  "  valid_from TEXT,\n"
  "  valid_to TEXT NOT NULL,\n"
  "  PRIMARY KEY (village_code, valid_to));\n"
  "CREATE VIEW village_sewage_periods AS\n"
  "  SELECT village_code, mode, covered_households, year_done, valid_from, valid_to\n"
  "  FROM village_sewage_history\n"
  "  UNION ALL\n"
  "  SELECT s.village_code, s.mode, s.covered_households, s.year_done,\n"
  "         (SELECT max(h.valid_to) FROM village_sewage_history h WHERE h.village_code = s.village_code),\n"
  "         NULL FROM village_sewage s;\n"

  /* every period of every unit: its past periods, then the current one */
  "CREATE VIEW region_periods AS\n"
  "  SELECT code, name, kind, parent, households, population, valid_from, valid_to FROM region_history\n"
  "  UNION ALL\n"
  "  SELECT code, name, kind, parent, households, population, coalesce(period_from, valid_from), valid_to\n"
  "  FROM regions;\n";

/**
 * ledger_schema_region_history_sql:
 *
 * Returns: (transfer none): the SQL that adds the history of the list of
 *   townships and village-level units (issue 18)
 */
const char *
ledger_schema_region_history_sql (void)
{
  return schema_region_history;
}
