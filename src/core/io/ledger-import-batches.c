/* ledger-import-batches.c: the imports in the audit log (docs/ARCHITECTURE.md, schema)
 *
 * An import writes one audit_batches row (ledger-import-write.c); the audit
 * rows of its changes point to it. Listed here as one entry per import.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-import.h"

/* ---- public API ---- */

void
ledger_import_batch_free (LedgerImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->id);
  g_free (batch->at);
  g_free (batch->actor);
  g_free (batch->file_name);
  g_free (batch);
}

/**
 * ledger_import_batches:
 *
 * Returns: (transfer full) (element-type LedgerImportBatch): the ledger's
 *   imports, newest first, or NULL with @error
 */
GPtrArray *
ledger_import_batches (LedgerDb  *db,
                       GError   **error)
{
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_import_batch_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT id, at, actor, detail, kind, n_new, n_updated FROM audit_batches"
    " WHERE action = 'import' ORDER BY at DESC, id DESC", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LedgerImportBatch *batch = g_new0 (LedgerImportBatch, 1);

      batch->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      batch->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      batch->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      batch->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (!ledger_kind_from_key ((const char *) sqlite3_column_text (stmt, 4), &batch->kind))
        batch->kind = LEDGER_N_KINDS;
      batch->n_new = sqlite3_column_int (stmt, 5);
      batch->n_updated = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (batches, batch);
    }
  return g_steal_pointer (&batches);
}

/**
 * ledger_import_batch_describe:
 *
 * Returns: (transfer full): "Import 文件.csv (N new, M updated)"
 */
char *
ledger_import_batch_describe (const LedgerImportBatch *batch)
{
  /* Translators: one import in the change history: file, rows added, rows changed */
  return g_strdup_printf (_("Import %s (%u new, %u updated)"), batch->file_name, batch->n_new, batch->n_updated);
}
