/* ledger-detail-pane-private.h: what the pane's files share */
#pragma once

#include "ledger-detail-pane.h"
#include "ledger-record.h"

G_BEGIN_DECLS

#define HISTORY_LIMIT 50

struct _LedgerDetailPane
{
  GtkWidget            parent_instance;

  LedgerDb            *db;
  GSignalGroup        *db_signals;
  int                  year;
  LedgerKind           kind;
  char                *uid;
  int                  selected_kind;   /* the window's selection, bound: the kind of the uid that follows */
  LedgerRecord        *record;
  gboolean             show_all_history;
  GHashTable          *rows;            /* AdwPreferencesGroup* -> GPtrArray of rows added to it */

  /* template children */
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *samples_group;
  AdwPreferencesGroup *inspections_group;
  AdwPreferencesGroup *history_group;
  GtkScrolledWindow   *item_scroller;   /* back to the top when the item changes */
  GtkButton           *show_all_button;
};

/* ledger-detail-pane.c */
void       ledger_detail_pane_add_row     (LedgerDetailPane    *self,
                                           AdwPreferencesGroup *group,
                                           GtkWidget           *row);
void       ledger_detail_pane_clear_group (LedgerDetailPane    *self,
                                           AdwPreferencesGroup *group);
GtkWidget *ledger_detail_pane_new_row     (const char          *title,
                                           const char          *subtitle);
const char *ledger_detail_pane_subject_code (LedgerDetailPane  *self);
void       ledger_detail_pane_open_editor (LedgerDetailPane    *self,
                                           LedgerKind           kind,
                                           const char          *uid,
                                           const char          *subject_code);

/* ledger-detail-pane-lists.c */
void       ledger_detail_pane_fill_observations (LedgerDetailPane *self,
                                                 LedgerKind        kind);
void       ledger_detail_pane_fill_history      (LedgerDetailPane *self);
void       ledger_detail_pane_confirm_delete    (LedgerDetailPane *self,
                                                 LedgerKind        kind,
                                                 const char       *uid);

/* ledger-detail-pane-photos.c */
void       ledger_detail_pane_add_photos_row   (LedgerDetailPane *self,
                                                const char       *inspection_uid);
void       ledger_detail_pane_choose_photo     (LedgerDetailPane *self,
                                                const char       *inspection_uid);
void       ledger_detail_pane_open_photo       (LedgerDetailPane *self,
                                                const char       *photo_uid);

G_END_DECLS
