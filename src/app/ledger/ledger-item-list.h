/* ledger-item-list.h: one kind's rows as a lazy, filtered, sorted list model
 *
 * LedgerItemList loads a kind in one query (ledger_list_data_load), computes
 * each row's status and a search haystack once, and keeps the filtered and
 * sorted view as an index array: filtering 100,000 rows is a scan over that
 * array, sorting a qsort over precomputed keys. Row objects (LedgerItem) are
 * made only when a view asks for one. It is also the view's selection
 * model (many rows, one of them current), so a selection follows its rows
 * through filtering and sorting.
 */
#pragma once

#include <gtk/gtk.h>

#include "ledger-db.h"
#include "ledger-item.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_ITEM_LIST (ledger_item_list_get_type ())
G_DECLARE_FINAL_TYPE (LedgerItemList, ledger_item_list, LEDGER, ITEM_LIST, GObject)

LedgerItemList *ledger_item_list_new               (LedgerKind      kind);
LedgerKind      ledger_item_list_get_kind          (LedgerItemList *self);

/* NULL @db empties the list; keeps the filters, sort and the selection (by uid) */
gboolean        ledger_item_list_load              (LedgerItemList *self,
                                                    LedgerDb       *db,
                                                    int             year,
                                                    GError        **error);
gboolean        ledger_item_list_is_loaded         (LedgerItemList *self);

void            ledger_item_list_set_search        (LedgerItemList *self,
                                                    const char     *text);
void            ledger_item_list_set_township      (LedgerItemList *self,
                                                    const char     *code_or_null);
/* only the rows whose uid is in @uids (NULL: all); villages by code */
void            ledger_item_list_set_only          (LedgerItemList *self,
                                                    GHashTable     *uids);
/* 0 = all; see ledger_item_list_status_options() */
void            ledger_item_list_set_status        (LedgerItemList *self,
                                                    guint           option);
/* column filters: NULL = all */
void            ledger_item_list_set_village       (LedgerItemList *self,
                                                    const char     *name);
void            ledger_item_list_set_operator      (LedgerItemList *self,
                                                    const char     *name);
/* the values a column filter offers: village names, or operators */
GStrv           ledger_item_list_dup_choices       (LedgerItemList *self,
                                                    gboolean        village);
/* Returns: (transfer full): the labels of the status filter, "All" first */
GStrv           ledger_item_list_status_options    (LedgerKind      kind);

/* LEDGER_N_COLUMNS = the load order (by code) */
void            ledger_item_list_sort              (LedgerItemList *self,
                                                    LedgerColumnId  column,
                                                    gboolean        descending);

guint           ledger_item_list_get_n_total       (LedgerItemList *self);
void            ledger_item_list_set_paced   (LedgerItemList *self,
                                              guint           rows_in_view);
void            ledger_item_list_set_view_start (LedgerItemList *self,
                                                 guint           first);
gboolean        ledger_item_list_publish_step (LedgerItemList *self);
void            ledger_item_list_publish_all (LedgerItemList *self);
guint           ledger_item_list_get_n_shown       (LedgerItemList *self);
/* position of @uid in the filtered list, or -1 */
int             ledger_item_list_find              (LedgerItemList *self,
                                                    const char     *uid);

/* the positions of the selected rows that are shown (Ctrl/Shift-click select many) */
GArray         *ledger_item_list_get_chosen        (LedgerItemList *self);

/* the current row (the last clicked); "user-selected" (uid) is emitted only when a view selects */
const char     *ledger_item_list_get_selected_uid  (LedgerItemList *self);
void            ledger_item_list_set_selected_uid  (LedgerItemList *self,
                                                    const char     *uid);

G_END_DECLS
