/* ledger-first-frame.h: a marker for timing the window's open */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ledger_first_frame_watch (GtkWindow *window);

G_END_DECLS
