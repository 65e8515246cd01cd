/* ledger-window-map-export.h: File → Export Map… (ledger-window-map-export.c) */
#pragma once

#include "ledger-map-print.h"
#include "ledger-window.h"

G_BEGIN_DECLS

void     ledger_window_class_add_map_export_actions (GtkWidgetClass *widget_class);
gboolean ledger_window_export_map                   (LedgerWindow   *self,
                                                     const char     *path,
                                                     LedgerPaper     paper,
                                                     GError        **error);

G_END_DECLS
