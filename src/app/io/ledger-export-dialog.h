/* ledger-export-dialog.h: the Export dialog (issue 4 item 2)
 *
 * Format (the XLSX workbook by default, CSV of one kind, GeoJSON), year and
 * scope, then a file chooser; the export runs in a worker thread on its own
 * connection to the ledger, with a progress bar and Cancel. On success the
 * dialog emits "exported" with the file's path and closes; a failure is
 * shown and the dialog stays open.
 */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"
#include "ledger-jobs.h"   /* LedgerExportFormat */

G_BEGIN_DECLS

#define LEDGER_TYPE_EXPORT_DIALOG (ledger_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LedgerExportDialog, ledger_export_dialog, LEDGER, EXPORT_DIALOG, AdwWindow)

LedgerExportDialog *ledger_export_dialog_new        (GtkWindow          *parent,
                                                     LedgerDb           *db,
                                                     int                 year,
                                                     const char         *township);
LedgerExportFormat  ledger_export_dialog_get_format (LedgerExportDialog *self);
void                ledger_export_dialog_set_format (LedgerExportDialog *self,
                                                     LedgerExportFormat  format);
/* CSV: the kind; GeoJSON: a kind with points, or LEDGER_N_KINDS for all */
void                ledger_export_dialog_set_kind   (LedgerExportDialog *self,
                                                     LedgerKind          kind);
int                 ledger_export_dialog_get_year   (LedgerExportDialog *self);
const char         *ledger_export_dialog_get_township (LedgerExportDialog *self);
/* Starts the export to @path, as the file chooser does. */
void                ledger_export_dialog_export_to  (LedgerExportDialog *self,
                                                     const char         *path);
gboolean            ledger_export_dialog_is_busy    (LedgerExportDialog *self);
void                ledger_export_dialog_cancel     (LedgerExportDialog *self);

/* Shows @path selected in the file manager (org.freedesktop.FileManager1),
 * or opens its folder when no file manager answers. */
void                ledger_show_in_folder           (const char         *path);

G_END_DECLS
