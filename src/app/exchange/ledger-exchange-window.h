/* ledger-exchange-window.h: update packages and conflicts — this ledger's link,
 * each partner's last package, sending and receiving, and the conflicts list
 * where an officer keeps one value */
#pragma once

#include <adwaita.h>

#include "ledger-window.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_EXCHANGE_WINDOW (ledger_exchange_window_get_type ())
G_DECLARE_FINAL_TYPE (LedgerExchangeWindow, ledger_exchange_window, LEDGER, EXCHANGE_WINDOW, AdwPreferencesWindow)

void ledger_exchange_window_present (LedgerWindow *window);

G_END_DECLS
