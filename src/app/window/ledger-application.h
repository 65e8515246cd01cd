/* ledger-application.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_APPLICATION (ledger_application_get_type ())
G_DECLARE_FINAL_TYPE (LedgerApplication, ledger_application, LEDGER, APPLICATION, AdwApplication)

LedgerApplication *ledger_application_new             (void);
/* what --db FILE sets; for tests, before activation */
void               ledger_application_set_db_path     (LedgerApplication *self,
                                                       const char        *path);
const char        *ledger_application_get_db_path     (LedgerApplication *self);
/* $XDG_DATA_HOME/sanitation-ledger/ledger.db */
char              *ledger_application_dup_default_path (void);

G_END_DECLS
