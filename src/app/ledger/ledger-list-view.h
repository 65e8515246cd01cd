/* ledger-list-view.h: the Ledger page, one list per kind (issue 3 item 3) */
#pragma once

#include <gtk/gtk.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_LIST_VIEW (ledger_list_view_get_type ())
G_DECLARE_FINAL_TYPE (LedgerListView, ledger_list_view, LEDGER, LIST_VIEW, GtkWidget)

GtkWidget  *ledger_list_view_new          (void);
/* NULL db clears; reloads on db "changed" */
void        ledger_list_view_set_db       (LedgerListView *self,
                                           LedgerDb       *db,
                                           int             year);
/* name, code, operator, village, township; pinyin (lz, laodong) */
void        ledger_list_view_set_search   (LedgerListView *self,
                                           const char     *text);
void        ledger_list_view_set_township (LedgerListView *self,
                                           const char     *code_or_null);
/* shows only @uids in @kind's list, and that list (NULL: all again) */
void        ledger_list_view_set_only     (LedgerListView *self,
                                           LedgerKind      kind,
                                           GHashTable     *uids);
/* shows that kind's list, selects and scrolls to the row */
void        ledger_list_view_select       (LedgerListView *self,
                                           int             kind,
                                           const char     *uid);
/* the list shown */
LedgerKind  ledger_list_view_get_kind     (LedgerListView *self);
guint       ledger_list_view_get_n_shown  (LedgerListView *self);
guint       ledger_list_view_get_n_total  (LedgerListView *self);

/* "Export this view…" without its file chooser: the shown rows, visible
 * columns, to an .xlsx file */
gboolean    ledger_list_view_export_view_to (LedgerListView *self,
                                             const char     *path,
                                             GError        **error);

/* signal "filters-cleared" when the empty state's button cleared the
 * search and filters (the window clears its search entry and township);
 * signal "item-selected" (int kind, const char *uid) when the user selects a
 * row; properties "n-shown", "n-total" notify */

G_END_DECLS
