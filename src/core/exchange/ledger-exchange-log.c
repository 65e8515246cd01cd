/* ledger-exchange-log.c: the log of a linked ledger's own changes, and its schema
 *
 * Every transaction committed in a linked ledger leaves its SQLite changeset
 * in exchange_log, written inside the same transaction: the base state of the
 * next update package is in the ledger file, never in a side file that could
 * be lost. Changes applied from a partner's package are not logged (they are
 * the partner's, and the partner has them).
 */
#include "config.h"

#include "ledger-exchange-private.h"

const char *const ledger_exchange_tables[] = {
  "regions", "village_sewage", "facilities", "farms", "farm_years", "water_bodies",
  "samples", "inspections", "inspection_photos", "targets", "rules", "scale_standards",
  "scale_thresholds", "effluent_standards", "meta", "audit", "audit_batches", "audit_labels", NULL
};

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

/**
 * ledger_exchange_schema_sql:
 *
 * Returns: (transfer full): the migration that adds the exchange's tables
 */
char *
ledger_exchange_schema_sql (void)
{
  return g_strdup (schema_exchange);
}

static gboolean
is_linked (LedgerDb *db)
{
  sqlite3_stmt *stmt;
  gboolean linked = FALSE;

  /* prepared by hand, not cached: before the schema exists (a new file, a
   * migration) the query simply fails */
  if (sqlite3_prepare_v2 (ledger_db_get_handle (db),
                          "SELECT 1 FROM exchange_partners LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  linked = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return linked;
}

/**
 * ledger_exchange_log_start:
 *
 * Called by ledger_db_begin for the outermost transaction.
 *
 * Returns: (transfer full) (nullable): a session recording the exchanged
 *   tables, or NULL when the ledger is not linked to a partner
 */
sqlite3_session *
ledger_exchange_log_start (LedgerDb *db)
{
  sqlite3_session *session = NULL;

  if (!is_linked (db) || sqlite3session_create (ledger_db_get_handle (db), "main", &session) != SQLITE_OK)
    return NULL;
  for (guint i = 0; ledger_exchange_tables[i] != NULL; i++)
    if (sqlite3session_attach (session, ledger_exchange_tables[i]) != SQLITE_OK)
      {
        sqlite3session_delete (session);
        return NULL;
      }
  return session;
}

/* a ledger's own bookkeeping in meta (its ids, the server it syncs with)
 * never travels: a transaction that changed only that is not logged */
static gboolean
keep_travelling (sqlite3_changeset_iter *iter,
                 const char             *table,
                 gpointer                user_data)
{
  return !g_str_equal (table, "meta") || ledger_owner_meta_travels (iter);
}

/**
 * ledger_exchange_log_capture:
 * @session: (transfer full): what ledger_exchange_log_start returned
 *
 * Called by ledger_db_commit just before COMMIT: the transaction's changeset
 * becomes a row of exchange_log, in the same transaction.
 */
gboolean
ledger_exchange_log_capture (LedgerDb         *db,
                             sqlite3_session  *session,
                             GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  void *changeset = NULL;
  int size = 0;
  int rc;

  if (sqlite3session_isempty (session))
    {
      sqlite3session_delete (session);
      return TRUE;
    }
  rc = sqlite3session_changeset (session, &size, &changeset);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    return ledger_db_set_sqlite_error (db, rc, error);
  g_autoptr (GBytes) all = g_bytes_new_with_free_func (changeset, size, sqlite3_free, changeset);
  g_autoptr (GBytes) kept = ledger_changeset_filter (all, keep_travelling, NULL, error);
  if (kept == NULL)
    return FALSE;
  if (g_bytes_get_size (kept) == 0)
    return TRUE;
  stmt = ledger_db_prepare (db, "INSERT INTO exchange_log (at, actor, changeset) "
                                "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
  return TRUE;
}
