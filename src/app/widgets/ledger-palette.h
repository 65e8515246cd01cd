/* ledger-palette.h: the marks' palette (core's ledger-marks) as GTK colours and CSS classes */
#pragma once

#include <gtk/gtk.h>

#include "ledger-marks.h"

G_BEGIN_DECLS

void        ledger_mark_color      (LedgerMark  mark,
                                    GdkRGBA    *rgba);
const char *ledger_mark_css_color  (LedgerMark  mark);
const char *ledger_mark_css_class  (LedgerMark  mark);
char       *ledger_palette_to_css  (void);
void        ledger_palette_install (GdkDisplay *display);

G_END_DECLS
