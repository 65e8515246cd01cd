/* ledger-db-queries.c: small queries every part of core runs
 *
 * A write stepped to its end, the text of a one-value lookup, and the audit
 * row of a meta value; in db so that the parts above share them without one
 * reaching into another.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-db.h"
#include "ledger-error.h"

/* steps a write; a constraint failure becomes LEDGER_ERROR_INVALID */
gboolean
ledger_db_step_done (LedgerDb      *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The value was refused by the ledger: %s."),
                   sqlite3_errmsg (ledger_db_get_handle (db)));
      return FALSE;
    }
  return ledger_db_set_sqlite_error (db, rc, error);
}

/* the first column of the first row, or NULL */
char *
ledger_db_lookup_text (LedgerDb   *db,
                       const char *sql,
                       const char *arg1,
                       const char *arg2)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/* The audit row of a meta value set by the program on an officer's behalf
 * (a remembered column mapping, a county outline): meta has no trigger of its own. */
gboolean
ledger_db_audit_meta (LedgerDb    *db,
                      const char  *key,
                      const char  *old_value,
                      const char  *new_value,
                      GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "INSERT INTO audit (uid, at, actor, entity, entity_uid, action, field, old_value, new_value)"
    " VALUES (ledger_uid(), strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'meta', ?1,"
    " ?2, 'value', ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, old_value ? "update" : "insert", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, new_value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
  return TRUE;
}
