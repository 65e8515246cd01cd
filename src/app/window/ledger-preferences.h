/* ledger-preferences.h: base map settings and the ledger's rules */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PREFERENCES_WINDOW (ledger_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LedgerPreferencesWindow, ledger_preferences_window, LEDGER, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @db: the open ledger whose rules are edited, or NULL (no Rules page) */
GtkWindow *ledger_preferences_window_new (GtkWindow *parent,
                                          LedgerDb  *db);

G_END_DECLS
