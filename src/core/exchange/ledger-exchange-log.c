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
