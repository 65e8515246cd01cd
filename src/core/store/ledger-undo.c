/* ledger-undo.c: undo and redo of a window session's edits, moves and deletes
 *
 * A step keeps the item as stored before and after one transaction of the
 * store. Undo writes "before" back (or deletes an item that was new, or
 * restores what a delete removed); redo writes "after". Each runs in one
 * transaction whose audit rows carry a label (audit_labels, joined on
 * audit.batch), so the history says what happened.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-store-private.h"
#include "ledger-undo.h"

#define UNDO_DATA "ledger-undo"
#define LABEL_DATA "ledger-undo-label"
#define MAX_STEPS 200

typedef enum
{
  STEP_NEW,
  STEP_EDIT,
  STEP_MOVE,
  STEP_DELETE,
  STEP_IMPORT,     /* many items: the import's changeset */
  STEP_BATCH,      /* one field of many items (ledger-store-batch.c) */
} StepAction;

typedef struct
{
  StepAction  action;
  LedgerKind  kind;
  char       *uid;
  char       *name;
  GPtrArray  *before;          /* LedgerRecord: the old item, or what a delete removed */
  GPtrArray  *after;           /* LedgerRecord: the saved item */
  int         new_farm_year;   /* farms: the year row the edit created, else 0 */
  GBytes     *changes;         /* STEP_IMPORT: the SQLite changeset the import wrote */
} Step;

struct _LedgerUndo
{
  GObject    parent_instance;

  LedgerDb  *db;          /* weak: the window owns both */
  GPtrArray *done;        /* Step, oldest first */
  GPtrArray *undone;      /* Step, the next redo last */
  gboolean   replaying;
};

G_DEFINE_FINAL_TYPE (LedgerUndo, ledger_undo, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];


/* ---- steps ---- */

static void
step_free (Step *step)
{
  g_free (step->uid);
  g_free (step->name);
  g_clear_pointer (&step->before, g_ptr_array_unref);
  g_clear_pointer (&step->after, g_ptr_array_unref);
  g_clear_pointer (&step->changes, g_bytes_unref);
  g_free (step);
}

static GPtrArray *
records_of (LedgerRecord *record)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);

  if (record != NULL)
    g_ptr_array_add (records, record);
  return records;
}

static const char *
step_key (StepAction action)
{
  static const char *const keys[] = { "new", "edit", "move", "delete", "import", "batch" };

  return keys[action];
}

static int
record_year (const LedgerRecord *record)
{
  const char *year = record != NULL && record->kind == LEDGER_KIND_FARMS ? ledger_record_get (record, "year") : NULL;

  return year != NULL ? atoi (year) : 0;
}

/* only the location differs */
static gboolean
is_move (const LedgerRecord *before,
         const LedgerRecord *after)
{
  int lon = ledger_kind_field_index (before->kind, "lon");
  int lat = ledger_kind_field_index (before->kind, "lat");
  gboolean moved = FALSE;

  if (lon < 0 || lat < 0)
    return FALSE;
  for (guint i = 0; i < before->n_values; i++)
    {
      gboolean same = g_strcmp0 (before->values[i], after->values[i]) == 0;
      if ((int) i == lon || (int) i == lat)
        moved |= !same;
      else if (!same)
        return FALSE;
    }
  return moved;
}

static void
push_step (LedgerUndo *self,
           Step       *step)
{
  g_ptr_array_add (self->done, step);
  if (self->done->len > MAX_STEPS)
    g_ptr_array_remove_index (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- labels ---- */

gboolean
ledger_undo_label_is_open (LedgerDb *db)
{
  return g_object_get_data (G_OBJECT (db), LABEL_DATA) != NULL;
}

gboolean
ledger_undo_label_begin (LedgerDb    *db,
                         const char  *action,
                         const char  *detail,
                         GError     **error)
{
  g_autofree char *id = ledger_uid_new ();
  g_autofree char *at = ledger_now_utc ();
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "INSERT INTO audit_labels (id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)", error);

  g_return_val_if_fail (ledger_db_in_transaction (db), FALSE);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, ledger_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, detail ? detail : "", -1, SQLITE_TRANSIENT);
  if (!ledger_db_step_done (db, stmt, error))
    return FALSE;
  ledger_db_set_audit_batch (db, id);
  g_object_set_data_full (G_OBJECT (db), LABEL_DATA, g_steal_pointer (&id), g_free);
  return TRUE;
}

void
ledger_undo_label_end (LedgerDb *db)
{
  ledger_db_set_audit_batch (db, NULL);
  g_object_set_data (G_OBJECT (db), LABEL_DATA, NULL);
}

char *
ledger_undo_record_name (const LedgerRecord *record)
{
  const char *keys[] = { "name", "code", "date" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int index = ledger_kind_field_index (record->kind, keys[i]);
      if (index >= 0 && record->values[index] != NULL)
        return g_strdup (record->values[index]);
    }
  return g_strdup (record->uid ? record->uid : "");
}

static const char *
action_text (const char *key)
{
  static const struct { const char *key; const char *text; } texts[] = {
    /* Translators: what a step of the change history did to the item named %s */
    { "new", N_("New “%s”") },
    { "edit", N_("Edit “%s”") },
    { "move", N_("Move “%s”") },
    { "delete", N_("Delete “%s”") },
    { "import", N_("Import “%s”") },
    /* Translators: a batch edit, e.g. "Batch edit: Operator = 水务公司, 3 items" */
    { "batch", N_("Batch edit: %s") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i].key, key) == 0)
      return _(texts[i].text);
  return NULL;
}

/**
 * ledger_undo_describe_label:
 * @action: "delete", or "undo-…" / "redo-…" with new, edit, move or delete
 *
 * Returns: (transfer full): 删除“X”, 撤销：编辑“X”, 重做：删除“X”, …
 */
char *
ledger_undo_describe_label (const char *action,
                            const char *detail)
{
  const char *verb = action;
  const char *text;
  g_autofree char *step = NULL;

  if (g_str_has_prefix (action, "undo-") || g_str_has_prefix (action, "redo-"))
    verb = action + 5;
  text = action_text (verb);
  if (text == NULL)
    return g_strdup (action);
  step = g_strdup_printf (text, detail);
  if (g_str_has_prefix (action, "undo-"))
    /* Translators: the history entry of an undone step, e.g. "Undo: Edit “X”" */
    return g_strdup_printf (_("Undo: %s"), step);
  if (g_str_has_prefix (action, "redo-"))
    /* Translators: the history entry of a redone step, e.g. "Redo: Edit “X”" */
    return g_strdup_printf (_("Redo: %s"), step);
  return g_steal_pointer (&step);
}


/* ---- store hooks ---- */

/* The journal to note a store's own transaction in, or NULL. */
LedgerUndo *
ledger_undo_recording (LedgerDb *db)
{
  LedgerUndo *self = g_object_get_data (G_OBJECT (db), UNDO_DATA);

  if (self == NULL || self->replaying || ledger_db_in_transaction (db))
    return NULL;
  return self;
}

LedgerRecord *
ledger_undo_load_stored (LedgerDb           *db,
                         const LedgerRecord *record)
{
  g_autoptr (LedgerRecord) existing = NULL;

  if (record->uid != NULL)
    return ledger_store_get (db, record->kind, record->uid, record_year (record), NULL);
  existing = ledger_store_find_existing (db, record);
  if (existing == NULL || existing->uid == NULL)
    return NULL;
  return ledger_store_get (db, record->kind, existing->uid, record_year (record), NULL);
}

/**
 * ledger_undo_note_saved:
 * @before: (transfer full) (nullable): the item as stored before, NULL when new
 */
void
ledger_undo_note_saved (LedgerUndo         *self,
                        LedgerRecord       *before,
                        const LedgerRecord *saved)
{
  LedgerRecord *after = ledger_undo_load_stored (self->db, saved);
  Step *step;

  if (after == NULL || (before != NULL && ledger_record_equal (before, after)))
    {
      g_clear_pointer (&before, ledger_record_free);
      g_clear_pointer (&after, ledger_record_free);
      return;
    }
  step = g_new0 (Step, 1);
  step->kind = saved->kind;
  step->uid = g_strdup (after->uid);
  step->name = ledger_undo_record_name (after);
  step->action = before == NULL ? STEP_NEW : is_move (before, after) ? STEP_MOVE : STEP_EDIT;
  if (before != NULL && saved->kind == LEDGER_KIND_FARMS && record_year (after) != record_year (before))
    step->new_farm_year = record_year (after);
  step->before = records_of (before);
  step->after = records_of (after);
  push_step (self, step);
}

/**
 * ledger_undo_add_import:
 * @file_name: the file, for the label ("导入“X.xlsx”")
 * @kind: the kind imported (selected after undo and redo)
 * @changes: the changeset of the rows the import wrote (report->changes)
 *
 * An import made on another connection of the same ledger becomes one step:
 * undo writes every row back as it was before, redo as the import left it,
 * each in one audited transaction; refused when any row changed since.
 */
void
ledger_undo_add_import (LedgerUndo *self,
                        const char *file_name,
                        LedgerKind  kind,
                        GBytes     *changes)
{
  Step *step;

  g_return_if_fail (LEDGER_IS_UNDO (self));
  g_return_if_fail (changes != NULL);
  if (g_bytes_get_size (changes) == 0)
    return;
  step = g_new0 (Step, 1);
  step->action = STEP_IMPORT;
  step->kind = kind;
  step->name = g_strdup (file_name);
  step->before = records_of (NULL);
  step->after = records_of (NULL);
  step->changes = g_bytes_ref (changes);
  push_step (self, step);
}

void
ledger_undo_note_deleted (LedgerUndo *self,
                          LedgerKind  kind,
                          const char *uid,
                          GPtrArray  *deleted)
{
  Step *step = g_new0 (Step, 1);

  step->action = STEP_DELETE;
  step->kind = kind;
  step->uid = g_strdup (uid);
  step->before = records_of (NULL);
  for (guint i = 0; i < deleted->len; i++)
    g_ptr_array_add (step->before, ledger_record_copy (g_ptr_array_index (deleted, i)));
  step->name = deleted->len > 0 ? ledger_undo_record_name (g_ptr_array_index (deleted, 0)) : g_strdup (uid);
  step->after = records_of (NULL);
  push_step (self, step);
}

/**
 * ledger_undo_note_batch:
 * @before: (transfer full): the changed items as stored before
 * @after: (transfer full): the same items after, in the same order
 */
void
ledger_undo_note_batch (LedgerUndo *self,
                        LedgerKind  kind,
                        const char *detail,
                        GPtrArray  *before,
                        GPtrArray  *after)
{
  Step *step = g_new0 (Step, 1);

  step->action = STEP_BATCH;
  step->kind = kind;
  step->uid = g_strdup (((LedgerRecord *) g_ptr_array_index (after, 0))->uid);
  step->name = g_strdup (detail);
  step->before = before;
  step->after = after;
  push_step (self, step);
}

/* ---- replaying a step ---- */

static gboolean
delete_farm_year (LedgerDb    *db,
                  const char  *farm_uid,
                  int          year,
                  GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "DELETE FROM farm_years WHERE farm_uid = ? AND year = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, farm_uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  if (!ledger_db_step_done (db, stmt, error))
    return FALSE;
  ledger_db_note_change (db, LEDGER_KIND_FARMS, farm_uid);
  return TRUE;
}

/* The item must still be as the step left it (@expected; NULL: absent). */
static gboolean
check_unchanged (LedgerDb            *db,
                 const Step          *step,
                 const LedgerRecord  *expected,
                 GError             **error)
{
  int year = step->after->len > 0 ? record_year (g_ptr_array_index (step->after, 0)) : 0;
  g_autoptr (LedgerRecord) current = ledger_store_get (db, step->kind, step->uid, year, NULL);
  gboolean same = expected == NULL ? current == NULL : current != NULL && ledger_record_equal (current, expected);

  if (!same)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                 _("“%s” was changed since, by an import, another window or another program: "
                   "it is left as it is now."), step->name);
  return same;
}

static gboolean
save_copy (LedgerDb            *db,
           const LedgerRecord  *record,
           GError             **error)
{
  g_autoptr (LedgerRecord) copy = ledger_record_copy (record);

  return ledger_store_save (db, copy, error);
}

/* any row the changeset meets changed since: the whole step is refused */
static int
refuse_on_conflict (void                   *data,
                    int                     conflict,
                    sqlite3_changeset_iter *iter)
{
  gboolean *conflicted = data;

  *conflicted = TRUE;
  return SQLITE_CHANGESET_ABORT;
}

static gboolean
apply_changes (LedgerDb    *db,
               const Step  *step,
               gboolean     invert,
               GError     **error)
{
  gsize size;
  const void *data = g_bytes_get_data (step->changes, &size);
  void *inverted = NULL;
  int n_inverted = 0;
  gboolean conflicted = FALSE;
  int rc;

  if (invert && (rc = sqlite3changeset_invert ((int) size, data, &n_inverted, &inverted)) != SQLITE_OK)
    return ledger_db_set_sqlite_error (db, rc, error);
  rc = sqlite3changeset_apply (ledger_db_get_handle (db), invert ? n_inverted : (int) size,
                               invert ? inverted : (void *) data, NULL, refuse_on_conflict, &conflicted);
  sqlite3_free (inverted);
  if (conflicted)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("Rows of the import “%s” were changed since, by an edit, another import or another "
                     "program: the import is left as it is now."), step->name);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return ledger_db_set_sqlite_error (db, rc, error);
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return TRUE;
}

/* a batch step: every item must still be as @expected left it, then @wanted is written */
static gboolean
write_batch (LedgerDb    *db,
             const Step  *step,
             GPtrArray   *expected,
             GPtrArray   *wanted,
             GError     **error)
{
  for (guint i = 0; i < expected->len; i++)
    {
      const LedgerRecord *was = g_ptr_array_index (expected, i);
      g_autoptr (LedgerRecord) current = ledger_store_get (db, step->kind, was->uid, record_year (was), NULL);

      if (current == NULL || !ledger_record_equal (current, was))
        {
          g_autofree char *name = ledger_undo_record_name (was);
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                       _("“%s” was changed since, by an import, another window or another program: "
                         "it is left as it is now."), name);
          return FALSE;
        }
      if (!save_copy (db, g_ptr_array_index (wanted, i), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_before (LedgerDb    *db,
              const Step  *step,
              GError     **error)
{
  LedgerRecord *after = step->after->len > 0 ? g_ptr_array_index (step->after, 0) : NULL;
  g_autoptr (GPtrArray) deleted = NULL;

  switch (step->action)
    {
    case STEP_IMPORT:
      return apply_changes (db, step, TRUE, error);
    case STEP_BATCH:
      return write_batch (db, step, step->after, step->before, error);
    case STEP_NEW:
      if (!check_unchanged (db, step, after, error))
        return FALSE;
      deleted = ledger_store_delete (db, step->kind, step->uid, error);
      return deleted != NULL;
    case STEP_DELETE:
      return check_unchanged (db, step, NULL, error) && ledger_store_restore (db, step->before, error);
    default:
      if (!check_unchanged (db, step, after, error) ||
          !save_copy (db, g_ptr_array_index (step->before, 0), error))
        return FALSE;
      return step->new_farm_year == 0 || delete_farm_year (db, step->uid, step->new_farm_year, error);
    }
}

static gboolean
write_after (LedgerDb    *db,
             const Step  *step,
             GError     **error)
{
  LedgerRecord *before = step->before->len > 0 ? g_ptr_array_index (step->before, 0) : NULL;
  g_autoptr (GPtrArray) deleted = NULL;

  switch (step->action)
    {
    case STEP_IMPORT:
      return apply_changes (db, step, FALSE, error);
    case STEP_BATCH:
      return write_batch (db, step, step->before, step->after, error);
    case STEP_NEW:
      return check_unchanged (db, step, NULL, error) && ledger_store_restore (db, step->after, error);
    case STEP_DELETE:
      if (!check_unchanged (db, step, before, error))
        return FALSE;
      deleted = ledger_store_delete (db, step->kind, step->uid, error);
      return deleted != NULL;
    default:
      return check_unchanged (db, step, before, error) &&
             save_copy (db, g_ptr_array_index (step->after, 0), error);
    }
}

static gboolean
replay (LedgerUndo  *self,
        Step        *step,
        gboolean     undo,
        GError     **error)
{
  g_autofree char *action = g_strdup_printf ("%s-%s", undo ? "undo" : "redo", step_key (step->action));
  gboolean ok;

  if (!ledger_db_begin (self->db, error))
    return FALSE;
  self->replaying = TRUE;
  ok = ledger_undo_label_begin (self->db, action, step->name, error) &&
       (undo ? write_before (self->db, step, error) : write_after (self->db, step, error));
  ledger_undo_label_end (self->db);
  self->replaying = FALSE;
  if (!ok)
    {
      ledger_db_rollback (self->db);
      return FALSE;
    }
  return ledger_db_commit (self->db, error);
}

static gboolean
move_step (LedgerUndo  *self,
           GPtrArray   *from,
           GPtrArray   *to,
           gboolean     undo,
           int         *kind,
           char       **uid,
           GError     **error)
{
  g_autoptr (GError) local = NULL;
  Step *step;

  if (self->db == NULL || from->len == 0)
    {
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }
  step = g_ptr_array_index (from, from->len - 1);
  if (!replay (self, step, undo, &local))
    {
      /* the item changed since: this step can no longer be replayed */
      if (g_error_matches (local, LEDGER_ERROR, LEDGER_ERROR_CONFLICT))
        {
          g_ptr_array_remove_index (from, from->len - 1);
          g_signal_emit (self, signals[CHANGED], 0);
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (kind != NULL)
    *kind = step->kind;
  if (uid != NULL)
    *uid = g_strdup (step->uid);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* ---- GObject ---- */

static void
ledger_undo_finalize (GObject *object)
{
  LedgerUndo *self = LEDGER_UNDO (object);

  if (self->db != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->db), (gpointer *) &self->db);
      if (g_object_get_data (G_OBJECT (self->db), UNDO_DATA) == self)
        g_object_set_data (G_OBJECT (self->db), UNDO_DATA, NULL);
    }
  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->undone);
  G_OBJECT_CLASS (ledger_undo_parent_class)->finalize (object);
}

static void
ledger_undo_class_init (LedgerUndoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_undo_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_undo_init (LedgerUndo *self)
{
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* ---- public API ---- */

LedgerUndo *
ledger_undo_new (LedgerDb *db)
{
  LedgerUndo *self = g_object_new (LEDGER_TYPE_UNDO, NULL);

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  self->db = db;
  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &self->db);
  g_object_set_data (G_OBJECT (db), UNDO_DATA, self);
  return self;
}

gboolean
ledger_undo_can_undo (LedgerUndo *self)
{
  return self->db != NULL && self->done->len > 0;
}

gboolean
ledger_undo_can_redo (LedgerUndo *self)
{
  return self->db != NULL && self->undone->len > 0;
}

static char *
dup_label (GPtrArray *steps)
{
  Step *step;

  if (steps->len == 0)
    return NULL;
  step = g_ptr_array_index (steps, steps->len - 1);
  return ledger_undo_describe_label (step_key (step->action), step->name);
}

char *
ledger_undo_dup_undo_label (LedgerUndo *self)
{
  return dup_label (self->done);
}

char *
ledger_undo_dup_redo_label (LedgerUndo *self)
{
  return dup_label (self->undone);
}

gboolean
ledger_undo_undo (LedgerUndo  *self,
                  int         *kind,
                  char       **uid,
                  GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_UNDO (self), FALSE);
  return move_step (self, self->done, self->undone, TRUE, kind, uid, error);
}

gboolean
ledger_undo_redo (LedgerUndo  *self,
                  int         *kind,
                  char       **uid,
                  GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_UNDO (self), FALSE);
  return move_step (self, self->undone, self->done, FALSE, kind, uid, error);
}

void
ledger_undo_clear (LedgerUndo *self)
{
  g_return_if_fail (LEDGER_IS_UNDO (self));
  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ledger_undo_top_is_delete_of (LedgerUndo *self,
                              const char *uid)
{
  Step *step;

  g_return_val_if_fail (LEDGER_IS_UNDO (self), FALSE);
  if (self->done->len == 0)
    return FALSE;
  step = g_ptr_array_index (self->done, self->done->len - 1);
  return step->action == STEP_DELETE && g_strcmp0 (step->uid, uid) == 0;
}
