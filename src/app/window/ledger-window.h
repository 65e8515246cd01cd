/* ledger-window.h: the main window (map, ledger lists, progress) */
#pragma once

#include <adwaita.h>

#include "ledger-application.h"
#include "ledger-db.h"
#include "ledger-map-view.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_WINDOW (ledger_window_get_type ())
G_DECLARE_FINAL_TYPE (LedgerWindow, ledger_window, LEDGER, WINDOW, AdwApplicationWindow)

LedgerWindow *ledger_window_new                (LedgerApplication *app);

/* Opens @path; on failure the window says why in a dialog that offers to
 * open another ledger or create one. Returns whether it opened. */
gboolean      ledger_window_open_path          (LedgerWindow      *self,
                                                const char        *path,
                                                gboolean           read_only);
/* Creates a ledger for @county (6 digits) at @path and opens it. */
gboolean      ledger_window_create_ledger      (LedgerWindow      *self,
                                                const char        *path,
                                                const char        *county,
                                                gboolean           demo);
void          ledger_window_set_db             (LedgerWindow      *self,
                                                LedgerDb          *db);
LedgerDb     *ledger_window_get_db             (LedgerWindow      *self);
int           ledger_window_get_year           (LedgerWindow      *self);
void          ledger_window_set_year           (LedgerWindow      *self,
                                                int                year);

/* the township shown (9 digits), NULL for all; the "township" property */
const char   *ledger_window_get_township       (LedgerWindow      *self);
void          ledger_window_set_township       (LedgerWindow      *self,
                                                const char        *code);
/* selects an item everywhere: detail pane, list and map (the read-only
 * "selected-kind" and the "selected-uid" properties, which they bind;
 * setting "selected-uid" alone keeps the kind) */
void          ledger_window_select_item        (LedgerWindow      *self,
                                                int                kind,
                                                const char        *uid);
const char   *ledger_window_get_selected_uid   (LedgerWindow      *self);
void          ledger_window_set_search         (LedgerWindow      *self,
                                                const char        *text);
/* what the Undo button of the "Deleted" toast does (win.undo-delete) */
gboolean      ledger_window_undo_last_delete   (LedgerWindow      *self);
/* opens the import assistant over the window (win.import, Ctrl+I, a file
 * dropped on the window); with @path it reads that file at once. NULL when
 * the ledger is read-only or none is open. (transfer none) */
GtkWindow    *ledger_window_open_import_assistant (LedgerWindow   *self,
                                                   const char     *path);
/* checks and stores a county outline (GeoJSON); asks when it does not fit the townships */
void          ledger_window_import_outline     (LedgerWindow      *self,
                                                const char        *path);
/* Writes the import template of @kind to @file (File → Download Import
 * Template, after the save dialog); a toast says where, a dialog why not. */
gboolean      ledger_window_save_import_template (LedgerWindow    *self,
                                                  LedgerKind       kind,
                                                  GFile           *file);

/* shows @township and, on the lists and the map, only what keeps it from
 * the target of @indicator, with a bar that says so (✕ ends it) */
void          ledger_window_show_holding_back  (LedgerWindow      *self,
                                                const char        *township,
                                                LedgerIndicatorId  indicator);
void          ledger_window_clear_holding_back (LedgerWindow      *self);
/* the bar's text, or NULL when everything is shown */
const char   *ledger_window_get_holding_back_text (LedgerWindow   *self);

/* the parts, for tests and the benchmark */
GtkWidget    *ledger_window_get_map_view       (LedgerWindow      *self);
GtkWidget    *ledger_window_get_list_view      (LedgerWindow      *self);
GtkWidget    *ledger_window_get_detail_pane    (LedgerWindow      *self);
GtkWidget    *ledger_window_get_progress_page  (LedgerWindow      *self);
GtkWidget    *ledger_window_get_inspections_page (LedgerWindow    *self);
void          ledger_window_set_view           (LedgerWindow      *self,
                                                const char        *name);

/* the Map page, where the next click is a location for @callback */
void ledger_window_pick_location (LedgerWindow          *self,
                                  LedgerMapViewPickFunc  callback,
                                  gpointer               data);

G_END_DECLS
