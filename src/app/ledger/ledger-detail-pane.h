/* ledger-detail-pane.h: the selected record — fields, figures, samples,
 * inspections and change history */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_DETAIL_PANE (ledger_detail_pane_get_type ())
G_DECLARE_FINAL_TYPE (LedgerDetailPane, ledger_detail_pane, LEDGER, DETAIL_PANE, GtkWidget)

GtkWidget  *ledger_detail_pane_new            (void);
void        ledger_detail_pane_set_db         (LedgerDetailPane *self,
                                               LedgerDb         *db,
                                               int               year);
/* NULL uid: a placeholder "Select an item" */
void        ledger_detail_pane_show_item      (LedgerDetailPane *self,
                                               int               kind,
                                               const char       *uid);

/* what the pane shows, and the confirmed delete of a sample or inspection
 * (what the dialog's Delete button does), for tests */
const char *ledger_detail_pane_get_uid        (LedgerDetailPane *self);
LedgerKind  ledger_detail_pane_get_kind       (LedgerDetailPane *self);
char       *ledger_detail_pane_dup_text       (LedgerDetailPane *self);
gboolean    ledger_detail_pane_delete_observation (LedgerDetailPane *self,
                                                   LedgerKind        kind,
                                                   const char       *uid,
                                                   GError          **error);

/* what "Attach Photo…" does once @file is chosen (JPEG or PNG); then offers
 * the photo's EXIF time and place in a dialog */
gboolean    ledger_detail_pane_attach_photo   (LedgerDetailPane *self,
                                               const char       *inspection_uid,
                                               GFile            *file,
                                               GError          **error);

G_END_DECLS
