/* ledger-store.c: reading records (writing is in ledger-store-write.c) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-kind-tables.h"
#include "ledger-store-private.h"
#include "ledger-undo.h"
#include "ledger-values.h"

/* Where each kind's records are read from. The SELECT list is made from the
 * kinds table (ledger-kinds.c), like the writes' build_upsert_sql(): the uid,
 * then every field in the table's order as ALIAS.KEY (of the second table
 * from its first field on, ledger-kind-tables.c; @exprs overrides a few by
 * key), then is_demo. So a field added to a kind's table is read without
 * touching this file. In @joins and @where: ?1 township, ?3 year (0: every
 * year's figures); ?2, a uid, selects @uid_match. */
typedef struct
{
  const char        *uid;
  const char *const *exprs;     /* key, expression, …, NULL */
  const char        *is_demo;
  const char        *joins;     /* after the kind's tables (ledger-kind-tables.c) */
  const char        *where;
  const char        *uid_match;
  const char        *order;
} LoadSource;

#define TOWNSHIP_OF(village) "(?1 IS NULL OR substr(" village ", 1, 9) = ?1)"

static const char *const village_exprs[] = { "village_code", "r.code", NULL };
static const char *const sample_exprs[] = { "subject_code", "coalesce(f.code, w.code)", NULL };
static const char *const inspection_exprs[] = {
  "subject_code", "coalesce(f.code, a.code, w.code, x.village_code)", NULL
};

static const LoadSource load_sources[LEDGER_N_KINDS] = {
  [LEDGER_KIND_VILLAGES] = {
    "r.code", village_exprs, "r.is_demo OR coalesce(s.is_demo, 0)", "",
    "r.kind IN ('village', 'community') AND (?2 IS NOT NULL OR r.valid_to IS NULL)"
    " AND (?1 IS NULL OR r.parent = ?1)",
    "r.code = ?2", "r.code" },
  [LEDGER_KIND_FACILITIES] = {
    "x.uid", NULL, "x.is_demo", "", TOWNSHIP_OF ("x.village_code"), "x.uid = ?2", "x.code" },
  [LEDGER_KIND_FARMS] = {
    "x.uid", NULL, "x.is_demo", "", TOWNSHIP_OF ("x.village_code"), "x.uid = ?2", "x.code, y.year" },
  [LEDGER_KIND_WATER_BODIES] = {
    "x.uid", NULL, "x.is_demo", "", TOWNSHIP_OF ("x.village_code"), "x.uid = ?2", "x.code" },
  [LEDGER_KIND_SAMPLES] = {
    "x.uid", sample_exprs, "x.is_demo",
    " LEFT JOIN facilities f ON f.uid = x.facility_uid LEFT JOIN water_bodies w ON w.uid = x.water_body_uid",
    TOWNSHIP_OF ("coalesce(f.village_code, w.village_code)"),
    "(x.uid = ?2 OR x.facility_uid = ?2 OR x.water_body_uid = ?2)", "2, x.date" },
  [LEDGER_KIND_INSPECTIONS] = {
    "x.uid", inspection_exprs, "x.is_demo",
    " LEFT JOIN facilities f ON f.uid = x.facility_uid"
    " LEFT JOIN farms a ON a.uid = x.farm_uid LEFT JOIN water_bodies w ON w.uid = x.water_body_uid",
    TOWNSHIP_OF ("coalesce(f.village_code, a.village_code, w.village_code, x.village_code)"),
    "(x.uid = ?2 OR x.facility_uid = ?2 OR x.farm_uid = ?2 OR x.water_body_uid = ?2"
    " OR x.village_code = ?2)", "2, x.date" },
};

/* ---- auxiliary functions ---- */

static void
append_field_expr (GString                *sql,
                   const LoadSource       *source,
                   const LedgerKindTables *tables,
                   const LedgerField      *field,
                   gboolean                second)
{
  for (guint i = 0; source->exprs != NULL && source->exprs[i] != NULL; i += 2)
    if (g_str_equal (source->exprs[i], field->key))
      {
        g_string_append (sql, source->exprs[i + 1]);
        return;
      }
  g_string_append_printf (sql, "%s.%s", second ? tables->second_alias : tables->alias, field->key);
}

/* One item (@by_uid): "AND x.uid = ?2", so SQLite searches the uid index
 * instead of scanning the table; else "AND (?2 IS NULL OR x.uid = ?2)". */
static char *
build_load_sql (LedgerKind kind,
                gboolean   by_uid)
{
  const LoadSource *source = &load_sources[kind];
  const LedgerKindTables *tables = ledger_kind_tables (kind);
  g_autofree char *from = ledger_kind_tables_from (kind, "?3", "?3 = 0");
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);
  GString *sql = g_string_new ("SELECT ");
  gboolean second = FALSE;

  g_string_append (sql, source->uid);
  for (guint i = 0; i < n_fields; i++)
    {
      second = second || g_strcmp0 (fields[i].key, tables->second_from) == 0;
      g_string_append (sql, ", ");
      append_field_expr (sql, source, tables, &fields[i], second);
    }
  g_string_append_printf (sql, ", %s FROM %s%s WHERE %s AND %s%s%s ORDER BY %s",
                          source->is_demo, from, source->joins, source->where,
                          by_uid ? "" : "(?2 IS NULL OR ", source->uid_match,
                          by_uid ? "" : ")", source->order);
  return g_string_free (sql, FALSE);
}

/* The statement's text, built once per kind and purpose. */
static const char *
load_sql_for (LedgerKind kind,
              gboolean   by_uid)
{
  static char *built[LEDGER_N_KINDS][2];
  char **slot = &built[kind][by_uid ? 1 : 0];

  if (g_once_init_enter (slot))
    g_once_init_leave (slot, build_load_sql (kind, by_uid));
  return *slot;
}

/* The canonical text of a column, as ledger_field_parse() would write it. */
char *
ledger_store_column_text (sqlite3_stmt      *stmt,
                          int                column,
                          const LedgerField *field)
{
  char number[24];

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      if (field->type == LEDGER_FIELD_REAL || field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT)
        break;
      return g_strdup (ledger_format_int64 (number, sqlite3_column_int64 (stmt, column)));
    case SQLITE_FLOAT:
      break;
    default:
      return g_strdup ((const char *) sqlite3_column_text (stmt, column));
    }
  return ledger_number_canonical (sqlite3_column_double (stmt, column));
}

static LedgerRecord *
record_from_row (LedgerKind    kind,
                 sqlite3_stmt *stmt)
{
  LedgerRecord *record = ledger_record_new (kind);
  const LedgerField *fields = ledger_kind_fields (kind, NULL);

  record->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  for (guint i = 0; i < record->n_values; i++)
    ledger_record_take (record, i, ledger_store_column_text (stmt, i + 1, &fields[i]));
  record->is_demo = sqlite3_column_int (stmt, record->n_values + 1) != 0;
  return record;
}

/* ---- public API ---- */

/**
 * ledger_store_load:
 * @options: (nullable): filters; NULL loads everything (farms: every year)
 *
 * Returns: (transfer full) (element-type LedgerRecord): the records, sorted by code
 */
GPtrArray *
ledger_store_load (LedgerDb                *db,
                   LedgerKind               kind,
                   const LedgerLoadOptions *options,
                   GError                 **error)
{
  static const LedgerLoadOptions all = { 0 };
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (options == NULL)
    options = &all;
  stmt = ledger_db_prepare (db, load_sql_for (kind, options->uid != NULL), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, options->township, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->uid, -1, SQLITE_TRANSIENT);
  if (kind == LEDGER_KIND_FARMS)
    sqlite3_bind_int (stmt, 3, options->year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (kind, stmt));
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * ledger_store_foreach:
 * @options: (nullable): filters, as for ledger_store_load()
 * @func: called with each record in turn; the record is freed when it
 *   returns, and returning FALSE stops the walk (the result is then FALSE,
 *   with whatever error @func set)
 *
 * Walks the records one at a time, never holding more than one: what an
 * export of 100,000 farms needs.
 *
 * Returns: FALSE on a database error or when @func stopped the walk
 */
gboolean
ledger_store_foreach (LedgerDb                *db,
                      LedgerKind               kind,
                      const LedgerLoadOptions *options,
                      LedgerRecordFunc         func,
                      gpointer                 user_data,
                      GError                 **error)
{
  static const LedgerLoadOptions all = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (options == NULL)
    options = &all;
  stmt = ledger_db_prepare (db, load_sql_for (kind, options->uid != NULL), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, options->township, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->uid, -1, SQLITE_TRANSIENT);
  if (kind == LEDGER_KIND_FARMS)
    sqlite3_bind_int (stmt, 3, options->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (LedgerRecord) record = record_from_row (kind, stmt);

      if (!func (record, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

/**
 * ledger_store_get:
 * @year: farms: the figures of this year or the latest before; 0 = latest of all
 *
 * Returns: (transfer full) (nullable): the record, or NULL (with
 *   LEDGER_ERROR_NOT_FOUND) when there is no such item
 */
LedgerRecord *
ledger_store_get (LedgerDb    *db,
                  LedgerKind   kind,
                  const char  *uid,
                  int          year,
                  GError     **error)
{
  LedgerLoadOptions options = { .year = year > 0 ? year : 9999, .uid = uid };
  g_autoptr (GPtrArray) records = NULL;

  if (kind == LEDGER_KIND_SAMPLES || kind == LEDGER_KIND_INSPECTIONS)
    options.year = 0;
  records = ledger_store_load (db, kind, &options, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      LedgerRecord *record = g_ptr_array_index (records, i);
      if (g_strcmp0 (record->uid, uid) == 0)
        return ledger_record_copy (record);
    }
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("The item no longer exists."));
  return NULL;
}

guint
ledger_store_count (LedgerDb   *db,
                    LedgerKind  kind)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (kind == LEDGER_KIND_VILLAGES)
    sql = g_strdup ("SELECT count(*) FROM regions WHERE kind IN ('village', 'community') AND valid_to IS NULL");
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s", ledger_kind_table (kind));
  stmt = ledger_db_prepare (db, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/**
 * ledger_store_load_for_subject:
 * @kind: LEDGER_KIND_SAMPLES or LEDGER_KIND_INSPECTIONS
 * @subject_uid: a facility, farm or water body uid, or a village code
 *
 * Returns: (transfer full) (element-type LedgerRecord): oldest first
 */
GPtrArray *
ledger_store_load_for_subject (LedgerDb    *db,
                               LedgerKind   kind,
                               const char  *subject_uid,
                               GError     **error)
{
  LedgerLoadOptions options = { .uid = subject_uid };

  g_return_val_if_fail (kind == LEDGER_KIND_SAMPLES || kind == LEDGER_KIND_INSPECTIONS, NULL);
  return ledger_store_load (db, kind, &options, error);
}

void
ledger_audit_entry_free (LedgerAuditEntry *entry)
{
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->import_file);
  g_free (entry->label);
  g_free (entry->batch);
  g_free (entry);
}

/**
 * ledger_store_history:
 * @uid: an item's uid (farm years included) or a village code
 *
 * Returns: (transfer full) (element-type LedgerAuditEntry): newest first
 */
GPtrArray *
ledger_store_history (LedgerDb    *db,
                      const char  *uid,
                      GError     **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_audit_entry_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT a.at, a.actor, a.action, a.field, a.old_value, a.new_value, b.detail, l.action, l.detail, a.batch"
    " FROM audit a LEFT JOIN audit_batches b ON b.id = a.batch LEFT JOIN audit_labels l ON l.id = a.batch"
    " WHERE a.entity_uid = ?1 OR (a.entity_uid > ?1 || '/' AND a.entity_uid < ?1 || '0')"
    " ORDER BY a.at DESC, a.rowid DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LedgerAuditEntry *entry = g_new0 (LedgerAuditEntry, 1);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->import_file = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        entry->label = ledger_undo_describe_label ((const char *) sqlite3_column_text (stmt, 7),
                                                   (const char *) sqlite3_column_text (stmt, 8));
      entry->batch = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

gboolean
ledger_store_village_facility_down (LedgerDb   *db,
                                    const char *village_code)
{
  g_autoptr (sqlite3_stmt) stmt =
    ledger_db_prepare (db, "SELECT 1 FROM village_facility_down WHERE village_code = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, village_code, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}
