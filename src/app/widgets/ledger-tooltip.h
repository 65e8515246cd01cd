/* ledger-tooltip.h: tooltips as wide as their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* a label for a tooltip: one line up to LEDGER_TOOLTIP_MAX_COLUMNS, wrapped beyond */
#define LEDGER_TOOLTIP_MAX_COLUMNS 48

GtkWidget *ledger_tooltip_label_new       (const char *markup);
void       ledger_tooltip_set_text        (GtkTooltip *tooltip,
                                           const char *text);
void       ledger_tooltip_install         (void);

G_END_DECLS
