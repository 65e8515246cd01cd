/* ledger-exchange-sync.h: the county server from the window */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *ledger_server_password_lookup (const char          *server);
gboolean  ledger_server_password_store  (const char          *server,
                                         const char          *password,
                                         GError             **error);
void      ledger_exchange_sync_async    (const char          *db_path,
                                         const char          *server,
                                         const char          *password,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char     *ledger_exchange_sync_finish   (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
