/* ledger-schema-tables.c: the migrations of the exchange, the undo journal
 * and the inspections' follow-up
 *
 * Their SQL lives with the other migrations in db (exchange and store read
 * and write these tables; db never calls up into them for their schema).
 */
#include "config.h"

#include "ledger-schema.h"

/* issue 13: the exchange between linked ledgers (ledger-exchange*.c) */
/* exchange_partners: one row per linked ledger (a township's county; each
 * township of a county). The sequence numbers are the packages'; the log ids
 * are exchange_log's, the unit in which changes are acknowledged. */
static const char schema_exchange[] =
  "CREATE TABLE exchange_partners (\n"
  "  ledger_id TEXT PRIMARY KEY,\n"
  "  role TEXT NOT NULL CHECK (role IN ('county','township')),\n"   /* the partner's */
  "  township TEXT NOT NULL,\n"           /* the township the link is about */
  "  name TEXT,\n"
  "  next_seq INTEGER NOT NULL DEFAULT 1,\n"     /* our next package to it */
  "  acked INTEGER NOT NULL DEFAULT 0,\n"        /* our log ids it has applied */
  "  applied INTEGER NOT NULL DEFAULT 0,\n"      /* its log ids we have applied */
  "  last_seq INTEGER NOT NULL DEFAULT 0,\n"     /* its last package we applied */
  "  last_sent_at TEXT,\n"
  "  last_received_at TEXT,\n"
  "  last_rows INTEGER) WITHOUT ROWID;\n"
  "CREATE TABLE exchange_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  changeset BLOB NOT NULL);\n"
  /* values that lost to the owner's, kept for review (nothing lost silently) */
  "CREATE TABLE conflicts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  partner TEXT NOT NULL,\n"
  "  entity TEXT NOT NULL,\n"
  "  entity_uid TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  kept_value TEXT, kept_author TEXT, kept_at TEXT,\n"
  "  other_value TEXT, other_author TEXT, other_at TEXT,\n"
  "  pk TEXT NOT NULL,\n"              /* the row's primary key, a JSON array */
  "  kept_side TEXT NOT NULL CHECK (kept_side IN ('ours','theirs')),\n"
  "  resolved_at TEXT, resolved_by TEXT, resolution TEXT);\n"
  /* an exchange is an audit batch too; the CHECK of v2 allowed imports only.
   * legacy_alter_table: the rename must not re-check the audit triggers,
   * which may name columns a later migration of this run adds */
  "PRAGMA legacy_alter_table = ON;\n"
  "CREATE TABLE audit_batches_v (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('import','exchange','resolve')),\n"
  "  detail TEXT NOT NULL,\n"
  "  kind TEXT,\n"
  "  n_new INTEGER NOT NULL DEFAULT 0,\n"
  "  n_updated INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;\n"
  "INSERT INTO audit_batches_v SELECT id, at, actor, action, detail, kind, n_new, n_updated FROM audit_batches;\n"
  "DROP TABLE audit_batches;\n"
  "ALTER TABLE audit_batches_v RENAME TO audit_batches;\n"
  "PRAGMA legacy_alter_table = OFF;\n"
  /* v2's geometry trigger, silent while a partner's changes are applied */
  "DROP TRIGGER audit_water_bodies_geometry;\n"
  "CREATE TRIGGER audit_water_bodies_geometry AFTER UPDATE OF geometry ON water_bodies\n"
  "WHEN OLD.geometry IS NOT NEW.geometry AND NOT ledger_applying () BEGIN\n"
  "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value, batch)\n"
  "VALUES (ledger_uid(), strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'water_bodies', NEW.uid,\n"
  "        'update', 'geometry', OLD.geometry, NEW.geometry, ledger_audit_batch());\n"
  "END;\n";

/* issue 16: the labels of undo steps (ledger-undo.c) */
static const char schema_undo[] =
  "CREATE TABLE audit_labels (\n"
  "  id TEXT PRIMARY KEY,\n"           /* audit.batch of the labelled rows */
  "  at TEXT NOT NULL,\n"
  "  actor TEXT NOT NULL,\n"
  "  action TEXT NOT NULL,\n"          /* delete, undo-edit, redo-new, … */
  "  detail TEXT NOT NULL) WITHOUT ROWID;\n";

/* the inspections' deadline, follow-up and place, the photos' thumbnails
 * (ledger-inspections.c, ledger-photos.c) */
static const char schema_inspections[] =
  "ALTER TABLE inspections ADD COLUMN deadline TEXT;\n"      /* 整改期限, YYYY-MM-DD */
  "ALTER TABLE inspections ADD COLUMN follow_up TEXT\n"      /* 整改状态 */
  "  CHECK (follow_up IN ('pending', 'rectified', 'not_needed'));\n"
  "ALTER TABLE inspections ADD COLUMN lon REAL;\n"           /* where it was made (a photo's GPS) */
  "ALTER TABLE inspections ADD COLUMN lat REAL;\n"
  "CREATE INDEX inspections_date ON inspections(date);\n"
  "ALTER TABLE inspection_photos ADD COLUMN thumbnail BLOB;\n" /* made by the app, at most 256 px */
  "ALTER TABLE inspection_photos ADD COLUMN taken_at TEXT;\n"  /* EXIF DateTimeOriginal, local time */
  "CREATE INDEX inspection_photos_inspection ON inspection_photos(inspection_uid);\n";

const char *
ledger_schema_exchange_sql (void)
{
  return schema_exchange;
}

const char *
ledger_schema_undo_sql (void)
{
  return schema_undo;
}

const char *
ledger_schema_inspections_sql (void)
{
  return schema_inspections;
}
