/* ledger-store-delete.c: deleting, undoing a delete, removing the demo */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-store-private.h"
#include "ledger-undo.h"

/* ---- deleting ---- */

static void
append_all (GPtrArray *to,
            GPtrArray *from)
{
  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (to, g_steal_pointer (&from->pdata[i]));
  g_clear_pointer (&from, g_ptr_array_unref);
}

static GPtrArray *
collect_item (LedgerDb    *db,
              LedgerKind   kind,
              const char  *uid,
              GError     **error)
{
  LedgerLoadOptions options = { .uid = uid };
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  GPtrArray *item = ledger_store_load (db, kind, &options, error);

  if (item == NULL || item->len == 0)
    {
      if (item != NULL)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("The item no longer exists."));
      g_clear_pointer (&item, g_ptr_array_unref);
      g_ptr_array_unref (records);
      return NULL;
    }
  append_all (records, item);
  if (kind != LEDGER_KIND_SAMPLES && kind != LEDGER_KIND_INSPECTIONS)
    {
      if (kind != LEDGER_KIND_FARMS && kind != LEDGER_KIND_VILLAGES)
        append_all (records, ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, uid, NULL));
      if (kind != LEDGER_KIND_VILLAGES)
        append_all (records, ledger_store_load_for_subject (db, LEDGER_KIND_INSPECTIONS, uid, NULL));
    }
  return records;
}

static gboolean
delete_row (LedgerDb    *db,
            LedgerKind   kind,
            const char  *uid,
            GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* a village is never deleted: "deleting" it clears its sewage record */
  sql = kind == LEDGER_KIND_VILLAGES ? g_strdup ("DELETE FROM village_sewage WHERE village_code = ?")
                                     : g_strdup_printf ("DELETE FROM %s WHERE uid = ?", ledger_kind_table (kind));
  if (!(stmt = ledger_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  return ledger_db_step_done (db, stmt, error);
}

/**
 * ledger_store_delete:
 *
 * Returns: (transfer full) (element-type LedgerRecord) (nullable): what was
 *   deleted, for ledger_store_restore(), or NULL on error
 */
GPtrArray *
ledger_store_delete (LedgerDb    *db,
                     LedgerKind   kind,
                     const char  *uid,
                     GError     **error)
{
  g_autoptr (GPtrArray) deleted = collect_item (db, kind, uid, error);
  LedgerUndo *journal = ledger_undo_recording (db);
  gboolean labelled = FALSE;

  if (deleted == NULL || !ledger_db_begin (db, error))
    return NULL;
  /* one labelled entry in the history, not a bare row per farm year */
  if (!ledger_undo_label_is_open (db))
    {
      g_autofree char *name = ledger_undo_record_name (g_ptr_array_index (deleted, 0));
      labelled = ledger_undo_label_begin (db, "delete", name, error);
      if (!labelled)
        {
          ledger_db_rollback (db);
          return NULL;
        }
    }
  if (!delete_row (db, kind, uid, error))
    {
      if (labelled)
        ledger_undo_label_end (db);
      ledger_db_rollback (db);
      return NULL;
    }
  if (labelled)
    ledger_undo_label_end (db);
  ledger_db_note_change (db, kind, uid);
  if (!ledger_db_commit (db, error))
    return NULL;
  if (journal != NULL)
    ledger_undo_note_deleted (journal, kind, uid, deleted);
  return g_steal_pointer (&deleted);
}

/**
 * ledger_store_restore:
 * @deleted: (element-type LedgerRecord): what ledger_store_delete() returned
 *
 * Puts deleted records back with their uids, in one transaction (Undo).
 */
gboolean
ledger_store_restore (LedgerDb   *db,
                      GPtrArray  *deleted,
                      GError    **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < deleted->len; i++)
    {
      g_autoptr (LedgerRecord) record = ledger_record_copy (g_ptr_array_index (deleted, i));
      if (!ledger_store_save (db, record, error))
        {
          ledger_db_rollback (db);
          return FALSE;
        }
    }
  return ledger_db_commit (db, error);
}

/**
 * ledger_store_remove_demo:
 * @n_removed: (out) (optional): how many rows went
 *
 * Removes every demo record in one transaction; real records stay.
 */
gboolean
ledger_store_remove_demo (LedgerDb  *db,
                          guint     *n_removed,
                          GError   **error)
{
  static const char *const statements[] = {
    "DELETE FROM samples WHERE is_demo",
    "DELETE FROM inspections WHERE is_demo",
    "DELETE FROM farm_years WHERE is_demo",
    "DELETE FROM farms WHERE is_demo",
    "DELETE FROM facilities WHERE is_demo",
    "DELETE FROM water_bodies WHERE is_demo",
    "DELETE FROM village_sewage WHERE is_demo",
    "UPDATE regions SET households = NULL, population = NULL, lon = NULL, lat = NULL, is_demo = 0 WHERE is_demo",
  };
  sqlite3 *handle = ledger_db_get_handle (db);
  guint total = 0;

  if (!ledger_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, statements[i], error);
      if (stmt == NULL || !ledger_db_step_done (db, stmt, error))
        {
          ledger_db_rollback (db);
          return FALSE;
        }
      total += sqlite3_changes (handle);
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  if (n_removed)
    *n_removed = total;
  return ledger_db_commit (db, error);
}
