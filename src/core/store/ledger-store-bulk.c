/* ledger-store-bulk.c: writing many checked records in one transaction (issue 19)
 *
 * An import writes 100,000 farms in one transaction. Written one by one,
 * each farm costs four statement runs (the farm, its year, two audit rows),
 * and each run pays SQLite's per-run setup: the statement journal, and the
 * CHECK constraints' constant IN lists (`species IN (…)`, `utilisation IN
 * (…)`, the audit's `action IN (…)`), each built into an ephemeral table
 * once per run (OP_Once), that is once per row. The bulk writer queues new
 * farms and writes BULK_ROWS of them with one multi-row INSERT per table:
 * the same rows, the same checks (every CHECK, UNIQUE and FOREIGN KEY runs
 * per row), the same audit rows in the same order (the item's insert
 * trigger silenced as in ledger_store_insert_audited()), a 256th of the
 * statement runs (256 rows a statement measured faster than 64 and 1024).
 *
 * Anything else (an update, another kind, a partner's changes) is written
 * by ledger_store_save_prechecked() after the queue is flushed, so the
 * rows still reach the ledger in the file's order.
 */
#include "config.h"

#include "ledger-field-slots.h"
#include "ledger-store-bulk.h"
#include "ledger-store-private.h"

#define BULK_ROWS LEDGER_STORE_BULK_ROWS

struct _LedgerStoreBulk
{
  LedgerDb   *db;
  GPtrArray  *pending;        /* LedgerRecord *: new farms, checked, not yet written */
  GHashTable *pending_codes;  /* their codes (owned by the records) */
  GHashTable *full_sql;       /* head → the statement of a full batch */
};

/* ---- statements of many rows ---- */

/* @head followed by @n_rows copies of @tuple, comma separated */
static char *
multi_row_sql (const char *head,
               const char *tuple,
               guint       n_rows)
{
  GString *sql = g_string_new (head);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", tuple);
  return g_string_free (sql, FALSE);
}

/* "(?, ?, …)" with @n placeholders */
static char *
placeholders (guint n)
{
  GString *tuple = g_string_new ("(");

  for (guint i = 0; i < n; i++)
    g_string_append (tuple, i ? ", ?" : "?");
  g_string_append_c (tuple, ')');
  return g_string_free (tuple, FALSE);
}

/* A full batch's statement is the connection's cached one (its text made
 * once); a shorter last batch gets one of its own, finalized by step_rows(). */
static sqlite3_stmt *
prepare_rows (LedgerStoreBulk  *self,
              const char       *head,
              const char       *tuple,
              guint             n_rows,
              guint             full_rows,
              GError          **error)
{
  g_autofree char *sql = NULL;
  const char *full = g_hash_table_lookup (self->full_sql, head);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (n_rows == full_rows && full == NULL)
    {
      full = multi_row_sql (head, tuple, n_rows);
      g_hash_table_insert (self->full_sql, g_strdup (head), (char *) full);
    }
  if (n_rows == full_rows)
    return ledger_db_prepare (self->db, full, error);
  sql = multi_row_sql (head, tuple, n_rows);
  rc = sqlite3_prepare_v2 (ledger_db_get_handle (self->db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      ledger_db_set_sqlite_error (self->db, rc, error);
      return NULL;
    }
  return stmt;
}

/* done with a statement of prepare_rows() */
static void
abandon_rows (sqlite3_stmt *stmt,
              guint         n_rows,
              guint         full_rows)
{
  if (n_rows == full_rows)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
}

static gboolean
step_rows (LedgerStoreBulk  *self,
           sqlite3_stmt     *stmt,
           guint             n_rows,
           guint             full_rows,
           GError          **error)
{
  gboolean ok = ledger_db_step_done (self->db, stmt, error);

  abandon_rows (stmt, n_rows, full_rows);
  return ok;
}

/* ---- the farms, their years, their audit rows ---- */

static LedgerRecord *
pending_record (LedgerStoreBulk *self,
                guint            i)
{
  return g_ptr_array_index (self->pending, i);
}

static gboolean
insert_items (LedgerStoreBulk  *self,
              GError          **error)
{
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_FARMS, NULL);
  guint n_fields = ledger_field_slots (LEDGER_KIND_FARMS)->year;
  guint n = self->pending->len;
  g_autofree char *head = ledger_store_insert_head ("farms", LEDGER_KIND_FARMS, 0, n_fields, "uid");
  g_autofree char *tuple = placeholders (n_fields + 2);
  sqlite3_stmt *stmt = prepare_rows (self, head, tuple, n, BULK_ROWS, error);
  int param = 1;

  if (stmt == NULL)
    return FALSE;
  for (guint r = 0; r < n; r++)
    {
      LedgerRecord *record = pending_record (self, r);
      for (guint i = 0; i < n_fields; i++)
        ledger_store_bind_value (stmt, param++, &fields[i], record->values[i]);
      sqlite3_bind_int (stmt, param++, record->is_demo);
      sqlite3_bind_text (stmt, param++, record->uid, -1, SQLITE_STATIC);
    }
  return step_rows (self, stmt, n, BULK_ROWS, error);
}

static guint
count_years (LedgerStoreBulk *self,
             guint            first)
{
  guint n = 0;

  for (guint r = 0; r < self->pending->len; r++)
    n += pending_record (self, r)->values[first] != NULL;
  return n;
}

static gboolean
insert_years (LedgerStoreBulk  *self,
              GError          **error)
{
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_FARMS, NULL);
  guint first = ledger_field_slots (LEDGER_KIND_FARMS)->year;
  guint n_values = pending_record (self, 0)->n_values;
  guint n = count_years (self, first);
  g_autofree char *head = ledger_store_insert_head ("farm_years", LEDGER_KIND_FARMS, first, n_values, "farm_uid");
  g_autofree char *tuple = placeholders (n_values - first + 2);
  sqlite3_stmt *stmt;
  int param = 1;

  if (n == 0)
    return TRUE;
  if (!(stmt = prepare_rows (self, head, tuple, n, BULK_ROWS, error)))
    return FALSE;
  for (guint r = 0; r < self->pending->len; r++)
    {
      LedgerRecord *record = pending_record (self, r);
      if (record->values[first] == NULL)
        continue;
      for (guint i = first; i < n_values; i++)
        ledger_store_bind_value (stmt, param++, &fields[i], record->values[i]);
      sqlite3_bind_int (stmt, param++, record->is_demo);
      sqlite3_bind_text (stmt, param++, record->uid, -1, SQLITE_STATIC);
    }
  return step_rows (self, stmt, n, BULK_ROWS, error);
}

/* The audit rows' time: strftime('now') of SQLite, as the triggers write it. */
static gboolean
bind_now (LedgerStoreBulk  *self,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  g_autoptr (sqlite3_stmt) now = ledger_db_prepare (self->db, LEDGER_STORE_AUDIT_NOW_SQL, error);

  if (now == NULL)
    return FALSE;
  if (sqlite3_step (now) != SQLITE_ROW)
    return ledger_db_set_sqlite_error (self->db, sqlite3_errcode (ledger_db_get_handle (self->db)), error);
  sqlite3_bind_text (stmt, 1, (const char *) sqlite3_column_text (now, 0), -1, SQLITE_TRANSIENT);
  return TRUE;
}

/* One audit row per new farm and per new year, in the order the one-by-one
 * writes give them: a farm, then its year. */
static gboolean
insert_audit (LedgerStoreBulk  *self,
              GError          **error)
{
  guint first = ledger_field_slots (LEDGER_KIND_FARMS)->year;
  guint n = self->pending->len + count_years (self, first);
  sqlite3_stmt *stmt = prepare_rows (self, LEDGER_STORE_AUDIT_NEW_HEAD, LEDGER_STORE_AUDIT_NEW_ROW_AT,
                                     n, 2 * BULK_ROWS, error);
  int param = 2;   /* ?1 is the time */

  if (stmt == NULL)
    return FALSE;
  if (!bind_now (self, stmt, error))
    {
      abandon_rows (stmt, n, 2 * BULK_ROWS);
      return FALSE;
    }
  for (guint r = 0; r < self->pending->len; r++)
    {
      LedgerRecord *record = pending_record (self, r);
      sqlite3_bind_text (stmt, param++, "farms", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, param++, record->uid, -1, SQLITE_STATIC);
      if (record->values[first] == NULL)
        continue;
      sqlite3_bind_text (stmt, param++, "farm_years", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, param++, g_strdup_printf ("%s/%s", record->uid, record->values[first]), -1,
                         g_free);
    }
  return step_rows (self, stmt, n, 2 * BULK_ROWS, error);
}

/* The items' own rows with their insert triggers silenced: their audit
 * rows are insert_audit()'s. */
static gboolean
insert_silenced (LedgerStoreBulk  *self,
                 GError          **error)
{
  gboolean ok;

  ledger_db_set_applying (self->db, TRUE);
  ok = insert_items (self, error) && insert_years (self, error);
  ledger_db_set_applying (self->db, FALSE);
  return ok;
}

/* ---- queueing ---- */

/* The next free code that no queued farm holds either. */
static gboolean
assign_code (LedgerStoreBulk  *self,
             LedgerRecord     *record,
             int               slot,
             GError          **error)
{
  char *code = ledger_store_assign_code (self->db, record);

  while (g_hash_table_contains (self->pending_codes, code))
    {
      g_free (code);
      if (!ledger_store_bulk_flush (self, error))
        return FALSE;
      code = ledger_store_assign_code (self->db, record);   /* now sees the written ones */
    }
  ledger_record_take (record, slot, code);
  return TRUE;
}

static gboolean
queue_new_farm (LedgerStoreBulk  *self,
                LedgerRecord     *record,
                GError          **error)
{
  int code = ledger_field_slots (LEDGER_KIND_FARMS)->code;

  if (record->uid == NULL)
    record->uid = ledger_uid_new ();
  if (record->values[code] == NULL)
    {
      if (!assign_code (self, record, code, error))
        {
          ledger_record_free (record);
          return FALSE;
        }
    }
  else
    ledger_store_note_code (self->db, record);
  g_hash_table_add (self->pending_codes, record->values[code]);
  g_ptr_array_add (self->pending, record);
  return self->pending->len < BULK_ROWS || ledger_store_bulk_flush (self, error);
}

/* ---- API ---- */

/**
 * ledger_store_bulk_new:
 * @db: a ledger in a write transaction, which the bulk writer's life stays in
 *
 * Returns: (transfer full): a bulk writer; flush it before the commit
 */
LedgerStoreBulk *
ledger_store_bulk_new (LedgerDb *db)
{
  LedgerStoreBulk *self = g_new0 (LedgerStoreBulk, 1);

  self->db = db;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  self->pending_codes = g_hash_table_new (g_str_hash, g_str_equal);
  self->full_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

/**
 * ledger_store_bulk_save:
 * @record: (transfer full): a record ledger_store_check() accepted in the
 *   transaction still open
 *
 * Like ledger_store_save_prechecked(), but a new farm is queued and written
 * with the next BULK_ROWS (or by ledger_store_bulk_flush()). On failure the
 * caller rolls its transaction back.
 *
 * Returns: FALSE with @error when the ledger cannot be written
 */
gboolean
ledger_store_bulk_save (LedgerStoreBulk  *self,
                        LedgerRecord     *record,
                        GError          **error)
{
  g_autoptr (LedgerRecord) owned = record;
  g_autofree char *existing = NULL;
  const char *code;

  g_return_val_if_fail (ledger_db_in_transaction (self->db), FALSE);

  if (record->kind != LEDGER_KIND_FARMS || ledger_db_get_applying (self->db))
    return ledger_store_bulk_flush (self, error) && ledger_store_save_prechecked (self->db, record, error);
  /* a second year of a farm queued a moment ago updates it: written first */
  code = ledger_record_slot (record, ledger_field_slots (LEDGER_KIND_FARMS)->code);
  if (code != NULL && g_hash_table_contains (self->pending_codes, code) && !ledger_store_bulk_flush (self, error))
    return FALSE;
  existing = ledger_store_existing_uid (self->db, record);
  if (existing != NULL)
    return ledger_store_bulk_flush (self, error) && ledger_store_save_prechecked (self->db, record, error);
  return queue_new_farm (self, g_steal_pointer (&owned), error);
}

/**
 * ledger_store_bulk_flush:
 *
 * Writes the queued farms, their years and their audit rows.
 *
 * Returns: FALSE with @error when the ledger cannot be written
 */
gboolean
ledger_store_bulk_flush (LedgerStoreBulk  *self,
                         GError          **error)
{
  gboolean ok;

  if (self->pending->len == 0)
    return TRUE;
  ok = insert_silenced (self, error) && insert_audit (self, error);
  for (guint r = 0; ok && r < self->pending->len; r++)
    ledger_db_note_change (self->db, LEDGER_KIND_FARMS, pending_record (self, r)->uid);
  g_hash_table_remove_all (self->pending_codes);
  g_ptr_array_set_size (self->pending, 0);
  return ok;
}

/**
 * ledger_store_bulk_free:
 *
 * Frees @self; what is still queued is dropped, not written.
 */
void
ledger_store_bulk_free (LedgerStoreBulk *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pending);
  g_hash_table_unref (self->pending_codes);
  g_hash_table_unref (self->full_sql);
  g_free (self);
}
