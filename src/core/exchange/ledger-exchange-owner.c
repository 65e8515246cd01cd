/* ledger-exchange-owner.c: whose a changed row is
 *
 * A township owns the rows of its villages: by the first 9 digits of the
 * village code of the row, or of the facility, farm, water body or
 * inspection it hangs from. The county owns the rules, standards, targets,
 * the outline and the regions (a township still receives its own regions).
 */
#include "config.h"

#include "ledger-exchange-private.h"

struct _LedgerOwner
{
  LedgerDb   *db;
  GHashTable *columns;   /* table -> GPtrArray of column names, in order */
  GHashTable *parents;   /* uid of a facility, farm, water body or inspection -> township */
};

static const char *const county_tables[] = {
  "targets", "rules", "scale_standards", "scale_thresholds", "effluent_standards", "meta", NULL
};

LedgerOwner *
ledger_owner_new (LedgerDb *db)
{
  LedgerOwner *owner = g_new0 (LedgerOwner, 1);

  owner->db = g_object_ref (db);
  owner->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  owner->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return owner;
}

void
ledger_owner_free (LedgerOwner *owner)
{
  g_object_unref (owner->db);
  g_hash_table_unref (owner->columns);
  g_hash_table_unref (owner->parents);
  g_free (owner);
}

gboolean
ledger_owner_is_county_table (const char *table)
{
  return g_strv_contains ((const char *const *) county_tables, table);
}

static GPtrArray *
table_columns (LedgerOwner *owner,
               const char  *table)
{
  GPtrArray *names = g_hash_table_lookup (owner->columns, table);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (names != NULL)
    return names;
  names = g_ptr_array_new_with_free_func (g_free);
  /* @table comes from a changeset SQLite could open, and is checked against
   * the ledger's own tables by table_info itself (no row: no columns) */
  sql = g_strdup_printf ("SELECT name FROM pragma_table_info (%s)", "?");
  if (sqlite3_prepare_v2 (ledger_db_get_handle (owner->db), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }
  g_hash_table_insert (owner->columns, g_strdup (table), names);
  return names;
}

const char *
ledger_owner_column_name (LedgerOwner *owner,
                          const char  *table,
                          int          column)
{
  GPtrArray *names = table_columns (owner, table);

  return column >= 0 && (guint) column < names->len ? g_ptr_array_index (names, column) : "?";
}

char *
ledger_value_dup_text (sqlite3_value *value)
{
  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_value_text (value));
}

sqlite3_value *
ledger_change_value (LedgerOwner            *owner,
                     sqlite3_changeset_iter *iter,
                     const char             *table,
                     const char             *column)
{
  GPtrArray *names = table_columns (owner, table);
  sqlite3_value *value = NULL;
  const char *t;
  int n, op, indirect;

  sqlite3changeset_op (iter, &t, &n, &op, &indirect);
  for (guint i = 0; i < names->len && (int) i < n; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (names, i), column) != 0)
        continue;
      if (op != SQLITE_DELETE && sqlite3changeset_new (iter, i, &value) == SQLITE_OK && value != NULL)
        return value;
      if (op != SQLITE_INSERT && sqlite3changeset_old (iter, i, &value) == SQLITE_OK)
        return value;
      return NULL;
    }
  return NULL;
}

static sqlite3_value *
pk_value (sqlite3_changeset_iter *iter,
          int                     column)
{
  sqlite3_value *value = NULL;
  const char *t;
  int n, op, indirect;

  sqlite3changeset_op (iter, &t, &n, &op, &indirect);
  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, column, &value);
  else
    sqlite3changeset_old (iter, column, &value);
  return value;
}

char *
ledger_owner_row_key (sqlite3_changeset_iter *iter)
{
  GString *key = g_string_new (NULL);
  unsigned char *pk = NULL;
  int n = 0;

  sqlite3changeset_pk (iter, &pk, &n);
  for (int i = 0; i < n; i++)
    if (pk[i])
      {
        g_autofree char *text = ledger_value_dup_text (pk_value (iter, i));
        if (key->len > 0)
          g_string_append_c (key, '/');
        g_string_append (key, text ? text : "");
      }
  return g_string_free (key, FALSE);
}

char *
ledger_owner_pk_json (sqlite3_changeset_iter *iter)
{
  GString *json = g_string_new ("[");
  unsigned char *pk = NULL;
  int n = 0;

  sqlite3changeset_pk (iter, &pk, &n);
  for (int i = 0; i < n; i++)
    if (pk[i])
      {
        sqlite3_value *value = pk_value (iter, i);
        g_autofree char *text = ledger_value_dup_text (value);
        g_autofree char *escaped = g_strescape (text ? text : "", NULL);

        if (json->len > 1)
          g_string_append_c (json, ',');
        if (value != NULL && sqlite3_value_type (value) == SQLITE_INTEGER)
          g_string_append (json, text);
        else
          g_string_append_printf (json, "\"%s\"", escaped);
      }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

gboolean
ledger_owner_meta_travels (sqlite3_changeset_iter *iter)
{
  g_autofree char *key = ledger_owner_row_key (iter);

  return g_strcmp0 (key, "boundary_geojson") == 0;
}

static char *
township_of_village (sqlite3_value *code)
{
  g_autofree char *text = ledger_value_dup_text (code);

  if (text == NULL || strlen (text) < 9)
    return text != NULL && strlen (text) == 6 ? g_strdup ("") : NULL;
  return g_strndup (text, 9);
}

/* the township of a parent row: from this package's changes, else the ledger */
static char *
township_of_parent (LedgerOwner *owner,
                    const char  *table,
                    const char  *uid)
{
  static const char *const sql[][2] = {
    { "facilities", "SELECT substr(village_code, 1, 9) FROM facilities WHERE uid = ?" },
    { "farms", "SELECT substr(village_code, 1, 9) FROM farms WHERE uid = ?" },
    { "water_bodies", "SELECT substr(village_code, 1, 9) FROM water_bodies WHERE uid = ?" },
    { "inspections", "SELECT substr(coalesce (i.village_code, f.village_code, m.village_code, w.village_code), 1, 9) "
                     "FROM inspections i LEFT JOIN facilities f ON f.uid = i.facility_uid "
                     "LEFT JOIN farms m ON m.uid = i.farm_uid LEFT JOIN water_bodies w ON w.uid = i.water_body_uid "
                     "WHERE i.uid = ?" },
  };
  const char *known = uid ? g_hash_table_lookup (owner->parents, uid) : NULL;

  if (uid == NULL)
    return NULL;
  if (known != NULL)
    return g_strdup (known);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (g_str_equal (sql[i][0], table))
      {
        g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (owner->db, sql[i][1], NULL);
        if (stmt == NULL)
          return NULL;
        sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
          return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      }
  return NULL;
}

static char *
township_via (LedgerOwner            *owner,
              sqlite3_changeset_iter *iter,
              const char             *table,
              const char             *column,
              const char             *parent_table)
{
  g_autofree char *uid = ledger_value_dup_text (ledger_change_value (owner, iter, table, column));

  return township_of_parent (owner, parent_table, uid);
}

static char *
township_of_own_uid (LedgerOwner            *owner,
                     sqlite3_changeset_iter *iter,
                     const char             *table)
{
  g_autofree char *uid = ledger_value_dup_text (ledger_change_value (owner, iter, table, "uid"));

  return township_of_parent (owner, table, uid);
}

static char *
township_of_item (LedgerOwner            *owner,
                  sqlite3_changeset_iter *iter,
                  const char             *table)
{
  sqlite3_value *village = ledger_change_value (owner, iter, table, "village_code");
  g_autofree char *uid = ledger_value_dup_text (ledger_change_value (owner, iter, table, "uid"));
  char *township = village ? township_of_village (village) : township_of_own_uid (owner, iter, table);

  if (township != NULL && uid != NULL)
    g_hash_table_replace (owner->parents, g_strdup (uid), g_strdup (township));
  return township;
}

static char *
township_of_inspection (LedgerOwner            *owner,
                        sqlite3_changeset_iter *iter)
{
  static const char *const parents[][2] = {
    { "facility_uid", "facilities" }, { "farm_uid", "farms" }, { "water_body_uid", "water_bodies" },
  };
  sqlite3_value *village = ledger_change_value (owner, iter, "inspections", "village_code");
  g_autofree char *uid = ledger_value_dup_text (ledger_change_value (owner, iter, "inspections", "uid"));
  char *township = village && sqlite3_value_type (village) != SQLITE_NULL ? township_of_village (village) : NULL;

  for (guint i = 0; township == NULL && i < G_N_ELEMENTS (parents); i++)
    township = township_via (owner, iter, "inspections", parents[i][0], parents[i][1]);
  if (township == NULL)
    township = township_of_parent (owner, "inspections", uid);
  if (township != NULL && uid != NULL)
    g_hash_table_replace (owner->parents, g_strdup (uid), g_strdup (township));
  return township;
}

static char *
township_of_sample (LedgerOwner            *owner,
                    sqlite3_changeset_iter *iter)
{
  char *township = township_via (owner, iter, "samples", "facility_uid", "facilities");

  if (township == NULL)
    township = township_via (owner, iter, "samples", "water_body_uid", "water_bodies");
  if (township == NULL)
    {
      /* an update of a sample names only its changed fields */
      g_autofree char *uid = ledger_value_dup_text (ledger_change_value (owner, iter, "samples", "uid"));
      g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (owner->db,
        "SELECT substr(coalesce (f.village_code, w.village_code), 1, 9) FROM samples s "
        "LEFT JOIN facilities f ON f.uid = s.facility_uid LEFT JOIN water_bodies w ON w.uid = s.water_body_uid "
        "WHERE s.uid = ?", NULL);
      if (stmt != NULL && uid != NULL)
        {
          sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            township = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  return township;
}

char *
ledger_owner_township (LedgerOwner            *owner,
                       sqlite3_changeset_iter *iter,
                       const char             *table)
{
  if (ledger_owner_is_county_table (table))
    return g_strdup ("");
  if (g_str_equal (table, "regions"))
    return township_of_village (ledger_change_value (owner, iter, table, "code"));
  if (g_str_equal (table, "village_sewage"))
    return township_of_village (ledger_change_value (owner, iter, table, "village_code"));
  if (g_str_equal (table, "facilities") || g_str_equal (table, "farms") || g_str_equal (table, "water_bodies"))
    return township_of_item (owner, iter, table);
  if (g_str_equal (table, "farm_years"))
    return township_via (owner, iter, table, "farm_uid", "farms");
  if (g_str_equal (table, "samples"))
    return township_of_sample (owner, iter);
  if (g_str_equal (table, "inspections"))
    return township_of_inspection (owner, iter);
  if (g_str_equal (table, "inspection_photos"))
    return township_via (owner, iter, table, "inspection_uid", "inspections");
  return NULL;
}
