/* ledger-db-queries.c: two small queries every part of core runs
 *
 * A write stepped to its end, and the text of a one-value lookup; in db so
 * that regions and store share them without one reaching into the other.
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
