/* ledger-exchange-conflicts.c: the values that lost to the owner's, for review */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ledger-error.h"
#include "ledger-json.h"
#include "ledger-exchange.h"
#include "ledger-exchange-private.h"

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static LedgerConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  LedgerConflict *c = g_new0 (LedgerConflict, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->partner = column_text (stmt, 1);
  c->entity = column_text (stmt, 2);
  c->entity_uid = column_text (stmt, 3);
  c->field = column_text (stmt, 4);
  c->kept_value = column_text (stmt, 5);
  c->kept_author = column_text (stmt, 6);
  c->kept_at = column_text (stmt, 7);
  c->other_value = column_text (stmt, 8);
  c->other_author = column_text (stmt, 9);
  c->other_at = column_text (stmt, 10);
  c->kept_side = column_text (stmt, 11);
  c->resolved_at = column_text (stmt, 12);
  c->item = column_text (stmt, 13);
  return c;
}

/**
 * ledger_exchange_list_conflicts:
 * @open_only: leave out the ones an officer has settled
 *
 * Returns: (transfer full) (element-type LedgerConflict): newest first
 */
GPtrArray *
ledger_exchange_list_conflicts (LedgerDb  *db,
                                gboolean   open_only,
                                GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT c.id, coalesce (p.name, c.partner), entity, entity_uid, field, kept_value, kept_author, kept_at, "
    "other_value, other_author, other_at, kept_side, resolved_at, CASE entity "
    "WHEN 'farms' THEN (SELECT code || ' ' || name FROM farms WHERE uid = entity_uid) "
    "WHEN 'facilities' THEN (SELECT code || ' ' || name FROM facilities WHERE uid = entity_uid) "
    "WHEN 'water_bodies' THEN (SELECT code || ' ' || name FROM water_bodies WHERE uid = entity_uid) "
    "WHEN 'farm_years' THEN (SELECT code || ' ' || name || ' ' || substr(entity_uid, 38) FROM farms "
    "                        WHERE uid = substr(entity_uid, 1, 36)) "
    "WHEN 'regions' THEN (SELECT name FROM regions WHERE code = entity_uid) "
    "WHEN 'village_sewage' THEN (SELECT name FROM regions WHERE code = entity_uid) END FROM conflicts c "
    "LEFT JOIN exchange_partners p ON p.ledger_id = c.partner "
    "WHERE NOT ?1 OR resolved_at IS NULL ORDER BY c.id DESC", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_conflict_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, conflict_from_row (stmt));
  return list;
}

void
ledger_conflict_free (LedgerConflict *c)
{
  g_free (c->partner);
  g_free (c->entity);
  g_free (c->entity_uid);
  g_free (c->item);
  g_free (c->field);
  g_free (c->kept_value);
  g_free (c->kept_author);
  g_free (c->kept_at);
  g_free (c->other_value);
  g_free (c->other_author);
  g_free (c->other_at);
  g_free (c->kept_side);
  g_free (c->resolved_at);
  g_free (c);
}

/* the primary-key columns of @table, in key order, when @field is a column of it */
static GPtrArray *
key_columns (LedgerDb   *db,
             const char *table,
             const char *field,
             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT name, pk FROM pragma_table_info (?) ORDER BY pk", error);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gboolean has_field = FALSE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      has_field |= g_strcmp0 (name, field) == 0;
      if (sqlite3_column_int (stmt, 1) > 0)
        g_ptr_array_add (keys, g_strdup (name));
    }
  if (!has_field || keys->len == 0 || !g_strv_contains ((const char *const *) ledger_exchange_tables, table))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("This conflict cannot be settled by taking the other value; keep the value in the ledger."));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* @table and the column names come from the ledger's own schema (key_columns
 * checks them against it), never from the user: only values are bound */
static gboolean
take_value (LedgerDb    *db,
            const char  *table,
            const char  *field,
            const char  *pk_json,
            const char  *value,
            GError     **error)
{
  g_autoptr (GPtrArray) keys = key_columns (db, table, field, error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GString) sql = NULL;
  JsonArray *pk;
  sqlite3_stmt *stmt;
  int rc;

  if (keys == NULL)
    return FALSE;
  if (!ledger_json_parse (parser, pk_json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ||
      json_array_get_length (pk = json_node_get_array (json_parser_get_root (parser))) != keys->len)
    return g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The conflict's row cannot be found.")), FALSE;
  sql = g_string_new (NULL);
  g_string_printf (sql, "UPDATE \"%s\" SET \"%s\" = ? WHERE ", table, field);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?", i ? " AND " : "", (char *) g_ptr_array_index (keys, i));
  stmt = ledger_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  for (guint i = 0; i < keys->len; i++)
    {
      JsonNode *node = json_array_get_element (pk, i);
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, i + 2, json_node_get_int (node));
      else
        sqlite3_bind_text (stmt, i + 2, json_node_get_string (node), -1, SQLITE_TRANSIENT);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

static gboolean
mark_resolved (LedgerDb    *db,
               gint64       id,
               gboolean     take_other,
               GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "UPDATE conflicts SET resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), resolved_by = ledger_actor(), "
    "resolution = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, take_other ? "took_other" : "kept", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  return sqlite3_step (stmt) == SQLITE_DONE ||
         ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
}

/**
 * ledger_exchange_resolve_conflict:
 * @take_other: write the other value into the ledger (an audited edit, sent
 *   to the partner with the next package); FALSE keeps the ledger's value
 *
 * Settles one conflict, in one transaction.
 */
gboolean
ledger_exchange_resolve_conflict (LedgerDb  *db,
                                  gint64     id,
                                  gboolean   take_other,
                                  GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT entity, field, pk, other_value FROM conflicts WHERE id = ? AND resolved_at IS NULL", error);
  g_autofree char *entity = NULL, *field = NULL, *pk = NULL, *other = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("There is no open conflict no. %u."), (guint) id);
      return FALSE;
    }
  entity = column_text (stmt, 0);
  field = column_text (stmt, 1);
  pk = column_text (stmt, 2);
  other = column_text (stmt, 3);
  sqlite3_reset (stmt);
  if (!ledger_db_begin (db, error))
    return FALSE;
  if ((take_other && !take_value (db, entity, field, pk, other, error)) ||
      !mark_resolved (db, id, take_other, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}
