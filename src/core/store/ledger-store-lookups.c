/* ledger-store-lookups.c: what import and export ask the ledger by name
 *
 * The readers and writers of io reach the ledger only through the store
 * (docs/ARCHITECTURE.md, "Inside core, by concern"): an officer's codeless
 * row finds its item by village and name, the workbook names every row's
 * township and village.
 */
#include "config.h"

#include "ledger-store-private.h"

/**
 * ledger_store_code_by_name:
 * @kind: facilities, farms or water bodies
 * @species: (nullable): a farm's species: only a farm of it is the one
 *
 * Returns: (transfer full) (nullable): the code of the one item of @kind
 *   named @name in @village_code, or NULL when there is none or more than
 *   one (a code must then say which)
 */
char *
ledger_store_code_by_name (LedgerDb   *db,
                           LedgerKind  kind,
                           const char *name,
                           const char *village_code,
                           const char *species)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT code FROM ", ledger_kind_table (kind),
                                      " WHERE name = ?1 AND village_code = ?2",
                                      species != NULL ? " AND species = ?3" : "", " LIMIT 2", NULL);
  char *found = NULL;

  if ((stmt = ledger_db_prepare (db, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, village_code, -1, SQLITE_STATIC);
  if (species != NULL)
    sqlite3_bind_text (stmt, 3, species, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (found != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_clear_pointer (&found, g_free);
  return found;
}

static gboolean
fill_pairs (LedgerDb    *db,
            const char  *sql,
            GHashTable  *into,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL && value != NULL)
        g_hash_table_insert (into, g_strdup (key), g_strdup (value));
    }
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

/* @into (string → string, owning both): every township's, village's and
 * community's code → its name */
gboolean
ledger_store_region_names (LedgerDb    *db,
                           GHashTable  *into,
                           GError     **error)
{
  return fill_pairs (db, "SELECT code, name FROM regions WHERE kind IN ('township', 'village', 'community')",
                     into, error);
}

/* @into (string → string, owning both): every facility's, farm's and water
 * body's code → its village code */
gboolean
ledger_store_item_villages (LedgerDb    *db,
                            GHashTable  *into,
                            GError     **error)
{
  return fill_pairs (db, "SELECT code, village_code FROM facilities UNION ALL SELECT code, village_code FROM farms"
                         " UNION ALL SELECT code, village_code FROM water_bodies", into, error);
}
