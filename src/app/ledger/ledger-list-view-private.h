/* ledger-list-view-private.h: what the Ledger page's files share */
#pragma once

#include <adwaita.h>

#include "ledger-item-list.h"
#include "ledger-list-view.h"

G_BEGIN_DECLS

#define N_LIST_KINDS (LEDGER_KIND_WATER_BODIES + 1)

typedef struct
{
  LedgerListView *view;
  LedgerColumnId  id;
} ColumnProbe;

struct _LedgerListView
{
  GtkWidget        parent_instance;

  GtkWidget       *content;
  GtkToggleButton *kind_buttons[N_LIST_KINDS];
  GtkStack        *status_stack;
  GtkStack        *filter_stack;
  GtkLabel        *count_label;
  GtkStack        *list_stack;
  GtkStack        *results_stack;
  AdwStatusPage   *empty_page;

  LedgerItemList  *lists[N_LIST_KINDS];
  GtkColumnView   *column_views[N_LIST_KINDS];
  GtkDropDown     *status_dropdowns[N_LIST_KINDS];
  GtkDropDown     *village_dropdowns[N_LIST_KINDS];   /* NULL for villages */
  GtkDropDown     *operator_dropdowns[N_LIST_KINDS];  /* facilities and farms */
  gboolean         filling;
  gboolean         dirty[N_LIST_KINDS];

  LedgerDb        *db;
  GSignalGroup    *db_signals;
  guint            reload_idle;
  guint            publish_tick;   /* lists' rows handed on a step a frame */
  gint64           publish_after;  /* from the frame after this one */
  int              year;
  LedgerKind       kind;
  char            *search;
  char            *township;
  int              selected_kind;  /* the window's selection, bound */
  char            *selected_uid;
  guint            n_shown;
  guint            n_total;

  /* the probe of the column view's sorter */
  gboolean         probing;
  int              probed_column;
  GObject         *probe_a;
  GObject         *probe_b;
};

/* ledger-list-view-actions.c: the empty state, copy, export, batch edit */
void   ledger_list_view_update_empty_state (LedgerListView *self);
void   ledger_list_view_update_actions     (LedgerListView *self);
void   ledger_list_view_install_actions    (GtkWidgetClass *widget_class);
void   ledger_list_view_toast              (LedgerListView *self,
                                            const char     *title);
/* the visible columns of the shown list, in the view's order */
GPtrArray *ledger_list_view_visible_columns (LedgerListView *self);

/* ledger-list-view-filters.c: 村 and 运维单位 drop-downs */
GtkWidget *ledger_list_view_make_filters   (LedgerListView *self,
                                            LedgerKind      kind);
void       ledger_list_view_refill_filters (LedgerListView *self,
                                            LedgerKind      kind);
void       ledger_list_view_reset_filters  (LedgerListView *self);

/* ledger-list-view-batch.c: Edit Selected Rows… */
gboolean ledger_list_view_can_batch_edit       (LedgerListView *self);
void     ledger_list_view_install_batch_action (GtkWidgetClass *widget_class);

G_END_DECLS
