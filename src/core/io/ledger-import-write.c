/* ledger-import-write.c: writing an import (docs/ARCHITECTURE.md, schema)
 *
 * The rows that add or change something are written in one transaction,
 * under one audit batch: an audit_batches row names the file, the kind and
 * the counts, and the audit triggers stamp every row they log meanwhile with
 * the batch (ledger_db_set_audit_batch(), a function of this connection: no
 * other connection's changes are ever stamped). The history then shows the import as one
 * entry, and each item's history says that its change came from that file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-import-private.h"
#include "ledger-store.h"
#include "ledger-store-bulk.h"

typedef LedgerImport Import;

/* ---- auxiliary functions ---- */

static gboolean
step_done (LedgerDb      *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  return ledger_db_set_sqlite_error (db, rc, error);
}

static gboolean
open_batch (Import      *self,
            const char  *id,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) batch = ledger_db_prepare (self->db,
    "INSERT INTO audit_batches (id, at, actor, action, detail, kind)"
    " VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'import', ?2, ?3)", error);

  if (batch == NULL)
    return FALSE;
  sqlite3_bind_text (batch, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (batch, 2, self->report->file_name ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (batch, 3, ledger_kind_to_key (self->kind), -1, SQLITE_STATIC);
  if (!step_done (self->db, batch, error))
    return FALSE;
  ledger_db_set_audit_batch (self->db, id);
  return TRUE;
}

static gboolean
close_batch (Import      *self,
             const char  *id,
             guint        n_new,
             guint        n_updated,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) counts = ledger_db_prepare (self->db,
    "UPDATE audit_batches SET n_new = ?2, n_updated = ?3 WHERE id = ?1", error);

  ledger_db_set_audit_batch (self->db, NULL);
  if (counts == NULL)
    return FALSE;
  sqlite3_bind_text (counts, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (counts, 2, n_new);
  sqlite3_bind_int (counts, 3, n_updated);
  return step_done (self->db, counts, error);
}

static gboolean
save_geometry (Import      *self,
               const char  *uid,
               const char  *geometry,
               GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (geometry == NULL)
    return TRUE;
  stmt = ledger_db_prepare (self->db,
                            "UPDATE water_bodies SET geometry = ?2 WHERE uid = ?1 AND geometry IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, geometry, -1, SQLITE_TRANSIENT);
  return step_done (self->db, stmt, error);
}

/* ---- the changes, for undo ---- */

/* the item tables an import writes (audit rows are the trail, not the item) */
static const char *const item_tables[] = {
  "regions", "village_sewage", "facilities", "farms", "farm_years", "water_bodies",
  "samples", "inspections", NULL
};

static sqlite3_session *
start_recording (Import  *self,
                 GError **error)
{
  sqlite3_session *session = NULL;
  int rc;

  if (!self->options->record_changes)
    return NULL;
  rc = sqlite3session_create (ledger_db_get_handle (self->db), "main", &session);
  for (guint i = 0; rc == SQLITE_OK && item_tables[i] != NULL; i++)
    rc = sqlite3session_attach (session, item_tables[i]);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&session, sqlite3session_delete);
      ledger_db_set_sqlite_error (self->db, rc, error);
    }
  return session;
}

static gboolean
keep_recording (Import           *self,
                sqlite3_session  *session,
                GError          **error)
{
  void *changeset = NULL;
  int size = 0;
  int rc;

  if (session == NULL)
    return TRUE;
  rc = sqlite3session_changeset (session, &size, &changeset);
  if (rc != SQLITE_OK)
    return ledger_db_set_sqlite_error (self->db, rc, error);
  g_clear_pointer (&self->report->changes, g_bytes_unref);
  self->report->changes = g_bytes_new_with_free_func (changeset, size, sqlite3_free, changeset);
  return TRUE;
}

/* When the check pass already opened the write transaction, the rows go
 * straight into it (import_rows() commits or rolls it back): a savepoint
 * around hundreds of thousands of rows makes SQLite's statement journal
 * quadratic. */
static gboolean
begin_writing (Import  *self,
               GError **error)
{
  return self->checked_in_transaction || ledger_db_begin (self->db, error);
}

static gboolean
finish_writing (Import  *self,
                GError **error)
{
  return self->checked_in_transaction || ledger_db_commit (self->db, error);
}

static void
give_up (Import *self)
{
  ledger_db_set_audit_batch (self->db, NULL);
  if (!self->checked_in_transaction)
    ledger_db_rollback (self->db);
  self->report->n_written = 0;
  g_clear_pointer (&self->report->changes, g_bytes_unref);
}

/* A checked record without a geometry, in the write transaction: queued
 * by the bulk writer, which owns it from now on. */
static gboolean
save_in_bulk (Import  *self,
              guint    i,
              GError **error)
{
  LedgerRecord *record = g_steal_pointer (&g_ptr_array_index (self->records, i));

  if (!ledger_store_bulk_save (self->bulk, record, error))
    return FALSE;
  self->report->n_written++;
  return TRUE;
}

/* One record; FALSE with @error stops the import (a refused row under
 * valid_only is reported and skipped). */
static gboolean
save_record (Import        *self,
             guint          i,
             gboolean      *rejected,
             GError       **error)
{
  g_autoptr (GError) local = NULL;
  LedgerRecord *record = g_ptr_array_index (self->records, i);
  guint line = g_array_index (self->record_lines, guint, i);

  *rejected = FALSE;
  if (self->checked_in_transaction && g_ptr_array_index (self->geometries, i) == NULL)
    return save_in_bulk (self, i, error);
  /* a geometry is written after its item's row: nothing may wait in the queue */
  if (self->checked_in_transaction && !ledger_store_bulk_flush (self->bulk, error))
    return FALSE;
  if (self->checked_in_transaction ? ledger_store_save_prechecked (self->db, record, &local)
                                    : ledger_store_save (self->db, record, &local))
    {
      self->report->n_written++;
      return save_geometry (self, record->uid, g_ptr_array_index (self->geometries, i), error);
    }
  /* written without a savepoint of its own: a failure ends the import */
  if (self->checked_in_transaction || !g_error_matches (local, LEDGER_ERROR, LEDGER_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ledger_import_add_problem (self, line, -1, 0, FALSE, "%s", local->message);
  self->report->n_rejected++;
  *rejected = TRUE;
  return TRUE;
}

static gboolean
save_records (Import   *self,
              guint    *n_new,
              guint    *n_updated,
              GError  **error)
{
  guint n = self->records->len;

  for (guint i = 0; i < n; i++)
    {
      const LedgerImportAction *action = g_ptr_array_index (self->report->actions, i);
      gboolean rejected;

      if (i % LEDGER_IMPORT_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->options->cancellable, error))
            return FALSE;
          ledger_import_report_progress (self, 0.9 + 0.1 * i / n);
        }
      if (action->unchanged)
        continue;
      if (!save_record (self, i, &rejected, error))
        return FALSE;
      if (rejected && !self->options->valid_only)
        return TRUE;
      if (!rejected)
        *(action->is_update ? n_updated : n_new) += 1;
      /* written: the record is not needed any more (memory, issue 19) */
      g_clear_pointer (&g_ptr_array_index (self->records, i), ledger_record_free);
      g_clear_pointer (&g_ptr_array_index (self->geometries, i), g_free);
    }
  return ledger_store_bulk_flush (self->bulk, error);
}

/* ---- internal API ---- */

/**
 * ledger_import_write:
 *
 * Writes the valid rows that add or change something, in one transaction
 * and one audit batch. Cancelled: rolled back, %G_IO_ERROR_CANCELLED.
 *
 * Returns: FALSE with @error when cancelled or the ledger cannot be written
 */
gboolean
ledger_import_write (Import  *self,
                     GError **error)
{
  g_autofree char *batch = ledger_uid_new ();
  g_autoptr (GError) local = NULL;
  sqlite3_session *session = NULL;
  guint n_new = 0, n_updated = 0;
  guint rejected_before = self->report->n_rejected;
  gboolean ok;

  if (!begin_writing (self, error))
    return FALSE;
  session = start_recording (self, &local);
  self->bulk = ledger_store_bulk_new (self->db);
  ok = local == NULL && open_batch (self, batch, &local) && save_records (self, &n_new, &n_updated, &local) &&
       keep_recording (self, session, &local);
  g_clear_pointer (&self->bulk, ledger_store_bulk_free);
  g_clear_pointer (&session, sqlite3session_delete);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));
  if (!ok)
    {
      give_up (self);
      return FALSE;
    }
  if (self->report->n_rejected > rejected_before && !self->options->valid_only)
    {
      give_up (self);   /* the store refused a row at the last moment */
      return TRUE;
    }
  if (!close_batch (self, batch, n_new, n_updated, error))
    {
      give_up (self);
      return FALSE;
    }
  ledger_db_note_change (self->db, LEDGER_KIND_ALL, NULL);
  if (!finish_writing (self, error))
    {
      self->report->n_written = 0;
      g_clear_pointer (&self->report->changes, g_bytes_unref);
      return FALSE;
    }
  ledger_import_report_progress (self, 1.0);
  return TRUE;
}
