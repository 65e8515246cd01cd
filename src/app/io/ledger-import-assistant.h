/* ledger-import-assistant.h: the import assistant — file, mapping, check, import
 *
 * A modal window over the main window. It reads the file in a thread, guesses
 * the kind and the column mapping, shows a preview the officer can correct,
 * checks every row in a dry run (listing every problem by row and column),
 * then imports all or only the valid rows in a thread on its own connection.
 */
#pragma once

#include <adwaita.h>

#include "ledger-table-layout.h"
#include "ledger-db.h"
#include "ledger-import.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_IMPORT_ASSISTANT (ledger_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (LedgerImportAssistant, ledger_import_assistant, LEDGER, IMPORT_ASSISTANT, AdwWindow)

/* @kind is preset when the file's headers tell nothing */
LedgerImportAssistant *ledger_import_assistant_new      (GtkWindow             *parent,
                                                         LedgerDb              *db,
                                                         LedgerKind             kind);
/* reads @path in a thread, then shows the mapping page (or the reason) */
void        ledger_import_assistant_open_file          (LedgerImportAssistant *self,
                                                        const char            *path);
/* what "Import valid rows" does once the place of the rejected rows is chosen */
void        ledger_import_assistant_import_valid_to    (LedgerImportAssistant *self,
                                                        const char            *rejected_path);

/* "file", "mapping", "check" or "import" */
const char *ledger_import_assistant_get_page           (LedgerImportAssistant *self);
/* a thread is reading, checking or importing */
gboolean    ledger_import_assistant_is_busy            (LedgerImportAssistant *self);
LedgerKind  ledger_import_assistant_get_kind           (LedgerImportAssistant *self);
GBytes     *ledger_import_assistant_get_imported_changes (LedgerImportAssistant *self);
const char *ledger_import_assistant_get_path           (LedgerImportAssistant *self);
void        ledger_import_assistant_set_kind           (LedgerImportAssistant *self,
                                                        LedgerKind             kind);
/* LEDGER_N_KINDS when the headers tell no kind */
LedgerKind  ledger_import_assistant_get_guessed_kind   (LedgerImportAssistant *self);
/* as choosing in the coordinate system drop-down */
void        ledger_import_assistant_set_crs            (LedgerImportAssistant *self,
                                                        LedgerDatum            crs);
/* the field index column @column (0-based) goes to, -1 = ignored */
int         ledger_import_assistant_get_column_field   (LedgerImportAssistant *self,
                                                        guint                  column);
/* as choosing in the column's drop-down */
void        ledger_import_assistant_set_column_field   (LedgerImportAssistant *self,
                                                        guint                  column,
                                                        int                    field);
/* the dry run's report, NULL before the check is done */
const LedgerImportReport *ledger_import_assistant_get_preview (LedgerImportAssistant *self);
/* where the header and the data are, as shown (NULL before a file is read) */
const LedgerTableLayout *ledger_import_assistant_get_layout (LedgerImportAssistant *self);
/* the lines the check page lists (problems and updates, by row) */
guint       ledger_import_assistant_get_n_listed       (LedgerImportAssistant *self);
const char *ledger_import_assistant_get_listed         (LedgerImportAssistant *self,
                                                        guint                  position);
/* the texts shown: required columns not mapped, the read error, the check
 * page's status (cancelled, failed) and the reason behind the choice */
const char *ledger_import_assistant_get_missing_text   (LedgerImportAssistant *self);
const char *ledger_import_assistant_get_read_error     (LedgerImportAssistant *self);
const char *ledger_import_assistant_get_status_text    (LedgerImportAssistant *self);
const char *ledger_import_assistant_get_choice_text    (LedgerImportAssistant *self);
/* 0..1 of the running check or import */
double      ledger_import_assistant_get_fraction       (LedgerImportAssistant *self);

/* signal "imported" (const char *message): the import landed; @message is
 * the toast to show ("Imported 12 rows: 10 new, 2 updated") */

G_END_DECLS
