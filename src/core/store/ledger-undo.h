/* ledger-undo.h: undo and redo of a window session's edits, moves and deletes
 *
 * A LedgerUndo watches one LedgerDb: while it exists, every edit, move or
 * delete that the store makes as its own transaction (the editor's save, a
 * point dragged on the map, a delete) is remembered as one step with the item
 * before and after. Undo and redo write the other side back in one audited
 * transaction, whose audit rows carry a label ("撤销：编辑“X”") that the
 * change history shows instead of bare verbs. An import made in the window
 * is one step too (its SQLite changeset, ledger_undo_add_import); other
 * processes' changes are not steps; an undo refuses when the item changed since.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-kinds.h"
#include "ledger-record.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_UNDO (ledger_undo_get_type ())
G_DECLARE_FINAL_TYPE (LedgerUndo, ledger_undo, LEDGER, UNDO, GObject)

/* Watches @db until the returned object is finalized ("changed" signal when
 * a step is added, undone or redone). One LedgerUndo per LedgerDb. */
LedgerUndo *ledger_undo_new            (LedgerDb    *db);
gboolean    ledger_undo_can_undo       (LedgerUndo  *self);
gboolean    ledger_undo_can_redo       (LedgerUndo  *self);
/* "编辑“X”", "删除“X”", … the step Undo or Redo would take back, or NULL */
char       *ledger_undo_dup_undo_label (LedgerUndo  *self);
char       *ledger_undo_dup_redo_label (LedgerUndo  *self);
/* @kind and @uid (optional out): the item the step touched, for selecting it */
gboolean    ledger_undo_undo           (LedgerUndo  *self,
                                        int         *kind,
                                        char       **uid,
                                        GError     **error);
gboolean    ledger_undo_redo           (LedgerUndo  *self,
                                        int         *kind,
                                        char       **uid,
                                        GError     **error);
void        ledger_undo_clear          (LedgerUndo  *self);
/* an import of this ledger (on any connection) as one step */
void        ledger_undo_add_import     (LedgerUndo  *self,
                                        const char  *file_name,
                                        LedgerKind  kind,
                                        GBytes      *changes);
/* whether the step Undo would take back is the delete of @uid */
gboolean    ledger_undo_top_is_delete_of (LedgerUndo *self,
                                          const char *uid);

/* The history text of an audit label: action and the item's name as stored. */
char       *ledger_undo_describe_label (const char  *action,
                                        const char  *detail);

#ifdef LEDGER_COMPILATION
/* store hooks (ledger-store-write.c, ledger-store-delete.c) */
LedgerUndo   *ledger_undo_recording    (LedgerDb           *db);
LedgerRecord *ledger_undo_load_stored  (LedgerDb           *db,
                                        const LedgerRecord *record);
void          ledger_undo_note_saved   (LedgerUndo         *self,
                                        LedgerRecord       *before,
                                        const LedgerRecord *saved);
void          ledger_undo_note_deleted (LedgerUndo         *self,
                                        LedgerKind          kind,
                                        const char         *uid,
                                        GPtrArray          *deleted);
void          ledger_undo_note_batch   (LedgerUndo         *self,
                                        LedgerKind          kind,
                                        const char         *detail,
                                        GPtrArray          *before,
                                        GPtrArray          *after);
/* inside a transaction: the audit rows written until _end carry a label */
gboolean      ledger_undo_label_begin  (LedgerDb           *db,
                                        const char         *action,
                                        const char         *detail,
                                        GError            **error);
void          ledger_undo_label_end    (LedgerDb           *db);
gboolean      ledger_undo_label_is_open (LedgerDb          *db);
char         *ledger_undo_record_name  (const LedgerRecord *record);
#endif

G_END_DECLS
