/* ledger-editor.h: the form that edits one record, validating as the user types */
#pragma once

#include <adwaita.h>

#include "ledger-coords.h"
#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_EDITOR (ledger_editor_get_type ())
G_DECLARE_FINAL_TYPE (LedgerEditor, ledger_editor, LEDGER, EDITOR, AdwWindow)

LedgerEditor *ledger_editor_new            (GtkWindow    *parent,
                                            LedgerDb     *db,
                                            LedgerKind    kind,
                                            const char   *uid_or_null,
                                            int           year);
/* WGS-84, for "Add here" */
void          ledger_editor_set_location   (LedgerEditor *self,
                                            double        lon,
                                            double        lat);
/* samples and inspections: prefills the subject code and makes it read-only */
void          ledger_editor_set_subject    (LedgerEditor *self,
                                            const char   *subject_code);
void          ledger_editor_set_datum      (LedgerEditor *self,
                                            LedgerDatum   datum);
/* what the Save button does after its questions: checks, saves, emits
 * "saved" and closes; FALSE with the reason (the window stays open with the
 * input). Farms: figures carried over from an earlier year are recorded for
 * the form's year only when the user chose so in the Save button's question. */
gboolean      ledger_editor_save           (LedgerEditor *self,
                                            GError      **error);
gboolean      ledger_editor_get_can_save   (LedgerEditor *self);
gboolean      ledger_editor_is_modified    (LedgerEditor *self);

/* for tests: the row of a field (an AdwEntryRow is a GtkEditable) and the
 * message shown under it (NULL when none) */
GtkWidget    *ledger_editor_get_field_row  (LedgerEditor *self,
                                            const char   *key);
const char   *ledger_editor_get_field_message (LedgerEditor *self,
                                               const char   *key);

/* signal "saved" (int kind, const char *uid) */

G_END_DECLS
