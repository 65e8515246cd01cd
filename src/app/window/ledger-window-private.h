/* ledger-window-private.h: what ledger-window.c and ledger-window-actions.c share */
#pragma once

#include "ledger-detail-pane.h"
#include "ledger-list-view.h"
#include "ledger-map-view.h"
#include "ledger-progress-page.h"
#include "ledger-inspections-page.h"
#include "ledger-window.h"
#include "ledger-undo.h"

G_BEGIN_DECLS

struct _LedgerWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LedgerDb             *db;
  int                   year;
  char                 *township;        /* 9-digit code or NULL */
  GPtrArray            *township_codes;  /* char*, index 0 = NULL (all) */
  int                   selected_kind;   /* the selection every view binds to */
  char                 *selected_uid;
  guint                 poll_id;

  GPtrArray            *last_deleted;    /* from ledger_store_delete, for Undo */
  int                   last_deleted_kind;
  char                 *last_deleted_uid;
  AdwToast             *undo_toast;
  LedgerUndo           *undo;            /* this window's edits, for Ctrl+Z (ledger-window-undo.c) */

  /* ledger-window-holding-back.c */
  GtkRevealer          *holding_back_bar;
  GtkLabel             *holding_back_label;
  char                 *holding_back_township;
  int                   holding_back_year;
  LedgerIndicatorId     holding_back_indicator;
  LedgerDb             *holding_back_db;   /* whose "changed" refreshes it */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkButton            *demo_badge;
  GtkButton            *exchange_badge;  /* 待发送 N 项; its tooltip 上次交换 … (linked ledgers) */
  AdwButtonContent     *exchange_badge_content;
  GtkDropDown          *township_dropdown;
  GtkSpinButton        *year_spin;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;
  GtkPaned             *paned;
  int                   paned_auto_position; /* the divider as last placed by the window; -1 once the user dragged it */
  AdwViewStack         *view_stack;
  LedgerMapView        *map_view;
  LedgerListView       *list_view;
  LedgerProgressPage   *progress_page;
  LedgerInspectionsPage *inspections_page;
  LedgerDetailPane     *detail_pane;
};

/* ledger-window-actions.c */
typedef void (*FileChosenFunc) (LedgerWindow *self,
                                const char   *path);

void ledger_window_class_add_actions (GtkWidgetClass *widget_class);
void ledger_window_choose_file       (LedgerWindow         *self,
                                      const char           *title,
                                      GtkFileChooserAction  action,
                                      const char           *suggested_name,
                                      GtkFileFilter        *filter,
                                      FileChosenFunc        func);
void ledger_window_show_error        (LedgerWindow   *self,
                                      const char     *heading,
                                      const GError   *error);
void ledger_window_show_open_error   (LedgerWindow   *self,
                                      const char     *path,
                                      const GError   *error);
void ledger_window_toast             (LedgerWindow   *self,
                                      const char     *title);
void ledger_window_update_actions    (LedgerWindow   *self);

/* ledger-window-template.c: File → Download Import Template */
void     ledger_window_class_add_template_actions (GtkWidgetClass *widget_class);

/* ledger-window-county.c */
void  ledger_window_class_add_county_actions (GtkWidgetClass *widget_class);
char *ledger_window_dup_demo_path            (void);
void  ledger_window_remember_ledger          (LedgerWindow   *self,
                                              const char     *path);
void  ledger_window_update_demo_badge        (LedgerWindow   *self);
/* ledger-window-map.c */
void ledger_window_class_add_map_actions (GtkWidgetClass *widget_class);

/* ledger-window-exchange.c: update packages between township and county */
void ledger_window_class_add_exchange_actions (GtkWidgetClass *widget_class);
void ledger_window_update_exchange_status     (LedgerWindow   *self);
void ledger_window_send_package               (LedgerWindow   *self,
                                               const char     *to);
void ledger_window_receive_package_file       (LedgerWindow   *self,
                                               const char     *path);
char *ledger_format_exchange_time             (const char     *utc);
char *ledger_window_dup_exchange_status       (LedgerWindow   *self);

/* ledger-window-holding-back.c */
void ledger_window_init_holding_back (LedgerWindow   *self);

/* ledger-window-undo.c */
void     ledger_window_class_add_undo_actions (GtkWidgetClass *widget_class);
void     ledger_window_attach_undo            (LedgerWindow   *self);
gboolean ledger_window_undo_delete            (LedgerWindow   *self,
                                               const char     *uid);

G_END_DECLS
