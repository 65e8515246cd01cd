/* ledger-schema-checks.c: CHECK constraints without constant IN lists (issue 19)
 *
 * SQLite codes `species IN ('pig', 'dairy', …)` — a list of more than two
 * constants — as an ephemeral index filled once per run of the statement
 * (OP_Once, OP_OpenEphemeral, one OP_IdxInsert per value), and probes it for
 * every row. An INSERT of one row runs once per row, so a big import built
 * and dropped three such tables per farm (its species, its year's
 * utilisation, the audit rows' action), and still probes them per row when
 * many rows share one statement. `species = 'pig' OR species = 'dairy' OR …`
 * is the same test (a NULL passes both, every other value is compared with
 * the column's affinity in both) and is coded as plain comparisons.
 *
 * Like ledger_schema_widen_species(), the constraint is edited in place by
 * ledger_schema_edit_in_place() (the stored rows satisfy the new constraint,
 * which accepts and refuses exactly what the old one did). A table whose
 * constraint is not written as this file expects is left as it is.
 */
#include "config.h"

#include <string.h>

#include "ledger-db-private.h"
#include "ledger-schema.h"

/* the constraints the import of farms checks per row */
static const struct
{
  const char *table;
  const char *column;
} in_lists[] = {
  { "farms", "species" },
  { "farm_years", "utilisation" },
  { "audit", "action" },
};

/* "'a', 'b'" → "col = 'a' OR col = 'b'", or NULL unless every item is one
 * quoted constant */
static char *
comparisons (const char *column,
             const char *list,
             gsize       length)
{
  g_autofree char *items_text = g_strndup (list, length);
  g_auto (GStrv) items = g_strsplit (items_text, ",", -1);
  g_autoptr (GString) chain = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      gsize n = strlen (item);
      if (n < 2 || item[0] != '\'' || item[n - 1] != '\'' || memchr (item + 1, '\'', n - 2) != NULL)
        return NULL;
      g_string_append_printf (chain, "%s%s = %s", i ? " OR " : "", column, item);
    }
  return g_string_free (g_steal_pointer (&chain), FALSE);
}

/* @sql with "CHECK (column IN (…))" written as comparisons, or NULL */
static char *
rewrite_check (const char *sql,
               const char *column)
{
  g_autofree char *needle = g_strdup_printf ("CHECK (%s IN (", column);
  const char *start = strstr (sql, needle);
  const char *list, *end;
  g_autofree char *chain = NULL;

  if (start == NULL)
    return NULL;
  list = start + strlen (needle);
  end = strchr (list, ')');
  if (end == NULL || end[1] != ')' || !(chain = comparisons (column, list, end - list)))
    return NULL;
  return g_strdup_printf ("%.*sCHECK (%s)%s", (int) (start - sql), sql, chain, end + 2);
}

static char *
table_sql (sqlite3    *handle,
           const char *table)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1,
                          &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return sql;
}

/* Prepared by hand while writable_schema is on, and finalized: never cached. */
static int
set_table_sql (sqlite3    *handle,
               const char *table,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, sql, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (handle);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* rewrites each constraint of in_lists[] written as this file expects */
static gboolean
rewrite_all (struct _LedgerDb  *db,
             GError           **error)
{
  sqlite3 *handle = ledger_db_get_handle (db);
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (in_lists); i++)
    {
      g_autofree char *sql = table_sql (handle, in_lists[i].table);
      g_autofree char *rewritten = sql ? rewrite_check (sql, in_lists[i].column) : NULL;
      if (rewritten != NULL)
        rc = set_table_sql (handle, in_lists[i].table, rewritten);
    }
  return rc == SQLITE_OK || ledger_db_set_sqlite_error (db, rc, error);
}

static gint64
schema_version (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (handle, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/**
 * ledger_schema_edit_in_place:
 * @db: a ledger being migrated, inside the migration's transaction
 * @edit: changes rows of sqlite_schema (a table's definition)
 *
 * Runs @edit with writable_schema on, then bumps the schema version so that
 * every connection reads the tables anew: SQLite's documented way to change
 * a CHECK constraint the stored rows satisfy (lang_altertable.html, "making
 * other kinds of table schema changes"). The file format does not change.
 *
 * Returns: %FALSE with @error set when the schema could not be changed
 */
gboolean
ledger_schema_edit_in_place (struct _LedgerDb  *db,
                             LedgerSchemaEdit   edit,
                             GError           **error)
{
  sqlite3 *handle = ledger_db_get_handle (db);
  gint64 version = schema_version (handle);
  g_autofree char *bump = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, version + 1);

  if (version < 0)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (handle), error);
  if (!ledger_db_exec (db, "PRAGMA writable_schema = ON", error))
    return FALSE;
  if (!edit (db, error) || !ledger_db_exec (db, bump, error))
    {
      ledger_db_exec (db, "PRAGMA writable_schema = OFF", NULL);
      return FALSE;
    }
  return ledger_db_exec (db, "PRAGMA writable_schema = OFF", error);
}

/**
 * ledger_schema_checks_without_lists:
 * @db: a ledger being migrated, inside the migration's transaction
 *
 * Writes the CHECK constraints of farms.species, farm_years.utilisation and
 * audit.action as comparisons instead of constant IN lists.
 *
 * Returns: %FALSE with @error set when the schema could not be changed
 */
gboolean
ledger_schema_checks_without_lists (struct _LedgerDb  *db,
                                    GError           **error)
{
  return ledger_schema_edit_in_place (db, rewrite_all, error);
}
