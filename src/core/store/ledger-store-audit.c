/* ledger-store-audit.c: the audit row of a new item, written by the store (issue 19)
 *
 * An item's insert trigger (ledger-schema.c) writes one audit row per new
 * row. In a big import that trigger is most of the writing: SQLite runs it
 * as a sub-program with a statement journal of its own for every row. The
 * store writes a new item's row itself instead, with the trigger silenced
 * for that one INSERT: the same row (uid, time, actor, entity, key,
 * 'insert', batch), from one reused statement. Updates and deletes keep
 * their triggers (one row per changed field).
 */
#include "config.h"

#include "ledger-store-private.h"

#define AUDIT_NEW_ROW_SQL LEDGER_STORE_AUDIT_NEW_HEAD LEDGER_STORE_AUDIT_NEW_ROW

/**
 * ledger_store_insert_audited:
 * @insert: a prepared INSERT of one new row into @entity, bound
 * @entity: the audited table (the audit row's entity)
 * @entity_uid: the new row's key as its insert trigger spells it
 *
 * Steps @insert with its audit trigger silenced and writes the trigger's
 * audit row directly. While a partner's changes are applied (no audit at
 * all) it only steps @insert.
 *
 * Returns: FALSE with @error when either row cannot be written
 */
gboolean
ledger_store_insert_audited (LedgerDb      *db,
                             sqlite3_stmt  *insert,
                             const char    *entity,
                             const char    *entity_uid,
                             GError       **error)
{
  g_autoptr (sqlite3_stmt) audit = NULL;
  gboolean ok;

  if (ledger_db_get_applying (db))
    return ledger_db_step_done (db, insert, error);
  ledger_db_set_applying (db, TRUE);
  ok = ledger_db_step_done (db, insert, error);
  ledger_db_set_applying (db, FALSE);
  if (!ok || !(audit = ledger_db_prepare (db, AUDIT_NEW_ROW_SQL, error)))
    return FALSE;
  sqlite3_bind_text (audit, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (audit, 2, entity_uid, -1, SQLITE_TRANSIENT);
  return ledger_db_step_done (db, audit, error);
}
