/* ledger-welcome-page.h: what the window shows while no ledger is open (issue 6 item 3) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_WELCOME_PAGE (ledger_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerWelcomePage, ledger_welcome_page, LEDGER, WELCOME_PAGE, AdwBin)

#define LEDGER_MAX_RECENT_LEDGERS 5

GtkWidget *ledger_welcome_page_get_demo_button (LedgerWelcomePage *self);
guint      ledger_welcome_page_get_n_recent    (LedgerWelcomePage *self);

G_END_DECLS
